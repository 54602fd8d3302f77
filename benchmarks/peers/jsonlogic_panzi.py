"""panzi-json-logic: the JsonLogic rules of `jsonlogic_rules`, applied by `json_logic.apply`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import Evaluate, Fulfilments, with_mean
from .jsonlogic_rules import METRICS, TIERS


def evaluator() -> Evaluate:
    # panzi-json-logic and json-logic-qubit both install json_logic/__init__.py, and whichever
    # pip installs last wins it. panzi's own submodules are never overwritten, so they are
    # imported directly: this peer runs whichever of the two won.
    from json_logic.apply import apply

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        metrics = {name: apply(rule, facts) for name, rule in METRICS.items()}
        data = {**facts, **metrics}
        return with_mean({goal: apply(rule, data) for goal, rule in TIERS.items()})
    return evaluate
