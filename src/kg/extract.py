"""The ``extract`` stage: the rule files applied to a document's normalised text.

One Aho–Corasick automaton finds every lexicon form (places, organisation suffixes, programme
words, honour heads, post titles, boundary words) in one pass; small functions per entity family
turn those hits into candidate ``Mention``s; ``settle_overlaps`` is the one place where
conflicting candidates are decided.

Overlap policy: two candidates that cross (overlap without one containing the other) conflict,
and the one with the higher rule priority, then the longer one, then the earlier one, wins.
Nested candidates are all kept: a place inside an organisation's name is also a Place, an
organisation inside a department's name is the department's parent. Two candidates of one type
that end at the same place compete for the left boundary and the longer wins (纪念“三八”…大会
over “三八”…大会); a title in 《》 is one name, with no names of its type inside; an honour or a
person starting where a longer one of its type starts is part of it (三八红旗手 in
三八红旗手标兵). A person candidate that overlaps a place or organisation, or that is an
ordinary dictionary word, is dropped (names are the least certain family); so is one that a
common word runs across (向荣 in 欣欣向荣) where no rule word confirms the edge.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from .model import Document, Mention
from .places import COUNTRY, TOWN_SUFFIX, place_index
from .errors import RuleError
from . import segmenter
from .rules import Lexicon, jieba_dictionary, split_list, table, trigger_words

# Characters that can be inside a name; everything else (punctuation, spaces, quotes,
# brackets) ends one.
_NAME_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]")
_NON_NAME_CHAR = re.compile(r"[^\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]")
_NUMERAL_CLASSIFIER = re.compile(r"(?<![第\d一二三四五六七八九十百千万余多两])[\d一二三四五六七八九十百千万余多两]+(?:小时|个|名(?!单)|位|户|家(?!庭|风|教)|项|次(?!会)|场|"
                                 r"人(?!民|才|员)|批|所|支|期|届|年度|年|月|日)")
#: A short quoted word inside a name (低收入妇女“两癌”救助项目) does not end the name.
_INNER_QUOTE = re.compile(r"(?<=[\u4e00-\u9fff])“[\u4e00-\u9fff\d]{1,4}”(?=[\u4e00-\u9fff])")
_DASH_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])—(?=[\u4e00-\u9fff])")
#: A meeting's session number (十三届三次, 第十四届, 第一次) and an "(enlarged)" mark inside a
#: meeting's name (X妇联十三届三次执委(扩大)会议) do not end the name.
_SESSION = re.compile(r"第?[一二三四五六七八九十\d]+届(?:第?[一二三四五六七八九十\d]+次)?"
                      r"(?=(?:[(（]扩大[)）])?(?:执委|常委|全委|执行委员会|常务委员会|委员会|"
                      r"理事会|常务理事会|代表大会|会议|全会|全体会议|[一二三四五六七八九十]中全会))"
                      r"|第?[一二三四五六七八九十\d]+次(?=(?:[(（]扩大[)）])?"
                      r"(?:会议|全会|代表大会|执委|常委|全委|理事))")
#: What follows a body in the name of its own congress or session (第七次代表大会,
#: 十三届三次执委(扩大)会议, 第十二届执行委员会第二次会议, 全会).
_OWN_MEETING = re.compile(r"(?:第?[一二三四五六七八九十\d]+届)?(?:第?[一二三四五六七八九十\d]+次)?"
                          r"(?:执委|常委|全委|执行委员会|常务委员会|委员会|理事会|常务理事会)?"
                          r"(?:第?[一二三四五六七八九十\d]+次)?(?:[(（]扩大[)）])?"
                          r"(?:会议|全会|全体会议|代表大会)")
#: A bracketed place or 集团 inside a company's name (通用磨坊(中国)投资有限公司,
#: 某某飞机工业(集团)有限公司) does not end the name.
_COMPANY_BRACKETS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][\u4e00-\u9fff]{2,3}[)）]"
                               r"(?=[\u4e00-\u9fff]{0,12}?(?:公司|集团))")
_OPENING_BRACKETS = frozenset("(（")
_CLOSING_BRACKETS = frozenset(")）")
_ENLARGED = re.compile(r"(?<=[委会])[(（]扩大[)）](?=会议)")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{1,40})[”\"」』]")
_TITLE_MARKS = re.compile(r"《([^《》\n]{1,40})》")
_SECTION = re.compile(r"【([^【】\n]{2,30})】")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+[届次期]")
_GENERIC_BODY = re.compile(r"^[盟市旗县区乡镇苏木嘎查村省各级基层所属相关有关同级上级]+$")
_NAME_FOLLOW = set("的等和与及、,，。;；:：“”\"()（）《》 \n在将对把向为是获于以从")

BOOK_TITLE = "extract:book-title"
#: The rule of names jieba's tagger reads whole (a signal that outweighs a word at the start).
TAGGED_NAME = "extract:tagged-name"
#: The rule of names listed after a post and a colon (副主席:甲、乙(女)、丙), as strong.
OFFICER_LIST = "extract:officer-list"
PRIORITY = {"lexicon": 5, "pattern": 5, "department": 4, "org": 3, "quoted": 3,
            "programme": 2, "honour": 2, "place": 1, "person": 1}


@dataclass(frozen=True)
class Candidate:
    """A proposed mention with the priority of the rule family that found it."""

    start: int
    end: int
    type: str
    rule_id: str
    key: str
    family: str


@cache
def _rules():
    """Every rule file loaded and compiled once."""
    entries = []
    places = place_index()
    for form, name in places.forms():
        entries.append((form, ("place", name)))
    for row in table("org_suffixes.tsv", 5):
        entries.append((row[0], ("org_suffix", row[0], row[1], row[2], row.rule_id, row[3])))
    for row in table("org_known.tsv", 3):
        entries.append((row[0], ("org_known", row[0], row.rule_id)))
        for alias in split_list(row[1]):
            if len(alias) > 1:
                entries.append((alias, ("org_known", row[0], row.rule_id)))
    for row in table("programme_words.tsv", 3):
        entries.append((row[0], ("prog_word", row[0], row[1], row.rule_id)))
    for row in table("honours.tsv", 4):
        entries.append((row[0], ("honour", row[0], row.rule_id, row[2] == "yes",
                                 row[2] == "listed")))
    for row in table("posts.tsv", 3):
        entries.append((row[0], ("post", row[0], row.rule_id)))
    for row in table("person_cues.tsv", 3):
        entries.append((row[0], ("person_cue", row[0], row[1], row.rule_id)))
    for row in table("boundaries.tsv", 3):
        kind = {"any": "boundary", "first": "opener", "never": "inside"}[row[1]]
        entries.append((row[0], (kind, row[0], row.rule_id)))
    patterns = [(row[0], re.compile(row[1]), row[2], row.rule_id)
                for row in table("patterns.tsv", 4)]
    stops = [(re.compile(row[0]) if row[1] == "regex" else None, row[0])
             for row in table("programme_stop.tsv", 3)]
    surnames = {row[0] for row in table("surnames.tsv", 2)}
    return Lexicon(entries), patterns, stops, surnames


_NAME_KINDS = ("place", "org_known", "org_suffix", "prog_word", "honour")


def _uncovered(hits: list, text: str) -> list:
    """Drop function-word and head-word hits that lie inside a longer name-like hit of another
    kind (和 in 呼和浩特, 联合 in 妇女联合会, 社区 in the honour 十大优秀社区)."""
    # a place's short form covers only what lies strictly inside it (和 in 呼和浩特), not its
    # edges (和政 would swallow 和 in 党和政府)
    spans = [(s, e, payloads.kinds, "place" in payloads.kinds
              and any(p[0] == "place" and p[1] != text[s:e] for p in payloads))
             for s, e, payloads in hits]
    starts = [s for s, _, _, _ in spans]  # hits come sorted by start
    kept = []
    for s, e, payloads in hits:
        kinds = payloads.kinds
        if kinds & _NAME_ANCHOR_KINDS:
            kept.append((s, e, payloads))
            continue
        # only hits starting at most _LONGEST_FORM before this one can cover it
        nearby = spans[bisect_left(starts, s - _LONGEST_FORM):bisect_right(starts, s)]
        covered = any(e <= b and (b - a) > (e - s) and not (k <= kinds)
                      and (k & _NAME_KIND_SET or e - s == 1)
                      and (not short or (a < s and e < b)) for a, b, k, short in nearby)
        if not covered:
            kept.append((s, e, payloads))
    return kept


_NAME_KIND_SET = frozenset(_NAME_KINDS)
_NAME_ANCHOR_KINDS = frozenset(("place", "org_known"))
_PLACE_KIND = frozenset(("place",))
#: Longer than any lexicon form that can cover another (place names, honour heads …).
_LONGEST_FORM = 40


@cache
def _level_words(use: str) -> tuple[str, ...]:
    """Level words (rules/levels.tsv) of one use, longest first."""
    words = [row[0] for row in table("levels.tsv", 4) if use in split_list(row[1])]
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@cache
def _honour_level() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _level_words("honour"))))


def _dictionary_words() -> dict[str, str]:
    """Dictionary words and their part-of-speech tags."""
    return jieba_dictionary()[0]


def _common_words() -> frozenset[str]:
    """Dictionary words common enough to decide a segmentation on their own."""
    return jieba_dictionary()[1]


def _crosses_word(text: str, start: int, end: int, edges: tuple[int, ...] | None = None) -> bool:
    """Whether a common dictionary word runs across either edge of ``[start, end)``
    (和政 in 党和政府), or across the given ``edges`` only."""
    words = _common_words()
    for cut in (start, end) if edges is None else edges:
        for a in range(cut - 2, cut):
            for b in range(cut + 1, cut + 3):
                if a >= 0 and b <= len(text) and (a, b) != (start, end) \
                        and (a < start or b > end) and text[a:b] in words:
                    if start <= a < end or start < b <= end:
                        return True
    return False


class Sentence:
    """One sentence of a document with its lexicon hits and name boundaries."""

    def __init__(self, text: str, start: int, end: int, hits: list):
        self.text, self.start, self.end = text, start, end
        self.hits = _uncovered(hits, text)
        hits = self.hits
        breaks = {start}
        inside = set()
        for m in _INNER_QUOTE.finditer(text, start, end):
            inside.update((m.start(), m.end() - 1))
        for m in _DASH_IN_NAME.finditer(text, start, end):
            inside.add(m.start())
        for m in _COMPANY_BRACKETS.finditer(text, start, end):
            inside.update((m.start(), m.end() - 1))
        enlarged = set()
        for m in _ENLARGED.finditer(text, start, end):
            inside.update((m.start(), m.end() - 1))
            enlarged.add(m.start() + 1)  # 扩大 is a boundary word elsewhere
        sessions = {m.end() for m in _SESSION.finditer(text, start, end)}
        sessions |= {m.start() + len(m.group().partition("届")[0]) + 1
                     for m in _SESSION.finditer(text, start, end) if "届" in m.group()}
        for m in _NON_NAME_CHAR.finditer(text, start, end):
            if m.start() not in inside:
                breaks.add(m.end())
        words = _dictionary_words()
        for s, e, payloads in hits:
            if "boundary" in payloads.kinds and s not in enlarged:
                # a one-character function word that starts a dictionary word (向 in 向日葵)
                # is part of that word
                if e - s == 1 and (text[s:s + 3] in words or (
                        text[s:s + 2] in words and text[s + 1:s + 3] not in words)):
                    continue
                breaks.add(e)
        for m in _NUMERAL_CLASSIFIER.finditer(text, start, end):
            if m.end() not in sessions:
                breaks.add(m.end())
        for s, e, payloads in hits:  # in text order, so openers in a row all count
            if "opener" in payloads.kinds and s in breaks:
                breaks.add(e)
        self.breaks = sorted(breaks)
        self.word_starts = {s for s, e, payloads in hits if payloads.kinds - _PLACE_KIND}
        self.boundary_starts = {s for s, e, payloads in hits if "boundary" in payloads.kinds}
        self._by_kind: dict[str, list] = {}
        for s, e, payloads in hits:
            for p in payloads:
                self._by_kind.setdefault(p[0], []).append((s, e, p))

    def limit(self, pos: int) -> int:
        """The leftmost position a name ending at ``pos`` can start from."""
        return self.breaks[bisect_right(self.breaks, pos) - 1] if pos >= self.start else pos

    def is_name(self, start: int, end: int) -> bool:
        return all(_NAME_CHAR.match(c) for c in self.text[start:end])

    def ends_word(self, pos: int) -> bool:
        """Whether a name may end before ``pos`` (the next character starts a new word)."""
        text = self.text
        return (pos >= self.end or text[pos] in _NAME_FOLLOW or pos in self.word_starts
                or not _NAME_CHAR.match(text[pos])
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
        (names among them) as words too."""
        words, pos = [], self.start
        for word, tag in _tagged(self.text[self.start:self.end]):
            words.append((pos, pos + len(word), tag))
            pos += len(word)
        return words

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
        return word is not None and not (word[0] == end and word[1] not in _NAME_TAGS) \
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
                if tag in _NAME_TAGS and after in _AFTER_NAME_TAGS}

    def hits_of(self, kind: str) -> list:
        """``(start, end, payload)`` of the hits of one kind, in text order."""
        return self._by_kind.get(kind, [])


def extract_mentions(document: Document) -> tuple[Mention, ...]:
    """All entity mentions of a document, overlaps settled.

    >>> from kg.normalize import make_document
    >>> doc = make_document("兴安盟人民医院妇二科主任于洋获评先进个人。".encode(), "t.txt")
    >>> sorted({(m.type, m.surface) for m in extract_mentions(doc)})
    [('Honour', '先进个人'), ('Organisation', '兴安盟人民医院'), ('Organisation', '兴安盟人民医院妇二科'), ('Person', '于洋'), ('Place', '兴安盟')]
    """
    lexicon, patterns, stops, surnames = _rules()
    text = document.text
    all_hits = list(lexicon.find(text))
    candidates: list[Candidate] = []
    state: dict = {}
    pos = 0
    for s0, s1 in document.sentences:
        while pos < len(all_hits) and all_hits[pos][0] < s0:
            pos += 1
        hits = []
        j = pos
        while j < len(all_hits) and all_hits[j][0] < s1:
            if all_hits[j][1] <= s1:
                hits.append(all_hits[j])
            j += 1
        sentence = Sentence(text, s0, s1, hits)
        if s0 and text[s0 - 1] in "。!！?？\n":
            state.clear()  # a qualifier of a list heading lasts to the end of its sentence
        found = _sentence_candidates(sentence, patterns, stops, surnames, state)
        candidates.extend(settle_overlaps(found))  # names never cross sentences
    settled = _stated_aliases(text, candidates + _listed_holders(text, candidates))
    return tuple(Mention(document.id, c.start, c.end, text[c.start:c.end], c.type, c.rule_id,
                         c.key) for c in settled)


