"""What an editor asks about a contract: where a name is declared and used, what it is, what
may be written at a place.

Works on the syntax a contract was read into (`syntax.Module`, with the `Analysis` when the
checks ran) and the text it was read from, in the library's places: 1-based lines and columns
counted in characters, as `Span` holds them. The language server (`lsp.py`) turns these into
an editor's positions; nothing here knows about the protocol.

Names live in three sets: facts, metrics, deliverables and payments share one ("value"), goals
have ids of their own ("goal"), and so do splits ("split").
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Mapping

import attrs

from ..checks.analysis import Analysis
from ..core.errors import Span
from ..core.escape import markdown
from ..core.values import LIST, RECORD, TABLE, Type
from ..core.vocabulary import DECLARATIONS, KEYWORDS, PERIOD_FIELDS, PLACE_WORDS, number_literal, quote
from ..language import syntax as s
from ..language.printer import expr_text, key_text
from ..semantics.functions import FUNCTIONS
from ..semantics.periods import reporting_periods

NAME = r"[^\W\d]\w*"
GOAL_ID = r"[^\W_](?:[\w.\-]*\w)?"
STRING = r'"(?:[^"\\\n]|\\.)*"'
_GAP = r"(?:\s|#[^\n]*)+"  # white space and comments, which may stand between any two words
# A hover shows a table's keys up to this many: a rate card, a target per year, not a register.
MAX_KEYS_SHOWN = 20

# Which set of names each kind of declaration puts its name in.
NAMESPACE = {"fact": "value", "metric": "value", "deliverable": "value", "payment": "value",
             "goal": "goal", "split": "split", "example": "example", "contract": "contract"}


class Lines:
    """A text and where each of its lines starts: places (line, column) to offsets and back."""

    def __init__(self, text: str):
        self.text = text
        # each line's length and its `\n`, added up (in C: a document may be long)
        lengths = map(len, text.split("\n")[:-1])
        self.starts = [0, *itertools.accumulate(map(operator.add, lengths, itertools.repeat(1)))]

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based place, kept inside the text."""
        line = min(max(line, 1), len(self.starts))
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return min(start + max(column, 1) - 1, end)

    def place(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, source: str, start: int, end: int) -> Span:
        (line, column), (end_line, end_column) = self.place(start), self.place(end)
        return Span(source, line, column, end_line, end_column)

    def within(self, span: Span) -> tuple[int, int]:
        """The offsets a span covers."""
        return self.offset(span.line, span.column), self.offset(span.end_line, span.end_column)

    def find(self, span: Span, pattern: str, anywhere: bool = False) -> Span | None:
        """Where the first group of `pattern` stands, matched at the start of `span` (or
        searched for anywhere in it)."""
        start, end = self.within(span)
        regex = re.compile(pattern)
        found = regex.search(self.text, start, end) if anywhere else regex.match(self.text, start, end)
        if found is None:
            return None
        return self.span(span.source, found.start(1), found.end(1))


@attrs.frozen
class Declaration:
    """Something a contract declares, with the place of its name (id, or title)."""

    kind: str  # "fact", "metric", "deliverable", "payment", "goal", "split", "example", "contract"
    name: str
    span: Span  # the whole declaration
    name_span: Span
    node: object = attrs.field(eq=False, repr=False)

    @property
    def namespace(self) -> str:
        return NAMESPACE[self.kind]


@attrs.frozen
class Reference:
    """A use of a name: `nps` in a score, `goal 2` in `fulfilment(goal 2)`, a given's name."""

    namespace: str  # "value", "goal" or "split"
    name: str
    span: Span  # the name (or id) as written
    node_span: Span  # the whole node, where a problem about the use points


@attrs.frozen
class FunctionUse:
    name: str
    span: Span


@attrs.frozen
class Outline:
    """One entry of a contract's outline, with the entries inside it."""

    kind: str
    name: str
    detail: str
    span: Span
    name_span: Span
    children: tuple[Outline, ...] = ()


