"""A split worked out, as data: each party's share of the total, with how it came about.

Splitting makes these (allocation.py); the words for them are said.py's, and the class
users hold, `rk.Allocation`, is these with those words (output/results.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction

import attrs


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
class Shares(Mapping[str, "Fraction | int"]):
    """A split worked out: party -> amount in the split's unit, adding up to the total exactly."""

    name: str
    unit: str  # the unit of account: "kr", "tkr", "mio kr", "EUR", "mio GBP", ...
    unit_size: Fraction  # the smallest amount billed, in `unit`
    total: Fraction  # in `unit`
    installments: int
    method: str
    key: str | None
    shares: tuple[PartyShare, ...] = attrs.field(repr=False)
    margins: bool = attrs.field(default=True, repr=False)
    title: str | None = None  # what readers see it called, where the contract gives it a title
    # The contract's own language (`language "da"`), a code, for a notebook's view; None where
    # the contract says none.
    language: str | None = attrs.field(default=None, repr=False, eq=False)
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
    def shown_as(self) -> str:
        """The split as readers see it named: its title, or else its name."""
        return self.title or self.name

    @property
    def currency(self) -> str:
        """The ISO code of the currency its amounts are in."""
        from ..core.vocabulary import UNIT_CURRENCY

        return UNIT_CURRENCY[self.unit]

    @property
    def weight_total(self) -> Fraction:
        return sum((share.weight for share in self.shares), Fraction(0))


def _whole(value: Fraction) -> Fraction | int:
    return value.numerator if value.denominator == 1 else value
