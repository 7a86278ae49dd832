"""The ``holdsPost`` rules.

``holdsPost``: an organisation, a chain of post titles and a name (自治区妇联党组书记、主席王芳),
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
after 现任 (a reporter in a byline: ``bylines``). A post title after words of an unknown unit
(…合作办主任) is given to no other body. The person holds the post in the unit named and, with the unit as part of the role, in the body named at its start
(兴安盟人民医院妇二科主任), unless the unit is a local branch named after a place
(中共宁波市委书记 holds no post in the party itself) or a central organ (中共中央政治局常委). The head of a level's government
(深圳市市长某某) holds the post in the government extraction reads from it (深圳市人民政府).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract import LIST_LINE_LEAD
from ..model import Mention
from ..places import COUNTRY, place_index
from ..rules import per_rule_set, word_pattern, words
from .facts import Facts, in_dateline
from .bodywords import BodyWords, full_forms, units_for_post
from .titles import PostTitles


@dataclass(frozen=True)
class _PostSentence:
    """What the post rules of one sentence read: its organisations and places, the facts."""

    text: str
    sentence: tuple[int, int]
    orgs: list[Mention]
    places: list[Mention]
    facts: Facts
    governments: list[Mention]
    people: list[Mention]

    @property
    def titles(self) -> PostTitles:
        """The document's post titles."""
        return self.facts.titles

    def hold(self, group: list[Mention], unit: Mention, end: int | None, role: str | None = None,
             first_post_only: bool = False) -> None:
        """Every person of ``group`` holds the post after ``unit`` (see ``_hold``), up to a
        unit named after 、 (区委常委、组织部长某, 市委常委、副市长某: 组织部长 is the
        department's, 副市长 the government's)."""
        end = min([o.start - 1 for o in self.orgs + self.governments if end is not None
                   and unit.end < o.start - 1 < end and self.text[o.start - 1] == "、"] + [end]) \
            if end is not None else None
        for person in group:
            _hold(self.facts, person, unit, end, self.orgs, self.places, self.text,
                  self.sentence, role=role, first_post_only=first_post_only)


def posts_held(document, sentence, ms, facts):
    """The posts the people of a sentence hold: a unit and titles before a name or a list of
    names, a colon list of officers, a table row, an apposition, an election after the name."""
    text = document.text
    people = [m for m in ms if m.type == "Person"]
    orgs = [m for m in ms if m.type == "Organisation" and m.cue != "post"]
    places = [m for m in ms if m.type == "Place"]
    seen = _PostSentence(text, sentence, orgs, places, facts,
                         [m for m in ms if m.cue == "post"], people)
    groups = _name_lists(text, people)
    _government_heads(seen, groups, seen.governments)
    framed = _framed_leaders(seen, groups)
    # 省妇联党组成员、副主席刘丽、张晓雯: the names of a list share what stands before the first
    posts = {g[0].start: _post_before_list(seen.titles, sentence[0], g[0].start)
             for g in groups}
    titled = {end - len(post) for post, end in posts.values() if post}
    for group in groups:
        if group[0].start in framed or _colon_list(text, sentence, group, orgs, places, facts):
            continue
        _post_before_names(seen, group, *posts[group[0].start], titled)
        _own_body_before_post(seen, group, *posts[group[0].start])
        _units_before_names(seen, group)
        if not _table_row_or_apposition(seen, group):
            _post_after_names(seen, group)
        # 甲替补为某会执委，全票当选为常委、副主席: the later clauses without a name are hers
        following = next((g[0].start for g in groups if g[0].start > group[-1].end), sentence[1])
        for clause in _FURTHER_ELECTION.finditer(text, group[-1].end, following):
            _post_after_names(seen, group, after=clause.end())


