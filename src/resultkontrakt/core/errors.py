"""One error hierarchy for everything a user can get wrong.

Every problem carries where it is (a span in a contract, or a place in a facts
file), what is wrong, and, where one helps, how to fix it. Problems are data:
checks collect them all before anything is raised, so a user sees every
mistake in one run rather than one per run. What is wrong is a reason code and
its parameters; the words, in English or Danish, are made only when asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

if TYPE_CHECKING:
    from .wording import Wording

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

    A problem is a reason `code` with its `params`, as data: nothing is worded while
    checking. Its words come from the phrase tables (wording.py: `problem.CODE`, and
    `hint.CODE` or the hint the param `hint` names) when asked for, in any language:
    `message_in(w)` and `hint_in(w)`; `message` and `hint` are the English ones.
    """

    severity: Severity
    code: str
    span: Span | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def message(self) -> str:
        """What is wrong, in English, as `rk check` prints it."""
        return self.message_in(_english())

    @property
    def hint(self) -> str | None:
        """How to fix it, in English, if there are words for that."""
        return self.hint_in(_english())

    def message_in(self, w: Wording) -> str:
        """What is wrong, in `w`'s language (in English where a wording of one's own lacks the
        words; as its bare code where no table has them, rather than fail while reporting)."""
        key = f"problem.{self.code}"
        if not w.has(key):
            w = _english()
            if not w.has(key):
                return self.code
        named = dict(self.params)
        counted = named.get("more", named.get("count"))
        return w.phrase(key, counted if isinstance(counted, int) else None, **self._said(w))

    def hint_in(self, w: Wording) -> str | None:
        """How to fix it, in `w`'s language; a problem about something inside (a fact's value)
        without a hint of its own says how to fix what is inside."""
        named = dict(self.params)
        chosen = named.get("hint") or self.code
        if w.has(f"hint.{chosen}"):
            return w.phrase(f"hint.{chosen}", **self._said(w))
        inner = named.get("problem")
        return inner.hint_in(w) if isinstance(inner, Problem) else None

    def in_words(self, w: Wording) -> str:
        """As a parameter of another problem: its message."""
        return self.message_in(w)

    def _said(self, w: Wording) -> dict[str, str]:
        return {name: w.param(value) for name, value in self.params if name != "hint"}

    def render(self, text: str | None = None, w: Wording | None = None) -> str:
        """`FILE:LINE:COL: error: MESSAGE`, the source line, a caret, a hint; in English unless
        another wording is given (`fejl: ...`, `tip: ...`).

        Whatever a file held, control characters come out as escapes (`\\x1b`), so
        the text can go to a terminal, and be printed by a program, as it is.
        """
        from .escape import terminal

        w = w or _english()
        where = f"{self.span}: " if self.span else ""
        lines = [f"{where}{w[f'label.{self.severity}']}: {self.message_in(w)}"]
        if self.span is not None and text is not None:
            lines.extend(_excerpt(text, self.span))
        hint = self.hint_in(w)
        if hint:
            lines.append(f"  {w['label.hint']}: {hint}")
        return terminal("\n".join(lines))

    def to_dict(self, w: Wording | None = None) -> dict[str, object]:
        w = w or _english()
        out: dict[str, object] = {"severity": self.severity, "message": self.message_in(w)}
        if self.span is not None:
            out.update(file=self.span.source, line=self.span.line, column=self.span.column)
        hint = self.hint_in(w)
        if hint:
            out["hint"] = hint
        return out


def _english() -> Wording:
    # The phrase tables are read only when a problem is put into words: a contract that
    # loads without a problem never needs them.
    from .wording import ENGLISH

    return ENGLISH


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

    def render(self, w: Wording | None = None) -> str:
        """Every problem, with its excerpt, in English unless another wording is given."""
        return "\n".join(
            p.render(self.sources.get(p.span.source) if p.span else None, w) for p in self.problems
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


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The known name closest to `name`, if one is close enough: for the hint "did you mean"
    (`hint="suggest", suggestion=...`), worded where the problem is."""
    if len(name) > SUGGEST_LENGTH:
        return None
    import difflib  # only when there is a mistake to explain: keeps start-up short

    pool = sorted({c for c in candidates if isinstance(c, str) and len(c) <= SUGGEST_LENGTH})
    if len(pool) > SUGGEST_CANDIDATES:
        pool = sorted(pool, key=lambda c: (abs(len(c) - len(name)), c))[:SUGGEST_CANDIDATES]
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return close[0] if close else None