def _inside(span: Span, line: int, column: int, touching: bool) -> bool:
    """Whether the place is in `span` (or, `touching`, right after its end: where the cursor
    stands after typing a name)."""
    after_start = (line, column) >= (span.line, span.column)
    end = (span.end_line, span.end_column)
    return after_start and ((line, column) <= end if touching else (line, column) < end)


class Index:
    """Every declaration, use of a name and call of a function in a contract, by place."""

    def __init__(self, module: s.Module, text: str, analysis: Analysis | None = None):
        self.module = module
        self.analysis = analysis
        self.lines = Lines(text)
        self.source = module.source
        self.declarations: list[Declaration] = []
        self.references: list[Reference] = []
        self.calls: list[FunctionUse] = []
        self._declare_all()
        self._refer_all()
        self._resolved: dict[tuple[str, str], Declaration] = {}
        # The first declaration of a name is the one in force, as the checks hold it.
        order = ("fact", "metric", "deliverable", "payment", "goal", "split")
        for kind in order:
            for declaration in self.declarations:
                if declaration.kind == kind:
                    self._resolved.setdefault((declaration.namespace, declaration.name), declaration)

    # ---- building ----

    def _name_span(self, span: Span, pattern: str, name: str) -> Span:
        found = self.lines.find(span, pattern)
        if found is not None:
            return found
        return Span(span.source, span.line, span.column, span.line, span.column + max(len(name), 1))

    def _declare(self, kind: str, name: str, node: object, span: Span, pattern: str) -> None:
        self.declarations.append(Declaration(kind, name, span, self._name_span(span, pattern, name), node))

    def _declare_all(self) -> None:
        for item in self.module.items:
            match item:
                case s.Header():
                    self._declare("contract", item.title, item, item.span, rf"contract{_GAP}({STRING})")
                case s.Fact() | s.Metric() | s.Payment():
                    kind = type(item).__name__.lower()
                    self._declare(kind, item.name, item, item.span, rf"{kind}{_GAP}({NAME})")
                case s.Goal():
                    self._declare("goal", item.id, item, item.span, rf"goal{_GAP}({GOAL_ID})")
                    for deliverable in item.deliverables:
                        self._declare("deliverable", deliverable.name, deliverable, deliverable.span,
                                      rf"deliverable{_GAP}({NAME})")
                case s.Split():
                    self._declare("split", item.name, item, item.span, rf"split{_GAP}({NAME})")
                case s.Example():
                    self._declare("example", item.name, item, item.span, rf"example{_GAP}({STRING})")

    def _refer(self, namespace: str, name: str, node_span: Span, pattern: str, anywhere: bool = False) -> None:
        found = self.lines.find(node_span, pattern, anywhere)
        if found is not None:
            self.references.append(Reference(namespace, name, found, node_span))

    def _refer_all(self) -> None:
        for item in self.module.items:
            for expr, bound in _expressions(item):
                self._walk(expr, bound)
            match item:
                case s.Split(shares_from=str(name)):
                    for kind, span in item.item_spans:
                        if kind == "shares_from":
                            found = self.lines.find(span, rf"shares{_GAP}from{_GAP}({NAME})")
                            if found is not None:
                                self.references.append(Reference("value", name, found, item.span))
                case s.Example():
                    for given in item.givens:
                        self._refer("value", given.name, given.span, rf"({NAME})")
                    for expectation in item.expectations:
                        self._expected(expectation)

    def _expected(self, expectation: s.Expectation) -> None:
        span = expectation.span
        if expectation.goal is not None:
            self._refer("goal", expectation.goal, span, rf"goal{_GAP}({GOAL_ID})")
        if expectation.payment is not None:
            self._refer("value", expectation.payment, span, rf"payment{_GAP}({NAME})")
        if expectation.split is not None:
            self._refer("split", expectation.split, span, rf"split{_GAP}({NAME})")

    def _walk(self, expr: s.Expr, bound: frozenset[str]) -> None:
        pending = [(expr, bound)]
        while pending:
            node, names = pending.pop()
            match node:
                case s.Name(name=name):
                    if name not in names and name != "?" and name != "deliverables":
                        self.references.append(Reference("value", name, node.span, node.span))
                case s.GoalValue(goal=str(goal)):
                    self._refer("goal", goal, node.span, rf"\bgoal{_GAP}({GOAL_ID})", anywhere=True)
                case s.Aggregate(var=var, source=source, where=where):
                    self.calls.append(FunctionUse(node.function, _head(node.span, node.function)))
                    pending += [(source, names), (where, names | {var})]
                case s.Call(function=function, args=args):
                    self.calls.append(FunctionUse(function, _head(node.span, function)))
                    pending += [(arg, names) for arg in args]
                case s.PeriodValue():  # hovered as what it reads (`period_hover`)
                    self.calls.append(FunctionUse(expr_text(node), node.span))
                case s.Comprehension(element=element, var=var, source=source, where=where):
                    pending += [(source, names), (element, names | {var})]
                    if where is not None:
                        pending.append((where, names | {var}))
                case _:
                    pending += [(child, names) for child in s.children(node)]

    # ---- asking ----

    def resolve(self, namespace: str, name: str) -> Declaration | None:
        return self._resolved.get((namespace, name))

    def at(self, line: int, column: int) -> Declaration | Reference | FunctionUse | None:
        """What stands at a place: a declared name, a use of one, or a function's name."""
        for touching in (False, True):
            for declaration in self.declarations:
                if _inside(declaration.name_span, line, column, touching):
                    return declaration
            for reference in self.references:
                if _inside(reference.span, line, column, touching):
                    return reference
            for call in self.calls:
                if _inside(call.span, line, column, touching):
                    return call
        return None

    def definition(self, line: int, column: int) -> Declaration | None:
        """The declaration of what stands at a place."""
        found = self.at(line, column)
        if isinstance(found, Reference):
            return self.resolve(found.namespace, found.name)
        return found if isinstance(found, Declaration) else None

    def references_to(self, declaration: Declaration, with_declaration: bool = True) -> list[Span]:
        """Every place a declaration's name is used, in written order; its own name first."""
        uses = sorted({r.span for r in self.references
                       if (r.namespace, r.name) == (declaration.namespace, declaration.name)},
                      key=lambda span: (span.line, span.column))
        return [declaration.name_span, *uses] if with_declaration else uses

    def unresolved(self) -> Iterator[Reference]:
        """Uses of names that nothing declares."""
        return (r for r in self.references if self.resolve(r.namespace, r.name) is None)

    def hover(self, line: int, column: int) -> tuple[str, Span] | None:
        """What stands at a place, as Markdown, and the span it is about."""
        found = self.at(line, column)
        if isinstance(found, FunctionUse) and found.name.startswith(PERIOD):
            return self.period_hover(found.name), found.span
        if isinstance(found, FunctionUse):
            return function_hover(found.name), found.span
        if isinstance(found, Reference):
            declaration = self.resolve(found.namespace, found.name)
            return (self.describe(declaration), found.span) if declaration is not None else None
        if isinstance(found, Declaration):
            return self.describe(found), found.name_span
        return None

    def period_hover(self, written: str) -> str:
        """`period.year` and the like: what it reads, in this contract's reporting periods."""
        field = written.partition(".")[2]
        what = {"year": "the reporting period's year", "start": "the reporting period's first day",
                "end": "the reporting period's last day"}.get(field, "the reporting period: `DATE in period`")
        header = self.module.header
        if header is None or header.period is None:
            periods = "the contract has no `period`"
        elif header.each is None:
            periods = f"the contract's period: {header.period[0]} .. {header.period[1]}"
        else:
            periods = _reporting_periods(header.period, header.each)
        return _paragraphs(f"**{markdown(written)}**", what, periods)

    def describe(self, declaration: Declaration) -> str:
        """A declaration in Markdown: every text from the contract escaped."""
        node = declaration.node
        match node:
            case s.Fact():
                return _paragraphs(f"**fact** {markdown(node.name)}", f"type: {markdown(str(node.type))}",
                                   node.range and "range: " + markdown(
                                       f"{expr_text(node.range.low)} .. {expr_text(node.range.high)}"),
                                   node.label and "shown to readers as: " + markdown(node.label),
                                   _unit_text(node.unit),
                                   node.description and markdown(node.description))
            case s.Metric():
                return _paragraphs(f"**metric** {markdown(node.name)}", "= " + markdown(expr_text(node.expr)),
                                   f"type: {self._type_of(node.name)}", self._keys_of(node.name),
                                   node.label and "shown to readers as: " + markdown(node.label),
                                   _unit_text(node.unit),
                                   node.description and markdown(node.description))
            case s.Payment():
                return _paragraphs(f"**payment** {markdown(node.name)}" + (
                    f": {markdown(node.title)}" if node.title else ""),
                    "= " + markdown(expr_text(node.expr)), f"type: {self._type_of(node.name)}")
            case s.Deliverable():
                return _paragraphs(f"**deliverable** {markdown(node.name)}: {markdown(node.title)}",
                                   f"of goal {markdown(node.goal)}", "due: " + (
                                       markdown(expr_text(node.due)) if node.due is not None else "no date"))
            case s.Goal():
                return _goal(node)
            case s.Split():
                return _split(node)
            case s.Example():
                return _paragraphs(f"**example** {markdown(node.name)}",
                                   node.period and f"reporting period {node.period}",
                                   node.as_of and f"as of {node.as_of}",
                                   f"{_count(len(node.givens), 'given value')}, "
                                   f"{_count(len(node.expectations), 'expectation')}")
            case s.Header():
                return _paragraphs(f"**contract** {markdown(node.title)}",
                                   node.parties and "parties: " + ", ".join(markdown(p) for p in node.parties),
                                   node.period and f"period: {node.period[0]} .. {node.period[1]}",
                                   node.currency and f"currency: {node.currency}",
                                   node.language and f"language: {markdown(node.language)}",
                                   node.period and node.each and _reporting_periods(node.period, node.each))
        raise AssertionError(f"no description for {declaration.kind}")

    def _keys_of(self, name: str) -> str | None:
        """`keys: "bolig_3m", "nvq2"`: the keys of a table written in the contract."""
        found = self.analysis.types.get(name) if self.analysis is not None else None
        if found is None or found.keys is None:
            return None
        shown = [key_text(key) for key in found.keys[:MAX_KEYS_SHOWN]]
        more = len(found.keys) - MAX_KEYS_SHOWN
        return "keys: " + markdown(", ".join(shown)) + (f" and {more} more" if more > 0 else "")

    def _type_of(self, name: str) -> str:
        found = self.analysis.types.get(name) if self.analysis is not None else None
        return markdown(str(found)) if found is not None else "not known (see the problems)"

    def type_of(self, name: str) -> Type | None:
        """The type of a declared name, where the checks could give it one."""
        declaration = self.resolve("value", name)
        if declaration is not None and isinstance(declaration.node, s.Fact):
            return declaration.node.type
        return self.analysis.types.get(name) if self.analysis is not None else None

    def outline(self) -> list[Outline]:
        """The declarations in written order; a goal's deliverables inside it."""
        entries: list[Outline] = []
        by_node = {id(d.node): d for d in self.declarations}
        for item in self.module.items:
            declaration = by_node.get(id(item))
            if declaration is None:
                continue
            children: tuple[Outline, ...] = ()
            if isinstance(item, s.Goal):
                children = tuple(_entry(by_node[id(d)]) for d in item.deliverables if id(d) in by_node)
            entries.append(attrs.evolve(_entry(declaration), children=children))
        return entries


