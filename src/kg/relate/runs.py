"""The ``runs`` rules.

``runs``: the organisation named right before a runs trigger in the sentence runs the
programmes after the trigger (a list of bodies may end in 等单位 and a venue: A、B等单位在
X广场联合开展; a venue after 在 runs nothing); in 由A主办、B承办、C协办的 P every body after
由 runs P, and so do those in P 由A、B主办 / P 是由 A 发起 after it; when the trigger's
clause names no body, the body opening an earlier clause of the sentence runs them (…，广东省妇联
始终…，深入推进X), else the document's own organisation (the one it names most: reports leave
their author out) unless the subject is a kind of body it is not (各级工会组织要…) or the
programme's words say whose it is (a body right before it, a sitting of an organ, 与 X); with a
partner (与 X 联合举办) the writer runs them together with X; an event the sentence says was
held (X推进会在某地召开) without its host is the writer's too, and who holds a programme's
launch (“X”活动启动仪式) runs X. Bodies listed after a role label (主办单位：A、B；承办单位：C)
run the programme named last before it, and so do those after 由 when words stand for the
event named before (该赛由A主办，B承办); after 由, each clause that goes on with a part
(，B承办，C协办) names more runners; the body of 在X倡导下/在X的组织下 runs what the clause
after it does. A trigger word inside a name
(妇联基层组织), 联合 alone (联合负责人), a programme inside a title's name, and carrying out a
meeting's spirit or a speech given at it run nothing. A programme whose name starts with an
organisation (清华大学远程教学站) or follows it (教育部X计划) is that organisation's, a women's
congress (X妇女第N次代表大会) the place's federation's, a meeting named after an organ
(第五届主席团第一次会议) the organ's; a 【section】 header's programme is the document's own
organisation's when the section names that organisation first.
"""
from __future__ import annotations

import re

from ..places import COUNTRY, place_index
from ..rules import per_rule_set, table, trigger_words, word_pattern, words
from .bodywords import BodyWords, acting_kinds, full_forms
from .facts import in_dateline
from .phrases import CLAUSE_END, first_group, is_inside, last_group, triggers


@per_rule_set
def _joining_words() -> frozenset[str]:
    return frozenset(trigger_words("runs", "joins"))


@per_rule_set
def _subject_only() -> frozenset[str]:
    """Runs triggers that make run only a body written as their subject or opening an earlier
    clause of the sentence, never the document's own by default (举行: rules/
    relation_triggers.tsv, kind named)."""
    return frozenset(trigger_words("runs", "named"))


@per_rule_set
def _joining_triggers() -> re.Pattern:
    # longest first, in a fixed order (a set's order changes with each process's hash seed)
    return re.compile("|".join(map(re.escape, trigger_words("runs", "joins"))))


def _last_trigger(text: str, start: int, end: int, ms):
    """The last runs trigger between ``start`` and ``end`` that is a verb: 组织 in
    妇联基层组织“破难”行动 is a word of a name; 联合 alone (联合负责人) is none, a joint verb
    follows it (联合开展, 联合印发)."""
    joining = _joining_words()
    for match in reversed(list(triggers()["runs"].finditer(text, start, end))):
        at, to = match.span()
        if match.group() not in joining and not any(m.start <= at and to <= m.end for m in ms):
            return match
    return None


