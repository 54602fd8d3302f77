"""One model of statuses (issue 20): the three reproducers of the issue, and each sentence
saying the same as the status it explains."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import resultkontrakt as rk
from resultkontrakt import loads

from .conftest import Rk

HEADER = 'contract "Opfølgning" {\n    parties "A", "B"\n    period 2020-01-01 .. 2020-12-31\n}\n'
MIDYEAR = dt.date(2020, 6, 30)


def test_a_goal_reading_a_metric_with_a_deliverable_not_due_is_pending(rk: Rk, tmp_path: Path) -> None:
    # Reproducer 1: a Python traceback (Name without its span) in eval, report, compare and test.
    text = HEADER + ('fact a: number\nmetric m = a * 2\n'
                     'goal 1 "G" {\n    deliverable d "D" due 2020-09-30\n    score m >= 10 and d -> 100%; else -> 0%\n}\n'
                     'example "Midway" as of 2020-06-30 {\n    given a = 6\n    expect goal 1 pending\n}\n')
    contract = tmp_path / "c.rk"
    contract.write_text(text, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"a": 6}', encoding="utf-8")
    goal = loads(text).evaluate({"a": 6}, as_of=MIDYEAR).goals["1"]
    assert goal.state == "pending" and [w.name for w in goal.waiting] == ["d"]
    for command in (["eval", contract, facts], ["report", contract, facts, "-o", tmp_path / "r.md"],
                    ["compare", f"{contract}:{facts}"]):
        run = rk(*command, "--as-of", "2020-06-30")
        assert run.exit == 0 and "Traceback" not in run.stderr, run.stderr
    assert "waits for D (due 30 September 2020)" in rk("eval", contract, facts, "--as-of", "2020-06-30").stdout
    run = rk("test", contract)
    assert run.exit == 0, run.stdout + run.stderr


def test_an_invalid_fact_is_not_evaluable_and_never_waited_for() -> None:
    # Reproducer 2: the payment said it "waits for b" while the fact was given, and wrong.
    contract = rk.loads(HEADER + 'fact a: number\nfact b: percent\ngoal 1 "G" { score a >= 10 -> 100%; '
                                 'else -> 0% }\ngoal 2 "H" { score b >= 50% -> 100% }\n'
                                 'payment p "P" = b of 1000 kr\n')
    result = contract.evaluate({"a": 12, "b": "abc"}, as_of=MIDYEAR)
    payment, goal = result.payments["p"], result.goals["2"]
    assert payment.state == goal.state == "not evaluable"
    assert payment.waiting == ()
    assert payment.explain().startswith("P: not evaluable: invalid fact b:")
    assert goal.reasoning().startswith("invalid fact b:")


def test_goal_results_added_in_either_order_have_the_same_status() -> None:
    # Reproducer 3: goal 1 pending, goal 2 not evaluable: one order was pending, the other not.
    contract = rk.loads(HEADER + 'fact b: number\n'
                                 'goal 1 "G1" { deliverable d "D" due 2020-09-30\n score d -> 100%; else -> 0% }\n'
                                 'goal 2 "G2" { score b >= 1 -> 100%; else -> 0% }\n'
                                 "metric x = fulfilment(goal 1) + fulfilment(goal 2)\n"
                                 "metric y = fulfilment(goal 2) + fulfilment(goal 1)\n"
                                 'payment px "X" = x of 100 kr\npayment py "Y" = y of 100 kr\n'
                                 'goal 3 "Both" { score fulfilment(goal 1) = 100% and fulfilment(goal 2) = 100% -> 100% }\n'
                                 'goal 4 "Both" { score fulfilment(goal 2) = 100% and fulfilment(goal 1) = 100% -> 100% }\n')
    result = contract.evaluate({"b": "abc"}, as_of=MIDYEAR)
    px, py = result.payments["px"], result.payments["py"]
    assert px.state == py.state == "not evaluable"
    # The same reason in both orders: goal 2 is not evaluable.
    assert px.blocked is not None and py.blocked is not None
    assert px.blocked.failure is not None and py.blocked.failure is not None
    assert (px.blocked.failure.code, px.blocked.failure.params) == (py.blocked.failure.code, py.blocked.failure.params)
    assert "reads goal 2, which is not evaluable" in px.explain()
    assert result.goals["3"].state == result.goals["4"].state == "not evaluable"
    # With goal 2 decided, both orders wait for goal 1.
    waiting = contract.evaluate({"b": 1}, as_of=MIDYEAR)
    assert waiting.payments["px"].state == waiting.payments["py"].state == "pending"
    assert waiting.payments["px"].waiting == waiting.payments["py"].waiting


def test_and_or_are_decided_by_an_operand_that_decides_them_whatever_the_others_status() -> None:
    contract = rk.loads(HEADER + 'fact b: number\nfact n: number\n'
                                 'goal 1 "G1" { deliverable d "D" due 2020-09-30\n score d -> 100%; else -> 0% }\n'
                                 'goal 2 "Either" { score fulfilment(goal 1) = 100% or b >= 1 -> 100%; else -> 0% }\n'
                                 'goal 3 "Guarded" { score b / n > 1 and n > 0 -> 100%; else -> 50% }\n')
    result = contract.evaluate({"b": 2, "n": 0}, as_of=MIDYEAR)
    assert (result.goals["2"].state, result.goals["2"].fulfilment) == ("decided", 1)
    assert (result.goals["3"].state, result.goals["3"].fulfilment) == ("decided", Fraction(1, 2))
    assert "n = 0" in result.goals["3"].reasoning()


def test_the_overall_sentence_names_the_pending_goals_and_those_not_evaluable() -> None:
    contract = rk.loads(HEADER + 'fact b: number\nfact c: number\n'
                                 'goal 1 "G1" { deliverable d "D" due 2020-09-30\n score d -> 100%; else -> 0% }\n'
                                 'goal 2 "G2" { score b >= 1 -> 100%; else -> 0% }\n'
                                 'goal 3 "G3" { score c >= 1 -> 100%; else -> 0% }\n')
    nothing = contract.evaluate({"b": "x", "c": "y"}, as_of=MIDYEAR)
    assert nothing.overall_sentence() == ("Overall: no goal of 3 has a result: 1 pending (goal 1), "
                                          "2 not evaluable (goals 2, 3).")
    assert nothing.overall_sentence("da") == ("Samlet: ingen af de 3 mål har et resultat: 1 afventer (mål 1), "
                                              "2 kan ikke vurderes (mål 2, 3).")
    some = contract.evaluate({"b": 1, "c": "y"}, as_of=MIDYEAR)
    # Decided from facts measured before the period's end: provisional.
    assert some.overall_sentence() == ("Overall (provisional): 100% of 1 goal decided; 1 pending (goal 1), "
                                       "1 not evaluable (goal 3).")


def test_a_deliverable_due_and_not_reported_is_called_a_deliverable() -> None:
    contract = rk.loads(HEADER + 'goal 1 "G1" { deliverable d "D" due 2020-03-31\n score d -> 100%; else -> 0% }\n'
                                 'payment p "P" = if d then 100 kr else 0 kr\n')
    result = contract.evaluate({}, as_of=MIDYEAR)
    goal, payment = result.goals["1"], result.payments["p"]
    assert goal.state == payment.state == "not evaluable"
    assert goal.reasoning() == "deliverable D not reported."
    assert payment.explain() == "P: not evaluable: deliverable D not reported."
    assert payment.explain("da") == "P: kan ikke vurderes: leverancen D er ikke indberettet."
    assert goal.to_dict()["not_evaluable"] == {"code": "missing", "deliverables": ["d"]}
    assert goal.missing == ("d",)


def test_a_result_that_no_unreported_deliverable_can_change_is_decided_before_and_after_its_due_date(
        ) -> None:
    contract = rk.loads(HEADER + 'goal 1 "G1" {\n    deliverable early "Early" due 2020-03-31\n'
                                 '    deliverable late "Late" due 2020-09-30\n'
                                 '    score all(deliverables) -> 100%; else -> 0%\n}\n')
    facts = {"early": False}
    during, after, year = (contract.evaluate(facts, as_of=MIDYEAR), contract.evaluate(facts, as_of=dt.date(2020, 10, 31)),
                           contract.evaluate(facts))
    for result in (during, after, year):
        assert (result.goals["1"].state, result.goals["1"].fulfilment) == ("decided", 0)
    assert "Late not due yet (due 30 September 2020)" in during.goals["1"].reasoning()
    assert "Late not reported" in year.goals["1"].reasoning()
    steps = json.loads(json.dumps(year.goals["1"].to_dict()))["steps"]
    assert [(s["name"], s["missing"]) for s in steps if s["kind"] == "deliverable"] == [
        ("early", False), ("late", True)]


def test_a_payment_that_reads_a_pending_payment_waits_for_it() -> None:
    contract = rk.loads(HEADER + 'fact b: money\npayment first "First" = b\npayment second "Second" = first + 1 kr\n')
    result = contract.evaluate({}, as_of=MIDYEAR)
    assert result.payments["first"].state == "pending"
    assert result.payments["second"].state == "pending"
    later = contract.evaluate({})
    assert later.payments["second"].state == "not evaluable"


def test_a_split_with_invalid_weights_is_not_evaluable_while_its_total_is_pending() -> None:
    contract = rk.loads(HEADER + 'fact b: money\nfact vægte: table of number\npayment p "P" = b\n'
                                 'split s {\n    total p\n    shares from vægte\n}\n')
    result = contract.evaluate({"vægte": "not a table"}, as_of=MIDYEAR)
    assert result.splits["s"].state == "not evaluable"
    data: dict[str, Any] = result.to_dict()  # JSON: its shape is the schema's
    assert data["splits"][0]["status"] == "not evaluable"
    assert contract.evaluate({}, as_of=MIDYEAR).splits["s"].state == "pending"
