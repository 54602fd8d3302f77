"""Evidence into sentences, in the words of one language (a `Wording`).

The one place where evaluation's evidence becomes text. Every renderer (the
terminal, Markdown, HTML, the `explanation` in JSON) asks here for a goal's
sentence in the language it wants, and never takes another renderer's text
apart.

A goal's sentence names what was measured in the contract's words (a fact
or a metric by its name, a function of one in plain words, the contract's own
arithmetic as written), says each comparison in words (at least, at most,
above, below), gives the counts and inputs behind a value, and ends with
the fulfilment: `NPS = 57 (400 svar: 264 anbefalere, 36 kritikere): under 60,
men mindst 50 → 50 %`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

import attrs

from ..checks.infer import DELIVERABLES
from ..core.reasons import DELIVERABLE_PROBLEMS, problem_text
from ..core.values import DATE, LIST, MONEY, PERCENT, T_MONEY, T_NUMBER, T_PERCENT, Type, Value
from ..core.vocabulary import DKK, MONEY_UNITS, UNIT_CURRENCY
from ..core.wording import SCORE_DECIMALS
from ..language import syntax as s
from ..language.printer import expr_text
from ..semantics.distance import Distance
from ..semantics.evidence import (
    Check,
    Compared,
    Counts,
    Delivery,
    Failure,
    Junction,
    Membership,
    Negation,
    NotApplicable,
    NotEvaluable,
    NpsCounts,
    RequirementCheck,
    RowCounts,
    Seen,
    ShareCounts,
    Step,
    TierTried,
    Truth,
    Waiting,
)
from ..semantics.functions import FUNCTIONS

if TYPE_CHECKING:
    from ..core.wording import Wording


class PaymentLike(Protocol):
    """What a payment's sentence is made from (results.PaymentResult)."""

    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def amount(self) -> Fraction | None: ...
    @property
    def seen(self) -> Seen | None: ...
    @property
    def blocked(self) -> NotEvaluable | None: ...
    @property
    def currency(self) -> str: ...
    @property
    def waiting(self) -> tuple[Waiting, ...]: ...
    @property
    def not_applicable(self) -> NotApplicable | None: ...
    @property
    def provisional(self) -> bool: ...

# The comparison that holds when one does not: not >= 60 is < 60.
_COMPLEMENT = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "=": "!=", "!=": "="}
ARROW = "→"
_LITERAL_TYPES = {s.Number: T_NUMBER, s.Percent: T_PERCENT, s.Money: T_MONEY}


def reasoning(steps: Sequence[Step], fulfilment: Fraction | None, blocked: NotEvaluable | None,
              w: Wording) -> str:
    """Why a goal came out as it did, in one sentence without its heading."""
    if blocked is not None:
        return _sentence(not_evaluable(blocked, w))
    deliveries = {step.name: step for step in steps if isinstance(step, Delivery)}
    say = _Sayer(w, deliveries)
    say.compared([step.check for step in steps if isinstance(step, RequirementCheck | TierTried)
                  and step.check is not None])
    parts = [say.requirement(step) for step in steps if isinstance(step, RequirementCheck)]
    tiers = [step for step in steps if isinstance(step, TierTried)]
    parts.append(say.tiers(tiers, fulfilment or Fraction(0)))
    return _sentence("; ".join(parts))


def not_evaluable(blocked: NotEvaluable, w: Wording) -> str:
    """Why a goal could not be judged, without a full stop."""
    parts = []
    if blocked.missing:
        parts.append(w.phrase("missing", len(blocked.missing), names=", ".join(blocked.missing)))
    if blocked.deliverables:
        parts.append(w.phrase("missing deliverable", len(blocked.deliverables),
                              names=", ".join(blocked.deliverables)))
    parts.extend(w.phrase("invalid deliverable" if problem.code in DELIVERABLE_PROBLEMS else "invalid",
                          problem=problem_text(problem, w)) for problem in blocked.invalid)
    if blocked.requirement is not None:
        say = _Sayer(w, {})
        parts.append(f"{blocked.requirement.reason.rstrip('.')} ({say.check(blocked.requirement.check)})")
    if blocked.failure is not None:
        parts.append(failure_text(blocked.failure, w))
    return "; ".join(parts)


