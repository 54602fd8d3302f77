"""resultkontrakt: result contracts as checked, exactly evaluated `.rk` files.

    import resultkontrakt as rk
    contract = rk.load("examples/nordjylland-2019.rk")
    result = contract.evaluate(rk.load_facts("examples/nordjylland-2019.facts.json"))
    print(result.explain())
"""

from .compare import Comparison, compare
from .contract import Contract, load, loads
from .errors import ContractError, FactsError, Problem, RkError, RkSyntaxError, Span
from .facts import Supplied
from .factsfile import FactsFile, load_facts, loads_facts
from .results import Evaluation, GoalResult, PaymentResult, SplitResult

__all__ = [
    "Comparison",
    "Contract",
    "ContractError",
    "Evaluation",
    "FactsError",
    "FactsFile",
    "GoalResult",
    "PaymentResult",
    "Problem",
    "RkError",
    "RkSyntaxError",
    "Span",
    "SplitResult",
    "Supplied",
    "compare",
    "load",
    "load_facts",
    "loads",
    "loads_facts",
]
