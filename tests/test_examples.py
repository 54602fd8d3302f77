"""Worked examples inside contracts: `rk test`, the pytest plugin, and their checks."""

from __future__ import annotations

from pathlib import Path

import pytest

import resultkontrakt as rk
from resultkontrakt.contract import examples

from .conftest import EXAMPLE, Rk

pytest_plugins = ["pytester"]  # runs pytest in a folder of its own, to see what it collects

CONTRACT = '''
fact x: number
fact p: percent in 0% .. 100%
fact svar: list of integer in 0 .. 10
metric n = nps(svar)
goal 1 "x" { score x >= 60 -> 100%; >= 50 -> 50% }
goal 2 "p" { deliverable d "D" due 2019-12-31  score d and p >= 70% -> 100% }
goal 3 "nps" { score n >= 60 -> 100% }
split s { total 10 kr shares { A 1 B 3 } }
'''


def outcomes(body: str) -> list[examples.Outcome]:
    return examples.run(rk.loads(CONTRACT + body, source="c.rk"))


def test_every_example_in_the_example_contract_passes() -> None:
    results = examples.run(rk.load(EXAMPLE))
    assert len(results) >= 10
    assert [o.name for o in results if not o.passed] == []


def test_an_example_fails_with_expected_actual_and_the_reason() -> None:
    [outcome] = outcomes('example "wrong" { given x = 55; expect goal 1 = 100% }')
    assert not outcome.passed
    assert [f.replace("\u00a0", " ") for f in outcome.failures] == [
        "goal 1: expected 100%, got 50%. x = 55: below 60, but at least 50 → 50%."]


def test_givens_may_set_facts_deliverables_and_metrics() -> None:
    results = outcomes('''
example "deliverable late" { given d = 2020-01-01, p = 80%  expect goal 2 = 0% }
example "deliverable on time" { given d = 2019-12-31, p = 70%  expect goal 2 = 100% }
example "a metric given directly" { given n = 60  expect goal 3 = 100% }
example "answers written out" { given svar = [10] * 65 + [7] * 30 + [0] * 5  expect goal 3 = 100% }
example "nothing given" { expect goal 1 not evaluable, goal 3 not evaluable }
example "split, with a tie the larger weight wins" { expect split s A = 2, split s B = 8 }
example "overall" { given x = 50  expect overall = 50% }
''')
    assert [(o.name, o.failures) for o in results if not o.passed] == []


def test_a_metric_given_a_value_is_what_payments_read_too() -> None:
    contract = rk.loads('''fact antal: integer "Antal"
metric beløb = antal * 100 kr "Beløb"
payment betaling "Betaling" = beløb
goal 1 "g" { score beløb >= 1000 kr -> 100%; else -> 0% }
example "e" { given beløb = 1000 kr  expect goal 1 = 100%, payment betaling = 1000 kr }
''')
    assert [(o.name, o.failures) for o in examples.run(contract) if not o.passed] == []


def test_a_given_outside_its_range_fails_the_example() -> None:
    [outcome] = outcomes('example "too big" { given p = 120%  expect goal 2 not evaluable }')
    assert not outcome.passed
    assert "120% is outside its range 0% .. 100%" in outcome.failures[0]


@pytest.mark.parametrize(("body", "words"), [
    ('example "e" { given y = 1  expect goal 1 = 100% }', "`y` is not a fact, deliverable or metric"),
    ('example "e" { given x = 70%  expect goal 1 = 100% }', "`x` holds number, but is given percent"),
    ('example "e" { given p = 70  expect goal 2 = 100% }', "`p` holds percent, but is given integer"),
    ('example "e" { given x = p  expect goal 1 = 100% }', "a given value is written out"),
    ('example "e" { given d = 3  expect goal 2 = 100% }', "a deliverable is given true, false or a date"),
    ('example "e" { given x = 1  expect goal 9 = 100% }', "there is no goal 9"),
    ('example "e" { given x = 1  expect goal 1 = 1 }', "a fulfilment is a percent"),
    ('example "e" { expect split t A = 1 }', "there is no split `t`"),
    ('example "e" { expect split s C = 1 }', "C is not a party of split `s`"),
    ('example "e" { given x = 1 }', "this example expects nothing"),
    ('example "e" { given x = 1, x = 2  expect goal 1 = 0% }', "`x` is given twice"),
    ('example "e" { expect goal 1 = 0% } example "e" { expect goal 1 = 0% }', 'two examples are called "e"'),
])
def test_mistakes_in_examples_are_caught_when_the_contract_loads(body: str, words: str) -> None:
    with pytest.raises(rk.RkError) as caught:
        rk.loads(CONTRACT + body)
    assert any(words in p.message for p in caught.value.errors), caught.value


def test_rk_test_prints_a_line_each_and_a_summary(rk: Rk, tmp_path: Path) -> None:
    path = tmp_path / "c.rk"
    path.write_text(CONTRACT + 'example "ok" { given x = 60  expect goal 1 = 100% }\n'
                    'example "not ok" { given x = 59  expect goal 1 = 100% }\n', encoding="utf-8")
    run = rk("test", path, EXAMPLE)
    assert run.exit == 1
    lines = run.stdout.splitlines()
    assert lines[0] == f"PASS  {path}:10:1: ok"
    assert lines[1] == f"FAIL  {path}:11:1: not ok"
    assert lines[2].strip().startswith("goal 1: expected 100%, got 50%")
    assert lines[-1] == "13 passed, 1 failed"


def test_rk_test_passes_on_the_example_contract(rk: Rk) -> None:
    run = rk("test", EXAMPLE)
    assert run.exit == 0
    assert run.stdout.splitlines()[-1].endswith(" passed, 0 failed")


EXAMPLES_FILE = CONTRACT + ('example "ok" { given x = 60  expect goal 1 = 100% }\n'
                            'example "not ok" { given x = 59  expect goal 1 = 100% }\n')


def run_pytest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """pytest in pytester's folder, in this process, with this package's plugin as installed and
    without the plugins the suite has for other reasons (workers, the language server's client)."""
    return pytester.runpytest_inprocess("-p", "no:xdist", "-p", "no:pytest-lsp", "-p", "no:asyncio", *args)


def test_without_asking_pytest_collects_no_contract(pytester: pytest.Pytester) -> None:
    """Installing the package must not change another project's test run."""
    pytester.makefile(".rk", c=EXAMPLES_FILE)
    pytester.makepyfile(test_own="def test_own(): pass")
    run_pytest(pytester).assert_outcomes(passed=1)


@pytest.mark.parametrize("ask", ["--rk", "rk_examples = true"])
def test_the_option_or_the_ini_setting_asks_for_the_examples(pytester: pytest.Pytester, ask: str) -> None:
    """Each example a test, failed with what was expected and why; a contract without examples
    (a broken one kept as test data, say) is no test."""
    pytester.makefile(".rk", c=EXAMPLES_FILE, broken="this is not a contract, and has no examples")
    if ask.startswith("--"):
        result = run_pytest(pytester, ask)
    else:
        pytester.makeini(f"[pytest]\n{ask}\n")
        result = run_pytest(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*goal 1: expected 100%, got 50%*"])


def test_the_ini_setting_false_collects_no_contract(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rk", c=EXAMPLES_FILE)
    pytester.makeini("[pytest]\nrk_examples = false\n")
    assert run_pytest(pytester).ret == pytest.ExitCode.NO_TESTS_COLLECTED
