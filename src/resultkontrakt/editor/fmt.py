"""`rk fmt`: a contract printed in one canonical layout, comments and text blocks kept.

The layout: declarations in the order written, a blank line between them,
four spaces of indentation, a goal's lines in a fixed order (group, weight,
text, deliverables, requirements, score), tiers on one line when they fit in
100 columns and one per line when they do not, split weights in a column.
Formatting twice gives the same text, and the formatted contract loads to
the same contract.

Comments are kept where they stand relative to the code: a comment on a
line of its own goes before the next line of code, a comment after code stays
at the end of that line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from ..core.errors import ContractError, FormatError, Problem, RkError, Span
from ..core.reasons import Word, phrase, problem
from ..core.values import RECORD, Type
from ..core.vocabulary import KEYWORDS, number_literal, quote
from ..language import syntax as s
from ..language.build import build
from ..language.parser import parse
from ..language.printer import comprehension_text, expr_text, key_text, sum_text

WIDTH = 100
INDENT = "    "
_NAME = re.compile(r"[^\W\d]\w*")


@attrs.frozen
class Comment:
    line: int
    text: str
    trailing: bool  # code stands before it on its line
    blank_after: bool = False  # a blank line follows it: the comment heads a section


def comments(text: str) -> list[Comment]:
    """Every `#` comment outside texts and text blocks, with its line."""
    lines = text.split("\n")
    found: list[Comment] = []
    line, at, code_before = 1, 0, False
    while at < len(text):
        char = text[at]
        if text.startswith('"""', at):
            end = text.find('"""', at + 3)
            end = len(text) if end < 0 else end + 3
            line += text.count("\n", at, end)
            at, code_before = end, True
        elif char == '"':
            end = at + 1
            while end < len(text) and text[end] not in '"\n':
                end += 2 if text[end] == "\\" else 1
            at, code_before = end + 1, True
        elif char == "#":
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            blank = line < len(lines) and not lines[line].strip()
            found.append(Comment(line, text[at:end].rstrip(), code_before, blank and not code_before))
            at = end
        elif char == "\n":
            line, at, code_before = line + 1, at + 1, False
        else:
            code_before = code_before or not char.isspace()
            at += 1
    return found


class _Comments:
    """Hands out each comment once: before the line of code that follows it,
    or at the end of the line of code it follows."""

    def __init__(self, found: list[Comment]):
        self.own = sorted((c for c in found if not c.trailing), key=lambda c: c.line)
        self.trailing = {c.line: c for c in found if c.trailing}
        self.lines = [c.line for c in self.own]
        self.taken = 0
        self.spilled: list[str] = []

    def before(self, line: int) -> list[str]:
        """Own-line comments above `line` not yet printed ("" where a blank line followed one)."""
        upto = bisect.bisect_left(self.lines, line)
        out: list[str] = []
        for comment in self.own[self.taken:upto]:
            out.append(comment.text)
            if comment.blank_after:
                out.append("")
        self.taken = max(self.taken, upto)
        return out

    def after(self, first: int, last: int) -> str:
        """The trailing comment on the lines `first`..`last`, for the end of their one line.

        Where several lines of code with a comment each become one line, only the last
        comment can end it; the others are `spilled`, to stand on lines of their own just
        above it, each as written."""
        texts = [self.trailing.pop(n).text for n in range(first, last + 1) if n in self.trailing]
        self.spilled += texts[:-1]
        return ("  " + texts[-1]) if texts else ""

    def rest(self) -> list[str]:
        out = [c.text for c in self.own[self.taken:] if c.text]
        out += [c.text for _, c in sorted(self.trailing.items())]
        self.taken, self.trailing = len(self.own), {}
        return out


def format_text(text: str, source: str = "<string>") -> str:
    """The contract `text` in the canonical layout, with `\n` line ends.

    Raises RkSyntaxError if it does not parse, and FormatError if the layout
    would not read back as the same contract with the same comments: then
    nothing should be written, whatever the printer got wrong.
    """
    from ..contract.contract import prepared

    text = prepared(text, source)
    module, problems = build(parse(text, source), source)
    if problems:  # e.g. a date not in the calendar: there is nothing right to print for it
        raise ContractError(problems, {source: text})
    found = comments(text)
    formatted = _Printer(_Comments(found)).module(module)
    _same_contract(module, found, formatted, source)
    return formatted