#: An alias the text gives a name right after it: (简称“妇基会”), (以下简称基金会), ,以下简称“协会”.
_STATED_ALIAS = re.compile(r"[”\"]?\((?:以下)?简称[为:]?[“\"]?([^()“”\"]{2,12}?)[”\"]?\)"
                           r"|[”\"]?[,，]?以下简称[为:]?[“\"]([^“”\"]{2,12})[”\"]")
#: … or a short form in brackets (湖南省巾帼志愿者协会(巾帼志协), …(UNICEF)).
_BRACKETED = re.compile(r"[”\"]?\(([\u4e00-\u9fff]{2,8}|[A-Z][A-Za-z]{1,9})\)")
STATED_ALIAS = "extract:stated-alias"


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is a short form of ``name``: Latin capitals, or characters of the name
    in the name's order (巾帼志协 of 巾帼志愿者协会), shorter than it."""
    if short.isascii():
        return short[:1].isupper()
    rest = iter(name)
    return len(short) < len(name) and all(c in rest for c in short)


def _stated_aliases(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """One name for a body or programme and the alias the text gives it (X(简称“Y”),
    X(以下简称Y), X(Y)): the alias where it is stated and wherever the text uses it later is
    a mention with the full name's key, so both are one node."""
    outer: dict[int, Candidate] = {}
    for c in candidates:
        if c.type in ("Organisation", "Programme") and (
                c.end not in outer or c.start < outer[c.end].start):
            outer[c.end] = c
    places = {(c.start, c.end) for c in candidates if c.type == "Place"}
    found = []
    for end, c in sorted(outer.items()):
        name = c.key or text[c.start:c.end]
        m = _STATED_ALIAS.match(text, end)
        group = 1 if m and m.group(1) else 2
        if m is None:
            m, group = _BRACKETED.match(text, end), 1
            if m is None or not _abbreviates(m.group(1), text[c.start:c.end]) \
                    or m.span(1) in places:
                continue  # (长沙) after a name says where, it is no alias
        found.append((m.span(), m.group(group), c, name))
    if not found:
        return candidates
    result = [c for c in candidates
              if not any(a < c.end and c.start < b for (a, b), *_ in found)]
    for (a, b), alias, c, name in found:
        start = text.index(alias, a, b)
        result.append(Candidate(start, start + len(alias), c.type, STATED_ALIAS, name,
                                c.family))
        # later uses of the alias, where no other name of its type stands
        at = text.find(alias, b)
        while at >= 0:
            same = [o for o in result if o.type == c.type and o.start < at + len(alias)
                    and at < o.end]
            if all(o.start == at and o.end == at + len(alias) for o in same):
                result = [o for o in result if o not in same]
                result.append(Candidate(at, at + len(alias), c.type, STATED_ALIAS, name,
                                        c.family))
            at = text.find(alias, at + len(alias))
    return sorted(result, key=lambda c: (c.start, c.end, c.type))


def _sentence_candidates(sent: Sentence, patterns, stops, surnames,
                         state: dict) -> list[Candidate]:
    found: list[Candidate] = []
    found += _places(sent)
    found += _known_orgs(sent, found)
    found += _patterns(sent, patterns)
    orgs = _organisations(sent, found)
    found += orgs
    found += _departments(sent, found)
    found += _organs(sent, found)
    found += _units_in_post_chains(sent, found)
    found += _book_titles(sent)
    found += _byline_outlets(sent, found)
    found += _quoted(sent, stops)
    found += _programmes(sent, stops, found)
    found += _section_headers(sent, stops)
    found += _honours(sent, state, found)
    found += _conferred_titles(sent, found)
    found += _ranked_prizes(sent)
    found += _listed_recipients(sent, found)
    found += _persons(sent, surnames, found)
    # an organ named only inside its meeting's name (…执行委员会第一次会议) is not a mention
    meetings = [c for c in found if c.type == "Programme"]
    return [c for c in found if c.rule_id != ORGAN
            or not any(m.start <= c.start and c.end < m.end for m in meetings)]


# ------------------------------------------------------------------ places
def _places(sent: Sentence) -> list[Candidate]:
    hits = [(s, e, p) for s, e, p in sent.hits_of("place")]
    # a form inside a longer place form at the same spot (赤峰 in 赤峰市) is not a mention
    longest = [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1]
                                          and (o[1] - o[0]) > (h[1] - h[0]) for o in hits)]
    words = _dictionary_words()
    result, words_here = [], []
    for s, e, p in longest:
        surface = sent.text[s:e]
        # a short form, or a foreign city's name, may be an ordinary word or part of one
        short = surface != p[1] or place_index().level(p[1]) == "city"
        if short and words.get(surface, "ns") in _NOT_NAME_TAGS \
                and not _containing_word_tag(sent, s, e):
            # an ordinary word (奉节 is a verb to jieba), unless it stands in a list of places
            words_here.append(Candidate(s, e, "Place", "rules/places.tsv", p[1], "place"))
            continue
        if short and (
                words.get(surface, "ns") in _NOT_NAME_TAGS
                or _containing_word_tag(sent, s, e) in _PHRASE_TAGS  # 同德 in 同心同德
                or _ends_listed_name(sent.text, s, e)
                or (_crosses_word(sent.text, s, e)
                    and not (_segmented_at(sent, s) and _segmented_at(sent, e))
                    and _containing_word_tag(sent, s, e, opening=True) != "nt")
                or TOWN_SUFFIX.match(sent.text, e)
                or (_containing_word_tag(sent, s, e) in _NAMED_NOT_BODY
                    and e not in sent.word_starts)):  # 阿里巴巴, but 德国|总理
            # an ordinary word here (新建; 和政 in 党和政府, where both a common word runs across
            # it and jieba cuts elsewhere), a town's name (那坡镇), or part of another proper
            # name (阿里 in 阿里巴巴)
            continue
        result.append(Candidate(s, e, "Place", "rules/places.tsv", p[1], "place"))
    result = sorted(result + _listed_places(sent.text, result, words_here),
                    key=lambda c: c.start)
    lower = _lower_places(sent, result)
    sited = _sited_places(sent, result + lower)
    # a short form inside a zone's name is not a place of its own (滨江 in X市滨江新区)
    result = [p for p in result if sent.text[p.start:p.end] == p.key
              or not any(z.start <= p.start and p.end < z.end for z in sited)]
    return result + lower + _abbreviated_places(sent, result) + sited


#: What stands around an item of a list of names (、周静海、, ：林木兰 ).
_NAME_ITEM_EDGE = frozenset("、，,:：;；(（ \n")


def _ends_listed_name(text: str, start: int, end: int) -> bool:
    """A short form that, with a surname before it, makes a whole item of a list: a person's
    name (周静海 among 王晨、周静海、何立武), not the county 静海."""
    _, _, _, surnames = _rules()
    return (start >= 1 and text[start - 1] in surnames
            and (start == 1 or text[start - 2] in _NAME_ITEM_EDGE)
            and (end == len(text) or text[end] in _NAME_ITEM_EDGE | _LIST_END))


#: jieba tags of idioms and set phrases: a short form inside one (同德 in 同心同德) is no place.
_PHRASE_TAGS = frozenset(("i", "l"))
#: What may close a list of places after its last item.
_LIST_END = frozenset("、，,。;；:：)）等和及与 \n")


def _listed_places(text: str, places: list[Candidate],
                   words: list[Candidate]) -> list[Candidate]:
    """Short forms that are ordinary words too, read as places when they are items of a list
    of places (来自万盛、奉节、荣昌: 奉节 is a verb to jieba): a 、 joins each to a place on
    one side, and the other side closes the item."""
    edges = {c.start for c in places} | {c.end for c in places}
    found: list[Candidate] = []
    pending = list(words)
    while pending:
        joined = [c for c in pending if
                  (text[c.end:c.end + 1] == "、" and c.end + 1 in edges
                   and (c.start == 0 or text[c.start - 1] in _LIST_END))
                  or (text[c.start - 1:c.start] == "、" and c.start - 1 in edges
                      and text[c.end:c.end + 1] in _LIST_END | {""})]
        if not joined:
            break
        found += joined
        edges |= {c.start for c in joined} | {c.end for c in joined}
        pending = [c for c in pending if c not in joined]
    return found


#: After a run of one-character abbreviations: the word that makes it a list of places
#: (晋陕等地, 川渝两地, 苏浙沪三省市).
_PLACES_AFTER = re.compile(r"等地|[两二三四五六七八九十]+(?:地|省|省区|省市|省区市)|地区")


def _abbreviated_places(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """One-character abbreviations of provinces read only in a run of two or more next to a
    named place or region (京津冀晋陕 -> 山西省, 陕西省) or before 等地, 两省 …"""
    text = sent.text
    abbreviations = place_index().abbreviations
    edges = {p.start for p in places} | {p.end for p in places}
    result = []
    for m in _abbreviation_run().finditer(text, sent.start, sent.end):
        # the parts of the run outside named places (京津冀|晋陕; not 晋中 of 晋中市)
        free = [i for i in range(*m.span()) if not any(p.start <= i < p.end for p in places)]
        for run in _consecutive(free):
            pos, end = run[0], run[-1] + 1
            if end - pos >= 2 and (pos in edges or end in edges
                                   or _PLACES_AFTER.match(text, end)) \
                    and not _is_word(text[pos:end]) \
                    and not TOWN_SUFFIX.match(text, end):  # 闽宁镇 is a town
                result += [Candidate(i, i + 1, "Place", "rules/regions.tsv",
                                     abbreviations[text[i]], "place") for i in run]
    return result


def _consecutive(positions: list[int]) -> list[list[int]]:
    """Runs of consecutive integers ([1, 2, 4] -> [[1, 2], [4]])."""
    runs: list[list[int]] = []
    for i in positions:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


@cache
def _abbreviation_run() -> re.Pattern:
    return re.compile("[" + "".join(sorted(place_index().abbreviations)) + "]{2,}")


def _containing_word_tag(sent: Sentence, start: int, end: int,
                         opening: bool = False) -> str | None:
    """The tag of the longer dictionary word jieba reads ``[start, end)`` as part of, if any
    (nt for 美国政府, nrt for 阿里巴巴); with ``opening``, only a word that starts there."""
    words = _dictionary_words()
    for stop in range(end, min(sent.end, end + 3) + 1):
        word = _word_ending_at(sent, stop)
        longer = len(word) > end - start and stop - len(word) <= start
        if longer and (stop - len(word) == start or not opening) and word in words:
            return words[word]
    return None


#: jieba tags of proper names other than organisations' (a place inside 美国政府 or 德国队 is
#: still the place; inside 阿里巴巴 or the mountain 六盘山 it is not).
_NAMED_NOT_BODY = frozenset(("nr", "nrt", "nz", "ns"))


#: Towns, townships, sums, villages and sub-districts are not in the gazetteer: they are read
#: by their suffix after a known county or city (赤峰市宁城县八里罕镇), or before a community
#: or village of theirs (公乌素镇利民社区).
_LOWER_LEVEL = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:镇|乡|苏木|街道|嘎查|村)")
#: Ordinary words that end like a town or village (农村 in 农业农村局, 城乡, 乡镇).
_RURAL_WORDS = frozenset(("农村", "乡村", "城乡", "乡镇", "城镇"))
_UNDER_TOWN = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:社区|村|嘎查)")


