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
from ..core.errors import Problem
from ..core.reasons import DELIVERABLE_PROBLEMS, problem_text
from ..core.values import DATE, LIST, MONEY, PERCENT, T_MONEY, T_NUMBER, T_PERCENT, Type, Value
from ..core.vocabulary import DKK, MONEY_UNITS, UNIT_CURRENCY
from ..core.wording import SCORE_DECIMALS
from ..language import syntax as s
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
        parts.append(w.phrase("missing", len(blocked.missing), names=w.listed(list(map(w.name, blocked.missing)))))
    if blocked.deliverables:
        parts.append(w.phrase("missing deliverable", len(blocked.deliverables),
                              names=w.listed(list(map(w.name, blocked.deliverables)))))
    parts.extend(w.phrase("invalid deliverable" if problem.code in DELIVERABLE_PROBLEMS else "invalid",
                          problem=problem_text(labelled_problem(problem, w), w)) for problem in blocked.invalid)
    if blocked.requirement is not None:
        say = _Sayer(w, {})
        parts.append(f"{blocked.requirement.reason.rstrip('.')} ({say.check(blocked.requirement.check)})")
    if blocked.failure is not None:
        parts.append(failure_text(blocked.failure, w))
    return "; ".join(parts)


def labelled_problem(found: Problem, w: Wording) -> Problem:
    """A problem with a fact's value, naming the fact by its label, as readers know it
    (`ugyldigt faktum indflyttede borgere: 300 ligger uden for ...`)."""
    params = tuple((key, w.name(value) if key in ("fact", "name") and isinstance(value, str) else value)
                   for key, value in found.params)
    inner = dict(found.params).get("problem")
    if isinstance(inner, Problem):
        params = tuple((key, labelled_problem(inner, w) if key == "problem" else value) for key, value in params)
    return attrs.evolve(found, params=params)


def not_applicable_text(why: NotApplicable, w: Wording) -> str:
    """Why a goal (or a payment) does not apply in the reporting period, without a full stop:
    its condition with the values that made it false (`the reporting year = 2009: not 2011`),
    or the goals it reads that do not apply."""
    if why.condition is not None:
        return w.phrase("applies.not", why=_Sayer(w, {}).check(why.condition))
    return w.phrase("applies.goals", goals=", ".join(why.goals))


def failure_text(failure: Failure, w: Wording) -> str:
    """A calculation that failed, in words, with where it stands."""
    params = {name: w.name(value) if name in ("name", "field") and isinstance(value, str) else _param_text(value, w)
              for name, value in failure.params.items()}
    if failure.expr is not None:
        params["expr"] = formula_words(failure.expr, w)
    text = w.phrase(f"failure.{failure.code}", **params)
    if failure.span is not None:
        text += " " + w.phrase("line", line=failure.span.line)
    if failure.metric is not None:
        text = w.phrase("metric failed", metric=w.name(failure.metric), cause=text)
    return text


def _param_text(value: object, w: Wording) -> str:
    """A parameter of a failure, in `w`'s words and number style: a value as seen (the
    fulfilment a tier worked out) as its value."""
    if isinstance(value, Seen):  # exact, as a message says it: what failed is in its digits
        return w.in_messages().value(value.value, value.type)
    return w.param(value)


