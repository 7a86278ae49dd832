"""Bytes to text: byte-order marks, UTF-8 with a few corrupt bytes, UTF-16 without a mark,
legacy Chinese encodings (GB18030, Big5), binary files refused."""
from __future__ import annotations

import codecs
import re
import warnings
from functools import cache
from pathlib import Path

from ..errors import InputError, InputWarning
from .script import to_simplified


#: Refuse documents larger than this many bytes (128 MiB), before reading them, so that a
#: runaway file cannot eat the machine's memory. One document's distinct text takes about 25 to
#: 50 times its size at the peak (``benchmarks/bench.py --single-file``: 654 MiB for 10 MB, 904
#: MiB for 20 MB, about 250 MiB of it the rules), a body repeated in it only once: split large
#: texts of distinct content into several files.
MAX_DOCUMENT_BYTES = 128 * 1024 * 1024

#: How many corrupt byte sequences a UTF-8 (or Big5, GB18030) file may hold and still be read (each replaced by
#: U+FFFD and reported with its byte offset); more means the file is not UTF-8 at all.
MAX_REPLACED_SEQUENCES = 16


#: Byte-order marks, the codec each announces and the encoding name reported (UTF-32 first:
#: its little-endian mark starts with UTF-16's).
_BOMS = ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))
#: Unambiguous starts of binary formats (PNG, ZIP/Office, PDF, JPEG, GIF, ELF, gzip, xz, RAR,
#: 7-Zip, old Office); other binaries hold NUL bytes early, which is checked too.
_BINARY_SIGNATURES = (b"\x89PNG", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-", b"\xff\xd8\xff",
                      b"GIF87a", b"GIF89a", b"\x7fELF", b"\x1f\x8b", b"\xfd7zXZ", b"Rar!\x1a",
                      b"7z\xbc\xaf", b"\xd0\xcf\x11\xe0")
