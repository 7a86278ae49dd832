"""The ``resolve`` stage: mentions to canonical names, and one entity per real thing.

Within a document, relative forms are resolved against the document's own region, detected
from the text (the province-level place it names most): 自治区妇联 in an Inner Mongolia report is
内蒙古自治区妇女联合会, in a Guangxi report 广西壮族自治区妇女联合会; a bare 市妇联 is the city the
document is about (the prefecture it names most), and no body at all when there is none. Short
forms are expanded
(妇联 -> 妇女联合会, X党委 -> 中国共产党X委员会, 呼市 -> 呼和浩特市). Across documents, entities
with the same type and canonical name are one node (their IRIs are equal: ``entities``
gathers each one's aliases and mentions).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import replace

from .model import Document, Mention
from .places import (COUNTRY, TOWN_SUFFIX, beyond_the_mainland, detect_localities, detect_region,
                     name_generic_districts, place_index, stray_short_forms, town_at_end,
                     with_district_city)
from .rules import Lexicon, jieba_dictionary, per_rule_set, split_list, table, word_pattern, words

_WHITESPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”\"「」『』《》]")
_ROUND = re.compile(r"^(?:首届|第[一二三四五六七八九十百\d]+届)")
_LOCAL_COMMITTEE = re.compile(r"(.+?)(?:委员会|委)(.*)$")
_YOUTH_LEAGUE = "中国共产主义青年团"
#: What makes a place's short form the name of another division (红星|村, 晋江|地区).
_OTHER_DIVISION = re.compile(TOWN_SUFFIX.pattern + "|地区|管理区")
#: A place's level word written again before its committee or government (中山市|市|委).
_REPEATED_LEVEL = re.compile(r"^(.+?([省市县区]))\2(委(?!员)|政府)")
#: Short forms written in full: a special region's title (香港特区), an office (县委办).
_SAR_SHORT = re.compile(r"^(香港|澳门)特区(?!特别行政区)")
_OFFICE_SHORT = re.compile(r"(?:(?<=委员会)|(?<=人民政府))办$")
#: A congress named with a level word for its place (县第九次妇女代表大会, 省十三次妇代会).
_LEVEL_CONGRESS = re.compile(r"^(?:自治区|[省市县区州盟旗])第[^次]{1,4}次.{0,8}代表大会$")
_DEPARTMENT_AFTER_FEDERATION = re.compile(r"妇联(总会)?(?=[\u4e00-\u9fff]*$)")


@per_rule_set
def _government() -> re.Pattern:
    """Name endings of bodies whose place prefix is expanded to the full place name."""
    return re.compile(word_pattern("government_endings") + "$")


@per_rule_set
def _counted_series() -> re.Pattern:
    """A programme named as a series of N parts (X四大行动, X三项工程) is the programme X."""
    return re.compile(r"(?<=..)[一二三四五六七八九十两]+(?:大|项)" + word_pattern("series_heads")
                      + "$")


@per_rule_set
def _enterprise() -> re.Pattern:
    """Words of enterprises and schools, whose names keep their place as written."""
    return re.compile(word_pattern("enterprise_words"))


@per_rule_set
def _relative_words() -> tuple[tuple[str, str], ...]:
    """Level words that stand for the document's region, with the kind of region, longest
    first (rules/levels.tsv)."""
    pairs = [(row.word, row.stands_for) for row in table("levels.tsv") if row.stands_for]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def _relative_prefix(name: str, region: str | tuple[str, ...] | None) -> str:
    """Replace a leading relative level word by the region it stands for (自治区妇联, 我市)."""
    regions = (region,) if isinstance(region, str) else region or ()
    for word, kind in _relative_words():
        if not name.startswith(word):
            continue
        for place in regions:
            if place.endswith(kind):
                rest = name[len(word):]
                return rest if rest.startswith(place) else place + rest
    return name


@per_rule_set
def _local_words() -> frozenset[str]:
    """One-character level words that alone before a body stand for the document's city or
    county (rules/levels.tsv, use local)."""
    return frozenset(row.word for row in table("levels.tsv") if "local" in split_list(row.uses))


def _local_prefix(name: str, localities: tuple[str, ...]) -> str | None:
    """市妇联 -> 长沙市妇联 in a document about 长沙市; None when the document is about no such
    place (the body is then no particular one). Names that open with an ordinary word
    (市场监管局) are left as they are, unless a body suffix follows the level word (市政府)."""
    word = name[:1]
    if word not in _local_words() or (name[:2] in jieba_dictionary()[1]
                                      and not name[1:].startswith(_suffix_forms())):
        return name  # 市场监管局; but 市委 and 市政府 are the city's
    return next((place + name[1:] for place in localities if place.endswith(word)), None)


def _local_form(name: str, localities: tuple[str, ...]) -> str | None:
    """:func:`_local_prefix` of the name, or of what follows a national body's short form in
    it (共青团市委 -> 共青团长沙市委)."""
    alias = next((name[:n] for n, forms in _known_aliases() if name[:n] in forms), "")
    rest = _local_prefix(name[len(alias):], localities)
    return None if rest is None else alias + rest


def _localities_with_city(region: str | None, localities: tuple[str, ...]) -> tuple[str, ...]:
    """The localities, and the province when it is a city itself (重庆市: its 市妇联)."""
    city = (region,) if region and region.endswith("市") else ()
    return localities + city


@per_rule_set
def _suffix_forms() -> tuple[str, ...]:
    """Every organisation suffix as texts write it (rules/org_suffixes.tsv)."""
    return tuple(row.suffix for row in table("org_suffixes.tsv"))


@per_rule_set
def _department_suffixes() -> tuple[str, ...]:
    return tuple(row.suffix for row in table("org_suffixes.tsv") if row.kind == "department")


@per_rule_set
def _body_suffixes() -> tuple[str, ...]:
    return tuple(row.suffix for row in table("org_suffixes.tsv") if row.kind in ("body", "top"))


def _is_unit_name(rest: str) -> bool:
    """Whether ``rest`` names a unit of the body before it (权益部, 办公室), not more text."""
    return 0 < len(rest) <= 8 and rest.endswith(_department_suffixes())


def _is_body_of(rest: str) -> bool:
    """Whether ``rest`` names a body of the one before it (兵团|妇联, 兵团|教育局)."""
    return 0 < len(rest) <= 8 and rest.endswith(_body_suffixes() + _department_suffixes())


@per_rule_set
def _known_canonicals() -> tuple[str, ...]:
    return tuple(sorted({canonical for _, canonical in _known_bodies()}, key=len, reverse=True))


@per_rule_set
def _known_bodies() -> tuple[tuple[str, str], ...]:
    """Short forms of national bodies (rules/org_known.tsv), longest first."""
    pairs = [(alias, row.canonical) for row in table("org_known.tsv")
             for alias in split_list(row.aliases) if len(alias) > 1]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@per_rule_set
def _known_aliases() -> tuple[tuple[int, frozenset[str]], ...]:
    """The short forms of :func:`_known_bodies` by length, longest first: a name's longest
    one is found by a look-up per length, not a test per short form."""
    lengths = sorted({len(alias) for alias, _ in _known_bodies()}, reverse=True)
    return tuple((n, frozenset(a for a, _ in _known_bodies() if len(a) == n)) for n in lengths)


@per_rule_set
def _place_prefixes() -> dict[str, str]:
    # countries are left alone: 中国 in 中国共产党 is part of a proper name
    index = place_index()
    return {form: name for form, name in index.forms()
            if index.level(name) in ("province", "prefecture", "county")}


def _is_place_name(text: str) -> bool:
    """A full place name, a short form of one, or a relative level word (自治区, 全省)."""
    return bool(place_index().level(text)) or text in _place_prefixes() \
        or any(text == word for word, _ in _relative_words())


@per_rule_set(maxsize=65536)
def _place_at_start(name: str) -> tuple[str, str] | None:
    """``(short form, full name)`` of the place a name starts with (内蒙古建筑行业协会 ->
    内蒙古, 内蒙古自治区), if any."""
    forms = _place_prefixes()
    for length in range(min(len(name) - 1, 12), 1, -1):
        full = forms.get(name[:length])
        if full is not None and (full == name[:length]
                                 or not _OTHER_DIVISION.match(name, length)):
            return name[:length], full  # (a short form before 村 names a village: 红星村;
            # before 地区, a prefecture of that name: 晋江地区科协, not 晋江市's)
    return None


def _innermost_place(text: str) -> str | None:
    """The place ``text`` names, or the last of a run of places it names (江西高安市 ->
    高安市); None if it is no place."""
    while not place_index().level(text):
        found = _place_at_start(text)
        if found is None:
            return None
        text = text[len(found[0]):]
    return text


def _expand_place_prefix(name: str) -> str:
    """The name with a place's short form at its start written in full (呼市妇联 -> 呼和浩特市妇联)."""
    found = _place_at_start(name)
    return found[1] + name[len(found[0]):] if found else name


