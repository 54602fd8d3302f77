"""Python's cycle collector paused while a contract is read or evaluated, in one place.

Reading a contract and evaluating it make many small objects that are kept, not garbage: the
syntax, the plans, the evidence. The collector counts them and runs full collections, each
through everything alive, so that loading and evaluating grew faster than the contract (the
first evaluation as goals ** 1.4-1.5 from 1,000 to 10,000 goals; 1.15 paused, 1.41 with
`gc.freeze`). What such work leaves as garbage in cycles (an exception kept with its
traceback) is bounded by the work, and collected once the collector runs again.

`pause` and `resume` come in pairs (`resume` in a `finally`), and may nest and run in several
threads at once: the collector is paused while any of them runs, and set going again when
the last ends, if it was going when the first began. A lock, not a context manager: a small
evaluation takes about a hundred microseconds, and a context manager's frame costs more than
the lock.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_running = 0  # how many pauses have not ended yet, in every thread
_was_collecting = False  # whether the collector ran when the first of them began


def pause() -> None:
    """The collector paused until the matching `resume`."""
    global _running, _was_collecting
    with _lock:
        if _running == 0:
            _was_collecting = gc.isenabled()
            gc.disable()
        _running += 1


def resume() -> None:
    """The end of a `pause`: the collector set going again if this was the last one running and
    it was going before the first."""
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _was_collecting:
            gc.enable()
