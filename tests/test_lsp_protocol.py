"""`rk lsp` keeps to the protocol and to its bounds (issue 20), driven by a real client.

- A position outside the document gets an answer, and so does one the protocol does not allow
  (a negative line): an empty result or an error, never silence.
- After `shutdown` a request gets InvalidRequest; `exit` ends the process with 0 after
  `shutdown`, with 1 without it.
- Edits do not make the server grow.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from .conftest import DEEP, EXAMPLE
from .lsp_client import CAPABILITIES, SERVER, opened, server_fixture

client = server_fixture()
pytestmark = pytest.mark.asyncio(loop_scope="module")  # every test, in the loop the server's client runs in

TEXT = EXAMPLE.read_text(encoding="utf-8")
QUICKLY = 5  # seconds: a request on any document is answered well within this


def doc(uri: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri)


def _asked_at(client: LanguageClient, uri: str, position: lsp.Position) -> list[Awaitable[object]]:
    """Every request that takes a position, at `position`."""
    document = doc(uri)
    return [
        client.text_document_hover_async(lsp.HoverParams(document, position)),
        client.text_document_completion_async(lsp.CompletionParams(document, position)),
        client.text_document_definition_async(lsp.DefinitionParams(document, position)),
        client.text_document_references_async(lsp.ReferenceParams(
            text_document=document, position=position, context=lsp.ReferenceContext(include_declaration=True))),
        client.text_document_document_highlight_async(lsp.DocumentHighlightParams(document, position)),
    ]


@asynccontextmanager
async def own_server(options: object = None) -> AsyncIterator[LanguageClient]:
    """A server of the test's own, initialised with `options` as its initializationOptions."""
    started = await SERVER.start()
    assert isinstance(started, LanguageClient)
    try:
        result = await started.initialize_session(
            lsp.InitializeParams(capabilities=CAPABILITIES, initialization_options=options))
        started.server_capabilities = result.capabilities
        yield started
    finally:
        if started._server is not None and started._server.returncode is None:
            started._server.kill()
        await started.stop()


# ---- positions --------------------------------------------------------------------------------


async def test_a_position_outside_the_document_gets_an_empty_answer(client: LanguageClient) -> None:
    uri = "file:///tmp/positions.rk"
    await opened(client, uri, TEXT)
    lines = TEXT.split("\n")
    for position in (lsp.Position(len(lines) + 5, 0), lsp.Position(5, len(lines[5]) + 40),
                     lsp.Position(2**31 - 1, 2**31 - 1)):
        answers = await asyncio.wait_for(asyncio.gather(*_asked_at(client, uri, position)), QUICKLY)
        assert answers[0] is None and answers[2] is None and answers[3] is None and answers[4] is None
        assert isinstance(answers[1], lsp.CompletionList)


def _unchecked(line: int, character: int) -> lsp.Position:
    """A position the protocol does not allow (its numbers are 0 to 2**31 - 1), as a client
    might send it: lsprotocol refuses to make one, so it is set behind its back."""
    position = lsp.Position(0, 0)
    object.__setattr__(position, "line", line)
    object.__setattr__(position, "character", character)
    return position


@pytest.mark.parametrize(("line", "character", "said"), [
    (-1, 0, "Position.line should be in range [0:2147483647], but was -1."),
    (0, -3, "Position.character should be in range [0:2147483647], but was -3."),
    (2**31, 0, "Position.line should be in range [0:2147483647], but was 2147483648."),
])
async def test_a_position_the_protocol_does_not_allow_gets_an_error(
        client: LanguageClient, line: int, character: int, said: str) -> None:
    uri = "file:///tmp/positions.rk"
    await opened(client, uri, TEXT)
    for method, ask in (
            ("textDocument/hover", client.text_document_hover_async(
                lsp.HoverParams(doc(uri), _unchecked(line, character)))),
            ("textDocument/completion", client.text_document_completion_async(
                lsp.CompletionParams(doc(uri), _unchecked(line, character))))):
        with pytest.raises(JsonRpcException) as refused:
            await asyncio.wait_for(ask, QUICKLY)
        assert refused.value.code == lsp.ErrorCodes.InvalidParams
        assert refused.value.message == f"{method}: the params are not as the protocol has them: " \
                                        f"{said} (at $.params.position)"
    # and the server goes on
    found = await client.text_document_hover_async(lsp.HoverParams(doc(uri), lsp.Position(46, 11)))
    assert found is not None


