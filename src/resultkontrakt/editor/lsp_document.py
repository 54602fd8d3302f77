"""A contract as an editor holds it: its text and positions, its problems (kept through a
syntax error), its highlighting and its canonical layout.

Pure: no pygls here. `lsp.py` speaks the protocol; `navigate.py` answers questions about
names. Positions are converted here, in one place:

- The library reads the text as `contract.prepared` makes it: no byte-order mark, `\\n` line
  ends, NFC letters. An editor counts lines the same way (`\\n`, `\\r\\n` or `\\r` ends one),
  but its columns are those of the text as it is, so a line whose letters NFC composes (`a`
  and a combining ring become `å`) or that starts with a byte-order mark has its columns mapped.
- The library counts columns in characters from 1; an editor counts from 0, in UTF-16 code
  units unless client and server agreed on UTF-8 or UTF-32. An emoji is two UTF-16 units.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ..checks.analysis import Analysis
from ..core.errors import ContractError, Problem, RkError, RkSyntaxError, Span
from ..core.reasons import problem
from ..core.vocabulary import INVISIBLE
from ..language import syntax as s
from .navigate import Index, Lines, words_in

if TYPE_CHECKING:
    from ..contract.contract import Contract

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
Position = tuple[int, int]  # an editor's: 0-based line, and character in its encoding's units


_LINE_END = re.compile(r"\r\n|\r|\n")  # the protocol's line ends; no other (`str.splitlines` has more)


def editor_lines(text: str) -> list[str]:
    """The lines of a text as an editor counts them."""
    return _LINE_END.split(text)


class EditorText:
    """A document's text as the editor has it, the text the library reads from it, and
    positions between the two."""

    def __init__(self, text: str, encoding: str = UTF16,
                 lines: tuple[list[str], list[str]] | None = None):
        """`lines`: the text's lines and their ends, where `edited` has them already."""
        self.original = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self.raw, ends = lines if lines is not None else (editor_lines(text), None)
        self._ends: list[str] | None = ends  # each line's end (none after the last), when asked
        self._units: dict[int, list[int]] = {}
        self._starts: list[int] | None = None  # where each line begins in `original`, when asked

    # What the library reads is worked out when first asked: a message of many changes makes a
    # text for each, and only the last is read.
    @functools.cached_property
    def _read(self) -> tuple[str, dict[int, list[int]]]:
        """The text the library reads (what `contract.prepared` would make of it), and, for
        lines it reads differently, where each of its characters stands in the editor's line
        (one more entry, for the end)."""
        text = self.original
        if not text.startswith("\ufeff") and unicodedata.is_normalized("NFC", text):
            # Most texts: every line is read as it is written (one pass in C, not one a line).
            return "\n".join(self.raw), {}
        columns: dict[int, list[int]] = {}
        read: list[str] = []
        for number, line in enumerate(self.raw):
            shift = 1 if number == 0 and line.startswith("\ufeff") else 0
            body = line[shift:]
            normal = unicodedata.normalize("NFC", body)
            if shift or normal != body:
                columns[number] = _columns(body, normal, shift)
            read.append(normal)
        return "\n".join(read), columns

    @property
    def text(self) -> str:
        return self._read[0]

    @property
    def _columns(self) -> dict[int, list[int]]:
        return self._read[1]

    @functools.cached_property
    def lines(self) -> Lines:
        return Lines(self.text)

    # ---- library places (1-based, characters of `text`) <-> editor positions ----

    def to_editor(self, line: int, column: int) -> Position:
        number = min(max(line - 1, 0), len(self.raw) - 1)
        index = max(column - 1, 0)
        columns = self._columns.get(number)
        if columns is not None:
            index = columns[min(index, len(columns) - 1)]
        index = min(index, len(self.raw[number]))
        return number, self._count(number, index)

    def to_library(self, position: Position) -> tuple[int, int]:
        number, units = position
        if number >= len(self.raw):
            number, index = len(self.raw) - 1, len(self.raw[-1])
        else:
            number = max(number, 0)
            index = self._index(number, max(units, 0))
        columns = self._columns.get(number)
        if columns is not None:
            index = max(bisect.bisect_right(columns, index) - 1, 0)
        return number + 1, index + 1

    def range_of(self, span: Span) -> tuple[Position, Position]:
        start = self.to_editor(span.line, span.column)
        end = self.to_editor(span.end_line, span.end_column)
        return start, max(start, end)

    def has_moved_columns(self) -> bool:
        """Whether a line's columns in `text` are not those of the editor's (NFC, a byte-order mark)."""
        return bool(self._columns)

    def end(self) -> Position:
        return len(self.raw) - 1, self._count(len(self.raw) - 1, len(self.raw[-1]))

    # ---- edits, as the editor sends them ----

    def edited(self, start: Position, end: Position, new: str) -> tuple[EditorText, str | None]:
        """The text with the range from `start` to `end` (editor positions) replaced by `new`;
        and what was wrong with the range, if anything was. As the protocol says, a character
        past a line's end is its end; a line past the last is taken as the document's end, and a
        range that ends before it starts as the range between the two; both are said."""
        wrong = None
        if start > end:
            start, end = end, start
            wrong = "lsp.range-reversed"
        last = len(self.raw) - 1
        if start[0] > last or end[0] > last:
            wrong = wrong or "lsp.range-outside"
        at, to = self._offset(start), self._offset(end)
        original, raw, starts, ends = self.original, self.raw, self._line_starts(), self._line_ends()
        # Only the lines from `at` to `to` are split again, with the end of the last (a "\r" there
        # and a "\n" the edit ends with are one line end) and of the line before (a "\r" there
        # and a "\n" the edit begins with are one too); the lines around them are as they were.
        first, last = bisect.bisect_right(starts, at) - 1, bisect.bisect_right(starts, to) - 1
        if first > 0 and ends[first - 1] == "\r":
            first -= 1
        more = last + 1 < len(raw)  # lines after the last touched: the piece ends with its line end
        piece = original[starts[first]:at] + new + original[to:starts[last + 1] if more else len(original)]
        lines, line_ends = editor_lines(piece), _LINE_END.findall(piece)
        if more:
            lines.pop()  # the start of the next line, which is kept as it was
        text = original[:at] + new + original[to:]
        return EditorText(text, self.encoding, (raw[:first] + lines + raw[last + 1:],
                                                ends[:first] + line_ends + ends[last + 1:])), wrong

    def _offset(self, position: Position) -> int:
        """Where an editor's position stands in `original`; a character inside one that takes
        two units (an emoji in UTF-16) stands before it."""
        number, units = position
        if number >= len(self.raw):
            return len(self.original)
        return self._line_starts()[number] + self._index(number, units)

    def _line_ends(self) -> list[str]:
        if self._ends is None:
            self._ends = _LINE_END.findall(self.original)
        return self._ends

    def _line_starts(self) -> list[int]:
        if self._starts is None:  # each line's length and its end's, added up (in C: a document is long)
            ends = map(len, self._line_ends())
            self._starts = [0, *itertools.accumulate(map(operator.add, map(len, self.raw), ends))]
        return self._starts

    def _table(self, number: int) -> list[int] | None:
        """Units before each character of a line, for a line where they are not the characters."""
        line = self.raw[number]
        if self.encoding == UTF32 or line.isascii():
            return None
        table = self._units.get(number)
        if table is None:
            table = [0]
            for char in line:
                table.append(table[-1] + _units(char, self.encoding))
            self._units[number] = table
        return table

    def _count(self, number: int, index: int) -> int:
        table = self._table(number)
        return index if table is None else table[index]

    def _index(self, number: int, units: int) -> int:
        table = self._table(number)
        if table is None:
            return min(units, len(self.raw[number]))
        return bisect.bisect_right(table, units) - 1  # inside a character: the character