class _Sayer:
    """Says the checks of one goal, knowing its deliverables."""

    def __init__(self, w: Wording, deliveries: Mapping[str, Delivery], verb: bool = False):
        self.w = w
        self.deliveries = deliveries
        # A value said with a verb (`point i alt er 82,5`), as in a sentence saying why; else `=`.
        self.verb = verb
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
            listed = self.w.listed(items, "or")
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
        elif inputs := _behind(seen, self):
            # What a value came from, but not the value itself again (`point i alt` from the points).
            details = " (" + self.w.phrase("from", values=", ".join(map(self.named, inputs))) + ")"
        if seen.branch:
            details = " (" + self.branch(seen.branch) + ")"
        unit = against.expr.unit if against is not None and isinstance(against.expr, s.Money) else None
        shown = self.value(seen)
        if unit is not None and isinstance(seen.value, Fraction | int) and not isinstance(seen.value, bool) \
                and (Fraction(seen.value) * 100 / MONEY_UNITS[unit]).denominator == 1:
            shown = self.w.money(seen.value, unit)
        if self.verb:
            return self.w.phrase("value.is", subject=self.label(seen), value=shown + details)
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
        if isinstance(expr, s.Call) and len(expr.args) == 1 and isinstance(expr.args[0], s.Name) \
                and expr.function in FUNCTIONS and FUNCTIONS[expr.function].words \
                and expr.args[0].name != DELIVERABLES:
            return _Words(self.w).named_call(expr, expr.function, expr.args[0])
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
            parts.append(w.phrase("waits.payment", name=w.name(item.name)))
        elif item.due is not None:
            parts.append(w.phrase(f"waits.{item.kind}", name=w.name(item.name), due=w.date(item.due)))
        else:
            parts.append(w.name(item.name))
    return w.phrase("waits", items=w.listed(parts))


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
            if kind == "share" and isinstance(seen.expr, s.Name) and not w.answers(seen.expr.name):
                kind = "entries"  # a share of housing statuses or claims: no answers to count
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
    `andel af største resultatløn af 10 % af (lønrammeløn + varige tillæg), afrundet til hele kroner`."""
    return _Words(w).say(expr)


def condition_words(expr: s.Expr, w: Wording) -> str:
    """A condition the contract wrote, in the reader's words: fields and names by their labels,
    `=` as `er`, `and` as `og`, `d in period` as `d ligger i perioden`."""
    return _Words(w).condition(expr)


# The parts of a date a whole number can stand for, with how many a year has of each.
_DATE_PARTS = {"month": 12, "quarter": 4}


class _Words:
    """An expression in words: every name by its label, every operator and function in words,
    every condition in words. Given `values` (what evaluation saw of each part: a payment's
    inputs), each value stands beside its label (`lønrammeløn 823.417,52 kr.`), and an `if`
    is said by the branch it took; `chosen` then holds each such `if`, to say why."""

    def __init__(self, w: Wording, values: Mapping[s.Expr, Seen] | None = None):
        self.w = w
        self.values = values or {}
        self.chosen: list[Seen] = []
        # A bound name, said by what it stands for: a field of the row is said alone; a number
        # a date's month is compared with is "the month" (`month(dato) = m`).
        self.parts: dict[str, str] = {}
        self.items: dict[str, str] = {}

    def say(self, expr: s.Expr) -> str:
        return self.of(expr)[0]

    def named(self, expr: s.Name | s.GoalValue, label: str) -> str:
        """A name with the value evaluation found for it, where that is known."""
        seen = self.values.get(expr)
        if seen is None or isinstance(seen.value, tuple):
            return label
        details = ""
        if isinstance(seen.counts, ShareCounts | NpsCounts):
            details = counts_text(seen.counts, self.w, seen.type)
        if seen.type is not None and seen.type.kind == MONEY and seen.type.currency_code == DKK \
                and isinstance(seen.value, Fraction | int):
            shown = self.w.money(seen.value, "kr")  # amounts side by side, in kroner as a payment is
        else:
            shown = self.w.value(seen.value, seen.type)
        if label[-1:].isdigit():  # `målopfyldelsen for mål 3 (100 %)`, not `mål 3 100 %`
            return f"{label} ({shown}){details}"
        return f"{label} {shown}{details}"

    def of(self, expr: s.Expr) -> tuple[str, int]:
        """`expr` in words, and how tightly it binds (8 for a single value, 0 for words around
        a value), for brackets where an operator's operand binds less tightly."""
        w = self.w
        match expr:
            case s.Money():
                return w.money(expr.value, expr.unit), 8
            case s.Number() | s.Percent():
                return w.value(expr.value, _LITERAL_TYPES[type(expr)]), 8
            case s.Text(value=text):
                return w.value(text, None), 8
            case s.Date(value=day):
                return w.value(day, None), 8
            case s.Bool(value=truth):
                return w.value(truth, None), 8
            case s.Duration():
                return w.value(expr.value, None), 8
            case s.Rate():
                return w.rate(expr.value, UNIT_CURRENCY[expr.unit], expr.per), 8
            case s.TableLiteral(pairs=pairs):
                return ", ".join(f"{key if isinstance(key, str) else w.value(key, None)}: {self.say(value)}"
                                 for key, value in pairs), 8
            case s.Name(name=name) if name in self.items:
                return self.items[name], 8
            case s.Name(name=name):
                seen = self.values.get(expr)
                label = ("NPS" if seen is not None and isinstance(seen.counts, NpsCounts)
                         and name.casefold() == "nps" and name not in w.labels else w.name(name))
                return self.named(expr, label), 8
            case s.GoalValue():
                return self.named(expr, goal_value_label(expr, w)), 8
            case s.Unary(op="-", operand=operand):
                inner, level = self.of(operand)
                return "-" + (inner if level >= 7 else f"({inner})"), 7
            case s.Unary(op="not", operand=operand):
                return w.phrase("condition.not", condition=self.condition(operand)), 0
            case s.Chain() if expr.op in _BINDING:
                level = _BINDING[expr.op]
                text, own = self.of(expr.first)
                words = [text if own >= level else f"({text})"]
                for op, operand in expr.steps:
                    text, own = self.of(operand)
                    words.append(f"{w['formula.' + op]} {text if own > level else f'({text})'}")
                return " ".join(words), level
            case s.Chain() | s.Compare() | s.Member():
                return self.condition(expr), 0
            case s.If():
                return self.branch_taken(expr)
            case s.Call(function="round" | "floor" | "ceil" | "round_half_even" as function,
                        args=(amount, s.Money() | s.Percent() | s.Number() as unit)):
                inner = self.rounded(amount, expr)
                if isinstance(unit, s.Money) and unit.value == 1 and unit.currency == DKK:
                    step = w["formula.whole kroner"]
                else:
                    step = self.say(unit)
                key = "formula.rounded" if function == "round" else f"formula.{function}"
                return w.phrase(key, amount=inner, unit=step), 0
            case s.Call(function="convert", args=(amount, s.Rate() as rate)):
                inner, _ = self.of(amount)
                return w.phrase("formula.converted", amount=inner,
                                rate=w.rate(rate.value, UNIT_CURRENCY[rate.unit], rate.per)), 0
            case s.Call(function="round", args=(amount,)):
                return w.phrase("formula.rounded whole", amount=self.rounded(amount, expr)), 0
            case s.Call(function="all" | "any" as function, args=(s.Comprehension() as rows,)):
                return self.rows(rows, None, quantifier=function), 0
            case s.Call(function=function, args=(s.Comprehension() as rows,)):
                return self.rows(rows, FUNCTIONS[function].words.get(w.lang) if function in FUNCTIONS else None), 0
            case s.Comprehension():
                return self.rows(expr, None), 0
            case s.Aggregate(function=function, var=var, source=source, where=where):
                # `count(t in udgåede where t.årsag = "operatør")`: said through the list, with
                # each field of the row by its own name, never through the name it binds.
                listed = self.say(source)
                self.items[var] = w["formula.answer" if isinstance(source, s.Name) and w.answers(source.name)
                                    else "formula.item"]
                condition = self.condition(_unbound(where, var))
                del self.items[var]
                return w.phrase(f"formula.{function} where", source=listed, condition=condition), 0
            case s.PeriodValue(field=field):
                return w["formula.period" + (f".{field}" if field else "")], 8
            case s.Lookup(table=table, key=key):
                # A key is a name for a row, as a year is (2016, never 2.016): written as it is.
                shown = w.number(key.value, grouped=False) if isinstance(key, s.Number) else self.say(key)
                return w.phrase("formula.lookup", table=self.say(table), key=shown), 8
            case s.Integers(low=low, high=high):
                return w.phrase("formula.integers", low=self.say(low), high=self.say(high)), 8
            case s.FieldRead(record=record, field=field):
                return w.phrase("formula.field", field=w.name(field), record=self.say(record)), 8
            case s.Call(function="min" | "max" as function, args=args) if len(args) >= 2:
                return w.phrase(f"formula.{function}", values=self.listed(args, "and")), 8
            case s.Call(function="all" | "any" as function, args=args) if len(args) >= 2:
                return self.listed(args, "and" if function == "all" else "or", condition=True), 2
            case s.Call(function="count", args=args) if len(args) >= 2:
                return w.phrase("formula.count of", values=self.listed(args, "and", condition=True)), 8
            case s.Call(function=function, args=(s.Name() as listed,)) \
                    if function in FUNCTIONS and FUNCTIONS[function].words:
                return self.named_call(expr, function, listed), 8
            case s.Call(function=function, args=(argument,)) if w.has(f"formula.{function}.of"):
                return w.phrase(f"formula.{function}.of", value=self.say(argument)), 8
            case s.Call(function=function, args=(argument,)) if function in FUNCTIONS and FUNCTIONS[function].words:
                return FUNCTIONS[function].words[w.lang].format(self.say(argument)), 8
            case s.SetLiteral(items=items) | s.ListLiteral(items=items) if items:
                return self.listed(items, "and"), 8
        return w["formula.calculation"], 8

    def named_call(self, expr: s.Call, function: str, listed: s.Name) -> str:
        """`antal svar i kundernes tilfredshed`: a function of one named list; a list that does
        not hold survey answers is counted by its entries (`antal i boligsituation`)."""
        label = self.w.name(listed.name)
        if function == "count" and not self.w.answers(listed.name):
            said = self.w.phrase("formula.count entries", list=label)
        else:
            said = FUNCTIONS[function].words[self.w.lang].format(label)
        seen = self.values.get(expr)
        return said if seen is None or isinstance(seen.value, tuple) else \
            f"{said} {self.w.value(seen.value, seen.type)}"

    def listed(self, items: Sequence[s.Expr], joined: str, condition: bool = False) -> str:
        """Items side by side; one said with words around it (`..., afrundet`) in brackets."""
        return self.w.listed([self.condition(item) if condition else self.bracketed(item) for item in items],
                             joined)

    def bracketed(self, expr: s.Expr) -> str:
        text, level = self.of(expr)
        return f"({text})" if level == 0 else text

    def rounded(self, amount: s.Expr, rounding: s.Expr) -> str:
        """What is rounded, with its exact value where that was seen, is not on show already and
        is not what it was rounded to."""
        inner, _ = self.of(amount)
        seen, result = self.values.get(amount), self.values.get(rounding)
        shown = [self.values.get(operand) for operand in (amount.operands if isinstance(amount, s.Chain) else ())
                 if isinstance(operand, s.Name | s.GoalValue)]
        if seen is None or isinstance(amount, s.Name | s.GoalValue) or isinstance(seen.value, tuple | bool) \
                or (result is not None and result.value == seen.value) \
                or any(other is not None and other.value == seen.value for other in shown):
            return inner
        return self.w.phrase("formula.comes to", formula=inner, value=self.w.value(seen.value, seen.type))

    def branch_taken(self, expr: s.If) -> tuple[str, int]:
        """An `if`: with values, the branch it took (and, in `chosen`, why); without, in words."""
        seen = self.values.get(expr)
        if seen is None or not seen.branch:
            return self.w.phrase("formula.if", then=self.say(expr.then), condition=self.condition(expr.condition),
                                 otherwise=self.say(expr.otherwise)), 0
        taken: s.Expr = expr
        for check in seen.branch:
            if not isinstance(taken, s.If):
                break
            taken = taken.then if _holds(check) else taken.otherwise
        self.chosen.append(seen)
        return self.of(taken)

    def rows(self, rows: s.Comprehension, function: str | None, quantifier: str | None = None) -> str:
        """`summen af takster for resultat, for hver række i krav`: a comprehension said through
        its list, never through the name it binds: a field of the row goes by the field's name,
        and a month it goes through (`for m in 1 .. 12` with `month(dato) = m`) is "the month"."""
        part = _part_of(rows)
        if part is not None:
            self.parts[rows.var] = part
        elif isinstance(rows.source, s.Name):
            self.items[rows.var] = self.w["formula.answer" if self.w.answers(rows.source.name)
                                          else "formula.item"]
        if function is not None and function == FUNCTIONS["count"].words.get(self.w.lang):
            # `count(r.y = x for r in b)`: the number of rows of b where y is x.
            said_source = self.say(rows.source)
            conditions = [self.condition(_unbound(rows.element, rows.var))] + (
                [self.condition(_unbound(rows.where, rows.var))] if rows.where is not None else [])
            self.parts.pop(rows.var, None)
            self.items.pop(rows.var, None)
            return self.w.phrase("formula.count where", source=said_source,
                                 condition=f" {self.w['and']} ".join(conditions))
        element = self.say(_unbound(rows.element, rows.var))
        condition = self.condition(_unbound(rows.where, rows.var)) if rows.where is not None else None
        self.parts.pop(rows.var, None)
        self.items.pop(rows.var, None)
        value = function.format(element) if function else element
        if part is not None:
            source = rows.source
            whole = isinstance(source, s.Integers) and s.literal_value(source.low) == 1 \
                and s.literal_value(source.high) == _DATE_PARTS[part]
            said = self.w.phrase(f"formula.for each {part}", value=value) if whole else \
                self.w.phrase(f"formula.for each {part} of", value=value, source=self.say(source))
        else:
            record = isinstance(rows.source, s.Name)
            # `all(...)` holds for every row, `any(...)` for at least one: never "for each" for `any`.
            key = {"all": "formula.every", "any": "formula.some"}.get(quantifier or "", "formula.for each")
            said = self.w.phrase(key + (" row" if record else ""), value=value, source=self.say(rows.source))
        if condition is not None:
            said = self.w.phrase("formula.where", value=said, condition=condition)
        return said

    def condition(self, expr: s.Expr) -> str:
        """A condition in words: `årsag er "operatør" og dato ligger i perioden`."""
        w = self.w
        match expr:
            case s.Chain(steps=steps) if expr.op in ("and", "or"):
                said = [self.condition(expr.first)] + [self.condition(operand) for _, operand in steps]
                said = [f"({part})" if isinstance(operand, s.Chain) and operand.op in ("and", "or") else part
                        for part, operand in zip(said, expr.operands, strict=True)]
                return f" {w[expr.op]} ".join(said)
            case s.Unary(op="not", operand=operand):
                return w.phrase("condition.not", condition=self.condition(operand))
            case s.Compare(op=op, left=s.Call(function=part, args=(day,)), right=s.Name(name=name)) \
                    if self.parts.get(name) == part and op == "=":
                return w.phrase(f"condition.in {part}", date=self.say(day))
            case s.Compare(op=op, left=left, right=right):
                kind = "date" if _is_date(left, self.values) or _is_date(right, self.values) else "number"
                key = f"condition.{op} {kind}" if w.has(f"condition.{op} {kind}") else f"condition.{op}"
                return w.phrase(key, left=self.measured(left, right), right=self.measured(right, left))
            case s.Member(item=item, collection=s.PeriodValue(field=None), negated=negated):
                return w.phrase("condition.not in period" if negated else "condition.in period", item=self.say(item))
            case s.Member(item=item, collection=collection, negated=negated):
                items = collection.items if isinstance(collection, s.SetLiteral | s.ListLiteral) else ()
                if len(items) == 1:
                    return w.phrase("condition.!=" if negated else "condition.=", left=self.say(item),
                                    right=self.say(items[0]))
                listed = self.listed(items, "or") if items else self.say(collection)
                return w.phrase("condition.not among" if negated else "condition.among", item=self.say(item),
                                collection=listed)
        return self.say(expr)


    def measured(self, expr: s.Expr, against: s.Expr) -> str:
        """`expr` in words; a number the contract writes against a value with a unit, in that
        unit (`sagsbehandlingstid er højst 30 dage`, not `højst 30`), and against a year as a
        year is written (`rapporteringsåret er 2011`, never 2.011)."""
        if isinstance(expr, s.Number) and isinstance(against, s.Name) and against.name in self.w.units:
            return self.w.value(expr.value, None, unit=self.w.unit(against.name, expr.value))
        year = (isinstance(against, s.PeriodValue) and against.field == "year") \
            or (isinstance(against, s.Call) and against.function == "year")
        if isinstance(expr, s.Number) and year:
            return self.w.number(expr.value, grouped=False)
        return self.say(expr)


