"""Facts checked against their declarations: the values one evaluation runs on.

The facts come as a facts file (factsfile.py) or any mapping from name to
value. Each value is made a value of its declared type (coerce.py), lists
may be read from CSV exports (answers.py) and workbooks (workbook.py), and
every problem is recorded with a reason code, so that it can be said in
English or Danish (reasons.py). A bad value makes only the goals that need
it not evaluable.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

import attrs

from ..core.errors import FactsError, Problem, Span, closest
from ..core.files import Access, FileProblem, confine
from ..core.reasons import DELIVERABLE_VALUE, describe, problem
from ..core.values import LIST, TABLE, Type, Value, truth_value
from ..core.vocabulary import shortened
from ..language import syntax as s
from ..semantics.evidence import Delivery
from ..semantics.periods import period_name
from ..semantics.runtime import items_of
from . import answers
from .coerce import (
    BROKEN,
    Bounds,
    Exact,
    Invalid,
    Reader,
    bounds_of,
    cell,
    coerce,
    date_of,
    quick_date,
    reader,
    sheet_cell,
    tally,
    tally_reader,
)
from .factsfile import FactsFile, Reads
from .records import (
    as_value,
    fields_of,
    given_records,
    is_records,
    sheet_column,
    text_column,
    without_empty,
)

# Keys a facts file may hold about itself rather than a fact: the reporting period it reports,
# the last day it is measured to, and the party whose results they are (`rk compare` labels
# providers by it). A fact or deliverable of that name is read as one instead.
FACTS_FILE_KEYS = ("period", "measured_until", "party")

# Past this many, unknown facts are counted rather than each explained.
MAX_UNKNOWN = 20

# What most facts are, told apart from a mapping without asking the Mapping ABC.
_NOT_MAPPINGS = (str, int, list, tuple, bool)

# The places of facts given as a mapping made in Python: none.
_NOWHERE: Mapping[str, Span] = MappingProxyType({})


# Frozen but not slotted: a raw dict of facts is checked at every evaluation, and attrs fills a
# frozen class with a __dict__ in one store a field, a slotted one in an object.__setattr__ call.
@attrs.frozen(slots=False)
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
    # The reporting period the facts say they report (`"period": 2009`), in its one spelling,
    # with where it is written; and the last day they are measured to (`"measured_until"`).
    period: str | None = None
    period_span: Span | None = attrs.field(default=None, eq=False, repr=False)
    measured_until: dt.date | None = None
    # The party whose results the facts are (`"party": "Kronjylland Bus A/S"`), where they say.
    party: str | None = None
    # The facts file they were read from (None for facts from Python): where a problem with
    # the facts as a whole is said to be.
    origin: str | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Readers:
    """How each declared fact and deliverable is read at once from the raw values facts are
    most often given as (a whole number, "7.5%", "16 mio kr", a list of whole answers, true,
    "2019-12-16"), chosen once a contract: a raw facts dict is checked again at every
    evaluation. Each gives the value the general way gives, or None, and then the general way
    reads it and says what is wrong."""

    facts: Mapping[str, Reader]
    deliverables: Mapping[str, Callable[[object], Delivery | None]]

    @classmethod
    def of(cls, declared: Mapping[str, s.Fact], deliverables: Mapping[str, s.Deliverable],
           counted: frozenset[str] = frozenset()) -> Readers:
        """`counted`: the list facts the contract only counts, read as tallies (`Analysis.counted`)."""
        facts = {name: found for name, fact in declared.items()
                 if (found := (tally_reader if name in counted else reader)(fact.type, bounds_of(fact)))
                 is not None}
        return cls(facts, {name: _delivery_reader(deliverable) for name, deliverable in deliverables.items()
                           if name not in declared})


NO_READERS = Readers({}, {})


def check_facts(facts: object, declared: Mapping[str, s.Fact],
                deliverables: Mapping[str, s.Deliverable],
                metrics: Mapping[str, object] | None = None,
                metric_types: Mapping[str, Type] | None = None, *,
                data_dir: str | Path | None = None, max_bytes: int | None = None,
                readers: Readers = NO_READERS, counted: frozenset[str] = frozenset()) -> Supplied:
    """`facts` checked against the contract's declarations: each value made a value of its
    declared type, and each problem kept with its fact, so that a bad value makes only the goals
    that need it not evaluable. Metrics given a value are taken too, or refused whole.
    `readers` (Readers.of the same declarations) read the common raw values at once. A list
    fact in `counted` (one the contract only counts: `Analysis.counted`) that names a file is
    read from it as a tally (`Tallied`), its answers counted as they are read."""
    if not isinstance(facts, dict) and not isinstance(facts, Mapping):  # a dict is told at once
        raise FactsError([problem("facts.not-a-mapping", type=type(facts).__name__)])
    if type(facts) is dict and not metrics and data_dir is None and max_bytes is None:
        # A dict made in Python whose every fact is given as most are, as a raw dict of facts
        # checked at every evaluation most often is: read at once, with no problem to keep, no
        # place to say and no file to read (else everything is checked again, below).
        values: dict[str, Value] = {}
        states: dict[str, Delivery] = {}
        if _read_at_once(readers, iter(facts.items()), values, states) is None:
            return Supplied(values, states, {}, (), declared=declared)
    checking = _Checking(_Origin.of(facts, data_dir, max_bytes), declared, deliverables, readers, counted)
    checking.take_all(facts)
    if not metrics:  # as most evaluations are: nothing given a value, nothing to take
        return checking.supplied(frozenset())
    checking.values.update(_metric_values(metrics, metric_types))
    return checking.supplied(frozenset(metrics) & frozenset(checking.values))


# Not frozen: a frozen class takes a microsecond longer to make, and a raw dict of facts is
# checked again at every evaluation.
@attrs.define
class _Origin:
    """Where facts come from: a facts file's name, text and places (none for a mapping made in
    Python), and the folder the files they name are read from, with what reading them found."""

    access: Access
    # None until a fact of a mapping made in Python names a file: most never do, and the
    # reads are kept for this one check only.
    reads: Reads | None
    source: str | None = None
    text: str = ""
    positions: Mapping[str, Span] = _NOWHERE
    key_positions: Mapping[str, Span] = _NOWHERE

    @classmethod
    def of(cls, facts: Mapping[Any, object], data_dir: str | Path | None, max_bytes: int | None) -> _Origin:
        # Answer files are found beside the facts file (or from the working folder),
        # and kept inside its folder unless the caller widens it.
        if isinstance(facts, dict) or not isinstance(facts, FactsFile):
            return cls(Access.beside(None, data_dir, max_bytes), None)
        access = Access.beside(facts.source, data_dir if data_dir is not None else facts.data_dir,
                               max_bytes if max_bytes is not None else facts.max_bytes)
        return cls(access, facts.reads, facts.source, facts.text, facts.positions, facts.key_positions)


class _Checking:
    """Facts being checked one by one: the values, deliverables and problems found so far."""

    def __init__(self, origin: _Origin, declared: Mapping[str, s.Fact],
                 deliverables: Mapping[str, s.Deliverable], readers: Readers = NO_READERS,
                 counted: frozenset[str] = frozenset()):
        self.origin = origin
        self.readers = readers
        self.counted = counted
        self.declared = declared
        self.deliverables = deliverables
        self.values: dict[str, Value] = {}
        self.states: dict[str, Delivery] = {}
        self.invalid: dict[str, Problem] = {}
        self.problems: list[Problem] = []
        self.sources: dict[str, str] = {}
        self.unknown = 0
        self.period: str | None = None
        self.period_span: Span | None = None
        self.measured_until: dt.date | None = None
        self.party: str | None = None

    def take_all(self, facts: Mapping[Any, object]) -> None:
        """Each fact as given: its value, or its problem; a null (not known yet) and a `$note`
        (a comment) are passed over."""
        positions, readers = self.origin.positions, self.readers
        values, states = self.values, self.states
        given = iter(facts.items())
        # Read at once up to the first fact that needs a closer look, which is read here; then on.
        while (closer := _read_at_once(readers, given, values, states)) is not None:
            key, raw = closer
            name = _fact_name(key) if isinstance(key, str) else None
            if name is None:
                self.problems.append(problem("name-broken", positions.get(key)) if isinstance(key, str)
                                     else problem("name-not-text", got=describe(key)))
            elif raw is not None and not name.startswith("$"):
                try:
                    self._take(name, key, raw)
                except Invalid as exc:
                    self._invalid(name, exc, positions.get(key))
        if self.unknown > MAX_UNKNOWN:
            self.problems.append(problem("more-unknown", count=self.unknown - MAX_UNKNOWN))

    def _take(self, name: str, key: str, raw: object) -> None:
        """The value of a declared fact (as written, or read from the file it names) or the state
        of a deliverable; any other name is unknown."""
        fact = self.declared.get(name)
        if fact is None and name in FACTS_FILE_KEYS and name not in self.deliverables:
            self._about_the_facts(name, key, raw)
            return
        if fact is not None:
            if _names_a_file(raw):
                self._from_file(name, fact, raw)
            elif is_records(fact.type):
                self.values[name] = given_records(fact, raw)
            elif name in self.counted:
                self.values[name] = tally(fact.type, raw, bounds_of(fact))
            else:
                self.values[name] = coerce(fact.type, raw, bounds_of(fact))
        elif name in self.deliverables:
            state = self.states[name] = _deliverable(self.deliverables[name], raw)
            self.values[name] = state.done
        else:
            self._unknown(name, key)

    def _from_file(self, name: str, fact: s.Fact, raw: Mapping[object, object]) -> None:
        """A fact's values read from the file it names; the file's problems are the fact's."""
        if self.origin.reads is None:
            self.origin.reads = Reads()
        try:
            if is_records(fact.type):
                self.values[name] = _records(fact, raw, self.origin.access, self.origin.reads)
            else:
                self.values[name] = _table(fact, raw, self.origin.access, self.origin.reads, name in self.counted)
        except answers.TableError as exc:
            self.sources.update(exc.sources)
            self.problems.extend(exc.problems)
            self.invalid[name] = _in_file(name, exc.problems)

    def _about_the_facts(self, name: str, key: str, raw: object) -> None:
        """`"period"` (the reporting period reported) or `"measured_until"` (the last day
        measured), where no fact or deliverable has that name."""
        at = self.origin.positions.get(key)
        if isinstance(raw, Exact):
            raw = raw.value
        if name == "period":
            found = period_name(raw)
            if found is None:
                self.problems.append(problem("facts.period-not-name", at, hint="facts.period-not-name",
                                             got=describe(raw)))
            self.period, self.period_span = found, at
            return
        if name == "party":
            if not isinstance(raw, str) or not raw.strip():
                self.problems.append(problem("facts.party", at, got=describe(raw)))
            else:
                # A name is its words, spaced as a label is: a line break or a tab would break
                # the header of a comparison's text table and its CSV.
                self.party = " ".join(raw.split())
            return
        try:
            self.measured_until = date_of(raw)
        except Invalid:
            self.problems.append(problem("facts.measured-until", at, hint="facts.measured-until",
                                         got=describe(raw)))

    def _unknown(self, name: str, key: str) -> None:
        """A name the contract does not declare, with the closest it does; past MAX_UNKNOWN,
        only counted."""
        self.unknown += 1
        if self.unknown <= MAX_UNKNOWN:
            close = closest(name, list(self.declared) + list(self.deliverables))
            at = self.origin.key_positions.get(key, self.origin.positions.get(key))
            self.problems.append(problem("unknown-fact", at, hint="suggest" if close else None,
                                         name=shortened(name), suggestion=close or ""))

    def _invalid(self, name: str, exc: Invalid, span: Span | None) -> None:
        inner = _invalid_problem(exc, span)
        # A value with no place in its facts file (one added by `updated`, say) is named after the file.
        source = self.origin.source
        where = "" if span is not None or source is None else f"{source}: "
        found = problem("fact-value", span, fact=f"{where}{name}", path=exc.path, problem=inner)
        self.invalid[name] = found
        self.problems.append(found)

    def supplied(self, given_metrics: frozenset[str]) -> Supplied:
        if self.origin.source is not None:
            self.sources[self.origin.source] = self.origin.text
        # Two facts read from one bad file would otherwise report its rows twice.
        return Supplied(self.values, self.states, self.invalid, tuple(dict.fromkeys(self.problems)),
                        self.sources, given_metrics, self.declared, period=self.period,
                        period_span=self.period_span, measured_until=self.measured_until,
                        party=self.party, origin=self.origin.source)