def _entry(declaration: Declaration) -> Outline:
    node = declaration.node
    name, detail = declaration.name, ""
    match node:
        case s.Goal():
            name, detail = f"goal {node.id}", node.title
        case s.Fact():
            detail = str(node.type)
        case s.Metric() | s.Payment():
            detail = expr_text(node.expr)
        case s.Deliverable():
            detail = node.title
        case s.Split():
            detail = node.method
        case s.Header():
            name, detail = "contract", node.title
    return Outline(declaration.kind, name or declaration.kind, detail, declaration.span, declaration.name_span)


def _head(span: Span, name: str) -> Span:
    """The name at the start of a call."""
    return Span(span.source, span.line, span.column, span.line, span.column + len(name))


def _expressions(item: object) -> Iterator[tuple[s.Expr, frozenset[str]]]:
    """The expressions a declaration holds (a shorthand tier's repeated subject left out)."""
    free: frozenset[str] = frozenset()
    match item:
        case s.Fact(range=s.Range() as range_):
            yield from ((bound, free) for bound in (range_.low, range_.high))
        case s.Metric(expr=expr) | s.Payment(expr=expr):
            yield expr, free
        case s.Goal():
            if item.applies is not None:
                yield item.applies, free
            for deliverable in item.deliverables:
                if deliverable.due is not None:
                    yield deliverable.due, free
            for requirement in item.requirements:
                yield requirement.condition, free
            for tier in item.tiers:
                if isinstance(tier.condition, s.Compare) and tier.shorthand:
                    yield tier.condition.right, free
                elif tier.condition is not None:
                    yield tier.condition, free
                yield tier.fulfilment, free
        case s.Split():
            if item.total is not None:
                yield item.total, free
            if item.unit is not None:
                yield item.unit, free
        case s.Example():
            for given in item.givens:
                yield given.value, free
            for expectation in item.expectations:
                if expectation.value is not None:
                    yield expectation.value, free


