"""rk against peer rules engines on the same six goals from the same plain facts dict.

    .venv/bin/pip install -e '.[bench]'           # the engines
    .venv/bin/python benchmarks/rule_engines.py   # agreement on 1,000 facts sets, then µs an evaluation

run.py calls `measure` for its row "six goals, per evaluation: rk vs fastest peer" and prints the
table. First every peer, rk and the six goals by hand are run on the same generated facts sets
(boundary values drawn often) and their results compared with the exact ones; then each is timed
on `six_goals.SIX_FACTS` in the same process, in interleaved rounds, as medians.
"""

from __future__ import annotations

import argparse
import collections
import gc
import math
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from fractions import Fraction
from functools import partial
from typing import Any

import attrs
from peers import IN_PYTHON, INSTALL, Evaluate, Fulfilment, Fulfilments, available, with_mean
from peers.facts import facts_sets
from six_goals import DUE, SIX_FACTS, SIX_GOALS, UNITS, six_by_hand, six_by_hand_floats

import resultkontrakt as rk

RK = "rk"
EXACT = "by hand in Python, Fraction"
FLOATS = "by hand in Python, floats"
# Where each goal's tiers start, for telling a difference on an exact boundary from any other.
THRESHOLDS: dict[str, tuple[Fraction, ...]] = {
    "1": (Fraction(60), Fraction(50)), "2": (Fraction(1, 2), Fraction(2, 5)), "3": (Fraction(8),),
    "4": (Fraction(1), Fraction(11, 10)), "5": (), "6": (Fraction(150), Fraction(120), Fraction(100)),
}


def rk_evaluator() -> Evaluate:
    contract = rk.loads(SIX_GOALS)

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        evaluation = contract.evaluate(facts)
        goals: Fulfilments = {goal: result.fulfilment for goal, result in evaluation.goals.items()}
        return {**goals, "mean": evaluation.overall}
    return evaluate


def contenders() -> tuple[dict[str, Evaluate], dict[str, str]]:
    """rk, the two baselines by hand, and every peer that can run here (and why the others cannot)."""
    peers, missing = available()
    ours: dict[str, Evaluate] = {
        RK: rk_evaluator(),
        EXACT: lambda facts: with_mean(dict(six_by_hand(dict(facts)))),
        FLOATS: lambda facts: with_mean(dict(six_by_hand_floats(dict(facts)))),
    }
    return {**ours, **peers}, missing


def on_boundary(facts: Mapping[str, Any]) -> set[str]:
    """The goals whose measure is exactly on one of their thresholds (exactly, in Fractions)."""
    xs = facts["anbefaling"]
    promoters, detractors = sum(1 for a in xs if a >= 9), sum(1 for a in xs if a <= 6)

    def money(text: str) -> Fraction:
        number, unit = text.split(" ")[:2]
        return Fraction(number) * UNITS[unit]
    measures = {"1": Fraction(100 * (promoters - detractors), len(xs)), "2": Fraction(promoters, len(xs)),
                "3": Fraction(facts["admin"].rstrip("%")), "4": money(facts["udgifter"]) / money(facts["budget"]),
                "6": Fraction(facts["besøg"])}
    found = {goal for goal, value in measures.items() if value in THRESHOLDS[goal]}
    if facts["besøg"] == 100:  # goal 3's other measure
        found.add("3")
    if DUE.isoformat() in (facts["strategi"], facts["camp"]):  # delivered on the day it was due
        found.add("5")
    return found


def _same(value: Fulfilment, exact: Fulfilment, mean: bool) -> bool:
    if value is None or exact is None:
        return value is None and exact is None
    if mean:  # a mean of floats is a float: it agrees when it is the exact mean's nearest neighbours
        return math.isclose(value, exact, rel_tol=1e-12)
    return Fraction(value) == exact


@attrs.frozen
class Agreement:
    name: str
    agreed: int
    of: int
    on_boundary: collections.Counter[str]  # goal -> sets that differ there, with its measure exactly on a threshold
    elsewhere: collections.Counter[str]  # goal (or "mean") -> sets that differ there otherwise
    errors: collections.Counter[str]  # the exception raised -> sets it was raised on

    def sentence(self) -> str:
        text = f"agrees on {self.agreed:,}/{self.of:,}"
        if self.on_boundary:
            goals = ", ".join(f"goal {g} ×{n}" for g, n in sorted(self.on_boundary.items()))
            text += f"; differs only where a measure is exactly on a threshold ({goals}), as floats do"
        if self.elsewhere:
            goals = ", ".join(f"{'goal ' if g != 'mean' else ''}{g} ×{n}" for g, n in sorted(self.elsewhere.items()))
            text += f"; differs away from any boundary ({goals}): a mistake in these rules or in the engine"
        if self.errors:
            text += "; raises " + ", ".join(f"{name} on {n}" for name, n in sorted(self.errors.items()))
        return text


