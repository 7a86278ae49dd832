"""The ``normalize`` stage: bytes from a scraped file to clean simplified text with an offset map.

Every step is a small named function ``step(text) -> (text, index)`` where ``index[i]`` is the
position in the step's input that output character ``i`` came from. The steps compose into one
map from the normalised text back to the decoded original, so a span found by extraction
always points back into the file a user can open.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from array import array
from functools import cache
from pathlib import Path

from .errors import InputError
from .model import Document

#: Refuse documents larger than this many bytes (a runaway file must not eat the machine).
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PINYIN_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ"
#: A pinyin gloss right after a CJK character: 聯(lián), 區（qū）.
_PINYIN_GLOSS = re.compile(rf"(?<=[{_CJK}])[(（]\s*[{_PINYIN_LETTERS}]{{1,7}}\s*[)）]")
_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』)）]*|\n+")
_BOILERPLATE = re.compile(
    r"^\s*(版权所有|版权声明|Copyright|©|技术支持|责任编辑|编辑[:：]|审核[:：]|校对[:：]|"
    r"分享到|分享[:：]|扫一扫|打印本页|关闭窗口|网站地图|联系我们|主办单位|承办单位|"
    r"备案号|.*ICP备|第一时间为您推送|报道全球|关注.{1,6}网[,，]|来源[:：])",
    re.IGNORECASE,
)
#: Radical and compatibility forms NFKC leaves alone, mapped to their ordinary characters.
_RADICAL_FOLD = {0x2E84: "乙", 0x2E8E: "兀", 0x2EA5: "⺥", 0x2EC4: "西", 0x2ECF: "阝",
                 0x2ED8: "青", 0x2EE8: "麦", 0x2EEA: "黾", 0x2EEB: "斉", 0x2EED: "歯",
                 0x2EF3: "龟", 0x2E8C: "小", 0x2E97: "冗", 0x2EAA: "疋", 0x2EAE: "竹",
                 0x2EB7: "羊", 0x2EBC: "肉", 0x2EC6: "角", 0x2EC8: "讠", 0x2ECC: "辶",
                 0x2ED7: "雨", 0x2EDD: "食", 0x2EE0: "饣", 0x2EE4: "鬼", 0x2EE9: "黄",
                 0x2EEC: "齐", 0x2EEF: "龙", 0x2EF2: "亀"}
_RADICAL_FOLD = {k: v for k, v in _RADICAL_FOLD.items() if len(v) == 1 and v != "⺥"}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b"
                                     "\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)


# ------------------------------------------------------------------ bytes -> text
def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes, detecting UTF-8/16 (BOM), GB18030 and Big5.

    Returns ``(text, encoding)``. Binary or undecodable input raises ``InputError``.

    >>> decode_bytes("内蒙古".encode("gb18030"))
    ('内蒙古', 'gb18030')
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(path, f"document is {len(data)} bytes, above the "
                               f"{MAX_DOCUMENT_BYTES}-byte limit per document")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], name, path), "utf-16"
    if _looks_binary(data):
        raise InputError(path, "binary file, not text (NUL bytes or a known binary signature)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_plausibility(text), name, text))
    if not candidates:
        raise InputError(path, "not valid UTF-8, UTF-16, GB18030 or Big5 text "
                               f"(undecodable byte at offset {utf8_error.start})")
    candidates.sort(key=lambda c: (-c[0], c[1]))
    score, name, text = candidates[0]
    if score < 0.5:
        raise InputError(path, "not valid UTF-8, UTF-16, GB18030 or Big5 text "
                               f"(undecodable byte at offset {utf8_error.start})")
    return text, name


def _strict(data: bytes, encoding: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid {encoding} at byte offset {exc.start}") from None


_BINARY_SIGNATURES = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xff\xd8\xff", b"GIF8",
                      b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"Rar!")


def _looks_binary(data: bytes) -> bool:
    return data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]


@cache
def _common_chars() -> frozenset[str]:
    # Characters that are frequent in both scripts; a wrong legacy decoding yields rare ones.
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
                     "属圆包火住调满县局照参红细引听该铁价严妇女蒙古旗盟乡镇村会員國發區聯們於這"
                     "時對學經過個來當為與後從實動關進業產種說開還會長問題點現務應頭體機")


def _cjk_plausibility(text: str) -> float:
    sample = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not sample:
        return 1.0 if text.isascii() else 0.0
    common = _common_chars()
    return sum(c in common for c in sample) / len(sample) * 2.5


# ------------------------------------------------------------------ offset maps
def _identity(n: int) -> array:
    return array("l", range(n + 1))


def _compose(outer: array, inner: array) -> array:
    """Map through ``outer`` (new -> previous) then ``inner`` (previous -> original)."""
    return array("l", (inner[i] for i in outer))


def _delete_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, array]:
    """Remove the given sorted, non-overlapping spans, returning the text and its index."""
    if not spans:
        return text, _identity(len(text))
    parts, index, pos = [], array("l"), 0
    for start, end in spans:
        parts.append(text[pos:start])
        index.extend(range(pos, start))
        pos = end
    parts.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(parts), index


def _map_chars(text: str, convert) -> tuple[str, array]:
    """Apply a per-character conversion that may change lengths, keeping the index."""
    parts, index = [], array("l")
    for i, char in enumerate(text):
        out = convert(char)
        parts.append(out)
        index.extend([i] * len(out))
    index.append(len(text))
    return "".join(parts), index


# ------------------------------------------------------------------ steps
def normalize_newlines(text: str) -> tuple[str, array]:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    if "\r" not in text:
        return text, _identity(len(text))
    spans = [(m.start(), m.start() + 1) for m in re.finditer(r"\r(?=\n)", text)]
    out, index = _delete_spans(text, spans)
    return out.replace("\r", "\n"), index


def normalize_unicode(text: str) -> tuple[str, array]:
    """NFKC, CJK radical forms folded, zero-width and bidi control characters dropped.

    >>> normalize_unicode("⻄部（２０２３）")[0]
    '西部(2023)'
    """
    if text.isascii():
        return text, _identity(len(text))

    def convert(char: str) -> str:
        if char in _ZERO_WIDTH_CHARS:
            return ""
        folded = _RADICAL_FOLD.get(ord(char))
        if folded:
            return folded
        if unicodedata.category(char) == "Cc" and char not in "\n\t":
            return " "
        return unicodedata.normalize("NFKC", char)

    if unicodedata.is_normalized("NFKC", text) and not _NEEDS_FOLD.search(text):
        return text, _identity(len(text))
    return _map_chars(text, convert)


_ZERO_WIDTH_CHARS = frozenset(chr(c) for c in _ZERO_WIDTH)
_NEEDS_FOLD = re.compile("[" + "".join(chr(c) for c in _RADICAL_FOLD) + "".join(
    _ZERO_WIDTH_CHARS) + "\x00-\x08\x0b-\x1f\x7f]")


def strip_pinyin_glosses(text: str) -> tuple[str, array]:
    """Remove pinyin glosses after characters; keep real parentheses.

    >>> strip_pinyin_glosses("婦聯(lián)在(2023)年（以下简称妇联）")[0]
    '婦聯在(2023)年（以下简称妇联）'
    """
    spans = [m.span() for m in _PINYIN_GLOSS.finditer(text) if _is_gloss(m.group())]
    return _delete_spans(text, spans)


def _is_gloss(bracketed: str) -> bool:
    # A gloss has a tone mark, or is a short lower-case syllable such as (de) or (zi).
    body = bracketed[1:-1].strip()
    return any(c in _TONE_MARKS for c in body) or (body.islower() and len(body) <= 4
                                                   and body.isalpha())


@cache
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, array]:
    """Traditional to simplified script with OpenCC (length-preserving where possible).

    >>> to_simplified("內蒙古自治區婦女聯合會")[0]
    '内蒙古自治区妇女联合会'
    """
    converted = _opencc().convert(text)
    if len(converted) == len(text):
        return converted, _identity(len(text))
    return _map_chars(text, _opencc().convert)


_BROKEN_LINE = re.compile(rf"(?<=[{_CJK}，、,\d])\n\s*\n?\s*(?=[{_CJK}])")


def join_broken_lines(text: str) -> tuple[str, array]:
    """Rejoin a paragraph that a scraper broke in the middle of a word.

    A break counts as broken when the line before it is long prose (a heading is short) and
    it ends without sentence punctuation, and the next line goes on with a Chinese character.
    """
    spans = []
    for m in _BROKEN_LINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start:m.start()]
        if len(line) >= 60 and re.search(r"[，。、,]", line):
            spans.append(m.span())
    return _delete_spans(text, spans)


def drop_repeated_paragraphs(text: str) -> tuple[str, array]:
    """A paragraph that already appeared earlier in the document is read once.

    Scraped pages often hold the whole body twice (print view plus screen view); short lines
    such as headings may legitimately repeat, so only paragraphs of 20+ characters count.
    """
    seen: set[str] = set()
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        key = line.strip()
        if len(key) >= 20:
            if key in seen:
                spans.append((pos, min(end + 1, len(text))))
            seen.add(key)
        pos = end + 1
    return _delete_spans(text, spans)


def drop_boilerplate(text: str) -> tuple[str, array]:
    """Drop web boilerplate lines: copyright, share, editor and site footer lines."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if len(line) < 80 and _BOILERPLATE.match(line):
            spans.append((pos, min(end + 1, len(text))))
        pos = end + 1
    return _delete_spans(text, spans)


