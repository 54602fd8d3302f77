"""Contracts, and years of one contract, side by side (`rk compare`, `rk.compare`)."""

from __future__ import annotations

import datetime as dt
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.comparisons.compare import CompareError, Pair, periods_follow
from resultkontrakt.comparisons.tables import comparison_csv
from resultkontrakt.core import escape
from resultkontrakt.core.vocabulary import quote
from resultkontrakt.core.wording import DANISH, ENGLISH, Wording

from .conftest import Rk

HERE = Path(__file__).parent / "golden" / "compare"
NORD, MIDT = HERE / "hub-nord.rk", HERE / "hub-midt.rk"


def test_rows_are_goals_matched_by_id_and_cells_follow_the_columns() -> None:
    table = rk.compare([(NORD, HERE / "nord-2019.json"), (MIDT, HERE / "midt-2019.json")])
    # Two contracts of the same year are two providers, each labelled by the party it judges.
    assert not table.series
    assert [c.label for c in table.columns] == ["Erhvervshus Nordjylland", "Erhvervshus Midtjylland"]
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
    assert "Comparison of 2 providers" in repr(table)


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
    # Each change says its unit (NPS points, deliverables); 2021's overall averages 2 of the 4
    # goals: no change of "+25 pp" against 2020's over all 4.
    assert "+3 NPS points" in table.text() and "±0 deliverables" in table.text()
    assert "Change: 2021 minus 2020 (the last column minus the one before it)" in table.text()
    assert re.search(r"Overall fulfilment +75% +75% +100% \(2 of 4 goals\) +not comparable", table.text())
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
    assert json.loads(json_run.stdout)["columns"][0]["label"] == "Erhvervshus Nordjylland"



# Texts from outside that a spreadsheet would run, or read as a number: each must stay a text.
HOSTILE_TITLES = ["-12.5", '=HYPERLINK("http://evil","x")', "+45 12 34 56", "@SUM(A1)", "\tx"]


@pytest.mark.parametrize("w", [ENGLISH, DANISH], ids=["en", "da"])
def test_csv_numbers_are_numbers_and_outside_texts_are_never_formulas(tmp_path: Path, w: Wording) -> None:
    import csv

    contract = tmp_path / "hub.rk"
    contract.write_text('contract "Hub" {\n    period 2019-01-01 .. 2020-12-31 each year\n}\n'
                        "fact nps: number in -100 .. 100\nfact effekt: percent\nfact saldo: money\n" + "".join(
        f"goal {n} {quote(title)} {{ score {measure} -> 100% }}\n" for n, (title, measure) in enumerate(zip(
            HOSTILE_TITLES, ["nps >= 0", "effekt >= 70%", "saldo >= 0 kr", "nps >= -50", "nps >= -50"],
            strict=True), start=1)), encoding="utf-8")
    (tmp_path / "hub-2019.json").write_text('{"period": 2019, "nps": -12.5, "effekt": "72.5%", "saldo": "-1500.50 kr"}')
    (tmp_path / "hub-2020.json").write_text('{"period": 2020, "nps": -20, "effekt": "62.5%", "saldo": "-16488 tkr"}')
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
                                                                         -10]
    assert effekt[10] == w["compare.unit percent"]  # the change's unit in the cell beside it
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
    # Nord reports each year: its facts say which.
    pairs = [(path, {**facts, "period": 2019} if path == NORD else facts) for path, facts in pairs]
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
    facts = [{**f, "period": 2019} for f in facts]
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


# ---- series or providers: decided from the periods, never from the files' names ----------------

Y = dt.date


