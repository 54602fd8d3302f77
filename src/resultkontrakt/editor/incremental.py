"""Loading the same contract again after an edit, reading anew only the declarations that changed.

An editor asks for the problems of a contract on every keystroke, and a keystroke changes one
declaration. `IncrementalLoader.loads` cuts the text into its declarations (each starts with
`fact`, `goal`, ... at the start of a line, outside brackets, texts and comments), parses only
those it has not seen, moves the positions of those that moved up or down, and checks the whole.
What it returns is exactly what `loads` returns for the same text, errors too, word for word:
a syntax error before a declaration's last line is the whole text's first error, found in that
declaration alone; anywhere else, where the text cannot be cut into declarations that each
parse alone (a mistake at a declaration's end, a name that looks like a keyword, two
declarations on a line), it reads the whole text as `loads` does.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

import attrs

from ..checks.check import GoalMemo
from ..contract.contract import Contract, contract_of, prepared
from ..core.collector import pause, resume
from ..core.errors import Problem, RkSyntaxError, Span
from ..core.vocabulary import DECLARATIONS
from ..language import syntax as s

# What the cutter must see to know where a declaration can start: texts and comments (a brace
# or a keyword inside them means nothing), brackets, and a declaration's first word at the
# start of a line.
_PIECES = re.compile(
    r'"""[\s\S]*?(?:"""|\Z)|"(?:[^"\\\n]|\\.)*"?|#[^\n]*|(?P<open>[{(\[])|(?P<close>[})\]])'
    r"|^(?P<start>(?:" + "|".join(DECLARATIONS) + r")\b)",
    re.MULTILINE)


def declarations(text: str) -> Iterator[tuple[int, str]]:
    """The text cut where a declaration may start: each piece with the line it starts on."""
    cuts = list(_cuts(text))
    for (cut, line), (end, _) in itertools.pairwise([*cuts, (len(text), 0)]):
        yield line, text[cut:end]


Cut = tuple[int, int]  # where a piece of the text starts: its offset, and its line


def _cuts(text: str, cut: int = 0, line: int = 1) -> Iterator[Cut]:
    """Where the text is cut, from a cut at `cut` on (outside brackets, texts and comments)."""
    yield cut, line
    depth = 0
    for piece in _PIECES.finditer(text, cut):
        if piece.group("open"):
            depth += 1
        elif piece.group("close"):
            depth = max(depth - 1, 0)
        elif piece.group("start") and depth == 0 and piece.start() > cut:
            line += text.count("\n", cut, piece.start())
            cut = piece.start()
            yield cut, line


# The characters after a cut's offset its keyword decides on: the longest keyword, and the
# character after it (`\b`).
_REACH = max(map(len, DECLARATIONS)) + 1


def recut(before: str, cuts: list[Cut], text: str) -> list[Cut]:
    """The cuts of `text`, from `cuts`, those of the text `before` it: cut anew from the last cut
    the edit cannot have moved, until a cut in the unchanged end is one of the cuts before
    (from there on, the scan sees what it saw then)."""
    return _recut(before, cuts, text)[0]


def _recut(before: str, cuts: list[Cut], text: str) -> tuple[list[Cut], int, int, int]:
    """`recut`, and what of `cuts` it kept: the first `head` as they were, and those from
    `tail` on (to the end) `lines` lines further down."""
    if not cuts:
        return list(_cuts(text)), 0, 0, 0
    same = _same_start(before, text)
    same_end = _same_start(before[::-1], text[::-1], min(len(before), len(text)) - same)
    shift = len(text) - len(before)
    index = max(bisect.bisect_right(cuts, (same - _REACH, -1)) - 1, 0)
    found = cuts[:index]
    unchanged = len(text) - same_end  # where the unchanged end begins, in `text`
    offsets = [offset for offset, _ in cuts]
    for offset, line in _cuts(text, *cuts[index]):
        if offset >= unchanged and offset > cuts[index][0]:
            old = bisect.bisect_left(offsets, offset - shift)
            if old < len(cuts) and offsets[old] == offset - shift:
                lines = line - cuts[old][1]
                return found + [(at + shift, at_line + lines) for at, at_line in cuts[old:]], index, old, lines
        found.append((offset, line))
    return found, index, len(cuts), 0


def _same_start(a: str, b: str, most: int | None = None) -> int:
    """How many characters `a` and `b` begin with alike (at most `most`): compared a block at a
    time, then a character at a time."""
    most = min(len(a), len(b)) if most is None else most
    at, block = 0, 4096
    while at + block <= most and a[at:at + block] == b[at:at + block]:
        at += block
    while at < most and a[at] == b[at]:
        at += 1
    return at


# Declarations kept between loads: more than any contract holds, and the pieces of
# the versions typed while a text did not parse.
MAX_KEPT = 100_000
# Versions of pieces kept beyond those of the last text, until they are let go all at once.
_SLACK = 1_000


def _before_its_end(error: RkSyntaxError, piece: str) -> bool:
    """Whether a declaration read alone fails on a line before its last, where the rest of the
    text cannot matter (on the last line, the parser may have met the end of the piece)."""
    lines = piece.rstrip().split("\n")
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    span = error.problems[0].span if error.problems else None
    return span is not None and span.line < len(lines)


Read = dict[tuple[str, str], tuple[int, tuple[object, ...], list[Problem]]]


def _read_whole(text: str, source: str, cuts: list[Cut]) -> Read | None:
    """What each declaration of `text` reads as, from one reading of the whole text: the
    declarations read alone would be the same nodes, each where it stands (read alone, each
    would be read at line 1 and moved down, a copy of every node). None where the text does not
    parse, or a declaration does not lie within its piece (then each piece is read alone)."""
    from ..language.build import build, header_problems
    from ..language.parser import parse

    try:
        module, problems = build(parse(text, source), source)
    except RkSyntaxError:
        return None
    problems = problems[:len(problems) - len(header_problems(module.items))]
    ends = [*cuts[1:], (len(text), len(text) + 1)]
    starts = [line for _, line in cuts]
    items: list[list[object]] = [[] for _ in cuts]
    found: list[list[Problem]] = [[] for _ in cuts]
    for item in module.items:
        span = getattr(item, "span", None)
        if not isinstance(span, Span):
            return None
        at = bisect.bisect_right(starts, span.line) - 1
        if span.end_line >= ends[at][1] or items[at]:  # across a cut, or two on a line
            return None
        items[at].append(item)
    for problem in problems:
        if problem.span is None:
            return None
        at = bisect.bisect_right(starts, problem.span.line) - 1
        if problem.span.end_line >= ends[at][1]:
            return None
        found[at].append(problem)
    return {(source, text[cut:end]): (line, tuple(its), problems_of)
            for (cut, line), (end, _), its, problems_of in zip(cuts, ends, items, found, strict=True)}


class IncrementalLoader:
    """Loads contracts, keeping what each declaration was read as for the next load.

    One loader serves one document (an editor's open file): it keeps the declarations of the
    last text it loaded, and no more.
    """

    def __init__(self) -> None:
        self._read: dict[tuple[str, str], tuple[int, tuple[object, ...], list[Problem]]] = {}
        self._memo = GoalMemo()  # what checking each goal found, by the text it was read from
        self._keys: list[str] = []  # the text each goal of the last text read was read from
        self._text = ""  # the last text cut into declarations, and where it was cut
        self._cuts: list[Cut] = []
        # What each piece of the last text read as, by its place among the cuts: the pieces an
        # edit did not touch are taken from here, without looking them up.
        self._pieces: list[_Piece] = []
        self._source = ""

    def loads(self, text: str, source: str = "<string>") -> Contract:
        """As `contract.loads(text, source)`, reading anew only what changed since the last call."""
        text = prepared(text, source)
        pause()  # as while loading (collector.py)
        try:
            read = self._reread(text, source)
        finally:
            resume()
        if read is None:
            return contract_of(text, source)
        return contract_of(text, source, read, memo=self._memo, keys=self._keys)

    def _keep(self, read: Read, whole: bool = False) -> None:
        """Keep what `read` holds with what was read before: while a text does not parse, what
        was read before is kept with it. Bounded, so that an editing session does not grow
        without end: once a text is read `whole` and far more is kept than it holds, only its
        pieces are kept."""
        self._read.update(read)
        if whole and len(self._read) > len(self._pieces) + _SLACK:
            self._read = {(self._source, piece.text): (piece.line, piece.items, piece.problems)
                          for piece in self._pieces}
        elif len(self._read) > MAX_KEPT:
            self._read = {}

    def _reread(self, text: str, source: str) -> tuple[s.Module, list[Problem]] | None:
        """The declarations of `text`, each kept or read alone; None where the whole text
        must be read at once (then `contract_of` reads it, errors and all)."""
        from ..language.build import header_problems

        before = self._pieces if source == self._source and len(self._pieces) == len(self._cuts) else []
        self._pieces, self._source = [], source
        cuts, head, tail, lines = _recut(self._text, self._cuts, text)
        self._cuts, self._text = cuts, text
        if not self._read:  # a text opened: read whole, and kept by declaration (no piece moved)
            self._read = _read_whole(text, source, cuts) or {}
        if not before:  # every piece looked up
            head, tail = 0, 0
        # The pieces before `head` and from `tail` on are those of the text before, as they were
        # or moved down; those between are looked up, or read.
        first, last = head, len(cuts) - (len(before) - tail)
        pieces = before[:head]
        ends = [*cuts[1:], (len(text), 0)]
        read: Read = {}
        for (cut, line), (end, _) in zip(cuts[first:last], ends[first:last], strict=True):
            piece = self._piece(text[cut:end], line, source, text, read)
            if piece is None:
                return None
            pieces.append(piece)
        pieces += before[tail:] if not lines else [piece.moved(lines) for piece in before[tail:]]
        self._pieces = pieces
        self._keep(read, whole=True)
        self._keys = [piece.text for piece in pieces if piece.goal]
        items = tuple(item for piece in pieces for item in piece.items)
        problems = [found for piece in pieces if piece.problems for found in piece.problems]
        return s.module_of(items, source), problems + header_problems(items)

    def _piece(self, piece: str, line: int, source: str, text: str, read: Read) -> _Piece | None:
        """What one piece of `text` reads as, kept or read alone (and added to `read`); None
        where the whole text must be read at once."""
        from ..language.build import build
        from ..language.parser import parse_alone, syntax_error

        if not piece.strip():
            return _Piece(piece, line, (), [])
        known = read.get((source, piece)) or self._read.get((source, piece))
        if known is None:
            try:
                module, found = build(parse_alone(piece, source), source)
            except RkSyntaxError as error:
                if _before_its_end(error, piece):
                    # The parser meets the same mistake in the whole text, in the same state
                    # (a declaration starts as the first did): the same error, moved down.
                    self._keep(read)
                    raise syntax_error(s.moved(list(error.problems), line - 1), text, source) from None
                module = None  # at its end: the whole text may go on, or end, differently
            if module is None or len(module.items) > 1:  # two declarations on a line
                # Keep what was read, for the keystroke that mends the text; the rest of
                # this text is not looked at (`contract_of` reads it whole, for its error).
                self._keep(read)
                return None
            known = (1, module.items, found)
        was, piece_items, piece_problems = known
        if was != line:
            piece_items = s.moved(piece_items, line - was)
            piece_problems = s.moved(piece_problems, line - was)
        read[(source, piece)] = (line, piece_items, piece_problems)
        return _Piece(piece, line, piece_items, piece_problems)


@attrs.frozen
class _Piece:
    """A piece of a text, where it starts, and what it reads as."""

    text: str
    line: int
    items: tuple[object, ...]
    problems: list[Problem]
    goal: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "goal", bool(self.items) and isinstance(self.items[0], s.Goal))

    def moved(self, lines: int) -> _Piece:
        return _Piece(self.text, self.line + lines, s.moved(self.items, lines), s.moved(self.problems, lines))