def _reporting_periods(period: tuple[dt.date, dt.date], each: str) -> str:
    """`reporting periods (each year): 2008, 2009, 2010, 2011`, shortened past a dozen."""
    names = [p.name for p in reporting_periods(*period, each)]
    shown = names if len(names) <= 12 else [*names[:5], "…", *names[-5:]]
    return f"reporting periods (each {each}): " + ", ".join(shown)


def _paragraphs(*parts: object) -> str:
    return "\n\n".join(str(part) for part in parts if part)


def _count(number: int, word: str, words: str | None = None) -> str:
    return f"{number} {word if number == 1 else words or word + 's'}"


def _tier(tier: s.Tier) -> str:
    fulfilment = expr_text(tier.fulfilment)
    if tier.condition is None:
        return markdown(f"else -> {fulfilment}")
    if tier.shorthand and isinstance(tier.condition, s.Compare):
        return markdown(f"{tier.condition.op} {expr_text(tier.condition.right)} -> {fulfilment}")
    return markdown(f"{expr_text(tier.condition)} -> {fulfilment}")


def _goal(goal: s.Goal) -> str:
    lines = [f"- require {markdown(expr_text(r.condition))} ({markdown(r.reason)})" for r in goal.requirements]
    lines += [f"- {_tier(tier)}" for tier in goal.tiers] or ["- no score"]
    return _paragraphs(f"**goal {markdown(goal.id)}**: {markdown(goal.title)}",
                       goal.applies is not None and "applies when " + markdown(expr_text(goal.applies))
                       + " (else not applicable)",
                       goal.group and f"group: {markdown(goal.group)}",
                       goal.weight != 1 and f"weight: {number_literal(goal.weight)}",
                       "\n".join(lines),
                       goal.deliverables and "deliverables: " + ", ".join(
                           markdown(d.name) for d in goal.deliverables))


