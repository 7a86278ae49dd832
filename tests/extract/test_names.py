"""What a personal name looks like (extract/names.py): where one starts and ends in a sentence,
and whether a span is a name at all."""
import pytest

from kg.extract.lexicon import compiled_rules
from kg.extract.names import (looks_like_name, name_after, name_word, person_at, plausible_name,
                              spelled_name_at)

from extraction import sentence_of

SURNAMES = compiled_rules()[3]


@pytest.mark.parametrize("text, expected", [
    ("周若兰", True),      # a surname and two characters
    ("欧阳明远", True),    # a compound surname and two
    ("王明远华", False),   # a Han surname and three more
    ("收获", False),       # an ordinary word
    ("李李", False),       # a doubled character
    ("王一", False),       # a numeral as the given name
    ("王梅家庭", False),   # a family named after its head
])
def test_a_name_is_a_surname_and_one_or_two_characters(text, expected):
    assert looks_like_name(text, SURNAMES) is expected


def test_a_frequent_word_the_tagger_calls_a_name_is_one_only_in_a_strong_context():
    assert name_word("荣誉") and name_word("宁静") and not name_word("周若")
    assert not plausible_name("荣誉") and plausible_name("周若兰")
    assert not plausible_name("我们")


@pytest.mark.parametrize("text, name", [
    ("市妇联主席周若兰出席会议。", "周若兰"),        # ends before a verb
    ("主席周若兰和唐雨桐出席会议。", "周若兰"),      # ends before a conjunction
])
def test_person_at_gives_where_the_name_ends(text, name):
    sent = sentence_of(text)
    start = text.index(name)
    assert person_at(sent, start, SURNAMES) == start + len(name)


def test_no_name_starts_at_an_ordinary_word():
    text = "主席收获很大。"
    assert person_at(sentence_of(text), text.index("收"), SURNAMES) is None


def test_a_foreign_name_spelled_by_sound_ends_before_the_verb():
    assert spelled_name_at(sentence_of("默克尔表示支持。"), 0) == 3
    assert spelled_name_at(sentence_of("美丽乡村建设成效显著。"), 0) is None


def test_what_may_follow_a_name():
    assert name_after().match("表示") and name_after().match("，")
    assert name_after().match("苹果") is None