def _framed_leaders(seen: _PostSentence, groups: list[list[Mention]]) -> set[int]:
    """以甲为主席，乙、丙为副主席以及丁为秘书长的某会第N届领导班子: each name framed between
    以 and the body after 的 holds the post after its 为 in that body. The starts of the
    groups it gave a post."""
    held: set[int] = set()
    text, start, titles = seen.text, seen.sentence[0], seen.titles
    for body in seen.orgs:
        frame = _frame_end().search(text, max(start, body.start - 6), body.start)
        openings = frame and [m.start() for m in _FRAME_OPENING.finditer(
            text, max(start, frame.start() - 80), frame.start())]
        if not openings:
            continue
        opening = openings[-1]
        body = min((o for o in seen.orgs if o.start == body.start), key=lambda o: o.end)
        for group in groups:
            if opening < group[0].start and group[-1].end < frame.start():
                note = _NAME_NOTE.match(text, group[-1].end)  # (甲(女)同志|为…)
                at = _addressed().match(text, note.end() if note else group[-1].end).end()
                if text.startswith("为", at) and titles.end(at + 1) > at + 1:
                    seen.hold(group, body, None, role=text[at + 1:titles.end(at + 1)])
                    held.add(group[0].start)
        break
    return held


def _government_heads(seen: _PostSentence, groups: list[list[Mention]],
                      governments: list[Mention]) -> None:
    """深圳市市长某某, 副省长甲、乙: the names after the post of a level's head hold it in the
    government the post names (extract's ``governments_of_posts``), and so does the name
    before a verb of taking or leaving it (某某出任株洲市长, 调任某县副县长)."""
    for government in governments:
        for group in groups:
            # (国务委员兼外交部长某: the name closes the chain the post opens)
            if group[0].start in (government.end, seen.titles.end(government.start)) \
                    or _takes_head_post().fullmatch(
                    seen.text, group[-1].end, government.start):
                for person in group:
                    seen.facts.add(person, "holdsPost", government, seen.sentence,
                                   role=government.surface)


@per_rule_set
def _takes_head_post() -> re.Pattern:
    """Between a name and a head's post it takes or leaves: the verb and the post's places
    (某某|出任株洲|市长, 于2019年调任某县|副县长; rules/words.tsv post_taking_verbs)."""
    return re.compile(r"(?:于?\d{4}年(?:\d{1,2}月)?)?" + word_pattern("post_taking_verbs")
                      + r"[\u4e00-\u9fff]{1,12}")


def _post_before_list(titles: PostTitles, start: int, pos: int) -> tuple[str | None, int]:
    """The post titles right before the names at ``pos``, or before a word that links them
    (…选出的副主席还有|甲、乙; 副主席分别是:|甲、乙), and where they end."""
    end = link.start() if (link := _link_to_names().search(titles.text, start, pos)) else pos
    return titles.before(start, end), end


def _post_before_names(seen: _PostSentence, group: list[Mention], post: str | None,
                       post_end: int, titled: set[int]) -> None:
    """分管副主席赵红军: a post that opens its phrase before the names is in the unit of the
    leader named before, else the last unit named before, else the document's own (not for a
    reporter: 本报记者 is no unit named)."""
    text, orgs = seen.text, seen.orgs
    if not post:
        return
    post_start = post_end - len(post)
    # 俄罗斯总统…: a post after a country or a place is not one in a body named elsewhere,
    # nor after another country and a few words of its body's name (法国欧洲和|外交部长)
    if any(post_start <= o.end <= post_end for o in orgs) \
            or post_start in {m.end for m in seen.places} or seen.titles.byline(post_start, post_end) \
            or any(_FOREIGN_NAME_WORDS.fullmatch(text, p.end, post_start) for p in seen.places
                   if p.key != COUNTRY and place_index().level(p.key) == "country") \
            or not _stands_alone(text, seen.sentence[0], post_start) \
            or post.endswith(_level_heads()) or post.endswith(words("state_posts")):
        return  # (总理某某, 外长某某: a state's post, in no body named before)
    earlier = units_for_post(post, [o for o in orgs if o.end <= post_start
                                    and not in_dateline(text, o)], text)
    led = [o for o in earlier if o.end in titled]
    note = _NOTE_BEFORE.search(text, seen.sentence[0], post_start)
    # 某委员会（以下简称“某会”）主席: the body named before the note holds the post
    noted = [o for o in earlier if note and o.end == note.start()]
    unit = (noted[:1] or led or earlier or [seen.facts.own])[-1]
    if unit is not None and len(post) > 1:
        for person in group:
            seen.facts.add(person, "holdsPost", unit, seen.sentence, role=post)


