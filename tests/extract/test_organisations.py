"""Organisations (extract/organisations.py): national bodies known by name and short form
(rules/org_known.tsv), bodies by their suffix, departments, standing organs, company and school
names."""
from collections import Counter

import pytest

from kg.rules import split_list, table

from kg.extract import organisations, places

from extraction import entities, names_of, sentence_of


@pytest.mark.parametrize("text, name", [
    # an organ right after its body, the term between written with or without 第
    ("甘肃省妇联第十二届执委会委员出席。", "甘肃省妇女联合会第十二届执行委员会"),
    ("甘肃省妇联十二届执委会副主席讲话。", "甘肃省妇女联合会第十二届执行委员会"),
    ("全国妇联书记处召开会议。", "中华全国妇女联合会书记处"),
    ("兰州市残联执行理事会负责人出席。", "兰州市残疾人联合会执行理事会"),
    ("甘肃省社科联第三届理事会成立。", "甘肃省社会科学界联合会第三届理事会"),
    # an organ named by its term alone is the organ of the body the text is about
    ("甘肃省侨联开会。甘肃省侨联主席讲话。会议选举产生了第九届主席团。",
     "甘肃省归国华侨联合会第九届主席团"),
])
def test_organs_of_a_body(text, name):
    assert ("Organisation", name) in entities(text)


@pytest.mark.parametrize("text, name", [
    ("甘肃省妇联十二届三次执委会议在兰州召开。", "甘肃省妇联十二届三次执委会议"),
    ("兰州市科协第九次代表大会开幕。", "兰州市科协第九次代表大会"),
    ("甘肃省妇联召开十二届四次执委(扩大)会议。", "十二届四次执委(扩大)会议"),
    ("甘肃省社科联第三届理事会第一次会议召开。", "甘肃省社科联第三届理事会第一次会议"),
])
def test_meetings_of_a_body(text, name):
    found = entities(text)
    assert ("Programme", name) in found
    # an organ named only inside its meeting's name is no mention of its own
    assert not [n for t, n in found if t == "Organisation" and "理事会" in n]


def test_a_unit_named_bare_in_a_list_of_a_body_s_officers_is_the_body_s():
    found = entities("5月6日，株洲市妇联副主席林知夏、权益部部长周望舒一行到醴陵市调研。")
    assert ("Organisation", "株洲市妇女联合会权益部") in found
    # a body named with its level after 、 is its own
    found = entities("株洲市妇联主席林知夏、市总工会副主席周望舒出席。")
    assert ("Organisation", "株洲市总工会") in found
    assert not any(name.startswith("株洲市妇女联合会") and name != "株洲市妇女联合会"
                   for kind, name in found if kind == "Organisation")


@pytest.mark.parametrize("text", [
    "全市各级妇联常委、执委参加会议。",   # 执委 alone: members, not the committee
    "协会理事会负责人讲话。",             # an organ of no named body and no term
])
def test_no_organ_without_its_body_or_term(text):
    assert not [n for t, n in entities(text) if t == "Organisation" and n.endswith(
        ("执行委员会", "理事会"))]


@pytest.mark.parametrize("text, name, not_name", [
    ("株洲市中心医院妇产科主任出席。", "株洲市中心医院", "株洲市中心"),
    ("醴陵市王仙镇中心小学开学。", "醴陵市王仙镇中心小学", "醴陵市王仙镇中心"),
])
def test_central_before_a_body_word_is_part_of_its_name(text, name, not_name):
    found = entities(text)
    assert ("Organisation", name) in found and ("Organisation", not_name) not in found


