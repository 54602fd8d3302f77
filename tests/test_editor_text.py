"""A document's text as the editor changes it (`EditorText.edited`): after any ranged edits it is
the text opened afresh, lines, columns and positions alike; and a message of many changes to a
long document reads the lines each change touches, not the whole text once per change."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resultkontrakt.editor import lsp_document
from resultkontrakt.editor.lsp_document import UTF8, UTF16, UTF32, EditorText

from .conftest import EXAMPLE

# Pieces that change how lines are counted and read: every line end, a "\r" that a "\n" after
# it joins into one, letters NFC composes, a byte-order mark, letters outside the BMP.
PIECES = ["", "x", "\n", "\r", "\r\n", "\n\r", "a\u030a", "\u030a", "å", "😀", "\ufeff", "goal ", "\t"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
positions = st.tuples(st.integers(0, 8), st.integers(0, 8))


def seen(document: EditorText) -> tuple[object, ...]:
    """Everything a document says about itself: its texts, lines and the places of each line."""
    places = [(document.to_editor(line, column), document.to_library((line - 1, column - 1)))
              for line in range(1, len(document.raw) + 2) for column in range(1, 6)]
    return document.original, document.raw, document.text, document.end(), document.has_moved_columns(), places


@given(texts, st.lists(st.tuples(positions, positions, texts), min_size=1, max_size=4),
       st.sampled_from([UTF8, UTF16, UTF32]))
def test_a_text_edited_is_the_text_opened_afresh(text: str, edits: list[tuple[tuple[int, int], tuple[int, int], str]],
                                                 encoding: str) -> None:
    document = EditorText(text, encoding)
    for start, end, new in edits:
        document, _ = document.edited(start, end, new)
        assert seen(document) == seen(EditorText(document.original, encoding))


class _CountingLineEnds:
    """The line-end pattern, counting the characters it is asked to look through."""

    def __init__(self) -> None:
        self.read = 0

    def split(self, text: str) -> list[str]:
        self.read += len(text)
        return re.split(r"\r\n|\r|\n", text)

    def findall(self, text: str) -> list[str]:
        self.read += len(text)
        return re.findall(r"\r\n|\r|\n", text)


def test_many_changes_in_one_message_read_the_lines_they_touch(monkeypatch: pytest.MonkeyPatch) -> None:
    text = EXAMPLE.read_text(encoding="utf-8") * 20
    document = EditorText(text)
    counting = _CountingLineEnds()
    monkeypatch.setattr(lsp_document, "_LINE_END", counting)
    changes = 200
    for line in range(changes):  # one keystroke on each of 200 lines, as a multi-cursor edit sends them
        document, _ = document.edited((line * 5, 0), (line * 5, 0), "x")
    assert document.text.count("\n") == text.count("\n")
    # Once through the text (for its lines), and each change's own lines: not 200 times through it.
    assert counting.read < 2 * len(text) + changes * 1000, counting.read / len(text)
