"""Places (extract/places.py): places named by a suffix below the gazetteer (development zones,
the squares and parks where events are held: rules/sites.tsv), towns after their county, and
what a place written after the place that holds it is part of."""
import pytest

from kg.extract import extract_mentions
from kg.normalize import make_document

from extraction import entities
from test_relate import facts_of, graph_of


@pytest.mark.parametrize("text, place", [
    ("市总工会在无锡市新吴区湖滨广场举办职工运动会。", "湖滨广场"),
    ("县团委在人民公园举行植树活动。", "人民公园"),
    ("各界群众于中心广场集中观看演出。", "中心广场"),
    ("成都市天府新区管委会召开会议。", "天府新区"),
    ("兰州市高新区妇联成立。", "高新区"),
    ("在白鹭湿地公园联合开展净滩行动。", "白鹭湿地公园"),
])
def test_zones_and_sites_are_places(text, place):
    assert ("Place", place) in entities(text)


@pytest.mark.parametrize("text, not_place", [
    ("区政府在湿地公园管理处召开会议。", "湿地公园"),       # a body's name runs on
    ("在儿童公园等场所开展宣传。", "儿童公园"),             # a kind of site, not one named
    ("大家在广场上跳舞。", "广场"),                         # no name before the suffix
])
def test_no_site_where_a_name_runs_on_or_none_is_given(text, not_place):
    assert ("Place", not_place) not in entities(text)


def test_a_zone_is_part_of_its_city_and_a_square_of_its_zone(tmp_path):
    graph = graph_of(tmp_path, "市妇联在长沙市湘江新区橘洲广场举办宣传活动。")
    assert {("湘江新区", "长沙市"), ("橘洲广场", "湘江新区")} <= facts_of(graph, "partOf")


@pytest.mark.parametrize("text, places", [
    ("江苏苏州、湖南长沙等地出台了新规。", {"江苏省", "苏州市", "湖南省", "长沙市"}),
    ("宁城县八里罕镇召开大会。", {"宁城县", "八里罕镇"}),
])
def test_a_province_before_its_city_is_a_place_and_a_town_suffix_is_whole(text, places):
    assert {("Place", p) for p in places} <= entities(text)


@pytest.mark.parametrize("text, part, whole", [
    ("湖南省岳阳市召开会议。", "岳阳市", "湖南省"),
    ("来自湖南省汨罗市的代表发言。", "汨罗市", "湖南省"),       # a county-level city: an ancestor
    ("长沙市芙蓉区妇联成立。", "芙蓉区", "长沙市"),
])
def test_a_place_written_after_a_place_that_holds_it_is_part_of_it(tmp_path, text, part, whole):
    assert (part, whole) in facts_of(graph_of(tmp_path, text), "partOf")


def test_places_of_one_sentence_written_apart_are_not_parts(tmp_path):
    graph = graph_of(tmp_path, "湖南省妇联在长沙市召开会议，岳阳市代表发言。")
    assert not facts_of(graph, "partOf") & {("长沙市", "湖南省"), ("岳阳市", "湖南省")}


@pytest.mark.parametrize("text, country", [
    ("佛得角与中国签署了合作协议。", "佛得角共和国"),
    ("卡塔尔和科威特代表出席会议。", "科威特国"),
    ("秘鲁总统抵达利马。", "秘鲁共和国"),
])
def test_countries_of_the_world(text, country):
    assert ("Place", country) in entities(text)


def test_a_foreign_city_inside_a_transliterated_name_is_part_of_the_name():
    found = entities("意大利外长贝米兰诺表示欢迎。")
    assert ("Person", "贝米兰诺") in found


def test_a_county_s_short_form_after_another_city_is_part_of_a_name_there():
    found = entities("武汉东湖新技术开发区管委会召开会议。")
    # 东湖 is a district of Nanchang; after 武汉 it opens the zone's name
    assert ("Place", "东湖区") not in found
    assert ("Place", "东湖新技术开发区") in found


