"""Where a name stands in news text: names opening a phrase before a verb of receiving an
honour (某某某获得…奖), reporters of a byline after the first (记者甲 乙), frequent words jieba
tags as names (李鹏) before a post title or a verb, names the tagger ends one character early
(王某|才。), and towns of a list the tagger reads as names (李某镇、高某镇).

Reads: Honour candidates (a recipient's). Tables: words.tsv (receiving_verbs,
name_followers), surnames.tsv; jieba's tagger.
"""
from __future__ import annotations

import re

from ..rules import per_rule_set, word_pattern
from .names import PREPOSITIONS, looks_like_name, name_after, name_word, person_at
from .sentence import Candidate, Sentence

#: Punctuation that ends a clause or a list item.
CLAUSE_MARKS = frozenset(",，。;；:：、()（）!！?？\n")

#: Words that join two people (王某和李某一起…).
JOINING = frozenset("和与及同")


@per_rule_set
def _place_end() -> re.Pattern:
    """The end of a town's, village's or district's name (rules/words.tsv place_endings)."""
    return re.compile(word_pattern("place_endings") + "$")


def in_list_of_places(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` ends like a town's name (…镇) in a 、-list whose item beside it
    ends so too (李某镇、高某镇、某某街道: towns, not people)."""
    if not _place_end().search(text, start, end):
        return False
    after = re.match(r"、([^、，,。;；\s]{1,8})", text[end:end + 10])
    before = re.search(r"([^、，,。;；\s]{1,8})、$", text[max(0, start - 10):start])
    return any(item and _place_end().search(item.group(1)) for item in (after, before))


def clause_closing_char(sent: Sentence, words: list, i: int) -> bool:
    """Whether the tagger's word ``i`` is one character (not punctuation) that ends a clause."""
    if i >= len(words):
        return False
    a, b, tag = words[i]
    return b - a == 1 and tag not in ("x", "v") and not name_after().match(sent.text, a) \
        and (b >= sent.end or sent.text[b] in CLAUSE_MARKS)  # (王某|说, is no name)


def recipients_opening(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A name that opens its phrase right before a verb of receiving an honour the sentence
    names (某某某获得…奖, 某某某被授予“…”): the recipient, even where the tagger reads the
    name as other words."""
    text = sent.text
    if not any(c.type == "Honour" for c in found):
        return []
    result = []
    for m in sent.finditer(_receiving()):
        if text[m.start() - 1:m.start()] in PREPOSITIONS:
            continue  # 金某|向|获得…的班组: the name is not the receiver's
        for length in (3, 2):
            start = m.start() - length
            if start >= sent.start and (start == sent.start or text[start - 1] in CLAUSE_MARKS) \
                    and looks_like_name(text[start:m.start()], surnames):
                result.append(Candidate(start, m.start(), "Person", "extract:award-recipient",
                                        text[start:m.start()], "person"))
                break
    return result


@per_rule_set
def _receiving() -> re.Pattern:
    """Verbs of receiving an honour, after the recipient (rules/words.tsv receiving_verbs)."""
    return re.compile(word_pattern("receiving_verbs"))


#: What ends a reporter's name in a byline (记者甲 乙|)).
_BYLINE_NAME_END = frozenset(" \u3000)）\n、,，")


def spaced_reporters(sent: Sentence, pos: int, surnames, rule_id: str,
                     traits: frozenset[str]) -> list[Candidate]:
    """The names after a reporter's, separated by blanks (记者甲 乙 丙), found by the rule
    ``rule_id`` with its ``traits``."""
    text, result = sent.text, []
    while pos < sent.end and text[pos] in " \u3000":
        start = pos
        while start < sent.end and text[start] in " \u3000":
            start += 1
        end = person_at(sent, start, surnames)
        if not (end and looks_like_name(text[start:end], surnames)
                and (end >= sent.end or text[end] in _BYLINE_NAME_END)):
            break
        result.append(Candidate(start, end, "Person", rule_id, text[start:end], "person",
                                traits=traits))
        pos = end
    return result


def name_word_ends(sent: Sentence, end: int) -> bool:
    """Whether a name that is also a frequent word (``name_word``: 李鹏, 宁静) may end at
    ``end``: punctuation, a word that follows names (说, 会见, 在), or a post title."""
    return end >= sent.end or name_after().match(sent.text, end) is not None \
        or sent.text[end:end + 1] in "说和" \
        or any(s == end for s, _, _ in sent.hits_of("post"))


def name_word_before_post(sent: Sentence, start: int, end: int, post_end: int,
                           payload: tuple) -> bool:
    """A frequent word jieba tags as a name (李鹏) before a post title that ends a phrase
    (…、李鹏总理说): a name; before a title followed by a name (荣誉主席某某) it is a word."""
    return payload[0] == "post" and name_word(sent.text[start:end]) \
        and (start == sent.start or sent.text[start - 1] in CLAUSE_MARKS | JOINING) \
        and name_word_ends(sent, post_end)
