"""Shared test helpers: paths to the examples, and running `rk` in-process."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import attrs
import pytest
from hypothesis import HealthCheck, settings

from resultkontrakt.cli import main as cli
from resultkontrakt.core.errors import Span

from .printing import BROWSER, FLAGS, Printer

# Contracts read from files are kept in a cache folder between runs (cache.py). The tests keep
# theirs in a folder of their own, removed at the end, and never touch the user's.
_CACHE = tempfile.mkdtemp(prefix="rk-test-cache-")
os.environ["RK_CACHE_DIR"] = _CACHE
os.environ.pop("RK_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]

# Where this environment writes no bytecode (PYTHONDONTWRITEBYTECODE), every process the tests
# start compiled this package and rewrote the tests' asserts again, on every run: both workers
# (2.5 s each before the first test) and each `rk` command and language server a test runs
# (150 ms of each). The bytecode is kept in pytest's own cache folder instead, which git
# ignores, so the checkout stays as it was; the workers and their processes inherit the setting.
if os.environ.get("PYTHONDONTWRITEBYTECODE") and "PYTHONPYCACHEPREFIX" not in os.environ:
    os.environ["PYTHONPYCACHEPREFIX"] = str(ROOT / ".pytest_cache" / "bytecode")
    del os.environ["PYTHONDONTWRITEBYTECODE"]

EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "nordjylland-2019.rk"
EXAMPLE_FACTS = EXAMPLES / "nordjylland-2019.facts.json"
# Where the syntax nodes the tests build by hand were written: spans are left out of equality,
# so any place will do.
SOMEWHERE = Span.point("test.rk", 1, 1)

# Three profiles. "quick" (the default) keeps the README's test command under a
# minute; "deep" (what .ci/run selects) tries 2,000 examples a property; both
# are deterministic, so a failure reproduces on the next run and no run is
# flaky because it happened to draw a slow example. "fuzz" is the long hunt:
# 100,000 examples a property with a fresh seed each time.
_COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", _COMMON, derandomize=True, max_examples=40)
settings.register_profile("deep", _COMMON, derandomize=True, max_examples=2000)
settings.register_profile(
    "fuzz", max_examples=100_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
# The few tests that are slow by their size (a 10 MB file, 10,000 goals) take that size in the
# deep and fuzz profiles, which CI runs, and a part of it in the quick loop (each says how much).
DEEP = os.environ.get("HYPOTHESIS_PROFILE", "quick") != "quick"


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collecting made (the modules, hypothesis's strategies, the tests themselves) lives as
    long as the run: frozen out of the cycle collector's way, it is no longer gone through by
    each full collection the tests' own objects set off (the collector took 8 s of the two
    workers' time in the README's test command, 5 s frozen)."""
    gc.collect()
    gc.freeze()


@attrs.frozen
class Run:
    exit: int
    stdout: str
    stderr: str


class Rk(Protocol):
    """The `rk` fixture: the command run with these arguments."""

    def __call__(self, *args: str | Path) -> Run: ...


@pytest.fixture
def rk(capsys: pytest.CaptureFixture[str]) -> Rk:
    """Run the `rk` command in-process and return its exit code and output."""

    def run(*args: str | Path) -> Run:
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printer]:
    """One headless Chromium for every test of the worker that prints or draws a page (those
    marked `needs_browser`): a launch a page took most of their time."""
    assert BROWSER, "chromium is needed for this test"
    with Printer(BROWSER, FLAGS, tmp_path_factory.mktemp("chromium") / "profile") as printer:
        yield printer


# Broken contracts are test data for `rk check` (test_broken.py, test_golden.py), not worked
# examples to run.
collect_ignore_glob = ["broken/*.rk", "golden/*-errors.rk"]
