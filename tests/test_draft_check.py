"""`rk draft --check`: the drafted terms of a signed .docx read back, and compared with the rules.

The documents are built with python-docx, the marks as `rk draft` writes them (a Word bookmark
around each term), and edited as people edit them in Word: a run's text changed, a run split,
a paragraph added outside the marks, a tracked insertion and deletion, a comment, a bookmark
of Word's own. Hostile documents are refused with a problem that names the file, says what is
wrong and how to fix it: never a traceback, never a hang.
"""

from __future__ import annotations

import io
import itertools
import random
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

docx = pytest.importorskip("docx")

from docx.document import Document  # noqa: E402
from docx.oxml import OxmlElement, parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.table import Table  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402

from resultkontrakt.core.wording import DANISH, ENGLISH  # noqa: E402
from resultkontrakt.drafting import reading  # noqa: E402
from resultkontrakt.drafting.check import (  # noqa: E402
    Change,
    Difference,
    as_json,
    compare_terms,
    exit_code,
    said,
)
from resultkontrakt.drafting.reading import DraftError, read_terms  # noqa: E402

# The terms as the rules draft them: what `Draft.terms()` gives.
DRAFTED = {
    "rk_contract": "Resultatkontrakt 2019\nErhvervsstyrelsen og Erhvervshus Midtjylland\n"
                   "1. januar 2019 - 31. december 2019",
    "rk_goal_1": "Mål 1: Virksomhedernes tilfredshed\n"
                 "Målet er nået, når NPS er mindst 60, og delvist nået (50 %), når NPS er mindst 50.",
    "rk_goal_2": "Mål 2: Strategi\nStrategien afleveres senest 1. marts 2019.",
    "rk_payment_bonus": "Resultatløn\nDer udbetales 30 % af tilskuddet, når målene er nået.",
    "rk_split_tilskud": "Part\tBeløb\nErhvervshus Midtjylland\t1.000.000 kr.\nErhvervshus Sjælland\t500.000 kr.",
}
TITLES = {"rk_contract": "Resultatkontrakt 2019", "rk_goal_1": "Mål 1: Virksomhedernes tilfredshed",
          "rk_goal_2": "Mål 2: Strategi", "rk_payment_bonus": "Resultatløn",
          "rk_split_tilskud": "Fordelingen af tilskuddet"}

_ids = itertools.count(100)


def bookmark(first: Paragraph | Table, last: Paragraph | Table, name: str) -> None:
    """Wrap `first` to `last` in the bookmark `name`, as Word writes one: its start the first
    child of the first paragraph (or just before a table), its end the last child of the last."""
    key = str(next(_ids))
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): key, qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): key})
    if isinstance(first, Table):
        first._tbl.addprevious(start)
    else:
        first._p.insert(0 if first._p.pPr is None else 1, start)
    if isinstance(last, Table):
        last._tbl.addnext(end)
    else:
        last._p.append(end)


def drafted_document(terms: dict[str, str] = DRAFTED) -> Document:
    """A document as `rk draft --format docx` writes one: each term its paragraphs (a table
    where the text has tabs), wrapped in its mark."""
    document = docx.Document()
    for mark, text in terms.items():
        lines = text.split("\n")
        if "\t" in text:
            rows = [line.split("\t") for line in lines]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
            bookmark(table, table, mark)
        else:
            paragraphs = [document.add_paragraph(line) for line in lines]
            bookmark(paragraphs[0], paragraphs[-1], mark)
    return document


def saved(document: Document, path: Path) -> Path:
    document.save(str(path))
    return path


def paragraph_with(document: Document, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if text in p.text)


def split_run(paragraph: Paragraph, old: str, new: str) -> None:
    """Change `old` to `new` as Word does when a word is typed over: the run splits in three,
    the new text a run of its own."""
    [run] = paragraph.runs
    before, _, after = run.text.partition(old)
    run.text = before
    typed, rest = (parse_xml(f'<w:r {nsdecls("w")} w:rsidR="00A1B2C3"><w:t xml:space="preserve">{text}</w:t></w:r>')
                   for text in (new, after))
    run._r.addnext(typed)
    typed.addnext(rest)


