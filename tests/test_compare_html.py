"""`rk compare --format html`: one self-contained page with a chart per goal, checked as a
reader sees it: in the page's source, and in headless Chromium (bars and lines measured in
the rendered page, the phone layout, the printed PDF's text)."""

from __future__ import annotations

import html as html_module
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import pytest

import resultkontrakt as rk
from resultkontrakt.comparisons import page as compare_html
from resultkontrakt.comparisons.page import comparison_html
from resultkontrakt.core.wording import wording_for

from .png import matches, read_png, run_at
from .test_report import chromium, needs_browser, printed

HERE = Path(__file__).parent / "golden" / "compare"
DA = wording_for("da")
EN = wording_for("en")


def hubs(group: str | None = None, labels: Sequence[str] | None = None) -> rk.Comparison:
    return rk.compare([(HERE / "hub-nord.rk", HERE / "nord-2019.json"),
                       (HERE / "hub-midt.rk", HERE / "midt-2019.json")], group, labels)


def years(group: str | None = None) -> rk.Comparison:
    """Three years of one hub, given out of order: the columns stand in period order."""
    return rk.compare([(HERE / "hub-nord.rk", HERE / f"nord-{year}.json") for year in (2021, 2019, 2020)],
                      group)


def text_of(page: str) -> str:
    """What a reader reads: the page without its style and tags, on one line."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " "))


def child(element: ET.Element, path: str) -> ET.Element:
    """The first element at `path` below `element`, which must be there."""
    found = element.find(path)
    assert found is not None, path
    return found


def goals(page: str) -> list[ET.Element]:
    """Each goal's box (its heading, chart and table), read as XML: it is well-formed."""
    found = re.findall(r'<section class="rkc-goal".*?</section>', page, flags=re.S)
    return [ET.fromstring(section) for section in found]


SVG_TEXT = re.compile(r"<text[^>]*>(.*?)</text>")

# ---- the page's source ---------------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_the_page_is_self_contained_danish_and_has_no_control_characters() -> None:
    page = comparison_html(hubs(), DA)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="da">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page and "print-color-adjust: exact" in page
    for outside in ("http:", "https:", "<script", "<link", "src=", "@import", "url(", "<img", "<iframe",
                    "<object", "<embed", "stylesheet"):
        assert outside not in page, outside
    assert not CONTROL.search(page)
    assert page.count("<svg") == 5  # a chart per goal


def test_hostile_titles_and_labels_are_escaped() -> None:
    # A contract holds no control character (it is refused); a label may.
    north = rk.loads('contract "N" {}\nfact x: number\n'
                     'goal 1 "<script>alert(1)</script> & co" { score x >= 1 -> 100% }')
    south = rk.loads('contract "S" {}\nfact x: number\ngoal 1 "plain" { score x >= 1 -> 100% }')
    comparison = rk.compare([(north, {"x": 1}), (south, {"x": 0})],
                            labels=["A & B \x1b[31m", '<img src="x">'])
    for page in (comparison_html(comparison, DA), comparison_html(comparison, EN, whole=False)):
        assert "<script" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "A &amp; B" in page and "&lt;img src=&quot;x&quot;&gt;" in page
        assert "\\x1b[31m" in page and not CONTROL.search(page)


def test_the_notebook_fragment_styles_only_itself() -> None:
    fragment = hubs()._repr_html_()
    assert fragment.startswith('<div class="rk-compare" lang="en">')
    assert "<html" not in fragment and "<body" not in fragment and "<head" not in fragment
    assert "Overall fulfilment" in fragment  # in English, as the other reprs
    [style] = re.findall(r"<style>(.*?)</style>", fragment, flags=re.S)
    style = re.sub(r"@media[^{]*\{", "", style)  # the rules inside a media query are rules too
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{[^{}]*\}", style) for s in block.split(",")]
    assert selectors and all(s.startswith(".rk-compare") for s in selectors), selectors


def test_the_table_shows_status_fulfilment_value_titles_that_differ_and_the_overall() -> None:
    page = comparison_html(hubs(), DA)
    text = text_of(page)
    assert "2 opgørelser side om side" in text
    assert "Erhvervshus Nordjylland 2019 Erhvervshus Midtjylland 2019" in text  # the columns' labels
    assert "50 % (57) delvist opfyldt 0 % (49,5) ikke opfyldt" in text
    assert "100 % (72,5 %) opfyldt" in text and "50 % (1 af 2)" in text
    # Goal 2's titles differ: flagged, each title shown with the columns that give it.
    assert ("* titler forskellige Oplevet effekt af vejledningen (Erhvervshus Nordjylland 2019) "
            "Virksomhedernes oplevede effekt (Erhvervshus Midtjylland 2019)") in text
    # Goal 4 is not in Midt's contract, goal 5 not in Nord's: empty there.
    row4 = re.search(r"<tr><th scope=\"row\">4</th>.*?</tr>", page)
    assert row4 and row4.group().endswith('<td class="rkc-num"></td></tr>')
    row5 = re.search(r"<tr><th scope=\"row\">5</th>.*?</tr>", page)
    assert row5 and '<td>Grøn omstilling</td><td class="rkc-num"></td>' in row5.group()
    assert "Samlet målopfyldelse 75 % 62,5 %" in text
    assert "Ændring" not in text  # side by side: no change column