def test_a_zone_after_a_city_at_province_level():
    found = entities("上海张江高科技园区迎来一批新项目。")
    assert ("Place", "张江高科技园区") in found
    assert not [n for t, n in found if t == "Programme"]   # 迎来 ends every name before it


def test_a_town_read_below_its_county_is_a_place_again_later_in_the_document():
    def towns(text):
        document = make_document(text.encode("utf-8"), "sample.txt")
        return [m for m in extract_mentions(document) if (m.type, m.surface) == ("Place", "青禾镇")]

    assert len(towns("宁城县青禾镇召开大会。会后，代表们参观了青禾镇的工厂。")) == 2
    # named alone, the town is read by no context
    assert towns("会后，代表们参观了青禾镇的工厂。") == []


def test_an_acting_head_s_post_holds_no_county():
    assert ("Place", "代县") not in entities("县委副书记、县政府代县长孟秋禾讲话。")
    assert ("Place", "代县") in entities("山西省忻州市代县县长孟秋禾出席。")


def test_a_town_before_its_own_body_is_a_place_without_its_county():
    found = entities("团县委书记孟秋禾、青禾镇妇联主席林知夏出席。")
    assert ("Place", "青禾镇") in found and ("Organisation", "青禾镇妇女联合会") in found
    # a word of quantity or a kind of village before a body is no town
    found = entities("各乡镇妇联主席、嘎查村党组织书记参加培训。")
    assert not {n for t, n in found if t == "Place"}

@pytest.mark.parametrize("text, city", [
    ("两国领导人当天在首尔会见。", "首尔"),        # an adverb to jieba's dictionary
    ("代表团抵达名古屋开始访问。", "名古屋"),
])
def test_a_foreign_city_jieba_reads_whole(text, city):
    assert ("Place", city) in entities(text)


@pytest.mark.parametrize("text, region", [
    ("产品远销东南亚和中东地区。", "东南亚"),
    ("中东局势牵动各方。", "中东"),
])
def test_regions_of_the_world(text, region):
    assert ("Place", region) in entities(text)


def test_a_sub_district_after_a_development_zone_is_a_place_in_it(tmp_path):
    graph = graph_of(tmp_path, "株洲市高新区青禾街道开展活动。")
    assert ("青禾街道", "高新区") in facts_of(graph, "partOf")


def test_a_run_of_three_province_abbreviations_is_a_list_of_places():
    found = entities("开展闽港澳台青年交流活动。")
    assert {("Place", "香港特别行政区"), ("Place", "澳门特别行政区"), ("Place", "台湾省")} <= found
    assert ("Place", "青海省") not in found   # 青 of 青年 opens a word


@pytest.mark.parametrize("text", [
    "大会选举产生了新一届村党支部委员会。",
    "会上选举产生村妇联主席1名。",
])
def test_a_phrase_of_procedure_before_a_village_body_is_no_village(text):
    assert not [name for kind, name in entities(text) if kind == "Place"]


@pytest.mark.parametrize("text, places", [
    ("台湾南投县的茶农来到福建参加博览会。", {"台湾省", "南投县", "福建省"}),
    ("臺灣桃園市與高雄市的青年代表團抵達廈門。", {"台湾省", "桃园市", "高雄市"}),
    ("他从台北出发，先后前往台南、屏东和台中市。", {"台北市", "台中市", "台南市", "屏东县"}),
    ("香港沙田区和澳门花地玛堂区的学生参加交流营。", {"沙田区", "花地玛堂区"}),
])
def test_taiwan_hong_kong_and_macao_cities_counties_and_districts_are_places(text, places):
    assert {("Place", p) for p in places} <= entities(text)


@pytest.mark.parametrize("text, part, whole", [
    ("台湾彰化县的代表发言。", "彰化县", "台湾省"),
    ("臺灣新北市的學者出席研討會。", "新北市", "台湾省"),
])
def test_a_taiwan_county_written_after_taiwan_is_part_of_it(tmp_path, text, part, whole):
    assert (part, whole) in facts_of(graph_of(tmp_path, text), "partOf")


