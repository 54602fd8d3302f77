"""Where the time of loading a contract from scratch goes, and whether the checks stay linear.

    .venv/bin/python benchmarks/loading.py         # the split of 10,000 goals, on its own
    .venv/bin/python benchmarks/run.py             # the same lines, and the row, in the whole set

Loading is Lark's parse (lexing, the LALR parser, the parse tree with every node's position),
the walk that bounds the nesting, building our syntax nodes from the tree, and the checks.
Each step is timed on its own, as the median of interleaved rounds.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable

import resultkontrakt as rk
from resultkontrakt.checks.check import check
from resultkontrakt.language.build import build
from resultkontrakt.language.parser import parse, parser

STEPS = ("Lark: lex only", "Lark: parse tree with positions", "nesting bounded",
         "syntax nodes built", "checks")


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def load_split(text: str, rounds: int) -> dict[str, float]:
    """Median seconds of each step of `rk.loads(text)`, each step timed on what the one before
    it made (the garbage collector paused, as `rk.loads` pauses it), and of `rk.loads` whole."""
    rounds_of = [_one_round(text) for _ in range(rounds)]
    return {step: statistics.median(each[step] for each in rounds_of) for step in rounds_of[0]}


def _one_round(text: str) -> dict[str, float]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        took = {"Lark: lex only": _timed(lambda: sum(1 for _ in parser().lex(text)))}
        gc.collect()
        start = time.perf_counter()
        tree = parser().parse(text)
        took["Lark: parse tree with positions"] = time.perf_counter() - start
        # `parse` is Lark's parse and the walk that bounds the nesting: that walk is the difference.
        took["nesting bounded"] = max(0.0, _timed(lambda: parse(text, "<bench>"))
                                      - took["Lark: parse tree with positions"])
        start = time.perf_counter()
        module, problems = build(tree, "<bench>")
        took["syntax nodes built"] = time.perf_counter() - start
        took["checks"] = _timed(lambda: check(module, problems))
    finally:
        if collecting:
            gc.enable()
    took["rk.loads"] = _timed(lambda: rk.loads(text))
    return took


def split_lines(goals: int, text: str, rounds: int) -> list[str]:
    """The split of loading `goals` goals, as lines to print."""
    split = load_split(text, rounds)
    whole = split["rk.loads"]
    lines = [f"Loading {goals:,} goals from scratch, rk.loads: {whole:.2f} s, of which"]
    lex = split["Lark: lex only"]
    for step in STEPS[1:]:
        lines.append(f"  {step}: {split[step]:.2f} s ({split[step] / whole:.0%})")
    lines.append(f"  (Lark lexing alone, inside the parse tree's time: {lex:.2f} s)")
    return lines


def contract_with_dues(goals: int, examples: int) -> str:
    """Goals each with a deliverable whose due date is worked out, and worked examples naming
    the goals: what made the checks take the product of the two (a deliverable's due date and
    an example each worked something out from the whole contract)."""
    lines = ['contract "C" {\n  period 2020-01-01 .. 2022-12-31\n}', "fact x: number", "fact start: date",
             "metric m = x * 2"]
    for n in range(goals):
        lines.append(f'goal {n} "Goal {n}" {{\n  deliverable d{n} "D" due start + 30 days\n'
                     f'  score m >= {n + 2} -> 100%; >= {n // 2 + 1} -> 50%\n}}')
    for e in range(examples):
        lines.append(f'example "e{e}" {{ given x = {e}, start = 2020-01-01 expect goal {e % goals} = 0% }}')
    return "\n".join(lines) + "\n"


def growing_checks(rounds: int) -> tuple[float, float]:
    """Loading 10,000 goals with due dates and 1,000 examples, against ten times loading 1,000
    goals and 100 examples: 1.0 is linear."""
    small, big = contract_with_dues(1_000, 100), contract_with_dues(10_000, 1_000)
    rk.loads(small)
    base_times, our_times = [], []
    for _ in range(rounds):
        base_times.append(10 * _timed(lambda: rk.loads(small)))
        our_times.append(_timed(lambda: rk.loads(big)))
    return statistics.median(base_times), statistics.median(our_times)


def main() -> None:
    from contracts import contract_text  # beside this file, where Python looks first for a script's imports

    rounds = 3 if "--quick" in sys.argv else 5
    for line in split_lines(10_000, contract_text(10_000)[0], rounds):
        print(line)
    base, ours = growing_checks(rounds)
    print(f"10,000 goals with due dates and 1,000 examples: {ours:.2f} s, ten times 1,000 and 100: "
          f"{base:.2f} s ({ours / base:.2f})")


if __name__ == "__main__":
    main()
