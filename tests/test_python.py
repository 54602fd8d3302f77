"""What a Python user expects of the package: its version, a `dir()` of its public API only, and
a `help()` that can be read."""

from __future__ import annotations

import pydoc
import subprocess
import sys
from importlib import metadata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.wording import DANISH, ENGLISH

from .conftest import EXAMPLE, EXAMPLE_FACTS, ROOT, Rk

# help() as text without the backspaces that make bold on a terminal. typeshed's pydoc leaves
# this renderer (pydoc.plaintext, a TextDoc) out.
PLAIN_TEXT: pydoc.TextDoc = pydoc.plaintext  # type: ignore[attr-defined]


def test_the_version_is_the_installed_packages() -> None:
    assert rk.__version__ == metadata.version("resultkontrakt")


def test_rk_version_prints_it(rk: Rk, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        rk("--version")
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"rk {metadata.version('resultkontrakt')}\n"


def test_the_version_is_looked_up_only_when_asked_for() -> None:
    """importlib.metadata takes longer to import than the rest of `import resultkontrakt`."""
    probe = ("import sys, resultkontrakt as rk\n"
             "print('importlib.metadata' in sys.modules)\n"
             "rk.__version__\n"
             "print('importlib.metadata' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "True"], done.stderr


def test_a_source_folder_never_installed_has_a_version_too() -> None:
    probe = f"import sys; sys.path.insert(0, {str(ROOT / 'src')!r}); import resultkontrakt; print(resultkontrakt.__version__)"
    done = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout == "0+unknown\n", done.stderr


def test_dir_lists_the_public_api_only() -> None:
    assert dir(rk) == sorted([*rk.__all__, "__version__"])
    for name in ("Any", "TYPE_CHECKING", "annotations", "importlib", "syntax", "wording", "_HOMES"):
        assert name not in dir(rk)
    assert isinstance(rk.language.syntax.Goal, type)  # a folder of the package is still there when named


def test_a_wording_shows_as_its_language() -> None:
    assert (repr(ENGLISH), repr(DANISH)) == ("<Wording en>", "<Wording da>")


def test_help_shows_no_phrase_table() -> None:
    """A wording is the default of many parameters, and `help()` shows defaults by their repr:
    the whole phrase table once made a 23,698-character signature of `explain`."""
    result = rk.load(EXAMPLE).evaluate(rk.load_facts(EXAMPLE_FACTS))
    shown = [rk.Evaluation, result.explain, rk.load, rk.GoalResult, rk.PaymentResult, result.goals["1"].explain]
    for thing in shown:
        text = pydoc.render_doc(thing, renderer=PLAIN_TEXT)
        # A class's signature names each field once (an evaluation's twelve make 511 characters).
        assert max(len(line) for line in text.splitlines()) < 600, thing
        assert ENGLISH["report.made"] not in text and "'problem." not in text, thing
    signature = pydoc.render_doc(result.explain, renderer=PLAIN_TEXT).splitlines()[2]
    assert signature.startswith("explain(language: 'Language' = <Wording en>) -> 'str'")


@pytest.mark.parametrize("collecting", [True, False])
def test_an_evaluation_leaves_the_cycle_collector_as_it_found_it(collecting: bool) -> None:
    """Evaluation pauses Python's cycle collector while it runs (contract.py): the user's
    setting is theirs again afterwards, whether the evaluation ends or raises."""
    import gc

    contract = rk.loads('contract "c" { period 2009-01-01 .. 2010-12-31 each year }\nfact x: number\n'
                        'goal 1 "g" { score x >= 1 -> 100% }\n')
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        assert contract.evaluate({"x": 2}, period=2009).goals["1"].fulfilment == 1
        assert gc.isenabled() == collecting
        with pytest.raises(rk.FactsError):
            contract.evaluate({"x": 2}, period=2031)
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if was else gc.disable)()



@given(st.lists(st.booleans(), max_size=40), st.booleans())
def test_pauses_that_overlap_leave_the_collector_as_the_first_found_it(steps: list[bool], collecting: bool) -> None:
    """Loads and evaluations in several threads pause the collector together (core/collector.py):
    however their starts (True) and ends (False) interleave, it is paused while any runs and
    going again after the last, if it was going before the first. Each keeping what
    gc.isenabled() said as it began would see another's pause and leave it off for good
    (A begins, B begins and sees it off, A ends and sets it going, B ends)."""
    import gc

    from resultkontrakt.core.collector import pause, resume

    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    running = 0
    try:
        for begins in steps:
            if begins:
                pause()
                running += 1
            elif running:
                resume()
                running -= 1
            assert gc.isenabled() == (collecting and not running)
        for _ in range(running):
            resume()
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if was else gc.disable)()
