"""Sentence spans of normalised text."""
from __future__ import annotations

import re


#: A sentence longer than this many characters is cut at a comma or space (or hard) so that
#: a page with no punctuation still gives evidence of a readable size.
MAX_SENTENCE_CHARS = 1000


_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』)）\"']*|\n+")
_SOFT_BREAK = re.compile(r"[,，、 \t:：]")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans on Chinese sentence punctuation and line breaks (blank spans skipped).

    A sentence above ``MAX_SENTENCE_CHARS`` is cut at its last comma or space within the
    limit, or at the limit when it has none.

    >>> split_sentences("第一句。第二句!\\n标题\\n\\n")
    ((0, 4), (4, 8), (9, 11))
    """
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group()[0] == "\n" else m.end()
        _add_sentence(text, pos, end, spans)
        pos = m.end()
    _add_sentence(text, pos, len(text), spans)
    return tuple(spans)


def _add_sentence(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _trim(text, start, end)
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE_CHARS // 2, limit):
            cut = m.end()
        piece = _trim(text, start, cut)
        if piece[1] > piece[0]:
            spans.append(piece)
        start, end = _trim(text, cut, end)
    if end > start:
        spans.append((start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
