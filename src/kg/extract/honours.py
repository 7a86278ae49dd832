"""Honours: titles with their level and qualifier, titles named by the verb that confers them,
and ranked prizes.

Reads: Place and Organisation candidates (a level's place is part of a title, the conferring
body is not), quoted titles (``programmes.quoted_names``), and every other candidate for
conferred titles (a person, a place or a programme is no title). Tables: honours.tsv,
levels.tsv (use honour), triggers.tsv (awarded), posts.tsv, programme_words.tsv.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..rules import longest_first, per_rule_set, trigger_words, word_pattern, words
from .lexicon import level_words, post_titles
from .lists import list_heading, list_heading_end
from .sentence import (Candidate, NAME_CHAR, NON_NAME_CHAR, NUMERAL_CLASSIFIER, Sentence,
                       crosses_word, dictionary_words)


@per_rule_set
def _honour_level() -> re.Pattern:
    return re.compile("|".join(map(re.escape, level_words("honour"))))


def honour_titles(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Honour heads with their level and qualifier: 自治区三八红旗手标兵, 中华环境奖,
    全省巾帼志愿服务“十大感动人物”; a quoted head that follows such a heading in the same
    list (…“十大感动人物”:…;“十大暖心故事”:…) shares its qualifier."""
    state = sent.state
    result = []
    listed: set[Candidate] = set()
    qualifiers: dict[Candidate, str | None] = {}
    text = sent.text
    for s, e, p in _honour_heads(sent, found):
        if not p[3] and crosses_word(text, s, e, (e,)):
            continue  # 好人 in 扣好人生: a word runs on across a generic head's end
        e = _joined_title_end(sent, e)
        opened = s - 1 >= sent.start and text[s - 1] in "“\""
        end = e + 1 if opened and text[e:e + 1] in "”\"" else e
        if opened and (s - 1 == sent.start or text[s - 2] in "”\";；:：、") \
                and state.get("qualifier"):
            result.append(Candidate(s - 1, end, "Honour", p[2],
                                    state["qualifier"] + text[s:e], "honour"))
            continue
        quoted = opened and s - 2 >= sent.start and NAME_CHAR.match(text[s - 2])
        at_levels = _titles_at_each_level(sent, s - 1 if opened else s, s, e,
                                          end if quoted else e, p[2])
        if at_levels:
            result.extend(at_levels)
            continue
        start = _title_start(sent, found, s, quoted, p[3])
        if quoted and start < s - 1 and sent.tagged_as_name(start, s - 1):
            start = s - 1  # 授予某某“共和国勋章”: a name before the quotation is a recipient
        if text[s:e] in _short_heads() and not _level_run()[1].match(text, start):
            if not (_COUNTED_SPEAKERS.search(text, sent.start, s) and text.startswith("代表", e)):
                continue  # 劳模 is a title after a level (省劳模) or as in 甲、乙两位劳模代表
            start = s
        elif start == s and not p[3]:
            continue  # a generic head (示范基地, 先进集体) needs a qualifier
        if p[2] == "extract:quoted-title" and (
                s - 1 - start < 2 or _honour_level().match(text, s) or any(
                    dictionary_words().get(text[i:i + 2]) == "v" for i in range(start, s - 2))):
            # 建设好“模范自治区”, 呵护好“全国文明城市”: one character, a verb or a title with
            # its own level is no qualifier
            continue
        if _names_a_programme(sent, end):
            continue  # 示范基地建设, 最美家庭手拉手活动: the title qualifies a programme
        if text[s:e] in words("contest_places"):
            contest = _contest_start(sent, found, start, s)
            if contest is None:
                continue  # 女子团体冠军: a place in a contest no name gives is no honour
            start = min(start, contest)  # (第十四届全运会…冠军: the contest's name whole)
        if quoted and start < s - 1:
            state["qualifier"] = re.sub(r"[“”\"]|^首届|^第.{1,3}届", "", text[start:s - 1])
        # the round or batch of a title is not part of its name (湖北省首届“最美社科人”)
        name = _full_head(_ROUND_OR_BATCH.sub("", re.sub(r"[“”\"]", "", text[start:end])))
        result.append(Candidate(start, end if quoted else e, "Honour", p[2], name, "honour"))
        head = re.sub(r"[“”\"]", "", text[s:e])
        qualifiers[result[-1]] = name[:-len(head)] if name.endswith(head) and p[3] else None
        if p[4]:
            listed.add(result[-1])
    result = _shared_qualifiers(text, result, qualifiers)
    return _among_others(text, result + _paired_awards(text, result), listed)