@pytest.mark.parametrize("text, place, not_place", [
    ("江苏省常州市新北区妇联召开会议。", "新北区", "新北市"),   # the mainland district keeps 新北
    ("他在酒店大堂等候，学习中西医结合的课程。", None, "大堂区"),
    ("学校东区和南区的宿舍正在维修。", None, "南区"),
])
def test_taiwan_and_hong_kong_names_take_no_mainland_place_or_ordinary_word(
        text, place, not_place):
    found = entities(text)
    assert ("Place", not_place) not in found and ("Place", "中西区") not in found
    assert place is None or ("Place", place) in found


def test_a_visit_verb_ends_a_name_begun_by_a_district():
    found = entities("代表团到岳麓区参观青少年活动中心。")
    assert ("Place", "岳麓区") in found
    assert not any(kind == "Organisation" and "参观" in name for kind, name in found)


@pytest.mark.parametrize("text, place", [
    ("市长到岳麓区调研。", "岳麓区"),
    ("署长到黄大仙参观一所学校。", "黄大仙区"),
])
def test_a_place_after_a_post_title_is_no_name(text, place):
    found = entities(text)
    assert ("Place", place) in found
    assert not any(kind == "Person" for kind, _ in found)


def test_a_name_taking_a_post_before_a_one_character_county_keeps_name_and_body(tmp_path):
    # 任 is the verb here, though 任县 is also a county of Hebei
    text = ("河北省邢台市任县妇联召开执委会议。会议选举产生新一届领导班子，"
            "孙秀梅任县妇联副主席。")
    graph = graph_of(tmp_path, text)
    assert ("孙秀梅", "任县妇女联合会") in facts_of(graph, "holdsPost")
    assert ("任县", "邢台市") in facts_of(graph, "partOf")


def test_a_name_taking_a_post_before_a_level_word_leaves_the_body_its_own(tmp_path):
    text = "湖南省株洲市妇联召开全委会议。经选举，周丽萍任市妇联主席。"
    assert ("周丽萍", "株洲市妇女联合会") in facts_of(graph_of(tmp_path, text), "holdsPost")


@pytest.mark.parametrize("text, not_place", [
    ("湖南省召开全省会议，湖南省各市和县妇联负责人参加。", "和县"),   # 市|和|县: a conjunction
    ("湖南省各地加快新县城建设，湖南省各县推进改造。", "新县"),        # 县城 is the word
    ("湖南省妇联表示，湖南省将在文县级服务中心试点。", "文县"),
])
def test_a_one_character_county_written_inside_running_words_is_no_place(text, not_place):
    assert ("Place", not_place) not in entities(text)


@pytest.mark.parametrize("text, place", [
    ("安徽省马鞍山市和县妇联召开会议。", "和县"),
    ("会议在安徽省和县召开，安徽省妇联派员出席。", "和县"),
    ("河南省信阳市新县县委召开会议。", "新县"),
])
def test_a_one_character_county_after_its_province_or_city_is_a_place(text, place):
    assert ("Place", place) in entities(text)


def test_a_pair_of_abbreviations_after_a_place_inside_a_company_s_name_is_none():
    from extraction import entities
    found = entities("他走访了湖南新越电子科技有限公司。")
    assert {name for kind, name in found if kind == "Place"} == {"湖南省"}
    assert ("Place", "山西省") in entities("京津冀晋陕等地联合开展行动。")


@pytest.mark.parametrize("text, city", [
    ("中国驻黎巴嫩大使在贝鲁特会见当地侨领。", "贝鲁特"),
    ("委内瑞拉首都加拉加斯举行庆祝活动。", "加拉加斯"),
    ("考察团从海参崴入境后前往莫斯科。", "符拉迪沃斯托克"),
])
def test_foreign_capitals_and_ports_are_places(text, city):
    assert ("Place", city) in entities(text)
