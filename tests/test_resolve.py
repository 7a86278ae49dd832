"""Resolution: one node per real thing across forms, scripts and documents; regions differ."""
from pathlib import Path

import pytest

from kg import pipeline
from kg.resolve import canonical_organisation
from kg.vocab import entity_iri


def build_texts(tmp_path: Path, texts: dict[str, str]):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return pipeline.build([tmp_path])


def organisations(graph):
    return {e.name: e for e in graph.entities if e.type == "Organisation"}


def test_three_forms_and_two_scripts_are_one_node(tmp_path):
    graph = build_texts(tmp_path, {
        "a.txt": "内蒙古自治区妇女联合会召开会议。内蒙古自治区。",
        "b.txt": "自治区妇联主席王芳出席。内蒙古自治区。",
        "c.txt": "內蒙古自治區婦聯(lián)開展活動。內蒙古自治區。",
    })
    federation = organisations(graph)["内蒙古自治区妇女联合会"]
    assert {"自治区妇联", "内蒙古自治区妇联"} <= set(federation.aliases)
    assert any("婦" in form for form in federation.original_aliases)
    assert sum(e.name.endswith("妇女联合会") for e in graph.entities) == 1


def test_same_short_form_in_two_regions_is_two_nodes(tmp_path):
    graph = build_texts(tmp_path, {
        "guangxi.txt": "广西壮族自治区召开会议。自治区妇联开展活动。",
        "neimenggu.txt": "内蒙古自治区召开会议。自治区妇联开展活动。",
    })
    names = set(organisations(graph))
    assert {"广西壮族自治区妇女联合会", "内蒙古自治区妇女联合会"} <= names


@pytest.mark.parametrize("name, region, canonical", [
    ("自治区党委", "内蒙古自治区", "中国共产党内蒙古自治区委员会"),
    ("自治区党委编办", "内蒙古自治区", "中国共产党内蒙古自治区委员会机构编制委员会办公室"),
    ("省妇联", "湖南省", "湖南省妇女联合会"),
    ("呼市妇联", None, "呼和浩特市妇女联合会"),
    ("自治区政府", "宁夏回族自治区", "宁夏回族自治区人民政府"),
    ("中共内蒙古自治区委员会", None, "中国共产党内蒙古自治区委员会"),
    ("中国共产党中央委员会", None, "中国共产党中央委员会"),
    ("湖南省人大常委会", None, "湖南省人民代表大会常务委员会"),
    ("长沙市人大", None, "长沙市人民代表大会"),
    ("湖南省政协", None, "中国人民政治协商会议湖南省委员会"),
    ("内蒙古自治区科协", None, "内蒙古自治区科学技术协会"),
    ("共青团湖南省委", None, "共青团湖南省委员会"),
    ("共青团长沙市委宣传部", None, "共青团长沙市委员会宣传部"),
    ("共青团省委", "甘肃省", "共青团甘肃省委员会"),
    ("共青团湖南株洲市委", None, "共青团株洲市委员会"),
    ("株洲市法院", None, "株洲市人民法院"),
    ("醴陵市检察院", None, "醴陵市人民检察院"),
    ("浙江省宁波市委", None, "中国共产党宁波市委员会"),
    ("党中央委员会", None, "中国共产党中央委员会"),
    # a region's short form before the short form of a people's body
    ("广西侨联", None, "广西壮族自治区归国华侨联合会"),
    ("湖南残联", None, "湖南省残疾人联合会"),
    # the level word written again before the committee or the government
    ("株洲市市委", None, "中国共产党株洲市委员会"),
    ("株洲市市政府", None, "株洲市人民政府"),
    ("株洲市市场监管局", None, "株洲市市场监管局"),
    # a zone's party working committee, named with or without the zone's city
    ("长沙市湘江新区党工委", None, "中国共产党长沙市湘江新区工作委员会"),
    ("湘江新区党工委", None, "中国共产党湘江新区工作委员会"),
    # a government's working committee, the government written short or not
    ("湘潭市政府妇儿工委", None, "湘潭市人民政府妇女儿童工作委员会"),
    ("湘潭市人民政府妇儿工委办公室", None, "湘潭市人民政府妇女儿童工作委员会办公室"),
    # a league committee of a county or a town, named as the league names them; a town's
    # bodies written in full, but not 乡镇 (towns at large) nor a school's league committee
    ("攸县团委", None, "共青团攸县委员会"),
    ("攸县网岭镇团委", None, "共青团攸县网岭镇委员会"),
    ("黄土乡侨联", None, "黄土乡归国华侨联合会"),
    ("全县各乡镇团委", None, "全县各乡镇团委"),
    ("湘潭大学团委", None, "湘潭大学团委"),
    # a company's unit keeps the place as the company writes it
    ("宁波亚太实业有限公司销售部", None, "宁波亚太实业有限公司销售部"),
    # a district's party, CPPCC or league committee is named with its city, a county's not
    ("雨花区委组织部", None, "中国共产党长沙市雨花区委员会组织部"),
    ("雨花区政协", None, "中国人民政治协商会议长沙市雨花区委员会"),
    ("雨花区团委", None, "共青团长沙市雨花区委员会"),
    ("攸县县委", None, "中国共产党攸县委员会"),
    ("雨花区妇联", None, "雨花区妇女联合会"),
    # of two districts of one name, the one of the document's city, else none
    ("朝阳区委", ("吉林省", "长春市"), "中国共产党长春市朝阳区委员会"),
    ("朝阳区委", None, "中国共产党朝阳区委员会"),
])
def test_canonical_organisation_names(name, region, canonical):
    assert canonical_organisation(name, region) == canonical