@pytest.mark.parametrize(("periods", "series"), [
    ([(Y(2009, 1, 1), Y(2009, 12, 31)), (Y(2011, 1, 1), Y(2011, 12, 31))], True),  # years of `each year`
    ([(Y(2019, 1, 1), Y(2019, 12, 31)), (Y(2020, 1, 1), Y(2020, 12, 31))], True),  # one ends, the next starts
    ([(Y(2024, 7, 1), Y(2024, 12, 31)), (Y(2024, 1, 1), Y(2024, 6, 30))], True),  # half years, any order
    ([(Y(2019, 1, 1), Y(2019, 12, 31)), (Y(2019, 1, 1), Y(2019, 12, 31))], False),  # one year twice: providers
    ([(Y(2019, 1, 1), Y(2020, 12, 31)), (Y(2020, 1, 1), Y(2021, 12, 31))], False),  # overlap by a year
    ([(Y(2019, 1, 1), Y(2019, 12, 31)), (Y(2019, 12, 31), Y(2020, 12, 30))], False),  # share their last day
    ([(Y(2019, 1, 1), Y(2019, 12, 31)), None], False),  # a contract without a period
    ([(Y(2019, 1, 1), Y(2019, 12, 31))], False),  # one column is no series
])
def test_a_series_is_periods_that_follow_each_other(periods: list[tuple[dt.date, dt.date] | None],
                                                     series: bool) -> None:
    assert periods_follow(periods) is series


def test_two_facts_files_of_one_period_are_two_providers_named_by_their_party(tmp_path: Path) -> None:
    # Copies of one year's facts, whatever their names say: two providers of 2019, not two years.
    first = tmp_path / "nord-2019.json"
    second = tmp_path / "nord-2020.json"
    first.write_text('{"period": 2019, "party": "Nordjysk Vejledning", "nps": 57, "effekt": "72.5%"}')
    second.write_text('{"period": 2019, "party": "Vendsyssel Erhverv", "nps": 61, "effekt": "62.5%"}')
    table = rk.compare([(NORD, first), (NORD, second)])
    assert not table.series and table.change(table.rows[0]) is None
    assert [c.label for c in table.columns] == ["Nordjysk Vejledning", "Vendsyssel Erhverv"]
    assert table.text("da").splitlines()[0] == "Erhvervshus Nordjylland: 2 leverandører side om side"
    assert "Ændring" not in table.text("da") and "(1)" not in table.text("da")
    # Without a party in the facts, the contract's party is the same for both: the files' names tell them apart.
    first.write_text('{"period": 2019, "nps": 57}')
    second.write_text('{"period": 2019, "nps": 61}')
    assert [c.label for c in rk.compare([(NORD, first), (NORD, second)]).columns] == ["nord-2019", "nord-2020"]


