"""Contracts read before, kept as plain data in the user's cache folder (see `cache.py`).

An entry holds what the parser and the builder made of a text: the declarations as syntax
nodes, and the problems the builder found. It is named by a hash of the text, the name it was
read under (every position names its file), the grammar, and the code that builds the nodes,
so any change to any of them reads the text anew. The checks always run again: they are
quick, and they are what `rk check` is for.

A hit skips Lark altogether: loading the parser's tables, lexing, parsing and building.
"""

from __future__ import annotations

import os

from ..core import cache, plaindata
from ..core.errors import Problem, Span
from ..core.reasons import PARAMS
from ..core.shipped import grammar_text
from ..core.values import CalendarSpan, Type
from . import syntax as s

KIND = "contracts"

# The modules whose code decides what an entry holds; any change to them is a new key.
_BUILDERS = ("language/build.py", "language/syntax.py", "core/values.py", "core/errors.py",
             "core/vocabulary.py", "core/plaindata.py", "language/contract_cache.py", "language/parser.py",
             "core/reasons.py")

_reader: plaindata.Reader | None = None


def key(text: str, source: str) -> str:
    return cache.key(_code(), source, text)


def read(name: str) -> tuple[tuple[object, ...], list[Problem]] | None:
    """The declarations and build problems kept under `name`, or None (absent or unreadable)."""
    data = cache.read(KIND, name)
    if data is None:
        return None
    global _reader
    if _reader is None:
        # A problem keeps its parameters as data, worded when read: a value, a word, a type.
        _reader = plaindata.Reader((*s.NODES, Span, Problem, Type, CalendarSpan, *PARAMS))
    try:
        entry = _reader.loads(data)
        items, problems = entry["items"], entry["problems"]
        if entry["key"] != name:  # another text's entry, copied or renamed
            return None
    except (plaindata.Unreadable, LookupError, TypeError):
        return None
    if not (isinstance(items, tuple) and all(isinstance(item, _DECLARATIONS) for item in items)
            and isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)):
        return None
    return items, problems


def write(name: str, items: tuple[object, ...], problems: list[Problem]) -> None:
    if cache.folder() is None:
        return  # off: not even written out
    try:
        data = plaindata.dumps({"key": name, "items": items, "problems": problems})
    except (TypeError, ValueError, RecursionError):
        return  # something in it has no plain form: it is simply not kept
    cache.write(KIND, name, data)


_DECLARATIONS = (s.Header, s.Fact, s.Metric, s.Goal, s.Split, s.Example, s.Payment)

_code_key: str | None = None


def _code() -> str:
    """A hash of the code and grammar that make an entry, read once per process."""
    global _code_key
    if _code_key is None:
        here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the package's folder
        parts = []
        for name in _BUILDERS:
            with open(os.path.join(here, name), "rb") as code:
                parts.append(code.read())
        _code_key = cache.key(grammar_text(), *parts)
    return _code_key