#: People counted right before a title they speak for as its holders (两位|劳模代表).
_COUNTED_SPEAKERS = re.compile(r"[一二三四五六七八九十两\d]+[位名]$")


#: The two forms of one award, a unit's certificate and a person's medal (五一劳动奖状、奖章).
_AWARD_FORMS = {"奖状": "奖章", "奖章": "奖状"}


def _paired_awards(text: str, honours: list[Candidate]) -> list[Candidate]:
    """The other form of an award written after it with its stem left out: 五一劳动奖状、奖章
    -> 五一劳动奖章 (read at the word 奖章)."""
    result = []
    for c in honours:
        other = _AWARD_FORMS.get(c.key[-2:])
        if other and text.startswith("、" + other, c.end):
            result.append(Candidate(c.end + 1, c.end + 3, "Honour", c.rule_id,
                                    c.key[:-2] + other, "honour", "elided"))
    return result


@per_rule_set
def _short_heads() -> dict[str, str]:
    """Honour heads written short, with their full forms (rules/words.tsv honour_short_heads:
    劳模=劳动模范): a title is named with the full one (省劳模 is 省劳动模范)."""
    return dict(pair.split("=", 1) for pair in words("honour_short_heads"))


@per_rule_set
def _level_run() -> tuple[re.Pattern, re.Pattern]:
    """Two or more level words listed right before a title (全国、省、市 | 市、县两级): levels.tsv,
    those of honours and the one-character ones that stand for the page's city or county."""
    level = "(?:" + "|".join(map(re.escape, longest_first(
        level_words("honour") + level_words("local")))) + ")"
    return re.compile(rf"(?:{level}、)+{level}(?:[两三四]级)?$"), re.compile(level)


def _titles_at_each_level(sent: Sentence, before: int, s: int, e: int, end: int,
                          rule_id: str) -> list[Candidate]:
    """全国、省、市劳模 | 市、县两级“最美家庭”: one title at each level word of a list that stands
    right before the head ``s``-``e`` (or its opening quote, at ``before``), each read at its
    level word (no label: ``elided``), the last one up to ``end`` with the head (titles that end
    at one place nest); empty when no such list stands there."""
    run, level = _level_run()
    text = sent.text
    listed = run.search(text, max(sent.start, before - 24), before)
    if listed is None:
        return []
    head = _full_head(re.sub(r"[“”\"]", "", text[s:e]))
    levels = list(level.finditer(text, listed.start(), before))
    return [Candidate(m.start(), m.end(), "Honour", rule_id, m.group() + head, "honour", "elided")
            for m in levels[:-1]] + [Candidate(levels[-1].start(), end, "Honour", rule_id,
                                               levels[-1].group() + head, "honour")]


def _full_head(name: str) -> str:
    """A title's name with a head written short in full (省劳模 -> 省劳动模范)."""
    short = next((h for h in _short_heads() if name.endswith(h)), None)
    return name[:-len(short)] + _short_heads()[short] if short else name


def _contest_start(sent: Sentence, found: list[Candidate], start: int, head: int) -> int | None:
    """Where the contest named before a place in it (冠军, 金牌) starts: a programme
    (巴黎奥运会|…冠军) or a level word (全国|冠军); None when the words name no contest."""
    if _COUNTED_MEDAL.search(sent.text, start, head):
        return None  # 本届奥运会第40枚|金牌: a medal counted, not a title
    contests = [c for c in found if c.type == "Programme" and start < c.end
                and c.start < head and not sent.text.startswith(_RELATIVE_EVENT, c.start)]
    if contests:
        contest = min(contests, key=lambda c: c.start)
        if _medals_counted().search(sent.text, max(c.end for c in contests), head):
            return None  # 全运会|共产生|金牌…枚: the medals a contest has, not a title
        return contest.start
    return start if _honour_level().match(sent.text, start) else None


@per_rule_set
def _medals_counted() -> re.Pattern:
    """Words that count or set up a contest's medals (共产生, 决出, 设有: rules/words.tsv
    medal_counts)."""
    return re.compile(word_pattern("medal_counts"))


