"""Evaluations and splits as text for a terminal, JSON for other tools, CSV for spreadsheets."""

from __future__ import annotations

import textwrap

from ..core import escape
from ..core.wording import ENGLISH, Wording
from ..split.said import split_lines
from .results import Evaluation


def evaluation_text(evaluation: Evaluation, width: int = 100, with_text: bool = True,
                    wording: Wording = ENGLISH) -> str:
    """Goals under their groups, each with status, fulfilment and the reason in one sentence,
    then (unless left out) the goal's own text blocks."""
    lines = [evaluation.title]
    if evaluation.as_of is not None:
        lines.append(wording.phrase("report.as of", day=evaluation.as_of))
    if evaluation.parties or evaluation.period:
        about = ", ".join(evaluation.parties)
        if evaluation.period:
            start, end = evaluation.period
            about += f" ({start} .. {end})" if about else f"{start} .. {end}"
        lines.append(about)
    grouped = any(g.group for g in evaluation.goals.values())
    group: str | None = None
    id_width = max((len(g.id) for g in evaluation.goals.values()), default=1)
    for number, goal in enumerate(evaluation.goals.values()):
        if not number or (grouped and goal.group != group):
            group = goal.group
            lines.append("")
            if grouped:
                lines.append(group or wording["no group"])
        elif with_text and goal.text:
            lines.append("")  # goals with text read better apart
        status = wording[goal.status]
        outcome = status if goal.fulfilment is None else f"{status}, {wording.percent(goal.fulfilment)}"
        if evaluation.weighted and goal.points is not None:
            outcome += f" ({wording.phrase('goal points', points=wording.number(goal.points), weight=wording.number(goal.weight))})"
        lines.append(f"  {goal.id:<{id_width}}  {goal.title}: {outcome}".replace("\u00a0", " "))
        indent = " " * (id_width + 4)
        # "→ 50 %" comes with no-break spaces, and a range `0 .. 10` and `name = value`
        # get them here, so that none is broken over two lines; the screen then gets
        # plain spaces.
        kept = _kept(goal.reasoning(wording))
        wrapped = textwrap.wrap(kept, width=width,
                                initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
        lines += [line.replace("\u00a0", " ") for line in wrapped]
        distance = goal.distance_sentence(wording)
        if distance is not None:
            lines += [line.replace("\u00a0", " ") for line in textwrap.wrap(
                _kept(distance), width=width, initial_indent=indent, subsequent_indent=indent,
                break_on_hyphens=False)]
        if with_text:
            for block in goal.text:
                lines += [f"{indent}| {line}".rstrip() for line in block.splitlines()]
    lines += ["", evaluation.overall_sentence(wording).replace("\u00a0", " ")]
    if evaluation.weighted:
        lines.append(evaluation.points_sentence(wording).replace("\u00a0", " "))
    for payment in evaluation.payments.values():
        lines.append("")
        lines += [line.replace("\u00a0", " ") for line in textwrap.wrap(
            _kept(payment.explain(wording)), width=width, subsequent_indent="    ", break_on_hyphens=False)]
    for split in evaluation.splits.values():
        lines.append("")
        if split.allocation is None:
            said = split.total.explain(wording).removeprefix(f"{split.name}: ")
            lines.append(f"{wording['report.split']} {split.name}: {said}".replace("\u00a0", " "))
        else:
            lines += split_lines(split.allocation, wording)
    return "\n".join(lines)


def _kept(text: str) -> str:
    """No line break inside `a .. b` or `name = value`: those spaces become no-break spaces."""
    return text.replace(" .. ", "\u00a0..\u00a0").replace(" = ", "\u00a0=\u00a0")


def evaluation_json(evaluation: Evaluation, wording: Wording = ENGLISH) -> str:
    return escape.json(evaluation.to_dict(wording))
