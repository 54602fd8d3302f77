"""A loaded, checked contract: the object users hold and evaluate.

`loads` runs the whole front of the pipeline once (parse, build, check), so
that evaluating the same contract against many years of facts repeats none of it.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, cast

import attrs

from ..checks.analysis import Analysis
from ..core.collector import pause, resume
from ..core.errors import ContractError, FactsError, Problem, RkSyntaxError, Span, closest
from ..core.files import DEFAULT_MAX_BYTES, FileProblem, read_bytes
from ..core.reasons import Word, problem
from ..core.vocabulary import INVISIBLE, shortened
from ..language import syntax as s
from ..semantics.periods import ReportingPeriod, days_of, period_name, reporting_periods

if TYPE_CHECKING:
    from pathlib import Path

    from ..checks.check import GoalMemo
    from ..evaluation.evaluate import Evaluator
    from ..evaluation.outcomes import Made
    from ..facts.supplied import Readers, Supplied
    from ..output.results import Allocation, Evaluation

# Loading a contract (`rk check`, an editor's every keystroke) needs the parser and the
# checks; evaluating and splitting need much more. The methods that evaluate import what
# they use when they run, so that loading never pays for it.


@functools.cache
def _evaluating() -> tuple[type[Evaluator], type[Supplied], Made, type[Evaluation]]:
    """What `evaluate` uses, imported when a contract is first evaluated and kept: an import
    statement in the method took a microsecond and a half at each evaluation."""
    from ..evaluation.evaluate import Evaluator
    from ..facts.supplied import Supplied
    from ..output.results import MADE, Evaluation

    return Evaluator, Supplied, MADE, Evaluation


@functools.cache
def _checking() -> tuple[type[Readers], Callable[..., Supplied]]:
    """What `check_facts` uses, imported once as `_evaluating`'s is."""
    from ..facts.supplied import Readers, check_facts

    return Readers, check_facts


