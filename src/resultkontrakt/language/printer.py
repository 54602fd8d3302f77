"""Syntax nodes -> text, as a user would write them.

Used to quote conditions in explanations. Parentheses are added exactly where
precedence needs them, so the printed text parses back to the same node.
"""

from __future__ import annotations

from ..core.values import format_value
from ..core.vocabulary import number_literal, quote
from . import syntax as s

# Binding strength, loosest first; mirrors the grammar's expression rules.
_PRECEDENCE = {"if": 0, **s.STRENGTH, "not": 3, "compare": 4, "neg": 7}
_ATOM = 8


def expr_text(expr: s.Expr) -> str:
    return _print(expr)[0]


def sum_text(expr: s.Expr) -> str:
    """`expr` where the grammar takes a sum (after `due` and a split's `total`): in brackets
    if it binds more loosely (`(if c then a else b)`, a comparison)."""
    return _wrap(expr, _PRECEDENCE["+"])


def _print(expr: s.Expr) -> tuple[str, int]:
    match expr:
        case s.Number(value=value, decimal=decimal):
            return number_literal(value) + (".0" if decimal else ""), _ATOM
        case s.Percent(value=value):
            return number_literal(value * 100) + "%", _ATOM
        case s.Money(amount=amount, unit=unit):
            return f"{number_literal(amount)} {unit}", _ATOM
        case s.Rate(amount=amount, unit=unit, per=per):
            return f"{number_literal(amount)} {unit} per {per}", _ATOM
        case s.Text(value=text):
            return quote(text), _ATOM
        case s.Date() | s.Bool():
            return format_value(expr.value, None), _ATOM
        case s.Name(name=name):
            return name, _ATOM
        case s.Duration(amount=amount, unit=unit):
            return f"{amount} {unit.removesuffix('s') if amount == 1 else unit}", _ATOM
        case s.GoalValue(what=what, goal=goal):
            return (what if goal is None else f"{what}(goal {goal})"), _ATOM
        case s.PeriodValue(field=field):
            return ("period" if field is None else f"period.{field}"), _ATOM
        case s.TableLiteral(pairs=pairs):
            return "{" + ", ".join(f"{key_text(name)}: {expr_text(item)}" for name, item in pairs) + "}", _ATOM
        case s.RecordLiteral(fields=fields):
            return "{" + ", ".join(f"{name}: {expr_text(item)}" for name, item in fields) + "}", _ATOM
        case s.FieldRead(record=record, field=field):
            return f"{_wrap(record, _ATOM)}.{field}", _ATOM
        case s.Lookup(table=table, key=key):
            return f"{_wrap(table, _ATOM)}[{expr_text(key)}]", _ATOM
        case s.Integers(low=low, high=high):
            # Only ever a comprehension's source, where the grammar takes sums.
            return f"{sum_text(low)} .. {sum_text(high)}", _PRECEDENCE["+"]
        case s.Comprehension():
            return f"[{comprehension_text(expr)}]", _ATOM
        case s.Call(function=function, args=(s.Comprehension() as only,)):
            return f"{function}({comprehension_text(only)})", _ATOM
        case s.If(condition=condition, then=then, otherwise=otherwise):
            return (f"if {expr_text(condition)} then {expr_text(then)} else {expr_text(otherwise)}",
                    _PRECEDENCE["if"])
        case s.Call(function=function, args=args):
            return f"{function}({', '.join(expr_text(a) for a in args)})", _ATOM
        case s.Aggregate(function=function, var=var, source=source, where=where):
            # The source stands where `in` compares, so a comparison there needs brackets.
            source_text = _wrap(source, _PRECEDENCE["compare"] + 1)
            return f"{function}({var} in {source_text} where {expr_text(where)})", _ATOM
        case s.SetLiteral(items=items):
            return "{" + ", ".join(expr_text(item) for item in items) + "}", _ATOM
        case s.ListLiteral(items=items):
            return "[" + ", ".join(expr_text(item) for item in items) + "]", _ATOM
        case s.Member(item=item, collection=collection, negated=negated):
            level = _PRECEDENCE["compare"]
            keyword = "not in" if negated else "in"
            return f"{_wrap(item, level + 1)} {keyword} {_wrap(collection, level + 1)}", level
        case s.Unary(op="not", operand=operand):
            return f"not {_wrap(operand, _PRECEDENCE['not'])}", _PRECEDENCE["not"]
        case s.Unary(op="-", operand=operand):
            return f"-{_wrap(operand, _PRECEDENCE['neg'])}", _PRECEDENCE["neg"]
        case s.Compare(op=op, left=left, right=right):
            level = _PRECEDENCE["compare"]
            return f"{_wrap(left, level + 1)} {op} {_wrap(right, level + 1)}", level
        case s.Chain(first=first, steps=steps):
            level = _PRECEDENCE[expr.op]
            # Worked out from the left: an operand after the first needs brackets at equal strength.
            return _wrap(first, level) + "".join(f" {op} {_wrap(operand, level + 1)}"
                                                 for op, operand in steps), level
    raise AssertionError(f"unknown expression node {expr!r}")


def comprehension_text(expr: s.Comprehension) -> str:
    """`EXPR for NAME in LIST where COND`, without the brackets around it."""
    source = expr_text(expr.source) if isinstance(expr.source, s.Integers) else sum_text(expr.source)
    where = "" if expr.where is None else f" where {expr_text(expr.where)}"
    return f"{expr_text(expr.element)} for {expr.var} in {source}{where}"


def key_text(key: s.Key) -> str:
    """A table's key as a contract writes it: `"bolig_3m"`, `2009`, `2016-03-01`."""
    return quote(key) if isinstance(key, str) else format_value(key, None)


def _wrap(expr: s.Expr, level: int) -> str:
    text, own = _print(expr)
    return f"({text})" if own < level else text