#: The normalisation steps, in order, after decoding.
STEPS = (normalize_newlines, normalize_unicode, strip_pinyin_glosses, to_simplified,
         drop_repeated_paragraphs, drop_boilerplate, join_broken_lines)


def normalize_text(text: str) -> tuple[str, array]:
    """Run every step; return the normalised text and its map into ``text``.

    >>> clean, index = normalize_text("自治區(qū)婦聯(lián)主席")
    >>> clean
    '自治区妇联主席'
    >>> index[2], index[3]
    (2, 6)
    """
    index = _identity(len(text))
    for step in STEPS:
        text, step_index = step(text)
        if len(step_index) != len(index) or any(i != j for i, j in
                                                  zip(step_index, range(len(index)))):
            index = _compose(step_index, index)
    return text, index


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans on Chinese sentence punctuation and line breaks (blank spans skipped)."""
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if text[pos:end].strip():
            spans.append(_trim(text, pos, end))
        pos = m.end()
    if text[pos:].strip():
        spans.append(_trim(text, pos, len(text)))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def document_id(path: Path) -> str:
    """A document's id: its file name without the extension."""
    return path.stem


def read_document(path: str | Path) -> Document:
    """Read, decode and normalise one file into a ``Document``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return make_document(data, path)


def make_document(data: bytes, path: str | Path, doc_id: str | None = None) -> Document:
    """Build a ``Document`` from raw bytes (``path`` names it in errors and provenance)."""
    path = Path(path)
    original, encoding = decode_bytes(data, path)
    text, index = normalize_text(original)
    if not text.strip():
        raise InputError(path, "empty document (no text after normalisation)")
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
