"""The form of the many small immutable records: syntax nodes and evidence.

`attrs.frozen` writes each class's methods as Python source and compiles it when the class is
made, and every command pays for that at start-up, for every class it imports. The records
share one `__repr__`, `__eq__` and `__hash__` instead (they mean what attrs's would: the
fields compared are those declared with `eq`), and leave out the methods for pickling, which
nothing here does. attrs still writes each `__init__`, where speed matters most.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, cast, dataclass_transform

import attrs

_C = TypeVar("_C", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(attrs.field,))
def record(cls: _C) -> _C:
    """`attrs.frozen`, with the repr of `Record` and without the methods for pickling."""
    return attrs.frozen(cls, repr=False, eq=False, getstate_setstate=False)


class Record:
    """The base of every record: its repr, `Name(name='nps', span=...)`, as attrs writes it,
    and equality and hashing over the fields declared with `eq`."""

    __slots__ = ()
    # What attrs sets on each record; declared here so that type checkers take records for
    # attrs classes (`attrs.evolve`, `attrs.fields`).
    __attrs_attrs__: ClassVar[tuple[Any, ...]]

    def __repr__(self) -> str:
        fields = ", ".join(f"{field.name}={getattr(self, field.name)!r}"
                           for field in attrs.fields(type(self)) if field.repr)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _compared(type(self))
        return bool(compared(self) == compared(other))

    def __hash__(self) -> int:
        return hash((type(self), _compared(type(self))(self)))


_COMPARED: dict[type, Callable[[object], object]] = {}


def _compared(cls: type) -> Callable[[object], object]:
    """What a record of `cls` is compared by: its fields declared with `eq`, read at once."""
    compared = _COMPARED.get(cls)
    if compared is None:
        names = [field.name for field in attrs.fields(cls) if field.eq]
        compared = _COMPARED[cls] = operator.attrgetter(*names) if names else (lambda record: ())
    return compared


_R = TypeVar("_R", bound=Record)


def changed(value: _R, **fields: Any) -> _R:
    """`value` with some of its fields replaced: `attrs.evolve`, which type checkers do not
    accept for records (they see them through `dataclass_transform`)."""
    return cast(_R, attrs.evolve(cast(Any, value), **fields))
