"""`rk compare --format html`: one self-contained page with a chart per goal, checked as a
reader sees it: in the page's source, and in headless Chromium (bars and lines measured in
the rendered page, the phone layout, the printed PDF's text)."""

from __future__ import annotations

import html as html_module
import itertools
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
from .printing import Printer, needs_browser
from .test_report import printed

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
    # Two contracts of one year: providers side by side, each labelled by the party it judges.
    assert "2 leverandører side om side" in text
    assert "Erhvervshus Nordjylland Erhvervshus Midtjylland" in text  # the columns' labels
    assert "50 % (57) delvist opfyldt 0 % (49,5) ikke opfyldt" in text
    assert "100 % (72,5 %) opfyldt" in text and "50 % (1 af 2)" in text
    # Goal 2's titles differ: flagged, each title shown with the columns that give it.
    assert ("* titler forskellige Oplevet effekt af vejledningen (Erhvervshus Nordjylland) "
            "Virksomhedernes oplevede effekt (Erhvervshus Midtjylland)") in text
    # Goal 4 is not in Midt's contract, goal 5 not in Nord's: empty there.
    row4 = re.search(r"<tr><th scope=\"row\"><span class=\"rkc-id\">4</span>.*?</tr>", page)
    assert row4 and row4.group().endswith('<td class="rkc-num"></td></tr>')
    row5 = re.search(r"<tr><th scope=\"row\"><span class=\"rkc-id\">5</span>.*?</tr>", page)
    assert row5 and ' Grøn omstilling</th><td class="rkc-num"></td>' in row5.group()
    assert "Samlet målopfyldelse 75 % 62,5 %" in text
    assert "Ændring" not in text and "procentpoint" not in text  # side by side: no change, no legend


def test_a_series_has_its_years_in_order_the_change_and_why_a_year_has_no_result() -> None:
    page = comparison_html(years(), DA)
    text = text_of(page)
    assert "Erhvervshus Nordjylland, år for år" in text
    assert "Mål 2019 2020 2021 Ændring" in text
    # Each change says its unit, and the legend under the table says what the change is; 2021's
    # overall averages 2 of the 4 goals: it says so, and claims no change against 2020's.
    assert "Samlet målopfyldelse 75 % 75 % 100 % (2 af 4 mål) ikke sammenlignelig" in text
    assert "2021, samlet målopfyldelse: 100 %, gennemsnit af de 2 vurderede mål; 2 kan ikke vurderes (mål 2, 4)" in text
    assert "100 % (64) opfyldt +3 NPS-point" in text and "100 % (2 af 2) opfyldt ±0 leverancer" in text
    assert "Ændring: 2021 minus 2020 (den sidste kolonne minus den før den)" in text
    assert '<p class="rkc-legend">' in page
    # A goal without a result points to its note, which says why.
    assert 'kan ikke vurderes <sup><a href="#' in page
    assert "2021, mål 4: kan ikke vurderes: mangler faktum tilfredse_svar" in text
    assert '2021, mål 2: kan ikke vurderes: ugyldigt faktum effekt' in text


def test_a_column_whose_facts_cannot_be_read_is_kept_with_the_reason() -> None:
    comparison = rk.compare([(HERE / "hub-nord.rk", HERE / "broken-2019.json"),
                             (HERE / "hub-midt.rk", HERE / "midt-2019.json")])
    text = text_of(comparison_html(comparison, DA))
    assert "Erhvervshus Nordjylland: fakta kan ikke læses, så intet mål kan vurderes" in text
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
            assert title.text and title.text.startswith(f"Mål {row.id}, {' / '.join(row.titles)}: ")
            assert ("prikker" if not comparison.series else "trin") in title.text
            assert desc.text and "Båndene er målets trin ved deres tærskler" in desc.text
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
                if not comparison.series and cell.decided is not None and cell.decided.value is not None:
                    assert f"{line[2]} → {line[1]}" in drawn  # the value, and the fulfilment it gives


