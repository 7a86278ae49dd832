"""Ordinary news text end to end (extract, resolve, relate): the posts, bodies and places of
politics, economy and sport reports, in sentences written for these tests."""
from pathlib import Path

import pytest

from kg.pipeline import process_bytes


def _read(text: str):
    """The entity names and the facts (subject, predicate, object) of a one-document text."""
    result = process_bytes(text.encode("utf-8"), Path("news.txt"))
    name = {e.iri: e.name for e in result.entities}
    return ({(e.type, e.name) for e in result.entities},
            {(name[f.subject], f.predicate, name[f.object]) for f in result.facts})


@pytest.mark.parametrize("text, person, unit", [
    # a department's head written short (统战部长 for 统战部部长) in a chain of posts
    ("中山市召开座谈会。市委常委、统战部长林志诚出席会议。", "林志诚",
     "中国共产党中山市委员会统战部"),
    ("南平市委副书记、组织部长黄文斌作动员讲话。", "黄文斌", "中国共产党南平市委员会组织部"),
    # a committee's or government's office written short (县委办, 县政府办)
    ("获嘉县召开会议。县委常委、县委办主任崔明亮陪同。", "崔明亮",
     "中国共产党获嘉县委员会办公室"),
])
def test_posts_in_units_written_short(text, person, unit):
    _, facts = _read(text)
    assert (person, "holdsPost", unit) in facts


def test_another_country_s_government_is_no_people_s_government():
    entities, facts = _read("代表团将拜会俄罗斯联邦政府副总理。")
    assert ("Organisation", "俄罗斯联邦政府") in entities
    assert not any("人民政府" in name for _, name in entities)


@pytest.mark.parametrize("text, winner, honour", [
    # a contest's place with the contest named before it is an honour
    ("许文博夺得上届全运会男子跳远冠军。", None, None),
    ("许文博在2012年伦敦奥运会上夺得男子跳远金牌。", None, None),
    ("陈雨桐获得第十四届全运会女子跳水冠军。", "陈雨桐", "全运会女子跳水冠军"),  # (no round)
    ("全国冠军韩思远出席了表彰会。", "韩思远", "全国冠军"),
])
def test_places_in_named_contests(text, winner, honour):
    entities, facts = _read(text)
    if winner is None:
        assert not any(kind == "Honour" for kind, _ in entities)
    else:
        assert (winner, "awarded", honour) in facts


@pytest.mark.parametrize("text", [
    "中国队最终拿下女子团体冠军。",          # no contest named
    "她为代表团摘得本届运动会首枚金牌。",     # a medal counted
])
def test_places_in_no_named_contest_are_no_honours(text):
    entities, _ = _read(text)
    assert not any(kind == "Honour" for kind, _ in entities)


@pytest.mark.parametrize("text, body, place, home", [
    ("上海市福建商会举办年会。", "上海市福建商会", "上海市", "福建省"),
    ("深圳市湖南企业商会组织会员考察。", "深圳市湖南企业商会", "深圳市", "湖南省"),
])
def test_a_body_of_natives_sits_where_they_live(text, body, place, home):
    _, facts = _read(text)
    assert (body, "locatedIn", place) in facts
    assert (body, "locatedIn", home) not in facts


def test_a_state_s_post_standing_alone_is_held_in_no_body_named_before():
    text = ("外交部发言人孙明远说，中方欢迎此访。外交部还公布了日程。\n"
            "访问期间，代表团会见了该国总统阿卜杜拉、总理萨利赫，并同外长哈米德举行会谈。")
    _, facts = _read(text)
    assert not any(s in ("萨利赫", "哈米德") and p == "holdsPost" for s, p, _ in facts)


def test_a_news_agency_in_datelines_is_not_the_page_s_own_body():
    text = ("新华社上海6月2日电 研讨会今天开幕。\n"
            "新华社上海6月3日电 会上，分管副主席郑国华作了总结。")
    entities, facts = _read(text)
    assert ("Person", "郑国华") in entities
    assert ("郑国华", "holdsPost", "新华通讯社") not in facts


