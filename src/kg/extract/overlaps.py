"""The overlap policy: ``settle_overlaps`` is the one place where conflicting candidates are
decided.

The policy reads what a candidate says of its rule, its ``family`` (whose priority is
``PRIORITY``) and its ``traits``, never the rule's id: renaming a rule changes nothing here. Of
candidates of one span and type, the first found by the family of the highest priority stands.
Two candidates that cross (overlap without one containing the other) conflict, and the one with
the higher priority, then the longer one, then the earlier one, wins. Nested candidates are
all kept: a place inside an organisation's name is also a Place, an organisation inside a
department's name is the department's parent. Two candidates of one type that end at the same
place compete for the left boundary and the longer wins (纪念“三八”…大会 over “三八”…大会); a
title in 《》 (trait ``CLOSED``) is one name, with no names of its type inside; an honour or a
person starting where a longer one of its type starts is part of it (三八红旗手 in
三八红旗手标兵). A person candidate that overlaps a place or organisation, or that is an
ordinary dictionary word, is dropped (names are the least certain family;
``names.plausible_name`` reads the traits ``STRONG`` and ``TAGGED``); so is one that a common
word runs across (向荣 in 欣欣向荣) where no rule word confirms the edge. A quoted title
conferred (评为“…示范医院”) holds no organisation of the same words. A candidate with the
trait ``ANCHOR_ONLY`` (a body's short form that opens a longer name, 共青团|某市委) has served
the rules that read it and is dropped.
"""
from __future__ import annotations

from ..places import place_index
from .names import plausible_name
from .sentence import ANCHOR_ONLY, CLOSED, STRONG, TAGGED, Candidate

#: The priority of each family of rules (``Candidate.family``): of two candidates that cross,
#: the one of the higher priority wins.
PRIORITY = {"lexicon": 5, "pattern": 5, "department": 4, "org": 3, "quoted": 3,
            "programme": 2, "honour": 2, "place": 1, "person": 1}


def _contains_short_place(person: Candidate, other: Candidate) -> bool:
    """A name that strictly contains a place's short form (赵青秀 and 青秀) or a foreign
    city's name after its start (勒德里昂) is the name; one that opens with a place written in
    full (欧洲|和) or with a province or a country (湖北|武汉, 中国|去, 巴西|籍) is none."""
    if not (other.type == "Place" and person.start <= other.start and other.end <= person.end
            and person.end - person.start > other.end - other.start):
        return False
    return other.start > person.start or (
        other.end - other.start < len(other.key)
        and place_index().level(other.key) not in ("province", "country", "continent"))


def _read_whole(candidate: Candidate) -> bool:
    return candidate.family == "pattern" and candidate.type == "Programme"


def settle_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Decide crossing candidates (see the module docstring); keep nested ones.

    Parameters
    ----------
    candidates : list of Candidate
        The candidates of one sentence, from every family.

    Returns
    -------
    list of Candidate
        The candidates kept, one per span and type, by start, end and type.

    Examples
    --------
    >>> a = Candidate(0, 4, "Organisation", "r", "", "org")
    >>> b = Candidate(2, 6, "Programme", "r", "", "programme")
    >>> [c.type for c in settle_overlaps([a, b])]
    ['Organisation']
    """
    # (a short form that only anchored the name it opens is no mention: 共青团|某市委)
    candidates = [c for c in candidates if ANCHOR_ONLY not in c.traits]
    names = [c for c in candidates if c.type in ("Place", "Organisation")]
    persons = [c for c in candidates if c.type == "Person"
               and plausible_name(c.key, strong=STRONG in c.traits, tagged=TAGGED in c.traits)
               and not any(n.start < c.end and c.start < n.end for n in names
                           if not _contains_short_place(c, n))]
    # a quoted name conferred as a title (评为“…示范医院”) is the title, not a body
    titles = {(c.start + 1, c.end - 1) for c in candidates if c.type == "Honour"}
    candidates = [c for c in candidates if c.type != "Person"
                  and not any(_contains_short_place(p, c) for p in persons)
                  and not (c.type == "Organisation" and (c.start, c.end) in titles)] + persons
    unique: dict[tuple[int, int, str], Candidate] = {}
    # of one span, the strongest rule, and of rules as strong the first to run (RULES order)
    for c in sorted(candidates, key=lambda c: -PRIORITY[c.family]):
        unique.setdefault((c.start, c.end, c.type), c)
    order = sorted(unique.values(),
                   key=lambda c: (-PRIORITY[c.family], -(c.end - c.start), c.start, c.type))
    kept: list[Candidate] = []
    for c in order:
        if any(k.start < c.start < k.end < c.end or c.start < k.start < c.end < k.end
               or (k.type == c.type and k.end == c.end and k.start < c.start)
               or (k.type == c.type and c.type in ("Honour", "Person") and k.start == c.start
                   and c.end < k.end)
               or (k.type == c.type and CLOSED in k.traits and k.start < c.start
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


#: The rule of a person's name read again where another reading took a place inside it.
NAME_AGAIN = "extract:name-again"


def names_read_again(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A person's name of three characters or more that the document reads in a strong context
    (after a post title or a cue, in a list of names) or that jieba's tagger reads whole is the name wherever else it is written
    and no other name but a place covers it; a place read inside it there is none (卓永兴
    after a post title; 卓|永兴|和… elsewhere: the person, no county 永兴)."""
    names = {text[c.start:c.end] for c in candidates if c.type == "Person"
             and c.end - c.start >= 3 and c.traits & {STRONG, TAGGED}}
    if not names:
        return candidates
    by_start: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_start.setdefault(c.start, []).append(c)
    longest = max(c.end - c.start for c in candidates)
    dropped, added = set(), []
    for name in sorted(names):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            covering = [c for pos in range(at - longest + 1, end) for c in by_start.get(pos, ())
                        if c.start < end and at < c.end]
            if all(c.type == "Place" and at <= c.start and c.end <= end for c in covering):
                dropped.update(covering)
                added.append(Candidate(at, end, "Person", NAME_AGAIN, name, "person"))
            at = text.find(name, end)
    return sorted([c for c in candidates if c not in dropped] + added,
                  key=lambda c: (c.start, c.end, c.type))