def _own_body_before_post(seen: _PostSentence, group: list[Mention], post: str | None,
                          post_end: int) -> None:
    """会议由现任妇联主席甲主持: a body's bare word before the post, opening its phrase, is
    the document's own body when that is of the kind (联一村妇联's page)."""
    own, text = seen.facts.own, seen.text
    if not post or own is None:
        return
    bare_end = post_end - len(post)
    for word in seen.facts.body_words.ending_at(bare_end, seen.sentence[0]):
        opening = bare_end - len(word)
        if (_stands_alone(text, seen.sentence[0], opening)
                or text.endswith(("现任", "时任"), seen.sentence[0], opening)) \
                and (own.key or own.surface).endswith(full_forms()[word]):
            seen.hold(group, own, None, role=post)
            return


def _units_before_names(seen: _PostSentence, group: list[Mention]) -> None:
    """自治区妇联党组书记、主席王芳: a unit and its post titles right before the names (the
    unit holds the first post, its body them all); 市政府副市长、市妇儿工委主任阮某: each unit of
    a chain holds its own posts."""
    text, orgs, head = seen.text, seen.orgs, group[0]
    for org in orgs:
        between = text[org.end:head.start]
        if org.end > head.start or len(between) > 40:
            continue
        # (a unit after 、 is read as one, not as words of an open-ended title)
        end = _chain_end(seen.titles, org, head.start, orgs) if between else None
        if end is not None:
            seen.hold(group, org, end)
            continue
        if between and (not seen.titles.chain(org.end, head.start, open_ended=True) or any(
                org.end <= p.start and p.end <= head.start for p in seen.people)):
            continue  # (市委书记李某会见某公司董事长|张某: another name ends the unit's posts)
        if any(o.start == org.start and org.end < o.end <= head.start
               and (o.end == head.start or seen.titles.chain(o.end, head.start)
                    or seen.titles.end(org.end) == org.end)  # (中共|中央…: 中共中央 is named)
               for o in orgs):
            continue  # a longer unit of the same body is the one named (unless what
            # follows it is no post: 省妇联党组|成员、副主席 is 省妇联|党组成员、副主席)
        # 某公司陈某董事长: a single name right after its unit, its post after it
        after = seen.titles.end(head.end) if not between and len(group) == 1 else head.end
        role = text[head.end:after] if _post_closes().match(text, after) else None
        seen.hold(group, org, head.start, role=role or None, first_post_only=True)


def _table_row_or_apposition(seen: _PostSentence, group: list[Mention]) -> bool:
    """A table row of a list of people: name, unit, post (张三 某某公司 总经理); 王某，湖南大学
    教授，…: the unit and post in apposition, closed by punctuation. Whether one was found."""
    text, orgs, head = seen.text, seen.orgs, group[0]
    row = _table_row(seen.titles, group[-1], orgs)
    if row is not None:
        unit, end = row
        seen.hold(group, unit, end)
        return True
    if len(group) == 1 and text[head.end:head.end + 1] in ",，":
        unit = next((o for o in orgs if o.start == head.end + 1), None)
        end = _role_end(seen.titles, unit.end) if unit is not None else None
        if end and end > unit.end and text[end:end + 1] in _APPOSITION_END:
            seen.hold(group, unit, end)
            return True
    return False