def test_a_county_page_naming_a_company_s_province_is_in_the_county_s():
    text = ("浙江华宏铝业与浙江华宏公司的代表来到宜阳县考察，同宜阳县县委书记会谈。\n"
            "县委常委、县委办主任蔡志远，县政府副县长孙明德陪同。")
    entities, facts = _read(text)
    assert ("蔡志远", "holdsPost", "中国共产党宜阳县委员会办公室") in facts
    assert ("孙明德", "holdsPost", "宜阳县人民政府") in facts


def test_a_page_s_own_body_hosts_no_event_abroad():
    text = ("中国滑冰队今天启程。中国滑冰队队员状态良好。\n"
            "温哥华冬奥会开幕后第三天，中国滑冰队迎来首个比赛日。")
    entities, facts = _read(text)
    assert ("Programme", "温哥华冬奥会") in entities
    assert not any(p == "runs" for _, p, _ in facts)


def test_a_rotating_chair_holds_the_post():
    _, facts = _read("远景科技有限公司轮值董事长韩立平在发布会上致辞。")
    assert ("韩立平", "holdsPost", "远景科技有限公司") in facts


@pytest.mark.parametrize("text, fact", [
    ("香港特区立法会主席黎国华在会上致辞。",
     ("黎国华", "holdsPost", "香港特别行政区立法会")),
    ("民进党秘书长吴志明接受了采访。", ("吴志明", "holdsPost", "民主进步党")),
    ("国民党主席许文杰当天表示支持。", ("许文杰", "holdsPost", "中国国民党")),
])
def test_bodies_of_special_regions_and_parties(text, fact):
    _, facts = _read(text)
    assert fact in facts


def test_a_city_named_like_a_district_elsewhere_is_not_that_district():
    entities, _ = _read("新北市长吴明德也到场致意。")
    assert ("Place", "新北区") not in entities


def test_a_cadre_of_a_body_holds_a_post_in_it():
    _, facts = _read("衡阳市委机关干部邓立新对记者说，要干好本职工作。")
    assert ("邓立新", "holdsPost", "中国共产党衡阳市委员会") in facts


@pytest.mark.parametrize("text, person, honour", [
    ("导演孙立明曾获柏林国际电影节金熊奖。", "孙立明", "柏林国际电影节金熊奖"),
    ("计算机科学家吴启华获得图灵奖。", "吴启华", "图灵奖"),
])
def test_prizes_of_culture_and_science(text, person, honour):
    _, facts = _read(text)
    assert (person, "awarded", honour) in facts


def test_the_liaison_office_by_its_short_name():
    _, facts = _read("中联办副主任陈志华出席了酒会。")
    assert ("陈志华", "holdsPost", "中央人民政府驻香港特别行政区联络办公室") in facts


@pytest.mark.parametrize("text, person, held, not_held", [
    ("中共中央政治局委员、国务院副总理秦文华出席会议。", "秦文华", "中国共产党中央委员会政治局",
     "中国共产党"),
    ("共青团中央书记处书记罗晓明出席开幕式。", "罗晓明", "中国共产主义青年团中央委员会",
     "中国共产主义青年团"),
])
def test_a_central_organ_s_post_is_none_in_the_body_itself(text, person, held, not_held):
    _, facts = _read(text)
    assert (person, "holdsPost", held) in facts
    assert (person, "holdsPost", not_held) not in facts


def test_a_foreign_body_named_with_its_country_s_short_and_full_name_is_one():
    entities, _ = _read("应俄罗斯联邦政府邀请，代表团启程。俄罗斯政府官员到机场迎接。")
    bodies = {name for kind, name in entities if kind == "Organisation"}
    assert bodies == {"俄罗斯联邦政府"}


