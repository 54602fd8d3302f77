"""resultkontrakt: result contracts as checked, exactly evaluated `.rk` files.

    import resultkontrakt as rk
    contract = rk.load("examples/nordjylland-2019.rk")
    result = contract.evaluate(rk.load_facts("examples/nordjylland-2019.facts.json"))
    print(result.explain())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see; at run time each name is imported when first used
    from .comparisons.compare import Comparison as Comparison
    from .comparisons.compare import compare as compare
    from .contract.contract import Contract as Contract
    from .contract.contract import load as load
    from .contract.contract import loads as loads
    from .core.errors import (
        ContractError as ContractError,
    )
    from .core.errors import (
        FactsError as FactsError,
    )
    from .core.errors import (
        Problem as Problem,
    )
    from .core.errors import (
        RkError as RkError,
    )
    from .core.errors import (
        RkSyntaxError as RkSyntaxError,
    )
    from .core.errors import (
        Span as Span,
    )
    from .facts.factsfile import (
        FactsFile as FactsFile,
    )
    from .facts.factsfile import (
        load_facts as load_facts,
    )
    from .facts.factsfile import (
        loads_facts as loads_facts,
    )
    from .facts.supplied import Supplied as Supplied
    from .output.results import (
        Evaluation as Evaluation,
    )
    from .output.results import (
        GoalResult as GoalResult,
    )
    from .output.results import (
        PaymentResult as PaymentResult,
    )
    from .output.results import (
        SplitResult as SplitResult,
    )

    __version__: str

# Each public name and the module it lives in. `import resultkontrakt` imports none of them,
# so a command or an editor that needs only the parser does not pay for the renderers.
_HOMES = {
    "Comparison": "comparisons.compare", "compare": "comparisons.compare",
    "Contract": "contract.contract", "load": "contract.contract", "loads": "contract.contract",
    "ContractError": "core.errors", "FactsError": "core.errors", "Problem": "core.errors", "RkError": "core.errors",
    "RkSyntaxError": "core.errors", "Span": "core.errors",
    "Supplied": "facts.supplied",
    "FactsFile": "facts.factsfile", "load_facts": "facts.factsfile", "loads_facts": "facts.factsfile",
    "Evaluation": "output.results", "GoalResult": "output.results", "PaymentResult": "output.results",
    "SplitResult": "output.results",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    value: object
    if name == "__version__":
        from .core.shipped import installed_version

        value = installed_version()
    elif home is not None:
        value = getattr(importlib.import_module(f".{home}", __name__), name)
    elif name.isidentifier() and not name.startswith("__"):
        # A folder of the package, `rk.language` (and `from . import language` inside it, which
        # asks here first): imported when first named. Only a name, never a path.
        try:
            value = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as missing:
            if missing.name != f"{__name__}.{name}":
                raise  # the module is there, and something it imports is not
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later reads skip this function
    return value


def __dir__() -> list[str]:
    # The public API, for completion and `dir()`: not the helpers above, nor the modules
    # (`rk.language` still works, imported when named).
    return sorted([*__all__, "__version__"])
