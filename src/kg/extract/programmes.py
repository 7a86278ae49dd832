"""Programmes: quoted names (which may also be organisations, media or honours by the word
after them), unquoted names ending in a programme word, distributed lists, and 【section】
headers.

Reads: Organisation candidates (a body at the start of a name is its subject; a body's own
meeting). Tables: programme_words.tsv, programme_stop.tsv, org_suffixes.tsv, triggers.tsv
(runs).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..rules import per_rule_set, trigger_words, word_pattern, words
from .lexicon import compiled_rules, ends_with_org_suffix
from .names import person_at
from .organisations import suffix_ends_name
from .sentence import (Candidate, DESCRIBING, GENERIC_BODY, NAME_CONJUNCTIONS, Sentence,
                       dictionary_words, word_ending_at)


@per_rule_set
def _own_meeting() -> re.Pattern:
    """What follows a body in the name of its own congress or session (第七次代表大会,
    十三届三次执委(扩大)会议, 第十二届执行委员会第二次会议, 全会: rules/words.tsv organ_words,
    meeting_words)."""
    return re.compile(r"(?:第?[一二三四五六七八九十\d]+届)?(?:第?[一二三四五六七八九十\d]+次)?"
                      rf"{word_pattern('organ_words')}?"
                      r"(?:第?[一二三四五六七八九十\d]+次)?(?:[(（]扩大[)）])?"
                      + word_pattern("meeting_words"))


_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{1,40})[”\"」』]")

#: … and verbs, which do not name a venue or a screening either (免费筛查).
_DESCRIBING_OR_VERB = DESCRIBING | {"v", "vn"}


def _is_slogan(name: str, stops) -> bool:
    for regex, word in stops:
        if regex is not None and regex.search(name):
            return True
        if regex is None and name == word:
            return True
    return False


def _programme_word_at(sent: Sentence, pos: int, limit: int, quoted: bool = False):
    """The longest programme word that ends a name starting at ``pos`` within ``limit``
    (across function words only when the name is all inside quotation marks)."""
    best = None
    for s, e, p in sent.hits_of("prog_word"):
        if pos <= s and e <= limit and sent.is_name(pos, s) \
                and (sent.ends_word(e)
                     or p[2] == "quote" and _LOCATIVE_AFTER.match(sent.text, e)) \
                and (quoted or sent.limit(s) <= pos) \
                and (quoted or not re.search(r"[等和与及的]", sent.text[pos:s])):
            if best is None or e > best[1] or (e == best[1] and s < best[0]):
                best = (s, e, p)
    return best


#: A locative after an activity word (“…”活动中), not the start of a longer word (活动中心).
_LOCATIVE_AFTER = re.compile(r"[中上](?![心国华学央小医级层海])")


#: A field label inside a run between blanks (作者:, 资料来源:): a byline's field is no
#: quoted name (the body after the label is read alone).
_LABELLED = re.compile(r"[:：]")


def quoted_names(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Quoted names: “山村巾帼致富计划”, “绿色家园”活动, “春风姐妹”家政技能培训."""
    stops = compiled_rules()[2]
    result = []
    text = sent.text
    triggered = False
    previous_end = -1
    quoted = quotations(sent)
    run_ends = _run_ends(text, quoted)
    for (start, end, inner, tail_from), run_end in zip(quoted, run_ends):
        before = text[max(sent.start, start - 6):start]
        chained = triggered and _follows(text, previous_end, start)
        triggered = chained or bool(_run_triggers().search(before))
        previous_end = end
        verb = _selection_verb().match(text, tail_from)
        tail = _quote_tail(sent, start, end, tail_from, verb)
        if text[end:end + 1] in "—-" and not tail:
            continue  # “强国复兴有我”——…大赛: the theme of the event named after the dash
        if _is_slogan(inner, stops) and not ends_with_org_suffix(inner) and not (
                tail and (tail[2][2] != "quote" or tail[0] - tail_from >= 3)):
            # a slogan, unless a programme word makes it a name (“…”女性恳谈会, a quoted day
            # and words before an activity word: “三八”维权周普法宣传活动)
            continue
        org_tail = _org_tail(sent, tail_from)
        if org_tail and tail and tail[1] > org_tail:
            org_tail = None
        if tail and tail[2][2] == "quote" and tail[0] - tail_from < 4 and not verb:
            # “绿色家园”活动, “联学联讲”机制品牌: the quoted part is the name
            result.append(Candidate(start, tail[1], "Programme", tail[2][3], inner, "quoted"))
        elif org_tail:
            result.append(Candidate(start, org_tail, "Organisation", "extract:quoted-org",
                                    inner + text[tail_from:org_tail], "quoted"))
        elif tail:
            name = inner + text[tail_from:tail[1]]
            result.append(Candidate(start, tail[1], "Programme", tail[2][3], name, "quoted"))
            if tail[0] > tail_from and len(inner) >= 3 and tail[2][1] not in words("project_words") \
                    and not verb and not _is_slogan(inner, stops):
                result.append(Candidate(start, end, "Programme", "extract:quoted", inner,
                                        "quoted"))
        elif ends_with_org_suffix(inner) and not _LABELLED.search(inner):
            result.append(Candidate(start + 1, end - 1, "Organisation", "extract:quoted-org",
                                    inner, "quoted"))
        elif _media_after().match(text, tail_from):
            # a quoted account or channel (“北疆之声”微博) is a media organisation
            result.append(Candidate(start + 1, end - 1, "Organisation", "extract:quoted-media",
                                    inner, "quoted"))
        elif _title_after().match(text, end) or (_prize_name().search(inner) and not tail) \
                or named_as().search(text, max(sent.start, start - 4), start):
            result.append(Candidate(start, end, "Honour", "extract:quoted-title", inner,
                                    "quoted"))
        elif re.search(r"[、,，]", inner):
            continue  # a quoted list of phrases is a slogan unless a programme word follows
        elif _programme_word_at(sent, start + 1, end - 1, quoted=True) or triggered \
                or _kind_after_list().match(text, run_end):
            if len(inner) >= 3:
                # the span is the inside of the marks, so a shorter reading of the same name
                # inside them (123工作法 in “妇女小组三个123工作法”) ends where it ends
                result.append(Candidate(start + 1, end - 1, "Programme", "extract:quoted", inner,
                                        "quoted"))
    return [_with_lead(sent, c, found) for c in result]


