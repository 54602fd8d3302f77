"""`rk fmt`: one canonical layout; formatting twice changes nothing; meaning and comments survive."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from fractions import Fraction
from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.vocabulary import INVISIBLE
from resultkontrakt.editor.fmt import comments, format_text
from resultkontrakt.language import syntax as s
from resultkontrakt.language.build import build
from resultkontrakt.language.parser import parse
from resultkontrakt.language.printer import expr_text

from .conftest import ROOT, SOMEWHERE, Rk


def module_of(text: str) -> s.Module:
    """The contract a text says, read as loading reads it: one spelling of each letter (NFC),
    so that a text holding U+F900 and its canonical U+8C48 say the same."""
    from resultkontrakt.contract.contract import prepared

    module, _ = build(parse(prepared(text, "t.rk"), "t.rk"), "t.rk")
    return module


def parses(path: Path) -> bool:
    """Whether the file holds a contract to format: it parses, and its syntax has no problem (what
    `format_text` asks before it prints; the test then formats it, and would fail where that did).
    Formatting each file here would do it again in every worker, before the first test."""
    from resultkontrakt.contract.contract import prepared

    try:
        _, problems = build(parse(prepared(path.read_text(encoding="utf-8"), path.name), path.name), path.name)
    except rk.RkError:
        return False
    return not problems


CONTRACTS = [p for p in sorted(ROOT.glob("examples/*.rk")) + sorted((ROOT / "tests" / "golden").glob("*.rk"))
             + sorted((ROOT / "tests" / "broken").glob("*.rk")) if parses(p)]


@pytest.mark.parametrize("path", CONTRACTS, ids=[p.name for p in CONTRACTS])
def test_formatting_keeps_the_meaning_and_is_stable(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = format_text(text)
    assert format_text(once) == once
    assert module_of(once) == module_of(text)
    assert [c.text for c in comments(once)] == [c.text for c in comments(text)]


def test_every_example_is_formatted(rk: Rk) -> None:
    run = rk("fmt", "--check", *sorted(ROOT.glob("examples/*.rk")))
    assert run.exit == 0, run.stdout


MESSY = '''# heading comment

contract "K" {parties "A","B"
period 2019-01-01..2019-12-31}
fact nps:number in -100..100 "NPS"   # measured yearly
goal 1 "T" {score nps>=60->100%;>=50->50%   # the contract's tiers
group "G"
    # why the weight
weight 2}
split s { shares { "Læsø Kommune" 1 B 22 } total 10 tkr }
'''


def test_a_messy_contract_gets_the_canonical_layout() -> None:
    assert format_text(MESSY) == '''# heading comment

contract "K" {
    parties "A", "B"
    period 2019-01-01 .. 2019-12-31
}

fact nps: number in -100 .. 100
    "NPS"  # measured yearly

goal 1 "T" {
    group "G"
    # why the weight
    weight 2
    score nps >= 60 -> 100%; >= 50 -> 50%  # the contract's tiers
}

split s {
    total 10 tkr
    shares {
        "Læsø Kommune"   1
        B               22
    }
}
'''


def test_long_tier_lists_go_one_tier_a_line() -> None:
    text = 'fact a_rather_long_name: number\ngoal 1 "T" { score ' + "; ".join(
        f"a_rather_long_name >= {n} -> {n}%" for n in range(90, 0, -10)) + " }"
    formatted = format_text(text)
    assert "    score a_rather_long_name >= 90 -> 90%;\n          a_rather_long_name >= 80 -> 80%;" in formatted
    assert format_text(formatted) == formatted


def test_rk_fmt_check_and_write(rk: Rk, tmp_path: Path) -> None:
    path = tmp_path / "messy.rk"
    path.write_text(MESSY, encoding="utf-8")
    run = rk("fmt", "--check", path)
    assert run.exit == 1 and "not formatted" in run.stdout
    assert rk("fmt", "--write", path).exit == 0
    assert rk("fmt", "--check", path).exit == 0
    assert rk("fmt", path).stdout == path.read_text(encoding="utf-8")


def test_a_contract_that_does_not_parse_is_reported_not_formatted(rk: Rk, tmp_path: Path) -> None:
    path = tmp_path / "broken.rk"
    path.write_text('goal 1 "x" { score', encoding="utf-8")
    run = rk("fmt", "--write", path)
    assert run.exit == 1 and "error:" in run.stderr
    assert path.read_text(encoding="utf-8") == 'goal 1 "x" { score'


# ---- properties on generated contracts ---------------------------------------------

names = st.sampled_from(["x", "nps", "påvirkning", "svar", "a_b"])
numbers = st.integers(0, 10**6).map(lambda n: Fraction(n, 100))
literals = st.one_of(
    numbers.map(lambda v: s.Number(v, span=SOMEWHERE)),
    numbers.map(lambda v: s.Percent(v / 100, span=SOMEWHERE)),
    st.tuples(numbers, st.sampled_from(["kr", "tkr", "mio kr", "EUR", "mio GBP", "SEK"])).map(
        lambda t: s.Money(t[0], t[1], span=SOMEWHERE)),
    # A rate between two currencies (above zero: a rate of 0 is refused), and a whole number
    # written with a point (a unit to round to).
    st.tuples(numbers.filter(bool), st.sampled_from(["kr", "GBP"]), st.sampled_from(["EUR", "USD"])).map(
        lambda t: s.Rate(t[0], t[1], t[2], span=SOMEWHERE)),
    st.integers(0, 100).map(lambda n: s.Number(Fraction(n), span=SOMEWHERE, decimal=True)),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)).map(lambda d: s.Date(d, span=SOMEWHERE)),
    st.booleans().map(lambda b: s.Bool(b, span=SOMEWHERE)),
    # Any text a contract may hold: no invisible control characters (those are refused).
    # In one spelling (NFC), as every contract is read: "豈" (U+F900) is read as U+8C48.
    st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r"),
            max_size=8).map(
        lambda t: s.Text(unicodedata.normalize("NFC", INVISIBLE.sub("", t)), span=SOMEWHERE)),
    names.map(lambda n: s.Name(n, span=SOMEWHERE)),
    st.tuples(st.integers(0, 1000), st.sampled_from(["days", "months", "years"])).map(
        lambda t: s.Duration(t[0], t[1], span=SOMEWHERE)),
    st.tuples(st.sampled_from(["fulfilment", "points"]), st.sampled_from(["1", "2a", "3.1"])).map(
        lambda t: s.GoalValue(t[0], t[1], span=SOMEWHERE)),
    st.sampled_from(["overall", "points"]).map(lambda what: s.GoalValue(what, span=SOMEWHERE)),
    st.sampled_from([None, "year", "start", "end"]).map(lambda field: s.PeriodValue(field, span=SOMEWHERE)),
    st.lists(st.tuples(st.sampled_from(["Morsø", "Læsø", "Skive Kommune"]), numbers), min_size=1,
             max_size=3, unique_by=lambda pair: pair[0]).map(
        lambda pairs: s.TableLiteral(tuple((name, s.Number(v, span=SOMEWHERE)) for name, v in pairs),
                                     span=SOMEWHERE)),
    # Tables by year and by date: keys of one kind in each.
    st.one_of(st.lists(st.integers(0, 10**12), min_size=1, max_size=3, unique=True),
              st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)), min_size=1, max_size=3, unique=True)
              ).map(lambda keys: s.TableLiteral(tuple((key, s.Number(Fraction(1), span=SOMEWHERE)) for key in keys),
                                                span=SOMEWHERE)),
)
fields = st.sampled_from(["dato", "resultat", "a_b", "år"])


def compound(inner: st.SearchStrategy[s.Expr]) -> st.SearchStrategy[s.Expr]:
    return st.one_of(
        st.tuples(st.sampled_from(["+", "-", "*", "/", "of", "and", "or"]), inner, inner).map(
            lambda t: s.chain(t[1], ((t[0], t[2]),), span=SOMEWHERE)),
        st.tuples(inner, inner, inner).map(lambda t: s.If(t[0], t[1], t[2], span=SOMEWHERE)),
        st.tuples(st.sampled_from([">=", ">", "<=", "<", "=", "!="]), inner, inner).map(
            lambda t: s.Compare(t[0], t[1], t[2], span=SOMEWHERE)),
        st.tuples(st.sampled_from(["-", "not"]), inner).map(lambda t: s.Unary(t[0], t[1], span=SOMEWHERE)),
        st.tuples(st.sampled_from(["max", "round", "nps", "floor", "round_half_even", "convert", "month"]),
                  st.lists(inner, min_size=1, max_size=3)).map(
            lambda t: s.Call(t[0], tuple(t[1]), span=SOMEWHERE)),
        st.tuples(inner, st.lists(inner, min_size=1, max_size=3), st.booleans()).map(
            lambda t: s.Member(t[0], s.SetLiteral(tuple(t[1]), span=SOMEWHERE), t[2], span=SOMEWHERE)),
        st.tuples(inner, st.booleans()).map(  # `d in period`
            lambda t: s.Member(t[0], s.PeriodValue(span=SOMEWHERE), t[1], span=SOMEWHERE)),
        st.lists(inner, max_size=3).map(lambda items: s.ListLiteral(tuple(items), span=SOMEWHERE)),
        st.tuples(st.sampled_from(["share", "count", "all"]), inner, inner).map(
            lambda t: s.Aggregate(t[0], "b", t[1], t[2], span=SOMEWHERE)),
        # `period.year` is the period's own, written alike: a field is read of anything else.
        st.tuples(inner.filter(lambda e: not isinstance(e, s.PeriodValue)), fields).map(
            lambda t: s.FieldRead(t[0], t[1], span=SOMEWHERE)),
        st.tuples(inner, inner).map(lambda t: s.Lookup(t[0], t[1], span=SOMEWHERE)),
        st.lists(st.tuples(fields, inner), min_size=1, max_size=3, unique_by=lambda pair: pair[0]).map(
            lambda pairs: s.RecordLiteral(tuple(pairs), span=SOMEWHERE)),
        st.tuples(st.sampled_from(["sum", "count", "mean", "distinct", None]), inner, names,
                  st.one_of(inner, st.tuples(inner, inner).map(lambda t: s.Integers(t[0], t[1], span=SOMEWHERE))),
                  st.none() | inner).map(comprehension),
    )


def comprehension(parts: tuple[str | None, s.Expr, str, s.Expr, s.Expr | None]) -> s.Expr:
    """`f(EXPR for NAME in LIST where COND)`, or the list `[EXPR for NAME in LIST]` (no function)."""
    function, element, var, source, where = parts
    made = s.Comprehension(element, var, source, where, span=SOMEWHERE)
    return made if function is None else s.Call(function, (made,), span=SOMEWHERE)


expressions = st.recursive(literals, compound, max_leaves=12)


@given(expressions)
def test_an_expression_printed_and_parsed_again_is_the_same_expression(expr: s.Expr) -> None:
    text = expr_text(expr)
    module = module_of(f"metric m = {text}")
    assert module.metrics[0].expr == expr, text


@given(st.lists(expressions, min_size=1, max_size=4), st.lists(st.sampled_from(
    ["# note", "#", "# æøå ->"]), max_size=3), st.randoms(use_true_random=False),
    st.sampled_from([None, "year", "half year", "half  year", "quarter"]), st.booleans(),
    st.sampled_from(["2009", "2009-H1", "2010-Q3"]))
def test_formatting_generated_contracts_is_stable_and_keeps_their_meaning(
        exprs: list[s.Expr], notes: list[str], random: Random, each: str | None, applies: bool,
        period: str) -> None:
    lines = [f"metric m{i} = {expr_text(e)}" for i, e in enumerate(exprs)]
    # Reporting periods, a goal that applies only sometimes, and an example for one period.
    if each is not None:
        lines.insert(0, 'contract "c" { period 2008-01-01 .. 2011-12-31 each ' + each + " }")
    condition = f"applies when {expr_text(exprs[-1])} " if applies else ""
    lines.append('goal 1 "g" { ' + condition + "score " + "; ".join(f"{expr_text(e)} -> 50%" for e in exprs)
                 + " }")
    lines.append(f'example "e" period {period} {{ expect goal 1 not applicable }}')
    for note in notes:
        lines.insert(random.randrange(len(lines) + 1), note)
    text = "\n".join(lines) + "\n"
    once = format_text(text)
    assert format_text(once) == once
    assert module_of(once) == module_of(text)
    assert sorted(c.text for c in comments(once)) == sorted(c.text for c in comments(text))


def test_the_reference_contract_keeps_its_comments_in_place() -> None:
    text = (ROOT / "examples" / "nordjylland-2019.rk").read_text(encoding="utf-8")
    assert re.search(r"installments 12\s*$", text, re.M)  # its comment moved nowhere odd
    assert "# ---- the economy" in format_text(text)


# ---- rk fmt --write never writes what does not read back ------------------------------------


def test_a_97_digit_threshold_is_written_exactly(rk: Rk, tmp_path: Path) -> None:
    threshold = "1234567890" * 9 + "1234567"
    path = tmp_path / "c.rk"
    path.write_text(f'fact x: number\ngoal 1 "g" {{ score x >= {threshold}.5 -> 100%; >= 0.000001 -> 50% }}\n'
                    f'split s {{ total 1 kr shares {{ A {threshold} B 0.25 }} }}', encoding="utf-8")
    assert rk("fmt", "--write", path).exit == 0
    text = path.read_text(encoding="utf-8")
    assert f"x >= {threshold}.5 -> 100%;" in text and ">= 0.000001 -> 50%" in text
    assert "≈" not in text and "e+" not in text
    assert f"A  {threshold}" in text and "0.25" in text
    assert rk("check", path).exit == 0


def test_strings_are_escaped_wherever_they_are_printed() -> None:
    text = ('contract "a \\"b\\" \\\\ c\\td" { parties "x\\ny" }\n'
            'fact s: one of {"i \\"høj\\" grad", "ja\\\\nej"}\n'
            'goal 1 "t" { score s = "ja\\\\nej" -> 100% }\n')
    once = format_text(text)
    assert module_of(once) == module_of(text)
    assert 'contract "a \\"b\\" \\\\ c\\td"' in once and 'parties "x\\ny"' in once
    assert 'fact s: one of {"i \\"høj\\" grad", "ja\\\\nej"}' in once


@pytest.mark.parametrize("bom, newline", [(False, "\r\n"), (True, "\n"), (True, "\r\n"), (False, "\r")])
def test_rk_fmt_write_keeps_the_byte_order_mark_and_the_line_ends(
        rk: Rk, tmp_path: Path, bom: bool, newline: str) -> None:
    path = tmp_path / "c.rk"
    text = 'fact x: number\ngoal 1 "g" {score x>=1->100%}\n'.replace("\n", newline)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())
    assert rk("fmt", "--write", path).exit == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == bom
    body = data.decode("utf-8-sig")
    assert "score x >= 1 -> 100%" in body
    assert body.count(newline) == body.count("\n" if newline == "\r\n" else newline[-1]) > 3
    assert rk("fmt", "--check", path).exit == 0


def test_a_printer_bug_can_never_reach_the_file(
        rk: Rk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.rk"
    original = 'fact x: number\ngoal 1 "g" {score x>=60->100%} # keep me\n'
    path.write_text(original, encoding="utf-8")
    # A printer that drops a digit, and one that drops a comment: both are caught before writing.
    monkeypatch.setattr("resultkontrakt.editor.fmt.expr_text", lambda e: expr_text(e).replace("60", "6"))
    run = rk("fmt", "--write", path)
    assert run.exit == 1 and "would change goal 1; the contract was left as it is" in run.stderr
    monkeypatch.undo()
    monkeypatch.setattr("resultkontrakt.editor.fmt._Comments.after", lambda self, first, last: "")
    monkeypatch.setattr("resultkontrakt.editor.fmt._Comments.rest", lambda self: [])
    run = rk("fmt", "--write", path)
    assert run.exit == 1 and "would lose or change a comment" in run.stderr
    assert path.read_text(encoding="utf-8") == original
    assert "Traceback" not in run.stderr


big_numbers = st.tuples(st.integers(0, 10**97), st.integers(0, 40)).map(lambda t: Fraction(t[0], 10**t[1]))
contract_texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20).map(
    lambda t: INVISIBLE.sub("", t.replace("\r", "")))


@given(title=contract_texts, parties=st.lists(contract_texts, min_size=1, max_size=3),
       thresholds=st.lists(big_numbers, min_size=1, max_size=4), weight=big_numbers,
       choices=st.lists(contract_texts, min_size=1, max_size=4, unique_by=lambda c: " ".join(c.split()).casefold()),
       party=contract_texts, share=big_numbers, newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans(),
       units=st.lists(contract_texts, min_size=0, max_size=2))
def test_any_contract_the_formatter_accepts_is_written_so_that_it_loads_the_same(
        tmp_path_factory: pytest.TempPathFactory, title: str, parties: list[str], thresholds: list[Fraction],
        weight: Fraction, choices: list[str], party: str, share: Fraction, newline: str, bom: bool,
        units: list[str]) -> None:
    from resultkontrakt.core.vocabulary import number_literal, quote

    tiers = "; ".join(f"x >= {number_literal(t)} -> 50%" for t in thresholds)
    text = (f"contract {quote(title)} {{ parties {', '.join(map(quote, parties))} currency EUR language \"da\" }}\n"
            f"fact x: number label {quote(title)}{' unit ' if units else ''}{' '.join(map(quote, units))}\n"
            f"metric y = x * 2 {' unit ' if units else ''}{' '.join(map(quote, units))}\nfact s: one of {{{', '.join(map(quote, choices))}}}\n"
            f"    {quote(party)} label {quote(party)}\n"
            f"fact f: money in 0 EUR .. 1 mio EUR\nfact g: list of money DKK\nfact r: rate DKK per EUR\n"
            f"goal 1 {quote(title)} {{ weight {number_literal(weight)} score {tiers}; "
            f"s = {quote(choices[0])} -> 100% }}\n"
            f"split k {quote(title)} {{ total 10 kr shares {{ {quote(party)} {number_literal(share)} B 1 }} }}\n"
            ).replace("\n", newline)
    path = tmp_path_factory.mktemp("fmt") / "c.rk"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    try:
        before = module_of(format_text(text))
    except rk.RkError:
        return  # the formatter refuses it (e.g. a party named twice): then nothing is written
    from resultkontrakt.cli.main import main

    assert main(["fmt", "--write", str(path)]) == 0
    written = path.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") == bom
    # Contracts are read with composed letters (NFC), so the text is compared as read.
    assert module_of(written.decode("utf-8-sig")) == before \
        == module_of(unicodedata.normalize("NFC", text.replace("\r", "")))
