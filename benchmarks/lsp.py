"""The language server as an editor meets it: `rk lsp` started as a process, spoken to over
standard input and output in JSON-RPC written here by hand, and timed from the message sent
to the diagnostics published for it.

    .venv/bin/python benchmarks/lsp.py            # opening 10,000 goals, and an edit at 1,000 and 10,000
    .venv/bin/python benchmarks/lsp.py --quick
    .venv/bin/python benchmarks/lsp.py --server /other/venv/bin/rk   # another build, for before and after

The contract is `run.py`'s `contract_text(goals)`; an edit changes one digit of the middle
goal's threshold, as a ranged change (incremental sync) or as the whole text (what an editor
sends a server that syncs documents whole: the baseline).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from contracts import RK, contract_text

URI = "file:///tmp/bench/big.rk"
# What an editor waits for, at most (docs/editors.md, README's Speed section).
OPEN_TARGET, EDIT_TARGET_10K, EDIT_TARGET_1K = 1.5, 0.100, 0.020


class Server:
    """`rk lsp` in a process of its own, and a client that writes and reads its messages."""

    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.input: IO[bytes] = self.process.stdin
        self.output: IO[bytes] = self.process.stdout
        self.ids = 0
        self.version = 0
        self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {
            "general": {"positionEncodings": ["utf-16"]}}})
        self.notify("initialized", {})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.input.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.input.flush()

    def receive(self) -> dict[str, Any]:
        length = 0
        while (line := self.output.readline().strip()):
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        if not length:
            raise RuntimeError("rk lsp ended")
        found: dict[str, Any] = json.loads(self.output.read(length))
        return found

    def request(self, method: str, params: object) -> object:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        while "id" not in (answer := self.receive()) or answer.get("method"):
            pass
        return answer.get("result")

    def notify(self, method: str, params: object) -> None:
        self.send({"method": method, "params": params})

    def diagnostics(self, version: int) -> list[object]:
        """Wait for the diagnostics published for `version` of the document."""
        while True:
            message = self.receive()
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("version") == version:
                found: list[object] = params["diagnostics"]
                return found

    def open(self, text: str) -> float:
        """Seconds from didOpen to its diagnostics."""
        self.version += 1
        start = time.perf_counter()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": URI, "languageId": "rk", "version": self.version, "text": text}})
        self.diagnostics(self.version)
        return time.perf_counter() - start

    def change(self, change: dict[str, Any]) -> float:
        """Seconds from didChange to its diagnostics."""
        self.version += 1
        start = time.perf_counter()
        self.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": self.version},
                                               "contentChanges": [change]})
        self.diagnostics(self.version)
        return time.perf_counter() - start

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(30)


def _edits(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Two versions of the text that differ in one digit of the middle goal, and the ranged
    changes that turn each into the other."""
    at = text.index("score x >= ", len(text) // 2) + len("score x >= ")
    digit = text[at]
    other = "1" if digit != "1" else "2"
    line = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    where = {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + 1}}
    return ([text[:at] + other + text[at + 1:], text],
            [{"range": where, "text": other}, {"range": where, "text": digit}])


def opening(goals: int, rounds: int, command: list[str]) -> float:
    """Median seconds from didOpen of a contract of `goals` goals to its diagnostics, each in a
    server of its own (a server that has seen the text before would remember it)."""
    text, _ = contract_text(goals)
    times = []
    for _ in range(rounds):
        server = Server(command)
        times.append(server.open(text))
        server.close()
    return statistics.median(times)


def editing(goals: int, rounds: int, command: list[str], whole_only: bool = False) -> tuple[float, float]:
    """Median seconds from a one-character edit to its diagnostics: sent as the whole text
    (the baseline) and as a ranged change, interleaved, in one server (`whole_only`: both as
    the whole text, for a server that syncs documents whole)."""
    text, _ = contract_text(goals)
    server = Server(command)
    server.open(text)
    texts, ranged = _edits(text)
    whole_times, ranged_times = [], []
    for turn in range(rounds * 2 + 2):
        whole = server.change({"text": texts[turn % 2]})
        back = server.change({"text": texts[(turn + 1) % 2]} if whole_only else ranged[(turn + 1) % 2])
        if turn >= 2:  # the first edits fill what the server keeps for the next
            whole_times.append(whole)
            ranged_times.append(back)
    server.close()
    return statistics.median(whole_times), statistics.median(ranged_times)


def _toml_load(goals: int, rounds: int) -> float:
    import tomllib

    _, toml_text = contract_text(goals)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        tomllib.loads(toml_text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measured(quick: bool, command: list[str] | None = None, whole_only: bool = False
             ) -> dict[str, tuple[float, float]]:
    """The three figures, each with its baseline: opening 10,000 goals (against reading the same
    goals as TOML with tomllib), and an edit at 10,000 and at 1,000 goals (against the same edit
    sent as the whole text)."""
    command = command or [RK, "lsp"]
    rounds = 3 if quick else 7
    return {"open 10,000": (_toml_load(10_000, rounds), opening(10_000, 1 if quick else 5, command)),
            "edit 10,000": editing(10_000, rounds, command, whole_only),
            "edit 1,000": editing(1_000, rounds * 2, command, whole_only)}


TARGETS = {"open 10,000": OPEN_TARGET, "edit 10,000": EDIT_TARGET_10K, "edit 1,000": EDIT_TARGET_1K}
WHAT = {"open 10,000": "rk lsp: open a contract of 10,000 goals, to its diagnostics",
        "edit 10,000": "rk lsp: a one-character edit in 10,000 goals, to its diagnostics",
        "edit 1,000": "rk lsp: a one-character edit in 1,000 goals, to its diagnostics"}
BASELINE = {"open 10,000": "the same as TOML (tomllib)", "edit 10,000": "the same edit sent whole",
            "edit 1,000": "the same edit sent whole"}


def lines(figures: dict[str, tuple[float, float]]) -> list[str]:
    """The figures against their targets, in absolute time, as run.py prints them."""
    return [f"{WHAT[key]}: {ours * 1000:.0f} ms (at most {TARGETS[key] * 1000:.0f} ms: "
            f"{'✓' if ours <= TARGETS[key] else '✗'})" for key, (_, ours) in figures.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--server", metavar="RK", help="the `rk` command to run as `RK lsp` (this checkout's)")
    parser.add_argument("--whole", action="store_true",
                        help="send every edit as the whole text (for a server that syncs documents whole)")
    args = parser.parse_args()
    figures = measured(args.quick, [args.server, "lsp"] if args.server else None, args.whole)
    for key, (base, ours) in figures.items():
        print(f"{WHAT[key]}: baseline ({BASELINE[key]}) {base * 1000:.0f} ms, ours {ours * 1000:.0f} ms")
    print("\n".join(lines(figures)))


if __name__ == "__main__":
    main()