def _same_contract(module: s.Module, found: list[Comment], formatted: str, source: str) -> None:
    """FormatError unless `formatted` reads back as `module`, with the same comments."""
    why: Problem | None = None
    try:
        again, problems = build(parse(formatted, source), source)
    except RkError as error:
        why = problem("fmt.does-not-parse", hint="fmt", problem=error.problems[0])
    else:
        if problems:
            why = problem("fmt.has-error", hint="fmt", problem=problems[0])
        elif tuple(again.items) != tuple(module.items):
            changed = next((a for a, b in zip(module.items, again.items, strict=False) if a != b), None)
            what = _describe_item(changed) if changed is not None else Word("ref.count")
            why = problem("fmt.would-change", hint="fmt", what=what)
        elif sorted(c.text for c in comments(formatted)) != sorted(c.text for c in found):
            # Comments move with the lines they belong to, so only their order may change.
            why = problem("fmt.loses-comment", hint="fmt")
    if why is not None:
        raise FormatError([why])


def _describe_item(item: object) -> object:
    match item:
        case s.Goal():
            return phrase("ref.goal", goal=item.id)
        case s.Fact() | s.Metric() | s.Split() | s.Payment():
            return phrase("ref.name", name=item.name)
        case s.Example():
            return phrase("ref.example", name=quote(item.name))
    return Word("ref.header")


@attrs.frozen
class Layout:
    """What `rk fmt --write` keeps of a file besides its text: the byte-order mark and line ends."""

    bom: bool
    newline: str

    @classmethod
    def of(cls, text: str) -> Layout:
        crlf = text.count("\r\n")
        cr = text.count("\r") - crlf
        lf = text.count("\n") - crlf
        newline = max((("\n", lf), ("\r\n", crlf), ("\r", cr)), key=lambda pair: pair[1])[0]
        return cls(text.startswith("\ufeff"), newline)

    def apply(self, text: str) -> str:
        """`text`, whatever its own line ends and BOM, in this layout."""
        plain = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        return ("\ufeff" if self.bom else "") + plain.replace("\n", self.newline)


# The layout of text for the screen: no byte-order mark, \n line ends.
PLAIN = Layout(bom=False, newline="\n")


def format_file(data: bytes, source: str) -> bytes:
    """A contract file's bytes in the canonical layout, keeping its BOM and line-end style."""
    from ..contract.contract import decode_contract

    text = decode_contract(data, source)
    return Layout.of(text).apply(format_text(text, source)).encode("utf-8")


def _filled(first: str, pieces: list[str], last: str, pad: str) -> list[str]:
    """`first`, the pieces separated by commas, then `last`: on as few lines as WIDTH allows,
    each line after the first starting with `pad`; a piece is never broken."""
    words = [piece + "," for piece in pieces[:-1]] + [pieces[-1] + last]
    lines, line, empty = [], first, True
    for word in words:
        if empty or len(line) + 1 + len(word) <= WIDTH:
            line += word if empty else " " + word
            empty = False
        else:
            lines.append(line)
            line = pad + word
    return [*lines, line]


def _range_text(range_: s.Range | None) -> str:
    return "" if range_ is None else f" in {expr_text(range_.low)} .. {expr_text(range_.high)}"


def _record_prefix(type_: Type) -> str:
    """What is written before `record {` in a type: `list of `, `optional list of `."""
    prefix = "optional " if type_.optional else ""
    if type_.kind == RECORD:
        return prefix
    assert type_.element is not None
    return prefix + f"{type_.kind} of " + _record_prefix(type_.element)


