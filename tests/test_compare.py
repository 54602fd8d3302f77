"""Contracts, and years of one contract, side by side (`rk compare`, `rk.compare`)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.comparisons.compare import CompareError, Pair
from resultkontrakt.comparisons.tables import comparison_csv
from resultkontrakt.core import escape
from resultkontrakt.core.vocabulary import quote
from resultkontrakt.core.wording import DANISH, ENGLISH, Wording

from .conftest import Rk

HERE = Path(__file__).parent / "golden" / "compare"
NORD, MIDT = HERE / "hub-nord.rk", HERE / "hub-midt.rk"


def test_rows_are_goals_matched_by_id_and_cells_follow_the_columns() -> None:
    table = rk.compare([(NORD, HERE / "nord-2019.json"), (MIDT, HERE / "midt-2019.json")])
    assert [c.label for c in table.columns] == ["Erhvervshus Nordjylland 2019", "Erhvervshus Midtjylland 2019"]
    assert [row.id for row in table.rows] == ["1", "2", "3", "4", "5"]
    one, two, _, four, five = table.rows
    assert [cell.fulfilment if cell else None for cell in one.cells] == [Fraction(1, 2), Fraction(0)]
    assert one.cells[0] is not None and one.cells[0].decided is not None
    assert one.cells[0].decided.value == 57
    assert two.titles_differ and two.titles == ("Oplevet effekt af vejledningen", "Virksomhedernes oplevede effekt")
    assert four.cells[1] is None and five.cells[0] is None  # a goal missing from a contract is empty there
    data: dict[str, Any] = table.to_dict()  # JSON: its shape is the schema's
    covers = [{"decided": decided, "pending": [], "not_evaluable": [], "not_applicable": [], "weighted": False}
              for decided in (["1", "2", "3", "4"], ["1", "2", "3", "5"])]
    assert data["overall"] == [{"fulfilment": 75, "points": None, "provisional": False, "covers": covers[0]},
                               {"fulfilment": 62.5, "points": None, "provisional": False, "covers": covers[1]}]
    assert data["rows"][2]["cells"][0]["value"] == "1 of 2"
    assert "Comparison of 2 evaluations" in repr(table)


def test_the_comparison_of_one_evaluation_says_what_rk_eval_says() -> None:
    contract = rk.load(NORD)
    facts = rk.load_facts(HERE / "nord-2019.json")
    evaluation = contract.evaluate(facts)
    table = rk.compare([(contract, facts)])
    for row in table.rows:
        [cell] = row.cells
        goal = evaluation.goals[row.id]
        assert cell is not None and (cell.status, cell.fulfilment, cell.title) == (goal.status, goal.fulfilment, goal.title)
    assert table.columns[0].overall == evaluation.overall


def test_one_contract_over_the_years_stands_in_period_order_with_the_change() -> None:
    table = rk.compare([(NORD, HERE / "nord-2021.json"), (NORD, HERE / "nord-2019.json"),
                        (NORD, HERE / "nord-2020.json")])
    assert table.series and [c.label for c in table.columns] == ["2019", "2020", "2021"]
    change = table.change(table.rows[0])
    assert change is not None and change.value == 3  # NPS 61 -> 64
    # 2021's overall averages 2 of the 4 goals: no change of "+25 pp" against 2020's over all 4.
    assert "+3" in table.text() and "pp" not in table.text().split("Overall fulfilment")[1].splitlines()[0]
    assert "100% (2 of 4 goals)  not comparable" in table.text()
    assert table.overall_change() is None and not table.overall_comparable


def test_a_facts_file_that_cannot_be_read_keeps_its_column_and_says_why() -> None:
    table = rk.compare([(NORD, HERE / "broken-2019.json"), (MIDT, HERE / "midt-2019.json")])
    assert table.columns[0].problem is not None
    assert all(row.cells[0] is None or row.cells[0].status == "not evaluable" for row in table.rows)
    assert table.rows[0].cells[1] is not None and table.rows[0].cells[1].fulfilment == 0
    assert "the facts cannot be read, so no goal is evaluable" in table.text()


@pytest.mark.parametrize(("pairs", "kwargs", "argument"), [
    ([], {}, "CONTRACT.rk:FACTS.json"),
    ([(NORD, HERE / "nord-2019.json")], {"group": "Landsdækkende"}, "--group"),
    ([(NORD, HERE / "nord-2019.json"), (MIDT, HERE / "midt-2019.json")], {"labels": ["A", "A"]}, "--label"),
    ([(NORD, HERE / "nord-2019.json")], {"labels": ["A", "B"]}, "--label"),
    ([(NORD, HERE / "nord-2019.json"), (HERE / "hub-andet.rk", HERE / "andet-2019.json")], {},
     "CONTRACT.rk:FACTS.json"),
])
def test_what_cannot_be_compared_says_which_argument(
        pairs: list[Pair], kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(CompareError) as error:
        rk.compare(pairs, **kwargs)
    assert error.value.argument == argument


def test_a_group_keeps_its_goals_and_labels_name_the_columns() -> None:
    table = rk.compare([(NORD, HERE / "nord-2019.json"), (MIDT, HERE / "midt-2019.json")],
                       group="Nationalt fastsat mål", labels=["Nord", "Midt"])
    assert [row.id for row in table.rows] == ["1", "2", "3"]
    assert [c.label for c in table.columns] == ["Nord", "Midt"]


def test_the_text_fits_100_columns_however_many_columns_and_however_long_the_titles() -> None:
    pairs = [(NORD, HERE / "nord-2019.json")] * 3 + [(MIDT, HERE / "midt-2019.json")] * 3
    labels = [f"Erhvervshus med et meget langt navn nummer {i}" for i in range(6)]
    text = rk.compare(pairs, labels=labels).text("da")
    assert max(len(line) for line in text.splitlines() if not line.startswith(("*", " ", "E"))) <= 100
    assert "…" in text


def test_csv_opens_in_a_danish_spreadsheet_as_it_is() -> None:
    table = rk.compare([(NORD, HERE / "nord-2019.json"), (MIDT, HERE / "midt-2019.json")])
    text = comparison_csv(table, DANISH)
    assert text.startswith("\ufeffMål;Titel;")
    assert "\n2;Oplevet effekt af vejledningen;ja;opfyldt;100;72,5 %;opfyldt;100;70 %\n" in text
    assert ";Samlet målopfyldelse;;;75;;;62,5;\n" in text


def test_rk_compare_writes_csv_bytes_as_they_are(rk: Rk, tmp_path: Path) -> None:
    out = tmp_path / "sammenligning.csv"
    run = rk("compare", f"{NORD}:{HERE / 'nord-2019.json'}", f"{MIDT}:{HERE / 'midt-2019.json'}",
             "--format", "csv", "--lang", "da", "-o", out)
    assert run.exit == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfM\xc3\xa5l;")
    json_run = rk("compare", f"{NORD}:{HERE / 'nord-2019.json'}", "--format", "json")
    assert json.loads(json_run.stdout)["columns"][0]["label"] == "Erhvervshus Nordjylland 2019"



# Texts from outside that a spreadsheet would run, or read as a number: each must stay a text.
HOSTILE_TITLES = ["-12.5", '=HYPERLINK("http://evil","x")', "+45 12 34 56", "@SUM(A1)", "\tx"]


@pytest.mark.parametrize("w", [ENGLISH, DANISH], ids=["en", "da"])
def test_csv_numbers_are_numbers_and_outside_texts_are_never_formulas(tmp_path: Path, w: Wording) -> None:
    import csv

    contract = tmp_path / "hub.rk"
    contract.write_text("fact nps: number in -100 .. 100\nfact effekt: percent\nfact saldo: money\n" + "".join(
        f"goal {n} {quote(title)} {{ score {measure} -> 100% }}\n" for n, (title, measure) in enumerate(zip(
            HOSTILE_TITLES, ["nps >= 0", "effekt >= 70%", "saldo >= 0 kr", "nps >= -50", "nps >= -50"],
            strict=True), start=1)), encoding="utf-8")
    (tmp_path / "hub-2019.json").write_text('{"nps": -12.5, "effekt": "72.5%", "saldo": "-1500.50 kr"}')
    (tmp_path / "hub-2020.json").write_text('{"nps": -20, "effekt": "62.5%", "saldo": "-16488 tkr"}')
    table = rk.compare([(contract, tmp_path / "hub-2019.json"), (contract, tmp_path / "hub-2020.json")],
                       labels=["-2019", "=1+1"])
    header, *rows, overall = csv.reader(comparison_csv(table, w).removeprefix("\ufeff").splitlines(),
                                        delimiter=";" if w.lang == "da" else ",")

    def number(cell: str) -> Fraction:  # as a spreadsheet reads it, or ValueError for a text
        percent = cell.endswith("%")
        value = Fraction(cell.removesuffix("%").strip().replace(w.decimal, "."))
        return value / 100 if percent else value

    assert [header[3], header[6]] == [f"'-2019: {w['report.status']}", f"'=1+1: {w['report.status']}"]
    assert [row[1] for row in rows] == ["'" + escape.visible(title) for title in HOSTILE_TITLES]
    nps, effekt, saldo = rows[0], rows[1], rows[2]
    assert [number(nps[5]), number(nps[8]), number(nps[9])] == [Fraction(-25, 2), -20, Fraction(-15, 2)]
    assert [number(effekt[5]), number(effekt[8]), number(effekt[9])] == [Fraction(725, 1000), Fraction(625, 1000),
                                                                         Fraction(-1, 10)]
    assert [number(saldo[5]), number(saldo[8])] == [Fraction(-30010, 20), -16488000]  # in kroner
    assert all(number(row[4]) in (0, 100) for row in rows) and number(overall[4]) == 60


answers = st.fixed_dictionaries({
    "nps": st.integers(-100, 100), "effekt": st.integers(0, 100).map(lambda n: f"{n}%"),
    "indgang": st.booleans(), "kampagne": st.booleans(),
})


@given(st.lists(st.tuples(st.sampled_from([NORD, MIDT]), answers), min_size=1, max_size=5))
def test_every_column_is_the_evaluation_of_its_pair_in_the_order_given(
        pairs: list[tuple[Path, dict[str, object]]]) -> None:
    contracts = {path: rk.load(path) for path in (NORD, MIDT)}
    given_pairs = [(contracts[path], facts) for path, facts in pairs]
    table = rk.compare(given_pairs, labels=[f"c{i}" for i in range(len(pairs))])
    assert [c.label for c in table.columns] == [f"c{i}" for i in range(len(pairs))]
    for index, (path, facts) in enumerate(pairs):
        evaluation = contracts[path].evaluate(facts)
        for row in table.rows:
            cell = row.cells[index]
            if row.id in evaluation.goals:
                assert cell is not None and cell.fulfilment == evaluation.goals[row.id].fulfilment
            else:
                assert cell is None


@given(st.lists(answers, min_size=2, max_size=4), st.integers(0, 3))
def test_a_broken_facts_file_never_loses_the_other_columns(
        facts: list[dict[str, object]], broken: int) -> None:
    broken %= len(facts)
    contract = rk.load(NORD)
    pairs: list[Pair] = [(contract, f) for f in facts]
    pairs[broken] = (contract, rk.loads_facts('{"nps": "femoghalvtreds"}'))
    table = rk.compare(pairs, labels=[str(i) for i in range(len(facts))])
    for index, f in enumerate(facts):
        expected = contract.evaluate(f) if index != broken else None
        for row in table.rows:
            cell = row.cells[index]
            assert cell is not None
            if expected is not None:
                assert cell.fulfilment == expected.goals[row.id].fulfilment
            elif row.id in ("1",):
                assert cell.fulfilment is None