#: C0 and C1 control characters other than line breaks and tabs: no text holds them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
#: Legacy encodings tried when a file is not UTF-8, with the name reported for each: Big5 as
#: Hong Kong extends it (HKSCS) and as Windows does (code page 950: €, ‧ in Taiwan's pages).
_LEGACY = (("gb18030", "gb18030"), ("big5hkscs", "big5"), ("cp950", "big5"))
#: UTF-16 without a mark, tried with them when the file has an even length: Chinese text
#: without ASCII in it has no NUL byte to tell it by (``_utf16_without_bom``).
_UTF16 = (("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"))


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes, detecting UTF-8/16/32 (BOM), GB18030/GBK and Big5.

    Parameters
    ----------
    data : bytes
        The whole file.
    path : str or Path
        Names the file in errors and warnings.

    Returns
    -------
    text : str
        The decoded text (a BOM is not part of it).
    encoding : str
        ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32``, ``gb18030`` or ``big5``.

    Raises
    ------
    InputError
        Binary data, or bytes that no supported encoding reads.

    Notes
    -----
    An incomplete UTF-8 character at the very end (a truncated download) is dropped, and up to
    ``MAX_REPLACED_SEQUENCES`` corrupt sequences in otherwise valid UTF-8 become U+FFFD; both
    are reported as ``InputWarning`` with their byte offsets.

    >>> decode_bytes("内蒙古".encode("gb18030"))
    ('内蒙古', 'gb18030')
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(path, f"document is {len(data)} bytes, above the "
                               f"{MAX_DOCUMENT_BYTES}-byte limit per document")
    for bom, codec, reported in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom):], codec, path, len(bom)), reported
    if _looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16:
            return _decode_unicode(data, utf16, path, 0), "utf-16"
        raise InputError(path, "binary file, not text (NUL bytes or a known binary signature)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    cut_short = first_error.reason in _TRUNCATED and first_error.end == len(data)
    if cut_short or _mostly_utf8(data):
        return _decode_unicode(data, "utf-8", path, 0), "utf-8"
    mixed = _utf8_with_legacy_lines(data, path)
    if mixed is not None:
        return mixed, "utf-8"
    return _decode_legacy(data, path, first_error)


def _decode_legacy(data: bytes, path, first_error: UnicodeDecodeError) -> tuple[str, str]:
    """Bytes that are not UTF-8 read in the legacy encoding (or UTF-16 without a mark) that
    gives the most plausible Chinese text; failing that, the one that does with a few corrupt
    byte sequences replaced and reported, as in UTF-8 (a scraped Big5 page with a stray byte:
    judged in simplified script, which the common characters are); or, a short text with a bad
    byte, still as UTF-8."""
    clean, repaired = [], []
    for codec, name in (*_LEGACY, *(_UTF16 if len(data) % 2 == 0 else ())):
        text = data.decode(codec, errors="replace")
        corrupt = text.count("\ufffd")
        if corrupt <= MAX_REPLACED_SEQUENCES \
                and (name != "utf-16" or not _CONTROL.search(text[:4096])):
            (repaired if corrupt else clean).append((name, codec, text))
    for found, judged in ((clean, str), (repaired, lambda text: to_simplified(text)[0])):
        ranked = sorted((-_cjk_plausibility(judged(text)), name, codec, text)
                        for name, codec, text in found)
        if ranked and -ranked[0][0] >= 0.5:
            _, name, codec, text = ranked[0]
            return (_decode_unicode(data, codec, path, 0) if found is repaired else text), name
    if _mostly_utf8(data, ratio=1):     # a short text with a bad byte: still UTF-8
        return _decode_unicode(data, "utf-8", path, 0), "utf-8"
    raise InputError(path, "not UTF-8, UTF-16, GB18030 or Big5 text "
                           f"(undecodable byte at offset {first_error.start})")


#: How the codecs say that the data stops in the middle of a character.
_TRUNCATED = ("unexpected end of data", "truncated data")


def _decode_unicode(data: bytes, encoding: str, path, skipped: int) -> str:
    """Decode with a Unicode encoding, tolerating a truncated end and a few corrupt bytes.

    ``skipped`` is the length of the BOM already cut off, so reported offsets are the file's.
    """
    parts, corrupt, pos = [], [], 0
    while True:
        try:
            parts.append(data[pos:].decode(encoding))
            break
        except UnicodeDecodeError as exc:
            start, end = pos + exc.start, pos + exc.end
            parts.append(data[pos:start].decode(encoding))
            if exc.reason in _TRUNCATED and exc.end == len(data) - pos:
                warnings.warn(InputWarning(path, f"incomplete {encoding} character at the "
                                                 f"end (byte offset {start + skipped}) dropped"))
                break
            corrupt.append(start + skipped)
            if len(corrupt) > MAX_REPLACED_SEQUENCES:
                raise InputError(path, f"not valid {encoding}: more than "
                                       f"{MAX_REPLACED_SEQUENCES} corrupt byte sequences "
                                       f"(first at byte offset {corrupt[0]})") from None
            parts.append("\ufffd")
            pos = end
    if corrupt:
        shown = ", ".join(map(str, corrupt))
        warnings.warn(InputWarning(path, f"{len(corrupt)} corrupt {encoding} byte sequence(s) "
                                         f"replaced by U+FFFD at byte offset(s) {shown}"))
    return "".join(parts)


def _mostly_utf8(data: bytes, ratio: int = 10) -> bool:
    """Valid UTF-8 but for a few corrupt sequences (rather than a legacy encoding)?

    A legacy-encoded file read as UTF-8 has almost no valid multi-byte characters, so a
    corrupt UTF-8 file is one with ``ratio`` times more of them than of replacement characters
    (ten; one when no legacy encoding reads the file either).
    """
    text = data.decode("utf-8", errors="replace")
    corrupt = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - corrupt
    return corrupt <= MAX_REPLACED_SEQUENCES and multibyte >= ratio * max(corrupt, 1)


def _utf8_with_legacy_lines(data: bytes, path) -> str | None:
    """A UTF-8 file with a few lines pasted in GB18030 (GBK): each such line decoded as
    GB18030 and reported; None when the file is not that (no valid UTF-8 line with Chinese,
    or a bad line that GB18030 does not read as plausible Chinese either)."""
    lines, legacy, utf8_text = [], [], False
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            text = line.decode("utf-8")
            utf8_text = utf8_text or not text.isascii()
        except UnicodeDecodeError:
            try:
                text = line.decode("gb18030")
            except UnicodeDecodeError:
                return None
            if _cjk_plausibility(text) < 0.5:
                return None
            legacy.append(number)
        lines.append(text)
    if not utf8_text or len(legacy) > MAX_REPLACED_SEQUENCES:
        return None
    shown = ", ".join(map(str, legacy))
    warnings.warn(InputWarning(path, f"{len(legacy)} line(s) in GB18030 among UTF-8 text, "
                                     f"decoded as GB18030: line(s) {shown}"))
    return "".join(lines)


def _looks_binary(data: bytes) -> bool:
    return data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the file reads as plausible text in it, else None.

    ASCII characters put a NUL in every high byte, so the side with more NUL bytes is tried
    first; Chinese text without ASCII has a few NUL low bytes (U+4E00) on the other side.
    """
    if len(data) % 2:
        return None
    head = data[:8192]
    order = ("utf-16-le", "utf-16-be")
    if head[0::2].count(0) > head[1::2].count(0):
        order = order[::-1]
    for name in order:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _cjk_plausibility(text) >= 0.5 and not _CONTROL.search(text[:4096]):
            return name
    return None


@cache
def _common_chars() -> frozenset[str]:
    # Characters frequent in both scripts; a wrong legacy decoding yields rare ones.
    return frozenset("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可"
                     "主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家"
                     "电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
                     "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
                     "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并"
                     "提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少"
                     "图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取"
                     "据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受"
                     "联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至"
                     "达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
                     "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿"
                     "千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号"
                     "率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适"
                     "属圆包火住调满县局照参红细引听该铁价严妇女蒙古旗盟乡镇村會員國發區聯們於這"
                     "時對學經過個來當為與後從實動關進業產種說開還會長問題點現務應頭體機")


def _cjk_plausibility(text: str) -> float:
    """How much a decoded text looks like real Chinese (1.0 for plain ASCII; below 0.5 is junk)."""
    sample = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not sample:
        return 1.0 if text.isascii() else 0.0
    common = _common_chars()
    return sum(c in common for c in sample) / len(sample) * 2.5
