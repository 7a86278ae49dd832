r"""Control characters in what kg writes: terminal escape codes in a name stay inert.

Names in a graph kg builds hold no control characters (normalisation removes them), but the
original text kept as evidence (``oa:exact``, ``oa:prefix``) and a graph read from someone
else's Turtle may: ``ESC [ 31 m`` colours a terminal, ``ESC ] 0 ;`` retitles it, and some
terminals act on the one-character C1 forms (U+009B) too, when a query's answer or an exported
CSV or JSON file is printed. Each writer passes its text through
:func:`neutralise` in its format's style, which writes C0 controls other than tab, line feed
and carriage return, DEL and the C1 controls (U+0080-U+009F) as the format's own escape where
it has one, so that a reader gets the same value back, and replaces them where it has none:

============================================  ==============================================
format                                        a control character becomes
============================================  ==============================================
JSON, Turtle, N-Triples, SPARQL TSV           ``\u001B``: the same value read back
XML (SPARQL XML results, GraphML, GEXF)       ``&#x9B;`` for DEL and C1 (the same value);
                                              U+FFFD for C0, which XML 1.0 cannot hold
CSV (SPARQL CSV results, ``kg export csv``)   U+FFFD: CSV has no escapes
what the command line prints (``shown``)      ``\x1b``, as Python writes it
============================================  ==============================================

The tables of ``kg query`` show every unprintable character so (``\x1b``, ``\u202e``).
Tab, line feed and carriage return are left to each writer, which quotes or escapes them.
"""
from __future__ import annotations

import re

#: Controls a terminal may act on: C0 but tab, line feed and carriage return; DEL; C1.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: The same in UTF-8 (0xC2 is a lead byte, so 0xC2 0x80-0x9F is always U+0080-U+009F).
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")

_STYLES = {
    "json": lambda char: f"\\u{ord(char):04X}",
    "xml": lambda char: f"&#x{ord(char):X};" if ord(char) >= 0x7F else "\ufffd",
    "csv": lambda char: "\ufffd",
    "shown": lambda char: char.encode("unicode_escape").decode("ascii"),
}


def neutralise(text: str, style: str) -> str:
    r"""``text`` with its control characters written in ``style`` (see the module docstring).

    Parameters
    ----------
    text : str
        Text to write: a value, or a whole document in the format.
    style : {"json", "xml", "csv", "shown"}
        ``json`` fits any text whose control characters all sit inside JSON strings, Turtle
        or N-Triples literals or IRIs, or SPARQL TSV terms; ``xml`` any XML whose control
        characters are all in text or attribute values; ``csv`` a cell; ``shown`` what is
        printed for a person to read.

    Returns
    -------
    str
        ``text`` itself when it holds no control character.

    Examples
    --------
    >>> print(neutralise("王\x1b[31m芳\x9b", "json"))
    王\u001B[31m芳\u009B
    >>> print(neutralise("王\x1b[31m芳\x9b", "xml"))
    王�[31m芳&#x9B;
    >>> neutralise("王\t芳\x07", "csv") == "王\t芳\ufffd"
    True
    """
    if not CONTROLS.search(text):
        return text
    replace = _STYLES[style]
    return CONTROLS.sub(lambda match: replace(match.group()), text)


def neutralise_bytes(data: bytes, style: str) -> bytes:
    """:func:`neutralise` on UTF-8 bytes (``data`` itself when it holds no control character).

    Examples
    --------
    >>> neutralise_bytes("王\x9b".encode(), "xml").decode()
    '王&#x9B;'
    """
    if not _CONTROL_BYTES.search(data):
        return data
    return neutralise(data.decode("utf-8"), style).encode("utf-8")
