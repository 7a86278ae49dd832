"""The ``locatedIn`` and ``partOf`` rules.

``locatedIn``: the most specific place an organisation's name holds, every place a
programme's name holds (also the region a relative name resolves to), an event held 在 a
place (a quoted theme and a dash may come between: 在长沙市举办“…”——…大赛), and a programme
carried out all over the document's region (在全省范围内开展…活动) or by a place's bodies at
all levels (某省各级妇联组织…开展…), and a quoted programme written right after a place
(某市“春风行动”).

``partOf``: a unit whose canonical name extends another organisation's name; a party committee
in 中国共产党; a place written right after a place that contains it (江西省宜春市), three or more
subdivisions of a place the sentence names before them (某市…分别是：甲县的…，乙县的…，丙区的…); a programme named
inside a longer one, items listed before 等 + a programme, and programmes under a 【section】
header that names a programme.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Mention
from ..places import beyond_the_mainland, place_index
from ..rules import per_rule_set, table, word_pattern, words
from .facts import in_dateline
from .phrases import CLAUSE_END, is_inside, triggers


@per_rule_set
def _native_body() -> re.Pattern:
    """A body of natives of a place, after the place's name (…企业商会, …籍…同乡会)."""
    return re.compile(r"(?:企业|籍)?" + word_pattern("native_bodies"))


def _seat(text: str, inside: list[Mention]) -> list[Mention]:
    """The place an organisation whose name holds ``inside`` sits in: the last, unless that
    one names where the members of a body of natives come from (上海市|浙江|商会: in 上海市)."""
    if len(inside) >= 2 and _native_body().match(text, inside[-1].end) \
            and inside[-2].key not in place_index().ancestors(inside[-1].key):
        return inside[-2:-1]
    return inside[-1:]


def located(document, sentence, ms, facts):
    """Where the organisations and programmes of a sentence are: places inside their names,
    after 位于, and where an event is held (在 a place)."""
    if not any(m.type in ("Organisation", "Programme") for m in ms):
        return  # (nothing to locate)
    text = document.text
    places = [m for m in ms if m.type == "Place"]
    readings = sorted(places + _implied_places(ms), key=lambda p: (p.start, -p.end))
    sited = _sited_in().search(text, *sentence) is not None  # (else no body's seat after 位于)
    for m in ms:
        if m.type not in ("Organisation", "Programme"):
            continue
        inside = [p for p in readings if is_inside(p, m)]
        venues = []
        if m.type == "Organisation":
            # a body sits in the most specific place its name gives (兴安盟扎赉特旗… -> 扎赉特旗),
            # a mission in the place after 驻 (中国驻法国大使馆; 美国驻华大使馆: none named)
            stationed = m.surface.find("驻")
            if stationed >= 0:
                # (驻某市台北经济文化办事处: Taiwan after the station names who sent it)
                after = [p for p in inside if p.start > m.start + stationed]
                inside = after[:1] + [p for p in after[1:] if not beyond_the_mainland(p.key)]
            inside = _seat(text, _places_of_unit(m, inside, places))
        elif not any(o is not m and o.type == "Programme" and is_inside(m, o) for o in ms):
            # held somewhere: the event, not a brand named inside it
            venues = _venues(text, sentence, m, ms, places) + _all_over(document, sentence, m,
                                                                        facts) \
                + _bodies_at_all_levels(text, sentence, m, places)
        if m.type == "Programme" and m.surface.startswith("“") and m.surface.endswith("”") \
                and m.key.endswith(_programme_heads()):
            # a place written right before a quoted programme (某市“春风行动”现场会) is where it
            # is carried out (the event named after it may be held elsewhere); not so before a
            # brand's bare name (某区“春风姐妹”技能大赛: a contest, named after a persona)
            venues += [p for p in places if p.end == m.start]
        if m.type == "Programme" and m.key.endswith(_SESSIONS + _CONGRESSES):
            # the place in the name of the body a session or congress is named after (江西省
            # 妇联十三届二次执委会议, also when only implied: 省妇联…) is the body's seat, not
            # the venue (a congress held nowhere the page says is at the seat:
            # ``congresses_at_seats``); a region's congress (X省第N次妇女代表大会) is the region's
            inside = [p for p in inside if p not in _seat_in_name(m, ms, inside)]
        for place in inside + venues:
            if m.type == "Organisation" or place_index().level(place.key) != "country":
                # 中国 inside a programme's name (健康中国) is a motto, not a venue
                facts.add(m, "locatedIn", place, sentence)
        if m.type == "Organisation" and sited:
            # 华丰集团总部位于深圳市南山区: the places after 位于 in the body's clause
            chain = {s.end() for s in _sited_in().finditer(text, m.end, sentence[1])}
            for place in sorted(places, key=lambda p: p.start):
                if place.start in chain and not CLAUSE_END.search(text, m.end, place.start):
                    chain.add(place.end)
                    facts.add(m, "locatedIn", place, sentence)


