"""`rk lsp` keeps to its bounds (issue 20), driven by a real client.

- Edits do not make the server grow.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .conftest import DEEP
from .lsp_client import CAPABILITIES, SERVER, opened

pytestmark = pytest.mark.asyncio(loop_scope="module")  # every test, in the loop the server's client runs in


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
