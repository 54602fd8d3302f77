"""Records (records.py) mean what `attrs.frozen` means for the same declaration: held to attrs
over random declarations and calls, through both ways an `__init__` is made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from resultkontrakt import records
from resultkontrakt.records import FrozenError, Record, changed, field, record

# One field as declared: its name, then how it is given (None: required; ("default", n);
# ("factory",)), and whether it is keyword-only, in `__init__`, in `repr`, in `==`.
FieldSpec = tuple[str, Any, bool, bool, bool, bool]

_GIVEN = st.one_of(st.none(), st.tuples(st.just("default"), st.integers(-3, 3)), st.just(("factory",)))
_DECLARATIONS = st.lists(
    st.tuples(st.sampled_from("abcdefgh"), _GIVEN, st.booleans(), st.booleans(), st.booleans(),
              st.booleans()),
    max_size=6, unique_by=lambda spec: spec[0])
_VALUES = st.one_of(st.integers(-3, 3), st.tuples(st.integers(0, 2)))
_CALLS = st.tuples(st.lists(_VALUES, max_size=7),
                   st.dictionaries(st.sampled_from("abcdefghz"), _VALUES, max_size=4))


def _attrs_class(specs: list[FieldSpec]) -> type:
    body: dict[str, Any] = {"__annotations__": {}, "__module__": __name__}
    for name, how, kw_only, init, shown, compared in specs:
        body["__annotations__"][name] = "object"
        default = attrs.NOTHING if how is None or how[0] != "default" else how[1]
        body[name] = attrs.field(default=default, factory=tuple if how == ("factory",) else None,
                                 kw_only=kw_only, init=init, repr=shown, eq=compared)
    return attrs.frozen(type("C", (), body))


def _record_class(specs: list[FieldSpec]) -> type:
    body: dict[str, Any] = {"__annotations__": {}, "__module__": __name__}
    for name, how, kw_only, init, shown, compared in specs:
        body["__annotations__"][name] = "object"
        default = records.NOTHING if how is None or how[0] != "default" else how[1]
        body[name] = field(default=default, factory=tuple if how == ("factory",) else None,
                           kw_only=kw_only, init=init, repr=shown, eq=compared)
    return record(type("C", (Record,), body))


def _made_maker(specs: list[FieldSpec], monkeypatch: pytest.MonkeyPatch) -> type:
    """The record class with its `__init__` from a maker as records_made.py holds them."""
    key = records.shape(records.fields(_record_class(specs)))
    namespace: dict[str, Any] = {}
    exec(compile(records.maker_source(key), "<maker>", "exec"), namespace)  # the text records_made.py holds
    with monkeypatch.context() as patched:
        patched.setattr(records, "_made_makers", lambda: {key: namespace["make"]})
        return _record_class(specs)


def _made(cls: type, call: tuple[list[object], dict[str, object]]) -> object:
    try:
        return cls(*call[0], **call[1])
    except TypeError:
        return TypeError


def _equal(one: object, other: object) -> object:
    try:
        return bool(one == other)
    except AttributeError:
        return AttributeError


def _state(value: object) -> object:
    if value is TypeError:
        return value
    return {name: getattr(value, name, "unset") for name in "abcdefgh"}


@given(_DECLARATIONS, _CALLS, _CALLS)
def test_a_record_means_what_attrs_frozen_means(specs: list[FieldSpec], call: Any, other: Any) -> None:
    try:
        oracle = _attrs_class(specs)
    except ValueError:  # attrs refuses a required field after one with a default
        with pytest.raises(TypeError, match="has no default and follows"):
            _record_class(specs)
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        kinds = [_record_class(specs), _made_maker(specs, monkeypatch)]
    for kind in kinds:
        assert kind.__match_args__ == oracle.__match_args__
        assert [f.name for f in records.fields(kind)] == [a.name for a in attrs.fields(oracle)]
        expected, got = _made(oracle, call), _made(kind, call)
        assert _state(got) == _state(expected), kind
        expected_other, got_other = _made(oracle, other), _made(kind, other)
        if got is TypeError or got_other is TypeError:
            continue
        same = _equal(got, got_other)
        assert same == _equal(expected, expected_other)  # a field left unset: both raise
        if same is True:
            assert hash(got) == hash(got_other)
        if all(hasattr(expected, a.name) for a in attrs.fields(oracle)):
            assert repr(got) == repr(expected)
        for name in "abcdefgh"[:1]:
            with pytest.raises(FrozenError):
                setattr(got, name, 1)
            with pytest.raises(AttributeError):  # attrs's own is an AttributeError too
                setattr(expected, name, 1)


def test_records_made_holds_every_shape_of_the_package() -> None:
    """A record added or changed without `python -m resultkontrakt.records` would be made
    with the slower `__init__` at every start."""
    path = Path(records.__file__).with_name("records_made.py")
    assert path.read_text(encoding="utf-8") == records.made_module(records._package_shapes()), (
        "records_made.py is stale: run `python -m resultkontrakt.records`")


def test_every_record_of_the_package_is_made_without_the_slow_init() -> None:
    from resultkontrakt import errors, results, syntax

    for cls in (errors.Span, syntax.Goal, syntax.Module, results.Evaluation, results.Allocation):
        assert records.shape(records.fields(cls)) in records._made_makers(), cls


def test_declarations_records_refuse() -> None:
    with pytest.raises(TypeError, match="has no default and follows a"):
        @record
        class Late(Record):
            a: int = 1
            b: int
    with pytest.raises(TypeError, match="may start with '_'"):
        @record
        class Private(Record):
            _a: int
    with pytest.raises(TypeError, match="a default or a factory, not both"):
        field(default=1, factory=list)

    @record
    class Base(Record):
        a: int

    with pytest.raises(TypeError, match="already a field of a base record"):
        @record
        class Again(Base):
            a: int


def test_a_record_extends_its_base_and_keeps_super_working() -> None:
    @record
    class Base(Record):
        a: int

        def told(self) -> str:
            return f"a={self.a}"

    @record
    class Extended(Base):
        b: int = 2

        def told(self) -> str:
            return super().told() + f", b={self.b}"

    made = Extended(1)
    assert (made.a, made.b, made.told()) == (1, 2, "a=1, b=2")
    assert Extended(1) != Base(1) and Extended(1) == Extended(1, 2)
    with pytest.raises(FrozenError, match="cannot be changed"):
        made.b = 3  # type: ignore[misc]


def test_a_post_init_sees_every_field_and_may_set_one_left_out() -> None:
    @record
    class Indexed(Record):
        items: tuple[str, ...]
        index: dict[str, int] = field(init=False, repr=False, eq=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "index", {item: n for n, item in enumerate(self.items)})

    assert Indexed(("a", "b")).index == {"a": 0, "b": 1}
    assert repr(Indexed(("a",))) == "Indexed(items=('a',))"


def test_changed_replaces_only_what_it_is_given() -> None:
    @record
    class Point(Record):
        x: int
        y: int = field(default=0, eq=False)
        tags: tuple[str, ...] = field(factory=tuple, kw_only=True)

    point = Point(1, 2, tags=("a",))
    assert changed(point, x=5) == Point(5, tags=("a",)) and changed(point, x=5).y == 2
    assert changed(point, x=5).tags == ("a",)
    with pytest.raises(TypeError, match="no field 'z'"):
        changed(point, z=1)


def test_a_mutable_record_can_be_assigned() -> None:
    @record(frozen=False)
    class Counter:
        count: int = 0

    counter = Counter()
    counter.count += 1
    assert counter.count == 1
    with pytest.raises(AttributeError):
        counter.other = 1  # type: ignore[attr-defined]  # slotted: no other attributes


def test_makers_written_for_another_form_are_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """After records.py changes what a maker takes, the old records_made.py must not be
    called wrongly (nor stop `python -m resultkontrakt.records` from writing it anew)."""
    from resultkontrakt import records_made

    assert records._made_makers()
    monkeypatch.setattr(records_made, "FORM", records.FORM - 1)
    assert records._made_makers() == {}

    @record
    class Point(Record):
        x: int
        y: int = 0

    assert (Point(1).x, Point(1, 2).y) == (1, 2)
