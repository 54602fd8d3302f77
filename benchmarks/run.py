"""Speed and size, as ratios against a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py            # the full set, as the README reports it
    .venv/bin/python benchmarks/run.py --quick    # fewer repetitions, for a quick look

Machines here are shared and noisy, so every figure is the median of several
rounds, and each round times the baseline and ours back to back. Nothing
here is a test: no figure fails the build.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any

import rule_engines
from contracts import RK, contract_text
from six_goals import SIX_FACTS, SIX_GOALS, six_by_hand

import resultkontrakt as rk

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nordjylland-2019.rk"
FACTS = ROOT / "examples" / "nordjylland-2019.facts.json"
PYTHON = sys.executable


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def compare(baseline: Callable[[], object], ours: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Median seconds of each, timed back to back in every round."""
    ours()  # warm: caches and first-time imports are not what is measured
    base_times, our_times = [], []
    for _ in range(rounds):
        base_times.append(timed(baseline))
        our_times.append(timed(ours))
    return statistics.median(base_times), statistics.median(our_times)


def repeated(action: Callable[[], object], times: int) -> Callable[[], object]:
    """`action` done `times` times, each result let go, as a loop over scenarios does
    (keeping ten thousand evaluations alive would time Python's garbage collector)."""
    def loop() -> None:
        for _ in range(times):
            action()
    return loop


def run(command: list[str], env: dict[str, str] | None = None) -> Callable[[], object]:
    return lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)


