"""Evaluations as text for a terminal and as JSON for other tools."""

from __future__ import annotations

import json
import textwrap

from .results import Evaluation
from .values import format_percent


def evaluation_text(evaluation: Evaluation, width: int = 100, with_text: bool = True) -> str:
    """Goals under their groups, each with status, fulfilment and the reason in one sentence,
    then (unless left out) the goal's own text blocks."""
    lines = [evaluation.title]
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
                lines.append(group or "(no group)")
        elif with_text and goal.text:
            lines.append("")  # goals with text read better apart
        outcome = goal.status if goal.fulfilment is None else (
            f"{goal.status}, {format_percent(goal.fulfilment)}")
        lines.append(f"  {goal.id:<{id_width}}  {goal.title}: {outcome}")
        indent = " " * (id_width + 4)
        # Keep "-> 50%" on one line: the arrow and its result read as one unit.
        reasoning = goal.reasoning().replace(" -> ", "\u00a0->\u00a0").replace(" .. ", "\u00a0..\u00a0")
        wrapped = textwrap.wrap(reasoning, width=width, initial_indent=indent,
                                subsequent_indent=indent, break_on_hyphens=False)
        lines += [line.replace("\u00a0", " ") for line in wrapped]
        if with_text:
            for block in goal.text:
                lines += [f"{indent}| {line}".rstrip() for line in block.splitlines()]
    lines += ["", evaluation._overall_sentence()]
    return "\n".join(lines)


def evaluation_json(evaluation: Evaluation) -> str:
    return json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2)