@pytest.mark.parametrize("text, name", [
    ("株洲市中心血站检验科主任出席。", "株洲市中心血站"),
    ("醴陵市妇幼保健所开展义诊。", "醴陵市妇幼保健所"),
    ("株洲市公安局派出所民警到场。", "株洲市公安局派出所"),
    ("拉萨出入境边防检查总站开展活动。", "拉萨出入境边防检查总站"),
    # a city's or district's overseas friendship association, and its short form
    ("株洲市海联会会长出席。", "株洲市海外联谊会"),
    # a development zone's management committee, its short form written in full
    ("株洲市天元新区管委会主任讲话。", "株洲市天元新区管理委员会"),
    # a village committee written in full
    ("石羊塘村村委会组织义诊。", "石羊塘村村民委员会"),
    # a league branch of a body, read whole before its secretary's title (not 团|支部书记)
    ("嘉兴市疾控中心团支部副书记周某某发言。", "嘉兴市疾控中心团支部"),
    # a body's term between its place and its name is no part of the name
    ("李某当选为嘉兴市新一届侨联主席。", "嘉兴市归国华侨联合会"),
    ("嘉兴市十四届人大常委会举行会议。", "嘉兴市人民代表大会常务委员会"),
    # a university's department, an academy's branch
    ("她毕业于浙江大学物理系。", "浙江大学物理系"),
    ("某某科学研究总院江南分院揭牌。", "某某科学研究总院江南分院"),
    # a hospital of a university named after a place elsewhere (its own name, no place's)
    ("复旦大学中山医院专家义诊。", "复旦大学中山医院"),
    # clan associations of one surname
    ("马来西亚黄氏总会会长出席。", "马来西亚黄氏总会"),
    ("台北市陈氏宗亲会理事长出席。", "台北市陈氏宗亲会"),
    # military bodies of a province and a city
    ("湖北省军区政委出席大会。", "湖北省军区"),
    ("嘉兴军分区司令员出席大会。", "嘉兴军分区"),
    # a psychiatric hospital (no 医院 in its name)
    ("株洲市康宁精神病院护士长发言。", "株洲市康宁精神病院"),
    # a numbered institute of a group, its number with the ideographic zero
    ("某某重工集团第七〇三研究所设计团队获奖。", "某某重工集团第七〇三研究所"),
    # a guidance centre (指导 ends no name there), an observatory, an alliance
    ("嘉兴心理健康研究指导中心于去年成立。", "嘉兴心理健康研究指导中心"),
    ("云南天文台开放日吸引市民。", "云南天文台"),
    ("嘉兴青年创业服务联盟召开年会。", "嘉兴青年创业服务联盟"),
    # a channel of a news site, a college of a university
    ("国际在线浙江频道消息,大桥通车。", "国际在线浙江频道"),
    ("浙江大学竺可桢学堂学生获奖。", "浙江大学竺可桢学堂"),
])
def test_more_bodies_by_their_suffix(text, name):
    assert ("Organisation", name) in entities(text)


def test_a_village_committee_in_a_chain_of_posts_is_the_villages():
    # 某村党支部书记、村委会主任: the committee of the village the branch is named after
    found = entities("攸县皇图岭镇石羊塘村党支部书记、村委会主任谭某某介绍了情况。")
    assert ("Organisation", "攸县皇图岭镇石羊塘村党支部") in found
    assert ("Organisation", "攸县皇图岭镇石羊塘村村民委员会") in found


@pytest.mark.parametrize("text, name, cut", [
    ("中国联合网络通信有限公司湘潭分公司开展活动。", "中国联合网络通信有限公司", "网络通信有限公司"),
    ("北京联合大学师生参加。", "北京联合大学", "大学"),
    ("哈工大郑州研究院揭牌。", "哈工大郑州研究院", "郑州研究院"),
])
def test_a_company_or_school_name_is_not_cut(text, name, cut):
    found = entities(text)
    assert ("Organisation", name) in found and ("Organisation", cut) not in found


def test_a_city_joining_a_partner_is_no_company_name():
    assert ("Organisation", "湘潭市联合某某有限公司") not in entities(
        "湘潭市联合某某有限公司开展活动。")


@pytest.mark.parametrize("text, name", [
    ("湘潭市妇联联合某某食品(中国)有限公司开展助学活动。", "某某食品(中国)有限公司"),
    ("某某重工(集团)有限公司职工参加。", "某某重工(集团)有限公司"),
])
def test_a_bracketed_place_or_group_inside_a_company_name(text, name):
    found = entities(text)
    assert ("Organisation", name) in found
    assert not [n for t, n in found if t == "Organisation" and n != name and "公司" in n]


def test_our_city_before_a_company_with_its_own_place_is_not_its_name():
    found = entities("湘潭市。湘潭市。我市湖南某某食品有限公司获奖,我市妇联表示祝贺。")
    assert ("Organisation", "湖南某某食品有限公司") in found
    assert ("Organisation", "湘潭市妇女联合会") in found


