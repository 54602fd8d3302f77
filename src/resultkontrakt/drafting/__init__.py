"""The contract document drafted from the rules (`rk draft`): the document as data
(`document`), and it written as Markdown (`markdown`), an HTML page (`page`) and a Word file
(`docx`, with python-docx, an optional extra)."""
