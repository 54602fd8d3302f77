"""business-rules: the six goals' tiers as business-rules JSON rules, one rule list a goal.

business-rules reads its variables from methods of a Python class (that is its design: the rules
are data, the variables code), so the metrics are worked out in Python there: NPS and the share of
ambassadors from the answers, the admin share and the spending ratio from their text, and the
deliverables done (it has no date type). The rules compare them with the thresholds and their
actions set each goal's fulfilment; the first rule of a goal that holds wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from six_goals import DUE, UNITS

from . import Evaluate, Fulfilments, with_mean


def _rule(conditions: list[dict[str, Any]], goal: str, fulfilment: float | None) -> dict[str, Any]:
    return {"conditions": {"all": conditions},
            "actions": [{"name": "fulfil", "params": {"goal": goal, "fulfilment": fulfilment}}]}


def _at_least(name: str, value: float) -> dict[str, Any]:
    return {"name": name, "operator": "greater_than_or_equal_to", "value": value}


def _at_most(name: str, value: float) -> dict[str, Any]:
    return {"name": name, "operator": "less_than_or_equal_to", "value": value}


# Each goal starts at 0%, as when no tier is met; its rules are tried in order.
RULES: dict[str, list[dict[str, Any]]] = {
    "1": [_rule([{"name": "answers", "operator": "less_than", "value": 30}], "1", None),
          _rule([_at_least("nps", 60)], "1", 1), _rule([_at_least("nps", 50)], "1", 0.5)],
    "2": [_rule([_at_least("ambassadors", 0.5)], "2", 1), _rule([_at_least("ambassadors", 0.4)], "2", 0.5)],
    "3": [_rule([_at_most("admin", 8), _at_least("visits", 100)], "3", 1),
          {**_rule([], "3", 0.5), "conditions": {"any": [_at_least("visits", 100), _at_most("admin", 8)]}}],
    "4": [_rule([_at_most("spent", 100)], "4", 1), _rule([_at_most("spent", 110)], "4", 0.5)],
    "5": [_rule([{"name": "delivered", "operator": "equal_to", "value": 3}], "5", 1),
          _rule([_at_least("delivered", 2)], "5", 0.5)],
    "6": [_rule([_at_least("visits", 150)], "6", 1), _rule([_at_least("visits", 120)], "6", 0.75),
          _rule([_at_least("visits", 100)], "6", 0.5)],
}


def evaluator() -> Evaluate:
    from business_rules import run_all
    from business_rules.actions import BaseActions, rule_action
    from business_rules.fields import FIELD_NUMERIC, FIELD_TEXT
    from business_rules.variables import BaseVariables, numeric_rule_variable

    def money(text: str) -> float:
        number, unit = text.split(" ")[:2]
        return float(number) * UNITS[unit]

    def done(value: object, due: dt.date | None) -> bool:
        if isinstance(value, bool):
            return value
        return due is None or dt.date.fromisoformat(str(value)) <= due

    class Facts(BaseVariables):
        def __init__(self, facts: Mapping[str, Any]) -> None:
            self.facts = facts

        @numeric_rule_variable
        def answers(self) -> int:
            return len(self.facts["anbefaling"])

        @numeric_rule_variable
        def nps(self) -> float:
            xs = self.facts["anbefaling"]
            return 100 * (sum(1 for a in xs if a >= 9) - sum(1 for a in xs if a <= 6)) / len(xs)

        @numeric_rule_variable
        def ambassadors(self) -> float:
            xs = self.facts["anbefaling"]
            return sum(1 for a in xs if a >= 9) / len(xs)

        @numeric_rule_variable
        def admin(self) -> float:
            return float(self.facts["admin"].rstrip("%"))

        @numeric_rule_variable
        def spent(self) -> float:
            return money(self.facts["udgifter"]) / money(self.facts["budget"]) * 100  # a percent

        @numeric_rule_variable
        def delivered(self) -> int:
            f = self.facts
            return done(f["strategi"], DUE) + done(f["camp"], DUE) + done(f["rapport"], None)

        @numeric_rule_variable
        def visits(self) -> int:
            return int(self.facts["besøg"])

    class Fulfil(BaseActions):
        def __init__(self) -> None:
            self.goals: Fulfilments = dict.fromkeys(RULES, 0.0)

        @rule_action(params={"goal": FIELD_TEXT, "fulfilment": FIELD_NUMERIC})
        def fulfil(self, goal: str, fulfilment: float | None) -> None:
            self.goals[goal] = fulfilment

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        variables, actions = Facts(facts), Fulfil()
        for rules in RULES.values():
            run_all(rules, variables, actions, stop_on_first_trigger=True)
        return with_mean(actions.goals)
    return evaluate
