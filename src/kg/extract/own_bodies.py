"""A page's own body, which it calls 我校 or 本院: the school, or the institute, college,
hospital or court, that the page names most.

Reads: organisations (the bodies the page names, over the whole document). Tables: words.tsv
(own_school_words and school_endings, own_institute_words and institute_endings); jieba's
segmentation.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..rules import per_rule_set, words
from .sentence import Candidate, Sentence, segmented_at

#: The rule of a page's word for its own body.
OWN_BODY = "extract:own-body"

#: Word lists of a page's own body (我校) and of the endings of the names it may stand for.
_OWN_BODY_LISTS = (("own_school_words", "school_endings"),
                   ("own_institute_words", "institute_endings"))


@per_rule_set
def _own_body_word() -> re.Pattern:
    """我校, 本院 … (rules/words.tsv own_school_words, own_institute_words)."""
    forms = [form for word_list, _ in _OWN_BODY_LISTS for form in words(word_list)]
    return re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))


def own_bodies(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A body the page calls its own (我校常务副校长某某, 本院受理), unless jieba reads its last
    character into the next word (我|校区); a word of the lexicon's family, so a unit named
    after it is named with it (我校|经济与管理学院), as after a national body's short form."""
    return [Candidate(m.start(), m.end(), "Organisation", OWN_BODY, "", "lexicon")
            for m in sent.finditer(_own_body_word())
            if segmented_at(sent, m.end())]


def named_own_bodies(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, 我校 and 本院 named as the page's own body: of the bodies with a
    school's (or an institute's) ending, the one named most (the first named of a tie), also
    in the name of a unit or a meeting that opens with the word (我校外国语学院, 我校第二届
    教职工代表大会: that school's); with none named, the word is no body.

    >>> text = "某某大学召开大会。我校教师发言。"
    >>> named = named_own_bodies(text, [Candidate(0, 4, "Organisation", "r", "", "org"),
    ...                                 Candidate(9, 11, "Organisation", OWN_BODY, "", "lexicon")])
    >>> [c.key for c in named]
    ['', '某某大学']
    """
    own = [c for c in candidates if c.rule_id == OWN_BODY]
    if not own:
        return candidates
    named = Counter(c.key or text[c.start:c.end] for c in candidates
                    if c.type == "Organisation" and c.rule_id != OWN_BODY)
    bodies = {}
    for c in own:
        word = text[c.start:c.end]
        endings = next(tuple(words(ends)) for word_list, ends in _OWN_BODY_LISTS
                       if word in words(word_list))
        kinds = [name for name in named if name.endswith(endings)]  # (first named first)
        if kinds:
            bodies[c.start] = (word, max(kinds, key=lambda name: named[name]))
    result = []
    for c in candidates:
        name = c.key or text[c.start:c.end]
        if c.type in ("Organisation", "Programme") and c.start in bodies \
                and name.startswith(bodies[c.start][0]):
            word, body = bodies[c.start]
            c = replace(c, key=body + name[len(word):])
        elif c.rule_id == OWN_BODY:
            continue
        result.append(c)
    return result
