"""cel-python: the six goals as CEL expressions, metrics and then tiers.

CEL counts the answers with its `filter` macro and compares ISO dates as text, but the CEL of
cel-python has no string functions beyond matching: `split` (of CEL's strings extension, which
cel-python does not ship) is given to it as a custom function, one line of Python, to read
"7.5%" and "16 mio kr". The facts reach CEL as a map `facts` through `celpy.json_to_cel`, the
adapter CEL users call; the fact `besøg` is `facts["besøg"]`. CEL has no variables, so the
answers are tallied once by the metric expressions and the tiers are expressions over those.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from . import Evaluate, Fulfilments, with_mean


def _money(name: str) -> str:
    words = f'facts.{name}.split(" ")'
    return f'double({words}[0]) * {{"kr": 1.0, "tkr": 1000.0, "mio": 1000000.0}}[{words}[1]]'


def _done(name: str, due: str | None) -> str:
    value = f"facts.{name}"
    if due is None:
        return f"({value} == false ? 0 : 1)"
    return (f'(type({value}) == bool ? ({value} ? 1 : 0) : ({value} <= "{due}" ? 1 : 0))')


METRICS = {
    "answers": "facts.anbefaling.size()",
    "promoters": "facts.anbefaling.filter(a, a >= 9).size()",
    "detractors": "facts.anbefaling.filter(a, a <= 6).size()",
    "admin": 'double(facts.admin.split("%")[0])',
    "spent": f"({_money('udgifter')}) / ({_money('budget')}) * 100.0",  # a percent, as the contract has it
    "delivered": f"{_done('strategi', '2019-12-31')} + {_done('camp', '2019-12-31')} + {_done('rapport', None)}",
    "visits": 'facts["besøg"]',
}
NPS = "(100.0 * double(promoters - detractors) / double(answers))"
SHARE = "(double(promoters) / double(answers))"
TIERS = {
    "1": f"answers < 30 ? null : ({NPS} >= 60.0 ? 1.0 : ({NPS} >= 50.0 ? 0.5 : 0.0))",
    "2": f"{SHARE} >= 0.5 ? 1.0 : ({SHARE} >= 0.4 ? 0.5 : 0.0)",
    "3": "admin <= 8.0 && visits >= 100 ? 1.0 : (visits >= 100 || admin <= 8.0 ? 0.5 : 0.0)",
    "4": "spent <= 100.0 ? 1.0 : (spent <= 110.0 ? 0.5 : 0.0)",
    "5": "delivered == 3 ? 1.0 : (delivered >= 2 ? 0.5 : 0.0)",
    "6": "visits >= 150 ? 1.0 : (visits >= 120 ? 0.75 : (visits >= 100 ? 0.5 : 0.0))",
}


def evaluator() -> Evaluate:
    import celpy
    from celpy import celtypes

    def split(text: celtypes.StringType, separator: celtypes.StringType) -> celtypes.ListType:
        return celtypes.ListType([celtypes.StringType(word) for word in text.split(separator)])

    env = celpy.Environment()
    metrics = {name: env.program(env.compile(text), functions={"split": split}) for name, text in METRICS.items()}
    tiers = {goal: env.program(env.compile(text)) for goal, text in TIERS.items()}

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        activation = {"facts": celpy.json_to_cel(dict(facts))}
        found = {name: program.evaluate(activation) for name, program in metrics.items()}
        return with_mean({goal: None if (value := program.evaluate(found)) is None else float(cast(float, value))
                          for goal, program in tiers.items()})
    return evaluate
