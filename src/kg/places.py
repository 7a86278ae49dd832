"""The place gazetteer: China's administrative divisions and named regions, from the rule files.

``rules/places.tsv`` (generated from packaged open data by ``tools/make_places.py``) holds
provinces, prefectures and counties with their parents, ``rules/places_former.tsv`` the former
ones of the 2002-2014 revisions (永定县, 龙海市); ``rules/regions.tsv`` holds countries and
named regions. A short form shared by two places is ambiguous and is not used on its own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from .model import Mention
from .rules import per_rule_set, split_list, table, word_pattern, words


#: The country every province-level division is part of.
COUNTRY = "中华人民共和国"
#: The suffix of a town, township, sum, gacha, village or sub-district: a place's short form
#: right before one is part of that lower place's name (红星|村, not the district 红星区).
TOWN_SUFFIX = re.compile(r"镇|乡|村|苏木|嘎查|街道|街(?![头巷上])")
@per_rule_set
def town_at_end() -> re.Pattern:
    """A town's name (two to four characters and a town suffix, rules/words.tsv) closing a
    text, alone or after a place's level word (上湖乡, 某市清风店镇); not 乡镇, towns at large."""
    return re.compile(r"(?:^|(?<=[省市县区旗盟州]))(?!.*乡镇)[\u4e00-\u9fff]{2,4}?"
                      + word_pattern("town_suffixes") + "$")


_RANK = {"country": 0, "province": 1, "prefecture": 2, "county": 3}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    level: str
    code: str = ""
    parent: str | None = None


class PlaceIndex:
    """Names, short forms and parents of every known place."""

    def __init__(self, places: list[Place], short_forms: dict[str, list[str]],
                 abbreviations: dict[str, str] | None = None, qualified: Iterable[Place] = ()):
        #: one-character abbreviations (晋 -> 山西省), safe only in compounds and lists
        self.abbreviations: dict[str, str] = dict(abbreviations or {})
        self.by_name: dict[str, list[Place]] = {}
        for place in places:
            self.by_name.setdefault(place.name, []).append(place)
        #: districts named by an ordinary word, by their city's name and theirs (长治市城区):
        #: places, but no form the extractor looks for (the text's 长治市|城区 is two)
        self.qualified = frozenset(place.name for place in qualified)
        for place in qualified:
            self.by_name.setdefault(place.name, []).append(place)
        owners: dict[str, set[str]] = {}
        for name, forms in short_forms.items():
            for form in forms:
                if form not in self.by_name:
                    owners.setdefault(form, set()).add(name)
        self.short: dict[str, str] = {}
        for form, names in owners.items():
            if len(names) == 1:  # (most forms: nothing to rank)
                (self.short[form],) = names
                continue
            # a form shared by places of different levels names the highest (河北 -> 河北省)
            ranked = sorted(names, key=lambda n: (_RANK.get(self.level(n), 9), n))
            if _RANK.get(self.level(ranked[0]), 9) < _RANK.get(self.level(ranked[1]), 9):
                self.short[form] = ranked[0]

    def forms(self):
        """Every ``(surface form, full name)`` pair the extractor looks for."""
        for name in sorted(self.by_name.keys() - self.qualified):
            yield name, name
        for form, name in sorted(self.short.items()):
            yield form, name

    def level(self, name: str) -> str | None:
        """The level of a place (province, prefecture, county, country, region …)."""
        entries = self.by_name.get(name)
        return entries[0].level if entries else None

    def ancestors(self, name: str) -> set[str]:
        """Every place above ``name`` (its prefecture, province and the country)."""
        seen, pending = set(), [name]
        while pending:
            for parent in self.parents(pending.pop()):
                if parent not in seen:
                    seen.add(parent)
                    pending.append(parent)
        return seen

    def parents(self, name: str) -> list[str]:
        """The possible parents of a place (several when its name is not unique); a province
        is part of the country."""
        entries = self.by_name.get(name, ())
        parents = {p.parent for p in entries if p.parent}
        if any(p.level == "province" for p in entries):
            parents.add(COUNTRY)
        return sorted(parents)


@per_rule_set
def _district_committee() -> re.Pattern:
    """A committee of a district (…区) of a body of rules/words.tsv district_committee_heads,
    the district right after the body's name."""
    return re.compile(f"(?P<head>{word_pattern('district_committee_heads')})"
                      "(?P<district>[\u4e00-\u9fff]{1,6}?区)(?P<rest>委员会.*)")


