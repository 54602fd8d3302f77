"""`rk lsp`: the language server editors talk to, over standard input and output.

Only the protocol is here, through pygls (the `lsp` extra; no other module imports it). What
the server knows is elsewhere: `lsp_document.py` reads a document (positions, problems kept
through a syntax error, highlighting, layout) and `navigate.py` answers questions about its
names (definitions, uses, hover, outline, completion).

Documents are synchronised incrementally: the editor sends each change as a range and the text
that replaces it, and the server applies it to the text it keeps (`EditorText.edited`, in the
position encoding agreed at `initialize`; a range outside the document is clamped as the
protocol says, and said in the log). After each change the document is read again, but only the
declarations the change touched are parsed (`IncrementalLoader`) and only the goals it can
change are checked (`GoalMemo`); its problems, word for word those of `rk check`, are published.
A document larger than the limit (`MAX_DOCUMENT_BYTES`, or what the editor sets in
`initializationOptions`) is not read: one warning says so, and requests on it get empty answers.

pygls is repaired where it breaks the protocol or grows without end (`RkProtocol`).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

import attrs
import cattrs
from cattrs.v import format_exception
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.protocol.json_rpc import RPCRequest

from ..core.errors import Problem, Span
from ..core.escape import visible
from ..core.files import size_text
from ..core.reasons import describe, problem
from ..core.wording import ENGLISH, WORDINGS, Wording
from .incremental import IncrementalLoader
from .lsp_document import (
    TOKEN_MODIFIERS,
    TOKEN_TYPES,
    Checked,
    EditorText,
    Highlighter,
    Position,
    declaration_at,
    formatted,
    internal,
)
from .navigate import Candidate, Declaration, Index, Outline, complete

NAME = "rk"
logger = logging.getLogger(__name__)

# A larger document is not checked as you type. Reading one costs about 4 s a MiB, and far more
# with errors in it (a 5 MiB contract took 21 s before its first problems, 270 s with unknown
# names in it, and 600 MiB), while the editor waits for every answer; contracts are 10-20 KiB.
# `rk check` reads larger files.
MAX_DOCUMENT_BYTES = 2**20
LIMIT_OPTION = "maxDocumentBytes"  # the key in `initializationOptions` that sets another limit
# The key in `initializationOptions` that sets the language of diagnostics; without it, the
# language is the editor's (`locale` in `initialize`), if rk speaks it, else English.
LANGUAGE_OPTION = "language"

_SYMBOLS = {"contract": lsp.SymbolKind.Namespace, "fact": lsp.SymbolKind.Variable,
            "metric": lsp.SymbolKind.Function, "payment": lsp.SymbolKind.Constant,
            "goal": lsp.SymbolKind.Class, "deliverable": lsp.SymbolKind.Field,
            "split": lsp.SymbolKind.Struct, "example": lsp.SymbolKind.Method}
_COMPLETIONS = {"fact": lsp.CompletionItemKind.Variable, "metric": lsp.CompletionItemKind.Value,
                "deliverable": lsp.CompletionItemKind.Event, "payment": lsp.CompletionItemKind.Constant,
                "bound": lsp.CompletionItemKind.Variable, "function": lsp.CompletionItemKind.Function,
                "keyword": lsp.CompletionItemKind.Keyword, "choice": lsp.CompletionItemKind.EnumMember,
                "goal": lsp.CompletionItemKind.Module, "field": lsp.CompletionItemKind.Field}
# The order completions are listed in: what fits the place first, keywords last.
_ORDER = ("field", "choice", "goal", "bound", "fact", "metric", "deliverable", "payment", "function", "keyword")


class Open:
    """An open document: its text as the editor holds it, and what checking it found."""

    def __init__(self, uri: str, document: EditorText, loader: IncrementalLoader):
        self.uri = uri
        self.source = _file_name(uri)
        self.document = document
        self.checked = Checked(self.document.text, self.source, loader.loads)
        self.tokens: list[int] | None = None  # its semantic tokens, once asked for

    def range(self, span: Span | None) -> lsp.Range:
        if span is None:
            return lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
        start, end = self.document.range_of(span)
        return lsp.Range(_position(start), _position(end))

    def place(self, position: lsp.Position) -> tuple[int, int]:
        return self.document.to_library((position.line, position.character))


def _position(position: Position) -> lsp.Position:
    return lsp.Position(line=position[0], character=position[1])


def _file_name(uri: str) -> str:
    path = unquote(urlparse(uri).path)
    return path.rsplit("/", 1)[-1] or uri


@attrs.frozen
class _Unreadable:
    """A message whose params could not be read: a request is answered with the reason."""

    id: int | str | None  # None for a notification, which has no answer
    method: str
    reason: str

    def said(self) -> str:
        return ENGLISH.phrase("problem.lsp.params", method=self.method, detail=self.reason)


class _Said(logging.Filter):
    """pygls logs a traceback for each message whose params it cannot read; `RkProtocol` says
    what is wrong with it in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Unable to deserialize message")


