"""Rows: fields of records, comprehensions, `a .. b`, `distinct`, tables written out and lookups,
and how sums over rows are explained."""

from __future__ import annotations

import datetime as dt
import functools
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.editor.navigate import Index, Lines, complete
from resultkontrakt.semantics.runtime import MAX_WORK
from resultkontrakt.semantics.runtime import entries as runtime_entries

from .conftest import DEEP

CLAIMS = '''\
fact krav: list of record {
    deltager: text
    resultat: one of {"bolig_3m", "bolig_12m", "nvq2"}
    antal: integer in 0 .. 100
    dato: date
} "claims"
fact tekst: text "a text"
fact mindst: integer "the least"
metric takster = {"bolig_3m": 1500 kr, "bolig_12m": 1500 kr, "nvq2": 2500 kr} "Rate card"
'''


def claims(*rows: tuple[str, str, int]) -> list[dict[str, object]]:
    return [{"deltager": who, "resultat": what, "antal": n, "dato": "2016-03-01"} for who, what, n in rows]


@functools.cache
def loaded(text: str) -> rk.Contract:
    return rk.loads(text)


def value_of(text: str, facts: dict[str, Any], expr: str) -> Any:
    """The value `expr` has for the facts, as a metric's."""
    from resultkontrakt.evaluation.evaluate import Evaluator

    contract = loaded(text + f"metric probe = {expr}\n")
    evaluator = Evaluator(contract.analysis, contract.check_facts(facts))
    return evaluator.lookup("probe", None)  # type: ignore[arg-type]


def problems(text: str) -> list[str]:
    with pytest.raises(rk.ContractError) as error:
        rk.loads(text)
    return [f"{p.message} ({p.hint})" for p in error.value.problems if p.severity == "error"]


# ---- what comprehensions make ---------------------------------------------------------------

rows_strategy = st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(["bolig_3m", "bolig_12m", "nvq2"]),
                                   st.integers(0, 100)), max_size=12)
PRICES = {"bolig_3m": 1500, "bolig_12m": 1500, "nvq2": 2500}


@given(rows_strategy, st.integers(0, 100))
def test_sum_count_and_mean_over_rows_are_pythons(rows: list[tuple[str, str, int]], least: int) -> None:
    facts = {"krav": claims(*rows), "mindst": least}
    kept = [n for _, _, n in rows if n >= least]
    where = "for k in krav where k.antal >= mindst"
    assert value_of(CLAIMS, facts, f"sum(k.antal {where})") == sum(kept)
    assert value_of(CLAIMS, facts, f"count(k.antal {where})") == len(kept)
    assert value_of(CLAIMS, facts, "sum(takster[k.resultat] for k in krav)") == sum(PRICES[r] for _, r, _ in rows)
    if kept:
        assert value_of(CLAIMS, facts, f"mean(k.antal {where})") == Fraction(sum(kept), len(kept))
    assert value_of(CLAIMS, facts, "[k.deltager for k in krav]") == tuple(who for who, _, _ in rows)
    # A test of the row against constants alone runs in C: the same rows, the same sums.
    assert value_of(CLAIMS, facts, "sum(k.antal for k in krav where k.antal >= 50 and k.resultat != \"nvq2\")") \
        == sum(n for _, r, n in rows if n >= 50 and r != "nvq2")
    assert value_of(CLAIMS, facts, 'count(k in krav where k.resultat = "nvq2")') == sum(r == "nvq2" for _, r, _ in rows)
    assert value_of(CLAIMS, facts, 'sum(k.antal for k in krav where k.deltager = "A")') \
        == sum(n for who, _, n in rows if who == "A")


@given(st.dictionaries(st.integers(1990, 2100), st.integers(0, 10**6), min_size=1, max_size=6), st.data())
def test_a_lookup_is_the_dicts(table: dict[int, int], data: st.DataObject) -> None:
    year = data.draw(st.sampled_from(sorted(table)))
    written = "{" + ", ".join(f"{key}: {value}" for key, value in table.items()) + "}"
    assert value_of(f"metric t = {written}\n", {}, f"t[{year}]") == table[year]


