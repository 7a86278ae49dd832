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

import codecs
import hashlib
import html
import os
import re
import stat
import unicodedata
import warnings
from array import array
from functools import cache, lru_cache
from pathlib import Path

from .errors import InputError, InputWarning
from .model import Document

#: Refuse documents larger than this many bytes (128 MiB), before reading them, so that a
#: runaway file cannot eat the machine's memory. One document's distinct text takes about 25 to
#: 50 times its size at the peak (``benchmarks/bench.py --single-file``: 654 MiB for 10 MB, 904
#: MiB for 20 MB, about 250 MiB of it the rules), a body repeated in it only once: split large
#: texts of distinct content into several files.
MAX_DOCUMENT_BYTES = 128 * 1024 * 1024

#: A sentence longer than this many characters is cut at a comma or space (or hard) so that
#: a page with no punctuation still gives evidence of a readable size.
MAX_SENTENCE_CHARS = 1000

#: How many corrupt byte sequences a UTF-8 file may hold and still be read (each replaced by
#: U+FFFD and reported with its byte offset); more means the file is not UTF-8 at all.
MAX_REPLACED_SEQUENCES = 16

#: Offsets are C ints: 4 bytes a character, enough for any document under the size limit.
OFFSET_TYPECODE = "i"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# A change: ``(start, end, length)``: input span ``[start, end)`` became ``length`` characters.
Change = tuple[int, int, int]


# ------------------------------------------------------------------ bytes -> text
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
#: Legacy encodings tried when a file is not UTF-8, with the name reported for each.
_LEGACY = (("gb18030", "gb18030"), ("big5hkscs", "big5"))


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
    candidates = []
    for codec, name in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((-_cjk_plausibility(text), name, text))
    candidates.sort(key=lambda c: c[:2])
    if not candidates or -candidates[0][0] < 0.5:
        if _mostly_utf8(data, ratio=1):     # a short text with a bad byte: still UTF-8
            return _decode_unicode(data, "utf-8", path, 0), "utf-8"
        raise InputError(path, "not UTF-8, UTF-16, GB18030 or Big5 text "
                               f"(undecodable byte at offset {first_error.start})")
    _, name, text = candidates[0]
    return text, name


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
    """``utf-16-le``/``-be`` when the NUL bytes are mostly high bytes of text, else None.

    ASCII characters put a NUL in every high byte; CJK ones rarely have a NUL low byte.
    """
    head = data[:8192]
    if len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for name, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 4 * others:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            plausible = _cjk_plausibility(text) >= 0.5 and not _CONTROL.search(text[:4096])
            return name if plausible else None
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


# ------------------------------------------------------------------ offset maps
def _apply_changes(index: array, changes: list[Change]) -> array:
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


def _delete_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[Change]]:
    """Remove the sorted, non-overlapping ``spans`` from ``text``."""
    if not spans:
        return text, []
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts), [(start, end, 0) for start, end in spans]


def _line_spans(text: str):
    """Yield ``(start, end, line)`` for each line (``end`` excludes the newline)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _merge_line_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of whole lines, each with its newline, adjacent ones merged."""
    spans: list[tuple[int, int]] = []
    for start, end in lines:
        end = min(end + 1, len(text))
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


# ------------------------------------------------------------------ steps
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
#: (PDF extraction often yields ``⻄部`` for ``西部``).
_RADICAL_FOLD = dict(zip(
    "⺄⺅⺉⺌⺎⺒⺓⺖⺗⺘⺙⺝⺠⺡⺣⺧⺨⺩⺫⺭⺰⺲⺶⺻⺼⺾⻁⻂⻄⻅⻆⻈⻉⻋⻌⻏⻐⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲",
    "乙亻刂小兀巳幺忄㣺扌攵月民氵灬牛犭王目礻纟罒羊聿月艹虎衤西见角讠贝车辶阝钅長长门雨青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀"))