@per_rule_set(maxsize=65536)
def canonical_organisation(name: str, region: str | tuple[str, ...] | None) -> str:
    """The full official form of an organisation's name.

    >>> canonical_organisation("自治区妇联权益部", "内蒙古自治区")
    '内蒙古自治区妇女联合会权益部'
    >>> canonical_organisation("自治区党委宣传部", "广西壮族自治区")
    '中国共产党广西壮族自治区委员会宣传部'
    >>> canonical_organisation("呼市妇联", None)
    '呼和浩特市妇女联合会'
    >>> canonical_organisation("广东省委宣传部", None)
    '中国共产党广东省委员会宣传部'
    >>> canonical_organisation("中山市市委", None)
    '中国共产党中山市委员会'
    >>> canonical_organisation("津市市委", None)
    '中国共产党津市市委员会'
    """
    name = _relative_prefix(name, region)
    # a national body's own official name is final (国务院侨务办公室 is no unit of 国务院's)
    for alias, canonical in () if name in _known_canonicals() else _known_bodies():
        if not name.startswith(alias):
            continue
        local = _LOCAL_COMMITTEE.match(_relative_prefix(name[len(alias):], region))
        place = local and _innermost_place(local.group(1))
        if place:
            # 共青团湖南省委 -> 共青团湖南省委员会: the body's committee of a place
            # (共青团省委: of the document's province; 共青团江西高安市委: of the city); the
            # league's local committees are officially named with its short form
            body = alias if canonical == _YOUTH_LEAGUE else canonical
            name = f"{body}{place}委员会{local.group(2)}"
            break
        rest = name[len(alias):]
        if _is_unit_name(rest) or _is_body_of(rest):
            # 全国妇联权益部 -> 中华全国妇女联合会权益部; 党中央委员会 is 党中央 written out
            name = canonical if canonical.endswith(rest) else canonical + rest
            break
    if _government().search(name) and not name.startswith(_known_canonicals()) \
            and not _enterprise().search(name):
        # (not 新疆 of 新疆生产建设兵团, nor the 长春 of a company's name: 长春某公司业务部)
        name = _expand_place_prefix(name)
    doubled = _REPEATED_LEVEL.match(name)
    if doubled and not place_index().level(name[:doubled.end(1) + 1]):  # (津市市委: of 津市市)
        name = _REPEATED_LEVEL.sub(r"\1\3", name)
    name = _mission_form(_full_body_form(name))
    if name.startswith("中共") and not name.startswith("中共中央"):
        rest = name[2:]
        if _expand_place_prefix(rest) != rest or place_index().level(rest.split("委")[0] or ""):
            name = "中国共产党" + rest
    party = re.match(r"^(?:中国共产党)?(.+?)(?:党委|委员会|委)(.*)$", name)
    place = party and _innermost_place(party.group(1))
    if place and ("党委" in name or re.match(r"^.+?[省市县区旗盟州]委(?!员)", name)):
        # 自治区党委 and 南宁市委 are the party's committees of those places (浙江省宁波市委:
        # of the last place named)
        name = f"中国共产党{place}委员会{party.group(2)}"
    name = _DEPARTMENT_AFTER_FEDERATION.sub(lambda m: "妇女联合" + (m.group(1) or "会"), name)
    name = name.replace("编办", "机构编制委员会办公室")
    name = _OFFICE_SHORT.sub("办公室", name)  # 县委办, 市政府办: the committee's office
    return with_district_city(_people_s_government(name), region)  # (of 上海市宝山区)