async def test_a_notification_the_protocol_does_not_allow_is_said(client: LanguageClient) -> None:
    uri = "file:///tmp/unreadable.rk"
    item = lsp.TextDocumentItem(uri, "rk", 1, TEXT)
    object.__setattr__(item, "version", "one")
    shown = len(client.messages)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(item))
    async with asyncio.timeout(QUICKLY):
        while len(client.messages) == shown:
            await asyncio.sleep(0.001)
    assert [(m.type, m.message) for m in client.messages[shown:]] == [(
        lsp.MessageType.Warning,
        "rk lsp: textDocument/didOpen: the params are not as the protocol has them: "
        "invalid value for type, expected int (at $.params.textDocument.version)")]
    assert await opened(client, uri, TEXT) == []


# ---- shutdown and exit ------------------------------------------------------------------------


async def test_after_shutdown_requests_get_invalid_request_and_exit_ends_with_0() -> None:
    async with own_server() as own:
        uri = "file:///tmp/shutdown.rk"
        await opened(own, uri, TEXT)
        assert await asyncio.wait_for(own.shutdown_async(None), QUICKLY) is None
        for ask in (own.text_document_hover_async(lsp.HoverParams(doc(uri), lsp.Position(46, 11))),
                    own.text_document_hover_async(lsp.HoverParams(doc(uri), _unchecked(-1, 0))),
                    own.shutdown_async(None)):
            with pytest.raises(JsonRpcException) as refused:
                await asyncio.wait_for(ask, QUICKLY)
            assert refused.value.code == lsp.ErrorCodes.InvalidRequest
            assert refused.value.message == "the server has been shut down: it answers no more requests; " \
                                            "send exit to end it"
        own.exit(None)
        assert own._server is not None
        assert await asyncio.wait_for(own._server.wait(), QUICKLY) == 0


async def test_exit_without_shutdown_ends_with_1() -> None:
    async with own_server() as own:
        own.exit(None)
        assert own._server is not None
        assert await asyncio.wait_for(own._server.wait(), QUICKLY) == 1


# ---- memory -----------------------------------------------------------------------------------

# 20,000 edits may grow the server by less than 5 MB; the quick profile makes a twentieth of
# them, with a twentieth of the room. pygls 2.1 kept about 1.9 KB an edit (issue 20: 50 to 88 MB).
EDITS = 20_000 if DEEP else 1_000
ROOM = 5 * 10**6 * EDITS // 20_000
TINY = ("fact a: integer\n", "fact b: integer in 0 .. 9\n")  # two texts, each edit the other one


def _resident(pid: int) -> int:
    """The process's resident memory, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS in /proc/{pid}/status")


async def _edited(client: LanguageClient, uri: str, first: int, count: int) -> None:
    """`count` edits, versions `first` on, sent without waiting; then the last one's diagnostics."""
    for version in range(first, first + count):
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [lsp.TextDocumentContentChangeWholeDocument(text=TINY[version % 2])]))
    last = first + count - 1
    async with asyncio.timeout(60):
        while (uri, last) not in client.published:
            await asyncio.sleep(0.001)
    client.published.clear()


async def test_edits_do_not_make_the_server_grow() -> None:
    async with own_server() as own:
        assert own._server is not None
        uri = "file:///tmp/edited.rk"
        await opened(own, uri, TINY[0])
        await _edited(own, uri, 1, 100)  # what is made once (caches, the heap's first arenas) is made
        before = _resident(own._server.pid)
        await _edited(own, uri, 101, EDITS)
        grown = _resident(own._server.pid) - before
        assert grown < ROOM, f"{EDITS} edits grew the server by {grown} bytes"