def test_the_older_quantifier_keeps_its_meaning_beside_comprehensions() -> None:
    facts = {"krav": claims(("A", "nvq2", 5), ("B", "nvq2", 50), ("C", "bolig_3m", 9))}
    assert value_of(CLAIMS, facts, 'count(k in krav where k.resultat = "nvq2")') == 2
    assert value_of(CLAIMS, facts, 'count(k.resultat = "nvq2" for k in krav)') == 2  # true values counted
    assert value_of(CLAIMS, facts, "share(k.antal >= 9 for k in krav)") == Fraction(2, 3)
    assert value_of(CLAIMS, facts, "all(k.antal >= 5 for k in krav)") is True
    assert value_of(CLAIMS, facts, "any(k.antal > 50 for k in krav)") is False
    assert value_of(CLAIMS, facts, "max(k.antal for k in krav)") == 50


def test_distinct_keeps_the_order_values_are_first_seen_in() -> None:
    facts = {"krav": claims(("C", "nvq2", 1), ("A", "nvq2", 1), ("C", "nvq2", 1), ("B", "nvq2", 1), ("A", "nvq2", 1))}
    assert value_of(CLAIMS, facts, "distinct(k.deltager for k in krav)") == ("C", "A", "B")


def test_nested_comprehensions_see_the_names_around_them() -> None:
    facts = {"krav": claims(("A", "nvq2", 1), ("A", "bolig_3m", 1), ("B", "nvq2", 1))}
    per_person = "[sum(takster[k.resultat] for k in krav where k.deltager = d) for d in distinct(k.deltager for k in krav)]"
    assert value_of(CLAIMS, facts, per_person) == (4000, 2500)
    capped = "sum(min(3000 kr, sum(takster[k.resultat] for k in krav where k.deltager = d)) " \
             "for d in distinct(k.deltager for k in krav))"
    assert value_of(CLAIMS, facts, capped) == 5500


@pytest.mark.parametrize("written, expected", [
    ("[m for m in 1 .. 3]", (1, 2, 3)),
    ("[m for m in 3 .. 3]", (3,)),
    ("[m for m in 3 .. 1]", ()),
    ("sum(m * 2 for m in 1 .. 12)", 156),
    ("sum(k.antal for k in krav)", 0),
    ("count(k.antal for k in krav where k.antal > 100)", 0),
])
def test_ranges_and_empty_lists_at_their_boundaries(written: str, expected: object) -> None:
    assert value_of(CLAIMS, {"krav": []}, written) == expected


def test_tables_with_integer_and_date_keys_look_up() -> None:
    text = 'metric måltal = {2008: 5100, 2009: 5350}\nmetric frist = {2016-01-01: 3, 2017-01-01: 4}\n'
    assert value_of(text, {}, "måltal[2009]") == 5350
    assert value_of(text, {}, "frist[2017-01-01]") == 4


