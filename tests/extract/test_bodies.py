"""The words around an organisation suffix (extract/bodies.py): a post and its holder, a bureau
named before its head's title, where a name's phrase starts, a bilateral pair."""
from kg.extract.bodies import (bilateral, headed_by_its_title, names_a_post_holder,
                               opens_with_post_holder, phrase_start)

from extraction import sentence_of


def test_a_post_and_its_holder_between_two_places():
    text = "国务院总理李明远出席开幕式。"
    sent = sentence_of(text)
    assert names_a_post_holder(sent, 0, len(text))
    assert not names_a_post_holder(sent, 0, text.index("总"))  # no post inside


def test_a_bureau_named_bare_before_its_heads_title_and_name():
    text = "他会见了运输及房屋局局长陈海明。"
    sent = sentence_of(text)
    at = text.index("局")
    assert headed_by_its_title(sent, at, at + 1)
    assert text[phrase_start(sent, at):at + 1] == "运输及房屋局"  # after the verb and 了
    other = "市民政局局长出席。"  # a title with no name after it
    assert not headed_by_its_title(sentence_of(other), other.index("局"), other.index("局") + 1)


def test_a_name_and_a_post_open_no_body():
    text = "张明远代表集团公司致辞。"
    sent = sentence_of(text)
    assert opens_with_post_holder(sent, 0, text.index("致"))
    assert not opens_with_post_holder(sent, 3, text.index("致"))


def test_china_and_another_country_open_a_bilateral_name():
    assert bilateral().match("中美友好协会") and bilateral().match("美中贸易委员会")
    assert bilateral().match("中华全国妇女联合会") is None
