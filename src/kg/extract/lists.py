"""Lists under an honour heading: where a heading ends (``list_heading_end``), the holders it
lists (``honour_lists``, handed on to ``relate`` as ``Marks.honour_lists``), and the units,
projects and people those lists name.

Reads: Honour candidates (the headings) and, for the holders, every candidate of the document.
Tables: surnames.tsv, org_suffixes.tsv.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..rules import per_rule_set, word_pattern
from .lexicon import compiled_rules, ends_with_org_suffix
from .names import looks_like_name
from .sentence import Candidate, Sentence, is_word


@per_rule_set
def _listed_programme_end() -> re.Pattern:
    """The last word of a programme listed under an honour heading (rules/words.tsv
    listed_programme_endings)."""
    return re.compile(word_pattern("listed_programme_endings") + "$")


@per_rule_set
def _nomination() -> re.Pattern:
    """Words of a heading that lists nominees, not holders (推荐名单, 拟表彰名单: rules/words.tsv
    nomination_words)."""
    return re.compile(word_pattern("nomination_words"))


def listed_recipients(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Items of a list after an honour heading and a colon (“十大优秀项目”:A、B、C;) that
    name a project or a unit; people in such lists are found by the person rules."""
    text = sent.text
    result = []
    for honour in (c for c in found if c.type == "Honour"):
        if text[honour.end:honour.end + 1] not in ":：":
            continue
        stop = re.search(r"[;；。]", text[honour.end:sent.end])
        end = honour.end + stop.start() if stop else sent.end
        pos = honour.end + 1
        for item in text[pos:end].split("、"):
            a, b = pos, pos + len(item)
            pos = b + 1
            dash = item.rfind("——")
            if dash >= 0:
                a = a + dash + 2
            name = re.sub(r"[“”\"《》]", "", text[a:b]).strip()
            if not 3 <= len(name) <= 30:
                continue
            if ends_with_org_suffix(name):
                result.append(Candidate(a, b, "Organisation", "extract:honour-list", name,
                                        "quoted"))
            elif _listed_programme_end().search(name) or text[a] in "“《":
                result.append(Candidate(a, b, "Programme", "extract:honour-list", name,
                                        "quoted"))
    return result


@per_rule_set
def list_heading() -> re.Pattern:
    """What closes a heading that announces the holders of a title: 名单 (获奖者名单 …:
    rules/words.tsv holder_words), then a count or a region in brackets (（10名）, (四川省))."""
    return re.compile(rf"[”\"]?(?:{word_pattern('holder_words')}?名单[”\"]?"
                      r"(?:[ \t　]*[(（][^()（）\n]{1,12}[)）])?"
                      # or a count alone at the end of the line: 一、…三八红旗手（100名）
                      r"|[ \t　]*[(（](?:共)?[\d一二三四五六七八九十百]+[名个户家人][)）][ \t　]*(?=\n)"
                      # or who got it, then a colon: 获得…奖章的会员有:
                      r"|的[^\n,，。;；]{0,10}?(?:分别)?(?:有|是|为|如下)[:：][ \t　]*(?=\n)"
                      # or the title alone on its line (then at least two holders follow)
                      r"|[ \t　]*(?=\n))")

#: What may stand before a title that is alone on its line: marks and numbering only.
_BARE_LEAD = re.compile(r"[\s■●◆▲★○◎·\-—一二三四五六七八九十、.．()（）\d]*")

#: The lead of a line that only refers to a list (附件:1.…名单, 2.…名单), a table of contents.
_LIST_REFERENCE = re.compile(r"\s*(?:附件\s*\d*\s*[:：]|\d+\s*[.．])")

#: One item of a list: a run of characters between spaces, commas and separators.
_LIST_TOKEN = re.compile(r"[^\s,，、|｜;；:：()（）]+")

#: A line between the heading and the items that holds no item: a count (（10名）) or a rule.
_LIST_FILLER = re.compile(r"\s*(?:[(（][^()（）\n]{1,12}[)）]|[|｜\-—_=*]*)\s*$")