def test_a_contract_and_the_one_that_followed_it_are_a_series(tmp_path: Path) -> None:
    old = tmp_path / "aftale-a.rk"
    new = tmp_path / "aftale-b.rk"
    for path, (title, year) in ((old, ("Aftale 2019", 2019)), (new, ("Aftale 2020", 2020))):
        path.write_text(f'contract "{title}" {{\n    parties "Region", "Operatør A/S"\n'
                        f"    period {year}-01-01 .. {year}-12-31\n}}\n\nfact nps: number in -100 .. 100\n\n"
                        'goal 1 "Tilfredshed" {\n    score nps >= 60 -> 100%; >= 50 -> 50%\n}\n\n'
                        'payment bonus "Bonus" = 1000 kr * nps\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('{"nps": 55}')
    (tmp_path / "b.json").write_text('{"nps": 62}')
    table = rk.compare([(new, tmp_path / "b.json"), (old, tmp_path / "a.json")])
    assert table.series and [c.label for c in table.columns] == ["2019", "2020"]
    assert table.text().splitlines()[0] == "Operatør A/S, year on year"
    # The payment is a row, to the krone, with its change.
    [bonus] = table.payments
    assert [cell.amount for cell in bonus.cells if cell is not None] == [55000, 62000]
    data: dict[str, Any] = table.to_dict("da")
    assert data["payments"][0]["change"] == {"value": 7000, "counts": "amount", "unit": "DKK",
                                             "text": "+7.000\u00a0kr."}
    assert data["rows"][0]["change"] == {"value": 7, "counts": "measure", "unit": "NPS-point",
                                         "text": "+7 NPS-point"}


def test_a_party_in_the_facts_is_a_name_and_never_an_unknown_fact() -> None:
    contract = rk.load(NORD)
    named = contract.check_facts({"period": 2019, "party": " Nordjysk Vejledning ", "nps": 57})
    assert named.party == "Nordjysk Vejledning" and not named.problems
    assert [p.code for p in contract.check_facts({"period": 2019, "party": 5, "nps": 57}).problems] == ["facts.party"]


# ---- units and the precision rule in the comparison -----------------------------------------

DAYS_CONTRACT = '''contract "Sagsbehandling" {
    parties "Styrelsen"
    period 2024-01-01 .. 2024-12-31
}
fact tid: number label "sagsbehandlingstid" unit "dag" "dage"
fact andel: percent label "andel til tiden"
goal 1 "Hurtig behandling" {
    score tid >= 100 -> 100%; >= 50 -> 50%
}
goal 2 "Til tiden" {
    score andel >= 60% -> 100%
}
'''


def _days_comparison(tmp_path: Path) -> rk.Comparison:
    contract = tmp_path / "sager.rk"
    contract.write_text(DAYS_CONTRACT, encoding="utf-8")
    pairs = []
    for party, tid, andel in [("Nord", "99.999", 0.59999), ("Syd", "120", 0.6)]:
        facts = tmp_path / f"{party}.json"
        facts.write_text(json.dumps({"period": 2024, "party": party, "tid": float(tid), "andel": andel}),
                         encoding="utf-8")
        pairs.append((contract, facts))
    return rk.compare(pairs)


def test_the_comparison_shows_a_measured_value_with_its_unit_and_never_equal_to_a_threshold_it_misses(
        tmp_path: Path) -> None:
    """99,999 dage against `mindst 100` read `≈100,00` (and 59,999 % read `≈60,0 %`) in every
    cell of the comparison, with no unit, while the explanation said `≈99,99 dage`: the reader
    saw a value that meets the threshold where the goal was only half met."""
    from resultkontrakt.comparisons.page import comparison_html

    table = _days_comparison(tmp_path)
    text = table.text("da")
    assert "50 % (≈99,99\u00a0dage)" in text.replace(" dage", "\u00a0dage")
    assert "100 % (120\u00a0dage)" in text.replace(" dage", "\u00a0dage")
    assert "≈100,00" not in text and "≈60,0 %" not in text and "≈59,99 %" in text
    data = table.to_dict("da")
    rows: Any = data["rows"]
    values = [cell["value"] for row in rows for cell in row["cells"]]
    assert values[:2] == ["≈99,99\u00a0dage", "120\u00a0dage"]
    page = comparison_html(table, DANISH)
    assert "(≈99,99\u00a0dage)" in page  # a number never parted from its unit
    page = page.replace("\u00a0", " ")
    assert "≈100,00" not in page and "≈60,0 %" not in page
    # The chart's value, its thresholds and the thresholds in words carry the unit too.
    assert "≈99,99 dage → 50 %" in page and "≈59,99 % → 0 %" in page
    assert "mindst 100 dage → 100 %" in page
    assert ">100 dage</text>" in page


def test_a_comparison_shown_in_a_python_session_sends_no_escape_sequence(tmp_path: Path) -> None:
    """A REPL or a notebook's text view prints `repr`: a party's name from a stranger's facts
    file must not drive the terminal (colours, a title, text reversed by U+202E)."""
    contract = tmp_path / "c.rk"
    contract.write_text(DAYS_CONTRACT, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"period": 2024, "party": "Nord\x1b]0;pwned\x07\u202e", "tid": 1}), encoding="utf-8")
    shown = repr(rk.compare([(contract, facts)]))
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "Nord\\x1b]0;pwned\\x07\\u202e" in shown


