"""Steps on characters: Unicode forms, pinyin glosses, traditional to simplified."""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .changes import CJK, Change, delete_spans, line_spans


_RADICAL_FOLD = dict(zip(
    "⺄⺅⺉⺌⺎⺒⺓⺖⺗⺘⺙⺝⺠⺡⺣⺧⺨⺩⺫⺭⺰⺲⺶⺻⺼⺾⻁⻂⻄⻅⻆⻈⻉⻋⻌⻏⻐⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲",
    "乙亻刂小兀巳幺忄㣺扌攵月民氵灬牛犭王目礻纟罒羊聿月艹虎衤西见角讠贝车辶阝钅長长门雨青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀"))
#: Zero-width, joiner and bidirectional control characters: invisible, dropped.
_INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                       "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
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
    for start, end, line in line_spans(text):
        clean = _normalize_one(line)
        if len(clean) != len(line):
            changes.append((start, end, len(clean)))
        parts.append(clean)
    return "\n".join(parts), changes


_PINYIN_GLOSS = re.compile(rf"[(（]\s*([a-zA-Z1-5\u00c0-\u01dc' ]{{1,30}}?)\s*[)）]")
_CJK_CHAR = re.compile(f"[{CJK}]")
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
    return delete_spans(text, spans)


#: Variant characters OpenCC's t2s leaves as they are, as their standard traditional forms
#: (Hong Kong writes 衞 for 衛: 食物及衞生局, and names such as 曾某衞; 麻痺 is 麻痹).
_VARIANTS = str.maketrans("衞敍汚飮緖呑吿峩値粧譔姸濶蔴痺凟廐擧囘",
                          "衛敘污飲緒吞告峨值妝撰妍闊麻痹瀆廄舉回")


@cache
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, list[Change]]:
    """Traditional to simplified script with OpenCC, variant forms it leaves first read as
    their standard forms (衞 as 衛).

    OpenCC converts character for character almost always; a line whose length changes is
    converted one character at a time so that positions stay exact.

    >>> to_simplified("內蒙古自治區婦女聯合會")
    ('内蒙古自治区妇女联合会', [])
    >>> to_simplified("食物及衞生局")[0]
    '食物及卫生局'
    """
    text = text.translate(_VARIANTS)  # (one character for one: positions stay)
    convert = _opencc().convert
    converted = convert(text)
    if len(converted) == len(text):
        return converted, []
    parts, changes = [], []
    for start, _, line in line_spans(text):
        simple = convert(line)
        if len(simple) != len(line):
            pieces = [convert(c) for c in line]
            changes.extend((start + i, start + i + 1, len(p))
                           for i, p in enumerate(pieces) if len(p) != 1)
            simple = "".join(pieces)
        parts.append(simple)
    return "\n".join(parts), changes
