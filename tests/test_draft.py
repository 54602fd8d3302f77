"""`rk draft`: the contract document drafted from the rules (issue 24).

Every example is drafted in all three formats. The .docx is read back with python-docx as Word
would open it: real headings, real tables, A4, a page number, and a bookmark around each drafted
term holding exactly the term's text (what a signed copy is compared with). The HTML is printed
in Chromium: A4, no heading last on its page, no term cut in two. The 2019 draft holds the split
table to the krone; drafting twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from fractions import Fraction
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.drafting.document import MARK_LENGTH, Draft, draft, mark_of
from resultkontrakt.drafting.docx import docx_bytes
from resultkontrakt.drafting.markdown import markdown
from resultkontrakt.drafting.page import page

from .conftest import DEEP, EXAMPLE, EXAMPLES, Rk
from .printing import A4, Printer, classes, needs_browser, printed_pages

CONTRACTS = sorted(EXAMPLES.glob("*.rk"))
NAMES = [c.stem for c in CONTRACTS]
BOOKMARK = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")


def _text(element: object) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))  # type: ignore[attr-defined]


def bookmarked(document: docx.document.Document) -> dict[str, str]:
    """The text inside each bookmark of a document, as Draft.terms() gives a term's: a line a
    paragraph, a table's rows a line each with their cells joined by tabs."""
    found: dict[str, str] = {}
    open_: dict[str, tuple[str, list[str]]] = {}

    def close(end: object) -> None:
        name, lines = open_.pop(end.get(qn("w:id")))  # type: ignore[attr-defined]
        found[name] = "\n".join(lines)

    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            for start in element.iter(qn("w:bookmarkStart")):
                open_[start.get(qn("w:id"))] = (start.get(qn("w:name")), [])
            for _, lines in open_.values():
                lines.append(_text(element))
            for end in element.iter(qn("w:bookmarkEnd")):
                close(end)
        elif element.tag == qn("w:tbl"):
            rows = ["\t".join(_text(cell) for cell in row.iter(qn("w:tc"))) for row in element.iter(qn("w:tr"))]
            for _, lines in open_.values():
                lines.extend(rows)
        elif element.tag == qn("w:bookmarkEnd"):
            close(element)
    assert not open_, f"bookmarks never closed: {open_}"
    return found


@pytest.fixture(scope="module")
def drafts() -> dict[str, Draft]:
    return {contract.stem: draft(rk.load(contract), "da") for contract in CONTRACTS}


def test_every_example_is_drafted_in_three_formats(rk: Rk, tmp_path: Path) -> None:
    assert len(CONTRACTS) >= 6
    for contract in CONTRACTS:
        md = rk("draft", contract)
        assert md.exit == 0 and md.stderr == "", md.stderr
        assert md.stdout.startswith("<!-- rk_contract -->\n\n# ")
        html = rk("draft", contract, "--format", "html")
        assert html.exit == 0 and html.stdout.startswith("<!DOCTYPE html>") and '<html lang="da">' in html.stdout
        out = tmp_path / f"{contract.stem}.docx"
        written = rk("draft", contract, "--format", "docx", "-o", out)
        assert written.exit == 0 and written.stdout == "", written.stderr
        assert zipfile.is_zipfile(out)


