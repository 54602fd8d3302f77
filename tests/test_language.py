"""The language's constructs, each checked by what it does to a goal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction

import pytest

import resultkontrakt as rk
from resultkontrakt.language.printer import expr_text


def goal(score: str, facts: Mapping[str, object], declarations: str = "fact x: number\n",
         extra: str = "") -> rk.GoalResult:
    text = f'{declarations}\ngoal g "test" {{\n    {extra}\n    score {score}\n}}\n'
    return rk.loads(text).evaluate(facts).goals["g"]


def test_tiers_are_tried_in_written_order_and_the_first_that_holds_wins() -> None:
    # Written "wrongly" on purpose: the lower threshold first always wins. With
    # plain numbers the check refuses this; a computed threshold gets past it.
    declarations = "fact x: number\nfact high: number\n"
    result = goal("x >= 50 -> 50%; >= high -> 100%", {"x": 70, "high": 60}, declarations)
    assert result.fulfilment == Fraction(1, 2)
    with pytest.raises(rk.ContractError, match="tier 2 is never reached"):
        goal("x >= 50 -> 50%; >= 60 -> 100%", {"x": 70})


def test_no_tier_holding_gives_zero_and_else_gives_its_percentage() -> None:
    assert goal("x >= 60 -> 100%", {"x": 10}).fulfilment == 0
    assert goal("x >= 60 -> 100%; else -> 25%", {"x": 10}).fulfilment == Fraction(1, 4)


def test_condition_tiers_may_compare_different_things() -> None:
    declarations = "fact x: number\nfact y: bool\n"
    score = "x >= 10 and y -> 100%; x >= 10 or y -> 50%"
    assert goal(score, {"x": 10, "y": True}, declarations).fulfilment == 1
    assert goal(score, {"x": 1, "y": True}, declarations).fulfilment == Fraction(1, 2)
    assert goal(score, {"x": 1, "y": False}, declarations).fulfilment == 0


def test_not_and_inequality() -> None:
    declarations = "fact y: bool\nfact t: text\n"
    assert goal('not y and t != "nej" -> 100%', {"y": False, "t": "ja"}, declarations).status == "met"
    assert goal('not y and t != "nej" -> 100%', {"y": False, "t": "nej"}, declarations).status == "not met"


def test_metrics_compute_exactly_from_facts_and_other_metrics() -> None:
    declarations = """
