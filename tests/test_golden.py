"""Golden files: what `rk` prints for a contract and its facts, errors included.

Each `golden/NAME.cmd` holds the arguments of one `rk` command, run from the
`golden/` folder; `golden/NAME.expected` holds its exit code, standard output
and standard error. After a deliberate change to the output, regenerate with

    RK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from .conftest import Rk

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.cmd"))


def render(exit_code: int, stdout: str, stderr: str) -> str:
    return f"exit: {exit_code}\n--- stdout\n{stdout}--- stderr\n{stderr}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path, rk: Rk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN)
    run = rk(*shlex.split(case.read_text(encoding="utf-8")))
    actual = render(run.exit, run.stdout, run.stderr)
    expected_path = case.with_suffix(".expected")
    if os.environ.get("RK_UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    assert "Traceback" not in actual
    assert actual == expected_path.read_text(encoding="utf-8")


def test_there_are_golden_cases_for_success_and_for_errors() -> None:
    expected = [c.with_suffix(".expected").read_text(encoding="utf-8") for c in CASES]
    assert any(e.startswith("exit: 0") for e in expected)
    assert any(e.startswith("exit: 1") for e in expected)
