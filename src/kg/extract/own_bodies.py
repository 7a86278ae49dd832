"""A page's own body, which it calls 我校, 本院 or 该会: the school, or the institute, college,
hospital or court, or the association or council, that the page names most or in its first line.

Reads: organisations (the bodies the page names, over the whole document). Tables: words.tsv
(own_school_words and school_endings, own_institute_words and institute_endings,
own_association_words and association_endings); jieba's segmentation.
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
                   ("own_institute_words", "institute_endings"),
                   ("own_association_words", "association_endings"))


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
    school's (or an institute's) ending, the one named most (twice at least, no tie), else the
    one the page's first line names, also in the name of a unit or a meeting that opens with
    the word (我校外国语学院, 我校第二届教职工代表大会: that school's); with none, the word is
    no body.

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
    first_line = text.find("\n") % (len(text) + 1)
    headline = {c.key or text[c.start:c.end] for c in candidates
                if c.type == "Organisation" and c.end <= first_line}
    bodies = {}
    for c in own:
        word = text[c.start:c.end]
        endings = next(tuple(words(ends)) for word_list, ends in _OWN_BODY_LISTS
                       if word in words(word_list))
        body = _own_body([name for name in named if name.endswith(endings)], named, headline)
        if body:
            bodies[c.start] = (word, body)
    own_starts = {c.start for c in own}
    result = []
    for c in candidates:
        name = c.key or text[c.start:c.end]
        if c.type in ("Organisation", "Programme") and c.start in bodies \
                and name.startswith(bodies[c.start][0]):
            word, body = bodies[c.start]
            c = replace(c, key=body + name[len(word):])
        elif c.type == "Organisation" and c.start in own_starts:
            continue  # (我院党委 of a page that names no hospital of its own: no body)
        result.append(c)
    return result


def _own_body(kinds: list[str], named: Counter, headline: set[str]) -> str | None:
    """Of the bodies of the right kind (in the order first named), the one the page names
    most, twice at least and more than any other; else the one its first line names, when it
    names one only (a page on a visit by other hospitals names several once: 市一医院、二医院)."""
    ranked = sorted(kinds, key=lambda name: -named[name])
    if ranked and named[ranked[0]] >= 2 and (len(ranked) == 1
                                             or named[ranked[1]] < named[ranked[0]]):
        return ranked[0]
    heading = [name for name in kinds if name in headline]
    return heading[0] if len(heading) == 1 else None
