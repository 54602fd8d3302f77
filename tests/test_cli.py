"""The `rk` command as a user runs it: output, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE, EXAMPLE_FACTS, Rk


def test_eval_prints_all_nine_goals(rk: Rk) -> None:
    run = rk("eval", EXAMPLE, EXAMPLE_FACTS)
    assert run.exit == 0
    assert run.stderr == ""
    for goal_id in range(1, 10):
        assert f"\n  {goal_id}  " in run.stdout
    said = " ".join(run.stdout.split())
    assert "NPS = 57 (400 answers: 264" in said
    assert "below 60, but at least 50 → 50%" in said


def test_eval_json_is_one_object_in_the_sketch_shape(rk: Rk) -> None:
    run = rk("eval", EXAMPLE, EXAMPLE_FACTS, "--format", "json")
    data = json.loads(run.stdout)
    assert data["contract"] == "Resultatkontrakt 2019"
    assert [(g["id"], g["fulfilment"]) for g in data["goals"]][:2] == [("1", 50), ("2", 100)]


def test_eval_with_bad_facts_still_reports_the_other_goals_and_exits_1(rk: Rk, tmp_path: Path) -> None:
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["anbefaling"] = [10, 9, 11]
    path = tmp_path / "year.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    (tmp_path / facts["påvirkning"]["csv"]).write_bytes(
        (EXAMPLE.parent / facts["påvirkning"]["csv"]).read_bytes())
    run = rk("eval", EXAMPLE, path)
    assert run.exit == 1
    assert f"{path}:1:" in run.stderr
    assert "anbefaling[2]: 11 is outside its range 0 .. 10" in run.stderr
    # goal 2 is still there, its metric shown by its label
    assert "andel med middel eller høj påvirkning = 72.5% (290 of 400)" in " ".join(run.stdout.split())


def test_check_reports_ok_and_counts(rk: Rk) -> None:
    run = rk("check", EXAMPLE)
    assert run.exit == 0
    assert "ok: 9 goals, 2 facts, 2 metrics, 15 deliverables" in run.stdout


def test_check_several_files_reports_each_and_fails_if_any_fails(rk: Rk, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rk"
    bad.write_text('goal 1 "x" { score y >= 1 -> 100% }\n', encoding="utf-8")
    run = rk("check", EXAMPLE, bad)
    assert run.exit == 1
    assert "ok:" in run.stdout
    assert f"{bad}:1:20: error: unknown name `y`" in run.stderr


def test_check_speaks_danish_when_asked(rk: Rk, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rk"
    bad.write_text('fact nps: number\nfact spild: number\ngoal 1 "x" { score nsp >= 1.5 -> 100% }\n',
                   encoding="utf-8")
    run = rk("check", "--lang", "da", EXAMPLE, bad)
    assert run.exit == 1
    assert "ok: 9 mål, 2 fakta, 2 nøgletal, 15 leverancer" in run.stdout
    assert f"{bad}:2:1: advarsel: faktum `spild` er erklæret, men intet mål bruger det\n" in run.stderr
    assert f"{bad}:3:20: fejl: ukendt navn `nsp`\n" in run.stderr
    assert "  tip: mente du `nps`?\n" in run.stderr
    assert "error" not in run.stderr and "hint" not in run.stderr


def test_check_speaks_only_the_languages_it_has(rk: Rk, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        rk("check", "--lang", "fr", EXAMPLE)
    assert raised.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_a_syntax_error_exits_1_with_place_and_caret(rk: Rk, tmp_path: Path) -> None:
    path = tmp_path / "broken.rk"
    path.write_text('fact nps: number\ngoal 1 "x" {\n    score nps >= 60 100%\n}\n', encoding="utf-8")
    run = rk("check", path)
    assert run.exit == 1
    first, source_line, caret, hint = run.stderr.splitlines()
    assert first.startswith(f"{path}:3:21: error: expected `->`")
    assert source_line == "      score nps >= 60 100%"
    assert caret == "                      ^^^^"
    assert hint.startswith("  hint:")


def test_missing_files_and_bytes_that_are_not_utf8_are_errors_not_tracebacks(rk: Rk, tmp_path: Path) -> None:
    assert rk("check", tmp_path / "absent.rk").exit == 1
    latin1 = tmp_path / "latin1.rk"
    latin1.write_bytes('fact s\xf8: number\n'.encode("latin-1"))
    run = rk("check", latin1)
    assert run.exit == 1
    assert f"{latin1}:1:7: error: the contract is not UTF-8 text" in run.stderr
    assert rk("eval", EXAMPLE, tmp_path / "absent.json").exit == 1


def test_a_wrong_command_line_exits_2(rk: Rk, capsys: pytest.CaptureFixture[str]) -> None:
    import pytest

    for argv in ([], ["eval", "only-one.rk"], ["eval", "a", "b", "--format", "xml"], ["nonsense"]):
        with pytest.raises(SystemExit) as caught:
            rk(*argv)
        assert caught.value.code == 2
    capsys.readouterr()


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "resultkontrakt", "check", str(EXAMPLE)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "ok: 9 goals" in done.stdout


# Each path an option or argument takes, given as "" (`--data-dir "$DATA"`, DATA unset).
EMPTY_PATHS: list[tuple[list[str | Path], str, str]] = [
    (["eval", EXAMPLE, EXAMPLE_FACTS, "--data-dir", ""], "argument --data-dir: the folder name is empty",
     "leave out --data-dir"),
    (["report", EXAMPLE, EXAMPLE_FACTS, "-o", ""], "argument -o/--output: the file name is empty", "-o -"),
    (["compare", f"{EXAMPLE}:{EXAMPLE_FACTS}", "--output", ""], "argument -o/--output: the file name is empty",
     "-o -"),
    (["split", EXAMPLE, "--facts", ""], "argument --facts: the file name is empty", "name the file"),
    (["eval", EXAMPLE, ""], "argument FACTS.json: the file name is empty", "name the file"),
    (["report", "", EXAMPLE_FACTS], "argument CONTRACT.rk: the file name is empty", "name the file"),
    (["check", EXAMPLE, ""], "argument CONTRACT.rk: the file name is empty", "name the file"),
    (["fmt", ""], "argument CONTRACT.rk: the file name is empty", "name the file"),
    (["test", ""], "argument CONTRACT.rk: the file name is empty", "name the file"),
    (["compare", f"{EXAMPLE}:"], "names no facts file: nothing comes after the colon", "name both files"),
    (["compare", f":{EXAMPLE_FACTS}"], "names no contract: nothing comes before the colon", "name both files"),
]


@pytest.mark.parametrize(("argv", "wrong", "fix"), EMPTY_PATHS, ids=[
    f"{argv[0]} {wrong.partition(':')[0].removeprefix('argument ')}" for argv, wrong, _ in EMPTY_PATHS])
def test_an_empty_path_is_a_usage_error_never_the_working_folder_or_the_screen(
        rk: Rk, capsys: pytest.CaptureFixture[str], argv: list[str | Path], wrong: str, fix: str) -> None:
    code: int | str | None
    try:
        run = rk(*argv)
        code, stdout, stderr = run.exit, run.stdout, run.stderr
    except SystemExit as caught:  # argparse's own exit, as for every other usage error
        code = caught.code
        stdout, stderr = capsys.readouterr()
    assert code == 2
    assert stdout == ""
    assert wrong in stderr and "(is a shell variable in it unset?)" in stderr
    assert "\n  hint: " in stderr and fix in stderr.partition("hint:")[2]


@pytest.mark.parametrize("command", [["report"], ["compare", "--format", "csv"]])
def test_dash_o_dash_writes_to_standard_output_and_makes_no_file(
        rk: Rk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    files = [EXAMPLE, EXAMPLE_FACTS] if command[0] == "report" else [f"{EXAMPLE}:{EXAMPLE_FACTS}"]
    run = rk(command[0], *files, *command[1:], "-o", "-")
    assert run.exit == 0, run.stderr
    assert run.stdout == rk(command[0], *files, *command[1:]).stdout
    assert "Erhvervshus Nordjylland" in run.stdout  # the report's party; the comparison's label
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_dash_o_dev_stdout_into_a_pipe_writes_into_the_pipe() -> None:
    # `rk report ... -o /dev/stdout | cat`: standard output is a real pipe here (capture_output).
    done = subprocess.run([sys.executable, "-m", "resultkontrakt", "report", str(EXAMPLE), str(EXAMPLE_FACTS),
                           "-o", "/dev/stdout"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert done.stdout.decode("utf-8").startswith("# Årsrapport: Resultatkontrakt 2019\n")