def track_change(paragraph: Paragraph, old: str, new: str) -> None:
    """Change `old` to `new` with Track Changes on: `old` deleted (`w:del`), `new` inserted
    (`w:ins`), the rest of the run as it was."""
    [run] = paragraph.runs
    before, _, after = run.text.partition(old)
    run.text = before
    revision = 'w:id="{}" w:author="Jurist" w:date="2019-02-01T10:00:00Z"'
    deleted = parse_xml(f'<w:del {nsdecls("w")} {revision.format(901)}><w:r><w:delText xml:space="preserve">'
                        f'{old}</w:delText></w:r></w:del>')
    inserted = parse_xml(f'<w:ins {nsdecls("w")} {revision.format(902)}><w:r><w:t xml:space="preserve">'
                         f'{new}</w:t></w:r></w:ins>')
    run._r.addnext(deleted)
    deleted.addnext(inserted)
    inserted.addnext(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{after}</w:t></w:r>'))


def signed_document(tmp_path: Path) -> Path:
    """The drafted document, signed after three terms were edited as Word edits (a threshold
    typed over, a due date's run changed, a percentage changed with Track Changes on), and
    more edited that changes no term."""
    document = drafted_document()
    split_run(paragraph_with(document, "mindst 60"), "60", "65")
    date = paragraph_with(document, "senest")
    date.runs[0].text = date.runs[0].text.replace("1. marts", "15. marts")
    track_change(paragraph_with(document, "Der udbetales"), "30", "35")
    # Edits that change no term: a preamble and a signature date outside the marks; Word's own
    # bookmark inside a term; a comment on a term; whitespace made otherwise.
    document.paragraphs[0].insert_paragraph_before("Indledning: denne kontrakt er indgået efter udbud.")
    document.add_paragraph("Underskrevet den 3. februar 2019")
    title = paragraph_with(document, "Virksomhedernes")
    title._p.append(OxmlElement("w:bookmarkStart", {qn("w:id"): "0", qn("w:name"): "_GoBack"}))
    title._p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): "0"}))
    document.add_comment(title.runs, text="Skal titlen stå sådan?", author="Jurist")
    parties = paragraph_with(document, "Erhvervsstyrelsen og")
    parties.runs[0].text = parties.runs[0].text.replace(" og ", "\u00a0og  ") + "  "
    deleted_text = parse_xml(f'<w:del {nsdecls("w")} w:id="903" w:author="Jurist" w:date="2019-02-01T10:00:00Z">'
                             '<w:r><w:delText>Udkast: </w:delText></w:r></w:del>')
    title._p.insert(1, deleted_text)
    return saved(document, tmp_path / "underskrevet.docx")


# ---- reading --------------------------------------------------------------------------------


def test_the_drafted_terms_read_back_as_they_were_drafted(tmp_path: Path) -> None:
    path = saved(drafted_document(), tmp_path / "udkast.docx")
    assert read_terms(path) == DRAFTED
    assert list(read_terms(path)) == list(DRAFTED)  # in the document's order


def test_a_threshold_a_due_date_and_a_percentage_changed_in_word_are_found_and_nothing_else(
        tmp_path: Path) -> None:
    signed = read_terms(signed_document(tmp_path))
    differences = compare_terms(signed, DRAFTED, TITLES)
    assert [(d.kind, d.mark, d.title, d.changes) for d in differences] == [
        ("changed", "rk_goal_1", "Mål 1: Virksomhedernes tilfredshed", (Change("60", "65"),)),
        ("changed", "rk_goal_2", "Mål 2: Strategi", (Change("1", "15"),)),
        ("changed", "rk_payment_bonus", "Resultatløn", (Change("30", "35"),)),
    ]
    assert differences[2].signed == "Resultatløn\nDer udbetales 35 % af tilskuddet, når målene er nået."
    assert differences[2].drafted == DRAFTED["rk_payment_bonus"]
    assert exit_code(differences) == 1


def test_text_inside_a_mark_reads_as_the_document_reads_with_its_changes_accepted(tmp_path: Path) -> None:
    signed = read_terms(signed_document(tmp_path))
    assert signed["rk_goal_1"].startswith("Mål 1: Virksomhedernes tilfredshed\n")  # not "Udkast: "
    assert "Indledning" not in "".join(signed.values())  # outside the marks
    assert "Skal titlen" not in "".join(signed.values())  # a comment is no text of the term


def test_tabs_and_line_breaks_read_as_python_docx_reads_them(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("a\tb\nc")
    paragraph.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)  # a page break is no text
    paragraph.add_run("d")
    bookmark(paragraph, paragraph, "rk_goal_1")
    assert read_terms(saved(document, tmp_path / "d.docx")) == {"rk_goal_1": "a\tb\ncd"}
    assert read_terms(tmp_path / "d.docx")["rk_goal_1"] == paragraph.text


