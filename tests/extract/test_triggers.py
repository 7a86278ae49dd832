"""The characters a pattern needs (extract/triggers.py): a rule's pattern is tried only on the
sentences holding one, so every match must hold one."""
import re

import pytest

from kg.extract.lexicon import compiled_rules
from kg.extract.triggers import trigger

from extraction import entities

#: Sentences in which the packaged patterns of rules/patterns.tsv find names, and some in which
#: they find none.
TEXTS = [
    "代表们学习党的十八大精神，听党话、跟党走。",
    "中国共产党第十五次全国代表大会在北京召开。",
    "十三届全国人大四次会议和十三届全国政协四次会议闭幕。",
    "中共十八届三中全会审议通过了决定。",
    "团区委组织青年志愿者植树，省委党的建设工作会议随后召开。",
    "中国妇女第九次全国代表大会选出新一届领导。",
    "她说这次集体活动很成功。",
]


def test_every_packaged_pattern_needs_characters():
    assert all(row[4] is not None for row in compiled_rules()[1])


@pytest.mark.parametrize("text", TEXTS)
def test_every_match_holds_a_trigger_character(text):
    for _, regex, _, rule_id, needed in compiled_rules()[1]:
        for m in regex.finditer(text):
            assert needed.search(m.group()), (rule_id, m.group())


def test_the_patterns_still_read_their_names():
    found = entities("中共十八届三中全会审议通过了决定。中国共产党第十五次全国代表大会召开。")
    assert found >= {("Programme", "中国共产党第十八届中央委员会第三次全体会议"),
                     ("Programme", "中国共产党第十五次全国代表大会")}


@pytest.mark.parametrize("pattern, chars", [
    (r"第[一二三]届", "第"),                     # the part with the fewest characters
    (r"(?:甲|乙丙)会", "会"),
    (r"甲乙|丙", "甲丙"),                        # each branch names one of its own
    (r"(?<=[听跟])党|[忠诚]向", "党向"),           # a look-behind's characters are not needed
])
def test_trigger_of_a_pattern(pattern, chars):
    assert set(trigger(re.compile(pattern)).pattern.strip("[]")) == set(chars)


@pytest.mark.parametrize("pattern", [
    r"[\u4e00-\u9fff]{2,4}",   # a range
    r"(?:党的)?.",             # an optional part and any character
    r"(?i)abc",                # case does not matter
    r"[^会]+",                 # a negated class
])
def test_no_trigger(pattern):
    assert trigger(re.compile(pattern)) is None
