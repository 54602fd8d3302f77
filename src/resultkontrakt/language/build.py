"""Parse tree -> syntax nodes, one method per grammar rule.

Mistakes the grammar cannot see but the builder can (a date that does not
exist, an unknown type, a second `score` in a goal) are collected as problems
rather than raised, so that `check` can report them with all the others.
"""

from __future__ import annotations

import datetime as dt
import inspect
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs
from lark import Token, Tree
from lark.tree import Meta

from ..core.errors import Problem, Span, closest
from ..core.reasons import Word, problem
from ..core.values import (
    DECLARABLE,
    LIST,
    MONEY,
    NUMBER,
    PERCENT,
    RATE,
    RECORD,
    T_NUMBER,
    TEXT,
    NumberError,
    Type,
    answer_key,
    decimal_fraction,
    declared_type,
    list_of,
    money_in,
    rate_type,
    record_of,
    table_of,
)
from ..core.vocabulary import (
    CURRENCIES,
    DURATION_UNITS,
    KEYWORDS,
    LANGUAGES,
    METHODS,
    PERIOD_FIELDS,
    UNIT_CURRENCY,
    method_named,
    money_unit,
    quote,
    unquote,
)
from . import syntax as s
from .parser import reserved_name
from .printer import key_text


@attrs.frozen
class _Record:
    """A type with a record in it, carried up to its fact with the fields as written (their
    ranges are syntax, which a `Type` does not hold)."""

    type: Type
    fields: tuple[s.Field, ...]


@attrs.define
class _GoalItem:
    kind: str
    value: Any
    span: Span


@attrs.frozen
class _Filtered:
    """`x in xs where condition` before it is known to belong to a quantifier."""

    left: s.Expr
    where: s.Expr
    span: Span


@attrs.frozen
class _Bare:
    """A comprehension written without brackets, which only a function's one argument may be."""

    comprehension: s.Comprehension


@attrs.frozen
class _ShorthandTier:
    op: str
    right: s.Expr
    fulfilment: s.Expr
    span: Span


def build(tree: Tree, source: str) -> tuple[s.Module, list[Problem]]:
    builder = _Builder(source)
    return builder.node(tree), builder.problems


def header_problems(items: Sequence[object]) -> list[Problem]:
    """A file holds one `contract` header: the problems of those after the first."""
    headers = [i for i in items if isinstance(i, s.Header)]
    return [problem("header-twice", extra.span) for extra in headers[1:]]


def _wrapped(inner: Type | _Record, wrap: Callable[[Type], Type]) -> Type | _Record:
    """`wrap` applied to a type, or to the type of a record carried up with its fields."""
    if isinstance(inner, _Record):
        return _Record(wrap(inner.type), inner.fields)
    return wrap(inner)


