"""The grant split as a contract states it: the real 2019 table, margins, and bad splits."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk

from .conftest import EXAMPLE, EXAMPLES, Rk

TABLE_2019 = {
    "Morsø": 576, "Thisted": 1224, "Brønderslev": 1020, "Frederikshavn": 1680,
    "Vesthimmerland": 1044, "Læsø": 48, "Rebild": 840, "Mariagerfjord": 1176,
    "Jammerbugt": 1080, "Aalborg": 5976, "Hjørring": 1824,
}


@pytest.fixture(scope="module")
def contract() -> rk.Contract:
    return rk.load(EXAMPLE)


def test_the_example_reproduces_the_contracts_own_table(contract: rk.Contract) -> None:
    allocation = contract.split("basisbevilling")
    assert dict(allocation) == TABLE_2019
    assert sum(allocation.values()) == 16488
    assert allocation.unit == "tkr"


def yearly(contract: rk.Contract) -> rk.Contract:
    """The same split over the whole year at once, instead of month by month."""
    return rk.loads(contract.text.replace("    installments 12\n", ""), source="yearly.rk")


def test_a_yearly_split_gives_other_figures_than_the_monthly_bill(contract: rk.Contract) -> None:
    monthly = contract.split()
    year = yearly(contract).split()
    assert sum(year.values()) == 16488
    assert dict(year) != dict(monthly)
    # The monthly bill rounds 11 times as coarsely: Læsø pays 48 rather than 51.
    assert (monthly["Læsø"], year["Læsø"]) == (48, 51)
    assert (monthly["Rebild"], year["Rebild"]) == (840, 835)


def test_margins_say_how_far_a_population_may_move(contract: rk.Contract) -> None:
    rebild = {s.party: s for s in contract.split().shares}["Rebild"]
    assert (rebild.margin_down, rebild.margin_up) == (125, 455)
    # Billed yearly, Rebild is 26 inhabitants from a different bill.
    rebild_yearly = {s.party: s for s in yearly(contract).split().shares}["Rebild"]
    assert rebild_yearly.margin_up == 26
    assert rebild_yearly.margin_down == 11


def test_each_amount_has_its_exact_quota(contract: rk.Contract) -> None:
    morsø = contract.split().shares[0]
    assert morsø.quota == Fraction(16488 * 20514, 589148)
    assert morsø.per_installment == 48


def test_rk_split_prints_the_table_with_margins(rk: Rk) -> None:
    run = rk("split", EXAMPLE)
    assert run.exit == 0
    assert "Rebild           29,827                 ≈69.56     840  -125 / +455" in run.stdout
    assert "total           589,148                         16,488" in run.stdout


def test_rk_split_json_has_the_sketch_shape(rk: Rk) -> None:
    data = json.loads(rk("split", EXAMPLE, "--format", "json").stdout)
    assert {key: data[key] for key in ("split", "unit", "total", "shares")} == {
        "split": "basisbevilling", "unit": "tkr", "total": 16488, "shares": TABLE_2019}
    rebild = next(p for p in data["parties"] if p["party"] == "Rebild")
    assert (rebild["margin_down"], rebild["margin_up"]) == (125, 455)


def test_rk_split_csv(rk: Rk) -> None:
    lines = rk("split", EXAMPLE, "basisbevilling", "--format", "csv").stdout.splitlines()
    assert lines[0] == "party,weight,quota,amount,unit,tie,margin_down,margin_up"
    assert lines[1].startswith("Morsø,20514,") and ",576,tkr,false,235,304" in lines[1]
    assert len(lines) == 12


def test_rk_split_with_an_unknown_name_is_a_command_line_error(rk: Rk) -> None:
    run = rk("split", EXAMPLE, "basis")
    assert run.exit == 2
    assert "the splits are: basisbevilling" in run.stderr


SHARES_FROM = '''
fact folketal: table of integer in 0 .. 10000000 "Population on 1 January 2018"
split basisbevilling {
    total 16488 tkr
    installments 12
    shares from folketal
}
'''


def test_weights_from_a_table_in_the_facts(tmp_path: Path) -> None:
    contract = rk.loads(SHARES_FROM)
    populations = {"Morsø": 20514, "Thisted": 43716, "Brønderslev": 36289, "Frederikshavn": 60140,
                   "Vesthimmerland": 37277, "Læsø": 1807, "Rebild": 29827, "Mariagerfjord": 42125,
                   "Jammerbugt": 38638, "Aalborg": 213558, "Hjørring": 65257}
    assert dict(contract.split(facts={"folketal": populations})) == TABLE_2019


def test_weights_from_the_statistics_file_itself(tmp_path: Path, rk: Rk) -> None:
    facts = tmp_path / "facts.json"
    (tmp_path / "folk1a.csv").write_bytes((EXAMPLES / "folk1a-nordjylland.csv").read_bytes())
    facts.write_text('{"folketal": {"csv": "folk1a.csv", "key": "municipality", "column": "2018-01-01"}}',
                     encoding="utf-8")
    contract_path = tmp_path / "c.rk"
    contract_path.write_text(SHARES_FROM, encoding="utf-8")
    assert dict(rk_load(contract_path).split(facts=rk_facts(facts))) == TABLE_2019
    run = rk("split", contract_path, "--facts", facts)
    assert run.exit == 0 and "Læsø" in run.stdout
    missing = rk("split", contract_path)
    assert missing.exit == 1
    assert "takes its weights from the fact `folketal`, which is not given" in missing.stderr


rk_load = rk.load
rk_facts = rk.load_facts


@pytest.mark.parametrize(("weights", "words"), [
    ({"A": -5, "B": 10}, "the weight -5 is negative"),
    ({"A": 0, "B": 0}, "every weight in `folketal` is zero"),
    ({"A": "many", "B": 10}, 'folketal["A"]: expected a number'),
    ({}, "expected a table"),
])
def test_bad_weights_in_facts_are_errors(weights: dict[str, object], words: str) -> None:
    contract = rk.loads(SHARES_FROM.replace("in 0 .. 10000000 ", ""))
    with pytest.raises(rk.FactsError) as caught:
        contract.split(facts={"folketal": weights})
    assert words in str(caught.value)


def split_errors(body: str) -> list[str]:
    with pytest.raises(rk.RkError) as caught:
        rk.loads(f"split s {{\n{body}\n}}\n", source="s.rk")
    return [p.message for p in caught.value.errors]


@pytest.mark.parametrize(("body", "words"), [
    ("total 100 tkr shares { A 1 B -2 }", "B's weight is negative"),
    ("total 100 tkr shares { A 0 B 0 }", "every weight in the split is zero"),
    ("total 100 tkr shares { A 1 A 2 }", "A is named twice in split `s`"),
    ("total 16489 tkr installments 12 shares { A 1 }",
     "16489 tkr over 12 installments is ≈1374.0833 tkr per installment, not a whole number of "
     "units of 1 tkr"),
    ("total 100 tkr unit 200 tkr shares { A 1 }", "the unit 200 tkr is larger than the amount to split"),
    ("total 100 shares { A 1 }", "the total of a split is an amount of money"),
    ("shares { A 1 }", "split `s` has no total"),
    ("total 100 tkr", "split `s` has no shares"),
    ("total 100 tkr shares from nothing", "unknown fact `nothing`"),
])
def test_bad_splits_are_caught_when_the_contract_loads(body: str, words: str) -> None:
    assert any(m.startswith(words) for m in split_errors(body)), split_errors(body)


@pytest.mark.parametrize("body", ["total 100 tkr method largest rest shares { A 1 }",
                                  "total 100 tkr shares { A many }"])
def test_syntax_errors_in_a_split_name_the_place(body: str) -> None:
    with pytest.raises(rk.RkSyntaxError) as caught:
        rk.loads(f"split s {{\n{body}\n}}\n", source="s.rk")
    [problem] = caught.value.problems
    assert problem.span is not None and problem.span.line == 2


@pytest.mark.parametrize(("method", "expected"), [
    ("largest remainder", {"A": 5, "B": 3, "C": 2}),
    ("hamilton", {"A": 5, "B": 3, "C": 2}),
    ("sainte-laguë", {"A": 5, "B": 3, "C": 2}),
    ("D'Hondt", {"A": 6, "B": 3, "C": 1}),
])
def test_every_method_can_be_named(method: str, expected: dict[str, int]) -> None:
    text = f"split s {{ total 10 kr method {method} shares {{ A 56 B 27 C 17 }} }}"
    assert dict(rk.loads(text).split()) == expected


def test_a_tie_is_decided_by_the_rule_and_said() -> None:
    allocation = rk.loads('split s { total 1 kr shares { "Første" 1 "Anden" 1 } }').split()
    assert dict(allocation) == {"Første": 1, "Anden": 0}
    assert all(share.tie for share in allocation.shares)
    assert "decided by a tie" in allocation.explain()


@st.composite
def written_splits(draw: st.DrawFn) -> tuple[str, int, int, int, list[int]]:
    """A split as a contract writes it, with a total that divides into whole units."""
    unit = draw(st.sampled_from([1, 2, 5, 1000]))
    installments = draw(st.integers(1, 12))
    units = draw(st.integers(1, 2000))
    weights = draw(st.lists(st.integers(0, 100_000), min_size=1, max_size=12).filter(any))
    method = draw(st.sampled_from(["largest remainder", "sainte-laguë", "d'hondt"]))
    return method, unit, installments, units * unit * installments, weights


@given(written_splits())
def test_amounts_are_whole_units_and_add_up_to_the_total(split: tuple[str, int, int, int, list[int]]) -> None:
    method, unit, installments, total, weights = split
    shares = " ".join(f'"P{i}" {w}' for i, w in enumerate(weights))
    text = (f"split s {{ total {total} kr unit {unit} kr installments {installments} "
            f"method {method} shares {{ {shares} }} }}")
    allocation = rk.loads(text).split(margins=False)
    assert sum(allocation.values()) == total
    for amount in allocation.values():
        assert Fraction(amount) % (unit * installments) == 0
