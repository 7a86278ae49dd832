"""The ``relate`` stage: sentence patterns over resolved mentions give ``Fact``s with evidence.

Trigger words come from ``rules/relation_triggers.tsv``. The rules, by predicate:

- ``holdsPost``: an organisation, a chain of post titles and a name (自治区妇联党组书记、主席王芳),
  or a chain of units each with its posts (市政府副市长、市妇儿工委主任王某); a 、-list of names
  shares what stands before its first name and after its last; titles take a rank or deputy
  prefix (副县长, 代省长, 一级检察官, 兼职副书记), and between a unit and a name any title with a
  post's head (项目总监, 政工科科员, 乡村振兴特派员); an organisation right before a name (…权益部寿兰兰) is
  membership without a post; 任命/选举 X 为 <unit><post>, X 担任/当选 <unit><post> and A、B 等
  当选 <post> (the body elected to earlier in the document, not the organ it named) and 王某，<unit><post>， (apposition
  closed by punctuation) name the unit after the person; a table row gives name, unit and post
  between blanks; names after a post and a colon (主席团主席:甲; 副主席:乙、丙(女)) hold it in
  the unit named before the post, or in the unit of the list's line before; a profile
  (X,女,汉族,…,中共党员,现任…) gives party membership and the posts
  after 现任; a reporter in a byline (记者 X) works for the outlets the line names before
  (来源:某报, 某报·某网记者, 某网消息). A post title after words of an unknown unit
  (…合作办主任) is given to no other body. The person holds the post in the unit named and, with the unit as part of the role, in the body named at its start
  (兴安盟人民医院妇二科主任), unless the unit is a local branch named after a place
  (中共宁波市委书记 holds no post in the party itself).
- ``awarded``: within a clause, people or units before an award trigger (荣获, 被评为 …) receive
  the honours after it, and those between 授予/命名/表彰 and the honour (up to 等N名); a name
  right after an honour (全国三八红旗手标兵赵晶), after 获得X的 or X获得者, those between 为/向
  and a verb of handing over (为A送上“X”证书), a list after an honour heading and a colon or
  分别是, and the holders listed under a heading line (…名单) receive it; a sentence without a
  subject continues the person the sentence before opens with. The year is the nearest
  20xx年(度) before the honour.
- ``runs``: the organisation named right before a runs trigger in the sentence runs the
  programmes after the trigger (a list of bodies may end in 等单位 and a venue: A、B等单位在
  X广场联合开展; a venue after 在 runs nothing); in 由A主办、B承办、C协办的 P every body after
  由 runs P, and so do those in P 由A、B主办 / P 是由 A 发起 after it; when the sentence
  leaves the subject out, the document's own organisation (the one it names most) runs them
  (reports leave their author out), and with a partner (与 X 联合举办) it runs them together
  with X; a programme named after an organisation
  (清华大学远程教学站) is that organisation's, a women's congress (X妇女第N次代表大会) the
  place's federation's, a meeting named after an organ (第五届主席团第一次会议) the organ's; a 【section】 header's programme is the document's
  own organisation's when the section names that organisation first.
- ``locatedIn``: the most specific place an organisation's name holds, every place a
  programme's name holds (also the region a relative name resolves to), and an event held 在 a
  place (a quoted theme and a dash may come between: 在长沙市举办“…”——…大赛).
- ``partOf``: a unit whose canonical name extends another organisation's name; a party committee
  in 中国共产党; a place written right after a place that contains it (江西省宜春市); a programme named
  inside a longer one, items listed before 等 + a programme, and programmes under a 【section】
  header that names a programme.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache
from typing import Iterable

from .extract import NAMED_AS, ORGAN, honour_lists, list_heading_end
from .model import CONTEXT_CHARS, Document, Evidence, Fact, Mention
from .places import place_index
from .resolve import IMPLIED
from .rules import table, trigger_words
from .vocab import entity_iri

_CLAUSE_END = re.compile(r"[,，;；:：]")
_YEAR = re.compile(r"(20\d{2}|19\d{2})年")


@cache
def _triggers() -> dict[str, re.Pattern]:
    return {predicate: re.compile("|".join(map(re.escape, trigger_words(predicate))))
            for predicate in ("runs", "awarded")}


@cache
def _byline_posts() -> frozenset[str]:
    return frozenset(row[0] for row in table("posts.tsv", 3) if row[1] == "byline")


@cache
def _title_words() -> str:
    """The post titles of rules/posts.tsv as one alternation, longest first."""
    titles = sorted((row[0] for row in table("posts.tsv", 3)), key=len, reverse=True)
    return "|".join(map(re.escape, titles))


@cache
def _posts() -> re.Pattern:
    # a title with a rank or deputy prefix is a title too (副县长, 代省长, 一级检察官)
    one = f"{_POST_PREFIX}(?:{_title_words()})"
    return re.compile(rf"^{one}(?:[、兼]{one})*$")


_POST_PREFIX = r"(?:(?:兼职|挂职|专职)?(?:常务副|常务|副|代)|[一二三四]级|高级|兼职|挂职|专职)?"


@cache
def _open_posts() -> re.Pattern:
    """Post titles no list holds, read between a unit and a name: a few words and a title's
    head (政工科科员, 主任设计师, 项目总监, 计生专干)."""
    one = rf"(?:{_posts().pattern[1:-1]}|[\u4e00-\u9fff]{{0,6}}?(?:{_title_words()}|{_POST_HEADS}))"
    return re.compile(rf"^{one}(?:[、兼]{one})*$")


#: The last words of post titles (员, 长, 师, 主任, 书记 …).
_POST_HEADS = "员|长|师|书记|主任|主席|经理|总监|专干|负责人|干事|委员|助理|顾问|指挥|主管|教授|特派员"


class _Facts:
    """Collects facts of one document with their evidence sentence."""

    def __init__(self, document: Document, base: str):
        self.document, self.base = document, base
        self.facts: dict[tuple, list[Evidence]] = {}
        self.elected: Mention | None = None  # the body the last election named
        # the unit of the last list of officers, with the organisations and places of its line
        self.listing: tuple | None = None
        self._subjects: dict[str, set[str]] = {}

    def add(self, subject: Mention, predicate: str, obj: Mention, sentence: tuple[int, int],
            role: str | None = None, year: str | None = None):
        s_iri = entity_iri(subject.type, subject.key, self.base)
        o_iri = entity_iri(obj.type, obj.key, self.base)
        if s_iri == o_iri:
            return
        start, end = self.document.original_span(*sentence)
        text = self.document.text_original
        evidence = Evidence(self.document.id, text[start:end], start, end,
                            text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS])
        self.facts.setdefault((s_iri, predicate, o_iri, role, year), []).append(evidence)
        self._subjects.setdefault(predicate, set()).add(s_iri)

    def subjects(self, predicate: str) -> set[str]:
        """IRIs of the subjects of the facts of one predicate collected so far (kept up to
        date as facts are added, so asking in every sentence costs nothing; do not change it)."""
        return self._subjects.get(predicate, set())

    def result(self) -> tuple[Fact, ...]:
        return tuple(Fact(s, p, o, role, year, tuple(ev))
                     for (s, p, o, role, year), ev in self.facts.items())


def relate(document: Document, mentions: tuple[Mention, ...], base: str) -> tuple[Fact, ...]:
    """The facts a document states between its resolved mentions."""
    facts = _Facts(document, base)
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(document.sentence_at(m.start), []).append(m)
    own = _document_organisation(mentions)
    for ms in by_sentence.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    for sentence, ms in sorted(by_sentence.items()):
        _posts_held(document, sentence, ms, facts, own)
        _profile_posts(document.text, sentence, ms, facts)
        _reporters(document.text, sentence, ms, facts)
        _awards(document, sentence, ms, facts, _opening_person(document, sentence, by_sentence))
        _runs(document, sentence, ms, own, facts)
        _named_runners(document, sentence, ms, facts)
        _runners_named_after(document, sentence, ms, facts)
        _located(document, sentence, ms, facts)
        _parts_in_sentence(document, sentence, ms, facts)
    _listed_under_headings(document, mentions, facts)
    _also_conferred(document, mentions, facts)
    _parts_by_name(document, mentions, facts)
    _sections(document, mentions, facts, own)
    _meetings_of_bodies(document, mentions, facts)
    return facts.result()


def _document_organisation(mentions: Iterable[Mention]) -> Mention | None:
    """The organisation a document names most (its author or subject), if any."""
    counts = Counter(m.key for m in mentions if m.type == "Organisation"
                     and not m.rule_id.startswith("rules/patterns"))
    if not counts:
        return None
    key, count = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if count < 2:
        return None
    return next(m for m in mentions if m.type == "Organisation" and m.key == key)


# ------------------------------------------------------------------ holdsPost
def _posts_held(document, sentence, ms, facts, own):
    text = document.text
    people = [m for m in ms if m.type == "Person"]
    orgs = [m for m in ms if m.type == "Organisation"]
    places = [m for m in ms if m.type == "Place"]
    groups = _name_lists(text, people)
    # 省妇联党组成员、副主席刘丽、张晓雯: the names of a list share what stands before the first
    posts = {g[0].start: _post_before(text, sentence[0], g[0].start) for g in groups}
    # 俄罗斯总统…: a post after a country or a place is not one in a body named elsewhere
    place_ends = {m.end for m in places}
    titled = {start - len(post) for start, post in posts.items() if post}
    # the body of the last election (…当选市妇联主席，B当选副主席; 同时，选举C为副主席)
    elected = facts.elected
    for group in groups:
        head = group[0]
        if _colon_list(text, sentence, group, orgs, places, facts):
            continue
        post = posts[head.start]
        post_start = head.start - len(post) if post else head.start
        if post and not any(post_start <= o.end <= head.start for o in orgs) \
                and post_start not in place_ends and post not in _byline_posts() \
                and _stands_alone(text, sentence[0], post_start) \
                and not _GOVERNMENT_HEAD.search(post):
            # 分管副主席赵红军: the unit of the leader named before, else the last unit named
            # before, else the document's own (not for a reporter: 本报记者 is no unit named)
            earlier = [o for o in orgs if o.end <= post_start]
            led = [o for o in earlier if o.end in titled]
            unit = (led or earlier or [own])[-1]
            if unit is not None and len(post) > 1:
                for person in group:
                    facts.add(person, "holdsPost", unit, sentence, role=post)
        for org in orgs:
            between = text[org.end:head.start]
            if org.end > head.start or len(between) > 40:
                continue
            # 市政府副市长、市妇儿工委主任阮某: each unit of a chain holds its own posts (a
            # unit after 、 is read as one, not as words of an open-ended title)
            end = _chain_end(text, org, head.start, orgs) if between else None
            if end is not None:
                for person in group:
                    _hold(facts, person, org, end, orgs, places, text, sentence)
                continue
            if between and not _open_posts().match(between):
                continue
            if any(o.start == org.start and org.end < o.end <= head.start
                   and (o.end == head.start or _posts().match(text[o.end:head.start]))
                   for o in orgs):
                continue  # a longer unit of the same body is the one named (unless what
                # follows it is no post: 省妇联党组|成员、副主席 is 省妇联|党组成员、副主席)
            # 自治区妇联党组书记、主席王芳: the unit holds the first post, its body them all
            for person in group:
                _hold(facts, person, org, head.start, orgs, places, text, sentence,
                      first_post_only=True)
        # a table row of a list of people: name, unit, post (张三 某某公司 总经理)
        row = _table_row(text, group[-1], orgs)
        if row is not None:
            unit, end = row
            for person in group:
                _hold(facts, person, unit, end, orgs, places, text, sentence)
            continue
        # 王某，湖南大学教授，…: the unit and post in apposition, closed by punctuation
        if len(group) == 1 and text[head.end:head.end + 1] in ",，":
            unit = next((o for o in orgs if o.start == head.end + 1), None)
            end = _role_end(text, unit.end) if unit is not None else None
            if end and end > unit.end and text[end:end + 1] in _APPOSITION_END:
                _hold(facts, head, unit, end, orgs, places, text, sentence)
                continue
        # 王芳（自治区妇联主席）, 张丽担任湖南省妇联副主席, A、B当选副主席: the post comes after
        note = _post_after(text, sentence, group, orgs)
        if note is None:
            continue
        unit = next((o for o in orgs if o.start == note), None)
        if unit is not None and _role_end(text, unit.end) > unit.end:
            # the later elections are to the body, not to the organ it names (…当选市妇联
            # 第N届执委会主席，B当选副主席: the federation's vice-chair)
            elected = facts.elected = min((o for o in orgs if o.start == unit.start),
                                          key=lambda o: o.end)
            for person in group:
                _hold(facts, person, unit, _role_end(text, unit.end), orgs, places, text,
                      sentence)
        elif unit is None and _post_end(text, note) > note:
            # …选举了区残联主席团主席、副主席，A当选主席: the unit the sentence elects to
            unit = next((o for o in reversed(orgs) if o.end <= head.start), elected) \
                if elected is None or elected.start < sentence[0] else elected
            if unit is not None and _ELECTION.search(text, sentence[0], head.start):
                for person in group:
                    _hold(facts, person, unit, None, orgs, places, text, sentence,
                          role=text[note:_post_end(text, note)])


#: The head of a level's government (副市长, 县长): the post is in that government, never in
#: another body named before it (市人大常委会副主任甲，副市长乙).
_GOVERNMENT_HEAD = re.compile(r"[省市县区州旗盟镇乡]长$")
#: What closes a unit and post in apposition after a name.
_APPOSITION_END = frozenset(",，。;；)）")
#: Between two names of one list: 、, with a note on the first (全红萍(女,兼职)、刘长春).
_LIST_JOIN = re.compile(r"(?:[（(][^（）()]{1,12}[)）])?(?:、|[ \u3000]+)")
#: After the last name of a list: 等, a head count (3名同志).
_LIST_END = re.compile(r"等?(?:[\d一二三四五六七八九十]+[名位人](?:同志)?)?")
#: A form of address between a name and what follows (聘任王某同学为…).
_ADDRESS = r"(?:同志|同学|女士|先生)?"
_POST_AFTER_NAME = re.compile(_ADDRESS + r"(?:被(?:推举|推选|选举|任命|聘任|聘)为|[（(]|担任|出任|兼任|"
                              r"当选为?|调任|现任|任)")
#: The term before the unit an election names (…当选为新一届|某会会长).
_NEW_TERM = re.compile(r"(?:新一届|新一任|新任)?")
#: 为 names a post after an election or appointment verb earlier in the sentence.
_ELECTION = re.compile(r"任命|选举|推选|推举|增补|聘任|聘请|提名|当选|决定")
_APPOINTED_AS = re.compile(_ADDRESS + "为")


def _name_lists(text: str, people: list[Mention]) -> list[list[Mention]]:
    """The people of a sentence grouped into 、-lists (a single name is a list of one)."""
    groups: list[list[Mention]] = []
    for person in people:
        if groups and _LIST_JOIN.fullmatch(text, groups[-1][-1].end, person.start):
            groups[-1].append(person)
        else:
            groups.append([person])
    return groups


def _reporters(text, sentence, ms, facts):
    """A reporter named in a byline (记者 X, 作者:记者 X) works for the outlets the byline
    names before it on its line (中国妇女报·中国女网记者 X; 某网消息 (记者 X); 来源:某报
    作者:记者 X)."""
    outlets = [m for m in ms if m.type == "Organisation" and _MEDIA.search(m.key or m.surface)]
    for person in (m for m in ms if m.type == "Person"):
        label = _REPORTER.search(text, max(sentence[0], person.start - 8), person.start)
        if label is None:
            continue
        line_start = text.rfind("\n", 0, label.start()) + 1
        before = [o for o in outlets if line_start <= o.start and o.end <= label.start()]
        if not before:
            continue
        group = [before[-1]]  # the outlets joined by a middle dot to the last one
        for o in reversed(before[:-1]):
            if text[o.end:group[-1].start] in "·・":
                group.append(o)
        for outlet in group:
            facts.add(person, "holdsPost", outlet, sentence, role=label.group(1))


#: Words that end a news outlet's name.
_MEDIA = re.compile(r"(?:报|网|电视台|电台|杂志社|通讯社|新闻社)$")
#: A reporter's label right before a name in a byline.
_REPORTER = re.compile(r"(记者|通讯员|特约记者)[\s:：]*$")


def _colon_list(text, sentence, group, orgs, places, facts) -> bool:
    """Names listed after a post and a colon (某会主席团主席:甲; 副主席:乙、丙(女)、丁(兼)):
    the unit named before the post, else the unit of the list before (a list of officers, one
    post a line). Whether the group was such a list."""
    colon = group[0].start - 1
    if colon < sentence[0] or text[colon] not in ":：":
        return False
    post = _post_before(text, max(sentence[0], colon - 12), colon)
    if post is None:
        return False
    unit = next((o for o in reversed(orgs) if o.end == colon - len(post)), None)
    if unit is not None:
        facts.listing = (unit, orgs, places)
        for person in group:
            _hold(facts, person, unit, colon, orgs, places, text, sentence, first_post_only=True)
        return True
    line = max(sentence[0], text.rfind("\n", 0, colon) + 1)
    if facts.listing is None or not _LIST_LINE_LEAD.fullmatch(text, line, colon - len(post)):
        return False
    unit, unit_orgs, unit_places = facts.listing
    for person in group:  # a line of the list that names only the post
        _hold(facts, person, unit, None, unit_orgs, unit_places, text, sentence, role=post)
    return True


#: What may open a line of a list of officers before the post: blanks or a numbering (三、).
_LIST_LINE_LEAD = re.compile(r"\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?")


def _profile_posts(text, sentence, ms, facts):
    """A person's profile (张某,女,汉族,…,中共党员,现任某公司总经理、…): the person it opens
    is a member of the party named before 党员 and holds the posts given after 现任."""
    people = [m for m in ms if m.type == "Person"]
    if not people or text[sentence[0]:people[0].start].strip(" \t\u3000■●◆·") != "":
        return
    subject = people[0]
    # 王某教授现任…: the subject's title may stand between the name and 现任
    now = _NOW_HOLDS.match(text, _post_end(text, subject.end))
    if not _PROFILE.match(text, subject.end) and now is None:
        return
    orgs = [m for m in ms if m.type == "Organisation" and m.start > subject.end]
    places = [m for m in ms if m.type == "Place"]
    for org in orgs:
        if text.startswith("党员", org.end):  # 中共党员
            facts.add(subject, "holdsPost", org, sentence, role="党员")
    now = _NOW_HOLDS.search(text, subject.end, sentence[1])
    if now is None:
        return
    for org in orgs:
        if org.start < now.end() or any(o.start == org.start and o.end > org.end for o in orgs):
            continue
        end = _post_end(text, org.end)
        if end == org.end:
            column = _PROFILE_POST.match(text, org.end)
            end = column.end() if column else end
        if end > org.end:
            _hold(facts, subject, org, end, orgs, places, text, sentence)


#: After the name that opens a profile: its sex.
_PROFILE = re.compile(r"[,，、]\s*[男女][,，、]")
_NOW_HOLDS = re.compile(r"现任|现为")
#: The posts a profile gives after a unit, up to the next punctuation (模锻工、班组长).
_PROFILE_POST = re.compile(r"[\u4e00-\u9fff、]{2,12}(?=[,，。;；]|$)")


#: The blank between the columns of a table row.
_COLUMN_GAP = re.compile(r"[ \t\u3000]+")
#: The post column of a table row: words up to the next blank or the end of the line
#: (总经理, 妇联协理员, 一级科员).
_POST_COLUMN = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff、]{2,12})(?=[ \t\u3000\n]|$)")


def _table_row(text: str, person: Mention, orgs: list[Mention]) -> tuple[Mention, int] | None:
    """The unit and the end of the post of a name that opens a table row (许某 某县某公司
    总经理; 李某 某市统计局社会人口科科长): the name stands at a line's start or after a blank,
    a blank follows it, then a unit and its post."""
    if person.start and text[person.start - 1] not in " \t\u3000\n:：":
        return None  # (上海:王某 某中学教师: a region may label the row)
    gap = _COLUMN_GAP.match(text, person.end)
    if gap is None:
        return None
    unit = next((o for o in orgs if o.start == gap.end()), None)  # the longest comes first
    if unit is None:
        return None
    end = _post_end(text, unit.end)
    if end == unit.end:
        column = _POST_COLUMN.match(text, unit.end)
        # (a second unit, 、另一公司, is no post)
        end = column.end() if column and not column.group(1).startswith("、") else unit.end
    return (unit, end) if end > unit.end else None


def _post_after(text: str, sentence: tuple[int, int], group: list[Mention],
                orgs: list[Mention]) -> int | None:
    """Where the unit or post given after a list of names starts (…当选|市妇联主席,
    任命张伟为|教育部副部长, A、B等4人为|某会书记处书记), if the words after the names give
    one: after 为, a unit and a post that close the clause, or a post in a sentence that elects
    or appoints (甲为|某村党支部书记乙送上…: 为 is "for", the post is 乙's)."""
    end = _LIST_END.match(text, group[-1].end).end()
    end = _post_end(text, end)  # 王某教授|当选…: a title of the person may come first
    note = _POST_AFTER_NAME.match(text, end)
    if note is None:
        note = _APPOINTED_AS.match(text, end)
        unit = note and next((o for o in orgs if o.start == note.end()), None)
        closed = unit is not None \
            and text[_role_end(text, unit.end):][:1] in _APPOSITION_END | {"", "\n"}
        if note is not None and not closed \
                and not _ELECTION.search(text, sentence[0], group[0].start):
            note = None
    return _NEW_TERM.match(text, note.end()).end() if note else None


def _stands_alone(text: str, start: int, pos: int) -> bool:
    """Whether a post title at ``pos`` opens its phrase (分管副主席, after a comma or a verb),
    rather than ending the name of a unit no rule knows (婦基會國際合作辦|主任)."""
    return pos == start or not re.match(r"[\u4e00-\u9fff]", text[pos - 1]) \
        or text[pos - 1] in "的由和与及在是为"


def _hold(facts, person, unit, end, orgs, places, text, sentence, role=None,
          first_post_only=False):
    """``person`` holds the post in ``unit`` and in every body a shorter unit of the same
    start names (研究会|第五届理事会|会长: the council and the society); ``end`` ends the
    post titles after the unit (the role), unless ``role`` is given. With ``first_post_only``
    the unit holds the first post of a chain, its bodies the whole chain."""
    between = re.sub(r"\s", "", text[unit.end:end]) if end is not None else ""
    parents = [o for o in orgs if o.start == unit.start and o.end < unit.end]
    # (a unit named inside the chain, 主席、书记处|书记、党组成员, holds its own post only)
    inside_chain = text[unit.start - 1:unit.start] == "、"
    own_post = between.split("、")[0] if (parents or inside_chain) and first_post_only \
        else between
    facts.add(person, "holdsPost", unit, sentence, role=role or own_post or None)
    for parent in parents:
        # the body holds the posts with the unit (妇二科主任), but a local branch named after
        # a place (中共|宁波市委书记) is no post in the national body itself
        if any(parent.end <= p.start and p.end <= unit.end for p in places):
            continue
        facts.add(person, "holdsPost", parent, sentence,
                  role=role or (re.sub(r"\s", "", text[parent.end:end]) if between else None))


def _post_end(text: str, start: int) -> int:
    """The end of the chain of post titles that starts at ``start`` (``start`` if none)."""
    for length in range(min(12, len(text) - start), 1, -1):
        if _posts().match(text[start:start + length]):
            return start + length
    return start


def _chain_end(text: str, unit: Mention, pos: int, orgs: list[Mention]) -> int | None:
    """Where the posts of ``unit`` end, when units with their posts run from it to ``pos``
    joined by 、 (市政府副市长、市妇儿工委主任|name); None when they do not."""
    end = _post_end(text, unit.end)
    if end == unit.end or text[end:end + 1] != "、":
        return None
    following = [o for o in orgs if o.start == end + 1 and o.end < pos]
    if not following:
        return None
    after = _post_end(text, following[0].end)
    if after == pos or _chain_end(text, following[0], pos, orgs) is not None:
        return end
    return None


def _role_end(text: str, start: int) -> int:
    """The end of the post after a unit: post titles right after it, or words of a unit no
    rule names and then titles ending the phrase (研究会|第五届理事会会长,); ``start`` if
    none."""
    end = _post_end(text, start)
    if end > start:
        return end
    for stop in range(start + 3, min(len(text), start + 14) + 1):
        if not _HAN.match(text, stop - 1):
            break
        if not _HAN.match(text, stop) and _post_before(text, start + 1, stop):
            return stop
    return start


_HAN = re.compile(r"[\u4e00-\u9fff\d]")


def _post_before(text: str, start: int, pos: int) -> str | None:
    """The chain of post titles that ends right before ``pos`` (党组书记、主席), if any."""
    for length in range(min(12, pos - start), 1, -1):
        if _posts().match(text[pos - length:pos]):
            return text[pos - length:pos]
    return None


# ------------------------------------------------------------------ awarded
def _clauses(text: str, start: int, end: int):
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _year_before(text: str, start: int, pos: int, honours: list[Mention]) -> str | None:
    """The last year named before ``pos`` in the sentence, unless it dates another honour
    (…授予2023年度浙江省三八红旗手标兵称号,陈晓红获评… gives 陈晓红's honour no year)."""
    years = list(_YEAR.finditer(text, start, pos))
    if not years:
        return None
    last = years[-1]
    if any(h.end <= pos and (h.start <= last.start() < h.end
                             or last.end() <= h.start <= last.end() + 1) for h in honours):
        return None
    return last.group(1)


def _opening_person(document, sentence, by_sentence) -> Mention | None:
    """The person the sentence before this one opens with (邹薇教授现任…。|被评为…), the
    subject of a sentence that leaves it out."""
    at = document.sentences.index(sentence) if sentence in document.sentences else 0
    if at == 0:
        return None
    before = document.sentences[at - 1]
    first = (by_sentence.get(before) or [None])[0]
    if first is not None and first.type == "Person" and first.start - before[0] <= 2:
        return first
    return None


#: What may open a clause before its award verb when the sentence leaves the subject out
#: (并|被授予, 还|荣获, 先后|获评).
_SUBJECTLESS_LEAD = re.compile(r"\s*(?:并|还|曾|又|先后|多次|曾经|也|均|同时)*\s*")


def _awards(document, sentence, ms, facts, opener=None):
    text = document.text
    trigger = _triggers()["awarded"]
    honours = [m for m in ms if m.type == "Honour"]
    if not honours:
        return
    # a body named inside a title (共青团 of 优秀共青团员) is not its recipient
    recipients = [m for m in ms if m.type in ("Person", "Organisation", "Programme")
                  and not any(_inside(m, h) for h in honours)]
    gives, respective = _award_trigger_kinds()
    # an honour named inside a document's title (《关于表彰…三八红旗手的决定》) is not conferred
    # here, nor is one that heads a list of its holders (…获得…先进集体名单 A B C)
    titles = [m.span() for m in _DOCUMENT_TITLE.finditer(text[sentence[0]:sentence[1]])]
    honours = [h for h in honours if not any(a <= h.start - sentence[0] < b for a, b in titles)
               and list_heading_end(text, h.start, h.end) is None]
    for a, b in _clauses(text, *sentence):
        for t in trigger.finditer(text, a, b):
            if text[t.end():t.end() + 1] in ("的", "者"):
                # 获得基金会颁发的…证书: the giver of an honour, not its recipient; 获得者 is a
                # noun (…共表彰…奖章获得者1197人、…)
                continue
            got = [h for h in honours if t.end() <= h.start and h.end <= b]
            if not got:
                continue
            passive = text.rfind("被", a, t.start()) >= 0
            if t.group() in gives and not passive:
                # A 授予 B 为 X: the recipients stand between the trigger and the honour
                subjects = [r for r in recipients if t.end() <= r.start and r.end <= got[0].start]
                # 授予A、B等10名同志…: the count closes the list of recipients
                count = text.rfind("等", t.end(), got[0].start)
                if count >= 0:
                    subjects = [r for r in subjects if r.end <= count]
                # 授予…人民医院急诊科: the unit named, not the body its name starts with (nor
                # one read apart right before it: …边防检查总站|…派出所)
                subjects = [r for r in subjects if not any(
                    o is not r and o.type != "Person" and (_inside(r, o) or (
                        r.type == o.type == "Organisation" and o.start == r.end))
                    for o in subjects)]
                # 授予…镇妇联主席黄小英等: the unit before a post and a name is hers, not a
                # recipient
                subjects = [r for r in subjects if not any(
                    p.type == "Person" and _posts().match(text[r.end:p.start])
                    for p in subjects)]
            else:
                end = text.rfind("被", a, t.start()) if passive else t.start()
                givers = [r for r in recipients if a <= r.start and r.end <= end]
                if _TO_HOLDER.match(text, givers[-1].end if givers else a, t.end()):
                    continue  # A向获得X的B: A addresses the holder, B, named after the title
                if givers and givers[-1].type == "Organisation" \
                        and _posts_after(text, givers[-1].end, end):
                    continue  # 某公司董事长甲获评…: the chairwoman (a name no rule read), not
                    # her company
                subjects = _last_group(text, givers) if givers else []
                if not subjects and opener is not None and _SUBJECTLESS_LEAD.fullmatch(
                        text, a, end) and not any(r.start < t.start() for r in recipients
                                                  if r.type != "Programme"):
                    subjects = [opener]  # …。被评为国家教学名师: the person named just before
            if not subjects:
                continue
            pairs = (list(zip(subjects, got)) if t.group() in respective
                     and len(subjects) == len(got)
                     else [(subject, honour) for honour in got for subject in subjects])
            for subject, honour in pairs:
                facts.add(subject, "awarded", honour, sentence,
                          year=_year_before(text, sentence[0], honour.start, honours))
    # 为杨春花、潘阿妹等30名“贵州省巾帼建功标兵”颁奖: those named after 为 receive the title;
    # 为…主任翟春艳送上“…”荣誉证书, 向…检察部干警颁授“…”证书: those between 为/向 and the verb
    for honour in honours:
        clause = max(text.rfind(c, sentence[0], honour.start) for c in ",，;；") + 1
        clause = max(clause, sentence[0])
        handing = _HANDED_OVER.search(text, clause, honour.start)
        if not (_PRESENTED.match(text, honour.end) or handing):
            continue
        before = handing.start() if handing else honour.start
        to = max(text.rfind("为", clause, before), text.rfind("向", clause, before))
        named = [r for r in recipients if 0 <= to < r.start and r.end <= before]
        # the people named, not their units; of nested units the one named in full
        named = [r for r in named if r.type == "Person"] or [
            r for r in named if not any(o is not r and _inside(r, o) for o in named)]
        for r in named:
            facts.add(r, "awarded", honour, sentence,
                      year=_year_before(text, sentence[0], honour.start, honours))
    # 中国兵器关键技能带头人、兵器大工匠、全国三八红旗手标兵赵晶: the titles of a list before a
    # name are all that person's
    listed = {}
    for before, after in zip(honours, honours[1:]):
        if text[before.end:after.start] == "、":
            listed[after.start] = before
    for honour in honours:
        year = _year_before(text, sentence[0], honour.start, honours)
        # 全国三八红旗手标兵赵晶 / 获得中华环境奖的殷玉珍 / 荣获…称号的草原母亲都贵玛
        for r in recipients:
            between = text[honour.end:r.start]
            if (r.type == "Person" or _TO_HOLDER.search(text, sentence[0], honour.start)) and (
                    r.start == honour.end or (
                        (between in ("的", "”的") or _TITLE_OF.fullmatch(between))
                        and trigger.search(text, sentence[0], honour.start))):
                # …的曾民盛、周华驹、曹家美等: the whole list after 的
                following = [o for o in recipients if o.start >= r.start and o.type == r.type
                             and not any(p is not o and _inside(o, p) for p in recipients)]
                for holder in (_first_group(text, following) if r.start > honour.end
                               else [r]):
                    facts.add(holder, "awarded", honour, sentence, year=year)
                earlier = honour
                while r.start == honour.end and earlier.start in listed:
                    earlier = listed[earlier.start]
                    facts.add(r, "awarded", earlier, sentence, year=year)
        # A是2015年团省委首批命名的“…”: the subject of 是 holds the title named
        if NAMED_AS.search(text, sentence[0], honour.start):
            clause = max([sentence[0]] + [m.end() for m in _CLAUSE_END.finditer(
                text, sentence[0], honour.start)])
            copula = text.find("是", clause, honour.start)
            holders = [r for r in recipients if clause <= r.start and r.end <= copula]
            for holder in (_last_group(text, holders) if holders else []):
                facts.add(holder, "awarded", honour, sentence, year=year)
        # 李红作为全国三八红旗手代表发言, 王芳、刘强两位劳动模范代表: holders speaking for them
        lead = _REPRESENTING.search(text, sentence[0], honour.start)
        if lead and text.startswith("代表", honour.end):
            people = [r for r in recipients if r.type == "Person" and r.end <= lead.start()]
            if people and not _CLAUSE_END.search(text, people[-1].end, honour.start):
                for holder in _last_group(text, people):
                    facts.add(holder, "awarded", honour, sentence, year=year)
        # …劳动奖章获得者、…公司总经理宋爱珍: the first person named in the clause
        if _HOLDER_AFTER.match(text, honour.end):
            stop = _CLAUSE_END.search(text, honour.end, sentence[1])
            holder = next((r for r in recipients if r.type == "Person" and honour.end < r.start
                           and r.end <= (stop.start() if stop else sentence[1])), None)
            if holder is not None:
                facts.add(holder, "awarded", honour, sentence, year=year)
        # “十大感动人物”:侯维霞、赵青秀…; …“最美家庭”称号的8户家庭分别是:A家庭,B家庭
        after = text[honour.end:honour.end + 2]
        if after[:1] in ":：" or after[1:2] in ":：" or _LISTED_AFTER.match(text, honour.end):
            stop = re.search(r"[;；。]", text[honour.end:sentence[1]])
            limit = honour.end + stop.start() if stop else sentence[1]
            listed = [r for r in recipients if honour.end < r.start and r.end <= limit]
            # the people (with their units) or projects listed, else the units themselves
            for r in [r for r in listed if r.type in ("Person", "Programme")] or [
                    r for r in listed if not any(o is not r and _inside(r, o) for o in listed)]:
                facts.add(r, "awarded", honour, sentence, year=year)


def _listed_under_headings(document, mentions, facts):
    """The people and units listed under an honour heading (…名单) hold the honour, in the
    year the heading names."""
    text = document.text
    honours = {(m.start, m.end): m for m in mentions if m.type == "Honour"}
    holders = {}
    for m in mentions:
        if m.type in ("Person", "Organisation"):
            holders.setdefault((m.start, m.end), m)  # the outermost of one span
    for (start, end), items in honour_lists(text, sorted(honours),
                                            lambda a, b: b and holders.get((a, b)) and
                                            holders[(a, b)].type):
        line = text[text.rfind("\n", 0, start) + 1:end]
        year = _YEAR.search(line)
        for item in items:
            facts.add(holders[item], "awarded", honours[(start, end)],
                      document.sentence_at(item[0]), year=year and year.group(1))


#: The title of a document that names honours without conferring them (《…》, 关于表彰…的决定).
_DOCUMENT_TITLE = re.compile(r"《[^》]*》|关于[^,，。;；]*?的(?:决定|通报|通知|意见)")

#: A name's alias in brackets between items of a list (…研究院(…剧团)、…).
_ALIAS_IN_BRACKETS = re.compile(r"^[(（][^()（）]{1,20}[)）]")

#: The words between a title and the list of its holders (…称号的8户家庭分别是:).
_LISTED_AFTER = re.compile(r"有(?=[^。;；、]{2,14}、)|[^。;；:：,，]{0,16}(?:分别是|分别为|如下[:：]|的是|的为)")

def _posts_after(text: str, start: int, end: int) -> bool:
    """Whether a post title and a name stand between a unit and a verb (…公司董事长甲获评)."""
    return bool(re.match(r"[\u4e00-\u9fff、]{2,16}$", text[start:end])) and any(
        _posts().match(text[start:end - length]) for length in (2, 3))


#: A verb of handing over right before a title (送上“…”荣誉证书, 颁授“…”证书和奖牌).
_HANDED_OVER = re.compile(r"(?:送上|送去|颁发|颁授|授予|颁)了?[“\"]?$")

#: The word that makes the name after a title its holder's (…劳动奖章获得者、…宋爱珍).
_HOLDER_AFTER = re.compile(r"[”\"]?(?:获得者|获奖者)(?!名单)")

#: Who speaks to or hands over to the holder of a title named right after (向获得“…”的).
_TO_HOLDER = re.compile(r"\s*(?:向|为|给)(?:获得|荣获)[“\"]?$")

#: Between people and the title they speak for as its holders (作为, 两位, 3名).
_REPRESENTING = re.compile(r"(?:作为|[一二三四五六七八九十两\d]+(?:位|名))$")

def _also_conferred(document, mentions, facts):
    """对此次受表彰的“X”和“Y”,…同时授予Z: everyone the document gives X or Y holds Z too."""
    text = document.text
    honours = [m for m in mentions if m.type == "Honour"]
    by_iri = {entity_iri(m.type, m.key, facts.base): m for m in mentions
              if m.type in ("Person", "Organisation")}
    for cue in _ALSO_CONFERRED.finditer(text):
        sentence = document.sentence_at(cue.start())
        # the titles named there, also in a short form no rule read as one (“优秀女护士”)
        named = {m.group(1) for m in _QUOTED_NAME.finditer(text, cue.start(), cue.start("verb"))}
        held = {entity_iri(h.type, h.key, facts.base) for h in honours
                if cue.start() < h.start and h.end <= cue.start("verb")
                or any(h.key.endswith(name) for name in named)}
        given = [h for h in honours if cue.end() <= h.start and h.end <= sentence[1]
                 and not _CLAUSE_END.search(text, cue.end(), h.start)]
        holders = {s for s, p, o, *_ in facts.facts if p == "awarded" and o in held}
        for subject in sorted(holders):
            for honour in given:
                if subject in by_iri:
                    facts.add(by_iri[subject], "awarded", honour, sentence)


_QUOTED_NAME = re.compile(r"[“\"]([^“”\"]{2,20})[”\"]")

#: 对 the holders of titles named next …(同时)授予 another title (对此次受表彰的“…”和“…”,
#: 省妇联同时授予…; 对25名…获得者同时授予…).
_ALSO_CONFERRED = re.compile(r"对(?:此次|本次)?(?:受表彰的|获得)?[^。;；]{2,60}?(?P<verb>同时授予|还授予|一并授予)")

#: A ceremony verb right after a title (…“巾帼建功标兵”颁奖, 颁发证书).
_PRESENTED = re.compile(r"[”\"]?(?:颁奖|颁发(?:奖牌|证书|奖杯))")

#: Between a title and its holder: …“人民楷模”国家荣誉称号的草原母亲|都贵玛.
_TITLE_OF = re.compile(r"[”\"]?[国家]*(?:荣誉)?称号的[\u4e00-\u9fff]{0,6}")


@cache
def _award_trigger_kinds() -> tuple[frozenset[str], frozenset[str]]:
    """Award triggers that put the recipient after them (授予), and those that pair
    recipients and honours in order (分获)."""
    return (frozenset(trigger_words("awarded", "gives")),
            frozenset(trigger_words("awarded", "respectively")))


@cache
def _joining_triggers() -> re.Pattern:
    return re.compile("|".join(map(re.escape, trigger_words("runs", "joins"))))


def _first_group(text: str, mentions: list[Mention]) -> list[Mention]:
    """The 、-list of mentions that starts with the first one."""
    group = [mentions[0]]
    for m in mentions[1:]:
        if text[group[-1].end:m.start] in ("、", "和", "与", "及"):
            group.append(m)
        else:
            break
    return group


def _last_group(text: str, givers: list[Mention]) -> list[Mention]:
    """The recipients that form the subject right before a trigger (a 、-list or one name)."""
    outer = [g for g in givers if not any(o is not g and o.start <= g.start and g.end <= o.end
                                          and o.type in ("Organisation", "Programme")
                                          for o in givers)]
    group = [outer[-1]]
    for g in reversed(outer[:-1]):
        between = _ALIAS_IN_BRACKETS.sub("", text[g.end:group[0].start])
        if between in ("、", "和", "与", "及") or (
                # 青秀区妇联主席陈美玲、那坡镇妇联主席农小燕等: people listed with their posts
                g.type == group[0].type == "Person" and between.startswith("、")
                and not _CLAUSE_END.search(between)):
            group.insert(0, g)
        elif g.type != "Person" and group[0].type == "Person" and g.end <= group[0].start \
                and not _CLAUSE_END.search(between):
            continue  # the unit named before a listed person
        else:
            break
    return group


# ------------------------------------------------------------------ runs
def _runs(document, sentence, ms, own, facts):
    text = document.text
    trigger = _triggers()["runs"]
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
                    and not _CLAUSE_END.search(text, o.end, t.start())]
        # 自治区检察院、科技厅、教育厅…联合印发…: every body of the subject list
        last = max((o.end for o in subjects), default=None)
        group = _last_group(text, [o for o in orgs if o.end <= last]) if subjects else []
        by = text.rfind("由", sentence[0], t.start())
        if by >= 0 and _ROLE_BEFORE_NAME.fullmatch(text, t.end(), programme.start):
            # 由A、B主办，C承办，D协办的…: every body after 由 has a part in it
            group = [o for o in orgs if by < o.start and o.end <= t.start() and not any(
                p is not o and p.start <= o.start and o.end <= p.end for p in orgs)]
        if group and own is not None and text[group[0].start - 1:group[0].start] in _WITH \
                and not any(o.end < group[0].start
                            and not _CLAUSE_END.search(text, o.end, group[0].start)
                            for o in orgs):
            group.append(own)  # (我们)与自治区党委组织部联合举办…: the writer is the other
        group = group or ([own] if own is not None else [])
        # X 联合 A、B、C 印发…: A, B and C organise it with X
        for joiner in _joining_triggers().finditer(text, sentence[0], programme.start):
            after = [o for o in orgs if joiner.end() <= o.start and o.end <= programme.start]
            if after and after[0].start == joiner.end():
                group += _first_group(text, after)
                group += [o for o in orgs if o.end <= joiner.start()  # 绵阳市妇联 联合…
                          and _ADVERB_BEFORE_JOIN.fullmatch(text, o.end, joiner.start())]
        for subject in group:
            if not _inside(subject, programme):
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


