"""The contract document as data: what `rk draft` writes, before any format.

A draft is what a municipality signs: the contract's head (title, parties, period), its own
text blocks as numbered sections (§ 1, § 2, ...), each goal under its group with its tiers said
as a contract says them, each payment and split in words, the follow-up and a signature block
for each party. Every drafted term (the head, each goal, payment and split) carries a *mark*:
a stable name made from the contract, valid as a Word bookmark, by which a signed document is
read back and compared with the rules (`Draft.terms`).

Nothing here knows a format: markdown.py, page.py and docx.py write the same parts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from fractions import Fraction
from typing import TYPE_CHECKING, Union

import attrs

from ..core.vocabulary import MONEY_UNITS
from ..core.wording import Wording, capital, paragraphs, wording_for
from ..language import syntax as s
from ..words.explain import condition_words, formula_words

if TYPE_CHECKING:
    from ..contract.contract import Contract


@attrs.frozen
class Heading:
    """A heading: level 1 is the contract's title, 2 a section (§), 3 a group or a term, 4 a goal
    under its group."""

    level: int
    text: str


def _one_stop(text: str) -> str:
    """One full stop at the end, also where a sentence ends in an abbreviation (`6 mio. kr.`)."""
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text


@attrs.frozen
class Paragraph:
    text: str = attrs.field(converter=_one_stop)
    # "item" for one of a list (a deliverable, a fact); "signature" for a party's name in the
    # signature block, "signature line" for a line to write on there (its date, its signature),
    # which each format draws as it draws a line.
    kind: str = ""


@attrs.frozen
class Table:
    """A real table: its header, its rows, and which columns hold numbers (set right)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    footer: tuple[str, ...] | None = None  # a total, set apart

    @property
    def lines(self) -> tuple[tuple[str, ...], ...]:
        return (self.header, *self.rows, *((self.footer,) if self.footer is not None else ()))


Block = Union[Heading, Paragraph, Table]


@attrs.frozen
class Term:
    """A drafted term: its mark (a Word bookmark's name), what a reader calls it, and its blocks,
    its heading first."""

    mark: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        """The term as drafted, as a signed document is read back: paragraphs (headings too) one
        a line, a table's rows one a line with their cells joined by tabs."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                lines += ["\t".join(row) for row in block.lines]
            else:
                lines.append(block.text)
        return "\n".join(lines)


Part = Union[Heading, Paragraph, Table, Term]


@attrs.frozen
class Draft:
    """The contract document: its parts in reading order, in one language."""

    title: str
    lang: str
    parts: tuple[Part, ...]
    # The first day of the contract's period: the date a .docx is stamped with where
    # SOURCE_DATE_EPOCH is not set (docx.py).
    start: object = None

    def terms(self) -> dict[str, str]:
        """Each drafted term's text, by its mark."""
        return {part.mark: part.text for part in self.parts if isinstance(part, Term)}

    def term_titles(self) -> dict[str, str]:
        """What a reader calls each drafted term, by its mark (`Mål 1: ...`, `Betaling: Bonus`)."""
        return {part.mark: part.title for part in self.parts if isinstance(part, Term)}

    def blocks(self) -> list[tuple[str | None, Block]]:
        """Every block in reading order, with the mark of the term it belongs to (None outside)."""
        found: list[tuple[str | None, Block]] = []
        for part in self.parts:
            if isinstance(part, Term):
                found += [(part.mark, block) for block in part.blocks]
            else:
                found.append((None, part))
        return found


# ---- marks: names of terms, valid as Word bookmarks ---------------------------------------

MARK_LENGTH = 40  # Word's limit on a bookmark's name
_FOLDED = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})


