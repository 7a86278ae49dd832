"""The ``runs`` rules.

``runs``: the organisation named right before a runs trigger in the sentence runs the
programmes after the trigger (a list of bodies may end in 等单位 and a venue: A、B等单位在
X广场联合开展; a venue after 在 runs nothing); in 由A主办、B承办、C协办的 P every body after
由 runs P, and so do those in P 由A、B主办 / P 是由 A 发起 after it; when the sentence
leaves the subject out, the document's own organisation (the one it names most) runs them
(reports leave their author out), and with a partner (与 X 联合举办) it runs them together
with X; a programme named after an organisation
(清华大学远程教学站) is that organisation's, a women's congress (X妇女第N次代表大会) the
place's federation's, a meeting named after an organ (第五届主席团第一次会议) the organ's; a 【section】 header's programme is the document's
own organisation's when the section names that organisation first.
"""
from __future__ import annotations

import re

from ..extract import ORGAN
from ..rules import per_rule_set, trigger_words
from ..vocab import entity_iri
from .phrases import CLAUSE_END, first_group, is_inside, last_group, triggers


@per_rule_set
def _joining_triggers() -> re.Pattern:
    return re.compile("|".join(map(re.escape, trigger_words("runs", "joins"))))


def runners_before_trigger(document, sentence, ms, facts):
    """The bodies before a runs trigger (or after 由) run the programmes after it; when the
    sentence names none, the document's own organisation does."""
    text, own = document.text, facts.own
    trigger = triggers()["runs"]
    programmes = [m for m in ms if m.type == "Programme" and not m.rule_id.startswith(
        "rules/patterns")]
    if not programmes:
        return
    orgs = [m for m in ms if m.type == "Organisation"]
    awarded = facts.subjects("awarded")
    for programme in programmes:
        if entity_iri(programme.type, programme.key, facts.base) in awarded:
            continue  # a project honoured in a list is its own unit's, not the lister's
        if _SPIRIT_OF.match(text, programme.end):
            continue  # 贯彻落实…会议精神: carrying out a meeting's spirit is not running it
        if any(p is not programme and p.start <= programme.start and programme.end < p.end
               for p in programmes):
            continue  # the brand inside a longer programme's name (“美丽庭院”建设推进会)
        t = None
        for match in trigger.finditer(text, sentence[0], programme.start):
            t = match
        if t is None:
            continue
        # the organisation right before the trigger is the subject (A、B等单位在X广场联合开展:
        # the list before 等 and a venue); a venue (在X科技馆举行) is none; else the document's own
        subjects = [o for o in orgs if o.end <= t.start() and text[o.start - 1:o.start] != "在"
                    and (t.start() - o.end <= 8 or _SUBJECT_BEFORE_TRIGGER.fullmatch(
                        text, o.end, t.start()))
                    and not CLAUSE_END.search(text, o.end, t.start())]
        # 自治区检察院、科技厅、教育厅…联合印发…: every body of the subject list
        last = max((o.end for o in subjects), default=None)
        group = last_group(text, [o for o in orgs if o.end <= last]) if subjects else []
        by = text.rfind("由", sentence[0], t.start())
        if by >= 0 and _ROLE_BEFORE_NAME.fullmatch(text, t.end(), programme.start):
            # 由A、B主办，C承办，D协办的…: every body after 由 has a part in it
            group = [o for o in orgs if by < o.start and o.end <= t.start() and not any(
                p is not o and p.start <= o.start and o.end <= p.end for p in orgs)]
        if group and own is not None and text[group[0].start - 1:group[0].start] in _WITH \
                and not any(o.end < group[0].start
                            and not CLAUSE_END.search(text, o.end, group[0].start)
                            for o in orgs):
            group.append(own)  # (我们)与自治区党委组织部联合举办…: the writer is the other
        group = group or ([own] if own is not None else [])
        # X 联合 A、B、C 印发…: A, B and C organise it with X
        for joiner in _joining_triggers().finditer(text, sentence[0], programme.start):
            after = [o for o in orgs if joiner.end() <= o.start and o.end <= programme.start]
            if after and after[0].start == joiner.end():
                group += first_group(text, after)
                group += [o for o in orgs if o.end <= joiner.start()  # 绵阳市妇联 联合…
                          and _ADVERB_BEFORE_JOIN.fullmatch(text, o.end, joiner.start())]
        for subject in group:
            if not is_inside(subject, programme):
                facts.add(subject, "runs", programme, sentence)


