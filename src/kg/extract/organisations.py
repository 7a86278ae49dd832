"""Organisations: known national bodies, names ending in an organisation suffix, departments,
standing organs, units in chains of posts, titles in 《》, news outlets in bylines and the
governments a head's post names (深圳市市长); and the regular-expression rules (patterns.tsv,
organisations and programmes). Titles in 《》 and news outlets in bylines are ``media``'s.

Reads: Place candidates (the anchors a name starts from, a foreign country before a short form)
and the Organisation candidates found before each rule. Tables: org_known.tsv,
org_suffixes.tsv, patterns.tsv, levels.tsv (use org), posts.tsv and surnames.tsv (a post and
its holder end a name).
"""
from __future__ import annotations

import re

from ..errors import RuleError
from ..places import COUNTRY, place_index
from ..rules import per_rule_set, word_pattern, words
from .lexicon import compiled_rules, level_words
from .bodies import (bilateral, company_form, headed_by_its_title, names_a_post_holder,
                     opens_a_name, opens_with_post_holder, phrase_start, places_within_parent)
from .names import looks_like_name, person_at
from .sentence import (ANCHOR_ONLY, BELOW, Candidate, DESCRIBING, GENERIC_BODY, LEVEL_START,
                       NAME_CHAR, NAME_CONJUNCTIONS, NAME_FOLLOW, Sentence, dictionary_words,
                       segmented_at, word_ending_at)
_OPENING_BRACKETS = frozenset("(（")
_CLOSING_BRACKETS = frozenset(")）")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+[届次期]")
#: A body's term between its place and its name (某区新一届侨联, 某市十五届人大常委会).
_TERM = re.compile(r"(?:新一|本|第?[一二三四五六七八九十百\d]+)届")


