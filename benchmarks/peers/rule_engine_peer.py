"""rule-engine: the six goals as rule-engine expressions, metrics and then tiers.

rule-engine counts the answers with comprehensions, reads "7.5%" and "16 mio kr" with `$split`
and `$parse_float`, compares dates with `$parse_datetime`, and works in decimals. It has no
variables, so the answers are tallied once by the metric rules and the tiers are rules over the
metrics. Its names are ASCII, so the fact `besøg` is read through a resolver that maps the
name `besoeg` to it (rule-engine's own way to look names up).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import Evaluate, Fulfilments, with_mean

_UNIT = "{'kr': 1, 'tkr': 1000, 'mio': 1000000}"
_ALIASES = {"besoeg": "besøg"}


def _money(name: str) -> str:
    return f"$parse_float($split({name})[0]) * {_UNIT}[$split({name})[1]]"


def _done(name: str, due: str | None) -> str:
    if due is None:
        return f"({name} == false ? 0 : 1)"
    return (f"({name} == true ? 1 : ({name} == false ? 0 : "
            f"($parse_datetime({name}) <= d'{due}' ? 1 : 0)))")


METRICS = {
    "answers": "anbefaling.length",
    "promoters": "[a for a in anbefaling if a >= 9].length",
    "detractors": "[a for a in anbefaling if a <= 6].length",
    "admin": "$parse_float($split(admin, '%')[0])",
    "spent": f"({_money('udgifter')}) / ({_money('budget')}) * 100",  # a percent, as the contract has it
    "delivered": f"{_done('strategi', '2019-12-31')} + {_done('camp', '2019-12-31')} + {_done('rapport', None)}",
    "visits": "besoeg",
}
NPS = "(100 * (promoters - detractors) / answers)"
SHARE = "(promoters / answers)"
TIERS = {
    "1": f"answers < 30 ? null : ({NPS} >= 60 ? 1 : ({NPS} >= 50 ? 0.5 : 0))",
    "2": f"{SHARE} >= 0.5 ? 1 : ({SHARE} >= 0.4 ? 0.5 : 0)",
    "3": "admin <= 8 and visits >= 100 ? 1 : (visits >= 100 or admin <= 8 ? 0.5 : 0)",
    "4": "spent <= 100 ? 1 : (spent <= 110 ? 0.5 : 0)",
    "5": "delivered == 3 ? 1 : (delivered >= 2 ? 0.5 : 0)",
    "6": "visits >= 150 ? 1 : (visits >= 120 ? 0.75 : (visits >= 100 ? 0.5 : 0))",
}


def evaluator() -> Evaluate:
    import rule_engine

    def resolve(thing: Any, name: str) -> Any:
        return rule_engine.resolve_item(thing, _ALIASES.get(name, name))

    context = rule_engine.Context(resolver=resolve)
    metrics = {name: rule_engine.Rule(text, context=context) for name, text in METRICS.items()}
    tiers = {goal: rule_engine.Rule(text, context=context) for goal, text in TIERS.items()}

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        found = {name: rule.evaluate(facts) for name, rule in metrics.items()}
        # rule-engine's numbers are decimals; as floats they are compared like every other peer's.
        return with_mean({goal: None if (value := rule.evaluate(found)) is None else float(value)
                          for goal, rule in tiers.items()})
    return evaluate
