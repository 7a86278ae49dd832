"""awarded rules (relate/awards.py) on mentions made by hand."""
from dataclasses import replace

from kg.model import Marks
from kg.relate.awards import awards_in_sentence, listed_under_headings

from .relating import by_document_rule, by_sentence_rule, document_of, mention


def test_the_subject_before_a_trigger_receives_the_honour_after_it_with_its_year():
    doc = document_of("2021年，赵明远荣获全国劳动模范称号。")
    person, honour = mention(doc, "赵明远", "Person"), mention(doc, "全国劳动模范", "Honour")
    assert by_sentence_rule(awards_in_sentence, doc, [person, honour]) == {
        ("Person/赵明远", "awarded", "Honour/全国劳动模范", None, "2021")}
    assert by_sentence_rule(awards_in_sentence, doc, [honour]) == set()


def test_those_between_shouyu_and_the_honour_receive_it():
    doc = document_of("市妇联授予钱若水、孙一帆“优秀志愿者”称号。")
    mentions = [mention(doc, "市妇联", "Organisation"), mention(doc, "钱若水", "Person"),
                mention(doc, "孙一帆", "Person"), mention(doc, "优秀志愿者", "Honour")]
    assert by_sentence_rule(awards_in_sentence, doc, mentions) == {
        (f"Person/{name}", "awarded", "Honour/优秀志愿者", None, None)
        for name in ("钱若水", "孙一帆")}


def test_a_sentence_without_a_subject_continues_the_person_opening_the_one_before():
    doc = document_of("赵明远长期扎根乡村教学。被评为全国劳动模范。")
    person, honour = mention(doc, "赵明远", "Person"), mention(doc, "全国劳动模范", "Honour")
    assert by_sentence_rule(awards_in_sentence, doc, [person, honour]) == {
        ("Person/赵明远", "awarded", "Honour/全国劳动模范", None, None)}


def test_an_honour_in_a_document_title_is_not_conferred():
    doc = document_of("赵明远阅读了《关于表彰全国劳动模范的决定》。")
    person, honour = mention(doc, "赵明远", "Person"), mention(doc, "全国劳动模范", "Honour")
    assert by_sentence_rule(awards_in_sentence, doc, [person, honour]) == set()


def test_the_holders_listed_under_a_heading_receive_its_honour_in_its_year():
    doc = document_of("附件\n2023年嘉禾县巾帼建功标兵名单\n周若兰 某某公司 经理\n唐雨桐 某某学校 教师\n")
    honour = mention(doc, "嘉禾县巾帼建功标兵", "Honour")
    people = [mention(doc, name, "Person") for name in ("周若兰", "唐雨桐")]
    assert by_document_rule(listed_under_headings, doc, [honour, *people]) == {
        (f"Person/{name}", "awarded", "Honour/嘉禾县巾帼建功标兵", None, "2023")
        for name in ("周若兰", "唐雨桐")}
    # the rule reads the lists extract handed on (Marks.honour_lists)
    assert by_document_rule(listed_under_headings, replace(doc, marks=Marks()),
                            [honour, *people]) == set()
