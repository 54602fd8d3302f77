"""Survey answers read from a CSV export into an NPS: time and peak memory.

    .venv/bin/python benchmarks/answers.py            # 10,000,000 answers (about 120 MB)
    .venv/bin/python benchmarks/answers.py --quick    # 1,000,000

Writes an export of NPS answers (0-10, a few blank) to a temporary folder, deleted after,
and times `evaluate` of a contract whose goal is the NPS of that column (the facts file
read afresh each round) against `csv.reader` and `collections.Counter` on the same file,
in interleaved rounds (medians). Peak resident memory is measured in a child process for
each (VmHWM; on Linux ru_maxrss survives exec, so a child would report this process's).
`run.py` adds these rows to its table.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

CONTRACT = '''
fact anbefaling: list of optional integer in 0 .. 10 "hvor sandsynligt det er, at virksomheden anbefaler os"
metric nps = nps(anbefaling)
goal 1 "Tilfredshed" { score nps >= 60 -> 100%; >= 50 -> 50% }
'''

# The baseline: the column counted by hand, blanks left out, the NPS worked out exactly.
BASELINE = '''
import collections, csv, sys
from fractions import Fraction

def nps(path):
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.reader(file, delimiter=";")
        column = next(reader).index("anbefaling")
        tally = collections.Counter(row[column] for row in reader)
    tally.pop("", None)
    counts = collections.Counter()
    for text, times in tally.items():
        counts[int(text)] += times
    size = sum(counts.values())
    return Fraction(100 * (counts[9] + counts[10] - sum(counts[i] for i in range(7))), size)
'''

OURS = '''
import resultkontrakt as rk

CONTRACT = rk.loads({contract!r})

def nps(facts):
    evaluation = CONTRACT.evaluate(rk.load_facts(facts))
    assert not evaluation.problems, evaluation.problems
    return evaluation.goals["1"].fulfilment
'''

# VmHWM, not getrusage: on Linux ru_maxrss survives exec, so a child would report its parent's peak.
PEAK = "print(next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM')))"


def write_answers(folder: Path, answers: int) -> tuple[Path, Path]:
    """An export of `answers` rows (`S00000001;9`), semicolons as a Danish spreadsheet writes
    them, one answer in 97 blank; and the facts file that points at it."""
    export = folder / "svar.csv"
    with export.open("w", encoding="utf-8", newline="") as file:
        file.write("virksomhed;anbefaling\n")
        step = 100_000
        for start in range(0, answers, step):
            file.write("".join(f"S{i:08d};{'' if i % 97 == 0 else (i * 7919) % 11}\n"
                               for i in range(start, min(start + step, answers))))
    facts = folder / "svar.facts.json"
    facts.write_text(json.dumps({"anbefaling": {"csv": export.name, "column": "anbefaling"}}), encoding="utf-8")
    return export, facts


def expected(answers: int) -> Fraction:
    """The NPS of the export, worked out from the rows without reading the file."""
    counts = [0] * 11
    for i in range(answers):
        if i % 97:
            counts[(i * 7919) % 11] += 1
    return Fraction(100 * (counts[9] + counts[10] - sum(counts[:7])), sum(counts))


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _peak_kib(code: str) -> int:
    done = subprocess.run([sys.executable, "-c", f"{code}\n{PEAK}"], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def measure(answers: int, rounds: int) -> dict[str, float]:
    """Seconds (medians of interleaved rounds) and peak MiB, the baseline's and ours."""
    baseline: dict[str, object] = {}
    exec(BASELINE, baseline)
    ours: dict[str, object] = {}
    exec(OURS.format(contract=CONTRACT), ours)
    base_nps: Callable[[Path], Fraction] = baseline["nps"]  # type: ignore[assignment]
    our_nps: Callable[[Path], Fraction] = ours["nps"]  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="rk-bench-answers-") as name:
        export, facts = write_answers(Path(name), answers)
        nps = expected(answers)
        assert base_nps(export) == nps, (base_nps(export), nps)
        want = 1 if nps >= 60 else Fraction(1, 2) if nps >= 50 else 0
        assert our_nps(facts) == want
        base_times, our_times = [], []
        for _ in range(rounds):
            base_times.append(_timed(lambda: base_nps(export)))
            our_times.append(_timed(lambda: our_nps(facts)))
        base_peak = _peak_kib(f"{BASELINE}\nnps({str(export)!r})")
        our_peak = _peak_kib(f"{OURS.format(contract=CONTRACT)}\nnps({str(facts)!r})")
    return {"baseline_s": statistics.median(base_times), "ours_s": statistics.median(our_times),
            "baseline_mib": base_peak / 1024, "ours_mib": our_peak / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000,000 answers, fewer rounds")
    parser.add_argument("--answers", type=int, metavar="N", help="answers in the export")
    args = parser.parse_args()
    answers = args.answers or (1_000_000 if args.quick else 10_000_000)
    figures = measure(answers, 3 if args.quick else 5)
    print(f"NPS of {answers:,} answers from a CSV export: csv.reader + Counter {figures['baseline_s']:.2f} s, "
          f"ours {figures['ours_s']:.2f} s ({figures['ours_s'] / figures['baseline_s']:.2f}x); peak memory "
          f"{figures['baseline_mib']:.0f} MiB against {figures['ours_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