@attrs.frozen
class Contract:
    """A result contract: its goals, facts and metrics, checked and ready to evaluate."""

    module: s.Module = attrs.field(repr=False)
    analysis: Analysis = attrs.field(repr=False)
    source: str = "<string>"
    text: str = attrs.field(default="", repr=False)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled (for another process: multiprocessing, concurrent.futures, a cache) as its
        # text and its name, and loaded again on the other side: the compiled code it holds
        # is made there anew, and the text is checked again, as any text handed over is.
        return loads, (self.text, self.source)

    @property
    def title(self) -> str:
        return self.module.header.title if self.module.header else self.source

    @property
    def language(self) -> str | None:
        """The language the contract says it is read in (`language "da"`), if it says one."""
        return self.module.header.language if self.module.header else None

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

    def evaluate(self, facts: Mapping[str, object] | Supplied | None = None,
                 metrics: Mapping[str, object] | None = None, *,
                 data_dir: str | Path | None = None, max_bytes: int | None = None,
                 as_of: dt.date | None = None, period: str | int | None = None) -> Evaluation:
        """Judge every goal against `facts` (a mapping, `load_facts(...)` or `check_facts(...)`).

        `metrics` gives some metrics a value instead of computing them, for a
        what-if: `evaluate(year, metrics={"nps": 60})`; their facts are then not
        needed. Never raises for bad facts: a goal whose facts are missing or
        invalid is not evaluable, and the problems are in `Evaluation.problems`.

        Files the facts point at must lie inside the facts file's folder (the
        working folder for a mapping), or inside `data_dir` when it is given,
        and be at most `max_bytes` large (256 MiB unless the facts say otherwise).

        `as_of` evaluates during the period, as of that day: a goal that needs a
        deliverable or a fact not due yet is pending, and says what it waits for.

        `period` names the reporting period of a contract that reports `each year` (half
        year, quarter): `2009`, `"2009-H1"`, `"2009-Q3"`; the facts may name it instead
        (`"period": 2009`). Naming two different periods, naming none where the contract
        has more than one, or naming one it does not have raises FactsError.
        """
        if as_of is not None and (not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime)):
            raise TypeError(f"as_of is a datetime.date, not {type(as_of).__name__}")
        pause()  # collector.py says why
        try:
            return self._evaluated(facts, metrics, data_dir, max_bytes, as_of, period)
        finally:
            resume()

    def _evaluated(self, facts: Mapping[str, object] | Supplied | None, metrics: Mapping[str, object] | None,
                   data_dir: str | Path | None, max_bytes: int | None, as_of: dt.date | None,
                   period: str | int | None) -> Evaluation:
        evaluator_of, supplied_type, made, evaluation_of = _evaluating()
        if isinstance(facts, supplied_type):
            if metrics is not None or data_dir is not None or max_bytes is not None:
                raise TypeError("these facts are checked already: give metrics, data_dir and "
                                "max_bytes to check_facts() instead")
            if facts.declared is not self.analysis.facts:
                raise ValueError("these facts were checked for another contract: check them with "
                                 "this contract's check_facts()")
            supplied = facts
        else:
            supplied = self.check_facts(facts, metrics, data_dir=data_dir, max_bytes=max_bytes)  # type: ignore[arg-type]
        header = self.module.header
        reporting = self.reporting_period(period, supplied)
        contract_period = header.period if header else None
        # Facts measured to a day before the period's end are the facts as of that day.
        measured = supplied.measured_until
        if as_of is not None and (measured is None or as_of < measured):
            measured = as_of
        if reporting is None or (measured is not None and measured >= reporting.end):
            measured = None
        language = self.language
        evaluator = evaluator_of(self.analysis, supplied, as_of if as_of is not None else measured,
                                 (reporting.start, reporting.end) if reporting else None, made=made,
                                 reporting=reporting, measured_until=measured, language=language)
        goals = evaluator.goals(self.module.goals)
        payments = evaluator.payments() if self.analysis.payments else {}
        splits = {split.name: evaluator.split(split)
                  for split in self.module.splits if split.total is not None and split.fixed_total is None} \
            if self.module.splits else {}
        # Made as the classes users hold (results.MADE): the outcomes are these already (told
        # to mypy by the ignores below, not by typing.cast: a call each, at every evaluation).
        return evaluation_of(
            title=self.title,
            goals=goals,  # type: ignore[arg-type]
            problems=supplied.problems + tuple(p for split in splits.values() for p in split.problems)
            if splits else supplied.problems,
            sources={self.source: self.text, **supplied.sources},
            parties=header.parties if header else (),
            period=contract_period,
            payments=payments,  # type: ignore[arg-type]
            splits=splits,  # type: ignore[arg-type]
            as_of=as_of,
            weighted=self._weighted,
            reporting_period=reporting if reporting is not None and reporting.name else None,
            measured_until=measured,
            party=supplied.party,
            language=language,
        )

    @property
    def reporting_periods(self) -> tuple[ReportingPeriod, ...]:
        """The contract's reporting periods (`each year`: one a year), in order; without `each`,
        its period as one (named ""); none without a period."""
        header = self.module.header
        if header is None or header.period is None:
            return ()
        return reporting_periods(*header.period, header.each)

    def reporting_period(self, asked: str | int | None, supplied: Supplied | None = None
                         ) -> ReportingPeriod | None:
        """The reporting period to evaluate: the one `asked` for or the facts name (the same, if
        both do), or the only one there is; FactsError where that is none of the contract's."""
        periods = self.reporting_periods
        named = supplied.period if supplied is not None else None
        wanted = period_name(asked) if asked is not None else None
        if asked is not None and wanted is None:
            raise FactsError([_unknown_period(shortened(str(asked)), None, periods)])
        if wanted is not None and named is not None and wanted != named:
            raise FactsError([problem("period.two", supplied.period_span if supplied else None,
                                      hint="period.two", facts=named, asked=wanted)], _sources(supplied))
        name = wanted or named
        if name is None:
            if len(periods) > 1:
                origin = supplied.origin if supplied is not None else None
                at = Span.point(origin, 1, 1) if origin is not None else None
                raise FactsError([problem("period.which", at, hint="period.which", count=len(periods),
                                          first=periods[0].name, last=periods[-1].name)], _sources(supplied))
            return periods[0] if periods else None
        found = next((p for p in periods if p.name == name), None)
        if found is None and len(periods) == 1 and not periods[0].name and \
                days_of(name) == (periods[0].start, periods[0].end):
            found = periods[0]  # a contract of one year, named by its year: `"period": 2019`
        if found is None:
            at = supplied.period_span if supplied is not None and wanted is None else None
            raise FactsError([_unknown_period(name, at, periods)], _sources(supplied))
        return found

    @property
    def _weighted(self) -> bool:
        """Whether any goal has a written `weight`: then results are shown in points too."""
        found = self.analysis.cache.get("weighted")
        if found is None:
            found = self.analysis.cache["weighted"] = any(
                kind == "weight" for goal in self.module.goals for kind, _ in goal.item_spans)
        return bool(found)

    def check_facts(self, facts: Mapping[str, object] | None = None,
                    metrics: Mapping[str, object] | None = None, *,
                    data_dir: str | Path | None = None, max_bytes: int | None = None) -> Supplied:
        """`facts` checked against this contract's declarations, once, for `evaluate` to take.

        Checking reads the files the facts name and makes every value exact;
        evaluating checked facts again (a loop over scenarios) repeats none of it.
        The arguments are those of `evaluate`.
        """
        readers_of, check_facts = _checking()
        # Only metrics can be given a value: a fact goes in `facts`, and a payment or a
        # deliverable is worked out or reported, never set by a what-if.
        metric_types = None if not metrics else {
            name: self.analysis.types[name] for name in self.analysis.metrics if name in self.analysis.types}
        # How each fact is read, chosen once: a raw facts dict is checked at every evaluation.
        readers = self.analysis.cache.get("readers")
        if not isinstance(readers, readers_of):
            readers = self.analysis.cache["readers"] = readers_of.of(
                self.analysis.facts, self.analysis.deliverables, self.analysis.counted)
        return check_facts(facts if facts is not None else {}, self.analysis.facts,
                           self.analysis.deliverables, metrics, metric_types,
                           data_dir=data_dir, max_bytes=max_bytes, readers=readers,
                           counted=self.analysis.counted)

    @property
    def splits(self) -> dict[str, s.Split]:
        return {split.name: split for split in self.module.splits}

    def split(self, name: str | None = None, facts: Mapping[str, object] | None = None,
              margins: bool | None = None, *, data_dir: str | Path | None = None,
              max_bytes: int | None = None, period: str | int | None = None) -> Allocation:
        """Work out the split `name` (the only one, if there is one): party -> amount.

        A split whose weights come from a fact (`shares from folketal`) needs
        `facts`. Margins (how far each weight may move before its amount
        changes) are worked out unless `margins=False`, or by default for
        splits of more than a thousand parties. `period` names the reporting period whose
        total is split, as for `evaluate`.
        """
        from ..output.results import allocation_of
        from ..split.allocation import allocate

        split = self._split_named(name)
        if split.fixed_total is None:
            if facts is None:
                raise FactsError([problem("split.total-needs-facts", split=split.name)])
            evaluation = self.evaluate(facts, data_dir=data_dir, max_bytes=max_bytes, period=period)
            worked = evaluation.splits[split.name]
            if worked.problems:
                raise FactsError(list(worked.problems), dict(evaluation.sources))
            if worked.allocation is None:
                # The reason in English, as the messages of problems are (words in reports come
                # from the evaluation itself).
                reason = worked.total.explain().removeprefix(f"{worked.shown_as}: ")
                raise FactsError([problem("split.total-not-evaluable", split=split.name, reason=reason)])
            return self._spoken(worked.allocation if margins is False else allocation_of(allocate(
                split, [(sh.party, sh.weight) for sh in worked.allocation.shares], margins,
                total=worked.total.amount, currency=worked.total.currency)))
        if split.shares_from is None:
            weights: list[tuple[str, Fraction | int]] = [(sh.party, sh.weight) for sh in split.shares]
        else:
            weights = self._table_weights(split, facts, data_dir=data_dir, max_bytes=max_bytes)
        return self._spoken(allocation_of(allocate(split, weights, margins)))

    def _spoken(self, allocation: Allocation) -> Allocation:
        """The allocation, knowing the contract's language: its notebook view speaks it."""
        return allocation if self.language is None else attrs.evolve(allocation, language=self.language)

    def _split_named(self, name: str | None) -> s.Split:
        splits = self.splits
        if name is None:
            if len(splits) == 1:
                return next(iter(splits.values()))
            listed: object = tuple(splits) or Word("word.none")
            raise ContractError([problem("split.which", source=self.source, count=len(splits),
                                         hint="split.names", splits=listed)])
        if name not in splits:
            raise ContractError([problem("split.unknown", name=name, source=self.source,
                                         splits=tuple(splits) or Word("word.none"),
                                         hint="split.names", suggestion=closest(name, splits))])
        return splits[name]

    def _table_weights(self, split: s.Split, facts: Mapping[str, object] | None, *,
                       data_dir: str | Path | None, max_bytes: int | None
                       ) -> list[tuple[str, Fraction | int]]:
        from ..facts.factsfile import FactsFile
        from ..facts.supplied import check_facts

        name = split.shares_from
        assert name is not None
        if facts is None or facts.get(name) is None:
            raise FactsError([problem("split.not-given", split=split.name, fact=name)])
        supplied = check_facts({name: facts[name]} if not isinstance(facts, FactsFile)
                               else facts.updated(without=tuple(n for n in facts if n != name)),
                               self.analysis.facts, self.analysis.deliverables,
                               data_dir=data_dir, max_bytes=max_bytes)
        if name in supplied.invalid:
            raise FactsError(list(supplied.problems), supplied.sources)
        assert isinstance(supplied.values[name], tuple)
        table = cast("tuple[tuple[str, Fraction | int], ...]", supplied.values[name])  # as checked
        from ..split.weights import checked_weights

        return checked_weights(split, table)

    def _repr_html_(self) -> str:
        import html

        goals = "".join(f"<li>{html.escape(g.id)}: {html.escape(g.title)}</li>" for g in self.module.goals)
        return (f"<div><strong>{html.escape(self.title)}</strong> ({html.escape(self.source)})"
                f"<ol>{goals}</ol></div>")

    def __repr__(self) -> str:
        return (f"<Contract {self.title!r} from {self.source}: {len(self.module.goals)} goals, "
                f"{len(self.analysis.facts)} facts, {len(self.analysis.metrics)} metrics, "
                f"{len(self.analysis.deliverables)} deliverables>")


