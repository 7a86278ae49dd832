"""Every family on one sentence, read from in-memory documents: organisations, people and
places together, and traditional text read like simplified."""
import pytest

from kg.extract import RULES, people, places
from kg.extract.sentence import document_sentences
from kg.normalize import make_document

from extraction import entities


@pytest.mark.parametrize("text, expected", [
    # seeds
    ("兴安盟人民医院妇二科主任于洋等20位女性获2022年度自治区三八红旗手标兵荣誉称号。",
     {("Organisation", "兴安盟人民医院"), ("Organisation", "兴安盟人民医院妇二科"),
      ("Place", "兴安盟"), ("Person", "于洋")}),
    ("扩大清华大学远程教学站覆盖面。", {("Organisation", "清华大学")}),
    ("自治区妇联指导内蒙古建筑行业协会成立妇联。", {("Organisation", "内蒙古建筑行业协会")}),
    # other regions and years
    ("广西壮族自治区妇联主席李梅出席南宁市妇联会议。",
     {("Organisation", "广西壮族自治区妇女联合会"), ("Organisation", "南宁市妇女联合会"),
      ("Person", "李梅"), ("Place", "南宁市")}),
    ("湖南省妇联联合长沙市教育局开展活动。",
     {("Organisation", "湖南省妇女联合会"), ("Organisation", "长沙市教育局")}),
    ("西藏自治区党委宣传部在拉萨市召开会议。",
     {("Organisation", "中国共产党西藏自治区委员会宣传部"), ("Place", "拉萨市")}),
    ("助力四川援鄂医疗队驰援武汉。", {("Organisation", "四川援鄂医疗队")}),
    # a country at the start of a body's name (jieba reads 美国政府 as one name) is a place
    ("美国政府宣布。", {("Place", "美利坚合众国"), ("Organisation", "美国政府")}),
    ("德国队获胜。", {("Place", "德意志联邦共和国")}),
    ("德国总理施耐德将于下周访问巴黎。", {("Place", "德意志联邦共和国"), ("Person", "施耐德")}),
    # international bodies and foreign cities
    ("联合国秘书长在纽约总部讲话,世界卫生组织总干事出席。",
     {("Organisation", "联合国"), ("Organisation", "世界卫生组织"), ("Place", "纽约")}),
    # a village's party branch
    ("湘家荡村党总支书记沈佳慧。", {("Organisation", "湘家荡村党总支"), ("Person", "沈佳慧")}),
    # a village after its township or sub-district
    ("洱源县牛街乡福和村党支部书记杨春发介绍。", {("Place", "牛街乡"), ("Place", "福和村")}),
    ("寿光市孙家集街道三元朱村是蔬菜之乡。", {("Place", "三元朱村")}),
    # a town after a county after a city
    ("石家庄市赵县范庄镇农民严秀英说。", {("Place", "赵县"), ("Place", "范庄镇"), ("Person", "严秀英")}),
    # the Xinjiang corps and its bodies
    ("兵团妇联党组书记、主席阿依古丽·买买提出席。兵团妇联联合兵团教育局实施巾帼行动。",
     {("Organisation", "新疆生产建设兵团妇女联合会"), ("Organisation", "新疆生产建设兵团教育局")}),
    # teams after a place
    ("北京国安队主教练谢晖明赛后表示。", {("Organisation", "北京国安队"), ("Person", "谢晖明")}),
    ("中国女排在决赛中战胜塞尔维亚队。", {("Organisation", "塞尔维亚队")}),
    # a company named with a verb
    ("远航集团总经理欧阳明辉说。", {("Organisation", "远航集团"), ("Person", "欧阳明辉")}),
    # banks' branches, sub-district offices
    ("中国工商银行湖南省分行行长戴晓峰出席。", {("Organisation", "中国工商银行湖南省分行")}),
    ("陆家嘴街道办事处主任黎雅琴介绍。", {("Organisation", "陆家嘴街道办事处")}),
    # a unit its parent sets up
    ("湖南省妇联新设立家庭工作部。", {("Organisation", "湖南省妇女联合会家庭工作部")}),
    # one-character abbreviations only in a run next to a place or before 等地/两地
    ("组织妇女与京津冀晋陕等地家庭开展活动。", {("Place", "山西省"), ("Place", "陕西省")}),
    ("川渝两地妇联签署协议。", {("Place", "四川省"), ("Place", "重庆市")}),
    # a quoted account or channel is a media organisation
    ("建强用好“八桂女声”等新媒体品牌,“八桂女声”微博粉丝过万。", {("Organisation", "八桂女声")}),
])
def test_organisations_people_and_places(text, expected):
    assert expected <= entities(text)


def test_traditional_text_with_pinyin_glosses_reads_like_simplified():
    simplified = entities("自治区妇联权益部寿兰兰获得证书。内蒙古自治区。")
    traditional = entities("自治區(qū)婦聯(lián)權益部壽蘭蘭獲得證書。內(nèi)蒙古自治區(qū)。")
    assert simplified == traditional
    assert ("Organisation", "内蒙古自治区妇女联合会权益部") in traditional


def test_the_rules_run_from_places_to_people():
    assert RULES[0] is places.gazetteer_places and RULES[-1] is people.person_names


def test_every_rule_finds_names_inside_its_sentence_only():
    text = "嘉禾县妇联主席周若兰出席“巾帼助农”活动；唐雨桐获评全国巾帼建功标兵。"
    document = make_document(text.encode("utf-8"), "t.txt")
    found_in_document = set()
    for sentence in document_sentences(document):
        found = []
        for rule in RULES:
            new = rule(sentence, found)
            assert all(sentence.start <= c.start < c.end <= sentence.end for c in new), rule
            found += new
        found_in_document |= {(c.type, document.text[c.start:c.end]) for c in found}
    assert {("Person", "周若兰"), ("Honour", "全国巾帼建功标兵"),
            ("Programme", "“巾帼助农”活动")} <= found_in_document


def test_extract_hands_on_what_it_found_besides_mentions():
    """``Document.marks``: every post title (副主席 and the 主席 inside it), the 【】 headers,
    the organisation suffixes, the 《》 titles and the sections a heading line that is only a
    county's name opens."""
    from kg.extract import extract_document

    text = "宁 城\n【护苗行动】县妇联副主席甲宣读《护苗行动实施方案》。\n"
    document, _ = extract_document(make_document(text.encode(), "marks.txt"))
    marks, at = document.marks, document.text.index
    assert [document.text[a:b] for a, b in marks.posts] == ["副主席", "主席"]
    assert "妇联" in [document.text[a:b] for a, b in marks.suffixes]
    assert marks.headers == ((at("【"), at("】") + 1),)
    assert marks.titles == ((at("《"), at("》") + 1),)
    assert marks.sections == ((0, "宁城县"),)