def _split(split: s.Split) -> str:
    if split.shares_from is not None:
        shares = f"shares from {markdown(split.shares_from)}"
    else:
        shares = f"shares: {_count(len(split.shares), 'party', 'parties')}"
    return _paragraphs(f"**split** {markdown(split.name)}" + (f": {markdown(split.title)}" if split.title else ""),
                       f"method: {markdown(split.method)}",
                       "total: " + (markdown(expr_text(split.total)) if split.total is not None else "none"),
                       split.installments != 1 and f"installments: {split.installments}",
                       split.unit is not None and f"unit: {markdown(expr_text(split.unit))}",
                       split.key and f"key: {markdown(split.key)}", shares)


def function_hover(name: str) -> str:
    function = FUNCTIONS.get(name)
    if function is None:
        return f"{markdown(name)}: not a function of the language"
    words = function.words.get("en")
    use = (f"{markdown(name)}(a in answers where ...)" if function.quantifier
           else f"{markdown(name)}(...)")
    return _paragraphs(f"**function** {markdown(name)}", f"built in: {use}",
                       words and markdown(words.format("...")))


# ---- completion ----------------------------------------------------------------


@attrs.frozen
class Candidate:
    """Something that may be written at a place."""

    label: str
    kind: str  # "fact", "metric", "deliverable", "payment", "bound", "function", "keyword", "choice", "goal"
    detail: str = ""
    text: str | None = None  # what to write, where it is not the label
    replace: Span | None = None  # what it replaces (an open quote and what follows it)
    first: bool = False  # list it before the others


