"""Congresses named short: 省十三次妇代会, 昆明市第十五次侨代会, 省妇联十二大, 妇代会.

The character before 代会 (or before 联/协 of the body's short name, in X妇联N大) stands for the
delegates (rules/congresses.tsv, column short: 妇 → 妇女). Over the whole document, a short
form is the congress the page names in full with that number and those delegates (某省第九次
妇女代表大会, 某市妇女第七次代表大会); when the page names none, it is named in full from
the short form (place or level word, 第N次, delegates, 代表大会: a level word is the document's
region, which resolve gives it); one with no number that the page names no
congress for is no mention.

Reads: places (the place opening the name). Tables: congresses.tsv, levels.tsv.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..rules import per_rule_set, table
from .lexicon import level_words
from .sentence import Candidate, Sentence

#: The rule of a congress named short.
CONGRESS_SHORT_FORM = "extract:congress-short-form"

_NUMERAL = "[一二三四五六七八九十]{1,3}"


@per_rule_set
def _delegates() -> dict[str, str]:
    """Short character → delegates (妇 → 妇女)."""
    return {row.short: row.delegates for row in table("congresses.tsv") if row.short}


@per_rule_set
def _short_form() -> re.Pattern:
    """第十三次妇代会, 十三次妇代会, 妇代会, 妇联十三大 (not 十三大学, 十三大街)."""
    shorts = "".join(map(re.escape, _delegates()))
    return re.compile(rf"(?:第?(?P<n>{_NUMERAL})次)?(?P<s>[{shorts}])代会"
                      rf"|(?P<body_s>[{shorts}])[联协](?P<body_n>{_NUMERAL})大(?![学街道厦楼院会])")


@per_rule_set
def _level_before() -> re.Pattern:
    """A level word that may open a congress's name (rules/levels.tsv, use org), at the end."""
    return re.compile("(?:" + "|".join(map(re.escape, level_words("org"))) + ")$")


def congress_short_forms(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Congresses named short, with the place or level word right before them (昆明市|第十五次
    妇代会, 省|十三次妇代会, 省|妇联十二大); the key is the full name, its number's 第 written."""
    text, result = sent.text, []
    place_ends = {c.end: c for c in found if c.type == "Place"}
    for m in sent.finditer(_short_form()):
        start, number = m.start(), m.group("n") or m.group("body_n")
        delegates = _delegates()[m.group("s") or m.group("body_s")]
        place = place_ends.get(start)
        while place is not None:  # (湖南省长沙市: as the text writes it)
            start = place.start
            place = place_ends.get(start)
        level = _level_before().search(text, sent.start, start)
        if start == m.start() and level:
            start = level.start()
        prefix = text[start:m.start()]
        key = f"{prefix}第{number}次{delegates}代表大会" if number else f"{delegates}代表大会"
        result.append(Candidate(start, m.end(), "Programme", CONGRESS_SHORT_FORM, key,
                                "programme"))
    return result


@per_rule_set
def _full_congress() -> re.Pattern:
    """A congress named in full: its number and its delegates, in either order."""
    names = "|".join(map(re.escape, _delegates().values()))
    return re.compile(rf"第(?P<n>{_NUMERAL})次(?P<d>{names})代表大会$"
                      rf"|(?P<d2>{names})第(?P<n2>{_NUMERAL})次代表大会$")


def congresses_named_in_full(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, each congress named short read as the one the page names in full with
    its number and delegates (the first, if several; any number, for a short form with none);
    a short form with no number and no such congress dropped.

    >>> found = [Candidate(0, 12, "Programme", "r", "", "programme"),
    ...          Candidate(13, 19, "Programme", CONGRESS_SHORT_FORM, "省第九次妇女代表大会",
    ...                    "programme")]
    >>> [c.key for c in congresses_named_in_full("甘肃省第九次妇女代表大会。省九次妇代会", found)]
    ['', '甘肃省第九次妇女代表大会']
    """
    shorts = [c for c in candidates if c.rule_id == CONGRESS_SHORT_FORM]
    if not shorts:
        return candidates
    full = []  # (number, delegates, name) of each congress named in full
    for c in candidates:
        name = c.key or text[c.start:c.end]
        m = None if c.rule_id == CONGRESS_SHORT_FORM or c.type != "Programme" \
            else _full_congress().search(name)
        if m:
            full.append((m.group("n") or m.group("n2"), m.group("d") or m.group("d2"), name))
    result = []
    for c in candidates:
        if c.rule_id == CONGRESS_SHORT_FORM:
            number, delegates = _parts(c.key)
            named = [name for n, d, name in full if d == delegates and number in (None, n)]
            if named:
                c = replace(c, key=named[0])
            elif number is None:
                continue
        result.append(c)
    return result


def _parts(key: str) -> tuple[str | None, str]:
    """The number (None when the short form gave none) and the delegates of a short form's
    key."""
    m = re.search(rf"第({_NUMERAL})次(.+)代表大会$", key)
    return (m.group(1), m.group(2)) if m else (None, key.removesuffix("代表大会"))
