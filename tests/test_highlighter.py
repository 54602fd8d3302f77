"""Semantic tokens kept by declaration, from one version of a document to the next, are the
tokens of the whole text: whatever the edits, in each position encoding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resultkontrakt.editor.lsp_document import EditorText, Highlighter, semantic_tokens

from .conftest import DEEP
from .test_incremental import TEXTS, TYPED


@given(st.sampled_from(sorted(TEXTS)), st.sampled_from(["utf-16", "utf-8", "utf-32"]), st.lists(st.tuples(
    st.floats(0, 1), st.sampled_from([*TYPED, "😀", "x goal\n", "a\u030a", "\ufeff"]), st.integers(0, 20)),
    min_size=1, max_size=4))
@settings(max_examples=2000 if DEEP else 8)
def test_tokens_kept_by_declaration_are_the_tokens_of_the_whole(
        name: str, encoding: str, edits: list[tuple[float, str, int]]) -> None:
    text = TEXTS[name]
    highlighter = Highlighter()
    assert highlighter.tokens(EditorText(text, encoding)) == semantic_tokens(EditorText(text, encoding))
    for where, typed, length in edits:
        at = int(where * len(text))
        text = text[:at] + typed + text[at + length:]
        document = EditorText(text, encoding)
        assert highlighter.tokens(document) == semantic_tokens(document)


def test_goal_after_a_number_at_a_declarations_end_is_lexed_with_the_next() -> None:
    """The lexer reads `2goal` as the number 2 and the keyword `goal`, which takes the next
    line's first word for its id: a declaration ending so is not lexed alone."""
    for end in ("2goal", "2 goal", "50%goal", "2024-01-01goal", "xgoal"):
        document = EditorText(f"metric m = {end}\nmetric n = m + 1\n")
        assert Highlighter().tokens(document) == semantic_tokens(document), end