def _names_something(words: str) -> bool:
    """Whether words hold a proper name by the dictionary's tags (a place, a brand, a region's
    short name: 湾仔码头, 三晋), and no number."""
    dictionary = dictionary_words()
    return not re.search(r"\d", words) and any(
        dictionary.get(words[i:j]) in _PROPER_NAME_TAGS
        for i in range(len(words)) for j in range(i + 2, len(words) + 1))


#: jieba's tags of proper names: places, brands, organisations, abbreviations.
_PROPER_NAME_TAGS = frozenset(("ns", "nz", "nt", "j"))


def _with_lead(sent: Sentence, candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A quoted name and the word after it, with the words that lead into it from the last
    boundary (寻找三晋“最美家庭”活动, 湾仔码头“不凡女性”创业支持公益项目), as one name; a place,
    a body or a year before the marks is no part of it."""
    text = sent.text
    if candidate.type != "Programme" or text[candidate.start] not in "“\"" \
            or text[candidate.end - 1] in "”\"":
        return candidate  # only a quoted name with a programme word after its marks
    joined = _across_ji(sent, candidate.start, found)
    if joined < candidate.start:  # 某规划宣传暨2023年“某某”活动启动仪式
        name = text[joined:candidate.end].replace("“", "").replace("”", "").replace('"', "")
        return replace(candidate, start=joined, key=name, family="quoted")
    lead = sent.limit(candidate.start)
    if not 2 <= candidate.start - lead <= 8 or not sent.is_name(lead, candidate.start) \
            or not _names_something(text[lead:candidate.start]) or any(
            c.type in ("Place", "Organisation") and c.end == candidate.start for c in found):
        return candidate  # 重点创新“…”品牌: describing words are no part of the name
    name = text[lead:candidate.end].replace("“", "").replace("”", "").replace('"', "")
    return replace(candidate, start=lead, key=name, family="quoted")


def _quote_tail(sent: Sentence, start: int, end: int, tail_from: int, verb):
    """The programme word that goes on a quoted name (“…”活动, “…”家政技能培训), or None."""
    text = sent.text
    tail = _programme_word_at(sent, tail_from, min(sent.end, tail_from + 18))
    if tail is None and verb:
        # “巾帼示范基地”创建项目: a selection verb between the title and the word
        after = _programme_word_at(sent, verb.end(), min(sent.end, verb.end() + 4))
        tail = after if after and after[0] == verb.end() else None
    if tail and tail[2][2] == "quote":
        # “海曙巾帼”大讲堂活动: the name word before the activity word ends the name
        named = _programme_word_at(sent, tail_from, tail[0])
        if named and named[1] == tail[0] and named[2][2] != "quote":
            tail = named
    if tail and text[end - 1] == " " and (text[tail[1]:tail[1] + 1] == " " or (
            tail[0] > tail_from and _programme_word_at(sent, start + 1, end - 1, True))):
        return None  # the next item of a spaced list, not the rest of this name
    return tail


@per_rule_set
def _kind_after_list() -> re.Pattern:
    """等 and the kind of the quoted names listed before it (“A”“B”等优秀志愿服务团队和品牌:
    rules/words.tsv programme_kinds)."""
    return re.compile(r"等[^,，。]{0,14}" + word_pattern("programme_kinds"))


def _follows(text: str, previous_end: int, start: int) -> bool:
    """Whether a quotation continues a list whose previous item ended at ``previous_end``
    (adjacent marks; spaced phrases in a row share the space between them; or 、)."""
    return previous_end - 1 <= start <= previous_end or text[start - 1] in "、"


def _run_ends(text: str, quotations: list) -> list[int]:
    """For each quotation, where the list of quotations it belongs to ends."""
    ends = [end for _, end, _, _ in quotations]
    for i in range(len(quotations) - 2, -1, -1):
        if _follows(text, quotations[i][1], quotations[i + 1][0]):
            ends[i] = ends[i + 1]
    return ends


@per_rule_set
def _selection_verb() -> re.Pattern:
    """Verbs of making or choosing titles that may stand between a quoted title and a programme
    word (“…示范基地”创建项目, “最美家庭”寻访活动)."""
    return re.compile(word_pattern("selection_verbs"))


@per_rule_set
def _media_after() -> re.Pattern:
    """Words after a quoted name that make it a media outlet or a title conferred on it."""
    return re.compile(r"(?:等(?:[\u4e00-\u9fff]{0,4}))?" + word_pattern("media_channels"))


@per_rule_set
def _title_after() -> re.Pattern:
    """What makes the quoted name before it a title conferred (“…”荣誉称号, “…”奖牌:
    rules/words.tsv title_tokens)."""
    return re.compile(r"[国家]*(?:荣誉)?" + word_pattern("title_tokens"))


@per_rule_set
def named_as() -> re.Pattern:
    """The verb before a title that says it was conferred (…首批命名的“…”: rules/words.tsv
    naming_verbs), right before the title's marks."""
    return re.compile(rf"{word_pattern('naming_verbs')}的[“\"]?$")


@per_rule_set
def _prize_name() -> re.Pattern:
    """A quoted name that is a prize by its last word (“中国青年女科学家奖”)."""
    return re.compile(r".." + word_pattern("prize_endings") + r"$")


#: A phrase set off by single spaces inside Chinese text: scrapers often turn quotation marks
#: into spaces (实施 北疆巾帼铸魂工程,开展 百千万巾帼大宣讲 妇女恳谈 …).
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff ]) ([^\s,，。;；、“”\"]{2,14})(?= [\u4e00-\u9fff,，等])")


def quotations(sent: Sentence):
    """``(start, end, inner, tail_from)`` of every quoted phrase, marks included, in text
    order; ``tail_from`` is where words that continue the name may start (past the space
    that stands for a closing quotation mark)."""
    text, start, end = sent.text, sent.start, sent.end
    found = [(m.start(), m.end(), m.group(1).strip(), m.end())
             for m in _QUOTED.finditer(text, start, end)]
    if text.find(" ", start, end) >= 0:  # (the pattern of a spaced phrase is slow to try)
        # the space after a spaced phrase stands for its closing mark
        found += [(m.start(), m.end() + 1, m.group(1), m.end() + 1)
                  for m in _SPACED.finditer(text, start, end)]
    return sorted(found)


@per_rule_set
def _run_triggers() -> re.Pattern:
    return re.compile("(" + "|".join(map(re.escape, trigger_words("runs"))) + ")[出了]?$")


def _org_tail(sent: Sentence, pos: int) -> int | None:
    for s, e, p in sent.suffix_hits:
        if s == pos and p[3] in ("body", "top") and len(p[1]) > 1:
            return e
    return None


@per_rule_set
def _acting_body() -> re.Pattern:
    """Bodies that act (run programmes), as opposed to bodies a programme is named after."""
    return re.compile(word_pattern("acting_body_endings") + r"$")


@per_rule_set
def _distributive() -> re.Pattern:
    """A count before a programme word that the items listed before it share, with a word of
    theirs (A、B、C三大巾帼行动: A巾帼行动 …; rules/words.tsv shared_modifiers)."""
    shared = word_pattern("shared_modifiers")
    return re.compile(rf"[一二三四五六七八九十两\d]+[大项个类]?(?P<mod>{shared})?$")


@per_rule_set
def _enterprise_after() -> re.Pattern:
    """A word of enterprises and schools (rules/words.tsv enterprise_words)."""
    return re.compile(word_pattern("enterprise_words"))


@per_rule_set
def _unit_or_post_after() -> re.Pattern:
    """A unit or a post named after a programme word (项目部, 项目开发部主管, 项目负责人:
    rules/words.tsv unit_fields, project_posts)."""
    return re.compile(rf"{word_pattern('unit_fields')}?(?:部(?!署)|办公室|组(?!织)|处(?!理)|"
                      rf"{word_pattern('project_posts')})|[室厅堂]|中心")


#: A year right before a name (2023年新春座谈会).
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d年度?$")


def programme_names(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Unquoted programme names ending in a programme word, and distributed lists
    (平安家庭、绿色家园两大工程 -> two 工程)."""
    stops = compiled_rules()[2]
    result = []
    text = sent.text
    by_end: dict[int, tuple] = {}
    for s, e, p in sent.hits_of("prog_word"):
        if p[2] != "quote" and (e not in by_end or s < by_end[e][0]):
            by_end[e] = (s, e, p)
    word_starts = {s for s, e, p in sent.hits_of("prog_word")}
    for s, e, p in sorted(by_end.values()):
        if not suffix_ends_name(sent, p[1], e) or e in word_starts \
                or _unit_or_post_after().match(text, e) or _enterprise_after().match(text, e) \
                or (text[s - 1:s] == "作" and text.startswith(("发言", "报告"), e)):
            # 计划 in …计划项目: the name goes on to the next programme word; 项目 in
            # …项目部, …项目负责人 names a unit or a post (会议室, 大会堂, 会议中心 a
            # room or a building), 工程 in 中国化学工程集团 or
            # 哈尔滨工程大学 a company or a school, not a programme; 作大会发言 is speaking at
            # a plenary
            continue
        left = sent.limit(s)
        # an organisation at the start of the body is the programme's subject, not its name,
        # unless it is the body's own congress or session (海南省妇联第七次代表大会,
        # X妇联十三届三次执委会议) or a meeting it convenes (某部…专项行动电视电话会议)
        left = max([left] + [c.end for c in found if c.type == "Organisation"
                             and left <= c.start and c.end < s - 1
                             and _acting_body().search(text, c.start, c.end)
                             and not _own_meeting().fullmatch(text, c.end, e)
                             and not p[1].endswith("会议")])
        left = next((e0 for s0, e0, _ in sent.hits_of("opener") if s0 == left and e0 < s), left)
        left = _across_conjunction(sent, left, s, found)
        left = _across_ji(sent, left, found)
        if p[2] == "short":
            left = _short_name_start(sent, left, s)
            if dictionary_words().get(text[left:s]) in _DESCRIBING_OR_VERB:
                continue  # 免费筛查: a description, not a name
        body = text[left:s]
        dist = _distributive().search(body)
        if dist and left > sent.start and text[left - 1] == "、":
            result += _distributed(sent, left, dist, s, e, p, stops)
            continue
        # a year before it makes two characters a name (2023年新春座谈会)
        shortest = 2 if p[2] == "short" or _YEAR_BEFORE.search(text, sent.start, left) else 3
        if len(body) < shortest or len(body) > 22 \
                or GENERIC_BODY.match(body):
            continue
        if p[1].endswith("会议") and any(c.type == "Organisation" and c.start == left
                                         and c.end == s for c in found):
            continue  # 全国妇联会议: a body's meeting, not a named one
        etc = _AFTER_ETC.search(text, max(sent.start, left - 8), left)
        if etc and text[etc.start() - 1:etc.start()] != "”":
            # A、B、C等(20个)巾帼建功行动: after 等 comes the kind of thing, not a name; after quoted
            # names it may be their series (“母亲邮包”“母亲水窖”等母亲系列公益项目)
            continue
        name = text[left:e]
        if _is_slogan(name, stops) or _holder_inside(sent, left, s):
            continue
        result.append(Candidate(left, e, "Programme", p[3], name, "programme"))
    return result


def _holder_inside(sent: Sentence, start: int, end: int) -> bool:
    """Whether a post title and the name of its holder stand in ``[start, end)``: words of a
    clause (市总工会主席某某到赛场观摩比赛), not a programme's name (妇联主席培训班 holds a post
    and no name)."""
    surnames = compiled_rules()[3]
    return any(start <= at and to < end and person_at(sent, to, surnames, strict=False)
               for at, to, _ in sent.hits_of("post"))


#: 等 and a count of what it sums up (A、B等20个), right before the words of a kind.
_AFTER_ETC = re.compile(r"等(?:[\d一二三四五六七八九十百千万余多]+[个项名家支类])?$")

#: Words of Han characters only (no quotation mark or bracket ends them).
_HAN_WORDS = re.compile(r"[\u4e00-\u9fff]+")


def _across_conjunction(sent: Sentence, left: int, pos: int, found: list[Candidate]) -> int:
    """Where a programme's name starts when a conjunction joins two words of it right before
    its programme word (联合国环境与发展大会, 第二届交通与发展论坛): before the words ahead of the
    conjunction, unless those are a body, person or programme (某局与|某会联合主办…: partners;
    某宣讲和|某恳谈会: two events) or a verb."""
    text = sent.text
    if left - 2 <= sent.start or text[left - 1] not in NAME_CONJUNCTIONS or pos - left > 4 \
            or pos - left < 2:
        return left
    start = sent.limit(left - 2)
    words = text[start:left - 1]
    if not 2 <= len(words) <= 10 or not _HAN_WORDS.fullmatch(words) \
            or any(c.end == left - 1 and c.type != "Place" for c in found) \
            or any(e == left - 1 for _, e, _ in sent.hits_of("prog_word")) \
            or dictionary_words().get(word_ending_at(sent, left - 1)) in DESCRIBING | {"v"}:
        return left
    return start


@per_rule_set
def _event_opening() -> re.Pattern:
    """What the words of an event's name follow: the verb holding it (rules/words.tsv
    holding_verbs, and 开展) or a punctuation mark, the last one before its name."""
    opening = rf"(?:{word_pattern('holding_verbs')}|开展|[,，。;；:：、\s])"
    return re.compile(rf"{opening}(?!.*{opening})")


def _across_ji(sent: Sentence, left: int, found: list[Candidate]) -> int:
    """Where a programme's name starts when 暨 joins it to words before that name no event
    of their own (某规划宣传暨2023年“某某”活动启动仪式, 纪念“三八”国际妇女节暨表彰大会:
    one event): the start of those words. Two events (…代表大会暨…论坛) stay two, and an
    action before 暨 (妇联换届|暨…代表大会) is no part of the event's name."""
    text = sent.text
    joined = _JOINED_BY_JI.search(text, sent.start, left)
    if joined is None:
        return left
    ji = joined.start()
    opening = _event_opening().search(text, sent.start, ji)
    start = opening.end() if opening else sent.start
    words = text[start:ji]
    if not 4 <= len(words) <= 24 or not _NAME_WORDS.fullmatch(words) \
            or dictionary_words().get(word_ending_at(sent, ji)) == "v" \
            or any(e == ji for _, e, _ in sent.hits_of("prog_word")) \
            or any(c.end == ji and c.type in ("Organisation", "Person", "Programme")
                   for c in found):
        return left
    return start


