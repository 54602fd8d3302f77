"""The contract family (issue 12): goal results as values, conditions, percents of quantities,
payments, computed split totals, calendar arithmetic, follow-up during the year, points,
and the distance to the next tier. Each spelling of rk-language-2.md parses and means what
it says there."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import resultkontrakt as rk
from resultkontrakt.editor.fmt import format_text
from resultkontrakt.output import report

from .conftest import Rk

PLAN = """
contract "Mål- og resultatplan 2023" { period 2023-01-01 .. 2023-12-31 }
fact a: number
fact b: number
fact løn: money
metric andel = fulfilment(goal 1)          # a percent: goal 1's fulfilment
metric samlet = overall                     # a percent: the weighted average
metric point = points(goal 1)               # a number: goal 1's weight x its fulfilment
metric point_i_alt = points                 # a number: the sum over all goals
metric andel_af_maks = if point_i_alt >= 90 then 100%
                       else if point_i_alt >= 75 then 60%
                       else if point_i_alt >= 50 then 30%
                       else 0%
goal 1 "A" { weight 60  score a >= 60 -> 100%; >= 50 -> 50% }
goal 2 "B" { weight 40  score b >= 10 -> 100%; else -> 25% }
payment resultatløn "Resultatløn 2023" = round(andel_af_maks of 10% of løn, 1 kr)
payment samlet_beløb = samlet of løn
payment point_beløb = point * 1 kr
"""


@pytest.fixture(scope="module")
def plan() -> rk.Contract:
    return rk.loads(PLAN)


# ---- goal results as values, points, payments --------------------------------------------


def test_goal_results_are_values_and_points_are_weight_times_fulfilment(plan: rk.Contract) -> None:
    result = plan.evaluate({"a": 57, "b": 12, "løn": 738005})
    assert result.goals["1"].points == 30 and result.goals["2"].points == 40
    assert result.points == 70 and result.points_possible == 100
    assert result.payments["point_beløb"].amount == 30  # points(goal 1)
    assert result.payments["samlet_beløb"].amount == Fraction(70, 100) * 738005  # overall
    # 70 points: the 50-point tier of the table, 30% of 10% of 738005 kr is 22140.15, rounded.
    assert result.payments["resultatløn"].amount == 22140


def test_the_bonus_table_at_each_boundary(plan: rk.Contract) -> None:
    # b = 12 gives goal 2 its 40 points; a picks goal 1's 0, 30 or 60.
    for a, points, share in ((60, 100, Fraction(1)), (57, 70, Fraction(3, 10)), (0, 40, Fraction(0))):
        result = plan.evaluate({"a": a, "b": 12, "løn": 1_000_000})
        assert result.points == points
        assert result.payments["resultatløn"].amount == round(share * Fraction(1, 10) * 1_000_000)


def test_if_takes_only_its_branch_and_its_type_is_checked() -> None:
    contract = rk.loads("""
        fact n: number
        fact d: number
        metric m = if d = 0 then 0 else n / d
        goal 1 "x" { score m >= 1 -> 100%; else -> 0% }
    """)
    assert contract.evaluate({"n": 5, "d": 0}).goals["1"].fulfilment == 0  # no division by zero
    with pytest.raises(rk.ContractError, match="both branches of `if` must give one kind"):
        rk.loads('fact n: number\nmetric m = if n > 1 then 60% else 0\ngoal 1 "x" { score m >= 50% -> 100% }')
    with pytest.raises(rk.ContractError, match="`if` needs true or false"):
        rk.loads('fact n: number\nmetric m = if n then 60% else 0%\ngoal 1 "x" { score m >= 50% -> 100% }')


@pytest.mark.parametrize(("written", "value"), [
    ("75% of 120", Fraction(90)), ("30% of 10%", Fraction(3, 100)), ("10% of 1 tkr", Fraction(100)),
    ("50% of 10% of 1000 kr", Fraction(50)), ("50% of (10% of 1000 kr)", Fraction(50)),
])
def test_a_percent_of_a_quantity(written: str, value: Fraction) -> None:
    contract = rk.loads(f'payment p = ({written}) * 1 kr' if "kr" not in written else f"payment p = {written}")
    assert contract.evaluate({}).payments["p"].amount == value


def test_a_percent_times_a_number_compared_with_a_number_is_shown_how_to_take_a_percent_of_it() -> None:
    with pytest.raises(rk.ContractError) as error:
        rk.loads('fact forløb: number\ngoal 1 "x" { score forløb >= 75% * 120 -> 100% }')
    assert error.value.problems[0].hint == "to take a percent of a number, write `75% of 120`"


def test_a_payment_is_explained_to_the_krone_in_english_and_danish(plan: rk.Contract) -> None:
    result = plan.evaluate({"a": 57, "b": 12, "løn": 738005})
    english = result.payments["resultatløn"].explain().replace("\u00a0", " ")
    danish = result.payments["resultatløn"].explain("da")
    # The formula in words, each value beside its name, then why the share is what it is.
    assert english == ("Resultatløn 2023: 22,140 kr = andel_af_maks 30% of 10% of løn 738,005 kr = ≈22,140 kr, "
                       "rounded to whole kroner; andel_af_maks is 30%, because point_i_alt is 70: below 90, "
                       "below 75, but at least 50.")
    assert danish.startswith("Resultatløn 2023: 22.140\u00a0kr. = andel_af_maks 30\u00a0% af 10\u00a0% af løn 738.005\u00a0kr. ")
    for said in ("afrundet til hele kroner", "andel_af_maks er 30\u00a0%, fordi point_i_alt er 70: under 90, "
                 "under 75, men mindst 50"):
        assert said in danish
    danish_data: dict[str, Any] = result.to_dict("da")  # JSON: its shape is the schema's
    [payment] = [p for p in danish_data["payments"] if p["name"] == "resultatløn"]
    assert payment["amount"] == "22140.00" and payment["unit"] == "kr"
    data: dict[str, Any] = result.to_dict()
    assert data["payments"][1]["amount"] == "516603.50"


def test_reading_a_goal_that_is_not_evaluable_makes_the_payment_not_evaluable_and_says_which(
        plan: rk.Contract) -> None:
    result = plan.evaluate({"b": 12, "løn": 738005})
    payment = result.payments["resultatløn"]
    assert payment.amount is None
    assert "points reads goal 1, which is not evaluable" in payment.explain()
    assert result.points is None and result.points_reached == 40
    assert result.points_sentence() == ("Points: not yet known: goal 1 has no result "
                                        "(the others have 40 of 40\u00a0points).")
    data: dict[str, Any] = result.to_dict()  # JSON: its shape is the schema's
    assert data["points"] is None and data["points_possible"] == 100
    assert data["payments"][0]["amount"] is None


def test_points_are_shown_in_text_and_danish_reports(plan: rk.Contract) -> None:
    result = plan.evaluate({"a": 60, "b": 7, "løn": 1})
    assert result.points == Fraction(70) and result.points_sentence("da") == "Point: 70 af 100\u00a0point."
    half = rk.loads(PLAN.replace("weight 60", "weight 59.5").replace("weight 40", "weight 40.5"))
    halved = half.evaluate({"a": 60, "b": 12, "løn": 1})
    assert halved.points_sentence() == "Points: 100 of 100\u00a0points."
    halved = half.evaluate({"a": 57, "b": 12, "løn": 1})
    assert halved.points_sentence("da") == "Point: 70,25 af 100\u00a0point."
    built = report.build(half, {"a": 57, "b": 12, "løn": 1}, "da")
    assert "**Point: 70,25 af 100\u00a0point**" in report.markdown(built)
    assert "29,75 af 59,5\u00a0point" in report.markdown(built)


def test_a_goal_reading_its_own_result_is_an_error_that_shows_the_whole_cycle() -> None:
    with pytest.raises(rk.ContractError) as error:
        rk.loads('fact a: number\nmetric m = fulfilment(goal 2)\nmetric n = m\n'
                 'goal 2 "x" { score n >= 50% and a > 1 -> 100% }')
    assert error.value.problems[0].message == "goal 2 reads its own result: goal 2 -> `n` -> `m` -> goal 2"


def test_goals_are_judged_after_the_goals_they_read_whatever_the_written_order() -> None:
    contract = rk.loads('fact a: number\ngoal 1 "later" { score fulfilment(goal 2) >= 50% -> 100% }\n'
                        'goal 2 "first" { score a >= 1 -> 100% }')
    result = contract.evaluate({"a": 1})
    assert list(result.goals) == ["1", "2"] and result.goals["1"].fulfilment == 1


# ---- splits of a computed total ----------------------------------------------------------

SPLIT = """
fact beløb: money
fact andele: table of integer
goal 1 "x" { score beløb >= 0 kr -> 100% }
payment udbetaling "Udbetaling" = beløb
split tilbagebetaling {
    total udbetaling
    parties "Den Sociale Investeringsfond", "Bikubenfonden"
    unit 1 kr
    shares { "Den Sociale Investeringsfond" 60  "Bikubenfonden" 40 }
}
split efter_tabel {
    total udbetaling
    parties "A", "B"
    shares from andele
}
"""


def test_a_computed_total_is_split_and_adds_up() -> None:
    contract = rk.loads(SPLIT)
    result = contract.evaluate({"beløb": 100001, "andele": {"A": 1, "B": 2}})
    split = result.splits["tilbagebetaling"].allocation
    assert split is not None and dict(split) == {"Den Sociale Investeringsfond": 60001, "Bikubenfonden": 40000}
    assert dict(contract.split("efter_tabel", {"beløb": 100001, "andele": {"A": 1, "B": 2}})) == {
        "A": 33334, "B": 66667}
    zero = contract.evaluate({"beløb": 0, "andele": {"A": 1, "B": 2}}).splits["tilbagebetaling"].allocation
    assert zero is not None and set(dict(zero).values()) == {0}


@pytest.mark.parametrize(("amount", "said"), [
    ("100.5", "the total 100.50 kr is not a whole number of units"),
])
def test_a_total_that_cannot_be_split_says_why(amount: str, said: str) -> None:
    facts = rk.loads_facts(f'{{"beløb": {amount}, "andele": {{"A": 1, "B": 2}}}}')
    result = rk.loads(SPLIT).evaluate(facts)
    split = result.splits["tilbagebetaling"]
    assert split.allocation is None and said in split.total.explain()


def test_a_total_below_zero_is_a_credit_note_split_as_minus_the_split_of_its_amount() -> None:
    contract = rk.loads(SPLIT)
    weights = {"A": 1, "B": 2}
    credit = contract.evaluate({"beløb": -100001, "andele": weights}).splits["tilbagebetaling"].allocation
    debit = contract.evaluate({"beløb": 100001, "andele": weights}).splits["tilbagebetaling"].allocation
    assert credit is not None and debit is not None
    assert dict(credit) == {party: -amount for party, amount in dict(debit).items()}
    assert sum(dict(credit).values()) == -100001


def test_a_party_missing_from_the_table_or_not_listed_is_a_facts_error_that_names_it() -> None:
    contract = rk.loads(SPLIT)
    with pytest.raises(rk.FactsError) as error:
        contract.split("efter_tabel", {"beløb": 100, "andele": {"A": 1, "C": 2}})
    messages = [p.message for p in error.value.problems]
    assert any('"B" is listed in split `efter_tabel`' in m for m in messages)
    assert any('"C" has a weight but is not one of split `efter_tabel`' in m for m in messages)
    result = contract.evaluate({"beløb": 100, "andele": {"A": 1, "C": 2}})
    assert result.splits["efter_tabel"].allocation is None and result.errors


def test_rk_split_needs_the_facts_for_a_computed_total(rk: Rk, tmp_path: Path) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(SPLIT, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"beløb": 1000, "andele": {"A": 1, "B": 1}}), encoding="utf-8")
    without = rk("split", contract, "tilbagebetaling")
    assert without.exit == 1 and "worked out from the facts" in without.stderr
    run = rk("split", contract, "tilbagebetaling", "--facts", facts, "--format", "json")
    assert run.exit == 0 and json.loads(run.stdout)["shares"] == {
        "Den Sociale Investeringsfond": 600, "Bikubenfonden": 400}
    shown = rk("eval", contract, facts)
    assert "Split of tilbagebetaling: 1,000 kr" in shown.stdout
    assert [line.split() for line in shown.stdout.splitlines() if "Bikubenfonden" in line] == [
        ["Bikubenfonden", "40", "400", "kr"]]


# ---- the calendar --------------------------------------------------------------------------

DATES = """
contract "Social investering" { period 2021-01-01 .. 2024-12-31 }
fact første_indflytning: date
fact sidste: date
metric dage = sidste - første_indflytning
goal 1 "Målinger" {
    deliverable måling_18 "Måling efter 18 måneder" due første_indflytning + 18 months
    deliverable måling_36 "Måling efter 36 måneder" due første_indflytning + 3 years - 1 day
    score all(deliverables) -> 100%; any(deliverables) -> 50%
}
goal 2 "Forløb" { score dage >= 365 -> 100% }
"""


def test_months_are_added_on_the_calendar_and_month_ends_clamp() -> None:
    contract = rk.loads(DATES)
    facts = {"første_indflytning": "2021-08-31", "sidste": "2022-08-31",
             "måling_18": "2023-02-28", "måling_36": "2024-08-30"}
    result = contract.evaluate(facts)
    assert result.goals["1"].fulfilment == 1  # 2021-08-31 + 18 months is 2023-02-28: on time
    assert result.goals["2"].fulfilment == 1  # 365 days
    late = contract.evaluate({**facts, "måling_18": "2023-03-01"})
    assert late.goals["1"].fulfilment == Fraction(1, 2)
    assert "Måling efter 18 måneder delivered late (1 March 2023, due 28 February 2023)" in late.goals["1"].reasoning()


# ---- follow-up during the year -------------------------------------------------------------


def test_what_is_not_due_yet_makes_a_goal_pending_and_says_what_it_waits_for() -> None:
    contract = rk.loads(DATES)
    result = contract.evaluate({"første_indflytning": "2021-08-31", "måling_18": "2023-02-20"},
                               as_of=dt.date(2023, 6, 30))
    goal = result.goals["1"]
    assert goal.status == "pending" and goal.fulfilment is None and goal.pending
    assert goal.reasoning() == "waits for Måling efter 36 måneder (due 30 August 2024)."
    assert goal.reasoning("da") == "afventer Måling efter 36 måneder (frist 30. august 2024)."
    assert result.goals["2"].status == "pending"  # `sidste` is measured by the period's end
    assert result.goals["2"].reasoning() == "waits for sidste (measured by 31 December 2024)."
    data: dict[str, Any] = result.to_dict()  # JSON: its shape is the schema's
    assert data["goals"][0]["status"] == "pending"


def test_a_goal_already_decided_shows_its_result_during_the_period() -> None:
    contract = rk.loads(DATES)
    # måling_18 is late already: whatever måling_36 does, `all` cannot hold and `any` can.
    result = contract.evaluate({"første_indflytning": "2021-08-31", "måling_18": False},
                               as_of=dt.date(2023, 6, 30))
    assert result.goals["1"].status == "pending"  # any(): måling_36 may still make it 50%
    decided = rk.loads(DATES.replace("; any(deliverables) -> 50%", ""))
    result = decided.evaluate({"første_indflytning": "2021-08-31", "måling_18": False},
                              as_of=dt.date(2023, 6, 30))
    assert result.goals["1"].fulfilment == 0
    assert "Måling efter 36 måneder not due yet (due 30 August 2024)" in result.goals["1"].reasoning()


def test_as_of_in_the_command_and_the_reports(rk: Rk, tmp_path: Path) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(DATES, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"første_indflytning": "2021-08-31"}), encoding="utf-8")
    run = rk("eval", contract, facts, "--as-of", "2022-01-31", "--lang", "da")
    assert run.exit == 0 and "Opgjort pr. 31. januar 2022" in run.stdout and "1  Målinger: afventer" in run.stdout
    page = rk("report", contract, facts, "--as-of", "2022-01-31", "--format", "html")
    assert '<section class="goal pending" id="goal-1">' in page.stdout
    with pytest.raises(SystemExit) as usage:
        rk("eval", contract, facts, "--as-of", "2022-02-30")
    assert usage.value.code == 2


# ---- distance to the next tier -------------------------------------------------------------


def test_the_distance_to_the_next_tier_in_the_subject_and_in_answers() -> None:
    contract = rk.loads("""
        fact svar: list of integer in 0 .. 10
        metric nps = nps(svar)
        goal 1 "NPS" { score nps >= 60 -> 100%; >= 50 -> 50% }
    """)
    answers = [10] * 264 + [8] * 100 + [0] * 36  # NPS 57
    goal = contract.evaluate({"svar": answers}).goals["1"]
    # The fewest answers that must change: 0-6 answers turned 9-10 count twice.
    assert goal.distance_sentence() == ("NPS 57: reaches 100% if it rises by 3 (6 more answers of 9-10 "
                                        "of the 400); drops to 0% if it falls by more than 7 (15 fewer "
                                        "answers of 9-10 of the 400).")
    assert goal.distance_sentence("da") == (
        "NPS 57: når 100\u00a0%, hvis det stiger 3 (6 flere svar på 9-10 af de 400); falder til "
        "0\u00a0%, hvis det falder mere end 7 (15 færre svar på 9-10 af de 400).")
    assert contract.evaluate({"svar": answers + [10] * 6}).goals["1"].fulfilment != 1  # more answers
    better = [10] * 270 + [8] * 100 + [0] * 30  # 6 detractors became promoters
    assert contract.evaluate({"svar": better}).goals["1"].fulfilment == 1
    short = [10] * 269 + [8] * 100 + [0] * 31  # 5 did: not enough
    assert contract.evaluate({"svar": short}).goals["1"].fulfilment == Fraction(1, 2)
    worse = [10] * 249 + [8] * 100 + [0] * 51  # 15 promoters became detractors: NPS 49.5
    assert contract.evaluate({"svar": worse}).goals["1"].fulfilment == 0
    data: dict[str, Any] = contract.evaluate({"svar": answers}).goals["1"].to_dict()  # JSON: its shape is the schema's
    assert data["distance"]["better"] == {"direction": "up", "by": "3", "beyond": False, "fulfilment": 100,
                                          "answers": 6, "to": None, "by_answers": None}


def test_a_distance_in_whole_answers_names_the_tier_it_reaches_and_one_it_cannot() -> None:
    contract = rk.loads("""
        fact svar: list of integer in 0 .. 10
        fact antal: integer
        goal 1 "NPS" { score nps(svar) >= 60 -> 100%; >= 50 -> 50% }
        goal 2 "Antal" { score antal >= 10.5 -> 100%; > 7.2 -> 50% }
    """)
    result = contract.evaluate({"svar": [10, 10, 8], "antal": 10})
    # One fewer answer of 9-10 of 3 takes the NPS from 66.7 to 33.3 or lower: 0%, never 50%.
    assert result.goals["1"].distance_sentence() == (
        "NPS for svar ≈66.7: drops to 50% if it falls by more than ≈6.7 (no whole number of answers "
        "gives 50%: 1 fewer answer of 9-10 of the 3 gives 0%).")
    assert contract.evaluate({"svar": [10, 8, 8]}).goals["1"].fulfilment == 0  # what one answer does
    # An integer moves in whole steps: to 11, not by 0.5 to 10.5.
    assert result.goals["2"].distance_sentence() == (
        "antal 10: reaches 100% if it rises by 1 (to 11); drops to 0% if it falls by 3 (to 7).")
    assert result.goals["2"].distance_sentence("da") == (
        "antal 10: når 100\u00a0%, hvis det stiger 1 (til 11); falder til 0\u00a0%, hvis det falder 3 (til 7).")
    second: dict[str, Any] = result.goals["2"].to_dict()  # JSON: its shape is the schema's
    assert second["distance"]["better"] == {"direction": "up", "by": "1", "beyond": False, "fulfilment": 100,
                                            "answers": None, "to": "11", "by_answers": None}
    first: dict[str, Any] = result.goals["1"].to_dict()
    assert first["distance"]["worse"]["by_answers"] == 0


# ---- worked examples and the formatter ------------------------------------------------------

EXAMPLES = PLAN + SPLIT.replace("fact beløb: money\n", "").replace(
    'goal 1 "x" { score beløb >= 0 kr -> 100% }\n', "").replace(
    "payment udbetaling \"Udbetaling\" = beløb", "payment udbetaling \"Udbetaling\" = resultatløn") + """
