"""People: names after a post title or a person cue, before a post or a verb of speech, after
an honour, in lists, bylines and table rows, and names jieba's tagger reads.

Reads: Honour and Organisation candidates (a recipient follows them; a table row's unit).
Tables: posts.tsv, person_cues.tsv, surnames.tsv, transliteration.tsv; jieba's dictionary and
tagger.
"""
from __future__ import annotations

import re

from ..rules import per_rule_set, table, word_pattern
from .lexicon import byline_titles, compiled_rules, transliteration
from .names import (NUMERAL, PREPOSITIONS, UNIT_END, looks_like_name, name_after, name_word, person_at,
                    plausible_name, spelled_name_at)
from .name_context import (CLAUSE_MARKS, JOINING, clause_closing_char, in_list_of_places,
                           name_word_before_post, name_word_ends, recipients_opening,
                           spaced_reporters)
from .sentence import (AFTER_NAME_TAGS, STRONG, TAGGED, Candidate, LEVEL_START, NAME_TAGS, Sentence,
                       common_words, crosses_word, dictionary_words, is_word, matches_before)

#: The rule of names jieba's tagger reads whole (a signal that outweighs a word at the start).
TAGGED_NAME = "extract:tagged-name"

#: The rule of 、-lists of names (甲、乙、丙被评为…).
NAME_LIST = "extract:name-list"

#: The rule of names listed after a post and a colon (副主席:甲、乙(女)、丙).
OFFICER_LIST = "extract:officer-list"

#: What the overlap policy reads of a name: its context fixes its edges (after or before a
#: post title, in a list), jieba's tagger reads it whole (``Candidate.traits``).
_STRONG = frozenset((STRONG,))
_TAGGED = frozenset((TAGGED,))


#: The name that opens a table row, and the blank after it.
_ROW_NAME = re.compile(r"(?:^|(?<=\n))(?:[\u4e00-\u9fff]{2,4}[:：])?"
                       r"(?P<name>[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]|"
                       r"[\u4e00-\u9fff]{1,3}))[ \t\u3000]+", re.M)


@per_rule_set
def _byline_label() -> re.Pattern:
    """A byline with its label: 作者:王某, 责任编辑:王某, 记者 王 某 (a two-character name spaced)."""
    return re.compile(r"(?:" + word_pattern("byline_labels")
                      + r"(?:(?P<colon>[:：])|[ \t\u3000])[ \t\u3000]*)+"
                      r"(?P<name>[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]{1,2})"
                      r"(?=[\s)）(（|｜,，。]|$)")


_BYLINE = re.compile(r"[(（]\s*((?:[\u4e00-\u9fff·]{2,6}[\s、]+)*[\u4e00-\u9fff·]{2,6})\s*[)）]")


@per_rule_set
def _not_name() -> re.Pattern:
    """Words of credits and notes in brackets or a byline, never a name (供图, 摄, 来源)."""
    return re.compile(word_pattern("byline_words"))


@per_rule_set
def _name_before_post_note() -> re.Pattern:
    """A name and a parenthesis that ends with a post title (rules/posts.tsv)."""
    posts = sorted((row.post for row in table("posts.tsv")), key=len, reverse=True)
    return re.compile(r"([\u4e00-\u9fff]{2,4})[（(][^（）()]{2,30}(?:"
                      + "|".join(map(re.escape, posts)) + r")[）)]")


@per_rule_set
def _framed_leader() -> re.Pattern:
    """以X为主席 (…以及Y为秘书长的某会领导班子): a name between 以 and 为 and a post title."""
    posts = sorted((row.post for row in table("posts.tsv")), key=len, reverse=True)
    return re.compile(r"(?:以及|以)([\u4e00-\u9fff]{2,4}?)(?:同志)?为(?:"
                      + "|".join(map(re.escape, posts)) + ")")


