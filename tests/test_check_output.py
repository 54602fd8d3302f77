"""`rk check --format json` and `--format github`: problems as data, and as annotations in a
GitHub Actions run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resultkontrakt.cli.check_output import github_command, problem_data
from resultkontrakt.core.errors import Span
from resultkontrakt.core.reasons import problem

from .conftest import EXAMPLE, Rk

BROKEN = 'fact nps: number\ngoal 1 "x" { score nsp >= 60 -> 100% }\n'


def read_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as GitHub's runner reads it: the command, its properties (split at
    `,` and `=`), and its message, each unescaped."""
    assert line.startswith("::") and "\n" not in line and "\r" not in line
    command, _, rest = line[2:].partition(" ")
    shown, _, data = rest.partition("::")

    def unescaped(text: str, marks: dict[str, str]) -> str:
        out, at = [], 0
        while at < len(text):
            if text[at] == "%" and text[at:at + 3] in marks:
                out.append(marks[text[at:at + 3]])
                at += 3
            else:
                out.append(text[at])
                at += 1
        return "".join(out)

    data_marks = {"%25": "%", "%0D": "\r", "%0A": "\n"}
    property_marks = {**data_marks, "%3A": ":", "%2C": ","}
    properties = {}
    for part in shown.split(","):
        name, _, value = part.partition("=")
        properties[name] = unescaped(value, property_marks)
    return command, properties, unescaped(data, data_marks)


AWKWARD = ["plain.rk", "with,comma.rk", "with:colon.rk", "100%.rk", "a%2Cb.rk", "line\nbreak.rk",
           "dir:1,2/x%0A.rk"]


@pytest.mark.parametrize("name", AWKWARD)
def test_a_file_name_reaches_github_as_it_is(name: str) -> None:
    found = problem("unknown-name", Span(name, 2, 20, 2, 23), name="nsp", suggestion="nps")
    command, properties, message = read_command(github_command(found))
    assert command == "error"
    assert properties == {"file": name, "line": "2", "col": "20", "endLine": "2", "endColumn": "22",
                          "title": "rk unknown-name"}
    assert message == "unknown name `nsp`\nhint: did you mean `nps`?"


@pytest.mark.parametrize("message", ["write 70% or 0.7", "a\r\nb", "%0A is not a line break", "x::y,z",
                                     "100%% sure: 50%25"])
def test_a_message_reaches_github_as_it_is(message: str) -> None:
    # A message says what it was given: a name written in a contract can hold anything.
    found = problem("unknown-name", Span.point("c.rk", 1, 1), name=message, suggestion="50%, or\nnot",
                    severity="warning")
    command, _, shown = read_command(github_command(found))
    assert command == "warning"
    assert shown == f"unknown name `{message}`\nhint: did you mean `50%, or\nnot`?"


def test_github_takes_columns_only_on_one_line_and_a_code_in_the_title() -> None:
    over_lines = problem("goal.twice", Span("c.rk", 15, 1, 18, 2), goal="2", line=3)
    assert read_command(github_command(over_lines))[1] == {
        "file": "c.rk", "line": "15", "endLine": "18", "title": "rk goal.twice"}
    nowhere = problem("facts.text-not-utf8", hint="facts.not-utf8")
    assert github_command(nowhere) == ("::error title=rk facts.text-not-utf8::the facts are not UTF-8 text"
                                       "%0Ahint: save the file as UTF-8")


def test_check_github_prints_a_command_a_problem_and_exits_as_check_does(rk: Rk, tmp_path: Path) -> None:
    path = tmp_path / "c.rk"
    path.write_text(BROKEN, encoding="utf-8")
    run = rk("check", "--format", "github", path, EXAMPLE)
    assert run.exit == 1
    assert run.stderr == ""
    warning, error, ok = run.stdout.splitlines()
    assert read_command(warning)[0] == "warning"
    assert read_command(error) == ("error", {"file": str(path), "line": "2", "col": "20", "endLine": "2",
                                             "endColumn": "22", "title": "rk unknown-name"},
                                   "unknown name `nsp`\nhint: did you mean `nps`?")
    assert ok == f"{EXAMPLE}: ok: 9 goals, 2 facts, 2 metrics, 15 deliverables"
    assert rk("check", "--format", "github", EXAMPLE).exit == 0


def test_check_json_is_one_object_of_every_file_and_problem(rk: Rk, tmp_path: Path) -> None:
    path = tmp_path / "c.rk"
    path.write_text(BROKEN, encoding="utf-8")
    run = rk("check", "--format", "json", path, EXAMPLE, tmp_path / "absent.rk")
    assert run.exit == 1
    assert run.stderr == ""
    data = json.loads(run.stdout)
    assert (data["errors"], data["warnings"]) == (2, 1)
    broken, example, absent = data["files"]
    assert (broken["file"], broken["ok"], broken["counts"]) == (str(path), False, None)
    assert broken["problems"][1] == {
        "code": "unknown-name", "severity": "error", "message": "unknown name `nsp`",
        "hint": "did you mean `nps`?",
        "file": str(path), "line": 2, "column": 20, "end": {"line": 2, "column": 23}}
    assert example == {"file": str(EXAMPLE), "ok": True, "problems": [],
                       "counts": {"goals": 9, "facts": 2, "metrics": 2, "deliverables": 15}}
    assert absent["problems"][0]["message"].startswith("cannot read the contract:")
    assert json.loads(rk("check", "--format", "json", EXAMPLE).stdout)["errors"] == 0


def test_a_problem_without_a_place_is_data_with_nulls() -> None:
    assert problem_data(problem("facts.text-not-utf8", hint="facts.not-utf8")) == {
        "code": "facts.text-not-utf8", "severity": "error", "message": "the facts are not UTF-8 text",
        "hint": "save the file as UTF-8", "file": None, "line": None, "column": None, "end": None}
