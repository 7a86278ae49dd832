"""A document's title and date, when its text gives them: the heading and the dateline.

A report or news page usually opens with its title on a line of its own and gives its date on
a short line near the top (``2023年5月12日``, ``2023-05-12``, ``发布时间：2023/05/12``). Only the
first short lines are read, so a date in the body (an event) is not taken for the document's.
"""
from __future__ import annotations

import datetime
import re

#: A dateline is one of the first lines of the text, and short (characters).
DATELINE_LINES = 3
DATELINE_LENGTH = 60
_DATE = re.compile(r"(?<!\d)(\d{4})(?:年(\d{1,2})月(\d{1,2})日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))")
_SENTENCE_END = "。！？；，,;:：!?"
_TITLE_LENGTH = range(4, 61)


def title_and_date(text: str) -> tuple[str | None, str | None]:
    """The title (the first line, when it reads as a heading) and the ISO date of the dateline.

    >>> title_and_date("巾帼建功展风采\\n2023年5月12日 本报讯 会议在京召开。")
    ('巾帼建功展风采', '2023-05-12')
    >>> title_and_date("会议于2023年5月12日召开，参会者众。" * 5)
    (None, None)
    >>> title_and_date("2023-02-30 无效日期")
    (None, None)
    """
    lines = [line.strip() for line in text[:DATELINE_LINES * 1000].splitlines() if line.strip()]
    first = lines[0] if lines else ""
    title = first if (len(first) in _TITLE_LENGTH and first[-1] not in _SENTENCE_END
                      and "。" not in first and not _DATE.match(first)) else None
    datelines = [line for line in lines[:DATELINE_LINES] if len(line) <= DATELINE_LENGTH]
    return title, _first_date("\n".join(datelines))


def _first_date(text: str) -> str | None:
    for match in _DATE.finditer(text):
        year, month, day = int(match[1]), int(match[2] or match[4]), int(match[3] or match[5])
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None
