"""Text -> parse tree. Builds the Lark parser once and turns its errors into ours.

The grammar and the parser's tables are files shipped beside the code (shipped.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

import lark
from lark import Lark, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.grammar import Rule
from lark.lexer import TerminalDef

from . import cache, plaindata
from .shipped import TABLES_NAME, grammar_file, grammar_text, source_folder
from .errors import Problem, RkSyntaxError, Span
from .vocabulary import KEYWORDS

# What each kind of token is called in an error message, in a contract
# writer's words rather than the grammar's.
_TOKEN_WORDS = {
    "NAME": "a name",
    "STRING": 'a quoted text ("...")',
    "TEXT_BLOCK": 'a text block ("""...""")',
    "NUMBER": "a number",
    "PERCENT": "a percentage such as 70%",
    "DATE": "a date such as 2019-12-31",
    "GOAL_ID": "a goal id such as 1 or 2a",
    "MONEY_UNIT": "a money unit (kr, tkr or mio kr)",
    "METHOD": "a method (largest remainder, sainte-laguë or d'hondt)",
    "$END": "the end of the file",
}
_OPERATORS = {"+", "-", "*", "/", ">=", ">", "<=", "<", "=", "==", "!=", "and", "or", "of"}


OPTIONS = {"parser": "lalr", "lexer": "contextual", "propagate_positions": True,
            "maybe_placeholders": True}



@functools.cache
def parser() -> Lark:
    """The parser, built once per process.

    Working out the LALR tables takes longer than everything else `rk check` does, so they
    are read as plain data: from the tables shipped with the package when they were made
    from this grammar by this version of Lark, else from the user's cache folder, else
    worked out here and kept there. Never from a pickle: Lark's own cache is one.
    """
    grammar = grammar_text()
    made_for = made_for_grammar(grammar)
    for read in (lambda: grammar_file(TABLES_NAME), lambda: cache.read("parser", made_for["key"])):
        try:
            data = read()
            if data is not None:
                return _from_tables(data, made_for)
        except (OSError, plaindata.Unreadable, LookupError, TypeError, ValueError, lark.exceptions.LarkError):
            pass  # not there, or not for this grammar and Lark: the next place, or work them out
    built = Lark(grammar, **OPTIONS)
    cache.write("parser", made_for["key"], tables(built, made_for))
    return built


def made_for_grammar(grammar: str) -> dict[str, str]:
    made_for = {"grammar": cache.key(grammar), "lark": lark.__version__,
                "options": repr(sorted(OPTIONS.items()))}
    return {**made_for, "key": cache.key(*made_for.values())}


def tables(built: Lark, made_for: dict[str, str]) -> bytes:
    """The parser's tables as plain data, with what they were made from."""
    data, memo = built.memo_serialize([TerminalDef, Rule])
    return plaindata.dumps({"made_for": made_for, "data": data, "memo": memo})


def _from_tables(data: bytes, made_for: dict[str, str]) -> Lark:
    read = plaindata.Reader(()).loads(data)
    if read["made_for"] != made_for:
        raise ValueError("tables made for another grammar or Lark")
    return Lark.load({"data": read["data"], "memo": read["memo"]})


def write_tables() -> Path:
    """Write the tables shipped beside the grammar in the source tree (after a grammar change)."""
    grammar = grammar_text()
    target = Path(source_folder()) / TABLES_NAME
    target.write_bytes(tables(Lark(grammar, **OPTIONS), made_for_grammar(grammar)))
    return target


# Every later step walks expressions recursively; bounding the nesting here
# keeps them all far from Python's recursion limit, whatever the input. A chain
# of operators of one strength (`a + b - c + ...`) is one level however long:
# the grammar gives it one node with all its operands.
MAX_DEPTH = 200


def parse(text: str, source: str) -> Tree:
    """Parse `text`, or raise `RkSyntaxError` saying where and what was expected (`syntax_error`)."""
    try:
        return parse_alone(text, source)
    except RkSyntaxError as error:
        raise syntax_error(error.problems, text, source) from None


def parse_alone(text: str, source: str) -> Tree:
    """Parse `text`, or raise `RkSyntaxError` with the one place the parser could not go on:
    for a piece of a text, whose declared names are the whole text's (incremental.py)."""
    try:
        tree = parser().parse(text)
    except UnexpectedInput as exc:
        raise RkSyntaxError([_problem(exc, text, source)], {source: text}) from None
    too_deep = _too_deep(tree)
    if too_deep is not None:
        span = Span(source, too_deep.meta.line, too_deep.meta.column,
                    too_deep.meta.line, too_deep.meta.column + 1)
        raise RkSyntaxError([Problem("error", f"this is nested more than {MAX_DEPTH} levels deep",
                                     span, "split the expression into metrics")], {source: text})
    return tree