#: Zero-width, joiner and bidirectional control characters: invisible, dropped.
_INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                       "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
#: Characters that NFKC keeps but this step changes (plus lone surrogates).
_FOLDED = re.compile("[" + "".join(sorted(_INVISIBLE | set(_RADICAL_FOLD)))
                     + "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def _fold_char(char: str) -> str:
    """One character's replacement before NFKC composes neighbours."""
    if char in _INVISIBLE:
        return ""
    if char in _RADICAL_FOLD:
        return _RADICAL_FOLD[char]
    category = unicodedata.category(char)
    if category == "Cc" and char not in "\n\t":
        return " "
    if category == "Cs":
        return "\ufffd"
    return unicodedata.normalize("NFKC", char)


def _combines(char: str) -> bool:
    """May ``char`` combine with the character before it (a mark, a Hangul vowel or final)?"""
    return unicodedata.combining(char) != 0 or "\u1160" <= char <= "\u11ff"


def _unstable(char: str) -> bool:
    """Does NFKC or folding change ``char`` or may it combine with its neighbour?"""
    return _fold_char(char) != char or _combines(char)


def normalize_unicode(text: str) -> tuple[str, list[Change]]:
    """NFKC, CJK radical forms folded, invisible characters dropped, controls made spaces.

    Only the runs of characters that change are rewritten, so a clean text costs one scan.
    The rare scripts whose letters compose without a combining mark (some Indic vowel signs)
    are normalised a whole line at a time instead.

    >>> normalize_unicode("⻄部（２０２３）")[0]
    '西部(2023)'
    """
    if unicodedata.is_normalized("NFKC", text) and not _FOLDED.search(text):
        return text, []
    one_to_one, in_context = {}, []
    for char in set(text):
        if _unstable(char):
            folded = _fold_char(char)
            if len(folded) == 1 and not _unstable(folded) and not _combines(char):
                one_to_one[char] = folded
            else:
                in_context.append(re.escape(char))
    clean, changes = text, []
    if one_to_one:          # full-width punctuation and the like: no character moves
        pattern = re.compile("[" + "".join(map(re.escape, sorted(one_to_one))) + "]")
        clean = pattern.sub(lambda m: one_to_one[m.group()], clean)
    if in_context:
        clean, changes = _normalize_runs(clean, "".join(sorted(in_context)))
    if unicodedata.is_normalized("NFKC", clean):
        return clean, changes
    return _normalize_lines(text)


def _normalize_one(piece: str) -> str:
    return unicodedata.normalize("NFKC", "".join(map(_fold_char, piece)))


def _normalize_runs(text: str, unstable: str) -> tuple[str, list[Change]]:
    """Rewrite each run of ``unstable`` characters, with the character before it."""
    parts, changes, pos = [], [], 0
    for m in re.finditer(f"[^{unstable}]?[{unstable}]+", text):
        start, end = m.span()
        parts.append(text[pos:start])
        pieces = [_fold_char(c) for c in m.group()]
        joined = "".join(pieces)
        composed = unicodedata.normalize("NFKC", joined)
        if composed == joined:
            changes.extend((start + i, start + i + 1, len(p))
                           for i, p in enumerate(pieces) if len(p) != 1)
        elif len(composed) != end - start:
            changes.append((start, end, len(composed)))
        parts.append(composed)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), changes


def _normalize_lines(text: str) -> tuple[str, list[Change]]:
    """Normalise line by line; a line that changes length is one change."""
    parts, changes = [], []
    for start, end, line in _line_spans(text):
        clean = _normalize_one(line)
        if len(clean) != len(line):
            changes.append((start, end, len(clean)))
        parts.append(clean)
    return "\n".join(parts), changes


_PINYIN_GLOSS = re.compile(rf"[(（]\s*([a-zA-Z1-5\u00c0-\u01dc' ]{{1,30}}?)\s*[)）]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ",
                          "aaaaeeeeiiiioooouuuuvvvvvaaaaeeeeiiiioooouuuu")
_INITIAL = r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])"
_SYLLABLE = re.compile(rf"{_INITIAL}?[aeiouv]{{1,3}}(?:ng|n|r)?[1-5]?")
_TONELESS_SYLLABLE = re.compile(rf"{_INITIAL}[aeiouv]{{1,3}}(?:ng|n|r)?")


@lru_cache(maxsize=4096)
def _is_gloss(body: str) -> bool:
    """Is ``body`` (the inside of brackets) pinyin: ``lián``, ``qu1``, ``nèi měng``?

    A gloss has a tone (mark or digit); a toneless one must be a single lower-case syllable
    with an initial consonant (``de``, ``men``), so ``(a)`` or ``(ii)`` in a list stay.
    """
    syllables = body.translate(_TONELESS).replace("'", " ").split()
    if not 1 <= len(syllables) <= 4:
        return False
    if body.translate(_TONELESS) != body or any(s[-1].isdigit() for s in syllables):
        return all(_SYLLABLE.fullmatch(s.lower()) for s in syllables)
    return len(syllables) == 1 and bool(_TONELESS_SYLLABLE.fullmatch(body.strip()))


