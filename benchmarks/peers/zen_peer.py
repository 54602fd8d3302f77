"""zen-engine: the six goals as a JSON Decision Model (JDM) graph, as GoRules' editor makes them.

An expression node works out the metrics from the facts (the answers counted with `count`,
"7.5%" and "16 mio kr" read with `split` and `number`, dates compared with `date`), and one
decision table a goal, hit policy "first", holds its tiers. Everything runs in the engine.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import Evaluate, Fulfilments, with_mean


def _money(name: str) -> str:
    unit = f'split({name}, " ")[1]'
    return (f'number(split({name}, " ")[0]) * ({unit} == "mio" ? 1000000 : ({unit} == "tkr" ? 1000 : 1))')


def _done(name: str, due: str | None) -> str:
    if due is None:
        return f'({name} == false ? 0 : 1)'
    return (f'(type({name}) == "bool" ? ({name} ? 1 : 0) : '
            f'(date({name}) <= date("{due}") ? 1 : 0))')


METRICS = {
    "answers": "len(anbefaling)",
    "nps": "100 * (count(anbefaling, # >= 9) - count(anbefaling, # <= 6)) / len(anbefaling)",
    "ambassadors": "count(anbefaling, # >= 9) / len(anbefaling)",
    "admin": 'number(split(admin, "%")[0])',
    "spent": f"({_money('udgifter')}) / ({_money('budget')}) * 100",  # a percent, as the contract has it
    "delivered": f"{_done('strategi', '2019-12-31')} + {_done('camp', '2019-12-31')} + {_done('rapport', None)}",
    "visits": '$root["besøg"]',
}
# Each goal's tiers, in order: the cells of its inputs (empty: any value), then the fulfilment.
TABLES: dict[str, tuple[tuple[str, ...], list[tuple[tuple[str, ...], str]]]] = {
    "1": (("answers", "nps"), [(("< 30", ""), "null"), (("", ">= 60"), "1"), (("", ">= 50"), "0.5"),
                               (("", ""), "0")]),
    "2": (("ambassadors",), [((">= 0.5",), "1"), ((">= 0.4",), "0.5"), (("",), "0")]),
    "3": (("admin", "visits"), [(("<= 8", ">= 100"), "1"), (("<= 8", ""), "0.5"), (("", ">= 100"), "0.5"),
                                (("", ""), "0")]),
    "4": (("spent",), [(("<= 100",), "1"), (("<= 110",), "0.5"), (("",), "0")]),
    "5": (("delivered",), [(("3",), "1"), ((">= 2",), "0.5"), (("",), "0")]),
    "6": (("visits",), [((">= 150",), "1"), ((">= 120",), "0.75"), ((">= 100",), "0.5"), (("",), "0")]),
}


def _table(goal: str, inputs: tuple[str, ...], rows: list[tuple[tuple[str, ...], str]]) -> dict[str, Any]:
    output = f"goal{goal}-out"
    return {"id": f"goal{goal}", "type": "decisionTableNode", "name": f"goal {goal}",
            "position": {"x": 500, "y": 100 * int(goal)},
            "content": {"hitPolicy": "first",
                        "inputs": [{"id": f"goal{goal}-{field}", "name": field, "field": field}
                                   for field in inputs],
                        "outputs": [{"id": output, "name": f"goal {goal}", "field": f"goal{goal}"}],
                        "rules": [{"_id": f"goal{goal}-{n}",
                                   **{f"goal{goal}-{field}": cell for field, cell in zip(inputs, cells, strict=True)},
                                   output: fulfilment}
                                  for n, (cells, fulfilment) in enumerate(rows)]}}


def graph() -> dict[str, Any]:
    """The decision graph: facts -> metrics -> one table a goal -> fulfilments."""
    nodes: list[dict[str, Any]] = [
        {"id": "facts", "type": "inputNode", "name": "facts", "position": {"x": 0, "y": 300}},
        {"id": "metrics", "type": "expressionNode", "name": "metrics", "position": {"x": 250, "y": 300},
         "content": {"expressions": [{"id": f"metric-{key}", "key": key, "value": value}
                                     for key, value in METRICS.items()]}},
        {"id": "fulfilments", "type": "outputNode", "name": "fulfilments", "position": {"x": 750, "y": 300}},
    ]
    edges = [{"id": "facts-metrics", "sourceId": "facts", "targetId": "metrics", "type": "edge"}]
    for goal, (inputs, rows) in TABLES.items():
        nodes.append(_table(goal, inputs, rows))
        edges.append({"id": f"metrics-goal{goal}", "sourceId": "metrics", "targetId": f"goal{goal}", "type": "edge"})
        edges.append({"id": f"goal{goal}-out", "sourceId": f"goal{goal}", "targetId": "fulfilments", "type": "edge"})
    return {"contentType": "application/vnd.gorules.decision", "nodes": nodes, "edges": edges}


def evaluator() -> Evaluate:
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(graph()))

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        result = decision.evaluate(dict(facts))["result"]
        # A table whose output is null (goal 1 with fewer than 30 answers) leaves its field out.
        return with_mean({goal: result.get(f"goal{goal}") for goal in TABLES})
    return evaluate