def not_applicable_text(why: NotApplicable, w: Wording) -> str:
    """Why a goal (or a payment) does not apply in the reporting period, without a full stop:
    its condition with the values that made it false (`the reporting year = 2009: not 2011`),
    or the goals it reads that do not apply."""
    if why.condition is not None:
        return w.phrase("applies.not", why=_Sayer(w, {}).check(why.condition))
    return w.phrase("applies.goals", goals=", ".join(why.goals))


def failure_text(failure: Failure, w: Wording) -> str:
    """A calculation that failed, in words, with where it stands."""
    params = {name: _param_text(value, w) for name, value in failure.params.items()}
    if failure.expr is not None:
        params["expr"] = expr_text(failure.expr)
    text = w.phrase(f"failure.{failure.code}", **params)
    if failure.span is not None:
        text += " " + w.phrase("line", line=failure.span.line)
    if failure.metric is not None:
        text = w.phrase("metric failed", metric=failure.metric, cause=text)
    return text


def _param_text(value: object, w: Wording) -> str:
    """A parameter of a failure, in `w`'s words and number style: a value as seen (the
    fulfilment a tier worked out) as its value."""
    if isinstance(value, Seen):  # exact, as a message says it: what failed is in its digits
        return w.in_messages().value(value.value, value.type)
    return w.param(value)


