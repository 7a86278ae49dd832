"""Places: gazetteer forms, lists of places, one-character abbreviations of provinces, towns
and villages below a county, development zones, squares and parks.

Reads: no other family's candidates. Tables: places*.tsv and regions.tsv (``kg.places``),
sites.tsv, surnames.tsv; jieba's dictionary.
"""
from __future__ import annotations

import re
from bisect import insort

from ..places import GAZETTEER, TOWN_SUFFIX, place_index
from ..rules import longest_first, per_rule_set, table, word_pattern, words
from .lexicon import compiled_rules
from .names import looks_like_name
from .sentence import (BELOW, Candidate, FUNCTION_START, NAMED_NOT_BODY, NAME_FOLLOW, NOT_NAME_TAGS,
                       Sentence, common_words, crosses_word, dictionary_words, is_word, runs_on,
                       segmented_at, word_ending_at)

#: The cue of a place read right after the place that holds it (宁城县|八里罕镇).
AFTER_PLACE = "after-place"
#: The rule of places below the gazetteer's read right after the place that holds them.
LOWER_LEVEL_PLACE = "extract:lower-level-place"
#: Places below the gazetteer's (towns, villages, zones, sites) anchor a body's name.
_BELOW = frozenset((BELOW,))


def gazetteer_places(sent: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Places of the gazetteer and those read below it (towns, zones, sites, abbreviations)."""
    hits = [(s, e, p) for s, e, p in sent.hits_of("place")]
    # a form inside a longer place form at the same spot (赤峰 in 赤峰市) is not a mention
    longest = [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1]
                                          and (o[1] - o[0]) > (h[1] - h[0]) for o in hits)]
    words = dictionary_words()
    result, words_here = [], []
    for s, e, p in longest:
        surface = sent.text[s:e]
        if _full_name_in_words(sent, s, e, p[1], any(h[1] == s for h in longest)):
            continue
        # a short form, or a foreign city's name, may be an ordinary word or part of one
        short = surface != p[1] or place_index().level(p[1]) == "city"
        if short and words.get(surface, "ns") in NOT_NAME_TAGS \
                and not _containing_word_tag(sent, s, e) and not _city_read_whole(sent, s, e, p[1]):
            # an ordinary word (奉节 is a verb to jieba), unless it stands in a list of places
            words_here.append(Candidate(s, e, "Place", "rules/places.tsv", p[1], "place",
                                        GAZETTEER))
            continue
        # (香港|特区, 深圳|特区: the place and its short title, one word to jieba, is the place)
        if short and not sent.text.startswith("特区", e) and (
                (words.get(surface, "ns") in NOT_NAME_TAGS and not _city_read_whole(sent, s, e, p[1]))
                or _containing_word_tag(sent, s, e) in _PHRASE_TAGS  # 同德 in 同心同德
                or _ends_listed_name(sent.text, s, e)
                or (crosses_word(sent.text, s, e)
                    # (a rule word right after confirms the end: 法国|外交部, not 法|国外)
                    and not (segmented_at(sent, s)
                             and (segmented_at(sent, e) or e in sent.word_starts))
                    and _containing_word_tag(sent, s, e, opening=True) != "nt")
                or TOWN_SUFFIX.match(sent.text, e)
                or _ANOTHER_CITY.match(sent.text, e) and p[1].endswith(("区", "县", "旗"))
                or (_containing_word_tag(sent, s, e) in NAMED_NOT_BODY
                    and e not in sent.word_starts)):  # 阿里巴巴, but 德国|总理
            # an ordinary word here (新建; 和政 in 党和政府, where both a common word runs across
            # it and jieba cuts elsewhere), a town's name (那坡镇), or part of another proper
            # name (阿里 in 阿里巴巴)
            continue
        result.append(Candidate(s, e, "Place", "rules/places.tsv", p[1], "place", GAZETTEER))
    result = sorted(result + _listed_places(sent.text, result, words_here),
                    key=lambda c: c.start)
    return _with_places_below(sent, _without_foreign_short_forms(
        sent, _without_named_heads(sent, result)))


def _with_places_below(sent: Sentence, result: list[Candidate]) -> list[Candidate]:
    """The gazetteer's places of a sentence with the towns, villages, zones, sites and
    abbreviations read below or beside them; a short form inside a zone's name dropped."""
    lower = _lower_places(sent, result)
    lower += _remembered_towns(sent, result + lower)
    sited = _sited_places(sent, result + lower)
    # a sub-district or town inside a development zone (X高新区|Y街道)
    lower += [t for t in _lower_places(sent, result + lower, after=sited)
              if not any(t.start == p.start for p in lower)]
    _remember_zones(sent, sited)
    # a short form inside a zone's name is not a place of its own (滨江 in X市滨江新区, also
    # where the zone comes again without its city)
    zones = sited + [t for t in lower if _zone_end().search(t.key)]
    result = [p for p in result if sent.text[p.start:p.end] == p.key
              or not any(z.start <= p.start and p.end < z.end for z in zones)]
    own_zones = _own_zones(sent, result, zones)
    result = [p for p in result if not any(z.start == p.start for z in own_zones)]
    return result + lower + _abbreviated_places(sent, result) + sited + own_zones


#: 市 after a district's or county's short form names a city of that name, not the district
#: (新北|市长: not Changzhou's 新北区), unless it opens 市场.
_ANOTHER_CITY = re.compile("市(?!场)")

#: An acting head's post (代县长, 代市长), which a county's name (代县) would start.
_ACTING_HEAD = re.compile(r"代[省市县区旗]长")


def _full_name_in_words(sent: Sentence, start: int, end: int, name: str,
                        after_place: bool) -> bool:
    """Whether a county's full name is words of the text: an acting head's post (县政府|代县长,
    not 代县), 任 taking a post after a name (王某|任|县妇联副主席, not 任县), or a county named
    by one character inside running words (示范县: 范县; 各市|和|县妇联); not after a place
    holding it (邢台市|任县)."""
    if _ACTING_HEAD.match(sent.text, start) or (_takes_post(sent, start) and not after_place):
        return True
    return end - start == 2 and sent.text[start:end] == name and (
        crosses_word(sent.text, start, end, (start,))
        or (not after_place and _one_character_name_in_words(sent, start, end)))


def _one_character_name_in_words(sent: Sentence, start: int, end: int) -> bool:
    """Whether the two characters of a county named by one character (和县, 新县) are words
    of the text: a conjunction jieba cuts off (各市|和|县妇联, 妇联|和|县直单位), or the level
    word opening a longer word (新|县城, 各|县级).

    Only where no place holding the county comes right before it (马鞍山市和县)."""
    text = sent.text
    conjunction = any(s == start and e == start + 1 for s, e, _ in sent.hits_of("boundary")) \
        and start > sent.start and (text[start - 1] in _LEVEL_ENDS or segmented_at(sent, start + 1))
    return conjunction or (end < sent.end and text[end - 1:end + 1] in dictionary_words())


#: The last character of a level word (省, 市, 县 …), before a conjunction joining two.
_LEVEL_ENDS = frozenset("省市县区旗盟州乡镇")


def _takes_post(sent: Sentence, start: int) -> bool:
    """Whether a place's name opens with the verb 任 right after a name (王某|任|县妇联副主席,
    not the county 任县): a person takes a post in a body the text writes short."""
    text, surnames = sent.text, compiled_rules()[3]
    return text.startswith("任", start) and any(
        looks_like_name(text[start - length:start], surnames)
        for length in (2, 3) if start - length >= sent.start)


def _without_foreign_short_forms(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """A county's short form right after a city or province it does not belong to is no
    place of its own but part of a name there (武汉|东湖新技术开发区: not Nanchang's 东湖区)."""
    index = place_index()
    ends = {p.end: p for p in places if index.level(p.key) in ("province", "prefecture")}
    return [p for p in places
            if not (p.start in ends and sent.text[p.start:p.end] != p.key
                    and index.level(p.key) == "county"
                    and ends[p.start].key not in index.ancestors(p.key))]


@per_rule_set
def _eponym_head() -> re.Pattern:
    """A person's name heading a body, street or park (中山|大学, 中山|路: rules/words.tsv
    eponym_followers)."""
    return re.compile(word_pattern("eponyms") + rf"(?={word_pattern('eponym_followers')})")


@per_rule_set
def _team_word() -> re.Pattern:
    return re.compile(word_pattern("team_words"))


def _without_named_heads(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """A short form that heads a name after something else than the place: a person's name
    before a body, street or park (中山大学, 中山路: Sun Yat-sen, not 中山市), a county's short
    form between a province or city and a team's word (山东|泰山|队: the club's sponsor)."""
    text, index = sent.text, place_index()
    suffix_starts = {s for s, _, _ in sent.hits_of("org_suffix")}
    regions = {p.end for p in places if index.level(p.key) in ("province", "prefecture")}
    kept = []
    for p in places:
        surface = text[p.start:p.end]
        if surface != p.key and (
                (surface in words("eponyms")
                 and (p.end in suffix_starts or _eponym_head().match(text, p.start)))
                or (p.start in regions and index.level(p.key) == "county"
                    and _team_word().match(text, p.end))):
            continue
        kept.append(p)
    return kept


def _city_read_whole(sent: Sentence, start: int, end: int, key: str) -> bool:
    """A foreign city's name that jieba's segmentation reads as one word, though its
    dictionary gives it an ordinary word's tag (首尔, 名古屋), unless it is a common word of
    two characters too (河内, 金边)."""
    name = sent.text[start:end]
    return place_index().level(key) == "city" and segmented_at(sent, start) \
        and segmented_at(sent, end) and not (len(name) == 2 and name in common_words())


#: What stands around an item of a list of names (、周静海、, ：林木兰 ).
_NAME_ITEM_EDGE = frozenset("、，,:：;；(（ \n")


def _ends_listed_name(text: str, start: int, end: int) -> bool:
    """A short form that, with a surname before it, makes a whole item of a list: a person's
    name (周静海 among 王晨、周静海、何立武), not the county 静海."""
    _, _, _, surnames = compiled_rules()
    return (start >= 1 and text[start - 1] in surnames
            and (start == 1 or text[start - 2] in _NAME_ITEM_EDGE)
            and (end == len(text) or text[end] in _NAME_ITEM_EDGE | _LIST_END))


#: jieba tags of idioms and set phrases: a short form inside one (同德 in 同心同德) is no place.
_PHRASE_TAGS = frozenset(("i", "l"))

#: What may close a list of places after its last item.
_LIST_END = frozenset("、，,。;；:：)）等和及与 \n")


def _listed_places(text: str, places: list[Candidate],
                   words: list[Candidate]) -> list[Candidate]:
    """Short forms that are ordinary words too, read as places when they are items of a list
    of places (来自万盛、奉节、荣昌: 奉节 is a verb to jieba): a 、 joins each to a place on
    one side, and the other side closes the item."""
    edges = {c.start for c in places} | {c.end for c in places}
    found: list[Candidate] = []
    pending = list(words)
    while pending:
        joined = [c for c in pending if
                  (text[c.end:c.end + 1] == "、" and c.end + 1 in edges
                   and (c.start == 0 or text[c.start - 1] in _LIST_END))
                  or (text[c.start - 1:c.start] == "、" and c.start - 1 in edges
                      and text[c.end:c.end + 1] in _LIST_END | {""})]
        if not joined:
            break
        found += joined
        edges |= {c.start for c in joined} | {c.end for c in joined}
        pending = [c for c in pending if c not in joined]
    return found


@per_rule_set
def _places_after() -> re.Pattern:
    """After a run of one-character abbreviations: the word that makes it a list of places
    (晋陕等地, 川渝两地, 苏浙沪三省市: rules/words.tsv counted_regions)."""
    return re.compile(rf"等地|[两二三四五六七八九十]+{word_pattern('counted_regions')}|地区")


def _abbreviated_places(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """One-character abbreviations of provinces read only in a run of two or more next to a
    named place or region (京津冀晋陕 -> 山西省, 陕西省) or before 等地, 两省 …, or in a run of
    three or more (闽港澳台侨, 港澳台和海外)."""
    text = sent.text
    abbreviations = place_index().abbreviations
    edges = {p.start for p in places} | {p.end for p in places}
    result = []
    for m in sent.finditer(_abbreviation_run()):
        # the parts of the run outside named places (京津冀|晋陕; not 晋中 of 晋中市)
        free = [i for i in range(*m.span()) if not any(p.start <= i < p.end for p in places)]
        for run in _consecutive(free):
            pos, end = run[0], run[-1] + 1
            while end - pos > 2 and not (pos in edges or end in edges) \
                    and text[end - 1:end + 1] in common_words():
                end, run = end - 1, run[:-1]  # (闽港澳台|青年: 青 opens a word, no 青海)
            # (a pair after a place that runs on into other words is part of a name:
            # 福建|新越|金属材料有限公司)
            closed = end in edges or end >= sent.end or text[end] in NAME_FOLLOW \
                or _places_after().match(text, end)
            if end - pos >= 2 and ((pos in edges and closed) or end in edges or end - pos >= 3
                                   or _places_after().match(text, end)) \
                    and not is_word(text[pos:end]) \
                    and not TOWN_SUFFIX.match(text, end):  # 闽宁镇 is a town
                result += [Candidate(i, i + 1, "Place", "rules/regions.tsv",
                                     abbreviations[text[i]], "place") for i in run]
    return result


def _consecutive(positions: list[int]) -> list[list[int]]:
    """Runs of consecutive integers ([1, 2, 4] -> [[1, 2], [4]])."""
    runs: list[list[int]] = []
    for i in positions:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


@per_rule_set
def _abbreviation_run() -> re.Pattern:
    return re.compile("[" + "".join(sorted(place_index().abbreviations)) + "]{2,}")


def _containing_word_tag(sent: Sentence, start: int, end: int,
                         opening: bool = False) -> str | None:
    """The tag of the longer dictionary word jieba reads ``[start, end)`` as part of, if any
    (nt for 美国政府, nrt for 阿里巴巴); with ``opening``, only a word that starts there."""
    words = dictionary_words()
    for stop in range(end, min(sent.end, end + 3) + 1):
        word = word_ending_at(sent, stop)
        longer = len(word) > end - start and stop - len(word) <= start
        if longer and (stop - len(word) == start or not opening) and word in words:
            return words[word]
    return None


@per_rule_set
def _lower_level() -> re.Pattern:
    """Towns, townships, sums, villages and sub-districts are not in the gazetteer: they are read
    by their suffix after a known county or city (赤峰市宁城县八里罕镇), or before a community or village
    of theirs (公乌素镇利民社区)."""
    return re.compile(r"[\u4e00-\u9fff]{2,4}?" + word_pattern("town_suffixes"))


@per_rule_set
def _under_town() -> re.Pattern:
    """A community or village below a town (公乌素镇|利民社区)."""
    return re.compile(r"[\u4e00-\u9fff]{1,4}?" + word_pattern("village_suffixes"))


@per_rule_set
def _town_suffix() -> tuple[re.Pattern, int]:
    """A town's suffix (rules/words.tsv, town_suffixes), and how long the longest is."""
    return re.compile(word_pattern("town_suffixes")), max(map(len, words("town_suffixes")))


def _lower_places(sent: Sentence, places: list[Candidate],
                  after: list[Candidate] = ()) -> list[Candidate]:
    text = sent.text
    # a town's name needs its suffix (up to four characters after a start in the sentence: the
    # name is read past the sentence's end)
    suffix, longest = _town_suffix()
    if suffix.search(text, sent.start, sent.end + 4 + longest) is None:
        return []
    index, lower_level, under_town = place_index(), _lower_level(), _under_town()
    starts = {p.end for p in places if index.level(p.key) in ("prefecture", "county")}
    starts |= {p.end for p in after}
    towns = {b for b in sent.breaks if b < sent.end}
    named = {p.start for p in places}  # 石家庄市|赵县范庄镇: the town starts after the county
    result = []
    chained: set[int] = set()
    pending = sorted((starts | towns) - named)
    while pending:
        start = pending.pop(0)
        m = lower_level.match(text, start)
        if m is None or (start not in starts and not under_town.match(text, m.end())
                         and not _town_body_after(sent, start, m.end())):
            continue
        if is_word(m.group()) or text[m.end() - 2:m.end()] in words("rural_words") \
                or (runs_on(text, m.end()) and not under_town.match(text, m.end())):
            continue  # a word (农业农村局), or one running on (…乡|村振兴), unless a village
            #          of the town follows it (永清镇|南峡村)
        if start not in starts and FUNCTION_START.match(text, start):
            continue  # 在车田乡: a preposition before the town, not part of it
        if start in chained and (start in sent.word_starts or FUNCTION_START.match(text, start)):
            continue  # a phrase after a village (三元朱村|是蔬菜之乡), not a name
        result.append(Candidate(start, m.end(), "Place", LOWER_LEVEL_PLACE, m.group(),
                                "place", AFTER_PLACE, _BELOW))
        if m.end() not in starts:  # 牛街乡|福和村: a village after its township
            starts.add(m.end())
            chained.add(m.end())
            if m.end() not in pending:
                insort(pending, m.end())
    return result


def _town_body_after(sent: Sentence, start: int, end: int) -> bool:
    """A town's own body right after its name (、石牌镇|妇联主席, 石牌镇|政府): the name is a
    town's even with no county before it, unless it opens with a word of quantity (各乡镇) or
    is only suffixes (嘎查村: a kind of village)."""
    only_suffixes = f"(?:{word_pattern('town_suffixes')}|{word_pattern('village_suffixes')})+"
    return not sent.text.startswith(words("town_determiners"), start) \
        and not re.fullmatch(only_suffixes, sent.text[start:end]) \
        and not _procedure_words(re.sub(only_suffixes + "$", "", sent.text[start:end])) \
        and any(s == end and p[3] in ("top", "body", "party") for s, _, p in sent.suffix_hits)


def _procedure_words(name: str) -> bool:
    """Whether the words before a village's suffix are a phrase of procedure, not a name:
    a term or count (新一届|村, 一届) or a verb among several words (选举产生|村); a village
    may be named by one verb (新建村, 胜利村)."""
    found = [dictionary_words().get(name[i:j]) for i in range(len(name))
             for j in range(i + 2, len(name) + 1)]
    return any(tag in ("b", "m") for tag in found) or len(name) >= 4 and "v" in found


def _remember_zones(sent: Sentence, sited: list[Candidate]) -> None:
    """Zones read after their city (常德市|西湖管理区) are remembered as the towns are: the
    zone is the place wherever its name comes again."""
    sent.memory.setdefault("towns", set()).update(
        z.key for z in sited
        if z.rule_id == LOWER_LEVEL_PLACE and _zone_end().search(z.key))


@per_rule_set
def _zone_end() -> re.Pattern:
    """The end of a zone's name (sites.tsv, kind zone)."""
    return re.compile("(?:" + "|".join(sorted((re.escape(row.suffix) for row in table("sites.tsv")
                                               if row.kind == "zone"), key=len, reverse=True))
                      + ")$")

#: A zone that is a county-level unit of its own, named after a lake or farm (西湖|管理区):
#: a county's short form before it is the zone's name.
_OWN_ZONE = re.compile("管理区")


def _own_zones(sent: Sentence, places: list[Candidate],
               zones: list[Candidate]) -> list[Candidate]:
    """A county's short form before 管理区 with no city before it names the zone, a place of
    its own (西湖管理区, not 西湖区)."""
    text, result = sent.text, []
    for p in places:
        end = p.end + 3
        if text[p.start:p.end] != p.key and _OWN_ZONE.match(text, p.end) \
                and not any(z.start <= p.start and end <= z.end for z in zones):
            result.append(Candidate(p.start, end, "Place", LOWER_LEVEL_PLACE,
                                    text[p.start:end], "place", AFTER_PLACE, _BELOW))
    return result


def _remembered_towns(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """A town or village read below its county earlier in the document is the same place
    wherever its full name comes again (崇州市大划镇…。大划镇妇联主席: the town, and so
    its federation); the names of this sentence are remembered for the next ones."""
    known: set[str] = sent.memory.setdefault("towns", set())
    text, taken = sent.text, [(p.start, p.end) for p in places]
    result = []
    for name in longest_first(known):
        at = text.find(name, sent.start, sent.end)
        while at >= 0:
            # (a place read inside the name, 西湖 of 西湖管理区, takes nothing from it)
            if not any(a < at + len(name) and at < b and not (at <= a and b <= at + len(name))
                       for a, b in taken):
                result.append(Candidate(at, at + len(name), "Place", LOWER_LEVEL_PLACE,
                                        name, "place", AFTER_PLACE, _BELOW))
                taken.append((at, at + len(name)))
            at = text.find(name, at + len(name), sent.end)
    known.update(p.key for p in places
                 if p.rule_id == LOWER_LEVEL_PLACE and len(p.key) > 2)
    return result


@per_rule_set
def _site_names() -> dict[str, re.Pattern]:
    """For each kind of ``rules/sites.tsv``: a name of up to eight characters ending in one of
    its suffixes (as few as possible, so a name ends at its first suffix)."""
    by_kind: dict[str, list[str]] = {}
    for row in table("sites.tsv"):  # rules.SCHEMAS admits the kinds zone and site only
        by_kind.setdefault(row.kind, []).append(row.suffix)
    least = {"zone": 1, "site": 2}  # 高新区 is a zone's whole name; 广场 alone is no site's
    return {kind: re.compile(f"[\\u4e00-\\u9fff]{{{least[kind]},8}}?(?:" + "|".join(
        sorted(suffixes, key=len, reverse=True)) + ")") for kind, suffixes in by_kind.items()}


@per_rule_set
def _site_suffix() -> re.Pattern:
    """A suffix of a zone's or a site's name (rules/sites.tsv)."""
    return re.compile("|".join(map(re.escape, sorted({row.suffix for row in table("sites.tsv")}))))


_SITE_OPENER = re.compile("[在于]")


@per_rule_set
def _after_site() -> re.Pattern:
    """After a square or park: a word that ends its name (在X广场|举行), where an organisation's name
    would run on (X公园|管理处)."""
    return re.compile(word_pattern("site_followers"))


def _sited_places(sent: Sentence, places: list[Candidate]) -> list[Candidate]:
    """Development zones after their city (长沙市|湘江新区), and squares and parks after a
    place or after 在/于 (在|人民广场举行): places below the gazetteer, named by a suffix."""
    text, index = sent.text, place_index()
    if _site_suffix().search(text, sent.start, sent.end) is None:
        return []  # every name of a zone or a site ends in a suffix of rules/sites.tsv
    after_place = {p.end for p in places}
    after_city = {p.end for p in places if index.level(p.key) in ("prefecture", "county")
                  or p.rule_id == LOWER_LEVEL_PLACE
                  or (index.level(p.key) == "province" and p.key.endswith("市"))}
    # (a city at province level too: 上海|张江高科技园区)
    after_opener = {m.end() for m in _SITE_OPENER.finditer(text, sent.start, sent.end - 1)}
    names = _site_names()
    result: list[Candidate] = []
    for kind in ("zone", "site"):  # zones first: a square may follow one (X新区|Y广场)
        starts = after_city if kind == "zone" else after_place | after_opener
        ends: set[int] = set()
        for start in sorted(starts, reverse=True):  # the nearest start names the site
            m = names[kind].match(text, start, sent.end) if kind in names else None
            if m is None or m.end() in ends or FUNCTION_START.match(text, start) \
                    or runs_on(text, m.end()):
                continue
            if kind == "site" and not (m.end() >= sent.end or text[m.end()] in NAME_FOLLOW
                                       or _after_site().match(text, m.end())):
                continue
            if start not in after_place and text.startswith("等", m.end()):
                continue  # 在儿童公园等…: a kind of site, not one named
            rule = LOWER_LEVEL_PLACE if start in after_place else "rules/sites.tsv"
            result.append(Candidate(start, m.end(), "Place", rule, m.group(), "place",
                                    AFTER_PLACE if start in after_place else "", _BELOW))
            after_place.add(m.end())
            ends.add(m.end())
    return result
