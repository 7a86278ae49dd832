"""Events named by their occasion: the event that celebrates a quoted day (庆“六一”游园活动,
纪念“五四”…大会) and an activity named after its year (2016年某市归侨迎春活动).

Reads: Place candidates (a place right before a verb of celebrating opens the name),
Organisation candidates (a body after the year opens a clause, not a name). Tables:
words.tsv (festival_days, celebrating_verbs), programme_words.tsv (activity words, needs
quote).
"""
from __future__ import annotations

import re

from ..rules import per_rule_set, word_pattern, words
from .programmes import quotations
from .sentence import Candidate, Sentence


def festival_events(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The event that marks a celebrated day: a verb of celebrating, the day's quoted name and the
    programme word ending the clause (迎“六一”游园活动, 某市纪念“五四”…大会), from the verb or the place
    right before it to the word, across 暨 (纪念“五四”运动暨青年座谈会); the day alone is a slogan."""
    text, result = sent.text, []
    for start, end, inner, tail_from in quotations(sent):
        lead = _celebrating().search(text, max(sent.start, start - 3), start + 1)
        if lead is None or inner not in words("festival_days"):
            continue
        clause = _CLAUSE_END.search(text, tail_from, min(sent.end, tail_from + _FESTIVAL_REACH))
        limit = clause.start() if clause else min(sent.end, tail_from + _FESTIVAL_REACH)
        ends = [e for s, e, _ in sent.hits_of("prog_word")
                if tail_from <= s and e <= limit and sent.ends_word(e)]
        start = lead.start()
        while place := next((c for c in found if c.type == "Place" and c.end == start), None):
            start = place.start  # 某市庆祝“五一”…大会: the place is part of the name
        if ends:
            result.append(Candidate(start, max(ends), "Programme", "extract:festival-event",
                                    re.sub(r"[“”\"\s]", "", text[start:max(ends)]), "quoted"))
    return result


@per_rule_set
def _celebrating() -> re.Pattern:
    """A verb of celebrating right before a day's quoted name (rules/words.tsv
    celebrating_verbs)."""
    return re.compile(rf"(?:{word_pattern('celebrating_verbs')})[“\"]$")


#: Where the clause of a celebrated day's event ends, and how far it may run.
_CLAUSE_END = re.compile(r"[,，。;；:：!！?？]")
_FESTIVAL_REACH = 32


def dated_activities(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """An activity named after its year (举行2016年某市归侨迎春活动): an activity word makes a
    programme of the words before it when a quoted name stands there (“…”活动, quoted names'
    rule) or when a year opens them; the year is no part of the name."""
    text, result = sent.text, []
    for s, e, p in sent.hits_of("prog_word"):
        if p[2] != "quote" or not sent.ends_word(e):
            continue
        year = _YEAR_BEFORE_NAME.search(text, max(sent.start, s - _DATED_REACH), s)
        if year is None or sent.limit(s) > year.end() or not sent.is_name(year.end(), s) \
                or s - year.end() < 3 or any(c.type == "Organisation" and c.start == year.end()
                                             for c in found):
            continue  # (2019年市妇联|开展…活动: a body opens the clause, not a name)
        result.append(Candidate(year.end(), e, "Programme", p[3], text[year.end():e],
                                "programme"))
    return result


#: A year right before the name of an activity (2016年|…活动), not a date (9月26日…).
_YEAR_BEFORE_NAME = re.compile(r"(?:19|20)\d\d年(?![\d一二三四五六七八九十]+月|度)")
#: How far before its activity word a year may open the name.
_DATED_REACH = 16
