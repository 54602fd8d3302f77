"""The annual report: the year's outcome as Markdown or as one self-contained HTML page.

For each goal: its status, fulfilment, the sentence that explains it, and
its own text; then the overall result and the grant split. Danish by
default, as the report goes to Danish municipalities. The HTML page needs
nothing from elsewhere (no fonts, scripts or images), reads on a phone and
prints on A4: a goal's card, a payment and a split each on one page (a split
too long for one breaks between rows), no heading last on a page, and the
footnote never alone on the last (tests/test_paper.py checks every example).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Protocol

import attrs

from ..core import escape
from ..core.errors import Problem, RkError
from ..core.reasons import problem_text
from ..core.values import round_half_away
from ..core.wording import Wording, wording_for
from ..semantics.status import NOT_EVALUABLE
from ..words.overall import overall_label, overall_text
from .results import Allocation, Evaluation, GoalResult, SplitResult


@attrs.frozen
class Report:
    """What goes into the report, worked out once for either format."""

    evaluation: Evaluation
    splits: tuple[Allocation, ...]
    wording: Wording
    # Splits that could not be worked out, with why: shown in the report, never left out.
    failed_splits: tuple[tuple[str, tuple[Problem, ...]], ...] = ()
    # Splits whose total, worked out from the facts, is not there: pending, or not evaluable.
    unsplit: tuple[SplitResult, ...] = ()

    @property
    def failed(self) -> bool:
        """True if the facts or a split had errors, a goal cannot be evaluated, or a split's
        total cannot be worked out: the report says so, and `rk report` exits 1. A goal or a
        total still pending, or one that does not apply in the reporting period, is no failure."""
        return bool(self.evaluation.errors or self.failed_splits or self.evaluation.covers.not_evaluable
                    or any(split.total.state == NOT_EVALUABLE for split in self.unsplit))

    def unsplit_sentence(self, split: SplitResult) -> str:
        """Why a split whose total is worked out from the facts has no amounts (yet)."""
        return split.total.explain(self.wording, formula=False).removeprefix(f"{split.shown_as}: ")

    def t(self, key: str, **values: object) -> str:
        """A word or phrase of the report, in its language (wording.py: `report.KEY`); `n` picks
        its singular or plural."""
        count = values.get("n")
        return self.wording.phrase(f"report.{key}", count if isinstance(count, int) else None, **values)

    def groups(self) -> Iterator[tuple[str, list[GoalResult]]]:
        order: dict[str, list[GoalResult]] = {}
        for goal in self.evaluation.goals.values():
            order.setdefault(goal.group or self.t("groupless"), []).append(goal)
        yield from order.items()

    def about(self) -> str:
        """The parties and the period, as one line; and the day of a follow-up during the year."""
        about = ", ".join(self.evaluation.parties)
        if self.evaluation.period:
            period = self.wording.period(*self.evaluation.period)
            about += f" ({period})" if about else period
        if self.evaluation.as_of is not None:
            day = self.t("as of", day=self.wording.date(self.evaluation.as_of))
            about = f"{about}. {day}" if about else day
        for said in (self.evaluation.period_sentence(self.wording),
                     self.evaluation.provisional_sentence(self.wording)):
            if said:
                about = f"{about.rstrip('.')}. {said.rstrip('.')}" if about else said.rstrip(".")
        return about

    def kind(self) -> str:
        """`Årsrapport` after the period; `Statusrapport` for a follow-up during it."""
        during = self.evaluation.as_of is not None or self.evaluation.measured_until is not None
        return self.t("status report" if during else "report")

    def points(self) -> str | None:
        """`75,5 af 100 point`, where the contract weighs its goals in points."""
        if not self.evaluation.weighted:
            return None
        return self.evaluation.points_sentence(self.wording).removesuffix(".")

    def goal_points(self, goal: GoalResult) -> str:
        return self.wording.phrase("goal points", points=self.wording.number(goal.points),
                                   weight=self.wording.number(goal.weight)) if goal.points is not None else \
            self.t("none")

    def outcome(self, goal: GoalResult) -> str:
        """`Delvist opfyldt, 50 %`, or just `Kan ikke vurderes`; `(foreløbig)` after a result to date."""
        status = self.wording[goal.status].capitalize()
        if goal.fulfilment is None:  # not applicable, from facts measured to date, is provisional too
            return status + self.provisional(goal)
        return f"{status}, {self.fulfilment(goal)}{self.provisional(goal)}"

    def status(self, goal: GoalResult) -> str:
        """The status in the table: `opfyldt`, `opfyldt (foreløbig)`, `ikke relevant`."""
        return self.wording[goal.status] + self.provisional(goal)

    def provisional(self, goal: GoalResult) -> str:
        return f" ({self.wording['provisional']})" if goal.provisional else ""

    def fulfilment(self, goal: GoalResult) -> str:
        """The fulfilment, or a dash in the table, whose status column says why there is none."""
        return self.t("none") if goal.fulfilment is None else self.wording.percent(goal.fulfilment)

    def overall_label(self) -> str:
        """`Samlet målopfyldelse`, or `Samlet målopfyldelse (foreløbig)` for a result to date."""
        return overall_label(self.evaluation.covers, self.wording, "report.overall")

    def overall(self) -> str:
        """The overall and what it covers: `100 % af 1 vurderet mål; 2 afventer (mål 1, 3)`."""
        return overall_text(self.evaluation.overall, self.evaluation.covers, self.wording)

    def split_heading(self, allocation: Allocation) -> str:
        unit = allocation.unit
        heading = f"{self.t('split')} {allocation.shown_as}: {self.wording.money(allocation.total * _kroner(unit), unit)}"
        if allocation.installments > 1:
            each = self.wording.money(allocation.total / allocation.installments * _kroner(unit), unit)
            heading += f", {self.t('installments', n=allocation.installments, each=each)}"
        return heading


def _kroner(unit: str) -> int:
    from ..core.vocabulary import MONEY_UNITS

    return MONEY_UNITS[unit]


class Titled(Protocol):
    """A split as a report names it (language/syntax.py): its title, or else its name."""

    @property
    def shown_as(self) -> str: ...


class Reported(Protocol):
    """What a report is made from: a contract (contract/contract.py), which evaluates and splits."""

    @property
    def splits(self) -> Mapping[str, Titled]: ...

    def evaluate(self, facts: Mapping[str, object], *, as_of: dt.date | None = None,
                 period: str | int | None = None) -> Evaluation: ...

    def split(self, name: str, facts: Mapping[str, object], margins: bool | None = None) -> Allocation: ...


def build(contract: Reported, facts: Mapping[str, object], lang: str = "da",
          as_of: dt.date | None = None, period: str | int | None = None) -> Report:
    """Evaluate and split, ready to render; a split that cannot be worked out says why."""
    wording = wording_for(lang)
    evaluation = contract.evaluate(facts, as_of=as_of, period=period)
    allocations = []
    failed = []
    unsplit: list[SplitResult] = []
    for name in contract.splits:
        if name in evaluation.splits:  # its total worked out with the goals
            worked = evaluation.splits[name]
            if worked.allocation is not None:
                allocations.append(worked.allocation)
            elif worked.problems:
                failed.append((worked.shown_as, worked.problems))
            else:
                unsplit.append(worked)
            continue
        try:
            allocations.append(contract.split(name, facts, margins=False))
        except RkError as error:
            failed.append((contract.splits[name].shown_as, error.problems))
    return Report(evaluation, tuple(allocations), wording, tuple(failed), tuple(unsplit))


# ---- Markdown ---------------------------------------------------------------------


def markdown(report: Report) -> str:
    """The report as Markdown. Every text from the contract or the facts passes through
    `escape.markdown`, so it shows as written: no HTML, no links, no emphasis."""
    ev, w, md = report.evaluation, report.wording, escape.markdown
    lines = [f"# {md(report.kind())}: {md(ev.title)}", ""]
    about = report.about()
    if about:
        lines += [md(about), ""]
    lines += [f"**{md(report.overall_label())}: {md(report.overall())}**", ""]
    points = report.points()
    if points is not None:
        lines += [f"**{md(points)}**", ""]
    if not ev.goals:  # a contract of payments alone: no table of goals with no row
        pass
    elif ev.weighted:
        lines += [f"| {md(report.t('goal'))} | | {md(report.t('status'))} | {md(report.t('fulfilment'))} "
                  f"| {md(report.t('points'))} |", "|---|---|---|---:|---:|"]
        lines += [f"| {md(g.id)} | {md(g.title)} | {md(report.status(g))} | {md(report.fulfilment(g))} "
                  f"| {md(report.goal_points(g))} |" for g in ev.goals.values()]
    else:
        lines += [f"| {md(report.t('goal'))} | | {md(report.t('status'))} | {md(report.t('fulfilment'))} |",
                  "|---|---|---|---:|"]
        lines += [f"| {md(g.id)} | {md(g.title)} | {md(report.status(g))} | {md(report.fulfilment(g))} |"
                  for g in ev.goals.values()]
    for group, goals in report.groups():
        lines += ["", f"## {md(group)}"]
        for goal in goals:
            lines += ["", f"### {md(report.t('goal'))} {md(goal.id)}: {md(goal.title)}", "",
                      f"**{md(report.outcome(goal))}.** "
                      f"{md(_capital(goal.reasoning(w)))}"]
            distance = goal.distance_sentence(w)
            if distance is not None:
                lines += ["", md(_capital(distance))]
            for block in goal.text:
                lines += ["", "\n>\n".join(f"> {md(paragraph)}" for paragraph in _paragraphs(block))]
    if ev.payments:
        lines += ["", f"## {md(report.t('payments'))}", ""]
        lines += [f"- {md(payment.explain(w, formula=False))}" for payment in ev.payments.values()]
    for allocation in report.splits:
        lines += ["", f"## {md(report.split_heading(allocation))}", ""]
        if allocation.key:
            lines += [f"{md(report.t('weight'))}: {md(allocation.key)}", ""]
        lines += [f"| {md(report.t('party'))} | {md(report.t('weight'))} | {md(report.t('amount'))} |",
                  "|---|---:|---:|"]
        unit = allocation.unit
        lines += [f"| {md(s.party)} | {md(w.number(s.weight))} | {md(w.money(s.amount * _kroner(unit), unit))} |"
                  for s in allocation.shares]
        total = sum((s.amount for s in allocation.shares), Fraction(0))
        lines += [f"| **{md(report.t('total'))}** | {md(w.number(allocation.weight_total))} | "
                  f"**{md(w.money(total * _kroner(unit), unit))}** |"]
    for split in report.unsplit:
        lines += ["", f"## {md(report.t('split'))} {md(split.shown_as)}", "", md(report.unsplit_sentence(split))]
    for name, problems in report.failed_splits:
        lines += ["", f"## {md(report.t('split failed', name=name))}", ""]
        lines += [f"- {md(problem_text(problem, w))}" for problem in problems]
    lines += ["", f"*{md(_note(report, chr(10).join(lines)))}*", ""]
    return "\n".join(lines)


def _paragraphs(block: str) -> list[str]:
    """A text block's paragraphs: its line breaks were for the editor, blank lines for the reader."""
    return [" ".join(p.split()) for p in block.split("\n\n") if p.strip()]


