"""One language rule (issue 23, part 6): a contract that says `language "da"` is spoken about in
Danish by every command (`eval`, `report`, `compare`, `split`, `check`), on standard output and
standard error alike, unless `--lang` says otherwise; notebook views follow it too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resultkontrakt as rk

from .conftest import EXAMPLE, EXAMPLE_FACTS, Rk

DANISH = ('contract "Aftale" {\n    period 2020-01-01 .. 2020-12-31\n    language "da"\n}\n'
          'fact andel: percent\nfact antal: number\n'
          'goal 1 "Andel <i>i</i> job" { score andel >= 50% -> 100%; andel >= 40% -> 50%; else -> 0% }\n'
          'goal 2 "Antal" { score antal >= 10 -> 100%; else -> 0% }\n'
          'split tilskud {\n    total 100 kr\n    unit 1 kr\n    method largest remainder\n'
          '    shares {\n        Aalborg 2\n        Hjørring 1\n    }\n}\n')


@pytest.fixture
def danish(tmp_path: Path) -> tuple[Path, Path]:
    contract, facts = tmp_path / "aftale.rk", tmp_path / "f.json"
    contract.write_text(DANISH, encoding="utf-8")
    facts.write_text('{"andel": "45%", "antal": "tolv"}', encoding="utf-8")
    return contract, facts


def test_rk_eval_speaks_the_contracts_language_on_both_streams(rk: Rk, danish: tuple[Path, Path]) -> None:
    contract, facts = danish
    run = rk("eval", contract, facts)
    assert "Samlet: 50 % af 1 vurderet mål; 1 kan ikke vurderes (mål 2)." in run.stdout.replace("\u00a0", " ")
    assert ": fejl: antal:" in run.stderr and "error" not in run.stderr
    assert run.exit == 1
    data = json.loads(rk("eval", contract, facts, "--format", "json").stdout)
    assert data["language"] == "da"
    run = rk("eval", contract, facts, "--lang", "en")
    assert "Overall: 50% of 1 goal decided; 1 not evaluable (goal 2)." in run.stdout
    assert ": error: antal:" in run.stderr


def test_rk_eval_warns_in_the_contracts_language(rk: Rk, danish: tuple[Path, Path]) -> None:
    contract, facts = danish
    run = rk("eval", contract, facts, "--as-of", "2021-03-01")
    assert "advarsel: --as-of 2021-03-01 ligger efter periodens slutning (2020-01-01 .. 2020-12-31)" in run.stderr
    assert "tip: efter perioden afventer intet: udelad --as-of" in run.stderr
    run = rk("eval", contract, facts, "--as-of", "2021-03-01", "--lang", "en")
    assert "warning: --as-of 2021-03-01 is after the period ends" in run.stderr


def test_rk_report_and_rk_compare_speak_it(rk: Rk, danish: tuple[Path, Path]) -> None:
    contract, facts = danish
    run = rk("report", contract, facts)
    assert run.stdout.startswith("# Årsrapport: Aftale") and "fejl:" in run.stderr
    assert rk("report", contract, facts, "--lang", "en").stdout.startswith("# Annual report: Aftale")
    run = rk("compare", f"{contract}:{facts}", f"{contract}:{facts}", "--label", "A", "--label", "B")
    assert "Samlet målopfyldelse" in run.stdout and "fejl:" in run.stderr
    run = rk("compare", f"{contract}:{facts}", f"{contract}:{facts}", "--label", "A", "--label", "B",
             "--lang", "en")
    assert "Overall fulfilment" in run.stdout and "error:" in run.stderr


def test_rk_split_speaks_it_in_its_table_and_its_errors(rk: Rk, danish: tuple[Path, Path], tmp_path: Path) -> None:
    contract, _ = danish
    run = rk("split", contract)
    assert run.exit == 0 and "fordelt efter vægt" in run.stdout
    assert "split by weight" in rk("split", contract, "--lang", "en").stdout
    run = rk("split", contract, "andet")
    assert run.exit == 2 and "fejl: der er ingen fordeling `andet`" in run.stderr
    assert "fordelingerne er: tilskud" in run.stderr
    without = tmp_path / "uden.rk"
    without.write_text(DANISH.split("split tilskud")[0], encoding="utf-8")
    run = rk("split", without)
    assert run.exit == 1 and "fejl: kontrakten har ingen fordeling" in run.stderr and "tip: tilføj en" in run.stderr
    run = rk("split", without, "--lang", "en")
    assert "error: the contract has no split" in run.stderr


def test_rk_check_says_a_contracts_summary_and_warnings_in_its_language(rk: Rk, danish: tuple[Path, Path]) -> None:
    contract, _ = danish
    run = rk("check", contract)  # the facts have no label: a warning each
    assert run.exit == 0 and run.stdout.strip().endswith("ok: 2 mål, 2 fakta, 0 nøgletal, 0 leverancer, 2 advarsler")
    assert "advarsel:" in run.stderr and "warning" not in run.stderr
    run = rk("check", contract, "--lang", "en")
    assert run.stdout.strip().endswith("ok: 2 goals, 2 facts, 0 metrics, 0 deliverables, 2 warnings")
    assert "warning:" in run.stderr


def test_notebook_views_follow_the_contracts_language_and_escape(danish: tuple[Path, Path]) -> None:
    contract = rk.load(danish[0])
    evaluation = contract.evaluate({"andel": "45%", "antal": 12})
    page = evaluation._repr_html_()
    assert "Samlet: 75" in page and "delvist opfyldt" in page and "Overall" not in page
    goal = evaluation.goals["1"]
    card = goal._repr_html_()
    assert "Mål 1: Andel &lt;i&gt;i&lt;/i&gt; job" in card and "<i>" not in card
    assert "delvist opfyldt" in card and "50\u00a0%" in card
    comparison = rk.compare([(danish[0], danish[1]), (danish[0], danish[1])], labels=["A", "B"])
    assert "Samlet målopfyldelse" in comparison._repr_html_()
    split = contract.split()._repr_html_()
    assert "tilskud: 100 kr. fordelt efter vægt (største brøkdel" in split.replace("\u00a0", " ")


def test_notebook_views_of_a_contract_without_a_language_are_english() -> None:
    evaluation = rk.loads('fact a: number\ngoal 1 "A & B" { score a >= 1 -> 100%; else -> 0% }\n').evaluate({"a": 1})
    assert "Overall: 100% (1 goal)." in evaluation._repr_html_()
    card = evaluation.goals["1"]._repr_html_()
    assert "Goal 1: A &amp; B" in card and "met" in card and "100%" in card
    split = rk.load(EXAMPLE).split("basisbevilling", margins=False)._repr_html_()
    assert "basisbevilling: 16,488\u00a0tkr split by Folketal 1. januar 2018 (largest remainder" in split


def test_a_facts_file_says_what_it_is_and_never_its_data() -> None:
    facts = rk.load_facts(EXAMPLE_FACTS)
    shown = repr(facts)
    assert shown == f"<FactsFile nordjylland-2019.facts.json: {len(facts) - 1} facts>"  # `$note` is no fact
    assert "csv" not in shown
    year = rk.loads_facts('{"period": 2011, "measured_until": "2011-06-30", "a": 1}', "f.json")
    assert repr(year) == "<FactsFile f.json: 1 fact, period 2011, measured until 2011-06-30>"
    assert repr(rk.loads_facts('{"a": [1, 2, 3]}')) == "<FactsFile <facts>: 1 fact>"
