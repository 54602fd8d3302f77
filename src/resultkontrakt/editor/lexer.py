"""A Pygments lexer for `.rk` contracts, so editors' previews, documentation
tools and `pygmentize -l rk` highlight them.

Registered through the `pygments.lexers` entry point; Pygments itself is only
needed by whoever highlights.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
)

from ..core.vocabulary import (
    CURRENCIES,
    DURATION_UNITS,
    KEYWORDS,
    METHOD_ALIASES,
    METHODS,
    OPERATOR_WORDS,
    PERIOD_FIELDS,
    PLACE_WORDS,
    TYPE_NAMES,
)
from ..semantics.functions import NAMES as FUNCTIONS

# The words of the language, from its vocabulary: what each is highlighted as.
_CONSTANTS = ("true", "false")
_TYPE_WORDS = TYPE_NAMES + ("list", "one", "optional", "table", "rate")
_UNITS = ("kr", "tkr", "mio", *CURRENCIES)
# A unit of money: kroner, and every currency by its code, with or without `mio`.
_MONEY = rf"mio\s+(kr|{'|'.join(CURRENCIES)})|tkr|kr|{'|'.join(CURRENCIES)}"
_KEYWORDS = tuple(sorted((KEYWORDS | PLACE_WORDS) - set(OPERATOR_WORDS) - set(_CONSTANTS) - set(_TYPE_WORDS)
                         - set(_UNITS) - {"deliverables", "of"}))
_SPANS = "|".join(sorted(DURATION_UNITS, key=len, reverse=True))
# Method names with any spacing between words, and either apostrophe in d'hondt.
_METHODS = "|".join(sorted({re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
                            for name in (*METHODS, *METHOD_ALIASES)}, key=len, reverse=True))


class RkLexer(RegexLexer):
    """Result contracts written in the .rk language."""

    name = "resultkontrakt"
    aliases: ClassVar[list[str]] = ["rk", "resultkontrakt"]
    filenames: ClassVar[list[str]] = ["*.rk"]
    mimetypes: ClassVar[list[str]] = ["text/x-resultkontrakt"]
    url = "https://pypi.org/project/resultkontrakt/"

    tokens: ClassVar[dict[str, list[object]]] = {
        "root": [
            (r"\s+", Whitespace),
            (r"#.*?$", Comment.Single),
            (r'"""', String.Doc, "text_block"),
            (r'"(\\.|[^"\\\n])*"', String.Double),
            (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", Literal.Date),
            # A goal's id right after `goal` (1, 2a, 3.1, A-2) is one label, not several tokens.
            (r"(goal)(\s+)([^\W_]([\w.\-]*\w)?)", bygroups(Keyword, Whitespace, Name.Label)),
            (r"[0-9]+(\.[0-9]+)?%", Number.Float),
            (rf"[0-9]+(\.[0-9]+)?(?=\s+({_MONEY})\b)", Number.Float),
            # `18 months`: a span of the calendar; the unit is a word only right after a number.
            (rf"([0-9]+)(\s+)({_SPANS})\b", bygroups(Number.Integer, Whitespace, Keyword.Type)),
            (rf"\b({_MONEY})\b", Keyword.Type),
            (r"[0-9]+(\.[0-9]+)?", Number),
            (_METHODS, Name.Constant),
            # Reporting periods: `each half year` in the header, `period.year` in an expression.
            (r"\b(each)(\s+)(half\s+year|year|quarter)\b", bygroups(Keyword, Whitespace, Keyword.Type)),
            (rf"\b(period)(\.)({'|'.join(PERIOD_FIELDS)})\b", bygroups(Keyword, Punctuation, Name.Builtin.Pseudo)),
            (words(_KEYWORDS, prefix=r"\b", suffix=r"\b"), Keyword),
            (words(OPERATOR_WORDS, prefix=r"\b", suffix=r"\b"), Operator.Word),
            (words(_TYPE_WORDS, prefix=r"\b", suffix=r"\b"), Keyword.Type),
            (words(_CONSTANTS, prefix=r"\b", suffix=r"\b"), Keyword.Constant),
            (words(FUNCTIONS, prefix=r"\b", suffix=r"(?=\s*\()"), Name.Builtin),
            (r"\bfulfilment(?=\s*\(\s*goal\b)", Name.Builtin),  # a goal's result: fulfilment(goal 1)
            (r"\bdeliverables\b", Name.Builtin.Pseudo),
            (r"->|\.\.|>=|<=|==|!=|[<>=+\-*/]", Operator),
            (r"[{}()\[\],;:.]", Punctuation),  # `.` reads a field: k.dato
            (r"[^\W\d]\w*", Name),
            (r"\d[\w.\-]*", Name.Label),  # goal ids such as 2a
        ],
        "text_block": [
            (r'"""', String.Doc, "#pop"),
            (r'[^"]+', String.Doc),
            (r'"', String.Doc),
        ],
    }