class _Printer:
    def __init__(self, notes: _Comments):
        self.notes = notes
        self.out: list[str] = []

    def line(self, depth: int, text: str, span: Span | None = None, trailing: str | None = None) -> None:
        """One line of code, after the comments above it; `trailing` None takes its own."""
        if span is not None:
            self.comments_before(depth, span.line)
            if trailing is None:
                trailing = self.notes.after(span.line, span.line)
        self.spill(depth)
        self.out.append((INDENT * depth + text).rstrip() + (trailing or ""))

    def spill(self, depth: int) -> None:
        """Comments that ended lines now joined into one: each on a line of its own."""
        self.out.extend(INDENT * depth + text for text in self.notes.spilled)
        self.notes.spilled = []

    def comments_before(self, depth: int, line: int) -> None:
        for note in self.notes.before(line):
            self.out.append(INDENT * depth + note if note else "")

    def module(self, module: s.Module) -> str:
        for index, item in enumerate(module.items):
            if index:
                self.out.append("")
            match item:
                case s.Header():
                    self.header(item)
                case s.Fact():
                    self.fact(item)
                case s.Metric():
                    self.metric(item)
                case s.Goal():
                    self.goal(item)
                case s.Split():
                    self.split(item)
                case s.Payment():
                    self.payment(item)
                case s.Example():
                    self.example(item)
        rest = self.notes.rest()
        if rest:
            if self.out:
                self.out.append("")
            self.out.extend(rest)
        return "\n".join(self.out).strip("\n") + "\n"

    # ---- blocks ----

    def open(self, depth: int, text: str, span: Span, inner: list[Span] | None = None) -> None:
        # A comment on the opening line belongs to what follows the brace, if anything does.
        shared = any(child.line == span.line for child in inner or [])
        self.line(depth, text + " {", span, "" if shared else self.notes.after(span.line, span.line))

    def close(self, depth: int, span: Span) -> None:
        self.comments_before(depth + 1, span.end_line)
        trailing = self.notes.after(span.end_line, span.end_line)
        self.spill(depth + 1)
        self.out.append(INDENT * depth + "}" + trailing)

    def text_block(self, depth: int, text: str, span: Span | None) -> None:
        self.line(depth, '"""', span)
        for text_line in text.split("\n"):
            self.out.append((INDENT * depth + text_line).rstrip() if text_line else "")
        self.out.append(INDENT * depth + '"""' + (self.notes.after(span.end_line, span.end_line)
                                                  if span else ""))

    def header(self, header: s.Header) -> None:
        self.open(0, f"contract {quote(header.title)}", header.span,
                  [span for _, span in header.item_spans])
        spans = dict(header.item_spans)
        if header.parties:
            self.line(1, "parties " + ", ".join(quote(p) for p in header.parties), spans.get("parties"))
        if header.period:
            each = f" each {header.each}" if header.each is not None else ""
            self.line(1, f"period {header.period[0]} .. {header.period[1]}{each}", spans.get("period"))
        if header.currency is not None:
            self.line(1, f"currency {header.currency}", spans.get("currency"))
        if header.language is not None:
            self.line(1, f"language {quote(header.language)}", spans.get("language"))
        for text, span in zip(header.text, _spans_of(header.item_spans, "text"), strict=True):
            self.text_block(1, text, span)
        self.close(0, header.span)

    def fact(self, fact: s.Fact) -> None:
        if fact.fields:
            self.record_fact(fact)
            return
        self.described(f"fact {fact.name}: {fact.type}" + _range_text(fact.range),
                       _labelled(fact.description, fact.label, fact.unit), fact.span)

    def record_fact(self, fact: s.Fact) -> None:
        """A list of records: a field a line, the description after the closing brace."""
        span, fields = fact.span, fact.fields
        shared = fields[0].span.line == span.line
        self.line(0, f"fact {fact.name}: {_record_prefix(fact.type)}record {{", span,
                  "" if shared else self.notes.after(span.line, span.line))
        for field, following in zip(fields, (*fields[1:], None), strict=True):
            label = "" if field.label is None else f" label {quote(field.label)}"
            # A field named `label` after one without a label would be read as that one's label.
            comma = "," if field.label is None and following is not None and following.name == "label" else ""
            rest = _range_text(field.range) + label + comma
            text = f"{field.name}: {field.type}" + rest
            if len(INDENT + text) <= WIDTH or field.type.choices is None:
                self.line(1, text, field.span)
                continue
            # A long `one of`: its answers filled onto lines under the first.
            first = f"{INDENT}{field.name}: {'optional ' if field.type.optional else ''}one of {{"
            lines = _filled(first, [quote(choice) for choice in field.type.choices], "}" + rest,
                            " " * len(first))
            self.comments_before(1, field.span.line)
            self.spill(1)
            self.out.extend(lines[:-1])
            self.out.append(lines[-1] + self.notes.after(field.span.line, field.span.end_line))
        last = fields[-1].span.end_line
        self.comments_before(1, span.end_line)
        described = _labelled(fact.description, fact.label, fact.unit)
        closing = "}" if described is None else "} " + described
        self.spill(1)
        if len(closing) > WIDTH and described is not None:  # the description under the brace
            self.out += ["}", INDENT + described + self.notes.after(last + 1, span.end_line)]
        else:
            self.out.append(closing + self.notes.after(last + 1, span.end_line))

    def metric(self, metric: s.Metric) -> None:
        head = f"metric {metric.name} = "
        described = _labelled(metric.description, metric.label, metric.unit)
        if not (self.chain(head, metric.expr, metric.span, described)
                or self.rows(head, metric.expr, metric.span, described)
                or self.table(head, metric.expr, metric.span, described)):
            self.described(f"metric {metric.name} = {expr_text(metric.expr)}", described, metric.span)

    def described(self, text: str, description: str | None, span: Span) -> None:
        """`text`, and under it its description (already quoted, with its label if any)."""
        if description is None:
            self.line(0, text, span, self.notes.after(span.line, span.end_line))
        elif span.line == span.end_line:  # written on one line: its comment follows the description
            self.line(0, text, span, "")
            self.out.append(INDENT + description + self.notes.after(span.line, span.line))
        else:
            self.line(0, text, span, self.notes.after(span.line, span.line))
            self.out.append(INDENT + description + self.notes.after(span.line + 1, span.end_line))

    def payment(self, payment: s.Payment) -> None:
        title = f" {quote(payment.title)}" if payment.title is not None else ""
        head = f"payment {payment.name}{title} = "
        if not self.chain(head, payment.expr, payment.span, None):
            self.line(0, head + expr_text(payment.expr), payment.span,
                      self.notes.after(payment.span.line, payment.span.end_line))

    def chain(self, head: str, expr: s.Expr, span: Span, description: str | None) -> bool:
        """A chain of `if`s too long for one line: a line for each condition, each `else`
        under the first `if`, with the comments written beside each branch kept beside it.
        False, and nothing printed, where the definition fits on one line or is no chain."""
        if len(head + expr_text(expr)) <= WIDTH or not isinstance(expr, s.If):
            return False
        pad = " " * len(head)
        branches: list[tuple[str, int, int]] = []  # text, first line, last line
        node: s.Expr = expr
        text = f"{head}if {expr_text(expr.condition)} then {expr_text(expr.then)}"
        while isinstance(node, s.If):
            branches.append((text, node.span.line, node.then.span.end_line))
            node = node.otherwise
            text = (f"{pad}else if {expr_text(node.condition)} then {expr_text(node.then)}"
                    if isinstance(node, s.If) else f"{pad}else {expr_text(node)}")
        branches.append((text, node.span.line, node.span.end_line))
        self.comments_before(0, span.line)
        done = span.line - 1
        for index, (line_text, first, last) in enumerate(branches):
            if index:
                self.out.extend(pad + note if note else "" for note in self.notes.before(first))
            trailing = self.notes.after(done + 1, last)
            self.spill(0)
            self.out.append(line_text + trailing)
            done = last
        if description is not None:
            self.out.append(INDENT + description + self.notes.after(done + 1, span.end_line))
        elif done < span.end_line:
            self.out[-1] += self.notes.after(done + 1, span.end_line)
        return True

    def rows(self, head: str, expr: s.Expr, span: Span, description: str | None) -> bool:
        """A list made by a comprehension too long for one line: its value on the first line,
        `for ...` under it, inside the brackets. False, and nothing printed, where it fits."""
        if not isinstance(expr, s.Comprehension) or len(head + expr_text(expr)) <= WIDTH:
            return False
        element = expr_text(expr.element)
        pad = " " * (len(head) + 1)
        lines = [(f"{head}[{element}", span.line, expr.element.span.end_line),
                 (pad + comprehension_text(expr)[len(element) + 1:] + "]", expr.element.span.end_line + 1,
                  span.end_line if description is None else expr.span.end_line)]
        self.comments_before(0, span.line)
        for text, first, last in lines:
            self.spill(0)
            self.out.append(text + self.notes.after(first, last))
        if description is not None:
            self.out.append(INDENT + description + self.notes.after(expr.span.end_line + 1, span.end_line))
        return True

    def table(self, head: str, expr: s.Expr, span: Span, description: str | None) -> bool:
        """A table written out too long for one line: its entries filled onto lines, each under
        the first entry. False, and nothing printed, where it fits."""
        if not isinstance(expr, s.TableLiteral) or len(head + expr_text(expr)) <= WIDTH:
            return False
        pieces = [f"{key_text(key)}: {expr_text(value)}" for key, value in expr.pairs]
        lines = _filled(head + "{", pieces, "}", " " * (len(head) + 1))
        self.comments_before(0, span.line)
        self.spill(0)
        self.out.extend(lines[:-1])
        self.out.append(lines[-1] + self.notes.after(span.line, expr.span.end_line))
        if description is not None:
            self.out.append(INDENT + description + self.notes.after(expr.span.end_line + 1, span.end_line))
        elif expr.span.end_line < span.end_line:
            self.out[-1] += self.notes.after(expr.span.end_line + 1, span.end_line)
        return True

    def goal(self, goal: s.Goal) -> None:
        inner = [span for _, span in goal.item_spans] + [d.span for d in goal.deliverables]
        self.open(0, f"goal {goal.id} {quote(goal.title)}", goal.span, inner)
        spans = dict(goal.item_spans)
        if goal.group is not None:
            self.line(1, f"group {quote(goal.group)}", spans.get("group"))
        if "weight" in spans:
            self.line(1, f"weight {number_literal(goal.weight)}", spans["weight"])
        for text, span in zip(goal.text, _spans_of(goal.item_spans, "text"), strict=True):
            self.text_block(1, text, span)
        if goal.applies is not None:
            self.line(1, f"applies when {expr_text(goal.applies)}", spans.get("applies"))
        for deliverable in goal.deliverables:
            due = f" due {sum_text(deliverable.due)}" if deliverable.due is not None else ""
            self.line(1, f"deliverable {deliverable.name} {quote(deliverable.title)}{due}", deliverable.span)
        for requirement in goal.requirements:
            self.line(1, f"require {expr_text(requirement.condition)} {quote(requirement.reason)}",
                      requirement.span)
        if goal.tiers:
            self.score(goal.tiers, spans.get("score"))
        self.close(0, goal.span)

    def score(self, tiers: tuple[s.Tier, ...], span: Span | None) -> None:
        written = [_tier(t) for t in tiers]
        one_line = "score " + "; ".join(written)
        if len(INDENT + one_line) <= WIDTH and not any(
                t.span.line in self.notes.trailing for t in tiers[1:] if t.span.line != tiers[0].span.line):
            self.line(1, one_line, span, self.notes.after(span.line, span.end_line) if span else "")
            return
        for index, (tier, text) in enumerate(zip(tiers, written, strict=True)):
            lead = "score " if index == 0 else "      "
            end = ";" if index < len(tiers) - 1 else ""
            self.line(1, lead + text + end, tier.span)

    def split(self, split: s.Split) -> None:
        title = f" {quote(split.title)}" if split.title is not None else ""
        self.open(0, f"split {split.name}{title}", split.span, [span for _, span in split.item_spans])
        spans = dict(split.item_spans)
        for text, span in zip(split.text, _spans_of(split.item_spans, "text"), strict=True):
            self.text_block(1, text, span)
        if split.total is not None:
            self.line(1, f"total {sum_text(split.total)}", spans.get("total"))
        if split.parties:
            self.line(1, "parties " + ", ".join(_party(p) for p in split.parties), spans.get("parties"))
        if split.key is not None:
            self.line(1, f"key {quote(split.key)}", spans.get("key"))
        if "installments" in spans:
            self.line(1, f"installments {split.installments}", spans["installments"])
        if split.unit is not None:
            self.line(1, f"unit {expr_text(split.unit)}", spans.get("unit"))
        if "method" in spans:
            self.line(1, f"method {split.method}", spans["method"])
        if split.shares_from is not None:
            self.line(1, f"shares from {split.shares_from}", spans.get("shares_from"))
        elif split.shares or "shares" in spans:
            block = spans.get("shares") or split.span
            self.line(1, "shares {", block, self.notes.after(block.line, block.line))
            names = [_party(share.party) for share in split.shares]
            weights = [number_literal(share.weight) for share in split.shares]
            name_width = max(map(len, names), default=0)
            weight_width = max(map(len, weights), default=0)
            for share, name, weight in zip(split.shares, names, weights, strict=True):
                self.line(2, f"{name.ljust(name_width)}  {weight.rjust(weight_width)}", share.span)
            self.comments_before(2, block.end_line)
            self.out.append(INDENT + "}" + self.notes.after(block.end_line, block.end_line))
        self.close(0, split.span)

    def example(self, example: s.Example) -> None:
        as_of = f" as of {example.as_of}" if example.as_of is not None else ""
        period = f" period {example.period}" if example.period is not None else ""
        self.open(0, f"example {quote(example.name)}{period}{as_of}", example.span,
                  [g.span for g in example.givens] + [e.span for e in example.expectations])
        if example.givens:
            self.listing("given", [_given(g) for g in example.givens], [g.span for g in example.givens])
        if example.expectations:
            self.listing("expect", [_expectation(e) for e in example.expectations],
                         [e.span for e in example.expectations])
        self.close(0, example.span)

    def listing(self, keyword: str, parts: list[str], spans: list[Span]) -> None:
        """`given a = 1, b = 2` on one line if it fits, else one part per line."""
        for span in spans:
            self.comments_before(1, span.line)
        trailing = "".join(self.notes.after(span.line, span.end_line) for span in spans)
        # As many parts to a line as fit, continued under the first part.
        lines = [f"{keyword} {parts[0]}"]
        pad = " " * (len(keyword) + 1)
        for index, part in enumerate(parts[1:], start=2):
            comma = 1 if index < len(parts) else 0  # a line that another follows ends in a comma
            if len(INDENT + lines[-1] + ", " + part) + comma <= WIDTH:
                lines[-1] += ", " + part
            else:
                lines[-1] += ","
                lines.append(pad + part)
        lines[-1] += trailing
        self.out.extend(INDENT + text for text in lines)


