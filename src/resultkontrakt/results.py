"""What an evaluation found, and how it is told: sentences and JSON.

Evaluation records steps as data (which value was compared with which
threshold, which deliverable was late); this module only renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Literal, Union

import attrs

from .errors import Problem, Span
from .values import Type, format_number, format_percent, fraction_text, percent_number
from .wording import ENGLISH, Wording

Status = Literal["met", "partly met", "not met", "not evaluable"]


# ---- steps ------------------------------------------------------------------------


@attrs.frozen
class TierStep:
    """One tier tried: `subject` (with its value) `test` held or not.

    For a tier that is a plain condition, `subject` is None and `test` is the
    condition's text. `holds` is None for `else`, which always applies.
    """

    index: int
    test: str
    holds: bool | None
    fulfilment: Fraction | None
    subject: str | None = None
    value: str | None = None
    detail: str | None = None  # the counts behind the value, for nps() and share()
    span: Span | None = attrs.field(default=None, eq=False, repr=False)
    # The same, as values, so that each language can write the numbers its own way.
    shown: Shown | None = attrs.field(default=None, eq=False, repr=False)
    threshold: Shown | None = attrs.field(default=None, eq=False, repr=False)
    op: str | None = attrs.field(default=None, eq=False, repr=False)
    counts: tuple[int, ...] | None = attrs.field(default=None, eq=False, repr=False)

    def words(self, wording: Wording) -> tuple[str, str | None, str | None]:
        """(test, value, detail) in `wording`; English keeps the texts recorded."""
        if wording.lang == "en" or self.shown is None:
            return self.test, self.value, self.detail
        test = self.test
        if self.op is not None and self.threshold is not None and self.threshold.literal:
            test = f"{self.op} {self.threshold.text(wording)}"
        elif self.op is not None and self.threshold is not None:
            written = self.test.split(" (= ")[0]
            test = f"{written} (= {self.threshold.text(wording)})"
        return test, self.shown.text(wording), _detail(self.counts, wording)


@attrs.frozen
class Shown:
    """A value as evaluation found it, with its type: written out by a Wording."""

    value: object
    type: Type | None
    literal: bool = False

    def text(self, wording: Wording) -> str:
        return wording.value(self.value, self.type)  # type: ignore[arg-type]


def _detail(counts: tuple[int, ...] | None, wording: Wording) -> str | None:
    """The counts behind nps (promoters, passives, detractors) or a share (counted, of)."""
    if counts is None:
        return None
    if len(counts) == 2:
        return f"({wording.number(counts[0])} {wording['of']} {wording.number(counts[1])})"
    promoters, passives, detractors = counts
    total = sum(counts)
    return (f"{wording['from']} {wording.count(total, 'answer')} "
            f"({wording.count(promoters, 'promoter')}, {wording.percent(Fraction(promoters, total))}; "
            f"{wording.count(passives, 'passive')}; {wording.count(detractors, 'detractor')}, "
            f"{wording.percent(Fraction(detractors, total))})")


@attrs.frozen
class DeliverableStep:
    name: str
    title: str
    done: bool
    delivered: dt.date | None = None
    due: dt.date | None = None
    late: bool = False

    def describe(self, wording: Wording = ENGLISH) -> str:
        if self.late:
            return f"{self.name} " + wording["late"].format(delivered=self.delivered, due=self.due)
        if self.done and self.delivered is not None:
            return f"{self.name} {wording['done']} ({self.delivered})"
        return f"{self.name} {wording['done'] if self.done else wording['not done']}"


@attrs.frozen
class RequirementStep:
    """A `require` checked; for a comparison, `subject` and `value` say what was measured."""

    condition: str
    holds: bool
    reason: str
    subject: str | None = None
    value: str | None = None
    test: str | None = None
    shown: Shown | None = attrs.field(default=None, eq=False, repr=False)
    threshold: Shown | None = attrs.field(default=None, eq=False, repr=False)

    def describe(self, wording: Wording = ENGLISH) -> str:
        if self.subject is None or self.test is None:
            return f"{self.condition} {wording['holds'] if self.holds else wording['does not hold']}"
        op, _, threshold = self.test.partition(" ")
        value = self.value
        if wording.lang != "en" and self.shown is not None and self.threshold is not None:
            value, threshold = self.shown.text(wording), self.threshold.text(wording)
        words = wording[op] if op in _OPS else op
        if self.holds:
            return f"{self.subject} = {value} " + wording["required"].format(words=words, threshold=threshold)
        return f"{self.subject} = {value}, " + wording["required but"].format(words=words, threshold=threshold)


_OPS = frozenset({">=", ">", "<=", "<", "=", "!="})


Step = Union[TierStep, DeliverableStep, RequirementStep]


# ---- results --------------------------------------------------------------------


def status_of(fulfilment: Fraction | None) -> Status:
    if fulfilment is None:
        return "not evaluable"
    if fulfilment == 1:
        return "met"
    return "not met" if fulfilment == 0 else "partly met"


@attrs.frozen(repr=False)
class GoalResult:
    """How far one goal was met, and why."""

    id: str
    title: str
    fulfilment: Fraction | None
    group: str | None = None
    weight: Fraction = Fraction(1)
    steps: tuple[Step, ...] = attrs.field(default=(), repr=False)
    missing: tuple[str, ...] = ()
    invalid: tuple[Problem, ...] = attrs.field(default=(), repr=False)
    reason: str | None = None
    text: tuple[str, ...] = attrs.field(default=(), repr=False)

    @property
    def status(self) -> Status:
        return status_of(self.fulfilment)

    @property
    def evaluable(self) -> bool:
        return self.fulfilment is not None

    def explain(self, wording: Wording = ENGLISH) -> str:
        """One sentence: the goal, its outcome, and the numbers that decided it."""
        head = f"{wording['goal']} {self.id} ({self.title}): {wording[self.status]}"
        if self.fulfilment is None:
            return f"{head}: {self.reasoning(wording)}"
        return f"{head}, {wording.percent(self.fulfilment)}. {self.reasoning(wording)}"

    def reasoning(self, wording: Wording = ENGLISH) -> str:
        """Why the goal came out as it did, without the heading."""
        if self.fulfilment is None:
            return f"{self._unevaluable(wording)}."
        parts: list[str] = []
        deliverables = [s for s in self.steps if isinstance(s, DeliverableStep)]
        if deliverables:
            done = sum(s.done for s in deliverables)
            parts.append(f"{done} {wording['of']} {wording.count(len(deliverables), 'deliverable')} "
                         f"{wording['done']} (" + "; ".join(s.describe(wording) for s in deliverables) + ")")
        parts.extend(s.describe(wording) for s in self.steps if isinstance(s, RequirementStep))
        parts.append(_tier_sentence([s for s in self.steps if isinstance(s, TierStep)],
                                    self.fulfilment, wording))
        return "; ".join(parts) + "."

    def _unevaluable(self, wording: Wording) -> str:
        if wording.lang == "en" or self.reason is None:
            return str(self.reason)
        failed = [s for s in self.steps if isinstance(s, RequirementStep) and not s.holds]
        if failed:  # the contract's own words, then what was measured
            return f"{failed[0].reason.rstrip('.')}: {failed[0].describe(wording)}"
        if self.missing and not self.invalid:
            singular, plural = wording["missing fact"].split("|")
            return f"{singular if len(self.missing) == 1 else plural} {', '.join(self.missing)}"
        return str(self.reason)

    def __repr__(self) -> str:
        shown = "" if self.fulfilment is None else f", {format_percent(self.fulfilment)}"
        title = self.title if len(self.title) <= 40 else self.title[:39] + "…"
        return f"<GoalResult {self.id} {title!r}: {self.status}{shown}>"

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "group": self.group,
            "weight": _number(self.weight),
            "status": self.status,
            "fulfilment": percent_number(self.fulfilment) if self.fulfilment is not None else None,
            "fulfilment_exact": fraction_text(self.fulfilment * 100) if self.fulfilment is not None else None,
            "explanation": self.reasoning(),
            "reason": self.reason,
            "missing": list(self.missing),
            "invalid": [p.to_dict() for p in self.invalid],
            "steps": [_step_dict(s) for s in self.steps],
            "text": "\n\n".join(self.text) or None,
        }


def _tier_sentence(tiers: list[TierStep], fulfilment: Fraction, wording: Wording) -> str:
    """'nps = 57: not >= 60, but >= 50 -> 50%'."""
    out = ""
    subject: str | None = None
    for number, step in enumerate(tiers):
        test, value, detail = step.words(wording)
        if step.subject is not None and step.subject != subject:
            subject = step.subject
            shown = f" = {value}" if value is not None else ""
            prefix = f"{step.subject}{shown}{' ' + detail if detail else ''}: "
            out += ("; " if out else "") + prefix
        elif number:
            out += ", "
        if step.holds is None:
            out += wording["else"]
        elif step.holds:
            after_a_miss = number and not out.endswith(": ")
            out += (f"{wording['but']} " if after_a_miss else "") + (
                test if step.subject else f"{test} {wording['holds']}")
        else:
            out += f"{wording['not']} {test}" if step.subject else f"{test} {wording['does not hold']}"
    if tiers and tiers[-1].holds is not False:
        return f"{out} -> {wording.percent(fulfilment)}"
    return (out + f"; {wording['no tier holds']} -> {wording.percent(fulfilment)}").lstrip("; ")


def _step_dict(step: Step) -> dict[str, object]:
    data: dict[str, object] = {"kind": _STEP_KINDS[type(step)]}
    for field in attrs.fields(type(step)):
        if field.name in ("span", "shown", "threshold", "op", "counts"):
            continue
        value = getattr(step, field.name)
        if isinstance(value, Fraction):
            value = percent_number(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        data[field.name] = value
    if isinstance(step, TierStep) and step.span is not None:
        data["line"] = step.span.line
    return data


_STEP_KINDS = {TierStep: "tier", DeliverableStep: "deliverable", RequirementStep: "require"}


def _number(value: Fraction) -> int | float:
    # Weights are decimals written in the contract; a float shows them as written.
    return value.numerator if value.denominator == 1 else float(value)


@attrs.frozen
class Evaluation:
    """A contract evaluated against one set of facts."""

    title: str
    goals: Mapping[str, GoalResult]
    problems: tuple[Problem, ...] = attrs.field(default=(), repr=False)
    sources: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    parties: tuple[str, ...] = ()
    period: tuple[dt.date, dt.date] | None = None

    @property
    def overall(self) -> Fraction | None:
        """The weight-averaged fulfilment of the goals that could be evaluated."""
        evaluable = [g for g in self.goals.values() if g.fulfilment is not None]
        total_weight = sum((g.weight for g in evaluable), Fraction(0))
        if not total_weight:
            return None
        return sum((g.weight * g.fulfilment for g in evaluable if g.fulfilment is not None),
                   Fraction(0)) / total_weight

    @property
    def not_evaluable(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.goals.values() if g.fulfilment is None)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def explain(self) -> str:
        lines = [g.explain() for g in self.goals.values()]
        lines.append(self._overall_sentence())
        return "\n".join(lines)

    def _overall_sentence(self) -> str:
        overall = self.overall
        evaluable = len(self.goals) - len(self.not_evaluable)
        if overall is None:
            if evaluable:
                return "Overall: not evaluable: every goal that could be evaluated has weight 0."
            return f"Overall: not evaluable (no goal of {len(self.goals)} could be evaluated)."
        text = (f"Overall: {format_percent(overall)}, the weighted average of {evaluable} "
                f"goal{'s' if evaluable != 1 else ''}")
        if self.not_evaluable:
            count = len(self.not_evaluable)
            text += (f"; {count} goal{'s' if count > 1 else ''} not evaluable "
                     f"({', '.join(self.not_evaluable)})")
        return text + "."

    def to_dict(self) -> dict[str, object]:
        overall = self.overall
        return {
            "contract": self.title,
            "parties": list(self.parties),
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "goals": [g.to_dict() for g in self.goals.values()],
            "overall": {
                "fulfilment": percent_number(overall) if overall is not None else None,
                "fulfilment_exact": fraction_text(overall * 100) if overall is not None else None,
                "evaluable": len(self.goals) - len(self.not_evaluable),
                "not_evaluable": len(self.not_evaluable),
            },
            "problems": [p.to_dict() for p in self.problems],
        }

    def __repr__(self) -> str:
        overall = self.overall
        shown = format_percent(overall) if overall is not None else "not evaluable"
        return f"<Evaluation {self.title!r}: {len(self.goals)} goals, overall {shown}>"

    def _repr_html_(self) -> str:
        from .report import evaluation_html

        return evaluation_html(self)


# ---- the grant split ------------------------------------------------------------


@attrs.frozen
class PartyShare:
    """One party's part of a split, with how it came about.

    Amounts are in the split's unit of account (tkr for `unit 1 tkr`), over all
    installments. The margins are the smallest fall and rise in the party's
    weight, the others unchanged, that would change its amount (None: none would).
    """

    party: str
    weight: Fraction
    amount: Fraction
    quota: Fraction
    per_installment: int  # units billed each installment
    tie: bool = False
    margin_down: Fraction | None = None
    margin_up: Fraction | None = None


@attrs.frozen
class Allocation(Mapping[str, "Fraction | int"]):
    """A split worked out: party -> amount in the split's unit, adding up to the total exactly."""

    name: str
    unit: str  # the unit of account: "kr", "tkr" or "mio kr"
    unit_size: Fraction  # the smallest amount billed, in `unit`
    total: Fraction  # in `unit`
    installments: int
    method: str
    key: str | None
    shares: tuple[PartyShare, ...] = attrs.field(repr=False)
    margins: bool = attrs.field(default=True, repr=False)
    # Each party's share by name: looking one up must not go through them all.
    _by_party: dict[str, PartyShare] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_party", {share.party: share for share in self.shares})

    def __getitem__(self, party: str) -> Fraction | int:
        return _whole(self._by_party[party].amount)

    def __iter__(self) -> Iterator[str]:
        return (share.party for share in self.shares)

    def __len__(self) -> int:
        return len(self.shares)

    @property
    def weight_total(self) -> Fraction:
        return sum((share.weight for share in self.shares), Fraction(0))

    def headline(self) -> str:
        """What is split, how, and in what units, in one sentence."""
        per = self.total / self.installments
        return (f"{self.name}: {_money(self.total, self.unit)} split by "
                f"{self.key or 'weight'} ({self.method}"
                + (f", {self.installments} installments of {_money(per, self.unit)}"
                   if self.installments > 1 else "")
                + f", in units of {_money(self.unit_size, self.unit)}).")

    def explain(self) -> str:
        """How each amount came about, one sentence per party."""
        lines = [self.headline()]
        weights = self.weight_total
        for share in self.shares:
            quota = share.quota / self.installments
            times = f" x {self.installments}" if self.installments > 1 else ""
            rounding = "" if quota.denominator == 1 else (
                " (rounded up" if share.per_installment * self.unit_size > quota else " (rounded down")
            if rounding:
                rounding += ", decided by a tie)" if share.tie else ")"
            line = (f"{share.party}: weight {format_number(share.weight)} of {format_number(weights)}, "
                    f"quota {format_number(quota)}{' ' + self.unit if self.unit else ''}"
                    f"{' per installment' if self.installments > 1 else ''}; gets "
                    f"{format_number(share.per_installment * self.unit_size)}{rounding}{times} = "
                    f"{_money(share.amount, self.unit)}")
            margin = self.margin_text(share)
            lines.append(f"{line}; {margin}." if margin else f"{line}.")
        lines.append(f"Total: {_money(sum((s.amount for s in self.shares), Fraction(0)), self.unit)}.")
        return "\n".join(lines)

    @staticmethod
    def margin_text(share: PartyShare) -> str:
        if share.margin_down is None and share.margin_up is None:
            return ""
        parts = []
        if share.margin_down is not None:
            parts.append(f"falls by {format_number(share.margin_down)}")
        if share.margin_up is not None:
            parts.append(f"rises by {format_number(share.margin_up)}")
        return "the amount changes if its weight " + " or ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "split": self.name,
            "unit": self.unit,
            "total": _json_number(self.total),
            "shares": {share.party: _json_number(share.amount) for share in self.shares},
            "method": self.method,
            "installments": self.installments,
            "unit_size": _json_number(self.unit_size),
            "key": self.key,
            "parties": [
                {
                    "party": share.party,
                    "weight": _json_number(share.weight),
                    "amount": _json_number(share.amount),
                    "quota": fraction_text(share.quota),
                    "per_installment": _json_number(share.per_installment * self.unit_size),
                    "tie": share.tie,
                    "margin_down": _json_number(share.margin_down) if share.margin_down is not None else None,
                    "margin_up": _json_number(share.margin_up) if share.margin_up is not None else None,
                }
                for share in self.shares
            ],
        }

    def _repr_html_(self) -> str:
        from .report import allocation_html

        return allocation_html(self)

    def __repr__(self) -> str:
        shown = ", ".join(f"{s.party}: {format_number(s.amount)}" for s in self.shares[:4])
        more = ", …" if len(self.shares) > 4 else ""
        return (f"<Allocation {self.name!r}: {_money(self.total, self.unit)} among "
                f"{len(self.shares)} parties ({shown}{more})>")


def _whole(value: Fraction) -> Fraction | int:
    return value.numerator if value.denominator == 1 else value


def _json_number(value: Fraction | int) -> int | float:
    value = Fraction(value)
    # Amounts are whole units; a fractional unit (0.5 tkr) is a short decimal.
    return value.numerator if value.denominator == 1 else float(value)


def _money(amount: Fraction, unit: str) -> str:
    return f"{format_number(amount)} {unit}".rstrip()