def _holds(check: Check) -> bool:
    return check.holds


def _is_date(expr: s.Expr, values: Mapping[s.Expr, Seen]) -> bool:
    seen = values.get(expr)
    if seen is not None and seen.type is not None:
        return seen.type.kind == DATE
    return isinstance(expr, s.Date) or (isinstance(expr, s.PeriodValue) and expr.field in ("start", "end")) \
        or (isinstance(expr, s.Chain) and any(isinstance(operand, s.Duration) for operand in expr.operands))


def _part_of(rows: s.Comprehension) -> str | None:
    """The part of a date (`month`) a comprehension over whole numbers goes through: the one
    its bound number is compared with (`month(t.dato) = m`), if any."""
    if not isinstance(rows.source, s.Integers):
        return None
    pending: list[s.Expr] = [rows.element] + ([rows.where] if rows.where is not None else [])
    while pending:
        node = pending.pop()
        if isinstance(node, s.Compare) and node.op == "=" and isinstance(node.right, s.Name) \
                and node.right.name == rows.var and isinstance(node.left, s.Call) \
                and node.left.function in _DATE_PARTS:
            return node.left.function
        pending.extend(s.children(node))
    return None


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


def payment_text(payment: PaymentLike, w: Wording, formula: bool = False) -> str:
    """A payment's amount to the krone; the contract's formula for it in words, with each value it
    was worked out from beside its label; and why a value an `if` chose is what it is:
    `Resultatløn 2023: 55.180 kr. = andel af største resultatløn 60 % af 10 % af (lønrammeløn
    823.417,52 kr. + varige tillæg 96.250 kr.) = 55.180,05 kr., afrundet til hele kroner; andel af
    største resultatløn er 60 %, fordi point i alt er 82,5: under 90, men mindst 75`.

    Readers see no code: `formula` is kept for those who asked for the formula, which is said in
    words as well (the contract's own text is in the JSON's `value`)."""
    del formula
    title = payment.title or payment.name
    if payment.not_applicable is not None:
        return _sentence(f"{title}: {not_applicable_text(payment.not_applicable, w)}")
    if payment.waiting:
        return _sentence(f"{title}: {waiting_text(payment.waiting, w)}")
    if payment.amount is None or payment.seen is None:
        reason = not_evaluable(payment.blocked, w) if payment.blocked is not None else ""
        return _sentence(f"{title}: {w['not evaluable']}" + (f": {reason}" if reason else ""))
    # Every value evaluation saw on the way, by the part of the formula it is the value of.
    values: dict[s.Expr, Seen] = {}
    pending = [payment.seen]
    while pending:
        seen = pending.pop(0)
        values.setdefault(seen.expr, seen)
        pending.extend(seen.inputs)
    say = _Words(w, values)
    said = say.say(payment.seen.expr)
    # An amount from results measured before the period's end: provisional, and said so.
    to_date = f"{w['amount to date']} " if payment.provisional else ""
    marked = f"{title} ({w['provisional']})" if payment.provisional else title
    # A payment is told to the krone (or the penny), never rounded into a larger unit.
    unit = "kr" if payment.currency == DKK else None
    amount = w.money(payment.amount, unit, currency=payment.currency)
    head = f"{marked}: {to_date}{amount}"
    if s.signed_literal(_taken(payment.seen.expr, values)) is None:
        head += f" = {said}"
    because = _Sayer(w, {}, verb=True)
    pending = [payment.seen]
    while pending:  # what each value of an `if` was compared with, to show it on its side
        seen = pending.pop()
        because.compared(seen.branch)
        pending.extend(seen.inputs)
    for chosen in say.chosen:  # the branch an `if` took, and why
        head += ", " + w.phrase("because", why=because.branch(chosen.branch))
    reasons = _reasons(payment.seen.expr, values, say, because)
    return _sentence("; ".join([head, *reasons]))


