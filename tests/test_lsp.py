"""`rk lsp` end to end: a real client (pytest-lsp) talks to the server over stdin and stdout.

One server serves the whole module. Each test opens the documents it needs and checks exact
positions and contents, so that a wrong column or a lost problem fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp

from resultkontrakt.core.vocabulary import KEYWORDS, PLACE_WORDS
from resultkontrakt.editor.fmt import format_text
from resultkontrakt.editor.lsp_document import EditorText
from resultkontrakt.semantics.functions import FUNCTIONS

from .conftest import DEEP, EXAMPLE, ROOT
from .lsp_client import RkClient, changed, changed_by, hover_text, opened, server_fixture, tokens

client = server_fixture()
pytestmark = pytest.mark.asyncio(loop_scope="module")  # every test, in the loop the server's client runs in

TEXT = EXAMPLE.read_text(encoding="utf-8")
URI = EXAMPLE.as_uri()
BROKEN = sorted((ROOT / "tests" / "broken").glob("*.rk"))
HEAD = re.compile(r"^(?P<file>[^:\s]+\.rk):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.*)$")
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning}


def doc(uri: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri)


def at(line: int, needle: str, text: str = TEXT, nth: int = 0) -> lsp.Position:
    """Where `needle` stands on the 1-based `line` (in UTF-16 units, 0-based)."""
    written = text.splitlines()[line - 1]
    column = -1
    for _ in range(nth + 1):
        column = written.index(needle, column + 1)
    return lsp.Position(line - 1, len(written[:column].encode("utf-16-le")) // 2)


def where(range_: lsp.Range) -> tuple[int, int, int, int]:
    return range_.start.line, range_.start.character, range_.end.line, range_.end.character


async def hover(client: RkClient, position: lsp.Position, uri: str = URI) -> lsp.Hover | None:
    return await client.text_document_hover_async(lsp.HoverParams(doc(uri), position))


async def completions(client: RkClient, uri: str, position: lsp.Position) -> list[lsp.CompletionItem]:
    found = await client.text_document_completion_async(lsp.CompletionParams(doc(uri), position))
    assert isinstance(found, lsp.CompletionList)
    return sorted(found.items, key=lambda item: item.sort_text or item.label)


def text_edit(item: lsp.CompletionItem) -> lsp.TextEdit:
    """The edit a completion makes: one that replaces a range (no insert-or-replace choice)."""
    assert isinstance(item.text_edit, lsp.TextEdit), item
    return item.text_edit


# ---- the server --------------------------------------------------------------------------


async def test_the_server_says_what_it_can(client: RkClient) -> None:
    capabilities = client.server_capabilities
    assert capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    sync = capabilities.text_document_sync
    assert isinstance(sync, lsp.TextDocumentSyncOptions) and sync.change == lsp.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider and capabilities.definition_provider
    assert capabilities.references_provider and capabilities.document_symbol_provider
    assert capabilities.document_formatting_provider and capabilities.completion_provider
    legend = client.legend
    assert {"keyword", "variable", "function", "number", "string", "comment", "operator"} <= set(legend.token_types)


async def test_without_pygls_rk_lsp_names_the_extra() -> None:
    shim = "import sys; sys.modules['pygls'] = None; from resultkontrakt.cli.main import main; sys.exit(main(['lsp']))"
    run = subprocess.run([sys.executable, "-c", shim], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == ("rk lsp: error: the language server needs pygls: "
                          "pip install 'resultkontrakt[lsp]'\n")


async def test_without_pygments_there_are_no_semantic_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    from resultkontrakt.editor import lsp as server

    assert lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL in server.server().protocol.fm.features
    monkeypatch.setitem(sys.modules, "pygments", None)
    features = server.server().protocol.fm.features
    assert lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL not in features
    assert lsp.TEXT_DOCUMENT_HOVER in features


# ---- diagnostics ---------------------------------------------------------------------------


def _expected(case: Path) -> list[tuple[int, int, str, str, int]]:
    """Each problem in a golden `rk check` output: line, column (0-based), severity, message
    and hint as a diagnostic says them, and the caret's width."""
    found = []
    for block in re.split(r"\n(?=\S)", case.with_suffix(".expected").read_text(encoding="utf-8").rstrip("\n")):
        lines = block.splitlines()
        head = HEAD.match(lines[0])
        assert head is not None and lines[-1].startswith("  hint: ")
        caret = next(line for line in lines[1:] if line.strip() and set(line.strip()) == {"^"})
        found.append((int(head["line"]) - 1, int(head["column"]) - 1, head["severity"],
                      f"{head['message']}\nhint: {lines[-1].removeprefix('  hint: ')}", caret.count("^")))
    return found


