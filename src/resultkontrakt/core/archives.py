"""Zip archives of XML that users hand over (.xlsx workbooks, .docx documents): bounded
before a byte of them is unpacked, and their XML parsed as a stream that refuses a DTD.

A workbook or a Word document is a zip archive of XML, and a small file can
unpack to a great deal of it: an archive that unpacks to more than its size
warrants, or holds more parts than any office program writes, is refused from
its directory alone, before anything is unpacked (a part that unpacks to more
than the directory says fails its checksum, and is not read past that). No part
of an Office file declares a DTD; XML that does would have its entities
expanded (a billion laughs in a kilobyte), so it is refused at the declaration.

Problems are raised as `ArchiveProblem` (a code and its parameters); the caller
knows which kind of file it was and says it in its own words (`xlsx.CODE`,
`draft.CODE`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from xml.parsers import expat

from .files import size_text

# An archive may unpack to this many times the limit for a file: that holds any sheet a
# spreadsheet writes, and any document a word processor writes.
UNPACK_FACTOR = 4
# Office programs pack their XML 8 to 15 times; openpyxl (and pandas) 20 to 25 times, one long
# text in every cell 44. An archive packed tighter than this was made to unpack: 64 MiB in
# 99 KiB is 660 times. Below UNPACK_FLOOR, anything goes.
MAX_PACKING = 100
UNPACK_FLOOR = 2**20
# A Word document has some tens of parts, a workbook one for each sheet besides; one with
# images has one for each image. An archive of more parts than this was not written by one.
MAX_PARTS = 10_000
# expat holds a stretch of bytes without a tag whole (a tag, a comment, a text): no office
# program writes one of a megabyte.
MAX_STRETCH = 2**20


class ArchiveProblem(Exception):
    """An archive that is refused: `code` (not-zip, too-many-parts, packed-too-tightly,
    unpacks-too-large, declares-entities) with the parameters its words need."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params


def open_archive(data: bytes, max_bytes: int) -> zipfile.ZipFile:
    """The zip archive `data` is, once its directory shows it unpacks to what a file of its
    size may; ArchiveProblem if it is no archive, or one made to unpack without end."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # whatever the bytes are, they are no archive
        raise ArchiveProblem("not-zip") from None
    try:
        check_unpacked(archive.infolist(), len(data), max_bytes)
    except ArchiveProblem:
        archive.close()
        raise
    return archive


def check_unpacked(members: list[zipfile.ZipInfo], size: int, max_bytes: int) -> None:
    """ArchiveProblem if the archive holds more than MAX_PARTS parts, was packed tighter than
    an office program packs, or unpacks to more than UNPACK_FACTOR times the file limit; only
    the last can be a mistake of the limit's."""
    if len(members) > MAX_PARTS:
        raise ArchiveProblem("too-many-parts", count=len(members), most=MAX_PARTS)
    unpacked = sum(member.file_size for member in members)
    if unpacked > max(UNPACK_FLOOR, MAX_PACKING * size):
        raise ArchiveProblem("packed-too-tightly", size=size_text(unpacked), times=unpacked // max(size, 1),
                             most=MAX_PACKING)
    limit = UNPACK_FACTOR * max_bytes
    if unpacked > limit:
        raise ArchiveProblem("unpacks-too-large", size=size_text(unpacked), limit=size_text(limit))


def xml_parser(on_doctype: Callable[..., None] | None = None) -> expat.XMLParserType:
    """An expat parser with namespaces (`URI name`), text buffered, that refuses a DTD: a
    document type declaration calls `on_doctype` (which raises the caller's own error), or
    else raises ArchiveProblem("declares-entities"). An entity declared without a DTD cannot
    be: expat stops at it as malformed."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = on_doctype or _refuse_doctype
    # Even were a declaration let through, nothing outside the part is ever fetched.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def untagged(stretch: int, chunk: bytes) -> int | None:
    """The bytes since the last `<` once `chunk` is read, `stretch` being those before it; None
    where a stretch without a tag passes MAX_STRETCH, which is refused before expat holds it."""
    first = chunk.find(b"<")
    if stretch + (len(chunk) if first < 0 else first) > MAX_STRETCH:
        return None
    return stretch + len(chunk) if first < 0 else len(chunk) - chunk.rfind(b"<") - 1


def _refuse_doctype(*declaration: object) -> None:
    raise ArchiveProblem("declares-entities")