def test_iris_are_deterministic(tmp_path):
    first = build_texts(tmp_path, {"a.txt": "自治区妇联开展活动。内蒙古自治区。"})
    second = pipeline.build([tmp_path])
    assert [e.iri for e in first.entities] == [e.iri for e in second.entities]
    assert entity_iri("Organisation", "内蒙古自治区妇女联合会") in {e.iri for e in first.entities}


def test_meeting_series_with_and_without_its_hui_is_one_node(tmp_path):
    graph = build_texts(tmp_path, {
        "a.txt": "湖南省妇联开展 百场宣讲 妇女恳谈 等活动。",
        "b.txt": "湖南省妇联举办“妇女恳谈会”等活动。",
    })
    talks = [e for e in graph.entities if e.type == "Programme" and "恳谈" in e.name]
    assert [(e.name, "妇女恳谈" in e.aliases) for e in talks] == [("妇女恳谈会", True)]


def test_bare_city_body_is_the_city_the_report_is_about(tmp_path):
    graph = build_texts(tmp_path, {
        "cs.txt": "2023年,长沙市妇联实施“巾帼建功”行动。长沙市各级妇联开展活动。"
                  "市妇联主席王新华出席会议。市场监管局参加。",
        "none.txt": "市妇联主席李梅出席会议。",
    })
    federation = organisations(graph)["长沙市妇女联合会"]
    assert "市妇联" in federation.aliases
    assert not [name for name in organisations(graph) if name.startswith(("市妇", "长沙市场"))]


def test_bare_city_body_in_a_municipality(tmp_path):
    graph = build_texts(tmp_path, {
        "cq.txt": "重庆市酉阳县妇联召开会议。重庆市妇联部署工作。该县妇女被市妇联评为先进。"})
    assert "市妇联" in organisations(graph)["重庆市妇女联合会"].aliases


def test_aliases_carry_no_unpaired_quotation_mark(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": "湖南省妇联实施“春蕾计划”和妇女“两癌”筛查项目。"})
    plan = next(e for e in graph.entities if e.name == "春蕾计划")
    assert not [alias for alias in plan.aliases if alias.count("“") != alias.count("”")]


def test_aliases_carry_no_quotation_marks_stray_spaces_or_invisible_characters(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": "湖南省妇联开展“巾帼 建功”竞赛，表彰“三八​红旗手”"
                                            "标兵，衡阳市 妇联 参加。"})
    aliases = {alias for e in graph.entities for alias in e.aliases + e.original_aliases}
    assert aliases, "the text has aliases"
    assert not [a for a in aliases if set(a) & set("“”\u200b") or " " in a.strip()
                or a != a.strip()]
    assert not [e.original_aliases for e in graph.entities if e.original_aliases]