#: The round of an event in a series, with a few words of its name after it (第十一届|妇女趣味).
_ROUND_IN_NAME = re.compile(r"(?:首届|第[一二三四五六七八九十百\d]+届)(?=[\u4e00-\u9fff]{1,10}$)")
#: 暨 right before a programme's name, a year and an opening quotation mark allowed between.
_JOINED_BY_JI = re.compile(r"暨(?:\d{4}年(?:度)?)?[“\"]?$")
#: The words of a name: Han characters, digits and quoted words.
_NAME_WORDS = re.compile(r"[\u4e00-\u9fff\d“”\"]+")


def _short_name_start(sent: Sentence, left: int, pos: int) -> int:
    """Where the name before a short programme word at ``pos`` starts, not before ``left``:
    at a round of a series before it (第十一届|妇女趣味运动会), else at the one word before it
    (建设儿童之家 -> 儿童之家), with the word before a short quoted one (妇女“两癌”筛查)."""
    text = sent.text
    rounds = list(_ROUND_IN_NAME.finditer(text, left, pos))
    if rounds:
        return rounds[-1].start()
    return max(left, _one_word_before(sent, pos))


def _one_word_before(sent: Sentence, pos: int) -> int:
    """The start of the word before ``pos``, or of the word before a short quoted name."""
    text = sent.text
    if text[pos - 1:pos] in "”\"" and pos > sent.start:
        opening = text.rfind("“", sent.start, pos - 1)
        if opening > 0 and pos - opening <= 6:
            return opening - len(word_ending_at(sent, opening))
    return pos - len(word_ending_at(sent, pos))


