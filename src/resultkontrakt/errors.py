"""One error hierarchy for everything a user can get wrong.

Every problem carries where it is (a span in a contract, or a place in a facts
file), what is wrong, and, where one helps, how to fix it. Problems are data:
checks collect them all before anything is raised, so a user sees every
mistake in one run rather than one per run.
"""

from __future__ import annotations

import attrs

import functools
from collections.abc import Iterable, Sequence
from typing import Literal


Severity = Literal["error", "warning"]


@attrs.frozen
class Span:
    """A place in a source text: 1-based line and column, end exclusive."""

    source: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, source: str, line: int, column: int) -> Span:
        return cls(source, line, column, line, column + 1)

    @classmethod
    def of_bad_byte(cls, source: str, data: bytes, error: UnicodeDecodeError) -> Span:
        """Where the first byte that is not UTF-8 stands in `data`."""
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return cls.point(source, line, column)

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.column}"


@attrs.frozen
class Problem:
    """One thing wrong (or suspicious) in a contract or a facts file.

    `message` and `hint` are in English, for the command line; where a
    problem has a `code`, with its `params`, a report can say it in another
    language (explain.problem_text).
    """

    severity: Severity
    message: str
    span: Span | None = None
    hint: str | None = None
    code: str | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def render(self, text: str | None = None) -> str:
        """`FILE:LINE:COL: error: MESSAGE`, the source line, a caret, a hint.

        Whatever a file held, control characters come out as escapes (`\\x1b`), so
        the text can go to a terminal, and be printed by a program, as it is.
        """
        from .escape import terminal

        where = f"{self.span}: " if self.span else ""
        lines = [f"{where}{self.severity}: {self.message}"]
        if self.span is not None and text is not None:
            lines.extend(_excerpt(text, self.span))
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return terminal("\n".join(lines))

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"severity": self.severity, "message": self.message}
        if self.span is not None:
            out.update(file=self.span.source, line=self.span.line, column=self.span.column)
        if self.hint:
            out["hint"] = self.hint
        return out


@functools.lru_cache(maxsize=8)
def _lines(text: str) -> tuple[str, ...]:
    """The lines of a text, split once for all its problems' excerpts."""
    return tuple(text.split("\n"))  # as the parser counts lines; splitlines() knows more breaks


def _excerpt(text: str, span: Span) -> list[str]:
    lines = _lines(text)
    if not 1 <= span.line <= len(lines):
        return []
    # Tabs would shift the caret; show the line with tabs as single spaces.
    source_line = lines[span.line - 1].replace("\t", " ")
    if len(source_line) > 200:  # keep the excerpt readable for minified input
        start = max(0, span.column - 80)
        source_line = source_line[start : start + 160]
        column = span.column - start
    else:
        column = span.column
    width = 1
    if span.end_line == span.line and span.end_column > span.column:
        width = min(span.end_column - span.column, max(1, len(source_line) - column + 1))
    return [f"  {source_line}", f"  {' ' * (column - 1)}{'^' * width}"]


class RkError(Exception):
    """Anything wrong with a contract or its facts. Holds every problem found."""

    def __init__(self, problems: Sequence[Problem], sources: dict[str, str] | None = None):
        self.problems = tuple(problems)
        self.sources = dict(sources or {})
        super().__init__()

    def __str__(self) -> str:
        # Made when asked for: an editor loading a contract with thousands of problems reads
        # them as data, and never needs their excerpts.
        return self.render()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def render(self) -> str:
        return "\n".join(
            p.render(self.sources.get(p.span.source) if p.span else None) for p in self.problems
        )


class RkSyntaxError(RkError):
    """The text is not a contract: it does not follow the grammar."""


class ContractError(RkError):
    """The contract parses but is wrong: unknown names, duplicates, types."""


class FactsError(RkError):
    """A facts file or value cannot be read or does not fit its declaration."""


class FormatError(RkError):
    """`rk fmt` would print a text that does not read back as the same contract."""


# "Did you mean" compares names of up to this many characters, with at most this
# many candidates of the closest lengths: a suggestion must never cost more than
# the mistake it explains, whatever a stranger's file holds.
SUGGEST_LENGTH = 100
SUGGEST_CANDIDATES = 200


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest known name, if one is close enough."""
    if len(name) > SUGGEST_LENGTH:
        return None
    import difflib  # only when there is a mistake to explain: keeps start-up short

    pool = sorted({c for c in candidates if isinstance(c, str) and len(c) <= SUGGEST_LENGTH})
    if len(pool) > SUGGEST_CANDIDATES:
        pool = sorted(pool, key=lambda c: (abs(len(c) - len(name)), c))[:SUGGEST_CANDIDATES]
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None
