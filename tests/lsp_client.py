"""Driving `rk lsp` from the tests: a real client (pytest-lsp) over stdin and stdout."""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections.abc import AsyncIterator, Sequence

import pytest_lsp
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features


class RkClient(LanguageClient):
    """pytest-lsp's test client, keeping every set of diagnostics by document and version
    (its own keeps only the last, and its wait for a notification can miss one), and what the
    server said it can do when the session began."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: dict[tuple[str, int | None], Sequence[lsp.Diagnostic]] = {}
        self._server_capabilities: lsp.ServerCapabilities | None = None

        def published(client: RkClient, params: lsp.PublishDiagnosticsParams) -> None:
            client.diagnostics[params.uri] = params.diagnostics
            client.published[params.uri, params.version] = params.diagnostics

        register_lsp_features(self, {**DEFAULT_CLIENT_FEATURES,
                                     lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published})

    async def initialize_session(self, params: lsp.InitializeParams) -> lsp.InitializeResult:
        result = await super().initialize_session(params)
        self._server_capabilities = result.capabilities
        return result

    @property
    def server_capabilities(self) -> lsp.ServerCapabilities:
        """The capabilities the server answered `initialize` with."""
        assert self._server_capabilities is not None, "the session has not been initialised"
        return self._server_capabilities

    @property
    def legend(self) -> lsp.SemanticTokensLegend:
        """The server's names for the kinds and modifiers of semantic tokens."""
        provider = self.server_capabilities.semantic_tokens_provider
        assert provider is not None, "the server offers no semantic tokens"
        return provider.legend


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "resultkontrakt", "lsp"],
                            client_factory=RkClient)
CAPABILITIES = lsp.ClientCapabilities(
    general=lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf16]),
    text_document=lsp.TextDocumentClientCapabilities(
        hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
        document_symbol=lsp.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
        completion=lsp.CompletionClientCapabilities(
            completion_item=lsp.ClientCompletionItemOptions(snippet_support=False)),
        semantic_tokens=lsp.SemanticTokensClientCapabilities(
            requests=lsp.ClientSemanticTokensRequestOptions(full=True), token_types=[], token_modifiers=[],
            formats=[lsp.TokenFormat.Relative]),
    ),
)
_versions = itertools.count(1)


def server_fixture(name: str = "client") -> object:
    """A module-scoped client connected to one `rk lsp`, started once for the module."""

    @pytest_lsp.fixture(scope="module", config=SERVER, name=name)
    async def client(lsp_client: RkClient) -> AsyncIterator[None]:
        await lsp_client.initialize_session(lsp.InitializeParams(capabilities=CAPABILITIES))
        yield
        await lsp_client.shutdown_session()

    return client


async def _published(client: RkClient, uri: str, version: int) -> Sequence[lsp.Diagnostic]:
    """The diagnostics published for `uri` at `version`, once they come."""
    store = client.published
    async with asyncio.timeout(30):
        while (uri, version) not in store:
            await asyncio.sleep(0.001)
    return list(store.pop((uri, version)))


async def opened(client: RkClient, uri: str, text: str) -> Sequence[lsp.Diagnostic]:
    """Open a document (closing it first, if it is open) and wait for its diagnostics."""
    version = next(_versions)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "rk", version, text)))
    return await _published(client, uri, version)


async def changed(client: RkClient, uri: str, text: str) -> Sequence[lsp.Diagnostic]:
    """Replace an open document's text and wait for its diagnostics."""
    version = next(_versions)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [lsp.TextDocumentContentChangeWholeDocument(text=text)]))
    return await _published(client, uri, version)


async def changed_by(client: RkClient, uri: str,
                     changes: Sequence[lsp.TextDocumentContentChangePartial]) -> Sequence[lsp.Diagnostic]:
    """Send ranged changes of an open document in one message and wait for its diagnostics."""
    version = next(_versions)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version=version, uri=uri), list(changes)))
    return await _published(client, uri, version)


def hover_text(hover: lsp.Hover | None) -> str:
    """The Markdown a hover shows (the server answers in Markdown, as the client asks)."""
    assert hover is not None, "no hover"
    assert isinstance(hover.contents, lsp.MarkupContent), hover.contents
    return hover.contents.value


def tokens(
        data: Sequence[int], legend: lsp.SemanticTokensLegend) -> list[tuple[int, int, int, str, set[str]]]:
    """Semantic tokens decoded: (line, character, length, type, modifiers)."""
    found = []
    line = character = 0
    for at in range(0, len(data), 5):
        delta_line, delta, length, kind, modifiers = data[at:at + 5]
        line += delta_line
        character = character + delta if delta_line == 0 else delta
        names = {name for bit, name in enumerate(legend.token_modifiers) if modifiers & (1 << bit)}
        found.append((line, character, length, legend.token_types[kind], names))
    return found
