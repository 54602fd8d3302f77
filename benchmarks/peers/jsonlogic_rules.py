"""The six goals as JsonLogic rules, run by both JsonLogic peers (panzi-json-logic, json-logic-qubit).

JsonLogic has no variables, so a metric used by more than one test would be worked out again at
each: the rules come in two stages, as JsonLogic users chain them. The metrics (the answers, the
promoters and the detractors counted, the admin share, spending as a percent, the deliverables
done) are rules over the facts; the goals' tiers, NPS and the share of ambassadors worked out in
them, are rules over the facts and those metrics. Everything, counting the answers and reading
"7.5%" and "16 mio kr", is done by JsonLogic operators; Python only hands the metrics on.
"""

from __future__ import annotations

from typing import Any

Rule = dict[str, Any]


def var(name: str) -> Rule:
    return {"var": name}


def count(items: Rule, test: Rule) -> Rule:
    """How many of `items` pass `test` (over {"var": "current"}): a reduce, JsonLogic's only tally."""
    return {"reduce": [items, {"+": [var("accumulator"), {"if": [test, 1, 0]}]}, 0]}


def money(name: str) -> Rule:
    """ "16 mio kr", "17050 tkr" or "1200 kr" as a number of kroner: JsonLogic has no split, so the
    unit is found with `in` and cut off the end with `substr`."""
    text = var(name)
    return {"if": [{"in": [" mio ", text]}, {"*": [{"substr": [text, 0, -7]}, 1_000_000]},
                   {"in": [" tkr", text]}, {"*": [{"substr": [text, 0, -4]}, 1_000]},
                   {"+": [{"substr": [text, 0, -3]}]}]}


def done(name: str, due: str | None) -> Rule:
    """1 if the deliverable is done (true, or a date on or before `due`), else 0; ISO dates
    compare as text."""
    value = var(name)
    if due is None:
        return {"if": [{"===": [value, False]}, 0, 1]}
    return {"if": [{"===": [value, True]}, 1, {"===": [value, False]}, 0, {"<=": [value, due]}, 1, 0]}


ANSWERS = var("anbefaling")
# The answers are tallied once each, in the first stage: a reduce over 400 answers is most of the
# work, and the tiers need NPS and the share of ambassadors from the same three tallies.
METRICS: dict[str, Rule] = {
    "answers": {"reduce": [ANSWERS, {"+": [var("accumulator"), 1]}, 0]},
    "promoters": count(ANSWERS, {">=": [var("current"), 9]}),
    "detractors": count(ANSWERS, {"<=": [var("current"), 6]}),
    "admin": {"+": [{"substr": [var("admin"), 0, -1]}]},  # "7.5%" -> 7.5
    "spent": {"*": [{"/": [money("udgifter"), money("budget")]}, 100]},  # a percent, as the contract has it
    "delivered": {"+": [done("strategi", "2019-12-31"), done("camp", "2019-12-31"), done("rapport", None)]},
}
NPS = {"/": [{"*": [100, {"-": [var("promoters"), var("detractors")]}]}, var("answers")]}
AMBASSADORS = {"/": [var("promoters"), var("answers")]}
LOW_ADMIN = {"<=": [var("admin"), 8]}
VISITS = var("besøg")
TIERS: dict[str, Rule] = {
    "1": {"if": [{"<": [var("answers"), 30]}, None, {">=": [NPS, 60]}, 1, {">=": [NPS, 50]}, 0.5, 0]},
    "2": {"if": [{">=": [AMBASSADORS, 0.5]}, 1, {">=": [AMBASSADORS, 0.4]}, 0.5, 0]},
    "3": {"if": [{"and": [LOW_ADMIN, {">=": [VISITS, 100]}]}, 1,
                 {"or": [{">=": [VISITS, 100]}, LOW_ADMIN]}, 0.5, 0]},
    "4": {"if": [{"<=": [var("spent"), 100]}, 1, {"<=": [var("spent"), 110]}, 0.5, 0]},
    "5": {"if": [{"==": [var("delivered"), 3]}, 1, {">=": [var("delivered"), 2]}, 0.5, 0]},
    "6": {"if": [{">=": [VISITS, 150]}, 1, {">=": [VISITS, 120]}, 0.75, {">=": [VISITS, 100]}, 0.5, 0]},
}
