"""The drafted contract as Markdown, for reviewing a draft in git: every text from the contract
passes through `escape.markdown`, so it shows as written (no HTML, no links, no emphasis)."""

from __future__ import annotations

from ..core import escape
from .document import Block, Draft, Heading, Paragraph


def markdown(draft: Draft) -> str:
    """The draft as Markdown: headings by level, paragraphs, real tables; a drafted term's
    mark as an HTML comment before it, which a reviewer sees in the diff and no reader sees."""
    lines: list[str] = []
    current: str | None = None
    blocks = draft.blocks()
    for at, (mark, block) in enumerate(blocks):
        if mark is not None and mark != current:
            lines += [f"<!-- {mark} -->", ""]
        current = mark
        lines += _block(block)
        following = blocks[at + 1][1] if at + 1 < len(blocks) else None
        if not (_item(block) and _item(following)):  # a list's items one under the other
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _item(block: Block | None) -> bool:
    return isinstance(block, Paragraph) and block.kind == "item"


def _block(block: Block) -> list[str]:
    md = escape.markdown
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {md(block.text)}"]
    if isinstance(block, Paragraph):
        if block.kind == "item":
            return [f"- {md(block.text)}"]
        return [md(block.text)]
    rule = "|" + "|".join("---:" if right else "---" for right in block.numeric) + "|"
    rows = [_row(block.header), rule] + [_row(row) for row in block.rows]
    if block.footer is not None:
        rows.append(_row(block.footer, bold=True))
    return rows


def _row(cells: tuple[str, ...], bold: bool = False) -> str:
    said = [escape.markdown(cell) for cell in cells]
    if bold:
        said = [f"**{cell}**" for cell in said]
    return "| " + " | ".join(said) + " |"
