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

from ..core import cache, plaindata
from ..core.errors import Problem, RkSyntaxError, Span
from ..core.reasons import OneOf, Word, problem
from ..core.shipped import TABLES_NAME, grammar_file, grammar_text, source_folder
from ..core.vocabulary import KEYWORDS

# The kinds of token an error message calls by what they are, in a contract writer's words
# rather than the grammar's (wording.py: `token.NAME`, ...), in the order they are listed.
_TOKEN_WORDS = ("DATE", "GOAL_ID", "METHOD", "MONEY_UNIT", "NAME", "NUMBER", "PERCENT", "STRING",
                "TEXT_BLOCK", "$END")
# A field read (`k.dato`) and a lookup (`takster[k]`) may follow any value: operators too.
_OPERATORS = {"+", "-", "*", "/", ">=", ">", "<=", "<", "=", "==", "!=", "and", "or", "of", ".", "["}


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
        raise RkSyntaxError([problem("syntax.too-deep", span, depth=MAX_DEPTH)], {source: text})
    return tree


def syntax_error(problems: Sequence[Problem], text: str, source: str) -> RkSyntaxError:
    """The error of a text that stopped the parser with `problems`: first where it stopped, as
    the editor looks for it there, then every reserved word declared as a name in the text,
    since a use of one (`if + 1`) is often what stopped it, and the declaration is what to change."""
    return RkSyntaxError([*problems, *reserved_names(text, source)], {source: text})


def reserved_name(word: str, kind: str, span: Span) -> Problem:
    """A reserved word where the name of a fact, metric, ... (`kind`) is declared."""
    other = "a" if kind == "bound name" else f"{word}_{kind}"
    return problem("reserved", span, word=word, other=other)


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
            return problem("syntax.unclosed-text", span)
        if char == "%":
            return problem("syntax.percent-space", span)
        allowed = _acceptable(exc, set(exc.allowed or ()))
        return _said("syntax.character", span, _expected_hint(allowed) or _where_hint(allowed),
                     char=_show_char(char))
    if isinstance(exc, UnexpectedEOF):
        return _unfinished(text, source, _acceptable(exc, {str(t) for t in exc.expected or ()}))
    assert isinstance(exc, UnexpectedToken)
    expected_now = _acceptable(exc, exc.expected)
    token = exc.token
    if str(token) == '""' and text.startswith('"""', token.start_pos or 0):
        span = Span.point(source, token.line or 1, token.column or 1)
        return problem("syntax.unclosed-block", span)
    if token.type == "$END":
        return _unfinished(text, source, expected_now)
    span = Span(source, token.line or 1, token.column or 1,
                token.end_line or token.line or 1, token.end_column or (token.column or 1) + 1)
    expected = _describe(expected_now)
    hint = _hint_for(token, expected_now, text) or _where_hint(expected_now)
    if expected is None:
        return _said("syntax.unexpected", span, hint, found=_show_token(token))
    return _said("syntax.found", span, hint, expected=expected, found=_show_token(token))


def _unfinished(text: str, source: str, expected: set[str]) -> Problem:
    line, column = _end_position(text)
    code = "syntax.unfinished-block" if "RBRACE" in expected else "syntax.unfinished"
    return _said(code, Span.point(source, line, column), _expected_hint(expected))


def _said(code: str, span: Span, hint: Hint | None, **named: object) -> Problem:
    """The problem `code`, with the hint chosen for it and the values that hint says."""
    key, params = hint if hint is not None else (None, {})
    return problem(code, span, hint=key, params={**params, **named})


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


def _words(terminals: set[str] | frozenset[str]) -> list[object]:
    """What may come next: the words of the language in backticks, then kinds of token by
    what they are, then "an operator" for all the operators."""
    literals: set[str] = set()
    kinds: set[str] = set()
    operators = False
    for name in terminals:
        if name in _TOKEN_WORDS:
            kinds.add(name)
            continue
        try:
            pattern = parser().get_terminal(name).pattern
        except KeyError:
            continue
        literal = pattern.value if isinstance(pattern, lark.lexer.PatternStr) else None
        if literal in _OPERATORS:
            operators = True
        elif literal is not None:
            literals.add(f"`{literal}`")
    said: list[object] = [*sorted(literals)]
    said += [Word(f"token.{name}") for name in _TOKEN_WORDS if name in kinds]
    if operators:
        said.append(Word("token.operator"))
    return said


# What may start a value; where a value may come, these are said in one phrase.
_VALUE_STARTS = {"NAME", "NUMBER", "PERCENT", "DATE", "STRING"}
_VALUE_WORDS = {"(", "-", "[", "{", "true", "false", "if", "not", "overall", "points"}


def _describe(terminals: set[str] | frozenset[str]) -> OneOf | None:
    """What may come next, as alternatives said in the reader's language; None if nothing is known."""
    if {"NAME", "NUMBER"} <= set(terminals):
        rest = {t for t in terminals if t not in _VALUE_STARTS and _literal(t) not in _VALUE_WORDS}
        return OneOf((Word("token.value"), *_words(rest)))
    words = _words(terminals)
    if not words:
        return None
    # Up to nine alternatives are said in full: all that may stand in a goal, `}` included.
    if len(words) > 9:
        return OneOf(tuple(words[:8]), more=True)
    return OneOf(tuple(words))


Hint = tuple[str, dict[str, object]]  # which hint (`hint.KEY`), and the values it says


def _expected_hint(terminals: set[str] | frozenset[str] | None) -> Hint | None:
    described = _describe(terminals or set())
    return ("syntax.expected", {"expected": described}) if described is not None else None


def _hint_for(token: lark.Token, expected: set[str] | frozenset[str], text: str) -> Hint | None:
    """Advice for the mistakes contract writers make most often."""
    value = str(token)
    names = {_literal(n) for n in expected}
    at = token.start_pos or 0
    if value == "," and text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
        return ("syntax.decimal-comma", {})
    if value in (">", "<") and text[at - 1 : at] == "=":
        return ("syntax.operator", {"operator": value})
    if value == "->" and ";" in names:
        return ("syntax.semicolon", {})
    if "->" in names and token.type in ("PERCENT", "NUMBER"):
        return ("syntax.tier", {})
    if value in (">=", ">", "<=", "<", "=", "==", "!="):
        return ("syntax.chained", {})
    if token.type in ("NAME", "GOAL_ID", "NUMBER") and "RBRACE" in expected and ";" in names:
        return ("syntax.tiers", {})
    if value == "%":
        return ("syntax.percent-space", {})
    if value in ("expect", "given") and text[:at].rstrip().endswith(","):
        return ("syntax.list-goes-on", {"word": value})
    return None


def _where_hint(expected: set[str] | frozenset[str]) -> Hint:
    """What belongs at this place, when no more specific advice fits."""
    if {"GOAL", "FACT", "METRIC"} & set(expected):
        return ("syntax.declarations", {})
    if "SCORE" in expected:
        return ("syntax.goal", {})
    if "NAME" in expected and "NUMBER" in expected:
        return ("syntax.value", {})
    if "METHOD" in expected:
        return ("syntax.method", {})
    return ("syntax.examples", {})


def _literal(terminal: str) -> str | None:
    try:
        pattern = parser().get_terminal(terminal).pattern
    except KeyError:
        return None
    return pattern.value if isinstance(pattern, lark.lexer.PatternStr) else None


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    print(f"wrote {write_tables()}")
