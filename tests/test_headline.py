"""The headline tells the truth (issue 23, part 3): an overall always says what it covers, in
`rk eval`, the report, JSON, notebooks and comparisons; `rk eval`, `rk report` and `rk compare`
exit 1 when a goal cannot be evaluated, and 0 while goals are only pending."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import given

import resultkontrakt as rk
from resultkontrakt.output import report

from .conftest import EXAMPLES, Rk

FOUR = ('contract "Fire mål" {\n    period 2020-01-01 .. 2020-12-31\n}\n'
        'fact a: number\nfact b: number\nfact c: number\nfact d: number\n'
        'goal 1 "A" { score a >= 10 -> 100%; a >= 5 -> 50%; else -> 0% }\n'
        'goal 2 "B" { score b >= 10 -> 100%; else -> 0% }\n'
        'goal 3 "C" { score c >= 10 -> 100%; else -> 0% }\n'
        'goal 4 "D" { score d >= 10 -> 100%; else -> 0% }\n')
FOUR_GOALS = rk.loads(FOUR)
PENDING = ('contract "Opfølgning" {\n    period 2020-01-01 .. 2020-12-31\n}\n'
           'fact a: number\n'
           'goal 1 "A" { score a >= 10 -> 100%; else -> 0% }\n'
           'goal 2 "Rapport" { deliverable r "Rapport" due 2020-09-30\n score r -> 100%; else -> 0% }\n')


def _files(tmp_path: Path, contract: str, facts: dict[str, object]) -> tuple[Path, Path]:
    rk_file, facts_file = tmp_path / "c.rk", tmp_path / "f.json"
    rk_file.write_text(contract, encoding="utf-8")
    facts_file.write_text(json.dumps(facts), encoding="utf-8")
    return rk_file, facts_file


def test_rk_eval_with_three_of_four_goals_missing_says_so_and_exits_1(rk: Rk, tmp_path: Path) -> None:
    # The reproducer: "Overall: 50%" and exit 0.
    contract, facts = _files(tmp_path, FOUR, {"a": 5})
    run = rk("eval", contract, facts)
    assert run.exit == 1
    assert "Overall: 50% of 1 goal decided; 3 not evaluable (goals 2, 3, 4)." in run.stdout
    run = rk("eval", contract, facts, "--lang", "da")
    assert run.exit == 1
    assert "Samlet: 50 % af 1 vurderet mål; 3 kan ikke vurderes (mål 2, 3, 4)." in run.stdout
    data = json.loads(rk("eval", contract, facts, "--format", "json").stdout)
    assert data["overall"]["covers"] == {"decided": ["1"], "pending": [], "not_evaluable": ["2", "3", "4"],
                                         "not_applicable": [], "weighted": False}
    # Every fact given: every goal decided, exit 0, and no word on what is left out.
    contract, facts = _files(tmp_path, FOUR, {"a": 10, "b": 10, "c": 0, "d": 10})
    run = rk("eval", contract, facts)
    assert run.exit == 0 and "Overall: 75% (average of 4 goals)." in run.stdout


def test_pending_goals_are_no_failure_but_are_named_and_the_overall_is_provisional(rk: Rk, tmp_path: Path) -> None:
    contract, facts = _files(tmp_path, PENDING, {"a": 12})
    run = rk("eval", contract, facts, "--as-of", "2020-06-30", "--lang", "da")
    assert run.exit == 0, run.stderr
    assert "Samlet (foreløbig): 100 % af 1 vurderet mål; 1 afventer (mål 2)." in run.stdout
    run = rk("report", contract, facts, "--as-of", "2020-06-30")
    assert run.exit == 0
    assert "**Samlet målopfyldelse (foreløbig): 100 % af 1 vurderet mål; 1 afventer (mål 2)**" in run.stdout.replace("\u00a0", " ")
    data = json.loads(rk("eval", contract, facts, "--as-of", "2020-06-30", "--format", "json").stdout)
    assert data["overall"]["provisional"] and data["overall"]["covers"]["pending"] == ["2"]


def test_the_social_investment_follow_up_names_its_pending_goals(rk: Rk, monkeypatch: object) -> None:
    # The reproducer: "Samlet målopfyldelse: 100 %" with 2 of the 3 goals pending.
    contract = EXAMPLES / "social-investering-2021.rk"
    facts = EXAMPLES / "social-investering-2021-midtvejs.facts.json"
    run = rk("report", contract, facts, "--as-of", "2023-06-30")
    assert run.exit == 0, run.stderr
    assert "**Samlet målopfyldelse (foreløbig): 100 % af 1 vurderet mål; 2 afventer (mål 1, 3)**" in \
        run.stdout.replace("\u00a0", " ")
    run = rk("report", contract, facts, "--as-of", "2023-06-30", "--format", "html")
    assert ("<strong>Samlet målopfyldelse (foreløbig):</strong> 100\u00a0% af 1 vurderet mål; "
            "2 afventer (mål 1, 3)") in run.stdout
    run = rk("report", contract, facts, "--as-of", "2023-06-30", "--lang", "en")
    assert "**Overall fulfilment (provisional): 100% of 1 goal decided; 2 pending (goals 1, 3)**" in run.stdout


def test_rk_report_and_rk_compare_exit_1_when_a_goal_cannot_be_evaluated(rk: Rk, tmp_path: Path) -> None:
    contract, facts = _files(tmp_path, FOUR, {"a": 5, "b": 10, "c": 10})
    run = rk("report", contract, facts)
    assert run.exit == 1  # the report is written all the same, and says why
    assert "**Samlet målopfyldelse: ≈83,3 %, gennemsnit af de 3 vurderede mål; 1 kan ikke vurderes (mål 4)**" \
        in run.stdout.replace("\u00a0", " ")
    whole = tmp_path / "whole.json"
    whole.write_text('{"a": 5, "b": 10, "c": 10, "d": 0}', encoding="utf-8")
    assert rk("report", contract, whole).exit == 0
    assert rk("compare", f"{contract}:{whole}", f"{contract}:{whole}").exit == 0
    run = rk("compare", f"{contract}:{whole}", f"{contract}:{facts}")
    assert run.exit == 1 and "Overall fulfilment" in run.stdout


def test_weighted_is_said_only_where_the_goals_weigh_differently() -> None:
    def sentence(weights: tuple[int, int]) -> str:
        text = ('fact a: number\n'
                f'goal 1 "A" {{ weight {weights[0]}\n score a >= 1 -> 100%; else -> 0% }}\n'
                f'goal 2 "B" {{ weight {weights[1]}\n score a >= 2 -> 100%; else -> 0% }}\n')
        return rk.loads(text).evaluate({"a": 1}).overall_sentence("da").replace("\u00a0", " ")

    assert sentence((1, 3)) == "Samlet: 25 % (vægtet gennemsnit af 2 mål)."
    assert sentence((2, 2)) == "Samlet: 50 % (gennemsnit af 2 mål)."


def test_a_goal_that_does_not_apply_is_left_out_and_mentioned() -> None:
    text = ('contract "c" { period 2009-01-01 .. 2009-12-31 }\nfact a: number\n'
            'goal 1 "A" { score a >= 1 -> 100%; else -> 0% }\n'
            'goal 2 "B" { applies when period.year = 2010\n score a >= 1 -> 100%; else -> 0% }\n')
    evaluation = rk.loads(text).evaluate({"a": 1})
    assert evaluation.overall_sentence("da").replace("\u00a0", " ") == "Samlet: 100 % (1 mål); 1 gælder ikke i perioden (mål 2)."
    assert evaluation.covers.not_applicable == ("2",) and evaluation.covers.complete


def test_the_repr_of_an_evaluation_is_no_bare_number() -> None:
    evaluation = rk.loads(FOUR).evaluate({"a": 10})
    assert repr(evaluation) == "<Evaluation 'Fire mål': 4 goals, overall 100% of 1 decided>"


@given(st.lists(st.sampled_from([None, 0, 5, 10]), min_size=4, max_size=4))
def test_covers_holds_every_goal_once_and_the_sentence_counts_each_kind(values: list[int | None]) -> None:
    facts = {name: value for name, value in zip("abcd", values, strict=True) if value is not None}
    evaluation = FOUR_GOALS.evaluate(facts)
    covers = evaluation.covers
    assert sorted(covers.decided + covers.pending + covers.not_evaluable + covers.not_applicable) == \
        ["1", "2", "3", "4"]
    assert covers.not_evaluable == tuple(g for g, v in zip("1234", values, strict=True) if v is None)
    for language in ("en", "da"):
        said = evaluation.overall_sentence(language)
        # Never a bare percentage: it names how many goals it averages, and how many it leaves out.
        if covers.not_evaluable:
            assert re.search(rf"\b{len(covers.not_evaluable)} (not evaluable|kan ikke vurderes)", said), said
        if evaluation.overall is not None:
            n = len(covers.decided)
            assert re.search(rf"(\b{n} (goal|vurderet|mål)|average of (the )?{n} |gennemsnit af (de )?{n} )",
                             said), said
    built = report.build(FOUR_GOALS, facts, "da")
    assert built.failed == bool(covers.not_evaluable)


def test_a_follow_up_whose_decided_goal_is_final_is_provisional_while_another_is_pending() -> None:
    # Goal 1 is decided from a fact with no measuring date; goal 2 waits: the overall may still change.
    evaluation = rk.loads(PENDING).evaluate({"a": 12}, as_of=dt.date(2020, 6, 30))
    assert evaluation.covers.provisional and evaluation.covers.pending == ("2",)
    assert evaluation.overall_sentence() == "Overall (provisional): 100% of 1 goal decided; 1 pending (goal 2)."


def test_a_contract_of_payments_alone_says_it_sets_no_goals_and_shows_no_empty_table() -> None:
    """`Overall: not applicable: no goal of 0 applies in this period` and a table of goals with
    a header and no row were what a contract of payments alone reported."""
    contract = rk.loads('contract "p" { parties "A" period 2024-01-01 .. 2024-12-31 }\n'
                        'fact m: money label "beløb"\npayment p "Betaling" = m\n')
    result = contract.evaluate({"m": 5})
    assert result.overall_sentence("en") == "Overall: none: the contract sets no goals."
    assert result.overall_sentence("da") == "Samlet: ingen: kontrakten fastsætter ingen mål."
    built = report.build(contract, {"m": 5}, "da")
    markdown = report.markdown(built)
    assert "0 mål" not in markdown and "|---|" not in markdown
    assert "Samlet målopfyldelse: ingen: kontrakten fastsætter ingen mål" in markdown
    assert repr(rk.compare([(contract, {"m": 5})])) == "<Comparison of 1 provider (A): 0 goals>"
    assert repr(rk.loads('fact x: number label "x"\ngoal 1 "g" { score x > 1 -> 100% }').evaluate({"x": 2})) \
        == "<Evaluation '<string>': 1 goal, overall 100%>"
    page = rk.compare([(contract, {"m": 5})])._repr_html_()
    assert "Goal by goal" not in page and "Mål for mål" not in page


def test_a_headline_over_many_goals_names_the_first_ten_and_counts_the_rest() -> None:
    """2,000 goals without a result made a headline of 11,000 characters listing every id;
    JSON's `covers` keeps them all."""
    goals = "\n".join(f'goal {i} "Mål {i}" {{ score x >= {i} -> 100% }}' for i in range(1, 2001))
    contract = rk.loads(f'fact x: number label "x"\n{goals}\n')
    result = contract.evaluate({})
    assert result.overall_sentence("en") == ("Overall: no goal of 2000 has a result: 2000 not evaluable "
                                             "(goals 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 1,990 more).")
    assert result.overall_sentence("da").endswith("(mål 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 og 1.990 andre).")
    assert len(result.covers.not_evaluable) == 2000
    one = rk.loads('fact x: number label "x"\ngoal 7 "g" { score x >= 1 -> 100% }').evaluate({})
    assert one.overall_sentence("en").endswith("1 not evaluable (goal 7).")