def mark_of(kind: str, name: str, taken: set[str]) -> str:
    """`rk_{kind}_{name}` as a Word bookmark may be named (a letter first, then letters, digits
    and `_`, at most 40): letters folded to ASCII, the rest made `_`; where that is too long or
    taken, shortened and told apart by a short hash of the name, which is stable."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLDED)).encode("ascii", "ignore").decode()
    clean = re.sub(r"[^A-Za-z0-9]+", "_", folded).strip("_").lower()
    mark = f"rk_{kind}_{clean}" if clean else f"rk_{kind}"
    if len(mark) > MARK_LENGTH or mark in taken:
        # Told apart by a hash of the name; where even that is taken (a long name shortened to
        # the same mark twice), by a hash of the name and how many tries it took: still stable.
        stem, tries = mark[:MARK_LENGTH - 9].rstrip("_"), 0
        while True:
            salt = f"\0{tries}" if tries else ""
            digest = hashlib.sha256(f"{kind}\0{name}{salt}".encode()).hexdigest()[:8]
            mark, tries = f"{stem}_{digest}", tries + 1
            if mark not in taken:
                break
    taken.add(mark)
    return mark


# ---- the document, drafted from a contract ---------------------------------------------------


def draft(contract: Contract, lang: str | Wording = "da") -> Draft:
    """The contract `contract` as a document to sign, in the language `lang`."""
    w = wording_for(lang).labelled(contract.analysis.labels)
    return _Drafter(contract, w).draft()


class _Drafter:
    def __init__(self, contract: Contract, w: Wording):
        self.contract = contract
        self.w = w
        self.marks: set[str] = set()
        self.sections = 0
        # Points are said where a goal has a written weight, as results show points then.
        self.weighted = any(kind == "weight" for goal in contract.module.goals for kind, _ in goal.item_spans)

    def section(self, title: str | None = None) -> Heading:
        self.sections += 1
        if title is None:
            return Heading(2, self.w.phrase("draft.section", n=self.sections))
        return Heading(2, self.w.phrase("draft.section titled", n=self.sections, title=title))

    def draft(self) -> Draft:
        contract, module = self.contract, self.contract.module
        parts: list[Part] = [self.head()]
        header = module.header
        for block in header.text if header else ():
            parts.append(self.section())
            parts += [Paragraph(text) for text in paragraphs(block)]
        if module.goals:
            parts.append(self.section(self.w["draft.goals"]))
            parts += self.goals()
        if module.payments:
            parts.append(self.section(self.w["draft.payments"]))
            parts += [self.payment(payment) for payment in module.payments]
        if module.splits:
            parts.append(self.section(self.w["draft.splits"]))
            parts += [self.split(split) for split in module.splits]
        parts.append(self.section(self.w["draft.follow-up"]))
        parts += self.follow_up()
        parts.append(Heading(2, self.w["draft.signatures"]))
        for party in header.parties if header else ():
            parts += [Paragraph(party, "signature"), Paragraph(self.w["draft.signature date"], "signature line"),
                      Paragraph(self.w["draft.signature line"], "signature line")]
        start = header.period[0] if header and header.period else None
        return Draft(contract.title, self.w.lang, tuple(parts), start)

    # ---- the head ----

    def head(self) -> Term:
        w, header = self.w, self.contract.module.header
        blocks: list[Block] = [Heading(1, self.contract.title)]
        if header is not None and header.parties:
            blocks.append(Paragraph(w.phrase("draft.parties", parties=w.listed(list(header.parties)))))
        if header is not None and header.period is not None:
            blocks.append(Paragraph(w.phrase("draft.period", start=w.date(header.period[0]),
                                             end=w.date(header.period[1]))))
            if header.each is not None:
                names = [p.name for p in self.contract.reporting_periods]
                blocks.append(Paragraph(w.phrase("draft.each", each=w[f"draft.each.{header.each}"],
                                                 periods=w.listed(names))))
        else:
            blocks.append(Paragraph(w["draft.no period"]))
        return Term(mark_of("contract", "", self.marks), w.phrase("draft.contract", title=self.contract.title),
                    tuple(blocks))

    # ---- goals ----

    def goals(self) -> list[Part]:
        goals = self.contract.module.goals
        grouped = any(goal.group for goal in goals)
        parts: list[Part] = []
        groups: dict[str | None, list[s.Goal]] = {}
        for goal in goals:
            groups.setdefault(goal.group, []).append(goal)
        for group, members in groups.items():
            if grouped:
                parts.append(Heading(3, group or self.w["no group"].strip("()")))
            parts += [self.goal(goal, 4 if grouped else 3) for goal in members]
        return parts

    def goal(self, goal: s.Goal, level: int) -> Term:
        w = self.w
        title = w.phrase("draft.goal", id=goal.id, title=goal.title)
        blocks: list[Block] = [Heading(level, title)]
        blocks += [Paragraph(text) for block in goal.text for text in paragraphs(block)]
        if goal.applies is not None:
            blocks.append(Paragraph(w.phrase("draft.applies", condition=self.condition(goal.applies))))
        if goal.deliverables:
            blocks.append(Paragraph(w["draft.deliverables"]))
            for deliverable in goal.deliverables:
                if deliverable.due is None:
                    said = w.phrase("draft.deliverable", title=deliverable.title)
                else:
                    due = w.date(deliverable.due_date) if deliverable.due_date else self.due(deliverable.due)
                    said = w.phrase("draft.deliverable due", title=deliverable.title, due=due)
                blocks.append(Paragraph(said, "item"))
        for requirement in goal.requirements:
            blocks.append(Paragraph(w.phrase("draft.requirement", condition=self.condition(requirement.condition))))
        blocks += [Paragraph(text) for text in self.tiers(goal)]
        blocks += [Paragraph(text) for text in self.measures(goal)]
        if self.weighted:
            total = sum((g.weight for g in self.contract.module.goals), Fraction(0))
            blocks.append(Paragraph(w.phrase("draft.weight", weight=w.number(goal.weight), total=w.number(total))))
        return Term(mark_of("goal", goal.id, self.marks), f"{title}", tuple(blocks))

    def measures(self, goal: s.Goal) -> list[str]:
        """How each value the goal's conditions read is worked out, as the contract defines it:
        a table of targets entry by entry (`Mål for publikationer: 2008: 5.100, 2009: 5.350, ...`),
        another metric by its formula in words. They are terms the parties sign, and what
        `--check` compares: a target changed in the document is found."""
        w = self.w
        metrics = self.contract.analysis.metrics
        pending: list[s.Expr] = [tier.condition for tier in goal.tiers if tier.condition is not None]
        pending += [requirement.condition for requirement in goal.requirements]
        pending += [goal.applies] if goal.applies is not None else []
        names: list[str] = []
        while pending:
            expr = pending.pop(0)
            if isinstance(expr, s.Name) and expr.name in metrics and expr.name not in names:
                names.append(expr.name)
            pending.extend(s.children(expr))
        said: list[str] = []
        for name in names:
            expr = metrics[name].expr
            label = capital(w.name(name))
            if isinstance(expr, s.TableLiteral):
                entries = [f"{self.key(key)}: {self.say(value)}" for key, value in expr.pairs]
                said.append(w.phrase("draft.table", label=label, entries=w.listed(entries)))
            else:
                said.append(w.phrase("draft.metric", label=label, formula=self.say(expr)))
        return said

    def key(self, key: object) -> str:
        """A table's key as a contract writes it: a year as it is (2016, never 2.016), a date in
        words, a text as written."""
        if isinstance(key, bool) or not isinstance(key, int | dt.date):
            return str(key)
        return self.w.date(key) if isinstance(key, dt.date) else self.w.number(key, grouped=False)

    def due(self, expr: s.Expr) -> str:
        """A due date worked out from another: `18 måneder efter første indflytning`, as a
        contract says it, not `første indflytning + 18 måneder`."""
        w = self.w
        if isinstance(expr, s.Chain) and len(expr.steps) == 1 and isinstance(expr.steps[0][1], s.Duration):
            op, span = expr.steps[0]
            return w.phrase("draft.after" if op == "+" else "draft.before", span=formula_words(span, w),
                            date=formula_words(expr.first, w))
        return formula_words(expr, w)

    def tiers(self, goal: s.Goal) -> list[str]:
        """The goal's score as a contract says it: `Målet er nået, når NPS er mindst 60, og delvist
        nået (50 %), når NPS er mindst 50.`, and what holds otherwise."""
        w = self.w
        clauses: list[str] = []
        otherwise: str | None = None
        for tier in goal.tiers:
            share = s.literal_value(tier.fulfilment)
            if tier.condition is None:
                if share == 1:
                    otherwise = w["draft.otherwise met"]
                elif share == 0:
                    otherwise = w["draft.otherwise not met"]
                else:
                    otherwise = w.phrase("draft.otherwise partly", fulfilment=self.fulfilment(tier.fulfilment))
                break
            condition = self.condition(tier.condition)
            if share == 1:
                clauses.append(w.phrase("draft.met when", condition=condition))
            elif share == 0:
                clauses.append(w.phrase("draft.not met when", condition=condition))
            else:
                clauses.append(w.phrase("draft.partly when", fulfilment=self.fulfilment(tier.fulfilment),
                                        condition=condition))
        said = [w.phrase("draft.tiers", tiers=f", {w['and']} ".join(clauses))] if clauses else []
        said.append(otherwise or w["draft.otherwise not met"])
        return [" ".join(said)]

    def fulfilment(self, expr: s.Expr) -> str:
        share = s.literal_value(expr)
        if isinstance(share, Fraction):
            return self.w.percent(share)
        return formula_words(expr, self.w)

    def condition(self, expr: s.Expr) -> str:
        """A condition in words; what the goal's deliverables are said as a contract says it
        (`alle leverancer er leveret til tiden`)."""
        w = self.w
        match expr:
            case s.Call(function="all", args=(s.Name(name="deliverables"),)):
                return w["draft.all deliverables"]
            case s.Call(function="any", args=(s.Name(name="deliverables"),)):
                return w["draft.any deliverable"]
            case s.Compare(op=op, left=s.Call(function="count", args=(s.Name(name="deliverables"),)), right=right):
                return w.phrase(f"condition.{op}", left=w["draft.delivered count"], right=self.say(right))
            case s.Chain(steps=steps) if expr.op in ("and", "or"):
                return f" {w[expr.op]} ".join([self.condition(expr.first)] + [self.condition(o) for _, o in steps])
        return condition_words(expr, w)

    def say(self, expr: s.Expr) -> str:
        return formula_words(expr, self.w)

    # ---- payments ----

    def payment(self, payment: s.Payment) -> Term:
        w = self.w
        shown = payment.title or payment.name.replace("_", " ")
        title = w.phrase("draft.payment", title=shown)
        blocks: tuple[Block, ...] = (
            Heading(3, title),
            Paragraph(capital(w.phrase("draft.payment amount", title=shown, formula=formula_words(payment.expr, w)))),
            Paragraph(w["draft.payment after"]),
        )
        return Term(mark_of("payment", payment.name, self.marks), title, blocks)

    # ---- splits ----

    def split(self, split: s.Split) -> Term:
        w = self.w
        title = w.phrase("draft.split", title=capital(split.shown_as.replace("_", " ")))
        blocks: list[Block] = [Heading(3, title)]
        blocks += [Paragraph(text) for block in split.text for text in paragraphs(block)]
        fixed = split.fixed_total
        if fixed is not None:
            blocks.append(Paragraph(w.phrase("draft.split total", total=w.money(fixed.value, fixed.unit))))
        elif split.total is not None:
            blocks.append(Paragraph(w.phrase("draft.split computed", formula=formula_words(split.total, w))))
        if split.key:
            blocks.append(Paragraph(w.phrase("draft.split key", key=split.key)))
        unit = split.billed_in
        blocks.append(Paragraph(w.phrase("draft.split method", method=w[f"split.method.{split.method}"],
                                         unit=w.money(unit.value, unit.unit))))
        if split.installments > 1:
            blocks.append(Paragraph(w.phrase("draft.split installments", n=w.number(split.installments))))
        if split.shares_from is not None:
            blocks.append(Paragraph(w.phrase("draft.split from facts", fact=w.name(split.shares_from))))
        elif fixed is None:
            blocks.append(Paragraph(w["draft.split follows results"]))
        if fixed is not None and split.shares_from is None:
            blocks.append(self.split_table(split))
        elif split.shares:
            blocks.append(Table((w["draft.split.party"], w["draft.split.weight"]),
                                tuple((share.party, w.number(share.weight)) for share in split.shares),
                                (False, True)))
        return Term(mark_of("split", split.name, self.marks), title, tuple(blocks))

    def split_table(self, split: s.Split) -> Table:
        """Each party's weight and amount, to the krone, worked out as `rk split` does."""
        w = self.w
        allocation = self.contract.split(split.name, margins=False)
        account = MONEY_UNITS[allocation.unit]

        def money(amount: Fraction) -> str:
            return w.money(amount * account, "kr" if allocation.unit in ("kr", "tkr", "mio kr") else allocation.unit)

        rows = []
        each = allocation.installments > 1
        for share in allocation.shares:
            row: tuple[str, ...] = (share.party, w.number(share.weight))
            if each:
                row += (money(share.per_installment * allocation.unit_size),)
            rows.append((*row, money(share.amount)))
        total = sum((share.amount for share in allocation.shares), Fraction(0))
        header: tuple[str, ...] = (w["draft.split.party"], split.key or w["draft.split.weight"])
        footer: tuple[str, ...] = (w["draft.split.total"], w.number(allocation.weight_total))
        if each:
            header += (w["draft.split.installment"],)
            footer += (money(total / allocation.installments),)
        return Table((*header, w["draft.split.amount"]), tuple(rows), (False, True, *((True,) if each else ()), True),
                     (*footer, money(total)))

    # ---- the follow-up ----

    def follow_up(self) -> list[Part]:
        w = self.w
        parts: list[Part] = [Paragraph(w["draft.facts due"])]
        periods = self.contract.reporting_periods
        if periods:
            rows = tuple((p.name or w["draft.whole period"], w.date(p.start), w.date(p.end), w.date(p.end))
                         for p in periods)
            parts.append(Table((w["draft.follow.period"], w["draft.follow.from"], w["draft.follow.to"],
                                w["draft.follow.due"]), rows, (False, False, False, False)))
        facts = self.contract.module.facts
        if facts:
            parts.append(Paragraph(w["draft.facts"]))
            for fact in facts:
                label = fact.label or fact.name.replace("_", " ")
                said = w.phrase("draft.fact", label=capital(label), description=fact.description.rstrip(".")) \
                    if fact.description else w.phrase("draft.fact bare", label=capital(label))
                parts.append(Paragraph(said, "item"))
        return parts
