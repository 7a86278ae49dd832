"""The bodies officers' posts name alone: a line of a list of officers that opens with a post
in the body's party group (党组书记、主席：甲) names the page's own body's party group, and a
post that belongs to one body only names it wherever it stands (国务委员: 国务院).

Reads: Organisation candidates (a unit before the post names its own body). Tables:
words.tsv (party_group_words, titles_of_one_body).
"""
from __future__ import annotations

import re

from ..rules import per_rule_set, word_pattern, words
from .organisations import GOVERNMENT_OF_POST, ORGAN
from .sentence import Candidate, Sentence


def party_groups_of_lists(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The page's own body's party group, named only by the first post of a line of its
    list of leaders (党组书记、主席：甲; 党组成员、副主席 乙 丙): a mention over 党组 whose key
    is the bare word, which ``resolve`` gives the document's own body, as it does an organ's
    term alone."""
    text, result = sent.text, []
    for s, e, _ in sent.hits_of("post"):
        group = _party_group_line().match(text, s, sent.end)
        if group is None or not LIST_LINE_LEAD.fullmatch(
                text, max(sent.start, text.rfind("\n", 0, s) + 1), s) \
                or any(c.type == "Organisation" and c.end == s for c in found):
            continue
        result.append(Candidate(s, group.end(1), "Organisation", ORGAN, group.group(1),
                                "department", "organ"))
    return list({c.start: c for c in result}.values())


@per_rule_set
def _party_group_line() -> re.Pattern:
    """A line of a list of leaders that opens with a post in the body's party group, then its
    holders after a colon or blanks (rules/words.tsv party_group_words)."""
    return re.compile(rf"({word_pattern('party_group_words')})[\u4e00-\u9fff、]{{1,12}}"
                      r"(?:[:：]|[ \t\u3000]+)")


#: What may open a line of a list of officers before the post: blanks, a 【section】 header
#: (【领导成员】主席:甲) or a numbering (三、).
LIST_LINE_LEAD = re.compile(r"\s*(?:【[^】\n]{1,12}】\s*)?(?:[一二三四五六七八九十\d]+[、.．]\s*)?")


def bodies_of_titles(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A post that belongs to one body only (国务委员, of 国务院: rules/words.tsv
    titles_of_one_body, written post=body) names that body: a mention over the post, as
    for the head of a level's government (extract's ``governments_of_posts``)."""
    bodies = dict(pair.split("=", 1) for pair in words("titles_of_one_body"))
    return [Candidate(s, e, "Organisation", GOVERNMENT_OF_POST, bodies[sent.text[s:e]], "org",
                      "post")
            for s, e, _ in sent.hits_of("post") if sent.text[s:e] in bodies
            and not any(c.type == "Organisation" and c.end == s for c in found)]
