"""Reporting periods (`each year`), `applies when` and the status not applicable, and
provisional results (facts measured before the period's end)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.contract.examples import run as run_examples
from resultkontrakt.editor.fmt import format_text
from resultkontrakt.semantics.evidence import NotEvaluable, Waiting
from resultkontrakt.semantics.status import (
    NOT_APPLICABLE,
    NOT_EVALUABLE,
    PENDING,
    Blocked,
    Inapplicable,
    Waits,
)

from .conftest import Rk
from .test_schema import validator

YEARS = """contract "Udviklingskontrakt 2008-2011" {
    period 2008-01-01 .. 2011-12-31 each year
}
fact publikationer: integer "Publications"
fact gæster: integer "Guest researchers"
fact rapport: date "Day the report came"
goal 1 "Publikationer" { score publikationer >= 10 -> 100%; else -> 0% }
goal 3 "Gæsteforskere" {
    applies when period.year = 2011
    score gæster >= 40 -> 100%; else -> 0%
}
goal 4 "Rapport" { score rapport in period -> 100%; else -> 0% }
"""


@pytest.fixture(scope="module")
def years() -> rk.Contract:
    return rk.loads(YEARS)


# ---- choosing the reporting period --------------------------------------------------------


def test_a_goal_that_does_not_apply_is_left_out_of_the_overall_the_points_and_their_maximum(
        years: rk.Contract) -> None:
    e = years.evaluate({"publikationer": 12, "rapport": "2009-05-01"}, period=2009)
    goal = e.goals["3"]
    assert goal.status == "not applicable" and goal.state == NOT_APPLICABLE and not goal.applicable
    assert goal.fulfilment is None and goal.blocked is None and not goal.waiting
    assert e.overall == 1 and e.points == 2 and e.points_possible == 2
    assert e.not_applicable == ("3",) and e.not_evaluable == ()
    assert goal.reasoning() == "the reporting year = 2009: not 2011."
    assert goal.explain("da") == "Mål 3 (Gæsteforskere): ikke relevant: rapporteringsåret = 2009: ikke 2011."
    assert e.overall_sentence() == "Overall: 100% (average of 2 goals); 1 does not apply in the period (goal 3)."
    assert "gæster" not in str(e.problems)  # a fact a goal that does not apply needs is not missed
    last = years.evaluate({"publikationer": 12, "rapport": "2011-05-01", "gæster": 41, "period": 2011})
    assert last.goals["3"].status == "met" and last.points_possible == 3


def test_the_period_comes_from_the_facts_or_the_caller_and_two_that_differ_are_an_error(years: rk.Contract) -> None:
    facts = {"period": "2009", "publikationer": 1, "rapport": "2009-01-01"}
    assert years.evaluate(facts).reporting_period == years.evaluate(facts, period=2009).reporting_period
    with pytest.raises(rk.FactsError) as caught:
        years.evaluate(facts, period="2010")
    assert caught.value.problems[0].message == "the facts report period 2009, but period 2010 was asked for"
    with pytest.raises(rk.FactsError) as caught:
        years.evaluate({"publikationer": 1})
    assert caught.value.problems[0].message == ("the contract reports on 4 periods (2008 .. 2011), and no period "
                                                "was given")
    assert "--period 2008" in str(caught.value.problems[0].hint)
    with pytest.raises(rk.FactsError) as caught:
        years.evaluate({}, period="2012")
    assert caught.value.problems[0].hint == "its reporting periods are: 2008, 2009, 2010, 2011"


def test_a_period_asked_for_by_a_whole_number_of_any_type_is_that_year(years: rk.Contract) -> None:
    # numpy's 2009 was refused with "the contract has no reporting period 2009", listing 2009.
    import numpy as np

    facts = {"publikationer": 1, "rapport": "2009-01-01"}
    for asked in (np.int64(2009), Fraction(2009), Decimal("2009")):
        assert years.evaluate(facts, period=asked).reporting_period.name == "2009"  # type: ignore[arg-type, union-attr]
    assert years.evaluate({**facts, "period": np.int16(2009)}).reporting_period.name == "2009"  # type: ignore[union-attr]
    with pytest.raises(rk.FactsError) as caught:
        years.evaluate(facts, period=[2009] * 100000)  # type: ignore[arg-type]
    assert len(caught.value.problems[0].message) < 200


def test_a_period_named_for_a_contract_of_one_period_or_none_says_to_name_none() -> None:
    # The hint said "its reporting periods are: none" of a contract that reports on 2024.
    one = rk.loads('contract "c" { period 2024-03-01 .. 2025-02-28 }\nfact n: integer\n'
                   'goal 1 "g" { score n >= 1 -> 100% }\n')
    with pytest.raises(rk.FactsError) as caught:
        one.evaluate({"n": 1, "period": 2023})
    assert caught.value.problems[0].hint == ('it reports on one period, 2024-03-01 .. 2025-02-28, which needs no '
                                             'name: leave out "period" (and --period)')
    none = rk.loads('fact n: integer\ngoal 1 "g" { score n >= 1 -> 100% }\n')
    with pytest.raises(rk.FactsError) as caught:
        none.evaluate({"n": 1}, period=2024)
    assert caught.value.problems[0].hint == 'it has no `period`: leave out "period" (and --period)'


def test_a_facts_file_names_its_period_and_how_far_it_is_measured(years: rk.Contract, tmp_path: Path) -> None:
    path = tmp_path / "2009.json"
    path.write_text('{"period": 2012, "publikationer": 3}', encoding="utf-8")
    with pytest.raises(rk.FactsError) as caught:
        years.evaluate(rk.load_facts(path))
    problem = caught.value.problems[0]
    assert problem.span is not None and (problem.span.line, problem.span.column) == (1, 12)
    path.write_text('{"period": "20x9", "measured_until": "soon", "publikationer": 3}', encoding="utf-8")
    checked = years.check_facts(rk.load_facts(path))
    assert [p.code for p in checked.problems] == ["facts.period-not-name", "facts.measured-until"]


def test_half_years_and_quarters_are_named_and_cut_where_the_contract_starts_mid_period() -> None:
    text = 'contract "c" { period 2008-07-01 .. 2009-05-31 each quarter }\nfact a: date\n' \
           'goal 1 "g" { score a in period -> 100%; else -> 0% }\n'
    contract = rk.loads(text)
    assert [p.name for p in contract.reporting_periods] == ["2008-Q3", "2008-Q4", "2009-Q1", "2009-Q2"]
    assert contract.reporting_periods[-1].end == dt.date(2009, 5, 31)
    [warning] = [w for w in contract.warnings if w.code == "period.cut"]
    assert warning.message == ("`each quarter` does not divide the period 2008-07-01 .. 2009-05-31: the last "
                               "period, 2009-Q2, runs 2009-04-01 .. 2009-05-31")
    halves = rk.loads(text.replace("each quarter", "each half year").replace("2008-07-01", "2008-03-01"))
    assert [p.name for p in halves.reporting_periods] == ["2008-H1", "2008-H2", "2009-H1"]
    assert any("the first period, 2008-H1, runs 2008-03-01 .. 2008-06-30" in w.message for w in halves.warnings)
    assert halves.evaluate({"a": "2009-05-31"}, period="2009-h1").goals["1"].fulfilment == 1


def test_the_periods_of_the_first_years_are_named_with_four_digits_and_can_be_asked_for() -> None:
    # The year 1 was named `1`, which no facts file, command line or caller could ask for back.
    contract = rk.loads('contract "c" { period 0001-07-01 .. 0002-12-31 each half year }\nfact a: date\n'
                        'goal 1 "g" { score a in period -> 100%; else -> 0% }\n')
    assert [p.name for p in contract.reporting_periods] == ["0001-H2", "0002-H1", "0002-H2"]
    assert contract.evaluate({"a": "0001-12-31"}, period="0001-H2").goals["1"].fulfilment == 1
    years = rk.loads('contract "c" { period 0001-01-01 .. 0002-12-31 each year }\nfact a: date\n'
                     'goal 1 "g" { score a in period -> 100%; else -> 0% }\n')
    assert years.evaluate({"a": "0002-01-01", "period": 2}).goals["1"].fulfilment == 1


def test_a_date_on_the_first_or_last_day_of_the_period_is_in_it_and_the_day_after_is_not(
        years: rk.Contract) -> None:
    def report_on(day: str) -> Fraction | None:
        return years.evaluate({"publikationer": 1, "rapport": day}, period=2009).goals["4"].fulfilment
    assert report_on("2009-12-31") == report_on("2009-01-01") == 1
    assert report_on("2010-01-01") == report_on("2008-12-31") == 0


def test_period_fields_read_the_reporting_period_or_the_contracts(years: rk.Contract) -> None:
    text = ('contract "c" { period 2019-01-01 .. 2019-12-31 }\nfact a: date\n'
            'goal 1 "g" { score a >= period.start and a <= period.end and period.year = 2019 -> 100%; '
            'else -> 0% }\n')
    assert rk.loads(text).evaluate({"a": "2019-12-31"}).goals["1"].fulfilment == 1
    with pytest.raises(rk.ContractError) as caught:
        rk.loads(text.replace("2019-12-31 }", "2020-12-31 }"))
    assert caught.value.problems[0].code == "period.year-spans"


@pytest.mark.parametrize(("text", "code"), [
    ('fact a: integer\ngoal 1 "g" { applies when period.year = 1\n score a > 1 -> 100% }', "period.none"),
    ('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact a: integer\n'
     'goal 1 "g" { applies when period = 1\n score a > 1 -> 100% }', "period.alone"),
    ('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact a: integer\n'
     'goal 1 "g" { applies when period.yaer = 2009\n score a > 1 -> 100% }', "period.unknown-field"),
    ('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact a: integer\n'
     'goal 1 "g" { applies when a\n score a > 1 -> 100% }', "applies.not-bool"),
    ('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact a: integer\n'
     'metric m = fulfilment(goal 2)\ngoal 1 "g" { applies when m > 0%\n score a > 1 -> 100% }\n'
     'goal 2 "h" { score a > 1 -> 100% }', "applies.reads-goal"),
    ('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact a: integer\n'
     'goal 1 "g" { score a > 1 -> 100% }\nexample "e" { expect goal 1 = 100% }', "example.which-period"),
    ('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact a: integer\n'
     'goal 1 "g" { score a > 1 -> 100% }\nexample "e" period 2010 { expect goal 1 = 100% }',
     "example.unknown-period"),
    ('contract "c" { period 1000-01-01 .. 9999-12-31 each quarter }', "period.too-many"),
])
def test_periods_read_wrongly_are_load_errors_that_say_where(text: str, code: str) -> None:
    with pytest.raises(rk.ContractError) as caught:
        rk.loads(text)
    found = [p for p in caught.value.problems if p.code == code]
    assert found and found[0].span is not None and found[0].hint, caught.value.problems
    if code == "applies.reads-goal":
        assert found[0].message == "`applies when` reads fulfilment(goal 2), a goal's result (through m)"
    if code == "period.unknown-field":
        assert "year" in str(found[0].hint)


# ---- statuses -----------------------------------------------------------------------------

STATUSES = YEARS + """
fact x: percent
metric m1 = fulfilment(goal 3) + x
metric m2 = x + fulfilment(goal 3)
goal 5 "reads 3" { score m1 >= 0% -> 100%; else -> 0% }
goal 6 "reads 3, the other way" { score m2 >= 0% -> 100%; else -> 0% }
goal 7 "false and" { score x < 0% and fulfilment(goal 3) > 0% -> 100%; else -> 0% }
goal 8 "and false" { score fulfilment(goal 3) > 0% and x < 0% -> 100%; else -> 0% }
payment p "P" = 1000 kr * fulfilment(goal 3)
payment q "Q" = if period.year = 2011 then 1000 kr * fulfilment(goal 3) else 0 kr
split s { total p shares { "A" 1 "B" 1 } }
"""


@pytest.fixture(scope="module")
def statuses() -> rk.Contract:
    return rk.loads(STATUSES)


def test_what_reads_a_goal_that_does_not_apply_does_not_apply_whatever_the_order(statuses: rk.Contract) -> None:
    e = statuses.evaluate({"publikationer": 1, "rapport": "2009-01-01", "x": 1}, period=2009)
    assert e.goals["5"].status == e.goals["6"].status == "not applicable"
    assert e.goals["5"].reasoning() == "reads goal 3, which does not apply."
    # `and` is false as soon as one operand is, whatever the other's status.
    assert e.goals["7"].fulfilment == e.goals["8"].fulfilment == 0
    assert e.payments["p"].state == NOT_APPLICABLE and e.payments["p"].amount is None
    assert e.payments["p"].explain() == "P: reads goal 3, which does not apply."
    assert e.splits["s"].state == NOT_APPLICABLE
    assert e.payments["q"].amount == 0  # `if` reads only the branch it takes


def test_not_evaluable_and_pending_win_over_not_applicable_whatever_the_order(statuses: rk.Contract) -> None:
    missing = statuses.evaluate({"publikationer": 1, "rapport": "2009-01-01"}, period=2009)
    assert missing.goals["5"].status == missing.goals["6"].status == "not evaluable"
    pending = statuses.evaluate({"publikationer": 1, "rapport": "2009-01-01"}, period=2009,
                                as_of=dt.date(2009, 6, 30))
    assert pending.goals["5"].status == pending.goals["6"].status == "pending"


def test_the_rule_ranks_not_applicable_between_decided_and_pending_in_either_order() -> None:
    na = Inapplicable(("3",))
    waits = Waits((Waiting("fact", "x", dt.date(2009, 12, 31)),))
    blocked = Blocked(NotEvaluable(missing=("x",)))
    for other, state in ((waits, PENDING), (blocked, NOT_EVALUABLE)):
        assert na.joined(other).state == other.joined(na).state == state
    both = na.joined(Inapplicable(("2",)))
    assert isinstance(both, Inapplicable) and both.goals == ("2", "3")


def test_a_goal_whose_condition_cannot_be_decided_takes_its_status() -> None:
    contract = rk.loads('contract "c" { period 2009-01-01 .. 2009-12-31 }\nfact n: integer\nfact a: integer\n'
                        'goal 1 "g" { applies when n > 0\n score a > 1 -> 100%; else -> 0% }\n')
    assert contract.evaluate({"a": 2}).goals["1"].status == "not evaluable"
    assert contract.evaluate({"a": 2}, as_of=dt.date(2009, 3, 1)).goals["1"].status == "pending"
    assert contract.evaluate({"a": 2, "n": 0}).goals["1"].status == "not applicable"
    assert contract.evaluate({"a": 2, "n": 1}).goals["1"].status == "met"


def test_when_no_goal_applies_the_overall_says_so() -> None:
    contract = rk.loads('contract "c" { period 2009-01-01 .. 2009-12-31 }\n'
                        'goal 1 "g" { applies when period.year = 2010\n score true -> 100% }\n')
    e = contract.evaluate({})
    assert e.overall is None and e.points_possible == 0
    assert e.overall_sentence() == "Overall: not applicable: the one goal does not apply in this period."
    assert e.overall_sentence("da") == "Samlet: ikke relevant: målet gælder ikke i perioden."


@functools.lru_cache(maxsize=64)
def loaded(text: str) -> rk.Contract:
    """Contracts of few shapes, loaded once each: the property below evaluates them many times."""
    return rk.loads(text)


@given(st.lists(st.tuples(st.sampled_from([0, 1, 2]), st.integers(0, 100)), min_size=1, max_size=3),
       st.sampled_from([1, 3]), st.integers(0, 100))
def test_a_goal_that_does_not_apply_leaves_the_overall_of_the_others(
        others: list[tuple[int, int]], weight: int, value: int) -> None:
    goals = "".join(f'fact f{i}: integer\ngoal {i} "g{i}" {{ weight {w}\n score f{i} >= 50 -> 100%; '
                    f'f{i} >= 25 -> 50%; else -> 0% }}\n' for i, (w, _) in enumerate(others))
    facts: dict[str, object] = {f"f{i}": v for i, (_, v) in enumerate(others)}
    header = 'contract "c" { period 2009-01-01 .. 2009-12-31 }\n'
    without = loaded(header + goals).evaluate(facts)
    extra = (f'fact z: integer\ngoal z "skipped" {{ weight {weight}\n applies when period.year = 2010\n'
             ' score z >= 50 -> 100%; else -> 0% }\n')
    also = loaded(header + goals + extra).evaluate({**facts, "z": value})
    assert also.overall == without.overall
    assert (also.points, also.points_possible) == (without.points, without.points_possible)
    assert also.not_applicable == ("z",)


# ---- provisional results ------------------------------------------------------------------

PROVISIONAL = """contract "c" { period 2009-01-01 .. 2009-12-31 }
fact antal: integer
fact senere: integer
goal 1 "Antal" { score antal >= 10 -> 100%; else -> 0% }
goal 2 "Senere" { score senere >= 1 -> 100%; else -> 0% }
payment p "Tilskud" = 1000 kr * fulfilment(goal 1)
split s { total p shares { "A" 1 "B" 1 } }
"""


def test_results_from_facts_measured_before_the_end_are_provisional_and_pending_wins() -> None:
    contract = rk.loads(PROVISIONAL)
    e = contract.evaluate({"antal": 12, "measured_until": "2009-06-30"})
    one = e.goals["1"]
    assert one.status == "met" and one.fulfilment == 1 and one.provisional
    assert e.goals["2"].status == "pending" and not e.goals["2"].provisional  # missing before it is due
    assert e.goals["2"].reasoning() == "waits for senere (measured by 31 December 2009)."
    assert e.payments["p"].amount == 1000 and e.payments["p"].provisional
    assert e.payments["p"].explain().startswith("Tilskud (provisional): amount to date 1,000\u00a0kr")
    assert e.splits["s"].provisional and e.provisional
    data = json.loads(json.dumps(e.to_dict()))
    assert data["measured_until"] == "2009-06-30" and data["overall"]["provisional"] is True
    assert data["goals"][0]["provisional"] is True and data["payments"][0]["provisional"] is True
    assert data["splits"][0]["provisional"] is True
    assert validator("eval").is_valid(data)
    assert "foreløbig" in e.explain("da")


def test_a_goal_that_does_not_apply_by_facts_measured_to_date_says_so_provisionally_everywhere() -> None:
    # The data said provisional; explain() and the report's goal section said a plain "not applicable".
    from resultkontrakt.output import report

    contract = rk.loads(PROVISIONAL.replace('goal 2 "Senere" {', 'goal 2 "Senere" { applies when antal > 20'))
    facts = {"antal": 12, "measured_until": "2009-06-30"}
    e = contract.evaluate(facts)
    assert e.goals["2"].status == "not applicable" and e.goals["2"].provisional
    assert e.goals["2"].explain().startswith("Goal 2 (Senere): not applicable (provisional): antal = 12")
    said = report.markdown(report.build(contract, facts, "en"))
    assert "**Not applicable (provisional).**" in said
    # One goal is one goal, not "1 goals".
    assert "**Overall fulfilment (provisional): 100% (1 goal); 1 does not apply in the period (goal 2)**" in said


def test_measured_to_the_last_day_of_the_period_is_final() -> None:
    contract = rk.loads(PROVISIONAL)
    for facts, as_of in (({"measured_until": "2009-12-31"}, None), ({}, dt.date(2009, 12, 31)),
                         ({"measured_until": "2010-02-01"}, None)):
        e = contract.evaluate({"antal": 12, "senere": 1, **facts}, as_of=as_of)
        assert not e.goals["1"].provisional and not e.provisional and e.measured_until is None
    day_before = contract.evaluate({"antal": 12, "senere": 1}, as_of=dt.date(2009, 12, 30))
    assert day_before.goals["1"].provisional


def test_follow_up_in_a_reporting_year_waits_for_its_end_not_the_contracts(years: rk.Contract) -> None:
    e = years.evaluate({"rapport": "2009-02-01"}, period=2009, as_of=dt.date(2009, 6, 30))
    assert e.goals["1"].reasoning() == "waits for publikationer (measured by 31 December 2009)."


# ---- worked examples, the command line, the editor -------------------------------------------


def test_examples_name_their_period_and_expect_not_applicable() -> None:
    contract = rk.loads(YEARS + """
