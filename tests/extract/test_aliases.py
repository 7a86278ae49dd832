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


@pytest.mark.parametrize("text, name, aliases", [
    # a former name, and another name the body goes by
    ("南湖精工股份有限公司(原名南湖机械厂)发布年报。", ("Organisation", "南湖精工股份有限公司"),
     {"南湖机械厂"}),
    ("滨海市第二人民医院,又称滨海二院,建于上世纪。", ("Organisation", "滨海市第二人民医院"),
     {"滨海二院"}),
    # several parts in one pair of brackets, each introduced by its word: the English name,
    # its letters and the Chinese short form
    ("国际电信联盟(英文名称:International Telecommunication Union,缩写ITU,中文简称国际电联)"
     "是联合国的专门机构。", ("Organisation", "国际电信联盟"),
     {"International Telecommunication Union", "ITU", "国际电联"}),
])
def test_former_other_and_foreign_names_are_aliases(text, name, aliases):
    forms = names_of(text)
    assert aliases <= forms[name]
    assert not [key for key in forms if key[1] in aliases]


def test_words_in_brackets_with_no_alias_word_state_nothing():
    forms = names_of("岳阳市妇联(2023年成立)开展活动。")
    assert forms[("Organisation", "岳阳市妇女联合会")] == {"岳阳市妇联"}


def test_a_company_s_own_short_form_before_its_post_names_it():
    forms = names_of("市政府与东方航天通信集团有限公司签署协议。市长会见东方航通董事长"
                     "周立群一行,感谢东方航通的支持。")
    assert {"东方航天通信集团有限公司", "东方航通"} <= forms[
        ("Organisation", "东方航天通信集团有限公司")]
    assert not [key for key in forms if key[1] == "东方航通"]


@pytest.mark.parametrize("text", [
    # no company named in full: the words before the post are left as they are
    "市长会见东方航通董事长周立群一行。",
    # words that do not open with the company's first character, or miss its order
    "南山电子有限公司成立。会见北山董事长周立群。",
])
def test_words_before_a_post_that_shorten_no_company_named_are_no_alias(text):
    forms = names_of(text)
    assert not any(len(aliases) > 1 for key, aliases in forms.items()
                   if key[0] == "Organisation" and key[1].endswith("有限公司"))


def test_a_person_s_former_or_pen_name_in_brackets_is_the_same_person():
    forms = names_of("青年作家林晓(原名林小梅)新书出版。林小梅早年当过教师。")
    assert {"林晓", "林小梅"} <= forms[("Person", "林晓")]
    assert ("Person", "林小梅") not in forms


@pytest.mark.parametrize("text, full, short", [
    ("市长会见了南方星网(全称:南方卫星网络集团有限公司)董事长一行。南方星网将来投资。",
     "南方卫星网络集团有限公司", "南方星网"),
    ("他就职于滨江电力(全称滨江电力股份有限公司)。", "滨江电力股份有限公司", "滨江电力"),
])
def test_a_short_name_whose_full_name_the_brackets_give(text, full, short):
    forms = names_of(text)
    assert short in forms[("Organisation", full)]
    assert ("Organisation", short) not in forms