def with_district_city(name: str, region: str | Sequence[str] | None) -> str:
    """A district's committee named with its city, as it is officially (a county's is not):
    中国共产党宝山区委员会 -> 中国共产党上海市宝山区委员会; where two cities have a district of
    that name, the document's (``region``, or one of its regions), else the name as it is.

    >>> with_district_city("中国共产党集美区委员会统战部", ())
    '中国共产党厦门市集美区委员会统战部'
    >>> with_district_city("中国共产党宝山区委员会", ("黑龙江省", "双鸭山市"))
    '中国共产党双鸭山市宝山区委员会'
    >>> with_district_city("中国共产党宝山区委员会", ())
    '中国共产党宝山区委员会'
    """
    m, index = _district_committee().fullmatch(name), place_index()
    regions = (region,) if isinstance(region, str) else region or ()
    if m is None or index.level(m["district"]) != "county":
        return name
    cities = [p for p in index.parents(m["district"])
              if index.level(p) in ("province", "prefecture")]
    if len(cities) > 1:
        cities = [c for c in cities if c in regions]
    return f"{m['head']}{cities[0]}{m['district']}{m['rest']}" if len(cities) == 1 else name


@per_rule_set
def place_index() -> PlaceIndex:
    """The gazetteer, loaded once: today's divisions and the former ones archived reports
    name (rules/places_former.tsv; a code means today's division first)."""
    rows = table("places.tsv") + table("places_former.tsv")
    by_code: dict[str, str] = {}
    for row in rows:
        by_code.setdefault(row.code, row.name)
    places, short_forms, generic = [], {}, set(words("generic_districts"))
    for row in rows:
        places.append(Place(row.name, row.level, row.code, by_code.get(row.parent_code)))
        short_forms.setdefault(row.name, []).extend(split_list(row.short_forms))
    qualified = [Place(p.parent + p.name, p.level, p.code, p.parent) for p in places
                 if p.name in generic and p.parent]
    abbreviations: dict[str, str] = {}
    for row in table("regions.tsv"):
        for char in split_list(row.abbreviations):
            abbreviations.setdefault(char, row.name)
        if row.kind == "province_abbreviation":
            continue
        places.append(Place(row.name, row.kind))
        short_forms.setdefault(row.name, []).extend(split_list(row.short_forms))
    return PlaceIndex(places, short_forms, abbreviations, qualified)


@dataclass(frozen=True)
class Division:
    """An administrative division as the gazetteer gives it: GB/T 2260 code (empty for the
    country) and the name of its parent (None for the country)."""

    name: str
    code: str
    parent: str | None


#: GB/T 2260 code prefixes of Taiwan, Hong Kong and Macao, whose governments are no people's
#: governments (嘉义县政府, 香港特别行政区政府).
_BEYOND_THE_MAINLAND = ("71", "81", "82")


def beyond_the_mainland(name: str) -> bool:
    """Whether a place lies in Taiwan, Hong Kong or Macao (by its division code).

    >>> beyond_the_mainland("嘉义县"), beyond_the_mainland("嘉兴市")
    (True, False)
    """
    return any(entry.code.startswith(_BEYOND_THE_MAINLAND)
               for entry in place_index().by_name.get(name, ()))


@per_rule_set
def divisions() -> dict[str, Division]:
    """Name -> division, for every name that is one division only (朝阳区 is two, left out),
    and the country, parent of every province."""
    rows = table("places.tsv")
    names = {row.code: row.name for row in rows}
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.name] = counts.get(row.name, 0) + 1
    found = {COUNTRY: Division(COUNTRY, "", None)}
    generic = set(words("generic_districts"))
    for row in rows:
        if counts[row.name] == 1:
            found[row.name] = Division(row.name, row.code, names.get(row.parent_code, COUNTRY))
        elif row.name in generic and row.parent_code in names:  # (阳泉市城区)
            parent = names[row.parent_code]
            found[parent + row.name] = Division(parent + row.name, row.code, parent)
    return found