def _sources(supplied: Supplied | None) -> dict[str, str]:
    """The texts of the facts, for the excerpt under a problem with them."""
    return dict(supplied.sources) if supplied is not None else {}


def _unknown_period(name: str, at: Span | None, periods: tuple[ReportingPeriod, ...]) -> Problem:
    """A reporting period the contract does not have, with those it has; for a contract of one
    period, or none, the hint says to name none (it said "its reporting periods are: none")."""
    if any(p.name for p in periods) or not periods:
        return problem("period.unknown", at, hint="period.unknown" if periods else "period.no-period", name=name,
                       periods=_period_names(periods))
    return problem("period.unknown", at, hint="period.unnamed", name=name, start=periods[0].start,
                   end=periods[0].end)


def _period_names(periods: tuple[ReportingPeriod, ...]) -> object:
    """The names of reporting periods for a message, shortened past a dozen."""
    names = tuple(p.name for p in periods if p.name)
    if not names:
        return Word("word.none")
    return names if len(names) <= 12 else (*names[:5], "…", *names[-5:])


def loads(text: str | bytes, source: str = "<string>") -> Contract:
    """Load a contract from text; raise `RkSyntaxError` or `ContractError` with every problem."""
    return _loads(text, source, kept=False)


def _loads(text: str | bytes, source: str, kept: bool) -> Contract:
    if isinstance(text, bytes):
        text = decode_contract(text, source)
    if not isinstance(text, str):
        raise TypeError(f"loads() takes the contract's text, not {type(text).__name__}")
    return contract_of(prepared(text, source), source, kept=kept)