#: A medal counted (首枚, 第5枚).
_COUNTED_MEDAL = re.compile(r"(?:首|第[\d一二三四五六七八九十百]+)枚")

#: Words that make an event's name relative to the text (本届奥运会): no contest named.
_RELATIVE_EVENT = ("本届", "本次", "该届", "此次", "上届", "下届")


def _honour_heads(sent: Sentence, found: list[Candidate]) -> list[tuple]:
    """``(start, end, payload)`` of the longest honour head ending at each place, and of the
    quoted titles (“优秀女护士”荣誉称号) that take a qualifier like a head does
    (山东省卫生系统“优秀女护士”), in text order."""
    text = sent.text
    by_end: dict[int, tuple] = {}
    for s, e, p in sent.hits_of("honour"):
        if e not in by_end or s < by_end[e][0]:
            by_end[e] = (s, e, p)
    for c in found:
        if c.type == "Honour" and c.family == "quoted" and c.end - 1 not in by_end \
                and c.start > sent.start and NAME_CHAR.match(text[c.start - 1]):
            by_end[c.end - 1] = (c.start + 1, c.end - 1, ("honour", c.key, c.rule_id, True, False))
    return sorted(by_end.values())


def _title_start(sent: Sentence, found: list[Candidate], s: int, quoted, alone: bool) -> int:
    """Where the title whose head starts at ``s`` starts: at its level's place or level
    word, else at the words before the head that qualify it, past the body that confers it,
    a verb, a year, a count of recipients or a round; at ``s`` itself for a head that is a
    title ``alone`` right after another title."""
    text = sent.text
    left = sent.limit(s - 1) if quoted else sent.limit(s)
    # the body that confers it is not part of the honour's name (…财政厅政府购买示范项目),
    # but its system or its work is (中国科协系统先进集体, 共青团工作优秀奖)
    left = max([left] + [c.end for c in found if c.type == "Organisation"
                         and left <= c.start and c.end < s
                         and not text.startswith(("系统", "工作"), c.end)])
    # nor the verb that gives or wins it, nor words that only praise it (唯一拿到|世界冠军,
    # 颁授最高荣誉|大紫荆勋章)
    left = max([left] + [m.end() for m in _title_lead_words().finditer(text, left, s)
                         if not any(c.start <= m.start() < c.end for c in found)])  # (获嘉县)
    if text.startswith("年度", left) and left + 2 < s:
        left += 2  # 2015 年度|…奖: the year, spaced off its 年度
    places = {c.start for c in found if c.type == "Place"}
    while dictionary_words().get(text[left:left + 2]) in ("v", "vn") and left + 2 <= s \
            and left not in places and not _honour_level().match(text, left):
        left += 2  # nor is a verb before it (建设文明家庭)
    kind = _recipient_kind().match(text, left, s)
    if kind and left > sent.start \
            and NUMERAL_CLASSIFIER.search(text, max(sent.start, left - 6), left):
        left = kind.end()  # 等10个团委|天水“五四”红旗团委: the kind counted, then the title
    level = _honour_level().search(text, left, s)
    if level:
        # the place a level word belongs to is part of the name (浙江省三八红旗手)
        start = min([level.start()] + [c.start for c in found if c.type == "Place"
                                       and left <= c.start < level.start() <= c.end])
    elif s - left <= (12 if quoted else 14):
        start = left
    else:
        start = s
    rounds = list(_ROUND_OR_BATCH.finditer(text, start, s))
    if rounds and not level:
        start = rounds[-1].end()  # 等19个集体|第27届…奖章集体: the title opens at its round
    if alone and any(start <= a and b == s for a, b, _ in sent.hits_of("honour")):
        return s  # …先进集体|劳动模范和…: a title by itself right after another is its own
    return start


@per_rule_set
def _title_lead_words() -> re.Pattern:
    """Verbs of winning and giving a title, and words that praise it, before its name
    (relation_triggers.tsv awarded; words.tsv handing_verbs, title_praises)."""
    verbs = trigger_words("awarded") + words("handing_verbs") + words("title_praises")
    return re.compile("|".join(map(re.escape, longest_first(verbs))))