def _runners_named_after(document, sentence, ms, facts):
    """The bodies between 由 and a runs trigger right after a programme run it
    (“…”活动由A、B联合主办, 科普日是由中国科协发起)."""
    text = document.text
    orgs = [m for m in ms if m.type == "Organisation"]
    for programme in (m for m in ms if m.type == "Programme"):
        by = _BY_AFTER.match(text, programme.end, sentence[1])
        if by is None:
            continue
        trigger = _triggers()["runs"].search(text, by.end(), min(sentence[1], by.end() + 40))
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


def _meetings_of_bodies(document, mentions, facts):
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


def _named_runners(document, sentence, ms, facts):
    """A programme whose name starts with an organisation's (清华大学远程教学站,
    海拉尔区义工联合会松柏之爱项目) is that organisation's."""
    for programme in (m for m in ms if m.type == "Programme"
                      and not m.rule_id.startswith("rules/patterns")):
        for org in ms:
            if org.type == "Organisation" and org.start == programme.start \
                    and org.end < programme.end:
                facts.add(org, "runs", programme, sentence)


_SPIRIT_OF = re.compile(r"(?:[和、与及][^,，。;；]{0,24})?精神")


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


# ------------------------------------------------------------------ locatedIn
def _located(document, sentence, ms, facts):
    text = document.text
    places = [m for m in ms if m.type == "Place"]
    for m in ms:
        if m.type not in ("Organisation", "Programme"):
            continue
        inside = [p for p in places if _inside(p, m)]
        if m.type == "Organisation":
            # a body sits in the most specific place its name gives (兴安盟扎赉特旗… -> 扎赉特旗)
            inside = inside[-1:]
        elif m.key.endswith(("会议", "全会")):
            # the place in the name of the body a session is named after (江西省妇联十三届二次
            # 执委会议, also when only implied: 省妇联…) is the body's seat, not the venue; a
            # region's congress (X省第N次妇女代表大会) is the region's
            bodies = [o for o in ms if o.type == "Organisation" and _inside(o, m)]
            inside = [p for p in inside if not any(_inside(p, o) or (
                o.start == m.start and p.rule_id == IMPLIED) for o in bodies)]
        for place in inside:
            if m.type == "Organisation" or place_index().level(place.key) != "country":
                # 中国 inside a programme's name (健康中国) is a motto, not a venue
                facts.add(m, "locatedIn", place, sentence)
        if m.type == "Organisation":
            # 华丰集团总部位于深圳市南山区: the places after 位于 in the body's clause
            chain = {s.end() for s in _SITED_IN.finditer(text, m.end, sentence[1])}
            for place in sorted(places, key=lambda p: p.start):
                if place.start in chain and not _CLAUSE_END.search(text, m.end, place.start):
                    chain.add(place.end)
                    facts.add(m, "locatedIn", place, sentence)
        if m.type == "Programme" and not any(
                o is not m and o.type == "Programme" and _inside(m, o) for o in ms):
            # held somewhere: the event, not a brand named inside it
            before = text[sentence[0]:m.start]
            held = _HELD_IN.search(before)
            ends_after_zai = {p.end for p in places if text[p.start - 1:p.start] == "在"}
            # …会议在济南召开: the places after 在 right behind the programme, up to the verb
            after = _HELD_AFTER.match(text, m.end, sentence[1])
            if after:
                for place in places:
                    if after.start(1) <= place.start and place.end <= after.end(1):
                        facts.add(m, "locatedIn", place, sentence)
            for place in sorted(places, key=lambda p: p.start):
                if held and place.start >= sentence[0] + held.start(1) \
                        and place.end <= sentence[0] + held.end(1):
                    facts.add(m, "locatedIn", place, sentence)
                elif (text[place.start - 1:place.start] == "在" or place.start in ends_after_zai
                      or (text[place.start - 1:place.start] in "、和及"
                          and place.start - 1 in ends_after_zai)) \
                        and place.end <= m.start and m.start - place.end <= 24 \
                        and not _CLAUSE_END.search(text, place.end, m.start):
                    # 在凉山彝族自治州昭觉县实施“母亲健康快车”项目, 在A县、B县开展…: in the
                    # same clause, after 在
                    ends_after_zai.add(place.end)
                    facts.add(m, "locatedIn", place, sentence)