def _all_over(document, sentence, m: Mention, facts) -> list[Mention]:
    """The region a programme is carried out all over, 在全省(范围内)…开展 <programme> in its
    clause: the one the level word stands for (rules/levels.tsv: 全省 the document's province),
    when the page names or implies it."""
    said = _all_over_the_region().search(document.text, sentence[0], m.start)
    if said is None:
        return []
    kind = dict(_whole_regions())[said.group(1)]
    implied = [o.implied_place for ms in facts.by_sentence.values() for o in ms if o.implied_place]
    place = next((p for p in [document.region or ""] + implied if p.endswith(kind)
                  and place_index().level(p) in ("province", "prefecture")), None)
    if place is None or ("Place", place) not in facts.iris:
        return []
    return [replace(m, type="Place", key=place, surface=place, cue=_IMPLIED, implied_place="")]


def _bodies_at_all_levels(text: str, sentence, m: Mention, places: list[Mention]) -> list[Mention]:
    """The place whose bodies at all levels open the sentence and carry out the programme
    (某省各级妇联组织…，打造了 <programme>、…: the programme is the place's)."""
    return [p for p in places if text[sentence[0]:p.start].strip() == ""
            and _at_all_levels().match(text, p.end, m.start)]


@per_rule_set
def _at_all_levels() -> re.Pattern:
    """各级…开展 right after a place, the programme in the clause of the verb
    (rules/relation_triggers.tsv: the verbs of ``runs``; not 组织 of 妇联组织, 团组织)."""
    return re.compile(rf"各级[^。;；]*?(?<![联会团协党])(?:{triggers()['runs'].pattern})[了过]?"
                      r"[^,，。;；:：]{0,40}$")


@per_rule_set
def _programme_heads() -> tuple[str, ...]:
    """The words that end a programme's name on their own (rules/programme_words.tsv: 行动,
    工程, 计划 …)."""
    return tuple(row.word for row in table("programme_words.tsv") if row.needs in ("name", "short"))


@per_rule_set
def _whole_regions() -> tuple[tuple[str, str], ...]:
    """The words for the whole of the document's region (全省, 全市), with the kind of region
    each stands for (rules/levels.tsv)."""
    return tuple((row.word, row.stands_for) for row in table("levels.tsv")
                 if row.word.startswith("全") and row.stands_for)


@per_rule_set
def _all_over_the_region() -> re.Pattern:
    """在全省…开展 right before a programme, in its clause (rules/relation_triggers.tsv: the
    verbs of ``runs``)."""
    words = "|".join(word for word, _ in _whole_regions())
    return re.compile(rf"在({words})[^,，。;；:：]{{0,30}}?(?:{triggers()['runs'].pattern})"
                      r"[了过]?[^,，。;；:：]{0,4}$")


def _seat_in_name(m: Mention, ms: list[Mention], inside: list[Mention]) -> list[Mention]:
    """The places of ``inside`` (the places in the programme ``m``'s name) that are the seat
    of a body its name opens with or holds (某研究会第五次代表大会: the society's place)."""
    bodies = [o for o in ms if o.type == "Organisation" and is_inside(o, m)]
    return [p for p in inside if any(is_inside(p, o) or (
        o.start == m.start and p.cue == _IMPLIED) for o in bodies)]