def _clause_subject(text: str, start: int, end: int, ms, own) -> list:
    """Who runs a programme after a trigger whose own clause names no body: the body that
    opens an earlier clause of the sentence (…，广东省妇联始终聚焦…，深入推进X); after a kind
    of body (各级工会组织要…), the document's own body if it is of that kind; else the
    document's own body (reports leave their author out)."""
    opens = [start] + [m.end() for m in CLAUSE_END.finditer(text, start, end)]
    for pos in reversed(opens):
        pos = _clause_opening().match(text, pos, end).end()
        opening = next((m for m in ms if m.start == pos and m.type != "Place"), None)
        if opening is not None and opening.type == "Person":
            break  # 某某表示，…: what a speaker says leaves the body out
        if opening is not None and opening.type == "Organisation" \
                and not in_dateline(text, opening) \
                and text[opening.end:opening.end + 1] not in "的、和与及·" \
                and not any(m.type == "Person" and opening.end <= m.start < opening.end + 8
                            for m in ms):
            return [opening]  # not a unit named with its people (某报记者某某, 某会主席某某)
        kind = _generic_bodies().match(text, pos, end)
        if kind:
            full = full_forms().get(kind.group(1), kind.group(1))
            return [own] if own is not None and full in own.key else []
    return [own] if own is not None else []


@per_rule_set
def _clause_opening() -> re.Pattern:
    """What may open a clause before its subject: a date, a time adverb or a connective
    (3月5日, 近年来, 此外: rules/words.tsv clause_openers)."""
    return re.compile(rf"[\s\d年月日号]*{word_pattern('clause_openers')}?[\s,，]*")


@per_rule_set
def _generic_bodies() -> re.Pattern:
    """A kind of body as a clause's subject (各级妇联组织, 基层工会, 全市各级残联, 市县妇联:
    rules/words.tsv mass_bodies)."""
    bodies = words("mass_bodies")
    first = "".join(sorted({re.escape(body[0]) for body in bodies}))
    return re.compile(r"(?:全[省市区县旗盟国]|[\u4e00-\u9fff]{1,8}?[省市区县旗盟州])?"
                      rf"(?:各级|基层|各地|[省市县区乡镇]{{2,3}}(?=[{first}]))"
                      rf"[\u4e00-\u9fff]{{0,4}}?({word_pattern('mass_bodies')})")


def _owner_before(text: str, programme, orgs):
    """The organisation written right before a programme's name, which it runs (教育部国家…
    计划, 中组部“万人计划”, 某公司建立的“…基地”), or None."""
    return next((o for o in orgs if o.end <= programme.start
                 and _made_by().fullmatch(text, o.end, programme.start)), None)


@per_rule_set
def _made_by() -> re.Pattern:
    """Between a body and the programme it made: nothing, or a verb of making and 的 (建立的:
    rules/words.tsv making_verbs)."""
    return re.compile(rf"(?:(?:所|共同|联合)?{word_pattern('making_verbs')}的)?[“\"]?")


def _named_otherwise(body_words: BodyWords, programme, orgs) -> bool:
    """Whether a programme's own words say whose it is, so that the document's own body does
    not run it by default: an organisation right before it, or a body's word (上级妇联《…》,
    the kind of body standing for one the text does not name), a sitting of an organ of one
    term (第五届主席团第一次会议), a congress named with its place or body (省妇联十二大: that
    body's, ``meetings_of_bodies``), or a partner's place after 与/同 (与青少年之家对接)."""
    text = body_words.text
    return (_owner_before(text, programme, orgs) is not None
            or _body_word_before(body_words, programme.start)
            or _ORGAN_SITTING.search(programme.surface) is not None
            or _PLACED_CONGRESS.match(programme.key) is not None
            or text[programme.start - 1:programme.start] in ("与", "同"))


def _body_word_before(body_words: BodyWords, start: int) -> bool:
    """Whether a body's word (妇联, 党委, 政府 …: ``bodywords.acting_kinds``) ends right before
    ``start`` or before the name's marks there (上级妇联《…》), within eight characters."""
    text, window = body_words.text, max(0, start - 8)
    ends = [start] + ([start - 1] if start and text[start - 1] in "《“\"" else [])
    return any(word in acting_kinds() for end in ends for word in body_words.ending_at(end, window))