def list_heading_end(text: str, start: int, end: int) -> int | None:
    """Where the heading ends when the honour at ``[start, end)`` heads a list of its
    holders (…三八红旗手名单, ■第…奖章获奖者名单 (四川省)).

    The heading is its own line: before the honour only a short lead (a mark, a year,
    江西省获得), and no line that refers to an annex (附件:1.…名单) or numbers a table of
    contents (2.…名单).

    Parameters
    ----------
    text : str
        The document's normalised text.
    start, end : int
        The span of the honour's mention.

    Returns
    -------
    int or None
        The offset right after the heading, or None when the honour heads no list.

    Examples
    --------
    >>> text = "附件\\n全国三八红旗手名单（2名）\\n周红 某公司经理\\n"
    >>> list_heading_end(text, 3, 10)
    16
    >>> list_heading_end("附件:1.全国三八红旗手名单\\n", 5, 12) is None
    True
    """
    closing = list_heading().match(text, end)
    if closing is None:
        return None
    lead = re.split(r"\s", text[text.rfind("\n", 0, start) + 1:start])[-1]
    if len(lead) > 12 or re.search(r"[,，。;；:：《]", lead) or _nomination().search(lead) \
            or _LIST_REFERENCE.match(lead) \
            or (_bare(closing.group()) and not _BARE_LEAD.fullmatch(lead)):
        return None
    return closing.end()


def _bare(closing: str) -> bool:
    """Whether a heading is its title alone, with no word that announces a list."""
    return not closing.strip(" \t　”\"")


def _list_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of ``text[start:end]``; a name spaced out for alignment (张 英) is one, a
    family (周红家庭) is the person it is named after."""
    tokens = [m.span() for m in _LIST_TOKEN.finditer(text, start, end)]
    joined: list[tuple[int, int]] = []
    for a, b in tokens:
        if joined and joined[-1][1] - joined[-1][0] == 1 and b - a <= 2 \
                and a - joined[-1][1] <= 2 and text[joined[-1][1]:a].isspace():
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    # 周红家庭: a family listed by the person it is named after
    return [(a, b - 2) if b - a >= 4 and text.startswith("家庭", b - 2) else (a, b)
            for a, b in joined]


def list_headings(text: str, honours: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The spans among ``honours`` that head a list of holders, with where each heading ends
    (``list_heading_end``)."""
    ends = ((span, list_heading_end(text, *span)) for span in honours)
    return {span: end for span, end in ends if end is not None}


def honour_lists(text: str, honours: list[tuple[int, int]], headings: dict[tuple[int, int], int],
                 holder) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """The holders listed under each honour heading.

    Items follow on the heading's own line, separated by spaces (each a holder, the words
    right after a person being her unit and post), or one per line, the holder first
    (周红 某县某公司 经理; 周红,女,汉族…; 上海:周红 …), a person's unit and post possibly on
    the next line; a line whose first item is no holder, or that names another title, ends
    the list. A title alone on its line heads a list only when two holders follow or a list
    was announced just before.

    Parameters
    ----------
    text : str
        The document's normalised text.
    honours : list of (int, int)
        The spans of the document's honour mentions.
    headings : dict of (int, int) to int
        Those that head a list, with where the heading ends (``list_headings``).
    holder : callable
        ``holder(start, end)`` gives the type of the holder an item names (``"Person"``,
        ``"Organisation"``), or None when it names none.

    Returns
    -------
    list of ((int, int), list of (int, int))
        For each heading, the span of its honour and the spans of the holders listed.
    """
    starts = sorted(s for s, _ in headings)
    titles = sorted(s for s, _ in honours)
    result = []
    for (start, end), heading_end in sorted(headings.items()):
        following = bisect_right(starts, start)  # the next heading ends the list
        limit = starts[following] if following < len(starts) else len(text)
        line_end = text.find("\n", heading_end)
        line_end = len(text) if line_end < 0 else line_end
        if text[heading_end:min(line_end, limit)].strip():
            items = _items_on_line(text, heading_end, min(line_end, limit), holder)
        else:
            items = _items_below(text, line_end + 1, limit, titles, holder)
        # a title alone on its line heads a list when two holders follow, or when a list was
        # announced just before (…获奖者分别是, 名单如下)
        if len(items) >= 2 or (items and (not _bare(text[end:heading_end]) or _list_intro().search(
                text, max(0, start - 300), start))):
            result.append(((start, end), items))
    return result