# ---- HTML -----------------------------------------------------------------------

# The look a printed page of ours shares (the report's, the drafted contract's): colours, type,
# tables, A4. Each page adds its own rules after it.
PAGE_CSS = """
:root { --ink: #1d2530; --muted: #5b6675; --line: #d8dee6; --met: #2e7d4f; --partly: #c58a16;
        --not: #b3372f; --none: #8a94a3; --pending: #3a6ea5; --track: #eef1f5; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #fff; overflow-wrap: break-word; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
@page { size: A4; margin: 16mm 15mm 18mm; }
"""

_CSS = PAGE_CSS + """h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
.about, .note { color: var(--muted); }
.overall { font-size: 1.15rem; margin: 1rem 0; padding: .75rem 1rem; background: var(--track); border-radius: .5rem; }
.goal { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0;
        break-inside: avoid; page-break-inside: avoid; }
.goal h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.result { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; margin-bottom: .5rem; }
.status { font-weight: 600; min-width: 8.5rem; }
.fulfilment { min-width: 4rem; text-align: right; font-variant-numeric: tabular-nums; }
.met .status { color: var(--met); } .partly .status { color: var(--partly); }
.not .status { color: var(--not); } .none .status { color: var(--none); }
.pending .status { color: var(--pending); }
.goal.pending { border-left: .35rem solid var(--pending); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.distance, .points { margin: .25rem 0; color: var(--muted); }
.payments li { margin: .25rem 0; }
.bar { flex: 1 1 12rem; height: .9rem; background: var(--track); border-radius: .45rem; overflow: hidden;
       min-width: 8rem; }
.bar span { display: block; height: 100%; border-radius: .45rem; }
.met .bar span { background: var(--met); } .partly .bar span { background: var(--partly); }
.not .bar span { background: var(--not); }
.why { margin: .25rem 0; overflow-wrap: anywhere; }
blockquote { margin: .5rem 0 0; padding-left: .75rem; border-left: 3px solid var(--line); color: var(--muted); }
blockquote p { margin: 0 0 .4rem; }
@media (max-width: 30rem) { body { font-size: 15px; } .goal { padding: .6rem .7rem; } }
@media print { body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3, .key { break-after: avoid; page-break-after: avoid; }
  .goal, .payments li, .allocation, tr { break-inside: avoid; page-break-inside: avoid; }
  p, li { orphans: 3; widows: 3; }
  tfoot { display: table-row-group; }
  .note { break-before: avoid; page-break-before: avoid; } }
"""

