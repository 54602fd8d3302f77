"""What `rk check` prints besides its text: problems as JSON data, or as GitHub workflow commands.

JSON is for programs (an editor, a dashboard, a review bot), in the shape of the shipped
schema `schema/check.json`. GitHub's format is one workflow command a problem, which a
GitHub Actions run turns into an annotation on the line of the file it names:

    ::error file=kontrakt.rk,line=3,col=21,endLine=3,endColumn=24,title=rk::expected `->`...

Text is `Problem.render`'s, as every other command prints it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..core.errors import Problem

if TYPE_CHECKING:
    from ..core.wording import Wording


class Checked(NamedTuple):
    """One contract as `rk check` found it: where it was read from, its problems (errors and
    warnings, in the order of their places), and what it holds, if it loaded."""

    name: str  # as the command line named it; `<stdin>` for standard input
    problems: tuple[Problem, ...]
    counts: dict[str, int] | None  # goals, facts, metrics, deliverables; None if it has errors

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)


def check_data(checked: Sequence[Checked], w: Wording | None = None) -> dict[str, object]:
    """What `rk check --format json` prints: every file, each with its problems, worded in
    `w`'s language (English without one)."""
    problems = [problem for each in checked for problem in each.problems]
    return {
        "files": [{"file": each.name, "ok": each.ok, "counts": each.counts,
                   "problems": [problem_data(problem, w) for problem in each.problems]} for each in checked],
        "errors": sum(problem.is_error for problem in problems),
        "warnings": sum(not problem.is_error for problem in problems),
    }


def problem_data(problem: Problem, w: Wording | None = None) -> dict[str, object]:
    """A problem as data: every key always there, `null` where it is not known. Lines and
    columns count from 1; `end` is the place just after the problem's text."""
    span = problem.span
    return {
        "code": problem.code,
        "severity": problem.severity,
        "message": problem.message if w is None else problem.message_in(w),
        "hint": problem.hint if w is None else problem.hint_in(w),
        "file": span.source if span is not None else None,
        "line": span.line if span is not None else None,
        "column": span.column if span is not None else None,
        "end": {"line": span.end_line, "column": span.end_column} if span is not None else None,
    }


def github_command(problem: Problem, w: Wording | None = None) -> str:
    """The workflow command that annotates `problem`'s place in a GitHub Actions run: `::error`
    or `::warning`, the place as properties, the message (and the hint, on a line of its own)
    as data. GitHub takes columns only for a place on one line, and counts a range's end
    column as part of it."""
    properties: list[tuple[str, object]] = []
    span = problem.span
    if span is not None:
        properties += [("file", span.source), ("line", span.line)]
        if span.end_line == span.line:
            properties += [("col", span.column), ("endLine", span.end_line),
                           ("endColumn", max(span.column, span.end_column - 1))]
        else:
            properties.append(("endLine", span.end_line))
    properties.append(("title", f"rk {problem.code}" if problem.code else "rk"))
    shown = ",".join(f"{name}={_property(str(value))}" for name, value in properties)
    said, hint = (problem.message, problem.hint) if w is None else (problem.message_in(w), problem.hint_in(w))
    message = said + (f"\nhint: {hint}" if hint else "")
    return f"::{problem.severity} {shown}::{_data(message)}"


def _data(text: str) -> str:
    """A command's message, which ends at the line's end: `%`, CR and LF escaped, as GitHub's
    own toolkit escapes them (`escapeData` in @actions/core)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property's value, which also ends at `,` (the next property) or `:` (the message):
    those escaped too (`escapeProperty` in @actions/core)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