fact promoters: integer
fact detractors: integer
fact answers: integer
metric share_promoters = promoters / answers
metric nps = (share_promoters - detractors / answers) * 100
"""
    # 65 and 5 of 100 give exactly 60, the boundary.
    facts = {"promoters": 65, "detractors": 5, "answers": 100}
    result = goal("nps >= 60 -> 100%; >= 50 -> 50%", facts, declarations)
    assert result.fulfilment == 1
    facts = {"promoters": 2, "detractors": 1, "answers": 3}  # 33.33...: not a decimal
    result = goal("nps >= 60 -> 100%; >= 30 -> 50%", facts, declarations)
    assert result.fulfilment == Fraction(1, 2)
    assert "nps = ≈33.33 (from share_promoters = ≈0.67" in result.explain()


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("round(x)", Fraction(2)),
        ("round(x, 1)", Fraction(25, 10)),
        ("round(-x, 1)", Fraction(-25, 10)),
        ("abs(-x)", Fraction(245, 100)),
        ("min(x, 2, 10)", Fraction(2)),
        ("max(x, 2, 1)", Fraction(245, 100)),
        ("x * 2 - 1 / 4", Fraction(465, 100)),
        ("-(x + 1)", Fraction(-345, 100)),
        ("x - 1 - 1", Fraction(45, 100)),
        ("x / 7 * 7", Fraction(245, 100)),
    ],
)
def test_arithmetic_and_functions(expression: str, expected: Fraction) -> None:
    declarations = f"fact x: number\nmetric m = {expression}\n"
    score = f"m = {expected.numerator} / {expected.denominator} -> 100%"
    result = goal(score, {"x": Fraction(245, 100)}, declarations)
    assert result.status == "met", result.explain()


def test_round_half_away_from_zero_and_percent_in_points() -> None:
    declarations = "fact p: percent\nmetric r = round(p)\n"
    assert goal("r = 71% -> 100%", {"p": "70.5%"}, declarations).status == "met"
    assert goal("r = 70% -> 100%", {"p": "70.49%"}, declarations).status == "met"


def test_money_literals_are_kroner() -> None:
    declarations = "fact budget: money\n"
    score = "budget >= 16.5 mio kr -> 100%; >= 16488 tkr -> 50%"
    assert goal(score, {"budget": 16_500_000}, declarations).fulfilment == 1
    assert goal(score, {"budget": "16488 tkr"}, declarations).fulfilment == Fraction(1, 2)
    assert goal(score, {"budget": "16487999 kr"}, declarations).fulfilment == 0


def test_dates_compare() -> None:
    declarations = "fact opened: date\n"
    score = "opened <= 2019-06-30 -> 100%; <= 2019-12-31 -> 50%"
    assert goal(score, {"opened": "2019-06-30"}, declarations).fulfilment == 1
    assert goal(score, {"opened": dt.date(2019, 7, 1)}, declarations).fulfilment == Fraction(1, 2)


def test_count_and_any_over_deliverables() -> None:
    extra = 'deliverable a "A"\n deliverable b "B"\n deliverable c "C"'
    score = "all(deliverables) -> 100%; count(deliverables) >= 2 -> 50%; any(deliverables) -> 10%"
    facts = {"a": True, "b": True, "c": False}
    assert goal(score, facts, "", extra).fulfilment == Fraction(1, 2)
    assert goal(score, {**facts, "b": False}, "", extra).fulfilment == Fraction(1, 10)
    assert goal(score, {"a": True, "b": True, "c": True}, "", extra).fulfilment == 1


def test_deliverables_by_name_and_several_arguments() -> None:
    extra = 'deliverable a "A" due 2019-12-31\n deliverable b "B"'
    assert goal("all(a, b) -> 100%", {"a": "2019-12-31", "b": True}, "", extra).status == "met"
    late = goal("all(a, b) -> 100%", {"a": "2020-01-01", "b": True}, "", extra)
    assert late.status == "not met"
    assert "A delivered late (1 January 2020, due 31 December 2019)" in late.explain()


def test_fulfilment_may_be_computed_and_is_checked_at_run_time() -> None:
    declarations = "fact p: percent\n"
    assert goal("p >= 50% -> p; else -> 0%", {"p": "80%"}, declarations).fulfilment == Fraction(4, 5)
    over = goal("p >= 50% -> p * 2; else -> 0%", {"p": "80%"}, declarations)
    assert over.status == "not evaluable"
    assert over.reason is not None and "160%" in over.reason


def test_a_division_by_zero_makes_only_its_goal_not_evaluable() -> None:
    text = """
