"""Loading a contract again after an edit (what the language server does on every keystroke)
gives exactly what loading it from scratch gives: the same nodes in the same places, the same
problems, the same errors word for word."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core import plaindata
from resultkontrakt.core.errors import RkError
from resultkontrakt.editor.incremental import IncrementalLoader, declarations, recut

from .conftest import EXAMPLE, EXAMPLES, ROOT

TEXTS = {path.name: path.read_text(encoding="utf-8") for path in [
    *sorted(EXAMPLES.glob("*.rk")), *sorted((ROOT / "tests" / "broken").glob("*.rk")),
    *sorted((ROOT / "tests" / "golden" / "compare").glob("*.rk"))]}

# What an editor's user types: whole lines of every kind, and the pieces that break them.
TYPED = [
    "\n", "\n\n", "}", "{", "(", ")", '"', '"""', "#", "# a comment\n", " ", "goal", "fact",
    "metric", "split", "payment", "example", "contract", "score x >= 1 -> 100%", "fact y: number\n",
    'goal 99 "Ny" {\n    score nps >= 1 -> 100%\n}\n', "metric m = 1 +\n", "split", "æøå", "0",
    'fact goal: number\n', 'contract "Igen" {\n}\n', "fact a: number fact b: number\n",
]


def outcome(load: Callable[[], rk.Contract]) -> tuple[object, ...]:
    try:
        contract = load()
    except RkError as error:
        return ("error", error.render())
    return ("ok", plaindata.dumps(contract.module.items),
            tuple(problem.render(contract.text) for problem in contract.analysis.problems))


@given(st.sampled_from(sorted(TEXTS)), st.lists(st.tuples(
    st.floats(0, 1), st.sampled_from(["insert", "delete", "duplicate line"]), st.sampled_from(TYPED),
    st.integers(1, 40)), min_size=1, max_size=4))
def test_each_load_after_an_edit_is_the_load_from_scratch(
        name: str, edits: list[tuple[float, str, str, int]]) -> None:
    text = TEXTS[name]
    loader = IncrementalLoader()
    assert outcome(partial(loader.loads, text, name)) == outcome(partial(rk.loads, text, name))
    for where, action, typed, length in edits:
        at = int(where * len(text))
        if action == "insert":
            text = text[:at] + typed + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + length:]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at) + 1 or len(text)
            text = text[:start] + text[start:end] + text[start:]
        assert outcome(partial(loader.loads, text, name)) == outcome(partial(rk.loads, text, name))


def test_a_declaration_moved_down_keeps_its_nodes_and_moves_their_places() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    loader = IncrementalLoader()
    before = loader.loads(text, "k.rk")
    after = loader.loads("\n\n" + text, "k.rk")
    assert [goal.span.line for goal in after.module.goals] == [g.span.line + 2 for g in before.module.goals]
    assert after.module.goals == before.module.goals  # the same goals (places aside)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """Turns on a record of every text the parser is given from then on."""
    from resultkontrakt.language import parser

    texts: list[str] = []
    original = parser.parse_alone  # what parses, for a piece and for `parse` of a whole text

    def recording(piece: str, source: str) -> object:
        texts.append(piece)
        return original(piece, source)

    def start() -> list[str]:
        monkeypatch.setattr(parser, "parse_alone", recording)
        return texts
    return start


def test_only_the_declarations_that_changed_are_parsed_again(parsed: Callable[[], list[str]]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    loader = IncrementalLoader()
    loader.loads(text, "k.rk")
    texts = parsed()
    edited = text.replace(">= 60 -> 100%", ">= 61 -> 100%", 1)
    assert edited != text
    loader.loads(edited, "k.rk")
    assert len(texts) == 1 and texts[0].startswith("goal 1 ")


def test_the_text_is_cut_where_declarations_start_and_nowhere_else() -> None:
    text = ('# fact in a comment\nfact x: number "goal in a text"\n'
            'metric m = fulfilment(\ngoal 1)\n'
            'goal 1 "G" {\n    group "g"\nscore x >= 1 -> 100%\n}\n'
            '"""\nfact not here\n"""\n')
    pieces = list(declarations(text))
    assert [line for line, _ in pieces] == [1, 2, 3, 5]
    assert "".join(piece for _, piece in pieces) == text
    assert pieces[2][1].startswith("metric m = fulfilment(\ngoal 1)")
    assert pieces[3][1].endswith('"""\nfact not here\n"""\n')


def test_a_syntax_error_keeps_what_was_read_for_the_keystroke_that_mends_it(
        parsed: Callable[[], list[str]]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    loader = IncrementalLoader()
    loader.loads(text, "k.rk")
    broken = text.replace(">= 60 -> 100%", ">= 60 100%", 1)
    try:
        loader.loads(broken, "k.rk")
    except rk.RkSyntaxError as error:
        span = error.problems[0].span
        assert span is not None and span.line == text[:text.index(">= 60 -> 100%")].count("\n") + 1
    else:
        raise AssertionError("a syntax error was read")
    texts = parsed()
    mended = loader.loads(text, "k.rk")
    assert texts == [] and len(mended.goals) == 9


def test_a_syntax_error_inside_a_declaration_is_found_without_reading_the_rest(
        parsed: Callable[[], list[str]]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    loader = IncrementalLoader()
    loader.loads(text, "k.rk")
    texts = parsed()
    broken = text.replace(">= 60 -> 100%", ">= 60 100%", 1)
    with pytest.raises(rk.RkSyntaxError) as raised:
        loader.loads(broken, "k.rk")
    with pytest.raises(rk.RkSyntaxError) as from_scratch:
        rk.loads(broken, "k.rk")
    assert raised.value.render() == from_scratch.value.render()
    assert len(texts) == 2 and texts[0].startswith("goal 1 ") and texts[1] == broken  # then loads'


@given(st.sampled_from(sorted(TEXTS)), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(TYPED), st.integers(0, 30)),
                                                min_size=1, max_size=4))
def test_a_text_cut_again_after_an_edit_is_cut_as_from_scratch(name: str, edits: list[tuple[float, str, int]]) -> None:
    text = TEXTS[name]
    cuts = recut("", [], text)
    for where, typed, length in edits:
        at = int(where * len(text))
        edited = text[:at] + typed + text[at + length:]
        cuts = recut(text, cuts, edited)
        text = edited
        assert cuts == recut("", [], text)
        assert [text[a:b] for (a, _), (b, _) in zip(cuts, [*cuts[1:], (len(text), 0)], strict=True)] == \
            [piece for _, piece in declarations(text)]