class _Sayer:
    """Says the checks of one goal, knowing its deliverables."""

    def __init__(self, w: Wording, deliveries: Mapping[str, Delivery]):
        self.w = w
        self.deliveries = deliveries
        self.told: set[str] = set()  # deliverables already described in this sentence
        # What each value is compared with: a value is never shown equal to one it is not.
        self.near: dict[s.Expr, list[Fraction | int]] = {}

    def compared(self, checks: Sequence[Check]) -> None:
        """Note what each value of `checks` is compared with (thresholds, and the other way)."""
        pending = list(checks)
        while pending:
            check = pending.pop()
            if isinstance(check, Compared):
                for one, other in ((check.left, check.right), (check.right, check.left)):
                    if isinstance(other.value, Fraction | int) and not isinstance(other.value, bool):
                        self.near.setdefault(one.expr, []).append(other.value)
            elif isinstance(check, Junction):
                pending.extend(check.parts)
            elif isinstance(check, Negation):
                pending.append(check.part)

    # ---- requirements and tiers ----

    def requirement(self, step: RequirementCheck) -> str:
        check = step.check
        if isinstance(check, Compared) and not check.left.literal:
            return (f"{self.subject(check.left, check.right)} "
                    f"({self.w.phrase('required', test=self.test(check.op, check.left, check.right))})")
        return self.check(check)

    def tiers(self, tiers: list[TierTried], fulfilment: Fraction) -> str:
        segments: list[str] = []
        subject: s.Expr | None = None
        failed_before = False
        for step in tiers:
            check = step.check
            if check is None:
                phrase, continued = self.w.phrase("otherwise"), bool(segments)
            elif isinstance(check, Compared) and subject is not None and check.left.expr == subject:
                phrase, continued = self.test(check.op if check.holds else _COMPLEMENT[check.op],
                                              check.left, check.right), True
            elif isinstance(check, Compared) and not check.left.literal:
                subject = check.left.expr
                phrase = f"{self.subject(check.left, check.right)}: " + self.test(
                    check.op if check.holds else _COMPLEMENT[check.op], check.left, check.right)
                continued = False
            else:
                subject = None
                phrase, continued = self.check(check), False
            if check is not None and step.holds and failed_before and continued:
                phrase = f"{self.w.phrase('but')} {phrase}"
            if continued and segments:
                segments[-1] += f", {phrase}"
            else:
                segments.append(phrase)
            failed_before = step.holds is False
        outcome = f"{ARROW}\u00a0{self.w.percent(fulfilment)}"
        if tiers and tiers[-1].holds is not False:
            return "; ".join(segments) + f" {outcome}"
        segments.append(self.w.phrase("no tier holds"))
        return "; ".join(segments) + f" {outcome}"

    # ---- checks ----

    def check(self, check: Check) -> str:
        """A check in words, with the values that decided it."""
        match check:
            case Compared(left=left, op=op, right=right, holds=holds):
                tested = self.test(op if holds else _COMPLEMENT[op], left, right)
                return f"{self.subject(left, right)}: {tested}"
            case Membership(item=item, collection=collection, negated=negated, holds=holds):
                return f"{self.subject(item)}, {self.among(collection, holds != negated)}"
            case Junction(op=op, parts=parts, holds=holds):
                said = [self.check(part) for part in parts]
                if len(said) > 1 and (op == "and") != holds:  # the last part decided against the rest
                    return f"{', '.join(said[:-1])}, {self.w.phrase('but')} {said[-1]}"
                return f" {self.w.phrase(op)} ".join(said)
            case Negation(part=part):
                # The part says what was found (`besøg = 80: below 100`), which is
                # also why its negation held or did not.
                return self.check(part)
            case Truth(seen=seen, holds=holds):
                return self.truth(seen, holds)
        raise AssertionError(f"unknown check {check!r}")

    def among(self, collection: Seen, among: bool) -> str:
        """`one of "Nord" or "Midt"`, `not "Syd"`: a set the contract wrote, in words."""
        if isinstance(collection.expr, s.PeriodValue) and isinstance(collection.value, tuple):
            start, end = collection.value
            return self.w.phrase("in period" if among else "not in period", start=self.w.value(start, None),
                                 end=self.w.value(end, None))
        if isinstance(collection.expr, s.SetLiteral | s.ListLiteral) and isinstance(collection.value, tuple) \
                and collection.value:
            element = collection.type.element if collection.type is not None else None
            items = [self.w.value(v, element) for v in collection.value]
            if len(items) == 1:
                return self.w.phrase("is" if among else "is not", item=items[0])
            listed = f"{', '.join(items[:-1])} {self.w['or']} {items[-1]}"
        else:
            listed = self.value(collection)
        return self.w.phrase("among" if among else "not among", collection=listed)

    def truth(self, seen: Seen, holds: bool) -> str:
        expr = seen.expr
        if isinstance(expr, s.Name) and expr.name in self.deliveries:
            return self.delivery(self.deliveries[expr.name])
        deliveries = self._deliveries_of(expr)
        if deliveries:
            return self.deliverables(deliveries)
        key = "holds" if holds else "does not hold"
        details = self.counts(seen.counts) if seen.counts is not None else ""
        return self.w.phrase(key, subject=self.label(seen) + details)

    def _deliveries_of(self, expr: s.Expr) -> list[Delivery]:
        """The deliverables `all(deliverables)`, `any(a, b)` and the like go through."""
        if not (isinstance(expr, s.Call) and expr.function in ("all", "any", "count") and expr.args
                and all(isinstance(arg, s.Name) for arg in expr.args)):
            return []
        names = [arg.name for arg in expr.args if isinstance(arg, s.Name)]
        if names == [DELIVERABLES]:
            return list(self.deliveries.values())
        return [self.deliveries[name] for name in names] if all(n in self.deliveries for n in names) else []

    def deliverables(self, deliveries: list[Delivery]) -> str:
        """How many deliverables were done, and what became of the rest."""
        if len(deliveries) == 1:
            return self.delivery(deliveries[0])
        done = sum(1 for d in deliveries if d.done)
        if done == len(deliveries):
            return self.w.phrase("both delivered" if done == 2 else "all delivered", n=self.w.number(done))
        said = self.w.phrase("some delivered", done=self.w.number(done),
                             of=self.w.count(len(deliveries), "deliverable"))
        return said + ": " + ", ".join(self.delivery(d) for d in deliveries if not d.done)

    def delivery(self, delivery: Delivery) -> str:
        self.told.add(delivery.name)
        name = self.w.name(delivery.name)  # its title, as readers know it
        if delivery.pending:
            return self.w.phrase("not due", name=name, due=self.w.date(delivery.due)) if delivery.due \
                else self.w.phrase("not due undated", name=name)
        if delivery.missing:
            return self.w.phrase("due unknown", name=name, delivered=self.w.date(delivery.delivered)) \
                if delivery.delivered is not None else self.w.phrase("not reported", name=name)
        if delivery.late:
            assert delivery.delivered is not None and delivery.due is not None
            return self.w.phrase("late", name=name, delivered=self.w.date(delivery.delivered),
                                 due=self.w.date(delivery.due))
        return self.w.phrase("delivered" if delivery.done else "not delivered", name=name)

    # ---- values ----

    def subject(self, seen: Seen, against: Seen | None = None) -> str:
        """`NPS = 57 (400 svar: ...)`: what was measured, its value, and what it came from.

        An amount compared with one the contract wrote is shown in the same unit where
        it reads well: `15,5 mio. kr.: højst 16 mio. kr.`, not `15.500 t.kr.`.
        """
        details = ""
        deliveries = self._deliveries_of(seen.expr)
        untold = [d for d in deliveries if not d.done and d.name not in self.told]
        if untold:
            details = " (" + ", ".join(self.delivery(d) for d in untold) + ")"
        elif seen.counts is not None and not deliveries:
            details = self.counts(seen.counts, seen.type)
        elif seen.inputs:
            details = " (" + self.w.phrase("from", values=", ".join(map(self.named, seen.inputs))) + ")"
        if seen.branch:
            details = " (" + self.branch(seen.branch) + ")"
        unit = against.expr.unit if against is not None and isinstance(against.expr, s.Money) else None
        shown = self.value(seen)
        if unit is not None and isinstance(seen.value, Fraction | int) and not isinstance(seen.value, bool) \
                and (Fraction(seen.value) * 100 / MONEY_UNITS[unit]).denominator == 1:
            shown = self.w.money(seen.value, unit)
        return f"{self.label(seen)} = {shown}{details}"

    def branch(self, checks: tuple[Check, ...]) -> str:
        """The conditions an `if` tried, said like tiers: `point_i_alt = 78.5: below 90, but at least 75`."""
        said: list[str] = []
        subject: s.Expr | None = None
        for check in checks:
            if isinstance(check, Compared) and subject is not None and check.left.expr == subject:
                phrase = self.test(check.op if check.holds else _COMPLEMENT[check.op], check.left, check.right)
                said[-1] += f", {self.w.phrase('but') + ' ' if check.holds else ''}{phrase}"
                continue
            subject = check.left.expr if isinstance(check, Compared) else None
            said.append(self.check(check))
        return "; ".join(said)

    def label(self, seen: Seen) -> str:
        """What a value is called: a name, a function of a name in words, or the contract's arithmetic."""
        expr = seen.expr
        if isinstance(expr, s.GoalValue):
            return goal_value_label(expr, self.w)
        if isinstance(expr, s.Name):
            # A metric named for what it computes (`nps = nps(svar)`) goes by that name: NPS.
            if isinstance(seen.counts, NpsCounts) and expr.name.casefold() == "nps" \
                    and expr.name not in self.w.labels:
                return "NPS"
            return self.w.name(expr.name)
        if isinstance(expr, s.Call) and expr.function == "count" and self._deliveries_of(expr):
            return self.w["deliverables done"]
        if isinstance(expr, s.Call) and len(expr.args) == 1 and isinstance(expr.args[0], s.Name):
            words = FUNCTIONS[expr.function].words.get(self.w.lang) if expr.function in FUNCTIONS else None
            if words and expr.args[0].name != DELIVERABLES:
                return words.format(self.w.name(expr.args[0].name))
        return formula_words(expr, self.w)

    def value(self, seen: Seen, of: Seen | None = None) -> str:
        return value_text(seen, self.w, self.near.get(seen.expr, ()), of)

    def named(self, seen: Seen) -> str:
        """`a = 1`; a list made from rows by what its rows came to (`pr_person (2 of 40 capped
        at ...)`), never its values one by one."""
        if isinstance(seen.value, tuple) and isinstance(seen.counts, RowCounts):
            return self.label(seen) + self.counts(seen.counts, seen.type)
        return f"{self.label(seen)} = {self.value(seen)}"

    def test(self, op: str, left: Seen, right: Seen) -> str:
        """`at least 60`, `under mål (60)`: an operator in words and what it compares with."""
        threshold = self.value(right, left) if right.literal else \
            f"{self.label(right)} ({self.value(right, left)})"
        return f"{self.w.operator(op, _kind(left.type))} {threshold}"

    def counts(self, counts: Counts, type_: Type | None = None) -> str:
        return counts_text(counts, self.w, type_)