fact a: number
fact b: number
metric ratio = a / b
goal 1 "uses the ratio" { score ratio >= 1 -> 100% }
goal 2 "uses a" { score a >= 1 -> 100% }
"""
    result = rk.loads(text).evaluate({"a": 3, "b": 0})
    assert result.goals["1"].status == "not evaluable"
    reason = result.goals["1"].reason
    assert reason is not None and "division by zero in a divided by b" in reason
    assert result.goals["2"].status == "met"


def test_a_step_of_a_chain_that_fails_is_said_of_the_chain_up_to_that_step() -> None:
    # A chain is one node (issue 20): `a / b / 2 + 1` still fails at `a / b`, where it was written.
    contract = rk.loads('fact a: number\nfact b: number\nmetric m = a / b / 2 + 1\n'
                        'goal 1 "g" { score m >= 1 -> 100% }')
    blocked = contract.evaluate({"a": 3, "b": 0}).goals["1"].blocked
    assert blocked is not None and blocked.failure is not None
    failure = blocked.failure
    assert failure.code == "division-by-zero"
    assert failure.expr is not None and expr_text(failure.expr) == "a / b"
    span = failure.span
    assert span is not None and (span.line, span.column, span.end_column) == (3, 12, 17)


def test_require_makes_a_goal_not_evaluable_with_its_reason() -> None:
    declarations = "fact n: integer\nfact nps: number\n"
    extra = 'require n >= 30 "at least 30 answers are needed"'
    thin = goal("nps >= 60 -> 100%", {"n": 29, "nps": 80}, declarations, extra)
    assert thin.status == "not evaluable"
    assert thin.reason == "at least 30 answers are needed (n = 29: below 30)"
    enough = goal("nps >= 60 -> 100%", {"n": 30, "nps": 80}, declarations, extra)
    assert enough.status == "met"


def test_weights_shape_the_overall_result() -> None:
    text = """
fact x: number
goal 1 "heavy" { weight 3  score x >= 10 -> 100% }
goal 2 "light" { score x >= 20 -> 100% }
goal 3 "ignored" { weight 0  score x >= 30 -> 100% }
"""
    result = rk.loads(text).evaluate({"x": 15})
    assert result.overall == Fraction(3, 4)


def test_overall_leaves_out_goals_that_cannot_be_evaluated() -> None:
    text = """
fact x: number
fact y: number
goal 1 "x" { score x >= 10 -> 100% }
goal 2 "y" { score y >= 10 -> 100% }
"""
    result = rk.loads(text).evaluate({"x": 10})
    assert result.overall == 1
    assert result.not_evaluable == ("2",)
    assert "Overall: 100% of 1 goal decided; 1 not evaluable (goal 2)." in result.explain()
    assert rk.loads(text).evaluate({}).overall is None


def test_text_blocks_are_kept_dedented() -> None:
    text = '''
fact x: number
goal 1 "t" {
    """
    First line.
      Indented line.
    """
    score x >= 1 -> 100%
}
'''
    result = rk.loads(text).evaluate({"x": 1}).goals["1"]
    assert result.text == ("First line.\n  Indented line.",)
    assert result.to_dict()["text"] == "First line.\n  Indented line."


def test_header_names_parties_and_period() -> None:
    text = '''contract "K" { parties "A", "B"  period 2019-01-01 .. 2019-12-31 }
fact x: number
goal 1 "t" { score x >= 1 -> 100% }'''
    result = rk.loads(text).evaluate({"x": 1}).to_dict()
    assert result["contract"] == "K"
    assert result["parties"] == ["A", "B"]
    assert result["period"] == ["2019-01-01", "2019-12-31"]


def test_names_may_use_danish_letters_and_newlines_are_white_space() -> None:
    text = 'fact påvirkning: percent\ngoal 1 "æøå" {\n score påvirkning\n >= 70%\n -> 100%\n ;\n >= 60% -> 50%\n}'
    assert rk.loads(text).evaluate({"påvirkning": "65%"}).goals["1"].fulfilment == Fraction(1, 2)


def test_crlf_tabs_and_a_byte_order_mark_are_accepted() -> None:
    text = '\ufefffact x: number\r\ngoal 1 "t" {\r\n\tscore x >= 1 -> 100%\r\n}\r\n'
    assert rk.loads(text).evaluate({"x": 1}).goals["1"].status == "met"


def test_syntax_nodes_compare_by_meaning_not_layout() -> None:
    one = rk.loads('fact x: number\ngoal 1 "t" { score x >= 1 -> 100%; >= 0.5 -> 50% }')
    two = rk.loads('fact x: number\n\n# a comment\ngoal 1 "t" {\n  score x >= 1 -> 100%\n  ; >= 0.50 -> 50%\n}')
    assert one.module == two.module
