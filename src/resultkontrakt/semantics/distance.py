"""How far a goal's subject is from its next tier: what a director asks in the first quarter.

For a goal whose tiers compare one value with fixed thresholds (`score nps
>= 60 -> 100%; >= 50 -> 50%`), the fulfilment is a step function of that
value. Its steps lie at the thresholds, so the nearest value that gives a
better (or a worse) fulfilment is found by trying each threshold, just
below it, at it, and just above it: exact, and in as many steps as there are
tiers. For an NPS or a share computed from answers, the same move is also
said in answers: how many would have to change, at the same number of answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from .evidence import Compared, Move, NpsCounts, Seen, ShareCounts, TierTried

# A tier: its operator, its threshold and its fulfilment.
Tier = tuple[str, Fraction, Fraction]
# A point on the line: a value, and -1, 0 or +1 for just below it, at it, or just above it.
Point = tuple[Fraction, int]


@attrs.frozen
class Reach:
    """A goal's tiers, where they compare one value with fixed thresholds: what its result
    needs to say how far that value is from the next tier, once someone asks."""

    tiers: tuple[Tier, ...]
    otherwise: Fraction

    def distance(self, steps: Sequence[object]) -> Distance | None:
        """The distance of the value the tiers compared, as seen in `steps`; None if none was."""
        for step in steps:
            if isinstance(step, TierTried):
                subject = step.check.left if isinstance(step.check, Compared) else None
                if subject is None or isinstance(subject.value, bool) \
                        or not isinstance(subject.value, Fraction | int):
                    return None
                return Distance(subject, self.tiers, self.otherwise)
        return None


@attrs.frozen
class Distance:
    """For a goal whose tiers compare one value with fixed thresholds: the value as seen, and
    the tiers. How far it is from a better fulfilment, and from a worse one, is worked out
    when asked (an evaluation that nobody reads about pays nothing for it)."""

    subject: Seen
    tiers: tuple[Tier, ...]
    otherwise: Fraction

    @property
    def better(self) -> Move | None:
        return self._in_answers(moves(self.tiers, self.otherwise, self._value, self._step)[0])

    @property
    def worse(self) -> Move | None:
        return self._in_answers(moves(self.tiers, self.otherwise, self._value, self._step)[1])

    @property
    def _value(self) -> Fraction:
        assert isinstance(self.subject.value, Fraction | int)
        return Fraction(self.subject.value)

    @property
    def _step(self) -> Fraction | None:
        """1 for a subject that only takes whole values (an integer): it moves in whole steps."""
        type_ = self.subject.type
        whole = type_ is not None and type_.integer and self._value.denominator == 1
        return Fraction(1) if whole else None

    def _in_answers(self, move: Move | None) -> Move | None:
        counts = self.subject.counts
        if move is None or not isinstance(counts, NpsCounts | ShareCounts) or _counted_value(counts) != self._value:
            return move
        found = in_answers(move, self._value, counts)
        if found.answers is None:
            return found
        # Whole answers move the value in steps: the first step as far as the move names the
        # fulfilment those answers reach, which is another where the steps jump past a tier.
        reached = fulfilment_at(self.tiers, self.otherwise, (_first_step(move, self._value, counts), 0))
        return found if reached == move.fulfilment else attrs.evolve(found, by_answers=reached)


def _counted_value(counts: NpsCounts | ShareCounts) -> Fraction:
    """The NPS or the share the counts make: the value in answers, if the subject is that."""
    if isinstance(counts, NpsCounts):
        return Fraction(100 * (counts.promoters - counts.detractors), counts.answers or 1)
    return Fraction(counts.counted, counts.of or 1)


def _holds(op: str, point: Point, threshold: Fraction) -> bool:
    value, side = point
    sign = (value > threshold) - (value < threshold) if value != threshold else side
    return {">=": sign >= 0, ">": sign > 0, "<=": sign <= 0, "<": sign < 0, "=": sign == 0,
            "!=": sign != 0}[op]


def fulfilment_at(tiers: Sequence[Tier], otherwise: Fraction, point: Point) -> Fraction:
    """The fulfilment the tiers give at `point`: the first tier that holds, else `otherwise`."""
    for op, threshold, fulfilment in tiers:
        if _holds(op, point, threshold):
            return fulfilment
    return otherwise


def moves(tiers: Sequence[Tier], otherwise: Fraction, value: Fraction, step: Fraction | None = None
          ) -> tuple[Move | None, Move | None]:
    """The smallest move of `value` to a better fulfilment, and to a worse one (None: none exists).
    With `step`, the value moves only in whole steps of it (an integer: steps of 1)."""
    if step is not None:
        return _moves_in_steps(tiers, otherwise, value, step)
    now = fulfilment_at(tiers, otherwise, (value, 0))
    better: tuple[tuple[Fraction, int], Move] | None = None
    worse: tuple[tuple[Fraction, int], Move] | None = None
    for _, threshold, _ in tiers:
        for side in (-1, 0, 1):
            point = (threshold, side)
            if point == (value, 0):
                continue
            direction = 1 if point > (value, 0) else -1
            if side == -direction:
                continue  # short of the threshold: the same as a nearer point, if not as now
            reached = fulfilment_at(tiers, otherwise, point)
            if reached == now:
                continue
            by = abs(threshold - value)
            beyond = side == direction  # just past the threshold, rather than at it
            key = (by, 1 if beyond else 0)
            move = Move(direction, by, beyond, reached)
            if reached > now and (better is None or key < better[0]):
                better = (key, move)
            if reached < now and (worse is None or key < worse[0]):
                worse = (key, move)
    return (better[1] if better else None), (worse[1] if worse else None)


def _moves_in_steps(tiers: Sequence[Tier], otherwise: Fraction, value: Fraction, step: Fraction
                    ) -> tuple[Move | None, Move | None]:
    """`moves` for a value that takes only `value + k * step`: the fulfilment changes only at
    thresholds, so the nearest steps on either side of each threshold are all there is to try.
    An integer compared with 10.5 rises by 1 (to 11), never by 0.5."""
    now = fulfilment_at(tiers, otherwise, (value, 0))
    better: Move | None = None
    worse: Move | None = None
    for _, threshold, _ in tiers:
        nearest = (threshold - value) // step
        for k in (nearest - 1, nearest, nearest + 1, nearest + 2):
            if k == 0:
                continue
            to = value + k * step
            reached = fulfilment_at(tiers, otherwise, (to, 0))
            move = Move(1 if k > 0 else -1, abs(k) * step, False, reached, to=to)
            if reached > now and (better is None or move.by < better.by):
                better = move
            if reached < now and (worse is None or move.by < worse.by):
                worse = move
    return better, worse


def _first_step(move: Move, value: Fraction, counts: NpsCounts | ShareCounts) -> Fraction:
    """The value after the fewest whole answers that move it as far as `move` asks: the answers
    change it in steps of one answer's weight (100/n points of an NPS, 1/n of a share)."""
    size = Fraction(100, counts.answers) if isinstance(counts, NpsCounts) else Fraction(1, counts.of)
    steps = move.by // size + 1 if move.beyond else -(-move.by // size)
    return value + move.direction * steps * size