def counts_text(counts: Counts, w: Wording, type_: Type | None = None) -> str:
    """` (400 svar: 264 anbefalere, 36 kritikere)`, ` (290 af 400)`: the counts behind a value;
    for a sum over rows, the rows by the key they looked up (`bolig_12m: 41 × 1.500 kr. = ...`),
    in the type of the value (`type_`)."""
    if isinstance(counts, RowCounts):
        return f" ({rows_text(counts, w, type_)})"
    if isinstance(counts, NpsCounts):
        return (f" ({w.count(counts.answers, 'answer')}: {w.count(counts.promoters, 'promoter')}, "
                f"{w.count(counts.detractors, 'detractor')})")
    return f" ({w.phrase('of', counted=w.number(counts.counted), of=w.number(counts.of))})"


def value_text(seen: Seen, w: Wording, near: Sequence[object] = (), of: Seen | None = None) -> str:
    """A value as readers are shown it (wording.py): an NPS to one decimal, never equal to a
    value of `near` (what it is compared with) it is not, a year as written, in the unit of what
    it measures (`28,6 dage`), or, for a threshold, of what it is compared with (`of`)."""
    subject = of or seen
    unit = w.unit(subject.expr.name, seen.value) if isinstance(subject.expr, s.Name) else ""
    decimals = SCORE_DECIMALS if isinstance(subject.counts, NpsCounts) else None
    avoid = [v for v in near if isinstance(v, Fraction | int) and not isinstance(v, bool)]
    return w.value(seen.value, seen.type, decimals, avoid, unit, grouped=not _is_year(subject.expr))