# ---- load errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("line, expected", [
    ("metric x = sum(k.antl for k in krav)", "the record has no field `antl` (did you mean `antal`?)"),
    ("metric x = krav.antal", "`.antal` reads a field of a record, but `krav` is a list of records "
                              "(go through its rows, e.g. `sum(k.antal for k in krav)`)"),
    ('metric x = takster["bolig_3"]', '`takster` has no entry "bolig_3" (did you mean `bolig_3m`?)'),
    ('metric x = {"nvq2": 1 kr}[2009]', "are texts, not a number"),
    ('metric t2 = {"bolig_3m": 1 kr}\nmetric x = sum(t2[k.resultat] for k in krav)',
     '`t2` has no entry for "bolig_12m", "nvq2", which `k.resultat` may be'),
    ('metric x = {"a": 1, 2009: 2}', "the first key of this table is a text, but 2009 is a whole number"),
    ("metric x = {2009.5: 1}", "the key 2009.5 is not a whole number"),
    ("metric x = sum(k.antal for tekst in krav)", "the bound name `tekst` is already the name of something else"),
    ("metric x = sum(k.antal for takster in krav)", "the bound name `takster` is already the name"),
    ("metric x = sum(k.antal for k in tekst)", "`for ... in tekst` goes through a list, but `tekst` is a text"),
    ("metric x = sum(m for m in 1.5 .. 3)", "`a .. b` goes through whole numbers"),
    ("metric x = max(k.antal for k in krav, 3)", "takes the comprehension as its only argument"),
    ("metric x = sum(k.antal for k in krav) + k.antal", "unknown name `k`"),
    ('fact c: bool\nmetric t = if c then {"a": 1, "b": 2} else {"a": 3}\nmetric x = t["b"]',
     '`t` has no entry "b"'),  # a key is known to be there only if every branch's table has it
])
def test_mistakes_with_rows_and_tables_are_refused_at_load(line: str, expected: str) -> None:
    found = problems(CLAIMS + line + "\n")
    assert any(expected in said for said in found), found


# ---- when a calculation cannot be done ---------------------------------------------------------


def test_a_key_from_the_facts_with_no_entry_makes_the_goal_not_evaluable_naming_the_key() -> None:
    text = ('fact krav: list of record { resultat: text } "claims"\n'
            'metric takster = {"nvq2": 2500 kr} "rates"\n'
            'metric samlet = sum(takster[k.resultat] for k in krav)\n'
            'goal 1 "g" { score samlet >= 1 kr -> 100% }\n')
    evaluation = rk.loads(text).evaluate({"krav": [{"resultat": "nvq2"}, {"resultat": "nvq3"}]})
    assert evaluation.goals["1"].fulfilment is None
    assert 'no entry "nvq3" in takster' in evaluation.explain()
    assert 'ingen post "nvq3" i takster' in evaluation.explain(language="da")


def test_a_table_fact_is_looked_up_by_its_names() -> None:
    text = ('fact folketal: table of integer "inhabitants"\nmetric morsø = folketal["Morsø"]\n'
            'goal 1 "g" { score morsø >= 20000 -> 100%; else -> 0% }\n')
    contract = rk.loads(text)
    assert contract.evaluate({"folketal": {"Morsø": 20514, "Thisted": 43716}}).goals["1"].fulfilment == 1
    missing = contract.evaluate({"folketal": {"Thisted": 43716}})
    assert missing.goals["1"].fulfilment is None
    assert 'no entry "Morsø" in folketal' in missing.explain()


def test_a_nested_comprehension_over_two_long_lists_is_refused_before_it_starts() -> None:
    text = ('fact a: list of record { x: integer } "a"\nfact b: list of record { y: integer } "b"\n'
            'metric par = sum(count(r.y = q.x for r in b) for q in a)\n'
            'goal 1 "g" { score par >= 1 -> 100% }\n')
    rows = [{"x": i} for i in range(10_000)]
    contract = rk.loads(text)
    checked = contract.check_facts({"a": rows, "b": [{"y": i} for i in range(10_000)]})
    start = time.perf_counter()
    evaluation = contract.evaluate(checked)
    assert time.perf_counter() - start < 1
    said = evaluation.explain()
    assert evaluation.goals["1"].fulfilment is None
    assert "the number of b where y is x of q would go through 100000000 rows in all" in said
    assert str(MAX_WORK) in said


def test_a_nested_comprehension_within_the_bound_finishes() -> None:
    text = ('fact a: list of record { x: integer } "a"\n'
            'metric par = sum(count(r.x = q.x for r in a) for q in a)\n'
            'goal 1 "g" { score par >= 1 -> 100% }\n')
    evaluation = rk.loads(text).evaluate({"a": [{"x": i % 10} for i in range(300)]})
    assert evaluation.goals["1"].fulfilment == 1


