"""Facts sets for the agreement check: the six goals' facts, drawn from a fixed seed, with the
values on the goals' boundaries drawn often (NPS exactly 60 or 50, ambassadors exactly 50% or
40%, the admin share exactly 8%, spending exactly the budget or 110% of it, a deliverable on its
due date, visits exactly 100, 120 or 150): where floats and exact numbers part, it is there."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

from six_goals import DUE

SEED = 25


def facts_sets(count: int = 1_000, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [_facts(rng) for _ in range(count)]


def _facts(rng: random.Random) -> dict[str, Any]:
    budget = rng.randint(100, 3_000) * 5_000  # kr: 0.5 to 15 mio in steps of 5 tkr
    ratio = rng.choice((Fraction(1), Fraction(11, 10))) if rng.random() < 0.3 else Fraction(rng.randint(800, 1300), 1000)
    return {"anbefaling": _answers(rng), "besøg": _visits(rng), "admin": _admin(rng),
            "udgifter": _money(rng, budget * ratio), "budget": _money(rng, Fraction(budget)),
            "strategi": _deliverable(rng, DUE), "camp": _deliverable(rng, DUE), "rapport": _deliverable(rng, None)}


def _answers(rng: random.Random) -> list[int]:
    """Survey answers 0-10, as many as a small survey has (cel-python takes ~0.2 ms an answer);
    one set in eight has fewer than 30, and goal 1 is not evaluable."""
    n = rng.randint(5, 29) if rng.random() < 0.125 else rng.choice((30, 40, 50, 60, 80, 100))
    kind = rng.random()
    if kind < 0.25:  # NPS exactly 60 or 50
        nps = rng.choice((60, 50))
        detractors = rng.randint(0, (n - n * nps // 100) // 2)
        promoters = n * nps // 100 + detractors
    elif kind < 0.45:  # ambassadors exactly 50% or 40%
        promoters = n * rng.choice((5, 4)) // 10
        detractors = rng.randint(0, n - promoters)
    else:
        promoters = rng.randint(0, n)
        detractors = rng.randint(0, n - promoters)
    answers = ([rng.choice((9, 10)) for _ in range(promoters)] + [rng.randint(0, 6) for _ in range(detractors)]
               + [rng.choice((7, 8)) for _ in range(n - promoters - detractors)])
    rng.shuffle(answers)
    return answers


def _visits(rng: random.Random) -> int:
    return rng.choice((100, 120, 150, 99, 119, 149)) if rng.random() < 0.3 else rng.randint(60, 200)


def _admin(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(("8%", "8.0%", "7.99%", "8.01%"))
    return f"{_decimal(Fraction(rng.randint(300, 1_300), 100))}%"


def _money(rng: random.Random, kroner: Fraction) -> str:
    """`kroner` written as a contract's facts are: in kr, tkr or mio, with decimals where needed,
    but never three of them (rk refuses 5.895 as unclear: in Danish the dot separates thousands)."""
    written = []
    for unit, size in (("kr", 1), ("tkr", 1_000), ("mio", 1_000_000)):
        amount = _decimal(kroner / size)
        if len(amount.partition(".")[2]) != 3:
            written.append(f"{amount} mio kr" if unit == "mio" else f"{amount} {unit}")
    return rng.choice(written)


def _decimal(value: Fraction) -> str:
    """A fraction with a finite decimal expansion, written out without exponent or trailing zeros."""
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _deliverable(rng: random.Random, due: dt.date | None) -> bool | str:
    kind = rng.random()
    if kind < 0.2:
        return rng.random() < 0.5
    if due is not None and kind < 0.5:
        return due.isoformat()  # delivered on its due date
    return (dt.date(2019, 10, 1) + dt.timedelta(days=rng.randint(0, 180))).isoformat()