def _is_year(expr: s.Expr) -> bool:
    """A year (`period.year`, `year(dato)`): written as it is, 2019, never grouped as 2.019."""
    return (isinstance(expr, s.PeriodValue) and expr.field == "year") or \
        (isinstance(expr, s.Call) and expr.function == "year")


def _kind(type_: Type | None) -> str:
    if type_ is None:
        return "number"
    if type_.kind == DATE:
        return "date"
    if type_.kind == PERCENT or type_.is_quantity:
        return "number"
    return "other"


def goal_value_label(expr: s.GoalValue, w: Wording) -> str:
    """`fulfilment of goal 1`, `points`, `overall`: a goal's result as the contract reads it."""
    if expr.goal is None:
        return w["value." + expr.what]
    return w.phrase("value." + expr.what + " of goal", goal=expr.goal)


def waiting_text(waiting: Sequence[Waiting], w: Wording) -> str:
    """`pending: waits for strategi (due 2019-12-31) and antal (measured by 2019-12-31)`."""
    parts = []
    for item in waiting:
        if item.kind == "goal":
            parts.append(w.phrase("waits.goal", goal=item.name))
        elif item.kind == "payment":
            parts.append(w.phrase("waits.payment", name=item.name))
        elif item.due is not None:
            parts.append(w.phrase(f"waits.{item.kind}", name=item.name, due=w.date(item.due)))
        else:
            parts.append(item.name)
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {w['and']} {parts[-1]}"
    return w.phrase("waits", items=listed)


