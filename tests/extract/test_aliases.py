"""Aliases a text states for a name (extract/aliases.py)."""
import pytest

from extraction import names_of


@pytest.mark.parametrize("text, name, alias", [
    ("岳阳市家庭教育促进会(简称“岳家促”)成立。岳家促首批会员百人。",
     ("Organisation", "岳阳市家庭教育促进会"), "岳家促"),
    ("岳阳市乡村振兴研究中心（以下简称研究中心）发布报告。研究中心主任讲话。",
     ("Organisation", "岳阳市乡村振兴研究中心"), "研究中心"),
    ("岳阳市妇联启动“巾帼助农增收行动”,以下简称“助农行动”。助农行动覆盖百村。",
     ("Programme", "巾帼助农增收行动"), "助农行动"),
    # a short form in brackets whose characters the name has in order
    ("岳阳市青年志愿者协会(青志协)开展活动。", ("Organisation", "岳阳市青年志愿者协会"), "青志协"),
    # news writes 下称 too, and Latin capitals for an international body
    ("中国国际经济交流中心（下称“国经中心”）发布报告。国经中心专家解读。",
     ("Organisation", "中国国际经济交流中心"), "国经中心"),
    ("国家航天局与欧洲航天局（ESA）签署协议。", ("Organisation", "欧洲航天局"), "ESA"),
    # an encyclopaedia's way: the name, a comma, 简称 and the short form
    ("东海师范大学，简称“东师大”，是一所综合性大学。", ("Organisation", "东海师范大学"), "东师大"),
    ("东海理工大学，简称东理工，位于海滨。", ("Organisation", "东海理工大学"), "东理工"),
    # a short form that keeps the name's last word and adds a character of its own (its city)
    ("第20届中国东部商品交易会（沪交会）今天开幕。", ("Programme", "中国东部商品交易会"), "沪交会"),
])
def test_an_alias_stated_in_the_text_names_the_same_node(text, name, alias):
    forms = names_of(text)
    assert alias in forms[name]
    assert not [key for key in forms if key[1] == alias]   # no node of its own


def test_a_place_in_brackets_is_no_alias():
    forms = names_of("岳阳市妇联(岳阳)开展活动。")
    assert "岳阳" not in forms[("Organisation", "岳阳市妇女联合会")]
