"""The rule tables compiled once: one Aho–Corasick automaton over every lexicon form (places,
organisation suffixes and known bodies, programme words, honour heads, post titles, person cues,
boundary words), the regular-expression rules, programme stop phrases and surnames.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from ..places import place_index
from ..rules import Lexicon, split_list, table


@cache
def compiled_rules():
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


def uncovered(hits: list, text: str) -> list:
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

#: Longer than any lexicon form that can cover another (place names, honour heads …).
_LONGEST_FORM = 40


@cache
def level_words(use: str) -> tuple[str, ...]:
    """Level words (rules/levels.tsv) of one use, longest first."""
    words = [row[0] for row in table("levels.tsv", 4) if use in split_list(row[1])]
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=65536)
def ends_with_org_suffix(name: str, kinds: tuple[str, ...] = ("body", "top"),
                          shortest: int = 2) -> bool:
    lexicon, *_ = compiled_rules()
    return any(p[0] == "org_suffix" and p[3] in kinds and len(p[1]) >= shortest
               and e == len(name)
               for s, e, payloads in uncovered(list(lexicon.find(name)), name) for p in payloads)


@cache
def post_titles() -> frozenset[str]:
    """The post titles of rules/posts.tsv (常委 is a title, not a name with the surname 常)."""
    return frozenset(row[0] for row in table("posts.tsv", 3))


@cache
def transliteration() -> frozenset[str]:
    """The characters that spell foreign names by sound (rules/transliteration.tsv)."""
    return frozenset("".join(row[0] for row in table("transliteration.tsv", 2)))
