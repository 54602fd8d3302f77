"""Files a user or a stranger names: confined, regular, bounded, and written atomically."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt import RkError, load, load_facts
from resultkontrakt.core import files
from resultkontrakt.core.files import Access, FileProblem, confine, read_bytes, write_atomically

from .conftest import Rk

SURVEY = rk.loads('fact xs: list of integer in 0 .. 10\ngoal 1 "g" { score nps(xs) >= 0 -> 100% }')
ANSWERS = "id,x\nS1,10\nS2,9\n"


def facts_pointing_at(folder: Path, reference: str, name: str = "facts.json") -> Path:
    path = folder / name
    path.write_text(f'{{"xs": {{"csv": "{reference}", "column": "x"}}}}', encoding="utf-8")
    return path


def outcome(
        facts: Path, *, data_dir: Path | None = None,
        max_bytes: int = files.DEFAULT_MAX_BYTES) -> rk.Evaluation:
    return SURVEY.evaluate(load_facts(facts, data_dir=data_dir, max_bytes=max_bytes))


# ---- confinement -----------------------------------------------------------------------


def test_a_file_beside_the_facts_or_below_them_is_read(tmp_path: Path) -> None:
    (tmp_path / "svar.csv").write_text(ANSWERS, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "svar.csv").write_text(ANSWERS, encoding="utf-8")
    assert outcome(facts_pointing_at(tmp_path, "svar.csv")).goals["1"].status == "met"
    assert outcome(facts_pointing_at(tmp_path, "data/../data/svar.csv")).goals["1"].status == "met"


@pytest.mark.parametrize("reference", ["/etc/passwd", "../outside.csv", "link.csv", "data/link-up.csv"])
def test_a_reference_that_leads_out_of_the_folder_is_refused_and_says_how_to_allow_it(
        tmp_path: Path, reference: str) -> None:
    folder = tmp_path / "year"
    (folder / "data").mkdir(parents=True)
    (tmp_path / "outside.csv").write_text(ANSWERS, encoding="utf-8")
    (folder / "link.csv").symlink_to(tmp_path / "outside.csv")
    (folder / "data" / "link-up.csv").symlink_to("../../outside.csv")
    result = outcome(facts_pointing_at(folder, reference))
    assert result.goals["1"].status == "not evaluable"
    [problem] = result.errors
    assert problem.message.startswith(f'xs: "{reference}" lies outside the folder')
    assert problem.hint is not None and "--data-dir" in problem.hint and "data_dir=" in problem.hint
    assert "root:" not in result.explain()  # nothing of the file is shown


def test_the_caller_widens_the_folder_explicitly(tmp_path: Path, rk: Rk) -> None:
    folder = tmp_path / "year"
    folder.mkdir()
    (tmp_path / "shared.csv").write_text(ANSWERS, encoding="utf-8")
    facts = facts_pointing_at(folder, "../shared.csv")
    assert outcome(facts).goals["1"].status == "not evaluable"
    assert outcome(facts, data_dir=tmp_path).goals["1"].status == "met"
    assert SURVEY.evaluate(load_facts(facts), data_dir=tmp_path).goals["1"].status == "met"
    contract = tmp_path / "c.rk"
    contract.write_text('fact xs: list of integer in 0 .. 10\ngoal 1 "g" { score nps(xs) >= 0 -> 100% }',
                        encoding="utf-8")
    assert rk("eval", contract, facts).exit == 1
    run = rk("eval", contract, facts, "--data-dir", tmp_path)
    assert run.exit == 0 and "met, 100%" in run.stdout


def test_facts_given_as_a_dict_point_from_the_working_folder_and_are_confined_to_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "svar.csv").write_text(ANSWERS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    facts = {"xs": {"csv": "svar.csv", "column": "x"}}
    assert SURVEY.evaluate(facts).goals["1"].status == "met"
    outside = {"xs": {"csv": str(tmp_path.parent / "nowhere.csv"), "column": "x"}}
    assert "lies outside the folder" in SURVEY.evaluate(outside).errors[0].message


def test_confine_resolves_symlinks_before_it_judges(tmp_path: Path) -> None:
    (tmp_path / "inside.csv").write_text("x", encoding="utf-8")
    (tmp_path / "alias.csv").symlink_to(tmp_path / "inside.csv")
    access = Access(tmp_path, tmp_path)
    assert confine("alias.csv", access) == (tmp_path / "inside.csv").resolve()
    with pytest.raises(FileProblem):
        confine("a\0b", access)


# ---- only regular files, never blocking --------------------------------------------------


def finishes_quickly(action: Callable[[], object]) -> object:
    """Run `action` in a thread; fail the test if it blocks (a FIFO would hang it forever)."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = action()
        except Exception as exc:
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "blocked"
    return result.get("error", result.get("value"))