def _among_others(text: str, honours: list[Candidate], listed: set[Candidate]) -> list[Candidate]:
    """The honours, less the heads that are honours only among others (…关键技能带头人、
    兵器大工匠、…) and stand alone here."""
    ends = {c.end for c in honours if c not in listed}
    starts = {c.start for c in honours if c not in listed}
    return [c for c in honours if c not in listed
            or (text[c.end:c.end + 1] == "、" and c.end + 1 in starts)
            or (text[c.start - 1:c.start] == "、" and c.start - 1 in ends)]


@per_rule_set
def _naming_triggers() -> re.Pattern:
    """Award triggers whose object is the title itself (被评为 X, 获评 A、B 等荣誉), and those
    that name the recipients first and the title after 为 (命名 A 等单位为 X)."""
    names = "|".join(map(re.escape, trigger_words("awarded", "names")))
    gives = "|".join(map(re.escape, trigger_words("awarded", "gives")))
    # …评选出A、B等20名|“十佳母亲”: after the count and the kind of those counted
    counted = rf"等[\d一二三四五六七八九十百两]+[名个位户家人](?:{_recipient_kind().pattern})?(?=[“\"])"
    # (表彰大会图为…, 授予仪式: a noun, not the verb: rules/words.tsv giving_nouns; 作为,
    # 成为: no 为 of naming)
    nouns = word_pattern("giving_nouns")
    return re.compile(rf"(?:{names})了?|(?:{gives})(?!{nouns})了?[^,，。;；:：]*?"
                      rf"(?:(?<![图作成认行])为(?![了主])|{counted})")


#: Where a conferred title ends: the end of the clause, or the word that calls it a title.
_TITLE_CLOSE = re.compile(r"[,，。;；:：]|等?(?:国家)?(?:荣誉|光荣)?称号|等(?:多项|各类)?(?:荣誉|奖项)|"
                          r"的?(?:荣誉|殊荣)|单位[,，。;；]|等(?=[\d一二三四五六七八九十百两]|单位|集体|同志)"
                          # 荣获…模范母亲有A、B: the holders listed after 有
                          r"|有(?=[^,，。;；、]{2,12}、)")

#: The closings that call what stands before them titles (…称号, …等荣誉): a list may precede.
_TITLE_ANCHOR = re.compile(r"等?(?:国家)?(?:荣誉|光荣)?称号|等(?:多项|各类)?(?:荣誉|奖项)|的?(?:荣誉|殊荣)|单位")

@per_rule_set
def _title_lead() -> re.Pattern:
    """A year, a round or words of praise before a conferred title (2015年度, 今年, 第二批,
    最高荣誉): not part of its name (rules/words.tsv relative_years, title_praises)."""
    return re.compile(rf"\s*(?:(?:民国)?\d{{2,4}}\s*年度?|{word_pattern('relative_years')})?\s*"
                      r"(?:首届|首批|第[一二三四五六七八九十百\d]+[届批])?"
                      rf"{word_pattern('title_praises')}?")