def known_organisations(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """National bodies by name or short form; a short form after another country (法国外交部,
    or a few words after it in the same phrase: 法国欧洲和外交部长) is that country's body, left
    to the organisation rules; one followed by 员 names a member (共青团员), not the body, and
    one of words.tsv prefix_only_bodies opening a longer name only anchors it (共青团|某市委)."""
    foreign_ends = [c.end for c in places if place_index().level(c.key) == "country"
                    and c.key != COUNTRY]
    return [Candidate(s, e, "Organisation", p[2], p[1], "lexicon",
                      traits=frozenset((ANCHOR_ONLY,) if opens_a_name(sent, s, e) else ()))
            for s, e, p in sent.hits_of("org_known")
            if not (sent.text[s:e] != p[1] and any(
                _FOREIGN_WORDS.fullmatch(sent.text, end, s) for end in foreign_ends if end <= s))
            and sent.text[e:e + 1] != "员"]


#: What may stand between another country and its body's short form: a few words of the
#: body's own name or of a post held with it (欧洲和|外交部, 联邦委员兼|外交部长).
_FOREIGN_WORDS = re.compile(r"[\u4e00-\u9fff]{0,7}")


def pattern_names(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The names the regular-expression rules (rules/patterns.tsv) read whole."""
    patterns = compiled_rules()[1]
    found = []
    for entity_type, regex, canonical, rule_id, needed in patterns:
        if needed is not None and needed.search(sent.text, sent.start, sent.end) is None:
            continue  # (the sentence holds none of the characters the pattern needs)
        for m in regex.finditer(sent.text, sent.start, sent.end):
            try:
                key = canonical.format(**m.groupdict()) if canonical else m.group()
            except (KeyError, IndexError):
                raise RuleError(rule_id, 0, "canonical name uses a group the regex does "
                                            "not have") from None
            found.append(Candidate(m.start(), m.end(), entity_type, rule_id, key, "pattern",
                                   "pattern"))
    return found


def _anchor_start(sent: Sentence, left: int, right: int, anchors: list[Candidate]) -> int | None:
    """The start of the first place, known body or level word between ``left`` and ``right``."""
    # (a place in brackets inside a name, 通用磨坊(中国)投资有限公司, starts nothing)
    starts = [a.start for a in anchors if left <= a.start < right and a.end <= right
              and not (sent.text[a.start - 1:a.start] in _OPENING_BRACKETS
                       and sent.text[a.end:a.end + 1] in _CLOSING_BRACKETS)]
    if _org_level_word().match(sent.text, left, right) \
            and not (sent.text.startswith("我", left) and starts):
        # (我市 before a name that has its own place, 我市福建某某公司, is not part of it)
        starts.append(left)
    if bilateral().match(sent.text, left, right):
        starts.append(left)  # 中美|友好协会: two countries open a bilateral body's name
    return min(starts) if starts else None


@per_rule_set
def _org_level_word() -> re.Pattern:
    """A level word that opens an organisation's name (rules/levels.tsv, use org)."""
    return re.compile("|".join(map(re.escape, level_words("org"))) or "(?!)")


def suffix_ends_name(sent: Sentence, suffix: str, end: int) -> bool:
    """A suffix must not run on into a longer dictionary word (部 in 部分, 大学 in 大学毕业);
    a one-character suffix (部, 局, 委 …) must also be followed by a word start; a word of
    people that ends like a unit (机关干部) ends none."""
    if sent.text.endswith(words("unit_like_words"), sent.start, end):
        return False
    if end in sent.word_starts:
        return True
    if not segmented_at(sent, end):
        return False
    # a one-character suffix must not end a two-character word (局 in 大局, 部 in 干部), unless
    # the word is a level word and the suffix (市委, 省委: the city's or province's committee)
    word = word_ending_at(sent, end)
    return len(suffix) > 1 or not (len(word) == 2 and word in dictionary_words()
                                   and word[0] not in level_words("org"))


def _is_anchor(candidate: Candidate) -> bool:
    if candidate.type == "Organisation":
        return True
    return candidate.type == "Place" and (
        BELOW in candidate.traits
        or place_index().level(candidate.key) in ("province", "prefecture", "county", "country",
                                                  "continent"))  # (欧洲航天局)


def _joined_place_start(sent: Sentence, found: list[Candidate], left: int, s: int) -> int | None:
    """Where a name starts whose place's short name comes before 联合 (中国联合网络通信有限公司,
    北京联合大学: 联合 is part of the name; after 株洲市 it is the city joining a partner), or
    None."""
    text = sent.text
    joint = left - len(_JOINT)
    if not text.startswith(_JOINT, joint) or s - left > 8 or not any(
            c.type == "Place" and c.end == joint and _is_anchor(c)
            and text[joint - 1] not in _DIVISION_ENDS for c in found):
        return None
    return next(c.start for c in found if c.type == "Place" and c.end == joint)


def _names_no_body(sent: Sentence, start: int, s: int, e: int, suffix: str, key: str) -> bool:
    """Whether ``text[start:e]``, ending in ``suffix`` at ``s``, names no body: it opens with a
    bracket, is a generic body (各级妇联) or a kind of company, ends before a post and its
    holder, or has 中心 for "central"."""
    text = sent.text
    body = text[start:s]
    if text[start] in _OPENING_BRACKETS:
        return True
    if not key and (not body or GENERIC_BODY.match(body)) \
            and body not in ("自治区", "省", "市", "盟", "旗", "县", "区", "中共", "全国"):
        return True
    if text[start:e] in words("generic_companies"):
        return True  # 集团公司, 子公司: a kind of company, not one named
    if names_a_post_holder(sent, start, s):
        return True  # 国务院总理李强作政府…: a post and its holder end any name before them
    if opens_with_post_holder(sent, start, s):
        return True  # 张某代表|集团公司签订…: a name and a post title open no body's name
    if sent.tagged_name_end(start) is not None and start < sent.tagged_name_end(start) < s:
        return True  # 林某|肯定|某医院: a person and a verb open no body's name
    # 中心 before a body's word is "central" (市中心医院, 镇中心小学)
    return suffix == "中心" and any(e <= s2 and e2 - e <= 4 and sent.is_name(e, e2)
                                    and p2[3] in ("body", "top")
                                    for s2, e2, p2 in sent.suffix_hits)


def suffixed_organisations(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Names ending in an organisation suffix of kind top or body (妇联, 人民医院), starting at
    the place, known body or level word before the suffix (or at the name's first character
    where the suffix's rule allows a bare name: 清华大学), after any body named before it by its
    own suffix."""
    anchors = [c for c in found if _is_anchor(c)]
    result: list[Candidate] = []
    text = sent.text
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        if needs == "country" and (text[e:e + 1] == "长" or suffix_ends_name(sent, suffix, e)):
            result += _foreign_body(found, s, e, rule_id)  # (…外交部|长: its minister)
        if kind in ("department", "organ") or needs == "country" \
                or not suffix_ends_name(sent, suffix, e) \
                or text[s - 1:s] in _OPENING_BRACKETS or company_form().match(text, e):
            continue  # (集团) inside a company's name ends nothing, nor does 集团|有限公司
        left = _after_taking_verb(sent, sent.limit(s), s, found)
        if needs == "any":
            left = _across_conjunction(sent, left, s, found + result)
        # a body named before this one by its own suffix is not part of its name
        # (自治区妇联平安内蒙古建设工作领导小组); national short forms are (中共内蒙古…委员会)
        cut = max([left] + [c.end for c in found + result if c.type == "Organisation"
                            and c.family not in ("lexicon", "pattern") and left < c.end <= s])
        start = _anchor_start(sent, cut, s, anchors)
        if cut > left and (start is None or needs == "any"):
            start = cut if s - cut >= (2 if needs == "any" else 99) else None
        left = cut
        key = ""
        joined = _joined_place_start(sent, found, left, s) if needs == "any" else None
        if joined is not None:
            left = start = joined
        if start is not None and needs == "any" and start > left \
                and _opens_with_proper_word(text, left, start, suffix):
            start = left  # 哈工大郑州研究院: a body's short name before the place is its own
        if start is None:
            listed = _list_prefix(text, left, result)
            term = next((p for p in anchors if p.type == "Place"
                         and _TERM.fullmatch(text, p.end, s)), None)
            if term is not None:  # 某区|新一届|侨联: the place's body, the term no part of it
                start, key = term.start, text[term.start:term.end] + text[s:e]
            elif listed is not None and 0 <= s - left <= 6:
                start, key = left, listed + text[left:e]
            elif needs == "any" and 2 <= s - left <= 10 \
                    and dictionary_words().get(word_ending_at(sent, s)) not in DESCRIBING:
                start = left  # a bare name (清华大学), not a description (优秀大学毕业生)
            elif headed_by_its_title(sent, s, e):
                # 发展局|局长某某: a bureau named bare before its head's title
                start = phrase_start(sent, s)
            else:
                continue
        if suffix in words("stationed_offices"):
            start = _stationed_start(text, found, start)
        ordinal = _ORDINAL.match(text, start)
        if ordinal and not key and ordinal.end() < s:
            start = ordinal.end()  # 第二届全国…协会: the ordinal belongs to an event named later
        if _names_no_body(sent, start, s, e, suffix, key):
            continue
        result.append(Candidate(start, e, "Organisation", rule_id, key, "org"))
    return result


def _stationed_start(text: str, found: list[Candidate], start: int) -> int:
    """驻 and the place an office is stationed in open its name (驻某市台北经济文化办事处)."""
    before = next((c.start for c in found if c.type == "Place" and c.end == start), start)
    return before - 1 if text[before - 1:before] == "驻" else start


def _opens_with_proper_word(text: str, left: int, start: int, suffix: str) -> bool:
    """Whether the words before the place a body's name holds are a proper word of its own:
    a body's short name (哈工大|郑州研究院), or, for a body of natives, the place where they
    live (长崎|福建同乡会, 波士顿|台山同乡会: words.tsv native_bodies)."""
    tag = dictionary_words().get(text[left:start])
    return tag in _PROPER_NAME_TAGS or (tag in _PLACE_TAGS and suffix in words("native_bodies"))


#: jieba's tags of a foreign place's name (长崎 ns; 波士顿 nr).
_PLACE_TAGS = frozenset(("ns", "nr"))


@per_rule_set
def _taking_verb_before_level() -> re.Pattern:
    """A verb of taking a post or of speaking for a body (rules/words.tsv post_taking_verbs,
    acting_for_verbs) before a level word."""
    return re.compile("(?:" + word_pattern("post_taking_verbs") + "|"
                      + word_pattern("acting_for_verbs") + ")"
                      + "(?=" + "|".join(map(re.escape, level_words("org"))) + ")")


def _after_taking_verb(sent: Sentence, left: int, right: int, found: list[Candidate]) -> int:
    """Where a body's name may start when a name and a verb of taking a post or of speaking
    for a body come before its level word (王某|任|县妇联主席, 李某|代表|市科协致辞): after the
    verb, not at the name (nor after a place: 邢台市|任县妇联 is the county's)."""
    text, surnames = sent.text, compiled_rules()[3]
    place_ends = {c.end for c in found if c.type == "Place"}
    for m in _taking_verb_before_level().finditer(text, left, right):
        if m.start() not in place_ends and any(
                looks_like_name(text[m.start() - n:m.start()], surnames)
                for n in (2, 3) if m.start() - n >= left):
            left = m.end()
    return left


def _across_conjunction(sent: Sentence, left: int, suffix_start: int,
                        found: list[Candidate]) -> int:
    """Where a unit's name may start (``left``, or the start of the words before the
    conjunction) when a conjunction joins two of its words right after its parent body
    (某大学|汽车与交通工程学院; not 某大学与|某学院: there the body ends at 与)."""
    text = sent.text
    if left - 2 < sent.start or text[left - 1] not in NAME_CONJUNCTIONS \
            or suffix_start - left > 6:
        return left
    before = sent.limit(left - 2)
    if any(c.type == "Organisation" and c.end == left - 1 for c in found):
        return left  # 党中央|和: a body's name ends at the conjunction
    return before if any(c.type == "Organisation" and before <= c.end
                         and 2 <= left - 1 - c.end <= 4 and sent.is_name(c.end, left - 1)
                         for c in found) else left


def _foreign_body(found: list[Candidate], start: int, end: int, rule_id: str) -> list[Candidate]:
    """A body of another country, named by the country right before its word (法国|外交部,
    美国|国务院); the word alone is China's body (org_known.tsv) or no name."""
    return [Candidate(c.start, end, "Organisation", rule_id, "", "org") for c in found
            if c.type == "Place" and c.end == start and c.key != COUNTRY
            and place_index().level(c.key) == "country"][:1]


#: "Joint", a boundary word elsewhere (A 联合 B 开展), inside a name right after its place.
_JOINT = "联合"
_DIVISION_ENDS = frozenset("省市县区州盟旗")

#: jieba tags of an organisation's or a brand's own short name (哈工大, 中国联通).
_PROPER_NAME_TAGS = frozenset(("nt", "nz", "j"))


def _list_prefix(text: str, left: int, previous: list[Candidate]) -> str | None:
    """In 自治区检察院、科技厅、教育厅 the later items share the first item's place prefix."""
    if left < 1 or text[left - 1] != "、":
        return None
    for c in reversed(previous):
        if c.end == left - 1:
            prefix = c.key[:-(c.end - c.start)] if c.key else ""
            if prefix:
                return prefix
            for word in ("自治区", "全国", "省", "市"):
                if text.startswith(word, c.start):
                    return word
            return None
    return None


def departments(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A unit right after its parent organisation: 自治区妇联权益部, 兴安盟人民医院妇二科; a
    unit found so far is a parent too (某大学|医学院|附属某医院)."""
    # (a verb that opens a phrase right after a body is no part of a unit: 县总工会|有|基层工会)
    openers = {a for a, _, _ in sent.hits_of("opener")}
    parents = [c for c in found if c.type == "Organisation" and c.end not in openers]
    surnames = compiled_rules()[3]
    result: list[Candidate] = []
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        if kind in ("top", "organ") or needs == "country" or not suffix_ends_name(sent, suffix, e):
            continue
        left = _across_conjunction(sent, sent.limit(s), s, parents + result)
        # the unit's own words (妇二 in 妇二科) are at most five characters, or two words
        # joined by a conjunction, a two-word suffix after them (汽车与交通工程学院,
        # 宏观经济与政策评估研究中心)
        # (seven for a unit a place or parent must anchor: 某总站|日喀则边境管理支队)
        reach = (7 if needs == "anchor" else 5) if left == sent.limit(s) else 11
        # (the parent reaching furthest back first: 某总站某支队|某派出所, not 某支队|某派出所)
        for parent in sorted(parents + result, key=lambda c: (c.start, -c.end)):
            # (and they hold no post title and its holder: 海港队|主教练|莱科, a coach)
            if left <= parent.start and parent.end <= s <= parent.end + reach \
                    and sent.is_name(parent.end, s) \
                    and (needs != "anchor" or places_within_parent(found, parent, s)) \
                    and not any(parent.end <= a and b < s and person_at(sent, b, surnames, False)
                                for a, b, _ in sent.hits_of("post")):
                result.append(Candidate(parent.start, e, "Organisation", rule_id, "",
                                        "department"))
                break
            # a unit the parent sets up: 自治区妇联单独设置组织部
            sets_up = _sets_up().match(sent.text, parent.end)
            if kind == "department" and sets_up and sets_up.end() <= s \
                    and e - sets_up.end() <= 8 and sent.is_name(sets_up.end(), e) \
                    and sent.limit(s) <= sets_up.end():
                result.append(Candidate(sets_up.end(), e, "Organisation", rule_id,
                                        (parent.key or sent.text[parent.start:parent.end])
                                        + sent.text[sets_up.end():e], "department"))
                break
        else:
            unit = _next_unit_set_up(sent, result, s, e, rule_id) if kind == "department" else []
            if kind in ("department", "body"):
                result += unit or _officers_unit(sent, parents, s, e, rule_id)
    return result


def _next_unit_set_up(sent: Sentence, result: list[Candidate], s: int, e: int,
                      rule_id: str) -> list[Candidate]:
    """The next item of a list of units a body sets up (县妇联机关内设办公室、组织部): the
    unit after 、 or 和 right after one set up is the same body's."""
    text = sent.text
    for before in result:
        start = before.end + 1
        if before.key and before.start < before.end < s and text[before.end] in "、和及" \
                and e - start <= 8 and sent.limit(s) <= start and sent.is_name(start, e):
            body = before.key[:len(before.key) - (before.end - before.start)]
            return [Candidate(start, e, "Organisation", rule_id, body + text[start:e],
                              "department")]
    return []


def _officers_unit(sent: Sentence, parents: list[Candidate], s: int, e: int,
                   rule_id: str) -> list[Candidate]:
    """某会副书记甲、宣传部部长乙: a unit named bare after 、 in a list of a body's officers,
    with its own post and holder after it, is that body's (one named in full, 市总工会, is
    its own)."""
    text, surnames = sent.text, compiled_rules()[3]
    start = sent.limit(s)
    if text[start - 1:start] != "、" or s - start > 5 or not sent.is_name(start, s) \
            or any(p.end == e for p in parents) \
            or not any(a == e and person_at(sent, b, surnames, False)
                       for a, b, _ in sent.hits_of("post")):
        return []
    for a, b, _ in sent.hits_of("post"):
        # (the officer before opens the list: 中新社副总编辑兼|某网总裁甲、某部主任乙 is not
        # the second body's)
        parent = next((p for p in parents if p.end == a and (
            p.start == sent.start or not NAME_CHAR.match(text[p.start - 1]))), None)
        if parent is not None and person_at(sent, b, surnames, False) == start - 1:
            return [Candidate(start, e, "Organisation", rule_id, (
                parent.key or text[parent.start:parent.end]) + text[start:e], "department")]
    return []


@per_rule_set
def _sets_up() -> re.Pattern:
    """A verb of setting up a unit inside its body (妇联|设立|权益部, 妇联|机关内设|办公室)."""
    return re.compile(r"(?:机关)?(?:单独|新|增)?" + word_pattern("setting_up_verbs"))


def units_in_post_chains(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A unit named without its body inside a chain of posts is the body's (全国妇联主席、
    书记处书记、党组成员: 书记处 and 党组 of 全国妇联; 市委副书记、政法委书记: 市委's 政法委)."""
    text = sent.text
    ends = {c.end: c for c in found if c.type == "Organisation"}
    post_ends: dict[int, int] = {}
    for s, e, _ in sent.hits_of("post"):
        # the longest title ending there that starts where a unit ends, else the longest
        # (青山村党支部|书记, not 青山|村党支部书记; 全国妇联|党组副书记)
        known = post_ends.get(e)
        if known is None or (s in ends, -s) > (known in ends, -known):
            post_ends[e] = s
    post_starts = {s for s, _, _ in sent.hits_of("post")}
    # a unit that names its own place or body (、贵阳市妇儿工委主任) is no part of the first
    named = {c.start for c in found if c.type in ("Organisation", "Place")}
    result = []
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        left = sent.limit(s)
        # (村|委会主任: a village's or community's own body, rules/words.tsv village_suffixes)
        village = re.compile(word_pattern("village_suffixes")).match(text, left, e)
        if kind == "top" or needs == "country" or left == s and len(suffix) < 2 \
                or text[left - 1:left] != "、" \
                or not (e in post_starts or _head_of_unit(sent, s, e)) \
                or left in named or LEVEL_START.match(text, left) and not village:
            continue
        pos = left - 1  # back over the posts of the chain to the body that opens it
        while pos in post_ends and pos not in ends:
            pos = post_ends[pos]
            pos = pos - 1 if text[pos - 1:pos] == "、" else pos
        parent = ends.get(pos)
        if parent is None or pos >= left - 1:
            continue
        name = parent.key or text[parent.start:parent.end]
        if village:
            # 某村党支部书记、村委会主任: the committee of the village the branch is named after
            at = name.rfind(village.group())
            if at < 0:
                continue
            name = name[:at + len(village.group())]
        result.append(Candidate(left, e, "Organisation", rule_id, name + text[left:e],
                                "department"))
    return result





def _head_of_unit(sent: Sentence, s: int, e: int) -> bool:
    """Whether the unit's word ``[s, e)`` runs into its head's title, the title's first
    character its last (统战部|长: 统战部部长 written short, like 外交部长)."""
    return sent.text[e:e + 1] == "长" and any(a == e - 1 and b == e + 1
                                              for a, b, _ in sent.hits_of("post"))


_NUMBER = r"[一二三四五六七八九十百零〇\d]+"

#: The term of an organ or a meeting (第十二届, 十二届), ending where the organ's word starts.
_TERM_BEFORE = re.compile(rf"(?:第?({_NUMBER})届)$")
ORGAN = "extract:organ"


def organs(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A body's standing organs (rules/org_suffixes.tsv, kind organ): 全国妇联书记处,
    市妇联十五届执委会; after an ordinal term alone (第五届主席团) the organ is the document's
    own body's, which ``resolve`` names (its key starts with the term)."""
    text = sent.text
    ends = {c.end: c for c in found if c.type == "Organisation"}
    result = []
    for s, e, (_, suffix, full, kind, rule_id, needs) in sent.suffix_hits:
        if kind != "organ" or not suffix_ends_name(sent, suffix, e):
            continue
        term = _TERM_BEFORE.search(text, max(sent.start, s - 8), s)
        at = term.start() if term else s
        parent = ends.get(at)
        if parent is None and term is None:
            continue  # a bare 理事会 is no name
        if parent is None and at > sent.start and NAME_CHAR.match(text[at - 1]) \
                and text[at - 1] not in NAME_FOLLOW and at not in sent.word_starts \
                and not segmented_at(sent, at):
            continue  # the term is the end of a longer word
        name = (full or suffix) if (suffix != "执委" or term) else None
        if name is None:
            continue  # 执委 alone is a member of the committee, not the committee
        key = (f"第{term.group(1)}届" if term else "") + name
        start = at
        if parent is not None:
            start, key = parent.start, (parent.key or text[parent.start:parent.end]) + key
        result.append(Candidate(start, e, "Organisation", ORGAN, key, "department", "organ"))
    return result


#: The rule of the government a head of a level's government holds office in.
GOVERNMENT_OF_POST = "extract:government-of-post"

@per_rule_set
def _government_title() -> re.Pattern:
    """The head (or deputy head) of a level's government: 省长, 常务副市长, 代县长, 区长
    (rules/words.tsv post_deputies, head_levels)."""
    return re.compile(rf"{word_pattern('post_deputies')}?({word_pattern('head_levels')})长")

#: Between a place and its government's head: nothing, or the rest of a body named after the
#: place and its posts (长沙市|委副书记、|市长).
_CHAIN_TO_TITLE = re.compile(r"(?:[^,，。;；:：\s]{1,12}、)?")


@per_rule_set
def _takes_post() -> re.Pattern:
    """A verb of taking or leaving a post right before the place of a head's post
    (出任|株洲市长, 辞去|某县县长职务: rules/words.tsv post_taking_verbs)."""
    return re.compile(word_pattern("post_taking_verbs") + "$")


@per_rule_set
def _post_closed() -> re.Pattern:
    """What closes a head's post named after the verb: punctuation or a word that calls it a
    post (rules/words.tsv post_nouns: 一职, 职务)."""
    return re.compile(rf"{word_pattern('post_nouns')}?(?:[,，。;；、)）]|$)")


#: What may stand before a head's post that no title of posts.tsv holds (代省长).
_ACTING = ("代",)

#: A post in the level's party committee before the head's post (省委副书记、|省长).
_COMMITTEE_CHAIN = re.compile(r"(?<![\u4e00-\u9fff])[省市县区州旗盟乡镇]委[^,，。;；:：\s、]{1,6}、$")


def governments_of_posts(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """The government a head of a level's government serves in, which the text names only by
    the post (深圳市市长某某, 广东省副省长某某, 长沙市委副书记、市长某某): ``<place>人民政府``,
    the place being the last one of the post's level named before it in the phrase, with the
    places the text writes before it (上海市浦东新区区长: 上海市浦东新区人民政府); with none,
    the level's relative name (省委副书记、省长某某: 省人民政府, resolved to the document's
    province). The mention spans the post title, its holder's name stands right after it."""
    text, surnames = sent.text, compiled_rules()[3]
    places = [c for c in found if c.type == "Place"]
    result = []
    for s, e, _ in sent.hits_of("post"):
        title = _government_title().fullmatch(text, s, e)
        if title is None or any(a < s and b == e for a, b, _ in sent.hits_of("post")):
            continue  # (副市长 of 常务副市长 is the same post)
        s = next((s - len(p) for p in _ACTING if text.startswith(p, s - len(p))), s)
        level = title.group(1)
        holder = person_at(sent, e, surnames, strict=False)
        # (…出任衡阳市长: the place's level word is the title's first character, read so only
        # after the verb: 南京市长江大桥 is a bridge)
        named = [p for p in places if (p.key or text[p.start:p.end]).endswith(level) and (
            p.end == s + 1 == e - 1 and _takes_post().search(text, sent.start, p.start)
            or p.end <= s and _CHAIN_TO_TITLE.fullmatch(text, p.end, s))]
        if named:
            place, start = named[-1], named[-1].start
            while any(p.end == start for p in places):  # 上海市浦东新区: as the text writes it
                start = next(p.start for p in places if p.end == start)
            if not holder and not (_takes_post().search(text, sent.start, start)
                                   and _post_closed().match(text, e)):
                continue  # (…出任株洲市长。: the holder named before the verb)
            key = text[start:place.start] + (place.key or text[place.start:place.end]) + "人民政府"
        elif holder and _COMMITTEE_CHAIN.search(text, sent.start, s):
            key = level + "人民政府"
        else:
            continue  # (a bare 副市长某某 names no government; nor does …管委会|主任)
        result.append(Candidate(s, e, "Organisation", GOVERNMENT_OF_POST, key, "org", "post"))
    return result


#: The rule of companies named by a brand before a company post.
BRAND_BEFORE_POST = "extract:brand-before-post"

#: jieba tags a brand may carry (特斯拉 nrt, 华为 nr, 京东 ns); ordinary words (苹果, 小米) and
#: words it does not know (英伟达) are left out or read as they are.
_BRAND_TAGS = frozenset((None, "nz", "nt", "nr", "nrt", "ns", "j"))


def brands_before_posts(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A company named by its brand alone, before a company post and its holder
    (特斯拉首席执行官某某, 英伟达创始人兼首席执行官某某): a proper word of two to six characters
    that opens its phrase and is no place, body or personal name."""
    text, surnames = sent.text, compiled_rules()[3]
    named = [c for c in found if c.type in ("Place", "Organisation")]
    result = []
    for m in sent.finditer(_corporate_post()):
        s = m.start()
        holder = _corporate_post_chain().match(text, s)
        if text[s - 1:s] in ("兼", "、") or any(s - 6 <= a < s for a, _, _ in sent.hits_of("post")) \
                or not person_at(sent, holder.end(), surnames, strict=False):
            continue  # (the first post of a chain only, and no post before it: 中心|董事长兼)
        for start in range(max(sent.start, s - 6), s - 1):
            brand = text[start:s]
            if start in sent.breaks and segmented_at(sent, s) and sent.is_name(start, s) \
                    and dictionary_words().get(brand) in _BRAND_TAGS \
                    and not looks_like_name(brand, surnames) \
                    and not any(c.start < s and start < c.end for c in named):
                result.append(Candidate(start, s, "Organisation", BRAND_BEFORE_POST, brand,
                                        "org"))
                break
    return result


@per_rule_set
def _corporate_post() -> re.Pattern:
    """A post of a company (rules/words.tsv corporate_posts)."""
    return re.compile(word_pattern("corporate_posts"))


@per_rule_set
def _corporate_post_chain() -> re.Pattern:
    """Company posts joined by 兼 or 、 (创始人兼首席执行官)."""
    post = word_pattern("corporate_posts")
    return re.compile(rf"{post}(?:[兼、]{post})*")
