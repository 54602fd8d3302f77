"""The pre-commit hooks in `.pre-commit-hooks.yaml`, and the README's configuration that uses them.

The manifest and the README's snippet are checked in-process on every run. The hooks themselves run
only in the deep profile (CI): pre-commit builds a virtualenv and pip-installs the checkout into it,
4 to 10 s an install here, which the quick loop cannot afford. There they run for real in
throwaway git repositories: once through `pre-commit try-repo`, the command a contributor tries
them with, and otherwise through the README's configuration pointed at a copy of the checkout,
whose environment is installed once for the module (try-repo installs afresh on every call,
into a store of its own that PRE_COMMIT_HOME does not move).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import DEEP, EXAMPLE, ROOT, Rk

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit: pip install -e '.[test]'")
clientlib = pytest.importorskip("pre_commit.clientlib",
                                reason="pre-commit is a test dependency: pip install -e '.[test]'")

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
README = ROOT / "README.md"
# The hooks, and the `rk` command line each runs on the files pre-commit passes it.
HOOKS = {"rk-check": ("check",), "rk-fmt": ("fmt", "--write"), "rk-fmt-check": ("fmt", "--check")}

MESSY = 'fact nps: number in -100..100\ngoal 1 "T" {score nps>=60->100%;>=50->50%}\n'
BROKEN = 'fact nps: number\ngoal 1 "T" { score nsp >= 60 -> 100%; >= 50 -> 50% }\n'
BROKEN_AT = "broken.rk:2:20: error: unknown name `nsp`"

INSTALL_TIMEOUT = 300  # seconds: a virtualenv, and pip installing the checkout from the network
RUN_TIMEOUT = 120

needs_install = pytest.mark.skipif(
    not DEEP, reason="pre-commit installs the checkout into a virtualenv (15 to 20 s for this module); "
    "runs with HYPOTHESIS_PROFILE=deep, as in CI")


def _hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}


def _readme_config() -> str:
    """The YAML block of the README's section on pre-commit."""
    readme = README.read_text(encoding="utf-8")
    section = readme.split("\n## Pre-commit hooks\n", 1)
    assert len(section) == 2, "README.md has no section `## Pre-commit hooks`"
    block = re.search(r"```yaml\n(.*?)```", section[1].split("\n## ", 1)[0], re.DOTALL)
    assert block, "the README's section on pre-commit shows no ```yaml block"
    return block.group(1)


def _readme_rev() -> str:
    return yaml.safe_load(_readme_config())["repos"][0]["rev"]


# -- the manifest and the README, in-process -------------------------------------------------------


def test_the_manifest_is_one_pre_commit_accepts_with_the_three_hooks() -> None:
    clientlib.load_manifest(str(MANIFEST))  # pre-commit's own schema; raises InvalidManifestError
    hooks = _hooks()
    assert list(hooks) == list(HOOKS)
    for hook in hooks.values():
        assert hook["language"] == "python"  # pre-commit pip-installs the repository: `rk` is its script
        assert hook["name"] and hook["description"]
        assert hook.get("pass_filenames", True)
        pattern = re.compile(hook["files"])  # pre-commit searches each staged path with it
        for path in ("a.rk", "contracts/nordjylland-2019.rk", "tests/broken/01-missing-arrow.rk"):
            assert pattern.search(path), (hook["id"], path)
        for path in ("a.rkx", "a.rk.bak", "a.rk/notes.txt", "a.json", "rk", "Makefile"):
            assert not pattern.search(path), (hook["id"], path)


def test_each_entry_is_an_rk_command_line_that_does_what_its_hook_says(rk: Rk, tmp_path: Path) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["rk"] == "resultkontrakt.cli.main:main"  # the program the entries start
    entries = {}
    for id_, hook in _hooks().items():
        program, *arguments = shlex.split(hook["entry"])
        assert program == "rk"
        assert tuple(arguments) == HOOKS[id_]
        entries[id_] = arguments
    good, broken, messy = tmp_path / "good.rk", tmp_path / "broken.rk", tmp_path / "messy.rk"
    shutil.copyfile(EXAMPLE, good)
    broken.write_text(BROKEN, encoding="utf-8")
    messy.write_text(MESSY, encoding="utf-8")
    formatted = rk("fmt", messy).stdout
    assert formatted and formatted != MESSY

    # The entries run as pre-commit runs them: the files follow the entry's own arguments.
    checked = rk(*entries["rk-check"], good, broken)
    assert checked.exit == 1
    assert f"{good}: ok: 9 goals" in checked.stdout and f"{tmp_path}/{BROKEN_AT}" in checked.stderr
    assert rk(*entries["rk-check"], good).exit == 0
    assert rk(*entries["rk-fmt-check"], messy).exit == 1
    assert messy.read_text(encoding="utf-8") == MESSY
    rewritten = rk(*entries["rk-fmt"], good, messy)
    assert rewritten.exit == 0 and rewritten.stdout == f"{messy}: formatted\n"
    assert messy.read_text(encoding="utf-8") == formatted
    assert rk(*entries["rk-fmt-check"], good, messy).exit == 0


