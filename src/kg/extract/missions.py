"""Diplomatic missions named only by the post of one of their staff: 中国驻某国大使某某 (中国驻某国
大使馆), 驻某市副总领事某某 (China's consulate-general there), 美国驻华大使 (美国驻华大使馆).

Reads: Place and Organisation candidates (the sending country before 驻; a body before 驻 has
an office there, no mission). Tables: words.tsv (embassy_posts, consulate_posts, mission_leads,
post_taking_verbs), places.tsv and regions.tsv through the place index (which places are
countries).
"""
from __future__ import annotations

import re

from ..places import place_index
from ..rules import per_rule_set, word_pattern
from .sentence import Candidate, NAME_CHAR, Sentence

#: The rules of the missions named by a post of their staff, and by their kind.
MISSION_OF_POST = "extract:mission-of-post"
MISSION_NAME = "extract:mission-name"

@per_rule_set
def _mission_post() -> re.Pattern:
    """驻, the country or city the mission is in, and a post of its staff (not the front of
    the mission's own name: 驻某市总领事|馆)."""
    return re.compile(rf"驻(?P<where>[\u4e00-\u9fff]{{1,8}}?)(?:(?P<embassy>"
                      rf"{word_pattern('embassy_posts')})|(?P<consulate>"
                      rf"{word_pattern('consulate_posts')}))(?!馆)")


@per_rule_set
def _unnamed_sender() -> re.Pattern:
    """The words before 驻 that leave the sending country unnamed: a verb of taking a post or a
    term (出任|驻某市总领事, 新任|驻某国大使)."""
    return re.compile(rf"(?:{word_pattern('post_taking_verbs')}|{word_pattern('mission_leads')})$")


@per_rule_set
def _mission_name() -> re.Pattern:
    """驻, where the mission is, and the word of its kind (使馆, 总领事馆 …)."""
    return re.compile(rf"驻(?P<where>[\u4e00-\u9fff]{{1,8}}?){word_pattern('mission_words')}")


def _sender(sent: Sentence, found: list[Candidate], at: int) -> tuple[int, str] | None:
    """Where a mission's name starts and its sending country, for 驻 at ``at``: the country
    named right before it, else none (China: 驻 opening the phrase, after 我国 or after a verb
    of taking a post); None when another word stands before 驻 (某公司驻某地代表处)."""
    text = sent.text
    country = next((c for c in found if c.type == "Place" and c.end == at
                    and place_index().level(c.key or text[c.start:c.end]) == "country"), None)
    if country is not None:
        return country.start, text[country.start:at]
    own = re.search(word_pattern("own_country") + "$", text[sent.start:at])
    if own:
        return sent.start + own.start(), ""
    if any(c.type == "Organisation" and c.end == at for c in found):
        return None
    if at == sent.start or not NAME_CHAR.match(text[at - 1]) \
            or _unnamed_sender().search(text, sent.start, at):
        return at, ""
    return None


def mission_names(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Diplomatic missions named with their kind: ``<country>驻<place>大使馆`` (中国驻某国使馆,
    驻某市总领馆, 美国驻华大使馆), from the sending country (``_sender``) to the kind's word;
    resolve writes China and the short kinds in full."""
    result = []
    for m in sent.finditer(_mission_name()):
        sender = _sender(sent, found, m.start())
        if sender is not None:
            result.append(Candidate(sender[0], m.end(), "Organisation", MISSION_NAME,
                                    sent.text[sender[0]:m.end()], "org"))
    return result


def missions_of_posts(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The embassy or consulate a post after 驻 and a place belongs to, when the text names the
    mission by that post only: ``<country>驻<place>大使馆`` for an embassy's staff (大使,
    参赞 …), ``…总领事馆`` for a consulate's (总领事, 领事 …). The sending country is the
    country named right before 驻, else China (驻 opening the phrase or after a verb of taking
    a post: 出任驻某市总领事; resolve names China in full). A mission word in the words
    (驻某国使馆参赞) leaves the mission to ``mission_names``; a body right before 驻
    (某公司驻某地代表) has an office, not a mission. The mention spans the post title and gives
    no alias."""
    result = []
    for m in sent.finditer(_mission_post()):
        if "馆" in m.group("where"):
            continue  # (驻某国使馆|参赞: the mission is named, by its suffix)
        sender = _sender(sent, found, m.start())
        if sender is None:
            continue  # (某公司驻某地首席代表, 某报驻某地记者: no mission)
        mission = "大使馆" if m.group("embassy") else "总领事馆"
        post = m.group("embassy") or m.group("consulate")
        result.append(Candidate(m.end() - len(post), m.end(), "Organisation", MISSION_OF_POST,
                                f"{sender[1]}驻{m.group('where')}{mission}", "org", "post"))
    return result