def test_a_paragraph_whose_mark_was_deleted_with_track_changes_runs_on_into_the_next(tmp_path: Path) -> None:
    document = docx.Document()
    first, second = document.add_paragraph("Målet er nået,"), document.add_paragraph(" når NPS er 60.")
    first._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr {nsdecls("w")}><w:del w:id="1" w:author="A" w:date="2019-01-01T00:00:00Z"/></w:rPr>'))
    bookmark(first, second, "rk_goal_1")
    assert read_terms(saved(document, tmp_path / "d.docx")) == {"rk_goal_1": "Målet er nået, når NPS er 60."}


def test_marks_nested_or_overlapping_each_read_their_own_text(tmp_path: Path) -> None:
    document = docx.Document()
    a, b, c = (document.add_paragraph(text) for text in ("A", "B", "C"))
    bookmark(a, c, "rk_contract")
    bookmark(b, b, "rk_goal_1")
    bookmark(a, b, "rk_goal_2")
    assert read_terms(saved(document, tmp_path / "d.docx")) == {"rk_contract": "A\nB\nC", "rk_goal_1": "B",
                                                                 "rk_goal_2": "A\nB"}


def test_an_end_whose_start_was_deleted_is_passed_over(tmp_path: Path) -> None:
    document = drafted_document()
    start = document.element.body.find(".//" + qn("w:bookmarkStart") + f"[@{qn('w:name')}='rk_goal_2']")
    start.getparent().remove(start)
    signed = read_terms(saved(document, tmp_path / "d.docx"))
    assert "rk_goal_2" not in signed
    assert [(d.kind, d.mark) for d in compare_terms(signed, DRAFTED, TITLES)] == [
        ("not-in-document", "rk_goal_2")]


# ---- comparing ------------------------------------------------------------------------------


def test_whitespace_is_no_difference() -> None:
    signed = {"rk_goal_1": "Målet er  nået,\u00a0når NPS er mindst 60. \n", "rk_split_x": "A\t1.000 kr."}
    drafted = {"rk_goal_1": "Målet er nået, når NPS er mindst 60.", "rk_split_x": "A 1.000\u00a0kr."}
    assert compare_terms(signed, drafted, {}) == []
    assert exit_code([]) == 0


def test_a_term_added_to_the_rules_and_one_removed_from_them() -> None:
    signed = {"rk_goal_1": "Mål 1: Tilfredshed\nNPS mindst 60.", "rk_goal_9": "Mål 9: Eksport\nMindst 10 virksomheder."}
    drafted = {"rk_goal_1": "Mål 1: Tilfredshed\nNPS mindst 60.", "rk_payment_bonus": "Resultatløn\n30 %."}
    differences = compare_terms(signed, drafted, {"rk_payment_bonus": "Resultatløn"})
    assert differences == [
        Difference("not-in-document", "rk_payment_bonus", "Resultatløn", None, "Resultatløn\n30 %."),
        Difference("not-in-rules", "rk_goal_9", "", "Mål 9: Eksport\nMindst 10 virksomheder.", None),
    ]
    text = said(differences, ENGLISH)
    assert "Resultatløn: in the rules, but not in the document" in text
    assert "Mål 9: Eksport: in the document, but no longer in the rules" in text  # its heading names it
    assert text.endswith("2 terms of the signed document differ from the rules: 1 not in the document, "
                         "1 no longer in the rules.")


def test_the_differences_in_words_name_the_term_and_show_both_texts_and_the_changed_words(
        tmp_path: Path) -> None:
    differences = compare_terms(read_terms(signed_document(tmp_path)), DRAFTED, TITLES)
    danish = said(differences, DANISH)
    assert "Mål 1: Virksomhedernes tilfredshed: ændret i dokumentet\n  60 → 65\n  reglerne siger:\n" in danish
    assert "    Målet er nået, når NPS er mindst 60, og delvist nået (50 %), når NPS er mindst 50." in danish
    assert "  dokumentet siger:\n    Mål 1: Virksomhedernes tilfredshed\n" \
           "    Målet er nået, når NPS er mindst 65," in danish
    assert danish.endswith("3 vilkår i det underskrevne dokument afviger fra reglerne: 3 ændret.")
    english = said(differences, ENGLISH)
    assert "Resultatløn: changed in the document\n  30 → 35\n  the rules say:" in english
    assert said([], ENGLISH) == "The signed document says what the rules say."
    assert said([], DANISH) == "Det underskrevne dokument siger det, som reglerne siger."