def test_a_change_of_a_measure_with_a_unit_is_counted_in_that_unit(tmp_path: Path) -> None:
    """`−6 sagsbehandlingstid` read as if the label were a unit: a change is said in the
    contract's unit (`−6 dage`, `+1 dag`), in the table, the CSV's unit column and JSON."""
    contract = tmp_path / "s.rk"
    contract.write_text('contract "s" { parties "A" period 2024-01-01 .. 2026-12-31 each year }\n'
                        'fact tid: number label "sagsbehandlingstid" unit "dag" "dage"\n'
                        'goal 1 "Hurtig" { score tid <= 30 -> 100%; <= 40 -> 50% }\n', encoding="utf-8")
    pairs = []
    for year, tid in [(2024, 35), (2025, 29), (2026, 30)]:
        facts = tmp_path / f"{year}.json"
        facts.write_text(json.dumps({"period": year, "tid": tid}), encoding="utf-8")
        pairs.append((contract, facts))
    text = rk.compare(pairs[:2]).text("da").replace("\u00a0", " ")
    assert "−6 dage" in text and "sagsbehandlingstid" not in text.split("\n\n")[1]
    assert re.search(r"\+1 dag$", rk.compare(pairs[1:]).text("da").replace("\u00a0", " "), re.M)
    csv_text = comparison_csv(rk.compare(pairs[:2]), DANISH)
    assert csv_text.splitlines()[1].endswith(";-6;dage")


def test_a_party_written_over_several_lines_labels_its_column_on_one(tmp_path: Path) -> None:
    """A line break or tab in a facts file's `"party"` broke the text table's header over two
    lines and made CSV headers of several lines: a name is its words, spaced as a label is."""
    contract = tmp_path / "c.rk"
    contract.write_text(DAYS_CONTRACT, encoding="utf-8")
    pairs = []
    for name, party in [("a", "Kronjylland\nBus\t A/S "), ("b", "Syd\r\nBus\u2028ApS")]:
        facts = tmp_path / f"{name}.json"
        facts.write_text(json.dumps({"period": 2024, "party": party, "tid": 1}), encoding="utf-8")
        pairs.append((contract, facts))
    table = rk.compare(pairs)
    assert [column.label for column in table.columns] == ["Kronjylland Bus A/S", "Syd Bus ApS"]
    header = table.text("en").splitlines()[2]
    assert "Kronjylland Bus A/S" in header and "Syd Bus ApS" in header
    assert len(comparison_csv(table, ENGLISH).splitlines()) == 1 + len(table.rows) + 1


def test_a_title_written_over_lines_keeps_the_comparison_table_one_line_a_row(tmp_path: Path) -> None:
    """`goal 1 "a\\nb\\tc"` and `payment p "P\\nQ"` split a row of the text table in two and
    pushed its columns apart with a tab."""
    contract = tmp_path / "c.rk"
    contract.write_text('contract "c" { parties "A" period 2024-01-01 .. 2024-12-31 }\n'
                        'fact x: number label "x"\ngoal 1 "a\\nb\\tc" { score x >= 1 -> 100% }\n'
                        'payment p "P\\nQ" = 1 kr\n', encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"period": 2024, "x": 1}', encoding="utf-8")
    text = rk.compare([(contract, facts)]).text("en")
    assert "\t" not in text
    lines = text.splitlines()
    assert any(line.startswith("1     a\\nb\\tc") and line.endswith("100% (1)") for line in lines), text
    assert any("P\\nQ" in line and line.endswith("1 kr") for line in lines), text


@pytest.mark.parametrize(("lang", "title"), [("en", "Sagsbehandling: 1 provider"), ("da", "Sagsbehandling: 1 leverandør")])
def test_one_column_is_one_provider_not_providers_side_by_side(tmp_path: Path, lang: str, title: str) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(DAYS_CONTRACT, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"period": 2024, "tid": 1}', encoding="utf-8")
    assert rk.compare([(contract, facts)]).text(lang).splitlines()[0] == title


