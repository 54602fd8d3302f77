"""The drafted contract as one self-contained HTML page with the report's look, printing on A4:
a heading never alone at a page's foot, a goal, payment or split never cut in two where it fits
on a page. Every text passes through `escape.html`."""

from __future__ import annotations

from ..core import escape
from ..output.report import PAGE_CSS
from .document import Block, Draft, Heading, Paragraph, Table, Term

_CSS = PAGE_CSS + """
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
h3 { font-size: 1.08rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .5rem; }
.term { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
.term > h3, .term > h4 { margin-top: 0; }
.term.contract { border: none; padding: 0; }
p { margin: 0 0 .5rem; }
p.item { margin: 0 0 .25rem 1.25rem; text-indent: -1rem; }
p.item::before { content: "–"; display: inline-block; width: 1rem; text-indent: 0; }
.signatures { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1.5rem; }
.signature p { margin: 0 0 1.25rem; }
.signature p:first-child { font-weight: 600; }
.signature p.line { display: flex; gap: .5rem; margin-top: 1.75rem; }
.signature p.line::after { content: ""; flex: 1; border-bottom: 1px solid var(--ink); }
@media (max-width: 30rem) { body { font-size: 15px; } .term { padding: .6rem .7rem; } }
@media print { body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .term, .signature, tr { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  tfoot { display: table-row-group; } }
"""


def page(draft: Draft) -> str:
    """The draft as a page: each drafted term in a box of its own, named by its mark (`id`)."""
    e = escape.html
    body: list[str] = []
    signatures: list[Paragraph] = []
    for part in draft.parts:
        if isinstance(part, Term):
            kind = part.mark.split("_")[1]
            inner = "\n".join(_block(block) for block in part.blocks)
            body.append(f'<section class="term {e(kind)}" id="{e(part.mark)}">\n{inner}\n</section>')
        elif isinstance(part, Paragraph) and part.kind.startswith("signature"):
            signatures.append(part)
        else:
            body.append(_block(part))
    if signatures:  # each party's name, date line and signature line, side by side
        blocks = [signatures[i:i + 3] for i in range(0, len(signatures), 3)]
        body.append('<div class="signatures">' + "".join(
            '<div class="signature">' + "".join(
                f'<p class="line">{e(line.text)}</p>' if line.kind == "signature line" else f"<p>{e(line.text)}</p>"
                for line in block) + "</div>"
            for block in blocks) + "</div>")
    return (f'<!DOCTYPE html>\n<html lang="{e(draft.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(draft.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(body) + "\n</main>\n</body>\n</html>\n")


def _block(block: Block) -> str:
    e = escape.html
    if isinstance(block, Heading):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f'<p class="item">{e(block.text)}</p>' if block.kind == "item" else f"<p>{e(block.text)}</p>"
    return _table(block)


def _table(table: Table) -> str:
    e = escape.html

    def cells(row: tuple[str, ...], tag: str) -> str:
        return "".join(f'<{tag} class="num">{e(cell)}</{tag}>' if right else f"<{tag}>{e(cell)}</{tag}>"
                       for cell, right in zip(row, table.numeric, strict=True))

    head = f"<thead><tr>{cells(table.header, 'th')}</tr></thead>"
    rows = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    foot = f"<tfoot><tr>{cells(table.footer, 'td')}</tr></tfoot>" if table.footer is not None else ""
    return f'<div class="table"><table>{head}<tbody>{rows}</tbody>{foot}</table></div>'