@pytest.mark.parametrize("kind", ["fifo", "device", "proc", "folder"])
def test_what_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    path = {"fifo": tmp_path / "pipe.csv", "device": Path("/dev/zero"),
            "proc": Path("/proc/self/status"), "folder": tmp_path}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    error = finishes_quickly(lambda: read_bytes(path))
    assert isinstance(error, FileProblem)
    assert {"fifo": "named pipe", "device": "device", "proc": "/proc", "folder": "folder"}[kind] \
        in error.message


@pytest.mark.parametrize("command", ["check", "fmt", "test"])
def test_every_command_that_reads_a_contract_refuses_a_fifo_without_hanging(
        tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "c.rk"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "-m", "resultkontrakt", command, str(fifo)],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 1
    assert "this is a named pipe, not a file that can be read" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_fifo_named_by_facts_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "svar.csv")
    result = finishes_quickly(lambda: outcome(facts_pointing_at(tmp_path, "svar.csv")))
    assert isinstance(result, rk.Evaluation)
    assert "named pipe" in result.errors[0].message


def test_a_file_that_gives_more_than_its_size_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.csv"
    path.write_bytes(b"abc")
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, n) + b"more")
    with pytest.raises(FileProblem, match="size is not fixed"):
        read_bytes(path)


# ---- bounded reads -------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.rk"
    with open(path, "wb") as file:  # sparse: 300 MiB that take no disk
        file.truncate(300 * 2**20)
    opened: list[tuple[object, ...]] = []

    def recorded_open(*args: object, **keywords: object) -> int:
        opened.append(args)
        return -1

    monkeypatch.setattr(os, "open", recorded_open)
    with pytest.raises(FileProblem, match=r"the file is 300 MiB, more than the limit of 256 MiB"):
        read_bytes(path)
    assert opened == []  # refused from its size alone


def test_the_limit_is_raised_by_a_keyword_and_by_a_flag(tmp_path: Path, rk: Rk) -> None:
    contract = tmp_path / "c.rk"
    contract.write_text('fact x: number\ngoal 1 "g" { score x >= 1 -> 100% }\n' + "#" * 2000,
                        encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"x": 1}', encoding="utf-8")
    with pytest.raises(RkError) as caught:
        load(contract, max_bytes=1000)
    assert "more than the limit of 1000 bytes" in caught.value.problems[0].message
    assert load(contract, max_bytes=10_000).goals
    run = rk("eval", contract, facts, "--max-file-size", "1K")
    assert run.exit == 1 and "--max-file-size" in run.stderr
    assert rk("eval", contract, facts, "--max-file-size", "1M").exit == 0
    assert rk("check", contract, "--max-file-size", "1k").exit == 1
    (tmp_path / "svar.csv").write_text("x\n" + "9\n" * 1000, encoding="utf-8")
    with pytest.raises(FileProblem):
        read_bytes(tmp_path / "svar.csv", 100)
    survey = facts_pointing_at(tmp_path, "svar.csv", "survey.json")
    assert "more than the limit of 100 bytes" in outcome(survey, max_bytes=100).errors[0].message
    assert outcome(survey).goals["1"].status == "met"


@pytest.mark.parametrize("text, size", [("256M", 256 * 2**20), ("1G", 2**30), ("512k", 512 * 1024),
                                        ("1500", 1500), ("2 MiB", 2 * 2**20)])
def test_sizes_are_read_as_people_write_them(text: str, size: int) -> None:
    assert files.parse_size(text) == size


