"""Files shipped with the package beside the code: the grammar and the parser's tables.

The grammar lives in `grammar/` at the top of the project, for readers; the wheel carries it
inside the package (`resultkontrakt/grammar/`). Reading them needs no parser, so that a
contract kept in the cache (contract_cache.py) is read without importing Lark at all.
"""

from __future__ import annotations

import os

GRAMMAR_NAME = "resultkontrakt.lark"
# The LALR tables, worked out from the grammar (`python -m resultkontrakt.parser` writes
# them; a test fails when they are stale).
TABLES_NAME = "resultkontrakt.tables.json"


# The package's own folder, where the wheel puts `grammar/`: this module lies in `core/`.
_HERE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def grammar_file(name: str) -> bytes:
    """A file shipped with the grammar: inside the installed package, or in the source tree."""
    for folder in (os.path.join(_HERE, "grammar"), source_folder()):
        if os.path.isfile(os.path.join(folder, name)):
            with open(os.path.join(folder, name), "rb") as shipped:
                return shipped.read()
    # A package that is not files on disk (a zip): ask the importer.
    from importlib import resources

    return resources.files("resultkontrakt").joinpath("grammar", name).read_bytes()


def source_folder() -> str:
    """`grammar/` in the source tree, where the maintainer's commands write."""
    return os.path.join(os.path.dirname(os.path.dirname(_HERE)), "grammar")


def grammar_text() -> str:
    """The grammar's text."""
    return grammar_file(GRAMMAR_NAME).decode("utf-8")


def installed_version() -> str:
    """The version the installed package's metadata gives. importlib.metadata takes longer to
    import than the rest of a command's start, so only a caller who asks pays for it."""
    from importlib import metadata

    try:
        return metadata.version("resultkontrakt")
    except metadata.PackageNotFoundError:  # run from a source folder that was never installed
        return "0+unknown"