def _read_at_once(readers: Readers, given: Iterator[tuple[str, object]], values: dict[str, Value],
                  states: dict[str, Delivery]) -> tuple[str, object] | None:
    """Facts from `given`, in turn, read at once into `values` (and a deliverable's state into
    `states`, whether it is done into `values`) where the key is a declared name (names are
    composed, and hold no control characters) and the value is given as most are; up to the
    first that needs a closer look, which is returned (None when none does)."""
    quick, quick_states = readers.facts, readers.deliverables
    for key, raw in given:
        read = quick.get(key)  # a key of another kind than text is in neither
        if read is not None:
            value = read(raw)
            if value is None:
                return key, raw
            values[key] = value
            continue
        read_state = quick_states.get(key)
        state = read_state(raw) if read_state is not None else None
        if state is None:
            return key, raw
        states[key] = state
        values[key] = state.done
    return None


def _names_a_file(raw: object) -> TypeGuard[Mapping[object, object]]:
    """Whether a fact's value is a reference to the file its values are in (`{"csv": ...}`)."""
    return not isinstance(raw, _NOT_MAPPINGS) and isinstance(raw, Mapping) and ("csv" in raw or "xlsx" in raw)


def _metric_values(metrics: Mapping[str, object], metric_types: Mapping[str, Type] | None) -> dict[str, Value]:
    """The metrics given a value (an example, a what-if), each a value of the metric's type; a
    null is passed over. A what-if that cannot be taken as asked is refused whole (FactsError),
    rather than quietly scored on the computed metric instead."""
    values: dict[str, Value] = {}
    problems: list[Problem] = []
    for name, raw in metrics.items():
        if raw is None:
            continue
        if metric_types is None or name not in metric_types:
            close = closest(name, metric_types or {})
            problems.append(problem("unknown-metric", hint="suggest" if close else None,
                                    name=name, suggestion=close or ""))
            continue
        try:
            values[name] = coerce(metric_types[name], raw, None)
        except Invalid as exc:
            problems.append(problem("fact-value", fact=name, path=exc.path, problem=_invalid_problem(exc, None)))
    if problems:
        raise FactsError(problems)
    return values


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