def congresses_at_seats(document, mentions, facts):
    """A body's congress the page says is held nowhere (某科协第八次代表大会召开) is where the
    body sits, the place its name gives."""
    congresses = [m for m in mentions if m.type == "Programme" and m.key.endswith(_CONGRESSES)]
    if not congresses:
        return
    places = [p for p in list(mentions) + _implied_places(list(mentions)) if p.type == "Place"]
    orgs = [o for o in mentions if o.type == "Organisation"]  # (all _seat_in_name reads)
    located = {s for (s, predicate, _, _, _) in facts.facts if predicate == "locatedIn"}
    for m in congresses:
        if facts.iri(m) in located:
            continue
        inside = [p for p in places if is_inside(p, m)]
        for place in _seat_in_name(m, orgs, inside)[-1:]:
            if place_index().level(place.key) != "country":  # (中国科协…全国代表大会)
                facts.add(m, "locatedIn", place, document.sentence_at(m.start))


#: The endings of a body's sessions, never located at its seat by their name.
_SESSIONS = ("会议", "全会")
#: The ending of a body's congress, located at its seat unless the text names its venue.
_CONGRESSES = ("代表大会",)


def _venues(text, sentence, m, ms, places) -> list:
    """The places where the programme ``m`` is held: after 在 right behind it, up to the verb
    (…会议18日在济南召开, also after events joined to it by 暨), the places it goes to right
    behind it (…活动走进某县某村), in 在<place>举办 right before it, and after 在 (到, 深入…)
    earlier in its clause (在凉山彝族自治州昭觉县实施“母亲健康快车”项目, 在A县、B县开展…,
    县妇联深入某镇启动…活动)."""
    venues = []
    end = m.end
    while text.startswith("暨", end):  # …代表大会暨…论坛在沈阳举行
        end = next((o.end for o in ms if o.type == "Programme" and o.start == end + 1), end)
        if not text.startswith("暨", end) or end == m.end:
            break
    after = _held_after().match(text, end, sentence[1]) or _held_later(text, end, sentence, ms)
    for place in sorted(places, key=lambda p: p.start) if after else ():
        # (a place written after one it contains names a building: 在沈阳|辽宁|大厦)
        if after.start(1) <= place.start and place.end <= after.end(1) and not any(
                place.key in place_index().ancestors(v.key) for v in venues):
            venues.append(place)
    visits = _visits().match(text, end, sentence[1])  # (…示范活动走进某县某村)
    if visits:
        chain = [p for p in places if p.start == visits.end()]
        while chain and (more := [p for p in places if p.start == chain[-1].end]):
            chain += more[:1]
        venues += [p for p in chain if not any(
            p.key in place_index().ancestors(v.key) for v in chain)]
    held = _held_in().search(text[sentence[0]:m.start])
    ends_after_zai = {p.end for p in places if _venue_word().search(
        text, max(0, p.start - 2), p.start)}
    for place in sorted(places, key=lambda p: p.start):
        if held and place.start >= sentence[0] + held.start(1) \
                and place.end <= sentence[0] + held.end(1):
            venues.append(place)
        elif (place.end in ends_after_zai or place.start in ends_after_zai
              or (text[place.start - 1:place.start] in "、和及"
                  and place.start - 1 in ends_after_zai)) \
                and place.end <= m.start and m.start - place.end <= 24 \
                and not CLAUSE_END.search(text, place.end, m.start):
            ends_after_zai.add(place.end)
            venues.append(place)
    return venues


#: The cue of a place a name implies, read over the name's span (``_implied_places``).
_IMPLIED = "implied"


def _implied_places(ms: list[Mention]) -> list[Mention]:
    """The places the resolved names of bodies and programmes imply (``implied_place``: 省妇联
    in a Hunan report, 湖南省), each read as a place written over the name that implies it."""
    return [replace(m, type="Place", key=m.implied_place, surface=m.implied_place,
                    cue=_IMPLIED, implied_place="") for m in ms if m.implied_place]


def _places_of_unit(body: Mention, inside: list[Mention], places: list[Mention]) -> list[Mention]:
    """The places ``inside`` a body's name, and for a unit the text names without its places
    (某村党支部书记、村委会主任: only the place its name implies is inside) the later places of
    its name that the sentence writes (``places``), in the name's order."""
    if not inside or any(p.cue != _IMPLIED for p in inside):
        return inside
    implied = inside[-1].key
    tail = body.key[body.key.find(implied) + len(implied):]
    return inside + sorted((p for p in places if p.key in tail), key=lambda p: tail.rfind(p.key))