example "Bonus at 70 points" {
    given a = 57, b = 12, løn = 738005 kr, andele = {"A": 1, "B": 2}
    expect points = 70, payment resultatløn = 22140 kr, split tilbagebetaling "Bikubenfonden" = 8856,
           split efter_tabel B = 14760
}
example "Half way" as of 2023-06-30 {
    given b = 12, løn = 1 kr, andele = {"A": 1, "B": 2}
    expect goal 1 pending, goal 2 = 100%
}
"""


def test_worked_examples_expect_payments_points_pending_goals_and_computed_splits() -> None:
    from resultkontrakt.contract import examples

    contract = rk.loads(EXAMPLES)
    outcomes = examples.run(contract)
    assert [o.failures for o in outcomes] == [(), ()]
    wrong = rk.loads(EXAMPLES.replace("payment resultatløn = 22140 kr", "payment resultatløn = 22141 kr"))
    [failed, _] = examples.run(wrong)
    assert failed.failures[0].startswith("payment resultatløn: expected 22141 kr, got Resultatløn 2023: 22,140\u00a0kr")


def test_rk_fmt_keeps_every_new_construct() -> None:
    formatted = format_text(EXAMPLES + DATES.replace('contract "Social investering" '
                                                     '{ period 2021-01-01 .. 2024-12-31 }', "")
                            .replace('goal 1 "Målinger"', 'goal 3 "Målinger"').replace('goal 2 "Forløb"',
                                                                                      'goal 4 "Forløb"'))
    assert format_text(formatted) == formatted
    for written in ("metric andel_af_maks = if point_i_alt >= 90 then 100%\n"
                    "                       else if point_i_alt >= 75 then 60%\n",
                    'payment resultatløn "Resultatløn 2023" = round(andel_af_maks of 10% of løn, 1 kr)',
                    'parties "Den Sociale Investeringsfond", Bikubenfonden',
                    "due første_indflytning + 3 years - 1 day", 'example "Half way" as of 2023-06-30 {',
                    "expect goal 1 pending, goal 2 = 100%", 'andele = {"A": 1, "B": 2}'):
        assert written in formatted, written


# ---- found by a hostile-input hunt --------------------------------------------------------

CROSS = """
contract "R1" { period 2020-01-01 .. 2020-12-31 }
fact s: date
goal 2 "reads l" { score l -> 100% }
goal 1 "owns l" { deliverable l "L" due s + 1 month
    score all(deliverables) -> 100% }
