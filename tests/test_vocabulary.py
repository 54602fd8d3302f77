"""The vocabulary is the language's: its words, units and methods agree with the grammar."""

from __future__ import annotations

import re

import lark
import pytest

import resultkontrakt as rk
from resultkontrakt.core import vocabulary
from resultkontrakt.language.parser import MAX_RESERVED_SAID, parser
from resultkontrakt.semantics.functions import FUNCTIONS, NAMES

from .conftest import ROOT


def grammar_words() -> set[str]:
    return {t.pattern.value for t in parser().terminals
            if isinstance(t.pattern, lark.lexer.PatternStr) and t.pattern.value.isalpha()}


def terminal(name: str) -> re.Pattern[str]:
    [found] = [t for t in parser().terminals if t.name == name]
    return re.compile(found.pattern.to_regexp(), re.IGNORECASE)


def test_every_word_of_the_grammar_is_in_the_vocabulary_and_nothing_else() -> None:
    # `deliverables` is a name with a meaning, and the money units are words of MONEY_UNIT.
    names_with_meaning = {"deliverables", "kr", "tkr", "mio", *vocabulary.CURRENCIES}
    assert grammar_words() | names_with_meaning == vocabulary.KEYWORDS | vocabulary.PLACE_WORDS
    assert not vocabulary.KEYWORDS & vocabulary.PLACE_WORDS


# ---- reserved words, read from the grammar file itself (issue 20, finding 12) ------------------

GRAMMAR = (ROOT / "grammar" / "resultkontrakt.lark").read_text(encoding="utf-8")


def words_of_the_grammar_file() -> set[str]:
    """The grammar's string literals that its own NAME would read as a name."""
    written = re.search(r"^NAME: /(.*)/$", GRAMMAR, re.M)
    assert written, "the grammar defines NAME by a regular expression"
    name = re.compile(written.group(1))
    code = "\n".join(line.split("//")[0] for line in GRAMMAR.splitlines())
    return {word for word in re.findall(r'"([^"\\\n]*)"', code) if name.fullmatch(word)}


RESERVED = sorted(words_of_the_grammar_file() - vocabulary.PLACE_WORDS)


def test_the_reserved_words_are_the_grammars_words_but_the_place_words() -> None:
    assert "if" in RESERVED and "then" in RESERVED and "kr" in RESERVED
    assert words_of_the_grammar_file() >= vocabulary.PLACE_WORDS
    assert set(RESERVED) | {"deliverables", "mio", *vocabulary.CURRENCIES} == vocabulary.KEYWORDS


# Each place a name is declared: the word `{w}` declared first, then used.
DECLARED = {
    "fact": 'fact {w}: number\n',
    "metric": 'metric {w} = 1\n',
    "payment": 'payment {w} = 1 kr\n',
    "deliverable": 'goal 1 "g" {{ deliverable {w} "D" score all(deliverables) -> 100% }}\n',
    "split": 'split {w} {{ total 100 kr shares {{ "A" 1 "B" 1 }} }}\n',
    "bound name": 'fact xs: list of number\nmetric m = share({w} in xs where {w} > 1)\n',
}


def declaration_problems(text: str, word: str) -> list[rk.Problem]:
    try:
        rk.loads(text, source="reserved.rk")
    except rk.RkError as error:
        return [p for p in error.problems if p.message.startswith(f"`{word}` is a reserved word")]
    return []


@pytest.mark.parametrize("kind", DECLARED)
def test_every_reserved_word_of_the_grammar_is_refused_where_a_name_is_declared(kind: str) -> None:
    for word in RESERVED:
        template = DECLARED[kind]
        text = template.format(w=word)
        [problem] = declaration_problems(text, word)
        before = template[:template.index("{w}")].format()  # where the name is declared
        assert problem.span is not None
        assert (problem.span.line, problem.span.column) == (before.count("\n") + 1,
                                                            len(before.rsplit("\n", 1)[-1]) + 1)
        assert problem.message == f"`{word}` is a reserved word of the language and cannot be used as a name"
        hint = re.fullmatch(r"choose another name, e\.g\. `(\w+)`", problem.hint or "")
        assert hint, problem.hint
        # The name suggested is one: the same text with it loads.
        rk.loads(template.format(w=hint.group(1)))


@pytest.mark.parametrize("word", RESERVED)
def test_a_reserved_word_is_refused_at_its_declaration_also_where_its_use_stops_the_parser(word: str) -> None:
    # `fact if: number` with `metric m = if + 1`: the parser stops at the `+`, and the
    # declaration, where the fix is, is said as well.
    [problem] = declaration_problems(f'fact {word}: number\nmetric m = {word} + 1\n', word)
    assert problem.span is not None and (problem.span.line, problem.span.column) == (1, 6)