def _taken(expr: s.Expr, values: Mapping[s.Expr, Seen]) -> s.Expr:
    """The expression an `if` at the top of `expr` took, by the conditions it tried."""
    while isinstance(expr, s.If) and (seen := values.get(expr)) is not None and seen.branch:
        taken: s.Expr = expr
        for check in seen.branch:
            if not isinstance(taken, s.If):
                break
            taken = taken.then if check.holds else taken.otherwise
        expr = taken
    return expr


def _reasons(expr: s.Expr, values: Mapping[s.Expr, Seen], say: _Words, because: _Sayer) -> list[str]:
    """Why the values a formula names are what they are: a value an `if` chose, by the branch
    that held (`andel af største resultatløn er 60 %, fordi point i alt er 82,5: under 90, men
    mindst 75`); a metric, by what it is worked out from. Each said once, and never a value by
    itself again (`point i alt` from the total points)."""
    w = say.w
    reasons: list[str] = []
    told: set[s.Expr] = set()
    by_name = {seen.expr.name: seen for seen in values.values() if isinstance(seen.expr, s.Name)}
    pending = [by_name[name] for name in dict.fromkeys(s.names_in(_taken(expr, values))) if name in by_name]
    first = len(pending)
    while pending:
        seen = pending.pop(0)
        first -= 1
        if seen.expr in told or not isinstance(seen.expr, s.Name):
            continue
        told.add(seen.expr)
        label = because.label(seen)
        if seen.branch:
            reasons.append(w.phrase("value.because", subject=label, value=because.value(seen),
                                    why=because.branch(seen.branch)))
            told.update(_exprs_in(seen.branch))
            continue
        if isinstance(seen.counts, RowCounts):  # a value made from rows: by what its rows came to
            reasons.append(because.named(seen) if isinstance(seen.value, tuple) else
                           label + because.counts(seen.counts, seen.type))
            continue
        inputs = [i for i in _behind(seen, because) if not i.literal]
        if inputs and first >= 0:
            told.update(i.expr for i in inputs)  # said here, with what they came to
            reasons.append(w.phrase("value.from", subject=label, values=w.listed(
                [say.of(i.expr)[0] if isinstance(i.expr, s.Name | s.GoalValue) and not isinstance(i.value, tuple)
                 else because.named(i)
                 for i in inputs])))
        pending.extend(seen.inputs)
    return reasons


def _behind(seen: Seen, say: _Sayer) -> list[Seen]:
    """What a value came from, but not the value itself again: `point i alt` is the points,
    and saying it came from the points (82,5) says nothing."""
    if len(seen.inputs) == 1 and seen.inputs[0].value == seen.value:
        return []
    return [i for i in seen.inputs if say.label(i) != say.label(seen)]


def _exprs_in(checks: Sequence[Check]) -> set[s.Expr]:
    """What a branch's conditions show, with what that came from: not said again."""
    found: set[s.Expr] = set()
    pending: list[Seen] = []
    for check in checks:
        if isinstance(check, Compared):
            pending += [check.left, check.right]
    while pending:
        seen = pending.pop()
        found.add(seen.expr)
        pending.extend(seen.inputs)
    return found


def _sentence(text: str) -> str:
    """`text` ending in one full stop, also where it ends in an abbreviation (`kr.`)."""
    return text if text.endswith(".") else text + "."