def _framed_leaders(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """产生了以孟某为主席…的新一届领导班子: the leaders of a body framed by 以…为 <post>."""
    text = sent.text
    return [Candidate(m.start(1), m.end(1), "Person", "extract:framed-leader", m.group(1),
                      "person")
            for m in sent.finditer(_framed_leader())
            if looks_like_name(m.group(1), surnames)
            and not crosses_word(text, m.start(1), m.end(1), (m.start(1), m.end(1)))]


def _outermost(hits: list) -> list:
    """The hits not inside a longer hit of the list."""
    return [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1]
                                       for o in hits)]


#: (an item may carry a note in brackets: 某某(女,兼职)、)
_LIST_ITEM = r"[\u4e00-\u9fff]{2,8}(?:[（(][^（）()、\n]{1,8}[)）])?、"
_NAME_LIST = re.compile(rf"(?:{_LIST_ITEM})+[\u4e00-\u9fff]{{2,6}}?(?=等[\d一二三四五六七八九十百])"
                        rf"|(?:{_LIST_ITEM})+[\u4e00-\u9fff]{{2,4}}")


@per_rule_set
def _counted_people() -> re.Pattern:
    """A list of names closed by a head count of people (等30名同志, 等十位女性: rules/words.tsv
    counted_people)."""
    return re.compile(r"等[\d一二三四五六七八九十百千]+[名位个]?" + word_pattern("counted_people"))

#: Last characters of the role nouns that may stand right before a name (护边员, 草原母亲,
#: 女企业家, 老党员, 致富带头人, 工作者).
_ROLE_END = frozenset("员者家长师手亲人生工匠娘妈姐嫂民农医警兵")


def _name_after_role(sent: Sentence, start: int, end: int, surnames) -> tuple[int, int]:
    """The name at the end of a list's first item, which may start with a role word
    (女带头人齐晓景 -> 齐晓景) or any words the tagger ends before a name (会上选举|邓某); an
    empty span when the item is not a name."""
    text = sent.text
    if end - start <= 4 and (looks_like_name(text[start:end], surnames)
                             or name_word(text[start:end])):
        return start, end  # (李鹏|、: the list's other items decide, _name_lists)
    for cut in (end - 3, end - 2):
        if cut > start and (text[cut - 1] in _ROLE_END or sent.tagged_name_end(cut) == end) \
                and looks_like_name(text[cut:end], surnames):
            return cut, end
    return start, start



#: Tags of a word that may describe the person named right after it (青年, 村干).
_ROLE_TAGS = frozenset(("n", "t"))

#: A family named after a person: the name, then 家庭 ending the phrase (…的王某家庭,).
_FAMILY = re.compile(r"(?:(?<=[、,，:：;；\s])|(?<=^))([\u4e00-\u9fff]{2,8}?)家庭"
                     r"(?=[,，、。;；\s等被获荣]|$)", re.M)

#: One name of a list of officers, its note and the separator after it.
_OFFICER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:[（(][^（）()\n]{1,8}[)）])?"
                      r"(?:[、,，;；]|[ \u3000]+|(?=[。\n]|$))")


#: Tags of words that do not open a name: prepositions, conjunctions, adverbs, particles.
_FUNCTION_TAGS = frozenset(("p", "c", "d", "u", "uj", "ul", "r"))


