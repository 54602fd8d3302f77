"""Whether a signed document still says what the rules say: its drafted terms, read back
(reading.py), against the terms drafted from the `.rk` file now.

Each term is compared by its mark, as words: whitespace is no difference (a run of
spaces, a non-breaking space for a normal one, a line or paragraph broken
elsewhere, spaces at the end), and text added by hand outside the marks is not
read at all. Three differences are found, as data (`Difference`):

- `changed`: the term reads otherwise, with the words that differ (`60 → 65`);
- `not-in-document`: a term of the rules that the document lacks (added to the
  rules since the document was drafted, or deleted from the document);
- `not-in-rules`: a term of the document that the rules no longer have.

`said` words them in English or Danish, `as_json` gives them as plain data. A
check with differences, or of a document that is refused, exits 1 (`exit_code`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

import attrs

from ..core.escape import terminal
from ..core.vocabulary import shortened
from ..core.wording import Wording

Kind = Literal["changed", "not-in-document", "not-in-rules"]
KINDS: tuple[Kind, ...] = ("changed", "not-in-document", "not-in-rules")


@attrs.frozen
class Change:
    """Words that differ within a term: those the rules draft, and those the document says
    instead ("" where one side has none: words added or left out)."""

    drafted: str
    signed: str


@attrs.frozen
class Difference:
    """A term of the signed document that differs from the rules, by its mark."""

    kind: Kind
    mark: str  # rk_goal_…: the bookmark's name
    title: str  # what a reader calls the term ("Mål 1: …"), or "" where the rules do not say
    signed: str | None  # the term's text in the document; None where it is not there
    drafted: str | None  # the term's text as the rules draft it now; None where they have none
    changes: tuple[Change, ...] = ()  # for `changed`: the words that differ, in the text's order


# A word, a number as it is written (60, 1.000.000, 12,5) or one mark of punctuation: `60.` at a
# sentence's end is the number 60 and a full stop, so a changed number shows as `60 → 65`.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")


@attrs.frozen
class _Words:
    """A term's text with its whitespace made alike, and its words, each with where it stands."""

    text: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def between(self, first: int, last: int) -> str:
        """The text of words `first` to `last` (not included), as written, whitespace alike."""
        return self.text[self.spans[first][0]:self.spans[last - 1][1]] if last > first else ""


def words(text: str) -> _Words:
    """A term's words: whitespace of every kind (spaces, non-breaking spaces, tabs, breaks)
    separates them and is otherwise no difference; NFC, so a letter written as two code
    points is the letter."""
    alike = " ".join(unicodedata.normalize("NFC", text).split())
    found = list(_TOKEN.finditer(alike))
    return _Words(alike, tuple(match.group() for match in found), tuple(match.span() for match in found))


def compare_terms(signed: Mapping[str, str], drafted: Mapping[str, str],
                  titles: Mapping[str, str]) -> list[Difference]:
    """The terms that differ: in the order the rules draft them, then those only the
    document has, in its order."""
    found: list[Difference] = []
    for mark, text in drafted.items():
        title = titles.get(mark, "")
        if mark not in signed:
            found.append(Difference("not-in-document", mark, title, None, text))
            continue
        changes = _changes(words(text), words(signed[mark]))
        if changes:
            found.append(Difference("changed", mark, title, signed[mark], text, changes))
    for mark, text in signed.items():
        if mark not in drafted:
            found.append(Difference("not-in-rules", mark, titles.get(mark, ""), text, None))
    return found


def _changes(drafted: _Words, signed: _Words) -> tuple[Change, ...]:
    if drafted.tokens == signed.tokens:
        return ()
    # Every word is weighed alike: with autojunk, a word in more than 1 % of a long term's
    # words (`og`, `at`) would be left out of the matching, and whole sentences shown changed.
    matcher = difflib.SequenceMatcher(None, drafted.tokens, signed.tokens, autojunk=False)
    return tuple(Change(drafted.between(a, b), signed.between(c, d))
                 for tag, a, b, c, d in matcher.get_opcodes() if tag != "equal")


def exit_code(differences: Sequence[Difference]) -> int:
    """0 when the document says what the rules say; 1 for differences (and for a refused
    document, which `read_terms` raises as DraftError)."""
    return 1 if differences else 0


# ---- in words ------------------------------------------------------------------------------


def said(differences: Sequence[Difference], w: Wording) -> str:
    """The differences for a terminal, in `w`'s language: each term by its title, what changed
    (`60 → 65`), what the rules say and what the document says; then a summary line."""
    if not differences:
        return w["draft.check.same"]
    lines: list[str] = []
    for difference in differences:
        title = terminal(_title(difference, w))
        lines.append(w.phrase(f"draft.check.{difference.kind}", title=title))
        for change in difference.changes:
            lines.append("  " + terminal(_change(change, w)))
        for key, text in (("rules", difference.drafted), ("document", difference.signed)):
            if text is not None:
                lines.append(f"  {w[f'draft.check.{key}']}")
                lines.extend(f"    {terminal(line)}" for line in (text.split("\n") if text.strip() else ["–"]))
        lines.append("")
    counts = Counter(difference.kind for difference in differences)
    summary = w.phrase("draft.check.summary", len(differences), count=len(differences))
    parts = [w.phrase(f"draft.check.count.{kind}", count=counts[kind]) for kind in KINDS if counts[kind]]
    lines.append(f"{summary}: {', '.join(parts)}.")
    return "\n".join(lines)


def _change(change: Change, w: Wording) -> str:
    if not change.signed:
        return w.phrase("draft.check.left-out", drafted=change.drafted)
    if not change.drafted:
        return w.phrase("draft.check.added", signed=change.signed)
    return f"{change.drafted} → {change.signed}"


def _title(difference: Difference, w: Wording) -> str:
    """The term as a reader calls it: its title in the rules; for a term the rules no longer
    have, its first line in the document, which is its heading as drafted."""
    if difference.title:
        return difference.title
    text = difference.signed or difference.drafted or ""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return shortened(" ".join(first.split()), 80) if first else w["draft.check.term"]


def as_json(differences: Sequence[Difference], w: Wording) -> list[dict[str, object]]:
    """The differences as plain data: each with its kind, mark, title (as `said` names it), both
    texts (null where a side has none) and the words that changed."""
    return [{"kind": difference.kind, "mark": difference.mark, "title": _title(difference, w),
             "document": difference.signed, "rules": difference.drafted,
             "changes": [{"rules": change.drafted, "document": change.signed} for change in difference.changes]}
            for difference in differences]
