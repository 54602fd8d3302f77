"""The form of every record: syntax nodes, evidence, results, problems, types.

A record is a class of named fields, declared as annotations, made by `@record`: slotted,
frozen unless asked otherwise, with an `__init__` over its fields, and (from `Record`) a
`repr`, `==` and `hash` over them. It is the part of attrs this package uses, written here
because every `rk` command pays at start for what makes its classes: attrs takes about 25 ms
to import and writes, compiles and looks over each class's methods, about 20 ms for the
classes `rk eval` needs, of a start that may take about 140 ms in all (README, "Speed").

What a record means is what `attrs.frozen` means for the same declaration: fields in order,
a base record's first; `field(default=..., factory=..., init=..., repr=..., eq=...,
kw_only=...)`; a default after which only fields with defaults or `kw_only` may follow;
`__match_args__` for `case Name(...)`; a frozen record refuses assignment. `tests/
test_records.py` holds it to attrs over random declarations.

An `__init__` depends only on the shape of its fields: their names, and which have defaults
or factories or are keyword-only. `records_made.py`, written by `python -m
resultkontrakt.records`, holds a maker of `__init__` for each shape of the package's records
as plain code, loaded from bytecode like any module: nothing is compiled at start, and no
code is ever made from text. A record of another shape (one declared in a test) gets an
`__init__` that binds its arguments through `inspect.Signature`, slower but the same in what
it accepts; a test fails while any of the package's shapes is missing from records_made.py.
"""

from __future__ import annotations

import functools
import operator
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast, dataclass_transform, overload

_C = TypeVar("_C", bound=type)