def name_generic_districts(mentions: Sequence[Mention],
                           cities: tuple[str, ...]) -> list[Mention]:
    """A district named by an ordinary word (城区, 郊区, 矿区: rules/words.tsv
    generic_districts) is named with its city (长治市城区): the city written right before it,
    else the document's city when it has such a district; a body named after it (城区侨联) is
    that city's district's too. With neither, the word is no place.

    Parameters
    ----------
    mentions : sequence of Mention
        A document's mentions, keys resolved.
    cities : tuple of str
        The places the document is about (``detect_localities``).

    Returns
    -------
    list of Mention
        The mentions, those districts and the bodies named after them with their new keys.
    """
    index, generic = place_index(), set(words("generic_districts"))
    ends = {m.end: m.key for m in mentions if m.type == "Place"}
    named: dict[int, tuple[str, str]] = {}  # start -> (district, qualified name)
    for m in mentions:
        if m.type == "Place" and m.key in generic:
            parents = index.parents(m.key)
            city = ends.get(m.start) if ends.get(m.start) in parents else \
                next((c for c in cities if c in parents), None)
            if city:
                named[m.start] = (m.key, city + m.key)
    result = []
    for m in mentions:
        if m.start in named and m.key.startswith(named[m.start][0]) and m.type in (
                "Place", "Organisation"):
            m = replace(m, key=named[m.start][1] + m.key[len(named[m.start][0]):])
        elif m.type == "Place" and m.key in generic:
            continue
        result.append(m)
    return result


#: The cue of gazetteer matches (a full name, or a short form whose key is the full name).
GAZETTEER = "gazetteer"


def _home_province(mentions: Sequence[Mention], province: str | None) -> str | None:
    """The document's province: the one it names most, else that of the prefecture (or else
    the county) it names most, twice at least and no tie: a city report need not name its
    province."""
    if province:
        return province
    index = place_index()
    for level in ("prefecture", "county"):
        counts = Counter(m.key for m in mentions
                         if m.type == "Place" and index.level(m.key) == level).most_common(2)
        if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[1][1] < counts[0][1]):
            return next((a for a in index.ancestors(counts[0][0])
                         if index.level(a) == "province"), None)
    return None


def stray_short_forms(mentions: Sequence[Mention], province: str | None) -> frozenset[Mention]:
    """Short forms of counties of another province that the document never places.

    A county's two-character short form is often an ordinary name too: part of a person's
    name (周静海), a company's (长岭炼化 in a Hunan report), an idiom (同心同德), a township
    (金宁乡). A report names places of its own province; a county elsewhere is named with
    its prefecture or province (吉林长岭, 江苏东海县) or in full. So a bare short form of a
    county outside the document's province, whose prefecture and province the document does
    not name, is not read as that county; nor is the full name of a county named by one
    character (和县 in 妇联和县直单位, 新县), which is two characters of running text as often.

    Parameters
    ----------
    mentions : sequence of Mention
        A document's mentions, keys not yet resolved (a place's key is its full name).
    province : str or None
        The province the document names most (``detect_region``); without one the
        province of the prefecture it names most is used, and with neither nothing is stray.

    Returns
    -------
    frozenset of Mention
        The Place mentions to drop.

    Examples
    --------
    >>> def place(start, surface, key):
    ...     return Mention("d", start, start + len(surface), surface, "Place", "rules/places.tsv",
    ...                    key, GAZETTEER)
    >>> found = [place(0, "中国", "中华人民共和国"), place(2, "湖南", "湖南省"),
    ...          place(9, "长岭", "长岭县"), place(20, "宁乡", "宁乡市")]
    >>> sorted(m.surface for m in stray_short_forms(found, "湖南省"))
    ['长岭']
    """
    home = _home_province(mentions, province)
    if home is None:
        return frozenset()
    index = place_index()
    named = {m.key for m in mentions if m.type == "Place"}
    stray = set()
    for m in mentions:
        if (m.type != "Place" or m.cue != GAZETTEER or (m.surface == m.key and len(m.key) > 2)
                or index.level(m.key) != "county"):
            continue
        above = index.ancestors(m.key) - {COUNTRY}
        if home not in above and not (above & named):
            stray.add(m)
    return frozenset(stray)


#: What a heading line may hold around its place's name: blanks and brackets (【岢 岚】).
_HEADING_MARKS = re.compile(r"[\s【】〔〕\[\]]+")


