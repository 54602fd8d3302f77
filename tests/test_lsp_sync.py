"""`rk lsp` keeps documents in step with the editor by its ranged changes (incremental sync):
whatever ranges the editor sends (letters outside ASCII, emoji that UTF-16 counts as two
units, `\\r\\n` line ends, edits at the document's end, several changes in one message), the
server's text is the editor's, and its diagnostics those of the same text opened afresh. A
range outside the document is taken as the protocol says, and said in the log."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp

from .conftest import DEEP
from .lsp_client import RkClient, changed_by, opened, server_fixture

client = server_fixture()
pytestmark = pytest.mark.asyncio(loop_scope="module")
URI = "file:///tmp/synced.rk"
FRESH = "file:///tmp/fresh.rk"

SEED = ('fact svar: list of integer in 0 .. 10 "Svar 😀" label "Svar"\r\n'
        'fact åbne: number label "Åbne sager"\r\n'
        'goal 1 "Tilfredshed" {\r\n    score nps(svar) >= 50 -> 100%; >= 30 -> 50%\r\n}\r\n'
        'goal 2 "Sager æøå" {\r\n    score åbne <= 10 -> 100%\r\n}\r\n')


def _offset(text: str, line: int, character: int) -> int:
    """Where a UTF-16 position stands in `text`, as the client counts: written here on its own,
    not with the server's code."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r(?!\n)|\n", text)]
    if line >= len(starts):
        return len(text)
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    body = re.sub(r"[\r\n]+$", "", text[starts[line]:end])
    units = 0
    for index, char in enumerate(body):
        if units >= character:
            return starts[line] + index
        units += 2 if ord(char) > 0xFFFF else 1
    return starts[line] + len(body)


def _position(text: str, offset: int) -> lsp.Position:
    before = text[:offset]
    line = len(re.findall(r"\r\n|\r(?!\n)|\n", before))
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return lsp.Position(line, len(before[start:].encode("utf-16-le", "surrogatepass")) // 2)


def apply(text: str, change: lsp.TextDocumentContentChangePartial) -> str:
    start = _offset(text, change.range.start.line, change.range.start.character)
    end = _offset(text, change.range.end.line, change.range.end.character)
    return text[:start] + change.text + text[end:]


async def sent(client: RkClient, changes: list[lsp.TextDocumentContentChangePartial]) -> list[lsp.Diagnostic]:
    return list(await changed_by(client, URI, changes))


async def same_as_fresh(client: RkClient, text: str, diagnostics: list[lsp.Diagnostic]) -> None:
    """The server holds `text`: its diagnostics and its tokens (every word's place) are those of
    `text` opened afresh."""
    assert diagnostics == list(await opened(client, FRESH, text))
    ours, fresh = [await client.text_document_semantic_tokens_full_async(
        lsp.SemanticTokensParams(lsp.TextDocumentIdentifier(uri))) for uri in (URI, FRESH)]
    assert ours is not None and fresh is not None and ours.data == fresh.data


def change(text: str, start: int, end: int, new: str) -> lsp.TextDocumentContentChangePartial:
    return lsp.TextDocumentContentChangePartial(lsp.Range(_position(text, start), _position(text, end)), new)


async def test_ranged_edits_after_emoji_and_danish_letters_on_crlf_lines(client: RkClient) -> None:
    text = SEED
    await opened(client, URI, text)
    at = text.index(">= 50")
    edits = [change(text, at + 3, at + 5, "60")]  # after an emoji and `å`, on `\r\n` lines
    text = apply(text, edits[0])
    at = text.index("Svar 😀") + len("Svar 😀")
    second = change(text, at, at, " ø😀")  # after a surrogate pair
    text = apply(text, second)
    third = change(text, len(text), len(text), 'goal 3 "Tre" {\r\n    score åbne <= 5 -> 100%\r\n}\r\n')
    text = apply(text, third)  # at the document's end
    await same_as_fresh(client, text, await sent(client, [*edits, second, third]))  # one message, three changes


async def test_a_change_that_joins_lines_and_one_that_ends_inside_an_emoji(client: RkClient) -> None:
    text = SEED
    await opened(client, URI, text)
    at = text.index("}\r\ngoal 2")
    joined = change(text, at + 1, at + 3, "\n\n")  # `\r\n` taken out, `\n\n` put in
    text = apply(text, joined)
    emoji = text.index("😀")
    inside = lsp.TextDocumentContentChangePartial(
        lsp.Range(_position(text, emoji), lsp.Position(_position(text, emoji).line,
                                                       _position(text, emoji).character + 1)), "")
    text = text[:emoji] + text[emoji:]  # inside a character is before it: nothing taken
    await same_as_fresh(client, text, await sent(client, [joined, inside]))


async def test_a_range_outside_the_document_is_clamped_and_said(client: RkClient) -> None:
    await opened(client, URI, SEED)
    lines = len(re.split(r"\r\n|\r|\n", SEED))
    outside = lsp.TextDocumentContentChangePartial(
        lsp.Range(lsp.Position(lines + 5, 3), lsp.Position(lines + 9, 0)), "# slut\n")
    reversed_ = lsp.TextDocumentContentChangePartial(
        lsp.Range(lsp.Position(1, 4), lsp.Position(0, 4)), "")
    past_the_line = lsp.TextDocumentContentChangePartial(
        lsp.Range(lsp.Position(0, 500), lsp.Position(0, 900)), "  # lang linje")
    text = SEED + "# slut\n"
    text = text[:4] + text[_offset(text, 1, 4):]
    first = text.index("\r\n")
    text = text[:first] + "  # lang linje" + text[first:]
    client.log_messages.clear()
    diagnostics = await sent(client, [outside, reversed_, past_the_line])
    await same_as_fresh(client, text, diagnostics)
    said = [message.message for message in client.log_messages]
    assert any("past the document's last line" in message for message in said), said
    assert any("ends before it starts" in message for message in said), said


@st.composite
def edits(draw: st.DrawFn, text: str) -> tuple[str, list[lsp.TextDocumentContentChangePartial]]:
    """A batch of ranged changes, each as the editor sends it, and the text they make."""
    changes = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 30)))
        new = draw(st.sampled_from(["", "x", "æ", "😀", "\r\n", "\n", "}", '"', "goal 9 \"N\" {\n", "1",
                                    "svar", " score åbne <= 2 -> 100%\n"]))
        if re.match(r"[\udc00-\udfff]", text[start:start + 1]) or text[start - 1:start + 1] == "\r\n" or \
                text[end - 1:end + 1] == "\r\n":
            continue  # the editor's own positions never split a character or a line end
        changes.append(change(text, start, end, new))
        text = apply(text, changes[-1])
    return text, changes


@given(st.data())
@settings(max_examples=2000 if DEEP else 10)
async def test_any_ranged_edits_keep_the_servers_text_the_editors(client: RkClient, data: st.DataObject) -> None:
    text = SEED
    await opened(client, URI, text)
    for _ in range(data.draw(st.integers(1, 4 if DEEP else 2))):
        text, changes = data.draw(edits(text))
        if changes:
            await same_as_fresh(client, text, await sent(client, changes))

