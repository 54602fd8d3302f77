"""The drafted terms of a signed .docx, read back: the text inside each `rk_` bookmark.

`rk draft --format docx` wraps each drafted term in a Word bookmark named by its
mark (`rk_contract`, `rk_goal_<id>`, `rk_payment_<name>`, `rk_split_<name>`).
People then edit the document in Word: they add a preamble and a signature date,
split and join runs, leave bookmarks of their own (`_GoBack`), track changes and
comment. The marks survive all of that, and `read_terms` gives, for each mark, the
text between its start and its end as it reads once the tracked changes are
accepted: inserted text counts, deleted text does not; paragraphs joined by "\\n",
the cells of a table's row by "\\t", tabs and line breaks as python-docx reads
them. Comments live in a part of their own and are not read.

A .docx comes through the same door as a workbook of facts: a regular file of
bounded size (core/files.py), a zip archive bounded by its directory before a
byte is unpacked, and XML that declares no DTD (core/archives.py). Only
`word/document.xml` is read, as a stream, and what it may cost is counted as it
goes: its elements, and the text held for the marks. A document that cannot be
read is refused as a `DraftError`, whose problem says which file, what is wrong,
and how to fix it (`draft.CODE` in core/wording.py).
"""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING
from xml.parsers import expat

from ..core.archives import ArchiveProblem, open_archive, untagged, xml_parser
from ..core.errors import RkError
from ..core.files import DEFAULT_MAX_BYTES, FileProblem, read_bytes
from ..core.reasons import problem
from ..core.vocabulary import quote, shortened

if TYPE_CHECKING:
    from pathlib import Path

# The marks of the terms drafted from the rules; every other bookmark is the reader's own.
MARK_PREFIX = "rk_"
# The part of a Word document that holds its text (the package's main part, as Word names it).
DOCUMENT = "word/document.xml"
# A contract has tens of goals, payments and splits; one of thousands is not drafted by hand,
# and more marks than this were not drafted at all.
MAX_MARKS = 10_000
# Word writes 1 to 3 XML elements for each byte of a document's file (a run is at least three);
# the document is read as a stream, so the count bounds time, not memory. Below
# ELEMENTS_FLOOR / ELEMENTS_PER_BYTE bytes, a document may hold ELEMENTS_FLOOR.
ELEMENTS_PER_BYTE = 4
ELEMENTS_FLOOR = 1_000_000
# The characters of text held for the marks (a character inside two marks counts twice).
TEXT_PER_BYTE = 64
TEXT_FLOOR = 16_000_000
_CHUNK = 1 << 16

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "  # with expat's separator
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006 "
_P, _R, _T, _TC, _TR = _W + "p", _W + "r", _W + "t", _W + "tc", _W + "tr"
_START, _END = _W + "bookmarkStart", _W + "bookmarkEnd"
_ID, _NAME, _TYPE = _W + "id", _W + "name", _W + "type"
_RUN_PROPERTIES, _PARAGRAPH_PROPERTIES, _DELETED = _W + "rPr", _W + "pPr", _W + "del"
# What a reader does not see once the tracked changes are accepted: deleted and moved-away
# text, a field's code (its result is shown), and the fallback of a drawing shown otherwise.
_HIDDEN = frozenset({_DELETED, _W + "moveFrom", _W + "delText", _W + "instrText", _MC + "Fallback"})
# The marks inside a run that stand for text, as python-docx reads them (`Run.text`).
_IN_RUN = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


class DraftError(RkError):
    """A signed document that cannot be checked: not a .docx, a damaged or hostile one, or no
    draft of a contract (no marks)."""


def read_terms(path: Path, *, max_size: int = DEFAULT_MAX_BYTES) -> dict[str, str]:
    """The text of each drafted term in the .docx at `path`, by its mark, in the document's
    order; DraftError if the document cannot be read, or holds no marks."""
    file = quote(shortened(str(path), 200))
    try:
        data = read_bytes(path, max_size)
    except FileProblem as trouble:
        raise _refused("unreadable", file=file, problem=trouble.problem) from None
    try:
        archive = open_archive(data, max_size)
    except ArchiveProblem as refused:
        code = "not-docx" if refused.code == "not-zip" else refused.code
        raise DraftError([problem(f"draft.{code}", params={**refused.params, "file": file})]) from None
    with archive:
        try:
            member = archive.getinfo(DOCUMENT)
        except KeyError:
            raise _refused("no-document", file=file) from None
        reader = _Reader(file, len(data))
        try:
            reader.read(archive, member)
        except DraftError:
            raise
        except Exception:  # a broken archive or broken XML: zip, zlib, expat and their kin
            raise _refused("not-docx", file=file) from None
    return reader.terms()


class _Mark:
    """A mark being read: its name, its text so far in pieces, and the separator that stands
    before what comes next (a paragraph's or a cell's end), if anything comes: a term ends
    with its last paragraph's text, not with the paragraph's end."""

    __slots__ = ("name", "pending", "pieces")

    def __init__(self, name: str) -> None:
        self.name = name
        self.pieces: list[str] = []
        self.pending = ""

    def add(self, text: str) -> None:
        if self.pending:
            self.pieces.append(self.pending)
            self.pending = ""
        self.pieces.append(text)

    def end_paragraph(self) -> None:
        if self.pending:  # the paragraph before was empty: it stands, as an empty line
            self.pieces.append(self.pending)
        self.pending = "\n"

    def text(self) -> str:
        return "".join(self.pieces)


