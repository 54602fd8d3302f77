"""The JSON that `rk eval`, `rk split`, `rk compare` and `rk check` print is documented by JSON
Schemas shipped in the package (resultkontrakt/schema/); every golden JSON output is held to them."""

from __future__ import annotations

import json
import shlex
import typing
from importlib import resources
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

from resultkontrakt.core.errors import Severity  # noqa: E402
from resultkontrakt.core.vocabulary import METHODS  # noqa: E402
from resultkontrakt.core.wording import WORDINGS  # noqa: E402
from resultkontrakt.output.results import Status  # noqa: E402
from resultkontrakt.semantics.runtime import COMPARE  # noqa: E402

GOLDEN = Path(__file__).parent / "golden"
JSON_CASES = sorted(case for case in GOLDEN.glob("*.cmd") if "--format json" in case.read_text(encoding="utf-8"))


def schema(name: str) -> dict[str, typing.Any]:
    """A schema as the installed package holds it."""
    text = (resources.files("resultkontrakt") / "schema" / f"{name}.json").read_text(encoding="utf-8")
    loaded = json.loads(text)
    assert isinstance(loaded, dict)
    return loaded


def validator(name: str) -> typing.Any:
    """A validator for one schema, with the others it refers to (eval.json holds splits)."""
    from referencing import Registry, Resource

    found = schema(name)
    jsonschema.Draft202012Validator.check_schema(found)
    registry: typing.Any = Registry().with_resources(
        (schema(other)["$id"], Resource.from_contents(schema(other))) for other in ("eval", "split"))
    return jsonschema.Draft202012Validator(found, format_checker=jsonschema.FormatChecker(),
                                           registry=registry)


def printed(case: Path) -> object:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    stdout = expected.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]
    return json.loads(stdout)


def test_there_are_golden_json_outputs_of_every_command_that_prints_json() -> None:
    commands = {shlex.split(case.read_text(encoding="utf-8"))[0] for case in JSON_CASES}
    assert commands == {"eval", "split", "compare", "check"}
    assert len(JSON_CASES) >= 5


@pytest.mark.parametrize("case", JSON_CASES, ids=[c.stem for c in JSON_CASES])
def test_every_golden_json_output_follows_its_schema(case: Path) -> None:
    command = shlex.split(case.read_text(encoding="utf-8"))[0]
    errors = sorted(validator(command).iter_errors(printed(case)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_the_schemas_reject_what_they_do_not_describe() -> None:
    """A schema that accepts anything checks nothing: a renamed key or a wrong kind fails."""
    output = printed(GOLDEN / "example-json.cmd")
    assert isinstance(output, dict)
    broken = json.loads(json.dumps(output))
    broken["goals"][0]["fulfilment_exact"] = 50  # a number where an exact text belongs
    assert not validator("eval").is_valid(broken)
    broken = json.loads(json.dumps(output))
    broken["goals"][0]["steps"][1]["check"]["kind"] = "compare"
    assert not validator("eval").is_valid(broken)
    broken = json.loads(json.dumps(output))
    broken["goals"][0]["explanation_da"] = "..."
    assert not validator("eval").is_valid(broken)
    split = printed(GOLDEN / "split-example-json.cmd")
    assert isinstance(split, dict)
    split["parties"][0]["quota"] = 574.1
    assert not validator("split").is_valid(split)
    checked = printed(GOLDEN / "check-json.cmd")
    assert isinstance(checked, dict)
    for key, value in (("line", "3"), ("severity", "fatal"), ("end", {"line": 3}), ("column", 0)):
        broken = json.loads(json.dumps(checked))
        broken["files"][0]["problems"][0][key] = value
        assert not validator("check").is_valid(broken), key
    broken = json.loads(json.dumps(checked))
    del broken["files"][0]["problems"][0]["hint"]  # every key is always there, null or not
    assert not validator("check").is_valid(broken)


def test_the_schemas_name_what_the_code_names() -> None:
    """Words the schemas list (methods, languages, operators, statuses) come from one place each
    in the code; the schemas must list the same."""
    evaluation, split = schema("eval"), schema("split")
    assert split["properties"]["method"]["enum"] == list(METHODS)
    assert evaluation["properties"]["language"]["enum"] == list(WORDINGS)
    comparison = evaluation["$defs"]["check"]["oneOf"][0]
    assert comparison["properties"]["op"]["enum"] == list(COMPARE)
    assert evaluation["$defs"]["goal"]["properties"]["status"]["enum"] == list(typing.get_args(Status))
    assert schema("compare")["$defs"]["cell"]["properties"]["status"]["enum"] == list(typing.get_args(Status))
    assert schema("check")["$defs"]["problem"]["properties"]["severity"]["enum"] == list(typing.get_args(Severity))
