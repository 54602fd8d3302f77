"""Paper and phone, checked in Chromium by geometry.

On paper: every example's annual report, in Danish and in English, printed as a reader prints
it, is on A4; its last page holds more than the footnote; no goal's card, payment or split is
cut across two pages; and no heading is the last line of a page. The same holds for the
comparison. Which page each element was printed on comes from the PDF's words lined up with
the page's letters (printing.py), so the checks hold whatever the texts say.

On a phone: the comparison's wide table scrolls sideways in its own box, its first column stays
where it is while the rest scrolls, and the reader is told the table scrolls (a note, and a
shadow on the edge with more behind it) only when it does.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy
import pytest

import resultkontrakt as rk
from resultkontrakt.comparisons.page import comparison_html
from resultkontrakt.core.wording import wording_for
from resultkontrakt.output import report

from . import printing
from .conftest import DEEP, EXAMPLES
from .png import Pixels, matches, read_png
from .printing import A4, Printed, Printer, chromium, classes, needs_browser

COMPARE = Path(__file__).parent / "golden" / "compare"

# A follow-up during the period is reported as of its day (its facts file says which).
AS_OF = {"social-investering-2021-midtvejs": dt.date(2023, 6, 30)}


def example_reports() -> Iterator[tuple[str, Path, Path]]:
    """Every shipped example with each of its facts files: `x.rk` with `x.facts.json`,
    `x.2016.facts.json` or `x-midtvejs.facts.json`."""
    for contract in sorted(EXAMPLES.glob("*.rk")):
        for facts in sorted(EXAMPLES.glob(f"{contract.stem}[.-]*facts.json")):
            yield facts.name.removesuffix(".facts.json"), contract, facts


def long_contract(lines: int) -> str:
    """A contract long enough for many page breaks: 14 goals in three groups, their texts of
    `lines` lines and more, three payments and a split; a different `lines` moves every break."""
    goals = []
    for n in range(1, 15):
        text = "\n".join(["Målet beskrives her med et par linjer, der fylder op på siden som i en rigtig "
                          "kontrakt, og som ombrydes over flere linjer på papiret."] * (lines + n % 4))
        goals.append(f'goal {n} "Mål nummer {n} med en titel af rimelig længde" {{\n'
                     f'  group "{("Nationale mål", "Lokale mål", "Udvikling")[n * 3 // 15]}"\n'
                     f'  """\n{text}\n"""\n  score x >= {n} -> 100%; >= {n // 2} -> 50%\n}}')
    payments = [f'payment p{n} "Udbetaling {n}" = if x >= {n} then {1000 * n} kr * x else {10 * n} kr'
                for n in range(1, 4)]
    split = 'split fordeling {\n  total 300000 kr\n  key "Indbyggere"\n  shares from indbyggere\n}'
    return "\n".join(['contract "Lang kontrakt" {\n  parties "A", "B"\n  period 2023-01-01 .. 2023-12-31\n}',
                      'fact x: number', 'fact indbyggere: table of integer', *goals, *payments, split])


def long_facts(parties: int = 20) -> dict[str, object]:
    """The facts of `long_contract`: its split among `parties` parties (20 fit on a page)."""
    return {"x": 7, "indbyggere": {f"Kommune {n}": 1000 + 37 * n for n in range(1, parties + 1)}}


# What is kept on one page: a goal's card and a split in the report, a goal's chart in the
# comparison (and each payment, an item of the report's list of payments).
WHOLE = {"goal", "allocation", "rkc-goal"}


def pages_wrong(printed: Printed) -> list[str]:
    """What is wrong with a printed report or comparison, in words; empty when nothing is."""
    wrong = [f"page {n + 1} is {width:.0f} × {height:.0f} pt, not A4" for n, (width, height)
             in enumerate(printed.sizes) if abs(width - A4[0]) > 1 or abs(height - A4[1]) > 1]
    if printed.unprinted > len(printed.text) // 50:  # the PDF's words must be the page's
        wrong.append(f"{printed.unprinted} of {len(printed.text)} letters not found in the PDF")
    last = len(printed.sizes) - 1
    note = next((e for e in printed.elements() if "note" in classes(e)), None)
    beside = set(range(*printed.span(note))) if note is not None else set()
    if not any(page == last and i not in beside for i, page in enumerate(printed.page_of)):
        wrong.append("the last page holds the footnote only")
    listed = payments(printed)
    for element in printed.elements():
        whole = bool(WHOLE & set(classes(element))) or any(element is payment for payment in listed)
        if whole and len(pages := printed.pages(element)) > 1:
            wrong.append(f"{element.tag} {classes(element)} split over pages {sorted(p + 1 for p in pages)}: "
                         f"{printed.text_of(element)[:40]}")
        if element.tag in ("h1", "h2", "h3") and not printed.followed_on_the_same_page(element):
            wrong.append(f"heading last on its page: {printed.text_of(element)}")
    return wrong


def child(element: ET.Element, tag: str) -> ET.Element:
    found = element.find(tag)
    assert found is not None, tag
    return found


def payments(printed: Printed) -> list[ET.Element]:
    return [li for ul in printed.elements() if "payments" in classes(ul) for li in ul]


def printed_pages(browser: Printer, tmp_path: Path, pages: dict[str, str]) -> dict[str, Printed]:
    """Each page printed to PDF, by the worker's one browser."""
    return printing.printed_pages(browser, tmp_path, pages)