@per_rule_set
def _mission() -> re.Pattern:
    """A diplomatic mission's name: its sending country, 驻, where it is, its kind."""
    return re.compile(rf"(?P<sender>.*?)驻(?P<where>.+?)(?P<kind>{word_pattern('mission_words')})")


def _mission_form(name: str) -> str:
    """A diplomatic mission's name in full: China's (中国驻…, 我国驻…, 驻… with no country)
    as 中华人民共和国驻…, a short kind written out (使馆: 大使馆, 总领馆: 总领事馆)."""
    m = _mission().match(name)
    if m is None:
        return name
    sender = m.group("sender")
    if re.fullmatch(f"{word_pattern('own_country')}?", sender) \
            or place_index().short.get(sender, sender) == COUNTRY:
        sender = COUNTRY
    where, kind = m.group("where"), m.group("kind")
    index = place_index()
    if kind[1:] in words("mission_words") and index.short.get(where + kind[0],
                                                             where + kind[0]) in index.by_name:
        where, kind = where + kind[0], kind[1:]  # 驻加拿大|使馆, not 驻加拿|大使馆
    kind = dict(_full_forms()).get(kind) or kind
    return f"{sender}驻{where}{kind}{name[m.end():]}"


def _people_s_government(name: str) -> str:
    """A place's government by its official name: 某市政府 and its units (某市政府妇儿工委) are
    the city's people's government's; a special administrative region's is no people's
    government (澳门特区政府: 特区 is the region's short form), nor Taiwan's cities' and
    counties' (嘉义县政府), nor another country's (俄罗斯联邦政府)."""
    government = _PLACE_GOVERNMENT.match(name)
    if government and place_index().level(government.group(1)) not in (None, "country"):
        name = government.group(1) + "人民政府" + name[government.end():]
    name = _SAR_SHORT.sub(r"\1特别行政区", name)  # 香港特区立法会: the region's full name
    name = name.replace("特别行政区特区", "特别行政区")
    at = name.find("人民政府")
    if at > 0 and beyond_the_mainland(_innermost_place(name[:at]) or ""):
        name = name[:at] + name[at + 2:]  # 香港特别行政区政府, 嘉义县政府, 台南市政府
    return name