def _table(fact: s.Fact, raw: Mapping[object, object], access: Access, reads: Reads,
           counted: bool = False) -> Value:
    if fact.type.kind not in (LIST, TABLE):
        raise Invalid(f"{answers.kind_of(raw)}-for-one-value", fact=fact.name, type=str(fact.type))

    try:
        ref = answers.reference(raw, access, _resolver(reads))
    except FileProblem as trouble:
        raise Invalid(f"file.{trouble.code}", params=trouble.params) from None
    except answers.ReferenceProblem as trouble:
        raise Invalid(f"reference.{trouble.code}", params=trouble.params) from None
    if (ref.key is not None) != (fact.type.kind == TABLE):
        raise Invalid("table-needs-key" if fact.type.kind == TABLE else "list-has-key",
                      fact=fact.name, type=str(fact.type))
    bounds = bounds_of(fact)
    key = (ref, fact.type, bounds, counted)
    if key not in reads.values:
        reads.values[key] = _read(ref, fact.type, bounds, reads, counted)
    return reads.values[key]


def _resolver(reads: Reads) -> Callable[[str, Access], Path]:
    """What finds and confines the file a reference names: each once, however often it is named."""
    def resolve(written: str, access: Access) -> Path:
        key = (written, access)
        if key not in reads.paths:
            reads.paths[key] = confine(written, access)
        return reads.paths[key]
    return resolve