def test_the_readme_configuration_pins_a_release_and_names_these_hooks(tmp_path: Path) -> None:
    snippet = _readme_config()
    config_file = tmp_path / ".pre-commit-config.yaml"
    config_file.write_text(snippet, encoding="utf-8")
    clientlib.load_config(str(config_file))  # pre-commit's own schema; raises InvalidConfigError
    [repo] = yaml.safe_load(snippet)["repos"]
    assert repo["repo"].startswith("https://")
    assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]), "pin the hooks to a release tag"
    assert [hook["id"] for hook in repo["hooks"]] == ["rk-check", "rk-fmt"]
    section = README.read_text(encoding="utf-8").split("\n## Pre-commit hooks\n", 1)[1].split("\n## ", 1)[0]
    for id_ in HOOKS:
        assert f"`{id_}`" in section, f"the README does not say what `{id_}` does"


# -- the hooks run by pre-commit (deep profile) -----------------------------------------------------


def _run(*command: str | Path, cwd: Path, env: dict[str, str], timeout: float = RUN_TIMEOUT
         ) -> subprocess.CompletedProcess[str]:
    """`command` with its output (stdout and stderr together); on a timeout, it and every process
    it started are killed, and the test fails instead of hanging."""
    with subprocess.Popen([str(part) for part in command], cwd=cwd, env=env, text=True,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          start_new_session=True) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            pytest.fail(f"{shlex.join(map(str, command))} took over {timeout} s:\n{output}")
    return subprocess.CompletedProcess(process.args, process.returncode, output)


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = _run("git", *args, cwd=cwd, env=env)
    assert done.returncode == 0, f"git {shlex.join(args)}:\n{done.stdout}"
    return done.stdout


def _pre_commit(*args: str | Path, cwd: Path, env: dict[str, str], timeout: float = RUN_TIMEOUT
                ) -> subprocess.CompletedProcess[str]:
    return _run(sys.executable, "-m", "pre_commit", *args, "--color=never", cwd=cwd, env=env,
                timeout=timeout)


def _new_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    _git("init", "-q", cwd=path, env=env)
    _git("config", "user.name", "Test", cwd=path, env=env)
    _git("config", "user.email", "test@example.invalid", cwd=path, env=env)
    return path


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of every command: pre-commit's store, pip's and virtualenv's caches in a
    temporary folder (nothing in ~/.cache), and git away from the user's and any caller's settings."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    home = tmp_path_factory.mktemp("home")
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("GIT_", "PRE_COMMIT")) and name != "SKIP"}
    env.update(PRE_COMMIT_HOME=str(home / "pre-commit"), XDG_CACHE_HOME=str(home / "cache"),
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return env


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """The checkout as it is on disk, new files too, committed to a repository of its own and
    tagged as the README pins it (try-repo on the checkout itself leaves out files not added to git)."""
    snapshot = tmp_path_factory.mktemp("resultkontrakt")
    # The checkout is listed with the caller's own git settings (safe.directory among them).
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT,
                  env=dict(os.environ))
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # not a tracked file deleted from the working tree
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    _new_repo(snapshot, env)
    _git("add", "-A", cwd=snapshot, env=env)
    _git("commit", "-q", "-m", "snapshot of the checkout", cwd=snapshot, env=env)
    _git("tag", _readme_rev(), cwd=snapshot, env=env)
    return snapshot


def _configured(path: Path, hooks_repo: Path, env: dict[str, str]) -> Path:
    """A repository whose .pre-commit-config.yaml is the README's, with the hooks' repository here."""
    config = yaml.safe_load(_readme_config())
    config["repos"][0]["repo"] = str(hooks_repo)
    config["repos"][0]["hooks"].append({"id": "rk-fmt-check"})
    repo = _new_repo(path, env)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git("add", ".pre-commit-config.yaml", cwd=repo, env=env)
    return repo


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, hooks_repo: Path, env: dict[str, str]
              ) -> dict[str, str]:
    """The hooks' environment installed once into the module's store, which every test reuses."""
    repo = _configured(tmp_path_factory.mktemp("install"), hooks_repo, env)
    done = _pre_commit("install-hooks", cwd=repo, env=env, timeout=INSTALL_TIMEOUT)
    assert done.returncode == 0, done.stdout
    return env


def _staged(repo: Path, env: dict[str, str], **files: str) -> None:
    for name, text in files.items():
        (repo / f"{name}.rk").write_text(text, encoding="utf-8")
    _git("add", "--", *(f"{name}.rk" for name in files), cwd=repo, env=env)


