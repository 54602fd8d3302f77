"""Text from contracts and facts made safe for the medium it is shown in.

A title, a party's name, a fact's value or a CSV cell may hold anything: an
escape sequence that would drive a terminal, HTML or a Markdown link that
would run in a reader's browser, a lone surrogate that cannot be encoded.
Each medium has one function here, and every renderer uses it for every text
that came from outside:

- `terminal`: control characters shown as escapes (`\\x1b`), never sent raw;
- `cell`: as `terminal`, on one line, for a cell of a table on a terminal;
- `markdown`: every character Markdown would read as markup escaped, so the
  text shows exactly as written: no HTML, no links, no emphasis;
- `html`: `&`, `<`, `>` and quotes as entities;
- `spreadsheet`: a CSV cell that no spreadsheet runs as a formula;
- `json`: JSON whose text can also go to a terminal.

Each first makes invisible and dangerous characters visible (`visible`).
"""

from __future__ import annotations

import re

from .vocabulary import INVISIBLE


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every invisible or dangerous character written as an escape: `\\x1b`, `\\u202e`."""
    return INVISIBLE.sub(_escaped, text)


def terminal(text: str) -> str:
    """Text that can go to a terminal: no escape sequence, no carriage return, no surrogate."""
    return visible(text)


_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def cell(text: str) -> str:
    """Text for one cell of a table on a terminal: as `terminal`, and a line break or a tab
    written as `\\n`, `\\t`, so that its row stays one line and the columns stay aligned."""
    return visible(text).translate(_LINE)


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def html(text: str) -> str:
    """Text for HTML, in an element or an attribute value."""
    return visible(text).translate(_HTML)


# Markdown (CommonMark with GitHub's extensions) reads these as markup anywhere
# in a line: code, emphasis, links and images, raw HTML and entities, table
# bars, strikethrough, math, headings' closing hashes. A backslash makes each
# stand for itself.
_MARKUP = re.compile(r"[\\`*_\[\]<>|~&#$!]")
# GitHub makes links of bare addresses; escaping one character breaks them up.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<![a-z0-9])(www)(\.)")
# At the start of a paragraph these begin a list or a rule ("- x", "---", "1. x").
_LINE_START = re.compile(r"^([-+]|[0-9]{1,9}(?=[.)](?: |$)))")
_BREAKS = re.compile(r"[\t\n]")


def markdown(text: str) -> str:
    """Text that Markdown shows exactly as written, on one line: no HTML, no links, no emphasis.

    Line breaks and tabs become spaces, so the text can stand in a table cell,
    a heading or a sentence; a text block is given paragraph by paragraph.
    Spaces at either end are dropped, as Markdown drops them (four at the start
    would make a block of code).
    """
    text = _BREAKS.sub(" ", visible(text)).strip(" ")
    text = _MARKUP.sub(lambda m: "\\" + m.group(), text)
    text = _AUTOLINK.sub(lambda m: "\\:" if m.group(1) else m.group(2) + "\\.", text)
    return _LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group()
    return marker + "\\" if marker.isdigit() else "\\" + marker  # "1\\. x", "\\- x"


# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet(text: str) -> str:
    """A text cell for a CSV file that a spreadsheet opens: never taken for a formula
    (`=HYPERLINK(...)` gets a leading apostrophe, which the spreadsheet does not show)."""
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def json(data: object) -> str:
    """`data` as indented JSON that can also be shown on a terminal: every invisible
    character, C1 controls and lone surrogates included, written as a `\\u` escape."""
    import json as _json

    text = _json.dumps(data, ensure_ascii=False, indent=2)
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
