"""Yearbook chapters end to end (年鉴 entries of a federation, a league, a union): a title
line naming the body, 【section】 headers, one post a line with its holders after a colon, in
texts written for these tests."""
from pathlib import Path

import pytest

from kg.normalize import normalize_text
from kg.pipeline import process_bytes

from extraction import entities


def _facts(text: str) -> set[tuple[str, str, str, str | None]]:
    """The facts (subject, predicate, object, role) of a one-document text."""
    result = process_bytes(text.encode("utf-8"), Path("yearbook.txt"))
    name = {e.iri: e.name for e in result.entities}
    return {(name[f.subject], f.predicate, name[f.object], f.role) for f in result.facts}


_FEDERATION = ("嘉禾县妇女联合会\n"
               "【概况】全县有乡镇妇联9个。县妇联机关内设办公室、宣传部。\n"
               "【领导成员】\n"
               "主  席：欧阳素琴\n"
               "副主席：黎晓霞、谭雨菲（兼职）\n"
               "【重要会议】3月7日，县妇联召开执委会议。\n")

_LEAGUE = ("共青团嘉禾县委员会\n"
           "【领导成员】\n"
           "书　记：龚子涵\n"
           "副书记：蒋书远\n"
           "【青年工作】团县委组织青年志愿者开展服务活动。\n")


@pytest.mark.parametrize("text, body, holders", [
    # the body is the page's own: named most, or named once as the title line
    (_FEDERATION, "嘉禾县妇女联合会",
     {("欧阳素琴", "主席"), ("黎晓霞", "副主席"), ("谭雨菲", "副主席")}),
    (_LEAGUE, "共青团嘉禾县委员会", {("龚子涵", "书记"), ("蒋书远", "副书记")}),
])
def test_a_list_of_leaders_one_post_a_line_holds_posts_in_the_page_s_body(text, body, holders):
    facts = _facts(text)
    for person, role in holders:
        assert (person, "holdsPost", body, role) in facts


def test_a_table_row_gives_the_post_then_its_holders_between_blanks():
    text = ("嘉禾县总工会\n领导成员\n主席 欧阳素琴\n副主席　黎晓霞　谭雨菲\n"
            "县总工会机关设办公室。\n")
    facts = _facts(text)
    assert {(p, r) for p, pred, o, r in facts if pred == "holdsPost"
            and o == "嘉禾县总工会"} == {("欧阳素琴", "主席"), ("黎晓霞", "副主席"),
                                       ("谭雨菲", "副主席")}


def test_a_list_of_leaders_needs_a_body_of_the_page():
    # no body named as the title or twice: the posts are in no known body
    text = "【领导成员】\n主席：欧阳素琴\n副主席：黎晓霞\n"
    assert not [f for f in _facts(text) if f[1] == "holdsPost"]


@pytest.mark.parametrize("text, clean", [
    ("主  席:甲\n", "主席:甲\n"),
    ("【领导成员】秘 书 长：乙", "【领导成员】秘书长:乙"),
    # a label written close, or words spaced in running text, stay as they are
    ("副主席:丙、丁", "副主席:丙、丁"),
    ("会议 决定:表彰先进", "会议 决定:表彰先进"),
])
def test_a_table_label_spread_with_blanks_is_closed_up(text, clean):
    assert normalize_text(text)[0] == clean


@pytest.mark.parametrize("text, person, role, body", [
    # a yearbook's record of an appointment: the date, the name, 任 and the post in a body
    ("2021年4月，欧阳素琴任嘉禾县妇联副主席。", "欧阳素琴", "副主席", "嘉禾县妇女联合会"),
    # 任 of a longer cue (出任, 调任) is read with it, and the name ends before it
    ("2018年，黎晓霞出任嘉禾县妇联主席。", "黎晓霞", "主席", "嘉禾县妇女联合会"),
])
def test_a_name_before_ren_takes_the_post_after_it(text, person, role, body):
    assert (person, "holdsPost", body, role) in _facts(text)