@needs_install
def test_try_repo_runs_every_hook_of_the_checkout_and_a_good_contract_passes(
        tmp_path: Path, hooks_repo: Path, env: dict[str, str]) -> None:
    repo = _new_repo(tmp_path / "work", env)
    shutil.copyfile(EXAMPLE, repo / "good.rk")
    _git("add", "good.rk", cwd=repo, env=env)
    done = _pre_commit("try-repo", hooks_repo, "--files", "good.rk", cwd=repo, env=env,
                       timeout=INSTALL_TIMEOUT)
    assert done.returncode == 0, done.stdout
    for name in ("rk check", "rk fmt", "rk fmt --check"):
        assert re.search(rf"^{re.escape(name)}\.+Passed$", done.stdout, re.MULTILINE), done.stdout


@needs_install
def test_rk_check_fails_on_a_broken_contract_and_says_where(tmp_path: Path, hooks_repo: Path,
                                                           installed: dict[str, str]) -> None:
    repo = _configured(tmp_path / "work", hooks_repo, installed)
    shutil.copyfile(EXAMPLE, repo / "good.rk")
    _git("add", "good.rk", cwd=repo, env=installed)
    _staged(repo, installed, broken=BROKEN)

    good = _pre_commit("run", "rk-check", "--files", "good.rk", cwd=repo, env=installed)
    assert good.returncode == 0, good.stdout
    assert re.search(r"^rk check\.+Passed$", good.stdout, re.MULTILINE), good.stdout

    both = _pre_commit("run", "rk-check", "--files", "good.rk", "broken.rk", cwd=repo, env=installed)
    assert both.returncode == 1, both.stdout
    assert re.search(r"^rk check\.+Failed$", both.stdout, re.MULTILINE), both.stdout
    assert "- hook id: rk-check" in both.stdout
    assert f"{BROKEN_AT}\n" in both.stdout and "hint: did you mean `nps`?" in both.stdout
    assert "good.rk: ok: 9 goals" in both.stdout  # the good file is checked too, and passes


@needs_install
def test_rk_fmt_rewrites_an_unformatted_contract_and_fails_until_it_is_formatted(
        rk: Rk, tmp_path: Path, hooks_repo: Path, installed: dict[str, str]) -> None:
    expected = tmp_path / "expected.rk"
    expected.write_text(MESSY, encoding="utf-8")
    formatted = rk("fmt", expected).stdout
    assert formatted and formatted != MESSY
    repo = _configured(tmp_path / "work", hooks_repo, installed)
    _staged(repo, installed, messy=MESSY)

    checked = _pre_commit("run", "rk-fmt-check", "--files", "messy.rk", cwd=repo, env=installed)
    assert checked.returncode == 1, checked.stdout
    assert "messy.rk: not formatted; run `rk fmt --write messy.rk`" in checked.stdout
    assert (repo / "messy.rk").read_text(encoding="utf-8") == MESSY  # the check changes nothing

    rewritten = _pre_commit("run", "rk-fmt", "--files", "messy.rk", cwd=repo, env=installed)
    assert rewritten.returncode == 1, rewritten.stdout
    assert re.search(r"^rk fmt\.+Failed$", rewritten.stdout, re.MULTILINE), rewritten.stdout
    assert "- files were modified by this hook" in rewritten.stdout
    assert "messy.rk: formatted" in rewritten.stdout
    assert (repo / "messy.rk").read_text(encoding="utf-8") == formatted

    for hook, name in (("rk-fmt", "rk fmt"), ("rk-fmt-check", "rk fmt --check")):
        again = _pre_commit("run", hook, "--files", "messy.rk", cwd=repo, env=installed)
        assert again.returncode == 0, again.stdout
        assert re.search(rf"^{re.escape(name)}\.+Passed$", again.stdout, re.MULTILINE), again.stdout
    assert (repo / "messy.rk").read_text(encoding="utf-8") == formatted


@needs_install
def test_a_commit_fails_until_its_contracts_are_formatted_and_staged(
        tmp_path: Path, hooks_repo: Path, installed: dict[str, str]) -> None:
    repo = _configured(tmp_path / "work", hooks_repo, installed)
    installing = _pre_commit("install", cwd=repo, env=installed)
    assert installing.returncode == 0, installing.stdout
    _staged(repo, installed, messy=MESSY)

    refused = _run("git", "commit", "-m", "a messy contract", cwd=repo, env=installed)
    assert refused.returncode != 0, refused.stdout
    assert re.search(r"^rk fmt\.+Failed$", refused.stdout, re.MULTILINE), refused.stdout
    assert "- files were modified by this hook" in refused.stdout
    assert _run("git", "rev-parse", "--verify", "-q", "HEAD", cwd=repo, env=installed).returncode != 0
    _git("add", "messy.rk", cwd=repo, env=installed)
    committed = _run("git", "commit", "-m", "the contract, formatted", cwd=repo, env=installed)
    assert committed.returncode == 0, committed.stdout
    assert re.search(r"^rk check\.+Passed$", committed.stdout, re.MULTILINE), committed.stdout