def installed() -> dict[str, str]:
    """The environment of a process as an installed package runs: its bytecode compiled once
    and kept (pip compiles it at install; PYTHONDONTWRITEBYTECODE would compile every module
    at every start), and rk's cache in a folder of this run's own."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="rk-bench-pyc-"),
           "RK_CACHE_DIR": tempfile.mkdtemp(prefix="rk-bench-cache-")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("RK_NO_CACHE", None)
    return env


# ---- the benchmarks ---------------------------------------------------------------


# The floor: starting Python and importing the two libraries the design names for the core.
FLOOR = "import lark, attrs"


def process(command: list[str], rounds: int, env: dict[str, str]) -> tuple[float, float]:
    """A command as a whole process, against starting Python and importing lark and attrs;
    both run once before they are timed (compiling the bytecode, and filling rk's cache)."""
    return compare(run([PYTHON, "-c", FLOOR], env), run(command, env), rounds)


EFFECT = frozenset({"i høj grad", "i nogen grad"})
TIERS_1 = ((60, Fraction(1)), (50, Fraction(1, 2)))
TIERS_2 = ((Fraction(7, 10), Fraction(1)), (Fraction(6, 10), Fraction(1, 2)))
DELIVERABLES = {"3": ("visuel_identitet", "platformsbidrag"), "4": ("kendskabsstrategi",),
                "5": ("procesafrapportering", "crm_statistik"),
                "6": ("samarbejdsaftaler", "strategiproces", "kommuneoplæg", "erhvervscamp"),
                "7": ("kompetenceudvikling", "events", "finansiering", "projektsamarbejde"),
                "8": ("opsøgende_model",), "9": ("samarbejdsmodel",)}


def by_hand(values: Mapping[str, Any]) -> dict[str, Fraction | None]:
    """The nine goals of the example, written directly in Python: the baseline. `values` are the
    example's checked facts, of the shapes its contract declares (answers are whole numbers)."""
    answers = values["anbefaling"]
    rows = values["påvirkning"]
    out: dict[str, Fraction | None] = {}
    if len(answers) < 30:
        out["1"] = None
    else:
        nps = Fraction(100 * (sum(1 for a in answers if a >= 9) - sum(1 for a in answers if a <= 6)),
                       len(answers))
        out["1"] = next((f for t, f in TIERS_1 if nps >= t), Fraction(0))
    if len(rows) < 30:
        out["2"] = None
    else:
        effect = Fraction(sum(1 for row in rows if any(a in EFFECT for a in row)), len(rows))
        out["2"] = next((f for t, f in TIERS_2 if effect >= t), Fraction(0))
    for goal, names in DELIVERABLES.items():
        out[goal] = Fraction(1) if all(values[n] for n in names) else Fraction(0)
    return out


def evaluation(rounds: int, times: int) -> tuple[float, float]:
    contract = rk.load(EXAMPLE)
    facts = rk.load_facts(FACTS)
    contract.evaluate(facts)  # reads the answer files once; both sides then work in memory
    supplied = contract.check_facts(facts)
    values: dict[str, Any] = dict(supplied.values)
    values["anbefaling"] = tuple(values["anbefaling"])  # read as a tally (only counted): its answers
    expected = {g: r.fulfilment for g, r in contract.evaluate(facts).goals.items()}
    assert by_hand(values) == expected, (by_hand(values), expected)
    return compare(repeated(lambda: by_hand(values), times), repeated(lambda: contract.evaluate(facts), times),
                   rounds)


def six_goals(rounds: int, times: int, checked: bool) -> tuple[float, float]:
    """`evaluate` on a six-goal contract, from a raw facts dict or from facts checked once."""
    contract = rk.loads(SIX_GOALS)
    expected = {g: r.fulfilment for g, r in contract.evaluate(SIX_FACTS).goals.items()}
    assert six_by_hand(SIX_FACTS) == expected, (six_by_hand(SIX_FACTS), expected)
    facts: Any = contract.check_facts(SIX_FACTS) if checked else SIX_FACTS
    return compare(repeated(lambda: six_by_hand(SIX_FACTS), times),
                   repeated(lambda: contract.evaluate(facts), times), rounds)


ANSWERS = tuple((i * 7919) % 11 for i in range(1_000_000))


def nps(rounds: int) -> tuple[float, float]:
    contract = rk.loads('fact xs: list of integer\nmetric n = nps(xs)\ngoal 1 "n" { score n >= 60 -> 100% }')

    def counted() -> Fraction:
        tally = collections.Counter(ANSWERS)
        return Fraction(100 * (tally[9] + tally[10] - sum(tally[i] for i in range(7))), len(ANSWERS))

    assert contract.evaluate({"xs": ANSWERS}).goals["1"].fulfilment == (1 if counted() >= 60 else 0)
    return compare(counted, lambda: contract.evaluate({"xs": ANSWERS}), rounds)


def share(rounds: int) -> tuple[float, float]:
    contract = rk.loads('fact xs: list of integer\nmetric s = share(a in xs where a >= 9)\n'
                        'goal 1 "s" { score s >= 50% -> 100% }')
    return compare(lambda: Fraction(sum(1 for a in ANSWERS if a >= 9), len(ANSWERS)),
                   lambda: contract.evaluate({"xs": ANSWERS}), rounds)


RATE_CARD = {"bolig_3m": 1500, "bolig_12m": 1500, "nvq2": 2500, "job_26u": 4000}
CLAIMS: tuple[dict[str, Any], ...] = tuple({"deltager": f"p{i % 40_000}", "resultat": list(RATE_CARD)[(i * 7919) % 4],
                "dato": dt.date(2016, 1 + i % 12, 1)} for i in range(1_000_000))


def rate_card(rounds: int) -> tuple[float, float]:
    """A price per row from a rate card, summed over a million claims: against the same sum
    written as a Python generator over dicts, with exact prices."""
    contract = rk.loads(
        'fact krav: list of record {\n deltager: text\n resultat: one of {"bolig_3m", "bolig_12m", "nvq2", '
        '"job_26u"}\n dato: date\n} "claims"\n'
        'metric takster = {' + ", ".join(f'"{key}": {price} kr' for key, price in RATE_CARD.items()) + '}\n'
        'metric samlet = sum(takster[k.resultat] for k in krav)\n'
        'goal 1 "s" { score samlet >= 1 kr -> 100% }')
    prices = {key: Fraction(price) for key, price in RATE_CARD.items()}
    checked = contract.check_facts({"krav": CLAIMS})

    def by_hand() -> Fraction:
        return sum((prices[claim["resultat"]] for claim in CLAIMS), Fraction(0))

    evaluation = contract.evaluate(checked)
    assert not evaluation.errors and evaluation.goals["1"].fulfilment == 1, evaluation.explain()
    return compare(by_hand, lambda: contract.evaluate(checked), rounds)


def loading(goals: int, rounds: int) -> tuple[float, float]:
    import tomllib

    rk_text, toml_text = contract_text(goals)
    return compare(lambda: tomllib.loads(toml_text), lambda: rk.loads(rk_text), rounds)


def edited(text: str) -> Callable[[], str]:
    """The text, with one threshold in its middle goal changed back and forth: each call
    gives a version that differs from the one before in one declaration."""
    middle = text.index("score x >= ", len(text) // 2) + len("score x >= ")
    end = text.index(" ->", middle)
    versions = [text, text[:middle] + str(int(text[middle:end]) + 1) + text[end:]]
    turn = [0]

    def next_version() -> str:
        turn[0] += 1
        return versions[turn[0] % 2]
    return next_version


def reloading(goals: int, rounds: int) -> tuple[float, float]:
    """What the language server does on each change: load and check the contract again after
    an edit to one goal, against reading the same goals as TOML from scratch."""
    import tomllib

    from resultkontrakt.editor.incremental import IncrementalLoader

    rk_text, toml_text = contract_text(goals)
    loader = IncrementalLoader()
    version = edited(rk_text)
    return compare(lambda: tomllib.loads(toml_text), lambda: loader.loads(version()), rounds)


def recheck_example(rounds: int) -> float:
    """Seconds to load and check the example contract again after an edit to one goal."""
    from resultkontrakt.editor.incremental import IncrementalLoader

    text = EXAMPLE.read_text(encoding="utf-8")
    versions = [text, text.replace(">= 60 -> 100%", ">= 61 -> 100%", 1)]
    loader = IncrementalLoader()
    loader.loads(text)
    return statistics.median(timed(partial(loader.loads, versions[n % 2])) for n in range(1, rounds * 10))


def splitting(rounds: int) -> tuple[float, float]:
    from apportionment import methods

    weights = [(i * 7919) % 100_003 + 1 for i in range(100_000)]
    shares = " ".join(f"P{i} {w}" for i, w in enumerate(weights))
    contract = rk.loads(f"split s {{ total 1000000 kr shares {{ {shares} }} }}")
    names = [f"P{i}" for i in range(len(weights))]
    return compare(lambda: methods.compute("hamilton", weights, 1_000_000, fractions=True, parties=names),
                   lambda: contract.split(margins=False), rounds)


def margins(method: str, rounds: int) -> tuple[float, float]:
    """A split of 1,000 parties with every party's margins, against the same split without them."""
    weights = [(i * 7919) % 199_001 + 1_000 for i in range(1_000)]
    shares = " ".join(f"P{i} {w}" for i, w in enumerate(weights))
    contract = rk.loads(f"split s {{ total 1374 tkr method {method} shares {{ {shares} }} }}")
    assert all(share.margin_up is not None for share in contract.split().shares)
    return compare(lambda: contract.split(margins=False), lambda: contract.split(), rounds)


RECORDS = """
fact krav: list of record {
    deltager: text
    resultat: one of {"bolig_3m", "bolig_12m", "nvq2", "job_26u"}
    dato: date
    timer: integer
}
goal 1 "Krav" { score count(krav) >= 1 -> 100% }
"""
OUTCOMES = ("bolig_3m", "bolig_12m", "nvq2", "job_26u")


def records_file(rows: int) -> Path:
    """A CSV export of `rows` claims of 4 fields (text, one of, date, integer): some thousands of
    participants, four outcomes, four years of dates, as such an export names them."""
    first = dt.date(2016, 1, 1).toordinal()
    dates = [dt.date.fromordinal(first + day).isoformat() for day in range(1461)]
    lines = ["deltager,resultat,dato,timer"]
    lines.extend(f"D{(n * 7919) % 20_000:05d},{OUTCOMES[n % 4]},{dates[(n * 31) % 1461]},{(n * 13) % 1000}"
                 for n in range(rows))
    path = Path(tempfile.mkdtemp(prefix="rk-bench-rows-")) / "krav.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records_by_hand(path: Path) -> list[tuple[object, ...]]:
    """The rows read with csv.DictReader, each cell converted by hand: the baseline."""
    import csv

    outcomes = frozenset(OUTCOMES)
    rows: list[tuple[object, ...]] = []
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            outcome = row["resultat"]
            if outcome not in outcomes:
                raise ValueError(outcome)
            rows.append((row["deltager"], outcome, dt.date.fromisoformat(row["dato"]), int(row["timer"])))
    return rows


def reading_records(path: Path, rounds: int) -> tuple[float, float]:
    contract = rk.loads(RECORDS)

    def ours() -> object:
        return contract.check_facts({"krav": {"csv": str(path)}}, data_dir=path.parent).values["krav"]
    assert ours() == tuple(records_by_hand(path))
    return compare(lambda: records_by_hand(path), ours, rounds)


def record_bytes(path: Path, rows: int) -> float:
    """The memory the records of a CSV file keep, per row: what tracemalloc sees still allocated
    once the file is read and everything but the records let go."""
    import tracemalloc

    contract = rk.loads(RECORDS)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = contract.check_facts({"krav": {"csv": str(path)}}, data_dir=path.parent).values["krav"]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert isinstance(kept, tuple) and len(kept) == rows
    return (after - before) / rows


def hostile(rounds: int) -> list[tuple[str, float]]:
    """Small inputs that once ran for minutes or hung: each must finish, or stop, well under a second."""
    import os

    from resultkontrakt.contract import examples
    from resultkontrakt.core.errors import closest

    squaring = rk.loads("fact x: number\nmetric a = x * x * x * x * x * x * x * x * x * x\n"
                        "metric b = a * a * a * a * a * a * a * a * a * a\n"
                        "metric c = b * b * b * b * b * b * b * b * b * b\n"
                        'goal 1 "g" { score c >= 1 -> 100% }')
    nested = rk.loads('fact xs: list of list of integer\ngoal 1 "g" { score count(xs) >= 1 -> 100% }\n'
                      'example "e" { given xs = [[1] * 10000000] * 10000000 expect goal 1 = 100% }')
    names = "{" + ", ".join(f'"k{n}": {n}' for n in range(30_000)) + "}"
    table = rk.loads("fact t: table of integer\nsplit s { total 1000 tkr shares from t }")
    parties = {"t": {f"kommune {n}": n + 1 for n in range(30_000)}}
    candidates = [f"fact_{n}_" + "x" * 90 for n in range(50_000)]
    folder = tempfile.mkdtemp()
    fifo = os.path.join(folder, "svar.csv")
    os.mkfifo(fifo)
    cell = os.path.join(folder, "long.csv")
    Path(cell).write_text("id,x\n" + "S" * 10_000_000 + ",9\n", encoding="utf-8")
    survey = rk.loads('fact xs: list of integer in 0 .. 10\ngoal 1 "g" { score nps(xs) >= 0 -> 100% }')
    cases: list[tuple[str, Callable[[], object]]] = [
        ("a metric that squares past 10,000 bits, stopped", lambda: squaring.evaluate({"x": 10**99})),
        ("[[1] * 10**7] * 10**7 in a worked example, refused", lambda: examples.run(nested)),
        ("a facts file of 30,000 names on one line", lambda: table.evaluate(rk.loads_facts(names))),
        ("a table of 30,000 parties, split", lambda: table.split(facts=parties, margins=False)),
        ("did you mean: a 1 MB name, 50,000 candidates", lambda: closest("y" * 1_000_000, candidates)),
        ("a FIFO named by facts, refused", lambda: survey.evaluate(
            {"xs": {"csv": fifo, "column": "x"}}, data_dir=folder)),
        ("a CSV cell of 10 MB", lambda: survey.evaluate({"xs": {"csv": cell, "column": "x"}}, data_dir=folder)),
    ]
    return [(what, statistics.median(timed(action) for _ in range(rounds))) for what, action in cases]


def peak_memory(cache: dict[str, str]) -> tuple[float, float]:
    """Peak resident memory (MiB) of a process that loads the 10,000-goal contract, with the
    cache set as `cache` says (off: reading it; a fresh folder: reading it and keeping it)."""
    text, _ = contract_text(10_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.rk"
        path.write_text(text, encoding="utf-8")
        # VmHWM, not getrusage: on Linux ru_maxrss survives exec, so a child would
        # report this (large) benchmark process's own peak.
        probe = ("{}; print(next(int(line.split()[1]) for line in open('/proc/self/status') "
                 "if line.startswith('VmHWM')))")
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("RK_")}, **cache}
        base = subprocess.run([PYTHON, "-c", probe.format("import lark")], capture_output=True,
                              text=True, check=True, env=env).stdout
        ours = subprocess.run([PYTHON, "-c", probe.format(
            f"import resultkontrakt as rk; rk.load({str(path)!r})")], capture_output=True, text=True,
            check=True, env=env).stdout
    return int(base) / 1024, int(ours) / 1024


def comparing(rounds: int) -> tuple[float, float]:
    """`rk.compare` of 6 hubs x 8 years of the example contract (48 evaluations, survey
    answers from the same CSV export), against 48 sequential `evaluate` calls in one process."""
    import shutil

    folder = Path(tempfile.mkdtemp())
    shutil.copy(EXAMPLE.parent / "nordjylland-2019-svar-syntetiske.csv", folder)
    text = EXAMPLE.read_text(encoding="utf-8")
    contracts = [rk.loads(text.replace('contract "Resultatkontrakt 2019"', f'contract "Hub {hub}"', 1),
                          f"hub-{hub}.rk") for hub in range(6)]
    facts = (EXAMPLE.parent / "nordjylland-2019.facts.json").read_text(encoding="utf-8")
    paths = []
    for year in range(2019, 2027):
        path = folder / f"facts-{year}.json"
        path.write_text(facts, encoding="utf-8")
        paths.append(path)
    pairs = [(contract, path) for contract in contracts for path in paths]

    def sequential() -> None:
        for contract, path in pairs:
            contract.evaluate(rk.load_facts(path))
    return compare(sequential, lambda: rk.compare(pairs), rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and repetitions")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--rows", type=int, metavar="N",
                        help="rows of the CSV file read into records (1,000,000; 100,000 with --quick)")
    args = parser.parse_args()
    rounds = 3 if args.quick else 7
    times = 500 if args.quick else 10_000
    claims = args.rows or (100_000 if args.quick else 1_000_000)

    rows: list[tuple[str, str, float, float, str, float | None]] = []

    def add(what: str, baseline: str, figures: tuple[float, float], target: float | None,
            unit: str = "s") -> None:
        base, ours = figures
        rows.append((what, baseline, base, ours, unit, target))
        shown = f"{ours / base:.2f}" if unit == "s" else f"{ours:.0f} MiB"
        print(f"  {what}: {shown}", file=sys.stderr, flush=True)

    print("measuring ...", file=sys.stderr)
    env = installed()
    os.environ["RK_CACHE_DIR"] = env["RK_CACHE_DIR"]  # never the user's own cache folder
    lark_ = f'python -c "{FLOOR}"'
    add("import resultkontrakt (process)", lark_, process([PYTHON, "-c", "import resultkontrakt"], rounds * 3, env), 1.2)
    add("rk check on the example (process)", lark_, process([RK, "check", str(EXAMPLE)], rounds * 3, env), 1.5)
    add("rk eval on the example (process)", lark_, process([RK, "eval", str(EXAMPLE), str(FACTS)], rounds * 3, env),
        1.3)
    add("rk eval on the example, cache off (process)", lark_,
        process([RK, "eval", str(EXAMPLE), str(FACTS)], rounds * 3, {**env, "RK_NO_CACHE": "1"}), None)
    add(f"evaluate the example {times:,} times", "the nine goals by hand in Python",
        evaluation(rounds, times), 3)
    six = {"from a raw facts dict": six_goals(rounds, times, checked=False),
           "facts checked once": six_goals(rounds, times, checked=True)}
    add(f"evaluate six goals {times:,} times, raw facts dict", "the six goals by hand in Python",
        six["from a raw facts dict"], 3)
    add(f"evaluate six goals {times:,} times, facts checked once", "the six goals by hand in Python",
        six["facts checked once"], 2)
    engines = rule_engines.measure(rounds, 200 if args.quick else 1_000, 0.02 if args.quick else 0.05)
    fastest = engines.fastest_peer
    if fastest is not None:
        add(f"six goals, per evaluation: rk vs fastest peer ({fastest})", f"{fastest} (benchmarks/peers)",
            (engines.seconds[fastest], engines.seconds[rule_engines.RK]), 1)
    add("rk.compare of 6 hubs x 8 years (48 evaluations)", "48 evaluate calls in one process",
        comparing(rounds), 1.3)
    add("nps() over 1,000,000 answers", "collections.Counter", nps(rounds), 1.5)
    add("share(a in xs where a >= 9), 1,000,000", "generator expression", share(rounds), 3)
    add("sum(takster[k.resultat] for k in krav), 1,000,000 rows", "generator over dicts, Fraction prices",
        rate_card(rounds), 3)
    per_goal = {}
    for goals in (100, 1_000, 10_000):
        figures = loading(goals, rounds if goals < 10_000 else max(3, rounds // 2))
        per_goal[goals] = figures[1] / goals
        add(f"load a contract of {goals:,} goals from scratch", "the same as TOML (tomllib)", figures, None)
    from loading import growing_checks, split_lines  # beside this file

    growing = growing_checks(max(3, rounds // 2))
    add("load 10,000 goals with due dates and 1,000 examples", "ten times 1,000 goals and 100 examples",
        growing, None)
    split = split_lines(10_000, contract_text(10_000)[0], max(3, rounds // 2))
    print("\n".join(split), file=sys.stderr, flush=True)
    per_goal_edited = {}
    for goals in (1_000, 10_000):
        figures = reloading(goals, rounds)
        per_goal_edited[goals] = figures[1] / goals
        add(f"load and check {goals:,} goals after an edit", "the same as TOML (tomllib)", figures, 4)
    import lsp as language_server  # benchmarks/lsp.py: rk lsp over stdio

    server_figures = language_server.measured(args.quick)
    for key, figures in server_figures.items():
        add(language_server.WHAT[key], language_server.BASELINE[key], figures, None)
    example_again = recheck_example(rounds)
    print(f"  the example after an edit: {_seconds(example_again)}", file=sys.stderr, flush=True)
    add("split 100,000 parties (largest remainder)", "apportionment package", splitting(3), 1)
    claims_csv = records_file(claims)
    add(f"read {claims:,} rows of 4 fields into records (CSV)", "csv.DictReader, each cell converted by hand",
        reading_records(claims_csv, rounds), 2)
    per_row = record_bytes(claims_csv, claims)
    print(f"  records kept, per row: {per_row:.0f} bytes", file=sys.stderr, flush=True)
    with_margins = {}
    for method in ("largest remainder", "sainte-laguë", "d'hondt"):
        figures = margins(method, rounds)
        with_margins[method] = figures[1]
        add(f"split 1,000 parties with margins ({method})", "the same split without margins", figures, 5)
    add("peak memory loading 10,000 goals", 'python -c "import lark"', peak_memory({"RK_NO_CACHE": "1"}),
        None, "MiB")
    add("peak memory loading 10,000 goals and keeping them in the cache", 'python -c "import lark"',
        peak_memory({"RK_CACHE_DIR": tempfile.mkdtemp(prefix="rk-bench-cache-")}), None, "MiB")
    from answers import measure as survey_export  # benchmarks/answers.py

    survey = survey_export(1_000_000 if args.quick else 10_000_000, rounds)
    export_size = "1,000,000" if args.quick else "10,000,000"
    add(f"NPS of {export_size} answers from a CSV export", "csv.reader + collections.Counter",
        (survey["baseline_s"], survey["ours_s"]), 1.5)
    add(f"peak memory, NPS of {export_size} answers from a CSV export", "csv.reader + collections.Counter",
        (survey["baseline_mib"], survey["ours_mib"]), 143, "MiB")  # 143 MiB: 150 MB
    bounded = hostile(rounds)
    for what, seconds in bounded:
        print(f"  {what}: {_seconds(seconds)}", file=sys.stderr, flush=True)
    from scaling import growth, table
    grown = growth(args.quick)

    print(f"\nresultkontrakt benchmarks on {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()} ({len(os.sched_getaffinity(0))} cores)\n")
    print("| what | baseline (same run) | baseline | ours | ratio | target |")
    print("|---|---|---:|---:|---:|---:|")
    for what, baseline, base, ours, unit, target in rows:
        if unit == "s":
            ratio = ours / base
            verdict = "" if target is None else (" ✓" if ratio <= target else " ✗")
            print(f"| {what} | {baseline} | {_seconds(base)} | {_seconds(ours)} | {ratio:.2f}{verdict} | "
                  f"{'—' if target is None else f'<= {target}'} |")
        else:
            limit = target or 200
            print(f"| {what} | {baseline} | {base:.0f} MiB | {ours:.0f} MiB | {ours / base:.1f} | "
                  f"< {limit:.0f} MiB{' ✓' if ours < limit else ' ✗'} |")
    for what, by_size in (("loading", per_goal), ("loading after an edit", per_goal_edited)):
        flat = by_size[10_000] / by_size[1_000]
        # Linear, or better: a load of 1,000 goals carries its fixed costs over fewer goals.
        print(f"\nTime per goal {what}, 10,000 goals against 1,000: {flat:.2f} "
              f"(no more than linear, within 20%: {'✓' if flat <= 1.2 else '✗'})", end="")
    print("\n" + "\n".join(split), end="")
    print(f"\nThe example contract loaded and checked again after an edit (what an editor waits "
          f"for): {_seconds(example_again)}")
    print("Six goals, one evaluation: " + "; ".join(
        f"{how} {ours / times * 1e6:.1f} µs (by hand {base / times * 1e6:.1f} µs)" for how, (base, ours) in six.items()))
    print("\n".join(language_server.lines(server_figures)))
    slowest = max(with_margins, key=with_margins.__getitem__)
    print(f"Split of 1,000 parties with margins, slowest method ({slowest}): "
          f"{_seconds(with_margins[slowest])} (well under a second: "
          f"{'✓' if with_margins[slowest] < 0.5 else '✗'})")
    print(f"Memory the records of {claims:,} rows keep: {per_row:.0f} bytes a row (at most 300: "
          f"{'✓' if per_row <= 300 else '✗'})")
    print("\nGrowth with size: the exponent of each step, t ∝ size ** exponent (at most 1.1: ✓)\n")
    print(table(grown))
    print("\nBounded work on small hostile input (absolute; each must finish or stop well under a second):\n")
    print("| input | time | under 1 s |")
    print("|---|---:|---:|")
    for what, seconds in bounded:
        print(f"| {what} | {_seconds(seconds)} | {'✓' if seconds < 1 else '✗'} |")
    print("\nThe six goals in rk and in peer rules engines, from the same facts dict (benchmarks/rule_engines.py):\n")
    print(engines.report())
    if args.json:
        Path(args.json).write_text(json.dumps(
            [dict(zip(("what", "baseline", "baseline_s", "ours_s", "unit", "target"), row, strict=True)) for row in rows],
            indent=2), encoding="utf-8")


def _seconds(value: float) -> str:
    if value < 0.001:  # one evaluation of six goals: "0.1 ms" would hide the difference
        return f"{value * 1_000_000:.1f} µs"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


if __name__ == "__main__":
    main()