def section_places(text: str) -> list[tuple[int, str]]:
    """The sections of a round-up page headed by a line that is only a city's or county's
    name (``岢 岚`` over one county's news, ``祁 县`` over the next): the start of each heading
    and the place it names, in text order; in such a section 县妇联 is that county's.

    >>> section_places("岢 岚\\n县妇联开展活动。\\n祁 县\\n县委出席。")
    [(0, '岢岚县'), (13, '祁县')]
    """
    index, result, start = place_index(), [], 0
    for line in text.splitlines(keepends=True):
        name = _HEADING_MARKS.sub("", line)
        if 2 <= len(name) <= 6:
            place = name if name in index.by_name else index.short.get(name)
            if place and index.level(place) in ("prefecture", "county"):
                result.append((start, place))
        start += len(line)
    return result


def detect_region(mentions: Iterable[Mention]) -> str | None:
    """The province-level place a document names most often, counting the cities and counties
    it names inside each (ties: the first named): a county page that names a company's
    province twice (广东某铝业) is still in the county's province; Taiwan's, Hong Kong's and
    Macao's cities count only where no other province is named."""
    index = place_index()
    named: Counter = Counter()
    below: Counter = Counter()  # the cities and counties named inside each
    first: dict[str, int] = {}
    for m in (m for m in mentions if m.type == "Place"):
        level = index.level(m.key)
        if level == "province":
            named[m.key] += 1
            first.setdefault(m.key, m.start)
        elif level in ("prefecture", "county"):
            for province in index.ancestors(m.key):
                if index.level(province) == "province":
                    below[province] += 1
                    first.setdefault(province, m.start)
    if not named:
        return None
    if any(_in_the_standard(name) for name in named):
        # a mainland page on a visit to Taiwan or Hong Kong names their cities, not its own:
        # they count only on a page that names no mainland province
        below = Counter({name: n for name, n in below.items() if _in_the_standard(name)})
    return min(named.keys() | below.keys() if below else named,
               key=lambda name: (-(named[name] + below[name]), -below[name], first[name]))


#: The codes of Taiwan, Hong Kong and Macao, whose lower units GB/T 2260 does not list.
_OUTSIDE_THE_STANDARD = frozenset(("710000", "810000", "820000"))


def _in_the_standard(province: str) -> bool:
    """Whether a province-level place is one whose lower units GB/T 2260 lists."""
    return all(p.code not in _OUTSIDE_THE_STANDARD for p in place_index().by_name[province])


def detect_localities(mentions: Iterable[Mention], province: str | None) -> tuple[str, ...]:
    """The prefecture and the county a document is about, if it names one of each level more
    than any other and at least twice, or only one of that level (inside its province, when
    that is known): a city report's 市妇联 is that city's."""
    index = place_index()
    found = []
    for level in ("prefecture", "county"):
        counts = Counter(m.key for m in mentions if m.type == "Place"
                         and index.level(m.key) == level)
        ranked = counts.most_common(2)
        # named most and twice at least; or the only one of its level, named once (a city
        # that only the dateline or one sentence names)
        if not ranked or (ranked[0][1] < 2 and len(ranked) > 1) \
                or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            continue
        place = ranked[0][0]
        if province is None or province in index.ancestors(place):
            found.append(place)
    return _with_city_of_county(tuple(found)) or _city_of_counties(mentions, province)


def _city_of_counties(mentions: Iterable[Mention], province: str | None) -> tuple[str, ...]:
    """The city a document is about when it names no city and none of its counties most, but
    two or more counties and all of one city (a city paper's round of its counties, 某县、某县
    等地, that writes only 市委, 市政府 for the city itself), inside its province if known."""
    index = place_index()
    counties = {m.key for m in mentions if m.type == "Place" and index.level(m.key) == "county"}
    cities = {tuple(index.parents(county)) for county in counties}
    if len(counties) < 2 or len(cities) != 1 or len(next(iter(cities))) != 1:
        return ()
    city = next(iter(cities))[0]
    return (city,) if index.level(city) == "prefecture" and (
        province is None or province in index.ancestors(city)) else ()


def _with_city_of_county(localities: tuple[str, ...]) -> tuple[str, ...]:
    """The localities, and after a county the city it lies in when the document names no
    city: a city paper's page that names one of its counties (某县某村) and writes only 市委,
    市妇联 for the city itself. The county stays first for its own level word (县, or 市 of a
    county-level city)."""
    index = place_index()
    if not localities or any(index.level(p) == "prefecture" for p in localities):
        return localities
    parents = index.parents(localities[-1])  # (several when the county's name is not unique)
    city = parents[0] if len(parents) == 1 and index.level(parents[0]) == "prefecture" else None
    return localities + ((city,) if city else ())