example "Året 2009" period 2009 {
    given publikationer = 12, rapport = 2009-12-31
    expect goal 3 not applicable, goal 1 = 100%, overall = 100%
}
example "Året 2011" period 2011 {
    given publikationer = 12, rapport = 2011-12-31, gæster = 3
    expect goal 3 not applicable
}
""")
    first, last = run_examples(contract)
    assert first.passed, first.failures
    assert last.failures[0].startswith("goal 3: expected not applicable, got 0%")


def test_rk_eval_and_compare_take_the_period(rk: Rk, tmp_path: Path) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(YEARS, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"publikationer": 12, "rapport": "2011-03-01", "gæster": 2, "measured_until": "2011-06-30"}',
                     encoding="utf-8")
    run = rk("eval", contract, facts, "--period", "2011", "--lang", "da")
    assert run.exit == 0, run.stderr
    assert "Rapporteringsperiode 2011 (1. januar 2011 - 31. december 2011)." in run.stdout
    assert "opfyldt, 100 % (foreløbig)" in run.stdout
    run = rk("eval", contract, facts)
    assert run.exit != 0 and "no period was given" in run.stderr and "Traceback" not in run.stderr
    other = tmp_path / "g.json"
    other.write_text('{"publikationer": 12, "rapport": "2011-03-01"}', encoding="utf-8")
    run = rk("compare", f"{contract}:{facts}", f"{contract}:{other}", "--period", "2011", "--format", "json")
    assert run.exit == 1, run.stderr  # the second facts lack `gæster`: goal 3 cannot be evaluated there
    cells = json.loads(run.stdout)["rows"][0]["cells"]
    assert [cell["provisional"] for cell in cells] == [True, False]
    run = rk("compare", f"{contract}:{facts}", f"{contract}:{other}", "--period", "2009")
    assert "not applicable" in run.stdout


def test_compare_labels_half_years_by_their_names(rk: Rk, tmp_path: Path) -> None:
    # Both halves of 2024 were labelled by the year alone: "2024 (1)" and "2024 (2)".
    contract = tmp_path / "c.rk"
    contract.write_text('contract "c" { period 2024-01-01 .. 2024-12-31 each half year }\nfact n: integer\n'
                        'goal 1 "g" { score n >= 1 -> 100%; else -> 0% }\n', encoding="utf-8")
    for half in ("H1", "H2"):
        (tmp_path / f"{half}.json").write_text(f'{{"period": "2024-{half}", "n": 1}}', encoding="utf-8")
    run = rk("compare", f"{contract}:{tmp_path / 'H1.json'}", f"{contract}:{tmp_path / 'H2.json'}", "--format", "json")
    assert run.exit == 0, run.stderr
    assert [column["label"] for column in json.loads(run.stdout)["columns"]] == ["2024-H1", "2024-H2"]


def test_the_editor_hovers_a_goals_condition_and_the_reporting_periods(years: rk.Contract) -> None:
    from resultkontrakt.editor.navigate import Index

    index = Index(years.module, years.text, years.analysis)
    goal = index.hover(8, 6)
    assert goal is not None and "applies when period.year = 2011" in goal[0]
    header = index.hover(1, 12)
    assert header is not None and "reporting periods (each year): 2008, 2009, 2010, 2011" in header[0]


def test_a_result_decided_however_deliverables_turn_out_reads_the_period_and_is_provisional() -> None:
    contract = rk.loads('contract "c" { period 2008-01-01 .. 2009-12-31 each year }\nfact n: integer\n'
                        'goal 1 "g" { deliverable d "D" due 2009-09-30\n'
                        ' score period.year = 2009 and n > 1 -> 100%; d -> 50%; else -> 0% }\n'
                        'payment p "P" = if d or n > 1 then 100 kr else 0 kr\n')
    e = contract.evaluate({"n": 2, "period": 2009, "measured_until": "2009-06-30"})
    assert e.goals["1"].fulfilment == 1 and e.goals["1"].provisional
    assert e.payments["p"].amount == 100 and e.payments["p"].provisional


def test_the_editor_completes_the_fields_of_the_period(years: rk.Contract) -> None:
    from resultkontrakt.editor.navigate import Index, Lines, complete

    text = YEARS + 'metric m = period.'
    index = Index(years.module, years.text, years.analysis)
    lines = Lines(text)
    last = text.count("\n") + 1
    found = complete(lines, index, last, len(text.rsplit("\n", 1)[-1]) + 1)
    assert [c.label for c in found] == ["year", "start", "end"]


def test_the_new_forms_are_highlighted_without_errors() -> None:
    from pygments.token import Error, Keyword, Name

    from resultkontrakt.editor.lexer import RkLexer

    text = YEARS.replace("each year", "each half year") + 'example "e" period 2009 { expect goal 3 not applicable }'
    tokens = [(kind, value) for kind, value in RkLexer().get_tokens(text) if value.strip()]
    assert not [token for token in tokens if token[0] is Error]
    assert (Keyword.Type, "half year") in tokens and (Name.Builtin.Pseudo, "year") in tokens
    assert {(Keyword, word) for word in ("each", "applies", "when", "applicable")} <= set(tokens)


def test_json_of_a_goal_that_does_not_apply_and_a_day_in_period_follows_the_schema(years: rk.Contract) -> None:
    e = years.evaluate({"publikationer": 12, "rapport": "2009-05-01"}, period=2009)
    data = json.loads(json.dumps(e.to_dict("da")))
    assert validator("eval").is_valid(data)
    assert data["reporting_period"] == {"name": "2009", "start": "2009-01-01", "end": "2009-12-31"}
    goal = data["goals"][1]
    assert goal["status"] == "not applicable" and goal["not_applicable"]["condition"]["holds"] is False
    assert data["overall"]["not_applicable"] == 1 and data["overall"]["evaluable"] == 2


def test_a_contract_of_one_year_takes_facts_that_name_that_year() -> None:
    contract = rk.loads(PROVISIONAL)
    assert contract.evaluate({"antal": 1, "senere": 1, "period": 2009}).reporting_period is None
    with pytest.raises(rk.FactsError):
        contract.evaluate({"antal": 1, "period": 2010})
    with pytest.raises(rk.FactsError):
        contract.evaluate({"antal": 1}, period="2009-H1")


def test_a_day_outside_the_reporting_period_is_warned_of(rk: Rk) -> None:
    golden = Path(__file__).parent / "golden"
    run = rk("eval", golden / "periods.rk", golden / "periods-2009.facts.json", "--as-of", "2010-03-01")
    assert "warning: --as-of 2010-03-01 is after the reporting period ends (2009: 2009-01-01 .. 2009-12-31)" \
        in run.stderr


def test_the_editor_hovers_period_year_with_the_reporting_periods(years: rk.Contract) -> None:
    from resultkontrakt.editor.navigate import Index

    index = Index(years.module, years.text, years.analysis)
    found = index.hover(9, 20)  # `period.year` in goal 3's `applies when`
    assert found is not None
    assert found[0].startswith("**period.year**\n\nthe reporting period's year")
    assert "2008, 2009, 2010, 2011" in found[0]


def test_a_split_that_does_not_apply_is_no_failure_of_the_report(statuses: rk.Contract) -> None:
    from resultkontrakt.output import report

    built = report.build(statuses, {"publikationer": 1, "rapport": "2009-01-01", "x": "1%"}, "da", period=2009)
    assert built.unsplit and not built.failed
    assert "læser mål 3, som ikke er relevant" in report.markdown(built)


def test_facts_that_name_no_period_of_a_contract_of_several_are_refused_at_their_file(
        years: rk.Contract, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"publikationer": 3}', encoding="utf-8")
    with pytest.raises(rk.FactsError) as caught:
        years.evaluate(rk.load_facts(path))
    problem = caught.value.problems[0]
    assert problem.code == "period.which"
    assert problem.span is not None and problem.span.source == str(path)


def test_a_worked_example_may_expect_a_provisional_result_and_an_amount_to_date() -> None:
    contract = rk.loads('''contract "c" { period 2009-01-01 .. 2009-12-31 }
fact antal: integer "Count"
payment tilskud "Tilskud" = 1000 kr * fulfilment(goal 1)
goal 1 "g" { score antal >= 10 -> 100%; else -> 0% }
example "mid-year" as of 2009-06-30 {
    given antal = 12
    expect goal 1 = 100%, goal 1 provisional, payment tilskud = 1000 kr, payment tilskud provisional
}
example "at the end it is final" as of 2009-12-31 {
    given antal = 12
    expect goal 1 provisional, payment tilskud provisional
}
''')
    outcomes = run_examples(contract)
    assert [o.passed for o in outcomes] == [True, False]
    assert outcomes[1].failures[0].startswith("goal 1: expected a provisional result, got 100%, final.")
    assert outcomes[1].failures[1].startswith("payment tilskud: expected an amount to date, got Tilskud:")
    assert "goal 1 provisional, payment tilskud provisional" in format_text(contract.text, "<c>")