def _items_on_line(text: str, start: int, end: int, holder) -> list[tuple[int, int]]:
    """The holders listed on the heading's own line, separated by spaces; the words right
    after a person are her unit and post."""
    items = []
    after_person = False
    for a, b in _list_tokens(text, start, end):
        if after_person:
            after_person = False  # the unit and post of the person before
            continue
        kind = holder(a, b)
        if kind:
            items.append((a, b))
            after_person = kind == "Person"
    return items


def _items_below(text: str, pos: int, limit: int, titles: list[int],
                 holder) -> list[tuple[int, int]]:
    """The holders listed one per line from ``pos``, each first on its line, up to a line
    whose first item is no holder or that names another title (``titles``: where each honour
    title starts, sorted)."""
    items = []
    after_person = False
    while pos < limit:
        line_end = text.find("\n", pos)
        line_end = min(limit, len(text) if line_end < 0 else line_end)
        tokens = _list_tokens(text, pos, line_end)
        if len(tokens) > 1 and text[tokens[0][1]:tokens[0][1] + 1] in ":：":
            tokens = tokens[1:]  # 上海:江源 …: a label before the holder
        title = bisect_left(titles, pos)
        if title < len(titles) and titles[title] < line_end:
            break  # another title, even one glued to a name (…集体辽宁…公司)
        if tokens and not _LIST_FILLER.match(text[pos:line_end]):
            kind = holder(*tokens[0])
            if not kind and not after_person:
                break
            if kind:
                items.append(tokens[0])
            # a person's unit and post may follow on a line of their own
            after_person = kind == "Person"
        pos = line_end + 1
    return items


@per_rule_set
def _list_intro() -> re.Pattern:
    """Words that announce a list of holders (名单如下, 获奖者分别是)."""
    return re.compile(word_pattern("list_intros"))


def listed_holders(text: str, candidates: list[Candidate]) -> tuple[
        list[Candidate], dict[tuple[int, int], int], list[tuple[tuple[int, int], list]]]:
    """People and units listed under an honour heading that no other rule found; the honours
    that head a list (``list_headings``) and the holders each lists (``honour_lists``)."""
    surnames = compiled_rules()[3]
    honours = [(c.start, c.end) for c in candidates if c.type == "Honour"]
    headings = list_headings(text, honours)
    found = {(c.start, c.end): c for c in candidates if c.type in ("Person", "Organisation")}
    added: dict[tuple[int, int], Candidate] = {}
    # the candidates that overlap a span, found by bisection (a large document has many)
    ordered = sorted(candidates, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    longest = max((c.end - c.start for c in ordered), default=0)

    def holder(a: int, b: int) -> str | None:
        known = found.get((a, b)) or added.get((a, b))
        inside = [c for c in ordered[bisect_left(starts, a - longest):bisect_left(starts, b)]
                  if a < c.end]
        if known or any(c.start < a or b < c.end for c in inside):
            return known and known.type
        name = re.sub(r"\s", "", text[a:b])
        gendered = re.match(r"[,，](?:男|女)[,，]", text[b:b + 3])
        # in a list, a name that is also a place's short form (江源) is the person's
        place_like = all(c.type == "Place" and c.start == a and c.end == b for c in inside) \
            and name[-1] not in "省市县区旗盟州镇乡村"
        if (not inside or place_like) and (looks_like_name(name, surnames) or (
                gendered and 2 <= len(name) <= 6 and not is_word(name))):
            added[(a, b)] = Candidate(a, b, "Person", "extract:honour-list", name, "person")
        elif 3 <= len(name) <= 30 and (ends_with_org_suffix(name) or (
                # a unit of a named body (…人民医院妇科, …市血站成分科)
                any(c.start == a and c.type in ("Place", "Organisation") for c in inside)
                and ends_with_org_suffix(name, ("department", "body", "top"), 1))):
            added[(a, b)] = Candidate(a, b, "Organisation", "extract:honour-list", name,
                                      "quoted")
        return (a, b) in added and added[(a, b)].type

    lists = honour_lists(text, honours, headings, holder)
    return list(added.values()), headings, lists