class _Nothing:
    """No default: the field must be given."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Any = _Nothing()


class FrozenError(AttributeError):
    """A field of a frozen record was assigned or deleted."""


class Field:
    """One field of a record, as declared: `field(...)` makes one without its name and type,
    to stand as the default in the class body, and `@record` names it."""

    __slots__ = ("default", "eq", "factory", "init", "kw_only", "name", "repr", "type")

    def __init__(self, name: str, type: object, default: object, factory: Callable[[], object] | None,
                 init: bool, repr: bool, eq: bool, kw_only: bool):
        if default is not NOTHING and factory is not None:
            raise TypeError("a field has a default or a factory, not both")
        self.name = name
        self.type = type  # as written: a string, under `from __future__ import annotations`
        self.default = default
        self.factory = factory
        self.init = init
        self.repr = repr
        self.eq = eq
        self.kw_only = kw_only

    @property
    def has_default(self) -> bool:
        return self.default is not NOTHING or self.factory is not None

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def field(*, default: Any = NOTHING, factory: Callable[[], Any] | None = None, init: bool = True,
          repr: bool = True, eq: bool = True, kw_only: bool = False) -> Any:
    """A field with a default, a factory for its default, or left out of `__init__`, `repr`
    or `==`, or given by keyword only."""
    return Field("", None, default, factory, init, repr, eq, kw_only)


@overload
def record(cls: _C, /) -> _C: ...
@overload
def record(*, frozen: bool = True) -> Callable[[_C], _C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: Any = None, /, *, frozen: bool = True) -> Any:
    """Make `cls` a record: `@record`, or `@record(frozen=False)` for one whose fields are
    assigned after it is made."""
    if cls is None:
        return lambda cls: _made(cls, frozen)
    return _made(cls, frozen)


def _is_class_var(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return isinstance(text, str) and text.split("[", 1)[0].rsplit(".", 1)[-1] == "ClassVar"


def _made(cls: type, frozen: bool) -> type:
    inherited: tuple[Field, ...] = getattr(cls, "__record_fields__", ())
    names = {inherited_field.name for inherited_field in inherited}
    own: list[Field] = []
    body = dict(cls.__dict__)
    for name, annotation in body.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        if name in names:
            raise TypeError(f"{cls.__name__}.{name} is already a field of a base record")
        declared = body.pop(name, NOTHING)
        if not isinstance(declared, Field):
            declared = field(default=declared)
        if declared.init and name.startswith("_"):
            raise TypeError(f"{cls.__name__}.{name}: only a field left out of __init__ "
                            "(field(init=False)) may start with '_': __init__ names its "
                            "parameters as the fields")
        own.append(Field(name, annotation, declared.default, declared.factory, declared.init,
                         declared.repr, declared.eq, declared.kw_only))
    fields = (*inherited, *own)
    _check_order(cls.__name__, fields)

    for name in ("__dict__", "__weakref__"):
        body.pop(name, None)
    body["__slots__"] = tuple(own_field.name for own_field in own)
    body["__record_fields__"] = fields
    body["__match_args__"] = tuple(f.name for f in fields if f.init and not f.kw_only)
    if frozen:
        body["__setattr__"] = _refuse_setting
        body["__delattr__"] = _refuse_deleting
    made = type(cls)(cls.__name__, cls.__bases__, body)
    made.__qualname__ = cls.__qualname__
    _rebind_class_cells(made, cls)
    # A slot read from the class is its descriptor, whose __set__ passes by the frozen __setattr__.
    init = _init_maker(fields)(
        NOTHING, *(part for f in fields for part in (getattr(made, f.name).__set__, _default_of(f))),
        getattr(made, "__post_init__", None))
    init.__qualname__ = f"{made.__qualname__}.__init__"
    made.__init__ = init  # type: ignore[misc]
    return made


def _check_order(name: str, fields: Iterable[Field]) -> None:
    after: str | None = None
    for each in fields:
        if not each.init or each.kw_only:
            continue
        if each.has_default:
            after = each.name
        elif after is not None:
            raise TypeError(f"{name}.{each.name} has no default and follows {after}, which has one")


def _default_of(each: Field) -> object:
    """What the maker binds for a field: its factory, its default, or NOTHING."""
    return each.factory if each.factory is not None else each.default


def _refuse_setting(self: object, name: str, value: object) -> None:
    raise FrozenError(f"a {type(self).__name__} cannot be changed: its {name} was assigned")


def _refuse_deleting(self: object, name: str) -> None:
    raise FrozenError(f"a {type(self).__name__} cannot be changed: its {name} was deleted")


def _rebind_class_cells(made: type, original: type) -> None:
    """Methods that call `super()` hold the class in a cell: the class made, not the one
    declared, or `super()` would look in the wrong class."""
    for value in made.__dict__.values():
        functions = (value.fget, value.fset, value.fdel) if isinstance(value, property) else (
            getattr(value, "__func__", value),)
        for function in functions:
            for cell in getattr(function, "__closure__", None) or ():
                try:
                    if cell.cell_contents is original:
                        cell.cell_contents = made
                except ValueError:  # an empty cell
                    continue


# ---- the makers of `__init__` ---------------------------------------------------


def shape(fields: Iterable[Field]) -> str:
    """What an `__init__` depends on: each field's name and how it is given.

    `name` a field given by position or keyword; `name=` one with a default; `name=()` one
    with a factory; `*name`, `*name=`, `*name=()` the same by keyword only; `-name`, `-name=`,
    `-name=()` one left out of `__init__`, with nothing, a default or a factory."""
    parts = []
    for each in fields:
        mark = "-" if not each.init else "*" if each.kw_only else ""
        given = "=()" if each.factory is not None else "=" if each.default is not NOTHING else ""
        parts.append(mark + each.name + given)
    return ",".join(parts)


def maker_source(shape_text: str, function: str = "make") -> str:
    """The source of a function that makes the `__init__` of a shape, given NOTHING, each
    field's slot setter and default (or factory), in order, and the class's `__post_init__`."""
    parts = shape_text.split(",") if shape_text else []
    bound, positional, keyword, body = [], ["self"], [], []  # type: list[str], list[str], list[str], list[str]
    for n, part in enumerate(parts):
        left_out, by_keyword = part.startswith("-"), part.startswith("*")
        name = part.lstrip("-*")
        factory, default = name.endswith("=()"), name.endswith("=") and not name.endswith("=()")
        name = name.removesuffix("=()").removesuffix("=")
        setter, given = f"_set_{n}", f"_default_{n}"
        bound += [setter, given]
        if left_out:
            if factory:
                body.append(f"{setter}(self, {given}())")
            elif default:
                body.append(f"{setter}(self, {given})")
            continue
        (keyword if by_keyword else positional).append(
            f"{name}=_NOTHING" if factory else f"{name}={given}" if default else name)
        if factory:
            body.append(f"{setter}(self, {given}() if {name} is _NOTHING else {name})")
        else:
            body.append(f"{setter}(self, {name})")
    signature = ", ".join(positional + (["*", *keyword] if keyword else []))
    lines = [f"def {function}({', '.join(['_NOTHING', *bound, '_post_init'])}):",
             f"    def __init__({signature}):", *(f"        {line}" for line in body),
             "        if _post_init is not None:", "            _post_init(self)", "",
             "    return __init__"]
    return "\n".join(lines) + "\n"


def _init_maker(fields: tuple[Field, ...]) -> Callable[..., Callable[..., None]]:
    """The maker of an `__init__` for these fields: written in records_made.py for the
    package's shapes; for any other (a record declared in a test, or one changed since
    records_made.py was written), one that binds its arguments through `inspect.Signature`,
    slower but the same in what it accepts. Nothing is compiled: no code is made from text."""
    maker = _made_makers().get(shape(fields))
    return maker if maker is not None else functools.partial(_bound_init, fields)


# What the makers in records_made.py take: changed with `maker_source`, so that a module written
# for other makers is passed over rather than called wrongly (while it is written anew).
FORM = 2


def _made_makers() -> dict[str, Callable[..., Callable[..., None]]]:
    try:
        from . import records_made
    except ImportError:  # not written yet
        return {}
    if getattr(records_made, "FORM", None) != FORM:
        return {}
    return cast(dict[str, Callable[..., Callable[..., None]]], records_made.MAKERS)


def _bound_init(fields: tuple[Field, ...], _nothing: object, *bound: Any) -> Callable[..., None]:
    """A maker like those in records_made.py, for any shape (its first argument, NOTHING, is
    this module's own)."""
    import inspect

    setters, defaults, post_init = bound[0:-1:2], bound[1:-1:2], bound[-1]
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    for each, default in zip(fields, defaults, strict=True):
        if each.init:
            parameters.append(inspect.Parameter(
                each.name, inspect.Parameter.KEYWORD_ONLY if each.kw_only
                else inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=NOTHING if each.factory is not None
                else inspect.Parameter.empty if default is NOTHING else default))
    signature = inspect.Signature(sorted(parameters, key=lambda p: p.kind))

    def __init__(*args: Any, **kwargs: Any) -> None:
        given = signature.bind(*args, **kwargs)
        given.apply_defaults()
        self = given.arguments["self"]
        for each, setter, default in zip(fields, setters, defaults, strict=True):
            if each.init:
                value = given.arguments[each.name]
                setter(self, default() if each.factory is not None and value is NOTHING else value)
            elif each.factory is not None:
                setter(self, default())
            elif default is not NOTHING:
                setter(self, default)
        if post_init is not None:
            post_init(self)

    __init__.__signature__ = signature  # type: ignore[attr-defined]
    return __init__


# ---- reading records -------------------------------------------------------------


def has(cls: type) -> bool:
    """Whether `cls` is a record class."""
    return isinstance(cls, type) and hasattr(cls, "__record_fields__")


def fields(cls: type) -> tuple[Field, ...]:
    """The fields of a record class, in order."""
    try:
        return cast(tuple[Field, ...], cls.__record_fields__)  # type: ignore[attr-defined]
    except AttributeError:
        raise TypeError(f"{cls!r} is not a record class") from None


class Record:
    """The base of every record: its repr, `Name(name='nps', span=...)`, and equality and
    hashing over the fields declared with `eq`."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{each.name}={getattr(self, each.name)!r}"
                          for each in fields(type(self)) if each.repr)
        return f"{type(self).__name__}({shown})"

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
        names = [each.name for each in fields(cls) if each.eq]
        compared = _COMPARED[cls] = operator.attrgetter(*names) if names else (lambda record: ())
    return compared


_R = TypeVar("_R")


def changed(value: _R, **changes: Any) -> _R:
    """`value` with some of its fields replaced, the others as they are."""
    cls = type(value)
    given = {each.name: getattr(value, each.name) for each in fields(cls) if each.init}
    unknown = changes.keys() - given.keys()
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r} to change")
    given.update(changes)
    return cls(**given)


# ---- writing records_made.py -------------------------------------------------------


def _package_shapes() -> list[str]:
    """Every shape of the package's records, found by naming each of its modules to the
    package, which imports it (its `__getattr__`)."""
    package = sys.modules[__package__ or "resultkontrakt"]
    folder = os.path.dirname(__file__)
    skipped = {"records_made", "lsp", "__main__", "__init__"}  # lsp needs the [lsp] extra
    modules = [getattr(package, name[:-3]) for name in sorted(os.listdir(folder))
               if name.endswith(".py") and name[:-3] not in skipped]
    return sorted({shape(fields(value)) for module in modules for value in vars(module).values()
                   if has(value) and value.__module__ == module.__name__})


def made_module(shapes: Iterable[str]) -> str:
    """The text of records_made.py for these shapes."""
    shapes = list(shapes)
    out = ['"""The makers of records\' `__init__`s, one per shape: written by',
           "`python -m resultkontrakt.records` (records.py says why); do not edit.",
           '"""', "", ""]
    for n, key in enumerate(shapes):
        out += [f"# {key}", maker_source(key, f"make_{n}"), ""]
    out.append(f"FORM = {FORM}")
    out.append("MAKERS = {")
    out += [f"    {key!r}: make_{n}," for n, key in enumerate(shapes)]
    out.append("}")
    return "\n".join(out) + "\n"


def main() -> None:
    path = os.path.join(os.path.dirname(__file__), "records_made.py")
    text = made_module(_package_shapes())
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)
    with open(path, encoding="utf-8") as back:
        if back.read() != text:
            raise SystemExit(f"{path}: what was written does not read back")
    print(f"{path}: {text.count('def make_')} shapes")


if __name__ == "__main__":
    # As the package's own module: this copy, named __main__, has a NOTHING of its own, which
    # the package's records do not use.
    from resultkontrakt import records as package_records

    package_records.main()