@pytest.mark.parametrize("case", BROKEN, ids=[c.stem for c in BROKEN])
async def test_diagnostics_are_those_of_rk_check(client: RkClient, case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    diagnostics = await opened(client, case.as_uri(), text)
    expected = _expected(case)
    assert sorted((d.range.start.line, d.range.start.character, d.severity, d.message) for d in diagnostics) \
        == sorted((line, column, SEVERITY[severity], message) for line, column, severity, message, _ in expected)
    assert {d.source for d in diagnostics} == {"rk"}
    lines = text.split("\n")
    widths = {(line, column): width for line, column, _, _, width in expected}
    for diagnostic in diagnostics:
        start, end = diagnostic.range.start, diagnostic.range.end
        if start.line == end.line and end.character > start.character:  # the caret covers the range
            assert end.character <= len(lines[start.line])
            assert end.character - start.character == widths[start.line, start.character], diagnostic


async def test_a_syntax_error_keeps_the_other_problems(client: RkClient) -> None:
    text = ('fact nps: number\nfact effekt: percent\nfact ubrugt: number\n'
            'goal 1 "A" {\n    score nps >= 60 100%\n}\n'
            'goal 2 "B" {\n    score efekt >= 70% -> 100%\n}\n')
    diagnostics = await opened(client, "file:///tmp/syntax-and-more.rk", text)
    assert sorted((where(d.range), d.severity, d.message.split("\n")[0]) for d in diagnostics) == [
        ((1, 0, 1, 20), lsp.DiagnosticSeverity.Warning, "fact `effekt` is declared but no goal uses it"),
        ((2, 0, 2, 19), lsp.DiagnosticSeverity.Warning, "fact `ubrugt` is declared but no goal uses it"),
        ((4, 20, 4, 24), lsp.DiagnosticSeverity.Error,
         "expected `->`, a money unit (kr, tkr or mio kr) or an operator, but found `100%`"),
        ((7, 10, 7, 15), lsp.DiagnosticSeverity.Error, "unknown name `efekt`"),
    ]  # `nps` is used in the broken goal: no warning that it is unused


async def test_an_unclosed_goal_takes_only_itself_out(client: RkClient) -> None:
    text = ('fact nps: number\ngoal 1 "A" {\n    score nps >= 60 -> 100%\n\n'
            'fact effekt: percent\ngoal 2 "B" { score efekt >= 70% -> 100% }\n'
            'goal 3 "C" { score effekt >= 70% -> 100% }\n')
    diagnostics = await opened(client, "file:///tmp/unclosed.rk", text)
    assert [(where(d.range), d.message.split("\n")[0]) for d in diagnostics] == [
        ((4, 0, 4, 4), 'expected `;`, `applies`, `deliverable`, `group`, `require`, `score`, `weight`, `}` or a text '
                       'block ("""..."""), but found `fact`'),
        ((5, 19, 5, 24), "unknown name `efekt`"),
    ]
    # What follows the broken goal is still there to navigate.
    definition = await client.text_document_definition_async(
        lsp.DefinitionParams(doc("file:///tmp/unclosed.rk"), lsp.Position(6, 21)))
    assert isinstance(definition, lsp.Location) and where(definition.range) == (4, 5, 4, 11)


async def test_diagnostics_follow_each_change(client: RkClient) -> None:
    uri = "file:///tmp/changing.rk"
    good = 'fact nps: number label "NPS"\ngoal 1 "A" { score nps >= 60 -> 100% }\n'
    assert await opened(client, uri, good) == []
    typo = await changed(client, uri, good.replace("score nps", "score nsp"))
    assert [(where(d.range), d.message) for d in typo] == [
        ((0, 0, 0, 28), "fact `nps` is declared but no goal uses it\nhint: use it in a score or a metric, or remove it"),
        ((1, 19, 1, 22), "unknown name `nsp`\nhint: did you mean `nps`?")]
    broken = await changed(client, uri, good.replace("-> 100%", "100%"))
    assert [d.range.start for d in broken] == [lsp.Position(1, 29)]
    assert await changed(client, uri, good) == []


async def test_positions_count_utf16_units(client: RkClient) -> None:
    text = 'fact nps: number "😀 ok"\ngoal 1 "😀😀 æøå" { score nsp >= 1 -> 100% }\n'
    [_, diagnostic] = await opened(client, "file:///tmp/emoji.rk", text)  # `nps` unused; `nsp` unknown
    assert where(diagnostic.range) == (1, 26, 1, 29)  # 4 emoji units before `nsp`, in 22 characters
    assert at(2, "nsp", text) == lsp.Position(1, 26)
    found = await hover(client, lsp.Position(1, 27), "file:///tmp/emoji.rk")
    assert found is None  # `nsp` is declared nowhere
    found = await hover(client, lsp.Position(0, 6), "file:///tmp/emoji.rk")
    assert hover_text(found).endswith("\n\n😀 ok")


async def test_positions_in_decomposed_letters_and_after_a_bom(client: RkClient) -> None:
    # The library reads `å` written as `a` and a combining ring as one letter, and drops a BOM;
    # the editor's columns are those of the text as written.
    text = '\ufefffact pa\u030avirkning: number\ngoal 1 "A" { score pa\u030avirkning >= 1 -> 100%; x > 1 -> 5% }\n'
    [diagnostic] = await opened(client, "file:///tmp/nfc.rk", text)
    assert diagnostic.message.startswith("unknown name `x`")
    assert where(diagnostic.range) == (1, 45, 1, 46)
    definition = await client.text_document_definition_async(
        lsp.DefinitionParams(doc("file:///tmp/nfc.rk"), lsp.Position(1, 21)))
    assert isinstance(definition, lsp.Location) and where(definition.range) == (0, 6, 0, 17)


async def test_positions_in_other_encodings() -> None:
    text = EditorText('x "😀" æ\r\ny', "utf-8")
    assert text.to_editor(1, 5) == (0, 7)  # after the emoji: 3 + 4 bytes
    assert text.to_library((0, 7)) == (1, 5)
    assert text.to_library((0, 5)) == (1, 4)  # inside the emoji: the emoji
    assert text.to_editor(2, 1) == (1, 0)
    wide = EditorText('x "😀" æ\ny', "utf-32")
    assert wide.to_editor(1, 5) == (0, 4)
    assert wide.to_library((9, 9)) == (2, 2)  # past the end: the end
    assert wide.end() == (1, 1)


# ---- hover ------------------------------------------------------------------------------------


async def test_hover_on_a_fact_gives_its_type_range_and_description(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    found = await hover(client, at(46, "anbefaling"))
    assert found is not None and isinstance(found.contents, lsp.MarkupContent)
    assert found.contents.kind == lsp.MarkupKind.Markdown
    assert found.contents.value == (
        "**fact** anbefaling\n\ntype: list of optional integer\n\nrange: 0 .. 10\n\n"
        "shown to readers as: virksomhedernes anbefaling\n\n"
        "Pr. vejledt virksomhed: hvor sandsynligt det er (0-10), at den anbefaler Erhvervshuset")
    assert found.range is not None and where(found.range) == (45, 18, 45, 28)


async def test_hover_on_metrics_goals_deliverables_and_splits(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    metric = await hover(client, at(58, "effekt"))
    assert hover_text(metric) == (
        '**metric** effekt\n\n= share(svar in påvirkning where any(a in svar where a in {"i høj grad", '
        '"i nogen grad"}))\n\ntype: percent\n\n'
        "shown to readers as: andel med middel eller høj påvirkning\n\n"
        "Andel af vejledte virksomheder, der oplever middel eller høj påvirkning")
    goal = await hover(client, at(180, "1"))
    assert hover_text(goal) == (
        "**goal 1**: Virksomhedernes tilfredshed med den specialiserede vejledning\n\n"
        "group: Nationalt fastsat mål\n\n"
        "- require count(anbefaling) \\>= 30 (NPS kræver mindst 30 svar)\n"
        "- nps \\>= 60 -\\> 100%\n- \\>= 50 -\\> 50%")
    deliverable = await hover(client, at(82, "kendskabsstrategi"))
    assert hover_text(deliverable) == (
        "**deliverable** kendskabsstrategi: Kommunikations- og kendskabsstrategi klar til 2020\n\n"
        "of goal 4\n\ndue: 2019-12-31")
    split = await hover(client, at(239, "basisbevilling"))
    assert hover_text(split) == (
        "**split** basisbevilling\n\nmethod: largest remainder\n\ntotal: 16488 tkr\n\ninstallments: 12\n\n"
        "unit: 1 tkr\n\nkey: Folketal 1. januar 2018\n\nshares: 11 parties")
    function = await hover(client, at(33, "any"))
    assert hover_text(function).startswith("**function** any")
    assert await hover(client, at(47, "score")) is None
    assert await hover(client, lsp.Position(10_000, 3)) is None


async def test_hover_escapes_markdown_from_the_contract(client: RkClient) -> None:
    uri = "file:///tmp/markup.rk"
    await opened(client, uri, 'fact n_a: number "<b>*x*</b> [y](http://z) `c`"\n'
                              'goal 1 "T" { score n_a >= 1 -> 100% }\n')
    found = await hover(client, lsp.Position(1, 20), uri)
    assert hover_text(found) == (
        "**fact** n\\_a\n\ntype: number\n\n\\<b\\>\\*x\\*\\</b\\> \\[y\\](http\\://z) \\`c\\`")


# ---- definitions and references ------------------------------------------------------------


async def test_definition_of_names_goals_and_splits(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    cases = [(at(47, "nps"), (23, 7, 23, 10)),  # a metric, from a score
             (at(179, "anbefaling"), (16, 5, 16, 15)),  # a fact, from a given value
             (at(180, "1"), (37, 5, 37, 6)),  # a goal, from an expectation
             (at(239, "basisbevilling"), (149, 6, 149, 20)),  # a split
             (at(24, "anbefaling"), (16, 5, 16, 15)),
             (at(17, "anbefaling"), (16, 5, 16, 15))]  # a declaration is its own definition
    for position, expected in cases:
        found = await client.text_document_definition_async(lsp.DefinitionParams(doc(URI), position))
        assert isinstance(found, lsp.Location) and found.uri == URI
        assert where(found.range) == expected, position
    nothing = await client.text_document_definition_async(lsp.DefinitionParams(doc(URI), at(47, "score")))
    assert nothing is None


async def test_a_goal_result_refers_to_its_goal(client: RkClient) -> None:
    uri = "file:///tmp/goal-results.rk"
    text = ('fact a: number label "a"\ngoal 1 "A" { score a >= 1 -> 100% }\n'
            'goal 2 "B" { score fulfilment(goal 1) >= 50% -> 100% }\n'
            'payment p "P" = fulfilment(goal 2) of 100 kr\n')
    assert await opened(client, uri, text) == []
    found = await client.text_document_definition_async(lsp.DefinitionParams(doc(uri), at(4, "2", text)))
    assert isinstance(found, lsp.Location) and where(found.range) == (2, 5, 2, 6)
    uses = await client.text_document_references_async(lsp.ReferenceParams(text_document=doc(uri), position=at(2, "1", text),
        context=lsp.ReferenceContext(include_declaration=True)))
    assert uses is not None
    assert [where(u.range) for u in uses] == [(1, 5, 1, 6), (2, 35, 2, 36)]


async def test_references_to_a_fact_and_a_goal(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    uses = await client.text_document_references_async(lsp.ReferenceParams(text_document=doc(URI), position=at(17, "anbefaling"),
        context=lsp.ReferenceContext(include_declaration=True)))
    assert uses is not None
    assert [(u.range.start.line, u.range.start.character) for u in uses] == [
        (16, 5), (23, 17), (45, 18), (178, 10), (183, 10), (188, 10), (193, 10), (198, 10)]
    assert all(u.range.end.character - u.range.start.character == len("anbefaling") for u in uses)
    uses = await client.text_document_references_async(lsp.ReferenceParams(text_document=doc(URI), position=at(50, "2"),
        context=lsp.ReferenceContext(include_declaration=False)))
    assert uses is not None
    assert [(u.range.start.line, u.range.start.character) for u in uses] == [(204, 16), (209, 16), (214, 16)]
    # `a` bound by a quantifier is not a use of anything.
    assert await client.text_document_references_async(lsp.ReferenceParams(text_document=doc(URI), position=at(33, "a", nth=3),
        context=lsp.ReferenceContext(include_declaration=True))) is None


# ---- completion ----------------------------------------------------------------------------


async def test_completion_offers_names_functions_and_keywords(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    items = await completions(client, URI, at(47, "nps"))
    labels = {(item.label, item.kind) for item in items}
    assert {("anbefaling", lsp.CompletionItemKind.Variable), ("nps", lsp.CompletionItemKind.Value),
            ("nps", lsp.CompletionItemKind.Function), ("share", lsp.CompletionItemKind.Function),
            ("kendskabsstrategi", lsp.CompletionItemKind.Event)} <= labels
    assert {label for label, kind in labels if kind == lsp.CompletionItemKind.Keyword} == KEYWORDS | PLACE_WORDS
    assert {label for label, kind in labels if kind == lsp.CompletionItemKind.Function} == set(FUNCTIONS)
    assert next(item.detail for item in items if item.label == "anbefaling") == "fact: list of optional integer"


async def test_completion_offers_the_choices_of_a_one_of_fact(client: RkClient) -> None:
    uri = "file:///tmp/choices.rk"
    text = 'fact sektor: one of {"offentlig", "privat"}\ngoal 1 "S" {\n    score sektor = "'
    await opened(client, uri, text)
    items = await completions(client, uri, lsp.Position(2, 20))
    assert [item.label for item in items] == ["offentlig", "privat"]  # inside a text: nothing else
    assert [(where(edit.range), edit.new_text) for edit in map(text_edit, items)] == [
        ((2, 19, 2, 20), '"offentlig"'), ((2, 19, 2, 20), '"privat"')]
    await changed(client, uri, text.removesuffix('"'))
    items = await completions(client, uri, lsp.Position(2, 19))
    assert [item.label for item in items[:2]] == ["offentlig", "privat"]  # first, then the rest
    assert items[0].insert_text == '"offentlig"' and items[0].kind == lsp.CompletionItemKind.EnumMember
    assert "sektor" in {item.label for item in items[2:]}


async def test_completion_offers_choices_to_a_name_bound_by_a_quantifier(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    # `a in svar`, `svar in påvirkning`: a list of lists of answers.
    items = await completions(client, URI, at(33, '"i nogen grad"'))
    assert [item.label for item in items[:5]] == ["i høj grad", "i nogen grad", "i lav grad", "slet ikke",
                                                  "ved ikke"]
    assert {"a", "svar"} <= {item.label for item in items if item.kind == lsp.CompletionItemKind.Variable}


async def test_completion_in_a_comment_offers_nothing(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    assert await completions(client, URI, at(44, "guard")) == []


# ---- outline, layout, highlighting ---------------------------------------------------------


async def test_document_symbols(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    found = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(doc(URI)))
    assert found is not None
    assert [(s.name, s.kind) for s in found[:6]] == [
        ("contract", lsp.SymbolKind.Namespace), ("anbefaling", lsp.SymbolKind.Variable),
        ("påvirkning", lsp.SymbolKind.Variable), ("nps", lsp.SymbolKind.Function),
        ("effekt", lsp.SymbolKind.Function), ("goal 1", lsp.SymbolKind.Class)]
    assert [s.name for s in found[5:15]] == [f"goal {n}" for n in range(1, 10)] + ["basisbevilling"]
    assert found[14].kind == lsp.SymbolKind.Struct
    assert [s.kind for s in found[15:]] == [lsp.SymbolKind.Method] * 12
    goal6 = found[10]
    assert isinstance(goal6, lsp.DocumentSymbol)  # a tree of symbols, as the client asks for
    assert goal6.detail == "Erhvervshusene som knudepunkter i erhvervsfremmesystemet"
    assert where(goal6.range) == (98, 0, 108, 1) and where(goal6.selection_range) == (98, 5, 98, 6)
    assert goal6.children is not None
    assert [(c.name, c.kind) for c in goal6.children] == [
        (name, lsp.SymbolKind.Field) for name in ("samarbejdsaftaler", "strategiproces", "kommuneoplæg",
                                                  "erhvervscamp")]


async def test_formatting_gives_rk_fmt_as_one_edit(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    params = lsp.DocumentFormattingParams(doc(URI), lsp.FormattingOptions(tab_size=4, insert_spaces=True))
    edits = await client.text_document_formatting_async(params)
    assert edits is not None and list(edits) == []  # the example is formatted
    uri = "file:///tmp/messy.rk"
    messy = 'fact   nps :number\r\ngoal 1 "A"{score nps>=60->100% ;>= 50 -> 50%}\r\n# end'
    await opened(client, uri, messy)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(doc(uri), lsp.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert edits is not None
    [edit] = edits
    assert where(edit.range) == (0, 0, 2, 5)
    assert edit.new_text == format_text(messy).replace("\n", "\r\n")  # the file's own line ends
    await opened(client, uri, 'goal 1 "A" { score -> }')
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(doc(uri), lsp.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert edits is not None and list(edits) == []


async def test_semantic_tokens_follow_the_lexer(client: RkClient) -> None:
    await opened(client, URI, TEXT)
    found = await client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(doc(URI)))
    assert found is not None
    decoded = tokens(found.data, client.legend)
    by_place = {(line, character): (length, kind, modifiers) for line, character, length, kind, modifiers in decoded}
    assert by_place[0, 0] == (len(TEXT.splitlines()[0]), "comment", set())
    assert [(c, by_place[16, c][:2]) for c in sorted(c for line, c in by_place if line == 16)] == [
        (0, (4, "keyword")), (5, (10, "variable")), (17, (4, "type")), (22, (2, "keyword")),
        (25, (8, "type")), (34, (7, "type")), (42, (2, "keyword")), (45, (1, "number")),
        (47, (2, "operator")), (50, (2, "number"))]
    described = TEXT.splitlines()[17].strip()
    assert by_place[17, 4][:2] == (described.index(" label "), "string")  # the description, then its label
    assert by_place[23, 13] == (3, "function", {"defaultLibrary"})  # nps(...)
    assert by_place[37, 5][:2] == (1, "label")  # a goal's id
    assert by_place[40, 4] == (len(TEXT.splitlines()[40].strip()), "string", {"documentation"})
    date = at(82, "2019-12-31")
    assert by_place[date.line, date.character][:2] == (10, "number")  # a date


async def test_semantic_tokens_count_utf16_units(client: RkClient) -> None:
    uri = "file:///tmp/emoji-tokens.rk"
    await opened(client, uri, 'fact nps: number "😀 ok"\ngoal 1 "😀" { score nps >= 1 -> 100% }\n')
    found = await client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(doc(uri)))
    assert found is not None
    decoded = tokens(found.data, client.legend)
    assert (0, 17, 7, "string", set()) in decoded
    assert (1, 7, 4, "string", set()) in decoded
    assert (1, 14, 5, "keyword", set()) in decoded

# ---- incremental sync: the editor's ranged changes, applied to the text the server keeps ----
# Whatever ranges the editor sends (letters outside ASCII, emoji that UTF-16 counts as two
# units, `\r\n` line ends, edits at the document's end, several changes in one message), the
# server's text is the editor's, and its diagnostics those of the same text opened afresh. A
# range outside the document is taken as the protocol says, and said in the log.

SYNCED = "file:///tmp/synced.rk"
FRESH = "file:///tmp/fresh.rk"

SEED = ('fact svar: list of integer in 0 .. 10 "Svar 😀" label "Svar"\r\n'
        'fact åbne: number label "Åbne sager"\r\n'
        'goal 1 "Tilfredshed" {\r\n    score nps(svar) >= 50 -> 100%; >= 30 -> 50%\r\n}\r\n'
        'goal 2 "Sager æøå" {\r\n    score åbne <= 10 -> 100%\r\n}\r\n')


def _offset(text: str, line: int, character: int) -> int:
    """Where a UTF-16 position stands in `text`, as the client counts: written here on its own,
    not with the server's code."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r(?!\n)|\n", text)]
    if line >= len(starts):
        return len(text)
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    body = re.sub(r"[\r\n]+$", "", text[starts[line]:end])
    units = 0
    for index, char in enumerate(body):
        if units >= character:
            return starts[line] + index
        units += 2 if ord(char) > 0xFFFF else 1
    return starts[line] + len(body)


def _position(text: str, offset: int) -> lsp.Position:
    before = text[:offset]
    line = len(re.findall(r"\r\n|\r(?!\n)|\n", before))
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return lsp.Position(line, len(before[start:].encode("utf-16-le", "surrogatepass")) // 2)


def apply(text: str, change: lsp.TextDocumentContentChangePartial) -> str:
    start = _offset(text, change.range.start.line, change.range.start.character)
    end = _offset(text, change.range.end.line, change.range.end.character)
    return text[:start] + change.text + text[end:]


async def sent(client: RkClient, changes: list[lsp.TextDocumentContentChangePartial]) -> list[lsp.Diagnostic]:
    return list(await changed_by(client, SYNCED, changes))


async def same_as_fresh(client: RkClient, text: str, diagnostics: list[lsp.Diagnostic]) -> None:
    """The server holds `text`: its diagnostics and its tokens (every word's place) are those of
    `text` opened afresh."""
    assert diagnostics == list(await opened(client, FRESH, text))
    ours, fresh = [await client.text_document_semantic_tokens_full_async(
        lsp.SemanticTokensParams(lsp.TextDocumentIdentifier(uri))) for uri in (SYNCED, FRESH)]
    assert ours is not None and fresh is not None and ours.data == fresh.data


def change(text: str, start: int, end: int, new: str) -> lsp.TextDocumentContentChangePartial:
    return lsp.TextDocumentContentChangePartial(lsp.Range(_position(text, start), _position(text, end)), new)


async def test_ranged_edits_after_emoji_and_danish_letters_on_crlf_lines(client: RkClient) -> None:
    text = SEED
    await opened(client, SYNCED, text)
    at = text.index(">= 50")
    edits = [change(text, at + 3, at + 5, "60")]  # after an emoji and `å`, on `\r\n` lines
    text = apply(text, edits[0])
    at = text.index("Svar 😀") + len("Svar 😀")
    second = change(text, at, at, " ø😀")  # after a surrogate pair
    text = apply(text, second)
    third = change(text, len(text), len(text), 'goal 3 "Tre" {\r\n    score åbne <= 5 -> 100%\r\n}\r\n')
    text = apply(text, third)  # at the document's end
    await same_as_fresh(client, text, await sent(client, [*edits, second, third]))  # one message, three changes


async def test_a_change_that_joins_lines_and_one_that_ends_inside_an_emoji(client: RkClient) -> None:
    text = SEED
    await opened(client, SYNCED, text)
    at = text.index("}\r\ngoal 2")
    joined = change(text, at + 1, at + 3, "\n\n")  # `\r\n` taken out, `\n\n` put in
    text = apply(text, joined)
    emoji = text.index("😀")
    inside = lsp.TextDocumentContentChangePartial(
        lsp.Range(_position(text, emoji), lsp.Position(_position(text, emoji).line,
                                                       _position(text, emoji).character + 1)), "")
    text = text[:emoji] + text[emoji:]  # inside a character is before it: nothing taken
    await same_as_fresh(client, text, await sent(client, [joined, inside]))


async def test_a_change_to_a_document_never_opened_opens_nothing(client: RkClient) -> None:
    """A whole text sent as a change to a document the editor never opened is not taken for its
    opening (a ranged change to it never was): nothing is held, checked or published for it,
    and the log says why."""
    never = "file:///tmp/never-opened.rk"
    client.log_messages.clear()
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version=7, uri=never),
        [lsp.TextDocumentContentChangeWholeDocument(text="fact x: number\n"),
         lsp.TextDocumentContentChangePartial(lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), "#")]))
    await opened(client, FRESH, SEED)  # handled after the change: the server has read it by now
    assert not any(uri == never for uri, _ in client.published)
    assert await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(never), lsp.Position(0, 6))) is None
    assert any("never opened" in message.message for message in client.log_messages)


async def test_a_range_outside_the_document_is_clamped_and_said(client: RkClient) -> None:
    await opened(client, SYNCED, SEED)
    lines = len(re.split(r"\r\n|\r|\n", SEED))
    outside = lsp.TextDocumentContentChangePartial(
        lsp.Range(lsp.Position(lines + 5, 3), lsp.Position(lines + 9, 0)), "# slut\n")
    reversed_ = lsp.TextDocumentContentChangePartial(
        lsp.Range(lsp.Position(1, 4), lsp.Position(0, 4)), "")
    past_the_line = lsp.TextDocumentContentChangePartial(
        lsp.Range(lsp.Position(0, 500), lsp.Position(0, 900)), "  # lang linje")
    text = SEED + "# slut\n"
    text = text[:4] + text[_offset(text, 1, 4):]
    first = text.index("\r\n")
    text = text[:first] + "  # lang linje" + text[first:]
    client.log_messages.clear()
    diagnostics = await sent(client, [outside, reversed_, past_the_line])
    await same_as_fresh(client, text, diagnostics)
    said = [message.message for message in client.log_messages]
    assert any("past the document's last line" in message for message in said), said
    assert any("ends before it starts" in message for message in said), said


@st.composite
def edits(draw: st.DrawFn, text: str) -> tuple[str, list[lsp.TextDocumentContentChangePartial]]:
    """A batch of ranged changes, each as the editor sends it, and the text they make."""
    changes = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 30)))
        new = draw(st.sampled_from(["", "x", "æ", "😀", "\r\n", "\n", "}", '"', "goal 9 \"N\" {\n", "1",
                                    "svar", " score åbne <= 2 -> 100%\n"]))
        if re.match(r"[\udc00-\udfff]", text[start:start + 1]) or text[start - 1:start + 1] == "\r\n" or \
                text[end - 1:end + 1] == "\r\n":
            continue  # the editor's own positions never split a character or a line end
        changes.append(change(text, start, end, new))
        text = apply(text, changes[-1])
    return text, changes


@given(st.data())
@settings(max_examples=2000 if DEEP else 5)
async def test_any_ranged_edits_keep_the_servers_text_the_editors(client: RkClient, data: st.DataObject) -> None:
    text = SEED
    await opened(client, SYNCED, text)
    for _ in range(data.draw(st.integers(1, 4 if DEEP else 2))):
        text, changes = data.draw(edits(text))
        if changes:
            await same_as_fresh(client, text, await sent(client, changes))