def _distributed(sent, left, dist, s, e, p, stops) -> list[Candidate]:
    text = sent.text
    head = (dist.group("mod") or "") + text[s:e]
    items = []
    end = left + dist.start()
    pos = end
    # walk back over 、-separated items
    while True:
        start = sent.limit(pos - 1) if pos > sent.start else pos
        item_start = start
        items.append((item_start, pos))
        if item_start - 1 >= sent.start and text[item_start - 1] == "、":
            pos = item_start - 1
            continue
        break
    result = []
    for a, b in items:
        name = text[a:b]
        if 2 <= len(name) <= 10:
            result.append(Candidate(a, b, "Programme", p[3], name + head, "programme"))
    return result


def section_headers(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A yearbook's 【section】 header that ends in a programme word names that programme
    (【巾帼家政服务站建设】), whichever kind of programme word it is."""
    stops = compiled_rules()[2]
    result = []
    for a, b in sent.headers:
        title = sent.text[a + 1:b - 1]
        for s, e, p in sent.hits_of("prog_word"):
            # a generic topic (【家庭建设】) is no programme: the name needs three characters
            if e == b - 1 and s - (a + 1) >= 3 and not _is_slogan(title, stops):
                result.append(Candidate(a + 1, b - 1, "Programme", p[3], title, "programme"))
                break
    return result


def listed_programmes(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The other items of a 、-list that names a programme and ends in 等 and a kind of
    programme (A工程、B行动、C、D等…工作品牌) are programmes too, short ones included."""
    text = sent.text
    named = [c for c in found if c.type == "Programme"]
    result = []
    for kind in sent.finditer(_kind_after_items()):
        items, end = [], kind.start()
        while True:
            start = sent.limit(end)
            items.append((start, end))
            if start <= sent.start or text[start - 1] != "、":
                break
            end = start - 1
        if len(items) < 3 or not any(c.start == a and c.end == b for a, b in items
                                     for c in named):
            continue
        for a, b in items:
            if 2 <= b - a <= 8 and sent.is_name(a, b) and not any(
                    c.start <= a and b <= c.end for c in found):
                result.append(Candidate(a, b, "Programme", LISTED_PROGRAMME, text[a:b],
                                        "programme"))
    return result


LISTED_PROGRAMME = "extract:listed-programme"


@per_rule_set
def _kind_after_items() -> re.Pattern:
    """等 and the kind of the programmes listed before it (…等群众叫得响的服务品牌:
    rules/words.tsv programme_kinds)."""
    return re.compile(rf"等[^,，。;；、]{{0,14}}?{word_pattern('programme_kinds')}(?=[,，。;；、]|$)")


def named_again(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A programme's name that the document gives in full somewhere (“辽宁振兴与妇女发展”高层论坛)
    is read in full where it is written again without its marks and a boundary word cut it
    (…与妇女发展高层论坛)."""
    names = {c.key for c in candidates if c.type == "Programme" and c.key}
    result = []
    for c in candidates:
        if c.type == "Programme" and c.family == "programme":
            longer = [n for n in names if len(n) > len(c.key) and n.endswith(c.key)
                      and text.startswith(n[:len(n) - len(c.key)], c.start - len(n) + len(c.key))]
            if longer:
                name = max(longer, key=len)
                c = replace(c, start=c.end - len(name), key=name)
        result.append(c)
    return result


def counted_kinds(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A name the document counts by sites (集中供水工程1698处) is a kind of work, not one
    programme, wherever it is written without quotation marks."""
    kinds = {c.key for c in candidates if c.type == "Programme" and c.family == "programme"
             and _counted().match(text, c.end)}
    return [c for c in candidates if not (c.type == "Programme" and c.family == "programme"
                                          and c.key in kinds)]


@per_rule_set
def _counted() -> re.Pattern:
    """A count of sites right after a name (…工程1698处, 约20处: rules/words.tsv
    approximations); a count of venues (儿童之家148个) or of sessions (培训147期, 巡讲182场)
    may follow a programme (a brand of venues, a scheme)."""
    return re.compile(rf"{word_pattern('approximations')}?[\d一二三四五六七八九十百千万]+(?:余|多)?(?:处|座)")

