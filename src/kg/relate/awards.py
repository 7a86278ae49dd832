"""The ``awarded`` rules.

``awarded``: within a clause, people or units before an award trigger (荣获, 被评为 …) receive
the honours after it, and those between 授予/命名/表彰 and the honour (up to 等N名); a name
right after an honour (全国三八红旗手标兵赵晶), after 获得X的 or X获得者, those between 为/向
and a verb of handing over (为A送上“X”证书), a list after an honour heading and a colon or
分别是, and the holders listed under a heading line (…名单) receive it; a sentence without a
subject continues the person the sentence before opens with. The year is the nearest
20xx年(度) before the honour.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..extract import named_as
from ..model import Mention
from ..rules import per_rule_set, trigger_words, word_pattern
from .facts import Facts
from .titles import PostTitles
from .phrases import CLAUSE_END, YEAR, first_group, is_inside, last_group, triggers, year_of


def _clauses(text: str, start: int, end: int):
    pos = start
    for m in CLAUSE_END.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _year_before(text: str, start: int, pos: int, honours: list[Mention]) -> str | None:
    """The last year named before ``pos`` in the sentence, unless it dates another honour
    (…授予2023年度浙江省三八红旗手标兵称号,陈晓红获评… gives 陈晓红's honour no year)."""
    years = list(YEAR.finditer(text, start, pos))
    if not years:
        return None
    last = years[-1]
    if any(h.end <= pos and (h.start <= last.start() < h.end
                             or last.end() <= h.start <= last.end() + 1) for h in honours):
        return None
    return year_of(last)


def _opening_person(document, sentence, by_sentence) -> Mention | None:
    """The person the sentence before this one opens with (邹薇教授现任…。|被评为…), the
    subject of a sentence that leaves it out."""
    at = bisect_left(document.sentences, sentence)  # the sentences are sorted spans
    if at == len(document.sentences) or document.sentences[at] != sentence or at == 0:
        return None
    before = document.sentences[at - 1]
    first = (by_sentence.get(before) or [None])[0]
    if first is not None and first.type == "Person" and first.start - before[0] <= 2:
        return first
    return None


@per_rule_set
def _subjectless_lead() -> re.Pattern:
    """What may open a clause before its award verb when the sentence leaves the subject out
    (并|被授予, 还|荣获, 先后|获评: rules/words.tsv subjectless_adverbs)."""
    return re.compile(rf"\s*{word_pattern('subjectless_adverbs')}*\s*")


@dataclass(frozen=True)
class _Awarding:
    """What the award rules of one sentence read: the honours conferred in it (not those in a
    document's title or heading a list), the mentions that may receive them, the facts."""

    text: str
    sentence: tuple[int, int]
    honours: list[Mention]
    recipients: list[Mention]
    facts: Facts

    def year(self, honour: Mention) -> str | None:
        return _year_before(self.text, self.sentence[0], honour.start, self.honours)

    def give(self, holder: Mention, honour: Mention, year: str | None) -> None:
        self.facts.add(holder, "awarded", honour, self.sentence, year=year)


def awards_in_sentence(document, sentence, ms, facts):
    """The honours a sentence confers: recipients around an award trigger, those a title is
    handed to, holders named right after a title, lists after a title and a colon."""
    text = document.text
    honours = [m for m in ms if m.type == "Honour"]
    if not honours:
        return
    # a body named inside a title (共青团 of 优秀共青团员) is not its recipient
    recipients = [m for m in ms if m.type in ("Person", "Organisation", "Programme")
                  and not any(is_inside(m, h) for h in honours)]
    # an honour named inside a document's title (《关于表彰…三八红旗手的决定》) is not conferred
    # here, nor is one that heads a list of its holders (…获得…先进集体名单 A B C)
    marked = document.marks.titles
    titles = marked[bisect_left(marked, (sentence[0],)):bisect_left(marked, (sentence[1],))] \
        + tuple(m.span() for m in _document_title().finditer(text, sentence[0], sentence[1]))
    honours = [h for h in honours if not any(a <= h.start < b for a, b in titles)
               and (h.start, h.end) not in document.marks.list_headings]
    awarding = _Awarding(text, sentence, honours, recipients, facts)
    opener = _opening_person(document, sentence, facts.by_sentence)
    # a 【section】 header (【表彰奖励】) names what the section is about: its words confer nothing
    headers = [(a, b) for a, b in document.marks.headers if a < sentence[1] and sentence[0] < b]
    for a, b in _clauses(text, *sentence):
        for t in triggers()["awarded"].finditer(text, a, b):
            if not any(start <= t.start() < end for start, end in headers):
                _triggered(awarding, t, (a, b), opener)
    _handed_over(awarding)
    # 中国兵器关键技能带头人、兵器大工匠、全国三八红旗手标兵赵晶: the titles of a list before a
    # name are all that person's
    listed = {after.start: before for before, after in zip(honours, honours[1:])
              if text[before.end:after.start] == "、"}
    for honour in honours:
        year = awarding.year(honour)
        _named_after_title(awarding, honour, year, listed)
        _named_as(awarding, honour, year)
        _representing(awarding, honour, year)
        _holder_after_title(awarding, honour, year)
        _listed_after_title(awarding, honour, year)


def _triggered(awarding: _Awarding, t: re.Match, clause: tuple[int, int],
               opener: Mention | None) -> None:
    """The honours after an award trigger in its clause go to the recipients the trigger
    names: after it (授予), else before it (荣获, 被评为), else the sentence's missing subject."""
    text, (a, b) = awarding.text, clause
    if text[t.end():t.end() + 1] in ("的", "者"):
        # 获得基金会颁发的…证书: the giver of an honour, not its recipient; 获得者 is a
        # noun (…共表彰…奖章获得者1197人、…)
        return
    got = [h for h in awarding.honours if t.end() <= h.start and h.end <= b]
    if not got:
        return
    gives, respective = _award_trigger_kinds()
    passive = text.rfind("被", a, t.start()) >= 0
    if t.group() in gives and not passive:
        # 授予A等3个单位X、B等5个单位Y: each title to those named between it and the last
        subjects = []
        for before, honour in zip([t.end()] + [h.end for h in got], got):
            subjects = _given_to(awarding, before, honour) or subjects
            for subject in subjects:
                awarding.give(subject, honour, awarding.year(honour))
        return
    end = text.rfind("被", a, t.start()) if passive else t.start()
    subjects = _receivers_before(awarding, t, a, end, opener)
    if not subjects:
        return
    pairs = (list(zip(subjects, got)) if t.group() in respective and len(subjects) == len(got)
             else [(subject, honour) for honour in got for subject in subjects])
    for subject, honour in pairs:
        awarding.give(subject, honour, awarding.year(honour))


def _given_to(awarding: _Awarding, after: int, honour: Mention) -> list[Mention]:
    """A 授予 B 为 X: the recipients standing between the trigger (or the title before,
    ``after``) and the honour."""
    text = awarding.text
    subjects = [r for r in awarding.recipients if after <= r.start and r.end <= honour.start]
    # 授予A、B等10名同志…: the count closes the list of recipients
    count = text.rfind("等", after, honour.start)
    if count >= 0:
        subjects = [r for r in subjects if r.end <= count]
        if _PEOPLE_COUNTED.match(text, count) and any(r.type == "Person" for r in subjects):
            # 授予某医院产科护师甲等20名同志…: people counted, the units are theirs
            subjects = [r for r in subjects if r.type == "Person"]
    # 授予…人民医院急诊科: the unit named, not the body its name starts with (nor
    # one read apart right before it: …边防检查总站|…派出所)
    subjects = [r for r in subjects if not any(
        o is not r and o.type != "Person" and (is_inside(r, o) or (
            r.type == o.type == "Organisation" and o.start == r.end))
        for o in subjects)]
    # 授予…镇妇联主席黄小英等: the unit before a post and a name is hers, not a
    # recipient
    return [r for r in subjects if not any(
        p.type == "Person" and awarding.facts.titles.chain(r.end, p.start) for p in subjects)]


def _receivers_before(awarding: _Awarding, t: re.Match, a: int, end: int,
                      opener: Mention | None) -> list[Mention]:
    """The recipients named in the clause before the trigger (or before 被), else the person
    the sentence before opens with when this one leaves its subject out."""
    text, recipients = awarding.text, awarding.recipients
    givers = [r for r in recipients if a <= r.start and r.end <= end]
    if _TO_HOLDER.match(text, givers[-1].end if givers else a, t.end()):
        return []  # A向获得X的B: A addresses the holder, B, named after the title
    if text[t.start() - 1:t.start()] in ("及", "和", "与", "、") \
            and _TO_HOLDER_OPENS.search(text, a, t.start()):
        return []  # A向荣获X的B及荣获Y的C: C holds Y, named after it, not B
    if givers and givers[-1].type == "Organisation" \
            and (_posts_after(awarding.facts.titles, givers[-1].end, end)
                 or _COUNTED_PEOPLE.search(text, givers[-1].end, end)):
        return []  # 某公司董事长甲获评…: the chairwoman (a name no rule read), not
        # her company; 某大学有3位青年学者获得…: the people counted, not the university
    subjects = last_group(text, givers) if givers else []
    if not subjects and opener is not None and _subjectless_lead().fullmatch(
            text, a, end) and not any(r.start < t.start() for r in recipients
                                      if r.type != "Programme"):
        subjects = [opener]  # …。被评为国家教学名师: the person named just before
    return subjects


#: A count of people that closes a list of recipients (等20名同志, 等27人).
_PEOPLE_COUNTED = re.compile(r"等[\d一二三四五六七八九十百千两]+(?:名|位|人)")

#: People counted (3位, 十名): those of a body who receive an honour, not the body.
_COUNTED_PEOPLE = re.compile(r"[\d一二三四五六七八九十两]+[位名]")


def _handed_over(awarding: _Awarding) -> None:
    """为杨春花、潘阿妹等30名“贵州省巾帼建功标兵”颁奖: those named after 为 receive the title;
    为…主任翟春艳送上“…”荣誉证书, 向…检察部干警颁授“…”证书: those between 为/向 and the verb."""
    text, sentence = awarding.text, awarding.sentence
    for honour in awarding.honours:
        clause = max(text.rfind(c, sentence[0], honour.start) for c in ",，;；") + 1
        clause = max(clause, sentence[0])
        handing = _handed_over_verb().search(text, clause, honour.start)
        if not (_presented().match(text, honour.end) or handing):
            continue
        before = handing.start() if handing else honour.start
        to = max(text.rfind("为", clause, before), text.rfind("向", clause, before))
        named = [r for r in awarding.recipients if 0 <= to < r.start and r.end <= before]
        # the people named, not their units; of nested units the one named in full
        named = [r for r in named if r.type == "Person"] or [
            r for r in named if not any(o is not r and is_inside(r, o) for o in named)]
        for r in named:
            awarding.give(r, honour, awarding.year(honour))


def _named_after_title(awarding: _Awarding, honour: Mention, year: str | None,
                       listed: dict[int, Mention]) -> None:
    """全国三八红旗手标兵赵晶 / 获得中华环境奖的殷玉珍 / 荣获…称号的草原母亲都贵玛: the name
    right after a title, or after 的 when a trigger comes before, holds it (and the titles
    listed before it with 、)."""
    text, sentence, recipients = awarding.text, awarding.sentence, awarding.recipients
    for r in recipients:
        between = text[honour.end:r.start]
        if (r.type == "Person" or _TO_HOLDER.search(text, sentence[0], honour.start)) and (
                r.start == honour.end or (
                    (between in ("的", "”的") or _TITLE_OF.fullmatch(between))
                    and triggers()["awarded"].search(text, sentence[0], honour.start))):
            # …的曾民盛、周华驹、曹家美等: the whole list after 的
            following = [o for o in recipients if o.start >= r.start and o.type == r.type
                         and not any(p is not o and is_inside(o, p) for p in recipients)]
            for holder in (first_group(text, following) if r.start > honour.end else [r]):
                awarding.give(holder, honour, year)
            earlier = honour
            while r.start == honour.end and earlier.start in listed:
                earlier = listed[earlier.start]
                awarding.give(r, earlier, year)


def _named_as(awarding: _Awarding, honour: Mention, year: str | None) -> None:
    """A是2015年团省委首批命名的“…”: the subject of 是 holds the title named."""
    text, sentence = awarding.text, awarding.sentence
    if not named_as().search(text, sentence[0], honour.start):
        return
    clause = max([sentence[0]] + [m.end() for m in CLAUSE_END.finditer(
        text, sentence[0], honour.start)])
    copula = text.find("是", clause, honour.start)
    holders = [r for r in awarding.recipients if clause <= r.start and r.end <= copula]
    for holder in (last_group(text, holders) if holders else []):
        awarding.give(holder, honour, year)


def _representing(awarding: _Awarding, honour: Mention, year: str | None) -> None:
    """李红作为全国三八红旗手代表发言, 王芳、刘强两位劳动模范代表: holders speaking for them."""
    text, sentence = awarding.text, awarding.sentence
    lead = _REPRESENTING.search(text, sentence[0], honour.start)
    if lead and text.startswith("代表", honour.end):
        people = [r for r in awarding.recipients if r.type == "Person" and r.end <= lead.start()]
        if people and not CLAUSE_END.search(text, people[-1].end, honour.start):
            for holder in last_group(text, people):
                awarding.give(holder, honour, year)


def _holder_after_title(awarding: _Awarding, honour: Mention, year: str | None) -> None:
    """…劳动奖章获得者、…公司总经理宋爱珍: the first person named in the clause."""
    text, sentence = awarding.text, awarding.sentence
    if _HOLDER_AFTER.match(text, honour.end):
        stop = CLAUSE_END.search(text, honour.end, sentence[1])
        holder = next((r for r in awarding.recipients if r.type == "Person"
                       and honour.end < r.start
                       and r.end <= (stop.start() if stop else sentence[1])), None)
        if holder is not None:
            awarding.give(holder, honour, year)


def _listed_after_title(awarding: _Awarding, honour: Mention, year: str | None) -> None:
    """“十大感动人物”:侯维霞、赵青秀…; …“最美家庭”称号的8户家庭分别是:A家庭,B家庭: the
    people (with their units) or projects listed, else the units themselves."""
    text, sentence = awarding.text, awarding.sentence
    after = text[honour.end:honour.end + 2]
    if after[:1] in ":：" or after[1:2] in ":：" or _LISTED_AFTER.match(text, honour.end):
        stop = re.search(r"[;；。]", text[honour.end:sentence[1]])
        limit = honour.end + stop.start() if stop else sentence[1]
        listed = [r for r in awarding.recipients if honour.end < r.start and r.end <= limit]
        for r in [r for r in listed if r.type in ("Person", "Programme")] or [
                r for r in listed if not any(o is not r and is_inside(r, o) for o in listed)]:
            awarding.give(r, honour, year)


def listed_under_headings(document, mentions, facts):
    """The people and units listed under an honour heading (…名单) hold the honour, in the
    year the heading names."""
    text = document.text
    honours = {(m.start, m.end): m for m in mentions if m.type == "Honour"}
    holders = {}
    for m in mentions:
        if m.type in ("Person", "Organisation"):
            holders.setdefault((m.start, m.end), m)  # the outermost of one span
    for (start, end), items in document.marks.honour_lists:  # (as extract read them)
        line = text[text.rfind("\n", 0, start) + 1:end]
        year = YEAR.search(line)
        for item in items:
            if (start, end) in honours and item in holders:
                facts.add(holders[item], "awarded", honours[(start, end)],
                          document.sentence_at(item[0]), year=year and year_of(year))


@per_rule_set
def _document_title() -> re.Pattern:
    """The title of a document that names honours without conferring them, unmarked (关于表彰…
    的决定: rules/words.tsv document_kinds; a marked one, 《…》, extract hands on)."""
    return re.compile(rf"关于[^,，。;；]*?的{word_pattern('document_kinds')}")

#: The words between a title and the list of its holders (…称号的8户家庭分别是:).
_LISTED_AFTER = re.compile(r"有(?=[^。;；、]{2,14}、)|[^。;；:：,，]{0,16}(?:分别是|分别为|如下[:：]|的是|的为)")

def _posts_after(titles: PostTitles, start: int, end: int) -> bool:
    """Whether a post title and a name stand between a unit and a verb (…公司董事长甲获评)."""
    return bool(re.match(r"[\u4e00-\u9fff、]{2,16}$", titles.text[start:end])) and any(
        titles.chain(start, end - length) for length in (2, 3))


@per_rule_set
def _handed_over_verb() -> re.Pattern:
    """A verb of handing over right before a title (送上“…”荣誉证书, 颁授“…”证书和奖牌:
    rules/words.tsv handing_verbs)."""
    return re.compile(rf"{word_pattern('handing_verbs')}了?[“\"]?$")

#: The word that makes the name after a title its holder's (…劳动奖章获得者、…宋爱珍).
_HOLDER_AFTER = re.compile(r"[”\"]?(?:获得者|获奖者)(?!名单)")

#: Who speaks to or hands over to the holder of a title named right after (向获得“…”的).
_TO_HOLDER = re.compile(r"\s*(?:向|为|给)(?:获得|荣获)[“\"]?$")

#: Where the holders addressed after their titles open (A向荣获X的B…).
_TO_HOLDER_OPENS = re.compile(r"(?:向|为|给)(?:获得|荣获)")

#: Between people and the title they speak for as its holders (作为, 两位, 3名).
_REPRESENTING = re.compile(r"(?:作为|[一二三四五六七八九十两\d]+(?:位|名))$")

def also_conferred(document, mentions, facts):
    """对此次受表彰的“X”和“Y”,…同时授予Z: everyone the document gives X or Y holds Z too."""
    text = document.text
    honours = [m for m in mentions if m.type == "Honour"]
    by_iri = {facts.iri(m): m for m in mentions
              if m.type in ("Person", "Organisation")}
    for cue in _also_conferred().finditer(text):
        sentence = document.sentence_at(cue.start())
        # the titles named there, also in a short form no rule read as one (“优秀女护士”)
        named = {m.group(1) for m in _QUOTED_NAME.finditer(text, cue.start(), cue.start("verb"))}
        held = {facts.iri(h) for h in honours
                if cue.start() < h.start and h.end <= cue.start("verb")
                or any(h.key.endswith(name) for name in named)}
        given = [h for h in honours if cue.end() <= h.start and h.end <= sentence[1]
                 and not CLAUSE_END.search(text, cue.end(), h.start)]
        holders = {s for s, p, o, *_ in facts.facts if p == "awarded" and o in held}
        for subject in sorted(holders):
            for honour in given:
                if subject in by_iri:
                    facts.add(by_iri[subject], "awarded", honour, sentence)


_QUOTED_NAME = re.compile(r"[“\"]([^“”\"]{2,20})[”\"]")

@per_rule_set
def _also_conferred() -> re.Pattern:
    """对 the holders of titles named next …(同时)授予 another title (对此次受表彰的“…”和“…”,
    省妇联同时授予…; 对25名…获得者同时授予…: rules/words.tsv also_giving_verbs)."""
    return re.compile(r"对(?:此次|本次)?(?:受表彰的|获得)?[^。;；]{2,60}?"
                      rf"(?P<verb>{word_pattern('also_giving_verbs')})")


@per_rule_set
def _presented() -> re.Pattern:
    """A ceremony verb right after a title (…“巾帼建功标兵”颁奖, 颁发证书: rules/words.tsv
    award_objects)."""
    return re.compile(rf"[”\"]?(?:颁奖|颁发{word_pattern('award_objects')})")


#: Between a title and its holder: …“人民楷模”国家荣誉称号的草原母亲|都贵玛.
_TITLE_OF = re.compile(r"[”\"]?[国家]*(?:荣誉)?称号的[\u4e00-\u9fff]{0,6}")


@per_rule_set
def _award_trigger_kinds() -> tuple[frozenset[str], frozenset[str]]:
    """Award triggers that put the recipient after them (授予), and those that pair
    recipients and honours in order (分获)."""
    return (frozenset(trigger_words("awarded", "gives")),
            frozenset(trigger_words("awarded", "respectively")))