@pytest.mark.parametrize("text, person, mission", [
    # a mission named only by the post of its head: China's when no country opens it
    ("中国驻大阪总领事程立新出席了华侨新年会。", "程立新", "中华人民共和国驻大阪总领事馆"),
    ("驻悉尼副总领事孔德明走访了当地侨团。", "孔德明", "中华人民共和国驻悉尼总领事馆"),
    ("我国驻埃及大使邱文涛到机场迎接。", "邱文涛", "中华人民共和国驻埃及大使馆"),
    # another country's, with that country before 驻
    ("法国驻华大使马丁·贝尔纳会见了学生代表。", "马丁·贝尔纳", "法国驻华大使馆"),
])
def test_a_mission_named_by_the_post_of_its_head(text, person, mission):
    entities, facts = _read(text)
    assert ("Organisation", mission) in entities
    assert (person, "holdsPost", mission) in facts


def test_a_company_named_without_its_trade_and_form_is_the_company():
    entities, facts = _read("研究院与中铁九局集团有限公司签署协议。中铁九局总经理王建新出席。")
    assert ("王建新", "holdsPost", "中铁九局集团有限公司") in facts
    assert ("Organisation", "中铁九局") not in entities


def test_a_name_between_a_unit_and_a_post_ends_the_unit_s_posts():
    _, facts = _read("市委书记赵启明会见远航科技有限公司董事长钱立新。")
    assert ("钱立新", "holdsPost", "远航科技有限公司") in facts
    assert not [f for f in facts if f[0] == "钱立新" and f[2] != "远航科技有限公司"]


def test_bodies_after_a_comma_and_by_run_the_contest_named_before():
    _, facts = _read("全省中学生乒乓球邀请赛,由湖北省体育局和武汉市体育局主办,"
                     "湖北省乒乓球协会协办。")
    runs = {(s, o) for s, p, o in facts if p == "runs"}
    assert {("湖北省体育局", "全省中学生乒乓球邀请赛"), ("武汉市体育局", "全省中学生乒乓球邀请赛"),
            ("湖北省乒乓球协会", "全省中学生乒乓球邀请赛")} <= runs


def test_a_university_whose_counted_scholars_win_a_prize_wins_none():
    _, facts = _read("南方理工大学共有4位青年学者获得远航青年科学奖。")
    assert not [f for f in facts if f[1] == "awarded"]
    _, facts = _read("南方理工大学获得远航科学奖。")
    assert ("南方理工大学", "awarded", "远航科学奖") in facts


def test_a_company_s_posts_after_its_party_committee_and_its_short_name():
    _, facts = _read("南华建设集团股份有限公司与香港远帆投资有限公司签署协议。南华建设集团党委书记、"
                     "总裁秦宏远,副总裁邓立言;远帆投资主席郑家豪,总裁孙维出席。")
    assert ("邓立言", "holdsPost", "南华建设集团股份有限公司") in facts
    assert ("郑家豪", "holdsPost", "香港远帆投资有限公司") in facts
    assert ("孙维", "holdsPost", "香港远帆投资有限公司") in facts
    assert not [f for f in facts if f[0] == "邓立言" and f[2].endswith("党委")]


def test_the_head_of_a_special_administrative_region_serves_in_no_body_named_after():
    _, facts = _read("行政长官林立信今天向国家主席述职,感谢中央政府的支持。")
    assert not [f for f in facts if f[0] == "林立信" and f[1] == "holdsPost"]


def test_a_name_read_once_is_the_name_where_it_is_written_again_and_wins_its_prize():
    _, facts = _read("名单如下:\n2019年:韩立东,宋佳音,许文博。\n"
                     "今年,来自东湖医院的韩立东和西山医学院的许文博获得晨星医学奖。")
    assert {("韩立东", "awarded", "晨星医学奖"), ("许文博", "awarded", "晨星医学奖")} <= facts


def test_an_outlet_cited_as_the_source_is_no_unit_of_a_post_after_it():
    _, facts = _read("据东海侨报网报道,总领事韩建平日前到任。")
    assert not [f for f in facts if f[0] == "韩建平" and f[1] == "holdsPost"]