def _units(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == UTF16:
        return 2 if code > 0xFFFF else 1
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


def _columns(body: str, normal: str, shift: int) -> list[int]:
    """Where each character of `normal` (NFC of `body`) begins in the line `body` stands in,
    after `shift` characters; then the line's end."""
    found: list[int] = []
    start = 0
    for end in range(1, len(body) + 1):
        if end == len(body) or unicodedata.combining(body[end]) == 0:
            piece = unicodedata.normalize("NFC", body[start:end])
            found += [shift + start + min(k, end - start - 1) for k in range(len(piece))]
            start = end
    if len(found) != len(normal):  # letters composed across pieces (Hangul): keep columns as they are
        found = [shift + min(k, len(body)) for k in range(len(normal))]
    return found + [shift + len(body)]


# ---- problems, kept through syntax errors ------------------------------------------

_ITEMS = frozenset({"contract", "fact", "metric", "goal", "split", "payment", "example"})
_TOKEN = re.compile(r'(?P<block>"""[\s\S]*?""")|(?P<string>"(?:[^"\\\n]|\\.)*"?)|(?P<comment>#[^\n]*)'
                    r"|(?P<newline>\n)|(?P<space>[ \t]+)|(?P<word>[^\W\d]\w*)|(?P<other>.)")


def declarations(text: str) -> list[tuple[int, bool]]:
    """Where each top-level declaration begins (an offset), and whether it begins with its keyword.

    Read without the parser, so that it works on text that does not parse: a declaration begins
    at a line whose first word is `fact`, `goal`, ... outside braces, or at the line's first
    column; or at any other word in the first column outside braces (text that belongs nowhere).
    """
    starts: list[tuple[int, bool]] = []
    depth, line_start, first = 0, 0, True
    for token in _TOKEN.finditer(text):
        kind, value, at = token.lastgroup, token.group(), token.start()
        if kind == "newline":
            line_start, first = token.end(), True
            continue
        if kind in ("space", "comment"):
            continue
        if first and kind == "word":
            column = at - line_start
            if value in _ITEMS and (depth == 0 or column == 0):
                starts.append((at, True))
            elif column == 0 and depth == 0:
                starts.append((at, False))
        first = False
        if kind == "other" and value in "{}":
            depth = depth + 1 if value == "{" else max(depth - 1, 0)
    return starts


def declaration_at(text: str, offset: int) -> tuple[int, int]:
    """The offsets of the top-level declaration an offset stands in (or the text before the first)."""
    starts = [at for at, _ in declarations(text)]
    index = bisect.bisect_right(starts, offset) - 1
    start = starts[index] if index >= 0 else 0
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return start, end


def _broken(text: str, offset: int, seen: set[int]) -> tuple[int, int] | None:
    """The declaration to take out for a syntax error at `offset`: the one it stands in, or,
    where the error is at the keyword that begins a declaration (`fact` where a `}` was
    expected), the one before, which did not end. None when there is nothing left to take."""
    starts = declarations(text)
    bounds = [at for at, _ in starts] + [len(text)]
    index = bisect.bisect_right(bounds, offset) - 1
    if index >= len(starts):
        index = len(starts) - 1
    if index > 0 and starts[index] == (offset, True) and offset not in seen:
        index -= 1
    seen.add(offset)
    start = bounds[index] if index >= 0 else 0
    end = bounds[index + 1] if index + 1 < len(bounds) else len(text)
    if start >= end or not text[start:end].strip():
        return None
    return start, end


def _blank(text: str, start: int, end: int) -> str:
    """The text with a stretch of it written over with spaces: every other place stays where it was."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


class Checked:
    """What `rk check` says about a document, and what navigation reads.

    A syntax error stops the parser, so each declaration that holds one is taken out (written
    over with spaces, so no place moves) and the rest is read again: the syntax errors come
    with the problems of the rest, less those that only say something taken out is missing
    (an unknown name it declared, a fact only it used).
    """

    def __init__(self, text: str, source: str, load: Callable[[str, str], Contract] | None = None):
        self.source = source
        self._load = load  # `contract.loads`, or an editor's `IncrementalLoader().loads`
        self.text = text  # what the navigation was read from: `text` with broken declarations taken out
        self.problems: list[Problem] = []
        self.module: s.Module | None = None
        self.analysis: Analysis | None = None
        self._index: Index | None = None
        self._unread = False  # the text parses, but its syntax is read only when navigation asks
        self._read(text)
        # A reserved word declared as a name is said with the syntax error its use made, and
        # again by the checks of the text read without the declaration that holds that use.
        self.problems = list(dict.fromkeys(self.problems))

    @property
    def index(self) -> Index | None:
        """Declarations and uses by place, for navigation; None where nothing parses."""
        if self._unread:
            self._unread = False
            self._model(self.text)
        if self._index is None and self.module is not None:
            self._index = Index(self.module, self.text, self.analysis)
        return self._index

    def _read(self, text: str) -> None:
        from ..contract.contract import loads

        load = self._load or loads
        removed: list[str] = []
        seen: set[int] = set()
        # Each attempt reads the whole text again; a long text gets fewer.
        for _ in range(min(10, max(2, 400_000 // max(len(text), 1)))):
            try:
                contract = load(text, self.source)
            except RkSyntaxError as error:
                self.problems += error.problems
                taken = self._take_out(text, error, seen)
                if taken is None:
                    break
                text, gone = taken
                removed.append(gone)
                continue
            except ContractError as error:
                self.text, self._unread = text, True
                self.problems += self._not_from(error.problems, removed)
            except RkError as error:
                self.problems += error.problems
            except Exception as error:  # a bug in the library: say so, rather than nothing
                self.problems.append(internal(error, self.source))
            else:
                self.text, self.module, self.analysis = text, contract.module, contract.analysis
                self.problems += self._not_from(contract.warnings, removed)
            return
        self.text = text

    def _take_out(self, text: str, error: RkError, seen: set[int]) -> tuple[str, str] | None:
        if INVISIBLE.search(text):  # refused before parsing: take out only the characters
            return INVISIBLE.sub(" ", text), ""
        span = error.problems[0].span if error.problems else None
        if span is None:
            return None
        found = _broken(text, Lines(text).offset(span.line, span.column), seen)
        if found is None:
            return None
        start, end = found
        return _blank(text, start, end), text[start:end]

    def _model(self, text: str) -> None:
        """The syntax and checks of a text that parses but has errors (`loads` gives none then):
        read again, so that a keystroke that only changes the problems costs one reading."""
        from ..checks.check import check
        from ..language.build import build
        from ..language.parser import parse

        try:
            module, problems = build(parse(text, self.source), self.source)
            self.module, self.analysis = module, check(module, problems)
        except Exception:  # nothing to navigate by; the problems are published all the same
            self.module = self.analysis = None

    def _not_from(self, problems: tuple[Problem, ...], removed: list[str]) -> list[Problem]:
        """`problems` less those that only say that something taken out is missing."""
        if not removed:
            return list(problems)
        index = self.index
        if index is None:
            return list(problems)
        gone = words_in("\n".join(removed))
        missing = {r.node_span for r in index.unresolved()
                   if (f"goal {r.name}" if r.namespace == "goal" else r.name) in gone}
        unused = {d.span for d in index.declarations if d.kind in ("fact", "metric") and d.name in gone}
        return [p for p in problems if p.span not in missing and not (p.span in unused and not p.is_error)]


def internal(error: BaseException, source: str) -> Problem:
    return problem("internal", Span.point(source, 1, 1), error=f"{type(error).__name__}: {error}")


# ---- highlighting ----------------------------------------------------------------------

TOKEN_TYPES = ("keyword", "type", "variable", "function", "number", "string", "comment", "operator",
               "enumMember", "label")
TOKEN_MODIFIERS = ("documentation", "defaultLibrary")


def semantic_tokens(document: EditorText) -> list[int] | None:
    """The document's tokens, as the Pygments lexer (`rk` extra `highlight`) sorts them, in the
    protocol's relative encoding; None without Pygments."""
    try:
        from .lexer import RkLexer
    except ImportError:
        return None
    return _encoded(RkLexer(), document.text, document.lines.place, document.to_editor).data


@attrs.frozen
class _Tokens:
    """Tokens in the protocol's relative encoding, and the editor's place of the first and the last."""

    data: list[int]
    first: Position = (0, 0)
    last: Position = (0, 0)


def _encoded(lexer: Any, text: str, place: Callable[[int], tuple[int, int]],
             to_editor: Callable[[int, int], Position]) -> _Tokens:
    data: list[int] = []
    first = last = (0, 0)
    for at, kind, value in lexer.get_tokens_unprocessed(text):
        found = _token_kind(kind)
        if found is None:
            continue
        for start, piece in _pieces(at, value):
            line, column = place(start)
            begin = to_editor(line, column)
            end = to_editor(line, column + len(piece))
            if end[1] <= begin[1] or end[0] != begin[0]:
                continue
            if not data:
                first = begin
            delta_line = begin[0] - last[0]
            delta = begin[1] - last[1] if delta_line == 0 else begin[1]
            data += [delta_line, delta, end[1] - begin[1], *found]
            last = begin
    return _Tokens(data, first, last)


class Highlighter:
    """Semantic tokens of one open document, version after version: each declaration's tokens
    are kept by its text, and a version's are those of its declarations, put together (the
    lexer starts each declaration as it starts the text: outside texts, comments and brackets).
    The same as `semantic_tokens`, which it falls back on where a declaration cannot be lexed
    alone: a text whose lines NFC changes, or a declaration ending in `goal` (the lexer reads
    `goal` and the next line's first word as a goal's id)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], _Tokens] = {}
        self._text = ""
        self._cuts: list[tuple[int, int]] = []

    def tokens(self, document: EditorText) -> list[int] | None:
        from .incremental import recut

        try:
            from .lexer import RkLexer
        except ImportError:
            return None
        text = document.text
        if document.has_moved_columns():
            return semantic_tokens(document)
        self._cuts = cuts = recut(self._text, self._cuts, text)
        self._text = text
        lexer, encoding = RkLexer(), document.encoding
        kept: dict[tuple[str, str], _Tokens] = {}
        data: list[int] = []
        last = (0, 0)
        for (cut, line), (end, _) in itertools.pairwise([*cuts, (len(text), 0)]):
            piece = text[cut:end]
            found = kept.get((encoding, piece)) or self._kept.get((encoding, piece))
            if found is None:
                if end < len(text) and _GOAL_AT_END.search(piece):
                    return semantic_tokens(document)
                found = _piece_tokens(lexer, piece, encoding)
            kept[(encoding, piece)] = found
            if not found.data:
                continue
            begin = (line - 1 + found.first[0], found.first[1])
            delta_line = begin[0] - last[0]
            data += [delta_line, begin[1] - last[1] if delta_line == 0 else begin[1]]
            data += itertools.islice(found.data, 2, None)
            last = (line - 1 + found.last[0], found.last[1])
        self._kept = kept
        return data


# No `\b` before `goal`: the lexer reads `2goal` as a number and the keyword. A declaration ending
# in a name such as `xgoal` is then lexed with the whole text too: the same tokens, at more cost.
_GOAL_AT_END = re.compile(r"goal\s*\Z")


def _piece_tokens(lexer: Any, piece: str, encoding: str) -> _Tokens:
    """A declaration's tokens, with places counted from its first line."""
    if piece.isascii():  # every character one unit in every encoding: no table of units
        return _encoded(lexer, piece, Lines(piece).place, lambda line, column: (line - 1, column - 1))
    local = EditorText(piece, encoding)
    return _encoded(lexer, piece, local.lines.place, local.to_editor)


def _pieces(at: int, value: str) -> Iterator[tuple[int, str]]:
    """A token's parts on each line it spans (editors take tokens one line at a time)."""
    for piece in value.split("\n"):
        text = piece.strip()
        if text:
            yield at + len(piece) - len(piece.lstrip()), text
        at += len(piece) + 1


def _token_kind(kind: object) -> tuple[int, int] | None:
    from pygments.token import Comment, Keyword, Literal, Name, Number, Operator, String

    documentation, library = 1, 2
    for category, (name, modifiers) in (
            (String.Doc, ("string", documentation)), (String, ("string", 0)), (Comment, ("comment", 0)),
            (Literal.Date, ("number", 0)), (Number, ("number", 0)), (Keyword.Type, ("type", 0)),
            (Keyword, ("keyword", 0)), (Operator.Word, ("keyword", 0)), (Operator, ("operator", 0)),
            (Name.Builtin.Pseudo, ("variable", library)), (Name.Builtin, ("function", library)),
            (Name.Constant, ("enumMember", 0)), (Name.Label, ("label", 0)), (Name, ("variable", 0))):
        if kind in category:
            return TOKEN_TYPES.index(name), modifiers
    return None


# ---- the canonical layout ------------------------------------------------------------


def formatted(text: str, source: str) -> str | None:
    """The document in `rk fmt`'s layout, with its own line ends; None where it does not parse
    or would not read back the same (the problems say why)."""
    from .fmt import Layout, format_text

    try:
        return Layout.of(text).apply(format_text(text, source))
    except RkError:
        return None
