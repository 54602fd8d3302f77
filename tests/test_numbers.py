"""Numbers, units and dates as their readers write them (core/wording.py): one precision rule
per kind, thousands grouped from 1.000, no line break between a number and its unit, a
contract's `unit` after its values, and dates in words."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.checks.analysis import Labels
from resultkontrakt.core.wording import DANISH, ENGLISH, MAX_DECIMALS, NBSP, Wording, shown
from resultkontrakt.output import report

from .conftest import EXAMPLE, EXAMPLE_FACTS
from .printing import Printer, needs_browser

EXAMPLES = EXAMPLE.parent

# ---- the precision rule --------------------------------------------------------------------

values = st.fractions(min_value=-10**7, max_value=10**7, max_denominator=10**6)
thresholds = st.fractions(min_value=-10**7, max_value=10**7, max_denominator=100)


def parsed(text: str, w: Wording) -> Fraction:
    """A number as `w` writes it, read back: the parser a reader has in their head."""
    body = text.removeprefix("≈").replace(w.group, "") if w.group else text.removeprefix("≈")
    return Fraction(body.replace(w.decimal, "."))


@given(values, st.integers(0, 2), st.lists(thresholds, max_size=3), st.sampled_from([DANISH, ENGLISH]))
def test_a_shown_value_is_never_a_threshold_it_is_not_and_never_has_more_than_two_decimals(
        value: Fraction, decimals: int, avoid: list[Fraction], w: Wording) -> None:
    text = w.number(value, decimals, avoid)
    back = parsed(text, w)
    assert len(text.partition(w.decimal)[2]) <= MAX_DECIMALS
    assert (back == value) == (not text.startswith("≈"))  # ≈ exactly where rounding hides something
    for threshold in avoid:
        if threshold != value:
            # Shown on its own side of every threshold it is compared with: `59,96` against
            # `mindst 60` never reads `60`, and never as a value on the threshold's other side.
            assert back != threshold
            assert (back < threshold) == (value < threshold)
    if value != 0:
        assert back != 0  # a value that is not nothing is never shown as nothing
    assert abs(back - value) <= Fraction(1, 10**decimals)  # and near what it is


@given(values, st.integers(0, 2), st.fractions(min_value=-10**7, max_value=10**7, max_denominator=10**4),
       st.sampled_from([DANISH, ENGLISH]))
def test_a_shown_value_keeps_to_its_side_of_a_threshold_with_more_decimals_than_it_is_shown_with(
        value: Fraction, decimals: int, threshold: Fraction, w: Wording) -> None:
    """33,3333 against `mindst 33,33` read `≈33,3`: below the threshold it meets."""
    back = parsed(w.number(value, decimals, [threshold]), w)
    if (threshold * 100).denominator == 1 and threshold != value:  # a threshold two decimals can show
        assert back != threshold and (back < threshold) == (value < threshold)
    elif threshold != value:
        assert not (back < threshold < value or value < threshold < back)  # never on its far side


@given(values, st.sampled_from([DANISH, ENGLISH]))
def test_grouped_thousands_read_back_as_the_number(value: Fraction, w: Wording) -> None:
    text = w.number(value)
    assert parsed(text, w) == shown(value, 2).value
    whole = text.removeprefix("≈").lstrip("-").partition(w.decimal)[0]
    groups = whole.split(w.group)
    assert len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])  # 1.224 as 16.488


@pytest.mark.parametrize(("value", "decimals", "avoid", "da"), [
    (Fraction("59.96"), 1, [60], "59,96"),  # exact at two decimals: as it is
    (Fraction("59.9612"), 1, [60], "≈59,96"),  # 60,0 would be the threshold it does not meet
    (Fraction("59.9996"), 1, [60], "≈59,99"),  # rounded towards itself at the last decimal
    (Fraction("60.0004"), 1, [60], "≈60,01"),
    (Fraction("31.0924"), 1, [], "≈31,1"),  # an NPS
    (Fraction("0.0182"), 1, [], "≈0,02"),  # not 0,0
    (Fraction(-1, 3000), 1, [], "≈-0,01"),  # not -0,0
    (Fraction(1224), 2, [], "1.224"),  # grouped from 1.000
    (Fraction(999), 2, [], "999"),
    (Fraction(2, 3), 2, [], "≈0,67"),
    # A threshold with more decimals than the value is rounded to: 33,3 read as below 33,33,
    # 0,33 as below 0,3333, though each value is above the threshold it was compared with.
    (Fraction("33.3333"), 1, [Fraction("33.33")], "≈33,34"),
    (Fraction("33.3333"), 1, [Fraction("33.34")], "≈33,3"),  # below it, as it is
    (Fraction("0.33333"), 2, [Fraction("0.3333")], "≈0,34"),
    (Fraction("0.3333"), 2, [Fraction("0.33333")], "≈0,33"),
    (Fraction("12.3456"), 1, [Fraction("12.3"), Fraction("12.4")], "≈12,35"),
    # Between two thresholds no two decimals can part: the nearest, never the far side of both.
    (Fraction("33.3333"), 1, [Fraction("33.33"), Fraction("33.34")], "≈33,33"),
])
def test_boundaries_of_the_precision_rule(value: Fraction, decimals: int, avoid: list[int], da: str) -> None:
    assert DANISH.number(value, decimals, avoid) == da


def test_percents_to_one_decimal_that_keep_to_their_side_of_the_threshold() -> None:
    assert DANISH.percent(Fraction(198, 244)) == f"≈81,1{NBSP}%"
    assert DANISH.percent(Fraction("0.6875")) == f"68,75{NBSP}%"  # exact: no ≈, two decimals
    share = Fraction(10506, 60 * 148200)  # 0.118...%: 0,1 % would read as the threshold
    assert DANISH.percent(share) == f"≈0,1{NBSP}%"
    assert DANISH.percent(share, [Fraction(1, 1000)]) == f"≈0,12{NBSP}%"
    assert DANISH.percent(Fraction(1, 3), [Fraction("0.3333")]) == f"≈33,34{NBSP}%"  # not ≈33,3 % against 33,33 %
    assert DANISH.percentage_points(Fraction("1.1475")) == f"≈1,1{NBSP}procentpoint"
    assert ENGLISH.percentage_points(Fraction(1)) == f"1{NBSP}percentage point"


def test_money_to_the_krone_unless_the_contracts_amounts_have_øre() -> None:
    whole, ore = DANISH.labelled(Labels(cents=False)), DANISH.labelled(Labels(cents=True))
    assert whole.money(Fraction("55180.0512"), "kr") == f"≈55.180{NBSP}kr."
    assert ore.money(Fraction("55180.0512"), "kr") == f"≈55.180,05{NBSP}kr."
    assert ore.money(Fraction("4728628.3"), "kr") == f"4.728.628,30{NBSP}kr."  # øre as money is written
    assert whole.money(Fraction("126822.1574")) == f"≈126.822{NBSP}kr."
    assert DANISH.money(576000) == f"576{NBSP}t.kr."
    assert ENGLISH.money(Fraction(236500), currency="GBP") == "£236,500"
    assert DANISH.money(Fraction(236500), currency="GBP") == f"236.500{NBSP}GBP"
    # A rate as Danmarks Nationalbank quotes one: per 100 units where per unit would need more
    # than two decimals, so the rate a reader checks an amount with is exact.
    assert DANISH.rate(Fraction("7.4462"), "DKK", "EUR") == f"744,62{NBSP}kr. per 100{NBSP}EUR"
    assert DANISH.rate(Fraction("7.5"), "DKK", "EUR") == f"7,5{NBSP}kr. per EUR"
    assert ENGLISH.rate(Fraction("7.44621"), "DKK", "EUR") == f"≈744.62{NBSP}kr per 100{NBSP}EUR"


def test_a_contract_with_øre_in_its_facts_shows_its_amounts_to_the_øre() -> None:
    plan = rk.load(EXAMPLES / "maal-og-resultatplan-2023.rk")
    said = plan.evaluate(rk.load_facts(EXAMPLES / "maal-og-resultatplan-2023.facts.json")) \
        .payments["resultatløn"].explain("da", formula=False)
    assert f"= ≈55.180,05{NBSP}kr." in said and f"lønrammeløn 823.417,52{NBSP}kr." in said
    bus = rk.load(EXAMPLES / "busdrift-2024.rk")
    said = bus.evaluate(rk.load_facts(EXAMPLES / "busdrift-2024.2024.facts.json")) \
        .payments["bonus"].explain("da", formula=False)
    assert f"= ≈126.822{NBSP}kr." in said and "126.822,1" not in said


def test_messages_keep_numbers_exact() -> None:
    """A problem tells the author what the file says: exact, as the contract writes it."""
    assert DANISH.param(Fraction("16.488")) == "16,488"
    assert ENGLISH.param(Fraction(50000)) == "50000"
    assert ENGLISH.in_messages().money(Fraction("100.5"), "kr") == "100.50 kr"


# ---- dates in words ------------------------------------------------------------------------

def read_date(text: str, w: Wording) -> dt.date:
    """A date in words read back: `1. januar 2019`, `1 January 2019`."""
    months = w.words["months"].split("|")
    found = re.fullmatch(r"(\d{1,2})\.? (\w+) (\d{4})", text)
    assert found, text
    day, month, year = found.groups()
    assert ("." in text) == (w.lang == "da")
    return dt.date(int(year), months.index(month) + 1, int(day))


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from([DANISH, ENGLISH]))
def test_every_date_in_words_reads_back_as_the_date(day: dt.date, w: Wording) -> None:
    assert read_date(w.date(day), w) == day


def test_the_period_reads_in_words() -> None:
    period = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert DANISH.period(*period) == "1. januar 2019 - 31. december 2019"
    assert ENGLISH.period(*period) == "1 January 2019 - 31 December 2019"


def test_no_reader_sees_an_iso_date_but_json_keeps_them() -> None:
    contract = rk.load(EXAMPLES / "udviklingskontrakt-2008.rk")
    facts = rk.load_facts(EXAMPLES / "udviklingskontrakt-2008.2011-midtvejs.facts.json")
    built = report.build(contract, facts, "da")
    text = report.markdown(built)
    assert not re.search(r"\d{4}-\d\d-\d\d", text), text
    assert "måles senest 31. december 2011" in text
    assert "Foreløbig: målt til og med 30. juni 2011" in text
    data = contract.evaluate(facts).to_dict()
    assert data["period"] == ["2008-01-01", "2011-12-31"]


# ---- units ---------------------------------------------------------------------------------

DAYS = '''
fact tid: number in 0 .. 365 "Gennemsnitlig sagsbehandlingstid" label "sagsbehandlingstid" unit "dag" "dage"
fact sager: integer unit "sag"
metric dobbelt = tid * 2 unit "dag" "dage"
goal 1 "Hurtig" { score tid <= 30 -> 100%; <= 40 -> 50% }
goal 2 "Dobbelt" { score dobbelt <= 2 -> 100% }
'''


def test_a_unit_is_shown_after_the_value_its_threshold_and_its_distance() -> None:
    contract = rk.loads(DAYS)
    result = contract.evaluate({"tid": Fraction("28.6"), "sager": 1})
    said = result.goals["1"].explain("da")
    assert f"sagsbehandlingstid = 28,6{NBSP}dage: højst 30{NBSP}dage" in said
    assert result.goals["1"].distance_sentence("da") == (
        f"sagsbehandlingstid 28,6{NBSP}dage: falder til 50{NBSP}%, hvis det stiger mere end 1,4{NBSP}dage.")
    one = contract.evaluate({"tid": Fraction(1, 2), "sager": 1}).goals["2"].explain("da")
    assert f"dobbelt = 1{NBSP}dag (ud fra sagsbehandlingstid = 0,5{NBSP}dage): højst 2{NBSP}dage" in one
    data: Any = result.to_dict("da")
    assert data["goals"][0]["steps"][0]["check"]["left"]["unit"] == "dage"
    assert data["goals"][0]["steps"][0]["value"] == f"28,6{NBSP}dage"


def test_a_unit_round_trips_through_rk_fmt_and_shows_on_hover() -> None:
    from resultkontrakt.editor.fmt import format_text
    from resultkontrakt.editor.navigate import Index

    text = format_text(DAYS)
    assert 'unit "dag" "dage"' in text and 'unit "sag"\n' in text  # one form where one serves both
    contract = rk.loads(text)
    assert {f.name: f.unit for f in contract.module.facts} == {"tid": ("dag", "dage"), "sager": ("sag", "sag")}
    index = Index(contract.module, text, contract.analysis)
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("fact tid"))) + 1
    found = index.hover(line, 6)
    assert found is not None and "unit: dag, dage" in found[0]


@pytest.mark.parametrize("declared", ["money", "percent", "rate DKK per EUR"])
def test_a_unit_on_money_or_a_percent_is_an_error_that_says_why(declared: str) -> None:
    with pytest.raises(rk.RkError) as error:
        rk.loads(f'fact x: {declared} unit "kr"\ngoal 1 "g" {{ score true -> 100% }}')
    [problem] = [p for p in error.value.problems if p.is_error]
    assert problem.code == "unit.kind" and "takes no `unit`" in problem.message


def test_an_empty_unit_is_an_error_that_says_how_to_fix_it() -> None:
    with pytest.raises(rk.RkError) as error:
        rk.loads('fact x: number unit " "\ngoal 1 "g" { score x > 1 -> 100% }')
    [problem] = [p for p in error.value.problems if p.is_error]
    assert problem.code == "unit.empty"
    assert problem.span is not None and (problem.span.line, problem.span.column) == (1, 16)
    assert problem.hint and 'unit "dag" "dage"' in problem.hint


@pytest.mark.parametrize("declared", ["bool", "date", "text", "list of integer", "table of number",
                                      'one of {"a", "b"}'])
def test_a_unit_on_what_is_not_a_number_is_an_error_not_silently_dropped(declared: str) -> None:
    with pytest.raises(rk.RkError) as error:
        rk.loads(f'fact x: {declared} label "x" unit "svar"\ngoal 1 "g" {{ score true -> 100% }}')
    [problem] = [p for p in error.value.problems if p.is_error]
    assert problem.code == "unit.not-number" and "takes no `unit`" in problem.message
    assert problem.span is not None and (problem.span.line, problem.span.column) == (1, 20 + len(declared))
    assert problem.hint and "leave the unit out" in problem.hint


@pytest.mark.parametrize("expression", ["b * 2", "q / 100 * 1%", "q > 3", "b > 0 kr"])
def test_a_unit_on_a_metric_worked_out_as_money_a_percent_or_a_bool_is_an_error(expression: str) -> None:
    """JSON would otherwise say `"type": "money", "unit": "stk"`: the metric's type is found
    from its expression, so the error comes from the checker, at the unit."""
    text = (f'fact b: money label "b"\nfact q: number label "q"\n'
            f'metric m = {expression} label "m" unit "stk"\ngoal 1 "g" {{ score m = m -> 100% }}')
    with pytest.raises(rk.RkError) as error:
        rk.loads(text)
    [problem] = [p for p in error.value.problems if p.is_error]
    assert problem.code == "unit.metric", problem.message
    assert problem.span is not None and (problem.span.line, problem.span.column) == (3, 23 + len(expression))
    assert "`m`" in problem.message and problem.hint and "leave the unit out" in problem.hint


def test_a_unit_on_a_metric_that_counts_is_kept() -> None:
    contract = rk.loads('fact q: list of number label "q"\nmetric m = count(q) label "m" unit "svar"\n'
                        'goal 1 "g" { score m >= 2 -> 100% }')
    assert contract.module.metrics[0].unit == ("svar", "svar")


# ---- no break between a number and its unit ------------------------------------------------

def test_a_number_and_its_unit_are_joined_by_a_no_break_space_in_markdown_and_html() -> None:
    built = report.build(rk.load(EXAMPLE), rk.load_facts(EXAMPLE_FACTS), "da")
    markdown, page = report.markdown(built), report.page(built)
    for said in (f"576{NBSP}t.kr.", f"16.488{NBSP}t.kr.", f"50{NBSP}%"):
        assert said in markdown and said in page
    assert not re.search(r"\d (t\.kr\.|kr\.|%|procentpoint|point)", markdown)
    assert not re.search(r"\d (t\.kr\.|kr\.|%|procentpoint|point)", re.sub(r"<style.*?</style>", "", page,
                                                                            flags=re.S))


def _lines_of(browser: Printer, tmp_path: Path, html: str, name: str) -> list[str]:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(browser.pdf(page))
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.replace("\u00a0", " ").strip() for line in raw.splitlines()]


@needs_browser
def test_a_narrow_column_never_parts_a_number_from_its_unit(browser: Printer, tmp_path: Path) -> None:
    built = report.build(rk.load(EXAMPLE), rk.load_facts(EXAMPLE_FACTS), "da")
    # Every cell of the split table as narrow as its widest word: a line break may fall at
    # any space the text has.
    narrow = "<style>table{table-layout:auto;width:1px!important}td,th{width:1px;white-space:normal!important}</style></head>"
    html = report.page(built).replace("</head>", narrow, 1)
    amounts = [f"{a} t.kr." for a in ("576", "1.224", "5.976", "1.020")]
    lines = _lines_of(browser, tmp_path, html, "narrow")
    assert all(any(amount in line for line in lines) for amount in amounts), lines
    # The same page with ordinary spaces breaks them: the test can fail.
    broken = _lines_of(browser, tmp_path, html.replace("\u00a0", " "), "broken")
    assert not any(amount in line for amount in amounts for line in broken)


# ---- every example's reports -----------------------------------------------------------------

REPORTS = [("nordjylland-2019", "nordjylland-2019.facts.json"),
           ("maal-og-resultatplan-2023", "maal-og-resultatplan-2023.facts.json"),
           ("social-investering-2021", "social-investering-2021.facts.json"),
           ("busdrift-2024", "busdrift-2024.2024.facts.json"),
           ("fair-chance-fund-2015", "fair-chance-fund-2015.2016.facts.json"),
           ("udviklingskontrakt-2008", "udviklingskontrakt-2008.2009.facts.json"),
           ("udviklingskontrakt-2008", "udviklingskontrakt-2008.2011-midtvejs.facts.json")]


def _shown_text(built: report.Report, form: str) -> str:
    """What a reader reads: the Markdown, or the HTML page's text, without the contract's own
    text blocks (quoted as written) and the page's style."""
    if form == "markdown":
        text = report.markdown(built)
        return "\n".join(line for line in text.splitlines() if not line.startswith(">"))
    page = re.sub(r"<style.*?</style>|<script.*?</script>|<blockquote.*?</blockquote>", " ",
                  report.page(built), flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.parametrize("form", ["markdown", "html"])
@pytest.mark.parametrize(("name", "facts"), REPORTS, ids=[f for _, f in REPORTS])
def test_no_danish_report_shows_more_than_two_decimals_an_iso_date_or_a_unit_apart(
        name: str, facts: str, form: str) -> None:
    built = report.build(rk.load(EXAMPLES / f"{name}.rk"), rk.load_facts(EXAMPLES / facts), "da")
    text = _shown_text(built, form)
    assert not re.search(r"\d,\d{3}", text), re.findall(r".{20}\d,\d{3}.{5}", text)  # a decimal comma
    assert not re.search(r"\d{4}-\d\d-\d\d", text), re.findall(r".{20}\d{4}-\d\d-\d\d", text)
    assert not re.search(r"\d (t\.kr\.|kr\.|mio\. kr\.|%|procentpoint|point\b|dage?\b|GBP|EUR)", text)
    # Thousands always grouped, but in years and in an `if` still quoted as the contract writes
    # it (`if ... then 0 kr else round(min(250000 kr, ...))`, until it is said in words).
    said = re.sub(r"\b(19|20)\d\d\b|= if .*? then .*?\) \(", "", text)
    assert not re.search(r"(?<![\d.,])\d{4,}(?![\d.,-])", said), \
        re.findall(r".{20}(?<![\d.,])\d{4,}(?![\d.,-]).{5}", said)


def test_the_footnote_explains_approximately_only_where_a_value_is_rounded() -> None:
    contract = rk.loads('fact x: number label "x"\ngoal 1 "g" { score x >= 1 -> 100% }')
    exact = report.build(contract, {"x": 2}, "da")
    rounded = report.build(contract, {"x": Fraction(4, 3)}, "da")
    assert "≈" not in report.markdown(exact) and "Lavet med resultkontrakt." in report.markdown(exact)
    assert "≈ betyder afrundet til visning" not in report.page(exact)
    assert "≈1,33" in report.markdown(rounded) and "≈ betyder afrundet til visning" in report.markdown(rounded)
    assert "≈ betyder afrundet til visning" in report.page(rounded)


def test_the_highlighter_knows_the_unit_clause() -> None:
    from pygments.token import Keyword, String

    from resultkontrakt.editor.lexer import RkLexer

    tokens = [(kind, text) for kind, text in RkLexer().get_tokens('fact t: number unit "dag" "dage"\n')
              if text.strip()]
    assert (Keyword, "unit") in tokens and (String.Double, '"dage"') in tokens
