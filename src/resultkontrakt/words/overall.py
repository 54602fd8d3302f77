"""The overall result in words, always with what it covers.

An overall is an average of the goals that have a result; said bare ("100 %") it hides the
goals still pending and those that cannot be evaluated. Every reader of it (`rk eval`, the
report, notebooks, JSON's `explanation`, the comparison) says it through here, from the
evaluation's `Covers` (semantics/status.py): `100 % af 1 vurderet mål; 2 afventer (mål 1, 3),
1 kan ikke vurderes (mål 4)`, or short when it covers every goal: `72,2 % (vægtet gennemsnit af
9 mål)`. "Weighted" is said only where the goals it averages weigh differently.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.wording import Wording
    from ..semantics.status import Covers


def overall_label(covers: Covers, w: Wording, key: str = "overall.label") -> str:
    """`Samlet` (or the report's `Samlet målopfyldelse`, `key`), with `(foreløbig)` while
    the overall is a result to date."""
    label = w[key]
    return f"{label} ({w['provisional']})" if covers.provisional else label


def overall_text(overall: Fraction | None, covers: Covers, w: Wording) -> str:
    """The overall and what it covers, without a label: `100 % af 1 vurderet mål; 2 afventer
    (mål 1, 3)`; `72,2 % (gennemsnit af 9 mål)` when it covers every goal that applies."""
    if not covers.applicable and not covers.not_applicable:  # a contract of payments alone
        return w["overall.no goals"]
    if not covers.applicable:
        return w.phrase("overall.none applicable", len(covers.not_applicable), n=len(covers.not_applicable))
    left_out = [w.phrase(f"overall.{what}", len(ids), n=len(ids), ids=goal_ids(ids, w))
                for what, ids in (("pending", covers.pending), ("not evaluable", covers.not_evaluable),
                                  ("not applicable", covers.not_applicable)) if ids]
    if overall is None and covers.decided:  # every goal decided weighs 0: no average to take
        return "; ".join([w["overall.weightless"], ", ".join(left_out)]) if left_out else w["overall.weightless"]
    if overall is None:  # no goal has a result: say why of each
        return f"{w.phrase('overall.no result', covers.applicable, n=covers.applicable)}: {', '.join(left_out)}"
    n = len(covers.decided)
    weighted = " weighted" if covers.weighted else ""
    head = w.phrase(f"overall.{'all' if covers.complete else 'some'}{weighted}", n, overall=w.percent(overall),
                    n=n)
    return "; ".join([head, ", ".join(left_out)]) if left_out else head


def overall_sentence(overall: Fraction | None, covers: Covers, w: Wording) -> str:
    """`Samlet (foreløbig): 100 % af 1 vurderet mål; 2 afventer (mål 1, 3).`"""
    return f"{overall_label(covers, w)}: {overall_text(overall, covers, w)}."


def overall_cell(overall: Fraction | None, covers: Covers, w: Wording, *, whole: bool) -> str:
    """An overall in a table cell: `72,2 %`, `100 % (foreløbig)`; `50 % (2 af 4 mål)` unless
    `whole` (it covers every goal that applies, as every other column's does); `–` for none."""
    if overall is None:
        return w["report.none"]
    shown = w.percent(overall)
    if not whole:
        shown = w.phrase("overall.cell", overall=shown, n=len(covers.decided), of=covers.applicable)
    return shown + (f" ({w['provisional']})" if covers.provisional else "")


# A headline names this many goals at most and counts the rest: 2,000 ids are no headline.
SHOWN_IDS = 10


def goal_ids(ids: tuple[str, ...], w: Wording) -> str:
    """`mål 1, 3`; `goal 4`; `goals 1, 2, …, 10 and 1990 more` past `SHOWN_IDS`."""
    listed = ", ".join(ids[:SHOWN_IDS])
    if len(ids) > SHOWN_IDS:
        listed = w.phrase("overall.ids more", ids=listed, n=w.number(len(ids) - SHOWN_IDS))
    return w.phrase("overall.ids", len(ids), ids=listed)
