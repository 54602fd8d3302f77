"""The annual report: Markdown and HTML, Danish by default, checked as a reader sees it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import attrs
import pytest

import resultkontrakt as rk
from resultkontrakt.output import report

from .conftest import EXAMPLE, EXAMPLE_FACTS, Rk
from .png import longest_run, read_png, upright
from .printing import Printer, needs_browser


@pytest.fixture(scope="module")
def built() -> report.Report:
    return report.build(rk.load(EXAMPLE), rk.load_facts(EXAMPLE_FACTS))


def test_markdown_is_danish_with_danish_numbers(built: report.Report) -> None:
    # Danish writes a (no-break) space before %, so "50 %" never splits over two lines.
    text = report.markdown(built).replace("\u00a0", " ")
    assert text.startswith("# Årsrapport: Resultatkontrakt 2019\n")
    assert "**Samlet målopfyldelse: ≈72,2 % (gennemsnit af 9 mål)**" in text
    assert "| 1 | Virksomhedernes tilfredshed med den specialiserede vejledning | delvist opfyldt | 50 % |" in text
    assert "NPS = 57 (400 svar: 264 anbefalere, 36 kritikere): under 60, men mindst 50 → 50 %" in text
    assert "| Morsø | 20.514 | 576 t.kr. |" in text
    assert "| **I alt** | 589.148 | **16.488 t.kr.** |" in text
    assert "> Virksomheder med 1:1-vejledning" in text  # the goal's own text


def test_markdown_in_english(tmp_path: Path) -> None:
    english = report.build(rk.load(EXAMPLE), rk.load_facts(EXAMPLE_FACTS), "en")
    text = report.markdown(english)
    assert "**Overall fulfilment: ≈72.2% (average of 9 goals)**" in text
    assert "| 6 | Erhvervshusene som knudepunkter i erhvervsfremmesystemet | not met | 0% |" in text
    assert "| **Total** | 589,148 | **16,488\u00a0tkr** |" in text  # grouped as English writes it


def test_markdown_escapes_what_markdown_would_interpret() -> None:
    contract = rk.loads('fact x: number\ngoal 1 "a | b *c*" { score x >= 1 -> 100% }')
    text = report.markdown(report.build(contract, {"x": 1}))
    assert "a \\| b \\*c\\*" in text


def test_html_is_one_self_contained_page(built: report.Report) -> None:
    page = report.page(built)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="da">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page
    for outside in ("http://", "https://", "<script", "<link", "src=", "@import", "url("):
        assert outside not in page, outside
    assert 'aria-valuenow="50"' in page  # goal 1's bar
    assert "50\u00a0%" in page


def test_html_escapes_user_text() -> None:
    contract = rk.loads('fact x: number\ngoal 1 "<b>bold</b> & co" { score x >= 1 -> 100% }')
    page = report.page(report.build(contract, {"x": 1}))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in page
    assert "<b>bold</b>" not in page


def test_rk_report_writes_a_file(rk: Rk, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    run = rk("report", EXAMPLE, EXAMPLE_FACTS, "--format", "html", "-o", out)
    assert run.exit == 0
    assert "Samlet målopfyldelse" in out.read_text(encoding="utf-8")
    run = rk("report", EXAMPLE, EXAMPLE_FACTS, "--lang", "en")
    assert run.stdout.startswith("# Annual report: Resultatkontrakt 2019")


def test_a_split_that_cannot_be_worked_out_is_shown_with_why_and_the_goals_still_stand() -> None:
    contract = rk.loads('fact x: number\nfact w: table of integer\ngoal 1 "g" { score x >= 1 -> 100% }\n'
                        'split s { total 10 kr shares from w }')
    built = report.build(contract, {"x": 1})
    text = report.markdown(built)
    assert "Mål 1: g" in text and "**Opfyldt, 100\u00a0%.**" in text
    assert "## Fordelingen af s kan ikke beregnes" in text
    assert "tager sine vægte fra faktummet `w`, som ikke er givet" in report.page(built)
    assert built.failed
    zero = report.build(contract, {"x": 1, "w": {"A": 0, "B": 0}}, "en")
    assert "The split s cannot be worked out" in report.markdown(zero)
    assert "every weight in `w` is zero" in report.page(zero)


def test_rk_report_exits_1_when_a_split_cannot_be_worked_out(rk: Rk, tmp_path: Path) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text('fact x: number\nfact w: table of integer\ngoal 1 "g" { score x >= 1 -> 100% }\n'
                        'split s { total 10 kr shares from w }', encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"x": 1, "w": {"A": 0}}', encoding="utf-8")
    run = rk("report", contract, facts)
    assert run.exit == 1 and "Fordelingen af s kan ikke beregnes" in run.stdout


def test_notebooks_get_html() -> None:
    result = rk.load(EXAMPLE).evaluate(rk.load_facts(EXAMPLE_FACTS))
    notebook = result._repr_html_()
    assert "partly met" in notebook and "<style" not in notebook  # styles only itself
    assert "Morsø" in rk.load(EXAMPLE).split()._repr_html_()
    assert repr(result.goals["1"]) == ("<GoalResult 1 'Virksomhedernes tilfredshed med den spe…': "
                                       "partly met, 50%>")


# ---- in a real browser ---------------------------------------------------------------

def printed(browser: Printer, tmp_path: Path, page: Path) -> str:
    """The text of `page` printed to PDF by the browser, on one line, as a reader gets it."""
    pdf = tmp_path / f"{page.stem}.pdf"
    pdf.write_bytes(browser.pdf(page))
    seen = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", " ", seen.replace("\u00a0", " "))


@pytest.fixture(scope="module")
def page_file(built: report.Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "rapport.html"
    path.write_text(report.page(built), encoding="utf-8")
    return path


@needs_browser
def test_a_reader_sees_the_results_in_the_printed_report(
        page_file: Path, browser: Printer, tmp_path: Path) -> None:
    flat = printed(browser, tmp_path, page_file)
    assert "Årsrapport: Resultatkontrakt 2019" in flat
    assert "Samlet målopfyldelse: ≈72,2 % (gennemsnit af 9 mål)" in flat
    assert "Mål 1: Virksomhedernes tilfredshed med den specialiserede vejledning" in flat
    assert "delvist opfyldt 50 %" in flat
    assert "under 60, men mindst 50 → 50 %" in flat
    # The deliverable by its title; a date may break at its hyphen at the end of a printed line.
    assert "ErhvervsCAMP afholdt blev leveret for sent (23. januar 2020, frist 31. december 2019)" in flat
    assert re.search(r"Morsø 20\.514 576 t\.kr\.", flat)
    assert re.search(r"I alt 589\.148 16\.488 t\.kr\.", flat)


@needs_browser
def test_the_bars_show_each_goals_fulfilment(page_file: Path, browser: Printer, tmp_path: Path) -> None:
    shot = tmp_path / "rapport.png"
    shot.write_bytes(browser.screenshot(page_file, 1000, 900))
    _, _, rows = read_png(shot)
    half = longest_run(rows, (0xC5, 0x8A, 0x16))  # goal 1, partly met
    full = longest_run(rows, (0x2E, 0x7D, 0x4F))  # goal 2, met
    assert full > 300
    assert abs(half / full - 0.5) < 0.02


@needs_browser
def test_the_report_fits_a_phone(page_file: Path, browser: Printer, tmp_path: Path) -> None:
    shot = tmp_path / "phone.png"
    shot.write_bytes(browser.screenshot(page_file, 390, 1200))
    width, _, rows = read_png(shot)
    full = longest_run(rows, (0x2E, 0x7D, 0x4F))
    assert width == 390
    assert 250 < full < 390  # the bar spans the goal's box, inside the screen


# ---- the Danish report reads as Danish ---------------------------------------------------

# What code looks like: none of it belongs in a report for politicians.
CODE = ("count(", "all(", "any(", "share(", "nps(", "sum(", "deliverables", ">=", "<=", "->", "!=", "==")


def _contract_words(contract: rk.Contract) -> list[str]:
    """Every text the contract itself holds: titles, groups, names, its own text blocks and
    reasons. They are the contract's words, in whatever language it was written."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, tuple | list):
            for item in node:
                walk(item)
        elif attrs.has(kind := type(node)) and not isinstance(node, rk.Span):
            for field in attrs.fields(kind):
                walk(getattr(node, field.name))
    walk(contract.module)
    assert found, "the contract's own words were not found in its syntax"
    return sorted({text for text in found if text.strip()}, key=len, reverse=True)