def _given(given: s.Given) -> str:
    """`NAME = VALUE`; rows written out that do not fit on a line go one row a line, under the
    first (the lines after the first carry their whole indentation)."""
    text = f"{given.name} = {expr_text(given.value)}"
    value = given.value
    if len(INDENT + "given " + text) <= WIDTH or not isinstance(value, s.ListLiteral) \
            or not all(isinstance(item, s.RecordLiteral) for item in value.items):
        return text
    pad = "\n" + INDENT + " " * len(f"given {given.name} = [")
    return f"{given.name} = [" + ("," + pad).join(expr_text(item) for item in value.items) + "]"


def _spans_of(item_spans: tuple[tuple[str, Span], ...], kind: str) -> Iterator[Span]:
    return (span for name, span in item_spans if name == kind)


def _tier(tier: s.Tier) -> str:
    fulfilment = expr_text(tier.fulfilment)
    if tier.condition is None:
        return f"else -> {fulfilment}"
    if tier.shorthand and isinstance(tier.condition, s.Compare):
        return f"{tier.condition.op} {expr_text(tier.condition.right)} -> {fulfilment}"
    return f"{expr_text(tier.condition)} -> {fulfilment}"


def _expectation(expectation: s.Expectation) -> str:
    if expectation.kind == "goal":
        if expectation.value is None:
            return f"goal {expectation.goal} not evaluable"
        return f"goal {expectation.goal} = {expr_text(expectation.value)}"
    if expectation.kind in ("pending", "not applicable", "provisional"):
        return f"goal {expectation.goal} {expectation.kind}"
    if expectation.kind in ("overall", "points"):
        assert expectation.value is not None
        return f"{expectation.kind} = {expr_text(expectation.value)}"
    if expectation.kind in ("payment pending", "payment not evaluable", "payment provisional"):
        return f"payment {expectation.payment} {expectation.kind.removeprefix('payment ')}"
    if expectation.kind == "payment":
        assert expectation.value is not None
        return f"payment {expectation.payment} = {expr_text(expectation.value)}"
    assert expectation.value is not None
    return (f"split {expectation.split} {_party(str(expectation.party))} = "
            f"{expr_text(expectation.value)}")


def _party(name: str) -> str:
    """A party as a bare name where it can be one, else in quotes."""
    return name if _NAME.fullmatch(name) and name not in KEYWORDS else quote(name)


def _labelled(description: str | None, label: str | None, unit: tuple[str, str] | None = None) -> str | None:
    """A description, a label and a unit as written after a fact or metric:
    `"..." label "..." unit "dag" "dage"` (one form where one serves both: `unit "min."`)."""
    said = [quote(description)] if description is not None else []
    said += [f"label {quote(label)}"] if label is not None else []
    if unit is not None:
        said += [f"unit {quote(unit[0])}" + (f" {quote(unit[1])}" if unit[1] != unit[0] else "")]
    return " ".join(said) or None
