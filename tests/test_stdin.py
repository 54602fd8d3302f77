"""`-` as a file name: a contract or facts read from standard input, by every command that reads them."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from resultkontrakt.core.files import FileProblem, read_stream

from .conftest import EXAMPLE, EXAMPLE_FACTS, EXAMPLES, Rk

Stdin = Callable[[bytes], None]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Stdin:
    """Give the command these bytes on standard input."""

    def give(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return give


C, F = str(EXAMPLE), str(EXAMPLE_FACTS)
# Each command with a contract or facts named `-`, the same command with the file named, and
# the file that goes to standard input.
SAME = [
    (["check", "-"], ["check", C], C),
    (["eval", "-", F, "--brief"], ["eval", C, F, "--brief"], C),
    (["eval", C, "-", "--format", "json"], ["eval", C, F, "--format", "json"], F),
    (["report", "-", F], ["report", C, F], C),
    (["report", C, "-", "--format", "html"], ["report", C, F, "--format", "html"], F),
    (["test", "-"], ["test", C], C),
    (["fmt", "-"], ["fmt", C], C),
    (["fmt", "--check", "-"], ["fmt", "--check", C], C),
    (["split", "-"], ["split", C], C),
    (["split", C, "--facts", "-", "--format", "csv"], ["split", C, "--facts", F, "--format", "csv"], F),
    (["compare", f"-:{F}"], ["compare", f"{C}:{F}"], C),
    (["compare", f"{C}:-", "--format", "json"], ["compare", f"{C}:{F}", "--format", "json"], F),
]


@pytest.mark.parametrize(("dashed", "named", "given"), SAME, ids=[" ".join(d[:2]) for d, _, _ in SAME])
def test_a_dash_reads_standard_input_as_the_file_would_be_read(
        rk: Rk, stdin: Stdin, monkeypatch: pytest.MonkeyPatch, dashed: list[str], named: list[str],
        given: str) -> None:
    monkeypatch.chdir(EXAMPLES)  # the survey exports the facts point at are found from here
    stdin(Path(given).read_bytes())
    from_stdin = rk(*dashed)
    from_file = rk(*named)
    assert from_stdin.exit == from_file.exit == 0, from_stdin.stderr
    assert from_stdin.stderr == from_file.stderr == ""
    assert from_stdin.stdout == from_file.stdout.replace(given, "<stdin>")


def test_problems_on_standard_input_are_placed_at_stdin_line_and_column(rk: Rk, stdin: Stdin) -> None:
    stdin(b'fact nps: number\ngoal 1 "x" { score nsp >= 60 -> 100% }\n')
    run = rk("check", "-")
    assert run.exit == 1
    first, line, caret, hint = run.stderr.splitlines()[4:]  # after the warning that nps is not used
    assert first == "<stdin>:2:20: error: unknown name `nsp`"
    assert line == '  goal 1 "x" { score nsp >= 60 -> 100% }'
    assert caret == "                     ^^^"
    assert hint == "  hint: did you mean `nps`?"


def test_facts_on_standard_input_are_placed_at_stdin_line_and_column(rk: Rk, stdin: Stdin) -> None:
    stdin(b'{"anbefaling": [9, 10],\n "events": }\n')
    run = rk("eval", EXAMPLE, "-")
    assert run.exit == 1
    assert run.stderr.startswith("<stdin>:2:12: error: malformed JSON")
    stdin(b'{"x": "\xe6"}')
    run = rk("eval", EXAMPLE, "-")
    assert run.exit == 1
    assert run.stderr.startswith("<stdin>:1:8: error: the facts are not UTF-8 text")


def test_standard_input_is_bounded_as_a_file_is(rk: Rk, stdin: Stdin) -> None:
    stdin(b"# a comment\n" * 100)
    run = rk("check", "--max-file-size", "1K", "-")
    assert run.exit == 1
    assert run.stderr.splitlines() == [
        "<stdin>:1:1: error: cannot read the contract: standard input holds more than the limit of 1 KiB",
        "  hint: if the input is right, raise the limit: `--max-file-size SIZE`"]


class Endless(io.BytesIO):
    """A stream that never ends (`rk check - < /dev/zero`), counting what is read of it."""

    def __init__(self) -> None:
        super().__init__()
        self.given = 0

    def read(self, size: int | None = -1, /) -> bytes:
        assert size is not None and size >= 0, "an endless stream is read in pieces, never to its end"
        self.given += size
        return b"\0" * size


def test_an_endless_standard_input_is_read_only_to_just_past_the_limit() -> None:
    endless = Endless()
    with pytest.raises(FileProblem) as caught:
        read_stream(endless, 5 * 2**20 + 3)
    assert caught.value.code == "input-too-large"
    assert endless.given == 5 * 2**20 + 4


def test_a_closed_standard_input_is_an_error_not_a_traceback(rk: Rk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    run = rk("eval", EXAMPLE, "-")
    assert run.exit == 1
    assert run.stderr.startswith("<stdin>:1:1: error: cannot read the facts file: standard input is closed")


TWICE = [["check", "-", "-"], ["check", "-", C, "-"], ["test", "-", "-"], ["fmt", "-", "-"],
         ["eval", "-", "-"], ["report", "-", "-"], ["split", "-", "--facts", "-"],
         ["compare", "-:-"], ["compare", f"-:{F}", f"-:{F}"], ["compare", f"{C}:-", f"{C}:-"]]


@pytest.mark.parametrize("argv", TWICE, ids=" ".join)
def test_standard_input_named_twice_is_a_usage_error(rk: Rk, stdin: Stdin, argv: list[str]) -> None:
    stdin(EXAMPLE.read_bytes())
    run = rk(*argv)
    assert run.exit == 2
    assert run.stdout == ""
    assert run.stderr == (f"rk {argv[0]}: error: `-` (standard input) is named twice, and it can be read "
                          "only once\n  hint: send one file to standard input and name the others\n")
    assert sys.stdin.read() == EXAMPLE.read_text(encoding="utf-8")  # nothing was read


def test_fmt_cannot_rewrite_standard_input(rk: Rk, stdin: Stdin) -> None:
    stdin(EXAMPLE.read_bytes())
    run = rk("fmt", "--write", "-")
    assert run.exit == 2
    assert "rk fmt: error: `-` (standard input) cannot be rewritten in place" in run.stderr
    assert "`rk fmt -` prints the contract in the layout" in run.stderr


def test_fmt_check_of_standard_input_says_how_to_see_the_layout(rk: Rk, stdin: Stdin) -> None:
    stdin(b"fact   x : number\n")
    run = rk("fmt", "--check", "-")
    assert run.exit == 1
    assert run.stdout == "<stdin>: not formatted; `rk fmt -` prints it formatted\n"
