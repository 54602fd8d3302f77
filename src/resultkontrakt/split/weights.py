"""A split's weights when they come from a table fact, checked against the split: no weight
below zero, every party listed in `parties` in the table and no other, not all of them zero,
and fractions whose common denominator stays of a bounded size."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import cast

from ..core.errors import FactsError, Problem
from ..core.reasons import problem
from ..core.values import Value
from ..core.vocabulary import quote, shortened
from ..language import syntax as s
from ..semantics.runtime import MAX_BITS

# Past this many, the problems with a table's parties are not each said.
MAX_LISTED = 20


def weights_in(split: s.Split, values: Mapping[str, Value], invalid: Mapping[str, Problem]
               ) -> list[tuple[str, Fraction | int]]:
    """The weights of a split from a table fact already checked (`values`, or why it is
    `invalid`), with its parties as listed."""

    name = split.shares_from
    assert name is not None
    if name in invalid:
        raise FactsError([invalid[name]])
    if name not in values:
        raise FactsError([problem("split.not-given", split=split.name, fact=name)])
    table = cast("tuple[tuple[str, Fraction | int], ...]", values[name])
    return checked_weights(split, table)


def checked_weights(split: s.Split, table: tuple[tuple[str, Fraction | int], ...]
                    ) -> list[tuple[str, Fraction | int]]:
    """A split's weights from a table: FactsError naming each weight below zero and each party
    missing from the table or from `parties`."""
    name = split.shares_from
    problems = [problem("split.negative", fact=name, party=quote(shortened(party)), weight=weight)
                for party, weight in table if weight < 0][:MAX_LISTED]
    if split.parties:
        named = {party for party, _ in table}
        problems += [problem("split.party-missing", split=split.name, fact=name, party=quote(party))
                     for party in split.parties if party not in named][:MAX_LISTED]
        problems += [problem("split.party-unlisted", split=split.name, fact=name, party=quote(party))
                     for party, _ in table if party not in split.parties][:MAX_LISTED]
    if not problems and all(weight == 0 for _, weight in table):
        problems.append(problem("split.zero", fact=name))
    if not problems and _common_denominator_bits(weight for _, weight in table) > MAX_BITS:
        # Weights are made whole by their common denominator; fractions with unlike
        # denominators (1/3, 1/7, ...) could make it astronomically large.
        problems.append(problem("split.denominator", fact=name))
    if problems:
        raise FactsError(problems)
    return [(party, weight) for party, weight in table]


def _common_denominator_bits(weights: Iterable[Fraction | int]) -> int:
    """The size in bits of the weights' least common denominator, counted no further than needed."""
    common = 1
    for weight in weights:
        common = math.lcm(common, Fraction(weight).denominator)
        if common.bit_length() > MAX_BITS:
            break
    return common.bit_length()