def _lower_places(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    text = sent.text
    starts = {p.end for p in places if place_index().level(p.key) in ("prefecture", "county")}
    towns = {b for b in sent.breaks if b < sent.end}
    named = {p.start for p in places}  # 石家庄市|赵县范庄镇: the town starts after the county
    result = []
    chained: set[int] = set()
    pending = sorted((starts | towns) - named)
    while pending:
        start = pending.pop(0)
        m = _LOWER_LEVEL.match(text, start)
        if m is None or (start not in starts and not _UNDER_TOWN.match(text, m.end())):
            continue
        if _is_word(m.group()) or text[m.end() - 2:m.end()] in _RURAL_WORDS \
                or (_runs_on(text, m.end()) and not _UNDER_TOWN.match(text, m.end())):
            continue  # a word (农业农村局), or one running on (…乡|村振兴), unless a village
            #          of the town follows it (永清镇|南峡村)
        if start not in starts and _FUNCTION_START.match(text, start):
            continue  # 在车田乡: a preposition before the town, not part of it
        if start in chained and (start in sent.word_starts or _FUNCTION_START.match(text, start)):
            continue  # a phrase after a village (三元朱村|是蔬菜之乡), not a name
        result.append(Candidate(start, m.end(), "Place", "extract:lower-level-place", m.group(),
                                "place"))
        if m.end() not in starts:  # 牛街乡|福和村: a village after its township
            starts.add(m.end())
            chained.add(m.end())
            if m.end() not in pending:
                insort(pending, m.end())
    return result


@cache
def _site_names() -> dict[str, re.Pattern]:
    """For each kind of ``rules/sites.tsv``: a name of up to eight characters ending in one of
    its suffixes (as few as possible, so a name ends at its first suffix)."""
    by_kind: dict[str, list[str]] = {}
    for row in table("sites.tsv", 3):  # rules.SCHEMAS admits the kinds zone and site only
        by_kind.setdefault(row[1], []).append(row[0])
    least = {"zone": 1, "site": 2}  # 高新区 is a zone's whole name; 广场 alone is no site's
    return {kind: re.compile(f"[\\u4e00-\\u9fff]{{{least[kind]},8}}?(?:" + "|".join(
        sorted(suffixes, key=len, reverse=True)) + ")") for kind, suffixes in by_kind.items()}


_SITE_OPENERS = frozenset("在于")
#: After a square or park: a word that ends its name (在X广场|举行), where an organisation's
#: name would run on (X公园|管理处).
_AFTER_SITE = re.compile(r"举行|举办|开展|召开|启动|联合|共同|隆重|上演|集中|参加|参与|内|里|旁|附近|周边")


def _sited_places(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """Development zones after their city (长沙市|湘江新区), and squares and parks after a
    place or after 在/于 (在|人民广场举行): places below the gazetteer, named by a suffix."""
    text = sent.text
    after_place = {p.end for p in places}
    after_city = {p.end for p in places if place_index().level(p.key) in ("prefecture", "county")
                  or p.rule_id == "extract:lower-level-place"}
    after_opener = {i + 1 for i in range(sent.start, sent.end - 1) if text[i] in _SITE_OPENERS}
    names = _site_names()
    result: list[Candidate] = []
    for kind in ("zone", "site"):  # zones first: a square may follow one (X新区|Y广场)
        starts = after_city if kind == "zone" else after_place | after_opener
        ends: set[int] = set()
        for start in sorted(starts, reverse=True):  # the nearest start names the site
            m = names[kind].match(text, start, sent.end) if kind in names else None
            if m is None or m.end() in ends or _FUNCTION_START.match(text, start) \
                    or _runs_on(text, m.end()):
                continue
            if kind == "site" and not (m.end() >= sent.end or text[m.end()] in _NAME_FOLLOW
                                       or _AFTER_SITE.match(text, m.end())):
                continue
            if start not in after_place and text.startswith("等", m.end()):
                continue  # 在儿童公园等…: a kind of site, not one named
            rule = "extract:lower-level-place" if start in after_place else "rules/sites.tsv"
            result.append(Candidate(start, m.end(), "Place", rule, m.group(), "place"))
            after_place.add(m.end())
            ends.add(m.end())
    return result


def _known_orgs(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """National bodies by name or short form; a short form after another country (法国外交部)
    is that country's body, left to the organisation rules; one followed by 员 names a member
    (共青团员), not the body."""
    foreign_ends = {c.end for c in places if place_index().level(c.key) == "country"
                    and c.key != COUNTRY}
    return [Candidate(s, e, "Organisation", p[2], p[1], "lexicon")
            for s, e, p in sent.hits_of("org_known")
            if not (s in foreign_ends and sent.text[s:e] != p[1])
            and sent.text[e:e + 1] != "员"]


def _patterns(sent: Sentence, patterns) -> list[Candidate]:
    found = []
    for entity_type, regex, canonical, rule_id in patterns:
        for m in regex.finditer(sent.text, sent.start, sent.end):
            try:
                key = canonical.format(**m.groupdict()) if canonical else m.group()
            except (KeyError, IndexError):
                raise RuleError(rule_id, 0, "canonical name uses a group the regex does "
                                            "not have") from None
            found.append(Candidate(m.start(), m.end(), entity_type, rule_id, key, "pattern"))
    return found


# ------------------------------------------------------------------ organisations
def _anchor_start(sent: Sentence, left: int, right: int, anchors: list[Candidate]) -> int | None:
    """The start of the first place, known body or level word between ``left`` and ``right``."""
    # (a place in brackets inside a name, 通用磨坊(中国)投资有限公司, starts nothing)
    starts = [a.start for a in anchors if left <= a.start < right and a.end <= right
              and not (sent.text[a.start - 1:a.start] in _OPENING_BRACKETS
                       and sent.text[a.end:a.end + 1] in _CLOSING_BRACKETS)]
    for word in _level_words("org"):
        if sent.text.startswith(word, left) and left + len(word) <= right \
                and not (word.startswith("我") and starts):
            # (我市 before a name that has its own place, 我市福建某某公司, is not part of it)
            starts.append(left)
    return min(starts) if starts else None


def _suffix_ends_name(sent: Sentence, suffix: str, end: int) -> bool:
    """A suffix must not run on into a longer dictionary word (部 in 部分, 大学 in 大学毕业);
    a one-character suffix (部, 局, 委 …) must also be followed by a word start."""
    if end in sent.word_starts:
        return True
    if not _segmented_at(sent, end):
        return False
    # a one-character suffix must not end a two-character word (局 in 大局, 部 in 干部), unless
    # the word is a level word and the suffix (市委, 省委: the city's or province's committee)
    word = _word_ending_at(sent, end)
    return len(suffix) > 1 or not (len(word) == 2 and word in _dictionary_words()
                                   and word[0] not in _level_words("org"))


def _window(sent: Sentence, pos: int) -> tuple[int, str]:
    lo = max(sent.start, pos - 6)
    return lo, sent.text[lo:min(sent.end, pos + 4)]


def _segmented_at(sent: Sentence, pos: int) -> bool:
    """Whether jieba's segmentation of the few characters around ``pos`` has a word boundary
    there (妇联|会议 and 妇联|系统 do; 宣传部|分 does not: 宣传|部分); the sentence's edges are
    boundaries."""
    lo, window = _window(sent, pos)
    return pos <= sent.start or pos >= lo + len(window) or (pos - lo) in _segments(window)


def _word_ending_at(sent: Sentence, pos: int) -> str:
    """The word of jieba's segmentation that ends at ``pos`` (empty if none does)."""
    lo, window = _window(sent, pos)
    return _segments(window).get(pos - lo, "")


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of ``text`` with their part-of-speech tags (HMM on)."""
    import jieba.posseg

    segmenter.tokenizer()  # kg's own dictionary state, never jieba's shared cache file
    return tuple((pair.word, pair.flag) for pair in jieba.posseg.dt.cut(text))


@lru_cache(maxsize=65536)
def _segments(window: str) -> dict[int, str]:
    """jieba's words of a short window, keyed by where each ends."""
    words, pos = {}, 0
    for word in segmenter.tokenizer().cut(window, HMM=False):
        pos += len(word)
        words[pos] = word
    return words


def _runs_on(text: str, end: int) -> bool:
    """Whether a common dictionary word runs across position ``end`` (部分, 报社)."""
    common = _common_words()
    return any(text[a:b] in common for a in (end - 2, end - 1) for b in (end + 1, end + 2)
               if a >= 0 and b <= len(text))


def _is_anchor(candidate: Candidate) -> bool:
    if candidate.type == "Organisation":
        return True
    return candidate.type == "Place" and (
        candidate.rule_id in ("extract:lower-level-place", "rules/sites.tsv")
        or place_index().level(candidate.key) in ("province", "prefecture", "county", "country"))


def _organisations(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    anchors = [c for c in found if _is_anchor(c)]
    result: list[Candidate] = []
    text = sent.text
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        if kind in ("department", "organ") or not _suffix_ends_name(sent, suffix, e) \
                or text[s - 1:s] in _OPENING_BRACKETS:
            continue  # (集团) inside a company's name ends nothing
        left = sent.limit(s)
        # a body named before this one by its own suffix is not part of its name
        # (自治区妇联平安内蒙古建设工作领导小组); national short forms are (中共内蒙古…委员会)
        cut = max([left] + [c.end for c in found + result if c.type == "Organisation"
                            and c.family not in ("lexicon", "pattern") and left < c.end <= s])
        start = _anchor_start(sent, cut, s, anchors)
        if cut > left and (start is None or needs == "any"):
            start = cut if s - cut >= (2 if needs == "any" else 99) else None
        left = cut
        key = ""
        joint = left - len(_JOINT)
        if needs == "any" and text.startswith(_JOINT, joint) and s - left <= 8 and any(
                c.type == "Place" and c.end == joint and _is_anchor(c)
                and text[joint - 1] not in _DIVISION_ENDS for c in found):
            left = start = next(c.start for c in found if c.type == "Place" and c.end == joint)
            # 中国联合网络通信有限公司, 北京联合大学: 联合 after a place's short name is part of
            # the name (after 株洲市 it is the city joining a partner)
        if start is not None and needs == "any" and start > left \
                and _dictionary_words().get(text[left:start]) in _PROPER_NAME_TAGS:
            start = left  # 哈工大郑州研究院: a body's short name before the place is its own
        if start is None:
            listed = _list_prefix(text, left, result)
            if listed is not None and 0 <= s - left <= 6:
                start, key = left, listed + text[left:e]
            elif needs == "any" and 2 <= s - left <= 10 \
                    and _dictionary_words().get(_word_ending_at(sent, s)) not in _DESCRIBING:
                start = left  # a bare name (清华大学), not a description (优秀大学毕业生)
            else:
                continue
        ordinal = _ORDINAL.match(text, start)
        if ordinal and not key and ordinal.end() < s:
            start = ordinal.end()  # 第二届全国…协会: the ordinal belongs to an event named later
        body = text[start:s]
        if text[start] in _OPENING_BRACKETS:
            continue
        if not key and (not body or _GENERIC_BODY.match(body)) \
                and body not in ("自治区", "省", "市", "盟", "旗", "县", "区", "中共", "全国"):
            continue
        if _names_a_post_holder(sent, start, s):
            continue  # 国务院总理李强作政府…: a post and its holder end any name before them
        if suffix == "中心" and any(e <= s2 and e2 - e <= 4 and sent.is_name(e, e2)
                                   and p2[3] in ("body", "top")
                                   for s2, e2, p2 in sent.suffix_hits):
            continue  # 中心 before a body's word is "central" (市中心医院, 镇中心小学)
        result.append(Candidate(start, e, "Organisation", rule_id, key, "org"))
    return result


#: "Joint", a boundary word elsewhere (A 联合 B 开展), inside a name right after its place.
_JOINT = "联合"
_DIVISION_ENDS = frozenset("省市县区州盟旗")
#: jieba tags of an organisation's or a brand's own short name (哈工大, 中国联通).
_PROPER_NAME_TAGS = frozenset(("nt", "nz", "j"))
#: jieba tags of words that describe rather than name (优秀, 全面): adjectives and adverbs (not
#: verbs: 远航集团 is a name).
_DESCRIBING = frozenset(("a", "ad", "an", "d"))
#: … and verbs, which do not name a venue or a screening either (免费筛查).
_DESCRIBING_OR_VERB = _DESCRIBING | {"v", "vn"}


def _names_a_post_holder(sent: Sentence, start: int, end: int) -> bool:
    """Whether a post title followed by a person's name lies between ``start`` and ``end``."""
    surnames = _rules()[3]
    return any(start < s and e < end and _person_at(sent, e, surnames)
               for s, e, _ in sent.hits_of("post"))


def _list_prefix(text: str, left: int, previous: list[Candidate]) -> str | None:
    """In 自治区检察院、科技厅、教育厅 the later items share the first item's place prefix."""
    if left < 1 or text[left - 1] != "、":
        return None
    for c in reversed(previous):
        if c.end == left - 1:
            prefix = c.key[:-(c.end - c.start)] if c.key else ""
            if prefix:
                return prefix
            for word in ("自治区", "全国", "省", "市"):
                if text.startswith(word, c.start):
                    return word
            return None
    return None


def _departments(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A unit right after its parent organisation: 自治区妇联权益部, 兴安盟人民医院妇二科."""
    parents = [c for c in found if c.type == "Organisation"]
    result = []
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        if kind in ("top", "organ") or not _suffix_ends_name(sent, suffix, e):
            continue
        left = sent.limit(s)
        for parent in parents:
            # the unit's own words (妇二 in 妇二科) are at most five characters
            if left <= parent.start and parent.end <= s <= parent.end + 5 \
                    and sent.is_name(parent.end, s):
                result.append(Candidate(parent.start, e, "Organisation", rule_id, "",
                                        "department"))
                break
            # a unit the parent sets up: 自治区妇联单独设置组织部
            sets_up = _SETS_UP.match(sent.text, parent.end)
            if kind == "department" and sets_up and sets_up.end() <= s \
                    and e - sets_up.end() <= 8 and sent.is_name(sets_up.end(), e) \
                    and sent.limit(s) <= sets_up.end():
                result.append(Candidate(sets_up.end(), e, "Organisation", rule_id,
                                        (parent.key or sent.text[parent.start:parent.end])
                                        + sent.text[sets_up.end():e], "department"))
                break
    return result


_SETS_UP = re.compile(r"(?:单独|新|增)?(?:设置|设立|组建|增设)")


def _units_in_post_chains(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A unit named without its body inside a chain of posts is the body's (全国妇联主席、
    书记处书记、党组成员: 书记处 and 党组 of 全国妇联; 市委副书记、政法委书记: 市委's 政法委)."""
    text = sent.text
    ends = {c.end: c for c in found if c.type == "Organisation"}
    post_ends: dict[int, int] = {}
    for s, e, _ in sent.hits_of("post"):
        post_ends[e] = min(s, post_ends.get(e, s))
    post_starts = {s for s, _, _ in sent.hits_of("post")}
    # a unit that names its own place or body (、贵阳市妇儿工委主任) is no part of the first
    named = {c.start for c in found if c.type in ("Organisation", "Place")}
    result = []
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        left = sent.limit(s)
        if kind == "top" or left == s and len(suffix) < 2 or text[left - 1:left] != "、" \
                or e not in post_starts or left in named or _LEVEL_START.match(text, left):
            continue
        pos = left - 1  # back over the posts of the chain to the body that opens it
        while pos in post_ends and pos not in ends:
            pos = post_ends[pos]
            pos = pos - 1 if text[pos - 1:pos] == "、" else pos
        parent = ends.get(pos)
        if parent is not None and pos < left - 1:
            result.append(Candidate(left, e, "Organisation", rule_id,
                                    (parent.key or text[parent.start:parent.end]) + text[left:e],
                                    "department"))
    return result

_NUMBER = r"[一二三四五六七八九十百零〇\d]+"
#: The term of an organ or a meeting (第十二届, 十二届), ending where the organ's word starts.
_TERM_BEFORE = re.compile(rf"(?:第?({_NUMBER})届)$")
ORGAN = "extract:organ"


def _organs(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A body's standing organs (rules/org_suffixes.tsv, kind organ): 全国妇联书记处,
    市妇联十五届执委会; after an ordinal term alone (第五届主席团) the organ is the document's
    own body's, which ``resolve`` names (its key starts with the term)."""
    text = sent.text
    ends = {c.end: c for c in found if c.type == "Organisation"}
    result = []
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        if kind != "organ" or not _suffix_ends_name(sent, suffix, e):
            continue
        term = _TERM_BEFORE.search(text, max(sent.start, s - 8), s)
        at = term.start() if term else s
        parent = ends.get(at)
        if parent is None and term is None:
            continue  # a bare 理事会 is no name
        if parent is None and at > sent.start and _NAME_CHAR.match(text[at - 1]) \
                and text[at - 1] not in _NAME_FOLLOW and at not in sent.word_starts \
                and not _segmented_at(sent, at):
            continue  # the term is the end of a longer word
        name = (full or suffix) if (suffix != "执委" or term) else None
        if name is None:
            continue  # 执委 alone is a member of the committee, not the committee
        key = (f"第{term.group(1)}届" if term else "") + name
        start = at
        if parent is not None:
            start, key = parent.start, (parent.key or text[parent.start:parent.end]) + key
        result.append(Candidate(start, e, "Organisation", ORGAN, key, "department"))
    return result




def _book_titles(sent: Sentence) -> list[Candidate]:
    """《…》: newspapers and media are organisations, plans and programmes are programmes."""
    result = []
    for m in _TITLE_MARKS.finditer(sent.text, sent.start, sent.end):
        title = m.group(1)
        if re.search(r"(报|日报|晚报|杂志|周刊|电视台|频道)$", title):
            result.append(Candidate(m.start(), m.end(), "Organisation", BOOK_TITLE,
                                    title, "quoted"))
        elif re.search(r"(方案|计划|纲要|规划|实施意见)$", title):
            result.append(Candidate(m.start(), m.end(), "Programme", BOOK_TITLE,
                                    title, "quoted"))
    return result


#: A news outlet's name: a few characters and a media word (大同日报, 中国菏泽网, 中国女网).
_OUTLET = r"[\u4e00-\u9fff]{2,10}?(?:日报|晚报|晨报|报|网|电视台|广播电台|电台|杂志社|通讯社|新闻社)"
#: Where a byline names the outlet: 来源:X; X·Y记者 (outlets joined by a middle dot); X消息
#: or X+place+date+电 before (记者 …); 据X报道.
_OUTLET_CONTEXT = re.compile(
    rf"(?:(?:来源|稿源|来自)[:：]\s*(?P<source>{_OUTLET})(?=\s|$))"
    rf"|(?P<staff>{_OUTLET}(?:[·・]{_OUTLET})*)\s*(?=记者|通讯员|特约记者)"
    rf"|(?P<wire>{_OUTLET})(?=(?:消息|讯|[\u4e00-\u9fff]{{0,6}}\d{{1,2}}月\d{{1,2}}日电)\s*[(（]\s*记者)"
    rf"|(?<=据)(?P<cited>{_OUTLET})(?=报道|消息)")


def _byline_outlets(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The news outlets a byline names (来源:大同日报, 中国妇女报·中国女网记者, 某网消息 (记者
    …)) that no other rule found."""
    known = {(c.start, c.end) for c in found if c.type == "Organisation"}
    places = sorted(c.start for c in found if c.type == "Place")
    result = []
    for m in _OUTLET_CONTEXT.finditer(sent.text, sent.start, sent.end):
        group = m.lastgroup
        pos = m.start(group)
        for name in re.split(r"[·・]", m.group(group)):
            start = max(pos, sent.limit(pos + len(name) - 1))
            # an outlet's name starts with its place where it has one (…两句|中国妇女报)
            start = next((p for p in places if start <= p < pos + len(name)), start)
            if (start, pos + len(name)) not in known and pos + len(name) - start >= 3:
                result.append(Candidate(start, pos + len(name), "Organisation",
                                        "extract:byline-outlet", sent.text[start:pos + len(name)],
                                        "org"))
            pos += len(name) + 1
    return result


# ------------------------------------------------------------------ programmes
def _is_slogan(name: str, stops) -> bool:
    for regex, word in stops:
        if regex is not None and regex.search(name):
            return True
        if regex is None and name == word:
            return True
    return False


def _programme_word_at(sent: Sentence, pos: int, limit: int, quoted: bool = False):
    """The longest programme word that ends a name starting at ``pos`` within ``limit``
    (across function words only when the name is all inside quotation marks)."""
    best = None
    for s, e, p in sent.hits_of("prog_word"):
        if pos <= s and e <= limit and sent.is_name(pos, s) and sent.ends_word(e) \
                and (quoted or sent.limit(s) <= pos) \
                and not re.search(r"[等和与及的]", sent.text[pos:s]):
            if best is None or e > best[1] or (e == best[1] and s < best[0]):
                best = (s, e, p)
    return best


def _quoted(sent: Sentence, stops) -> list[Candidate]:
    """Quoted names: “山村巾帼致富计划”, “绿色家园”活动, “春风姐妹”家政技能培训."""
    result = []
    text = sent.text
    triggered = False
    previous_end = -1
    quotations = _quotations(sent)
    run_ends = _run_ends(text, quotations)
    for (start, end, inner, tail_from), run_end in zip(quotations, run_ends):
        before = text[max(sent.start, start - 6):start]
        chained = triggered and _follows(text, previous_end, start)
        triggered = chained or bool(_run_triggers().search(before))
        previous_end = end
        verb = _SELECTION_VERB.match(text, tail_from)
        tail = _quote_tail(sent, start, end, tail_from, verb)
        if text[end:end + 1] in "—-" and not tail:
            continue  # “强国复兴有我”——…大赛: the theme of the event named after the dash
        if _is_slogan(inner, stops) and not _ends_with_org_suffix(inner) and not (
                tail and tail[2][2] != "quote"):
            continue  # a slogan, unless a programme word makes it a name (“…”女性恳谈会)
        org_tail = _org_tail(sent, tail_from)
        if org_tail and tail and tail[1] > org_tail:
            org_tail = None
        if tail and tail[2][2] == "quote" and tail[0] - tail_from < 4 and not verb:
            # “绿色家园”活动, “联学联讲”机制品牌: the quoted part is the name
            result.append(Candidate(start, tail[1], "Programme", tail[2][3], inner, "quoted"))
        elif org_tail:
            result.append(Candidate(start, org_tail, "Organisation", "extract:quoted-org",
                                    inner + text[tail_from:org_tail], "quoted"))
        elif tail:
            name = inner + text[tail_from:tail[1]]
            result.append(Candidate(start, tail[1], "Programme", tail[2][3], name, "quoted"))
            if tail[0] > tail_from and len(inner) >= 3 and tail[2][1] not in _PROJECT_WORDS \
                    and not verb and not _is_slogan(inner, stops):
                result.append(Candidate(start, end, "Programme", "extract:quoted", inner,
                                        "quoted"))
        elif _ends_with_org_suffix(inner):
            result.append(Candidate(start + 1, end - 1, "Organisation", "extract:quoted-org",
                                    inner, "quoted"))
        elif _MEDIA_AFTER.match(text, tail_from):
            # a quoted account or channel (“北疆之声”微博) is a media organisation
            result.append(Candidate(start + 1, end - 1, "Organisation", "extract:quoted-media",
                                    inner, "quoted"))
        elif _TITLE_AFTER.match(text, end) or (_PRIZE_NAME.search(inner) and not tail) \
                or NAMED_AS.search(text, max(sent.start, start - 4), start):
            result.append(Candidate(start, end, "Honour", "extract:quoted-title", inner,
                                    "quoted"))
        elif re.search(r"[、,，]", inner):
            continue  # a quoted list of phrases is a slogan unless a programme word follows
        elif _programme_word_at(sent, start + 1, end - 1, quoted=True) or triggered \
                or _KIND_AFTER_LIST.match(text, run_end):
            if len(inner) >= 3:
                # the span is the inside of the marks, so a shorter reading of the same name
                # inside them (123工作法 in “妇女小组三个123工作法”) ends where it ends
                result.append(Candidate(start + 1, end - 1, "Programme", "extract:quoted", inner,
                                        "quoted"))
    return result


def _quote_tail(sent: Sentence, start: int, end: int, tail_from: int, verb):
    """The programme word that goes on a quoted name (“…”活动, “…”家政技能培训), or None."""
    text = sent.text
    tail = _programme_word_at(sent, tail_from, min(sent.end, tail_from + 14))
    if tail is None and verb:
        # “巾帼示范基地”创建项目: a selection verb between the title and the word
        after = _programme_word_at(sent, verb.end(), min(sent.end, verb.end() + 4))
        tail = after if after and after[0] == verb.end() else None
    if tail and tail[2][2] == "quote":
        # “海曙巾帼”大讲堂活动: the name word before the activity word ends the name
        named = _programme_word_at(sent, tail_from, tail[0])
        if named and named[1] == tail[0] and named[2][2] != "quote":
            tail = named
    if tail and text[end - 1] == " " and (text[tail[1]:tail[1] + 1] == " " or (
            tail[0] > tail_from and _programme_word_at(sent, start + 1, end - 1, True))):
        return None  # the next item of a spaced list, not the rest of this name
    return tail


#: 等 and the kind of the quoted names listed before it (“A”“B”等优秀志愿服务团队和品牌).
_KIND_AFTER_LIST = re.compile(r"等[^,，。]{0,14}(品牌|活动|项目)")


def _follows(text: str, previous_end: int, start: int) -> bool:
    """Whether a quotation continues a list whose previous item ended at ``previous_end``
    (adjacent marks; spaced phrases in a row share the space between them; or 、)."""
    return previous_end - 1 <= start <= previous_end or text[start - 1] in "、"


def _run_ends(text: str, quotations: list) -> list[int]:
    """For each quotation, where the list of quotations it belongs to ends."""
    ends = [end for _, end, _, _ in quotations]
    for i in range(len(quotations) - 2, -1, -1):
        if _follows(text, quotations[i][1], quotations[i + 1][0]):
            ends[i] = ends[i + 1]
    return ends


#: Verbs of making or choosing titles that may stand between a quoted title and a programme
#: word (“…示范基地”创建项目, “最美家庭”寻访活动).
_SELECTION_VERB = re.compile(r"创建|创评|评选|寻访|选树|推选")

#: Words after a quoted name that make it a media outlet or a title conferred on it.
_MEDIA_AFTER = re.compile(r"(?:等(?:[\u4e00-\u9fff]{0,4}))?(?:新媒体|融媒体|微博|微信|公众号|客户端|"
                          r"抖音|快手|视频号|百家号|头条号|网站)")
_TITLE_AFTER = re.compile(r"[国家]*(?:荣誉)?(?:称号|证书)|崇高荣誉|奖牌|奖杯")
#: The verb before a title that says it was conferred (…首批命名的“…”).
NAMED_AS = re.compile(r"(?:命名|授予|评定|认定|评选)的[“\"]?$")
#: A quoted name that is a prize by its last word (“中国青年女科学家奖”).
_PRIZE_NAME = re.compile(r"..(?:奖|奖章|奖杯|勋章)$")

#: A phrase set off by single spaces inside Chinese text: scrapers often turn quotation marks
#: into spaces (实施 北疆巾帼铸魂工程,开展 百千万巾帼大宣讲 妇女恳谈 …).
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff ]) ([^\s,，。;；、“”\"]{2,14})(?= [\u4e00-\u9fff,，等])")


def _quotations(sent: Sentence):
    """``(start, end, inner, tail_from)`` of every quoted phrase, marks included, in text
    order; ``tail_from`` is where words that continue the name may start (past the space
    that stands for a closing quotation mark)."""
    found = [(m.start(), m.end(), m.group(1).strip(), m.end())
             for m in _QUOTED.finditer(sent.text, sent.start, sent.end)]
    # the space after a spaced phrase stands for its closing mark
    found += [(m.start(), m.end() + 1, m.group(1), m.end() + 1)
              for m in _SPACED.finditer(sent.text, sent.start, sent.end)]
    return sorted(found)


#: Programme words that make a quoted brand plus tail one project (“护航未来”困境儿童帮扶项目),
#: not a brand and an event under it (“春风姐妹”家政职业技能大赛).
_PROJECT_WORDS = frozenset(("项目", "公益项目", "志愿服务项目", "计划", "工程", "行动", "专项行动",
                            "热线"))


@cache
def _run_triggers() -> re.Pattern:
    return re.compile("(" + "|".join(map(re.escape, trigger_words("runs"))) + ")[出了]?$")


def _org_tail(sent: Sentence, pos: int) -> int | None:
    for s, e, p in sent.suffix_hits:
        if s == pos and p[3] in ("body", "top") and len(p[1]) > 1:
            return e
    return None


@lru_cache(maxsize=65536)
def _ends_with_org_suffix(name: str, kinds: tuple[str, ...] = ("body", "top"),
                          shortest: int = 2) -> bool:
    lexicon, *_ = _rules()
    return any(p[0] == "org_suffix" and p[3] in kinds and len(p[1]) >= shortest
               and e == len(name)
               for s, e, payloads in _uncovered(list(lexicon.find(name)), name) for p in payloads)


#: Bodies that act (run programmes), as opposed to bodies a programme is named after.
_ACTING_BODY = re.compile(r"(妇联|妇女联合会|党委|委员会|政府|厅|局|委|部|办)$")
_DISTRIBUTIVE = re.compile(r"[一二三四五六七八九十两\d]+[大项个类]?(?P<mod>巾帼|妇女|家庭)?$")


def _programmes(sent: Sentence, stops, found: list[Candidate]) -> list[Candidate]:
    """Unquoted programme names ending in a programme word, and distributed lists
    (平安家庭、绿色家园两大工程 -> two 工程)."""
    result = []
    text = sent.text
    by_end: dict[int, tuple] = {}
    for s, e, p in sent.hits_of("prog_word"):
        if p[2] != "quote" and (e not in by_end or s < by_end[e][0]):
            by_end[e] = (s, e, p)
    word_starts = {s for s, e, p in sent.hits_of("prog_word")}
    for s, e, p in sorted(by_end.values()):
        if not _suffix_ends_name(sent, p[1], e) or e in word_starts:
            continue  # 计划 in …计划项目: the name goes on to the next programme word
        left = sent.limit(s)
        # an organisation at the start of the body is the programme's subject, not its name,
        # unless it is the body's own congress or session (海南省妇联第七次代表大会,
        # X妇联十三届三次执委会议)
        left = max([left] + [c.end for c in found if c.type == "Organisation"
                             and left <= c.start and c.end < s - 1
                             and _ACTING_BODY.search(text, c.start, c.end)
                             and not _OWN_MEETING.fullmatch(text, c.end, e)])
        left = next((e0 for s0, e0, _ in sent.hits_of("opener") if s0 == left and e0 < s), left)
        if p[2] == "short":
            left = max(left, _short_name_start(sent, s))
            if _dictionary_words().get(text[left:s]) in _DESCRIBING_OR_VERB:
                continue  # 免费筛查: a description, not a name
        body = text[left:s]
        dist = _DISTRIBUTIVE.search(body)
        if dist and left > sent.start and text[left - 1] == "、":
            result += _distributed(sent, left, dist, s, e, p, stops)
            continue
        if len(body) < (2 if p[2] == "short" else 3) or len(body) > 22 \
                or _GENERIC_BODY.match(body):
            continue
        if p[1].endswith("会议") and any(c.type == "Organisation" and c.start == left
                                         and c.end == s for c in found):
            continue  # 全国妇联会议: a body's meeting, not a named one
        if left > sent.start and text[left - 1] == "等" and text[left - 2:left - 1] != "”":
            # A、B、C等巾帼建功行动: after 等 comes the kind of thing, not a name; after quoted
            # names it may be their series (“母亲邮包”“母亲水窖”等母亲系列公益项目)
            continue
        name = text[left:e]
        if _is_slogan(name, stops):
            continue
        result.append(Candidate(left, e, "Programme", p[3], name, "programme"))
    return result


def _short_name_start(sent: Sentence, pos: int) -> int:
    """Where the name before a short programme word starts: at the one word before it
    (建设儿童之家 -> 儿童之家), with the word before a short quoted one (妇女“两癌”筛查)."""
    text = sent.text
    if text[pos - 1:pos] in "”\"" and pos > sent.start:
        opening = text.rfind("“", sent.start, pos - 1)
        if opening > 0 and pos - opening <= 6:
            return opening - len(_word_ending_at(sent, opening))
    return pos - len(_word_ending_at(sent, pos))


def _distributed(sent, left, dist, s, e, p, stops) -> list[Candidate]:
    text = sent.text
    head = (dist.group("mod") or "") + text[s:e]
    items = []
    end = left + dist.start()
    pos = end
    # walk back over 、-separated items
    while True:
        start = sent.limit(pos - 1) if pos > sent.start else pos
        item_start = start
        items.append((item_start, pos))
        if item_start - 1 >= sent.start and text[item_start - 1] == "、":
            pos = item_start - 1
            continue
        break
    result = []
    for a, b in items:
        name = text[a:b]
        if 2 <= len(name) <= 10:
            result.append(Candidate(a, b, "Programme", p[3], name + head, "programme"))
    return result


# ------------------------------------------------------------------ honours


def _honours(sent: Sentence, state: dict, found: list[Candidate]) -> list[Candidate]:
    """Honour heads with their level and qualifier: 自治区三八红旗手标兵, 中华环境奖,
    全省巾帼志愿服务“十大感动人物”; a quoted head that follows such a heading in the same
    list (…“十大感动人物”:…;“十大暖心故事”:…) shares its qualifier."""
    result = []
    listed: set[Candidate] = set()
    qualifiers: dict[Candidate, str | None] = {}
    text = sent.text
    by_end: dict[int, tuple] = {}
    for s, e, p in sent.hits_of("honour"):
        if e not in by_end or s < by_end[e][0]:
            by_end[e] = (s, e, p)
    for c in found:
        # a quoted title (“优秀女护士”荣誉称号) takes its qualifier like a head does
        # (山东省卫生系统“优秀女护士”)
        if c.rule_id == "extract:quoted-title" and c.end - 1 not in by_end \
                and c.start > sent.start and _NAME_CHAR.match(text[c.start - 1]):
            by_end[c.end - 1] = (c.start + 1, c.end - 1, ("honour", c.key, c.rule_id, True, False))
    for s, e, p in sorted(by_end.values()):
        if not p[3] and _crosses_word(text, s, e, (e,)):
            continue  # 好人 in 扣好人生: a word runs on across a generic head's end
        e = _joined_title_end(sent, e)
        opened = s - 1 >= sent.start and text[s - 1] in "“\""
        end = e + 1 if opened and text[e:e + 1] in "”\"" else e
        if opened and (s - 1 == sent.start or text[s - 2] in "”\";；:：、") \
                and state.get("qualifier"):
            result.append(Candidate(s - 1, end, "Honour", p[2],
                                    state["qualifier"] + text[s:e], "honour"))
            continue
        quoted = opened and s - 2 >= sent.start and _NAME_CHAR.match(text[s - 2])
        left = sent.limit(s - 1) if quoted else sent.limit(s)
        # the body that confers it is not part of the honour's name (…财政厅政府购买示范项目),
        # but its system or its work is (中国科协系统先进集体, 共青团工作优秀奖)
        left = max([left] + [c.end for c in found if c.type == "Organisation"
                             and left <= c.start and c.end < s
                             and not text.startswith(("系统", "工作"), c.end)])
        if text.startswith("年度", left) and left + 2 < s:
            left += 2  # 2015 年度|…奖: the year, spaced off its 年度
        places = {c.start for c in found if c.type == "Place"}
        while _dictionary_words().get(text[left:left + 2]) in ("v", "vn") and left + 2 <= s \
                and left not in places and not _honour_level().match(text, left):
            left += 2  # nor is a verb before it (建设文明家庭)
        kind = _RECIPIENT_KIND.match(text, left, s)
        if kind and left > sent.start and _NUMERAL_CLASSIFIER.search(text, max(sent.start, left - 6), left):
            left = kind.end()  # 等10个团委|天水“五四”红旗团委: the kind counted, then the title
        level = _honour_level().search(text, left, s)
        if level:
            # the place a level word belongs to is part of the name (浙江省三八红旗手)
            start = min([level.start()] + [c.start for c in found if c.type == "Place"
                                           and left <= c.start < level.start() <= c.end])
        elif s - left <= (12 if quoted else 14):
            start = left
        else:
            start = s
        rounds = list(_ROUND_OR_BATCH.finditer(text, start, s))
        if rounds and not level:
            start = rounds[-1].end()  # 等19个集体|第27届…奖章集体: the title opens at its round
        if start == s and not p[3]:
            continue  # a generic head (示范基地, 先进集体) needs a qualifier
        if p[2] == "extract:quoted-title" and (
                s - 1 - start < 2 or _honour_level().match(text, s) or any(
                    _dictionary_words().get(text[i:i + 2]) == "v" for i in range(start, s - 2))):
            # 建设好“模范自治区”, 呵护好“全国文明城市”: one character, a verb or a title with
            # its own level is no qualifier
            continue
        if _names_a_programme(sent, end):
            continue  # 示范基地建设, 最美家庭手拉手活动: the title qualifies a programme
        if quoted and start < s - 1:
            state["qualifier"] = re.sub(r"[“”\"]|^首届|^第.{1,3}届", "", text[start:s - 1])
        # the round or batch of a title is not part of its name (湖北省首届“最美社科人”)
        name = _ROUND_OR_BATCH.sub("", re.sub(r"[“”\"]", "", text[start:end]))
        result.append(Candidate(start, end if quoted else e, "Honour", p[2], name, "honour"))
        head = re.sub(r"[“”\"]", "", text[s:e])
        qualifiers[result[-1]] = name[:-len(head)] if name.endswith(head) and p[3] else None
        if p[4]:
            listed.add(result[-1])
    result = _shared_qualifiers(text, result, qualifiers)
    # a head that is an honour only among others (…关键技能带头人、兵器大工匠、…)
    ends = {c.end for c in result if c not in listed}
    starts = {c.start for c in result if c not in listed}
    return [c for c in result if c not in listed
            or (text[c.end:c.end + 1] == "、" and c.end + 1 in starts)
            or (text[c.start - 1:c.start] == "、" and c.start - 1 in ends)]


@cache
def _naming_triggers() -> re.Pattern:
    """Award triggers whose object is the title itself (被评为 X, 获评 A、B 等荣誉), and those
    that name the recipients first and the title after 为 (命名 A 等单位为 X)."""
    names = "|".join(map(re.escape, trigger_words("awarded", "names")))
    gives = "|".join(map(re.escape, trigger_words("awarded", "gives")))
    # …评选出A、B等20名|“十佳母亲”: after the count and the kind of those counted
    counted = rf"等[\d一二三四五六七八九十百两]+[名个位户家人](?:{_RECIPIENT_KIND.pattern})?(?=[“\"])"
    # (表彰大会图为…, 授予仪式: a noun, not the verb; 作为, 成为: no 为 of naming)
    return re.compile(rf"(?:{names})了?|(?:{gives})(?!大会|会|仪式|决定|名单)了?[^,，。;；:：]*?"
                      rf"(?:(?<![图作成认行])为(?![了主])|{counted})")


#: Where a conferred title ends: the end of the clause, or the word that calls it a title.
_TITLE_CLOSE = re.compile(r"[,，。;；:：]|等?(?:国家)?(?:荣誉|光荣)?称号|等(?:多项|各类)?(?:荣誉|奖项)|"
                          r"的?(?:荣誉|殊荣)|单位[,，。;；]|等(?=[\d一二三四五六七八九十百两]|单位|集体|同志)"
                          # 荣获…模范母亲有A、B: the holders listed after 有
                          r"|有(?=[^,，。;；、]{2,12}、)")
#: The closings that call what stands before them titles (…称号, …等荣誉): a list may precede.
_TITLE_ANCHOR = re.compile(r"等?(?:国家)?(?:荣誉|光荣)?称号|等(?:多项|各类)?(?:荣誉|奖项)|的?(?:荣誉|殊荣)|单位")
#: A year or a round before a conferred title (2015年度, 第二批): not part of its name.
_TITLE_LEAD = re.compile(r"\s*(?:\d{2,4}\s*年度?|今年|去年|本年度)?\s*"
                         r"(?:首届|首批|第[一二三四五六七八九十百\d]+[届批])?")


def _conferred_titles(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Titles named by the verb that confers them, whatever their head word: 被评为国家教学名师,
    获评A、B、C等荣誉, 被授予…专家称号, 命名沈阳大学等单位为…研究基地. Each item of a 、-list is
    one title; a post (被评为副教授), a person or a place is none."""
    text = sent.text
    result = []
    for trigger in _naming_triggers().finditer(text, sent.start, sent.end):
        start = _TITLE_LEAD.match(text, trigger.end()).end()
        close = _TITLE_CLOSE.search(text, start, sent.end)
        end = close.start() if close else sent.end
        # without a word that calls them titles (称号, 等荣誉) only the first item is one, and
        # a quoted one ends at its mark (荣获“…”的某单位、…等3个单位)
        anchored = close is not None and _TITLE_ANCHOR.match(close.group())
        items = text[start:end].split("、")
        if not anchored:
            items = items[:1]
            if text[start:start + 1] in "“\"" and text.find("”", start, end) > 0:
                items = [text[start:text.find("”", start, end) + 1]]
        pos = start
        for item in items:
            a, b = pos, pos + len(item)
            pos = b + 1
            name = _ROUND_OR_BATCH.sub("", re.sub(r"[“”\"\s]", "", item))
            if not 4 <= len(name) <= (25 if anchored else 12) or _post_at_end(name) \
                    or _NON_NAME_CHAR.search(name) or _NUMERAL_CLASSIFIER.match(name) \
                    or any(c.start < b and a < c.end and (
                        c.type == "Person" or (c.start <= a and b <= c.end)
                        or (c.type == "Programme" and not (a <= c.start and c.end <= b)))
                        for c in found if c.type != "Honour"):
                continue
            result.append(Candidate(a, b, "Honour", "extract:conferred-title", name, "honour"))
    return result


def _post_at_end(name: str) -> bool:
    """Whether a name ends with a post title (副教授, 主任, …名誉主席职务): a post, not a title
    conferred."""
    name = re.sub(r"(?:职务|职位)$", "", name)
    return name == "" or any(name.endswith(post) for post in _post_titles())


def _shared_qualifiers(text: str, honours: list[Candidate],
                       qualifiers: dict[Candidate, str | None]) -> list[Candidate]:
    """A bare title listed right after a qualified one shares its level and sector
    (湖南省三八红旗手、三八红旗集体 -> 湖南省三八红旗集体); ``qualifiers`` holds what stands
    before each title's head (None for a head that is no title alone)."""
    shared = []
    for c in sorted(honours, key=lambda c: c.start):
        before = shared[-1] if shared else None
        lead = before is not None and qualifiers.get(before)
        if lead and qualifiers.get(c) == "" and text[before.end:c.start] in ("、", "和", "及", "与"):
            c = Candidate(c.start, c.end, c.type, c.rule_id, lead + c.key, c.family)
            qualifiers[c] = lead
        shared.append(c)
    return shared


def _joined_title_end(sent: Sentence, end: int) -> int:
    """The end of a title that goes on past its head: a second title joined by a middle dot
    (四平好人·最美女性), or the rest of a list heading's title (…好人·最美时代女性名单)."""
    text = sent.text
    run = end
    if text[end:end + 1] == "·":
        run = end + 1
        while run < sent.end and _NAME_CHAR.match(text[run]) and run not in sent.boundary_starts \
                and not _LIST_HEADING.match(text, run):
            run += 1
        return run if run - end > 2 else end
    run = end
    while run < sent.end and _NAME_CHAR.match(text[run]) and run - end <= 12 \
            and run not in sent.boundary_starts and not text.startswith("候选", run):
        if list_heading_end(text, sent.start, run) is not None:
            return run
        run += 1
    return end


#: The kind of recipients counted before a title (等10个团委…, 等20名职工…).
_RECIPIENT_KIND = re.compile(r"(?:基层|青年)?(?:团委|团支部|团总支|集体|单位|个人|职工|同志|家庭|团员|"
                             r"团干部|青年|女性|妇女|人)")

#: A round or batch of a title (第27届, 首届, 第二批): not part of the title's name.
_ROUND_OR_BATCH = re.compile(r"首届|首批|历届|第[一二三四五六七八九十百\d]+[届批]")

#: Words between a title and a programme word that make the programme a selection for the
#: title (三八红旗手评选活动), which leaves the title an honour.
_SELECTION = re.compile(r"评|选|表彰|命名|授予|颁")


def _names_a_programme(sent: Sentence, end: int) -> bool:
    """Whether the words after an honour's title run on, without a break, into a programme
    word (…示范基地建设, …最美家庭手拉手活动)."""
    text = sent.text
    for s, e, p in sent.hits_of("prog_word"):
        # a quoted theme goes on past its closing mark (“…创最美家庭”主题活动)
        joined = (sent.limit(s) < end and sent.is_name(end, s)) or text[end:s] in ("”", "\"")
        if end <= s <= end + 4 and joined and sent.ends_word(e) \
                and not _SELECTION.search(text, end, s):
            return True
    return False


def _section_headers(sent: Sentence, stops) -> list[Candidate]:
    """A yearbook's 【section】 header that ends in a programme word names that programme
    (【巾帼家政服务站建设】), whichever kind of programme word it is."""
    result = []
    for m in _SECTION.finditer(sent.text, sent.start, sent.end):
        title = m.group(1)
        for s, e, p in sent.hits_of("prog_word"):
            # a generic topic (【家庭建设】) is no programme: the name needs three characters
            if e == m.end(1) and s - m.start(1) >= 3 and not _is_slogan(title, stops):
                result.append(Candidate(m.start(1), m.end(1), "Programme", p[3], title,
                                        "programme"))
                break
    return result


#: Places of a prize given in one breath (团体奖第一、二、三名): one honour per place.
_RANKED = re.compile(r"(?P<prize>[\u4e00-\u9fff]{1,4}奖)第(?P<places>[一二三四五六七八九十](?:、[一二三四五六七八九十])*)名")


def _ranked_prizes(sent: Sentence) -> list[Candidate]:
    """团体奖第一、二、三名 -> 团体奖第一名, 团体奖第二名, 团体奖第三名 (each read at its numeral)."""
    result = []
    for m in _RANKED.finditer(sent.text, sent.start, sent.end):
        first = max(m.start(), sent.limit(m.end("prize") - 1))  # 获得|团体奖
        prize = sent.text[first:m.end("prize")]
        if len(prize) < 3:
            continue
        if len(m.group("places")) == 1:
            result.append(Candidate(first, m.end(), "Honour", "extract:ranked-prize",
                                    sent.text[first:m.end()], "honour"))
            continue
        for i, numeral in enumerate(m.group("places")[::2]):
            at = m.start("places") + 2 * i
            start, end = (first, at + 1) if i == 0 else (at, at + 1)
            result.append(Candidate(start, end, "Honour", "extract:ranked-prize",
                                    f"{prize}第{numeral}名", "honour"))
    return result


def _listed_recipients(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Items of a list after an honour heading and a colon (“十大优秀项目”:A、B、C;) that
    name a project or a unit; people in such lists are found by the person rules."""
    text = sent.text
    result = []
    for honour in (c for c in found if c.type == "Honour"):
        if text[honour.end:honour.end + 1] not in ":：":
            continue
        stop = re.search(r"[;；。]", text[honour.end:sent.end])
        end = honour.end + stop.start() if stop else sent.end
        pos = honour.end + 1
        for item in text[pos:end].split("、"):
            a, b = pos, pos + len(item)
            pos = b + 1
            dash = item.rfind("——")
            if dash >= 0:
                a = a + dash + 2
            name = re.sub(r"[“”\"《》]", "", text[a:b]).strip()
            if not 3 <= len(name) <= 30:
                continue
            if _ends_with_org_suffix(name):
                result.append(Candidate(a, b, "Organisation", "extract:honour-list", name,
                                        "quoted"))
            elif re.search(r"(项目|计划|行动|工程|服务|活动)$", name) or text[a] in "“《":
                result.append(Candidate(a, b, "Programme", "extract:honour-list", name,
                                        "quoted"))
    return result


# ------------------------------------------------------------------ lists under headings
#: What closes a heading that announces the holders of a title: 名单 (获奖者名单 …), then a
#: count or a region in brackets (（10名）, (四川省)).
_LIST_HEADING = re.compile(r"[”\"]?(?:(?:获奖者|获得者|获奖单位|获奖集体|获奖个人|获奖)?名单[”\"]?"
                           r"(?:[ \t　]*[(（][^()（）\n]{1,12}[)）])?"
                           # or a count alone at the end of the line: 一、…三八红旗手（100名）
                           r"|[ \t　]*[(（](?:共)?[\d一二三四五六七八九十百]+[名个户家人][)）][ \t　]*(?=\n)"
                           # or who got it, then a colon: 获得…奖章的会员有:
                           r"|的[^\n,，。;；]{0,10}?(?:分别)?(?:有|是|为|如下)[:：][ \t　]*(?=\n)"
                           # or the title alone on its line (then at least two holders follow)
                           r"|[ \t　]*(?=\n))")
#: What may stand before a title that is alone on its line: marks and numbering only.
_BARE_LEAD = re.compile(r"[\s■●◆▲★○◎·\-—一二三四五六七八九十、.．()（）\d]*")
#: The lead of a line that only refers to a list (附件:1.…名单, 2.…名单), a table of contents.
_LIST_REFERENCE = re.compile(r"\s*(?:附件\s*\d*\s*[:：]|\d+\s*[.．])")
#: One item of a list: a run of characters between spaces, commas and separators.
_LIST_TOKEN = re.compile(r"[^\s,，、|｜;；:：()（）]+")
#: A line between the heading and the items that holds no item: a count (（10名）) or a rule.
_LIST_FILLER = re.compile(r"\s*(?:[(（][^()（）\n]{1,12}[)）]|[|｜\-—_=*]*)\s*$")


def list_heading_end(text: str, start: int, end: int) -> int | None:
    """Where the heading ends when the honour at ``[start, end)`` heads a list of its
    holders (…三八红旗手名单, ■第…奖章获奖者名单 (四川省)).

    The heading is its own line: before the honour only a short lead (a mark, a year,
    江西省获得), and no line that refers to an annex (附件:1.…名单) or numbers a table of
    contents (2.…名单).

    Parameters
    ----------
    text : str
        The document's normalised text.
    start, end : int
        The span of the honour's mention.

    Returns
    -------
    int or None
        The offset right after the heading, or None when the honour heads no list.

    Examples
    --------
    >>> text = "附件\\n全国三八红旗手名单（2名）\\n周红 某公司经理\\n"
    >>> list_heading_end(text, 3, 10)
    16
    >>> list_heading_end("附件:1.全国三八红旗手名单\\n", 5, 12) is None
    True
    """
    closing = _LIST_HEADING.match(text, end)
    if closing is None:
        return None
    lead = re.split(r"\s", text[text.rfind("\n", 0, start) + 1:start])[-1]
    if len(lead) > 12 or re.search(r"[,，。;；:：《]|推荐|拟", lead) or _LIST_REFERENCE.match(lead) \
            or (_bare(closing.group()) and not _BARE_LEAD.fullmatch(lead)):
        return None
    return closing.end()


def _bare(closing: str) -> bool:
    """Whether a heading is its title alone, with no word that announces a list."""
    return not closing.strip(" \t　”\"")


def _list_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of ``text[start:end]``; a name spaced out for alignment (张 英) is one."""
    tokens = [m.span() for m in _LIST_TOKEN.finditer(text, start, end)]
    joined: list[tuple[int, int]] = []
    for a, b in tokens:
        if joined and joined[-1][1] - joined[-1][0] == 1 and b - a <= 2 \
                and a - joined[-1][1] <= 2 and text[joined[-1][1]:a].isspace():
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


def honour_lists(text: str, honours: list[tuple[int, int]],
                 holder) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """The holders listed under each honour heading.

    Items follow on the heading's own line, separated by spaces (each a holder, the words
    right after a person being her unit and post), or one per line, the holder first
    (周红 某县某公司 经理; 周红,女,汉族…; 上海:周红 …), a person's unit and post possibly on
    the next line; a line whose first item is no holder, or that names another title, ends
    the list. A title alone on its line heads a list only when two holders follow or a list
    was announced just before.

    Parameters
    ----------
    text : str
        The document's normalised text.
    honours : list of (int, int)
        The spans of the document's honour mentions.
    holder : callable
        ``holder(start, end)`` gives the type of the holder an item names (``"Person"``,
        ``"Organisation"``), or None when it names none.

    Returns
    -------
    list of ((int, int), list of (int, int))
        For each heading, the span of its honour and the spans of the holders listed.
    """
    headings = {}
    for start, end in honours:
        heading_end = list_heading_end(text, start, end)
        if heading_end is not None:
            headings[(start, end)] = heading_end
    starts = sorted(s for s, _ in headings)
    result = []
    for (start, end), heading_end in sorted(headings.items()):
        following = [s for s in starts if s > start]
        limit = following[0] if following else len(text)
        line_end = text.find("\n", heading_end)
        line_end = len(text) if line_end < 0 else line_end
        items = []
        if text[heading_end:min(line_end, limit)].strip():
            after_person = False
            for a, b in _list_tokens(text, heading_end, min(line_end, limit)):
                if after_person:
                    after_person = False  # the unit and post of the person before
                    continue
                kind = holder(a, b)
                if kind:
                    items.append((a, b))
                    after_person = kind == "Person"
        else:
            pos = line_end + 1
            after_person = False
            while pos < limit:
                line_end = text.find("\n", pos)
                line_end = min(limit, len(text) if line_end < 0 else line_end)
                tokens = _list_tokens(text, pos, line_end)
                if len(tokens) > 1 and text[tokens[0][1]:tokens[0][1] + 1] in ":：":
                    tokens = tokens[1:]  # 上海:江源 …: a label before the holder
                if any(pos <= a < line_end for a, _ in honours):
                    break  # another title, even one glued to a name (…集体辽宁…公司)
                if tokens and not _LIST_FILLER.match(text[pos:line_end]):
                    kind = holder(*tokens[0])
                    if not kind and not after_person:
                        break
                    if kind:
                        items.append(tokens[0])
                    # a person's unit and post may follow on a line of their own
                    after_person = kind == "Person"
                pos = line_end + 1
        # a title alone on its line heads a list when two holders follow, or when a list was
        # announced just before (…获奖者分别是, 名单如下)
        if len(items) >= 2 or (items and (not _bare(text[end:heading_end]) or _LIST_INTRO.search(
                text, max(0, start - 300), start))):
            result.append(((start, end), items))
    return result


#: Words that announce a list of holders (名单如下, 获奖者分别是).
_LIST_INTRO = re.compile(r"名单|分别是|分别为|如下|获奖者|获得者")


def _listed_holders(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """People and units listed under an honour heading that no other rule found."""
    surnames = _rules()[3]
    honours = [(c.start, c.end) for c in candidates if c.type == "Honour"]
    found = {(c.start, c.end): c for c in candidates if c.type in ("Person", "Organisation")}
    added: dict[tuple[int, int], Candidate] = {}

    def holder(a: int, b: int) -> str | None:
        known = found.get((a, b)) or added.get((a, b))
        inside = [c for c in candidates if c.start < b and a < c.end]
        if known or any(c.start < a or b < c.end for c in inside):
            return known and known.type
        name = re.sub(r"\s", "", text[a:b])
        gendered = re.match(r"[,，](?:男|女)[,，]", text[b:b + 3])
        # in a list, a name that is also a place's short form (江源) is the person's
        place_like = all(c.type == "Place" and c.start == a and c.end == b for c in inside) \
            and name[-1] not in "省市县区旗盟州镇乡村"
        if (not inside or place_like) and (_looks_like_name(name, surnames) or (
                gendered and 2 <= len(name) <= 6 and not _is_word(name))):
            added[(a, b)] = Candidate(a, b, "Person", "extract:honour-list", name, "person")
        elif 3 <= len(name) <= 30 and (_ends_with_org_suffix(name) or (
                # a unit of a named body (…人民医院妇科, …市血站成分科)
                any(c.start == a and c.type in ("Place", "Organisation") for c in inside)
                and _ends_with_org_suffix(name, ("department", "body", "top"), 1))):
            added[(a, b)] = Candidate(a, b, "Organisation", "extract:honour-list", name,
                                      "quoted")
        return (a, b) in added and added[(a, b)].type

    honour_lists(text, honours, holder)
    return list(added.values())


# ------------------------------------------------------------------ people
#: A name of two parts joined by a middle dot (古丽娜尔·买买提, 帕提古丽·艾力).
_JOINED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}[·•・‧]")
_NAME_AFTER = re.compile(r"(?:等|在|同志|、|,|，|。|;|；|:|：|\)|）|\(|（|“|获|被|荣获|专题|实地|表示|指出|作|宣读|"
                         r"强调|出席|参加|带领|主持|讲话|致辞|一行|$|\s|"
                         # news: a date, a time word or a preposition after the name
                         r"\d|[一二三四五六七八九十两]+[人名位]|近日|日前|昨天|昨日|今天|今日|当天|"
                         r"上午|下午|晚上|赛后|随后|以|于|将|也|已)")
#: The name that opens a table row, and the blank after it.
_ROW_NAME = re.compile(r"(?:^|(?<=\n))(?:[\u4e00-\u9fff]{2,4}[:：])?(?P<name>[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]|"
                       r"[\u4e00-\u9fff]{1,3}))[ \t\u3000]+", re.M)
#: A byline with its label: 作者:王某, 责任编辑:王某, 记者 王 某 (a two-character name spaced).
_BYLINE_LABEL = re.compile(r"(?:(?:作者|记者|通讯员|责任编辑|编辑|责编|撰稿|撰文|摄影|供稿|审核|校对)"
                           r"(?:(?P<colon>[:：])|[ \t\u3000])[ \t\u3000]*)+"
                           r"(?P<name>[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]{1,2})"
                           r"(?=[\s)）(（|｜,，。]|$)")
_BYLINE = re.compile(r"[(（]\s*((?:[\u4e00-\u9fff·]{2,6}[\s、]+)*[\u4e00-\u9fff·]{2,6})\s*[)）]")
_NOT_NAME = re.compile(r"(供图|摄|记者|通讯员|编辑|报道|图片|来源|责编|整理|简称|以下)")


#: Characters that do not start a name: numerals and function words.
_FUNCTION_START = re.compile(r"[的了在对和与及以是为将把被从等各全本该这那其]")
_NOT_NAME_START = re.compile(r"[\d一二三四五六七八九十百千万两]|" + _FUNCTION_START.pattern)


@cache
def _name_before_post_note() -> re.Pattern:
    """A name and a parenthesis that ends with a post title (rules/posts.tsv)."""
    posts = sorted((row[0] for row in table("posts.tsv", 3)), key=len, reverse=True)
    return re.compile(r"([\u4e00-\u9fff]{2,4})[（(][^（）()]{2,30}(?:"
                      + "|".join(map(re.escape, posts)) + r")[）)]")


#: A level word that opens an organisation's name (市科协, 省妇联, 县委).
_LEVEL_START = re.compile(r"全国|自治区|[省市县州盟旗乡镇村]")


def _outermost(hits: list) -> list:
    """The hits not inside a longer hit of the list."""
    return [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1]
                                       for o in hits)]


def _person_at(sent: Sentence, pos: int, surnames, strict: bool = True,
               by_segmentation: bool = True) -> int | None:
    """The end of a person's name starting at ``pos``, or None.

    A Han name is a surname and one or two characters (two or three after a compound surname).
    Where the context is strong (``strict=False``: right after a post title, in a byline or a
    list of honoured people) a name without a Han surname (尼玛拉姆, 乌云其木格) may run from
    three to six characters, with no boundary word inside. Either way the name must end where a
    new word starts: a rule word or a word that may follow a name, or in a strong context a word
    boundary of jieba's (for a name without a Han surname only ``by_segmentation``).
    """
    text = sent.text
    joined = _JOINED_NAME.match(text, pos)
    if joined and (not strict or text[pos:pos + 1] in surnames):
        # 古丽娜尔·买买提: the dot joins the parts of one name, which ends where a word starts
        for end in range(joined.end() + 1, min(joined.end() + 8, sent.end) + 1):
            if not re.match(r"[\u4e00-\u9fff]", text[end - 1]):
                break
            if end == sent.end or end in sent.word_starts or _NAME_AFTER.match(text, end):
                return end
    compound = text[pos:pos + 2] in surnames
    han = (3, 4, 2) if compound else (2, 3) if text[pos:pos + 1] in surnames else ()
    other = (3, 4, 5, 6) if (not strict and pos not in sent.word_starts
                                and not _NOT_NAME_START.match(text, pos)) else ()
    if other:
        spelled = _spelled_by_sound().match(text, pos, min(sent.end, pos + 8))
        if spelled and len(spelled.group()) >= 3 and (
                _segmented_at(sent, spelled.end()) or _NAME_AFTER.match(text, spelled.end())):
            return spelled.end()  # 普罗科菲耶夫: a foreign name spelled by sound, whole
        if _is_foreign_pair(text[pos:pos + 2]):
            other = other + (2,)  # 琼斯: two characters when they spell a foreign name
    for lengths in (han, other):
        # a name without a surname holds no boundary word and no common word (讲收获)
        ends = [pos + length for length in lengths if pos + length <= sent.end
                and re.fullmatch(r"[\u4e00-\u9fff·]+", text[pos:pos + length])
                and (lengths is han or (sent.limit(pos + length) <= pos
                                        and not _holds_common_word(text[pos:pos + length])))]
        found = next((end for end in ends if end == sent.end or end in sent.word_starts
                      or _NAME_AFTER.match(text, end)), None)
        if found is None and not strict and (by_segmentation or lengths is han):
            # after a post title, jieba's word boundary will do; a given name of two characters
            # first, unless its second starts a word (王毅|举行, not 王毅举)
            ordered = sorted(ends, key=lambda end: (end - pos != 3, end - pos)) \
                if lengths is han and not compound else ends
            found = next((end for end in ordered if _segmented_at(sent, end)
                          and len(_word_ending_at(sent, end)) <= end - pos
                          and text[end - 1:end + 1] not in _dictionary_words()), None)
        if found and lengths is han and found - pos == 3 and not compound \
                and sent.tagged_name_end(pos) == pos + 2 and found < sent.end \
                and (not _NAME_AFTER.match(text, found) or text[pos + 2] in _PREPOSITIONS):
            return pos + 2  # the tagger ends the name before a verb (司勇|来淮, 金浩|向)
        if found:
            return found
    return None


def _holds_common_word(text: str) -> bool:
    """Whether a common word that is not a name (收获) lies inside ``text``."""
    words, common = jieba_dictionary()
    return any(text[i:i + 2] in common and words[text[i:i + 2]] in _NOT_NAME_TAGS
               for i in range(len(text) - 1))


#: (an item may carry a note in brackets: 某某(女,兼职)、)
_LIST_ITEM = r"[\u4e00-\u9fff]{2,8}(?:[（(][^（）()、\n]{1,8}[)）])?、"
_NAME_LIST = re.compile(rf"(?:{_LIST_ITEM})+[\u4e00-\u9fff]{{2,6}}?(?=等[\d一二三四五六七八九十百])"
                        rf"|(?:{_LIST_ITEM})+[\u4e00-\u9fff]{{2,4}}")
#: A list of names closed by a head count of people (等30名同志, 等十位女性).
_COUNTED_PEOPLE = re.compile(r"等[\d一二三四五六七八九十百千]+[名位个]?(?:同志|女性|个人|人|名|位)")


#: Last characters of the role nouns that may stand right before a name (护边员, 草原母亲,
#: 女企业家, 老党员, 致富带头人, 工作者).
_ROLE_END = frozenset("员者家长师手亲人生工匠娘妈姐嫂民农医警兵")


def _name_after_role(sent: Sentence, start: int, end: int, surnames) -> tuple[int, int]:
    """The name at the end of a list's first item, which may start with a role word
    (女带头人齐晓景 -> 齐晓景) or any words the tagger ends before a name (会上选举|邓某); an
    empty span when the item is not a name."""
    text = sent.text
    if end - start <= 4 and _looks_like_name(text[start:end], surnames):
        return start, end
    for cut in (end - 3, end - 2):
        if cut > start and (text[cut - 1] in _ROLE_END or sent.tagged_name_end(cut) == end) \
                and _looks_like_name(text[cut:end], surnames):
            return cut, end
    return start, start


def _looks_like_name(text: str, surnames) -> bool:
    """A surname, one or two more characters, and not an ordinary word."""
    compound = text[:2] in surnames
    return bool(text) and text[:1] != text[1:2] and not _NUMERAL.match(text, 1) and ((compound and 3 <= len(text) <= 4) or (text[0] in surnames and 2 <= len(text) <= 3)) \
        and not _is_name_word(text) and not text.endswith("家庭")  # 李|梅家庭: the family of 李梅


#: Punctuation that ends a clause or a list item.
_CLAUSE_MARKS = frozenset(",，。;；:：、()（）!！?？\n")
#: Tags of a word that may describe the person named right after it (青年, 村干).
_ROLE_TAGS = frozenset(("n", "t"))
#: A family named after a person: the name, then 家庭 ending the phrase (…的王某家庭,).
_FAMILY = re.compile(r"(?:(?<=[、,，:：;；\s])|(?<=^))([\u4e00-\u9fff]{2,8}?)家庭"
                     r"(?=[,，、。;；\s等被获荣]|$)", re.M)
#: One name of a list of officers, its note and the separator after it.
_OFFICER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:[（(][^（）()\n]{1,8}[)）])?"
                      r"(?:[、,，;；]|[ \u3000]+|(?=[。\n]|$))")
#: A numeral: no given name of one character is one (左一, a caption's "left, first").
_NUMERAL = re.compile(r"[一二三四五六七八九十](?:$)")
#: Prepositions and motion verbs that may follow a name of two characters (金某|向…, 王某|到会).
_PREPOSITIONS = frozenset("向在对为把被给跟和与同从到来去")
#: Tags of words that do not open a name: prepositions, conjunctions, adverbs, particles.
_FUNCTION_TAGS = frozenset(("p", "c", "d", "u", "uj", "ul", "r"))
#: Tags of a one-character word that is no surname there (曾|任, 作业|班|工作).
_NOT_SURNAME_TAGS = frozenset(("v", "q", "m", "n", "d", "p", "c", "u", "f"))
#: Tags jieba gives personal names.
_NAME_TAGS = frozenset(("nr", "nrfg"))
#: Tags of the word after a name that tell of an action or a link (在, 和, 带, 表示).
_AFTER_NAME_TAGS = frozenset(("v", "vn", "p", "c", "d", "x", "uj", "ul"))


def _tagged_names(sent: Sentence, surnames) -> list[Candidate]:
    """Names jieba's tagger reads (its HMM finds unknown ones), with a Han surname, that stand
    after a role word or at a phrase's start and before a verb, a preposition or punctuation
    (村干|黄彬|在, 大学生|何语菲|在, ，|王某|表示)."""
    text, words, common = sent.text, sent.tagged_words, _common_words()
    cue_ends = {e for s, e, p in sent.hits_of("person_cue") if p[2] == "before"}
    result = []
    for i, (a, b, tag) in enumerate(words):
        name = text[a:b]
        if tag not in _NAME_TAGS or name in common or not _looks_like_name(name, surnames):
            continue
        # (not after a quotation mark or a space that stands for one: “蒲公英” is a brand)
        titled = text[a - 1:a] in _ROLE_END or text[a - 1:a] in "长记任席理" \
            or a in cue_ends  # 决定|王某|为
        # a two-character word of the dictionary (华章, 桑梓) is a name only after a title
        before = titled or (not (len(name) == 2 and name in _dictionary_words()) and (
            a == sent.start or text[a - 1] in _CLAUSE_MARKS
            or (words[i - 1][2] in _ROLE_TAGS and words[i - 1][1] - words[i - 1][0] >= 2)))
        after = i + 1 == len(words) or words[i + 1][2] in _AFTER_NAME_TAGS
        # jieba's dictionary tags a few hundred well-known people nrfg (a full name): those
        # need no context
        known = len(name) == 3 and _dictionary_words().get(name) == "nrfg" \
            and text[a - 1:a] not in "“\"「 "
        if (before and after) or known:
            result.append(Candidate(a, b, "Person", TAGGED_NAME, name, "person"))
    return result


#: Last characters of a unit's short name (文明办, 宣传部, 政法委): before a post title, a word
#: ending in one is the unit, not a name.
_UNIT_END = frozenset("办部委局处科室厅院所站队组会社团馆")


#: The occasion between a speaker's name and the verb of speech (…在调研时|强调).
_SPEECH_OCCASION = re.compile(r"在[^,，。;；、]{1,12}(?:时|中|上|期间)$")
_AWARD_CONTEXT = re.compile(r"荣获|获得|获评|评为|授予|称号")
_TITLE_HOLDER = re.compile(r"称号的([\u4e00-\u9fff]{2,8})(?=[;；。,，]|$)")


def _persons(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    result = []
    text = sent.text
    # the recipient right after an honour, or after 的 in an award clause:
    # 全国三八红旗手标兵赵晶; 获得中华环境奖的殷玉珍
    starts = {c.end for c in found if c.type in ("Honour", "Organisation")}
    if _AWARD_CONTEXT.search(text, sent.start, sent.end):
        starts |= {m.end() for m in re.compile("的").finditer(text, sent.start, sent.end)}
    if starts:
        for pos in sorted(starts):
            end = _person_at(sent, pos, surnames)
            if end and (end == sent.end or re.match(r"[;；。,，]|获|荣获|被", text[end:end + 2])):
                result.append(Candidate(pos, end, "Person", "extract:award-recipient",
                                        text[pos:end], "person"))
    # the holder of a title at the end of a clause, after a short description:
    # 荣获“人民楷模”国家荣誉称号的草原母亲都贵玛。
    for m in _TITLE_HOLDER.finditer(text, sent.start, sent.end):
        end = m.end()
        for start in range(m.start(1), end - 1):
            if 2 <= end - start <= 4 and (start == m.start(1) or text[start - 1] in _ROLE_END) \
                    and _plausible_name(text[start:end]) and not _is_word(text[start:end]):
                result.append(Candidate(start, end, "Person", "extract:title-holder",
                                        text[start:end], "person"))
                break
    # post title followed by a name: 主席王芳, 副主任云静 (委员 of 副委员长 is no title there)
    posts = _outermost(sent.hits_of("post"))
    for s, e, p in posts:
        start = e + 1 if text[e:e + 1] == " " else e  # 记者 韦晓明
        # …代表|市科协作报告: a level word opens a body's name, not a person's
        end = None if _LEVEL_START.match(text, start) else \
            _person_at(sent, start, surnames, strict=False)
        if end and end - start == 2 and text[start] == text[start + 1]:
            end = None  # 总书记|殷殷嘱托: a doubled character is an adverb, not a name (nor
            # is it with a surname: _looks_like_name)
        if end:
            result.append(Candidate(start, end, "Person", p[2], text[start:end], "person"))
        # 副主席刘丽、张晓雯、吴晓晖: the names listed after the first share its post
        while end and text[end:end + 1] == "、":
            start, end = end + 1, _person_at(sent, end + 1, surnames)
            if end and _looks_like_name(text[start:end], surnames):
                result.append(Candidate(start, end, "Person", p[2], text[start:end], "person"))
    # a name before a post title or a person cue: 习近平总书记, 王芳同志, 李梅表示; or before
    # the occasion of the speech: 张建国在调研时强调
    for s, e, p in posts + sent.hits_of("person_cue"):
        if p[0] == "person_cue" and p[2] != "after":
            continue
        occasion = _SPEECH_OCCASION.search(text, sent.start, s) if p[0] == "person_cue" else None
        if occasion:
            s = occasion.start()
        elif text[s - 1:s] == "等":
            s -= 1  # A、B等当选: 等 closes the list, it is no part of the name
        for length in (4, 3, 2):
            start = s - length
            if start >= sent.start and sent.limit(start) <= start and sent.is_name(start, s) \
                    and _looks_like_name(text[start:s], surnames) \
                    and not _crosses_word(text, start, s, (start,)) \
                    and not (p[0] == "post" and text[s - 1] in _UNIT_END) \
                    and not (text[s - 1] in _PREPOSITIONS  # 金某|向…获得: no name before 获得
                             and sent.tagged_name_end(start) == s - 1) \
                    and sent.tagged_word_tag(start) not in _FUNCTION_TAGS \
                    and sent.tagged_start(start, s):  # 向|获奖|代表, 作业班|工作, 官网|介绍
                result.append(Candidate(start, s, "Person", p[-1], text[start:s], "person"))
                break
    result += _tagged_names(sent, surnames)
    # a family named after its head (…的王某家庭, 王某家庭被评为…) names a person
    for m in _FAMILY.finditer(text, sent.start, sent.end):
        for start in range(m.start(1), m.end(1) - 1):
            if _looks_like_name(text[start:m.end(1)], surnames) \
                    and (start == m.start(1) or text[start - 1] == "的"):
                result.append(Candidate(start, m.end(1), "Person", "extract:family-head",
                                        text[start:m.end(1)], "person"))
                break
    # names listed after a post and a colon, one per item (副主席:甲、乙(女)、丙(兼); 理事:甲 乙)
    for s, e, p in posts:
        if text[e:e + 1] not in ":：":
            continue
        pos = e + 1
        for item in _OFFICER.finditer(text, pos, sent.end):
            if item.start() != pos:
                break
            name = item.group("name")
            if not (_looks_like_name(name, surnames) or (name[:2] in surnames
                                                        and 3 <= len(name) <= 4)):
                break
            result.append(Candidate(item.start("name"), item.end("name"), "Person", OFFICER_LIST,
                                    name, "person"))
            pos = item.end()
    # (护士 of 护士长 is part of the post)
    for s, e, p in _outermost(sent.hits_of("post") + sent.hits_of("person_cue")):
        if p[0] == "person_cue" and p[2] in ("before", "role"):
            # after an occupation (作家, 村民) the context is as strong as after a post
            end = _person_at(sent, e, surnames, strict=p[2] == "before",
                             by_segmentation=False)
            if end:
                result.append(Candidate(e, end, "Person", p[-1], text[e:end], "person"))
    # one name before a head count: 吴桂兰等3人荣获…
    for m in _COUNTED_PEOPLE.finditer(text, sent.start, sent.end):
        for length in (3, 2, 4):
            start = m.start() - length
            if start >= sent.start and sent.limit(start) <= start \
                    and _looks_like_name(text[start:m.start()], surnames) \
                    and text[start - 1:start] != "、":
                result.append(Candidate(start, m.start(), "Person", "extract:counted-name",
                                        text[start:m.start()], "person"))
                break
    # a name before a parenthesis that gives the post: 王芳（自治区妇联主席）
    for m in _name_before_post_note().finditer(text, sent.start, sent.end):
        for start in range(m.start(1), m.end(1) - 1):
            if _looks_like_name(text[start:m.end(1)], surnames) \
                    and sent.limit(start) <= start:
                result.append(Candidate(start, m.end(1), "Person", "extract:name-post-note",
                                        text[start:m.end(1)], "person"))
                break
    # bylines at the end of a paragraph: (武艳丽), (张三 李四)
    for m in _BYLINE.finditer(text, sent.start, sent.end):
        tokens = re.split(r"[\s、]+", m.group(1).strip())
        if _NOT_NAME.search(m.group(1)) or not all(2 <= len(t) <= 4 for t in tokens):
            continue
        if m.end() < sent.end and re.match(r"[\u4e00-\u9fff]", text[m.end()]) \
                and any(_NUMERAL.match(t, len(t) - 1) for t in tokens):
            continue  # a caption's position, 某某(左一)在…, is no byline
        if sum(t[0] in surnames or t[:2] in surnames for t in tokens) * 2 < len(tokens):
            continue
        pos = m.start(1)
        for token in tokens:
            start = text.index(token, pos)
            result.append(Candidate(start, start + len(token), "Person", "extract:byline",
                                    token, "person"))
            pos = start + len(token)
    # a table row opened by a name, then a blank and a unit (李 娜 某市实验中学 教师): a
    # two-character name may be spaced out for alignment
    unit_starts = {c.start for c in found if c.type == "Organisation"}
    for m in _ROW_NAME.finditer(text, sent.start, sent.end):
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        if m.end() in unit_starts and _looks_like_name(name, surnames):
            result.append(Candidate(m.start("name"), m.end("name"), "Person", "extract:table-row",
                                    name, "person"))
    # labelled bylines: 作者:王某, 责任编辑:王某, (记者 王 某): a name spaced out for
    # alignment is one; after a colon a name needs no Han surname (编辑:小某)
    for m in _BYLINE_LABEL.finditer(text, sent.start, sent.end):
        name = re.sub(r"\s", "", m.group("name"))
        if (_looks_like_name(name, surnames) or (m.group("colon") and 2 <= len(name) <= 3
                                                 and not _is_word(name))) \
                and not _NOT_NAME.search(name):
            result.append(Candidate(m.start("name"), m.end("name"), "Person", "extract:byline",
                                    name, "person"))
    # 、-lists of names: 齐晓景、赵丽杰、杨颖被评为…; after a colon under an honour heading
    for m in _NAME_LIST.finditer(text, sent.start, sent.end):
        spans, pos = [], m.start()
        for item in m.group().split("、"):
            spans.append((pos, pos + len(re.split(r"[（(]", item)[0])))
            pos += len(item) + 1
        counted = _COUNTED_PEOPLE.match(text, m.end())  # …、达瓦央宗等30名同志
        first_start, first_end = spans[0]
        first_start = max(first_start, sent.limit(first_end - 1))  # 授予|次仁卓玛
        spans[0] = (first_start, first_end)
        if not (counted and first_end - first_start <= 6):
            spans[0] = _name_after_role(sent, first_start, first_end, surnames)
        last_start, _ = spans[-1]
        spans[-1] = (last_start, m.end() if counted
                     else _person_at(sent, last_start, surnames) or last_start)
        names = [(a, b) for i, (a, b) in enumerate(spans) if b > a and (
            _looks_like_name(text[a:b], surnames)
            or (counted and 2 <= b - a <= 6 and _plausible_name(text[a:b]))
            # between two names, a rare surname will do (…、郗某、…)
            or (0 < i < len(spans) - 1 and 2 <= b - a <= 3 and not _is_word(text[a:b])
                and _looks_like_name(text[spans[i - 1][0]:spans[i - 1][1]], surnames)
                and _looks_like_name(text[spans[i + 1][0]:spans[i + 1][1]], surnames)))]
        # every item but a leading phrase must be a name, and there must be two at least
        if len(names) >= 2 and len(names) >= len(spans) - 1 and spans[-1] in names:
            result += [Candidate(a, b, "Person", "extract:name-list", text[a:b], "person")
                       for a, b in names]
    # a name a rule found that the tagger also reads whole is confirmed by it (副主席:周长|某)
    tagged = {(a, b) for a, b, tag in sent.tagged_words if tag in _NAME_TAGS}
    result += [Candidate(c.start, c.end, "Person", TAGGED_NAME, c.key, "person") for c in result
               if (c.start, c.end) in tagged and c.rule_id != TAGGED_NAME
               and c.key not in _common_words()]
    # a word across an edge tells against the name, unless a rule word is known to start
    # right there (沈跃跃|出席 despite 跃出; 主席|王芳 despite 席王)
    known = sent.word_starts | {e for s, e, _ in sent.hits if s in sent.word_starts}
    return [c for c in result if not _crosses_word(
        text, c.start, c.end, tuple(edge for edge in (c.start, c.end) if edge not in known
                                    and not (edge == c.end and _NAME_AFTER.match(text, edge))))]


# ------------------------------------------------------------------ overlaps
_NOT_NAME_TAGS = ("n", "v", "vn", "a", "ad", "d", "m", "l", "i", "nz", "t", "s", "f", "p", "c",
                  "u", "r", "q", "y", "e", "o", "z", "b", "vd", "an", "ng", "vg", "ag", "dg")


def _is_word(text: str) -> bool:
    """An ordinary dictionary word (noun, verb …), not a possible personal name."""
    return _dictionary_words().get(text, "nr") in _NOT_NAME_TAGS


def _is_name_word(text: str) -> bool:
    """Whether ``text`` is a whole word, not a name: an ordinary dictionary word, or one of the
    frequent words jieba tags as names (荣誉, 文明, 宁静; as the start of a name, 黎明 of
    黎明某 is fine)."""
    return _is_word(text) or (_dictionary_words().get(text) == "nr"
                              and _frequency(text) >= _WORD_FREQUENCY)


#: jieba's frequency above which a word it tags as a name is an ordinary word (荣誉 2877,
#: 宁静 652; the common names it knows stay below: 李娜 438).
_WORD_FREQUENCY = 600


def _frequency(word: str) -> int:
    """The frequency of a word in jieba's dictionary (0 if it holds none)."""
    return segmenter.tokenizer().FREQ.get(word, 0)


#: Rule ids of names read right after a post title (a strong context).
_POST_RULES = "rules/posts.tsv"


def _plausible_name(name: str, strong: bool = False, tagged: bool = False) -> bool:
    """Not an ordinary word, not starting with one (关怀就, 武装妇女) unless right after a
    post title (省长柯文涛) or read whole as a name by jieba's tagger (``tagged``: 周长|某),
    four characters only with a compound surname."""
    _, _, _, surnames = _rules()
    if _is_name_word(name) or name in _post_titles() or (
            len(name) >= 3 and _is_word(name[:2]) and "·" not in name and not tagged
            and name[:2] not in surnames  # 上官 is a word and a surname
            # after a post, a proper name's start (柯文 of 柯文涛) may open it
            and not (strong and _dictionary_words()[name[:2]] in _NAMED_NOT_BODY)):
        return False
    # a Han surname and three more characters is not a name (梁更坚固); a compound surname,
    # a name without a Han surname (格桑梅朵) or a foreign name spelled by sound (古特雷斯)
    # may have four
    return len(name) != 4 or name[:2] in surnames or name[0] not in surnames \
        or sum(char in _transliteration() for char in name) >= 3


@cache
def _post_titles() -> frozenset[str]:
    """The post titles of rules/posts.tsv (常委 is a title, not a name with the surname 常)."""
    return frozenset(row[0] for row in table("posts.tsv", 3))


def _is_foreign_pair(pair: str) -> bool:
    """Two characters that jieba knows as a person's name or that both spell by sound."""
    return _dictionary_words().get(pair) in ("nr", "nrt", "nrfg") \
        or (len(pair) == 2 and all(char in _transliteration() for char in pair))


@cache
def _spelled_by_sound() -> re.Pattern:
    return re.compile("[" + "".join(sorted(_transliteration())) + "]+")


@cache
def _transliteration() -> frozenset[str]:
    """The characters that spell foreign names by sound (rules/transliteration.tsv)."""
    return frozenset("".join(row[0] for row in table("transliteration.tsv", 2)))


def _contains_short_place(person: Candidate, other: Candidate) -> bool:
    """A name that strictly contains a place's short form (赵青秀 and 青秀) is the name."""
    return (other.type == "Place" and person.start <= other.start and other.end <= person.end
            and person.end - person.start > other.end - other.start)


def _read_whole(candidate: Candidate) -> bool:
    return candidate.family == "pattern" and candidate.type == "Programme"


def settle_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Decide crossing candidates (see the module docstring); keep nested ones.

    >>> a = Candidate(0, 4, "Organisation", "r", "", "org")
    >>> b = Candidate(2, 6, "Programme", "r", "", "programme")
    >>> [c.type for c in settle_overlaps([a, b])]
    ['Organisation']
    """
    names = [c for c in candidates if c.type in ("Place", "Organisation")]
    persons = [c for c in candidates if c.type == "Person"
               and _plausible_name(c.key, strong=c.rule_id.startswith(_POST_RULES),
                                   tagged=c.rule_id in (TAGGED_NAME, OFFICER_LIST))
               and not any(n.start < c.end and c.start < n.end for n in names
                           if not _contains_short_place(c, n))]
    candidates = [c for c in candidates if c.type != "Person"
                  and not any(_contains_short_place(p, c) for p in persons)] + persons
    unique: dict[tuple[int, int, str], Candidate] = {}
    for c in sorted(candidates, key=lambda c: (-PRIORITY[c.family], c.rule_id)):
        unique.setdefault((c.start, c.end, c.type), c)  # of one span, the strongest rule
    order = sorted(unique.values(),
                   key=lambda c: (-PRIORITY[c.family], -(c.end - c.start), c.start, c.type))
    kept: list[Candidate] = []
    for c in order:
        if any(k.start < c.start < k.end < c.end or c.start < k.start < c.end < k.end
               or (k.type == c.type and k.end == c.end and k.start < c.start)
               or (k.type == c.type and c.type in ("Honour", "Person") and k.start == c.start
                   and c.end < k.end)
               or (k.type == c.type and k.rule_id == BOOK_TITLE and k.start < c.start
                   and c.end <= k.end)
               for k in kept):
            continue
        kept.append(c)
    # of two names of one type ending together, the longer (纪念“三八”…大会 over “三八”…大会)
    # (a programme a regular-expression rule reads whole stands: 学习|十九届六中全会)
    longest = {}
    for c in kept:
        other = longest.get((c.type, c.end))
        if other is None or (c.start < other.start and not _read_whole(other)) or (
                _read_whole(c) and not _read_whole(other)):
            longest[c.type, c.end] = c
    return sorted(longest.values(), key=lambda c: (c.start, c.end, c.type))