def syntax_error(problems: Sequence[Problem], text: str, source: str) -> RkSyntaxError:
    """The error of a text that stopped the parser with `problems`: first where it stopped, as
    the editor looks for it there, then every reserved word declared as a name in the text,
    since a use of one (`if + 1`) is often what stopped it, and the declaration is what to change."""
    return RkSyntaxError([*problems, *reserved_names(text, source)], {source: text})


def reserved_name(word: str, kind: str, span: Span) -> Problem:
    """A reserved word where the name of a fact, metric, ... (`kind`) is declared."""
    other = "a" if kind == "bound name" else f"{word}_{kind}"
    return Problem("error", f"`{word}` is a reserved word of the language and cannot be used as a name",
                   span, f"choose another name, e.g. `{other}`")


# The words after which a name is declared (a payment or split is also named in an example's
# `expect`, after `expect` or a comma, which is no declaration).
_DECLARING = frozenset({"fact", "metric", "payment", "deliverable", "split"})
_NOT_DECLARING_AFTER = frozenset({"expect", ","})
# The reserved words that are values themselves, so that `(true in xs)` binds no name.
_VALUES = frozenset({"true", "false", "overall", "points"})
# A syntax error says at most this many reserved words declared as names: more would only
# repeat the point, at the cost of reading on.
MAX_RESERVED_SAID = 20
_MAYBE_DECLARED = re.compile(r"\b(?:fact|metric|payment|deliverable|split)\s+(\w+)|\(\s*(\w+)\s+in\b")


def reserved_names(text: str, source: str) -> list[Problem]:
    """The reserved words written where a name is declared (`fact if: number`, `share(if in
    xs where ...)`), read from the words of a text that need not parse."""
    if not any(word in KEYWORDS for match in _MAYBE_DECLARED.finditer(text) for word in match.groups()):
        return []  # the common case, known at once: no such word after such a word
    found: list[Problem] = []
    before = after = lark.Token("START", "")  # the two words read before the next
    try:
        for token in parser().lex(text):
            # Words in quotes keep their quotes, and comments are not read: neither is taken here.
            if after in _DECLARING and before not in _NOT_DECLARING_AFTER and token in KEYWORDS:
                found.append(reserved_name(str(token), str(after), _token_span(token, source)))
            elif before == "(" and after in KEYWORDS and after not in _VALUES and token == "in":
                found.append(reserved_name(str(after), "bound name", _token_span(after, source)))
            before, after = after, token
            if len(found) == MAX_RESERVED_SAID:
                break
    except UnexpectedInput:
        pass  # no word can be read past here: what was found before stands
    return found


def _token_span(token: lark.Token, source: str) -> Span:
    return Span(source, token.line or 1, token.column or 1,
                token.end_line or token.line or 1, token.end_column or (token.column or 1) + 1)