@pytest.mark.parametrize("text, name, alias", [
    # a one-character level word and a one-character suffix that jieba reads as one word
    ("株洲市妇联开会。株洲市文明办参加。会议在市委的领导下召开。", "中国共产党株洲市委员会", "市委"),
    # 市政 is an ordinary word, but 市政府 is the city's government
    ("株洲市妇联开会。株洲市文明办参加。市政府副市长到会。", "株洲市人民政府", "市政府"),
    ("醴陵市妇联开会。醴陵市文明办参加。市法院、市检察院派员出席。", "醴陵市人民法院", "市法院"),
    # the youth league's committees: 团 + a relative or named place + 委
    ("甘肃省妇联开会。甘肃省文明办参加。团省委书记到会。", "共青团甘肃省委员会", "团省委"),
    ("株洲市妇联开会。株洲市文明办参加。团市委发出倡议。", "共青团株洲市委员会", "团市委"),
    ("醴陵市开会。醴陵市文明办参加。团湖南醴陵市委组织青年志愿者。", "共青团醴陵市委员会",
     "团湖南醴陵市委"),
    # a city or district that only the dateline names, and the province it lies in
    ("株洲讯 市妇联开展送法进社区活动。", "株洲市妇女联合会", "市妇联"),
    ("天心区讯 区妇联和省妇联开展活动。", "天心区妇女联合会", "区妇联"),
    ("天心区讯 区妇联和省妇联开展活动。", "湖南省妇女联合会", "省妇联"),
    # a city paper that names one of its counties, never the city: 市 is the county's city
    ("市妇联在汝阳县开展关爱留守儿童活动，县妇联参加。", "洛阳市妇女联合会", "市妇联"),
    ("市妇联在汝阳县开展关爱留守儿童活动，县妇联参加。", "汝阳县妇女联合会", "县妇联"),
    # the county or city the page names, referred to as this one or the one named before
    ("汝城县召开会议。该县妇联主席出席。汝城县妇联。", "汝城县妇女联合会", "该县妇联"),
    ("汝城县召开会议。我县残联理事长出席。汝城县残联。", "汝城县残疾人联合会", "我县残联"),
    ("郴州市召开会议。本市总工会主席出席。郴州市总工会。", "郴州市总工会", "本市总工会"),
    # a county-level city is the 市 itself
    ("市妇联在高安市开展关爱留守儿童活动。", "高安市妇女联合会", "市妇联"),
])
def test_relative_bodies_resolve_to_the_report_s_place(tmp_path, text, name, alias):
    organisation = organisations(build_texts(tmp_path, {"a.txt": text}))[name]
    assert alias in organisation.aliases


def test_a_youth_league_committee_is_not_also_the_party_s(tmp_path):
    names = organisations(build_texts(tmp_path, {
        "a.txt": "株洲市妇联开会。株洲市文明办参加。团市委发出倡议。"}))
    assert "中国共产党株洲市委员会" not in names


def test_a_relative_body_under_a_heading_that_names_a_county_is_that_county_s(tmp_path):
    # the page is about 林西县 (named most), but 县妇联 under the heading 宁 城 is 宁城县's
    graph = build_texts(tmp_path, {"roundup.txt": (
        "宁 城\n3月8日，县妇联在广场开展普法宣传。\n"
        "林 西\n林西县举办讲座，林西县各界妇女参加，县妇联主席出席。林西县。\n")})
    names = organisations(graph)
    assert "县妇联" in names["宁城县妇女联合会"].aliases
    assert "县妇联" in names["林西县妇女联合会"].aliases


def test_a_county_s_short_form_before_diqu_names_a_prefecture_not_the_county():
    # 晋江地区 was a prefecture; 晋江市 is a county-level city of today
    assert not canonical_organisation("晋江地区科协", None).startswith("晋江市")
    assert canonical_organisation("晋江科协", None) == "晋江市科学技术协会"


def test_resolve_reads_the_sections_extract_found():
    from dataclasses import replace

    from kg.extract import extract_document
    from kg.model import Marks
    from kg.normalize import make_document
    from kg.resolve import resolve_document

    text = "宁 城\n县妇联开展普法宣传。\n林 西\n林西县举办讲座。林西县妇女参加。\n"
    document, mentions = extract_document(make_document(text.encode(), "roundup.txt"))

    def bodies(doc):
        return {m.key for m in resolve_document(doc, mentions)[1] if m.type == "Organisation"}

    assert bodies(document) == {"宁城县妇女联合会"}
    # without the sections extract handed on, 县妇联 is the county the page is about
    assert bodies(replace(document, marks=Marks())) == {"林西县妇女联合会"}


def test_a_governments_unit_named_with_and_without_the_government_is_one_body(tmp_path):
    names = organisations(build_texts(tmp_path, {"a.txt": (
        "湘潭市政府妇儿工委召开全体会议。湘潭市妇儿工委副主任、湘潭市妇联主席刘某作报告。")}))
    assert "湘潭市人民政府妇女儿童工作委员会" in names
    assert "湘潭市妇女儿童工作委员会" not in names



def test_a_district_committee_named_with_its_city_lies_in_the_district(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": "雨花区妇联在区委党校举办培训班。长沙市雨花区。"})
    school = organisations(graph)["中国共产党长沙市雨花区委员会党校"]
    located = {graph.entity(f.object).name for f in graph.facts
               if f.subject == school.iri and f.predicate == "locatedIn"}
    assert located == {"雨花区"}


def test_a_bare_city_body_on_a_page_that_names_only_the_city_s_counties(tmp_path):
    # 攸县 and 茶陵县 are both 株洲市's: the page is about that city
    graph = build_texts(tmp_path, {
        "a.txt": "市委书记带领市政府督查组深入攸县、茶陵县等地检查项目建设。"})
    assert {"中国共产党株洲市委员会", "株洲市人民政府"} <= set(organisations(graph))


def test_counties_of_two_cities_name_no_city(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": "市委书记带领督查组深入攸县、湘潭县等地检查。"})
    assert not [n for n in organisations(graph) if n.endswith("市委员会")]