def test_the_dots_stand_at_the_values_over_bands_at_the_thresholds_in_the_source() -> None:
    page = comparison_html(hubs(), DA)
    goal1, goal2, goal3, *_ = goals(page)
    # NPS 57 and 49.5 against 50 and 60: the range runs from 47.75 to 61.75 (room of a sixth of
    # 49.5 .. 60 each side), over 1 % .. 99 % of the width: 50 at 16.75 %, 60 at 86.75 %.
    lines = {line.get("x1") for line in goal1.iter("line") if line.get("stroke") == compare_html.THRESHOLD}
    assert lines == {"16.75%", "86.75%"}
    bands = [(r.get("x"), r.get("width"), r.get("fill")) for r in goal1.iter("rect")][:3]
    assert bands == [("1%", "15.75%", compare_html.BAND_NOT), ("16.75%", "70%", compare_html.BAND_PARTLY),
                     ("86.75%", "12.25%", compare_html.BAND_MET)]  # below 50: 0 %; 50 .. 60: 50 %; 60 up: 100 %
    dots = [(c.get("cx"), c.get("fill")) for c in goal1.iter("circle")]
    assert dots == [("65.75%", compare_html.COLOURS["partly met"]), ("13.25%", compare_html.COLOURS["not met"])]
    assert "Tærskler: mindst 60 → 100 %, mindst 50 → 50 %" in text_of(ET.tostring(goal1, encoding="unicode"))
    assert "Tærskler: mindst 70 % → 100 %, mindst 60 % → 50 %" in text_of(ET.tostring(goal2, encoding="unicode"))
    # Deliverables have no measured value: the fulfilment is the axis, with bands at the fulfilments seen.
    assert child(goal3, "svg/text").text == "opfyldelse"


def polyline_points(element: ET.Element) -> list[list[tuple[float, float]]]:
    return [[(float(x), float(y)) for x, y in (point.split(",") for point in (line.get("points") or "").split())]
            for line in element.iter("polyline")]


def test_the_series_steps_follow_the_measured_values_exactly() -> None:
    page = comparison_html(years(), DA)
    goal1, goal2, _, _ = goals(page)
    # NPS 57, 61, 64 in a plot of 100 × 100 (x: the three years, y: 100 at the bottom of the range
    # 47 2/3 .. 66 1/3 to 0 at its top): a level across each year, joined by upright steps.
    [steps] = polyline_points(goal1)
    assert steps == [(0, 50), (33.3333, 50), (33.3333, 28.5714), (66.6667, 28.5714), (66.6667, 12.5), (100, 12.5)]
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(steps))  # never a slope
    # The point in each year's middle is labelled with the fulfilment its value gives.
    labels = [(text.text or "").replace("\u00a0", " ") for text in goal1.iter("text")
              if text.get("font-weight") == "600"]
    assert labels == ["50 %", "100 %", "100 %"]
    # The thresholds as lines across each year, at 50 and 60: 100 − 100 × (50 − 47 2/3) / 18 2/3 = 87.5.
    levels = {(line.get("y1"), line.get("y2")) for line in goal1.iter("line")
              if line.get("stroke") == compare_html.THRESHOLD}
    assert levels == {("87.5", "87.5"), ("33.9286", "33.9286")}
    fills = [r.get("fill") for r in goal1.iter("rect")][:3]  # 2019's bands, from the bottom up
    assert fills == [compare_html.BAND_NOT, compare_html.BAND_PARTLY, compare_html.BAND_MET]
    # A year without a result breaks the steps: 2021's effect is not evaluable.
    [effect] = polyline_points(goal2)
    assert len(effect) == 4 and effect[-1][0] == 66.6667


def test_a_target_looked_up_for_each_year_is_drawn_for_each_year() -> None:
    examples = Path(__file__).parent.parent / "examples"
    contract = examples / "udviklingskontrakt-2008.rk"
    comparison = rk.compare([(contract, examples / f"udviklingskontrakt-2008.{year}.facts.json")
                             for year in (2009, 2011)])
    goal1 = goals(comparison_html(comparison, DA))[0]
    # 2009's target 5.350 over the first year's half of the plot, 2011's 5.800 and 5.510 over the second.
    drawn = sorted((line.get("x1"), line.get("x2")) for line in goal1.iter("line")
                   if line.get("stroke") == compare_html.THRESHOLD)
    assert drawn == [("0", "50"), ("50", "100"), ("50", "100")]
    text = text_of(ET.tostring(goal1, encoding="unicode"))
    assert "Tærskler: 2009: mindst 5.350 → 100 %; 2011: mindst 5.800 → 100 %, mindst 5.510 → 50 %" in text
    # In 2009 the first tier held, so the 95 % tier's threshold is not in the evidence: said, not drawn.
    assert "I 2009 blev trinene under det, der holdt, ikke prøvet" in text
    assert compare_html.BAND_UNKNOWN in {r.get("fill") for r in goal1.iter("rect")}


def test_english_when_asked() -> None:
    text = text_of(comparison_html(years(), EN))
    assert "Erhvervshus Nordjylland, year on year" in text and "not comparable" in text and "72.5%" in text
    assert "+3 NPS points" in text and "Change: 2021 minus 2020" in text


# ---- in a real browser -------------------------------------------------------------------------


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def written(tmp_path: Path, name: str, page: str) -> Path:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return path


