"""National bodies known by name and short form (rules/org_known.tsv)."""
from collections import Counter

import pytest

from kg.rules import split_list, table
from test_extract import entities


@pytest.mark.parametrize("text, body", [
    ("中国文联和中国作协共同主办研讨会。", "中国文学艺术界联合会"),
    ("全国侨联发布倡议。", "中华全国归国华侨联合会"),
    ("中宣部印发通知。", "中国共产党中央委员会宣传部"),
    ("国新办今天举行发布会。", "中华人民共和国国务院新闻办公室"),
    # a short form that another rule also reads (国务院 + 国资委) keeps the known body
    ("国务院国资委召开会议。", "国务院国有资产监督管理委员会"),
    ("据中新网消息，会议在京召开。", "中国新闻网"),
])
def test_national_bodies_by_short_form(text, body):
    assert ("Organisation", body) in entities(text)


def test_a_province_body_with_a_national_body_suffix_stays_the_province_body():
    found = entities("湖南省国资委召开会议。")
    assert ("Organisation", "国务院国有资产监督管理委员会") not in found


def test_every_known_body_and_short_form_is_listed_once():
    forms = Counter()
    for row in table("org_known.tsv"):
        forms.update({row[0], *split_list(row[1])})
    assert [form for form, count in forms.items() if count > 1] == []