_CLASS = {"met": "met", "partly met": "partly", "not met": "not", "not evaluable": "none",
          "pending": "pending", "not applicable": "none"}


def page(report: Report) -> str:
    """The report as one self-contained HTML page; every text passes through `escape.html`."""
    ev, w = report.evaluation, report.wording
    e = escape.html
    about = report.about()
    body = [f"<h1>{e(report.kind())}: {e(ev.title)}</h1>"]
    if about:
        body.append(f'<p class="about">{e(about)}</p>')
    body.append(f'<p class="overall"><strong>{e(report.overall_label())}:</strong> {e(report.overall())}</p>')
    points = report.points()
    if points is not None:
        body.append(f'<p class="overall points-total"><strong>{e(points)}</strong></p>')
    for group, goals in report.groups():
        body.append(f"<h2>{e(group)}</h2>")
        body.extend(_goal_html(report, goal) for goal in goals)
    if ev.payments:
        body.append(f"<h2>{e(report.t('payments'))}</h2><ul class=\"payments\">"
                    + "".join(f"<li>{e(payment.explain(w, formula=False))}</li>"
                              for payment in ev.payments.values())
                    + "</ul>")
    for allocation in report.splits:
        body.append(_split_html(report, allocation))
    for split in report.unsplit:
        body.append(f"<h2>{e(report.t('split'))} {e(split.shown_as)}</h2><p>{e(report.unsplit_sentence(split))}</p>")
    for name, problems in report.failed_splits:
        body.append(f'<h2>{e(report.t("split failed", name=name))}</h2><ul class="problems">'
                    + "".join(f"<li>{e(problem_text(p, w))}</li>" for p in problems) + "</ul>")
    body.append(f'<p class="note">{e(_note(report, "".join(body)))}</p>')
    return (f'<!DOCTYPE html>\n<html lang="{w.lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(report.kind())}: {e(ev.title)}</title>\n<style>{_CSS}</style>\n</head>\n"
            f"<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n")