def test_amounts_in_a_row_of_the_comparison_are_in_one_unit_as_its_chart_says_them(tmp_path: Path) -> None:
    """`0 % (≈999,99 kr.)` beside `100 % (1 t.kr.)`, and the chart saying `1.000 kr.` for the
    cell's `1 t.kr.`: amounts compared are read to the krone, in the table as in the chart."""
    from resultkontrakt.comparisons.page import comparison_html

    contract = tmp_path / "c.rk"
    contract.write_text('contract "c" { parties "A" period 2024-01-01 .. 2024-12-31 }\n'
                        'fact k: money label "omsætning"\ngoal 1 "g" { score k >= 1000 kr -> 100% }\n',
                        encoding="utf-8")
    pairs = []
    for party, amount in [("Nord", 999.999), ("Syd", 1000), ("Vest", 2500000)]:
        facts = tmp_path / f"{party}.json"
        facts.write_text(json.dumps({"period": 2024, "party": party, "k": amount}), encoding="utf-8")
        pairs.append((contract, facts))
    table = rk.compare(pairs)
    line = table.text("da").replace("\u00a0", " ").splitlines()[3]
    assert "(≈999,99 kr.)" in line and "(1.000 kr.)" in line and "(2.500.000 kr.)" in line, line
    page = comparison_html(table, DANISH).replace("\u00a0", " ")
    assert "(1.000 kr.)" in page and "1.000 kr. → 100 %" in page and "t.kr." not in page


def test_measures_in_different_units_are_not_one_axis_or_one_change(tmp_path: Path) -> None:
    """Two years whose contracts count the same label in days and in hours: the change read
    `−20 dage` and the chart drew hours on an axis of days."""
    from resultkontrakt.comparisons.page import comparison_html

    pairs = []
    for year, unit, value in [(2024, '"dag" "dage"', 30), (2025, '"time" "timer"', 10)]:
        contract = tmp_path / f"c{year}.rk"
        contract.write_text(f'contract "c" {{ parties "A" period {year}-01-01 .. {year}-12-31 }}\n'
                            f'fact tid: number label "behandlingstid" unit {unit}\n'
                            'goal 1 "Hurtig" { score tid <= 20 -> 100% }\n', encoding="utf-8")
        facts = tmp_path / f"{year}.json"
        facts.write_text(json.dumps({"period": year, "tid": value}), encoding="utf-8")
        pairs.append((contract, facts))
    table = rk.compare(pairs)
    assert table.series
    text = table.text("da").replace("\u00a0", " ")
    assert "(30 dage)" in text and "(10 timer)" in text
    assert "dage" not in text.splitlines()[3].split("(10 timer)")[1]  # the change is not in days
    page = comparison_html(table, DANISH).replace("\u00a0", " ")
    assert "10 dage" not in page and "30 timer" not in page


@pytest.mark.parametrize("series", [False, True])
def test_rendering_a_comparison_reads_each_columns_covers_a_few_times_not_once_per_column(
        series: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a column's overall is whole depends on every column's covers: worked out for
    each column it read all of them, and rk compare grew with the square of its columns."""
    from resultkontrakt.comparisons.page import comparison_html
    from resultkontrakt.evaluation.outcomes import Outcomes

    contract = rk.loads('contract "c" { period 2001-01-01 .. 2040-12-31 each year }\nfact x: number\n'
                        'goal 1 "g" { score x >= 5 -> 100%; >= 2 -> 50% }\n'
                        'goal 2 "h" { score x >= 9 -> 100% }\n')
    columns = 40  # years of one contract (a series), or providers of one year
    pairs: list[Pair] = [(contract, {"x": n % 12, "party": f"p{n}", "period": 2001 + n if series else 2001})
                         for n in range(columns)]
    comparison = rk.compare(pairs)
    assert comparison.series == series
    reads = [0]
    covers = Outcomes.covers

    def counted(self: Outcomes[Any, Any, Any]) -> object:
        reads[0] += 1
        return covers.fget(self)  # type: ignore[attr-defined]
    monkeypatch.setattr(Outcomes, "covers", property(counted))
    comparison.text()
    comparison.to_dict()
    comparison_csv(comparison, ENGLISH)
    comparison_html(comparison, ENGLISH)
    assert 0 < reads[0] <= 12 * columns