class RkProtocol(LanguageServerProtocol):
    """pygls's protocol, where pygls 2.1 keeps neither to the specification nor to its memory.

    - A request whose params cannot be read (a negative line) was never answered: it gets
      InvalidParams, saying what is wrong; such a notification is said in a message. The log
      says it in a line, not a traceback.
    - Requests after `shutdown` were dropped in silence: they get InvalidRequest.
    - `exit` ended the process with 0 whether or not `shutdown` came first: `exit_code` keeps
      1 or 0 for `serve` to return.
    - Every notification's handler left its finished future behind, about 2 KB a keystroke.
    """

    exit_code = 0  # what the process ends with when the editor closes the stream without `exit`

    # The server keeps each open document's text itself (`RkServer.texts`), as the protocol
    # counts lines (pygls's workspace splits lines at more characters than `\r` and `\n`, and
    # drops a change outside the document without a word), and its own checks read it.
    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(lsp.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(lsp.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(lsp.TEXT_DOCUMENT_DID_CLOSE, params)

    def _user(self, method: str, params: object) -> Generator[Any, Any, None]:
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None

    def structure_message(self, data: Any) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if not isinstance(data, dict) or "method" not in data:
                raise
            unreadable = _Unreadable(data.get("id"), str(data["method"]), _reason(error))
            logger.warning("%s", unreadable.said())
            return unreadable

    def handle_message(self, message: Any) -> None:
        unreadable = message if isinstance(message, _Unreadable) else None
        is_request = isinstance(message, RPCRequest) or (unreadable is not None and unreadable.id is not None)
        if is_request and self._shutdown and message.method != lsp.EXIT:
            self._refuse(message.id, lsp.ErrorCodes.InvalidRequest, ENGLISH.phrase("problem.lsp.shut-down"))
        elif unreadable is not None and unreadable.id is not None:
            self._refuse(unreadable.id, lsp.ErrorCodes.InvalidParams, unreadable.said())
        elif unreadable is not None:  # a change left out: say so, as what the editor shows may be stale
            self.notify(lsp.WINDOW_SHOW_MESSAGE,
                        lsp.ShowMessageParams(lsp.MessageType.Warning, f"rk lsp: {unreadable.said()}"))
        else:
            super().handle_message(message)

    def _refuse(self, msg_id: int | str, code: lsp.ErrorCodes, message: str) -> None:
        self._send_response(msg_id, error=lsp.ResponseError(code=code, message=message))

    @lsp_method(lsp.EXIT)
    def lsp_exit(self, *args: Any) -> Generator[Any, Any, None]:
        self.exit_code = 0 if self._shutdown else 1
        yield from super().lsp_exit(*args)

    def _execute_handler(self, msg_id: Any, handler: Any, callback: Callable[[Future[Any]], None],
                         args: tuple[Any, ...] | None = None, kwargs: dict[str, Any] | None = None) -> None:
        # pygls keeps the future of each handler it runs as a generator (its own didOpen,
        # didChange, didClose...), a coroutine or in a thread until a response is sent for it;
        # a notification gets none, so they stayed forever.
        def done(future: Future[Any]) -> None:
            if self._request_futures.get(msg_id) is future:
                del self._request_futures[msg_id]
            callback(future)

        super()._execute_handler(msg_id, handler, done, args, kwargs)


def _reason(error: JsonRpcException) -> str:
    """What is wrong with a request's params, and where: `... but was -1. (at $.params.position)`."""
    cause = error.__cause__
    if not isinstance(cause, cattrs.BaseValidationError):
        return str(error.message)

    def said(exception: BaseException, type_: type | None) -> str:
        # lsprotocol's own checks (a position's numbers) say best what they found
        return str(exception) if isinstance(exception, ValueError) and type_ is None else \
            format_exception(exception, type_)

    found = cattrs.transform_error(cause, format_exception=said)
    return "; ".join(f"{what} (at {_as_sent(where)})" for what, _, where in (each.rpartition(" @ ") for each in found))


def _as_sent(path: str) -> str:
    """A path of lsprotocol's attributes as the message names its fields: `text_document` is `textDocument`."""
    return re.sub(r"_([a-z])", lambda letter: letter.group(1).upper(), path)


class RkServer(LanguageServer):
    """The server, and what it read of each open document."""

    protocol: RkProtocol

    def __init__(self) -> None:
        super().__init__(NAME, _version(), text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=RkProtocol)
        self.texts: dict[str, EditorText] = {}  # each open document's text, as the editor's changes made it
        self.documents: dict[str, Open] = {}
        # Each document's loader keeps what its declarations were read as, for the next keystroke.
        self.loaders: dict[str, IncrementalLoader] = {}
        self.highlighters: dict[str, Highlighter] = {}  # and what its declarations' tokens were
        self.max_bytes = MAX_DOCUMENT_BYTES
        self.too_large: set[str] = set()  # the documents not read, for their size
        self.wording = ENGLISH  # the language diagnostics are said in

    def configure(self, options: object, locale: str | None = None) -> None:
        """Take the settings the editor gives in `initializationOptions` and its `locale`,
        saying what is wrong."""
        self.wording, wrong_language = language(options, locale)
        self.max_bytes, wrong_limit = document_limit(options)
        for wrong in (wrong_language, wrong_limit):
            if wrong is not None:
                self.window_show_message(lsp.ShowMessageParams(
                    lsp.MessageType.Warning, f"rk lsp: {_said(wrong, self.wording)}"))

    def encoding(self) -> str:
        found = self.workspace.position_encoding
        return str(getattr(found, "value", found) or "utf-16")

    def loader(self, uri: str) -> IncrementalLoader:
        return self.loaders.setdefault(uri, IncrementalLoader())

    def opened(self, uri: str) -> Open | None:
        """The open document at `uri`, read again if its text changed since; None where it is
        not open or too large to read."""
        if uri in self.too_large:
            return None
        current = self.documents.get(uri)
        held = self.texts.get(uri)
        if held is None:
            return current
        if current is None or current.document is not held:
            current = self.documents[uri] = Open(uri, held, self.loader(uri))
        return current

    def opening(self, uri: str, text: str) -> None:
        self.texts[uri] = EditorText(text, self.encoding())

    def change(self, uri: str, changes: Sequence[lsp.TextDocumentContentChangeEvent]) -> None:
        """Apply an editor's changes to the text kept of a document, in order; a range outside
        the document is taken as the protocol says, and said in the log. A document never opened
        (or closed) is not changed, not even by a whole text: it would be held and checked with
        no didClose ever to come for it."""
        document = self.texts.get(uri)
        if document is None:
            self._warn("lsp.not-open", uri=uri)
            return
        for change in changes:
            if isinstance(change, lsp.TextDocumentContentChangeWholeDocument):
                document = EditorText(change.text, self.encoding())
                continue
            start, end = change.range.start, change.range.end
            document, wrong = document.edited((start.line, start.character), (end.line, end.character),
                                              change.text)
            if wrong is not None:
                self._warn(wrong, uri=uri, lines=len(document.raw))
        self.texts[uri] = document

    def _warn(self, code: str, **params: object) -> None:
        """A warning about what the editor sent, in the log and to the editor's log."""
        said = ENGLISH.phrase(f"problem.{code}", **params)
        logger.warning("%s", said)
        self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Warning, f"rk lsp: {said}"))

    def highlighted(self, document: Open) -> list[int]:
        """The document's semantic tokens (none without Pygments)."""
        if document.tokens is None:
            document.tokens = self.highlighters.setdefault(document.uri, Highlighter()).tokens(document.document) or []
        return document.tokens

    def forget(self, uri: str) -> None:
        self.texts.pop(uri, None)
        self.highlighters.pop(uri, None)
        self.documents.pop(uri, None)
        self.loaders.pop(uri, None)
        self.too_large.discard(uri)

    def check(self, uri: str, version: int | None) -> None:
        """Read the document again and publish its problems."""
        try:
            held = self.texts.get(uri)
            if held is None:
                return
            size = len(held.original.encode("utf-8", "surrogatepass"))
            if size > self.max_bytes:
                self.documents.pop(uri, None)  # its text is kept, for the changes that follow
                self.loaders.pop(uri, None)
                self.too_large.add(uri)
                found = _too_large(_file_name(uri), size, self.max_bytes)
                diagnostics = [_diagnostic(found, lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
                                           self.wording)]
            else:
                self.too_large.discard(uri)
                document = self.documents[uri] = Open(uri, held, self.loader(uri))
                diagnostics = [_diagnostic(problem, document.range(problem.span), self.wording)
                               for problem in document.checked.problems]
        except Exception as error:  # never leave an editor without a word on its document
            logger.error("checking %s failed:\n%s", uri, traceback.format_exc())
            problem = internal(error, _file_name(uri))
            diagnostics = [lsp.Diagnostic(lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
                                          visible(problem.message_in(self.wording)), lsp.DiagnosticSeverity.Error,
                                          source=NAME)]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("resultkontrakt")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _diagnostic(found: Problem, range_: lsp.Range, w: Wording) -> lsp.Diagnostic:
    """A problem as the editor shows it, in the server's language: its hint on a line of its own."""
    severity = lsp.DiagnosticSeverity.Error if found.is_error else lsp.DiagnosticSeverity.Warning
    return lsp.Diagnostic(range=range_, message=_said(found, w), severity=severity, code=found.code,
                          source=NAME)