def in_answers(move: Move, value: Fraction, counts: NpsCounts | ShareCounts) -> Move:
    """`move` with how many answers would have to change, at the same number of answers.

    The least number of answers that must change: an NPS rises fastest as answers of
    0-6, then of 7-8, become 9-10, and falls fastest as answers of 9-10 become 0-6; a
    share rises as answers that do not meet its condition come to meet it, and falls the
    other way. That number is found by bisection over the exact values.
    """
    value_after = _after(counts, move.direction)
    most = _most(counts, move.direction)
    if most < 1 or not _passes(value_after(most), value, move):
        return move  # not even every answer changed would do it
    low, high = 0, most  # too few with `low` answers changed; enough with `high`
    while high - low > 1:
        middle = (low + high) // 2
        if _passes(value_after(middle), value, move):
            high = middle
        else:
            low = middle
    return attrs.evolve(move, answers=high)


def _passes(after: Fraction, value: Fraction, move: Move) -> bool:
    """Whether moving from `value` to `after` goes as far as `move` asks."""
    gone = (after - value) * move.direction
    return gone > move.by if move.beyond else gone >= move.by


def _most(counts: NpsCounts | ShareCounts, direction: int) -> int:
    if isinstance(counts, NpsCounts):
        return counts.passives + counts.detractors if direction > 0 else counts.promoters
    return counts.of - counts.counted if direction > 0 else counts.counted


def _after(counts: NpsCounts | ShareCounts, direction: int) -> Callable[[int], Fraction]:
    """The value with k answers changed, the way `direction` says."""
    if isinstance(counts, ShareCounts):
        return lambda k: Fraction(counts.counted + direction * k, counts.of)
    n = counts.answers

    def nps(k: int) -> Fraction:
        promoters, detractors = counts.promoters, counts.detractors
        if direction > 0:  # 0-6 first (two steps each), then 7-8, become 9-10
            promoters += k
            detractors -= min(k, counts.detractors)
        else:  # 9-10 become 0-6 (two steps each)
            promoters -= k
            detractors += k
        return Fraction(100 * (promoters - detractors), n)
    return nps