def _tagged_names(sent: Sentence, surnames,
                  found: list[Candidate]) -> list[Candidate]:
    """Names jieba's tagger reads (its HMM finds unknown ones), with a Han surname, that stand
    after a role word or at a phrase's start and before a verb, a preposition or punctuation
    (村干|黄彬|在, 大学生|何语菲|在, ，|王某|表示)."""
    text, words, common = sent.text, sent.tagged_words, common_words()
    cue_ends = {e for s, e, p in sent.hits_of("person_cue") if p[2] == "before"}
    result = []
    for i, (a, b, tag) in enumerate(words):
        name = text[a:b]
        # (a common word of three characters the tagger reads as a name is a well-known one's:
        # 陈国强|于…; looks_like_name turns away the ordinary words among them)
        if tag not in NAME_TAGS or (name in common and len(name) < 3) \
                or not looks_like_name(name, surnames):
            continue
        # (not after a quotation mark or a space that stands for one: “蒲公英” is a brand)
        titled = text[a - 1:a] in _ROLE_END or text[a - 1:a] in "长记任席理" \
            or a in cue_ends  # 决定|王某|为
        # a two-character word of the dictionary (华章, 桑梓) is a name only after a title
        before = titled or (not (len(name) == 2 and name in dictionary_words()) and (
            a == sent.start or text[a - 1] in CLAUSE_MARKS
            or (words[i - 1][2] in _ROLE_TAGS and words[i - 1][1] - words[i - 1][0] >= 2)))
        after = i + 1 == len(words) or words[i + 1][2] in AFTER_NAME_TAGS
        if after and len(name) == 2 and clause_closing_char(sent, words, i + 1) \
                and looks_like_name(text[a:b + 1], surnames):
            b, name = b + 1, text[a:b + 1]  # 老军人王某|才。: no adverb ends a clause
        # jieba's dictionary tags a few hundred well-known people nrfg (a full name): those
        # need no context
        known = len(name) == 3 and dictionary_words().get(name) == "nrfg" \
            and text[a - 1:a] not in "“\"「 "
        if ((before and after) or known) and not in_list_of_places(text, a, b):
            result.append(Candidate(a, b, "Person", TAGGED_NAME, name, "person", traits=_TAGGED))
    return result


#: The occasion between a speaker's name and the verb of speech (…在调研时|强调).
_SPEECH_OCCASION = re.compile(r"在[^,，。;；、]{1,12}(?:时|中|上|期间)$")


@per_rule_set
def _award_context() -> re.Pattern:
    """Words that say an honour is conferred in the sentence."""
    return re.compile(word_pattern("award_words"))


_TITLE_HOLDER = re.compile(r"称号的([\u4e00-\u9fff]{2,8})(?=[;；。,，]|$)")


