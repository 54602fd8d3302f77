"""Peer rules engines evaluating the six goals of `six_goals.SIX_GOALS` from the same plain facts dict.

Each module here holds one engine's rules, written in that engine's own language, and an
`evaluator()` that compiles them once and returns a function: facts dict -> the six goals'
fulfilments ("1" .. "6", None where a goal is not evaluable) and "mean", the mean of the goals
that could be evaluated. The engines are the optional extra `bench`
(`pip install -e '.[bench]'`); a peer whose engine is not installed is skipped with a message.

Where an engine cannot express a step, the step is done in Python, as little of it as the
engine allows, and the module says which step and why.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import attrs

Fulfilment = float | Fraction | None
Fulfilments = dict[str, Fulfilment]
Evaluate = Callable[[Mapping[str, Any]], Fulfilments]

INSTALL = "pip install -e '.[bench]'"


@attrs.frozen
class Peer:
    name: str  # the distribution on the package index
    module: str  # the module of this package that holds its rules
    in_python: str = "the mean"  # the steps done in Python rather than in the engine

    def evaluator(self) -> Evaluate:
        """The compiled rules; ImportError (with the reason) where the engine cannot be used."""
        made: Evaluate = importlib.import_module(f"{__name__}.{self.module}").evaluator()
        return made


PEERS = (
    Peer("panzi-json-logic", "jsonlogic_panzi"),
    Peer("json-logic-qubit", "jsonlogic_qubit"),
    Peer("jmespath", "jmespath_peer", "the mean; sub, mul, div and split, as custom functions"),
    Peer("business-rules", "business_rules_peer",
         "the mean; the metrics (NPS, shares, money, deliverables), as its variables are Python"),
    Peer("rule-engine", "rule_engine_peer"),
    Peer("zen-engine", "zen_peer"),
    Peer("cel-python", "cel_peer", "the mean; split, as a custom function"),
)
IN_PYTHON = {peer.name: peer.in_python for peer in PEERS}


def with_mean(goals: Fulfilments) -> Fulfilments:
    """The goals and their mean, of those that could be evaluated (as rk's overall, all weights 1).

    Every peer takes the mean here, in one line of Python: it is the same for every engine, and
    none of them is a better place for it."""
    evaluable = [g for g in goals.values() if g is not None]
    return {**goals, "mean": sum(evaluable) / len(evaluable) if evaluable else None}


def available() -> tuple[dict[str, Evaluate], dict[str, str]]:
    """The peers that can run here, by name, and why each of the others cannot."""
    found: dict[str, Evaluate] = {}
    missing: dict[str, str] = {}
    for peer in PEERS:
        try:
            found[peer.name] = peer.evaluator()
        except ImportError as error:
            missing[peer.name] = str(error) or f"not installed ({INSTALL})"
    return found, missing