@per_rule_set
def _zone_words() -> tuple[str, ...]:
    """Words that end a development zone's name (rules/sites.tsv, kind zone)."""
    return tuple(row.suffix for row in table("sites.tsv") if row.kind == "zone")


@per_rule_set
def _full_forms() -> tuple[tuple[str, str], ...]:
    """Short body words with their full forms (rules/org_suffixes.tsv), longest first."""
    rows = [(row.suffix, row.full_form) for row in table("org_suffixes.tsv")
            if row.full_form and row.kind in ("top", "body")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


#: A place's government written short (某市政府…), the place first.
_PLACE_GOVERNMENT = re.compile(r"(.+?)(?<!人民)政府")
#: A government's name after its place (…人民政府, …政府).
_GOVERNMENT_END = re.compile(r"(?:人民)?政府$")


def _full_body_form(name: str) -> str:
    """A place's body written in full (湖南省人大常委会 -> 湖南省人民代表大会常务委员会,
    湖南省政协 -> 中国人民政治协商会议湖南省委员会)."""
    for short, full in _full_forms():
        at = name.find(short)
        before = name[:at]
        if at > 0 and place_index().level(_innermost_place(before) or "") == "country":
            return name  # another country's body keeps its own name (俄罗斯联邦政府)
        if at > 0 and (_innermost_place(before) or before in _known_canonicals()
                       or before.endswith(_zone_words())
                       or _innermost_place(_GOVERNMENT_END.sub("", before))
                       or before.endswith(tuple(words("village_suffixes")))
                       or town_at_end().search(before)):
            # (a place's government may come first: 某市人民政府妇儿工委; a town, village or
            # community below the gazetteer: 青山镇团委, 青山村村委会)
            rest = name[at + len(short):]
            if "{place}" in full:
                return full.format(place=before) + rest
            return before + full + rest
    return name


def canonical_name(mention: Mention, region: str | tuple[str, ...] | None) -> str:
    """The canonical name of a mention in a document of the given region (or regions: its
    province, then the city and county it is about)."""
    return _canonical_name(mention.type, mention.key or mention.surface, mention.surface, region)


@per_rule_set(maxsize=65536)  # (a name is met again and again: once per mention)
def _canonical_name(kind: str, name: str, surface: str,
                    region: str | tuple[str, ...] | None) -> str:
    key = _QUOTES.sub("", name).strip()
    if kind == "Organisation":
        return canonical_organisation(key, region)
    if kind == "Honour":
        # the year and the round of a title are no part of it (第十一届茅盾文学奖, 某省第二届…)
        key = re.sub(r"首届|首批|第[一二三四五六七八九十百\d]+[届批]", "", re.sub(r"^\d{4}年度?", "", key))
        return _relative_prefix(key, region)
    if kind == "Programme":
        # 内蒙古自治区“春风姐妹”技能大赛 is the “春风姐妹” contest: a place before a quoted
        # brand only says where it is held
        before_quote = re.match(r"^(.{2,12}?)[“\"]", surface)
        if before_quote and _is_place_name(before_quote.group(1)):
            key = key[len(before_quote.group(1)):]
        key = _meeting_form(_ROUND.sub("", _counted_series().sub("", key)))
        return _relative_prefix(key, region) if key.startswith("自治区") else key
    return key


@per_rule_set
def _meeting_stems() -> re.Pattern:
    """Meeting words of rules/programme_words.tsv without their 会 (恳谈 of 恳谈会)."""
    stems = sorted((row.word[:-1] for row in table("programme_words.tsv")
                    if row.needs == "name" and row.word.endswith("会") and len(row.word) >= 3),
                   key=len, reverse=True)
    return re.compile("(?<=..)(?:" + "|".join(map(re.escape, stems)) + ")$")


def _meeting_form(name: str) -> str:
    """A meeting series named without its 会 (妇女恳谈) is the same as with it (妇女恳谈会)."""
    return name + "会" if _meeting_stems().search(name) else name


def resolve_document(document: Document, mentions: tuple[Mention, ...]):
    """Detect the document's region and give each mention its canonical name (``key``)."""
    region = detect_region(mentions)
    stray = stray_short_forms(mentions, region)
    mentions = tuple(m for m in mentions if m not in stray)
    localities = detect_localities(mentions, region)
    if region is None and localities:
        # a page naming its city or district but not its province is in that one's province
        region = next((p for p in sorted(place_index().ancestors(localities[0]))
                       if place_index().level(p) == "province"), None)
    document = replace(document, region=region)
    regions = ((region,) if region else ()) + localities
    cities = _localities_with_city(region, localities)
    resolved = []
    body_starts = {m.start for m in mentions if m.type == "Organisation"}
    sections = document.marks.sections
    for m in mentions:
        if m.type == "Organisation":
            local = _local_form(m.key or m.surface, _in_section(cities, sections, m.start))
            if local is None:
                continue  # 市妇联 in a text about no one city is no body in particular
            m = _with_key(m, local)
        elif m.type == "Programme" and (m.start in body_starts
                                        or _LEVEL_CONGRESS.match(m.key or m.surface)):
            # a body's own meeting named with the body's relative name (市妇联第十四届三次
            # 执委会议), or a congress named with a level word (县第九次妇女代表大会), is
            # that city's: the place goes before it, the short form stays
            name = m.key or m.surface
            m = _with_key(m, _relative_prefix(_local_form(name, cities) or name, regions))
        elif m.type == "Honour":
            # a title at the city's level (市巾帼建功标兵) is its; 县区妇联…: many bodies'
            name = m.key or m.surface
            m = _with_key(m, name if name[1:2] in _local_words() else _local_prefix(name, cities) or name)
        resolved.append(_with_key(m, canonical_name(m, regions)))
    resolved = _honour_references(name_generic_districts(resolved, cities))
    resolved = _units_named_without_government(_company_short_names(resolved))
    resolved = _foreign_bodies_named_with_country(resolved)
    resolved = _own_organs(resolved)
    resolved = _implied_places(resolved)
    return document, tuple(sorted(resolved, key=lambda m: (m.start, m.end, m.type)))


def _with_key(mention: Mention, key: str) -> Mention:
    """The mention with ``key`` (itself when it has it: ``replace`` is slow)."""
    return mention if mention.key == key else replace(mention, key=key)


def _in_section(localities: tuple[str, ...], sections: list[tuple[int, str]],
                pos: int) -> tuple[str, ...]:
    """The localities at ``pos``: under a heading that names a place (````Marks.sections``),
    that place instead of the document's own of its level."""
    heading = next((place for start, place in reversed(sections) if start <= pos), None)
    if heading is None:
        return localities
    level = place_index().level(heading)
    return (heading,) + tuple(p for p in localities if place_index().level(p) != level)


@per_rule_set
def _standalone_honours() -> frozenset[str]:
    """Honour heads that are honours by themselves (rules/honours.tsv: 三八红旗手)."""
    return frozenset(row.head for row in table("honours.tsv") if row.alone == "yes")


@per_rule_set
def _honour_levels() -> re.Pattern:
    words = sorted((row.word for row in table("levels.tsv")), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")*")


def _only_level(prefix: str) -> bool:
    """Whether a title's qualifier only says its level (全国, 山东省, 自治区级)."""
    if _is_place_name(prefix):
        return True
    place = _place_at_start(prefix)
    rest = prefix[len(place[0]):] if place else prefix
    return _honour_levels().fullmatch(rest) is not None


def _company_short_names(mentions: list[Mention]) -> list[Mention]:
    """A company named without its legal form (中国船舶集团, 吉利控股集团) is the company the
    document names with it (中国船舶集团有限公司, 浙江吉利控股集团有限公司), when exactly one
    such name ends with the short one and a form, or opens with it and goes on with words of
    its trade or group only (中铁五局, 中国中福: 中铁五局集团有限公司, 中国中福实业有限公司)."""
    keys = {m.key for m in mentions if m.type == "Organisation"}
    form = re.compile(rf"(?:{word_pattern('company_forms')})$")
    # the words of its trade or group a short name leaves out (中铁五局: 中铁五局集团有限公司)
    trade = re.compile(rf"(?:{word_pattern('company_stem_words')})+")
    full = {}
    for key in keys:
        longer = [k for k in keys if k != key and form.search(k)
                  and (k[:form.search(k).start()].endswith(key) or (
                      k.startswith(key) and trade.fullmatch(k, len(key), form.search(k).start())))]
        if len(longer) == 1:
            full[key] = longer[0]
    return [replace(m, key=full[m.key]) if m.type == "Organisation" and m.key in full else m
            for m in mentions]


def _units_named_without_government(mentions: list[Mention]) -> list[Mention]:
    """某市妇女儿童工作委员会 is the unit the document also names with its government
    (某市人民政府妇女儿童工作委员会): one body, by its longer name."""
    keys = {m.key for m in mentions if m.type == "Organisation"}
    full = {k.replace("人民政府", "", 1): k for k in keys if "人民政府" in k[2:-2]}
    return [replace(m, key=full[m.key]) if m.type == "Organisation" and m.key in full else m
            for m in mentions]


def _foreign_bodies_named_with_country(mentions: list[Mention]) -> list[Mention]:
    """A foreign body named once with its country before it (美国麻省理工学院) and once
    without (麻省理工学院) is one body, named without the country; one named with the
    country's short and its full name (俄罗斯政府, 俄罗斯联邦政府) is named with the full."""
    keys = {m.key for m in mentions if m.type == "Organisation"}
    countries = {(m.start, m.surface, m.key) for m in mentions if m.type == "Place"
                 and m.key != COUNTRY and place_index().level(m.key) == "country"}
    bare = {}
    for m in (m for m in mentions if m.type == "Organisation"):
        for start, country, full in countries:
            rest = m.key[len(country):]
            named = [k for k in (rest, full + rest) if k in keys and k != m.key]
            if start == m.start and m.key.startswith(country) and named:
                bare[m.key] = named[0]
    return [replace(m, key=bare[m.key]) if m.type == "Organisation" and m.key in bare else m
            for m in mentions]


def _honour_references(mentions: list[Mention]) -> list[Mention]:
    """A title named short (巾帼建功标兵, 妇女儿童发展纲要先进集体) where the document also
    names it in full (山东省卫生系统巾帼建功标兵) is that title, when exactly one title of the
    document ends with it; a head that is a title by itself stays apart from the same head
    at a level (三八红旗手, 全国三八红旗手 are two honours), and so does a title that names its
    own level (国家教学名师 beside 中组部“万人计划”国家教学名师)."""
    keys = {m.key for m in mentions if m.type == "Honour"}
    full = {}
    for key in keys:
        if _honour_levels().match(key).end():
            continue  # a title with its own level (国家教学名师) is not a short form
        longer = [k for k in keys if k != key and k.endswith(key)]
        if len(longer) == 1 and not (key in _standalone_honours()
                                     and _only_level(longer[0][:-len(key)])):
            full[key] = longer[0]
    return [replace(m, key=full[m.key]) if m.type == "Honour" and m.key in full else m
            for m in mentions]


def _own_organs(mentions: list[Mention]) -> list[Mention]:
    """An organ named by its term alone (第五届主席团), or by its bare word (党组 of a list of
    leaders), is the organ of the organisation the document names most; with none, it is no
    body in particular and is dropped."""
    counts = Counter(m.key for m in mentions if m.type == "Organisation"
                     and not m.key.startswith("第") and m.key not in _suffix_forms())
    own = min(counts, key=lambda k: (-counts[k], k)) if counts else None
    result = []
    for m in mentions:
        if m.cue == "organ" and (m.key.startswith("第") or m.key in _suffix_forms()):
            if own is None:
                continue
            m = replace(m, key=own + m.key)
        result.append(m)
    return result


def _implied_places(mentions: list[Mention]) -> list[Mention]:
    """Each organisation and programme with the place its resolved name holds when the text
    only implied it (``Mention.implied_place``: 自治区妇联 -> 内蒙古自治区妇女联合会 is in
    内蒙古自治区; 自治区党委 -> 中国共产党内蒙古自治区委员会)."""
    index = place_index()
    starts: dict[str, list[int]] = defaultdict(list)  # where each place is named, in order
    for p in mentions:
        if p.type == "Place":
            starts[p.key].append(p.start)
    bodies = [m for m in mentions if m.type in ("Organisation", "Programme")]
    # (a body the text also names by another word, 该会: where it writes the name)
    written = {m.key for m in bodies if m.surface.startswith((_place_at_start(m.key) or "?")[0])}
    result = []
    for m in mentions:
        result.append(m)
        if m.type not in ("Organisation", "Programme"):
            continue
        at_start = _place_at_start(m.key)
        if at_start and (m.key in written or m.key.startswith(_known_canonicals())):
            # the text names it there, or extraction read it as no place (阿里巴巴), or it
            # opens a national body's own name (新疆 of 新疆生产建设兵团)
            at_start = None
        place = _place_in_name(m.key) or (at_start[1] if at_start else None)
        if place is None:
            continue
        named = starts[place]
        i = bisect_left(named, m.start)
        if i < len(named) and named[i] < m.end:
            continue  # the name already holds the place itself
        if index.level(place) not in (None, "country") and place not in words("generic_districts"):
            # the country a national body's official name opens with (中华人民共和国教育部) is
            # not a place the text names, nor is 城区 of a city that has none (城区学校)
            result[-1] = replace(m, implied_place=place)
    return result


@per_rule_set
def _full_name_lexicon() -> Lexicon:
    return Lexicon((name, name) for name in place_index().by_name)


@per_rule_set(maxsize=65536)
def _place_in_name(name: str) -> str | None:
    """The innermost of the first places written in a row in a canonical name (重庆市潼南区)."""
    hits = sorted((s, -e, p[0]) for s, e, p in _full_name_lexicon().find(name) if e - s < len(name))
    for hit in hits[1:]:  # (a place inside the one before it: not 中山市|东区, Hong Kong's)
        if hit[0] == -hits[0][1] and hits[0][2] in place_index().ancestors(hit[2]):
            hits[0] = hit
    return hits[0][2] if hits else None