#: A body's seat: …(总部|总部设在|坐落于|位于) <place>, its most specific place named after.
_SITED_IN = re.compile(r"(?:总部)?(?:位于|设在|坐落于|地处)")

#: <programme>在<place>召开: held where 在 right after the programme names, up to the verb.
_HELD_AFTER = re.compile(r"(?:[,，]?[\u4e00-\u9fff]{0,2}[日月])?在([^,，。;；]{2,16}?)"
                         r"(?:隆重|胜利|顺利)?(?:召开|举行|举办|开幕|闭幕|启动)")

#: 在<place>举办 right before a programme, a quoted theme and a dash allowed in between
#: (在呼和浩特市举办“…”——…技能大赛).
_HELD_IN = re.compile(r"在([^,，。;；]{2,12})(举办|举行|召开|开展)(?:“[^”]{1,24}”[—-]{1,2})?"
                      r"[^,，。;；]{0,8}$")


# ------------------------------------------------------------------ partOf
def _parts_in_sentence(document, sentence, ms, facts):
    text = document.text
    programmes = [m for m in ms if m.type == "Programme"]
    for outer in programmes:
        for inner in programmes:
            # a programme named at the front of a longer one (美丽庭院 in 美丽庭院建设推进会);
            # one that only shares the longer name's end is the same name read shorter
            if inner is not outer and _inside(inner, outer) and inner.end < outer.end \
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


