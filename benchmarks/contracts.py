"""What several benchmarks time alike: the generated contract of many goals, and the `rk`
command beside this Python."""

from __future__ import annotations

import sys
from pathlib import Path

RK = str(Path(sys.executable).with_name("rk"))


def contract_text(goals: int) -> tuple[str, str]:
    """The same goals as .rk and as TOML."""
    rk_lines = ["fact x: number"]
    toml_lines = ['[[fact]]\nname = "x"\ntype = "number"\n']
    for n in range(goals):
        rk_lines.append(f'goal {n} "Goal number {n}" {{\n    group "G"\n'
                        f'    score x >= {n + 2} -> 100%; >= {n // 2 + 1} -> 50%\n}}')
        toml_lines.append(f'[[goal]]\nid = "{n}"\ntitle = "Goal number {n}"\ngroup = "G"\n'
                          f'score = [{{subject = "x", op = ">=", threshold = {n + 2}, fulfilment = "100%"}}, '
                          f'{{op = ">=", threshold = {n // 2 + 1}, fulfilment = "50%"}}]\n')
    return "\n".join(rk_lines) + "\n", "\n".join(toml_lines)