WORDS = tuple(sorted(KEYWORDS | PLACE_WORDS))
_BINDING = re.compile(rf"\(\s*({NAME})\s+in\s+({NAME})")
_COMPARED = re.compile(rf"({NAME}(?:\.{NAME})?)\s*(?:==|!=|=)\s*(\"(?:[^\"\\\n]|\\.)*)?\Z")
_MEMBER = re.compile(rf"({NAME}(?:\.{NAME})?)\s+(?:not\s+)?in\s*\{{(?:\s*{STRING}\s*,)*\s*(\"(?:[^\"\\\n]|\\.)*)?\Z")
_FOR = re.compile(rf"\bfor\s+({NAME})\s+in\s+({NAME})")
_FIELD_AT = re.compile(rf"({NAME})\.(\w*)\Z")
_NEXT_DECLARATION = re.compile(rf"\n\s*(?:{'|'.join(DECLARATIONS)})\b")
_OUT_OF = 3  # brackets a place may stand in inside a comprehension: `sum(t[f(k.|)] for k in ks)`
_DEPTH = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}
_GOAL_AT = re.compile(rf"(?:\(|\bexpect|,)\s*goal\s+(?:{GOAL_ID})?\Z")
PERIOD = "period"
_PERIOD_DOT = re.compile(r"\bperiod\.\w*\Z")
_PERIOD_FIELDS = {"year": "the reporting period's year", "start": "the reporting period's first day",
                  "end": "the reporting period's last day"}


def complete(lines: Lines, index: Index | None, line: int, column: int, start: int = 0) -> list[Candidate]:
    """What may be written at a place: `one of` choices in a comparison, goal ids after `goal`,
    else names in scope, functions and keywords. `start` is where the declaration being written
    begins (an offset), so that names bound by quantifiers around the place are found even when
    the text does not parse."""
    at = lines.offset(line, column)
    before = lines.text[start:at]
    inside = _inside_what(before)
    if inside in ("comment", "text block"):
        return []
    if inside == "code" and _PERIOD_DOT.search(before[-200:]):  # `period.`: no record's field
        return [Candidate(field, "keyword", _PERIOD_FIELDS[field], first=True) for field in PERIOD_FIELDS]
    field = _FIELD_AT.search(before[-200:]) if inside == "code" else None
    if field is not None:
        return _fields(index, before[:len(before) - len(field.group(0))], field.group(1),
                       lines.text[at:at + 2000])
    choices = _choices(lines, index, before, line, column)
    if inside == "text":
        return choices
    if _GOAL_AT.search(before[-200:]):
        return _goals(index)
    late = re.match(r"(payment|split)\b", lines.text[start:start + 8]) is not None
    return choices + _everything(index, before, late)


