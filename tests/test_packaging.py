"""The wheel a user installs carries the grammar and works away from the checkout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import EXAMPLE, EXAMPLE_FACTS, ROOT

GRAMMAR_IN_WHEEL = "resultkontrakt/grammar/resultkontrakt.lark"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    [built] = out.glob("resultkontrakt-*.whl")
    return built


def test_the_wheel_ships_the_grammar_and_the_type_marker(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert GRAMMAR_IN_WHEEL in names
        assert "resultkontrakt/py.typed" in names
        for schema in ("eval", "split", "compare"):  # the JSON outputs' documentation, for programs that read them
            shipped_schema = archive.read(f"resultkontrakt/schema/{schema}.json").decode("utf-8")
            assert shipped_schema == (ROOT / "src" / "resultkontrakt" / "schema" / f"{schema}.json").read_text(
                encoding="utf-8")
        shipped = archive.read(GRAMMAR_IN_WHEEL).decode("utf-8")
        tables = archive.read("resultkontrakt/grammar/resultkontrakt.tables.json")
    assert shipped == (ROOT / "grammar" / "resultkontrakt.lark").read_text(encoding="utf-8")
    assert tables == (ROOT / "grammar" / "resultkontrakt.tables.json").read_bytes()


def test_the_installed_package_loads_contracts_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import json, sys, lark, resultkontrakt as rk\n"
        f"assert rk.__file__.startswith({str(site)!r}), rk.__file__\n"
        # The parser comes from the tables in the wheel: Lark never works them out from the
        # grammar (unless this is another Lark than the one that made them: then it must).
        "from resultkontrakt.core import shipped\n"
        "made = json.loads(shipped.grammar_file(shipped.TABLES_NAME))['made_for']['lark']\n"
        "def refused(*args, **kwargs): raise AssertionError('the tables were worked out')\n"
        "if made == lark.__version__: lark.Lark.__init__ = refused\n"
        "contract = rk.load(sys.argv[1])\n"
        "print(contract, contract.evaluate(rk.load_facts(sys.argv[2])).goals['1'].status)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "RK_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", probe, str(EXAMPLE), str(EXAMPLE_FACTS)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "9 goals" in done.stdout and "partly met" in done.stdout


def test_the_wheel_requires_attrs_and_lark_alone(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        lines = archive.read(metadata).decode("utf-8").splitlines()
    required = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Requires-Dist:")]
    assert [need for need in required if "extra ==" not in need] == ["attrs>=23.1", "lark<2,>=1.1.9"]


def test_ci_runs_the_commands_the_readme_gives() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup = "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]'"
    tests = ".venv/bin/python -m pytest"
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.startswith(setup) and tests in first_block
    assert setup in ci and tests in ci


def test_the_extras_split_what_the_tests_need_from_the_tools_ci_runs() -> None:
    """`.[test]` is what the tests import; `.[dev]` adds the tools that hold the code to its rules,
    which CI installs and runs."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]

    def names(extra: str) -> set[str]:
        return {re.split(r"[<>=\[ ;]", need, maxsplit=1)[0] for need in extras[extra]}

    assert {"pytest", "hypothesis", "jsonschema", "pre-commit"} <= names("test")
    assert not {"ruff", "mypy"} & names("test")
    assert {"ruff", "mypy", "pre-commit"} <= names("dev")
    assert "resultkontrakt[test]" in extras["dev"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[dev]'" in ci
    assert ".venv/bin/ruff check src tests benchmarks" in ci and ".venv/bin/mypy" in ci
