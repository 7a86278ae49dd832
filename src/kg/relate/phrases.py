"""What several relation rules read in a sentence: clause ends, years, trigger words, lists
of mentions."""
from __future__ import annotations

import re

from ..model import Mention
from ..rules import per_rule_set, trigger_words

CLAUSE_END = re.compile(r"[,，;；:：]")
#: A year: 2022年, or one of the Republic of China's calendar that Taiwan keeps (its year 1 is
#: 1912): 民国112年, 112年度.
YEAR = re.compile(r"(20\d{2}|19\d{2})年|民国(\d{2,3})年|(?<![\d.])(1[01]\d)年度")


def year_of(match: re.Match) -> str:
    """The year a match of ``YEAR`` names, in the common era.

    >>> [year_of(YEAR.search(text)) for text in ("民国112年", "113年度", "2022年")]
    ['2023', '2024', '2022']
    """
    return match.group(1) or str(int(match.group(2) or match.group(3)) + 1911)


@per_rule_set
def triggers() -> dict[str, re.Pattern]:
    """The trigger words of ``runs`` and ``awarded`` (rules/relation_triggers.tsv), one
    pattern each."""
    return {predicate: re.compile("|".join(map(re.escape, trigger_words(predicate))))
            for predicate in ("runs", "awarded")}


def is_inside(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` lies within ``outer``'s span."""
    return outer.start <= inner.start and inner.end <= outer.end


#: A name's alias in brackets between items of a list (…研究院(…剧团)、…).
_ALIAS_IN_BRACKETS = re.compile(r"^[(（][^()（）]{1,20}[)）]")


#: The word after a person's name that makes it a family's (甲家庭, 乙一家).
_FAMILY = re.compile(r"^(?:家庭|一家)")

#: What stands between a person or family and an address in brackets after it (甲家庭(…)).
_ADDRESS_OPENS = re.compile(r"(?:家庭|一家)?[(（]")


def first_group(text: str, mentions: list[Mention]) -> list[Mention]:
    """The 、-list of mentions that starts with the first one."""
    group = [mentions[0]]
    for m in mentions[1:]:
        if text[group[-1].end:m.start] in ("、", "和", "与", "及"):
            group.append(m)
        else:
            break
    return group


def last_group(text: str, givers: list[Mention]) -> list[Mention]:
    """The recipients that form the subject right before a trigger (a 、-list or one name)."""
    outer = [g for g in givers if not any(o is not g and o.start <= g.start and g.end <= o.end
                                          and o.type in ("Organisation", "Programme")
                                          for o in givers)]
    while len(outer) > 1 and outer[-2].type == "Person" \
            and _ADDRESS_OPENS.fullmatch(text, outer[-2].end, outer[-1].start):
        outer.pop()  # 甲、乙家庭(某街道某社区): the family's address, not a recipient
    group = [outer[-1]]
    for g in reversed(outer[:-1]):
        between = _ALIAS_IN_BRACKETS.sub("", text[g.end:group[0].start])
        if g.type == group[0].type == "Person":
            between = _FAMILY.sub("", between)  # 甲家庭、乙家庭: the families of a list
        if between in ("、", "和", "与", "及") or (
                # 青秀区妇联主席陈美玲、那坡镇妇联主席农小燕等: people listed with their posts
                # (甲医院的张某和乙医院的李某: or with their units, after 和)
                g.type == group[0].type == "Person" and between.startswith(("、", "和", "与", "及"))
                and not CLAUSE_END.search(between)):
            group.insert(0, g)
        elif g.type != "Person" and group[0].type == "Person" and g.end <= group[0].start \
                and not CLAUSE_END.search(between):
            continue  # the unit named before a listed person
        else:
            break
    return group