def person_names(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Personal names by every rule of ``PERSON_RULES``, each rule given the sentence, the
    surnames and the candidates of the other families; a name the tagger also reads whole is
    confirmed by it, and one a common word runs across is dropped."""
    surnames = compiled_rules()[3]
    result = []
    for rule in PERSON_RULES:
        result += rule(sent, surnames, found)
    result += _confirmed_by_tagger(sent, result)
    result += _joined_names(sent, surnames, result)
    return _uncrossed(sent, result)


def _spelled_names(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """Foreign names spelled by sound that open a phrase or follow a joining word, before an
    action (特朗普|在…发文, 普京和|泽连斯基|当天…, 默克尔|曾…)."""
    text, result, sounds = sent.text, [], transliteration()
    starts = [sent.start] if sent.end - sent.start >= 3 else []
    starts += [m.end() for m in _PHRASE_OPENER.finditer(text, sent.start, sent.end - 3)]
    for pos in starts:
        if not (text[pos] in sounds and text[pos + 1] in sounds and text[pos + 2] in sounds):
            continue  # (such a name spells three characters by sound at least)
        end = spelled_name_at(sent, pos)
        if end:
            result.append(Candidate(pos, end, "Person", SPELLED_NAME, text[pos:end], "person"))
    return result


#: The rule of foreign names read by their spelling alone.
SPELLED_NAME = "extract:spelled-name"

#: What may stand right before a name that opens a phrase.
_PHRASE_OPENER = re.compile("[，,、；;：:“\"（(和与同及据 \n]")




def _joined_names(sent: Sentence, surnames, names: list[Candidate]) -> list[Candidate]:
    """A name with a Han surname joined to a name found (王某和李某一起来到…), read as after a
    post: it ends where jieba's segmentation does."""
    text, result = sent.text, []
    for c in names:
        pos = c.end + 1
        end = person_at(sent, pos, surnames, strict=False) if text[c.end:pos] in JOINING \
            else None
        if end and looks_like_name(text[pos:end], surnames):
            result.append(Candidate(pos, end, "Person", TAGGED_NAME, text[pos:end], "person",
                                    traits=_TAGGED))
    return result


def _award_recipients(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """The recipient right after an honour, or after 的 in an award clause:
    全国三八红旗手标兵赵晶; 获得中华环境奖的殷玉珍."""
    text = sent.text
    result = []
    starts = {c.end for c in found if c.type in ("Honour", "Organisation")}
    if _award_context().search(text, sent.start, sent.end):
        starts |= {m.end() for m in sent.finditer(re.compile("的"))}
    for pos in sorted(starts):
        end = person_at(sent, pos, surnames)
        if end and (end == sent.end or re.match(r"[;；。,，]|获|荣获|被", text[end:end + 2])):
            result.append(Candidate(pos, end, "Person", "extract:award-recipient",
                                    text[pos:end], "person"))
    return result


def _title_holders(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """The holder of a title at the end of a clause, after a short description:
    荣获“人民楷模”国家荣誉称号的草原母亲都贵玛。"""
    text = sent.text
    result = []
    for m in sent.finditer(_TITLE_HOLDER):
        end = m.end()
        for start in range(m.start(1), end - 1):
            if 2 <= end - start <= 4 and (start == m.start(1) or text[start - 1] in _ROLE_END) \
                    and plausible_name(text[start:end]) and not is_word(text[start:end]):
                result.append(Candidate(start, end, "Person", "extract:title-holder",
                                        text[start:end], "person"))
                break
    return result


def _names_after_posts(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A post title followed by a name: 主席王芳, 副主任云静 (委员 of 副委员长 is no title
    there); the names listed after the first share its post (副主席刘丽、张晓雯、吴晓晖)."""
    text = sent.text
    result = []
    for s, e, p in _outermost(sent.hits_of("post")):
        if text[s:e + 1] in common_words():
            continue  # 法定代表|人: the title runs on into a longer word (代表人, 主席团)
        start = e + 1 if text[e:e + 1] == " " else e  # 记者 韦晓明
        start = _link_after_post().match(text, start).end()  # 副主席还有|甲、乙
        # …代表|市科协作报告: a level word opens a body's name, not a person's
        end = None if LEVEL_START.match(text, start) else \
            person_at(sent, start, surnames, strict=False)
        if end and text[start] not in surnames and any(
                start < ps and pe == end for ps, pe, _ in sent.hits_of("place")):
            end = None  # 市长|到岳麓区调研: a place closes it and no surname opens a name
        if end and end - start == 2 and text[start] == text[start + 1]:
            end = None  # 总书记|殷殷嘱托: a doubled character is an adverb, not a name (nor
            # is it with a surname: looks_like_name)
        if end and name_word(text[start:end]) and not name_word_ends(sent, end):
            end = None  # 部长|安静地: a word jieba tags as a name is one only before a verb
        if end:
            result.append(Candidate(start, end, "Person", p[2], text[start:end], "person",
                                    traits=_STRONG))
        while end and text[end:end + 1] == "、":
            start, end = end + 1, person_at(sent, end + 1, surnames)
            if end and (looks_like_name(text[start:end], surnames)
                        or (name_word(text[start:end]) and name_word_ends(sent, end))):
                result.append(Candidate(start, end, "Person", p[2], text[start:end], "person",
                                        traits=_STRONG))
        if end and p[1] in byline_titles():
            result += spaced_reporters(sent, end, surnames, p[2], _STRONG)
    return result


@per_rule_set
def _link_after_post() -> re.Pattern:
    """A word between a post and the names listed as its holders (副主席还有|甲、乙:
    rules/words.tsv name_links)."""
    return re.compile(rf"{word_pattern('name_links')}?[:：]?")


def _names_before_posts(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A name before a post title or a person cue: 习近平总书记, 王芳同志, 李梅表示; or before
    the occasion of the speech: 张建国在调研时强调."""
    text = sent.text
    result = []
    # (a post title opens no name: 常委及|主席 is a list of posts)
    post_starts = {a for a, _, _ in sent.hits_of("post")}
    # (a cue inside a longer one is not read alone: 任 of 出任)
    for s, e, p in _outermost(sent.hits_of("post")) + _outermost(sent.hits_of("person_cue")):
        if p[0] == "person_cue" and p[2] != "after":
            continue
        occasion = _SPEECH_OCCASION.search(text, sent.start, s) if p[0] == "person_cue" else None
        if occasion:
            s = occasion.start()
        elif text[s - 1:s] == "等":
            s -= 1  # A、B等当选: 等 closes the list, it is no part of the name
        for length in (4, 3, 2):
            start = s - length
            if start >= sent.start and sent.limit(start) <= start and sent.is_name(start, s) \
                    and start not in post_starts \
                    and (looks_like_name(text[start:s], surnames)
                         or name_word_before_post(sent, start, s, e, p)) \
                    and not crosses_word(text, start, s, (start,)) \
                    and not (p[0] == "post" and text[s - 1] in UNIT_END) \
                    and not (text[s - 1] in PREPOSITIONS  # 金某|向…获得: no name before 获得
                             and sent.tagged_name_end(start) == s - 1) \
                    and sent.tagged_word_tag(start) not in _FUNCTION_TAGS \
                    and sent.tagged_start(start, s):  # 向|获奖|代表, 作业班|工作, 官网|介绍
                result.append(Candidate(start, s, "Person", p[-1], text[start:s], "person",
                                        traits=_STRONG if p[0] == "post" else frozenset()))
                break
    return result


def _family_heads(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A family named after its head (…的王某家庭, 王某家庭被评为…) names a person."""
    text = sent.text
    result = []
    for m in sent.finditer(_FAMILY):
        for start in range(m.start(1), m.end(1) - 1):
            if looks_like_name(text[start:m.end(1)], surnames) \
                    and (start == m.start(1) or text[start - 1] == "的"):
                result.append(Candidate(start, m.end(1), "Person", "extract:family-head",
                                        text[start:m.end(1)], "person"))
                break
    return result


#: The blanks between a post opening a line and the names of its holders (副主席  甲 乙).
_TABLE_ROW_GAP = re.compile(r"[ \t\u3000]+")


def _officer_lists(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """Names listed after a post and a colon, one per item (副主席:甲、乙(女)、丙(兼);
    理事:甲 乙), or after a post opening a line and blanks (a table row: 副主席 甲 乙)."""
    text = sent.text
    result = []
    for s, e, p in _outermost(sent.hits_of("post")):
        row = _TABLE_ROW_GAP.match(text, e)
        if text[e:e + 1] in ":：":
            pos = e + 1
        elif row and not text[text.rfind("\n", 0, s) + 1:s].strip():
            pos = row.end()
        else:
            continue
        for item in _OFFICER.finditer(text, pos, sent.end):
            if item.start() != pos:
                break
            name = item.group("name")
            if not (looks_like_name(name, surnames) or (name[:2] in surnames
                                                        and 3 <= len(name) <= 4)):
                break
            result.append(Candidate(item.start("name"), item.end("name"), "Person", OFFICER_LIST,
                                    name, "person", traits=_STRONG | _TAGGED))
            pos = item.end()
    return result


def _names_after_cues(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A name after a person cue that comes before names (同志, 代表) or after an occupation
    (作家, 村民), where the context is as strong as after a post (护士 of 护士长 is part of
    the post)."""
    text = sent.text
    result = []
    for s, e, p in _outermost(sent.hits_of("post") + sent.hits_of("person_cue")):
        if p[0] == "person_cue" and p[2] in ("before", "role") \
                and text[e:e + 1] not in PREPOSITIONS:  # (团干部|向…学习: no name)
            end = person_at(sent, e, surnames, strict=p[2] == "before",
                            by_segmentation=False)
            if end:
                result.append(Candidate(e, end, "Person", p[-1], text[e:end], "person"))
    return result


def _counted_names(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """One name before a head count: 吴桂兰等3人荣获…"""
    text = sent.text
    result = []
    for m in sent.finditer(_counted_people()):
        for length in (3, 2, 4):
            start = m.start() - length
            if start >= sent.start and sent.limit(start) <= start \
                    and looks_like_name(text[start:m.start()], surnames) \
                    and text[start - 1:start] != "、":
                result.append(Candidate(start, m.start(), "Person", "extract:counted-name",
                                        text[start:m.start()], "person"))
                break
    return result


def _names_with_post_notes(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A name before a parenthesis that gives the post: 王芳（自治区妇联主席）."""
    text = sent.text
    result = []
    for m in sent.finditer(_name_before_post_note()):
        for start in range(m.start(1), m.end(1) - 1):
            if looks_like_name(text[start:m.end(1)], surnames) \
                    and sent.limit(start) <= start:
                result.append(Candidate(start, m.end(1), "Person", "extract:name-post-note",
                                        text[start:m.end(1)], "person"))
                break
    return result


def _bracketed_bylines(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """Bylines in brackets at the end of a paragraph: (武艳丽), (张三 李四)."""
    text = sent.text
    result = []
    for m in sent.finditer(_BYLINE):
        tokens = re.split(r"[\s、]+", m.group(1).strip())
        if _not_name().search(m.group(1)) or not all(2 <= len(t) <= 4 for t in tokens):
            continue
        if any(NUMERAL.match(t, len(t) - 1) for t in tokens):
            continue  # a caption's position, 某某(左一)在…, 某某(前排左二)9月…, is no byline
        if sum(t[0] in surnames or t[:2] in surnames for t in tokens) * 2 < len(tokens):
            continue
        pos = m.start(1)
        for token in tokens:
            start = text.index(token, pos)
            result.append(Candidate(start, start + len(token), "Person", "extract:byline",
                                    token, "person"))
            pos = start + len(token)
    return result


def _table_rows(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """A table row opened by a name, then a blank and a unit (李 娜 某市实验中学 教师): a
    two-character name may be spaced out for alignment."""
    unit_starts = {c.start for c in found if c.type == "Organisation"}
    result = []
    for m in sent.finditer(_ROW_NAME):
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        if m.end() in unit_starts and looks_like_name(name, surnames):
            result.append(Candidate(m.start("name"), m.end("name"), "Person", "extract:table-row",
                                    name, "person"))
    return result


def _labelled_bylines(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """Labelled bylines: 作者:王某, 责任编辑:王某, (记者 王 某): a name spaced out for
    alignment is one; after a colon a name needs no Han surname (编辑:小某)."""
    result = []
    for m in sent.finditer(_byline_label()):
        name = re.sub(r"\s", "", m.group("name"))
        if (looks_like_name(name, surnames) or (m.group("colon") and 2 <= len(name) <= 3
                                                and not is_word(name))) \
                and not _not_name().search(name):
            result.append(Candidate(m.start("name"), m.end("name"), "Person", "extract:byline",
                                    name, "person"))
    return result


def _name_lists(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """、-lists of names: 齐晓景、赵丽杰、杨颖被评为…; after a colon under an honour heading.
    Every item but a leading phrase must be a name, and there must be two at least."""
    text = sent.text
    result = []
    # (the list pattern is slow to try at every character: an item and its 、 take 18 at most)
    for m in matches_before(_NAME_LIST, text, sent.start, sent.end, "、", 18):
        counted = _counted_people().match(text, m.end())  # …、达瓦央宗等30名同志
        spans = _list_item_spans(sent, m, counted, surnames)  # (none: no result)
        # a frequent word jieba tags as a name (李鹏) among names that look like names
        named = any(looks_like_name(text[a:b], surnames) for a, b in spans)
        names = [(a, b) for i, (a, b) in enumerate(spans) if b > a and (
            looks_like_name(text[a:b], surnames) or (named and name_word(text[a:b]))
            or (counted and 2 <= b - a <= 6 and plausible_name(text[a:b]))
            # between two names, a rare surname will do (…、郗某、…)
            or (0 < i < len(spans) - 1 and 2 <= b - a <= 3 and not is_word(text[a:b])
                and looks_like_name(text[spans[i - 1][0]:spans[i - 1][1]], surnames)
                and looks_like_name(text[spans[i + 1][0]:spans[i + 1][1]], surnames)))]
        if len(names) >= 2 and len(names) >= len(spans) - 1 and spans[-1] in names:
            result += [Candidate(a, b, "Person", NAME_LIST, text[a:b], "person", traits=_STRONG)
                       for a, b in names]
    return result


#: A line of names separated by commas after a label and its colon (2016年:甲,乙,丙,丁。).
_COMMA_LIST = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[,，][\u4e00-\u9fff]{2,4}){2,}(?=[。;；\n]|$)")


def _comma_name_lists(sent: Sentence, surnames, found: list[Candidate]) -> list[Candidate]:
    """Names listed with commas, three or more, that make up a whole line or follow a colon
    (2016年:甲,乙,丙。): when every item looks like a name (a surname and one or two more
    characters, no ordinary word), each is one."""
    text, result = sent.text, []
    for m in sent.finditer(_COMMA_LIST):
        if m.start() > sent.start and text[m.start() - 1] not in ":：\n":
            continue
        items = list(re.finditer(r"[^,，]+", m.group()))
        if all(looks_like_name(item.group(), surnames) for item in items):
            result += [Candidate(m.start() + i.start(), m.start() + i.end(), "Person", NAME_LIST,
                                 i.group(), "person", traits=_STRONG) for i in items]
    return result


def _list_item_spans(sent: Sentence, match: re.Match, counted, surnames) -> list[tuple[int, int]]:
    """The spans of the items of a 、-list, the first cut to the name at its end (授予|次仁卓玛,
    女带头人|齐晓景), the last to the name at its start (or to the head count after it); none
    when the last item starts no name (then the list is not one of names)."""
    items = match.group().split("、")
    last_start = match.end() - len(items[-1])
    last_end = match.end() if counted else person_at(sent, last_start, surnames)
    if not last_end:
        return []
    spans, pos = [], match.start()
    for item in items:
        spans.append((pos, pos + len(re.split(r"[（(]", item)[0])))
        pos += len(item) + 1
    first_start, first_end = spans[0]
    first_start = max(first_start, sent.limit(first_end - 1))  # 授予|次仁卓玛
    spans[0] = (first_start, first_end)
    if not (counted and first_end - first_start <= 6):
        spans[0] = _name_after_role(sent, first_start, first_end, surnames)
    spans[-1] = (last_start, last_end)
    return spans


def _confirmed_by_tagger(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A name a rule found that the tagger also reads whole is confirmed by it (副主席:周长|某)."""
    return [Candidate(c.start, c.end, "Person", TAGGED_NAME, c.key, "person", traits=_TAGGED)
            for c in found
            if c.rule_id != TAGGED_NAME and c.key not in common_words()
            and sent.tagged_as_name(c.start, c.end)]


def _uncrossed(sent: Sentence, names: list[Candidate]) -> list[Candidate]:
    """The names no common word runs across: a word across an edge tells against the name,
    unless a rule word is known to start right there (沈跃跃|出席 despite 跃出; 主席|王芳 despite
    席王)."""
    text = sent.text
    known = sent.word_starts | {e for s, e, _ in sent.hits if s in sent.word_starts}
    return [c for c in names if not crosses_word(
        text, c.start, c.end, tuple(edge for edge in (c.start, c.end) if edge not in known
                                    and not (edge == c.end and name_after().match(text, edge))))]


#: The rules of people in the order they run, each ``rule(sentence, surnames, found)``.
PERSON_RULES = (_award_recipients, recipients_opening, _title_holders, _names_after_posts, _names_before_posts,
                _tagged_names, _spelled_names, _family_heads, _officer_lists, _names_after_cues, _counted_names,
                _names_with_post_notes, _bracketed_bylines, _table_rows, _labelled_bylines,
                _name_lists, _comma_name_lists, _framed_leaders)