def _post_after_names(seen: _PostSentence, group: list[Mention], after: int | None = None) -> None:
    """王芳（自治区妇联主席）, 张丽担任湖南省妇联副主席, A、B当选副主席: the post comes after the
    names (or at ``after``, a later clause of theirs); an election without a unit is to the body
    of the last election (…当选市妇联主席，B当选副主席; 同时，选举C为副主席)."""
    text, sentence, orgs, facts = seen.text, seen.sentence, seen.orgs, seen.facts
    titles = seen.titles
    note = _post_after(titles, sentence, group, orgs, after)
    if note is None:
        return
    unit = next((o for o in orgs if o.start == note), None)
    if unit is not None and _role_end(titles, unit.end) > unit.end:
        # the later elections are to the body, not to the organ it names (…当选市妇联
        # 第N届执委会主席，B当选副主席: the federation's vice-chair)
        facts.elected = min((o for o in orgs if o.start == unit.start), key=lambda o: o.end)
        seen.hold(group, unit, _role_end(titles, unit.end))
    elif unit is not None and titles.before(unit.start, unit.end):
        # 替补为区妇联六届执委: a seat on the body's organ, named by the post
        body = min((o for o in orgs if o.start == unit.start), key=lambda o: o.end)
        if body is not unit:
            seen.hold(group, body, None, role=titles.before(unit.start, unit.end))
    elif unit is None:
        # …选举了区残联主席团主席、副主席，A当选主席: the unit the sentence elects to; a
        # new term or a bare body word (当选为新一届侨联主席) is the body elected before
        body = _bare_body(titles, facts.body_words, note)
        elected = facts.elected
        renewed = body > note or text.endswith(words("new_terms"), sentence[0], note)
        unit = next((o for o in reversed(orgs) if o.end <= group[0].start), elected) \
            if elected is None or (elected.start < sentence[0] and not renewed) else elected
        if unit is not None and titles.end(body) > body \
                and _election().search(text, _clauses_start(text, sentence[0]), note):
            seen.hold(group, unit, None, role=text[body:titles.end(body)])


def _bare_body(titles: PostTitles, body_words: BodyWords, start: int) -> int:
    """The end of a body's bare word before a post (侨联|主席, 委员会|常委), else ``start``."""
    return next((start + len(word) for word in body_words.starting_at(start)
                 if titles.end(start + len(word)) > start + len(word)), start)


@per_rule_set
def _level_heads() -> tuple[str, ...]:
    """The heads of a level's government (县长, of 副市长 too): a post in that government,
    never in another body named before it (市人大常委会副主任甲，副市长乙)."""
    return tuple(level + "长" for level in words("head_levels"))


@per_rule_set
def _link_to_names() -> re.Pattern:
    """A word between a post and the names that hold it (副主席还有|甲、乙, 分别是:, 是:
    rules/words.tsv name_links)."""
    return re.compile(rf"(?:{word_pattern('name_links')}|是)[:：]?$")


@per_rule_set
def _post_closes() -> re.Pattern:
    """What follows a post written after its holder's name: punctuation, the end, or a verb of
    giving or speaking (某公司陈某董事长|捐款: rules/words.tsv post_closing_verbs)."""
    return re.compile(r"[,，。;；、:：)）\s]|$|" + word_pattern("post_closing_verbs"))


#: Words of a foreign body's name between its country and a post (欧洲和 of 法国欧洲和外交部长).
_FOREIGN_NAME_WORDS = re.compile(r"[\u4e00-\u9fff]{1,7}")
#: A note in brackets right before a post (…委员会（以下简称“某会”）|主席).
_NOTE_BEFORE = re.compile(r"[（(][^（）()]{1,30}[)）]$")
#: What closes a unit and post in apposition after a name.
_APPOSITION_END = frozenset(",，。;；)）")
#: Between two names of one list: 、, with a note on the first (全红萍(女,兼职)、刘长春).
_LIST_JOIN = re.compile(r"(?:[（(][^（）()]{1,12}[)）])?(?:、|[ \u3000]+)")
#: After the last name of a list: 等, a head count (3名同志).
_LIST_END = re.compile(r"等?(?:[\d一二三四五六七八九十]+[名位人](?:同志)?)?")
#: A short note on the last name of a list (…、王某(女)当选, 丙(增补)当选).
_NAME_NOTE = re.compile(r"[（(]([^（）()]{1,4})[)）]")
@per_rule_set
def _addressed() -> re.Pattern:
    """A form of address between a name and what follows, if any (聘任王某同学为…:
    rules/words.tsv forms_of_address)."""
    return re.compile(word_pattern("forms_of_address") + "?")