def test_a_bad_size_is_a_usage_error(rk: Rk) -> None:
    with pytest.raises(SystemExit) as caught:
        rk("check", "x.rk", "--max-file-size", "lots")
    assert caught.value.code == 2


# ---- nothing of a file that is not a CSV export is shown ---------------------------------------


def test_a_file_that_is_not_a_csv_export_is_not_echoed(tmp_path: Path) -> None:
    secret = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    (tmp_path / "passwd").write_text(secret, encoding="utf-8")
    result = outcome(facts_pointing_at(tmp_path, "passwd"))
    shown = "\n".join(p.render(result.sources.get(p.span.source) if p.span else None)
                      for p in result.problems)
    assert "not in the header" in shown and "does not look like a CSV export" in shown
    assert "bin/bash" not in shown and "nologin" not in shown


def test_a_csv_header_is_named_when_a_column_is_missing(tmp_path: Path) -> None:
    (tmp_path / "svar.csv").write_text("id;anbefalinger\nS1;9\n", encoding="utf-8")
    result = outcome(facts_pointing_at(tmp_path, "svar.csv"))
    hint = result.errors[0].hint
    assert hint is not None and "did you mean `anbefalinger`?" not in hint  # not close to "x"
    assert hint == 'the columns are: "id", "anbefalinger"'


# ---- writing atomically ---------------------------------------------------------------------------


def test_a_write_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "c.rk"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new text")
    assert path.read_bytes() == b"new text"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["c.rk"]  # no temporary file left


def test_a_write_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.rk").write_bytes(b"old")
    (tmp_path / "link.rk").symlink_to(tmp_path / "real.rk")
    write_atomically(tmp_path / "link.rk", b"new")
    assert (tmp_path / "link.rk").is_symlink() and (tmp_path / "real.rk").read_bytes() == b"new"


STEPS = ["open", "fchmod", "write", "fsync", "read back", "replace"]


@given(step=st.sampled_from(STEPS), code=st.sampled_from([errno.ENOSPC, errno.EACCES, errno.EFBIG, errno.EIO]),
       original=st.binary(max_size=200), new=st.binary(min_size=1, max_size=200))
def test_a_failure_at_any_step_of_a_write_leaves_the_original_bytes(
        tmp_path_factory: pytest.TempPathFactory, step: str, code: int, original: bytes, new: bytes) -> None:
    folder = tmp_path_factory.mktemp("w")
    path = folder / "c.rk"
    path.write_bytes(original)
    failing = failing_step(step, code)
    with failing, pytest.raises(FileProblem):
        write_atomically(path, new)
    assert path.read_bytes() == original
    assert [p.name for p in folder.iterdir()] == ["c.rk"]


class failing_step:
    """Makes one step of write_atomically fail with an OSError, as a full disk or a denied folder would."""

    def __init__(self, step: str, code: int) -> None:
        self.step, self.code = step, code
        self.saved: dict[str, object] = {}

    def fail(self, *args: object, **keywords: object) -> object:
        raise OSError(self.code, os.strerror(self.code))

    def __enter__(self) -> None:
        if self.step == "read back":  # the bytes read back differ from those written
            self.saved["read_bytes"] = files.read_bytes
            files.read_bytes = lambda *a, **k: b"\0garbled"
            return
        name = self.step
        real = getattr(os, name)
        self.saved[name] = real
        if name == "open":  # only the temporary file's open fails, not the read back
            setattr(os, name, lambda p, flags, *a: self.fail() if flags & os.O_CREAT else real(p, flags, *a))
        else:
            setattr(os, name, self.fail)

    def __exit__(self, *exc: object) -> None:
        for name, value in self.saved.items():
            setattr(files if name == "read_bytes" else os, name, value)