def _said(found: Problem, w: Wording) -> str:
    message = visible(found.message_in(w))
    hint = found.hint_in(w)
    return message + f"\n{w['label.hint']}: {visible(hint)}" if hint else message


def language(options: object, locale: str | None) -> tuple[Wording, Problem | None]:
    """The language to say problems in: the one `initializationOptions` names, else the editor's
    `locale` ("da", "da-DK": Danish) if rk speaks it, else English; and what is wrong with the
    setting, if anything is."""
    spoken = _spoken(locale) or ENGLISH
    given = options.get(LANGUAGE_OPTION) if isinstance(options, dict) else None
    if given is None:
        return spoken, None
    named = _spoken(given) if isinstance(given, str) else None
    if named is not None:
        return named, None
    return spoken, problem("lsp.language", option=LANGUAGE_OPTION, got=describe(given),
                           languages=tuple(WORDINGS))


def _spoken(tag: str | None) -> Wording | None:
    """The wording for a language tag as editors send it: "da", "da-DK", "da_DK", "en-US"."""
    if not tag:
        return None
    return WORDINGS.get(tag.replace("_", "-").partition("-")[0].casefold())


def document_limit(options: object) -> tuple[int, Problem | None]:
    """The largest document to check as you type, in bytes of UTF-8, as the editor's
    `initializationOptions` set it; and what is wrong with the setting, if anything is."""
    given = options.get(LIMIT_OPTION) if isinstance(options, dict) else None
    if given is None:
        return MAX_DOCUMENT_BYTES, None
    whole = (isinstance(given, int) and not isinstance(given, bool)) or \
        (isinstance(given, float) and given.is_integer())
    if whole and given > 0:
        return int(given), None
    return MAX_DOCUMENT_BYTES, problem("lsp.limit", option=LIMIT_OPTION, got=describe(given),
                                       limit=MAX_DOCUMENT_BYTES, limit_text=size_text(MAX_DOCUMENT_BYTES))


