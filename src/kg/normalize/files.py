"""Input files: their ids, their bytes (refused before reading when too large), HTML pages."""
from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from pathlib import Path

from ..errors import InputError
from .decode import MAX_DOCUMENT_BYTES


def document_id(path: Path) -> str:
    """A document's id: its file name without the extension.

    Bytes of the name that are not UTF-8 (a file named on a system with another encoding)
    are spelled ``\\xNN``, so that the id is valid text.
    """
    return os.fsencode(path.stem).decode("utf-8", errors="backslashreplace")


def read_bytes(path: str | Path) -> bytes:
    """The bytes of one input file, refused before reading when it is not a regular file or
    is above ``MAX_DOCUMENT_BYTES``.

    Raises
    ------
    InputError
        The file is missing, unreadable, not a regular file or too large.
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file")
        if info.st_size > MAX_DOCUMENT_BYTES:
            raise InputError(path, f"document is {info.st_size} bytes, above the "
                                   f"{MAX_DOCUMENT_BYTES}-byte limit per document")
        with open(path, "rb") as handle:
            return handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise InputError(path, reason) from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


#: File name endings of HTML pages (any letter case), read through ``html_main_text``.
HTML_SUFFIXES = (".html", ".htm")

_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)


#: Elements that end a line of a page's main text.
_BLOCK_TAGS = ("p", "div", "br", "tr", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
               "table", "ul", "ol", "dl", "pre", "blockquote", "section", "article", "header",
               "footer", "figcaption", "hr")
#: Characters a paragraph needs to count as text (readability's default, 25, is for English:
#: a Chinese heading, a dateline or a one-sentence notice is shorter).
_MIN_PARAGRAPH = 10
#: Characters XML cannot hold, which lxml refuses as an element's text: C0 controls other
#: than tab and line breaks, U+FFFE and U+FFFF; in a page as they are or as a numeric
#: character reference (``&#x1b;``).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")

# readability logs a page it cannot read, which is kg's to report (one line, InputError)
logging.getLogger("readability").addHandler(logging.NullHandler())


def looks_like_html(data: bytes) -> bool:
    """Whether bytes without a file name (standard input) are an HTML page: they open with
    ``<!DOCTYPE html>`` or ``<html>`` (after a byte-order mark, spaces or comments)."""
    return bool(_HTML_START.match(data.removeprefix(codecs.BOM_UTF8)[:4096]))


def html_main_text(page: str, path: str | Path = "<html>") -> str:
    """The main text of an HTML page, boilerplate dropped (menus, headers, footers, link
    lists, scripts, styles), one paragraph or table row a line.

    readability-lxml (a port of Mozilla's Readability, the browsers' reader view) finds the
    article; its text is then read with lxml as the page writes it, a line for each block
    and table row: text-conversion libraries put spaces between inline elements
    (``由<a>市妇联</a>主办`` → ``由 市妇联 主办``), which splits Chinese words.

    Raises
    ------
    InputError
        The page has no main text.
    """
    import lxml.etree
    from readability import Document  # slow to import (lxml, its cleaner): only for pages
    from readability.readability import Unparseable

    try:
        root = _parse_html(_xml_safe(page))
    except lxml.etree.ParserError:      # nothing in it
        raise InputError(path, "HTML page without main text (empty)") from None
    for division in root.iter("div"):
        _wrap_inline_runs(division)
    try:
        article = Document(root, min_text_length=_MIN_PARAGRAPH).summary(html_partial=True)
    except Unparseable:     # no article found
        article = ""
    text = "\n".join(_text_lines(article))
    if not text:
        raise InputError(path, "HTML page without main text (only navigation or boilerplate)")
    return text


def _xml_safe(page: str) -> str:
    """The page without the characters XML cannot hold, written or referenced (a vertical
    tab or form feed is a space; others, terminal escapes, are dropped).

    >>> _xml_safe("妇联&#x1b;[31m主席\x0c王芳&#12;&amp;&#x4E2D;")
    '妇联[31m主席 王芳 &amp;&#x4E2D;'
    """
    def unless_allowed(match: re.Match) -> str:
        code = int(match[1], 16) if match[1] else int(match[2])
        forbidden = code <= 0x10FFFF and _NOT_XML.fullmatch(chr(code))
        return _replacement(chr(code)) if forbidden else match[0]

    return _NOT_XML.sub(lambda m: _replacement(m[0]), _NUMERIC_REFERENCE.sub(unless_allowed, page))


def _replacement(character: str) -> str:
    return " " if character in "\x0b\x0c" else ""


def _parse_html(page: str):
    """The lxml tree of a page (an ``encoding`` it declares is not read: the text is decoded)."""
    import lxml.html

    return lxml.html.document_fromstring(page.encode("utf-8"),
                                         parser=lxml.html.HTMLParser(encoding="utf-8"))


def _wrap_inline_runs(division) -> None:
    """Put each run of text and inline elements (a link, a bold word) of a ``<div>`` that
    also holds blocks into a ``<p>`` of its own, ended by a block or a ``<br>``, as a browser
    shows it; readability would make the text after a block and the inline element after it
    two paragraphs (``望受表彰家庭`` / ``<b>珍惜</b>荣誉``), cutting the sentence."""
    import lxml.html

    children = list(division)
    if not any(child.tag in _BLOCK_TAGS and child.tag != "br" for child in children):
        return      # readability reads such a division as one paragraph
    run = None
    if division.text and division.text.strip():
        run = lxml.html.Element("p")
        run.text, division.text = division.text, None
        division.insert(0, run)
    for child in children:
        if child.tag in _BLOCK_TAGS:
            run = None
            if child.tail and child.tail.strip():
                run = lxml.html.Element("p")
                run.text, child.tail = child.tail, None
                child.addnext(run)
        else:
            if run is None:
                run = lxml.html.Element("p")
                child.addprevious(run)
            run.append(child)       # with its tail


def _text_lines(article: str) -> list[str]:
    """The text of an HTML fragment as the page writes it, a line for each block and table
    row (cells apart by a space), spaces collapsed, empty lines left out."""
    import lxml.etree

    try:
        root = _parse_html(article)
    except lxml.etree.ParserError:      # nothing in it
        return []
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    for cell in root.iter("td", "th"):
        cell.tail = " " + (cell.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return [line for line in lines if line]