def _inside_what(text: str) -> str:
    """What the end of `text` stands in: "code", a "text", a "text block" or a "comment"."""
    state, at = "code", 0
    ends = {"text": re.compile(r'(?:[^"\\\n]|\\.)*(["\n]|\Z)'), "comment": re.compile(r"[^\n]*(\n|\Z)"),
            "text block": re.compile(r'[\s\S]*?(""")|[\s\S]*(\Z)')}
    starts = re.compile(r'(""")|(")|(#)')
    while at < len(text):
        if state == "code":
            found = starts.search(text, at)
            if found is None:
                return "code"
            state = "text block" if found.group(1) else "text" if found.group(2) else "comment"
            at = found.end()
        else:
            found = ends[state].match(text, at)
            assert found is not None
            if found.group(found.lastindex or 1) == "":
                return state
            state, at = "code", found.end()
    return state


def _choices(lines: Lines, index: Index | None, before: str, line: int, column: int) -> list[Candidate]:
    tail = before[-2000:]
    found = _COMPARED.search(tail) or _MEMBER.search(tail)
    if found is None or index is None:
        return []
    name, partial = found.group(1), found.group(2)
    record, _, field = name.partition(".")
    type_ = _type_here(index, before, record, after=lines.text[lines.offset(line, column):][:2000])
    if field:  # `k.resultat = "`: the answers of the field
        type_ = type_.field(field) if type_ is not None and type_.kind == RECORD else None
    if type_ is None or not type_.choices:
        return []
    replace = None
    if partial is not None:
        at = lines.offset(line, column)
        end = at + 1 if lines.text[at:at + 1] == '"' else at
        replace = lines.span(index.source, at - len(partial), end)
    return [Candidate(choice, "choice", f"an answer of {name}", quote(choice), replace, first=True)
            for choice in type_.choices]


def _fields(index: Index | None, before: str, name: str, after: str) -> list[Candidate]:
    """`k.`: the fields of the record `k` stands for, in declared order, with their types."""
    if index is None:
        return []
    found = _type_here(index, before, name, after=after)
    if found is None or found.kind != RECORD:
        return []
    return [Candidate(field, "field", str(type_), first=True) for field, type_ in found.fields or ()]


def _open_comprehensions(before: str, after: str) -> Iterator[re.Match[str]]:
    """`for k in krav` of the comprehensions whose brackets are open where `before` ends:
    written before that place, or after it inside the same brackets (`sum(k.| for k in krav)`)."""
    open_from = _open_at_end(before, _DEPTH)
    for binding in _FOR.finditer(before):
        if open_from(binding.start(), binding.end(), 0):
            yield binding
    # Up to the end of the declaration, out of the brackets the place stands in (`[k.|]` of
    # `sum(takster[k.|] for k in krav)`), but not out of the comprehension's own.
    declaration = _NEXT_DECLARATION.search(after)
    inside = []
    depth = 0
    for char in _code(after[:declaration.start()] if declaration else after):
        depth += _DEPTH.get(char, 0)
        if depth < -_OUT_OF:
            break
        inside.append(char)
    yield from _FOR.finditer("".join(inside))


def _type_here(index: Index, before: str, name: str, depth: int = 0, after: str = "") -> Type | None:
    """The type of `name` where `before` ends: a declared name's, or, for a name bound by a
    quantifier or a comprehension still open there, the type of the elements it is bound to."""
    for binding in reversed(list(_open_comprehensions(before, after))):
        if binding.group(1) == name and depth < 8 and binding.group(2) != name:
            source = _type_here(index, before[:binding.start()] if binding.string is before else before,
                                binding.group(2), depth + 1)
            return source.element if source is not None and source.kind == LIST else None
    for binding in reversed(list(_open_bindings(before))):
        if binding.group(1) == name and depth < 8:
            source = _type_here(index, before[:binding.start()], binding.group(2), depth + 1)
            return source.element if source is not None and source.kind in (LIST, TABLE) else None
    return index.type_of(name)


def _open_bindings(before: str) -> Iterator[re.Match[str]]:
    """`(a in svar` in `before` whose bracket is still open at its end."""
    open_from = _open_at_end(before, {"(": 1, ")": -1})
    for binding in _BINDING.finditer(before):
        if open_from(binding.start(), binding.start(), 1):
            yield binding