def _records(fact: s.Fact, raw: Mapping[object, object], access: Access, reads: Reads) -> tuple[Value, ...]:
    """A record fact's rows, read from the CSV file or the sheet its reference names."""
    fields = fields_of(fact)
    names = [field.name for field in fields]
    try:
        ref = answers.record_reference(raw, access, names, _resolver(reads))
    except FileProblem as trouble:
        raise Invalid(f"file.{trouble.code}", params=trouble.params) from None
    except answers.ReferenceProblem as trouble:
        raise Invalid(f"reference.{trouble.code}", params=trouble.params) from None
    key = (ref, fact.type, fields)
    if key not in reads.values:
        if ref.kind == "xlsx":
            from . import workbook  # with zip archives and openpyxl: only for a fact in a workbook

            columns = [sheet_column(field, ref.decimal) for field in fields]
            rows = workbook.read_records(ref, names, columns, reads.workbooks)
        else:
            rows = answers.read_records(ref, names, [text_column(field, ref.decimal) for field in fields])
        reads.values[key] = as_value(without_empty(rows, fields))
    return items_of(reads.values[key])


def _read(ref: answers.TableRef, type_: Type, bounds: Bounds, reads: Reads, counted: bool) -> Value:
    """The values a reference points at: a CSV file's cells are texts, a workbook's are values;
    `counted`: the list as a tally, its answers counted as they are read."""
    if ref.kind == "xlsx":
        from . import workbook  # with zip archives and openpyxl: only for a fact in a workbook

        def in_sheet(element: Type, raw: object) -> Value:
            return sheet_cell(element, raw, bounds, ref.decimal)
        if ref.key is not None:
            return workbook.read_table(ref, type_, in_sheet, reads.workbooks)
        if counted:
            return workbook.tally(ref, type_, in_sheet, reads.workbooks)
        return workbook.read(ref, type_, in_sheet, reads.workbooks)

    def in_text(element: Type, text: str) -> Value:
        return cell(element, text, bounds, ref.decimal)
    if ref.key is not None:
        return answers.read_table(ref, type_, in_text, reads.sheets)
    if counted:
        return answers.tally(ref, type_, in_text, reads.sheets)
    return answers.read(ref, type_, in_text, reads.sheets)


def _delivery_reader(deliverable: s.Deliverable) -> Callable[[object], Delivery | None]:
    """A deliverable's state read at once from true, false or an ISO day, as `_deliverable`
    reads it; None for anything else, which `_deliverable` then reads."""
    name, title, due = deliverable.name, deliverable.title, deliverable.due_date
    # Done or not, without a day: the same state whatever the facts (a Delivery is a value).
    given = {True: Delivery(name, title, True, None, due), False: Delivery(name, title, False, None, due)}

    @functools.lru_cache(maxsize=256)
    def on(delivered: dt.date) -> Delivery:
        """Delivered on a day: made once for each day and kept, as the states above are."""
        late = due is not None and delivered > due
        return Delivery(name, title, not late, delivered, due, late)

    def read(raw: object) -> Delivery | None:
        if type(raw) is bool:
            return given[raw]
        delivered = quick_date(raw)
        return None if delivered is None else on(delivered)
    return read


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
