"""Steps: line breaks and HTML markup."""
from __future__ import annotations

import html
import re

from .changes import Change


_NEWLINES = str.maketrans("\r\x0b\x0c\x85\u2028\u2029", "\n\n\n\n\n\n")
_OTHER_NEWLINE = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")


def normalize_newlines(text: str) -> tuple[str, list[Change]]:
    """``\\r\\n``, lone ``\\r`` and the other line/page separators become ``\\n``.

    >>> normalize_newlines("a\\r\\nb\\rc")
    ('a\\nb\\nc', [(1, 3, 1)])
    """
    if not _OTHER_NEWLINE.search(text):
        return text, []
    changes = [(m.start(), m.end(), 1) for m in re.finditer("\r\n", text)]
    return text.replace("\r\n", "\n").translate(_NEWLINES), changes


_HTML_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_HTML_SCRIPT = r"<(?P<code>script|style)\b[^>]*>.*?</(?P=code)\s*>|<!--.*?-->|<![A-Za-z][^<>]*>"
#: Elements that end a line, and elements inside a line; a page hijacked or templated by a
#: content system leaves any of them (fieldset, menu, strike, Word's o:p …), so the lists
#: hold the HTML element names, not only the common ones.
_HTML_BLOCKS = ("address|article|aside|blockquote|body|br|caption|center|dd|details|dialog|div|"
                "dl|dt|fieldset|figcaption|figure|footer|form|frame|h[1-6]|head|header|hr|html|"
                "legend|li|main|menu|nav|ol|p|pre|section|summary|table|tfoot|thead|title|tr|ul")
_HTML_INLINES = ("a|abbr|audio|b|base|big|button|cite|code|col|colgroup|del|em|embed|font|i|"
                 "iframe|img|input|ins|kbd|label|link|mark|meta|nobr|noscript|object|"
                 "o:p|option|param|picture|q|s|samp|select|small|source|span|strike|strong|"
                 "sub|sup|tbody|td|textarea|th|time|tt|u|var|video|wbr")
_HTML_BLOCK_TAG = rf"</?(?:{_HTML_BLOCKS})\b[^<>]{{0,500}}>"
_HTML_INLINE_TAG = rf"</?(?:{_HTML_INLINES})(?![\w:])[^<>]{{0,500}}>"
_HTML = re.compile(f"(?P<script>{_HTML_SCRIPT})|(?P<block>{_HTML_BLOCK_TAG})|"
                   f"(?P<inline>{_HTML_INLINE_TAG})|(?P<entity>{_HTML_ENTITY})",
                   re.IGNORECASE | re.DOTALL)


def strip_html(text: str) -> tuple[str, list[Change]]:
    """Markup a scraper left behind: entities decoded, common tags and scripts removed.

    Block tags (``<br>``, ``<p>``, ``<div>`` …) become line breaks, inline tags disappear,
    ``<script>`` and ``<style>`` go with their content, as do comments and ``<!DOCTYPE>``;
    ``<`` in prose stays.

    >>> strip_html("妇联&nbsp;主席<br/>王芳<span class=x>在</span>&#21628;和浩特&lt;")[0]
    '妇联\\xa0主席\\n王芳在呼和浩特<'
    """
    if "<" not in text and "&" not in text:
        return text, []
    parts, changes, pos = [], [], 0
    for m in _HTML.finditer(text):
        if m.lastgroup == "entity":
            replacement = html.unescape(m.group())
            if replacement == m.group():        # not an entity after all: &bogus;
                continue
        else:
            replacement = "\n" if m.lastgroup == "block" else ""
        parts.append(text[pos:m.start()])
        parts.append(replacement)
        changes.append((m.start(), m.end(), len(replacement)))
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), changes


#: CJK radical forms NFKC leaves alone, and the ordinary characters they stand for