def _too_large(source: str, size: int, limit: int) -> Problem:
    """The warning on a document not checked for its size. It suggests a limit that lets it in,
    a round number of bytes."""
    wanted = (size // 1_000_000 + 1) * 1_000_000
    found = problem("lsp.too-large", Span.point(source, 1, 1), size=size, limit=limit,
                    limit_text=size_text(limit), option=LIMIT_OPTION, wanted=wanted)
    return attrs.evolve(found, severity="warning")


def server() -> RkServer:
    """A language server for `.rk` contracts, its features registered."""
    ls = RkServer()
    for register in _FEATURES:
        register(ls)
    return ls


def _settings(ls: RkServer) -> None:
    """The editor's settings and language, taken as it starts the server."""

    @ls.feature(lsp.INITIALIZE)
    def initialize(ls: RkServer, params: lsp.InitializeParams) -> None:
        ls.configure(params.initialization_options, params.locale)


def _checking(ls: RkServer) -> None:
    """A document checked as it is opened and at each change, its problems published; forgotten,
    with its problems, when it is closed."""

    @ls.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RkServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.opening(params.text_document.uri, params.text_document.text)
        ls.check(params.text_document.uri, params.text_document.version)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RkServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.change(params.text_document.uri, params.content_changes)
        ls.check(params.text_document.uri, params.text_document.version)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RkServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def _hover(ls: RkServer) -> None:
    """What the name under the pointer stands for."""

    @ls.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: RkServer, params: lsp.HoverParams) -> lsp.Hover | None:
        indexed = _indexed(ls, params.text_document.uri)
        if indexed is None:
            return None
        document, index = indexed
        found = index.hover(*document.place(params.position))
        if found is None:
            return None
        text, span = found
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
                         range=document.range(span))


