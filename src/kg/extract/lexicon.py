"""The rule tables compiled once: one Aho–Corasick automaton over every lexicon form (places,
organisation suffixes and known bodies, programme words, honour heads, post titles, person cues,
boundary words), the regular-expression rules, programme stop phrases and surnames.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..places import place_index
from ..rules import Lexicon, longest_first, per_rule_set, split_list, table
from .triggers import trigger


@per_rule_set
def compiled_rules():
    """Every rule file loaded and compiled once."""
    entries = []
    places = place_index()
    for form, name in places.forms():
        entries.append((form, ("place", name)))
    for row in table("org_suffixes.tsv"):
        entries.append((row.suffix, ("org_suffix", row.suffix, row.full_form, row.kind,
                                     row.rule_id, row.needs)))
    for row in table("org_known.tsv"):
        entries.append((row.canonical, ("org_known", row.canonical, row.rule_id)))
        for alias in split_list(row.aliases):
            if len(alias) > 1:
                entries.append((alias, ("org_known", row.canonical, row.rule_id)))
    for row in table("programme_words.tsv"):
        entries.append((row.word, ("prog_word", row.word, row.needs, row.rule_id)))
    for row in table("honours.tsv"):
        entries.append((row.head, ("honour", row.head, row.rule_id, row.alone == "yes",
                                   row.alone == "listed")))
    for row in table("posts.tsv"):
        entries.append((row.post, ("post", row.post, row.rule_id)))
    for row in table("person_cues.tsv"):
        entries.append((row.cue, ("person_cue", row.cue, row.side, row.rule_id)))
    for row in table("boundaries.tsv"):
        kind = {"any": "boundary", "first": "opener", "never": "inside"}[row.where]
        entries.append((row.word, (kind, row.word, row.rule_id)))
    patterns = [(row.type, regex, row.canonical, row.rule_id, trigger(regex))
                for row in table("patterns.tsv") for regex in (re.compile(row.regex),)]
    stops = [(re.compile(row.pattern) if row.kind == "regex" else None, row.pattern)
             for row in table("programme_stop.tsv")]
    surnames = {row.surname for row in table("surnames.tsv")}
    return Lexicon(entries), patterns, stops, surnames


_NAME_KINDS = ("place", "org_known", "org_suffix", "prog_word", "honour")


def uncovered(hits: list, text: str) -> list:
    """Drop function-word and head-word hits that lie inside a longer name-like hit of another
    kind (和 in 呼和浩特, 联合 in 妇女联合会, 社区 in the honour 十大优秀社区)."""
    if not hits:
        return []
    # only a hit starting at most as far back as the longest hit is long can cover another
    reach = min(_LONGEST_FORM, max(e - s for s, e, _ in hits))
    starts = [s for s, _, _ in hits]  # hits come sorted by start, then end
    kept = []
    last = len(hits) - 1
    furthest = -1  # the furthest end of the hits that start before the current hit
    group, group_end = -1, -1  # the start of the current hit and of those sharing it
    for i, (s, e, payloads) in enumerate(hits):
        if s != group:
            furthest, group = max(furthest, group_end), s
        group_end = e
        # only a hit starting before it and ending at or after it, or starting with it and
        # ending after it (the next hit then), may cover it
        if (furthest < e and (i == last or starts[i + 1] != s)) \
                or not payloads.kinds.isdisjoint(_NAME_ANCHOR_KINDS) or not any(
                e <= b and (b - a) > (e - s) and not (k.kinds <= payloads.kinds)
                and (k.kinds & _COVERING_KINDS or e - s == 1)
                and ((a < s and e < b) or not _short_place(text, a, b, k))
                for a, b, k in hits[bisect_left(starts, s - reach):bisect_right(starts, s)]):
            kept.append((s, e, payloads))
    return kept


def _short_place(text: str, start: int, end: int, payloads) -> bool:
    """Whether a hit is a place's short form, which covers only what lies strictly inside it
    (和 in 呼和浩特), not its edges (和政 would swallow 和 in 党和政府), or the two-character
    name of a county named by one character, whose first one is often a word of its own (任 of
    任县 in 王某|任|县妇联主席)."""
    return "place" in payloads.kinds and any(p[0] == "place" and (p[1] != text[start:end]
                                                                  or end - start == 2)
                                             for p in payloads)


_NAME_KIND_SET = frozenset(_NAME_KINDS)

#: Kinds of hits that cover a longer word inside them (a name's; a word that is never a
#: boundary: 持续 in 可持续).
_COVERING_KINDS = _NAME_KIND_SET | {"inside"}
_NAME_ANCHOR_KINDS = frozenset(("place", "org_known"))

#: Longer than any lexicon form that can cover another (place names, honour heads …).
_LONGEST_FORM = 40


@per_rule_set
def level_words(use: str) -> tuple[str, ...]:
    """Level words (rules/levels.tsv) of one use, longest first."""
    return longest_first(row.word for row in table("levels.tsv") if use in split_list(row.uses))


@per_rule_set(maxsize=65536)
def ends_with_org_suffix(name: str, kinds: tuple[str, ...] = ("body", "top"),
                         shortest: int = 2) -> bool:
    """Whether ``name`` ends in an organisation suffix of one of ``kinds``
    (rules/org_suffixes.tsv) at least ``shortest`` characters long."""
    lexicon, *_ = compiled_rules()
    return any(p[0] == "org_suffix" and p[3] in kinds and len(p[1]) >= shortest
               and e == len(name)
               for s, e, payloads in uncovered(list(lexicon.find(name)), name) for p in payloads)


@per_rule_set
def post_titles() -> frozenset[str]:
    """The post titles of rules/posts.tsv (常委 is a title, not a name with the surname 常)."""
    return frozenset(row.post for row in table("posts.tsv"))


@per_rule_set
def byline_titles() -> frozenset[str]:
    """The reporters' titles of rules/posts.tsv (kind ``byline``: 记者)."""
    return frozenset(row.post for row in table("posts.tsv") if row.kind == "byline")


@per_rule_set
def transliteration() -> frozenset[str]:
    """The characters that spell foreign names by sound (rules/transliteration.tsv)."""
    return frozenset("".join(row.characters for row in table("transliteration.tsv")))
