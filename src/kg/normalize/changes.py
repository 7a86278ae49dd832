"""Changes of a step ``(start, end, length)`` and the offset map they carry; line spans; the
Han character class several steps read."""
from __future__ import annotations

from array import array


#: Offsets are C ints: 4 bytes a character, enough for any document under the size limit.
OFFSET_TYPECODE = "i"

#: Han characters (with the extension blocks and compatibility ideographs).
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# A change: ``(start, end, length)``: input span ``[start, end)`` became ``length`` characters.
Change = tuple[int, int, int]


def apply_changes(index: array, changes: list[Change]) -> array:
    """Carry ``index`` (one entry per input character, plus the end) through ``changes``.

    A replacement of ``length`` characters maps its characters one to one onto the replaced
    span while both last, then onto the span's last character, so the map stays monotonic
    and inside the span.
    """
    out, pos = array(index.typecode), 0
    for start, end, length in changes:
        out.extend(index[pos:start])
        if length:
            kept = min(length, end - start)
            out.extend(index[start:start + kept])
            out.extend(array(index.typecode, [index[max(start, end - 1)]]) * (length - kept))
        pos = end
    out.extend(index[pos:])
    return out


def delete_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[Change]]:
    """Remove the sorted, non-overlapping ``spans`` from ``text``."""
    if not spans:
        return text, []
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts), [(start, end, 0) for start, end in spans]


def line_spans(text: str):
    """Yield ``(start, end, line)`` for each line (``end`` excludes the newline)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def merge_line_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of whole lines, each with its newline, adjacent ones merged."""
    spans: list[tuple[int, int]] = []
    for start, end in lines:
        end = min(end + 1, len(text))
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
