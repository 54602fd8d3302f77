"""A pytest plugin: the worked examples in `.rk` files run beside the project's tests.

    pytest --rk examples/

collects every contract that holds an `example`, and reports each example as
a test: passed, or failed with what was expected, what came out, and why.

Only when asked: with `--rk`, or `rk_examples = true` in the project's pytest settings.
The plugin comes with the package, so it is there in every test run of every project
that installs it; without asking, it changes none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..core.errors import RkError
from ..language import syntax
from . import examples
from .contract import Contract, load

_HAS_EXAMPLES = re.compile(r'(^|[\s}])example\s*"', re.MULTILINE)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--rk", action="store_true", dest="rk_examples",
                     help="run the worked examples in .rk files as tests (resultkontrakt)")
    parser.addini("rk_examples", type="bool", default=False,
                  help="run the worked examples in .rk files as tests, as --rk does (resultkontrakt)")


def _asked(config: pytest.Config) -> bool:
    return bool(config.getoption("rk_examples") or config.getini("rk_examples"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".rk" or not _asked(parent.config):
        return None
    try:
        text = file_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    # Contracts without examples (broken ones kept as test data, say) are not tests.
    if not _HAS_EXAMPLES.search(text):
        return None
    return ContractFile.from_parent(parent, path=file_path)


class ContractFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        try:
            contract = load(self.path)
        except RkError as error:
            raise self.CollectError(str(error)) from None
        for example in contract.module.examples:
            yield ExampleItem.from_parent(self, name=example.name, contract=contract, example=example)


class ExampleFailed(Exception):
    def __init__(self, outcome: examples.Outcome):
        super().__init__(outcome.name)
        self.outcome = outcome


class ExampleItem(pytest.Item):
    def __init__(self, *, contract: Contract, example: syntax.Example, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # An example takes no fixtures. Plugins that look at every test's fixtures (pytest-lsp
        # wraps each test call and stops with an error at an item that has none) find an empty set.
        self.funcargs: dict[str, object] = {}
        self.contract = contract
        self.example = example

    def runtest(self) -> None:
        outcome = examples.run_one(self.contract, self.example)
        if not outcome.passed:
            raise ExampleFailed(outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ExampleFailed):
            outcome = excinfo.value.outcome
            return "\n".join([f'example "{outcome.name}" ({outcome.span}) failed:',
                              *(f"  {failure}" for failure in outcome.failures)])
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.example.span.line - 1, f"example: {self.name}"