def _uses(ls: RkServer) -> None:
    """Where the name under the cursor is declared, and where it is used."""

    @ls.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: RkServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        target = _target(ls, params.text_document.uri, params.position)
        if target is None:
            return None
        document, _, found = target
        return lsp.Location(document.uri, document.range(found.name_span))

    @ls.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: RkServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
        target = _target(ls, params.text_document.uri, params.position)
        if target is None:
            return None
        document, index, found = target
        spans = index.references_to(found, params.context.include_declaration)
        return [lsp.Location(document.uri, document.range(span)) for span in spans]

    @ls.feature(lsp.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    def highlight(ls: RkServer, params: lsp.DocumentHighlightParams) -> list[lsp.DocumentHighlight] | None:
        target = _target(ls, params.text_document.uri, params.position)
        if target is None:
            return None
        document, index, found = target
        return [lsp.DocumentHighlight(document.range(span)) for span in index.references_to(found)]


def _indexed(ls: RkServer, uri: str) -> tuple[Open, Index] | None:
    """An open document and its names, when it has been read far enough to have them."""
    document = ls.opened(uri)
    index = document.checked.index if document else None
    return (document, index) if document is not None and index is not None else None


def _target(ls: RkServer, uri: str, position: lsp.Position) -> tuple[Open, Index, Declaration] | None:
    """The declaration of the name at `position`, with its document and their names."""
    indexed = _indexed(ls, uri)
    found = indexed[1].definition(*indexed[0].place(position)) if indexed else None
    return (*indexed, found) if indexed is not None and found is not None else None


def _outline(ls: RkServer) -> None:
    """The document's declarations, nested as they are written, for the editor's outline."""

    @ls.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: RkServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        indexed = _indexed(ls, params.text_document.uri)
        if indexed is None:
            return []
        document, index = indexed
        return [_symbol(document, entry) for entry in index.outline()]


def _completion(ls: RkServer) -> None:
    """What may be written at the cursor; an opened quote asks again, for a fact's answers."""

    @ls.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=['"', "."]))
    def completion(ls: RkServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        document = ls.opened(params.text_document.uri)
        if document is None:
            return lsp.CompletionList(is_incomplete=False, items=[])
        line, column = document.place(params.position)
        text = document.document
        start, _ = declaration_at(text.text, text.lines.offset(line, column))
        found = complete(text.lines, document.checked.index, line, column, start)
        return lsp.CompletionList(is_incomplete=False,
                                  items=[_item(document, c, n) for n, c in enumerate(found)])


def _formatting(ls: RkServer) -> None:
    """The whole document in `rk fmt`'s layout, as one edit; one that does not parse is left as it is."""

    @ls.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: RkServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        document = ls.opened(params.text_document.uri)
        if document is None:
            return None
        text = formatted(document.document.original, document.source)
        if text is None or text == document.document.original:
            return []
        whole = lsp.Range(lsp.Position(0, 0), _position(document.document.end()))
        return [lsp.TextEdit(range=whole, new_text=text)]


def _semantic_tokens(ls: RkServer) -> None:
    """Colours by what each word is, as the Pygments lexer sorts them, so that an editor with no
    grammar for `.rk` still colours a contract; offered only where Pygments can be imported."""
    if not _highlighting():
        return
    legend = lsp.SemanticTokensLegend(token_types=list(TOKEN_TYPES), token_modifiers=list(TOKEN_MODIFIERS))

    @ls.feature(lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, legend)
    def tokens(ls: RkServer, params: lsp.SemanticTokensParams) -> lsp.SemanticTokens:
        document = ls.opened(params.text_document.uri)
        return lsp.SemanticTokens(data=ls.highlighted(document) if document else [])


# What the server does, a group of features each: each registers its handlers with pygls.
_FEATURES: tuple[Callable[[RkServer], None], ...] = (
    _settings, _checking, _hover, _uses, _outline, _completion, _formatting, _semantic_tokens)


def _highlighting() -> bool:
    """Whether Pygments (the `highlight` extra), which the lexer needs, can be imported."""
    try:
        import pygments  # noqa: F401
    except ImportError:
        return False
    return True


def _symbol(document: Open, entry: Outline) -> lsp.DocumentSymbol:
    whole = document.range(entry.span)
    name = document.range(entry.name_span)
    if not (_within(name.start, whole) and _within(name.end, whole)):
        name = lsp.Range(whole.start, whole.start)
    return lsp.DocumentSymbol(
        name=visible(entry.name) or entry.kind, detail=visible(entry.detail), kind=_SYMBOLS[entry.kind],
        range=whole, selection_range=name, children=[_symbol(document, child) for child in entry.children])


def _within(position: lsp.Position, range_: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(range_.start) <= key(position) <= key(range_.end)


def _item(document: Open, candidate: Candidate, number: int) -> lsp.CompletionItem:
    """A completion item, sorted by kind, then as `complete` lists them (choices in written order)."""
    rank = _ORDER.index(candidate.kind) if candidate.kind in _ORDER else len(_ORDER)
    item = lsp.CompletionItem(label=visible(candidate.label), kind=_COMPLETIONS.get(candidate.kind),
                              detail=visible(candidate.detail) or None, sort_text=f"{rank:02d}{number:05d}")
    if candidate.replace is not None and candidate.text is not None:
        item.text_edit = lsp.TextEdit(range=document.range(candidate.replace), new_text=candidate.text)
        item.filter_text = candidate.text
    elif candidate.text is not None:
        item.insert_text = candidate.text
    return item


def serve(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Serve editors over `stdin` and `stdout` until the editor says `exit`; the status to end
    with: 1 where the editor did not ask to shut down first."""
    logging.basicConfig(level=logging.WARNING, format="rk lsp: %(levelname)s: %(message)s")
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_Said())
    ls = server()
    ls.start_io(stdin, stdout)
    return ls.protocol.exit_code