def runners_before_trigger(document, sentence, ms, facts):
    """The bodies before a runs trigger (or after 由) run the programmes after it; when the
    sentence names none, the body opening an earlier clause or the document's own does."""
    text, own = document.text, facts.own
    programmes = [m for m in ms if m.type == "Programme" and m.cue != "pattern"]
    if not programmes:
        return
    orgs = [m for m in ms if m.type == "Organisation"]
    honours = [m for m in ms if m.type == "Honour"]
    for programme in programmes:
        if not _may_be_run(text, programme, programmes, honours, facts):
            continue
        t = _last_trigger(text, sentence[0], programme.start, ms)
        if t is None:
            continue
        group = _subject_group(text, sentence[0], t, programme, orgs, own)
        if not group and not _named_otherwise(facts.body_words, programme, orgs):
            # (举行 names no runner by default: only a body opening an earlier clause)
            writer = None if t.group() in _subject_only() else own
            group = _partners(text, sentence[0], t.start(), orgs, writer) \
                or _clause_subject(text, sentence[0], t.start(), ms, writer)
        group += _joined(text, sentence[0], programme, orgs) + _initiators(
            text, sentence[0], t.start(), orgs)
        for subject in group:
            for launch in [programme] + _launched(text, programme, programmes):
                if not is_inside(subject, launch):
                    facts.add(subject, "runs", launch, sentence)


def _may_be_run(text: str, programme, programmes, honours, facts) -> bool:
    """Whether a sentence's trigger can make a body run a programme: not a project honoured
    in a list (its own unit's, not the lister's), not one a title names (全国实施…纲要先进集体),
    not a meeting whose spirit is carried out, not the brand inside a longer programme's name
    (“美丽庭院”建设推进会)."""
    return (facts.iri(programme) not in facts.subjects("awarded")
            and not any(is_inside(programme, h) for h in honours)
            and not _SPIRIT_OF.match(text, programme.end)
            and not any(p is not programme and p.start <= programme.start
                        and programme.end < p.end for p in programmes))


def _subject_group(text: str, start: int, t, programme, orgs, own) -> list:
    """The bodies the trigger's clause names as the subject: the organisation right before the
    trigger and its list (A、B等单位在X广场联合开展; a venue, 在X科技馆举行, 到X中心开展, is none), every
    body after 由 in 由A、B主办，C承办的…, and the writer with a partner after 与."""
    subjects = [o for o in orgs if o.end <= t.start()
                and not _venue_before().search(text, max(0, o.start - 4), o.start)
                and (t.start() - o.end <= 8 or _subject_before_trigger().fullmatch(
                    text, o.end, t.start()))
                and not CLAUSE_END.search(text, o.end, t.start())]
    # 自治区检察院、科技厅、教育厅…联合印发…: every body of the subject list
    last = max((o.end for o in subjects), default=None)
    group = last_group(text, [o for o in orgs if o.end <= last]) if subjects else []
    by = text.rfind("由", start, t.start())
    if by >= 0 and _ROLE_BEFORE_NAME.fullmatch(text, t.end(), programme.start):
        group = [o for o in orgs if by < o.start and o.end <= t.start() and not any(
            p is not o and p.start <= o.start and o.end <= p.end for p in orgs)]
    if group and own is not None and text[group[0].start - 1:group[0].start] in _WITH \
            and not any(o.end < group[0].start
                        and not CLAUSE_END.search(text, o.end, group[0].start) for o in orgs):
        group.append(own)  # (我们)与自治区党委组织部联合举办…: the writer is the other
    return group


@per_rule_set
def _venue_before() -> re.Pattern:
    """A word that makes the body after it a venue, not a subject (在, 到, 走进: rules/words.tsv
    venue_prepositions)."""
    return re.compile(rf"(?:{word_pattern('venue_prepositions')})$")


def _partners(text: str, start: int, end: int, orgs, own) -> list:
    """将和商务部一起，…开展X / 与A、B共同实施X: the partners named after 与/和/同 and before
    一起/共同 run X with the writer, whose report leaves itself out."""
    if own is None:
        return []
    for mark in _together().finditer(text, start, end):
        partners = [o for o in orgs if o.end <= mark.start()]
        partners = last_group(text, partners) if partners and partners[-1].end == mark.start() \
            else []
        if partners and text[partners[0].start - 1:partners[0].start] in _WITH:
            return partners + [own]
    return []


