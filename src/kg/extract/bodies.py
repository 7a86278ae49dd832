"""Whether the words around an organisation suffix name a body, and where its name starts:
a post and its holder end any name before them (国务院总理某某作…, 大使|某某代表…), a name
and a post title open none (张某代表|集团公司), a bureau is named bare before its head's title
(运输及房屋局|局长某某, 食物及卫生局|副局长某某), China and another country open a bilateral
body's name (中美|友好协会), a place in a unit's own words lies within its parent's division
(某自治区某总站|某市某支队).

Reads: places (of a unit and its parent). Tables: words.tsv (country_abbreviations,
deputy_titles), posts.tsv (through the sentence's hits), surnames.tsv; jieba's dictionary and
tagger.
"""
from __future__ import annotations

import re

from ..places import place_index
from ..rules import per_rule_set, word_pattern, words
from ..segmenter import word_tags
from .lexicon import compiled_rules
from .names import looks_like_name, name_after, person_at
from .sentence import NAME_CHAR, Candidate, Sentence, dictionary_words, segmented_at


#: jieba tags of people's names, foreign ones too (普理赫 nrt).
_PERSON_TAGS = frozenset(("nr", "nrt", "nrfg"))


def names_a_post_holder(sent: Sentence, start: int, end: int) -> bool:
    """Whether a post title followed by a person's name (with a Han surname, or one jieba's
    tagger reads: 大使|普理赫) lies between ``start`` and ``end``."""
    surnames = compiled_rules()[3]
    return any(start < s and e < end and (person_at(sent, e, surnames)
                                          or sent.tagged_word_tag(e) in _PERSON_TAGS)
               for s, e, _ in sent.hits_of("post"))


def headed_by_its_title(sent: Sentence, s: int, e: int) -> bool:
    """Whether a bare name of a few words ending in a one-character unit word (局, 司, 署)
    that opens its phrase is followed by the title of its head and the head's name
    (运输及房屋局|局长某某): the unit is named, as bureaus of a government are written
    without their place."""
    text, surnames = sent.text, compiled_rules()[3]
    start, title = phrase_start(sent, s), _head_title().match(text, e)
    return e - s == 1 and title is not None and title.group("unit") == text[s:e] \
        and 2 <= s - start and text[start] not in _REFERRING \
        and person_at(sent, title.end(), surnames, strict=False) is not None


@per_rule_set
def _head_title() -> re.Pattern:
    """The title of a unit's head or deputy after the unit's word (局|局长, 局|副局长, 局|助理局长:
    words.tsv deputy_titles)."""
    return re.compile(rf"(?:{word_pattern('deputy_titles')})?(?P<unit>[\u4e00-\u9fff])长")


#: Words that refer to a unit named before (该局, 本局, 其所).
_REFERRING = frozenset("该本此其各我")

#: What ends the phrase before a name.
_PHRASE_MARKS = re.compile(r"[，,。;；:：、\s（(“”\"—\-【】]")


def phrase_start(sent: Sentence, pos: int) -> int:
    """Where the name of words before ``pos`` starts: after the last mark before it (eight
    characters back at most), past a verb and its particle (会见了|环境局) or a preposition."""
    text = sent.text
    start = max(sent.start, pos - 8)
    marks = list(_PHRASE_MARKS.finditer(text, start, pos))
    start = marks[-1].end() if marks else start
    # a verb right after a mark may open the name (、创新及科技局), not one within a clause
    opened = start == sent.start or bool(marks)
    while not opened and start < pos and not segmented_at(sent, start):
        start += 1  # (官|员包括…: from a word's start)
    start = max([start] + [text.rfind(p, start, pos) + 1 for p in "了的"])  # 拜会了|某局
    while start < pos:
        verb = name_after().match(text, start)  # (会见, 出席: verbs that follow a name)
        if not opened and dictionary_words().get(text[start:start + 2]) == "v":
            start, opened = start + 2, True  # (包括|创新及科技局: one verb, then the name)
        elif word_tags().get(text[start]) == "v" and text[start:start + 2] not in word_tags():
            start += 1  # 访|某局局长: a verb of one character
        elif verb and verb.end() > start and re.match(r"[\u4e00-\u9fff]", text[start]):
            start = verb.end()
        elif text[start] in _LEADING_PARTICLES:
            start, opened = start + 1, False  # (他|拜会…: a verb may follow)
        else:
            break
    return start


#: Particles, prepositions and pronouns that open no name (会见了|某局, 与|某局, 他|会见).
_LEADING_PARTICLES = frozenset("了的过着在与同向对由和及他她我你")


def opens_with_post_holder(sent: Sentence, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with a person's name and a post title (张某代表…)."""
    surnames = compiled_rules()[3]
    return any(start < s and e <= end and looks_like_name(sent.text[start:s], surnames)
               for s, e, _ in sent.hits_of("post"))


@per_rule_set
def bilateral() -> re.Pattern:
    """China and another country, each by its one-character short form, before a name."""
    other = word_pattern("country_abbreviations")
    return re.compile(rf"(?:中{other}|{other}中)(?=[\u4e00-\u9fff]{{2}})")


def places_within_parent(found: list[Candidate], parent: Candidate, unit_start: int) -> bool:
    """Whether every place a unit's own words name lies within the division its parent's name
    holds, if any (某自治区某总站|某市边境管理支队; not 某县公安局|接到|某市中级人民法院, a body
    of its own)."""
    index = place_index()
    outer = {c.key for c in found if c.type == "Place" and parent.start <= c.start
             and c.end <= parent.end and index.level(c.key) in _DIVISIONS}
    return not outer or all(outer & index.ancestors(c.key) for c in found if c.type == "Place"
                            and parent.end <= c.start and c.end <= unit_start)


#: The levels of administrative divisions (a unit's place lies within its parent's).
_DIVISIONS = frozenset(("province", "prefecture", "county"))


def opens_a_name(sent: Sentence, start: int, end: int) -> bool:
    """Whether a short form that names its body only standing alone (words.tsv
    prefix_only_bodies) runs on into more of a name (共青团|某市委, not 共青团|的)."""
    return sent.text[start:end] in words("prefix_only_bodies") and end < sent.end \
        and bool(NAME_CHAR.match(sent.text[end])) and end not in sent.boundary_starts


@per_rule_set
def company_form() -> re.Pattern:
    """A company's legal form (rules/words.tsv company_forms)."""
    return re.compile(word_pattern("company_forms"))