def _open_at_end(text: str, depths: Mapping[str, int]) -> Callable[[int, int, int], bool]:
    """`open_from(at, start, least)`: whether the code of `text` from `start` on never closes
    more brackets than it opened, less `least` (so `least=1` asks that the bracket at `start`
    stays open), for a binding found at `at` in code, not in a text or a comment. One pass over
    `text` answers every binding: scanning the rest of the text for each made completion
    quadratic, and a long declaration of many `for` kept the editor waiting for minutes."""
    places: list[int] = []  # where each character of code stands in `text`
    levels: list[int] = []  # the depth before it, counted from the start of `text`
    depth = 0
    for place, char in _code_places(text):
        places.append(place)
        levels.append(depth)
        depth += depths.get(char, 0)
    lowest = [depth] * (len(levels) + 1)  # the lowest depth after any character from there on
    for number in range(len(levels) - 1, -1, -1):
        lowest[number] = min(lowest[number + 1], levels[number + 1] if number + 1 < len(levels) else depth)

    def open_from(at: int, start: int, least: int) -> bool:
        if bisect.bisect_left(places, at) == len(places) or places[bisect.bisect_left(places, at)] != at:
            return False  # inside a text or a comment: no binding
        number = bisect.bisect_left(places, start)
        if number == len(places):
            return True
        return lowest[number] - levels[number] >= least

    return open_from


def _code(text: str) -> Iterator[str]:
    """The characters of `text` outside quoted texts and comments."""
    for _, char in _code_places(text):
        yield char


def _code_places(text: str) -> Iterator[tuple[int, str]]:
    """The characters of `text` outside quoted texts and comments, with where each stands."""
    quoted = comment = False
    previous = ""
    for place, char in enumerate(text):
        if comment:
            comment = char != "\n"
        elif quoted:
            quoted = not (char == '"' and previous != "\\") and char != "\n"
        elif char == '"':
            quoted = True
        elif char == "#":
            comment = True
        else:
            yield place, char
        previous = char


def _goals(index: Index | None) -> list[Candidate]:
    if index is None:
        return []
    return [Candidate(goal.id, "goal", goal.title, first=True) for goal in index.module.goals]


def _everything(index: Index | None, before: str, late: bool) -> list[Candidate]:
    """Names bound around the place, declared names (payments only where they may be used:
    `late`, in a payment or a split), functions and keywords."""
    candidates: list[Candidate] = []
    seen: set[str] = set()
    for binding in [*_open_bindings(before), *_open_comprehensions(before, "")]:
        if binding.group(1) not in seen:
            seen.add(binding.group(1))
            candidates.append(Candidate(binding.group(1), "bound", f"each element of {binding.group(2)}"))
    if index is not None:
        for declaration in index.declarations:
            if declaration.namespace == "value" and declaration.name not in seen and (
                    late or declaration.kind != "payment"):
                seen.add(declaration.name)
                candidates.append(Candidate(declaration.name, declaration.kind, _detail(index, declaration)))
    candidates += [Candidate(name, "function", "built-in function") for name in sorted(FUNCTIONS)]
    candidates += [Candidate(word, "keyword") for word in WORDS if word not in seen]
    return candidates


def _detail(index: Index, declaration: Declaration) -> str:
    node = declaration.node
    if isinstance(node, s.Deliverable):
        return f"deliverable of goal {node.goal}"
    found = index.type_of(declaration.name)
    return f"{declaration.kind}: {found}" if found is not None else declaration.kind


def words_in(text: str) -> set[str]:
    """The words and goal ids a text holds, to tell which problems a text taken out explains."""
    words = set(re.findall(NAME, text))
    words |= {f"goal {m}" for m in re.findall(rf"\bgoal{_GAP}({GOAL_ID})", text)}
    return words


def _unit_text(unit: tuple[str, str] | None) -> str | None:
    """`unit: dag, dage` in a hover: what a value is shown with."""
    if unit is None:
        return None
    return "unit: " + markdown(unit[0] if unit[0] == unit[1] else f"{unit[0]}, {unit[1]}")
