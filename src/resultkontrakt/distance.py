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

from .records import Record, record

from .evidence import Comparison, Move, NpsCounts, Seen, ShareCounts, TierTried

# A tier: its operator, its threshold and its fulfilment.
Tier = tuple[str, Fraction, Fraction]
# A point on the line: a value, and -1, 0 or +1 for just below it, at it, or just above it.
Point = tuple[Fraction, int]


@record
class Reach(Record):
    """A goal's tiers, where they compare one value with fixed thresholds: what its result
    needs to say how far that value is from the next tier, once someone asks."""

    tiers: tuple[Tier, ...]
    otherwise: Fraction

    def distance(self, steps: Sequence[object]) -> Distance | None:
        """The distance of the value the tiers compared, as seen in `steps`; None if none was."""
        for step in steps:
            if isinstance(step, TierTried):
                subject = step.check.left if isinstance(step.check, Comparison) else None
                if subject is None or isinstance(subject.value, bool) \
                        or not isinstance(subject.value, Fraction | int):
                    return None
                return Distance(subject, self.tiers, self.otherwise)
        return None


@record
class Distance(Record):
    """For a goal whose tiers compare one value with fixed thresholds: the value as seen, and
    the tiers. How far it is from a better fulfilment, and from a worse one, is worked out
    when asked (an evaluation that nobody reads about pays nothing for it)."""

    subject: Seen
    tiers: tuple[Tier, ...]
    otherwise: Fraction

    @property
    def better(self) -> Move | None:
        return self._in_answers(moves(self.tiers, self.otherwise, self._value)[0])

    @property
    def worse(self) -> Move | None:
        return self._in_answers(moves(self.tiers, self.otherwise, self._value)[1])

    @property
    def _value(self) -> Fraction:
        assert isinstance(self.subject.value, Fraction | int)
        return Fraction(self.subject.value)

    def _in_answers(self, move: Move | None) -> Move | None:
        counts = self.subject.counts
        if move is None or counts is None or _counted_value(counts) != self._value:
            return move
        return in_answers(move, self._value, counts)


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


def moves(tiers: Sequence[Tier], otherwise: Fraction, value: Fraction) -> tuple[Move | None, Move | None]:
    """The smallest move of `value` to a better fulfilment, and to a worse one (None: none exists)."""
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
    return Move(move.direction, move.by, move.beyond, move.fulfilment, high)


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
