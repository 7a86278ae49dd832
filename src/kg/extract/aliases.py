"""Aliases a text states for a name (X(简称“Y”), X(以下简称Y), X(原名Y), X(英文缩写ABC,中文简称Y),
X,又称Y, X(Y)), read once a document's sentences are settled.

Reads: the settled Organisation, Programme and Place candidates of the whole document.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Iterable

from ..rules import per_rule_set, word_pattern, words
from .sentence import Candidate

#: The words that introduce an alias of a name: its short form (简称, 以下简称, 下称, 英文缩写),
#: another name it goes by (又称, 又名, 亦称, 俗称), a name it had (原名, 旧称, 曾用名), its name in
#: another language (英文名称).
_ALIAS_WORD = (r"(?:(?:以下|下文)?简称|(?:以下|下文|下)称|(?:英文|中文)(?:简称|缩写|名称|名)?|缩写"
               r"|又称|又名|亦称|俗称|原名|本名|笔名|艺名|旧称|曾用名)")

#: An alias the text gives a name right after it, outside brackets: ,简称“Y”, ,原名Y。
_STATED_ALIAS = re.compile(rf"[”\"]?[,，]?(?:以下)?(?:简称|又称|又名|原名)[为:]?(?:[“\"]([^“”\"]{{2,12}})[”\"]"
                           rf"|([\u4e00-\u9fffA-Za-z]{{2,8}})(?=[,，。;；]))")

#: Brackets right after a name, whose parts (separated by commas) may each state an alias:
#: (简称“妇基会”), (以下简称基金会), (原名某某), (英文名称:…,缩写ABC,中文简称某某).
_BRACKETS = re.compile(r"[”\"]?\(([^()]{2,80})\)")
_BRACKET_PART = re.compile(rf"\s*(?P<word>{_ALIAS_WORD})\s*[为是:]?\s*[“\"]?(?P<alias>[^“”\"]+?)[”\"]?\s*")
_PART_SEPARATOR = re.compile(r"[,，;；]")

#: … or a short form alone in brackets (湖南省巾帼志愿者协会(巾帼志协), …(UNICEF)).
_BRACKETED = re.compile(r"[”\"]?\(([\u4e00-\u9fff]{2,8}|[A-Z][A-Za-z]{1,9})\)")
STATED_ALIAS = "extract:stated-alias"


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is a short form of ``name``: Latin capitals, or characters of the name
    in the name's order (巾帼志协 of 巾帼志愿者协会), shorter than it; or a short form of four
    characters at most that keeps the name's last word and another character of it, with one
    of its own (广交会 of 中国进出口商品交易会: the city 广州 it is held in)."""
    if short.isascii():
        return short[:1].isupper()
    if len(short) >= len(name):
        return False
    kept, pos = 0, 0
    for char in short:  # the characters of the short form found in the name, in order
        found = name.find(char, pos)
        if found >= 0:
            kept, pos = kept + 1, found + 1
    return kept == len(short) or (
        len(short) <= 4 and len(short) - kept == 1 and kept >= 2 and short[-1] == name[-1])


