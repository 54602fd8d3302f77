"""The vocabulary is the language's: its words, units and methods agree with the grammar."""

from __future__ import annotations

import re

import lark

from resultkontrakt import vocabulary
from resultkontrakt.functions import FUNCTIONS, NAMES
from resultkontrakt.parser import parser


def grammar_words() -> set[str]:
    return {t.pattern.value for t in parser().terminals
            if isinstance(t.pattern, lark.lexer.PatternStr) and t.pattern.value.isalpha()}


def terminal(name: str) -> re.Pattern[str]:
    [found] = [t for t in parser().terminals if t.name == name]
    return re.compile(found.pattern.to_regexp(), re.IGNORECASE)


def test_every_word_of_the_grammar_is_in_the_vocabulary_and_nothing_else():
    # `deliverables` is a name with a meaning, and the money units are words of MONEY_UNIT.
    names_with_meaning = {"deliverables", "kr", "tkr", "mio"}
    assert grammar_words() | names_with_meaning == vocabulary.KEYWORDS | vocabulary.PLACE_WORDS
    assert not vocabulary.KEYWORDS & vocabulary.PLACE_WORDS


def test_every_money_unit_and_method_name_is_read_by_the_grammar():
    unit = terminal("MONEY_UNIT")
    assert all(unit.fullmatch(name) for name in vocabulary.MONEY_UNITS)
    method = terminal("METHOD")
    for name in (*vocabulary.METHODS, *vocabulary.METHOD_ALIASES):
        assert method.fullmatch(name), name
        assert vocabulary.method_named(name) in vocabulary.METHODS


def test_every_function_has_a_rule_and_an_implementation():
    assert tuple(sorted(FUNCTIONS)) == NAMES
    for function in FUNCTIONS.values():
        assert function.over_list is not None or function.over_values is not None, function.name
        assert function.over is not None or function.apply is not None, function.name


def test_quote_and_unquote_are_each_others_inverse():
    for text in ['plain', 'a "b" c', "back\\slash", "two\nlines", "tab\there", '\\"', "æøå"]:
        assert vocabulary.unquote(vocabulary.quote(text)) == text


def test_every_language_has_every_phrase_with_the_same_values_to_fill_in() -> None:
    """A phrase missing in Danish would fail at the moment a report needs it; a placeholder
    spelled differently would fail the same way. Both are found here instead."""
    import string

    from resultkontrakt.wording import WORDINGS

    def fields(template: str) -> set[str]:
        return {name for part in template.split("|")
                for _, name, _, _ in string.Formatter().parse(part) if name}

    english = WORDINGS["en"].words
    for lang, wording in WORDINGS.items():
        assert wording.words.keys() == english.keys(), (lang, wording.words.keys() ^ english.keys())
        different = {key: (fields(english[key]), fields(text)) for key, text in wording.words.items()
                     if fields(text) != fields(english[key])}
        assert not different, (lang, different)