#: Between the last body of a subject list and its trigger: 等单位, a venue, 联合 (A、B等单位在
#: 文化广场联合开展).
_SUBJECT_BEFORE_TRIGGER = re.compile(r"(?:等(?:单位|部门|机构|组织)?)?\s*(?:在[^,，。;；、]{1,16})?"
                                     r"\s*(?:联合|共同|携手|一起)?\s*")

#: Between a role verb and the programme it names: 主办的, 承办单位的 (由A主办的“…”活动).
_ROLE_BEFORE_NAME = re.compile(r"(?:单位)?的\s*")

#: What may stand between a body and 联合 (a scraped space, 将, 也 …).
_ADVERB_BEFORE_JOIN = re.compile(r"\s*(?:将|也|还|又|再|共同|积极|主动)?\s*")

#: Prepositions that put a partner before a joint verb (与/同/和 X 联合举办).
_WITH = frozenset("与同和")


#: A programme followed by who runs it: …科普日是由…发起, …活动由…主办.
_BY_AFTER = re.compile(r"[”\"]?\s*(?:是|系|均|将|已)?由")


def runners_named_after(document, sentence, ms, facts):
    """The bodies between 由 and a runs trigger right after a programme run it
    (“…”活动由A、B联合主办, 科普日是由中国科协发起)."""
    text = document.text
    orgs = [m for m in ms if m.type == "Organisation"]
    for programme in (m for m in ms if m.type == "Programme"):
        by = _BY_AFTER.match(text, programme.end, sentence[1])
        if by is None:
            continue
        trigger = triggers()["runs"].search(text, by.end(), min(sentence[1], by.end() + 40))
        if trigger is None or re.search(r"[。;；]", text[by.end():trigger.start()]):
            continue
        for org in orgs:
            if by.end() <= org.start and org.end <= trigger.start() and not any(
                    o is not org and o.start <= org.start and org.end <= o.end for o in orgs):
                facts.add(org, "runs", programme, sentence)


#: A women's congress of a place (X妇女第N次代表大会, X第N次妇女代表大会): the place's
#: women's federation holds it.
_WOMENS_CONGRESS = re.compile(r"^(.+?)(?:妇女)?第[^次]{1,4}次(?:妇女)?代表大会$")
#: An organ's term and name inside a meeting's name (…第五届主席团第一次会议).
_ORGAN_TERM = re.compile(r"第[^届]{1,4}届.+$")


def meetings_of_bodies(document, mentions, facts):
    """A women's congress is run by the federation of its place when the text names it, and a
    meeting named after an organ (第五届主席团第一次会议) by that organ (an organ of the
    document, extract.ORGAN)."""
    orgs = {m.key: m for m in mentions if m.type == "Organisation"}
    organs = [(term.group(), m) for m in orgs.values() if m.rule_id == ORGAN
              for term in [_ORGAN_TERM.search(m.key)] if term]
    for p in (m for m in mentions if m.type == "Programme"):
        congress = _WOMENS_CONGRESS.match(p.key)
        if congress and "妇女" in p.key and congress.group(1) + "妇女联合会" in orgs:
            facts.add(orgs[congress.group(1) + "妇女联合会"], "runs", p,
                      document.sentence_at(p.start))
        for term, organ in organs:
            if term in p.surface and not p.surface.endswith(term):
                facts.add(organ, "runs", p, document.sentence_at(p.start))


def named_runners(document, sentence, ms, facts):
    """A programme whose name starts with an organisation's (清华大学远程教学站,
    海拉尔区义工联合会松柏之爱项目) is that organisation's."""
    for programme in (m for m in ms if m.type == "Programme"
                      and not m.rule_id.startswith("rules/patterns")):
        for org in ms:
            if org.type == "Organisation" and org.start == programme.start \
                    and org.end < programme.end:
                facts.add(org, "runs", programme, sentence)


_SPIRIT_OF = re.compile(r"(?:[和、与及][^,，。;；]{0,24})?精神")