@per_rule_set
def _together() -> re.Pattern:
    """The word after the partners of a joint action (和商务部一起, 与A、B共同: rules/words.tsv
    together_words)."""
    return re.compile(word_pattern("together_words"))


def _initiators(text: str, start: int, end: int, orgs) -> list:
    """在X倡导下 / 在X的组织下，…开展Y: X initiated or organised Y with those who carry it out."""
    return [o for under in _under().finditer(text, start, end) for o in orgs
            if under.start("body") <= o.start and o.end <= under.end("body")]


@per_rule_set
def _under() -> re.Pattern:
    """The body that initiates or organises what the clause after it does (在X倡导下, 在X的
    组织下: rules/words.tsv leading_verbs)."""
    return re.compile(rf"在(?P<body>[^,，。;；]{{2,30}}?)的?{word_pattern('leading_verbs')}下")


def _joined(text: str, start: int, programme, orgs) -> list:
    """X 联合 A、B、C 印发…: A, B and C (and X) organise it."""
    group = []
    for joiner in _joining_triggers().finditer(text, start, programme.start):
        after = [o for o in orgs if joiner.end() <= o.start and o.end <= programme.start]
        if after and after[0].start == joiner.end():
            group += first_group(text, after)
            group += [o for o in orgs if o.end <= joiner.start()  # 绵阳市妇联 联合…
                      and _adverb_before_join().fullmatch(text, o.end, joiner.start())]
    return group


def _launched(text: str, programme, programmes) -> list:
    """The programme a launch ceremony launches (“法治进万家”活动启动仪式): who holds the
    launch runs it too."""
    if not programme.key.endswith(words("launch_events")):
        return []
    return [p for p in programmes if p is not programme and is_inside(p, programme)
            and _launch().match(text, p.end, programme.end)]


@per_rule_set
def _subject_before_trigger() -> re.Pattern:
    """Between the last body of a subject list and its trigger: 等单位, a venue, 联合 (A、B等单位在
    文化广场联合开展: rules/words.tsv body_kinds, joint_words)."""
    return re.compile(rf"(?:等{word_pattern('body_kinds')}?)?\s*(?:在[^,，。;；、]{{1,16}})?"
                      rf"\s*{word_pattern('joint_words')}?\s*")

@per_rule_set
def _launch() -> re.Pattern:
    """The ceremony that launches a programme, after the programme's name (…活动启动仪式:
    rules/words.tsv launch_events)."""
    return re.compile(rf"[”\"]?(?:活动|项目|行动|工程|计划)?{word_pattern('launch_events')}$")

#: Between a role verb and the programme it names: 主办的, 承办单位的 (由A主办的“…”活动).
_ROLE_BEFORE_NAME = re.compile(r"(?:单位)?的\s*")

@per_rule_set
def _adverb_before_join() -> re.Pattern:
    """What may stand between a body and 联合 (a scraped space, 将, 也 …: rules/words.tsv
    join_adverbs)."""
    return re.compile(rf"\s*{word_pattern('join_adverbs')}?\s*")


#: Prepositions that put a partner before a joint verb (与/同/和 X 联合举办).
_WITH = frozenset("与同和")


#: A programme followed by who runs it: …宣传周是由…发起, …活动由…主办, …大赛,由…主办.
_BY_AFTER = re.compile(r"[”\"]?\s*[,，]?\s*(?:是|系|均|将|已)?由")