# The Danish reports every run; the English ones, whose pages break elsewhere, in the deep
# profile that CI runs (3 s of the quick loop's 60).
@needs_browser
@pytest.mark.parametrize("lang", ["da", pytest.param("en", marks=pytest.mark.skipif(
    not DEEP, reason="the English reports' pages: the deep profile prints them, as in CI"))])
def test_every_examples_report_prints_on_a4_with_no_card_or_payment_cut_in_two(
        lang: str, browser: Printer, tmp_path: Path) -> None:
    pages = {}
    for name, contract, facts in example_reports():
        # The quick loop prints the two reports asserted on below; the deep profile, all 13 (2 s).
        if DEEP or name in ("nordjylland-2019", "maal-og-resultatplan-2023"):
            built = report.build(rk.load(contract), rk.load_facts(facts), lang, as_of=AS_OF.get(name))
            pages[name] = report.page(built)
    assert len(pages) >= (13 if DEEP else 2) and len({c for _, c, _ in example_reports()}) >= 6
    for lines in (2, 3, 5):
        built = report.build(rk.loads(long_contract(lines)), long_facts(), lang)
        pages[f"long-{lines}"] = report.page(built)
    # A split too long for a page breaks between its rows, its header on each page, its total once.
    too_long = report.build(rk.loads(long_contract(0)), long_facts(parties=70), lang)
    pages["long-split"] = report.page(too_long)
    printed = printed_pages(browser, tmp_path, pages)
    split = printed.pop("long-split")
    wrong = [f"{name}: {what}" for name, seen in printed.items() for what in pages_wrong(seen)]
    assert not wrong, "\n".join(wrong)
    [table] = [e for e in split.elements() if e.tag == "table"]
    head, foot = (split.text_of(child(table, part)) for part in ("thead", "tfoot"))
    assert len(split.pages(table)) > 1
    assert split.printed.count(head) == len(split.pages(table)) and split.printed.count(foot) == 1
    # The checks saw what they check: cards, payments, headings over more than one page.
    long = printed["long-5"]
    assert len(long.sizes) >= 5
    assert len({next(iter(long.pages(e))) for e in long.elements() if "goal" in classes(e)}) >= 4
    assert len(payments(long)) == 3
    plan = printed["maal-og-resultatplan-2023"]
    assert len(plan.sizes) > 1 and payments(plan), "the payments are no longer a list: see WHOLE"
    north = printed["nordjylland-2019"]
    assert {"goal", "allocation", "note"} <= {c for e in north.elements() for c in classes(e)}, "see WHOLE"



