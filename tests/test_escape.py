"""Text from contracts and facts, shown in every medium: never markup, never raw control characters.

Markdown is checked by rendering it with GitHub's own renderer (cmark-gfm),
HTML by parsing it, the terminal by looking for any control character.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resultkontrakt.cli.main import main
from resultkontrakt.core import escape
from resultkontrakt.core.vocabulary import INVISIBLE, quote

cmarkgfm = pytest.importorskip("cmarkgfm")
from cmarkgfm.cmark import Options  # noqa: E402


def render(markdown: str) -> str:
    """Markdown as GitHub renders it, with raw HTML let through, so that any that slips out shows."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


class Tags(HTMLParser):
    """Every element and attribute in a piece of HTML."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(page: str, allowed: set[str]) -> None:
    """No element but those our renderers write; no script, no event handler, no live link."""
    for tag, attrs in Tags(page).tags:
        assert tag in allowed, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert (value or "").startswith("mailto:"), (tag, name, value)


# ---- one function per medium -------------------------------------------------------------------


@given(st.text())
def test_markdown_shows_any_text_exactly_as_written(text: str) -> None:
    rendered = render(escape.markdown(text))
    inner = rendered.removeprefix("<p>").removesuffix("</p>\n")
    # GitHub links e-mail addresses whatever is escaped; the link is to mailto: and shows the text.
    inner = re.sub(r'<a href="mailto:[^"]*">([^<]*)</a>', r"\1", inner)
    assert "<" not in inner, rendered
    expected = " ".join(escape.visible(text).replace("\t", " ").replace("\n", " ").strip(" ").split(" "))
    assert html.unescape(inner) == expected, rendered


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "](javascript:alert(1))",
    "![i](https://evil/x.png)", "https://evil.example/login", "www.evil.dk", "<https://x>",
    "*bold* _em_ `code` ~~gone~~ $x$", "| a | b |", "# heading", "- item", "1. item", "---",
    "    indented code", "> quote", "&lt;b&gt;", "a\\", "<!-- c -->", "[^note]",
])
def test_markdown_makes_no_markup_of_hostile_text(text: str) -> None:
    rendered = render(escape.markdown(text))
    assert rendered.startswith("<p>") and rendered.count("<") == 2, rendered
    assert html.unescape(rendered[3:-5]) == text.strip(" ")


@given(st.text())
def test_html_text_reads_back_as_the_text_made_visible(text: str) -> None:
    page = f"<p title=\"{escape.html(text)}\">{escape.html(text)}</p>"
    parsed = Tags(page)
    assert [tag for tag, _ in parsed.tags] == ["p"]
    assert parsed.tags[0][1]["title"] == escape.visible(text)
    assert "".join(parsed.text) == escape.visible(text)


@given(st.text())
def test_the_terminal_never_gets_a_control_character(text: str) -> None:
    shown = escape.terminal(text)
    assert not INVISIBLE.search(shown)
    assert shown.encode("utf-8").decode("utf-8") == shown  # no lone surrogate left to fail it


def test_control_characters_are_shown_as_escapes() -> None:
    assert escape.terminal("a\x1b[31mb\x9bc\u202ed\ud800\r\ne\tf") == "a\\x1b[31mb\\x9bc\\u202ed\\ud800\\x0d\ne\tf"


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                    max_leaves=10))
def test_json_for_a_terminal_is_still_the_same_json(data: object) -> None:
    text = escape.json(data)
    assert not INVISIBLE.search(text)
    assert json.loads(text) == data


# ---- every field of a contract and its facts, through every command and format ---------------------

CONTRACT_TEXTS = [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "](javascript:alert(1))",
    "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)', "&lt;b&gt; & co", "*a* _b_ | c | # d",
    "https://evil.example www.evil.dk", "x" * 5000 + "<b>",
]
FACT_TEXTS = CONTRACT_TEXTS + ["\x1b[31mRED\x1b[0m", "\x9b31m", "\u202eevil", "tab\there\rback"]


def hostile_contract(h: str) -> str:
    q = quote(h)
    return f'''contract {q} {{
    parties {q}, "B"
    period 2019-01-01 .. 2019-12-31
    """{h}"""
}}
fact svar: one of {{{q}, "nej"}} {q}
fact folketal: table of integer
fact xs: list of integer in 0 .. 10 {q}
metric antal = count(xs) {q}
goal 1 {q} {{
    group {q}
    """{h}"""
    deliverable leveret {q} due 2019-12-31
    require antal >= 1 {q}
    score svar = {q} and leveret -> 100%; else -> 0%
}}
goal 2 "anden" {{
    score nps(xs) >= 0 -> 100%
}}
split s {{
    total 10 tkr
    key {q}
    shares {{ {q} 1 B 2 }}
}}
split t {{
    total 10 tkr
    shares from folketal
}}
example {q} {{
    given svar = {q}, leveret = true, xs = [9]
    expect goal 1 = 100%
}}
'''


def hostile_facts(folder: Path, f: str) -> Path:
    (folder / "svar.csv").write_text(f"id,{f.replace(',', ' ')}\nS1,9\n", encoding="utf-8")
    facts = {"svar": f, "folketal": {f: 5, "B": 7}, "xs": [9, 10], "leveret": "2019-12-01", f: 1,
             "$note": f}
    path = folder / "facts.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    return path


COMMANDS = [
    ["check", "{c}"], ["test", "{c}"], ["fmt", "{c}"], ["fmt", "--check", "{c}"],
    ["eval", "{c}", "{f}"], ["eval", "{c}", "{f}", "--format", "json"], ["eval", "{c}", "{f}", "--brief"],
    ["split", "{c}", "s"], ["split", "{c}", "s", "--format", "json"], ["split", "{c}", "s", "--format", "csv"],
    ["split", "{c}", "t", "--facts", "{f}"],
    ["report", "{c}", "{f}"], ["report", "{c}", "{f}", "--lang", "en"],
    ["report", "{c}", "{f}", "--format", "html"], ["report", "{c}", "{f}", "--format", "html", "-o", "{o}"],
]
MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "strong", "em", "table", "thead", "tbody", "tr", "th", "td",
                 "blockquote", "ul", "li", "a"}
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "section",
             "div", "span", "strong", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
             "ul", "li"}


@pytest.mark.parametrize("contract_text", CONTRACT_TEXTS, ids=range(len(CONTRACT_TEXTS)))
@pytest.mark.parametrize("fact_text", [FACT_TEXTS[0], FACT_TEXTS[-4], FACT_TEXTS[-2], FACT_TEXTS[-1]],
                         ids=["html", "esc", "bidi", "cr"])
def test_hostile_text_in_every_field_is_inert_in_every_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], contract_text: str, fact_text: str) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(hostile_contract(contract_text), encoding="utf-8")
    facts = hostile_facts(tmp_path, fact_text)
    out = tmp_path / "r.html"
    for command in COMMANDS:
        args = [a.format(c=contract, f=facts, o=out) for a in command]
        code = main(args)
        stdout, stderr = capsys.readouterr()
        assert code in (0, 1), (args, stderr[-2000:])
        for stream in (stdout, stderr):
            assert not INVISIBLE.search(stream), args
            assert "Traceback" not in stream
        if args[0] == "report" and "html" not in args:
            assert_inert(render(stdout), MARKDOWN_TAGS)
        elif args[0] == "report" and "-o" not in args:
            assert_inert(stdout, PAGE_TAGS)
            assert "&lt;" in stdout or "<" not in contract_text
        if "json" in args:
            json.loads(stdout)
    page = out.read_text(encoding="utf-8")
    assert_inert(page, PAGE_TAGS)
    assert not INVISIBLE.search(page)


@pytest.mark.parametrize("fact_text", FACT_TEXTS + ["\ud800 broken"])
def test_hostile_facts_are_inert_through_the_python_interface(fact_text: str) -> None:
    from resultkontrakt import loads, loads_facts
    from resultkontrakt.output.report import build, markdown, page

    contract = loads(hostile_contract("plain"))
    facts = loads_facts(json.dumps({"svar": fact_text, "folketal": {fact_text: 5, "B": 7}, "xs": [9],
                                    "leveret": True, fact_text: 1}))
    result = contract.evaluate(facts)
    assert result.goals["2"].status == "met"  # one bad fact never loses the other goals
    report = build(contract, facts)
    for text in (markdown(report), page(report), escape.json(result.to_dict())):
        assert not INVISIBLE.search(text)
        text.encode("utf-8")  # writable, whatever the facts held
    assert_inert(render(markdown(report)), MARKDOWN_TAGS)
    assert_inert(page(report), PAGE_TAGS)


def test_a_lone_surrogate_in_a_table_name_is_a_facts_error_that_shows_visibly(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text(hostile_contract("plain"), encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"folketal": {"\\ud800x": 5, "B": 7}}', encoding="utf-8")
    assert main(["split", str(contract), "t", "--facts", str(facts)]) == 1
    _, stderr = capsys.readouterr()
    assert "broken character (a lone surrogate)" in stderr


@pytest.mark.parametrize("party", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_a_party_name_is_never_a_formula_in_the_csv_of_a_split(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, party: str) -> None:
    import csv as csv_module

    contract = tmp_path / "c.rk"
    contract.write_text(f"split s {{ total 10 kr shares {{ {quote(party)} 1 B 1 }} }}", encoding="utf-8")
    assert main(["split", str(contract), "--format", "csv"]) == 0
    rows = list(csv_module.reader(capsys.readouterr().out.splitlines()))
    assert rows[1][0] == "'" + escape.visible(party)
    assert rows[2][0] == "B"


@given(st.text())
def test_a_table_cell_on_a_terminal_is_one_line_with_no_tab_or_control_character(text: str) -> None:
    shown = escape.cell(text)
    assert "\n" not in shown and "\t" not in shown and "\r" not in shown
    assert not INVISIBLE.search(shown)


@pytest.mark.parametrize("fmt", ["text", "text-da"])
def test_a_party_named_over_lines_keeps_the_split_table_one_row_a_party(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    """Parties from a contract (`"Nord\\nSyd"`) or a facts file's table keys (`shares from`)
    broke a row of the split's table over two lines and pushed its columns apart with a tab."""
    contract = tmp_path / "c.rk"
    contract.write_text('split s { total 10 kr shares { "Nord\\nSyd" 1 "Øst\\tVest" 1 } }', encoding="utf-8")
    assert main(["split", str(contract), *(["--lang", "da"] if fmt == "text-da" else [])]) == 0
    out = capsys.readouterr().out
    assert "\t" not in out
    rows = [line for line in out.splitlines() if line.startswith(("Nord", "Øst"))]
    assert [row.split()[0] for row in rows] == ["Nord\\nSyd", "Øst\\tVest"]