def conferred_titles(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Titles named by the verb that confers them, whatever their head word: 被评为国家教学名师,
    获评A、B、C等荣誉, 被授予…专家称号, 命名沈阳大学等单位为…研究基地. Each item of a 、-list is
    one title; a post (被评为副教授), a person or a place is none."""
    text = sent.text
    result = []
    for trigger in sent.finditer(_naming_triggers()):
        start = _title_lead().match(text, trigger.end()).end()
        close = _TITLE_CLOSE.search(text, start, sent.end)
        end = close.start() if close else sent.end
        # without a word that calls them titles (称号, 等荣誉) only the first item is one, and
        # a quoted one ends at its mark (荣获“…”的某单位、…等3个单位)
        anchored = close is not None and _TITLE_ANCHOR.match(close.group())
        items = text[start:end].split("、")
        quote_end = text.find("”", start, end) if text[start:start + 1] == "“" else -1
        if quote_end > 0 and text.startswith("的", quote_end + 1):
            anchored = False  # 荣获“X”的A、B及荣获…称号的C: the title is X, A and B hold it
        if not anchored:
            items = items[:1]
            if text[start:start + 1] in "“\"" and text.find("”", start, end) > 0:
                items = [text[start:text.find("”", start, end) + 1]]
        pos = start
        for item in items:
            a, b = pos, pos + len(item)
            pos = b + 1
            name = _ROUND_OR_BATCH.sub("", re.sub(r"[“”\"\s]", "", item))
            if not 4 <= len(name) <= (25 if anchored else 12) or _post_at_end(name) \
                    or NON_NAME_CHAR.search(name) or NUMERAL_CLASSIFIER.match(name) \
                    or any(c.start < b and a < c.end and (
                        c.type == "Person" or (c.start <= a and b <= c.end)
                        or (c.type == "Programme" and not (a <= c.start and c.end <= b)))
                        for c in found if c.type != "Honour"):
                continue
            result.append(Candidate(a, b, "Honour", "extract:conferred-title", name, "honour"))
    return result


@per_rule_set
def _post_noun_end() -> re.Pattern:
    """A word that calls what stands before it a post, at the end (…主席职务: rules/words.tsv
    post_nouns)."""
    return re.compile(word_pattern("post_nouns") + "$")


def _post_at_end(name: str) -> bool:
    """Whether a name ends with a post title (副教授, 主任, …名誉主席职务): a post, not a title
    conferred."""
    name = _post_noun_end().sub("", name)
    return name == "" or any(name.endswith(post) for post in post_titles())


def _shared_qualifiers(text: str, honours: list[Candidate],
                       qualifiers: dict[Candidate, str | None]) -> list[Candidate]:
    """A bare title listed right after a qualified one shares its level and sector
    (湖南省三八红旗手、三八红旗集体 -> 湖南省三八红旗集体); ``qualifiers`` holds what stands
    before each title's head (None for a head that is no title alone)."""
    shared = []
    for c in sorted(honours, key=lambda c: c.start):
        # (the title listed before, not one that opens at the same place: 三八红旗手|标兵)
        before = next((b for b in reversed(shared) if b.start < c.start), None)
        lead = before is not None and qualifiers.get(before)
        if lead and qualifiers.get(c) == "" and text[before.end:c.start] in ("、", "和", "及", "与"):
            c = replace(c, key=lead + c.key)
            qualifiers[c] = lead
        shared.append(c)
    return shared


def _joined_title_end(sent: Sentence, end: int) -> int:
    """The end of a title that goes on past its head: a second title joined by a middle dot
    (四平好人·最美女性), or the rest of a list heading's title (…好人·最美时代女性名单)."""
    text = sent.text
    run = end
    if text[end:end + 1] == "·":
        run = end + 1
        while run < sent.end and NAME_CHAR.match(text[run]) and run not in sent.boundary_starts \
                and not list_heading().match(text, run):
            run += 1
        return run if run - end > 2 else end
    run = end
    while run < sent.end and NAME_CHAR.match(text[run]) and run - end <= 12 \
            and run not in sent.boundary_starts and not text.startswith("候选", run):
        if list_heading_end(text, sent.start, run) is not None:
            return run
        run += 1
    return end


@per_rule_set
def _recipient_kind() -> re.Pattern:
    """The kind of recipients counted before a title (等10个团委…, 等20名职工…)."""
    return re.compile(r"(?:基层|青年)?" + word_pattern("recipient_kinds"))


#: A round or batch of a title (第27届, 首届, 第二批): not part of the title's name.
_ROUND_OR_BATCH = re.compile(r"首届|首批|历届|第[一二三四五六七八九十百\d]+[届批]")


@per_rule_set
def _selection() -> re.Pattern:
    """Words between a title and a programme word that make the programme a selection for the title
    (三八红旗手评选活动), which leaves the title an honour."""
    return re.compile(word_pattern("selection_words"))


def _names_a_programme(sent: Sentence, end: int) -> bool:
    """Whether the words after an honour's title run on, without a break, into a programme
    word (…示范基地建设, …最美家庭手拉手活动)."""
    text = sent.text
    for s, e, p in sent.hits_of("prog_word"):
        # a quoted theme goes on past its closing mark (“…创最美家庭”主题活动)
        joined = (sent.limit(s) < end and sent.is_name(end, s)) or text[end:s] in ("”", "\"")
        if end <= s <= end + 4 and joined and sent.ends_word(e) \
                and not _selection().search(text, end, s):
            return True
    return False


@per_rule_set
def _winning_verbs() -> re.Pattern:
    """The verbs of winning a prize (获得, 摘得, 分别获得): those of awarded in
    relation_triggers.tsv less the ones whose recipient comes after them (授予, 命名)."""
    gives = set(trigger_words("awarded", "gives"))
    verbs = [w for w in trigger_words("awarded") if w not in gives and NAME_CHAR.match(w[-1])]
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")了?")