@per_rule_set
def _post_after_name() -> re.Pattern:
    """What opens the post after a name: an election or appointment verb (the manner of an
    election may come first: 全票当选; its date may: 于2019年当选), a past post (曾任, 历任,
    辞去…职务), the capacity one acts in (以…身份), or a bracket."""
    manner, by_election = word_pattern("election_manners"), word_pattern("by_election_words")
    return re.compile(_addressed().pattern + r"(?:于?\d{4}年(?:\d{1,2}月)?)?"
                      + rf"(?:被{word_pattern('appointing_verbs')}为|{by_election}为|"
                      rf"被授予(?=[^,，。;；]{{2,24}}?职务)|以(?=[^,，。;；]{{2,30}}?身份)|"
                      rf"辞去(?=[^,，。;；]{{2,30}}?职务)|"
                      rf"[（(]|曾?{word_pattern('taking_verbs')}|"
                      rf"{manner}?当选为?|{word_pattern('tenure_verbs')})")


#: The start of a 以…为… frame (not the 以 of 以及).
_FRAME_OPENING = re.compile(r"以(?!及)")


@per_rule_set
def _frame_end() -> re.Pattern:
    """The end of a 以…为… frame right before the body it names (…为秘书长的|新一届|某会:
    rules/words.tsv new_terms)."""
    return re.compile(rf"的{word_pattern('new_terms')}?$")


#: A later clause of an election with no name of its own (，并当选为…): what follows the comma.
_FURTHER_ELECTION = re.compile(r"[,，](?:并|又|同时|还)?(?=(?:全票|高票|顺利)?当选)")


@per_rule_set
def _election() -> re.Pattern:
    """为 names a post after an election or appointment verb earlier in the sentence
    (rules/words.tsv appointment_words)."""
    return re.compile(word_pattern("appointment_words"))


@per_rule_set
def _appointed_as() -> re.Pattern:
    """为 after a name and its form of address (任命王某同志为…)."""
    return re.compile(_addressed().pattern + "为")


def _name_lists(text: str, people: list[Mention]) -> list[list[Mention]]:
    """The people of a sentence grouped into 、-lists (a single name is a list of one)."""
    groups: list[list[Mention]] = []
    for person in people:
        if groups and _LIST_JOIN.fullmatch(text, groups[-1][-1].end, person.start):
            groups[-1].append(person)
        else:
            groups.append([person])
    return groups


def _colon_list(text, sentence, group, orgs, places, facts) -> bool:
    """Names listed after a post and a colon (某会主席团主席:甲; 副主席:乙、丙(女)、丁(兼)):
    the unit named before the post, else the unit of the list before (a list of officers, one
    post a line; a table row gives the post and its holders between blanks: 副主席 乙 丙).
    Whether the group was such a list."""
    colon, titles = group[0].start - 1, facts.titles
    if colon < sentence[0] or text[colon] not in ":： \t\u3000":
        return False
    row = text[colon] not in ":："
    if row:  # (the post ends where the blanks before the first name start)
        colon = len(text[:colon + 1].rstrip(" \t\u3000"))
    post = titles.before(max(sentence[0], colon - 12), colon)
    if post is None:
        return False
    unit = None if row else next((o for o in reversed(orgs) if o.end == colon - len(post)), None)
    if unit is not None:
        facts.listing = (unit, orgs, places)
        for person in group:
            _hold(facts, person, unit, colon, orgs, places, text, sentence, first_post_only=True)
        return True
    line = max(sentence[0], text.rfind("\n", 0, colon) + 1)
    if not LIST_LINE_LEAD.fullmatch(text, line, colon - len(post)):
        return False
    organs = [o for o in orgs if colon - len(post) == o.start and o.cue == "organ"]  # (党组…：)
    if facts.listing is None:
        if facts.own is None or len(orgs) > len(organs):
            return False
        # a yearbook's list of leaders (主席：甲 副主席：乙、丙), one post a line and no unit
        # named: the page's own body
        facts.listing = (facts.own, [], [])
    unit, unit_orgs, unit_places = facts.listing
    for person in group:  # a line of the list that names only the post
        _hold(facts, person, unit, None, unit_orgs, unit_places, text, sentence, role=post)
        for organ in organs:  # the party group the post names holds its first (党组书记: 书记)
            first = post.split("、")[0][organ.end - organ.start:]
            facts.add(person, "holdsPost", organ, sentence, role=first or None)
    return True



