"""The ``normalize`` stage: bytes from a scraped file to clean simplified text with an offset map.

Every step is a small named function ``step(text) -> (text, changes)``. ``changes`` lists, in
order, the spans ``(start, end, length)`` of the step's input that were replaced by ``length``
characters; characters outside those spans keep their position relative to their neighbours,
and a replacement of the same length (full-width comma to comma, traditional to simplified
character) needs no entry. An empty list therefore says "no character moved" at no cost. The
changes of all steps compose into one map from the normalised text back to the decoded
original, so a span found by extraction always points back into the file a user can open.

Problems that kg works around (an incomplete character at the end of a file, a few corrupt
bytes) are reported with ``warnings.warn(InputWarning(...))``; the pipeline collects them.
"""
from __future__ import annotations

import hashlib
import re
import warnings
from array import array
from pathlib import Path
from typing import Iterable

from ..errors import InputError, InputWarning
from ..model import Document
from .changes import OFFSET_TYPECODE, Change, apply_changes
from .cleanup import (drop_boilerplate, drop_repeated_paragraphs, join_broken_lines,
                      join_spaced_labels)
from .decode import MAX_DOCUMENT_BYTES, MAX_REPLACED_SEQUENCES, decode_bytes
from .files import HTML_SUFFIXES, document_id, html_main_text, looks_like_html, read_bytes
from .markup import normalize_newlines, strip_html
from .script import normalize_unicode, strip_pinyin_glosses, to_simplified
from .sentences import MAX_SENTENCE_CHARS, split_sentences

__all__ = ["Change", "HTML_SUFFIXES", "MAX_DOCUMENT_BYTES", "MAX_REPLACED_SEQUENCES",
           "MAX_SENTENCE_CHARS", "OFFSET_TYPECODE", "STEPS", "apply_changes", "decode_bytes",
           "document_id", "drop_boilerplate", "drop_repeated_paragraphs", "html_main_text",
           "join_broken_lines", "looks_like_html", "make_document", "normalize_newlines",
           "normalize_text", "normalize_unicode", "original_forms", "read_bytes", "read_document",
           "split_sentences", "strip_html", "strip_pinyin_glosses", "to_simplified"]


#: The normalisation steps, in order, after decoding.
STEPS = (normalize_newlines, strip_html, normalize_unicode, strip_pinyin_glosses, to_simplified,
         drop_repeated_paragraphs, drop_boilerplate, join_broken_lines, join_spaced_labels)


def normalize_text(text: str) -> tuple[str, array]:
    """Run every step; return the normalised text and its map into ``text``.

    Parameters
    ----------
    text : str
        Decoded text.

    Returns
    -------
    clean : str
        The normalised text.
    index : array
        ``index[i]`` is the position in ``text`` that ``clean[i]`` came from, with one final
        entry ``len(text)``; non-decreasing.

    >>> clean, index = normalize_text("自治區(qū)婦聯(lián)主席")
    >>> clean
    '自治区妇联主席'
    >>> index[2], index[3]
    (2, 7)
    """
    index = array(OFFSET_TYPECODE, range(len(text) + 1))
    for step in STEPS:
        text, changes = step(text)
        if changes:
            index = apply_changes(index, changes)
    return text, index


def read_document(path: str | Path) -> Document:
    """Read, decode and normalise one file into a ``Document`` (see ``make_document``).

    Raises
    ------
    InputError
        The file is missing, unreadable, not a regular file, above ``MAX_DOCUMENT_BYTES``,
        binary, undecodable or without text.
    """
    return make_document(read_bytes(path), path)


_WORD = re.compile(r"[^\W_]")


def make_document(data: bytes, path: str | Path, doc_id: str | None = None,
                  html: bool | None = None) -> Document:
    """Build a ``Document`` from raw bytes (``path`` names it in errors and provenance).

    An HTML page (``html``; by default a name ending in ``.html`` or ``.htm``) is reduced to
    its main text first (``html_main_text``): that extracted text is the document's
    ``text_original``, so evidence offsets count characters of the extracted text, not of
    the page's markup.

    Raises
    ------
    InputError
        Binary or undecodable bytes, an empty file, or one without a letter or digit after
        normalisation (only whitespace, punctuation or boilerplate).
    """
    path = Path(path)
    if not data:
        raise InputError(path, "empty file")
    original, encoding = decode_bytes(data, path)
    if "\x00" in original:     # past the first 8 KB checked for binary data: no text's
        warnings.warn(InputWarning(path, f"{original.count(chr(0))} NUL character(s) removed"))
        original = original.replace("\x00", "")
    if path.suffix.lower() in HTML_SUFFIXES if html is None else html:
        original = html_main_text(original, path)
    text, index = normalize_text(original)
    if not _WORD.search(text):
        raise InputError(path, "no text: only whitespace, punctuation or web boilerplate")
    return Document(
        id=doc_id or document_id(path),
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        text_original=original,
        text=text,
        offset_map=index,
        sentences=split_sentences(text),
        encoding=encoding,
    )


def original_forms(document: Document,
                   spans: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """How the original file writes each span ``(start, end)`` of the normalised text: in its
    own script (traditional stays traditional), pinyin glosses dropped, Unicode forms
    normalised (invisible and control characters are no script of their own).

    >>> document = make_document("婦聯(fù lián)主席".encode(), "a.txt")
    >>> document.text, original_forms(document, [(0, 2)])
    ('妇联主席', {(0, 2): '婦聯'})
    """
    forms = {}
    for start, end in spans:
        first, last = document.original_span(start, end)
        original = strip_pinyin_glosses(document.text_original[first:last])[0]
        forms[(start, end)] = normalize_unicode(original)[0]
    return forms