def hosts_of_held_events(document, sentence, ms, facts):
    """An event the sentence says was held (X推进会在某地召开) without saying by whom is the
    document's own organisation's, unless its name says whose it is (a body's or a place's
    congress, 第N次代表大会, is that body's: ``meetings_of_bodies``)."""
    text, own = document.text, facts.own
    if own is None:
        return
    orgs = [m for m in ms if m.type == "Organisation"]
    programmes = [m for m in ms if m.type == "Programme"
                  and m.cue != "pattern"]
    for programme in programmes:
        if _held().match(text, programme.end, sentence[1]) \
                and not _CONGRESS.search(programme.key) and not _named_otherwise(
                facts.body_words, programme, orgs) and not any(
                o.start == programme.start for o in orgs) and not any(
                p is not programme and is_inside(programme, p) for p in programmes) \
                and not _abroad(ms, programme, own):
            for held in [programme] + _launched(text, programme, programmes):
                facts.add(own, "runs", held, sentence)


def _abroad(ms, programme, own) -> bool:
    """Whether an event's name opens with a place abroad that the page's own body does not
    name (洛杉矶奥运会 in a page about a sports delegation): it hosts none of those."""
    return any(p.type == "Place" and p.start == programme.start
               and place_index().level(p.key) in ("city", "country") and p.key != COUNTRY
               and p.key not in own.key for p in ms)


_CONGRESS = re.compile(r"第[^次]{1,4}次.{0,6}代表大会$")
#: A congress named with its place or body (省妇联十二大: 河南省第十二次妇女代表大会).
_PLACED_CONGRESS = re.compile(r".+第[^次]{1,4}次.{0,6}代表大会$")

@per_rule_set
def _held() -> re.Pattern:
    """Right after an event's name, that it was held: a date, a venue after 在, the verb
    (rules/words.tsv held_manners, holding_verbs)."""
    return re.compile(r"[”\"]?(?:[,，]?[\d\u4e00-\u9fff]{0,4}[日月])?(?:在[^,，。;；]{2,16}?)?"
                      rf"{word_pattern('held_manners')}?{word_pattern('holding_verbs')}")


def runners_named_after(document, sentence, ms, facts):
    """The bodies between 由 and a runs trigger right after a programme run it
    (“…”活动由A、B联合主办, 宣传周是由省科协发起), and so do those of the clauses that go on
    with their roles (由A主办，B承办，C协办)."""
    text = document.text
    orgs = [m for m in ms if m.type == "Organisation"]
    for programme in (m for m in ms if m.type == "Programme"):
        by = _BY_AFTER.match(text, programme.end, sentence[1])
        if by is not None:
            for org in _bodies_by(text, by.end(), sentence[1], orgs):
                facts.add(org, "runs", programme, sentence)


#: How far after 由 the list of its bodies may run to the runs trigger (由A、B和C联合主办).
_ORGANISER_LIST_REACH = 80


def _bodies_by(text: str, start: int, end: int, orgs) -> list:
    """The bodies after 由 up to a runs trigger (由A、B联合主办), and those of the clauses that
    go on with their parts (，C承办，D协办)."""
    found = []
    while True:
        # (联合 inside a body's name, 区妇女联合会, is no trigger)
        trigger = next((t for t in triggers()["runs"].finditer(
            text, start, min(end, start + _ORGANISER_LIST_REACH))
            if not any(o.start <= t.start() < o.end for o in orgs)), None)
        if trigger is None or re.search(r"[。;；]", text[start:trigger.start()]):
            return found
        named = [org for org in orgs if start <= org.start and org.end <= trigger.start()
                 and not any(o is not org and o.start <= org.start and org.end <= o.end
                             for o in orgs)]
        found += named
        if not named or text[trigger.end():trigger.end() + 1] not in (",", "，", "、"):
            return found
        start = trigger.end() + 1