def distance_text(distance: Distance, fulfilment: Fraction | None, w: Wording) -> str:
    """`NPS = 57: reaches 100 % if it rises by 3 (12 more answers of 9-10 of the 400); ...`."""
    say = _Sayer(w, {})
    seen = distance.subject
    say.near[seen.expr] = [threshold for _, threshold, _ in distance.tiers]
    unit = seen.expr.name if isinstance(seen.expr, s.Name) else ""
    decimals = SCORE_DECIMALS if isinstance(seen.counts, NpsCounts) else None
    parts = []
    for move, key in ((distance.better, "better"), (distance.worse, "worse")):
        if move is None:
            continue
        way = "up" if move.direction > 0 else "down"
        how = ".beyond" if move.beyond else ""
        if move.by == 0:
            how = ".any"  # at the threshold: any move that way changes it
        kind = seen.type.kind if seen.type is not None else "number"
        by = (w.percentage_points(move.by * 100) if kind == PERCENT
              else w.money(move.by, currency=seen.type.currency_code) if seen.type is not None and kind == MONEY
              else w.value(move.by, None, decimals, unit=w.unit(unit, move.by)))
        text = w.phrase(f"distance.{key}.{way}{how}", by=by, fulfilment=w.percent(move.fulfilment))
        if move.to is not None:
            text += " " + w.phrase("distance.to", to=w.value(move.to, seen.type, decimals, unit=w.unit(unit, move.to)))
        if move.answers is not None and isinstance(seen.counts, NpsCounts | ShareCounts):
            kind = "nps" if isinstance(seen.counts, NpsCounts) else "share"
            total = seen.counts.answers if isinstance(seen.counts, NpsCounts) else seen.counts.of
            answers = w.phrase(f"distance.answers.{kind}.{way}", move.answers, n=w.number(move.answers),
                               of=w.number(total))
            if move.by_answers is not None:  # whole answers jump past the tier named
                answers = w.phrase("distance.answers.past", answers=answers, fulfilment=w.percent(
                    move.fulfilment), reached=w.percent(move.by_answers))
            text += f" ({answers})"
        parts.append(text)
    if not parts:
        return w.phrase("distance.none", subject=say.label(seen))
    return f"{say.label(seen)} {say.value(seen)}: " + "; ".join(parts)


def points_text(points: Fraction | None, reached: Fraction, possible: Fraction,
                missing: Sequence[str], w: Wording) -> str:
    """`Points: 75.5 of 100 points`, or the points of the goals with a result and which lack one."""
    if points is not None:
        return w.phrase("points", points=w.number(points), possible=w.number(possible))
    return w.phrase("points missing", len(missing), reached=w.number(reached),
                    possible=w.number(possible), ids=", ".join(missing), n=len(missing))


# How tightly each arithmetic operator binds, for brackets in a formula said in words.
_BINDING = {op: strength for op, strength in s.STRENGTH.items() if op not in ("and", "or")}


# A sum over rows is said key by key up to this many keys; the rest are counted.
MAX_GROUPS_SAID = 12


def rows_text(counts: RowCounts, w: Wording, type_: Type | None) -> str:
    """The rows behind a value made from them: by key (`bolig_12m: 41 × 1,500 = 61,500`),
    with how many a cap took off, or how many there were. Keys are data: shown as written."""
    element = type_.element if type_ is not None and type_.kind == LIST else type_

    def amount(value: Value) -> str:  # amounts side by side, in one unit
        if element is not None and element.kind == MONEY and isinstance(value, Fraction | int):
            currency = element.currency_code
            return w.money(value, "kr" if currency == DKK else None, currency=currency)
        return w.value(value, element)
    if counts.groups:
        said = [w.phrase("rows.group", key=group.key if isinstance(group.key, str) else w.value(group.key, None),
                         rows=w.number(group.rows), each=amount(group.each), total=amount(group.total))
                for group in counts.groups[:MAX_GROUPS_SAID]]
        more = len(counts.groups) - MAX_GROUPS_SAID
        if more > 0:
            said.append(w.phrase("rows.more groups", more, n=w.number(more)))
        if counts.cap is not None:  # the rows under a cap, by key: then what the cap took off
            said.append(rows_text(attrs.evolve(counts, groups=()), w, type_))
        return "; ".join(said)
    if counts.cap is not None and not counts.capped:
        return w.phrase("rows.uncapped", rows=w.count(counts.kept, "row"), cap=amount(counts.cap))
    if counts.cap is not None:
        return w.phrase("rows.capped", counts.kept, capped=w.number(counts.capped),
                        rows=w.count(counts.kept, "row"), cap=amount(counts.cap), by=amount(counts.capped_by))
    if counts.kept != counts.rows:
        return w.phrase("rows.kept", kept=w.number(counts.kept), rows=w.count(counts.rows, "row"))
    return w.count(counts.rows, "row")


