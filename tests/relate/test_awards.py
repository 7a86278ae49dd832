"""awarded rules (relate/awards.py) on mentions made by hand."""
from kg.relate.awards import awards_in_sentence

from relating import by_sentence_rule, document_of, mention


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
