"""json-logic-qubit: the JsonLogic rules of `jsonlogic_rules`, applied by `json_logic.jsonLogic`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import Evaluate, Fulfilments, with_mean
from .jsonlogic_rules import METRICS, TIERS


def evaluator() -> Evaluate:
    import json_logic

    if not hasattr(json_logic, "add_operation"):
        # Both JsonLogic distributions install json_logic/__init__.py; this one is a single file,
        # so it is gone when panzi-json-logic was installed after it.
        raise ImportError("json-logic-qubit's json_logic/__init__.py was overwritten by panzi-json-logic's "
                          "(both distributions install that file); `pip install --force-reinstall --no-deps "
                          "json-logic-qubit` brings it back, and panzi-json-logic still runs")
    apply = json_logic.jsonLogic

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        metrics = {name: apply(rule, facts) for name, rule in METRICS.items()}
        data = {**facts, **metrics}
        return with_mean({goal: apply(rule, data) for goal, rule in TIERS.items()})
    return evaluate
