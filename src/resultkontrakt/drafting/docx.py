"""The drafted contract as a Word document (.docx), through python-docx, an optional extra
(`resultkontrakt[docx]`) imported only here.

Real Word headings (Heading 1 to 4, which Word's navigation pane shows), real tables, the page
number in the footer (a PAGE field), A4 with margins, and a bookmark around each drafted term
named by its mark: its `bookmarkStart` opens the term's first paragraph (its heading), its
`bookmarkEnd` closes its last paragraph, or follows its table where a table ends it. The text
between them is `Draft.terms()` exactly, so a signed copy can be read back and compared.

The same draft gives the same bytes: the document's properties are fixed (author
`resultkontrakt`, dated `SOURCE_DATE_EPOCH` where it is set, else the first day of the
contract's period, else 1980-01-01), and the zip python-docx saves (which stamps each entry
with the time of saving) is written again from its bytes with that date on every entry, in
a fixed order. That normalises the container; what python-docx writes inside is its own.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from .document import Draft, Heading, Paragraph, Table, Term

AUTHOR = "resultkontrakt"
# The earliest day a zip entry can carry (its date counts years from 1980).
EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
_LANGUAGES = {"da": "da-DK", "en": "en-GB"}


def stamp(draft: Draft) -> dt.datetime:
    """The date the document is stamped with: `SOURCE_DATE_EPOCH` (seconds since 1970, as
    reproducible builds set it) where it is set, else the first day of the contract's period,
    else 1 January 1980; never before 1980, which a zip cannot say."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    elif isinstance(draft.start, dt.date):
        when = dt.datetime(draft.start.year, draft.start.month, draft.start.day, tzinfo=dt.UTC)
    else:
        when = EARLIEST
    return max(when, EARLIEST)


def docx_bytes(draft: Draft) -> bytes:
    """The draft as the bytes of a .docx file, the same for the same draft."""
    document = docx.Document()
    when = stamp(draft)
    _properties(document, draft, when)
    _page(document, draft)
    body = document.element.body
    bookmark = 0
    for part in draft.parts:
        if isinstance(part, Term):
            first = len(body) - 1  # before the section properties, which stay last
            # A goal or a payment stays on one page where it fits on one: each of its paragraphs
            # kept with the next, and whole. A term with a table may run over pages.
            whole = not any(isinstance(b, Table) for b in part.blocks)
            for n, block in enumerate(part.blocks):
                _add(document, block, kept=whole, with_next=whole and n < len(part.blocks) - 1)
            added = list(body)[first:-1]
            _bookmark(added, part, bookmark)
            bookmark += 1
        else:
            _add(document, part)
    saved = io.BytesIO()
    document.save(saved)
    return _normalised(saved.getvalue(), when)


def _properties(document: docx.document.Document, draft: Draft, when: dt.datetime) -> None:
    core = document.core_properties
    core.author = AUTHOR
    core.last_modified_by = AUTHOR
    core.title = draft.title
    core.subject = ""
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.revision = 1
    naive = when.replace(tzinfo=None)
    core.created = naive
    core.modified = naive
    core.last_printed = naive
    core.language = _LANGUAGES.get(draft.lang, draft.lang)


def _page(document: docx.document.Document, draft: Draft) -> None:
    """A4 upright with margins, the page number centred in the footer, and the document's
    language on its text (so Word checks the spelling in Danish)."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    properties = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), _LANGUAGES.get(draft.lang, draft.lang))
    properties.append(language)


def _page_field(paragraph: WordParagraph) -> None:
    """A PAGE field: Word puts the number of the page it stands on."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)


def _add(document: docx.document.Document, block: Heading | Paragraph | Table, kept: bool = False,
         with_next: bool = False) -> None:
    if isinstance(block, Heading):
        document.add_heading(block.text, level=block.level)
    elif isinstance(block, Paragraph):
        if block.kind == "item":
            paragraph = document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "signature line":  # a line to write on, as a form draws one
            paragraph = document.add_paragraph(f"{block.text} ")
            paragraph.add_run("\u00a0" * 60).underline = True
        else:
            paragraph = document.add_paragraph(block.text)
        if block.kind.startswith("signature"):
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_before = Pt(12)
        elif kept:
            paragraph.paragraph_format.keep_together = True
            paragraph.paragraph_format.keep_with_next = with_next
    else:
        _table(document, block)


def _table(document: docx.document.Document, table: Table) -> None:
    lines = table.lines
    made = document.add_table(rows=len(lines), cols=len(table.header))
    made.style = "Table Grid"
    made.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, line in enumerate(lines):
        row = made.rows[r]
        bold = r == 0 or (table.footer is not None and r == len(lines) - 1)
        if r == 0:  # the header row repeats on each page the table runs over
            header = OxmlElement("w:tblHeader")
            row._tr.get_or_add_trPr().append(header)
        for c, text in enumerate(line):
            paragraph = row.cells[c].paragraphs[0]
            paragraph.add_run(text).bold = bold
            if table.numeric[c]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _bookmark(elements: list[object], term: Term, number: int) -> None:
    """A bookmark named by the term's mark around its elements: it starts in its first
    paragraph, and ends in its last paragraph, or after its last table."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), term.mark)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    first, last = elements[0], elements[-1]
    properties = first.find(qn("w:pPr"))  # type: ignore[attr-defined]
    if properties is not None:
        properties.addnext(start)
    else:
        first.insert(0, start)  # type: ignore[attr-defined]
    if last.tag == qn("w:p"):  # type: ignore[attr-defined]
        last.append(end)  # type: ignore[attr-defined]
    else:
        last.addnext(end)  # type: ignore[attr-defined]


def _normalised(data: bytes, when: dt.datetime) -> bytes:
    """The zip written again from its bytes: every entry dated `when`, with the same
    permissions and compression, `[Content_Types].xml` first and the rest by name."""
    stamp_ = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as saved, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        names = sorted(saved.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        for name in names:
            entry = zipfile.ZipInfo(name, date_time=stamp_)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            written.writestr(entry, saved.read(name), compresslevel=9)
    return out.getvalue()
