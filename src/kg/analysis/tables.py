"""Aligned text tables (Chinese text aligned by display width)."""
from __future__ import annotations

import unicodedata
from typing import Iterable, Sequence


#: Shown in a table cell for a missing value.
MISSING = "—"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two, combining zero.

    Examples
    --------
    >>> display_width("王芳"), display_width("kg"), display_width("主席 2022")
    (4, 2, 9)
    """
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value) -> str:
    if value is None:
        return MISSING
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def format_table(headers: Sequence[str], rows: Iterable[Sequence]) -> str:
    """Render rows as a text table aligned by display width; numbers are right-aligned.

    Parameters
    ----------
    headers : sequence of str
        Column titles.
    rows : iterable of sequences
        Cell values; ``None`` shows as a dash, floats with four decimals.

    Returns
    -------
    str
        The table, one line per row after a header and a rule, without a final newline.

    Examples
    --------
    >>> print(format_table(["person", "post", "facts"], [["王芳", "主席", 2], ["Li", None, 10]]))
    person  post  facts
    ------  ----  -----
    王芳    主席      2
    Li      —        10
    """
    rows = [list(row) for row in rows]
    numeric = [bool(rows) and all(isinstance(row[i], (int, float)) for row in rows)
               for i in range(len(headers))]
    cells = [list(headers)] + [[_cell(v) for v in row] for row in rows]
    widths = [max(display_width(line[i]) for line in cells) for i in range(len(headers))]

    def render(line: list[str], align_numbers: bool) -> str:
        parts = []
        for i, text in enumerate(line):
            pad = " " * (widths[i] - display_width(text))
            parts.append(pad + text if align_numbers and numeric[i] else text + pad)
        return "  ".join(parts).rstrip()

    lines = [render(cells[0], False), "  ".join("-" * w for w in widths)]
    lines.extend(render(line, True) for line in cells[1:])
    return "\n".join(lines)