def test_rows_picked_by_a_field_equal_to_an_outer_name_are_found_by_an_index_within_the_bound() -> None:
    # 4,000 participants x 20,000 claims would be 80 million rows gone through one by one.
    rows = [(f"p{i % 4000}", ("bolig_3m", "nvq2")[i % 2], 1) for i in range(20_000)]
    per_person = "[min(4000 kr, sum(takster[k.resultat] for k in krav where k.deltager = d)) " \
                 "for d in distinct(k.deltager for k in krav)]"
    start = time.perf_counter()
    found = value_of(CLAIMS, {"krav": claims(*rows)}, per_person)
    assert time.perf_counter() - start < 3
    paid: dict[str, int] = {}
    for who, what, _ in rows:
        paid[who] = paid.get(who, 0) + PRICES[what]
    assert found == tuple(min(4000, amount) for amount in paid.values())


# ---- explanations --------------------------------------------------------------------------------

RATE_CARD = CLAIMS + '''\
metric samlet = sum(takster[k.resultat] for k in krav)
metric pr_person = [min(2000 kr, sum(takster[k.resultat] for k in krav where k.deltager = d))
                    for d in distinct(k.deltager for k in krav)]
goal 1 "Outcomes" { score samlet >= 1 kr -> 100% }
payment betaling "Payments" = sum(pr_person)
'''


def test_a_sum_over_rows_is_explained_key_by_key_and_a_cap_by_the_rows_it_capped() -> None:
    facts = {"krav": claims(("A", "bolig_12m", 1), ("B", "bolig_12m", 1), ("A", "nvq2", 1), ("C", "bolig_3m", 1))}
    evaluation = rk.loads(RATE_CARD).evaluate(facts)
    english, danish = (evaluation.explain().replace("\u00a0", " "),
                        evaluation.explain(language="da").replace("\u00a0", " "))
    assert "samlet = 7,000 kr (bolig_12m: 2 × 1,500 kr = 3,000 kr; nvq2: 1 × 2,500 kr = 2,500 kr; " \
           "bolig_3m: 1 × 1,500 kr = 1,500 kr)" in english
    # The rows under the cap by key, over every participant, then what the cap took off.
    assert "pr_person (bolig_12m: 2 × 1,500 kr = 3,000 kr; " in english
    assert "1 of 3 rows capped at 2,000 kr, by 2,000 kr in all)" in english
    assert "1 af 3 rækker begrænset til 2.000 kr., med 2.000 kr. i alt)" in danish
    under = rk.loads(RATE_CARD).evaluate({"krav": claims(("A", "bolig_3m", 1))})
    assert "none of 1 row above the cap of 2,000\u00a0kr)" in under.explain()
    assert "ingen af 1 række over loftet på 2.000\u00a0kr.)" in under.explain(language="da")
    assert " k." not in english and "(k " not in english  # never the bound name
    data: Any = evaluation.to_dict()
    counts = data["goals"][0]["steps"][0]["check"]["left"]["counts"]
    assert counts["groups"][0] == {"key": "bolig_12m", "rows": 2, "each": "1500", "total": "3000"}


def test_a_comprehension_is_said_through_its_list_never_its_bound_name() -> None:
    from resultkontrakt.core.wording import DANISH, ENGLISH
    from resultkontrakt.words.explain import formula_words

    expr = rk.loads(CLAIMS + 'metric m = sum(takster[k.resultat] for k in krav where k.antal > 5)\n'
                    ).module.metrics[-1].expr
    assert formula_words(expr, ENGLISH) == "sum of takster for resultat, for each row of krav where antal is above 5"
    assert formula_words(expr, DANISH) == "summen af takster for resultat, for hver række i krav, hvor antal er over 5"


# ---- worked examples and the editor --------------------------------------------------------------