class _Builder:
    """One method per grammar rule, each given the rule's position and its built children.

    The walk is written out rather than inherited from Lark's Transformer:
    it is the same dispatch without the per-call wrapping, about twice as fast.
    The parser bounds the nesting, so the recursion stays shallow.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def node(self, tree: Tree) -> Any:
        children = [self.node(child) if isinstance(child, Tree) else child for child in tree.children]
        # Each part of the parse tree is dropped as soon as its node is built,
        # so a large contract never holds its whole tree and all its nodes at once.
        tree.children = []
        return getattr(self, tree.data)(tree.meta, children)

    # ---- helpers ----

    def _span(self, meta: Meta | Token) -> Span:
        return Span(self.source, meta.line or 1, meta.column or 1,
                    meta.end_line or meta.line or 1, meta.end_column or (meta.column or 1) + 1)

    def _error(self, where: Meta | Token | Span, code: str, hint: str | None = None, *,
               suggestion: str | None = None, params: Mapping[str, object] | None = None,
               **named: object) -> None:
        """The problem `code` with its parameters (reasons.problem)."""
        span = where if isinstance(where, Span) else self._span(where)
        self.problems.append(problem(code, span, hint=hint, suggestion=suggestion,
                                     params={**(params or {}), **named}))

    def _name(self, token: Token, kind: str) -> str:
        """The name a fact, metric, ... (`kind`) is declared with; a problem if it is reserved."""
        name = str(token)
        if name in KEYWORDS:
            self.problems.append(reserved_name(name, kind, self._span(token)))
        return name

    def _date(self, token: Token) -> dt.date | None:
        """The date a DATE token names; None (and a problem) if there is no such day."""
        try:
            return dt.date.fromisoformat(str(token))
        except ValueError:
            self._error(token, "not-in-calendar", hint="date-in-contract", date=str(token))
            return None

    # ---- top level ----

    def start(self, meta: Meta, items: list[Any]) -> s.Module:
        self.problems += header_problems(items)
        return s.module_of(tuple(items), self.source)

    def contract(self, meta: Meta, children: list[Any]) -> s.Header:
        title, *items = children
        parties: list[str] = []
        period = None
        text: list[str] = []
        periods = 0
        each: str | None = None
        spans: list[tuple[str, Span]] = []
        said: dict[str, str] = {}
        for item in items:
            if isinstance(item, _GoalItem):
                if item.kind == "text":
                    text.append(item.value)
                elif item.kind in said:
                    self._error(item.span, "header.twice", item=item.kind)
                else:
                    said[item.kind] = item.value
                spans.append((item.kind, item.span))
                continue
            spans.append((item[0], item[2]))
            if item[0] == "parties":
                parties.extend(item[1])
            else:
                periods += 1
                if periods > 1:
                    self._error(meta, "period-twice")
                period, each = item[1], item[3]
        return s.Header(_string(title), tuple(parties), period, tuple(text), each, span=self._span(meta),
                        item_spans=tuple(spans), currency=said.get("currency"), language=said.get("language"))

    def currency(self, meta: Meta, children: list[Token]) -> _GoalItem:
        return _GoalItem("currency", str(children[0]), self._span(meta))

    def language(self, meta: Meta, children: list[Token]) -> _GoalItem:
        language = _string(children[0])
        if language not in LANGUAGES:
            self._error(children[0], "header.language", language=quote(language), languages=LANGUAGES)
            language = LANGUAGES[0]
        return _GoalItem("language", language, self._span(meta))

    def parties(self, meta: Meta, names: list[Token]) -> tuple[str, list[str], Span]:
        return "parties", [_string(n) for n in names], self._span(meta)

    def period(self, meta: Meta, children: list[Token | None]
               ) -> tuple[str, tuple[dt.date, dt.date] | None, Span, str | None]:
        first, last, step = children
        each = " ".join(str(step).split()) if step is not None else None
        start, end = self._date(first), self._date(last)  # type: ignore[arg-type]
        if start is None or end is None:
            return "period", None, self._span(meta), each
        if end < start:
            self._error(meta, "period-inverted", start=start, end=end)
            return "period", None, self._span(meta), each
        return "period", (start, end), self._span(meta), each

    def text_block(self, meta: Meta, children: list[Token]) -> _GoalItem:
        text = inspect.cleandoc(str(children[0])[3:-3])
        return _GoalItem("text", text, self._span(meta))

    # ---- facts and metrics ----

    def fact(self, meta: Meta, children: list[Any]) -> s.Fact:
        name = self._name(children[0], "fact")
        declared: Type | _Record = children[1]
        fields: tuple[s.Field, ...] = ()
        type_ = declared if isinstance(declared, Type) else declared.type
        if isinstance(declared, _Record):
            fields = declared.fields
            if type_.kind != LIST or type_.element is None or type_.element.kind != RECORD:
                self._error(meta, "record-place", hint="record-place")
        range_ = next((c for c in children[2:] if isinstance(c, s.Range)), None)
        description = next((_string(c) for c in children[2:] if isinstance(c, Token)), None)
        label = next((c.value for c in children[2:] if isinstance(c, _GoalItem) and c.kind == "label"), None)
        written = next((c for c in children[2:] if isinstance(c, _GoalItem) and c.kind == "unit"), None)
        unit = written.value if written is not None else None
        if written is not None and unit is not None and type_.kind != NUMBER:
            # Money and percents show their own units; anything else counts nothing, and its
            # unit would be carried into JSON (`"type": "bool", "unit": ...`) or dropped unseen.
            code = "unit.kind" if type_.kind in (MONEY, PERCENT, RATE) else "unit.not-number"
            self._error(written.span, code, hint=code, name=name, kind=type_.kind)
            unit = None
        return s.Fact(name, type_, range_, description, span=self._span(meta), label=label, fields=fields,
                      unit=unit)

    def record_type(self, meta: Meta, children: list[s.Field]) -> _Record:
        fields: list[s.Field] = []
        for field in children:
            if any(field.name == other.name for other in fields):
                self._error(field.span, "field-twice", hint="field-twice", name=field.name)
            else:
                fields.append(field)
        return _Record(record_of(tuple((field.name, field.type) for field in fields)), tuple(fields))

    def field(self, meta: Meta, children: list[Any]) -> s.Field:
        name = self._name(children[0], "field")
        type_ = children[1]
        range_ = next((c for c in children[2:] if isinstance(c, s.Range)), None)
        label = next((c.value for c in children[2:] if isinstance(c, _GoalItem)), None)
        return s.Field(name, type_, range_, label, span=self._span(meta))

    def label(self, meta: Meta, children: list[Token]) -> _GoalItem:
        words = " ".join(_string(children[0]).split())
        if not words:
            self._error(meta, "label.empty")
        return _GoalItem("label", words or None, self._span(meta))

    def unit(self, meta: Meta, children: list[Token]) -> _GoalItem:
        """`unit "dag" "dage"`: one form, and many; a single form serves both (`unit "min."`)."""
        forms = [" ".join(_string(child).split()) for child in children]
        if not all(forms):
            self._error(meta, "unit.empty", hint="unit.empty")
            return _GoalItem("unit", None, self._span(meta))
        return _GoalItem("unit", (forms[0], forms[-1]), self._span(meta))

    def currency_type(self, meta: Meta, children: list[Token]) -> Type:
        name, currency = children
        if str(name) != "money":
            self._error(meta, "currency.type", hint="currency.type", name=str(name), currency=str(currency))
            return self.simple_type(meta, [name])
        return attrs.evolve(money_in(str(currency)), written=True)

    def rate_type(self, meta: Meta, children: list[Token]) -> Type:
        name, written, per = children
        # `rate kr per EUR` as `rate DKK per EUR`: the unit of one whole of the currency.
        currency = UNIT_CURRENCY.get(money_unit(str(written)), str(written))
        if str(name) != "rate":
            self._error(meta, "currency.rate-type", name=str(name))
        if money_unit(str(written)) not in (*CURRENCIES, "kr") and str(written) not in CURRENCIES:
            self._error(written, "currency.rate-unit", unit=str(written), currency=currency)
        if currency == per:
            self._error(meta, "currency.rate-same", currency=currency)
        return rate_type(currency, str(per))

    def simple_type(self, meta: Meta, children: list[Token]) -> Type:
        name = str(children[0])
        found = declared_type(name)
        if name == "rate":
            self._error(children[0], "currency.rate-alone")
            return T_NUMBER
        if found is None:
            self._error(children[0], "unknown-type", name=name, types=tuple(DECLARABLE),
                        suggestion=closest(name, DECLARABLE))
            return T_NUMBER
        return found

    def list_type(self, meta: Meta, children: list[Type | _Record]) -> Type | _Record:
        return _wrapped(children[0], list_of)

    def table_type(self, meta: Meta, children: list[Type | _Record]) -> Type | _Record:
        return _wrapped(children[0], table_of)

    def optional_type(self, meta: Meta, children: list[Type | _Record]) -> Type | _Record:
        return _wrapped(children[0], lambda type_: attrs.evolve(type_, optional=True))

    def one_of_type(self, meta: Meta, children: list[Token]) -> Type:
        choices: list[str] = []
        keys: dict[str, str] = {}
        for token in children:
            choice = _string(token)
            first = keys.setdefault(answer_key(choice), choice)
            if first == choice and choice in choices:
                self._error(token, "choice-twice", choice=quote(choice))
            elif first != choice:
                # Answers are matched without regard to case and spacing, so these two
                # would be one answer: refuse, rather than remap one silently.
                self._error(token, "same-choice", hint="choice-twice", choice=quote(choice), first=quote(first))
            else:
                choices.append(choice)
        return Type(TEXT, choices=tuple(choices))

    def range(self, meta: Meta, children: list[s.Expr]) -> s.Range:
        low, high = children
        return s.Range(low, high, span=self._span(meta))

    def metric(self, meta: Meta, children: list[Any]) -> s.Metric:
        name = self._name(children[0], "metric")
        description = next((_string(c) for c in children[2:] if isinstance(c, Token)), None)
        label = next((c.value for c in children[2:] if isinstance(c, _GoalItem) and c.kind == "label"), None)
        written = next((c for c in children[2:] if isinstance(c, _GoalItem) and c.kind == "unit"), None)
        return s.Metric(name, children[1], description, span=self._span(meta), label=label,
                        unit=written.value if written is not None else None,
                        unit_span=written.span if written is not None else None)

    def payment(self, meta: Meta, children: list[Any]) -> s.Payment:
        name, title, expr = children
        return s.Payment(self._name(name, "payment"), _string(title) if title is not None else None, expr,
                         span=self._span(meta))

    # ---- goals ----

    def goal(self, meta: Meta, children: list[Any]) -> s.Goal:
        goal_id, title, *items = children
        span = self._span(meta)
        fields: dict[str, Any] = {}
        text: list[str] = []
        deliverables: list[s.Deliverable] = []
        requirements: list[s.Requirement] = []
        spans = tuple((item.kind, item.span) for item in items)
        for item in items:
            if item.kind == "text":
                text.append(item.value)
            elif item.kind == "deliverable":
                deliverables.append(attrs.evolve(item.value, goal=str(goal_id)))
            elif item.kind == "require":
                requirements.append(item.value)
            elif item.kind in fields:
                self._error(item.span, "goal.item-twice", goal=str(goal_id), item=item.kind)
            else:
                fields[item.kind] = item.value
        return s.Goal(
            id=str(goal_id),
            title=_string(title),
            group=fields.get("group"),
            weight=fields.get("weight", Fraction(1)),
            text=tuple(text),
            deliverables=tuple(deliverables),
            requirements=tuple(requirements),
            tiers=fields.get("score", ()),
            applies=fields.get("applies"),
            span=span,
            item_spans=spans,
        )

    def group(self, meta: Meta, children: list[Token]) -> _GoalItem:
        return _GoalItem("group", _string(children[0]), self._span(meta))

    def weight(self, meta: Meta, children: list[Token]) -> _GoalItem:
        return _GoalItem("weight", self._numeral(children[0], str(children[0])), self._span(meta))

    def deliverable(self, meta: Meta, children: list[Any]) -> _GoalItem:
        name = self._name(children[0], "deliverable")
        due = children[2] if len(children) > 2 else None
        node = s.Deliverable(name, _string(children[1]), due, span=self._span(meta))
        return _GoalItem("deliverable", node, self._span(meta))

    def require(self, meta: Meta, children: list[Any]) -> _GoalItem:
        condition, reason = children
        return _GoalItem("require", s.Requirement(condition, _string(reason), span=self._span(meta)),
                         self._span(meta))

    def applies(self, meta: Meta, children: list[s.Expr]) -> _GoalItem:
        return _GoalItem("applies", children[0], self._span(meta))

    def score(self, meta: Meta, children: list[Any]) -> _GoalItem:
        tiers: list[s.Tier] = []
        for tier in children:
            if tiers and tiers[-1].condition is None:
                self._error(tier.span, "tier-after-else")
            if isinstance(tier, _ShorthandTier):
                previous = tiers[-1].condition if tiers else None
                after_else = bool(tiers) and previous is None
                if isinstance(previous, s.Compare):
                    subject: s.Expr = previous.left
                else:
                    if not after_else:  # after `else` the tier is reported as unreachable already
                        self._error(tier.span, "tier-without-subject")
                    subject = s.Name("?", span=tier.span)
                condition = s.Compare(tier.op, subject, tier.right, span=tier.span)
                tiers.append(s.Tier(condition, tier.fulfilment, True, span=tier.span))
            else:
                tiers.append(tier)
        return _GoalItem("score", tuple(tiers), self._span(meta))

    def condition_tier(self, meta: Meta, children: list[s.Expr]) -> s.Tier:
        condition, fulfilment = children
        return s.Tier(condition, fulfilment, span=self._span(meta))

    def shorthand_tier(self, meta: Meta, children: list[Any]) -> _ShorthandTier:
        op, right, fulfilment = children
        return _ShorthandTier(op, right, fulfilment, self._span(meta))

    def else_tier(self, meta: Meta, children: list[s.Expr]) -> s.Tier:
        return s.Tier(None, children[0], span=self._span(meta))

    # ---- the grant split ----

    def split(self, meta: Meta, children: list[Any]) -> s.Split:
        name_token, title, *items = children
        name = self._name(name_token, "split")
        fields: dict[str, Any] = {}
        text: list[str] = []
        for item in items:
            if item.kind == "text":
                text.append(item.value)
            elif item.kind in fields or (item.kind in ("shares", "shares_from")
                                         and {"shares", "shares_from"} & set(fields)):
                self._error(item.span, "split.item-twice", split=name, item=item.kind.split('_')[0])
            else:
                fields[item.kind] = item.value
        return s.Split(
            name=name,
            total=fields.get("total"),
            unit=fields.get("unit"),
            method=fields.get("method", METHODS[0]),
            installments=fields.get("installments", 1),
            key=fields.get("key"),
            shares=fields.get("shares", ()),
            shares_from=fields.get("shares_from"),
            text=tuple(text),
            parties=fields.get("parties", ()),
            span=self._span(meta),
            item_spans=tuple((item.kind, item.span) for item in items),
            title=" ".join(_string(title).split()) or None if title is not None else None,
        )

    def _money(self, meta: Meta, expr: s.Expr, what: str) -> s.Money | None:
        if isinstance(expr, s.Money):
            return expr
        if isinstance(expr, s.Unary) and isinstance(expr.operand, s.Money):
            self._error(meta, "split.amount-negative", item=what)
            return expr.operand
        self._error(meta, "split.amount-not-money", item=what)
        return None

    def split_total(self, meta: Meta, children: list[s.Expr]) -> _GoalItem:
        total: s.Expr | None = children[0]
        if isinstance(total, s.Unary) and total.op == "-" and isinstance(total.operand, s.Money):
            # A credit note written out (`total -9000 kr`): split as minus the split of 9000 kr.
            money = total.operand
            total = s.Money(-money.amount, money.unit, span=total.span)
        return _GoalItem("total", total, self._span(meta))

    def split_parties(self, meta: Meta, children: list[Token]) -> _GoalItem:
        parties: list[str] = []
        for token in children:
            party = _party(token)
            if party in parties:
                self._error(token, "split.party-twice", party=party)
            else:
                parties.append(party)
        return _GoalItem("parties", tuple(parties), self._span(meta))

    def split_unit(self, meta: Meta, children: list[s.Expr]) -> _GoalItem:
        return _GoalItem("unit", self._money(meta, children[0], "unit"), self._span(meta))

    def split_key(self, meta: Meta, children: list[Token]) -> _GoalItem:
        return _GoalItem("key", _string(children[0]), self._span(meta))

    def split_installments(self, meta: Meta, children: list[Token]) -> _GoalItem:
        count = self._numeral(children[0], str(children[0]))
        if count.denominator != 1 or count < 1:
            self._error(children[0], "split.installments")
            count = Fraction(1)
        return _GoalItem("installments", int(count), self._span(meta))

    def split_method(self, meta: Meta, children: list[Token]) -> _GoalItem:
        return _GoalItem("method", method_named(str(children[0])), self._span(meta))

    def split_shares(self, meta: Meta, children: list[s.Share]) -> _GoalItem:
        return _GoalItem("shares", tuple(children), self._span(meta))

    def split_shares_from(self, meta: Meta, children: list[Token]) -> _GoalItem:
        return _GoalItem("shares_from", str(children[0]), self._span(meta))

    def share(self, meta: Meta, children: list[Token]) -> s.Share:
        party, weight = children
        return s.Share(_party(party), self._numeral(weight, str(weight)), span=self._span(meta))

    def negative_share(self, meta: Meta, children: list[Token]) -> s.Share:
        party, weight = children
        self._error(meta, "split.weight-negative", hint="split.negative", party=_party(party))
        return s.Share(_party(party), -self._numeral(weight, str(weight)), span=self._span(meta))

    # ---- worked examples ----

    def example(self, meta: Meta, children: list[Any]) -> s.Example:
        name, period, as_of, *items = children
        givens = tuple(g for kind, group in items if kind == "given" for g in group)
        expectations = tuple(e for kind, group in items if kind == "expect" for e in group)
        seen: dict[str, s.Given] = {}
        for given in givens:
            if given.name in seen:
                self._error(given.span, "example.given-twice", name=given.name)
            seen.setdefault(given.name, given)
        if not expectations:
            self._error(meta, "example.expects-nothing")
        return s.Example(_string(name), givens, expectations, as_of, period, span=self._span(meta))

    def example_period(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def as_of(self, meta: Meta, children: list[Token]) -> dt.date | None:
        return self._date(children[0])

    def example_given(self, meta: Meta, children: list[s.Given]) -> tuple[str, list[s.Given]]:
        return "given", children

    def example_expect(self, meta: Meta, children: list[s.Expectation]) -> tuple[str, list[s.Expectation]]:
        return "expect", children

    def given(self, meta: Meta, children: list[Any]) -> s.Given:
        name, value = children
        return s.Given(unicodedata.normalize("NFC", str(name)), value, span=self._span(meta))

    def expect_goal(self, meta: Meta, children: list[Any]) -> s.Expectation:
        goal_id, value = children
        return s.Expectation("goal", value, goal=str(goal_id), span=self._span(meta))

    def expect_not_evaluable(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("goal", None, goal=str(children[0]), span=self._span(meta))

    def expect_not_applicable(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("not applicable", None, goal=str(children[0]), span=self._span(meta))

    def expect_provisional(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("provisional", None, goal=str(children[0]), span=self._span(meta))

    def expect_payment_provisional(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("payment provisional", None, payment=str(children[0]), span=self._span(meta))

    def expect_overall(self, meta: Meta, children: list[s.Expr]) -> s.Expectation:
        return s.Expectation("overall", children[0], span=self._span(meta))

    def expect_pending(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("pending", None, goal=str(children[0]), span=self._span(meta))

    def expect_payment(self, meta: Meta, children: list[Any]) -> s.Expectation:
        name, value = children
        return s.Expectation("payment", value, payment=str(name), span=self._span(meta))

    def expect_payment_pending(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("payment pending", None, payment=str(children[0]), span=self._span(meta))

    def expect_payment_not_evaluable(self, meta: Meta, children: list[Token]) -> s.Expectation:
        return s.Expectation("payment not evaluable", None, payment=str(children[0]), span=self._span(meta))

    def expect_points(self, meta: Meta, children: list[s.Expr]) -> s.Expectation:
        return s.Expectation("points", children[0], span=self._span(meta))

    def expect_split(self, meta: Meta, children: list[Token], sign: int = 1) -> s.Expectation:
        split, party, amount = children
        value = s.Number(sign * self._numeral(amount, str(amount)), span=self._span(amount))
        return s.Expectation("split", value, split=str(split), party=_party(party),
                             span=self._span(meta))

    def expect_split_credit(self, meta: Meta, children: list[Token]) -> s.Expectation:
        """`expect split X "Nord" = -3000`: a party's share of a credit note."""
        return self.expect_split(meta, children, sign=-1)

    # ---- expressions ----

    def comp_op(self, meta: Meta, children: list[Token]) -> str:
        op = str(children[0])
        return "=" if op == "==" else op

    def compare(self, meta: Meta, children: list[Any]) -> s.Compare:
        left, op, right = children
        return s.Compare(op, left, right, span=self._span(meta))

    def or_test(self, meta: Meta, children: list[s.Expr]) -> s.Chain:
        return s.chain(children[0], tuple(("or", operand) for operand in children[1:]), self._span(meta))

    def and_test(self, meta: Meta, children: list[s.Expr]) -> s.Chain:
        return s.chain(children[0], tuple(("and", operand) for operand in children[1:]), self._span(meta))

    def sum(self, meta: Meta, children: list[Any]) -> s.Chain:
        """`a + b - c`: the operands, each after the first with the operator before it."""
        steps = tuple(zip(children[1::2], children[2::2], strict=True))
        return s.chain(children[0], steps, self._span(meta))

    product = sum

    def sum_op(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    product_op = sum_op

    def if_(self, meta: Meta, children: list[s.Expr]) -> s.If:
        condition, then, otherwise = children
        return s.If(condition, then, otherwise, span=self._span(meta))

    def overall(self, meta: Meta, children: list[Token]) -> s.GoalValue:
        return s.GoalValue("overall", span=self._span(meta))

    def total_points(self, meta: Meta, children: list[Token]) -> s.GoalValue:
        return s.GoalValue("points", span=self._span(meta))

    def reporting_period(self, meta: Meta, children: list[Token]) -> s.PeriodValue:
        return s.PeriodValue(None, span=self._span(meta))

    def period_field(self, meta: Meta, children: list[Token]) -> s.PeriodValue:
        field = str(children[0])
        if field not in PERIOD_FIELDS:
            self._error(children[0], "period.unknown-field", field=field, fields=PERIOD_FIELDS,
                        suggestion=closest(field, PERIOD_FIELDS))
        return s.PeriodValue(field, span=self._span(meta))

    def goal_points(self, meta: Meta, children: list[Token]) -> s.GoalValue:
        return s.GoalValue("points", str(children[0]), span=self._span(meta))

    def goal_result(self, meta: Meta, children: list[Token]) -> s.Expr:
        function, goal_id = children
        if str(function) != "fulfilment":
            self._error(function, "not-a-goal-result", function=str(function), goal=str(goal_id))
        return s.GoalValue("fulfilment", str(goal_id), span=self._span(meta))

    def duration(self, meta: Meta, children: list[Token]) -> s.Duration:
        amount, unit = children
        value = self._numeral(amount, str(amount))
        if value.denominator != 1:
            self._error(amount, "span.not-whole", amount=str(amount), unit=str(unit),
                        units=Word(f"span.{DURATION_UNITS[str(unit)]} many"))
            value = Fraction(0)
        elif value > 100_000:
            self._error(amount, "span.too-far", amount=str(amount), unit=str(unit))
            value = Fraction(0)
        return s.Duration(int(value), DURATION_UNITS[str(unit)], span=self._span(meta))

    def table_literal(self, meta: Meta, children: list[tuple[s.Key, s.Expr, Span]]) -> s.TableLiteral:
        seen: set[s.Key] = set()
        for name, _, span in children:
            if name in seen:
                self._error(span, "table.name-twice", name=key_text(name))
            seen.add(name)
        kinds = [_key_kind(name) for name, _, _ in children]
        if len(set(kinds)) > 1:
            odd = next(index for index, kind in enumerate(kinds) if kind != kinds[0])
            self._error(children[odd][2], "table.key-kinds", first=Word(f"key.{kinds[0]}"),
                        other=Word(f"key.{kinds[odd]}"), key=key_text(children[odd][0]))
        return s.TableLiteral(tuple((name, value) for name, value, _ in children), span=self._span(meta))

    def pair(self, meta: Meta, children: list[Any]) -> tuple[s.Key, s.Expr, Span]:
        name, value = children
        key: s.Key
        if name.type == "NUMBER":
            number = self._numeral(name, str(name))
            if number.denominator != 1:
                self._error(name, "table.key-whole", key=str(name))
            key = int(number)
        elif name.type == "DATE":
            key = self._date(name) or dt.date.min
        else:
            key = _party(name)
        return key, value, self._span(meta)

    # ---- rows: fields, lookups and comprehensions ----

    def record_literal(self, meta: Meta, children: list[tuple[str, s.Expr, Span]]) -> s.RecordLiteral:
        seen: set[str] = set()
        for name, _, span in children:
            if name in seen:
                self._error(span, "record.field-given-twice", field=name)
            seen.add(name)
        return s.RecordLiteral(tuple((name, value) for name, value, _ in children), span=self._span(meta))

    def field_value(self, meta: Meta, children: list[Any]) -> tuple[str, s.Expr, Span]:
        name, value = children
        return unicodedata.normalize("NFC", str(name)), value, self._span(meta)

    def field_read(self, meta: Meta, children: list[Any]) -> s.FieldRead:
        record, field = children
        return s.FieldRead(record, str(field), span=self._span(meta))

    def lookup(self, meta: Meta, children: list[s.Expr]) -> s.Lookup:
        return s.Lookup(children[0], children[1], span=self._span(meta))

    def integers(self, meta: Meta, children: list[s.Expr]) -> s.Integers:
        return s.Integers(children[0], children[1], span=self._span(meta))

    def comprehension(self, meta: Meta, children: list[Any]) -> _Bare:
        element, var, source, where = children
        if str(var) in KEYWORDS:
            self.problems.append(reserved_name(str(var), "bound name", self._span(var)))
        return _Bare(s.Comprehension(element, str(var), source, where, span=self._span(meta)))

    def list_comprehension(self, meta: Meta, children: list[_Bare]) -> s.Comprehension:
        return attrs.evolve(children[0].comprehension, span=self._span(meta))

    def not_(self, meta: Meta, children: list[s.Expr]) -> s.Unary:
        return s.Unary("not", children[0], span=self._span(meta))

    def neg(self, meta: Meta, children: list[s.Expr]) -> s.Expr:
        operand = children[0]
        return s.Unary("-", operand, span=self._span(meta))

    def _numeral(self, token: Token, text: str) -> Fraction:
        try:
            return decimal_fraction(text)
        except NumberError as exc:
            self._error(token, f"number.{exc.code}", hint="number.size", params=exc.params)
            return Fraction(0)

    def number(self, meta: Meta, children: list[Token]) -> s.Number:
        value = self._numeral(children[0], str(children[0]))
        return s.Number(value, span=self._span(meta), decimal=value.denominator == 1 and "." in children[0])

    def percent(self, meta: Meta, children: list[Token]) -> s.Percent:
        value = self._numeral(children[0], str(children[0])[:-1]) / 100
        return s.Percent(value, span=self._span(meta))

    def money(self, meta: Meta, children: list[Token]) -> s.Money:
        amount, unit = children
        return s.Money(self._numeral(amount, str(amount)), money_unit(str(unit)), span=self._span(meta))

    def rate(self, meta: Meta, children: list[Token]) -> s.Rate:
        amount, unit, per = children
        rate = s.Rate(self._numeral(amount, str(amount)), money_unit(str(unit)), str(per), span=self._span(meta))
        if rate.currency == rate.per:
            self._error(meta, "currency.rate-same", currency=rate.per)
        if rate.amount <= 0:  # only 0 can be written; a rate fact of 0 is refused likewise
            self._error(meta, "currency.rate-zero", "currency.rate-zero", rate=f"{amount} {unit} per {per}", per=rate.per)
        return rate

    def date(self, meta: Meta, children: list[Token]) -> s.Date:
        # An impossible date has been reported; any stand-in keeps the checks going.
        return s.Date(self._date(children[0]) or dt.date.min, span=self._span(meta))

    def true(self, meta: Meta, children: list[Token]) -> s.Bool:
        return s.Bool(True, span=self._span(meta))

    def false(self, meta: Meta, children: list[Token]) -> s.Bool:
        return s.Bool(False, span=self._span(meta))

    def text(self, meta: Meta, children: list[Token]) -> s.Text:
        return s.Text(_string(children[0]), span=self._span(meta))

    def name(self, meta: Meta, children: list[Token]) -> s.Name:
        return s.Name(str(children[0]), span=self._span(meta))

    def member(self, meta: Meta, children: list[s.Expr]) -> s.Member:
        return s.Member(children[0], children[1], False, span=self._span(meta))

    def not_member(self, meta: Meta, children: list[s.Expr]) -> s.Member:
        return s.Member(children[0], children[1], True, span=self._span(meta))

    def set_literal(self, meta: Meta, children: list[s.Expr]) -> s.SetLiteral:
        return s.SetLiteral(tuple(children), span=self._span(meta))

    def list_literal(self, meta: Meta, children: list[s.Expr | None]) -> s.ListLiteral:
        return s.ListLiteral(tuple(c for c in children if c is not None), span=self._span(meta))

    def filtered(self, meta: Meta, children: list[s.Expr]) -> _Filtered:
        return _Filtered(children[0], children[1], self._span(meta))

    def call(self, meta: Meta, children: list[Any]) -> s.Expr:
        function, *given = children
        args = [a for a in given if a is not None]
        span = self._span(meta)
        bare = [a for a in args if isinstance(a, _Bare)]
        if bare:
            if len(args) != 1:
                self._error(bare[0].comprehension.span, "comprehension.alone", function=str(function))
                return s.Name("?", span=span)  # reported; stands in silently for the checks
            args = [bare[0].comprehension]
        filtered = [a for a in args if isinstance(a, _Filtered)]
        if not filtered:
            return s.Call(str(function), tuple(args), span=span)
        binding = filtered[0]
        example = f"{function}(a in answers where a >= 9)"
        if len(args) != 1:
            self._error(binding.span, "where.one-binding", hint="where", function=str(function), example=example)
        elif not (isinstance(binding.left, s.Member) and not binding.left.negated):
            self._error(binding.span, "where.binding", hint="where", example=example)
        elif not isinstance(binding.left.item, s.Name):
            word = _value_word(binding.left.item)
            if word is not None:  # `share(true in xs where ...)`: a reserved word, read as a value
                self.problems.append(reserved_name(word, "bound name", binding.left.item.span))
            else:
                self._error(binding.span, "where.binding", hint="where", example=example)
        else:
            var = binding.left.item.name
            if var in KEYWORDS:
                self.problems.append(reserved_name(var, "bound name", binding.left.item.span))
            return s.Aggregate(str(function), var, binding.left.collection, binding.where, span=span)
        return s.Name("?", span=span)  # reported above; stands in silently for the checks


def _value_word(expr: s.Expr) -> str | None:
    """The reserved word a value is written as (`true`, `overall`), if it is one."""
    if isinstance(expr, s.Bool):
        return "true" if expr.value else "false"
    if isinstance(expr, s.GoalValue) and expr.goal is None:
        return expr.what
    if isinstance(expr, s.PeriodValue) and expr.field is None:
        return "period"
    return None


def _key_kind(key: s.Key) -> str:
    """What kind of key a table literal's key is: "text", "integer" or "date"."""
    if isinstance(key, str):
        return "text"
    return "integer" if isinstance(key, int) else "date"


def _party(token: Token) -> str:
    name = _string(token) if token.type == "STRING" else str(token)
    return unicodedata.normalize("NFC", name)


def _string(token: Token) -> str:
    """The text a quoted string stands for."""
    return unquote(str(token))