@needs_browser
@pytest.mark.skipif(not DEEP, reason="the test harness against chromium run alone: the deep profile, as in CI")
def test_the_kept_browser_prints_and_draws_as_chromium_run_alone_does(browser: Printer, tmp_path: Path) -> None:
    """The browser kept open (one a worker, for every browser test) prints the pages
    `chromium --headless --print-to-pdf` prints, word for word in the same places, and draws the
    pixels `chromium --headless --window-size=... --screenshot` draws: the report checked in print
    and on screen is the one readers print and see."""
    built = report.build(rk.load(EXAMPLES / "nordjylland-2019.rk"),
                         rk.load_facts(EXAMPLES / "nordjylland-2019.facts.json"))
    page = tmp_path / "rapport.html"
    page.write_text(report.page(built), encoding="utf-8")
    pdf = tmp_path / "cli.pdf"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    (tmp_path / "kept.pdf").write_bytes(browser.pdf(page))

    def words(path: Path) -> str:
        return subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout.split("<doc>", 1)[1]

    assert words(pdf) == words(tmp_path / "kept.pdf")
    assert Printed(pdf, page.read_text(encoding="utf-8")).sizes[0] == pytest.approx(A4, abs=1)
    # On screen: the report on a phone and on a desktop, and the comparison in frames whose
    # scripts scroll (the command line given time to run them, as test_on_a_phone_... was).
    # Run alone, Chromium may take its screenshot before a frame's long page is all drawn (the
    # bottom of the wide frame half laid out: 2 to 3 runs in 15 on this machine, more under load;
    # 0 in 30 with the switch), so every stage of a frame is drawn before it is shot, as the kept
    # browser's Page.captureScreenshot does.
    settled = "--run-all-compositor-stages-before-draw"
    shown = frames(tmp_path, comparison_html(years(), wording_for("da")), 900)
    for drawn, (width, height), more in ((page, (390, 1200), ()), (page, (1000, 900), ()),
                                          (shown, (2 * PHONE + 900, 900), ("--virtual-time-budget=2000",))):
        alone, kept = tmp_path / f"alone-{width}.png", tmp_path / f"kept-{width}.png"
        chromium(tmp_path, f"--window-size={width},{height}", settled, *more, f"--screenshot={alone}",
                 drawn.as_uri())
        kept.write_bytes(browser.screenshot(drawn, width, height))
        assert numpy.array_equal(read_png(alone)[2], read_png(kept)[2]), drawn.name


def hubs() -> rk.Comparison:
    return rk.compare([(COMPARE / "hub-nord.rk", COMPARE / "nord-2019.json"),
                       (COMPARE / "hub-midt.rk", COMPARE / "midt-2019.json")])


def years() -> rk.Comparison:
    return rk.compare([(COMPARE / "hub-nord.rk", COMPARE / f"nord-{year}.json") for year in (2019, 2020, 2021)])


@needs_browser
def test_the_comparison_prints_on_a4_with_no_chart_cut_in_two(browser: Printer, tmp_path: Path) -> None:
    bus = rk.compare([(EXAMPLES / "busdrift-2024.rk", EXAMPLES / f"busdrift-2024.{period}.facts.json")
                      for period in ("2024", "2025")])
    pages = {f"{name}-{lang}": comparison_html(comparison, wording_for(lang))
             for name, comparison in (("hubs", hubs()), ("years", years()), ("bus", bus))
             for lang in ("da", "en")}
    printed = printed_pages(browser, tmp_path, pages)
    wrong = [f"{name}: {what}" for name, seen in printed.items() for what in pages_wrong(seen)]
    assert not wrong, "\n".join(wrong)
    assert any(len(seen.sizes) > 1 for seen in printed.values())
    assert all(any("rkc-goal" in classes(e) for e in seen.elements()) for seen in printed.values()), "see WHOLE"


# ---- on a phone -------------------------------------------------------------------------

PHONE = 390  # CSS pixels: a phone held upright
SWIPE = "#0b6e79"  # the note's colour, which nothing else on the page has