def test_words_added_and_left_out_are_said_so() -> None:
    differences = compare_terms({"rk_goal_1": "NPS mindst 60 og 30 svar"}, {"rk_goal_1": "NPS mindst 60"}, {})
    assert differences[0].changes == (Change("", "og 30 svar"),)
    assert "  added: og 30 svar" in said(differences, ENGLISH)
    differences = compare_terms({"rk_goal_1": "NPS 60"}, {"rk_goal_1": "NPS mindst 60"}, {})
    assert "  udeladt: mindst" in said(differences, DANISH)


def test_text_from_the_document_cannot_drive_the_terminal() -> None:
    differences = compare_terms({"rk_goal_1": "60 \x1b[2J"}, {"rk_goal_1": "60"}, {"rk_goal_1": "Mål\x1b]0;x\x07"})
    text = said(differences, ENGLISH)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in text


def test_the_differences_as_json() -> None:
    differences = compare_terms({"rk_goal_1": "NPS mindst 65.", "rk_goal_9": "Mål 9\nx"},
                                {"rk_goal_1": "NPS mindst 60."}, {"rk_goal_1": "Mål 1"})
    assert as_json(differences, ENGLISH) == [
        {"kind": "changed", "mark": "rk_goal_1", "title": "Mål 1", "document": "NPS mindst 65.",
         "rules": "NPS mindst 60.", "changes": [{"rules": "60", "document": "65"}]},
        {"kind": "not-in-rules", "mark": "rk_goal_9", "title": "Mål 9", "document": "Mål 9\nx", "rules": None,
         "changes": []},
    ]


# ---- refused ---------------------------------------------------------------------------------


def refused(path: Path, **options: int) -> DraftError:
    with pytest.raises(DraftError) as caught:
        read_terms(path, **options)
    [found] = caught.value.problems
    # Every refusal names the file, says what is wrong and how to fix it, in both languages.
    assert path.name in found.message and found.hint
    assert not found.message_in(DANISH).startswith("draft.") and found.hint_in(DANISH)
    assert path.name in str(caught.value)
    return caught.value


def code(error: DraftError) -> str:
    return error.problems[0].code


def archive(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in parts.items():
            zipped.writestr(name, data)
    return path


def document_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {nsdecls("w")}>'
            f"<w:body>{body}</w:body></w:document>").encode()


def marked(name: str, text: str, key: int = 1) -> str:
    return (f'<w:p><w:bookmarkStart w:id="{key}" w:name="{name}"/><w:r><w:t>{text}</w:t></w:r>'
            f'<w:bookmarkEnd w:id="{key}"/></w:p>')


def test_a_file_that_is_no_zip_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kontrakt.docx"
    path.write_text("id;svar\nS1;9\n", encoding="utf-8")
    assert code(refused(path)) == "draft.not-docx"
    assert "is not a Word document (.docx)" in refused(path).problems[0].message


def test_a_file_that_cannot_be_read_is_refused_as_the_file_problem_it_is(tmp_path: Path) -> None:
    error = refused(tmp_path / "mangler.docx")
    assert code(error) == "draft.unreadable"
    big = saved(drafted_document(), tmp_path / "stor.docx")
    error = refused(big, max_size=1000)
    assert code(error) == "draft.unreadable" and "--max-file-size" in (error.problems[0].hint or "")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    # 64 MiB of XML that packs into some 64 KiB: packed a thousand times, where Word packs 10.
    body = document_xml(marked("rk_goal_1", "x") + " " * (64 << 20))
    path = archive(tmp_path / "bombe.docx", {"word/document.xml": body})
    assert path.stat().st_size < 1 << 20
    error = refused(path)
    assert code(error) == "draft.packed-too-tightly"
    assert "this limit cannot be raised" in (error.problems[0].hint or "")


def test_a_document_that_unpacks_past_four_times_the_file_limit_is_refused(tmp_path: Path) -> None:
    words = [f"ord{n}" for n in range(5000)]
    paragraphs = [" ".join(words[(n * 7919 + k) % 5000] for k in range(100)) for n in range(4000)]
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)  # 3 MiB, packed 3 times
    body = f'<w:bookmarkStart w:id="1" w:name="rk_goal_1"/>{body}<w:bookmarkEnd w:id="1"/>'
    path = archive(tmp_path / "lang.docx", {"word/document.xml": document_xml(body)})
    error = refused(path, max_size=path.stat().st_size)
    assert code(error) == "draft.unpacks-too-large"
    assert "--max-file-size" in (error.problems[0].hint or "")
    assert read_terms(path)["rk_goal_1"] == "\n".join(paragraphs)  # within the default limit, it is read