def _too_deep(tree: Tree) -> Tree | None:
    """The first node, in written order, nested deeper than MAX_DEPTH; found without recursion."""
    pending = [(tree, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_DEPTH:
            return node
        pending.extend((child, depth + 1) for child in reversed(node.children) if isinstance(child, Tree))
    return None


def _acceptable(exc: UnexpectedInput, fallback: set[str] | frozenset[str] | None) -> set[str]:
    """The tokens that could really come next.

    Lark's own `expected` lists every lookahead of the LALR state, which after
    merging holds tokens that would fail one reduction later; asking the
    interactive parser gives only those that truly continue the text.
    """
    interactive = getattr(exc, "interactive_parser", None)
    if interactive is not None:
        try:
            return set(interactive.accepts())
        except Exception:
            pass
    return set(fallback or ())


def _problem(exc: UnexpectedInput, text: str, source: str) -> Problem:
    if isinstance(exc, UnexpectedCharacters):
        at = exc.pos_in_stream or 0
        char = text[at] if at < len(text) else ""
        span = Span.point(source, exc.line, exc.column)
        if char == '"':
            return Problem("error", "this text is never closed", span,
                           'end it with " on the same line, or use """ for text over several lines')
        if char == "%":
            return Problem("error", "a `%` must follow its number directly", span,
                           "write a percentage without a space: 70%")
        allowed = _acceptable(exc, set(exc.allowed or ()))
        return Problem("error", f"unexpected character {_show_char(char)}", span,
                       _expected_hint(allowed) or _where_hint(allowed))
    if isinstance(exc, UnexpectedEOF):
        return _unfinished(text, source, _acceptable(exc, {str(t) for t in exc.expected or ()}))
    assert isinstance(exc, UnexpectedToken)
    expected_now = _acceptable(exc, exc.expected)
    token = exc.token
    if str(token) == '""' and text.startswith('"""', token.start_pos or 0):
        span = Span.point(source, token.line or 1, token.column or 1)
        return Problem("error", "this text block is never closed", span,
                       'end it with """')
    if token.type == "$END":
        return _unfinished(text, source, expected_now)
    span = Span(source, token.line or 1, token.column or 1,
                token.end_line or token.line or 1, token.end_column or (token.column or 1) + 1)
    expected = _describe(expected_now)
    message = f"expected {expected}, but found {_show_token(token)}" if expected else (
        f"unexpected {_show_token(token)}")
    return Problem("error", message, span,
                   _hint_for(token, expected_now, text) or _where_hint(expected_now))


def _unfinished(text: str, source: str, expected: set[str]) -> Problem:
    line, column = _end_position(text)
    message = "the file ends in the middle of a construct"
    if "RBRACE" in expected:
        message = "the file ends before a `}` that closes a block"
    return Problem("error", message, Span.point(source, line, column), _expected_hint(expected))


def _show_char(char: str) -> str:
    if not char.isprintable() or char.isspace():
        return f"U+{ord(char):04X}"
    return f"`{char}`"


def _show_token(token: lark.Token) -> str:
    value = str(token)
    if len(value) > 30:
        value = value[:27] + "..."
    return f"`{value}`"


def _end_position(text: str) -> tuple[int, int]:
    """Just after the last thing written, so the caret points at what is unfinished."""
    body = text.rstrip()
    lines = body.split("\n")
    return len(lines), len(lines[-1]) + 1


def _words(terminals: set[str] | frozenset[str]) -> list[str]:
    words: set[str] = set()
    operators = False
    for name in terminals:
        if name in _TOKEN_WORDS:
            words.add(_TOKEN_WORDS[name])
            continue
        try:
            pattern = parser().get_terminal(name).pattern
        except KeyError:
            continue
        literal = pattern.value if isinstance(pattern, lark.lexer.PatternStr) else None
        if literal in _OPERATORS:
            operators = True
        elif literal is not None:
            words.add(f"`{literal}`")
    ordered = sorted(words, key=lambda w: (not w.startswith("`"), w))
    if operators:
        ordered.append("an operator")
    return ordered


# What may start a value; where a value may come, these are said in one phrase.
_VALUE_STARTS = {"NAME", "NUMBER", "PERCENT", "DATE", "STRING"}
_VALUE_WORDS = {"(", "-", "[", "{", "true", "false", "if", "not", "overall", "points"}


def _describe(terminals: set[str] | frozenset[str]) -> str:
    if {"NAME", "NUMBER"} <= set(terminals):
        rest = {t for t in terminals if t not in _VALUE_STARTS and _literal(t) not in _VALUE_WORDS}
        words = ["a value such as 60, 70% or a name", *_words(rest)]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    words = _words(terminals)
    if not words:
        return ""
    if len(words) > 8:
        words = words[:7] + ["…"]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _expected_hint(terminals: set[str] | frozenset[str] | None) -> str | None:
    described = _describe(terminals or set())
    return f"expected {described} here" if described else None


def _hint_for(token: lark.Token, expected: set[str] | frozenset[str], text: str) -> str | None:
    """Advice for the mistakes contract writers make most often."""
    value = str(token)
    names = {_literal(n) for n in expected}
    at = token.start_pos or 0
    if value == "," and text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
        return "write decimals with a point: 1.5, not 1,5"
    if value in (">", "<") and text[at - 1 : at] == "=":
        return f"did you mean `{value}=`?"
    if value == "->" and ";" in names:
        return "is a `;` missing between two tiers? `score x >= 60 -> 100%; >= 50 -> 50%`"
    if "->" in names and token.type in ("PERCENT", "NUMBER"):
        return "a tier reads `CONDITION -> PERCENT`, e.g. `nps >= 60 -> 100%`"
    if value in (">=", ">", "<=", "<", "=", "==", "!="):
        return "comparisons do not chain: write `a < b and b < c`"
    if token.type in ("NAME", "GOAL_ID", "NUMBER") and "RBRACE" in expected and ";" in names:
        return "separate the tiers of a score with `;`"
    if value == "%":
        return "write a percentage without a space: 70%"
    if value in ("expect", "given") and text[:at].rstrip().endswith(","):
        return (f"after a comma the list goes on without a second `{value}`: "
                f"`{value} ..., ...`; or start a new `{value}` without the comma")
    return None


def _where_hint(expected: set[str] | frozenset[str]) -> str:
    """What belongs at this place, when no more specific advice fits."""
    if {"GOAL", "FACT", "METRIC"} & set(expected):
        return "a file holds `contract`, `fact`, `metric`, `goal` and `split` declarations"
    if "SCORE" in expected:
        return "a goal holds `group`, `weight`, text blocks, `deliverable`, `require` and `score`"
    if "NAME" in expected and "NUMBER" in expected:
        return "a value or a name goes here, e.g. `nps` or `60`"
    if "METHOD" in expected:
        return "the methods are: largest remainder, sainte-laguë and d'hondt"
    return "compare the line with the examples in docs/language.md"


def _literal(terminal: str) -> str | None:
    try:
        pattern = parser().get_terminal(terminal).pattern
    except KeyError:
        return None
    return pattern.value if isinstance(pattern, lark.lexer.PatternStr) else None


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    print(f"wrote {write_tables()}")
