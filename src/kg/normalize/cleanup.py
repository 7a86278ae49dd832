"""Steps on lines: repeated paragraphs, web boilerplate, lines broken inside a sentence."""
from __future__ import annotations

import re

from .changes import CJK, Change, delete_spans, line_spans, merge_line_spans


_MIN_REPEATED_CHARS = 20


def drop_repeated_paragraphs(text: str) -> tuple[str, list[Change]]:
    """A passage that already appeared earlier in the document is read once.

    Scraped pages often hold the whole body twice (print view plus screen view), and
    archives glue copies of a page together. A repeat is found at a paragraph of 20+
    characters seen before; it takes along the lines around it (short lines, captions and
    blank lines included) while they match the lines around the first copy, so any number of
    glued copies leaves one. Short lines such as headings may repeat on their own.

    >>> drop_repeated_paragraphs("标题\\n" + "正文" * 10 + "\\n标题\\n" + "正文" * 10)[0]
    '标题\\n正文正文正文正文正文正文正文正文正文正文\\n'
    """
    lines = list(line_spans(text))
    keys = [line.strip() for _, _, line in lines]
    first_seen: dict[str, int] = {}
    dropped: list[tuple[int, int]] = []
    kept_from = 0          # lines before this one are already dropped or matched
    j = 0
    while j < len(lines):
        key = keys[j]
        earlier = first_seen.get(key) if len(key) >= _MIN_REPEATED_CHARS else None
        if earlier is None:
            if len(key) >= _MIN_REPEATED_CHARS:
                first_seen[key] = j
            j += 1
            continue
        start = j
        while start > kept_from and earlier - (j - start) > 0 and (
                keys[earlier - (j - start) - 1] == keys[start - 1]):
            start -= 1
        end = j + 1
        while end < len(lines) and keys[earlier + end - j] == keys[end]:
            end += 1
        dropped.extend((lines[k][0], lines[k][1]) for k in range(start, end))
        kept_from = j = end
    return delete_spans(text, merge_line_spans(text, dropped))


_BOILERPLATE = re.compile(
    r"\s*[(【\[]?\s*(?:版权所有|版权声明|copyright|©|技术支持|责任编辑|编辑\s*[:：]|审核\s*[:：]|"
    r"校对\s*[:：]|分享(?:到|至|让|[:：]|\s*$)|扫一扫|扫码|打印本页|关闭窗口|网站地图|联系我们|"
    r"主办单位|承办单位|备案号|.{0,30}icp备|.{0,30}公网安备|第一时间为您推送|报道全球|"
    r"关注.{1,6}网[,，]|来源\s*[:：](?=.*(?:责编|编辑|审核|校对))|原标题\s*[:：]|责编\s*[:：]|【(?:纠错|打印|关闭)】|"
    r"字号\s*[:：]|上一篇|下一篇|返回顶部|"
    r"(?:您)?(?:当前|现在|所在)的?位置\s*[:：]|首页\s*(?:>|›|»|->|/|\|))",
    re.IGNORECASE,
)
#: Lines longer than this are prose, never boilerplate.
_MAX_BOILERPLATE_CHARS = 80
#: Words of the adult-video and gambling keyword titles that hijacked pages carry above the
#: article (亚洲…一区二区_…无码…); two of them in one line make it spam, one may be news.
_SPAM_WORD = re.compile(r"无码|一区二区|国产精品|精品视频|亚洲av|日韩av|av网址|av在线|成人视频|"
                        r"色综合|自拍偷拍|午夜福利|久久精品|免费视频在线|黑料|百家乐|真人赌场",
                        re.IGNORECASE)
#: A spam title line is a keyword run, not prose: at most this long.
_MAX_SPAM_CHARS = 300


def _is_spam(line: str) -> bool:
    return len(line) <= _MAX_SPAM_CHARS and len(_SPAM_WORD.findall(line)) >= 2


def drop_boilerplate(text: str) -> tuple[str, list[Change]]:
    """Drop web boilerplate lines: copyright, share, editor and site footer lines, and the
    keyword-spam titles of hijacked pages.

    >>> drop_boilerplate("正文。\\n版权所有:某网站\\n分享让更多人看到")[0]
    '正文。\\n'
    """
    dropped = [(start, end) for start, end, line in line_spans(text)
               if (len(line) <= _MAX_BOILERPLATE_CHARS and _BOILERPLATE.match(line))
               or _is_spam(line)]
    return delete_spans(text, merge_line_spans(text, dropped))


#: A line break between two parts of a word: after a character, comma or digit, before a
#: character (or before a digit, when not after one: "共3\n2023年" stays apart).
_BROKEN_LINE = re.compile(rf"(?<=[{CJK}，、,])\n\s*(?=[{CJK}\d])|(?<=\d)\n\s*(?=[{CJK}])")
_SENTENCE_INSIDE = re.compile(r"[。！？!?；;]")
#: A line shorter than this without a full stop inside is a heading or caption, not a
#: paragraph broken by a scraper.
_MIN_BROKEN_LINE_CHARS = 60


def join_broken_lines(text: str) -> tuple[str, list[Change]]:
    """Rejoin a paragraph that a scraper broke in the middle of a word.

    A break counts as broken when the line before it is prose (a sentence ended inside it,
    or 60+ characters with a comma; a heading is short and has no full stop) ending without
    sentence punctuation, and the next line goes on with a character or a number.

    >>> join_broken_lines("法规政策不断完善。强化法治意识,健\\n\\n全完善妇女儿童地方政策法规体系")[0]
    '法规政策不断完善。强化法治意识,健全完善妇女儿童地方政策法规体系'
    >>> join_broken_lines("这十年,妇女儿童发展环境日益优化\\n组织领导坚强有力。")[1]
    []
    """
    spans = []
    for m in _BROKEN_LINE.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if _SENTENCE_INSIDE.search(line) or (len(line) >= _MIN_BROKEN_LINE_CHARS
                                              and re.search(r"[，、,]", line)):
            spans.append(m.span())
    return delete_spans(text, spans)


#: A table's label spread over its cell with blanks, opening a line (after a 【section】
#: header, if any) before a colon: 主  席：, 秘 书 长：.
_SPACED_LABEL = re.compile(rf"^(?:【[^】\n]{{1,12}}】)?[ \t\u3000]*[{CJK}](?:[ \t\u3000]+[{CJK}]){{1,3}}"
                           r"[ \t\u3000]*[:：]", re.M)
_BLANKS = re.compile(r"[ \t\u3000]+")


def join_spaced_labels(text: str) -> tuple[str, list[Change]]:
    """Close up a label a table spreads over its cell (主  席：甲 -> 主席：甲), so that the
    post it names is read as one word; the blanks before it stay.

    >>> join_spaced_labels("【领导成员】\\n主  席:甲\\n秘 书 长:乙")[0]
    '【领导成员】\\n主席:甲\\n秘书长:乙'
    >>> join_spaced_labels("地址 电话:123")[1]
    []
    """
    spans = []
    for label in _SPACED_LABEL.finditer(text):
        first = re.search(rf"[{CJK}]", text[label.start():label.end()]).start() + label.start()
        spans += [m.span() for m in _BLANKS.finditer(text, first, label.end())]
    return delete_spans(text, spans)
