"""Facts checked against their declarations: the values one evaluation runs on.

The facts come as a facts file (factsfile.py) or any mapping from name to
value. Each value is made a value of its declared type (coerce.py), lists
may be read from CSV exports (answers.py) and workbooks (workbook.py), and
every problem is recorded with a reason code, so that it can be said in
English or Danish (reasons.py). A bad value makes only the goals that need
it not evaluable.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..core.errors import FactsError, Problem, Span, closest
from ..core.files import Access, FileProblem, confine
from ..core.reasons import DELIVERABLE_VALUE, describe, problem
from ..core.values import LIST, TABLE, Type, Value, truth_value
from ..core.vocabulary import shortened
from ..language import syntax as s
from ..semantics.evidence import Delivery
from . import answers
from .coerce import BROKEN, Bounds, Exact, Invalid, bounds_of, cell, coerce, date_of, sheet_cell
from .factsfile import FactsFile, Reads

# Past this many, unknown facts are counted rather than each explained.
MAX_UNKNOWN = 20

# What most facts are, told apart from a mapping without asking the Mapping ABC.
_NOT_MAPPINGS = (str, int, list, tuple, bool)


@attrs.frozen
class Supplied:
    """The facts of one evaluation, checked: values, and what was missing or wrong.

    `Contract.check_facts` returns one, and `Contract.evaluate` takes one: a year's
    facts checked once can be evaluated many times (what-ifs, a loop over scenarios).
    """

    values: dict[str, Value]
    deliverables: dict[str, Delivery]  # as they stand: done in time, not done, or late
    invalid: dict[str, Problem]
    problems: tuple[Problem, ...]
    sources: dict[str, str] = attrs.field(factory=dict)  # answer files, for error excerpts
    given_metrics: frozenset[str] = frozenset()  # metrics given a value rather than computed
    # The declarations they were checked against: facts checked for one contract
    # are no facts for another.
    declared: Mapping[str, s.Fact] = attrs.field(factory=dict, eq=False, repr=False)
    # Answers counted by value, filled as evaluations ask (compile.py): kept here, so that
    # evaluating the same checked facts again counts nothing again.
    tallies: dict[str, Counter[Any]] = attrs.field(factory=dict, eq=False, repr=False)


def check_facts(facts: object, declared: Mapping[str, s.Fact],
                deliverables: Mapping[str, s.Deliverable],
                metrics: Mapping[str, object] | None = None,
                metric_types: Mapping[str, Type] | None = None, *,
                data_dir: str | Path | None = None, max_bytes: int | None = None) -> Supplied:
    if not isinstance(facts, dict) and not isinstance(facts, Mapping):  # a dict is told at once
        raise FactsError([problem("facts.not-a-mapping", type=type(facts).__name__)])
    # Answer files are found beside the facts file (or from the working folder),
    # and kept inside its folder unless the caller widens it.
    if not isinstance(facts, dict) and isinstance(facts, FactsFile):
        positions, key_positions, source = facts.positions, facts.key_positions, facts.source
        access = Access.beside(facts.source, data_dir if data_dir is not None else facts.data_dir,
                               max_bytes if max_bytes is not None else facts.max_bytes)
        reads = facts.reads
    else:
        positions, key_positions, source = {}, {}, None
        access = Access.beside(None, data_dir, max_bytes)
        reads = Reads()
    sources: dict[str, str] = {}
    values: dict[str, Value] = {}
    states: dict[str, Delivery] = {}
    invalid: dict[str, Problem] = {}
    problems: list[Problem] = []
    unknown = 0
    for key, raw in facts.items():
        name = _fact_name(key) if isinstance(key, str) else None
        if name is None:
            problems.append(problem("name-broken", positions.get(key)) if isinstance(key, str)
                            else problem("name-not-text", got=describe(key)))
            continue
        span = positions.get(key)
        if raw is None or name.startswith("$"):  # null: unknown; "$note": a comment
            continue
        try:
            if name in declared and not isinstance(raw, _NOT_MAPPINGS) and isinstance(raw, Mapping) \
                    and ("csv" in raw or "xlsx" in raw):
                try:
                    values[name] = _table(declared[name], raw, access, reads)
                except answers.TableError as exc:
                    sources.update(exc.sources)
                    problems.extend(exc.problems)
                    invalid[name] = _in_file(name, exc.problems)
                continue
            if name in declared:
                values[name] = coerce(declared[name].type, raw, bounds_of(declared[name]))
            elif name in deliverables:
                state = _deliverable(deliverables[name], raw)
                states[name] = state
                values[name] = state.done
            else:
                unknown += 1
                if unknown <= MAX_UNKNOWN:
                    close = closest(name, list(declared) + list(deliverables))
                    problems.append(problem("unknown-fact", key_positions.get(key, span),
                                            hint="suggest" if close else None, name=shortened(name),
                                            suggestion=close or ""))
        except Invalid as exc:
            inner = _invalid_problem(exc, span)
            where = "" if span is not None or source is None else f"{source}: "
            found = problem("fact-value", span, fact=f"{where}{name}", path=exc.path, problem=inner)
            invalid[name] = found
            problems.append(found)
    if unknown > MAX_UNKNOWN:
        problems.append(problem("more-unknown", count=unknown - MAX_UNKNOWN))
    # Two facts read from one bad file would otherwise report its rows twice.
    metric_problems: list[Problem] = []
    for name, raw in (metrics or {}).items():
        # A metric given a value (an example, a what-if) is taken as it is.
        if raw is None:
            continue
        if metric_types is None or name not in metric_types:
            close = closest(name, metric_types or {})
            metric_problems.append(problem("unknown-metric", hint="suggest" if close else None,
                                           name=name, suggestion=close or ""))
            continue
        try:
            values[name] = coerce(metric_types[name], raw, None)
        except Invalid as exc:
            metric_problems.append(problem("fact-value", fact=name, path=exc.path,
                                           problem=_invalid_problem(exc, None)))
    if metric_problems:
        # A what-if that cannot be taken as asked is refused whole, rather than
        # quietly scored on the computed metric instead.
        raise FactsError(metric_problems)
    given = frozenset(metrics or {}) & frozenset(values)
    if source is not None:
        assert isinstance(facts, FactsFile)
        sources[source] = facts.text
    return Supplied(values, states, invalid, tuple(dict.fromkeys(problems)), sources, given, declared)


@functools.lru_cache(maxsize=4096)
def _fact_name(key: str) -> str | None:
    """A key of the facts as the name it stands for; None if it holds control characters.

    Some editors write å as a + ring; the contract's names are composed. Kept,
    since the same few names come with every year's facts.
    """
    return None if BROKEN.search(key) else unicodedata.normalize("NFC", key)


def _invalid_problem(exc: Invalid, span: Span | None) -> Problem:
    return problem(exc.code, span, hint=exc.hint, params=exc.params)


def _in_file(name: str, found: list[Problem]) -> Problem:
    """A fact read from a file that has problems: the first, where it stands, and how many more."""
    first = found[0]
    more = len([p for p in found if p.span]) - 1
    if first.span is None:
        return attrs.evolve(problem("fact-value", None, fact=name, path="", problem=first),
                            span=None)
    if first.code is not None and first.code.startswith("xlsx."):
        # A workbook has no lines: its problems name their cell themselves (Svar!C17: ...),
        # which follows the file's name as a line would.
        code = "fact-in-cell" if "cell" in dict(first.params) else "fact-in-workbook"
        return problem(f"{code}-more" if more > 0 else code, first.span, fact=name,
                       file=Path(first.span.source).name, problem=first, more=more)
    return problem("fact-in-file-more" if more > 0 else "fact-in-file", first.span, fact=name,
                   file=Path(first.span.source).name, line=first.span.line, problem=first, more=more)


def _table(fact: s.Fact, raw: Mapping[object, object], access: Access, reads: Reads) -> tuple[Value, ...]:
    if fact.type.kind not in (LIST, TABLE):
        raise Invalid(f"{answers.kind_of(raw)}-for-one-value", fact=fact.name, type=str(fact.type))

    def resolve(written: str, access: Access) -> Path:
        key = (written, access)
        if key not in reads.paths:
            reads.paths[key] = confine(written, access)
        return reads.paths[key]

    try:
        ref = answers.reference(raw, access, resolve)
    except FileProblem as trouble:
        raise Invalid(f"file.{trouble.code}", params=trouble.params) from None
    except answers.ReferenceProblem as trouble:
        raise Invalid(f"reference.{trouble.code}", params=trouble.params) from None
    if (ref.key is not None) != (fact.type.kind == TABLE):
        raise Invalid("table-needs-key" if fact.type.kind == TABLE else "list-has-key",
                      fact=fact.name, type=str(fact.type))
    bounds = bounds_of(fact)
    key = (ref, fact.type, bounds)
    if key not in reads.values:
        reads.values[key] = _read(ref, fact.type, bounds, reads)
    return reads.values[key]


def _read(ref: answers.TableRef, type_: Type, bounds: Bounds, reads: Reads) -> tuple[Value, ...]:
    """The values a reference points at: a CSV file's cells are texts, a workbook's are values."""
    if ref.kind == "xlsx":
        from . import workbook  # with zip archives and openpyxl: only for a fact in a workbook

        def in_sheet(element: Type, raw: object) -> Value:
            return sheet_cell(element, raw, bounds, ref.decimal)
        if ref.key is not None:
            return workbook.read_table(ref, type_, in_sheet, reads.workbooks)
        return workbook.read(ref, type_, in_sheet, reads.workbooks)

    def in_text(element: Type, text: str) -> Value:
        return cell(element, text, bounds, ref.decimal)
    if ref.key is not None:
        return answers.read_table(ref, type_, in_text, reads.sheets)
    return answers.read(ref, type_, in_text, reads.sheets)


def _deliverable(deliverable: s.Deliverable, raw: object) -> Delivery:
    if isinstance(raw, Exact):
        raw = raw.value
    # A due date worked out from the facts (`første + 36 months`) is applied by the evaluation.
    due = deliverable.due_date
    truth = truth_value(raw)
    if truth is not None:
        return Delivery(deliverable.name, deliverable.title, truth, None, due)
    try:
        delivered = date_of(raw)
    except Invalid:
        raise Invalid(DELIVERABLE_VALUE, got=describe(raw)) from None
    late = due is not None and delivered > due
    return Delivery(deliverable.name, deliverable.title, not late, delivered, due, late)
