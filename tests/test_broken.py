"""Twenty-odd broken contracts: `rk check` reports every problem with its place and a hint.

What each prints is a golden file beside it (`broken/NAME.expected`); regenerate
with RK_UPDATE_GOLDEN=1 after a deliberate change, and read the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import Rk

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.rk"))
HEAD = re.compile(r"^(?P<file>[^:\s]+\.rk):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): \S")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_contract(case: Path, rk: Rk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    run = rk("check", case.name)
    assert run.exit == 1
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    # Each problem: a head line with file, line and column, its source line and a
    # caret, then a hint.
    blocks = re.split(r"\n(?=\S)", run.stderr.rstrip("\n"))
    assert blocks
    for block in blocks:
        lines = block.splitlines()
        head = HEAD.match(lines[0])
        assert head, lines[0]
        assert head["file"] == case.name
        assert any(line.strip() and set(line.strip()) == {"^"} for line in lines[1:]), block
        assert lines[-1].startswith("  hint: "), block
    expected = case.with_suffix(".expected")
    if os.environ.get("RK_UPDATE_GOLDEN"):
        expected.write_text(run.stderr, encoding="utf-8")
    assert run.stderr == expected.read_text(encoding="utf-8")


def test_there_are_at_least_twenty_broken_contracts() -> None:
    assert len(CASES) >= 20