def _outside_the_contract(text: str, contract: rk.Contract) -> str:
    text = "\n".join(line for line in text.splitlines() if not line.startswith(">"))  # its text blocks
    text = text.casefold()  # a label may start a sentence, with a capital
    for own in _contract_words(contract):
        own = own.casefold()
        text = text.replace(own, " ").replace(own.replace("_", "\\_"), " ")
    return text


# Words both languages write alike (Danish "at", "for", "under", "to" = two), and names.
SHARED = {"at", "bytes", "csv", "data", "decimal", "dir", "division", "end", "eval", "for", "give", "gives",
          "have", "json", "kr", "kroner", "max", "minus", "nps", "nul", "problem", "python", "resultkontrakt", "rk", "size",
          "socket", "split", "status", "tkr", "to", "under", "utf",
          "april", "august", "september", "november", "december"}  # months spelt alike, in dates in words


def _english_only_words() -> set[str]:
    """The words (of two letters or more) of the English wording, but for those Danish shares."""
    from resultkontrakt.core.wording import ENGLISH

    return {w.casefold() for value in ENGLISH.words.values()
            for w in re.findall(r"[^\W\d_]{2,}", re.sub(r"\{[^}]*\}", " ", value))} - SHARED


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_the_danish_report_has_no_english_words_and_no_code(form: str) -> None:
    import html as html_module

    contract = rk.load(EXAMPLE)
    built = report.build(contract, rk.load_facts(EXAMPLE_FACTS), "da")
    if form == "markdown":
        text = report.markdown(built)
    else:
        page = report.page(built)
        page = re.sub(r"<style.*?</style>|<script.*?</script>", " ", page, flags=re.S)
        text = html_module.unescape(re.sub(r"<[^>]+>", " ", page))
    said = _outside_the_contract(text.replace("\u00a0", " "), contract)
    english = _english_only_words()
    assert {"answers", "least", "below", "delivered", "promoters", "otherwise"} <= english  # the check can fail
    leaked = sorted({w for w in re.findall(r"[^\W\d_]+", said) if w.casefold() in english})
    assert not leaked, leaked
    assert not [token for token in CODE if token in said]