ONE_GOAL = """contract "Ét mål" {
    parties "Region", "Operatør A/S"
    period 2019-01-01 .. 2021-12-31 each year
}

fact nps: number in -100 .. 100 label "NPS"

goal 1 "Tilfredshed" {
    score nps >= 60 -> 100%; >= 50 -> 50%
}
"""


def one_goal(tmp_path: Path, values: Sequence[int], same_year: bool = False) -> rk.Comparison:
    contract = tmp_path / "et-maal.rk"
    contract.write_text(ONE_GOAL, encoding="utf-8")
    pairs = []
    for index, value in enumerate(values):
        facts = tmp_path / f"f{index}.json"
        year = 2019 if same_year else 2019 + index
        facts.write_text(f'{{"period": {year}, "party": "Operatør {index + 1}", "nps": {value}}}')
        pairs.append((contract, facts))
    return rk.compare(pairs)


@needs_browser
def test_the_dots_stand_on_bands_at_the_thresholds(browser: Printer, tmp_path: Path) -> None:
    # Two providers of 2019: NPS 40 and 70 against 50 and 60. The range is 35 .. 75, over 98 % of
    # the width: the red band to 50, yellow to 60, green above, one strip per provider.
    comparison = one_goal(tmp_path, [40, 70], same_year=True)
    assert not comparison.series
    page = written(tmp_path, "dots.html", comparison_html(comparison, DA))
    shot = tmp_path / "dots.png"
    shot.write_bytes(browser.screenshot(page, 700, 600))
    _, _, pixels = read_png(shot)
    _red, red_start, y = run_at(pixels, rgb(compare_html.BAND_NOT), tolerance=4)
    yellow, yellow_start, _ = run_at(pixels, rgb(compare_html.BAND_PARTLY), tolerance=4)
    green, green_start, _ = run_at(pixels, rgb(compare_html.BAND_MET), tolerance=4)
    whole = green_start + green - red_start
    assert whole > 300
    # The bands' edges at 50 and 60 of 35 .. 75: 3/8 and 5/8 of the strip (a threshold's line is 2 px wide).
    assert abs((yellow_start - red_start) / whole - 3 / 8) < 0.01
    assert abs((green_start - red_start) / whole - 5 / 8) < 0.01
    assert abs(yellow / whole - 1 / 4) < 0.02
    # The thresholds' lines stand upright at the bands' edges, across the strip.
    purple = matches(pixels, rgb(compare_html.THRESHOLD))
    for edge in (yellow_start, green_start):
        assert max(int(purple[:, x].sum()) for x in range(edge - 3, edge + 2)) >= 2 * compare_html.DOT_STRIP
    # Each dot on its value: 40 at 1/8 of the strip, 70 at 7/8.
    chart = pixels[y - 4:y + compare_html.DOT_ROW + compare_html.DOT_STRIP + 4]  # the two strips
    for colour, at in ((compare_html.COLOURS["not met"], 1 / 8), (compare_html.COLOURS["met"], 7 / 8)):
        _ys, xs = matches(chart, rgb(colour), tolerance=6).nonzero()
        assert len(xs) > 20
        assert abs((xs.mean() - red_start) / whole - at) < 0.01


@needs_browser
def test_the_steps_are_level_over_each_period_and_upright_between(browser: Printer, tmp_path: Path) -> None:
    # NPS 57, 61, 64 in 2019, 2020, 2021: three levels, joined by two upright steps, no slope.
    comparison = one_goal(tmp_path, [57, 61, 64])
    assert comparison.series
    page = written(tmp_path, "steps.html", comparison_html(comparison, DA))
    shot = tmp_path / "steps.png"
    shot.write_bytes(browser.screenshot(page, 600, 700))
    _, _, pixels = read_png(shot)
    line = matches(pixels, rgb(compare_html.LINE), tolerance=10)
    # The levels: rows where the line runs across a year (a third of the plot, 170 px and more).
    counts = line.sum(axis=1)
    groups: list[list[int]] = []
    for y in (int(y) for y in (counts >= 60).nonzero()[0]):
        if groups and y - groups[-1][-1] <= 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    assert len(groups) == 3
    levels = [sum(g) / len(g) for g in groups]  # from the top: 64, 61, 57
    # The range is 50 .. 64 (the thresholds and the values) with a sixth of room each side.
    span = Fraction(14) * 8 / 6
    for upper, lower, rise in ((levels[1], levels[2], 61 - 57), (levels[0], levels[1], 64 - 61)):
        assert abs((lower - upper) - float(rise / span) * compare_html.PLOT_HEIGHT) <= 1.5
    # Between the levels only upright steps (and the points' circles): no blue pixel of a slope.
    ys, xs = line.nonzero()
    between = [(x, y) for x, y in zip(xs.tolist(), ys.tolist(), strict=True)
               if levels[0] + 4 < y < levels[2] - 4 and min(abs(y - level) for level in levels) > 4]
    uprights = {x for x, _ in between if sum(1 for other, _ in between if other == x) >= 8}
    assert len(uprights) >= 2
    assert max(uprights) - min(uprights) > 100  # two steps, a year apart
    sloped = [(x, y) for x, y in between if min(abs(x - u) for u in uprights) > 1]
    assert len(sloped) <= 30, sloped[:10]  # the points' circles (r 4.5) reach past a level only a little
    # The thresholds' lines level across the plot, at 60 and 50.
    purple = matches(pixels, rgb(compare_html.THRESHOLD), tolerance=10).sum(axis=1)
    threshold_rows = [y for y in range(len(purple)) if purple[y] >= 300]
    sixty = levels[2] + float(Fraction(57 - 60) / span) * compare_html.PLOT_HEIGHT
    fifty = levels[2] + float(Fraction(57 - 50) / span) * compare_html.PLOT_HEIGHT
    for at in (sixty, fifty):
        assert min(abs(y - at) for y in threshold_rows) <= 1.5
    # The legend under the table says what the change is, as the browser lays the page out.
    assert "Ændring: 2021 minus 2020 (den sidste kolonne minus den før den)" in printed(browser, tmp_path, page)