@pytest.mark.parametrize("name", NAMES)
def test_the_docx_reads_back_with_headings_tables_a4_page_numbers_and_every_term_bookmarked(
        name: str, drafts: dict[str, Draft]) -> None:
    drafted = drafts[name]
    document = docx.Document(io.BytesIO(docx_bytes(drafted)))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles[0] == "Heading 1" and document.paragraphs[0].text == drafted.title
    assert {"Heading 2", "Heading 3"} <= set(styles)
    assert document.tables, "the follow-up's reporting periods are a real table"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fields = [t.text for t in section.footer._element.iter(qn("w:instrText"))]
    assert [f.strip() for f in fields] == ["PAGE"]
    terms = drafted.terms()
    assert set(terms) >= {"rk_contract"} and all(BOOKMARK.fullmatch(mark) for mark in terms)
    assert bookmarked(document) == terms
    assert document.core_properties.author == "resultkontrakt"
    # A heading is never alone at a page's foot, and a goal stays on one page where it fits.
    for level in range(1, 5):
        assert document.styles[f"Heading {level}"].paragraph_format.keep_with_next
    paragraphs = document.paragraphs
    goal = [n for n, p in enumerate(paragraphs) if p.style is not None and p.style.name.startswith("Heading")
            and p.text.startswith("Mål 1:")]
    if goal:
        after = paragraphs[goal[0] + 1:]
        kept = [p.paragraph_format.keep_with_next for p in after[:len(terms["rk_goal_1"].split("\n")) - 1]]
        assert kept[:-1] == [True] * (len(kept) - 1) and kept[-1] is False


def test_the_terms_are_each_goal_payment_and_split_with_what_a_reader_calls_them() -> None:
    contract = rk.load(EXAMPLES / "busdrift-2024.rk")
    drafted = draft(contract, "da")
    assert list(drafted.term_titles()) == ["rk_contract", "rk_goal_1", "rk_goal_2", "rk_payment_bod",
                                           "rk_payment_bonus", "rk_payment_regulering"]
    assert drafted.term_titles()["rk_payment_bonus"] == "Betaling: Bonus for kundetilfredshed"
    assert drafted.term_titles()["rk_goal_2"] == "Mål 2: Kundetilfredshed"
    north = draft(rk.load(EXAMPLE), "da").terms()
    assert "Målet er nået, når NPS er mindst 60, og delvist nået (50\u00a0%), når NPS er mindst 50. " \
           "Ellers er målet ikke nået." in north["rk_goal_1"].split("\n")
    assert "Kommunikations- og kendskabsstrategi klar til 2020, senest 31. december 2019." in north["rk_goal_4"]
    housing = draft(rk.load(EXAMPLES / "social-investering-2021.rk"), "da").terms()["rk_goal_1"]
    assert "Boligopgørelse efter 18 måneder, senest 18\u00a0måneder efter første indflytning." in housing.split("\n")
    english = draft(rk.load(EXAMPLE), "en").terms()
    assert "The goal is met when NPS is at least 60, and partly met (50%) when NPS is at least 50." \
           in english["rk_goal_1"]


def test_the_2019_draft_holds_the_split_table_to_the_krone(rk: Rk, drafts: dict[str, Draft]) -> None:
    amounts = rk_split_amounts()
    md = rk("draft", EXAMPLE).stdout
    for party, tkr in amounts.items():
        kroner = f"{tkr * 1000:,}".replace(",", ".")
        assert re.search(rf"^\| {party} \| [0-9.]+ \| [0-9.]+\u00a0kr\. \| {re.escape(kroner)}\u00a0kr\. \|$",
                         md, re.M), party
    assert "| **I alt** | **589.148** | **1.374.000\u00a0kr.** | **16.488.000\u00a0kr.** |" in md
    term = drafts["nordjylland-2019"].terms()["rk_split_basisbevilling"]
    assert "Morsø\t20.514\t48.000\u00a0kr.\t576.000\u00a0kr." in term.split("\n")


def rk_split_amounts() -> dict[str, int]:
    """Each municipality's amount in t.kr., as `rk split` and the report work it out."""
    allocation = rk.load(EXAMPLE).split("basisbevilling")
    found = {party: int(allocation[party]) for party in allocation}
    assert found["Morsø"] == 576 and found["Aalborg"] == 5976 and sum(found.values()) == 16488
    return found