def contract_of(text: str, source: str, read: tuple[s.Module, list[Problem]] | None = None, *,
                kept: bool = False, memo: GoalMemo | None = None, keys: Sequence[str] | None = None) -> Contract:
    """The contract of `text` (as `prepared` gives it), checked: from `read`, what the parser
    and the builder made of it, when the caller has it (incremental.py), else read here; with
    `memo` and `keys`, what the check before found in goals read from the same text is kept
    (`check`)."""
    from ..checks.check import check

    pause()  # reading builds many small objects that are never garbage (collector.py)
    try:
        if read is None:
            read = _read(text, source) if kept else _parsed(text, source)
        module, build_problems = read
        analysis = check(module, build_problems, memo=memo, keys=keys)
    except RecursionError:
        raise RkSyntaxError([problem("contract.too-deep", Span.point(source, 1, 1))], {source: text}) from None
    finally:
        resume()
    if any(p.is_error for p in analysis.problems):
        ordered = sorted(analysis.problems, key=_position)
        raise ContractError(ordered, {source: text})
    return Contract(module, analysis, source, text)


def load(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Contract:
    """Load a contract from a `.rk` file (a regular file of at most `max_bytes` bytes).

    A file read before, unchanged, is read from the user's cache folder (contract_cache.py)
    rather than parsed again: the same contract, sooner. `RK_NO_CACHE=1` turns that off.
    """
    return _loads(read_contract(path, max_bytes), str(path), kept=True)


def _parsed(text: str, source: str) -> tuple[s.Module, list[Problem]]:
    from ..language.build import build
    from ..language.parser import parse

    return build(parse(text, source), source)


def _read(text: str, source: str) -> tuple[s.Module, list[Problem]]:
    """What the parser and the builder make of `text`: kept from an earlier run, or made now
    and kept. Only files are kept: they are what is read again, run after run."""
    from ..language import contract_cache

    name = contract_cache.key(text, source)
    found = contract_cache.read(name)
    if found is not None:
        items, problems = found
        return s.module_of(items, source), problems
    module, problems = _parsed(text, source)
    contract_cache.write(name, module.items, problems)
    return module, problems


def read_contract(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a contract file, or ContractError saying why it cannot be read."""
    try:
        return read_bytes(path, max_bytes)
    except FileProblem as trouble:
        raise ContractError([problem("contract.unreadable", Span.point(str(path), 1, 1),
                                     problem=trouble.problem)]) from None


def decode_contract(data: bytes, source: str) -> str:
    """A contract file's text, or RkSyntaxError at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RkSyntaxError([problem("contract.not-utf8", Span.of_bad_byte(source, data, exc))]) from None


def prepared(text: str, source: str) -> str:
    """One spelling of the same text: no BOM, \\n line ends, composed letters; and
    RkSyntaxError if it holds a character no contract needs and no reader could see.

    Line ends matter for positions (the parser counts only \\n); composed
    letters matter for names (an editor may write å as a + ring).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    _refuse_invisible(text, source)
    return text


def _refuse_invisible(text: str, source: str) -> None:
    """RkSyntaxError at the first character no contract needs and no reader could see."""
    found = INVISIBLE.search(text)
    if found is None:
        return
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    code = ord(found.group())
    what = "contract.surrogate" if 0xD800 <= code <= 0xDFFF else "contract.control"
    raise RkSyntaxError([problem(what, Span.point(source, line, column), hint="contract.invisible",
                                 codepoint=f"{code:04X}")], {source: text})


def _position(problem: Problem) -> tuple[int, int, int]:
    if problem.span is None:
        return (0, 0, 0)
    return (problem.span.line, problem.span.column, 0 if problem.is_error else 1)