def test_a_path_that_is_not_a_regular_file_is_refused_as_what_it_is_never_blamed_on_permissions(
        tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        places: list[tuple[str | Path, str, str]] = [
            (f"/dev/fd/{write_end}", "a named pipe", "-o -"), ("/dev/null", "a device", "-o -"),
            (tmp_path, "a folder", "name a file in the folder")]
        for path, kind, hint in places:
            with pytest.raises(FileProblem) as refused:
                write_atomically(path, b"x")
            assert refused.value.message == f"this is {kind}, not a file that can be replaced"
            assert refused.value.hint is not None and hint in refused.value.hint
            assert "permission" not in refused.value.hint
    finally:
        os.close(read_end)
        os.close(write_end)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG,
                                  errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG, errno.EIO], ids=errno.errorcode.get)
def test_only_a_refused_permission_is_blamed_on_permissions(tmp_path: Path, code: int) -> None:
    with failing_step("open", code), pytest.raises(FileProblem) as failed:
        write_atomically(tmp_path / "r.md", b"report")
    hint = failed.value.hint
    assert failed.value.message == os.strerror(code).rstrip(".").lower()
    assert hint is not None and ("permissions" in hint) == (code in (errno.EACCES, errno.EPERM))
    if code in (errno.EACCES, errno.EPERM, errno.ENOENT):  # the folder to look at, named
        assert f'"{tmp_path}"' in hint


def test_a_file_size_limit_hit_while_writing_leaves_the_contract_intact(tmp_path: Path) -> None:
    # A real limit, set by the operating system: writes past 1 KiB fail with EFBIG.
    path = tmp_path / "c.rk"
    original = 'fact x: number\ngoal 1 "g" {score x>=1->100%}\n' + "".join(
        f'goal {n} "title {n}" {{score x>={n}->100%}}\n' for n in range(2, 40))
    path.write_text(original, encoding="utf-8")
    assert len(original.encode()) < 1024 * 2
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024)); "
              "from resultkontrakt.cli.main import main; sys.exit(main(sys.argv[1:]))")
    run = subprocess.run([sys.executable, "-c", script, "fmt", "--write", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "cannot write the formatted contract; the file is unchanged" in run.stderr
    assert "Traceback" not in run.stderr
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["c.rk"]


def test_rk_fmt_goes_on_with_the_other_files_after_one_fails(
        tmp_path: Path, rk: Rk, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.rk", tmp_path / "b.rk"
    for path in (first, second):
        path.write_text('fact x: number\ngoal 1 "g" {score x>=1->100%}\n', encoding="utf-8")
    real = files.write_atomically

    def fail_for_a(path: str | Path, data: bytes) -> None:
        if Path(path).name == "a.rk":
            raise FileProblem("write", hint="write-full", reason="no space left on device")
        real(path, data)

    monkeypatch.setattr("resultkontrakt.cli.main.write_atomically", fail_for_a)
    run = rk("fmt", "--write", first, second)
    assert run.exit == 1
    assert f"{first}: error: cannot write the formatted contract; the file is unchanged: no space left" \
        in run.stderr
    assert f"{second}: formatted" in run.stdout
    assert "score x >= 1 -> 100%" in second.read_text(encoding="utf-8")
    assert "score x>=1->100%" in first.read_text(encoding="utf-8")


def test_rk_report_writes_atomically_and_says_which_file_failed(tmp_path: Path, rk: Rk) -> None:
    from .conftest import EXAMPLE, EXAMPLE_FACTS

    run = rk("report", EXAMPLE, EXAMPLE_FACTS, "-o", tmp_path / "missing-folder" / "r.md")
    assert run.exit == 1 and "r.md: error: cannot write the report: no such file or directory" in run.stderr
    assert f'hint: the folder "{tmp_path / "missing-folder"}" does not exist' in run.stderr
    run = rk("report", EXAMPLE, EXAMPLE_FACTS, "-o", "/dev/null")
    assert run.exit == 1 and "not a file that can be replaced" in run.stderr


def test_time_to_refuse_does_not_depend_on_the_file(tmp_path: Path) -> None:
    with open(tmp_path / "huge.json", "wb") as file:
        file.truncate(2**40)  # a terabyte, sparse
    started = time.perf_counter()
    with pytest.raises(rk.FactsError, match="more than the limit"):
        rk.load_facts(tmp_path / "huge.json")
    assert time.perf_counter() - started < 5  # loose: refused from its size, never read
