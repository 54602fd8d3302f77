"""Checking a contract again after an edit keeps what it found in the goals the edit cannot
change (`GoalMemo`); what it says is what a check from scratch says, word for word, whatever
the edits: names renamed, deleted or declared twice, a fact's type changed under its readers,
goals renumbered, declarations moved, duplicated and taken out."""

from __future__ import annotations

import re
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.editor.incremental import IncrementalLoader, declarations
from resultkontrakt.language.syntax import Goal

from .conftest import DEEP, EXAMPLES
from .test_incremental import outcome

# A contract made to be edited: goals that read facts, metrics, each other, deliverables and
# the period, so that an edit anywhere reaches some goal.
MADE = '''contract "Prøve" {
    period 2024-01-01 .. 2024-12-31
}
fact a: number "a" label "A"
fact b: percent label "B"
fact svar: list of integer in 0 .. 10 label "Svar"
metric m = a * 2
metric n = m + 1
goal 1 "Et" {
    score a >= 5 -> 100%; >= 2 -> 50%
}
goal 2 "To" {
    applies when n > 3
    score b >= 50% -> 100%
}
goal 3 "Tre" {
    deliverable rapport "Rapport" due 2024-06-30
    score all(deliverables) -> 100%
}
goal 4 "Fire" {
    score fulfilment(goal 1) >= 50% -> 100%; nps(svar) >= 0 -> 50%
}
goal 5 "Fem" {
    score n >= 10 -> 100%; count(svar) >= 1 -> 25%
}
goal 6 "Seks" {
    score share(s in svar where s >= 9) >= 50% -> 100%
}
'''
# The examples too, where there is time for them (loading one from scratch takes a while).
TEXTS = {"made.rk": MADE, **({path.name: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.rk"))}
                            if DEEP else {})}
TYPES = ("number", "integer", "percent", "text", "bool", "date", "money", "list of integer")


def _names(text: str) -> list[str]:
    return sorted(set(re.findall(r"^(?:fact|metric)\s+(\w+)", text, re.MULTILINE))) or ["a"]


def edit(text: str, action: str, where: float, other: str) -> str:
    """`text` with one edit of the kind `action`, at a place `where` (0..1) picks."""
    pieces = [piece for _, piece in declarations(text)]
    at = min(int(where * len(pieces)), len(pieces) - 1)
    names = _names(text)
    name = names[min(int(where * len(names)), len(names) - 1)]
    if action == "rename everywhere":
        return re.sub(rf"\b{re.escape(name)}\b", other, text)
    if action == "rename the declaration":
        return re.sub(rf"^((?:fact|metric)\s+){re.escape(name)}\b", rf"\g<1>{other}", text, count=1,
                      flags=re.MULTILINE)
    if action == "delete":
        return "".join(pieces[:at] + pieces[at + 1:])
    if action == "duplicate":
        return "".join(pieces[:at + 1] + pieces[at:])
    if action == "retype":
        kind = TYPES[int(where * 97) % len(TYPES)]
        return re.sub(rf"^(fact\s+{re.escape(name)}:\s*)[^\n\"]*?(?=\s*(?:\"|label|in\b|$))", rf"\g<1>{kind}",
                      text, count=1, flags=re.MULTILINE)
    if action == "renumber":
        goals = re.findall(r"^goal (\w+)", text, re.MULTILINE) or ["1"]
        goal = goals[min(int(where * len(goals)), len(goals) - 1)]
        return re.sub(rf"^goal {re.escape(goal)}\b", f"goal {other}", text, count=1, flags=re.MULTILINE)
    if action == "move down":
        return "".join(pieces[:at]) + "\n\n" + "".join(pieces[at:])
    offset = int(where * len(text))  # a keystroke
    return text[:offset] + other[:1] + text[offset:]


ACTIONS = ("rename everywhere", "rename the declaration", "delete", "duplicate", "retype", "renumber",
           "move down", "type")


@given(st.sampled_from(sorted(TEXTS)), st.lists(st.tuples(
    st.sampled_from(ACTIONS), st.floats(0, 1), st.sampled_from(["a", "b", "m", "n", "s", "x", "nps", "1", "7", "}"])),
    min_size=1, max_size=5))
@settings(max_examples=2000 if DEEP else 6)
def test_a_check_after_edits_is_the_check_from_scratch(name: str, edits: list[tuple[str, float, str]]) -> None:
    text = TEXTS[name]
    loader = IncrementalLoader()
    assert outcome(partial(loader.loads, text, name)) == outcome(partial(rk.loads, text, name))
    for action, where, other in edits:
        text = edit(text, action, where, other)
        assert outcome(partial(loader.loads, text, name)) == outcome(partial(rk.loads, text, name))


def test_an_edit_to_one_goal_checks_that_goal_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from resultkontrakt.checks import check

    loader = IncrementalLoader()
    loader.loads(MADE, "made.rk")
    checked: list[str] = []
    original = check._Checker._check_goal

    def spy(self: object, goal: Goal) -> object:
        checked.append(goal.id)
        return original(self, goal)  # type: ignore[arg-type]

    monkeypatch.setattr(check._Checker, "_check_goal", spy)
    edited = MADE.replace(">= 5 -> 100%", ">= 6 -> 100%")
    loader.loads(edited, "made.rk")
    assert checked == ["1"]
    checked.clear()
    loader.loads("\n\n" + edited, "made.rk")  # every goal moved down
    assert checked == []
    loader.loads(MADE.replace("metric m = a * 2", "metric m = a * 3"), "made.rk")
    assert sorted(checked) == ["1", "2", "5"]  # 2 and 5 read m through n; 1 is as first loaded


def test_a_name_declared_that_a_quantifier_binds_checks_the_goal_again() -> None:
    loader = IncrementalLoader()
    for text in (MADE, MADE.replace("fact a: number", "fact s: number"), MADE):
        assert outcome(partial(loader.loads, text, "made.rk")) == outcome(partial(rk.loads, text, "made.rk"))