def test_the_check_for_english_words_finds_them() -> None:
    """The same check on the English report finds English words: it is no check that cannot fail."""
    contract = rk.load(EXAMPLE)
    said = _outside_the_contract(report.markdown(report.build(contract, rk.load_facts(EXAMPLE_FACTS), "en")),
                                 contract)
    assert {w for w in re.findall(r"[^\W\d_]+", said) if w.casefold() in _english_only_words()}


# ---- a follow-up during the period, with payments and a split of a computed total ------------

SOCIAL = EXAMPLE.parent / "social-investering-2021.rk"


@needs_browser
def test_a_follow_up_shows_pending_goals_in_their_own_colour_and_the_payment_waiting(
        browser: Printer, tmp_path: Path) -> None:
    import datetime as dt

    contract = rk.load(SOCIAL)
    facts = rk.load_facts(SOCIAL.parent / "social-investering-2021-midtvejs.facts.json")
    page = tmp_path / "opfoelgning.html"
    page.write_text(report.page(report.build(contract, facts, "da", as_of=dt.date(2023, 6, 30))),
                    encoding="utf-8")
    flat = printed(browser, tmp_path, page)
    assert "Statusrapport: Social investering: Housing First 2021-2024" in flat
    assert "Opgjort pr. 30. juni 2023" in flat
    assert "Afventer Boligopgørelse efter 36 måneder (frist 31. august 2024)" in flat
    assert "Samlet målopfyldelse (foreløbig): 100 % af 1 vurderet mål; 2 afventer (mål 1, 3)" in flat
    assert "Udbetaling til investorerne: afventer boligsituation efter 36 måneder (måles senest" in flat
    shot = tmp_path / "opfoelgning.png"
    shot.write_bytes(browser.screenshot(page, 700, 700))
    _, _, rows = read_png(shot)
    # The left edge of each pending goal: a strip of its colour as tall as the goal's box,
    # taller than any letter of the status "afventer" written in the same colour.
    assert longest_run(upright(rows), (0x3A, 0x6E, 0xA5), tolerance=6) > 60
    assert longest_run(rows, (0x3A, 0x6E, 0xA5), tolerance=6) < 20  # a strip, not a bar


@needs_browser
def test_the_payment_and_the_points_are_in_the_printed_plan(browser: Printer, tmp_path: Path) -> None:
    plan = EXAMPLE.parent / "maal-og-resultatplan-2023.rk"
    built_plan = report.build(rk.load(plan), rk.load_facts(plan.with_suffix(".facts.json")), "da")
    page = tmp_path / "plan.html"
    page.write_text(report.page(built_plan), encoding="utf-8")
    flat = printed(browser, tmp_path, page)
    assert "Point: 82,5 af 100 point" in flat
    assert "10 af 20 point" in flat
    assert ("Resultatløn 2023: 55.180 kr. = andel af største resultatløn 60 % af 10 % af (lønrammeløn "
            "823.417,52 kr. + varige tillæg 96.250 kr.)") in flat
    assert "afrundet til hele kroner; andel af største resultatløn er 60 %, fordi point i alt er 82,5" in flat
    assert "≈55.180,05 kr." in flat  # to the øre: the contract's amounts have øre
