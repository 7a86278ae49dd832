"""Media: titles in 《》 (newspapers and channels are organisations, plans are programmes) and
the news outlets a byline names (来源:X, X记者, X消息, 据X报道).

Reads: Organisation candidates (an outlet another rule found is not found again) and Place
candidates (an outlet's name starts with its place). Tables: words.tsv (media_title_endings,
document_title_endings, plan_title_endings, source_labels, reporter_titles, outlet_endings).
"""
from __future__ import annotations

import re

from ..rules import per_rule_set, word_pattern, words
from .sentence import CLOSED, Candidate, Sentence

#: The rule of titles in 《》.
BOOK_TITLE = "extract:book-title"
#: A title in 《》 is one name: no name of its type inside (``Candidate.traits``).
_CLOSED = frozenset((CLOSED,))

#: The longest title in 《》 read as a name (a longer one is a document's title).
_LONGEST_TITLE = 40


@per_rule_set
def _media_title() -> re.Pattern:
    """The end of a 《title》 that names a newspaper or a channel (rules/words.tsv
    media_title_endings)."""
    return re.compile(word_pattern("media_title_endings") + "$")


@per_rule_set
def _plan_title() -> re.Pattern:
    """The end of a 《title》 that names a plan (rules/words.tsv plan_title_endings)."""
    return re.compile(word_pattern("plan_title_endings") + "$")


def book_titles(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """《…》: newspapers and media are organisations, plans and programmes are programmes."""
    result = []
    for a, b in sent.titles:
        title = sent.text[a + 1:b - 1]
        if len(title) > _LONGEST_TITLE:
            continue
        if _media_title().search(title) \
                and not title.endswith(tuple(words("document_title_endings"))):  # (《…通报》)
            result.append(Candidate(a, b, "Organisation", BOOK_TITLE, title, "quoted",
                                    traits=_CLOSED))
        elif _plan_title().search(title):
            result.append(Candidate(a, b, "Programme", BOOK_TITLE, title, "quoted",
                                    traits=_CLOSED))
    return result


@per_rule_set
def _outlet_cue() -> re.Pattern:
    """The words without one of which no byline names an outlet (see ``_outlet_context``): a
    source's label, a reporter's title (rules/words.tsv source_labels, reporter_titles), 据, 讯."""
    return re.compile(f"{word_pattern('source_labels')}|{word_pattern('reporter_titles')}|据|讯")


@per_rule_set
def _outlet_context() -> re.Pattern:
    """Where a byline names a news outlet (a few characters and a media word: 大同日报, 中国菏泽网):
    来源:X (in brackets too: 来源:[X], 来源:【X】); X·Y记者 (outlets joined by a middle dot); X消息
    or X+place+date+电 before (记者 …); 据X报道; X讯 opening a line (某某网讯 2月25日,
    某某时报讯(某某), 某某网·某某新闻7月3日讯)."""
    outlet = r"[\u4e00-\u9fff]{2,10}?" + word_pattern("outlet_endings")
    return re.compile(
        rf"(?:{word_pattern('source_labels')}[:：]\s*(?P<bracket>[\[【［])?(?P<source>{outlet})"
        rf"(?(bracket)[\]】］]|(?=\s|$)))"
        rf"|(?P<staff>{outlet}(?:[·・]{outlet})*)\s*(?={word_pattern('reporter_titles')})"
        rf"|(?P<wire>{outlet})(?=(?:消息|讯|[\u4e00-\u9fff]{{0,6}}\d{{1,2}}月\d{{1,2}}日电)\s*[(（]\s*"
        rf"记者)"
        rf"|(?<=据)(?P<cited>{outlet})(?=报道|消息)"
        # 某某网讯 2月25日 / 某某时报讯(某某) / 某某网·某某客户端7月3日讯: the outlet opening a
        # line, then 讯 (after a brand of its own and the date)
        rf"|(?<![^\n])\s*(?P<dated>{outlet})"
        rf"(?=(?:[·・][\u4e00-\u9fff]{{2,8}})?(?:\d{{1,2}}月\d{{1,2}}日)?讯[\s(（])")


def byline_outlets(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The news outlets a byline names (来源:大同日报, 中国妇女报·中国女网记者, 某网消息 (记者
    …)) that no other rule found."""
    if not _outlet_cue().search(sent.text, sent.start, sent.end):
        return []  # (the outlet pattern is slow to try at every character)
    known = {(c.start, c.end) for c in found if c.type == "Organisation"}
    places = sorted(c.start for c in found if c.type == "Place")
    result = []
    for m in sent.finditer(_outlet_context()):
        group = next(g for g in ("source", "staff", "wire", "cited", "dated") if m.group(g))
        pos = m.start(group)
        for name in re.split(r"[·・]", m.group(group)):
            start = max(pos, sent.limit(pos + len(name) - 1))
            # an outlet's name starts with its place where it has one (…两句|中国妇女报)
            start = next((p for p in places if start <= p < pos + len(name)), start)
            if (start, pos + len(name)) not in known and pos + len(name) - start >= 3:
                result.append(Candidate(start, pos + len(name), "Organisation",
                                        "extract:byline-outlet", sent.text[start:pos + len(name)],
                                        "org"))
            pos += len(name) + 1
    return result