def runners_of_the_event_named_before(document, mentions, facts):
    """该赛由A主办，B承办 / 此次活动由A发起: the bodies after 由 run the programme the text
    named last before the words that stand for it, within a few sentences."""
    text = document.text
    programmes = sorted((m for m in mentions if m.type == "Programme" and m.cue != "pattern"),
                        key=lambda m: m.end)
    orgs = [m for m in mentions if m.type == "Organisation"]
    for anaphor in _anaphor_by().finditer(text):
        before = [p for p in programmes
                  if anaphor.start() - _ROLE_REACH <= p.start and p.end <= anaphor.start()]
        # 该赛 stands for the contest named last (…大赛), not its training class after it
        kind = [p for p in before if p.key.endswith(anaphor.group("kind")[-1])] or before
        if not kind:
            continue
        sentence = document.sentence_at(anaphor.start())
        for org in _bodies_by(text, anaphor.end(), sentence[1], orgs):
            facts.add(org, "runs", kind[-1], sentence)


@per_rule_set
def _anaphor_by() -> re.Pattern:
    """Words that stand for an event named before them, then 由 (该赛由, 此次活动是由, with a
    few words of the kind: 本次选拔赛由; the kind alone opening a clause: ，活动由; rules/
    words.tsv anaphors, event_kinds)."""
    return re.compile(rf"(?:{word_pattern('anaphors')}[\u4e00-\u9fff]{{0,3}}?|(?<=[,，。;；\n]))"
                      rf"(?P<kind>{word_pattern('event_kinds')})"
                      r"\s*(?:是|均|将|已)?由")


def role_lists(document, mentions, facts):
    """Bodies listed after a role label (主办单位：A、B；承办单位：C, 指导单位为D) run the
    programme named last before the label, within a few sentences."""
    text = document.text
    programmes = [m for m in mentions if m.type == "Programme" and m.cue != "pattern"]
    orgs = [m for m in mentions if m.type == "Organisation"]
    labels = list(_role_label().finditer(text))
    for i, label in enumerate(labels):
        end = min([m.start() for m in _LIST_END.finditer(text, label.end())][:1]
                  + [labels[i + 1].start() if i + 1 < len(labels) else len(text)])
        before = [p for p in programmes
                  if label.start() - _ROLE_REACH <= p.start and p.end <= label.start()]
        if not before:
            continue
        programme = max(before, key=lambda p: (p.end, p.end - p.start))
        for org in orgs:
            if label.end() <= org.start and org.end <= end and not any(
                    o is not org and o.start <= org.start and org.end <= o.end for o in orgs):
                facts.add(org, "runs", programme, document.sentence_at(org.start))


@per_rule_set
def _role_label() -> re.Pattern:
    """A role in an event written as a label before the bodies that hold it (主办单位：,
    承办单位为: rules/words.tsv organiser_roles)."""
    return re.compile(rf"{word_pattern('organiser_roles')}单位\s*(?:[:：]|为|是)\s*")
#: Where a list of bodies after a label ends: the end of its sentence or line.
_LIST_END = re.compile(r"[。;；\n]")
#: How far before its role labels the event's name may stand (the title and first sentence).
_ROLE_REACH = 200


@per_rule_set
def _congresses_bodies() -> dict[str, str]:
    """Who a congress's delegates are and the body that holds it (rules/congresses.tsv)."""
    return {row.delegates: row.body for row in table("congresses.tsv")}


@per_rule_set
def _congresses() -> re.Pattern:
    """A group's congress of a place, the group before or after its number (X妇女第N次代表大会,
    X第N次妇女代表大会)."""
    who = "|".join(map(re.escape, sorted(_congresses_bodies(), key=len, reverse=True)))
    return re.compile(rf"^(?P<place>.+?)(?P<before>{who})?第[^次]{{1,4}}次(?P<after>{who})?代表大会$")


#: A congress of a body's branch of a place (共青团某县第N次代表大会).
_LOCAL_CONGRESS = re.compile(r".+第[^次]{1,4}次代表大会$")
#: An organ's term and name inside a meeting's name (…第五届主席团第一次会议).
_ORGAN_TERM = re.compile(r"第[^届]{1,4}届.+$")
#: A sitting of an organ of one term (第五届主席团第一次会议, 第三届常务理事会第二次会议).
_ORGAN_SITTING = re.compile(r"第[^届]{1,4}届[^第次,，]{2,8}第[^次]{1,4}次(?:全体)?会议$")