def strip_pinyin_glosses(text: str) -> tuple[str, list[Change]]:
    """Remove pinyin glosses after characters, and the glosses a converter repeated after
    them (國(guo)(guo)); keep real parentheses.

    >>> strip_pinyin_glosses("婦聯(lián)在(2023)年(以下简称妇联)区（qū）國(guo)(guo)")[0]
    '婦聯在(2023)年(以下简称妇联)区國'
    """
    if "(" not in text and "（" not in text:
        return text, []
    spans: list[tuple[int, int]] = []
    for m in _PINYIN_GLOSS.finditer(text):
        start = m.start()
        follows = (start > 0 and _CJK_CHAR.match(text, start - 1)) or (
            spans and spans[-1][1] == start)
        if follows and _is_gloss(m.group(1)):
            spans.append(m.span())
    return _delete_spans(text, spans)


@cache
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, list[Change]]:
    """Traditional to simplified script with OpenCC.

    OpenCC converts character for character almost always; a line whose length changes is
    converted one character at a time so that positions stay exact.

    >>> to_simplified("內蒙古自治區婦女聯合會")
    ('内蒙古自治区妇女联合会', [])
    """
    convert = _opencc().convert
    converted = convert(text)
    if len(converted) == len(text):
        return converted, []
    parts, changes = [], []
    for start, _, line in _line_spans(text):
        simple = convert(line)
        if len(simple) != len(line):
            pieces = [convert(c) for c in line]
            changes.extend((start + i, start + i + 1, len(p))
                           for i, p in enumerate(pieces) if len(p) != 1)
            simple = "".join(pieces)
        parts.append(simple)
    return "\n".join(parts), changes


#: Paragraphs at least this long count when looking for a body that appears twice.
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
    lines = list(_line_spans(text))
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
    return _delete_spans(text, _merge_line_spans(text, dropped))


_BOILERPLATE = re.compile(
    r"\s*[(【\[]?\s*(?:版权所有|版权声明|copyright|©|技术支持|责任编辑|编辑\s*[:：]|审核\s*[:：]|"
    r"校对\s*[:：]|分享(?:到|至|让|[:：]|\s*$)|扫一扫|扫码|打印本页|关闭窗口|网站地图|联系我们|"
    r"主办单位|承办单位|备案号|.{0,30}icp备|.{0,30}公网安备|第一时间为您推送|报道全球|"
    r"关注.{1,6}网[,，]|来源\s*[:：]|原标题\s*[:：]|责编\s*[:：]|【(?:纠错|打印|关闭)】|"
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
    dropped = [(start, end) for start, end, line in _line_spans(text)
               if (len(line) <= _MAX_BOILERPLATE_CHARS and _BOILERPLATE.match(line))
               or _is_spam(line)]
    return _delete_spans(text, _merge_line_spans(text, dropped))


#: A line break between two parts of a word: after a character, comma or digit, before a
#: character (or before a digit, when not after one: "共3\n2023年" stays apart).
_BROKEN_LINE = re.compile(rf"(?<=[{_CJK}，、,])\n\s*(?=[{_CJK}\d])|(?<=\d)\n\s*(?=[{_CJK}])")
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
    return _delete_spans(text, spans)


#: The normalisation steps, in order, after decoding.
STEPS = (normalize_newlines, strip_html, normalize_unicode, strip_pinyin_glosses, to_simplified,
         drop_repeated_paragraphs, drop_boilerplate, join_broken_lines)


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
            index = _apply_changes(index, changes)
    return text, index


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


def document_id(path: Path) -> str:
    """A document's id: its file name without the extension.

    Bytes of the name that are not UTF-8 (a file named on a system with another encoding)
    are spelled ``\\xNN``, so that the id is valid text.
    """
    return os.fsencode(path.stem).decode("utf-8", errors="backslashreplace")


def read_document(path: str | Path) -> Document:
    """Read, decode and normalise one file into a ``Document`` (see ``make_document``).

    Raises
    ------
    InputError
        The file is missing, unreadable, not a regular file, above ``MAX_DOCUMENT_BYTES``,
        binary, undecodable or without text.
    """
    return make_document(read_bytes(path), path)


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