def test_ren_after_a_name_opens_no_county():
    # 任县 is a former county of Hebei; after a name, 任 is the verb (the body 县妇联 written
    # short is still missed when the tagger reads 任县 as one word)
    text = "2020年3月，蒋书远任县妇联副主席。"
    assert not [e for e in entities(text) if "任县" in e[1]]


def test_a_header_s_words_confer_no_honour():
    # 【表彰奖励】 names the section; the body after 被 is the giver, not a recipient
    facts = _facts("【表彰奖励】嘉禾县妇联被市妇联评为“全市妇联系统先进集体”。")
    awarded = {(s, o) for s, p, o, _ in facts if p == "awarded"}
    assert {s for s, _ in awarded} == {"嘉禾县妇女联合会"}


def test_names_before_xianhou_ren_are_people():
    # 先后任: the holders of one post one after another, listed before it
    found = entities("嘉禾县报社成立后，欧阳素琴、黎晓霞、谭雨菲先后任社长。")
    assert {("Person", n) for n in ("欧阳素琴", "黎晓霞", "谭雨菲")} <= found


def test_an_honour_list_clause_without_a_verb_names_its_holders():
    # …获评“X”称号，A、B 2名同志为“Y”称号: the later clause leaves out the verb
    facts = _facts("县一中团委获评“湖南省五四红旗团委”称号，黎晓霞、谭雨菲2名同志为"
                   "“湖南省优秀共青团干部”称号。")
    assert {(s, o) for s, p, o, _ in facts if p == "awarded"} >= {
        ("黎晓霞", "湖南省优秀共青团干部"), ("谭雨菲", "湖南省优秀共青团干部")}


@pytest.mark.parametrize("text, body", [
    # a Youth League committee written with its place short before 团X委 is the committee
    ("嘉禾团县委组织青年志愿者植树。", "共青团嘉禾县委员会"),
    ("郴州团市委召开全会。", "共青团郴州市委员会"),
])
def test_a_league_committee_after_its_place_written_short(text, body):
    assert ("Organisation", body) in entities(text)


def test_the_units_a_body_sets_up_are_its_parts():
    # 【机构设置】: the units listed after 内设/下设 are the body's departments
    facts = _facts("嘉禾县妇女联合会\n【机构设置】县妇联机关内设办公室、权益部、宣传部。\n"
                   "县妇联召开执委会议。\n")
    parts = {s for s, p, o, _ in facts if p == "partOf" and o == "嘉禾县妇女联合会"}
    assert parts == {"嘉禾县妇女联合会" + unit for unit in ("办公室", "权益部", "宣传部")}


def test_a_verb_of_recommending_ends_the_school_s_name():
    found = entities("团市委推报育才中学团委参加全省评选。")
    assert ("Organisation", "育才中学团委") in found
    assert not [n for t, n in found if "推报" in n]


def test_leaders_on_the_header_s_line_and_a_body_s_count():
    text = ("嘉禾县总工会\n【领导成员】主席:欧阳素琴；副主席:黎晓霞\n"
            "【概况】县总工会有基层工会210个。\n")
    facts = _facts(text)
    assert ("欧阳素琴", "holdsPost", "嘉禾县总工会", "主席") in facts
    # 有 after the body is the verb: 有基层工会 is no unit of it
    assert not [f for f in facts if "有" in f[0] + f[2]]


@pytest.mark.parametrize("text, not_place", [
    # a county's two-character name the word before ends in (示范|县, 管理|县级) is no county
    ("嘉禾县获评“全国科普示范县”称号。", "范县"),
    ("全县加强管理县级财政资金。", "理县"),
])
def test_a_two_character_county_inside_a_word_is_no_place(text, not_place):
    assert ("Place", not_place) not in entities(text)


def test_a_two_character_county_after_its_province_is_a_place():
    assert ("Place", "范县") in entities("河南范县的代表发言。")


def test_a_quoted_title_that_ends_like_a_body_is_the_title_only():
    found = entities("县人民医院被省卫健委评为“优质服务示范医院”。")
    assert ("Honour", "优质服务示范医院") in found
    assert ("Organisation", "优质服务示范医院") not in found