def stated_aliases(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """One name for a body or programme and the alias the text gives it (X(简称“Y”),
    X(以下简称Y), X(Y), Y(全称X)), or for a person (X(原名Y), X(笔名Y)): the alias where it
    is stated and wherever the text uses it later is a mention with the full name's key, so both
    are one node."""
    outer: dict[int, Candidate] = {}
    for c in candidates:
        if c.type in ("Organisation", "Programme") and (
                c.end not in outer or c.start < outer[c.end].start):
            outer[c.end] = c
    places = {(c.start, c.end) for c in candidates if c.type == "Place"}
    found = []
    for end, c in sorted(outer.items()):
        name = c.key or text[c.start:c.end]
        stated = _bracket_aliases(text, end)
        if stated:
            found += [(span, alias, c, name) for span, alias, _ in stated]
            continue
        m = _STATED_ALIAS.match(text, end)
        group = next((g for g in (1, 2) if m.group(g)), 0) if m else 0
        if m is None:
            m, group = _BRACKETED.match(text, end), 1
            if m is None or not _abbreviates(m.group(1), text[c.start:c.end]) \
                    or m.span(1) in places:
                continue  # (长沙) after a name says where, it is no alias
        found.append((m.span(), m.group(group), c, name))
    found += _full_names_in_brackets(text, candidates)
    # a person's other names: 原名, 笔名 … (words.tsv person_alias_words)
    own = words("person_alias_words")
    found += [(span, alias, c, c.key or text[c.start:c.end]) for c in candidates
              if c.type == "Person" for span, alias, word in _bracket_aliases(text, c.end)
              if word in own]
    return _with_aliases(text, candidates, found) if found else candidates


def _with_aliases(text: str, candidates: list[Candidate], found: list) -> list[Candidate]:
    """The candidates with the aliases ``found`` (``(span of the statement, alias, the named
    candidate, its key)``) as mentions of the name where they are stated and wherever the text
    uses them later; the candidates the statements overlap are dropped."""
    # (a large document states many aliases and uses each often: the candidates are looked up
    # by position, never scanned whole for each use)
    statements = sorted(span for span, *_ in found)
    statement_starts = [a for a, _ in statements]
    reach = list(accumulate((b for _, b in statements), max))
    result = _Candidates(c for c in candidates
                         if not _overlaps_any(c, statement_starts, reach))
    for (a, b), alias, c, name in found:
        start = text.index(alias, a, b)
        result.add(Candidate(start, start + len(alias), c.type, STATED_ALIAS, name, c.family))
        # later uses of the alias, where no other name of its type stands
        at = text.find(alias, b)
        while at >= 0:
            end = at + len(alias)
            same = result.overlapping(at, end, c.type)
            if all(o.start == at and o.end == end for _, o in same):
                # (a person read in the alias's words, 东方|航通, is the alias misread)
                result.remove(same + [(n, o) for n, o in result.overlapping(at, end, "Person")
                                      if c.type != "Person" and (o.start, o.end) == (at, end)])
                result.add(Candidate(at, end, c.type, STATED_ALIAS, name, c.family))
            at = text.find(alias, end)
    return sorted(result.in_order(), key=lambda c: (c.start, c.end, c.type))


@per_rule_set
def _company_post() -> re.Pattern:
    """A company's post with the words before it that may name the company (中国某网|董事长)."""
    return re.compile(rf"([\u4e00-\u9fff]{{2,8}})(?=(?:副|常务副)?(?:{word_pattern('corporate_posts')}|主席))")


def abbreviations_before_posts(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A company the text names in full and later by a short form of its own making right
    before a company post or 主席 (中国卫星网络集团有限公司 … 中国星网董事长某某): the
    longest words before the post, of two characters or more, that open with the full name's
    first character (or the first after the place it opens with: 香港某某金融有限公司 …
    某某金融主席) and keep its characters in order, and that name nothing else, are an alias
    of the company there and wherever the text uses them later."""
    places = {c.start: c.end for c in candidates if c.type == "Place"}
    # a company's name, and the name after the place it opens with (香港|某某金融有限公司)
    companies = [(c, form) for c in candidates if c.type == "Organisation"
                 and _COMPANY_FORM.search(c.key or text[c.start:c.end])
                 for form in {text[c.start:c.end], text[places.get(c.start, c.start):c.end]}]
    if not companies:
        return candidates
    taken = {(c.start, c.end) for c in candidates if c.type != "Person"}
    found = []
    for m in _company_post().finditer(text):
        words = m.group(1)
        for length in range(len(words), 1, -1):
            short, start = words[-length:], m.end() - length
            full = next((c for c, form in companies if c.start < start
                         and _keeps_in_order(short, form)), None)
            # (a person read there, 东方|航通, is the short form misread: a company's words)
            if full is not None and (start, m.end()) not in taken and not any(
                    c.start < m.end() and start < c.end for c in candidates
                    if c.type == "Organisation" or (c.type == "Person" and (
                        c.start, c.end) != (start, m.end()))):
                found.append(((start, m.end()), short, full, full.key or text[full.start:full.end]))
                break
    return _with_aliases(text, candidates, found) if found else candidates


#: The legal form that ends a company's full name.
_COMPANY_FORM = re.compile(r"(?:有限公司|有限责任公司|股份公司|集团公司)$")


def _keeps_in_order(short: str, name: str) -> bool:
    """Whether ``short`` opens with ``name``'s first character and keeps its characters in
    order, shorter than it (中国星网 of 中国卫星网络集团有限公司)."""
    if len(short) >= len(name) or short[0] != name[0]:
        return False
    pos = 0
    for char in short:
        pos = name.find(char, pos) + 1
        if pos == 0:
            return False
    return True


#: A short name and the full name the brackets after it give (某某星网(全称:某某卫星网络…)).
_FULL_NAME_AFTER = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10})[(（]全称[为是:：]?\s*[“\"]?")


def _full_names_in_brackets(text: str, candidates: list[Candidate]) -> list:
    """A short name whose full name the brackets after it give (某某星网(全称某某卫星网络集团
    有限公司)): the longest words before the brackets that open with the full name's first
    character and keep its characters in order are its alias (``stated_aliases``' entries)."""
    found = []
    for m in _FULL_NAME_AFTER.finditer(text):
        full = next((c for c in candidates if c.start == m.end()
                     and c.type in ("Organisation", "Programme")), None)
        if full is None:
            continue
        words_before = m.group(1)
        for length in range(len(words_before), 1, -1):
            short = words_before[-length:]
            if _keeps_in_order(short, text[full.start:full.end]):
                found.append(((m.end(1) - length, m.end(1)), short, full,
                              full.key or text[full.start:full.end]))
                break
    return found


def _bracket_aliases(text: str, end: int) -> list[tuple[tuple[int, int], str, str]]:
    """The aliases the brackets right after ``end`` state, each part of them introduced by its
    word (简称, 原名, 缩写 …): ``(span of the brackets, alias, its word)``; a Chinese alias has two to
    twelve characters, one in Latin letters (an English name) up to forty."""
    m = _BRACKETS.match(text, end)
    if m is None:
        return []
    stated = []
    for part in _PART_SEPARATOR.split(m.group(1)):
        alias = _BRACKET_PART.fullmatch(part)
        if alias is None:
            continue
        name = alias.group("alias")
        if 2 <= len(name) <= (40 if name.isascii() else 12):
            stated.append((m.span(), name, alias.group("word")))
    return stated


def _overlaps_any(candidate: Candidate, starts: list[int], reach: list[int]) -> bool:
    """Whether the candidate overlaps one of the spans whose sorted starts are ``starts``
    (``reach``: the furthest end among the spans up to each)."""
    before = bisect_left(starts, candidate.end)
    return before > 0 and reach[before - 1] > candidate.start


class _Candidates:
    """Candidates in the order they were added, indexed by start."""

    def __init__(self, candidates: Iterable[Candidate]):
        self.added: dict[int, Candidate] = {}
        self.by_start: dict[int, list[int]] = {}
        self.longest = self.count = 0
        for candidate in candidates:
            self.add(candidate)

    def add(self, candidate: Candidate) -> None:
        number = self.count = self.count + 1
        self.added[number] = candidate
        self.by_start.setdefault(candidate.start, []).append(number)
        self.longest = max(self.longest, candidate.end - candidate.start)

    def overlapping(self, start: int, end: int, kind: str) -> list[tuple[int, Candidate]]:
        """The candidates of type ``kind`` that overlap ``[start, end)``."""
        return [(n, self.added[n]) for at in range(start - self.longest + 1, end)
                for n in self.by_start.get(at, ()) if self.added[n].type == kind
                and self.added[n].end > start]

    def remove(self, candidates: list[tuple[int, Candidate]]) -> None:
        for number, candidate in candidates:
            del self.added[number]
            self.by_start[candidate.start].remove(number)

    def in_order(self) -> list[Candidate]:
        return [self.added[n] for n in sorted(self.added)]
