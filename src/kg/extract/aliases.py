"""Aliases a text states for a name (X(简称“Y”), X(以下简称Y), X(Y)), read once a document's
sentences are settled.

Reads: the settled Organisation, Programme and Place candidates of the whole document.
"""
from __future__ import annotations

import re

from .sentence import Candidate

#: An alias the text gives a name right after it: (简称“妇基会”), (以下简称基金会), (下称“某中心”),
#: (英文简称ABC), ,以下简称“协会”.
_ALIAS_WORD = r"(?:(?:以下|下文)?简称|(?:以下|下文|下)称|英文简称|英文缩写)"
_STATED_ALIAS = re.compile(rf"[”\"]?\({_ALIAS_WORD}[为:]?[“\"]?([^()“”\"]{{2,12}}?)[”\"]?\)"
                           rf"|[”\"]?[,，]?以下简称[为:]?[“\"]([^“”\"]{{2,12}})[”\"]")

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


def stated_aliases(text: str, candidates: list[Candidate]) -> list[Candidate]:
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
