"""A body's own sessions and congresses: programmes named with the body, run by it, held
where the text says (X妇联十三届三次执委会议在…召开)."""
import pytest

from extraction import entities
from test_relate import facts_of, graph_of


@pytest.mark.parametrize("text, meeting", [
    ("5月9日，湖南省妇联十二届四次执委会议在长沙召开。", "湖南省妇联十二届四次执委会议"),
    ("会议传达了全国妇联常委(扩大)会议精神。", "全国妇联常委(扩大)会议"),
    ("贵州省妇联第十二届执行委员会第一次会议选举了主席。", "贵州省妇联第十二届执行委员会第一次会议"),
    ("他列席了浙江省政协全会。", "浙江省政协全会"),
])
def test_a_session_keeps_its_body_and_number(text, meeting):
    assert ("Programme", meeting) in entities(text)


def test_a_session_named_with_a_relative_body_is_that_citys(tmp_path):
    graph = graph_of(tmp_path, "3月2日，市妇联第九届二次执委(扩大)会议在岳阳市召开。岳阳市妇联主席讲话。")
    assert ("岳阳市妇女联合会", "岳阳市妇联第九届二次执委(扩大)会议") in facts_of(graph, "runs")


@pytest.mark.parametrize("text, meeting, place", [
    ("4月3日，湖南省妇联十二届四次执委会议在长沙召开。", "湖南省妇联十二届四次执委会议", "长沙市"),
    # the day may stand between the meeting and 在
    ("湖南省妇联十二届四次执委会议18日在长沙召开。", "湖南省妇联十二届四次执委会议", "长沙市"),
    ("广西壮族自治区第十三次妇女代表大会在南宁市隆重开幕。", "广西壮族自治区第十三次妇女代表大会",
     "南宁市"),
])
def test_a_meeting_is_held_where_its_sentence_says(tmp_path, text, meeting, place):
    assert (meeting, place) in facts_of(graph_of(tmp_path, text), "locatedIn")


def test_a_number_of_sittings_of_another_body_does_not_join_two_names(tmp_path):
    found = entities("浙江省温州市十四届人大常委会举行第十次会议。")
    assert not [name for kind, name in found if kind == "Programme" and "十四届" in name]


def test_a_session_is_not_located_in_its_bodys_seat(tmp_path):
    graph = graph_of(tmp_path, "湖南省妇联十二届四次执委会议在长沙召开。")
    located = facts_of(graph, "locatedIn")
    assert ("湖南省妇联十二届四次执委会议", "长沙市") in located
    assert ("湖南省妇联十二届四次执委会议", "湖南省") not in located
    assert ("湖南省妇女联合会", "湖南省") in located


def test_a_regions_congress_is_the_regions(tmp_path):
    graph = graph_of(tmp_path, "湖南省第十三次妇女代表大会开幕。")
    assert ("湖南省第十三次妇女代表大会", "湖南省") in facts_of(graph, "locatedIn")


def test_a_county_youth_league_congress_is_the_county_committees(tmp_path):
    graph = graph_of(tmp_path, "5月4日，共青团宁陵县第十五次代表大会开幕，团县委书记作报告。"
                               "大会选举产生了共青团宁陵县第十六届委员会。")
    runs, parts = facts_of(graph, "runs"), facts_of(graph, "partOf")
    assert ("共青团宁陵县委员会", "共青团宁陵县第十五次代表大会") in runs
    assert ("中国共产主义青年团", "共青团宁陵县第十五次代表大会") not in runs
    assert ("共青团宁陵县第十六届委员会", "共青团宁陵县委员会") in parts
    assert ("共青团宁陵县第十六届委员会", "中国共产主义青年团") not in parts


def test_a_county_youth_league_congress_without_its_committee_named_is_nobodys(tmp_path):
    graph = graph_of(tmp_path, "共青团宁陵县第十五次代表大会开幕，代表们讨论了报告。")
    assert not [f for f in facts_of(graph, "runs") if f[1] == "共青团宁陵县第十五次代表大会"]


def test_a_districts_congress_named_with_its_city_is_the_district_federations(tmp_path):
    graph = graph_of(tmp_path, "11月3日，株洲市荷塘区第六次妇女代表大会召开，区妇联主席作报告。")
    assert ("荷塘区妇女联合会", "株洲市荷塘区第六次妇女代表大会") in facts_of(graph, "runs")


def test_a_body_named_inside_a_title_is_not_the_writer(tmp_path):
    # the national federation is named twice, once inside the charter's title: the page is
    # the district federation's, which runs the meeting the sentence leaves without a host
    graph = graph_of(tmp_path, "区妇联学习《中华全国妇女联合会章程》。全国妇联发出通知。"
                               "区妇联主席出席。4月2日，召开“巾帼心向党”宣讲会。")
    runs = facts_of(graph, "runs")
    assert not [r for r in runs if r[0] == "中华全国妇女联合会"]


def test_a_bodys_congress_is_at_its_venue_when_the_page_names_one_else_at_its_seat(tmp_path):
    held = facts_of(graph_of(tmp_path, "湖南省妇女理论研究会第三次代表大会暨乡村振兴巾帼论坛"
                                       "6日在长沙举行。"), "locatedIn")
    assert ("湖南省妇女理论研究会第三次代表大会", "长沙市") in held
    assert ("湖南省妇女理论研究会第三次代表大会", "湖南省") not in held
    assert ("乡村振兴巾帼论坛", "长沙市") in held
    seat = facts_of(graph_of(tmp_path, "湘潭市科协第六次代表大会召开，代表们审议了报告。"),
                    "locatedIn")
    assert ("湘潭市科协第六次代表大会", "湘潭市") in seat


def test_a_building_named_after_a_province_is_no_venue_of_its_own(tmp_path):
    held = facts_of(graph_of(tmp_path, "湖南省女企业家协会第四次代表大会在长沙湖南宾馆举行。"),
                    "locatedIn")
    assert ("湖南省女企业家协会第四次代表大会", "长沙市") in held
    assert ("湖南省女企业家协会第四次代表大会", "湖南省") not in held