def _goal_html(report: Report, goal: GoalResult) -> str:
    e, w = escape.html, report.wording
    share = goal.fulfilment if goal.fulfilment is not None else Fraction(0)
    width = f"{float(round_half_away(share * 100, 2)):g}%"
    meter = (f'<div class="bar" role="meter" aria-valuemin="0" aria-valuemax="100" '
             f'aria-valuenow="{float(share * 100):g}" aria-label="{e(report.fulfilment(goal))}">'
             f'<span style="width: {width}"></span></div>') if goal.fulfilment is not None else ""
    text = "".join("<blockquote>" + "".join(f"<p>{e(p)}</p>" for p in _paragraphs(block))
                   + "</blockquote>" for block in goal.text)
    why = e(_capital(goal.reasoning(w)))
    distance = goal.distance_sentence(w)
    more = f'<p class="distance">{e(_capital(distance))}</p>' if distance is not None else ""
    points = (f'<span class="points">{e(report.goal_points(goal))}</span>'
              if report.evaluation.weighted and goal.points is not None else "")
    return (f'<section class="goal {_CLASS[goal.status]}" id="goal-{e(goal.id)}">'
            f"<h3>{e(report.t('goal'))} {e(goal.id)}: {e(goal.title)}</h3>"
            f'<div class="result"><span class="status">{e(report.status(goal))}</span>'
            + (f'<span class="fulfilment">{e(report.fulfilment(goal))}</span>' if goal.fulfilment is not None else "")
            + f'{points}{meter}</div>'
            f'<p class="why">{why}</p>{more}{text}</section>')


def _split_html(report: Report, allocation: Allocation) -> str:
    e, w = escape.html, report.wording
    unit = allocation.unit
    rows = "".join(f"<tr><td>{e(s.party)}</td><td class=\"num\">{e(w.number(s.weight))}</td>"
                   f"<td class=\"num\">{e(w.money(s.amount * _kroner(unit), unit))}</td></tr>"
                   for s in allocation.shares)
    total = sum((s.amount for s in allocation.shares), Fraction(0))
    key = f"<p class=\"key\">{e(report.t('weight'))}: {e(allocation.key)}</p>" if allocation.key else ""
    return (f"<section class=\"allocation\"><h2>{e(report.split_heading(allocation))}</h2>{key}"
            f"<div class=\"table\"><table class=\"split\"><thead><tr><th>{e(report.t('party'))}</th><th class=\"num\">{e(report.t('weight'))}</th>"
            f"<th class=\"num\">{e(report.t('amount'))}</th></tr></thead><tbody>{rows}</tbody>"
            f"<tfoot><tr><td>{e(report.t('total'))}</td><td class=\"num\">"
            f"{e(w.number(allocation.weight_total))}</td><td class=\"num\">"
            f"{e(w.money(total * _kroner(unit), unit))}</td></tr></tfoot></table></div></section>")


def _capital(text: str) -> str:
    """A sentence of its own in a report starts with a capital letter, as a label it starts
    with does there (`Sagsbehandlingstid for varemærker = 28,6 dage: ...`)."""
    return text[:1].upper() + text[1:]


def _note(report: Report, shown: str) -> str:
    """The report's last line: what ≈ means, where a value above is shown rounded."""
    made = report.t("made")
    return f"{report.t('note')} {made}" if "≈" in shown else made
