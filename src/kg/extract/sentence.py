"""The signals every family reads: a sentence with its lexicon hits and the places where a
name may start (``Sentence``), the candidate record, and jieba's dictionary and segmentation
(ordinary words, common words, where a word runs across a position).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .. import segmenter
from ..model import Document
from ..rules import jieba_dictionary, per_rule_set, table, word_pattern
from .lexicon import compiled_rules, uncovered
from .triggers import trigger

#: The characters every match of a pattern needs (``Sentence.finditer``), once per pattern.
_trigger = lru_cache(maxsize=None)(trigger)

# Characters that can be inside a name (〇, the ideographic zero, too: 第七〇八研究所);
# everything else (punctuation, spaces, quotes, brackets) ends one.
NAME_CHAR = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]")
NON_NAME_CHAR = re.compile(r"[^\u3007\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]")
NUMERAL_CLASSIFIER = re.compile(r"(?<![第\d一二三四五六七八九十百千万余多两])[\d一二三四五六七八九十百千万余多两]+"
                                r"(?:小时|个|名(?!单)|位|户|家(?!庭|风|教)|项|次(?!会)|场|"
                                r"人次|人(?!民|才|员)|批|所|支|期|届|年度|年|月|日)")

#: A short quoted word inside a name (低收入妇女“两癌”救助项目) does not end the name.
_INNER_QUOTE = re.compile(r"(?<=[\u4e00-\u9fff])“[\u4e00-\u9fff\d]{1,4}”(?=[\u4e00-\u9fff])")
_DASH_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])—(?=[\u4e00-\u9fff])")

@per_rule_set
def _session() -> re.Pattern:
    """A meeting's session number (十三届三次, 第十四届, 第一次) before an organ's or a
    meeting's word (rules/words.tsv organ_words, meeting_words), with an "(enlarged)" mark
    between (X妇联十三届三次执委(扩大)会议): it does not end the name."""
    organ, meeting = word_pattern("organ_words"), word_pattern("meeting_words")
    return re.compile(r"第?[一二三四五六七八九十\d]+届(?:第?[一二三四五六七八九十\d]+次)?"
                      rf"(?=(?:[(（]扩大[)）])?(?:{organ}|{meeting}|[一二三四五六七八九十]中全会))"
                      r"|第?[一二三四五六七八九十\d]+次(?=(?:[(（]扩大[)）])?"
                      rf"(?:{meeting}|{organ}|理事))")


#: A bracketed place or 集团 inside a company's name (通用磨坊(中国)投资有限公司,
#: 某某飞机工业(集团)有限公司) does not end the name.
_COMPANY_BRACKETS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][\u4e00-\u9fff]{2,3}[)）]"
                               r"(?=[\u4e00-\u9fff]{0,12}?(?:公司|集团))")
_ENLARGED = re.compile(r"(?<=[委会])[(（]扩大[)）](?=会议)")
#: A yearbook's 【section】 header and a 《title》, brackets included: no line break and no
#: opening bracket of its kind inside (of 【甲【乙】, 【乙】 is the header).
SECTION_HEADER = re.compile(r"【[^【】\n]{1,30}】")
TITLE_MARKS = re.compile(r"《[^《》\n]+》")
GENERIC_BODY = re.compile(r"^[盟市旗县区乡镇苏木嘎查村省各级基层所属相关有关同级上级]+$")
#: Conjunctions that may join two words inside one name (经济与管理学院, 环境与发展大会).
NAME_CONJUNCTIONS = frozenset("与和")
NAME_FOLLOW = set("的等和与及、,，。;；:：“”\"()（）《》 \n在将对把向为是获于以从今昨")


@dataclass(frozen=True)
class Candidate:
    """A proposed mention with the priority of the rule family that found it, how it was
    found as far as later stages read it (``Mention.cue``: ``pattern``, ``organ``,
    ``after-place``, ``post``, ``gazetteer``; empty otherwise), and what the overlap policy
    reads of the rule (``traits``: ``STRONG``, ``TAGGED``, ``CLOSED``, ``BELOW``), never its
    ``rule_id``."""

    start: int
    end: int
    type: str
    rule_id: str
    key: str
    family: str
    cue: str = ""
    traits: frozenset[str] = frozenset()


#: Traits of a candidate (``Candidate.traits``), set by the rule that found it: its context
#: fixes both edges of a name (after or before a post title, in a list of names) ...
STRONG = "strong"
#: ... jieba's tagger reads the name whole ...
TAGGED = "tagged"
#: ... it is one name with no name of its type inside (a title in 《》); and, read by the
#: rules of organisations, a place below the gazetteer's (a town, village, zone or site), which
#: anchors a body's name as a county does.
CLOSED = "closed"
BELOW = "below"
#: ... a body's short form that opens a longer name and anchors it (共青团|某市委), no mention
#: of the body itself: ``settle_overlaps`` drops it once the rules have read it.
ANCHOR_ONLY = "anchor-only"


_PLACE_KIND = frozenset(("place",))


def dictionary_words() -> dict[str, str]:
    """Dictionary words and their part-of-speech tags."""
    return jieba_dictionary()[0]


def common_words() -> frozenset[str]:
    """Dictionary words common enough to decide a segmentation on their own."""
    return jieba_dictionary()[1]


def crosses_word(text: str, start: int, end: int, edges: tuple[int, ...] | None = None) -> bool:
    """Whether a common dictionary word runs across either edge of ``[start, end)``
    (和政 in 党和政府), or across the given ``edges`` only."""
    words = common_words()
    for cut in (start, end) if edges is None else edges:
        for a in range(cut - 2, cut):
            for b in range(cut + 1, cut + 3):
                if a >= 0 and b <= len(text) and (a, b) != (start, end) \
                        and (a < start or b > end) and text[a:b] in words:
                    if start <= a < end or start < b <= end:
                        return True
    return False


def _marks_inside_names(text: str, start: int, end: int) -> tuple[set[int], set[int]]:
    """The punctuation inside names in ``[start, end)`` (a short quoted word, a dash, a
    company's bracketed place, an "(enlarged)" mark), and where each 扩大 of such a mark starts.

    Each pattern needs a character of its own, so a sentence without it is not searched."""
    inside: set[int] = set()
    enlarged: set[int] = set()
    if text.find("“", start, end) >= 0:
        for m in _INNER_QUOTE.finditer(text, start, end):
            inside.update((m.start(), m.end() - 1))
    if text.find("—", start, end) >= 0:
        for m in _DASH_IN_NAME.finditer(text, start, end):
            inside.add(m.start())
    if text.find("(", start, end) >= 0 or text.find("（", start, end) >= 0:
        for m in _COMPANY_BRACKETS.finditer(text, start, end):
            inside.update((m.start(), m.end() - 1))
        for m in _ENLARGED.finditer(text, start, end):
            inside.update((m.start(), m.end() - 1))
            enlarged.add(m.start() + 1)  # 扩大 is a boundary word elsewhere
    return inside, enlarged


def _session_ends(text: str, start: int, end: int) -> set[int]:
    """Where a meeting's session number in ``[start, end)`` ends, and where its 届 does
    (十三届|三次|执委): no numeral with a classifier ends a name there."""
    if text.find("届", start, end) < 0 and text.find("次", start, end) < 0:
        return set()  # (every session number holds one of them)
    ends = set()
    for m in _session().finditer(text, start, end):
        ends.add(m.end())
        if "届" in m.group():
            ends.add(m.start() + len(m.group().partition("届")[0]) + 1)
    return ends


@per_rule_set
def _particles() -> frozenset[str]:
    """The one-character words that end a name anywhere (rules/boundaries.tsv: 了, 的, 在 …)."""
    return frozenset(row.word for row in table("boundaries.tsv")
                     if len(row.word) == 1 and row.where == "any")


def _cue_particle_ends(hits: list, text: str) -> set[int]:
    """Where a cue before a name that ends in a particle ends (选举了|学会会长): a name starts
    after it, as after the particle alone, which the longer cue covers."""
    return {e for s, e, payloads in hits if "person_cue" in payloads.kinds and e - s > 1
            and text[e - 1] in _particles()}


@lru_cache(maxsize=None)
def _hit_roles(kinds: frozenset[str]) -> tuple[bool, bool, bool]:
    """What a lexicon hit of these kinds is to a sentence: whether it starts a word (any kind
    but a place's), opens a name (``opener``), ends one (``boundary``)."""
    return not kinds <= _PLACE_KIND, "opener" in kinds, "boundary" in kinds


class Sentence:
    """One sentence of a document with its lexicon hits and name boundaries."""

    def __init__(self, text: str, start: int, end: int, hits: list, state: dict,
                 memory: dict | None = None):
        self.text, self.start, self.end = text, start, end
        #: What a rule carries to the document's later sentences (a list heading's qualifier).
        self.state = state
        #: What a rule carries to every later sentence of the document (the towns it read).
        self.memory = {} if memory is None else memory
        #: Every post title of the sentence as ``(start, end)``, overlapping ones too (the
        #: hits ``uncovered`` leaves out among them): relate reads them (``Marks.posts``);
        #: … and every organisation suffix (妇联, 委员会), a body's word (``Marks.suffixes``).
        self.posts, self.suffixes = posts, suffixes = [], []
        for s, e, payloads in hits:
            kinds = payloads.kinds
            if "post" in kinds:
                posts.append((s, e))
            if "org_suffix" in kinds:
                suffixes.append((s, e))
        self.hits = hits = uncovered(hits, text)
        inside, enlarged = _marks_inside_names(text, start, end)
        breaks = {start, *_cue_particle_ends(hits, text)}
        for m in NON_NAME_CHAR.finditer(text, start, end):
            if m.start() not in inside:
                breaks.add(m.end())
        words = dictionary_words().answers  # (a tag or None by string: one dict look-up)
        word_starts, boundary_starts, openers = set(), set(), []
        by_kind: defaultdict[str, list] = defaultdict(list)
        for hit in hits:
            s, e, payloads = hit
            starts_word, opener, boundary = _hit_roles(payloads.kinds)
            if starts_word:
                word_starts.add(s)
            if opener:
                openers.append(hit)
            for p in payloads:
                by_kind[p[0]].append((s, e, p))
            if not boundary:
                continue
            boundary_starts.add(s)
            if s in enlarged or e - s > 1:
                if s not in enlarged:
                    breaks.add(e)
                continue
            # a one-character function word that starts a dictionary word (向 in 向日葵) is
            # part of that word
            if words[text[s:s + 3]] is not None or (
                    words[text[s:s + 2]] is not None and words[text[s + 1:s + 3]] is None):
                continue
            if self._ends_proper_name(s):
                continue  # 为 in 华为技术有限公司, 和 in 北京协和医院: part of a brand's name
            breaks.add(e)
        sessions = _session_ends(text, start, end)
        for m in NUMERAL_CLASSIFIER.finditer(text, start, end):
            if m.end() not in sessions:
                breaks.add(m.end())
        for s, e, _ in openers:  # in text order, so openers in a row all count
            if s in breaks:
                breaks.add(e)
        self.breaks = sorted(breaks)
        self.word_starts, self.boundary_starts, self._by_kind = \
            word_starts, boundary_starts, by_kind

    def _ends_proper_name(self, pos: int) -> bool:
        """Whether the character at ``pos`` ends a proper name of jieba's dictionary (a brand,
        a person's or a place's word: 华为, 协和) that jieba's segmentation keeps whole."""
        words, text, start = dictionary_words(), self.text, self.start
        return ((pos - 1 >= start and words.get(text[pos - 1:pos + 1]) in _PROPER_TAGS)
                or (pos - 2 >= start and words.get(text[pos - 2:pos + 1]) in _PROPER_TAGS)) \
            and not segmented_at(self, pos)

    def limit(self, pos: int) -> int:
        """The leftmost position a name ending at ``pos`` can start from."""
        return self.breaks[bisect_right(self.breaks, pos) - 1] if pos >= self.start else pos

    def is_name(self, start: int, end: int) -> bool:
        return all(NAME_CHAR.match(c) for c in self.text[start:end])

    def ends_word(self, pos: int) -> bool:
        """Whether a name may end before ``pos`` (the next character starts a new word)."""
        text = self.text
        return (pos >= self.end or text[pos] in NAME_FOLLOW or pos in self.word_starts
                or not NAME_CHAR.match(text[pos])
                or (text[pos].isdigit() and not text[pos - 1].isdigit()))  # 项目244个

    @cached_property
    def suffix_hits(self) -> list:
        """The longest organisation suffix ending at each place, leaving out the front of a
        longer suffix (人大 in 人大常委会)."""
        by_end: dict[int, tuple] = {}
        longest_from: dict[int, int] = {}
        for s, e, p in self.hits_of("org_suffix"):
            if e not in by_end or s < by_end[e][0]:
                by_end[e] = (s, e, p)
            longest_from[s] = max(longest_from.get(s, e), e)
        return sorted(h for h in by_end.values() if longest_from[h[0]] == h[1])

    @cached_property
    def tagged_words(self) -> list[tuple[int, int, str]]:
        """``(start, end, tag)`` of the words of jieba's tagger, whose HMM reads unknown words
        (names among them) as words too.

        Every question asked of the tagger is about a name that starts with a surname, so only
        stretches holding a surname's first character, and the words beside a word tagged as a
        name, are read (the HMM is the slow part of jieba); the rest stand as unread items
        (``segmenter.UNREAD``), which ``tagged_as_name`` reads if a name found otherwise lies
        there.
        """
        text, starts = self.text, _surname_starts()
        return segmenter.tagged_words(text, self.start, self.end,
                                      lambda a, b: not starts.isdisjoint(text[a:b]), NAME_TAGS)

    def tagged_as_name(self, start: int, end: int) -> bool:
        """Whether the tagger reads ``[start, end)`` as one word, a personal name."""
        word = self._word_at.get(start)
        if word is not None and word[1] not in (segmenter.UNREAD, segmenter.UNREAD_HMM):
            return word[0] == end and word[1] in NAME_TAGS
        words = self.tagged_words
        item = words[bisect_right([a for a, _, _ in words], start) - 1]
        return any((a, b) == (start, end) and tag in NAME_TAGS
                   for a, b, tag in segmenter.read_unread(self.text, item))

    def tagged_word_tag(self, pos: int) -> str | None:
        """The tag of the tagger's word that starts at ``pos``, if one does."""
        return self._tag_at.get(pos)

    @cached_property
    def _tag_at(self) -> dict[int, str]:
        return {a: tag for a, _, tag in self.tagged_words}

    def tagged_start(self, start: int, end: int) -> bool:
        """Whether the tagger starts a word at ``start`` and does not read ``[start, end)`` as
        one word of another kind than a name (作业班|工作 starts none at 班; 官网 is a noun)."""
        word = self._word_at.get(start)
        return word is not None and not (word[0] == end and word[1] not in NAME_TAGS) \
            and not (word[0] == start + 1 and word[1] in _NOT_SURNAME_TAGS)

    @cached_property
    def _word_at(self) -> dict[int, tuple[int, str]]:
        return {a: (b, tag) for a, b, tag in self.tagged_words}

    def tagged_name_end(self, pos: int) -> int | None:
        """The end of the word the tagger reads as a personal name at ``pos`` followed by a
        verb, a preposition or punctuation (司勇|来, not 李春|华为), if any."""
        return self._tagged_names.get(pos)

    @cached_property
    def _tagged_names(self) -> dict[int, int]:
        words = self.tagged_words
        return {a: b for (a, b, tag), (_, _, after) in zip(words, words[1:] + [(0, 0, "x")])
                if tag in NAME_TAGS and after in AFTER_NAME_TAGS}

    @cached_property
    def headers(self) -> list[tuple[int, int]]:
        """The 【section】 headers of the sentence, brackets included."""
        return [m.span() for m in SECTION_HEADER.finditer(self.text, self.start, self.end)]

    @cached_property
    def titles(self) -> list[tuple[int, int]]:
        """The 《title》 marks of the sentence, brackets included."""
        return [m.span() for m in TITLE_MARKS.finditer(self.text, self.start, self.end)]

    def finditer(self, pattern: re.Pattern) -> Iterator[re.Match]:
        """``pattern.finditer`` over the sentence, not tried at all where the sentence holds
        none of the characters every match needs (``triggers.trigger``): most rules' patterns
        find nothing in most sentences, and trying one costs a step at every character.

        >>> from kg.normalize import make_document
        >>> doc = make_document("甲县妇代会召开。".encode(), "t.txt")
        >>> sent = next(document_sentences(doc))
        >>> [m.group() for m in sent.finditer(re.compile(r"[\u4e00-\u9fff]代会"))]
        ['妇代会']
        >>> list(sent.finditer(re.compile(r"[\u4e00-\u9fff]{2}大会")))
        []
        """
        needed = _trigger(pattern)
        if needed is not None and needed.search(self.text, self.start, self.end) is None:
            return iter(())
        return pattern.finditer(self.text, self.start, self.end)

    def hits_of(self, kind: str) -> list:
        """``(start, end, payload)`` of the hits of one kind, in text order."""
        return self._by_kind.get(kind, [])


#: jieba tags of proper names other than organisations' (a place inside 美国政府 or 德国队 is
#: still the place; inside 阿里巴巴 or the mountain 六盘山 it is not).
NAMED_NOT_BODY = frozenset(("nr", "nrt", "nz", "ns"))


def document_sentences(document: Document) -> Iterator[Sentence]:
    """The sentences of a document, each with its lexicon hits (those inside it) and the
    document's running state, which a sentence ending in 。!? or a line break clears, and its
    memory, which lasts to the document's end.

    >>> from kg.normalize import make_document
    >>> doc = make_document("王芳出席会议。李梅表示支持。".encode(), "t.txt")
    >>> [s.text[s.start:s.end] for s in document_sentences(doc)]
    ['王芳出席会议。', '李梅表示支持。']
    """
    text, lexicon = document.text, compiled_rules()[0]
    state: dict = {}
    memory: dict = {}
    for s0, s1 in document.sentences:
        # one sentence's hits at a time: a large document's hits all at once would take
        # hundreds of bytes per character
        hits = list(lexicon.find(text, s0, s1))
        if s0 and text[s0 - 1] in "。!！?？\n":
            state.clear()  # a qualifier of a list heading lasts to the end of its sentence
        yield Sentence(text, s0, s1, hits, state, memory)


def matches_before(pattern: re.Pattern, text: str, start: int, end: int, mark: str,
                   reach: int) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text, start, end)`` for a pattern every match of
    which holds ``mark`` at most ``reach`` characters after its start: the pattern is tried
    only at the positions up to ``reach`` before each mark, not at every character.

    >>> pattern = re.compile(r"[a-z]{1,3}-[a-z]+")
    >>> [m.group() for m in matches_before(pattern, "ab-cd efgh-ij k", 0, 15, "-", 3)]
    ['ab-cd', 'fgh-ij']
    """
    pos = start
    at = text.find(mark, pos, end)
    while at >= 0:
        for first in range(max(pos, at - reach), at + 1):
            found = pattern.match(text, first, end)
            if found:
                yield found
                pos = max(found.end(), first + 1)
                break
        else:
            pos = at + 1
        at = text.find(mark, pos, end)


def _window(sent: Sentence, pos: int) -> tuple[int, str]:
    lo = max(sent.start, pos - 6)
    return lo, sent.text[lo:min(sent.end, pos + 4)]


def segmented_at(sent: Sentence, pos: int) -> bool:
    """Whether jieba's segmentation of the few characters around ``pos`` has a word boundary
    there (妇联|会议 and 妇联|系统 do; 宣传部|分 does not: 宣传|部分); the sentence's edges are
    boundaries."""
    lo, window = _window(sent, pos)
    return pos <= sent.start or pos >= lo + len(window) or (pos - lo) in _segments(window)


def word_ending_at(sent: Sentence, pos: int) -> str:
    """The word of jieba's segmentation that ends at ``pos`` (empty if none does)."""
    lo, window = _window(sent, pos)
    return _segments(window).get(pos - lo, "")


@per_rule_set
def _surname_starts() -> frozenset[str]:
    """The first characters of the surnames (rules/surnames.tsv)."""
    return frozenset(name[0] for name in compiled_rules()[3])


@lru_cache(maxsize=65536)
def _segments(window: str) -> dict[int, str]:
    """jieba's words of a short window, keyed by where each ends."""
    words, pos = {}, 0
    for word in segmenter.cut(window):
        pos += len(word)
        words[pos] = word
    return words


def runs_on(text: str, end: int) -> bool:
    """Whether a common dictionary word runs across position ``end`` (部分, 报社)."""
    common = common_words()
    return any(text[a:b] in common for a in (end - 2, end - 1) for b in (end + 1, end + 2)
               if a >= 0 and b <= len(text))


#: jieba tags of words that describe rather than name (优秀, 全面): adjectives and adverbs (not
#: verbs: 远航集团 is a name).
DESCRIBING = frozenset(("a", "ad", "an", "d"))

#: Characters that do not start a name: numerals and function words.
FUNCTION_START = re.compile(r"[的了在对和与及以是为将把被从等各全本该这那其]")

#: A level word that opens an organisation's name (市科协, 省妇联, 县委).
LEVEL_START = re.compile(r"全国|自治区|[省市县州盟旗乡镇村]")

#: Tags of a one-character word that is no surname there (曾|任, 作业|班|工作, 全|媒体|记者).
_NOT_SURNAME_TAGS = frozenset(("v", "q", "m", "n", "d", "p", "c", "u", "f", "a"))

#: jieba tags of proper names: people's, places', bodies', brands' and short forms.
_PROPER_TAGS = frozenset(("nr", "nrt", "ns", "nt", "nz", "j"))

#: Tags jieba gives personal names.
NAME_TAGS = frozenset(("nr", "nrfg"))

#: Tags of the word after a name that tell of an action or a link (在, 和, 带, 表示).
AFTER_NAME_TAGS = frozenset(("v", "vn", "p", "c", "d", "x", "uj", "ul"))
NOT_NAME_TAGS = ("n", "v", "vn", "a", "ad", "d", "m", "l", "i", "nz", "t", "s", "f", "p", "c",
                 "u", "r", "q", "y", "e", "o", "z", "b", "vd", "an", "ng", "vg", "ag", "dg")


def is_word(text: str) -> bool:
    """An ordinary dictionary word (noun, verb …), not a possible personal name."""
    return dictionary_words().get(text, "nr") in NOT_NAME_TAGS