def test_a_series_has_its_years_in_order_the_change_and_why_a_year_has_no_result() -> None:
    page = comparison_html(years(), DA)
    text = text_of(page)
    assert "Erhvervshus Nordjylland, år for år" in text
    assert "Mål Titel 2019 2020 2021 Ændring" in text
    # 2021's overall averages 2 of the 4 goals: it says so, and claims no change against 2020's.
    assert "Samlet målopfyldelse 75 % 75 % 100 % (2 af 4 mål) ikke sammenlignelig" in text
    assert "2021, samlet målopfyldelse: 100 %, gennemsnit af de 2 vurderede mål; 2 kan ikke vurderes (mål 2, 4)" in text
    assert "100 % (64) opfyldt +3" in text
    # A goal without a result points to its note, which says why.
    assert 'kan ikke vurderes <sup><a href="#' in page
    assert "2021, mål 4: kan ikke vurderes: mangler faktum tilfredse_svar" in text
    assert '2021, mål 2: kan ikke vurderes: ugyldigt faktum effekt' in text


def test_a_column_whose_facts_cannot_be_read_is_kept_with_the_reason() -> None:
    comparison = rk.compare([(HERE / "hub-nord.rk", HERE / "broken-2019.json"),
                             (HERE / "hub-midt.rk", HERE / "midt-2019.json")])
    text = text_of(comparison_html(comparison, DA))
    assert "Erhvervshus Nordjylland 2019: fakta kan ikke læses, så intet mål kan vurderes" in text
    assert "broken-2019.json:3:1" in text
    assert "0 % (49,5) ikke opfyldt" in text  # Midt's column is all there


def test_each_chart_has_a_title_and_a_table_with_the_same_numbers() -> None:
    for page, comparison in ((comparison_html(hubs(), DA), hubs()), (comparison_html(years(), DA), years())):
        boxes = goals(page)
        assert [child(box, "h3").text for box in boxes] == [
            f"Mål {row.id}: {' / '.join(row.titles)}" for row in comparison.rows]
        for box, row in zip(boxes, comparison.rows, strict=True):
            svg = box.find("svg")
            assert svg is not None and svg.get("role") == "img"
            title, desc = svg.find("title"), svg.find("desc")
            assert title is not None and desc is not None
            assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            assert title.text and title.text.startswith(f"Mål {row.id}, {' / '.join(row.titles)}: målopfyldelsen")
            assert ("søjler" if not comparison.series else "kurve") in title.text
            table = box.find("div/table")
            assert table is not None and child(table, "caption").text == title.text
            data = [[cell.text or "" for cell in tr] for tr in table.iter("tr")][1:]
            shown = [(column.label, cell) for column, cell in zip(comparison.columns, row.cells, strict=True)
                     if cell is not None]
            assert [line[0] for line in data] == [label for label, _ in shown]
            for line, (_, cell) in zip(data, shown, strict=True):
                assert line[1] == (DA.percent(cell.fulfilment) if cell.fulfilment is not None else "–")
                assert line[3] == DA[cell.status]
            # The chart writes the same fulfilments.
            drawn = ET.tostring(svg, encoding="unicode")
            for line, (_, cell) in zip(data, shown, strict=True):
                if cell.fulfilment is not None:
                    assert line[1] in drawn
                if not comparison.series:
                    assert f"{line[1]} ({line[2]})" in drawn if line[2] else line[1] in drawn


def test_the_bars_lengths_and_threshold_lines_follow_the_fulfilments_in_the_source() -> None:
    page = comparison_html(hubs(), DA)
    goal1, goal2, goal3, *_ = goals(page)
    bars = [rect.get("width") for rect in goal1.iter("rect") if rect.get("fill") == compare_html.COLOURS["partly met"]]
    assert bars == ["50%"]  # Nord's 50 %; Midt's 0 % has its track only
    lines = sorted(line.get("x1") or "" for line in goal1.iter("line"))
    assert lines == ["100%", "50%"]  # the tiers give 50 % and 100 %
    assert "Tærskler: mindst 60 → 100 %, mindst 50 → 50 %" in text_of(ET.tostring(goal1, encoding="unicode"))
    assert "Tærskler: mindst 70 % → 100 %, mindst 60 % → 50 %" in text_of(ET.tostring(goal2, encoding="unicode"))
    # Deliverables: no thresholds on a value, so only full fulfilment is marked, and said so.
    assert [line.get("x1") for line in goal3.iter("line")] == ["100%"]
    assert "Den lodrette streg markerer fuld målopfyldelse, 100 %." in text_of(ET.tostring(goal3, encoding="unicode"))


