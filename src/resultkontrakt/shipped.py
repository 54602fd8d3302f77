"""Files shipped with the package beside the code: the grammar and the parser's tables.

The grammar lives in `grammar/` at the top of the project, for readers; the wheel carries it
inside the package (`resultkontrakt/grammar/`). Reading them needs no parser, so that a
contract kept in the cache (contract_cache.py) is read without importing Lark at all.
"""

from __future__ import annotations

from pathlib import Path

GRAMMAR_NAME = "resultkontrakt.lark"
# The LALR tables, worked out from the grammar (`python -m resultkontrakt.parser` writes
# them; a test fails when they are stale).
TABLES_NAME = "resultkontrakt.tables.json"


def grammar_file(name: str) -> bytes:
    """A file shipped with the grammar: inside the installed package, or in the source tree."""
    installed = Path(__file__).resolve().parent / "grammar" / name
    if installed.is_file():
        return installed.read_bytes()
    if not source_folder().is_dir():  # a package that is not files on disk (a zip): ask the importer
        from importlib import resources

        return resources.files("resultkontrakt").joinpath("grammar", name).read_bytes()
    # Running from a checkout (editable install or plain src/ on the path).
    return (source_folder() / name).read_bytes()


def source_folder() -> Path:
    """`grammar/` in the source tree, where the maintainer's commands write."""
    return Path(__file__).resolve().parents[2] / "grammar"


def grammar_text() -> str:
    """The grammar's text."""
    return grammar_file(GRAMMAR_NAME).decode("utf-8")
