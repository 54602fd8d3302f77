"""What makes `rk` start fast changes nothing but speed: the parser's shipped tables, the
cache of contracts read before, and the imports each command leaves out."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import lark
import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.contract.contract import prepared
from resultkontrakt.core import cache, plaindata, shipped
from resultkontrakt.language import contract_cache, parser

from .conftest import EXAMPLE, EXAMPLE_FACTS, EXAMPLES, ROOT

CONTRACTS = sorted(EXAMPLES.glob("*.rk")) + sorted((ROOT / "tests" / "golden" / "compare").glob("*.rk"))
BROKEN = sorted((ROOT / "tests" / "broken").glob("*.rk"))


# ---- the parser's tables ----------------------------------------------------------------


def _shipped_tables() -> dict[str, object]:
    return json.loads(shipped.grammar_file(shipped.TABLES_NAME))


def test_the_shipped_tables_are_made_from_this_grammar() -> None:
    """A grammar change without new tables fails here. (Lark's tables for one grammar are
    not the same bytes each time; that they parse alike is the next test.)"""
    made_for = _shipped_tables()["made_for"]
    assert isinstance(made_for, dict)
    assert made_for["grammar"] == cache.key(shipped.grammar_text()), (
        "the grammar changed: run `python -m resultkontrakt.language.parser` to write its tables")
    assert made_for["options"] == parser.made_for_grammar(shipped.grammar_text())["options"]


def _positions(tree: lark.Tree) -> list[tuple[object, ...]]:
    return [(node.data, *(getattr(node.meta, f, None) for f in ("line", "column", "end_line", "end_column")))
            for node in tree.iter_subtrees()]


@pytest.mark.parametrize("path", CONTRACTS + BROKEN, ids=lambda path: path.name)
def test_the_parser_from_tables_reads_as_one_built_from_the_grammar(path: Path) -> None:
    built = _built_from_grammar()
    text = prepared(path.read_text(encoding="utf-8"), str(path))
    outcomes: list[object] = []
    for each in (parser.parser(), built):
        try:
            tree = each.parse(text)
        except lark.exceptions.UnexpectedInput as error:
            outcomes.append((type(error).__name__, error.line, error.column))
        else:
            outcomes.append((tree, _positions(tree)))
    assert outcomes[0] == outcomes[1]


_BUILT: list[lark.Lark] = []


def _built_from_grammar() -> lark.Lark:
    if not _BUILT:
        _BUILT.append(lark.Lark(shipped.grammar_text(), **parser.OPTIONS))
    return _BUILT[0]


def test_the_parser_never_writes_or_reads_a_pickle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Lark's own cache is a pickle in the temporary folder, which anyone on the machine can
    write to; ours is plain data in the user's own folder."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("RK_CACHE_DIR", str(tmp_path / "cache"))
    parser.parser.cache_clear()
    try:
        assert parser.parser().parse("fact x: number")
        with monkeypatch.context() as patched:  # tables that are not for this Lark: worked out, kept
            patched.setattr(parser, "made_for_grammar", lambda grammar: {"key": "k", "lark": "0", "grammar": "g"})
            parser.parser.cache_clear()
            assert parser.parser().parse("fact x: number")
    finally:
        parser.parser.cache_clear()
    assert not list(tmp_path.glob(".lark*"))
    [kept] = (tmp_path / "cache" / "parser").iterdir()
    assert kept.read_bytes().split(b"\n", 1)[1].startswith(b"{")  # JSON, never a pickle


# ---- the cache of contracts -------------------------------------------------------------


def _entry(path: Path) -> Path:
    text = prepared(path.read_text(encoding="utf-8"), str(path))
    folder = cache.folder()
    assert folder is not None
    return Path(folder) / contract_cache.KIND / contract_cache.key(text, str(path))


def _seen(contract: rk.Contract) -> tuple[bytes, str, tuple[str, ...]]:
    """Everything a user sees of a loaded contract: every node with its place, the
    evaluation of the example's facts, and the warnings."""
    facts = rk.load_facts(EXAMPLE_FACTS) if contract.source == str(EXAMPLE) else {}
    # A contract that reports `each year` is evaluated one period at a time: its first one here.
    periods = contract.reporting_periods
    period = periods[0].name if len(periods) > 1 else None
    return (plaindata.dumps(contract.module.items), contract.evaluate(facts, period=period).explain(),
            tuple(w.render(contract.text) for w in contract.warnings))


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda path: path.name)
def test_a_contract_read_from_the_cache_is_the_contract_parsed(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = rk.loads(path.read_text(encoding="utf-8"), str(path))
    rk.load(path)
    assert _entry(path).is_file()

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed again instead of read from the cache")

    monkeypatch.setattr(parser, "parse", no_parsing)
    assert _seen(rk.load(path)) == _seen(parsed)


def test_a_cache_hit_does_not_import_lark(tmp_path: Path) -> None:
    env = {**os.environ, "RK_CACHE_DIR": str(tmp_path)}
    probe = ("import sys; from resultkontrakt.cli.main import main; code = main(['check', sys.argv[1]]); "
             "print('lark' in sys.modules); sys.exit(code)")
    runs = [subprocess.run([sys.executable, "-c", probe, str(EXAMPLE)], env=env, capture_output=True,
                           text=True, timeout=60) for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0]
    assert runs[0].stdout.splitlines()[-1] == "True"  # read the first time
    assert runs[1].stdout.splitlines()[-1] == "False"  # kept the second
    assert runs[0].stdout.splitlines()[0] == runs[1].stdout.splitlines()[0]


def _hostile_entries(valid: bytes) -> dict[str, bytes]:
    _, payload = valid.split(b"\n", 1)

    def signed(data: bytes) -> bytes:  # damage that also fixes the checksum, as a writer would
        return cache.checksum(data) + b"\n" + data

    entry = json.loads(payload)
    other_class = json.dumps({**entry, "items": {"t": [{"r": ["Evaluator", []]}]}}).encode()
    wrong_type = re.sub(rb'\{"r":\["Span",\["[^"]*"', b'{"r":["Span",[7', payload, count=1)
    assert wrong_type != payload
    return {
        "empty": b"",
        "cut short": valid[: len(valid) // 2],
        "one byte changed": valid[:-40] + bytes([valid[-40] ^ 1]) + valid[-39:],
        "no checksum": payload,
        "garbage": os.urandom(4096),
        "a pickle": signed(b"\x80\x04\x95cos\nsystem\n(S'echo owned'\ntR."),
        "not JSON": signed(b"{'items': ()}"),
        "JSON of another shape": signed(b'{"items": 1, "problems": 2, "key": 3}'),
        "a float": signed(payload.replace(b'{"f":[', b'{"f":[1.5,', 1)),
        "a class it may not make": signed(other_class),
        "a field of the wrong type": signed(wrong_type),
        "deeply nested": signed(b"[" * 100_000 + b"]" * 100_000),
        "another text's entry": signed(json.dumps({**entry, "key": "0" * 64}).encode()),
        "a date that is not one": signed(payload.replace(b'{"d":"', b'{"d":"2019-02-30', 1)),
    }


def test_a_damaged_or_hostile_entry_changes_nothing_but_speed(tmp_path: Path) -> None:
    path = tmp_path / "kontrakt.rk"
    path.write_bytes(EXAMPLE.read_bytes())
    expected = _seen_from(path)
    rk.load(path)
    entry = _entry(path)
    valid = entry.read_bytes()
    for what, hostile in _hostile_entries(valid).items():
        entry.write_bytes(hostile)
        assert _seen_from(path) == expected, what
        assert entry.read_bytes() == valid, f"{what}: the entry is written anew"


def _seen_from(path: Path) -> tuple[bytes, str, tuple[str, ...]]:
    contract = rk.load(path)
    facts = rk.load_facts(EXAMPLE_FACTS)
    return (plaindata.dumps(contract.module.items), contract.evaluate(facts).explain(),
            tuple(w.render(contract.text) for w in contract.warnings))


@pytest.mark.parametrize("kind", ["folder", "fifo", "symlink to a device"])
def test_an_entry_that_is_not_a_regular_file_is_passed_over(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "kontrakt.rk"
    path.write_bytes(EXAMPLE.read_bytes())
    expected = _seen_from(path)
    entry = _entry(path)
    entry.unlink()
    if kind == "folder":
        entry.mkdir()
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    assert _seen_from(path) == expected


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    """A contract file, its entry in the cache, and what loading it gives."""
    path = tmp_path_factory.mktemp("damage") / "kontrakt.rk"
    path.write_bytes(EXAMPLE.read_bytes())
    expected = plaindata.dumps(rk.load(path).module.items)
    return path, _entry(path).read_bytes(), expected


@given(st.data())
def test_any_damage_to_an_entry_changes_nothing_but_speed(kept: tuple[Path, bytes, bytes],
                                                          data: st.DataObject) -> None:
    path, entry_bytes, expected = kept
    damaged = bytearray(entry_bytes)
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            damaged[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del damaged[at:at + data.draw(st.integers(1, 64))]
        else:
            damaged[at:at] = data.draw(st.binary(min_size=1, max_size=16))
    _entry(path).write_bytes(bytes(damaged))
    assert plaindata.dumps(rk.load(path).module.items) == expected


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RK_NO_CACHE", "1")
    rk.load(EXAMPLE)
    assert not (tmp_path / "cache").exists()


def test_a_cache_folder_others_may_write_in_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("RK_CACHE_DIR", str(shared))
    rk.load(EXAMPLE)
    assert list(shared.iterdir()) == []


def test_the_cache_keeps_a_bounded_number_of_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "KEEP", 3)
    for n in range(6):
        path = tmp_path / f"k{n}.rk"
        path.write_text(f"fact x{n}: number\n", encoding="utf-8")
        rk.load(path)
    assert len(list((tmp_path / "cache" / contract_cache.KIND).iterdir())) == 3


# ---- what is imported -------------------------------------------------------------------


def test_importing_the_package_imports_nothing_until_it_is_used() -> None:
    probe = ("import sys, resultkontrakt as rk\n"
             "before = {m for m in sys.modules if m.startswith('resultkontrakt.') or m == 'lark'}\n"
             "rk.loads('fact x: number')\n"
             "print(sorted(before), 'resultkontrakt.contract.contract' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[] True", done.stderr


@pytest.mark.parametrize(("command", "left_out"), [
    (["check", str(EXAMPLE)], ("evaluate", "evidence", "explain", "report", "render", "comparing",
                               "jsondata", "wording", "workbook", "zipfile", "pathlib", "shutil", "pkgutil")),
    (["eval", str(EXAMPLE), str(EXAMPLE_FACTS)], ("report", "comparing", "workbook", "zipfile", "lark")),
], ids=["check", "eval"])
def test_a_command_imports_only_what_it_runs(command: list[str], left_out: tuple[str, ...]) -> None:
    probe = ("import sys; from resultkontrakt.cli.main import main; main(sys.argv[2:]); "
             "print(sorted(m for m in sys.modules if m.split('.')[-1] in sys.argv[1].split()))")
    env = {**os.environ, "RK_CACHE_DIR": tempfile.mkdtemp(prefix="rk-test-cache-")}
    runs = [subprocess.run([sys.executable, "-c", probe, " ".join(left_out), *command], capture_output=True,
                           text=True, timeout=60, env=env) for _ in range(2)]  # a second time: from the cache
    assert runs[-1].stdout.splitlines()[-1] == "[]", runs[-1].stderr
