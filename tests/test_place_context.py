"""Places read in their context: a county's short form far from the report's own province,
in a list of places, inside an idiom or an ordinary word."""
from pathlib import Path

import pytest

from kg import pipeline

from test_relate import facts_of, graph_of


def places_of(tmp_path: Path, text: str) -> set[str]:
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    graph = pipeline.build([tmp_path])
    return {e.name for e in graph.entities if e.type == "Place"}


@pytest.mark.parametrize("text, stray", [
    # a county's short form inside a company's name, in a report of another province
    ("湖南省总工会表彰长沙市、株洲市的先进集体。中国石化长岭分公司工会获奖。湖南省。", "长岭县"),
    # inside a person's name the extractor did not read as one
    ("安徽省妇联公示候选人:林木兰,蚌埠市某公司总经理。安徽省。", "木兰县"),
    # a city report that never names its province: the city's province is home
    ("天水市团市委表彰先进。天水市林业局龙门林场团支部获奖。", "龙门县"),
    # a county report: the county's province is home
    ("金门县政府表扬模范妇女,金门县金沙镇有三人,金宁乡有两人。", "宁乡市"),
])
def test_far_county_short_form_is_not_read(tmp_path, text, stray):
    assert stray not in places_of(tmp_path, text)


@pytest.mark.parametrize("text, county", [
    ("湖南省代表团赴吉林长岭考察。湖南省。", "长岭县"),            # its province is named
    ("湖南省妇联与松原市长岭妇联结对帮扶。湖南省。", "长岭县"),      # its prefecture is named
    ("湖南省妇联与长岭县妇联结对帮扶。湖南省。", "长岭县"),          # named in full
    ("株洲市攸县妇联召开会议。湖南省。", "攸县"),                    # in its own province
    ("全国妇联表彰了来自长岭的代表。", "长岭县"),                    # no home province at all
])
def test_county_named_with_its_parent_or_at_home_is_read(tmp_path, text, county):
    assert county in places_of(tmp_path, text)


@pytest.mark.parametrize("text, listed", [
    # 奉节 is also a verb to jieba: in a list of places it is the county
    ("会上,来自荣昌、奉节、永川的妇联主席交流经验。重庆市。", "奉节县"),
    ("奉节、巴南两地妇联签订协议。重庆市。", "奉节县"),
])
def test_short_form_that_is_a_word_is_a_place_in_a_list_of_places(tmp_path, text, listed):
    assert listed in places_of(tmp_path, text)


def test_short_form_that_is_a_word_stays_a_word_outside_a_list(tmp_path):
    assert "奉节县" not in places_of(tmp_path, "他一生奉节守义,晚年定居永川。重庆市。")


def test_short_form_inside_an_idiom_is_no_place(tmp_path):
    assert "同德县" not in places_of(tmp_path, "全体代表要同心同德,共谋发展。")


def test_bureau_of_agriculture_and_rural_affairs_holds_no_village(tmp_path):
    places = places_of(tmp_path, "常德市农业农村局与常德市城乡建设局联合开展培训。")
    assert places == {"常德市"}


def test_town_whose_name_runs_on_is_read_before_its_village(tmp_path):
    places = places_of(tmp_path, "会宁县永清镇南峡村团支部获表彰。")
    assert {"会宁县", "永清镇", "南峡村"} <= places


@pytest.mark.parametrize("text, county", [
    ("新当选的理事有赵敏、周静海、孙立,均为科研人员。", "静海区"),   # an item of a list of names
    ("候选人:林木兰,某科技公司总经理。", "木兰县"),
])
def test_short_form_ending_a_listed_name_is_no_place(tmp_path, text, county):
    assert county not in places_of(tmp_path, text)


def test_short_form_alone_in_a_list_of_places_is_read(tmp_path):
    assert {"静海区", "宝坻区"} <= places_of(tmp_path, "代表来自天津市、静海、宝坻等地。")


@pytest.mark.parametrize("text, former, parent", [
    # renamed since (县 -> 区 in 2021): an archived report names the division of its year
    ("会议表彰了漳州市长泰县妇联等先进集体。", "长泰县", "漳州市"),
    ("龙海市妇联与华安县妇联联合开展培训。福建省。", "龙海市", None),
])
def test_former_division_names_are_places(tmp_path, text, former, parent):
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    graph = pipeline.build([tmp_path])
    names = {e.iri: e.name for e in graph.entities}
    assert former in names.values()
    if parent:
        assert (former, parent) in {(names[f.subject], names[f.object]) for f in graph.facts
                                    if f.predicate == "partOf"}


def test_current_division_keeps_its_short_form_after_a_rename(tmp_path):
    assert "龙海区" in places_of(tmp_path, "龙海妇联召开执委会。福建省。")


def test_conventional_short_name_of_an_autonomous_prefecture(tmp_path):
    places = places_of(tmp_path, "巴州妇联举办培训。新疆维吾尔自治区。")
    assert "巴音郭楞蒙古自治州" in places and "巴州区" not in places


def test_a_district_named_by_an_ordinary_word_is_named_with_its_city(tmp_path):
    text = ("山西省阳泉市召开侨联工作会议。阳泉市城区、矿区和郊区的侨联负责人参加。"
            "城区侨联主席郭丽萍发言。")
    graph = graph_of(tmp_path, text)
    names = {e.name for e in graph.entities}
    assert {"阳泉市城区", "阳泉市矿区", "阳泉市城区归国华侨联合会"} <= names
    assert "城区" not in names
    assert ("阳泉市城区", "阳泉市") in facts_of(graph, "partOf")


def test_a_former_district_of_the_page_s_city_is_read(tmp_path):
    # 长治市城区 was renamed in 2018; older pages of the city name it
    graph = graph_of(tmp_path, "山西省长治市妇联表彰先进。长治市获奖的有城区的一户家庭和郊区的两户家庭。")
    assert {"长治市城区", "长治市郊区"} <= {e.name for e in graph.entities}


def test_the_word_城区_in_a_city_without_such_a_district_is_no_place(tmp_path):
    graph = graph_of(tmp_path, "湖南省长沙市加快城区道路改造，城区学校开展安全教育。长沙市民出行更方便。")
    assert not any(e.type == "Place" and "城区" in e.name for e in graph.entities)


def test_a_mainland_page_on_a_visit_to_taiwan_keeps_its_own_province(tmp_path):
    text = ("福建省台联组团赴台交流。参访团先后到台北、台中、高雄和台南，"
            "又到台北县、桃园县看望乡亲。省台联负责人表示将继续推动交流。")
    graph = graph_of(tmp_path, text)
    names = {e.name for e in graph.entities}
    assert "福建省台湾同胞联谊会" in names and "台湾省台湾同胞联谊会" not in names
    assert {"台北县", "桃园县", "台中市"} <= names


def test_a_taiwan_page_is_in_taiwan(tmp_path):
    graph = graph_of(tmp_path, "臺灣臺中市政府社會局舉辦婦女節活動，臺中市各區婦女團體參加。")
    assert {d.region for d in graph.documents} == {"台湾省"}