def profile_posts(document, sentence, ms, facts):
    """A person's profile (张某,女,汉族,…,中共党员,现任某公司总经理、…): the person it opens
    is a member of the party named before 党员 and holds the posts given after 现任."""
    text = document.text
    people = [m for m in ms if m.type == "Person"]
    if not people or text[sentence[0]:people[0].start].strip(" \t\u3000■●◆·") != "":
        return
    subject, titles = people[0], facts.titles
    # 王某教授现任…: the subject's title may stand between the name and 现任; 王某曾任…，现任…:
    # a clause may come first when no one else is named
    now = _now_holds().match(text, titles.end(subject.end))
    if not _PROFILE.match(text, subject.end) and now is None and not (
            len(people) == 1 and _now_holds().search(text, subject.end, sentence[1])):
        return
    orgs = [m for m in ms if m.type == "Organisation" and m.start > subject.end]
    places = [m for m in ms if m.type == "Place"]
    for org in orgs:
        if text.startswith("党员", org.end):  # 中共党员
            facts.add(subject, "holdsPost", org, sentence, role="党员")
    now = _now_holds().search(text, subject.end, sentence[1])
    if now is None:
        return
    for org in orgs:
        if org.start < now.end() or any(o.start == org.start and o.end > org.end for o in orgs):
            continue
        end = titles.end(org.end)
        if end == org.end:
            column = _PROFILE_POST.match(text, org.end)
            end = column.end() if column else end
        if end > org.end:
            _hold(facts, subject, org, end, orgs, places, text, sentence)


#: After the name that opens a profile: its sex.
_PROFILE = re.compile(r"[,，、]\s*[男女][,，、]")


@per_rule_set
def _now_holds() -> re.Pattern:
    """What opens the posts a profile gives (现任, 现为: rules/words.tsv present_posts)."""
    return re.compile(word_pattern("present_posts"))

#: The posts a profile gives after a unit, up to the next punctuation (模锻工、班组长).
_PROFILE_POST = re.compile(r"[\u4e00-\u9fff、]{2,12}(?=[,，。;；]|$)")


#: The blank between the columns of a table row.
_COLUMN_GAP = re.compile(r"[ \t\u3000]+")
#: The post column of a table row: words up to the next blank or the end of the line
#: (总经理, 妇联协理员, 一级科员).
_POST_COLUMN = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff、]{2,12})(?=[ \t\u3000\n]|$)")


def _table_row(titles: PostTitles, person: Mention, orgs: list[Mention]
               ) -> tuple[Mention, int] | None:
    """The unit and the end of the post of a name that opens a table row (许某 某县某公司
    总经理; 李某 某市统计局社会人口科科长): the name stands at a line's start or after a blank,
    a blank follows it, then a unit and its post."""
    text = titles.text
    if person.start and text[person.start - 1] not in " \t\u3000\n:：":
        return None  # (上海:王某 某中学教师: a region may label the row)
    gap = _COLUMN_GAP.match(text, person.end)
    if gap is None:
        return None
    unit = next((o for o in orgs if o.start == gap.end()), None)  # the longest comes first
    if unit is None:
        return None
    end = titles.end(unit.end)
    if end == unit.end:
        column = _POST_COLUMN.match(text, unit.end)
        # (a second unit, 、另一公司, is no post)
        end = column.end() if column and not column.group(1).startswith("、") else unit.end
    return (unit, end) if end > unit.end else None


