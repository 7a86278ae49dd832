"""Input files: their ids, their bytes (refused before reading when too large), HTML pages."""
from __future__ import annotations

import codecs
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


def looks_like_html(data: bytes) -> bool:
    """Whether bytes without a file name (standard input) are an HTML page: they open with
    ``<!DOCTYPE html>`` or ``<html>`` (after a byte-order mark, spaces or comments)."""
    return bool(_HTML_START.match(data.removeprefix(codecs.BOM_UTF8)[:4096]))


def html_main_text(page: str, path: str | Path = "<html>") -> str:
    """The main text of an HTML page, boilerplate dropped (menus, footers, scripts, links
    lists), one paragraph a line, by trafilatura.

    Raises
    ------
    InputError
        The page has no main text.
    """
    import trafilatura  # slow to import (about 1.5 s): only when a page is read

    text = trafilatura.extract(page, include_comments=False, include_tables=True,
                               include_images=False, include_links=False, deduplicate=False)
    if not text or not text.strip():
        raise InputError(path, "HTML page without main text (only navigation or boilerplate)")
    return text
