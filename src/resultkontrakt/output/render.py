"""Evaluations and splits as text for a terminal, JSON for other tools, CSV for spreadsheets."""

from __future__ import annotations

import textwrap

from ..core import escape
from ..core.wording import ENGLISH, Wording
from ..split.said import split_lines
from .results import Evaluation, GoalResult


def evaluation_text(evaluation: Evaluation, width: int = 100, with_text: bool = True,
                    wording: Wording = ENGLISH) -> str:
    """Goals under their groups, each with status, fulfilment and the reason in one sentence,
    then (unless left out) the goal's own text blocks."""
    text = _EvaluationText(evaluation, width, with_text, wording)
    return "\n".join([*text.heading(), *text.goals(), *text.totals()])


class _EvaluationText:
    """An evaluation's text for a terminal, at most `width` columns wide, part by part.

    "→ 50 %" comes with no-break spaces, and a range `0 .. 10` and `name = value` get them
    here (`_kept`), so that none is broken over two lines; the screen then gets plain spaces.
    """

    def __init__(self, evaluation: Evaluation, width: int, with_text: bool, wording: Wording):
        self.evaluation = evaluation
        self.width = width
        self.with_text = with_text
        self.wording = wording
        self.id_width = max((len(g.id) for g in evaluation.goals.values()), default=1)
        self.indent = " " * (self.id_width + 4)  # a goal's sentences stand under its title

    def heading(self) -> list[str]:
        """The contract's title, the day it is judged as of, its parties and its period."""
        evaluation = self.evaluation
        lines = [evaluation.title]
        if evaluation.as_of is not None:
            lines.append(self.wording.phrase("report.as of", day=self.wording.date(evaluation.as_of)))
        if evaluation.parties or evaluation.period:
            about = ", ".join(evaluation.parties)
            if evaluation.period:
                period = self.wording.period(*evaluation.period)
                about += f" ({period})" if about else period
            lines.append(about)
        for said in (evaluation.period_sentence(self.wording), evaluation.provisional_sentence(self.wording)):
            if said:
                lines.append(said)
        return lines

    def goals(self) -> list[str]:
        """Each goal, under a heading for its group where goals have groups."""
        goals = self.evaluation.goals.values()
        grouped = any(g.group for g in goals)
        group: str | None = None
        lines: list[str] = []
        for number, goal in enumerate(goals):
            if not number or (grouped and goal.group != group):
                group = goal.group
                lines.append("")
                if grouped:
                    lines.append(group or self.wording["no group"])
            elif self.with_text and goal.text:
                lines.append("")  # goals with text read better apart
            lines += self.goal(goal)
        return lines

    def goal(self, goal: GoalResult) -> list[str]:
        """A goal's line, then why it stands so, how far it is from another tier, and its text."""
        lines = [f"  {goal.id:<{self.id_width}}  {goal.title}: {self.outcome(goal)}".replace("\u00a0", " ")]
        lines += self.wrapped(goal.reasoning(self.wording), self.indent, self.indent)
        distance = goal.distance_sentence(self.wording)
        if distance is not None:
            lines += self.wrapped(distance, self.indent, self.indent)
        if self.with_text:
            for block in goal.text:
                lines += [f"{self.indent}| {line}".rstrip() for line in block.splitlines()]
        return lines

    def outcome(self, goal: GoalResult) -> str:
        """A goal's status, with its fulfilment where it has one, and its points where goals weigh."""
        wording = self.wording
        status = wording[goal.status]
        outcome = status if goal.fulfilment is None else f"{status}, {wording.percent(goal.fulfilment)}"
        if goal.provisional:
            outcome += f" ({wording['provisional']})"
        if self.evaluation.weighted and goal.points is not None:
            points = wording.phrase("goal points", points=wording.number(goal.points),
                                    weight=wording.number(goal.weight))
            outcome += f" ({points})"
        return outcome

    def totals(self) -> list[str]:
        """The overall result, the points where goals weigh, then each payment and each split."""
        evaluation, wording = self.evaluation, self.wording
        lines = ["", evaluation.overall_sentence(wording).replace("\u00a0", " ")]
        if evaluation.weighted:
            lines.append(evaluation.points_sentence(wording).replace("\u00a0", " "))
        for payment in evaluation.payments.values():
            lines.append("")
            lines += self.wrapped(payment.explain(wording), "", "    ")
        for split in evaluation.splits.values():
            lines.append("")
            if split.allocation is None:
                said = split.total.explain(wording).removeprefix(f"{split.shown_as}: ")
                lines.append(f"{wording['report.split']} {split.shown_as}: {said}".replace("\u00a0", " "))
            else:
                lines += split_lines(split.allocation, wording)
                if split.provisional:
                    lines.append(f"({wording['provisional']}: {wording['amount to date']})")
        return lines

    def wrapped(self, text: str, first: str, indent: str) -> list[str]:
        """`text` in lines of at most `width`, the first indented by `first`, the others by `indent`."""
        return [line.replace("\u00a0", " ") for line in textwrap.wrap(
            _kept(text), width=self.width, initial_indent=first, subsequent_indent=indent,
            break_on_hyphens=False)]


def _kept(text: str) -> str:
    """No line break inside `a .. b` or `name = value`: those spaces become no-break spaces."""
    return text.replace(" .. ", "\u00a0..\u00a0").replace(" = ", "\u00a0=\u00a0")


def evaluation_json(evaluation: Evaluation, wording: Wording = ENGLISH) -> str:
    return escape.json(evaluation.to_dict(wording))
