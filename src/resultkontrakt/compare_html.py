"""A comparison as one self-contained HTML page, with a chart per goal (work in progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import escape
from .compare_data import comparison_text

if TYPE_CHECKING:
    from .compare import Comparison
    from .wording import Wording


def comparison_html(comparison: Comparison, w: Wording, whole: bool = True) -> str:
    """The comparison as HTML: for now its text table, escaped, in a <pre>."""
    body = f"<pre>{escape.html(comparison_text(comparison, w))}</pre>"
    if not whole:
        return f"<div>{body}</div>"
    return (f'<!DOCTYPE html>\n<html lang="{w.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape.html(w['compare.goal'])}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
