"""`rk lsp` never dies: whatever text an editor sends, every request gets an answer.

Hypothesis mutates the example and the broken contracts (deletions, insertions of random
and awkward characters, duplicated lines), sends each through didChange, and asks hover,
completion, definitions, references, highlights, the outline, semantic tokens and formatting
at random places, past the ends of lines and of the document too. Every answer must be a
result within the document (no error: a request on any text has an answer), and the server
must still serve a good document at the end.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types as lsp

from .conftest import EXAMPLE, ROOT
from .lsp_client import RkClient, changed, hover_text, opened, server_fixture, tokens

client = server_fixture()
pytestmark = pytest.mark.asyncio(loop_scope="module")  # every test, in the loop the server's client runs in

URI = "file:///tmp/hostile.rk"
SEEDS = [EXAMPLE.read_text(encoding="utf-8")] + [
    path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "broken").glob("*.rk"))]
# Characters and pieces that have broken editors' servers before: braces and quotes that open
# and never close, line ends of every kind, letters outside the BMP, combining marks,
# invisible and control characters, a lone surrogate, a byte-order mark, keywords.
AWKWARD = ["{", "}", '"', '"""', "#", "\n", "\r\n", "\r", "æøå", "a\u030a", "😀", "\u200e", "\ufeff",
           "\x00", "\ud800", "\t", "goal ", "fact x: ", "-> ", "%", "(", ")", "score ", " = ", "one of {"]
CHARACTERS = st.characters(codec="utf-8") | st.sampled_from(["\ud800", "\udfff", "\x85", "\u2028"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A contract taken apart: a seed with a few deletions, insertions and duplicated lines."""
    if draw(st.integers(0, 19)) == 0:
        return draw(st.text(CHARACTERS, max_size=200))
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        match draw(st.sampled_from(["delete", "insert", "awkward", "duplicate"])):
            case "delete":
                text = text[:at] + text[at + draw(st.integers(1, 40)):]
            case "insert":
                text = text[:at] + draw(st.text(CHARACTERS, min_size=1, max_size=8)) + text[at:]
            case "awkward":
                text = text[:at] + draw(st.sampled_from(AWKWARD)) + text[at:]
            case "duplicate":
                lines = text.split("\n")
                line = draw(st.integers(0, len(lines) - 1))
                text = "\n".join(lines[:line + 1] + lines[line:])
    return text


def _lines(text: str) -> list[int]:
    """Each line's length in UTF-16 units, as the editor counts lines."""
    import re

    return [len(line.encode("utf-16-le", "surrogatepass")) // 2 for line in re.split(r"\r\n|\r|\n", text)]


def _within(range_: lsp.Range, lengths: list[int]) -> bool:
    start, end = range_.start, range_.end
    return ((start.line, start.character) <= (end.line, end.character) and end.line < len(lengths)
            and start.character <= lengths[start.line] and end.character <= lengths[end.line])


def _positions(lengths: list[int]) -> st.SearchStrategy[lsp.Position]:
    lines = st.integers(0, len(lengths) + 2) | st.just(2**31 - 1)
    return st.builds(lsp.Position, line=lines, character=st.integers(0, 120) | st.just(2**31 - 1))


_opened = False


@given(st.data())
async def test_any_text_gets_answers(client: RkClient, data: st.DataObject) -> None:
    global _opened
    text = data.draw(documents(), label="text")
    if _opened:
        diagnostics = await changed(client, URI, text)
    else:
        diagnostics = await opened(client, URI, text)
        _opened = True
    lengths = _lines(text)
    assert all(_within(d.range, lengths) and d.message and d.source == "rk" for d in diagnostics)
    document = lsp.TextDocumentIdentifier(URI)
    places = data.draw(st.lists(_positions(lengths), min_size=1, max_size=3), label="places")
    asked: list[Awaitable[object]] = []
    for place in places:
        asked += [
            client.text_document_hover_async(lsp.HoverParams(document, place)),
            client.text_document_completion_async(lsp.CompletionParams(document, place)),
            client.text_document_definition_async(lsp.DefinitionParams(document, place)),
            client.text_document_references_async(lsp.ReferenceParams(
                text_document=document, position=place, context=lsp.ReferenceContext(include_declaration=True))),
            client.text_document_document_highlight_async(lsp.DocumentHighlightParams(document, place)),
        ]
    asked += [
        client.text_document_document_symbol_async(lsp.DocumentSymbolParams(document)),
        client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(document)),
        client.text_document_formatting_async(lsp.DocumentFormattingParams(
            document, lsp.FormattingOptions(tab_size=4, insert_spaces=True))),
    ]
    answers = await asyncio.wait_for(asyncio.gather(*asked, return_exceptions=True), 60)
    for answer in answers:
        assert not isinstance(answer, BaseException), answer
        for range_ in _ranges(answer):
            assert _within(range_, lengths), (range_, answer)
    semantic = answers[-2]
    assert isinstance(semantic, lsp.SemanticTokens), semantic
    decoded = tokens(semantic.data, client.legend)
    assert all(length > 0 and character + length <= lengths[line] for line, character, length, _, _ in decoded)
    assert decoded == sorted(decoded)


def _ranges(answer: object) -> list[lsp.Range]:
    """The ranges an answer holds (those of symbols' children too)."""
    match answer:
        case list() | tuple():
            return [r for item in answer for r in _ranges(item)]
        case lsp.Hover(range=range_) | lsp.Location(range=range_) | lsp.DocumentHighlight(range=range_):
            return [range_] if range_ is not None else []
        case lsp.TextEdit(range=range_):
            return [range_]
        case lsp.DocumentSymbol():
            return [answer.range, answer.selection_range] + _ranges(list(answer.children or ()))
        case lsp.CompletionList(items=items):
            return [item.text_edit.range for item in items if isinstance(item.text_edit, lsp.TextEdit)]
    return []


async def test_the_server_still_serves_a_good_document(client: RkClient) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert await opened(client, EXAMPLE.as_uri(), text) == []
    found = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(EXAMPLE.as_uri()), lsp.Position(46, 11)))
    assert hover_text(found).startswith("**metric** nps\n\n= nps(anbefaling)")