def test_a_syntax_error_says_where_the_parser_stopped_first_and_a_bounded_number_of_reserved_names() -> None:
    text = "".join(f"fact {word}: number\n" for word in RESERVED) + "metric m = if + 1\n"
    assert len(RESERVED) > MAX_RESERVED_SAID
    with pytest.raises(rk.RkSyntaxError) as caught:
        rk.loads(text)
    first, *reserved = caught.value.problems
    assert first.span is not None
    assert first.span.line == len(RESERVED) + 1  # the editor looks for the broken line here
    assert [p.span.line if p.span else None for p in reserved] == list(range(1, MAX_RESERVED_SAID + 1))


def test_no_place_word_is_taken_by_the_grammar_where_a_name_can_stand() -> None:
    grammar = parser()
    table = grammar.parse_interactive("").parser_state.parse_conf.parse_table
    literal = {t.name: t.pattern.value for t in grammar.terminals if isinstance(t.pattern, lark.lexer.PatternStr)}

    def state_after(prefix: str) -> int:
        reading = grammar.parse_interactive(prefix)
        reading.exhaust_lexer()
        return reading.parser_state.position
    # Where a type is written, a name is a type's (`number`), never a declared one.
    types = {state_after(f"fact x: {prefix}") for prefix in (
        "", "list of", "optional", "table of", "list of record { a:", "list of record { a: optional")}
    # After a record's field, `label` gives it its label, or a field named `label` follows: the
    # label it is, unless a comma stands before the field (docs/language.md says so).
    field_ends = {state for state, next_ones in table.states.items()
                  if any(getattr(rule, "origin", None) is not None and rule.origin.name.startswith("field")
                         for _, rule in next_ones.values())}
    for state, next_ones in table.states.items():
        if "NAME" in next_ones and state not in types:
            taken = {literal.get(terminal) for terminal in next_ones} & vocabulary.PLACE_WORDS
            assert not taken - ({"label"} if state in field_ends else set()), (state, taken)


@pytest.mark.parametrize("word", sorted(vocabulary.PLACE_WORDS))
def test_a_place_word_is_a_name_like_any_other(word: str) -> None:
    contract = rk.loads(f'fact {word}: number\nmetric m = {word} + {word} * 2 - (10% of {word})\n'
                        f'goal 1 "g" {{ score {word} >= 1 and m > 0 -> 100%; else -> 0% }}')
    assert contract.evaluate({word: 1}).goals["1"].status == "met"


def test_every_money_unit_and_method_name_is_read_by_the_grammar() -> None:
    unit = terminal("MONEY_UNIT")
    assert all(unit.fullmatch(name) for name in vocabulary.MONEY_UNITS)
    method = terminal("METHOD")
    for name in (*vocabulary.METHODS, *vocabulary.METHOD_ALIASES):
        assert method.fullmatch(name), name
        assert vocabulary.method_named(name) in vocabulary.METHODS


def test_every_function_has_a_rule_and_an_implementation() -> None:
    assert tuple(sorted(FUNCTIONS)) == NAMES
    for function in FUNCTIONS.values():
        assert function.over_list is not None or function.over_values is not None, function.name
        assert function.over is not None or function.apply is not None, function.name


def test_quote_and_unquote_are_each_others_inverse() -> None:
    for text in ['plain', 'a "b" c', "back\\slash", "two\nlines", "tab\there", '\\"', "æøå"]:
        assert vocabulary.unquote(vocabulary.quote(text)) == text


def test_every_language_has_every_phrase_with_the_same_values_to_fill_in() -> None:
    """A phrase missing in Danish would fail at the moment a report needs it; a placeholder
    spelled differently would fail the same way. Both are found here instead."""
    import string

    from resultkontrakt.core.wording import WORDINGS

    def fields(template: str) -> set[str]:
        return {name for part in template.split("|")
                for _, name, _, _ in string.Formatter().parse(part) if name}

    english = WORDINGS["en"].words
    for lang, wording in WORDINGS.items():
        assert wording.words.keys() == english.keys(), (lang, wording.words.keys() ^ english.keys())
        different = {key: (fields(english[key]), fields(text)) for key, text in wording.words.items()
                     if fields(text) != fields(english[key])}
        assert not different, (lang, different)


def test_the_grammar_the_schemas_and_the_vocabulary_know_the_same_currencies() -> None:
    import json
    from importlib import resources

    for name in ("CURRENCY", "MONEY_UNIT"):
        pattern = terminal(name)
        assert {code for code in vocabulary.CURRENCIES if pattern.fullmatch(code)} == set(vocabulary.CURRENCIES)
        assert not pattern.fullmatch("CHF")
    assert terminal("MONEY_UNIT").fullmatch("mio  GBP")
    schemas = resources.files("resultkontrakt") / "schema"
    split = json.loads((schemas / "split.json").read_text(encoding="utf-8"))
    evaluation = json.loads((schemas / "eval.json").read_text(encoding="utf-8"))
    assert split["properties"]["currency"]["enum"] == list(vocabulary.CURRENCIES)
    assert evaluation["$defs"]["payment"]["properties"]["currency"]["enum"] == list(vocabulary.CURRENCIES)
    assert set(vocabulary.CURRENCY_SYMBOLS) <= set(vocabulary.CURRENCIES)