def test_rows_written_out_in_a_worked_example_hold_their_fields_in_declared_order() -> None:
    from resultkontrakt.contract import examples

    text = CLAIMS + '''\
metric samlet = sum(takster[k.resultat] for k in krav where k.antal >= 2)
goal 1 "g" { score samlet >= 4000 kr -> 100%; else -> 0% }
example "rows" {
    given krav = [{antal: 2, dato: 2016-01-01, resultat: "nvq2", deltager: "A"},
                  {deltager: "B", resultat: "bolig_3m", antal: 3, dato: 2016-01-01}]
    expect goal 1 = 100%
}
'''
    [outcome] = examples.run(rk.loads(text))
    assert outcome.passed, outcome.failures
    repeated = text.replace("expect goal 1 = 100%", "expect goal 1 = 100%\n}\nexample \"more\" {\n"
                            '    given krav = [{antal: 2, dato: 2016-01-01, resultat: "nvq2", deltager: "A"}] * 2 '
                            '+ [{deltager: "B", resultat: "bolig_3m", antal: 1, dato: 2016-01-01}]\n'
                            "    expect goal 1 = 100%")
    assert all(found.passed for found in examples.run(rk.loads(repeated)))
    missing = text.replace("antal: 3, ", "")
    assert any("this row gives the fields" in said for said in problems(missing))


def test_completion_after_a_bound_row_offers_its_fields() -> None:
    text = CLAIMS + "metric x = sum(takster[k.resultat] for k in krav)\n"
    contract = rk.loads(text)
    index, lines = Index(contract.module, text, contract.analysis), Lines(text)
    at = lines.place(text.index("k.resultat]") + 2)
    assert [c.label for c in complete(lines, index, *at)] == ["deltager", "resultat", "antal", "dato"]
    described = index.describe(index.resolve("value", "takster"))  # type: ignore[arg-type]
    assert 'keys: "bolig\\_3m", "bolig\\_12m", "nvq2"' in described


@pytest.mark.parametrize(("repeated", "row"), [(" for k in krav", " k."), (" count(a in krav where", " a.")])
def test_completion_in_a_declaration_of_many_bindings_takes_one_pass(repeated: str, row: str) -> None:
    # Each binding once scanned the rest of the declaration: 3000 of them kept the editor waiting
    # for seconds, 20,000 for minutes, at every keystroke.
    contract = rk.loads(CLAIMS)
    text = CLAIMS + "metric x = sum(k.antal for k in krav)" + repeated * 3000 + row
    index, lines = Index(contract.module, CLAIMS, contract.analysis), Lines(text)
    start = time.perf_counter()
    found = complete(lines, index, *lines.place(len(text)), start=len(CLAIMS))
    assert time.perf_counter() - start < 1
    assert [c.label for c in found] == ["deltager", "resultat", "antal", "dato"]


def test_a_table_read_at_many_places_is_made_once_an_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each `t["k.."]` made the whole table again, so a contract of 8000 keys and as many lookups
    # took 10 s to evaluate, growing with their product.
    from resultkontrakt.evaluation import compile as compiled

    table = "{" + ", ".join(f'"k{i}": {i}' for i in range(300)) + "}"
    lookups = " + ".join(f't["k{i}"]' for i in range(300))
    contract = rk.loads(f'metric t = {table}\nmetric x = {lookups}\ngoal 1 "g" {{ score x >= 0 -> 100% }}\n')
    made: list[object] = []

    def counted(pairs: Any) -> Any:
        made.append(pairs)
        return runtime_entries(pairs)
    monkeypatch.setattr(compiled, "entries", counted)
    assert contract.evaluate({}).goals["1"].fulfilment == 1
    assert len(made) == 1


