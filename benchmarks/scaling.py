"""How time grows with size: evaluation by goals, `rk compare` by columns.

    .venv/bin/python benchmarks/scaling.py            # 1,000, 10,000 and 50,000 goals; 50, 100, 200 columns
    .venv/bin/python benchmarks/scaling.py --quick    # up to 10,000 goals

Each step prints the exponent of the growth between two sizes, log(t2/t1) / log(n2/n1):
1 is linear, 2 quadratic; ✓ where it is at most 1.1. Loading is left out of every figure,
and each figure is the median of several rounds. run.py calls `growth` and `table` too.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from contracts import RK

import resultkontrakt as rk
from resultkontrakt.comparisons.compare import Pair
from resultkontrakt.comparisons.page import comparison_html
from resultkontrakt.core.wording import wording_for

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nordjylland-2019.rk"
LINEAR = 1.1  # the most an exponent may be to count as linear growth
GOALS = (1_000, 10_000, 50_000)
COLUMNS = (50, 100, 200)
MAX_ROUNDS = 100  # however quick the action


def realistic_contract(goals: int) -> tuple[str, dict[str, Any]]:
    """A contract of `goals` goals, with facts for it: run.py's `contract_text` made the
    shape of real ones, four kinds of goal in turn, each with facts of its own, in twenty
    groups and three weights. Tiers on a metric worked out from two facts; two deliverables,
    one with a due date; a required number of survey answers and an NPS; tiers joined with
    `and` and `or` over a count and two amounts, one budget in 97 missing (not evaluable)."""
    lines = ['contract "Skaleret kontrakt" {\n    period 2024-01-01 .. 2024-12-31\n}']
    facts: dict[str, Any] = {}
    for n in range(goals):
        head = f'goal g{n} "Mål nummer {n}" {{\n    group "Gruppe {n % 20}"\n    weight {1 + n % 3}\n'
        kind = n % 4
        if kind == 0:
            lines.append(f'fact andel_{n}: percent label "andel {n}"\nfact antal_{n}: integer\n'
                         f'metric niveau_{n} = andel_{n} * antal_{n} / 100\n'
                         f'{head}    score niveau_{n} >= 110% -> 100%; >= 90% -> 75%; >= 70% -> 50%\n}}')
            facts[f"andel_{n}"] = f"{50 + n % 50}%"
            facts[f"antal_{n}"] = 100 + n % 90
        elif kind == 1:
            lines.append(f'{head}    deliverable plan_{n} "Plan {n}" due 2024-06-30\n'
                         f'    deliverable rapport_{n} "Rapport {n}"\n'
                         f'    score all(deliverables) -> 100%; count(deliverables) >= 1 -> 50%\n}}')
            facts[f"plan_{n}"] = "2024-06-01" if n % 3 else "2024-07-15"
            facts[f"rapport_{n}"] = n % 5 != 0
        elif kind == 2:
            lines.append(f'fact svar_{n}: list of integer in 0 .. 10\n'
                         f'{head}    require count(svar_{n}) >= 10 "mindst 10 svar"\n'
                         f'    score nps(svar_{n}) >= 50 -> 100%; >= 0 -> 50%\n}}')
            facts[f"svar_{n}"] = [4 + (n * 7 + i * 3) % 7 for i in range(12)]
        else:
            lines.append(f'fact besøg_{n}: integer\nfact udgift_{n}: money\nfact budget_{n}: money\n'
                         f'{head}    score besøg_{n} >= 100 and udgift_{n} <= budget_{n} -> 100%; '
                         f'besøg_{n} >= 100 or udgift_{n} <= budget_{n} -> 50%\n}}')
            facts[f"besøg_{n}"] = 80 + n % 40
            facts[f"udgift_{n}"] = f"{900 + n % 200} tkr"
            if n % 97:
                facts[f"budget_{n}"] = "1000 tkr"
    return "\n".join(lines) + "\n", facts


def median_time(action: Callable[[], object], rounds: int, before: Callable[[], object] | None = None,
                budget: float = 1.0) -> float:
    """The median seconds of `action`, each round after `before` (untimed) and a collection,
    so that no round pays for the garbage of the one before. A quick action gets more rounds,
    up to about `budget` seconds of them: the median of five 10 ms rounds moves with whatever
    else the machine did in those 50 ms, and an exponent taken from it moves twice as much."""
    times: list[float] = []
    while len(times) < rounds or (sum(times) < budget and len(times) < MAX_ROUNDS):
        if before is not None:
            before()
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# A series of figures by size: (what, the sizes' unit, [(size, seconds), ...]).
Series = tuple[str, str, list[tuple[int, float]]]


def evaluations(sizes: Sequence[int], rounds: int) -> list[Series]:
    """`contract.evaluate(facts)` of realistic contracts, from a raw facts dict: the first
    evaluation, which compiles the contract's expressions and plans (the compiled code kept
    with the contract is let go before each round), and an evaluation after it."""
    first: list[tuple[int, float]] = []
    again: list[tuple[int, float]] = []
    for goals in sizes:
        figures = evaluation(goals, max(3, rounds if goals <= 1_000 else rounds // 2))
        first.append((goals, figures[0]))
        again.append((goals, figures[1]))
        print(f"  evaluate {goals:,} goals: first {figures[0]:.3f} s, again {figures[1]:.3f} s",
              file=sys.stderr, flush=True)
    return [("contract.evaluate(facts), the first (compiling)", "goals", first),
            ("contract.evaluate(facts), again", "goals", again)]


def evaluation(goals: int, rounds: int) -> tuple[float, float]:
    """Seconds of a first evaluation of a contract of `goals` goals, and of one after it."""
    text, facts = realistic_contract(goals)
    contract = rk.loads(text)
    first = median_time(lambda: contract.evaluate(facts), rounds, contract.analysis.cache.clear)
    evaluated = contract.evaluate(facts)
    assert len(evaluated.goals) == goals and evaluated.overall is not None
    del evaluated
    return first, median_time(lambda: contract.evaluate(facts), rounds)


def providers(folder: Path, count: int) -> list[Path]:
    """Facts files of `count` business hubs for the example contract: each names its hub, and
    some differ in a deliverable, so that statuses and overalls differ from column to column."""
    facts = json.loads((EXAMPLE.parent / "nordjylland-2019.facts.json").read_text(encoding="utf-8"))
    paths = []
    for hub in range(count):
        path = folder / f"hub-{hub}.json"
        if not path.exists():
            path.write_text(json.dumps({**facts, "party": f"Erhvervshus {hub}", "samarbejdsmodel": hub % 2 == 0,
                                        "events": hub % 3 != 0}), encoding="utf-8")
        paths.append(path)
    return paths


def comparisons(sizes: Sequence[int], rounds: int) -> list[Series]:
    """`rk.compare` of the example contract with a facts file for each of `size` hubs, and its
    renderings (text, JSON, HTML), each timed on its own; and the `rk compare` command."""
    folder = Path(tempfile.mkdtemp(prefix="rk-bench-compare-"))
    shutil.copy(EXAMPLE.parent / "nordjylland-2019-svar-syntetiske.csv", folder)
    contract = rk.load(EXAMPLE)
    found: dict[str, list[tuple[int, float]]] = {}
    for size in sizes:
        figures = comparing(contract, providers(folder, size), folder, rounds)
        for what, seconds in figures.items():
            found.setdefault(what, []).append((size, seconds))
        print(f"  compare {size} columns: " + ", ".join(f"{what} {seconds:.3f} s" for what, seconds in figures.items()),
              file=sys.stderr, flush=True)
    return [(what, "columns", series) for what, series in found.items()]


def comparing(contract: rk.Contract, paths: list[Path], folder: Path, rounds: int) -> dict[str, float]:
    """Seconds of each part of a comparison of `contract` with each facts file in `paths`."""
    pairs: list[Pair] = [(contract, path) for path in paths]
    comparison = rk.compare(pairs)
    english = wording_for("en")
    command = [RK, "compare", *(f"{EXAMPLE}:{path}" for path in paths)]
    return {
        "rk.compare (evaluating every column)": median_time(lambda: rk.compare(pairs), rounds),
        "its text": median_time(comparison.text, rounds),
        "its JSON": median_time(lambda: json.dumps(comparison.to_dict()), rounds),
        "its HTML page": median_time(lambda: comparison_html(comparison, english), rounds),
        "rk compare (process, text)": median_time(lambda: subprocess.run(
            command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder), rounds),
    }


def growth(quick: bool) -> list[Series]:
    """Every series this module measures: up to 10,000 goals with `quick`, else 50,000."""
    rounds = 3 if quick else 5
    return evaluations(GOALS[:2] if quick else GOALS, rounds) + comparisons(COLUMNS, rounds)


def exponent(smaller: tuple[int, float], larger: tuple[int, float]) -> float:
    """How the time grows from one size to the next: t ∝ size ** exponent."""
    (n1, t1), (n2, t2) = smaller, larger
    return math.log(t2 / t1) / math.log(n2 / n1)


def table(found: list[Series]) -> str:
    """The figures as a Markdown table: each series' times, and the exponent of each step."""
    lines = ["| what | size | time | exponent from the size before |", "|---|---:|---:|---:|"]
    for what, unit, series in found:
        for index, (size, seconds) in enumerate(series):
            step = ""
            if index:
                power = exponent(series[index - 1], series[index])
                step = f"{power:.2f} {'✓' if power <= LINEAR else '✗'}"
            lines.append(f"| {what} | {size:,} {unit} | {_seconds(seconds)} | {step} |")
    return "\n".join(lines)


def _seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="up to 10,000 goals, fewer rounds")
    args = parser.parse_args()
    os.environ.setdefault("RK_CACHE_DIR", tempfile.mkdtemp(prefix="rk-bench-cache-"))  # never the user's own
    print("measuring ...", file=sys.stderr)
    found = growth(args.quick)
    print(f"\nGrowth with size (exponent at most {LINEAR}: ✓)\n")
    print(table(found))


if __name__ == "__main__":
    main()