def formula_words(expr: s.Expr, w: Wording) -> str:
    """The contract's arithmetic in the reader's words and number style, without code:
    `andel_af_maks af 10 % af (lønrammeløn + varige_tillæg), afrundet til hele kr.`."""
    return _words_of(expr, w)[0]


def _words_of(expr: s.Expr, w: Wording) -> tuple[str, int]:
    match expr:
        case s.Money():
            return w.money(expr.value, expr.unit), 8
        case s.Number() | s.Percent():
            return w.value(expr.value, _LITERAL_TYPES[type(expr)]), 8
        case s.Name(name=name):
            return w.name(name), 8
        case s.GoalValue():
            return goal_value_label(expr, w), 8
        case s.Unary(op="-", operand=operand):
            inner, level = _words_of(operand, w)
            return "-" + (inner if level >= 7 else f"({inner})"), 7
        case s.Chain(first=first, steps=steps) if expr.op in _BINDING:
            level = _BINDING[expr.op]
            text, own = _words_of(first, w)
            words = [text if own >= level else f"({text})"]
            for op, operand in steps:
                text, own = _words_of(operand, w)
                words.append(f"{w['formula.' + op]} {text if own > level else f'({text})'}")
            return " ".join(words), level
        case s.Call(function="round", args=(amount, s.Money() as unit)):
            inner, _ = _words_of(amount, w)
            return w.phrase("formula.rounded", amount=inner, unit=w.money(unit.value, unit.unit)), 0
        case s.Call(function="floor" | "ceil" | "round_half_even" as function,
                    args=(amount, s.Money() | s.Percent() as unit)):
            inner, _ = _words_of(amount, w)
            return w.phrase(f"formula.{function}", amount=inner, unit=_words_of(unit, w)[0]), 0
        case s.Call(function="convert", args=(amount, s.Rate() as rate)):
            inner, _ = _words_of(amount, w)
            return w.phrase("formula.converted", amount=inner,
                            rate=w.rate(rate.value, UNIT_CURRENCY[rate.unit], rate.per)), 0
        case s.Call(function="round", args=(amount,)):
            inner, _ = _words_of(amount, w)
            return w.phrase("formula.rounded whole", amount=inner), 0
        case s.Call(function=function, args=(s.Comprehension() as rows,)):
            return _rows_words(rows, w, FUNCTIONS[function].words.get(w.lang) if function in FUNCTIONS else None), 0
        case s.Comprehension():
            return _rows_words(expr, w, None), 0
        case s.Aggregate(function="count", var=var, source=source, where=where):
            # `count(t in udgåede where t.årsag = "operatør")`: said through the list, with
            # each field of the row by its own name, never through the name it binds.
            return w.phrase("formula.count where", source=_words_of(source, w)[0],
                            condition=expr_text(_unbound(where, var))), 0
        case s.PeriodValue(field=field):
            return w["formula.period" + (f".{field}" if field else "")], 8
        case s.Lookup(table=table, key=key):
            # A key is a name for a row, as a year is (2016, never 2.016): written as it is.
            shown = w.number(key.value, grouped=False) if isinstance(key, s.Number) else _words_of(key, w)[0]
            return w.phrase("formula.lookup", table=_words_of(table, w)[0], key=shown), 8
        case s.Integers(low=low, high=high):
            return w.phrase("formula.integers", low=_words_of(low, w)[0], high=_words_of(high, w)[0]), 8
        case s.Call(function="min" | "max" as function, args=args) if len(args) >= 2:
            said = [_words_of(arg, w)[0] for arg in args]
            listed = f"{', '.join(said[:-1])} {w['and']} {said[-1]}"
            return w.phrase(f"formula.{function}", values=listed), 8
    return expr_text(expr), 8


def _rows_words(rows: s.Comprehension, w: Wording, function: str | None) -> str:
    """`summen af takster for resultat, for hver række i krav`: a comprehension said through
    its list, never through the name it binds: a field of the row goes by the field's name."""
    element = _words_of(_unbound(rows.element, rows.var), w)[0]
    value = function.format(element) if function else element
    record = isinstance(rows.source, s.Name)
    said = w.phrase("formula.for each row" if record else "formula.for each", value=value,
                    source=_words_of(rows.source, w)[0])
    if rows.where is not None:
        said = w.phrase("formula.where", value=said, condition=expr_text(_unbound(rows.where, rows.var)))
    return said