@needs_browser
def test_the_page_fits_a_phone(browser: Printer, tmp_path: Path) -> None:
    page = comparison_html(hubs(), DA)
    shot = tmp_path / "phone.png"
    shot.write_bytes(browser.screenshot(written(tmp_path, "p.html", page), 390, 1150))
    width, _, pixels = read_png(shot)
    assert width == 390
    # Goal 1's strips: red below 50, yellow to 60, green above; the chart spans its box, inside the screen.
    _, start, _ = run_at(pixels, rgb(compare_html.BAND_NOT), tolerance=4)
    green, green_start, _ = run_at(pixels, rgb(compare_html.BAND_MET), tolerance=4)
    assert green_start + green - start > 250 and green_start + green <= 390 - 10
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
    shot.write_bytes(browser.screenshot(measured, 390, 240))
    _, _, pixels = read_png(shot)
    page_width, _, _ = run_at(pixels, (0xFF, 0x00, 0xFF), tolerance=4)
    screen_width, _, _ = run_at(pixels, (0x00, 0xFF, 0xFF), tolerance=4)
    assert abs(screen_width - 390 / 4) <= 1
    assert page_width <= screen_width


@needs_browser
def test_the_printed_page_holds_the_heading_goals_labels_fulfilments_and_overall(
        browser: Printer, tmp_path: Path) -> None:
    page = written(tmp_path, "sammenligning.html", comparison_html(hubs(), DA))
    flat = printed(browser, tmp_path, page)  # as laid out on paper
    assert "2 leverandører side om side" in flat
    assert "Samlet målopfyldelse 75 % 62,5 %" in flat
    assert "50 % (57) 0 % (49,5)" in flat and "100 % (72,5 %) 100 % (70 %)" in flat
    assert "Mål Nordjylland Midtjylland" in flat  # the labels, over two lines
    # In reading order, each goal's id and title over its chart.
    # The same print, read in the order it was drawn (the page's order) rather than laid out.
    pdf = tmp_path / f"{page.stem}.pdf"
    read = re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                                              text=True, check=True).stdout.replace("\u00a0", " "))
    # The table: each goal's id before its title (a long title may wrap in its column).
    assert re.search(r"1 Virksomhedernes tilfredshed med .*vejledningen", read) and "5 Grøn omstilling" in read
    for goal_id, title in (("1", "Virksomhedernes tilfredshed med vejledningen"), ("3", "Fælles digital indgang"),
                           ("4", "Lokal tilfredshed"), ("5", "Grøn omstilling")):
        assert f"Mål {goal_id}: {title}" in read, title
    assert "* titler forskellige" in read and "Oplevet effekt af vejledningen (Erhvervshus Nordjylland)" in read
    assert "Mål 2: Oplevet effekt af vejledningen / Virksomhedernes oplevede effekt" in read
    assert "57 → 50 %" in read and "49,5 → 0 %" in read  # goal 1's chart: each value and its fulfilment
    assert "Diagram" not in read and "Opgørelse" not in read  # the charts' tables are for the screen only


@pytest.mark.parametrize("share", [Fraction(1, 3), Fraction(0), Fraction(1)])
def test_coordinates_are_exact_to_four_decimals(share: Fraction) -> None:
    assert compare_html._pct(share) == {Fraction(1, 3): "33.3333%", Fraction(0): "0%", Fraction(1): "100%"}[share]
