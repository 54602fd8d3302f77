"""jmespath: the six goals as two JMESPath expressions, metrics and then tiers.

JMESPath is a query language: it counts the answers (`length(anbefaling[?@ >= `9`])`), picks
values and compares numbers, but has no arithmetic and no way to split a string. Those are added
the way JMESPath is extended, as custom functions, each one line of Python: `sub`, `mul`, `div`
and `split` (as jmespath-community has them). Dates are compared with `max`, which orders text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import Evaluate, Fulfilments, with_mean


def _money(name: str) -> str:
    words = f"split({name}, ' ')"
    return (f"mul(to_number({words}[0]), ({words}[1] == 'mio' && `1000000`) || "
            f"({words}[1] == 'tkr' && `1000`) || `1`)")


def _done(name: str, due: str | None) -> str:
    if due is None:
        return f"({name} == `false` && `0`) || `1`"
    return (f"({name} == `true` && `1`) || (type({name}) == 'string' && max([{name}, '{due}']) == '{due}' "
            f"&& `1`) || `0`")


METRICS = ("{answers: length(anbefaling), promoters: length(anbefaling[?@ >= `9`]), "
           "detractors: length(anbefaling[?@ <= `6`]), "
           "admin: to_number(split(admin, '%')[0]), "
           f"spent: mul(div({_money('udgifter')}, {_money('budget')}), `100`), "
           f"delivered: sum([{_done('strategi', '2019-12-31')}, {_done('camp', '2019-12-31')}, "
           f"{_done('rapport', None)}]), "
           'visits: "besøg"}')
NPS = "div(mul(`100`, sub(promoters, detractors)), answers)"
SHARE = "div(promoters, answers)"
# a && b || c is JMESPath's if-then-else while b is truthy: numbers, 0 included, always are.
TIERS = ("{"
         f'"1": (answers >= `30` && (({NPS} >= `60` && `1`) || ({NPS} >= `50` && `0.5`) || `0`)) || null, '
         f'"2": ({SHARE} >= `0.5` && `1`) || ({SHARE} >= `0.4` && `0.5`) || `0`, '
         '"3": (admin <= `8` && visits >= `100` && `1`) || ((visits >= `100` || admin <= `8`) && `0.5`) || `0`, '
         '"4": (spent <= `100` && `1`) || (spent <= `110` && `0.5`) || `0`, '
         '"5": (delivered == `3` && `1`) || (delivered >= `2` && `0.5`) || `0`, '
         '"6": (visits >= `150` && `1`) || (visits >= `120` && `0.75`) || (visits >= `100` && `0.5`) || `0`'
         "}")


def evaluator() -> Evaluate:
    import jmespath
    from jmespath import functions

    class Arithmetic(functions.Functions):
        @functions.signature({"types": ["number"]}, {"types": ["number"]})
        def _func_sub(self, a: float, b: float) -> float:
            return a - b

        @functions.signature({"types": ["number"]}, {"types": ["number"]})
        def _func_mul(self, a: float, b: float) -> float:
            return a * b

        @functions.signature({"types": ["number"]}, {"types": ["number"]})
        def _func_div(self, a: float, b: float) -> float:
            return a / b

        @functions.signature({"types": ["string"]}, {"types": ["string"]})
        def _func_split(self, text: str, separator: str) -> list[str]:
            return text.split(separator)

    options = jmespath.Options(custom_functions=Arithmetic())
    metrics, tiers = jmespath.compile(METRICS), jmespath.compile(TIERS)

    def evaluate(facts: Mapping[str, Any]) -> Fulfilments:
        goals: Fulfilments = tiers.search(metrics.search(facts, options=options), options=options)
        return with_mean(goals)
    return evaluate