def _parts_by_name(document, mentions, facts):
    """Units inside bodies, party committees in the party, places in their parents."""
    orgs = {m.key: m for m in mentions if m.type == "Organisation"}
    for key, m in sorted(orgs.items()):
        # the longest other body whose name starts this one's
        parent = next((key[:n] for n in range(len(key) - 1, 0, -1) if key[:n] in orgs), None)
        if parent is not None:
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
        if before is not None and (m.rule_id == "extract:lower-level-place"
                                   or before.key in index.ancestors(m.key)):
            facts.add(m, "partOf", before, document.sentence_at(m.start))


#: Party branches of a unit, named after it (…村党支部, …公司党总支).
_PARTY_BRANCHES = ("党支部", "党总支")
_YOUTH_LEAGUE = "中国共产主义青年团"


def _sections(document, mentions, facts, own):
    """Programmes under a 【section】 header that names a programme are parts of it, except
    those the section lists as awarded (a project honoured is not thereby a part); the
    programme of the header is run by the first organisation its section names, when that is
    the document's own (the yearbook chapter of a federation)."""
    text = document.text
    awarded = facts.subjects("awarded")
    headers = [(m.start(), m.end()) for m in re.finditer(r"【[^】]{1,30}】", text)]
    programmes = _MentionsByStart(m for m in mentions if m.type == "Programme"
                           and not m.rule_id.startswith("rules/patterns"))
    orgs = _MentionsByStart(m for m in mentions if m.type == "Organisation")
    for i, (a, b) in enumerate(headers):
        header = [p for p in programmes.within(a + 1, b) if p.end < b]
        if not header:
            continue
        end = headers[i + 1][0] if i + 1 < len(headers) else len(text)
        first = next(iter(orgs.within(b, end)), None)
        if own is not None and first is not None and first.key == own.key:
            facts.add(first, "runs", header[0], document.sentence_at(first.start))
        for p in programmes.within(b, end):
            if p.key != header[0].key and entity_iri(p.type, p.key, facts.base) not in awarded:
                facts.add(p, "partOf", header[0], document.sentence_at(p.start))


class _MentionsByStart:
    """Mentions indexed by where they start, so that those starting in a span are found
    without looking at the others (a long document has many sections)."""

    def __init__(self, mentions: Iterable[Mention]):
        self.mentions = list(mentions)
        self.order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        self.starts = [self.mentions[i].start for i in self.order]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in ``[start, end)``, in their original order."""
        found = self.order[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return [self.mentions[i] for i in sorted(found)]


def merge_facts(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """One fact per (subject, predicate, object, role, year); evidence united and sorted."""
    merged: dict[tuple, list] = {}
    for f in facts:
        merged.setdefault((f.subject, f.predicate, f.object, f.role or "", f.year or ""),
                          []).extend(f.evidence)
    return tuple(
        Fact(s, p, o, role or None, year or None,
             tuple(sorted(set(ev), key=lambda e: (e.doc_id, e.start, e.end, e.sentence))))
        for (s, p, o, role, year), ev in sorted(merged.items()))