def _post_after(titles: PostTitles, sentence: tuple[int, int], group: list[Mention],
                orgs: list[Mention], after: int | None = None) -> int | None:
    """Where the unit or post given after a list of names starts (…当选|市妇联主席,
    任命张伟为|教育部副部长, A、B等4人为|某会书记处书记), if the words after the names give
    one: after 为, a unit and a post that close the clause, or a post in a sentence that elects
    or appoints (甲为|某村党支部书记乙送上…: 为 is "for", the post is 乙's)."""
    text, end = titles.text, group[-1].end if after is None else after
    note = _NAME_NOTE.match(text, end)
    if note and not titles.within(note.start(1), note.end(1)) and after is None:
        end = note.end()  # 丙(增补)|当选: a note on the name, not its post (甲(主席))
    if after is None:
        end = _LIST_END.match(text, end).end()
        end = titles.end(end)  # 王某教授|当选…: a title of the person may come first
    note = _post_after_name().match(text, end)
    if note is None:
        note = _appointed_as().match(text, end)
        unit = note and next((o for o in orgs if o.start == note.end()), None)
        closed = unit is not None \
            and text[_role_end(titles, unit.end):][:1] in _APPOSITION_END | {"", "\n"}
        if note is not None and not closed \
                and not _election().search(text, _clauses_start(text, sentence[0]),
                                           group[0].start):
            note = None
    # (…当选为新一届|某会会长: the term before the unit the election names)
    return note.end() + next((len(term) for term in words("new_terms")
                              if text.startswith(term, note.end())), 0) if note else None


def _clauses_start(text: str, start: int) -> int:
    """Where the sentence starts whose ；-clause starts at ``start`` (甲当选主席；乙为秘书长:
    the election of the first clause goes on in the next)."""
    return 1 + max(text.rfind(mark, 0, start) for mark in "。！？!?\n")


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
    if own_post == "长":
        own_post = text[unit.end - 1] + own_post  # 外交部|长: the head of the unit, 部长
    facts.add(person, "holdsPost", unit, sentence, role=role or own_post or None)
    for parent in parents:
        # the body holds the posts with the unit (妇二科主任), but a local branch named after
        # a place (中共|宁波市委书记), or its central committee's organ (中共|中央政治局常委),
        # is no post in the national body itself
        if any(parent.end <= p.start and p.end <= unit.end for p in places) \
                or text.startswith("中央", parent.end):
            continue
        facts.add(person, "holdsPost", parent, sentence,
                  role=role or (re.sub(r"\s", "", text[parent.end:end]) if between else None))


def _chain_end(titles: PostTitles, unit: Mention, pos: int, orgs: list[Mention]) -> int | None:
    """Where the posts of ``unit`` end, when units with their posts run from it to ``pos``
    joined by 、 (市政府副市长、市妇儿工委主任|name); None when they do not."""
    end = titles.end(unit.end)
    if end == unit.end or titles.text[end:end + 1] != "、":
        return None
    following = [o for o in orgs if o.start == end + 1 and o.end < pos]
    if not following:
        return None
    after = titles.end(following[0].end)
    if after == pos or _chain_end(titles, following[0], pos, orgs) is not None:
        return end
    return None


def _role_end(titles: PostTitles, start: int) -> int:
    """The end of the post after a unit: post titles right after it, or words of a unit no
    rule names and then titles ending the phrase (研究会|第五届理事会会长,); ``start`` if
    none."""
    text, end = titles.text, titles.end(start)
    if end > start:
        return end
    for stop in range(start + 1, min(len(text), start + 14) + 1):
        if not _HAN.match(text, stop - 1):
            break  # (the unit's words are all its own: no comma among them)
        if stop >= start + 3 and not _HAN.match(text, stop) and titles.before(start + 1, stop):
            return stop
    return start


_HAN = re.compile(r"[\u4e00-\u9fff\d]")