def meetings_of_bodies(document, mentions, facts):
    """A group's congress (X第N次妇女代表大会, X第N次归侨侨眷代表大会) is run by the group's body
    of its place when the text names it (rules/congresses.tsv), and a meeting named after an
    organ (第五届主席团第一次会议) by that organ (an organ of the document: a mention whose
    cue is ``organ``)."""
    orgs = {m.key: m for m in mentions if m.type == "Organisation"}
    organs = [(term.group(), m) for m in orgs.values() if m.cue == "organ"
              for term in [_ORGAN_TERM.search(m.key)] if term]
    for p in (m for m in mentions if m.type == "Programme"):
        congress = _congresses().match(p.key)
        who = congress and (congress.group("before") or congress.group("after"))
        if congress and not who:
            # 共青团某县第N次代表大会, 中共某县第N次代表大会: the body's committee of the place
            committee = orgs.get(congress.group("place") + "委员会")
            if committee is not None:
                facts.add(committee, "runs", p, document.sentence_at(p.start))
        elif who:
            name = congress.group("place") + _congresses_bodies()[who]
            # 集美区…代表大会 is held by 厦门市集美区归国华侨联合会: the body's full name
            bodies = [o for key, o in orgs.items() if key == name] or [
                o for key, o in orgs.items() if key.endswith(name)]
            if not bodies:
                # 长沙市开福区…代表大会 is held by 开福区妇女联合会: the last place of the name
                inner = max((m for m in mentions if m.type == "Place" and is_inside(m, p)),
                            key=lambda m: m.start, default=None)
                body = inner and orgs.get(inner.key + _congresses_bodies()[who])
                bodies = [body] if body else []
            if len(bodies) == 1:
                facts.add(bodies[0], "runs", p, document.sentence_at(p.start))
        for term, organ in organs:
            if term in p.surface and not p.surface.endswith(term):
                facts.add(organ, "runs", p, document.sentence_at(p.start))


def named_runners(document, sentence, ms, facts):
    """A programme whose name starts with an organisation's (清华大学远程教学站,
    海拉尔区义工联合会松柏之爱项目), or follows it (教育部国家…计划), is that organisation's."""
    text = document.text
    orgs = [m for m in ms if m.type == "Organisation"]
    programmes = [m for m in ms if m.type == "Programme"
                  and m.cue != "pattern"]
    for programme in programmes:
        owner = _owner_before(text, programme, orgs)
        if owner is not None and not any(p is not programme and is_inside(programme, p)
                                         for p in programmes):
            facts.add(owner, "runs", programme, sentence)
        named = max((o for o in orgs if o.start == programme.start and o.end < programme.end),
                    key=lambda o: o.end, default=None)
        if named is not None and _LOCAL_CONGRESS.match(programme.key) and any(
                m.type == "Place" and m.start == named.end for m in ms):
            continue  # 共青团|某县第N次代表大会: the branch of the place, not the whole body
        if named is not None and not (_ORGAN_SITTING.match(text, named.end, programme.end)
                                      and _has_organ(facts, named)):
            # a sitting of the body's organ (某会第三届常务理事会第二次会议) is the organ's
            facts.add(named, "runs", programme, sentence)


def _has_organ(facts, body) -> bool:
    """Whether the document names an organ of a body (某会第五届常务理事会)."""
    return any(m.cue == "organ" and m.key.startswith(body.key)
               for ms in facts.by_sentence.values() for m in ms)


#: Carrying out a meeting's spirit or a speech given at it is not running it (贯彻…会议精神,
#: 在…座谈会上的讲话).
_SPIRIT_OF = re.compile(r"(?:[和、与及][^,，。;；]{0,24})?精神|上的(?:重要)?讲话")