def test_an_archive_of_more_parts_than_word_writes_is_refused(tmp_path: Path) -> None:
    parts = {f"word/media/image{n}.png": b"" for n in range(10_001)}
    path = archive(tmp_path / "dele.docx", {"word/document.xml": document_xml(marked("rk_goal_1", "x")), **parts})
    assert code(refused(path)) == "draft.too-many-parts"


def test_xml_that_declares_entities_is_refused_at_the_declaration(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{laughs}]>'
            f'<w:document {nsdecls("w")}><w:body>{marked("rk_goal_1", "&lol9;")}</w:body></w:document>')
    path = archive(tmp_path / "latter.docx", {"word/document.xml": body.encode()})
    error = refused(path)
    assert code(error) == "draft.entities"
    assert "saved by Word" in (error.problems[0].hint or "")


def test_an_archive_without_word_document_xml_is_refused(tmp_path: Path) -> None:
    path = archive(tmp_path / "arkiv.docx", {"word/documents.xml": document_xml(marked("rk_goal_1", "x"))})
    assert code(refused(path)) == "draft.no-document"


@pytest.mark.parametrize("damage", ["cut", "crc", "not-xml"])
def test_a_damaged_document_is_refused(tmp_path: Path, damage: str) -> None:
    body = document_xml(marked("rk_goal_1", "x"))
    if damage == "cut":
        body = body[: len(body) // 2]
    if damage == "not-xml":
        body = b"\x00\x01 binary"
    path = archive(tmp_path / "skadet.docx", {"word/document.xml": body})
    if damage == "crc":  # a byte of the packed part changed: zlib or the checksum fails
        data = bytearray(path.read_bytes())
        data[30 + len("word/document.xml") + 10] ^= 0xFF  # past the local header (30 bytes) and name
        path.write_bytes(bytes(data))
    assert code(refused(path)) == "draft.not-docx"


def test_a_document_with_no_marks_is_no_draft_of_the_contract(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Resultatkontrakt 2019, skrevet i hånden")
    paragraph = document.add_paragraph("Målet er nået, når NPS er mindst 60.")
    bookmark(paragraph, paragraph, "_GoBack")
    error = refused(saved(document, tmp_path / "haandskrevet.docx"))
    assert code(error) == "draft.no-marks"
    assert "is not a draft of a contract" in error.problems[0].message
    assert "rk draft CONTRACT.rk --format docx" in (error.problems[0].hint or "")


def test_a_mark_whose_end_is_missing_is_refused(tmp_path: Path) -> None:
    body = marked("rk_goal_1", "x", 1) + '<w:p><w:bookmarkStart w:id="2" w:name="rk_goal_2"/><w:r><w:t>y</w:t></w:r></w:p>'
    error = refused(archive(tmp_path / "halv.docx", {"word/document.xml": document_xml(body)}))
    assert code(error) == "draft.mark-unended"
    assert '"rk_goal_2"' in error.problems[0].message


def test_two_starts_of_one_id_are_refused(tmp_path: Path) -> None:
    body = ('<w:p><w:bookmarkStart w:id="1" w:name="rk_goal_1"/><w:bookmarkStart w:id="1" w:name="rk_goal_2"/>'
            '<w:r><w:t>y</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>')
    assert code(refused(archive(tmp_path / "id.docx", {"word/document.xml": document_xml(body)}))) \
        == "draft.mark-unended"


def test_a_mark_that_stands_twice_is_refused(tmp_path: Path) -> None:
    body = marked("rk_goal_1", "x", 1) + marked("rk_goal_1", "y", 2)
    error = refused(archive(tmp_path / "to.docx", {"word/document.xml": document_xml(body)}))
    assert code(error) == "draft.mark-twice"


def test_a_huge_number_of_marks_is_refused(tmp_path: Path) -> None:
    body = "".join(marked(f"rk_goal_{n}", "x", n) for n in range(reading.MAX_MARKS + 1))
    error = refused(archive(tmp_path / "mange.docx", {"word/document.xml": document_xml(body)}))
    assert code(error) == "draft.too-many-marks"
    # Word's own bookmarks cost nothing: only the marks are kept.
    body = marked("rk_goal_1", "x", 0) + "".join(
        f'<w:bookmarkStart w:id="{n}" w:name="_Ref{n}"/>' for n in range(1, reading.MAX_MARKS + 2))
    assert read_terms(archive(tmp_path / "egne.docx", {"word/document.xml": document_xml(body)})) == {
        "rk_goal_1": "x"}


def test_a_document_of_more_elements_than_its_size_warrants_is_refused(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "ELEMENTS_FLOOR", 1000)
    body = marked("rk_goal_1", "x") + "<w:p/>" * 100_000  # packs into a few hundred bytes
    path = archive(tmp_path / "tom.docx", {"word/document.xml": document_xml(body)})
    error = refused(path)
    assert code(error) == "draft.too-many-elements"


def test_a_term_nested_in_many_marks_is_bounded_by_the_text_it_holds(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "TEXT_FLOOR", 10_000)
    starts = "".join(f'<w:bookmarkStart w:id="{n}" w:name="rk_goal_{n}"/>' for n in range(1000))
    ends = "".join(f'<w:bookmarkEnd w:id="{n}"/>' for n in range(1000))
    body = f"<w:p>{starts}<w:r><w:t>{'x' * 2000}</w:t></w:r>{ends}</w:p>"
    error = refused(archive(tmp_path / "rede.docx", {"word/document.xml": document_xml(body)}))
    assert code(error) == "draft.too-much-text"


def test_a_megabyte_without_a_tag_is_refused_before_expat_holds_it(tmp_path: Path) -> None:
    letters = "".join(random.Random(24).choices("abcdefghijklmnopqrstuvwxyzæøå ", k=2 << 20))  # packs 2 times
    body = document_xml(marked("rk_goal_1", "x") + "<w:p><w:r><w:t>" + letters + "</w:t></w:r></w:p>")
    error = refused(archive(tmp_path / "lang.docx", {"word/document.xml": body}))
    assert code(error) == "draft.not-docx"
    assert "megabyte without an XML tag" in (error.problems[0].hint or "")


# ---- properties ------------------------------------------------------------------------------

# Text a person types into Word: letters (Danish too), digits, punctuation, spaces of both kinds,
# tabs and line breaks; no control character, which a .docx cannot hold.
_TYPED = st.text(alphabet=st.sampled_from("abcæøåABCÆØÅ0123456789.,;:%-–§()\"' \u00a0\t\n"), max_size=40)
_TERMS = st.dictionaries(st.from_regex(r"rk_(goal|payment|split)_[a-z0-9_]{1,12}", fullmatch=True), _TYPED,
                         min_size=1, max_size=6)


def _paragraphs(terms: dict[str, str]) -> Iterator[tuple[str, list[str]]]:
    for mark, text in terms.items():
        yield mark, text.split("\n\n") if text else [""]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms=_TERMS)
def test_texts_written_into_a_docx_read_back_exactly(tmp_path: Path, terms: dict[str, str]) -> None:
    document = docx.Document()
    document.add_paragraph("Indledning")
    for mark, paragraphs in _paragraphs(terms):
        written = [document.add_paragraph(text) for text in paragraphs]
        bookmark(written[0], written[-1], mark)
        document.add_paragraph("Tekst mellem vilkårene")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "egenskab.docx"
    path.write_bytes(buffer.getvalue())
    read = read_terms(path)
    assert read == {mark: "\n".join(paragraphs) for mark, paragraphs in _paragraphs(terms)}
    assert compare_terms(read, terms, {}) == []


@given(text=_TYPED, spaces=st.lists(st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", " \n "]), max_size=60))
def test_whitespace_made_otherwise_is_never_a_difference(text: str, spaces: list[str]) -> None:
    words = text.split()
    pieces = iter(spaces)
    respaced = "".join(word + next(pieces, " ") for word in words)
    assert compare_terms({"rk_goal_1": respaced}, {"rk_goal_1": text}, {}) == []


@given(before=_TYPED, after=_TYPED, old=st.integers(0, 10**6), new=st.integers(0, 10**6))
def test_a_changed_number_is_found_as_itself(before: str, after: str, old: int, new: int) -> None:
    drafted, signed = f"{before} mindst {old} {after}", f"{before} mindst {new} {after}"
    differences = compare_terms({"rk_goal_1": signed}, {"rk_goal_1": drafted}, {})
    if old == new:
        assert differences == []
    else:
        assert [d.changes for d in differences] == [(Change(str(old), str(new)),)]


def test_the_bomb_is_made_of_what_it_says() -> None:
    # The zip bomb above relies on deflate packing spaces a thousand times; were it not to, the
    # test would check the limit on the unpacked size instead of the packing.
    assert len(zlib.compress(b" " * (1 << 20), 9)) < (1 << 20) // 500