def frames(tmp_path: Path, page: str, wide: int) -> Path:
    """A page showing the comparison three times side by side: as on a phone, as on a phone
    after the table is scrolled to its end (by a script in this copy only, as a screenshot
    cannot swipe), and on a screen wide enough for the whole table."""
    scroll = ('<script>if (location.hash == "#end") for (const box of document.querySelectorAll('
              '".rkc-scroll")) box.scrollLeft = box.scrollWidth;</script>')
    (tmp_path / "comparison.html").write_text(page.replace("</body>", scroll + "</body>"), encoding="utf-8")
    style = "border:0;margin:0;display:block;height:900px"
    fixture = tmp_path / "frames.html"
    fixture.write_text(
        '<!DOCTYPE html><html><body style="margin:0;display:flex;align-items:flex-start">'
        f'<iframe src="comparison.html" style="{style};width:{PHONE}px"></iframe>'
        f'<iframe src="comparison.html#end" style="{style};width:{PHONE}px"></iframe>'
        f'<iframe src="comparison.html" style="{style};width:{wide}px"></iframe></body></html>',
        encoding="utf-8")
    return fixture


def luminance(pixels: Pixels) -> Pixels:
    return pixels.sum(axis=-1) / 3


@needs_browser
def test_on_a_phone_the_first_column_stays_and_the_reader_is_told_the_table_scrolls(
        browser: Printer, tmp_path: Path) -> None:
    page = comparison_html(years(), wording_for("da"))
    assert page.count(SWIPE) == 1  # the note's colour is the note's only
    wide = 900
    shot = tmp_path / "frames.png"
    # The load event waits for the frames, and their scripts, as --virtual-time-budget did on the
    # command line (test_the_kept_browser_prints_and_draws_as_chromium_run_alone_does).
    shot.write_bytes(browser.screenshot(frames(tmp_path, page, wide), 2 * PHONE + wide, 900))
    _, _, pixels = read_png(shot)
    phone, scrolled, screen = pixels[:, :PHONE], pixels[:, PHONE:2 * PHONE], pixels[:, 2 * PHONE:]
    # The note says the table scrolls: on the phone, in the same place after scrolling (its
    # letters may fall a fraction of a pixel apart); not on a screen where the table fits.
    colour = rgb(SWIPE)
    note = box(matches(phone, colour))
    assert note is not None, "no note on the phone"
    assert (box(matches(scrolled, colour)) or note) == pytest.approx(note, abs=2)
    assert box(matches(screen, colour)) is None
    # The rows below the note that moved when the table scrolled: the table's.
    moved = numpy.any(phone != scrolled, axis=(1, 2)).nonzero()[0]
    moved = moved[moved > note[3] + 2]
    assert len(moved) > 100, "the table did not scroll on a phone"
    rows = slice(int(moved.min()), int(moved.max()) + 1)
    assert rows.start < note[3] + 30  # the note is just over the table
    # Left of the first difference the table is as it was: its first column stayed in place,
    # and the columns scrolled beside it.
    kept = int(numpy.any(phone[rows] != scrolled[rows], axis=(0, 2)).nonzero()[0].min())
    ink = luminance(phone[rows, :kept]) < 128
    assert kept >= 30 and ink.sum() > 20, (kept, int(ink.sum()))  # the goals' ids, unmoved
    assert numpy.any(luminance(scrolled[rows, kept:]) < 128)
    # A shadow on the right edge while there is more to the right; none at the end.
    edge = [float(numpy.median(luminance(frame[rows, x]))) for frame in (phone, scrolled)
            for x in range(PHONE - 24, PHONE)]
    darkest_phone, darkest_scrolled = min(edge[:24]), min(edge[24:])
    assert darkest_phone < 235 and darkest_scrolled > 250, (darkest_phone, darkest_scrolled)


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def box(where: Pixels) -> tuple[int, int, int, int] | None:
    """Left, top, right and bottom of the pixels that are set; None if there are none."""
    ys, xs = where.nonzero()
    if len(xs) < 20:  # a few stray pixels are no text
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())