def _unbound(expr: s.Expr, var: str) -> s.Expr:
    """`expr` with each field of the bound row (`k.resultat`) written as the field alone."""
    if isinstance(expr, s.FieldRead) and isinstance(expr.record, s.Name) and expr.record.name == var:
        return s.Name(expr.field, span=expr.span)
    if isinstance(expr, s.Comprehension) and expr.var == var:
        return expr  # the name bound again inside: its rows are its own
    changed: dict[str, object] = {}
    for field in attrs.fields(type(expr)):
        value = getattr(expr, field.name)
        new = _unbound_in(value, var)
        if new is not value:
            changed[field.name] = new
    return attrs.evolve(expr, **changed) if changed else expr  # type: ignore[arg-type]


def _unbound_in(value: object, var: str) -> object:
    if isinstance(value, tuple):
        items = tuple(_unbound_in(item, var) for item in value)
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if attrs.has(type(value)) and isinstance(value, s.NODES):
        return _unbound(value, var)  # type: ignore[arg-type]
    return value


def payment_text(payment: PaymentLike, w: Wording, formula: bool = True) -> str:
    """A payment's amount to the krone, and every value it was worked out from; with
    `formula`, also the contract's expression for it, as written."""
    title = payment.title or payment.name
    if payment.not_applicable is not None:
        return _sentence(f"{title}: {not_applicable_text(payment.not_applicable, w)}")
    if payment.waiting:
        return _sentence(f"{title}: {waiting_text(payment.waiting, w)}")
    if payment.amount is None or payment.seen is None:
        reason = not_evaluable(payment.blocked, w) if payment.blocked is not None else ""
        return _sentence(f"{title}: {w['not evaluable']}" + (f": {reason}" if reason else ""))
    say = _Sayer(w, {})
    pending_seen = [payment.seen]
    while pending_seen:  # what each value of an `if` was compared with, to show it on its side
        seen = pending_seen.pop()
        say.compared(seen.branch)
        pending_seen.extend(seen.inputs)
    # An amount from results measured before the period's end: provisional, and said so.
    to_date = f"{w['amount to date']} " if payment.provisional else ""
    marked = f"{title} ({w['provisional']})" if payment.provisional else title
    # A payment is told to the krone (or the penny), never rounded into a larger unit.
    unit = "kr" if payment.currency == DKK else None
    head = f"{marked}: {to_date}{w.money(payment.amount, unit, currency=payment.currency)} = " + (
        expr_text(payment.seen.expr) if formula else formula_words(payment.seen.expr, w))
    values: list[str] = []
    # What a branch already says (`point_i_alt = 82.5: below 90, ...`) is not said again.
    told: set[str] = set()
    pending = list(payment.seen.inputs)
    while pending:
        seen = pending.pop(0)
        label = say.label(seen)
        if label in told:
            continue
        told.add(label)
        detail = ""
        if seen.branch:
            detail = f" ({say.branch(seen.branch)})"
            told.update(_labels_in(seen.branch, say))
        elif seen.counts is not None:
            detail = say.counts(seen.counts, seen.type)
        values.append(say.named(seen) if isinstance(seen.counts, RowCounts) else
                      f"{label} = {say.value(seen)}{detail}")
        pending.extend(seen.inputs)
    if payment.seen.branch:
        head += f" ({say.branch(payment.seen.branch)})"
    if not values:
        return _sentence(head)
    return _sentence(f"{head}, {w.phrase('from', values='; '.join(values))}")


def _labels_in(checks: Sequence[Check], say: _Sayer) -> set[str]:
    """The names of the values a branch's conditions show, with what they came from."""
    found: set[str] = set()
    pending: list[Seen] = []
    for check in checks:
        if isinstance(check, Compared):
            pending += [check.left, check.right]
    while pending:
        seen = pending.pop()
        if not seen.literal:
            found.add(say.label(seen))
            pending.extend(seen.inputs)
    return found


def _sentence(text: str) -> str:
    """`text` ending in one full stop, also where it ends in an abbreviation (`kr.`)."""
    return text if text.endswith(".") else text + "."
