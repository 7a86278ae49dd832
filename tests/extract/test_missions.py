"""Diplomatic missions (extract/missions.py): named with their kind after 驻, or only by the
post of one of their staff."""
import pytest

from extraction import entities


@pytest.mark.parametrize("text, mission", [
    # China's when no country opens the words, or after a verb of taking a post
    ("中国驻大阪总领事程立新出席了华侨新年会。", "中华人民共和国驻大阪总领事馆"),
    ("驻悉尼副总领事孔德明走访了当地侨团。", "中华人民共和国驻悉尼总领事馆"),
    ("去年他出任驻米兰总领事。", "中华人民共和国驻米兰总领事馆"),
    ("我国驻埃及大使邱文涛到机场迎接。", "中华人民共和国驻埃及大使馆"),
    # another country's, with that country before 驻
    ("法国驻华大使马丁·贝尔纳会见了学生代表。", "法国驻华大使馆"),
])
def test_a_mission_named_by_the_post_of_its_staff(text, mission):
    assert ("Organisation", mission) in entities(text)


def test_a_mission_written_short_is_named_in_full():
    found = entities("他曾在中国驻加拿大使馆工作，后调往驻温哥华总领馆。")
    assert {("Organisation", "中华人民共和国驻加拿大大使馆"),
            ("Organisation", "中华人民共和国驻温哥华总领事馆")} <= found


@pytest.mark.parametrize("text", [
    "某电器公司驻广州首席代表刘海峰介绍了产品。",
    "新华社驻开罗记者报道。",
    "驻村第一书记走访农户。",
])
def test_an_office_after_a_body_or_a_post_of_no_mission_is_none(text):
    assert not [name for kind, name in entities(text) if kind == "Organisation" and "馆" in name]
