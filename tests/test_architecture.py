"""The package's folders are the steps of the pipeline, and every import runs down them: a
folder imports only from folders below it (docs/architecture.md). Evaluation, in particular,
imports nothing that makes text: the words come from the folders above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "resultkontrakt"

# Each folder's floor: a folder may import from folders on lower floors only. Folders on the
# same floor are steps side by side, which never import each other.
FLOORS = {
    "core": 1,
    "language": 2,
    "semantics": 3,
    "split": 4, "facts": 4,
    "checks": 5,
    "evaluation": 6, "words": 6,
    "output": 7,
    "contract": 8,
    "comparisons": 9, "editor": 9, "drafting": 9,
    "cli": 10,
    "": 11,  # the package's own __init__ and __main__
}


def imports(path: Path) -> list[tuple[str, int]]:
    """The folders a module imports from (relative imports, at any depth in the module), with
    the line of each."""
    folder = path.parent.relative_to(PACKAGE).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        if node.level == 1:  # within the folder, or from the package root
            target = node.module.split(".")[0] if folder == "." and node.module else folder
        else:
            target = node.module.split(".")[0] if node.module else ""
        if folder == "." and node.module is None:
            target = ""
        found.append((target if target != "." else "", node.lineno))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_folder_has_its_floor() -> None:
    folders = {path.parent.relative_to(PACKAGE).as_posix() for path in MODULES}
    assert {"" if f == "." else f for f in folders} == set(FLOORS)


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(PACKAGE).as_posix() for p in MODULES])
def test_a_module_imports_only_from_its_own_folder_and_the_folders_below(path: Path) -> None:
    folder = path.parent.relative_to(PACKAGE).as_posix()
    folder = "" if folder == "." else folder
    for target, line in imports(path):
        if target == folder:
            continue
        assert FLOORS[target] < FLOORS[folder], f"{path.name}:{line} imports {target}/ from {folder}/"


def test_evaluation_and_what_it_stands_on_import_nothing_that_makes_text() -> None:
    below = [path for path in MODULES if path.parent.name in ("core", "language", "semantics", "split",
                                                                "facts", "checks", "evaluation")]
    for path in below:
        targets = {target for target, _ in imports(path)}
        assert not targets & {"words", "output"}, path