@per_rule_set
def _sited_in() -> re.Pattern:
    """A body's seat: …(总部|总部设在|坐落于|位于) <place>, its most specific place named after
    (rules/words.tsv seat_verbs)."""
    return re.compile(rf"(?:总部)?{word_pattern('seat_verbs')}")


def _held_later(text: str, end: int, sentence, ms):
    """<event>圆满完成各项任务，今天在<place>胜利闭幕: where the event the sentence opens with
    is held, said in a later clause that names no other event (or None)."""
    # (the event opens the sentence: only places and a dateline's outlet before it, no verb
    # that makes it an object: 某会在某县实施“…”项目，在某市召开总结会 holds no venue of it)
    first = min((m.start for m in ms if m.type == "Programme" and m.end == end), default=end)
    if any(m.start < first and m.type != "Place" and not in_dateline(text, m) for m in ms) \
            or triggers()["runs"].search(text, sentence[0], first) \
            or any(m.type == "Programme" and m.start >= end for m in ms):
        return None
    later = _HELD_CLAUSE.search(text, end, min(sentence[1], end + _HELD_REACH))
    return later and _held_after().match(text, later.end(), sentence[1])


#: A later clause of the sentence that says where its event was held (，今天在…闭幕).
_HELD_CLAUSE = re.compile(r"[,，][^,，。;；]{0,6}?(?=在)")
#: How far after the event's name that clause may start.
_HELD_REACH = 30


@per_rule_set
def _visits() -> re.Pattern:
    """<programme>走进<place>: the programme is carried out where it goes (rules/words.tsv
    visiting_verbs)."""
    return re.compile(rf"[”\"]?(?:{word_pattern('visiting_verbs')})")


@per_rule_set
def _venue_word() -> re.Pattern:
    """A word that makes the place after it where something is done (在, 到, 深入:
    rules/words.tsv venue_prepositions)."""
    return re.compile(rf"(?:{word_pattern('venue_prepositions')})$")


@per_rule_set
def _held_after() -> re.Pattern:
    """<programme>在<place>召开: held where 在 right after the programme names, up to the verb
    (rules/words.tsv held_manners, holding_verbs)."""
    return re.compile(r"(?:[,，]?[\u4e00-\u9fff\d]{0,3}[日月])?在([^,，。;；]{2,16}?)"
                      rf"{word_pattern('held_manners')}?{word_pattern('holding_verbs')}")

@per_rule_set
def _held_in() -> re.Pattern:
    """在<place>举办 right before a programme, a quoted theme and a dash allowed in between
    (在呼和浩特市举办“…”——…技能大赛: rules/words.tsv staging_verbs)."""
    return re.compile(rf"在([^,，。;；]{{2,12}})({word_pattern('staging_verbs')})"
                      r"(?:“[^”]{1,24}”[—-]{1,2})?[^,，。;；]{0,8}$")


def parts_in_sentence(document, sentence, ms, facts):
    """Programmes named at the front of longer ones, and items listed before 等 + a
    programme."""
    text = document.text
    programmes = [m for m in ms if m.type == "Programme"]
    for outer in programmes:
        for inner in programmes:
            # a programme named at the front of a longer one (美丽庭院 in 美丽庭院建设推进会);
            # one that only shares the longer name's end is the same name read shorter
            if inner is not outer and is_inside(inner, outer) and inner.end < outer.end \
                    and inner.key != outer.key:
                facts.add(outer, "partOf", inner, sentence)
        # “母亲邮包”“母亲水窖”等母亲系列公益项目
        lead = text[max(sentence[0], outer.start - 1):outer.start]
        if lead == "等":
            for item in programmes:
                if item.end <= outer.start - 1 and text[item.end:outer.start - 1].strip("”、“\"") == "" \
                        or (item.end < outer.start and re.fullmatch(
                            r"[”“\"、]*(?:[“\"][^”\"]*[”\"][、]?)*等", text[item.end:outer.start])):
                    facts.add(item, "partOf", outer, sentence)