class _Reader:
    """Reads `word/document.xml` as a stream, holding the text of the marks open at each point.

    The handlers run for every element, so each is kept to a few comparisons; the text of
    what stands outside every mark is never held.
    """

    def __init__(self, file: str, size: int) -> None:
        self.file = file
        self.budget = max(ELEMENTS_FLOOR, ELEMENTS_PER_BYTE * size)
        self.text_budget = max(TEXT_FLOOR, TEXT_PER_BYTE * size)
        self.elements = self.text = self.hidden = 0
        self.stack: list[str] = []  # the open elements' names
        self.open: dict[str, _Mark] = {}  # the marks open now, by their bookmark's id
        self.done: dict[str, str] = {}  # the marks read, by name
        self.order: list[str] = []  # the marks' names, as they start
        self.in_text = False  # inside a `w:t`
        self.joined = False  # the paragraph's own mark was deleted: it runs on into the next

    def read(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
        parser = xml_parser(self._doctype)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        stretch: int | None = 0
        with archive.open(member) as stream:
            try:
                while chunk := stream.read(_CHUNK):
                    stretch = untagged(stretch or 0, chunk)
                    if stretch is None:
                        raise _refused("not-docx", "draft.stretch", file=self.file)
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except expat.ExpatError:
                raise _refused("not-docx", file=self.file) from None
        if self.open:
            first = next(iter(self.open.values()))
            raise _refused("mark-unended", file=self.file, mark=_mark(first.name))

    def terms(self) -> dict[str, str]:
        if not self.done:
            raise _refused("no-marks", file=self.file)
        return {name: self.done[name] for name in self.order}

    # ---- the handlers ----

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > self.budget:
            raise _refused("too-many-elements", file=self.file, limit=self.budget,
                           per=ELEMENTS_PER_BYTE, floor=ELEMENTS_FLOOR)
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(name)
        if name in _HIDDEN:
            self.hidden += 1
            if name == _DELETED and parent == _RUN_PROPERTIES and self.stack[-3:-2] == [_PARAGRAPH_PROPERTIES]:
                self.joined = True  # the paragraph's mark deleted: accepted, it joins the next
        elif name == _T:
            self.in_text = True
        elif name == _START:
            self._mark_start(attributes)
        elif name == _END:
            self._mark_end(attributes)
        elif parent == _R and not self.hidden and self.open:
            if name == _W + "br":  # a line break; a page or column break is no text
                if attributes.get(_TYPE, "textWrapping") == "textWrapping":
                    self._add("\n")
            elif name in _IN_RUN:
                self._add(_IN_RUN[name])

    def _end(self, name: str) -> None:
        self.stack.pop()
        if name in _HIDDEN:
            self.hidden -= 1
        elif name == _T:
            self.in_text = False
        elif name == _P:
            if self.joined:
                self.joined = False
            elif self.open:
                self._end_paragraph()
        elif name == _TC and self.open:
            self._end_cell()
        elif name == _TR and self.open:
            self._end_row()

    def _characters(self, text: str) -> None:
        if self.in_text and not self.hidden and self.open:
            self._add(text)

    def _add(self, text: str) -> None:
        self.text += (len(text) + 1) * len(self.open)  # with the separator it may bring
        if self.text > self.text_budget:
            raise _refused("too-much-text", file=self.file, limit=self.text_budget, per=TEXT_PER_BYTE,
                           floor=TEXT_FLOOR)
        for mark in self.open.values():
            mark.add(text)

    def _end_paragraph(self) -> None:
        self.text += len(self.open)
        if self.text > self.text_budget:
            raise _refused("too-much-text", file=self.file, limit=self.text_budget, per=TEXT_PER_BYTE,
                           floor=TEXT_FLOOR)
        for mark in self.open.values():
            mark.end_paragraph()

    def _end_cell(self) -> None:
        """A cell's last paragraph ends in the tab before the next cell."""
        for mark in self.open.values():
            mark.pending = "\t"

    def _end_row(self) -> None:
        """A row ends as a paragraph does."""
        for mark in self.open.values():
            mark.pending = "\n"

    def _mark_start(self, attributes: dict[str, str]) -> None:
        name = attributes.get(_NAME, "")
        if not name.startswith(MARK_PREFIX):
            return  # the reader's own bookmark (`_GoBack`, a cross-reference): not a drafted term
        if name in self.done or any(mark.name == name for mark in self.open.values()):
            raise _refused("mark-twice", file=self.file, mark=_mark(name))
        if len(self.order) >= MAX_MARKS:
            raise _refused("too-many-marks", file=self.file, most=MAX_MARKS)
        key = attributes.get(_ID, "")
        if key in self.open:  # two starts, one id: which end belongs to which cannot be told
            raise _refused("mark-unended", file=self.file, mark=_mark(self.open[key].name))
        self.open[key] = _Mark(name)
        self.order.append(name)

    def _mark_end(self, attributes: dict[str, str]) -> None:
        mark = self.open.pop(attributes.get(_ID, ""), None)
        if mark is None:
            return  # the end of the reader's own bookmark, or of one whose start was removed
        self.done[mark.name] = mark.text()

    def _doctype(self, *declaration: object) -> None:
        raise _refused("entities", file=self.file)


def _mark(name: str) -> str:
    return quote(shortened(name, 60))


def _refused(code: str, hint: str | None = None, **params: object) -> DraftError:
    return DraftError([problem(f"draft.{code}", hint=hint, params=params)])
