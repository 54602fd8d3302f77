"""A loaded, checked contract: the object users hold and evaluate.

`loads` runs the whole front of the pipeline once (parse, build, check), so
that evaluating the same contract against many years of facts repeats none of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path

import attrs

from . import syntax as s
from .build import build
from .check import Analysis, check
from .errors import ContractError, Problem, RkSyntaxError, Span
from .evaluate import Evaluator
from .facts import FactsFile, check_facts
from .parser import parse
from .results import Evaluation


@attrs.frozen
class Contract:
    """A result contract: its goals, facts and metrics, checked and ready to evaluate."""

    module: s.Module = attrs.field(repr=False)
    analysis: Analysis = attrs.field(repr=False)
    source: str = "<string>"
    text: str = attrs.field(default="", repr=False)

    @property
    def title(self) -> str:
        return self.module.header.title if self.module.header else self.source

    @property
    def goals(self) -> dict[str, s.Goal]:
        return {goal.id: goal for goal in self.module.goals}

    @property
    def facts(self) -> dict[str, s.Fact]:
        return dict(self.analysis.facts)

    @property
    def deliverables(self) -> dict[str, s.Deliverable]:
        return dict(self.analysis.deliverables)

    @property
    def metrics(self) -> dict[str, s.Metric]:
        return dict(self.analysis.metrics)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.analysis.problems if not p.is_error)

    def evaluate(self, facts: Mapping[str, object] | None = None) -> Evaluation:
        """Judge every goal against `facts` (a mapping, or `load_facts(...)`).

        Never raises for bad facts: a goal whose facts are missing or invalid is
        not evaluable, and the problems are listed in `Evaluation.problems`.
        """
        facts = facts if facts is not None else {}
        supplied = check_facts(facts, self.analysis.facts, self.analysis.deliverables)
        evaluator = Evaluator(self.analysis, supplied)
        goals = {goal.id: evaluator.goal(goal) for goal in self.module.goals}
        sources = {self.source: self.text, **supplied.sources}
        if isinstance(facts, FactsFile):
            sources[facts.source] = facts.text
        header = self.module.header
        return Evaluation(
            title=self.title,
            goals=goals,
            problems=supplied.problems,
            sources=sources,
            parties=header.parties if header else (),
            period=header.period if header else None,
        )

    def __repr__(self) -> str:
        return (f"<Contract {self.title!r} from {self.source}: {len(self.module.goals)} goals, "
                f"{len(self.analysis.facts)} facts, {len(self.analysis.metrics)} metrics, "
                f"{len(self.analysis.deliverables)} deliverables>")


def loads(text: str | bytes, source: str = "<string>") -> Contract:
    """Load a contract from text; raise `RkSyntaxError` or `ContractError` with every problem."""
    if isinstance(text, bytes):
        return _loads_bytes(text, source)
    if not isinstance(text, str):
        raise TypeError(f"loads() takes the contract's text, not {type(text).__name__}")
    text = _normalise(text)
    try:
        tree = parse(text, source)
        module, build_problems = build(tree, source)
    except RecursionError:
        raise RkSyntaxError([Problem("error", "the contract is nested too deeply to read",
                                     Span.point(source, 1, 1),
                                     "split long expressions into metrics")], {source: text}) from None
    analysis = check(module, build_problems)
    if any(p.is_error for p in analysis.problems):
        ordered = sorted(analysis.problems, key=_position)
        raise ContractError(ordered, {source: text})
    return Contract(module, analysis, source, text)


def load(path: str | Path) -> Contract:
    """Load a contract from a `.rk` file."""
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContractError([Problem("error", f"cannot read the contract: {exc.strerror}",
                                     Span.point(source, 1, 1))]) from None
    return _loads_bytes(data, source)


def _loads_bytes(data: bytes, source: str) -> Contract:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RkSyntaxError([Problem("error", "the contract is not UTF-8 text",
                                     Span.point(source, line, column),
                                     "save the file as UTF-8")]) from None
    return loads(text, source)


def _normalise(text: str) -> str:
    """One spelling of the same text: no BOM, \\n line ends, composed letters.

    Line ends matter for positions (the parser counts only \\n); composed
    letters matter for names (an editor may write å as a + ring).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _position(problem: Problem) -> tuple[int, int, int]:
    if problem.span is None:
        return (0, 0, 0)
    return (problem.span.line, problem.span.column, 0 if problem.is_error else 1)