def agreement(evaluators: Mapping[str, Evaluate], sets: list[dict[str, Any]]) -> list[Agreement]:
    """Each evaluator's results on `sets` against the exact ones (by hand, with Fraction)."""
    exact = [with_mean(dict(six_by_hand(facts))) for facts in sets]
    boundaries = [on_boundary(facts) for facts in sets]
    found = []
    for name, evaluate in evaluators.items():
        agreed, near, far, errors = 0, collections.Counter[str](), collections.Counter[str](), collections.Counter[str]()
        for facts, expected, boundary in zip(sets, exact, boundaries, strict=True):
            try:
                got = evaluate(facts)
            except Exception as error:  # a peer that fails on some facts is reported, not fatal
                errors[type(error).__name__] += 1
                continue
            wrong = [key for key, value in expected.items() if not _same(got.get(key), value, key == "mean")]
            agreed += not wrong
            for key in wrong:
                if key in boundary:
                    near[key] += 1
                elif key != "mean" or not any(k != "mean" for k in wrong):  # a wrong goal explains its mean
                    far[key] += 1
        found.append(Agreement(name, agreed, len(sets), near, far, errors))
    return found


def _timed(action: Callable[[], object], times: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(times):
        action()
    return (time.perf_counter() - start) / times


def timing(evaluators: Mapping[str, Evaluate], rounds: int, budget: float) -> dict[str, float]:
    """Median seconds an evaluation of SIX_FACTS, each evaluator timed in turn in every round
    over about `budget` seconds of calls."""
    times = {}
    for name, evaluate in evaluators.items():
        once = _timed(partial(evaluate, SIX_FACTS), 1)  # warm, and how many calls fit the budget
        times[name] = max(1, int(budget / max(once, 1e-9)))
    samples: dict[str, list[float]] = {name: [] for name in evaluators}
    for _ in range(rounds):
        for name, evaluate in evaluators.items():
            samples[name].append(_timed(partial(evaluate, SIX_FACTS), times[name]))
    return {name: statistics.median(values) for name, values in samples.items()}


@attrs.frozen
class Figures:
    seconds: dict[str, float]  # a median evaluation of SIX_FACTS, by contender
    agreements: list[Agreement]
    missing: dict[str, str]  # the peers that did not run, and why

    @property
    def fastest_peer(self) -> str | None:
        peers = [name for name in self.seconds if name not in (RK, EXACT, FLOATS)]
        return min(peers, key=self.seconds.__getitem__) if peers else None

    def report(self) -> str:
        rk_s = self.seconds[RK]
        agreements = {a.name: a for a in self.agreements}
        lines = ["| six goals from a plain facts dict | µs an evaluation | rk's ratio to it | done in Python | "
                 f"agreement on {self.agreements[0].of:,} facts sets |", "|---|---:|---:|---|---|"]
        for name, seconds in sorted(self.seconds.items(), key=lambda item: item[1]):
            lines.append(f"| {name} | {seconds * 1e6:,.1f} | {rk_s / seconds:.2f} | {IN_PYTHON.get(name, '—')} | "
                         f"{agreements[name].sentence()} |")
        lines.append("")
        fastest = self.fastest_peer
        if fastest is not None:
            lines.append(f"rk against the fastest peer ({fastest}): {rk_s / self.seconds[fastest]:.2f} "
                         f"(rk faster: {'✓' if rk_s < self.seconds[fastest] else '✗'})")
        lines.append(f"rk against the six goals by hand in Python: {rk_s / self.seconds[EXACT]:.2f} with Fraction, "
                     f"{rk_s / self.seconds[FLOATS]:.2f} with floats")
        for name, why in self.missing.items():
            lines.append(f"skipped {name}: {why}")
        if self.missing:
            lines.append(f"(the peers are the optional extra `bench`: {INSTALL})")
        return "\n".join(lines)


def measure(rounds: int, count: int = 1_000, budget: float = 0.05) -> Figures:
    evaluators, missing = contenders()
    for name, why in missing.items():
        print(f"  peer {name} skipped: {why}", file=sys.stderr, flush=True)
    agreements = agreement(evaluators, facts_sets(count))
    by_name = {a.name: a for a in agreements}
    # The exact baseline and rk must agree everywhere; a peer may not, and is reported as it is.
    for name in (RK, EXACT):
        assert by_name[name].agreed == count, by_name[name].sentence()
    for a in agreements:
        print(f"  {a.name}: {a.sentence()}", file=sys.stderr, flush=True)
    return Figures(timing(evaluators, rounds, budget), agreements, missing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, shorter timings")
    parser.add_argument("--sets", type=int, default=1_000, help="facts sets in the agreement check (1,000)")
    args = parser.parse_args()
    figures = measure(3 if args.quick else 7, args.sets, 0.02 if args.quick else 0.05)
    print(figures.report())


if __name__ == "__main__":
    main()