def plans_of_programmes(document, mentions, facts):
    """A plan named in 《》 that quotes a programme the page names (《关于开展“X”活动的实施方案》)
    is a part of that programme (rules/words.tsv plan_documents)."""
    programmes: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Programme":
            programmes.setdefault(m.key, m)
    for m in programmes.values():
        if m.surface.startswith("《") and m.key.endswith(words("plan_documents")):
            for quoted in _QUOTED.finditer(m.surface):
                inner = programmes.get(quoted.group(1))
                if inner is not None and inner is not m:
                    facts.add(m, "partOf", inner, document.sentence_at(m.start))


#: A quoted name inside a title.
_QUOTED = re.compile(r"[“\"]([^”\"]{2,30})[”\"]")


def parts_by_name(document, mentions, facts):
    """Units inside bodies, party committees in the party, places in their parents."""
    orgs = {m.key: m for m in mentions if m.type == "Organisation"}
    for key, m in sorted(orgs.items()):
        # the longest other body whose name starts this one's
        parent = next((key[:n] for n in range(len(key) - 1, 0, -1) if key[:n] in orgs), None)
        term = _TERM_OF_COMMITTEE.fullmatch(key)
        if term is not None:
            # 共青团某县第二十届委员会 is one term of 共青团某县委员会, not a committee of its own
            parent = parent or (term.group(1) + "委员会" if term.group(1) + "委员会" in orgs
                                else None)
            if parent is not None:
                facts.add(m, "partOf", orgs[parent], document.sentence_at(m.start))
        elif parent is not None:
            facts.add(m, "partOf", orgs[parent], document.sentence_at(m.start))
        elif key.startswith("中国共产党") and key.endswith("委员会") and "中国共产党" in orgs \
                or key.endswith(_PARTY_BRANCHES) and "中国共产党" in orgs:
            # a party committee or a unit's party branch (…村党支部) is the party's
            facts.add(m, "partOf", orgs["中国共产党"], document.sentence_at(m.start))
        elif key.startswith("共青团") and key.endswith("委员会") and _YOUTH_LEAGUE in orgs:
            facts.add(m, "partOf", orgs[_YOUTH_LEAGUE], document.sentence_at(m.start))
    # the plain containment of places that the text writes together (江西省宜春市, 福建漳州市,
    # a town read after its county: 宁城县八里罕镇); places of one sentence written apart are
    # not said to contain each other
    index = place_index()
    ends = {m.end: m for m in mentions if m.type == "Place"}
    for m in mentions:
        before = ends.get(m.start) if m.type == "Place" else None
        if before is not None and (m.cue == "after-place"
                                   or before.key in index.ancestors(m.key)):
            facts.add(m, "partOf", before, document.sentence_at(m.start))


#: One term of a committee (某县第二十届委员会): the committee's name without the term.
_TERM_OF_COMMITTEE = re.compile(r"(.+)第[^届]{1,4}届委员会")
#: Party branches of a unit, named after it (…村党支部, …公司党总支).
_PARTY_BRANCHES = ("党支部", "党总支")
_YOUTH_LEAGUE = "中国共产主义青年团"


#: How many subdivisions of one place a sentence must name for it to be listing its parts.
_LISTED_SUBDIVISIONS = 3


def subdivisions_listed(document, sentence, ms, facts):
    """A sentence that names a place, then three or more of its subdivisions (某市获奖的家庭
    分别是：甲县的…，乙县的…，丙区的…), lists the place's parts. Places inside the names of
    bodies and programmes take no part: those name seats, not the place's parts."""
    index = place_index()
    free = [m for m in ms if m.type == "Place" and not any(
        o.type in ("Organisation", "Programme") and is_inside(m, o) for o in ms)]
    for whole in free:
        if index.level(whole.key) == "country":
            continue  # (中国 and the provinces a national page names: not a list of its parts)
        parts = [m for m in free if m.start >= whole.end and whole.key in index.parents(m.key)]
        if len({m.key for m in parts}) >= _LISTED_SUBDIVISIONS:
            for part in parts:
                facts.add(part, "partOf", whole, sentence)