@pytest.mark.parametrize("text, body", [
    ("中国文联和中国作协共同主办研讨会。", "中国文学艺术界联合会"),
    ("全国侨联发布倡议。", "中华全国归国华侨联合会"),
    ("中宣部印发通知。", "中国共产党中央委员会宣传部"),
    ("国新办今天举行发布会。", "中华人民共和国国务院新闻办公室"),
    # a short form that another rule also reads (国务院 + 国资委) keeps the known body
    ("国务院国资委召开会议。", "国务院国有资产监督管理委员会"),
    ("据中新网消息，会议在京召开。", "中国新闻网"),
    ("他此前在国务院侨办任职。", "国务院侨务办公室"),
    ("国台办发言人回答提问。", "国务院台湾事务办公室"),
    ("中央广电总台记者现场报道。", "中央广播电视总台"),
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


def test_a_body_named_by_its_suffix_starts_at_a_place_found_before():
    text = "嘉禾县妇联召开会议。"
    sentence = sentence_of(text)
    assert organisations.suffixed_organisations(sentence, []) == []
    found = places.gazetteer_places(sentence, [])
    bodies = organisations.suffixed_organisations(sentence, found)
    assert [text[c.start:c.end] for c in bodies] == ["嘉禾县妇联"]


@pytest.mark.parametrize("text, name, cut", [
    # a boundary word that ends a brand's or a body's own word (为 of 华为, 和 of 协和, 的 of
    # 美的) does not cut the name, when jieba keeps the word whole
    ("据悉，华为技术有限公司将与本地高校共建实验室。", "华为技术有限公司", "技术有限公司"),
    ("北京协和医院派出医疗队支援灾区。", "北京协和医院", "协和医院"),
    ("美的集团股份有限公司发布了年度报告。", "美的集团股份有限公司", "集团股份有限公司"),
])
def test_a_boundary_word_inside_a_proper_word_does_not_cut_a_name(text, name, cut):
    found = entities(text)
    assert ("Organisation", name) in found and ("Organisation", cut) not in found


@pytest.mark.parametrize("text", [
    # a yearbook's structure sentence: the parts listed after 内设/下设 are no names of their own
    "2021年，嘉禾县残联机关内设办公室、康复部、就业部。",
    "嘉禾县科协下设办公室和学会部。",
])
def test_a_verb_of_structure_ends_a_name(text):
    assert not [n for t, n in entities(text) if "设" in n]


def test_a_boundary_word_after_a_name_still_cuts():
    # jieba reads 李建华|为: the preposition after a person's name, no brand
    found = entities("李建华为学校争得了荣誉。")
    assert ("Person", "李建华") in found
    assert not [n for t, n in found if t == "Organisation"]


@pytest.mark.parametrize("text, name", [
    # a national body's word after another country is that country's body
    ("法国外交部当天发表声明。", "法国外交部"),
    ("美国国务院发言人在记者会上回应。", "美国国务院"),
    ("据韩联社报道，韩国国会通过了预算案。", "韩国国会"),
    ("日本外务省召见了有关官员。", "日本外务省"),
    # international bodies and news agencies by name
    ("据路透社报道，石油输出国组织将召开会议。", "石油输出国组织"),
    ("法新社援引消息人士的话说。", "法国新闻社"),
])
def test_bodies_of_other_countries_and_the_world(text, name):
    assert ("Organisation", name) in entities(text)


@pytest.mark.parametrize("text, not_name", [
    ("法国外交部当天发表声明。", "中华人民共和国外交部"),   # not China's ministry
    ("中共中央国务院印发了意见。", "中国共产党中央委员会国务院"),  # two bodies, no unit
])
def test_a_country_word_names_no_other_body(text, not_name):
    assert ("Organisation", not_name) not in entities(text)


def test_a_company_named_without_its_legal_form_is_the_company():
    forms = names_of("远航控股集团有限公司与市政府签约。远航控股集团董事长出席。")
    assert "远航控股集团" in forms[("Organisation", "远航控股集团有限公司")]
    # 集团 right before 有限公司 ends no name of its own
    assert ("Organisation", "远航控股集团") not in forms


def test_national_teams_by_their_short_names():
    found = entities("中国女排以3比0战胜对手。")
    assert ("Organisation", "中国国家女子排球队") in found


@pytest.mark.parametrize("text, name", [
    ("湖南卫视推出了一档新节目。", "湖南卫视"),                 # a province's satellite channel
    ("青岛海洋足球俱乐部主教练表示球队状态良好。", "青岛海洋足球俱乐部"),  # a club, its place as written
    ("据澎湃新闻报道，该项目已经开工。", "澎湃新闻"),           # a news outlet by name
])
def test_media_and_clubs(text, name):
    assert ("Organisation", name) in entities(text)


def test_a_unit_of_a_unit_is_a_department_too():
    found = entities("华东医科大学医学院附属仁和医院获评先进集体。")
    assert ("Organisation", "华东医科大学医学院附属仁和医院") in found


def test_a_post_and_its_holder_are_no_unit_of_a_team():
    found = entities("终场哨响后，黄浦队主教练莱诺科面色凝重。")
    assert ("Organisation", "黄浦队") in found
    assert not [n for t, n in found if t == "Organisation" and "莱诺" in n]


def test_a_foreign_body_named_with_and_without_its_country_is_one_node():
    forms = names_of("清华大学与美国斯坦福大学签署协议。斯坦福大学校长出席仪式。")
    assert "美国斯坦福大学" in forms[("Organisation", "斯坦福大学")]
    assert ("Organisation", "美国斯坦福大学") not in forms


def test_an_exchange_by_its_suffix():
    assert ("Organisation", "上海证券交易所") in entities("上海证券交易所发布公告。")


@pytest.mark.parametrize("text, name, cut", [
    ("青禾大学材料与化学工程学院学生参加。", "青禾大学材料与化学工程学院", "化学工程学院"),
    ("青禾大学经济和管理学院举办讲座。", "青禾大学经济和管理学院", "管理学院"),
    # a unit's longer words, up to four each side of the conjunction (and a two-word suffix)
    ("青禾大学区域经济与产业规划研究中心发布报告。", "青禾大学区域经济与产业规划研究中心",
     "产业规划研究中心"),
])
def test_a_conjunction_inside_a_unit_s_name_after_its_parent_cuts_nothing(text, name, cut):
    found = entities(text)
    assert ("Organisation", name) in found and ("Organisation", cut) not in found


def test_a_conjunction_between_two_bodies_still_ends_the_first():
    found = entities("青禾大学与远山科技学院签订协议。")
    assert {("Organisation", "青禾大学"), ("Organisation", "远山科技学院")} <= found


@pytest.mark.parametrize("text, name", [
    # China's missions are named in full (resolve)
    ("中国驻法国大使馆发言人表示关切。", "中华人民共和国驻法国大使馆"),
    ("中国驻名古屋总领事馆举办招待会。", "中华人民共和国驻名古屋总领事馆"),
])
def test_embassies_and_consulates(text, name):
    assert ("Organisation", name) in entities(text)


@pytest.mark.parametrize("text, brand", [
    ("特斯拉首席执行官马斯克宣布新计划。", "特斯拉"),
    ("英伟达创始人兼首席执行官黄仁勋出席活动。", "英伟达"),
])
def test_a_brand_before_a_company_post_and_its_holder_is_the_company(text, brand):
    assert ("Organisation", brand) in entities(text)


@pytest.mark.parametrize("text", [
    "参观时，基地董事长兼总经理周明作了讲解。",     # a generic word and a post chain
    "王传福董事长在发布会上讲话。",                   # a person before the post
])
def test_no_brand_from_words_or_people(text):
    found = entities(text)
    assert not [n for t, n in found if t == "Organisation"]


@pytest.mark.parametrize("text, name, run_on", [
    # a byline's fields between blanks: the label is no part of the body's name
    ("作者:孟秋禾 资料来源:株洲市妇联 发布时间:2020-1-1\n", "株洲市妇女联合会",
     "资料来源:株洲市妇联"),
    # an adverb opening the clause is no part of a bare name
    ("会议结束。随后女企业家协会会长林知夏发言。", "女企业家协会", "随后女企业家协会"),
    # a verb of news ends the holder's name and so the body's before it
    ("中国妇女发展基金会副秘书长孟秋莅临株洲市妇儿中心调研。", "株洲市妇儿中心",
     "中国妇女发展基金会副秘书长孟秋莅临株洲市妇儿中心"),
])
def test_no_label_adverb_or_holder_runs_into_a_body_s_name(text, name, run_on):
    found = entities(text)
    assert ("Organisation", name) in found and ("Organisation", run_on) not in found

@pytest.mark.parametrize("text, name", [
    ("香港特别行政区政府发言人表示支持。", "香港特别行政区政府"),
    ("澳门特区政府宣布新措施。", "澳门特别行政区政府"),
])
def test_a_special_region_s_government_is_no_people_s_government(text, name):
    assert ("Organisation", name) in entities(text)


def test_a_verb_of_witnessing_opens_no_company_name():
    found = entities("双方领导共同见证远航集团与市政府签署协议。")
    assert ("Organisation", "远航集团") in found
    assert not [n for t, n in found if t == "Organisation" and "见证" in n]


def test_a_kind_of_company_is_no_company_named():
    found = entities("集团公司与市交通集团签署合作协议，子公司负责人参加。")
    assert not {n for t, n in found if t == "Organisation"} & {"集团公司", "子公司"}


@pytest.mark.parametrize("text, body", [
    # the associations of overseas Chinese, named after where they live and their home
    ("大阪福建同乡会会长林志坚致辞。", "大阪福建同乡会"),
    ("代表团走访了温哥华台山会馆。", "温哥华台山会馆"),
    ("横滨华侨总会举行新春联欢。", "横滨华侨总会"),
    ("台山公所的乡亲们前来祝贺。", "台山公所"),
    ("全国律师界羽毛球联谊会在杭州成立。", "全国律师界羽毛球联谊会"),
])
def test_bodies_of_overseas_chinese_and_friendship_associations(text, body):
    assert ("Organisation", body) in entities(text)


@pytest.mark.parametrize("text, body", [
    ("湖南省株洲市妇联召开大会。孙立新代表市科协致贺词。", "株洲市科学技术协会"),
    ("湖南省株洲市召开座谈会，副市长邓红梅代表市政府讲话。", "株洲市人民政府"),
    ("湖南省株洲市科协召开代表大会。何建军代表市科协第八届委员会作工作报告。",
     "株洲市科学技术协会第八届委员会"),
])
def test_a_body_named_by_its_level_word_after_a_name_and_daibiao(text, body):
    # 代表 after a name is the verb "speak for": the body's name starts at the level word
    assert ("Organisation", body) in entities(text)


@pytest.mark.parametrize("text, body", [
    ("【本台消息】环境及生态局局长林子健视察污水处理厂。", "环境及生态局"),    # no 】 in the name
    ("沙田区议会召开全体会议，讨论交通问题。", "沙田区议会"),
])
def test_hong_kong_bureaus_and_district_councils(text, body):
    assert ("Organisation", body) in entities(text)


def test_a_key_laboratory_is_a_body():
    found = entities("光电材料国家重点实验室主任周明远介绍了成果。")
    assert ("Organisation", "光电材料国家重点实验室") in found


def test_a_verb_of_taking_a_second_post_ends_a_body_s_name_to_its_left():
    found = entities("县里选拔在校大学生兼任青禾镇团委副书记。")
    assert not any(kind == "Organisation" and "兼任" in name for kind, name in found)


@pytest.mark.parametrize("text, unit", [
    # a unit's own words up to seven characters when its suffix needs a parent or a place
    ("他到嘉兴市人民检察院刑事执行检察部调研。", "嘉兴市人民检察院刑事执行检察部"),
    ("嘉兴市园林绿化中心南湖湿地公园管理所获表彰。", "嘉兴市园林绿化中心南湖湿地公园管理所"),
    # a chain of units, each named from the first body (a city inside the region's body)
    ("四川出入境边防检查总站广元边境管理支队城关边境派出所获表彰。",
     "四川出入境边防检查总站广元边境管理支队城关边境派出所"),
])
def test_a_unit_below_a_body_is_named_with_it(text, unit):
    assert ("Organisation", unit) in entities(text)


@pytest.mark.parametrize("text, body, not_unit", [
    # a place outside the body before it opens a body of its own
    ("江山市公安局接到衢州市中级人民法院通知。", "衢州市中级人民法院",
     "江山市公安局接到衢州市中级人民法院"),
    # six words before a suffix any name may take are a name of their own
    ("衢州市妇联湘南女子职业学校开学。", "湘南女子职业学校", "衢州市妇女联合会湘南女子职业学校"),
])
def test_a_body_after_another_is_no_unit_of_it(text, body, not_unit):
    found = entities(text)
    assert ("Organisation", body) in found and ("Organisation", not_unit) not in found


@pytest.mark.parametrize("text, league", [
    ("青年人心中的共青团是先锋队。", True),            # standing alone: the league itself
    ("共青团与少先队一起开展活动。", True),
    ("共青团嘉兴市委表彰优秀团干部。", False),          # opening a committee's name
    ("共青团中央发布通知。", False),
    ("她担任共青团工作多年。", False),
])
def test_the_league_by_its_short_form_only_standing_alone(text, league):
    found = entities(text)
    assert (("Organisation", "中国共产主义青年团") in found) == league
    if "嘉兴市委" in text:  # the short form still opens the committee's name
        assert ("Organisation", "共青团嘉兴市委员会") in found


@pytest.mark.parametrize("verb", ["前往", "造访", "看望", "考察"])
def test_a_body_gone_to_starts_after_the_verb(verb):
    found = entities(f"市妇联{verb}红星学院。")
    assert ("Organisation", "红星学院") in found
    assert not [n for _, n in found if verb in n]


def test_a_cue_ending_in_a_particle_ends_a_name_as_the_particle_does():
    # 选举了 covers 了, which still ends the name: the society is no 选举了学会
    found = entities("理事会选举了学会会长和秘书长。")
    assert not [n for t, n in found if t == "Organisation" and "选举" in n]