def test_drafting_twice_gives_the_same_bytes_and_source_date_epoch_dates_the_docx(
        drafts: dict[str, Draft], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    contract = rk.load(EXAMPLE)
    again = draft(contract, "da")
    assert markdown(again) == markdown(drafts["nordjylland-2019"])
    assert page(again) == page(drafts["nordjylland-2019"])
    plain = docx_bytes(again)
    assert plain == docx_bytes(draft(rk.load(EXAMPLE), "da"))
    with zipfile.ZipFile(io.BytesIO(plain)) as saved:
        assert {entry.date_time for entry in saved.infolist()} == {(2019, 1, 1, 0, 0, 0)}
        assert saved.namelist()[0] == "[Content_Types].xml"
    document = docx.Document(io.BytesIO(plain))
    assert document.core_properties.created == dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023, 22:13:20 UTC
    dated = docx_bytes(again)
    assert dated == docx_bytes(draft(rk.load(EXAMPLE), "da")) and dated != plain
    with zipfile.ZipFile(io.BytesIO(dated)) as saved:
        assert {entry.date_time for entry in saved.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert docx.Document(io.BytesIO(dated)).core_properties.modified == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


def test_a_draft_is_written_for_readers_no_name_with_an_underscore(drafts: dict[str, Draft]) -> None:
    for name, drafted in drafts.items():
        for mark, block in drafted.blocks():
            texts = ["\t".join(row) for row in block.lines] if hasattr(block, "lines") else [block.text]
            for text in texts:
                assert "_" not in text and not re.search(r"[<>!]=|\w\(", text), (name, mark, text)


@given(st.text(max_size=80))
def test_a_mark_is_always_a_word_bookmark_name_and_never_taken_twice(name: str) -> None:
    taken: set[str] = set()
    first, second = mark_of("goal", name, taken), mark_of("goal", name, taken)
    assert BOOKMARK.fullmatch(first) and BOOKMARK.fullmatch(second) and first != second
    assert len(first) <= MARK_LENGTH and first == mark_of("goal", name, set())


def test_a_long_name_is_shortened_with_a_stable_hash() -> None:
    long = "opsøgende_indsats_for_virksomheder_i_hele_regionen_2019"
    mark = mark_of("payment", long, set())
    assert len(mark) == MARK_LENGTH and mark.startswith("rk_payment_opsoegende_indsats_") and \
        mark == mark_of("payment", long, set())
    assert mark_of("goal", "1", set()) == "rk_goal_1"


def test_a_contract_with_errors_is_not_drafted(rk: Rk, tmp_path: Path) -> None:
    broken = tmp_path / "broken.rk"
    broken.write_text('contract "X" {}\ngoal 1 "A" { score nps >= 60 -> 100% }\n', encoding="utf-8")
    run = rk("draft", broken)
    assert run.exit == 1 and run.stdout == "" and "nps" in run.stderr


def test_without_python_docx_the_error_names_the_extra(
        rk: Rk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.delitem(sys.modules, "resultkontrakt.drafting.docx", raising=False)
    run = rk("draft", EXAMPLE, "--format", "docx", "-o", tmp_path / "x.docx")
    assert run.exit == 2 and "pip install 'resultkontrakt[docx]'" in run.stderr
    assert not (tmp_path / "x.docx").exists()


@needs_browser
def test_every_draft_prints_on_a4_with_no_heading_last_on_a_page_and_no_term_cut_in_two(
        browser: Printer, tmp_path: Path, drafts: dict[str, Draft]) -> None:
    # The quick loop prints the North Jutland draft in both languages; the deep profile, every one.
    pages = {name: page(drafted) for name, drafted in drafts.items() if DEEP or name == "nordjylland-2019"}
    pages["nordjylland-2019-en"] = page(draft(rk.load(EXAMPLE), "en"))
    wrong = []
    for name, printed in printed_pages(browser, tmp_path, pages).items():
        wrong += [f"{name}: page {n + 1} is not A4" for n, (width, height) in enumerate(printed.sizes)
                  if abs(width - A4[0]) > 1 or abs(height - A4[1]) > 1]
        for element in printed.elements():
            if element.tag in ("h1", "h2", "h3", "h4") and not printed.followed_on_the_same_page(element):
                wrong.append(f"{name}: heading last on its page: {printed.text_of(element)}")
            if "term" in classes(element) and len(printed.pages(element)) > 1:
                wrong.append(f"{name}: {element.get('id')} cut over pages {sorted(printed.pages(element))}")
        if name == "nordjylland-2019":
            assert len(printed.sizes) > 1 and printed.unprinted < len(printed.text) // 50
    assert not wrong, "\n".join(wrong)


def test_amounts_in_the_table_add_up_to_the_total() -> None:
    amounts = rk_split_amounts()
    assert Fraction(sum(amounts.values())) == 16488


def test_a_docx_is_never_written_to_a_terminal(rk: Rk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    run = rk("draft", EXAMPLE, "--format", "docx")
    assert run.exit == 2 and run.stdout == ""
    assert "not written to a terminal" in run.stderr and "-o CONTRACT.docx" in run.stderr


def test_a_written_draft_is_read_back_the_same(rk: Rk, tmp_path: Path) -> None:
    out = tmp_path / "kontrakt.md"
    out.write_text("an older draft", encoding="utf-8")
    assert rk("draft", EXAMPLE, "-o", out).exit == 0
    assert out.read_text(encoding="utf-8") == markdown(draft(rk_load(EXAMPLE), "da"))
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    refused = rk("draft", EXAMPLE, "--format", "docx", "-o", folder)
    assert refused.exit == 1 and "cannot write the draft" in refused.stderr


def rk_load(path: Path) -> rk.Contract:
    """A contract loaded, where the `rk` fixture hides the module of that name."""
    return rk.load(path)


HOSTILE = '''contract "<b>Kontrakt</b> *med* [link](http://x.dk) | bar" {
    parties "A & B <script>", "C_D"
    period 2024-01-01 .. 2024-12-31
    """
    # Ikke en overskrift
    <img src=x onerror=alert(1)>
    """
}

fact x: number label "x <i>"

goal 1 "Mål med | bar og `kode`" {
    score x >= 10 -> 100%; >= 5 -> 50%
}

payment bøde "Bøde" = 100 kr
payment boede "Anden bøde" = 200 kr
payment en_meget_lang_betaling_med_et_navn_der_ikke_kan_vaere_et_bogmaerke "Lang" = 1 kr
'''


def test_texts_show_as_written_and_marks_that_would_clash_are_told_apart(tmp_path: Path) -> None:
    contract = rk.loads(HOSTILE, "hostile.rk")
    drafted = draft(contract, "da")
    marks = list(drafted.terms())
    assert marks[:3] == ["rk_contract", "rk_goal_1", "rk_payment_boede"]
    assert re.fullmatch(r"rk_payment_boede_[0-9a-f]{8}", marks[3]) and len(marks[4]) == MARK_LENGTH
    assert all(BOOKMARK.fullmatch(mark) for mark in marks)
    md = markdown(drafted)
    assert "# \\<b\\>Kontrakt\\</b\\> \\*med\\* \\[link\\](http\\://x.dk) \\| bar" in md
    assert "\\# Ikke en overskrift \\<img src=x onerror=alert(1)\\>" in md
    html = page(drafted)
    assert "<script>" not in html and "<img" not in html and "<b>Kontrakt" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    document = docx.Document(io.BytesIO(docx_bytes(drafted)))
    assert document.paragraphs[0].text == "<b>Kontrakt</b> *med* [link](http://x.dk) | bar"
    assert bookmarked(document) == drafted.terms()


# ---- rk draft --check: the signed document against the rules ----------------------------------

PLAN = EXAMPLES / "maal-og-resultatplan-2023.rk"


def _edited(path: Path, *edits: tuple[str, str]) -> None:
    """Each `old` text typed over with `new` in the run that holds it, as Word keeps a run's
    formatting when a word in it is changed; a sentence added by hand at the end."""
    document = docx.Document(str(path))
    for old, new in edits:
        run = next((r for p in document.paragraphs for r in p.runs if old in r.text), None)
        assert run is not None, old
        run.text = run.text.replace(old, new, 1)
    document.add_paragraph("Underskrevet i København, 2. januar 2023.")
    document.save(str(path))


@pytest.mark.parametrize("contract", CONTRACTS, ids=NAMES)
def test_a_draft_as_it_was_written_says_what_the_rules_say(rk: Rk, tmp_path: Path, contract: Path) -> None:
    signed = tmp_path / "signed.docx"
    assert rk("draft", contract, "--format", "docx", "-o", signed).exit == 0
    checked = rk("draft", "--check", signed, contract)
    assert (checked.exit, checked.stderr) == (0, "")
    assert checked.stdout.strip() in ("Det underskrevne dokument siger det, som reglerne siger.",
                                      "The signed document says what the rules say.")


def test_check_finds_a_changed_threshold_due_date_and_percentage_and_nothing_else(rk: Rk, tmp_path: Path) -> None:
    signed = tmp_path / "signed.docx"
    assert rk("draft", PLAN, "--format", "docx", "-o", signed).exit == 0
    _edited(signed, ("er højst 30\u00a0dage,", "er højst 35\u00a0dage,"),
            ("30. september 2023", "31. oktober 2023"), ("10\u00a0% af", "12\u00a0% af"))
    checked = rk("draft", "--check", signed, PLAN)
    assert checked.exit == 1, checked.stderr
    said = checked.stdout.replace("\u00a0", " ")
    changed = [line for line in said.splitlines() if line.endswith(": ændret i dokumentet")]
    assert changed == ["Mål 1: Hurtig registrering af varemærker: ændret i dokumentet",
                       "Mål 5: Digital selvbetjening ved fornyelse af varemærker: ændret i dokumentet",
                       "Betaling: Resultatløn 2023: ændret i dokumentet"]
    for change in ("  30 → 35", "  september → oktober", "  10 → 12"):
        assert change in said.splitlines()
    assert said.rstrip().endswith("3 vilkår i det underskrevne dokument afviger fra reglerne: 3 ændret.")
    # The same edit in the rules instead: the document, as signed, says what they now say.
    rules = tmp_path / "plan.rk"
    text = PLAN.read_text(encoding="utf-8")
    for old, new in (("score sagsbehandlingstid <= 30", "score sagsbehandlingstid <= 35"),
                     ("due 2023-09-30", "due 2023-10-31"), ("of 10% of (", "of 12% of (")):
        assert old in text, old
        text = text.replace(old, new, 1)
    rules.write_text(text, encoding="utf-8")
    assert rk("draft", "--check", signed, rules).exit == 0


def test_check_refuses_a_document_that_is_no_draft_and_takes_no_format(rk: Rk, tmp_path: Path) -> None:
    plain = tmp_path / "brev.docx"
    letter = docx.Document()
    letter.add_paragraph("Kære Patentstyrelse")
    letter.save(str(plain))
    refused = rk("draft", "--check", plain, PLAN)
    assert refused.exit == 1 and refused.stdout == ""
    assert "brev.docx" in refused.stderr and "rk draft" in refused.stderr  # what is wrong, and how to fix it
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert rk("draft", "--check", broken, PLAN).exit == 1
    wrong = rk("draft", "--check", plain, PLAN, "--format", "md")
    assert wrong.exit == 2 and "--format" in wrong.stderr


def test_a_yearly_target_changed_in_the_document_is_found(rk: Rk, tmp_path: Path) -> None:
    """The targets a goal is judged by (`måltal[period.year]`) are drafted entry by entry, so a
    target typed over in the signed copy is a difference like a threshold."""
    contract = EXAMPLES / "udviklingskontrakt-2008.rk"
    signed = tmp_path / "signed.docx"
    assert rk("draft", contract, "--format", "docx", "-o", signed).exit == 0
    _edited(signed, ("2011: 5.800", "2011: 5.500"))
    checked = rk("draft", "--check", signed, contract)
    assert checked.exit == 1
    said = checked.stdout.replace("\u00a0", " ").splitlines()
    assert "Mål 1: Forskningspublikationer: ændret i dokumentet" in said and "  5.800 → 5.500" in said
    assert said[-1] == "1 vilkår i det underskrevne dokument afviger fra reglerne: 1 ændret."
