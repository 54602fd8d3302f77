"""`rk lsp` keeps to the protocol and to its bounds (issue 20), driven by a real client.

- A document larger than the limit is not checked as you type: one diagnostic says so at once,
  and every request on it answers at once, empty.
- A position outside the document gets an answer, and so does one the protocol does not allow
  (a negative line): an empty result or an error, never silence.
- After `shutdown` a request gets InvalidRequest; `exit` ends the process with 0 after
  `shutdown`, with 1 without it.
- Edits do not make the server grow.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException

from resultkontrakt.editor.lsp import MAX_DOCUMENT_BYTES, document_limit, language

from .conftest import DEEP, EXAMPLE
from .lsp_client import CAPABILITIES, SERVER, RkClient, changed, hover_text, opened, server_fixture

client = server_fixture()
pytestmark = pytest.mark.asyncio(loop_scope="module")  # every test, in the loop the server's client runs in

TEXT = EXAMPLE.read_text(encoding="utf-8")
MiB = 2**20
QUICKLY = 5  # seconds: a request on any document is answered well within this


def doc(uri: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri)


def _padded(size: int, text: str = TEXT) -> str:
    """`text` with a comment added that makes it `size` bytes in UTF-8."""
    missing = size - len(text.encode("utf-8")) - len("\n# \n")
    assert missing >= 0
    return text + "\n# " + "x" * missing + "\n"


def _asked_at(client: RkClient, uri: str, position: lsp.Position) -> list[Awaitable[object]]:
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


def _requests(client: RkClient, uri: str, position: lsp.Position) -> list[Awaitable[object]]:
    """Every request the server answers, at `position` where they take one."""
    document = doc(uri)
    return _asked_at(client, uri, position) + [
        client.text_document_document_symbol_async(lsp.DocumentSymbolParams(document)),
        client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(document)),
        client.text_document_formatting_async(lsp.DocumentFormattingParams(
            document, lsp.FormattingOptions(tab_size=4, insert_spaces=True))),
    ]


def _empty(answer: object) -> bool:
    match answer:
        case None | []:
            return True
        case lsp.CompletionList(items=items):
            return not items
        case lsp.SemanticTokens(data=data):
            return not data
    return False


@asynccontextmanager
async def own_server(options: object = None, locale: str | None = None) -> AsyncIterator[RkClient]:
    """A server of the test's own, initialised with `options` as its initializationOptions, for
    an editor in `locale`."""
    started = await SERVER.start()
    assert isinstance(started, RkClient)
    try:
        await started.initialize_session(
            lsp.InitializeParams(capabilities=CAPABILITIES, initialization_options=options, locale=locale))
        yield started
    finally:
        if started._server is not None and started._server.returncode is None:
            started._server.kill()
        await started.stop()


# ---- a document too large to check as you type ------------------------------------------------


async def test_a_document_over_the_limit_is_answered_at_once(client: RkClient) -> None:
    uri = "file:///tmp/large.rk"
    size = 5 * MiB if DEEP else MiB + 1
    begun = time.monotonic()
    diagnostics = await asyncio.wait_for(opened(client, uri, _padded(size)), QUICKLY)
    assert len(diagnostics) == 1
    found = diagnostics[0]
    assert found.severity == lsp.DiagnosticSeverity.Warning and found.source == "rk"
    assert found.code == "lsp.too-large"
    assert found.range == lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
    assert found.message == (
        f"this document is too large to check as you type: {size} bytes, and the limit is 1048576 bytes "
        "(1 MiB)\nhint: run `rk check` on the file, or raise the limit in the settings the editor starts "
        "rk lsp with: \"initializationOptions\": {\"maxDocumentBytes\": "
        f"{6_000_000 if DEEP else 2_000_000}}} (see docs/editors.md)")
    answers = await asyncio.wait_for(asyncio.gather(*_requests(client, uri, lsp.Position(20, 8))), QUICKLY)
    assert all(_empty(answer) for answer in answers), answers
    assert time.monotonic() - begun < QUICKLY
    # Cut down below the limit, it is checked again.
    assert await changed(client, uri, TEXT) == []
    hover = await client.text_document_hover_async(lsp.HoverParams(doc(uri), lsp.Position(46, 11)))
    assert hover_text(hover).startswith("**metric** nps")


async def test_the_limit_is_set_in_initialization_options_and_counts_bytes() -> None:
    async with own_server({"maxDocumentBytes": 20_000}) as own:
        uri = "file:///tmp/limited.rk"
        # 20,000 bytes, though fewer characters: `æ` is two bytes in UTF-8.
        at_the_limit = _padded(20_000, TEXT + "# " + "æ" * 4_000 + "\n")
        assert len(at_the_limit) < 20_000 == len(at_the_limit.encode("utf-8"))
        assert await opened(own, uri, at_the_limit) == []
        over = await changed(own, uri, at_the_limit + " ")
        assert [d.message.split("\n")[0] for d in over] == [
            "this document is too large to check as you type: 20001 bytes, and the limit is 20000 bytes "
            "(19.5 KiB)"]
        assert "{\"maxDocumentBytes\": 1000000}" in over[0].message
        answers = await asyncio.wait_for(asyncio.gather(*_requests(own, uri, lsp.Position(46, 11))), QUICKLY)
        assert all(_empty(answer) for answer in answers), answers
        assert own.messages == []


async def test_a_limit_that_is_not_a_number_of_bytes_is_said_and_the_default_kept() -> None:
    async with own_server({"maxDocumentBytes": "2M"}) as own:
        assert await opened(own, "file:///tmp/default-limit.rk", _padded(MiB)) == []
        over = await changed(own, "file:///tmp/default-limit.rk", _padded(MiB + 1))
        assert [d.code for d in over] == ["lsp.too-large"]
        assert [(m.type, m.message) for m in own.messages] == [(
            lsp.MessageType.Warning,
            'rk lsp: the setting maxDocumentBytes is the text "2M", not a whole number of bytes above 0; '
            "documents of up to 1048576 bytes (1 MiB) are checked as you type\n"
            'hint: write a whole number of bytes, e.g. "maxDocumentBytes": 5000000')]


@pytest.mark.parametrize(("given", "got"), [(0, "0"), (-5, "-5"), ("big", 'the text "big"'), (True, "true"),
                                            (1.5, "1.5"), ([], "a list")])
async def test_each_limit_that_is_not_a_number_of_bytes_is_named(given: object, got: str) -> None:
    limit, problem = document_limit({"maxDocumentBytes": given})
    assert limit == MAX_DOCUMENT_BYTES
    assert problem is not None and problem.message.startswith(f"the setting maxDocumentBytes is {got}, not ")


@pytest.mark.parametrize(("options", "limit"), [
    (None, MAX_DOCUMENT_BYTES), ({}, MAX_DOCUMENT_BYTES), ({"maxDocumentBytes": None}, MAX_DOCUMENT_BYTES),
    ("other", MAX_DOCUMENT_BYTES), ({"maxDocumentBytes": 5}, 5), ({"maxDocumentBytes": 2e6}, 2_000_000)])
async def test_a_limit_that_is_a_number_of_bytes_is_taken(options: object, limit: int) -> None:
    assert document_limit(options) == (limit, None)


# ---- the language diagnostics are said in -----------------------------------------------------

BROKEN = 'fact nps: number\ngoal 1 "Tilfredshed" { score nsp >= 60 -> 100% }\n'


async def test_an_editor_in_danish_gets_its_diagnostics_in_danish() -> None:
    async with own_server(locale="da-DK") as own:
        found = await opened(own, "file:///tmp/dansk.rk", BROKEN)
        assert [(d.code, d.severity, d.message) for d in found] == [
            ("unused.fact", lsp.DiagnosticSeverity.Warning,
             "faktum `nps` er erklæret, men intet mål bruger det\ntip: brug det i en `score` eller et nøgletal, "
             "eller fjern det"),
            ("unknown-name", lsp.DiagnosticSeverity.Error, "ukendt navn `nsp`\ntip: mente du `nps`?")]
        assert own.messages == []


async def test_the_language_in_initialization_options_wins_over_the_editors() -> None:
    async with own_server({"language": "en"}, locale="da") as own:
        found = await opened(own, "file:///tmp/english.rk", BROKEN)
        assert [d.message for d in found][-1] == "unknown name `nsp`\nhint: did you mean `nps`?"


async def test_a_language_rk_does_not_speak_is_said_and_the_editors_kept() -> None:
    async with own_server({"language": "fr"}, locale="da") as own:
        found = await opened(own, "file:///tmp/fransk.rk", BROKEN)
        assert [d.message for d in found][-1] == "ukendt navn `nsp`\ntip: mente du `nps`?"
        assert [(m.type, m.message) for m in own.messages] == [(
            lsp.MessageType.Warning,
            'rk lsp: indstillingen language er teksten "fr", ikke et sprog, rk taler: en, da\n'
            'tip: fx "language": "da"')]


@pytest.mark.parametrize(("options", "locale", "lang"), [
    (None, None, "en"), (None, "da", "da"), (None, "da-DK", "da"), (None, "da_DK", "da"), (None, "DA", "da"),
    (None, "en-US", "en"), (None, "fr", "en"), (None, "", "en"), ({"language": "da"}, None, "da"),
    ({"language": "da-DK"}, "en", "da"), ({"language": "en"}, "da", "en"), ({"language": None}, "da", "da"),
    ("other", "da", "da")])
async def test_the_language_is_the_options_else_the_editors_else_english(
        options: object, locale: str | None, lang: str) -> None:
    found, wrong = language(options, locale)
    assert (found.lang, wrong) == (lang, None)


@pytest.mark.parametrize(("given", "got"), [("fr", 'the text "fr"'), (1, "1"), (["da"], "a list"), ("", 'the text ""')])
async def test_each_language_rk_does_not_speak_is_named(given: object, got: str) -> None:
    found, wrong = language({"language": given}, None)
    assert found.lang == "en"
    assert wrong is not None and wrong.message == (
        f"the setting language is {got}, not a language rk speaks: en, da")


# ---- positions --------------------------------------------------------------------------------


async def test_a_position_outside_the_document_gets_an_empty_answer(client: RkClient) -> None:
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
        client: RkClient, line: int, character: int, said: str) -> None:
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


async def test_a_notification_the_protocol_does_not_allow_is_said(client: RkClient) -> None:
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
        answer: object = await asyncio.wait_for(own.shutdown_async(None), QUICKLY)
        assert answer is None  # shutdown is answered with null
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


async def _edited(client: RkClient, uri: str, first: int, count: int) -> None:
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


async def test_edits_do_not_make_the_server_grow(client: RkClient) -> None:
    # The module's server, as an editor's is after a while: its own document is edited alone.
    assert client._server is not None
    uri = "file:///tmp/edited.rk"
    await opened(client, uri, TINY[0])
    await _edited(client, uri, 1, 100)  # what is made once (caches, the heap's first arenas) is made
    before = _resident(client._server.pid)
    await _edited(client, uri, 101, EDITS)
    grown = _resident(client._server.pid) - before
    assert grown < ROOM, f"{EDITS} edits grew the server by {grown} bytes"