payment p = if l then 100 kr else 0 kr
"""


def test_a_deliverable_read_in_another_goal_is_judged_by_its_own_due_date_and_day() -> None:
    contract = rk.loads(CROSS)
    late = contract.evaluate({"s": "2020-01-01", "l": "2020-09-01"})
    assert late.goals["2"].fulfilment == 0 and late.goals["1"].fulfilment == 0
    assert late.payments["p"].amount == 0
    unknown = contract.evaluate({"l": "2020-09-01"})  # its due date waits for s
    assert [g.reasoning() for g in unknown.goals.values()] == ["missing fact s."] * 2
    during = contract.evaluate({"l": "2020-08-01"}, as_of=dt.date(2020, 6, 1))  # not known yet
    assert [g.status for g in during.goals.values()] == ["pending", "pending"]
    assert during.payments["p"].waiting and during.payments["p"].amount is None


@pytest.mark.parametrize(("due", "said"), [
    ("(if l then 2020-03-01 else 2020-12-31)", "the due date of `l` reads the deliverable `l`"),
    ("m", "the due date of `l` reads the deliverable `k` (through `m`)"),
    ("s + (if fulfilment(goal 2) >= 50% then 1 month else 2 months)", "the due date of `l` reads a goal's result"),
    # The deliverables and metrics a due date may not read, or reads through, are the whole
    # contract's, worked out once for every due date: a later goal's deliverable is one of them.
    ("(if n then 2020-03-01 else 2020-12-31)", "the due date of `l` reads the deliverable `n`"),
])
def test_a_due_date_is_worked_out_from_facts_only(due: str, said: str) -> None:
    with pytest.raises(rk.ContractError) as error:
        rk.loads(f'fact s: date\nmetric m = if k then s else s + 1 month\n'
                 f'goal 1 "x" {{ deliverable l "L" due {due}\n deliverable k "K"\n'
                 f'score all(deliverables) -> 100% }}\ngoal 2 "y" {{ deliverable n "N"\n'
                 f'score s >= 2020-01-01 -> 100% }}')
    assert any(p.message.startswith(said) for p in error.value.problems), error.value.problems


def test_a_table_given_in_an_example_is_checked_as_a_facts_files_is() -> None:
    from resultkontrakt.contract import examples

    text = ('fact w: table of integer in 0 .. 100\nsplit s { total 100 kr  shares from w }\n'
            'example "x" { given w = {"A": 1, "B": 1000}  expect split s A = 0 }\n')
    [outcome] = examples.run(rk.loads(text))
    assert "given w[\"B\"]: 1000 is outside its range 0 .. 100" in outcome.failures[0]
    with pytest.raises(rk.ContractError, match="is given table of number"):
        rk.loads(text.replace('"A": 1,', '"A": 1.5,'))


@pytest.mark.parametrize(("written", "said"), [
    ("metric m = 12 months = 1 year", "spans of the calendar are not compared"),
    ('fact b: bool\ngoal 1 "x" { score t = (if b then "i hoj grad" else "slet ikke") -> 100% }',
     '"i hoj grad" is not one of the possible answers'),
    ('goal 1 "x" { score t = "slet ikke" -> 100% }\n'
     'example "e" { given t = if true then "i høj grad" else "slet ikke"  expect goal 1 = 0% }',
     "a given value is written out, not worked out from names or conditions"),
])
def test_spans_are_not_compared_and_answers_are_checked_through_if(written: str, said: str) -> None:
    with pytest.raises(rk.ContractError) as error:
        rk.loads('fact t: one of {"i høj grad", "slet ikke"}\n' + written)
    assert any(p.message.startswith(said) for p in error.value.problems), error.value.problems


def test_only_metrics_can_be_given_a_value(plan: rk.Contract) -> None:
    with pytest.raises(rk.FactsError, match="unknown metric `resultatløn`"):
        plan.evaluate({"a": 1, "b": 1, "løn": 1}, metrics={"resultatløn": 5})
    with pytest.raises(rk.FactsError, match="unknown metric `a`"):
        plan.evaluate({"b": 1, "løn": 1}, metrics={"a": 5})


def test_an_average_of_goals_that_all_weigh_nothing_says_so() -> None:
    contract = rk.loads('fact a: number\ngoal 1 "x" { weight 0  score a >= 1 -> 100% }\n'
                        "payment p = overall of 1000 kr")
    payment = contract.evaluate({"a": 1}).payments["p"]
    assert payment.amount is None and "every weight is 0" in payment.explain()


def test_a_total_that_does_not_split_into_installments_says_so_per_installment() -> None:
    contract = rk.loads("fact b: money\npayment p = b\nsplit s { total p  installments 2  shares { a 1 b 1 } }")
    split = contract.evaluate({"b": 1001}).splits["s"]
    assert split.allocation is None
    assert "the total 1001 kr over 2 installments is 500.50 kr each" in split.total.explain()


def test_a_table_of_weights_not_given_during_the_year_leaves_its_split_pending() -> None:
    contract = rk.loads(SPLIT.replace('goal 1 "x"', 'contract "c" { period 2020-01-01 .. 2020-12-31 }\ngoal 1 "x"'))
    split = contract.evaluate({"beløb": 100}, as_of=dt.date(2020, 6, 1)).splits["efter_tabel"]
    assert split.allocation is None and split.total.waiting
    assert split.total.explain() == "efter_tabel: waits for andele (measured by 31 December 2020)."


def test_as_of_takes_a_day_written_as_a_date_and_warns_outside_the_period(rk: Rk, tmp_path: Path) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(DATES, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit):
        rk("eval", contract, facts, "--as-of", "20220101")
    after = rk("eval", contract, facts, "--as-of", "2025-06-30")
    assert "warning: --as-of 2025-06-30 is after the period ends (2021-01-01 .. 2024-12-31)" in after.stderr


def test_rk_fmt_keeps_brackets_where_the_grammar_needs_them_and_comments_beside_their_branches() -> None:
    text = ('fact x: number\nfact points_x: number\n'
            'metric andel = if points_x >= 90 then 100%  # the top step\n'
            '               else if points_x >= 75 then 60%  # the middle step\n'
            '               # below 75 the bonus falls to a third\n'
            '               else if points_x >= 50 then 30%\n'
            '               else 0%  # nothing\n'
            'metric y = x + # one\n    2 # two\n'
            'goal 1 "g" { deliverable e "E" due (if x > 0 then 2020-01-01 else 2020-02-01)\n'
            '  score y >= 1 and e and andel >= 0% -> 100% }\n'
            'split t { total (if x > 0 then 10 kr else 20 kr)  shares { a 1 b 1 } }\n')
    formatted = format_text(text)
    assert format_text(formatted) == formatted
    for kept in ("else if points_x >= 75 then 60%  # the middle step",
                 "               # below 75 the bonus falls to a third\n               else if points_x >= 50",
                 "else 0%  # nothing", "# one\nmetric y = x + 2  # two",
                 'due (if x > 0 then 2020-01-01 else 2020-02-01)', "total (if x > 0 then 10 kr else 20 kr)"):
        assert kept in formatted, kept