def test_the_series_line_follows_the_fulfilments_exactly() -> None:
    page = comparison_html(years(), DA)
    goal1, goal2, goal3, _ = goals(page)
    # The plot is 100 × 100: x the years from first to last, y 100 − the fulfilment in per cent.
    assert [p.get("points") for p in goal1.iter("polyline")] == ["0,50 50,0 100,0"]  # rises, then stays
    assert [p.get("points") for p in goal2.iter("polyline")] == ["0,0 50,50"]  # falls; 2021 has no result
    assert [p.get("points") for p in goal3.iter("polyline")] == ["0,50 50,0 100,0"]
    top, height = compare_html.PLOT_TOP, compare_html.PLOT_HEIGHT
    assert [(c.get("cx"), c.get("cy")) for c in goal2.iter("circle")] == [
        (f"{compare_html.POINTS_LEFT}%", str(top)), ("55%", str(top + height // 2))]
    # The tiers' fulfilments as level lines, the bands between them.
    levels = sorted(float(line.get("y1") or 0) for line in goal1.iter("line")
                    if line.get("stroke") == compare_html.THRESHOLD)
    assert levels == [top, top + height / 2]
    assert {r.get("fill") for r in goal1.iter("rect")} == {compare_html.BAND_NOT, compare_html.BAND_PARTLY}


def test_english_when_asked() -> None:
    text = text_of(comparison_html(years(), EN))
    assert "Erhvervshus Nordjylland, year on year" in text and "not comparable" in text and "72.5%" in text


# ---- in a real browser -------------------------------------------------------------------------


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def written(tmp_path: Path, name: str, page: str) -> Path:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return path


@needs_browser
def test_the_bars_are_as_long_as_the_fulfilments_and_the_thresholds_where_they_belong(tmp_path: Path) -> None:
    # The national goals only, so the charts are near the top: goal 1 (Nord 50 %) and goal 2
    # (both 100 %) side by side, in boxes of the same width.
    page = written(tmp_path, "hubs.html", comparison_html(hubs(group="Nationalt fastsat mål",
                                                               labels=["Nord", "Midt"]), DA))
    shot = tmp_path / "hubs.png"
    chromium(tmp_path, "--window-size=800,640", f"--screenshot={shot}", page.as_uri())
    width, _, pixels = read_png(shot)
    half, _, _ = run_at(pixels, rgb(compare_html.COLOURS["partly met"]))
    full, start, y = run_at(pixels, rgb(compare_html.COLOURS["met"]))
    assert full > 250
    assert abs(half / full - 0.5) < 0.02
    # The tiers' lines in the 100 % bar's chart: upright, at 50 % and at 100 % of its length.
    purple = matches(pixels, rgb(compare_html.THRESHOLD))
    counts = {x: int(purple[:, x].sum()) for x in range(start, min(start + full + 3, width))}
    upright = [x for x, n in counts.items() if n >= 15]
    assert upright
    assert min(abs(x - (start + full / 2)) for x in upright) <= 1.5
    assert min(abs(x - (start + full)) for x in upright) <= 1.5
    # The lines stand behind the bars: the bar's row is all green, through the 50 % line.
    assert matches(pixels, rgb(compare_html.COLOURS["met"]))[y, start + full // 2]


@needs_browser
def test_the_line_over_the_years_falls_as_the_fulfilment_does(tmp_path: Path) -> None:
    # Goal 4 alone: 100 % in 2019, 50 % in 2020, no result in 2021.
    page = written(tmp_path, "years.html", comparison_html(years(group="Lokalt mål"), DA))
    shot = tmp_path / "years.png"
    chromium(tmp_path, "--window-size=600,720", f"--screenshot={shot}", page.as_uri())
    width, _, pixels = read_png(shot)
    ys, xs = matches(pixels, rgb(compare_html.LINE)).nonzero()
    seen = list(zip(xs.tolist(), ys.tolist(), strict=True))
    assert len(seen) > 50
    left, right = min(x for x, _ in seen), max(x for x, _ in seen)
    y_left = sum(y for x, y in seen if x <= left + 3) / sum(1 for x, _ in seen if x <= left + 3)
    y_right = sum(y for x, y in seen if x >= right - 3) / sum(1 for x, _ in seen if x >= right - 3)
    # Falls by half the plot's height (100 % → 50 %); the line stops at 2020, the middle year.
    assert abs((y_right - y_left) - compare_html.PLOT_HEIGHT / 2) <= 2
    assert right < width * 0.75


@needs_browser
def test_the_page_fits_a_phone(tmp_path: Path) -> None:
    page = comparison_html(hubs(), DA)
    shot = tmp_path / "phone.png"
    chromium(tmp_path, "--window-size=390,1150", f"--screenshot={shot}", written(tmp_path, "p.html", page).as_uri())
    width, _, pixels = read_png(shot)
    assert width == 390
    full, start, _ = run_at(pixels, rgb(compare_html.COLOURS["met"]))  # goal 2's 100 % bars
    half, half_start, _ = run_at(pixels, rgb(compare_html.COLOURS["partly met"]))  # goal 1: Nord's 50 %
    assert full > 250 and start + full <= 390 - 10  # the chart spans its box, inside the screen
    assert half_start == start and abs(half / full - 0.5) < 0.02
    # The page is no wider than the screen (the wide table scrolls in its own box): a copy of the
    # page, for this test only, draws the page's width and the screen's as bars a quarter as long.
    measure = ('<script>function m() { document.getElementById("w").style.width = '
               'document.documentElement.scrollWidth / 4 + "px"; document.getElementById("s").style.width = '
               'window.innerWidth / 4 + "px"; }\n'
               'document.body.insertAdjacentHTML("afterbegin", \'<div id="w" style="position:fixed;top:0;left:0;'
               'height:6px;background:#ff00ff"></div><div id="s" style="position:fixed;top:10px;left:0;'
               'height:6px;background:#00ffff"></div>\'); m(); addEventListener("resize", m); setInterval(m, 10);</script>')
    measured = written(tmp_path, "measured.html", page.replace("</body>", measure + "</body>"))
    shot = tmp_path / "measured.png"
    chromium(tmp_path, "--window-size=390,240", f"--screenshot={shot}", measured.as_uri())
    _, _, pixels = read_png(shot)
    page_width, _, _ = run_at(pixels, (0xFF, 0x00, 0xFF), tolerance=4)
    screen_width, _, _ = run_at(pixels, (0x00, 0xFF, 0xFF), tolerance=4)
    assert abs(screen_width - 390 / 4) <= 1
    assert page_width <= screen_width


@needs_browser
def test_the_printed_page_holds_the_heading_goals_labels_fulfilments_and_overall(tmp_path: Path) -> None:
    page = written(tmp_path, "sammenligning.html", comparison_html(hubs(), DA))
    flat = printed(tmp_path, page)  # as laid out on paper
    assert "2 opgørelser side om side" in flat
    assert "Samlet målopfyldelse 75 % 62,5 %" in flat
    assert "50 % (57) 0 % (49,5)" in flat and "100 % (72,5 %) 100 % (70 %)" in flat
    assert "Mål Titel Nordjylland 2019 Midtjylland 2019" in flat  # the labels, over two lines
    # In reading order, each goal's id and title over its chart.
    pdf = tmp_path / f"{page.stem}.pdf"  # the same print, read in reading order rather than laid out
    read = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                              check=True).stdout.replace("\u00a0", " "))
    # The table: each goal's id before its title (a long title may wrap in its column).
    assert re.search(r"1 Virksomhedernes tilfredshed med .*vejledningen", read) and "5 Grøn omstilling" in read
    for goal_id, title in (("1", "Virksomhedernes tilfredshed med vejledningen"), ("3", "Fælles digital indgang"),
                           ("4", "Lokal tilfredshed"), ("5", "Grøn omstilling")):
        assert f"Mål {goal_id}: {title}" in read, title
    assert "2 * titler forskellige Oplevet effekt af vejledningen" in read
    assert "Mål 2: Oplevet effekt af vejledningen / Virksomhedernes oplevede effekt" in read
    assert "Erhvervshus Nordjylland 2019 50 % (57) Erhvervshus Midtjylland 2019 0 % (49,5)" in read  # goal 1's chart
    assert "Diagram" not in read and "Opgørelse" not in read  # the charts' tables are for the screen only


@pytest.mark.parametrize("share", [Fraction(1, 3), Fraction(0), Fraction(1)])
def test_coordinates_are_exact_to_four_decimals(share: Fraction) -> None:
    assert compare_html._pct(share) == {Fraction(1, 3): "33.3333%", Fraction(0): "0%", Fraction(1): "100%"}[share]