@per_rule_set
def _prize_name() -> re.Pattern:
    """One prize's name, its year or round left out ((2020年度)(首届)“X奖”), up to the word
    that joins it to the next (A、B和C; 某某奖的某某奖: a prize of a prize) or the end."""
    return re.compile(r"(?:\d{2,4}\s*年?度?|今年|去年)?(?:首届|第[一二三四五六七八九十百\d]+届)?"
                      + word_pattern("title_praises") + r"?[“\"「]?(?P<name>[\u4e00-\u9fffA-Za-z·]{1,15}?"
                      + word_pattern("prize_endings") + r")[”\"」]?(?=(?P<join>、|和|及|与|以及|的)|$)")


@per_rule_set
def _prize_event() -> re.Pattern:
    return re.compile(word_pattern("prize_events"))


@per_rule_set
def _not_a_prize_name() -> re.Pattern:
    # 获奖家庭颁奖: a prize word opening the words is the verb's (获奖), not a name's
    return re.compile(word_pattern("prize_determiners") + r"|[一二三四五六七八九十两\d奖]")


def won_prizes(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Prizes named by the verb of winning them or by the words of their giving, whatever
    their head (获得某某科学奖, 分别获得甲奖、乙奖和丙奖, 某某大奖揭晓, 某某奖得主): each
    item of the list that ends with a prize word (prize_endings), three to sixteen characters
    long, is one, unless it opens with a determiner (该奖) or a numeral, or is a generic head
    of honours.tsv alone (优秀奖)."""
    text = sent.text
    spans = []
    for verb in sent.finditer(_winning_verbs()):
        close = _CLAUSE_CLOSE.search(text, verb.end(), sent.end)
        spans.append((verb.end(), close.start() if close else sent.end))
    for event in sent.finditer(_prize_event()):
        start = sent.limit(event.start() - 1)
        # the prizes listed before the one whose giving is named (甲奖和乙奖获奖名单)
        while start - 2 >= sent.start and text[start - 1] in "、和及与" \
                and _prize_name().fullmatch(text, sent.limit(start - 2), start - 1):
            start = sent.limit(start - 2)
        spans.append((start, event.start()))
    generic = {(s, e) for s, e, p in sent.hits_of("honour") if not p[3]}
    taken = [c for c in found if c.type in ("Person", "Place", "Organisation")]
    result = []
    for pos, end in spans:
        while (m := _prize_name().match(text, pos, end)):
            s, e = m.span("name")
            if 3 <= e - s <= 16 and (s, e) not in generic \
                    and not _not_a_prize_name().match(text, s) \
                    and not any((c.start <= s and e <= c.end) or (s <= c.start < e and c.type == "Person")
                                for c in taken):
                result.append(Candidate(s, e, "Honour", "extract:won-prize", text[s:e], "honour"))
            if not m.group("join"):
                break
            pos = m.end() + len(m.group("join"))
    return result


#: The end of a clause.
_CLAUSE_CLOSE = re.compile(r"[,，。;；:：!！?？\s]")


#: Places of a prize given in one breath (团体奖第一、二、三名): one honour per place.
_RANKED = re.compile(r"(?P<prize>[\u4e00-\u9fff]{1,4}奖)"
                     r"第(?P<places>[一二三四五六七八九十](?:、[一二三四五六七八九十])*)名")


def ranked_prizes(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """团体奖第一、二、三名 -> 团体奖第一名, 团体奖第二名, 团体奖第三名 (each read at its numeral)."""
    result = []
    for m in sent.finditer(_RANKED):
        first = max(m.start(), sent.limit(m.end("prize") - 1))  # 获得|团体奖
        prize = sent.text[first:m.end("prize")]
        if len(prize) < 3:
            continue
        if len(m.group("places")) == 1:
            result.append(Candidate(first, m.end(), "Honour", "extract:ranked-prize",
                                    sent.text[first:m.end()], "honour"))
            continue
        for i, numeral in enumerate(m.group("places")[::2]):
            at = m.start("places") + 2 * i
            start, end = (first, at + 1) if i == 0 else (at, at + 1)
            result.append(Candidate(start, end, "Honour", "extract:ranked-prize",
                                    f"{prize}第{numeral}名", "honour"))
    return result