@pytest.mark.skipif(not DEEP, reason="a contract of 3 MB: the deep profile runs it")
def test_a_contract_of_many_keys_and_lookups_loads_and_evaluates_in_time_linear_in_its_size() -> None:
    # Checking each written key against the tuple of keys made loading grow with their product too.
    table = "{" + ", ".join(f'"k{i}": {i}' for i in range(30000)) + "}"
    lookups = " + ".join(f't["k{i}"]' for i in range(30000))
    start = time.perf_counter()
    contract = rk.loads(f'metric t = {table}\nmetric x = {lookups}\ngoal 1 "g" {{ score x >= 0 -> 100% }}\n')
    assert contract.evaluate({}).goals["1"].fulfilment == 1
    assert time.perf_counter() - start < 30  # about 9 s; with the work quadratic, minutes


@pytest.mark.parametrize("written", ["count(r for r in l where r in m)", "count(r in l where r in distinct(m))",
                                     "count(r for r in l where sum(m) > r)"])
def test_what_is_the_same_for_every_row_is_worked_out_once(written: str) -> None:
    # A list looked through, or summed, for each row: 50,000 rows of 50,000 took minutes.
    contract = rk.loads(f'fact l: list of integer\nfact m: list of integer\nmetric x = {written}\n'
                        'goal 1 "g" { score x >= 1 -> 100% }\n')
    rows = list(range(50000))
    start = time.perf_counter()
    result = contract.evaluate({"l": rows, "m": rows[::-1]})
    assert time.perf_counter() - start < 2
    assert result.goals["1"].reasoning().startswith("x = 50,000 ")


def test_a_list_made_for_each_row_counts_towards_the_bound_on_work() -> None:
    # `[r] * 5000000` for each of 1000 rows was made, 5 billion values, until the memory ran out.
    contract = rk.loads('fact l: list of integer\nmetric x = sum(count([r] * 5000000) for r in l)\n'
                        'metric y = count(r for r in l where count(l + l) > r)\n'
                        'goal 1 "g" { score x >= 1 -> 100% }\ngoal 2 "h" { score y >= 1 -> 100% }\n')
    result = contract.evaluate({"l": list(range(1000))})
    assert "r × 5,000,000 would go through 5000000000 rows in all" in result.goals["1"].reasoning()
    # A list the rows do not change is made once, and counted once.
    assert result.goals["2"].reasoning().startswith("y = 1,000 ")


@pytest.mark.parametrize("written", ["count(r for r in l where r in (if r > 0 then l else m))",
                                     "count(r for r in l where sum(if r > 0 then l else m) > 0)"])
def test_a_list_gone_through_for_each_row_counts_towards_the_bound_on_work(written: str) -> None:
    # A list chosen by the row, looked through or summed for each row: 100,000 rows hung.
    contract = rk.loads(f'fact l: list of integer\nfact m: list of integer\nmetric x = {written}\n'
                        'goal 1 "g" { score x >= 1 -> 100% }\n')
    rows = list(range(100000))
    reason = contract.evaluate({"l": rows, "m": rows}).goals["1"].reasoning()
    assert "would go through 10000000000 rows in all" in reason
    assert contract.evaluate({"l": rows[:100], "m": rows[:100]}).goals["1"].fulfilment == 1


def test_a_date_key_and_a_row_print_back_as_written() -> None:
    from resultkontrakt.editor.fmt import format_text

    # A long comprehension keeps `for` under its value; long rows of a given go one a line.
    golden = (Path(__file__).parent / "golden" / "rows.rk").read_text(encoding="utf-8")
    assert format_text(golden) == golden
    assert "\n                    for d in distinct(k.deltager for k in krav)]\n" in golden
    assert '\n                  {dato: 2016-04-01, deltager: "A", resultat: "bolig_12m"},\n' in golden

    text = ('metric frist = {2016-01-01: 3, 2017-01-01: 4}\n\n'
            'metric x = [m for m in 1 .. 12]\n')
    assert format_text(text) == text
    assert dt.date(2016, 1, 1) in rk.loads(text).analysis.types["frist"].keys  # type: ignore[operator]
