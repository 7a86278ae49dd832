"""Programmes (extract/programmes.py): quoted and unquoted names, distributed lists, section
headers; what a name is not (a slogan, a determiner's meeting, a numbered sitting), central
plenary sessions by their official name, a series of N parts named by the programme."""
import pytest

from extraction import entities


@pytest.mark.parametrize("text, expected", [
    ("深入推进北疆巾帼铸魂工程,落实巾帼向党引领行动。", ("Programme", "北疆巾帼铸魂工程")),
    ("实施“乡村巾帼追梦人计划”,争取并高质量落实“京蒙协作项目”。",
     ("Programme", "乡村巾帼追梦人计划")),
    ("深化“巾帼兴粮节粮”活动,参与全链条节粮减损。", ("Programme", "巾帼兴粮节粮")),
    ("深化北疆巾帼铸魂、家家幸福安康、强基扩面促活三大工程。", ("Programme", "家家幸福安康工程")),
    ("推进妇女“两癌”筛查和低收入妇女“两癌”救助项目全覆盖。",
     ("Programme", "低收入妇女两癌救助项目")),
    ("2021年,云南省妇联启动“彩云巾帼创业行动”。", ("Programme", "彩云巾帼创业行动")),
    ("认真贯彻党的二十大精神。", ("Programme", "中国共产党第二十次全国代表大会")),
    # quotation marks scraped to spaces: the whole phrase, up to its last character
    ("打造出 拉话话 周末妈妈 等优秀巾帼志愿服务团队和品牌。", ("Programme", "周末妈妈")),
    ("开展 百千万巾帼大宣讲 妇女恳谈 北疆巾帼思政大讲堂 等宣讲。", ("Programme", "妇女恳谈会")),
    # a verb that opens the phrase is not part of the name
    ("首次组织女科学家女企业家走北疆助力内蒙古高质量发展大会。",
     ("Programme", "女科学家女企业家走北疆助力内蒙古高质量发展大会")),
    ("建设北疆巾帼创新工作室,支持妇女就业。", ("Programme", "北疆巾帼创新工作室")),
    ("2023年,四川省妇联组织川妹子巾帼创业大赛。", ("Programme", "川妹子巾帼创业大赛")),
    # games
    ("第19届杭州亚运会开幕。", ("Programme", "杭州亚运会")),
    # a body's own congress keeps the body in its name
    ("海南省妇联第七次代表大会在海口召开。", ("Programme", "海南省妇联第七次代表大会")),
    # meetings; the ordinal of a congress stays in its name
    ("召开2024年全省妇联主席会议。", ("Programme", "全省妇联主席会议")),
    ("湖南省第十三次妇女代表大会召开。", ("Programme", "湖南省第十三次妇女代表大会")),
    # a yearbook section header that ends in a programme word, of any kind
    ("【巾帼家政服务站建设】 2021年,广西壮族自治区妇联新建服务站30个。",
     ("Programme", "巾帼家政服务站建设")),
    ("【八桂巾帼志愿服务】 2021年,全区注册巾帼志愿者10万名。", ("Programme", "八桂巾帼志愿服务")),
    # the name word before an activity word ends a quoted brand's name
    ("宁波市海曙区妇联开展“海曙巾帼”大讲堂活动。", ("Programme", "海曙巾帼大讲堂")),
    ("举办“珠峰巾帼”手工艺品展销会。", ("Programme", "珠峰巾帼手工艺品展销会")),
    # verbs that only open a phrase stay inside names (…服务提升行动, …建设推进活动)
    ("省妇联实施巾帼家政服务提升行动。", ("Programme", "巾帼家政服务提升行动")),
    ("开展“龙江好家风”家庭文明建设推进活动。", ("Programme", "龙江好家风家庭文明建设推进活动")),
    # a selection verb between a quoted title and the programme word
    ("广西壮族自治区妇联实施“巾帼乡村振兴示范基地”创建项目。",
     ("Programme", "巾帼乡村振兴示范基地创建项目")),
    ("省妇联持续开展“最美家庭”寻访活动。", ("Programme", "最美家庭寻访活动")),
    # quoted names in a row share the kind that follows the last one
    ("打造“知心大姐”“巴渝巾帼”“山城妈妈”等优秀志愿服务团队和品牌。", ("Programme", "知心大姐")),
    # 向 of 向党 and a verb inside a name do not cut it
    ("落实青年向党引领行动。", ("Programme", "青年向党引领行动")),
    # short venue and screening words: the one word before them is the name
    ("湖北省总工会在全省建设职工之家50个。", ("Programme", "职工之家")),
    ("各类 青年之家 职工微家1.7万多个。", ("Programme", "职工微家")),
    ("推动扩大农村妇女“两癌”筛查覆盖面。", ("Programme", "农村妇女两癌筛查")),
    ("新建4个浙江大学共富远程教学站。", ("Programme", "浙江大学共富远程教学站")),
    # … but the same word inside a name stays (组织 of 妇联组织)
    ("举办全区妇联组织维权信访人员培训班。", ("Programme", "全区妇联组织维权信访人员培训班")),
])
def test_programmes(text, expected):
    assert expected in entities(text)


@pytest.mark.parametrize("text, slogan", [
    ("做“两个维护”的拥护者。", "两个维护"),
    ("牢固树立“三个离不开”的观念。", "三个离不开"),
    ("举办“奋进新征程 建功新时代”——湖南省巾帼家政职业技能大赛。", "奋进新征程 建功新时代"),
])
def test_slogans_are_not_programmes(text, slogan):
    assert ("Programme", slogan) not in entities(text)


def programmes(text: str) -> set[str]:
    return {name for kind, name in entities(text) if kind == "Programme"}


@pytest.mark.parametrize("text, name", [
    ("会议传达了党的十九届五中全会精神。", "中国共产党第十九届中央委员会第五次全体会议"),
    ("各地认真学习二十届三中全会精神。", "中国共产党第二十届中央委员会第三次全体会议"),
    ("全面推进巾帼绿色家园三大行动。", "巾帼绿色家园"),
])
def test_official_and_series_names(text, name):
    assert name in programmes(text)


@pytest.mark.parametrize("text", [
    "本次执委会议审议通过了工作报告。",
    "区人大常委会举行第八次会议。",
])
def test_no_programme_without_a_name(text):
    assert programmes(text) == set()


@pytest.mark.parametrize("text, name", [
    ("市妇联启动最美家庭家风家训巡讲。", "最美家庭家风家训巡讲"),
    ("县妇联建成巾帼手工扶贫车间。", "巾帼手工扶贫车间"),
    ("省妇联举办2024年三八红旗手颁奖典礼。", "三八红旗手颁奖典礼"),
    ("依托巾帼电商实训基地开展培训。", "巾帼电商实训基地"),
    ("扎实推进《醴陵市儿童发展规划（2021-2030年）》落地见效。", "醴陵市儿童发展规划"),
    ("县科协积极参加科技活动周宣传。", "科技活动周"),
    # a verb after the kind word ends the name (拉开序幕)
    ("2023年醴陵市“全国科普日”活动拉开序幕。", "全国科普日"),
])
def test_events_and_bases_named_by_their_kind(text, name):
    assert name in programmes(text)


def test_a_clause_with_a_post_and_its_holder_or_a_count_after_etc_is_no_programme():
    assert programmes("市总工会主席林知夏到赛场观摩比赛。") == set()
    assert programmes("钳工、电工等12个工种技能比赛同时开赛。") == set()
    # a post without a holder may stand in a name
    assert "全县妇联主席培训班" in programmes("县妇联举办全县妇联主席培训班。")


@pytest.mark.parametrize("text, name, not_name", [
    ("要发挥妇联优势，使巾帼护绿行动落到实处。", "巾帼护绿行动", "使巾帼护绿行动"),
    ("县妇联与青禾保险公司签订巾帼安康行动合作协议。", "巾帼安康行动", "青禾保险公司签订巾帼安康行动"),
])
def test_a_verb_that_opens_a_phrase_is_no_part_of_the_name_after_it(text, name, not_name):
    found = programmes(text)
    assert name in found and not_name not in found


@pytest.mark.parametrize("text", [
    "不少县级妇联组织着手创办托育服务机构,为年轻妈妈提供育儿指导、创业咨询等帮助。",
    "全市妇联紧扣打赢脱贫攻坚战的要求,组织多项活动。",
    "市妇联把“集中宣讲”和入户走访结合起来。",
    "基金会坚持做公益慈善项目二十年,让更多公益慈善项目惠及群众。",
])
def test_a_verb_phrase_or_a_slogan_is_no_programme(text):
    assert not [name for kind, name in entities(text) if kind == "Programme"]


@pytest.mark.parametrize("text", [
    "湖南建工集团有限公司钢结构项目部女子班组获评先进集体。",
    "株洲云岭电力有限责任公司项目管理部经理李一帆获评先进个人。",
    "青年们用实际行动诠释了担当。",
    # rooms and buildings named after meetings
    "座谈在县政府三楼大会议室进行。",
    "选举在东方村会议室举行，二十名团员参加。",
    "论坛在某市国际会议中心开幕。",
])
def test_a_unit_a_post_or_an_idiom_ending_in_a_programme_word_is_none(text):
    assert not [name for kind, name in entities(text) if kind == "Programme"]


@pytest.mark.parametrize("text, meeting", [
    ("会后举行了湖南省残联第七届主席团第一次全体会议,选出主席。", "湖南省残联第七届主席团第一次全体会议"),
    ("会议要求深入学习中央党的统战工作会议精神。", "中央党的统战工作会议"),
    ("湘潭市第五次归侨侨眷代表大会暨湘潭市侨联成立四十周年座谈会于本周举行。", "湘潭市第五次归侨侨眷代表大会"),
])
def test_a_sitting_a_party_conference_or_one_of_two_joined_events_is_named_whole(text, meeting):
    assert ("Programme", meeting) in entities(text)


@pytest.mark.parametrize("text, name", [
    ("湖南省妇联今年组织了寻找三湘“最美家庭”活动。", "寻找三湘最美家庭活动"),
    ("湘潭县妇联着力创新“邻里互助”服务品牌。", "邻里互助"),
    ("湘潭县妇联举办2023年“巾帼先锋”活动。", "巾帼先锋"),
])
def test_words_leading_into_a_quoted_name_are_part_of_it_when_they_name_something(text, name):
    assert name in {n for kind, n in entities(text) if kind == "Programme"}


@pytest.mark.parametrize("text, organisation", [
    ("湖南省文联于1949年参加了中国人民政治协商会议的筹备。", "中国人民政治协商会议"),
])
def test_the_cppcc_itself_is_a_body_not_a_meeting(text, organisation):
    found = entities(text)
    assert ("Organisation", organisation) in found and ("Programme", organisation) not in found


def test_a_congress_named_without_its_body_or_number_is_none():
    assert not [n for kind, n in entities("本会的最高领导机关为全国代表大会,每五年召开一次。")
                if kind == "Programme"]


@pytest.mark.parametrize("text", [
    "中国远洋工程集团与市政府签约。",   # 工程 of a company's name
    "西北工程大学举行开学典礼。",       # 工程 of a school's name
])
def test_a_programme_word_inside_a_company_or_school_name_is_no_programme(text):
    found = entities(text)
    assert not [n for t, n in found if t == "Programme"]
    assert [n for t, n in found if t == "Organisation"]


def test_a_name_given_in_full_is_read_in_full_where_it_is_written_again():
    found = entities("湖南省妇女学会年会暨“湘江振兴与妇女发展”论坛举行。会议期间,湘江振兴与妇女发展论坛"
                     "发布了研究成果。")
    programmes = {n for kind, n in found if kind == "Programme"}
    assert "湘江振兴与妇女发展论坛" in programmes and "妇女发展论坛" not in programmes


def test_the_other_items_of_a_list_of_programmes_are_programmes():
    found = entities("省妇联打造了巾帼致富带头人工程、牵手行动、彩虹工程、爱心妈妈等一批有影响的工作品牌。")
    assert {"牵手行动", "彩虹工程", "爱心妈妈"} <= {n for kind, n in found if kind == "Programme"}


def test_a_name_counted_by_sites_is_a_kind_of_work():
    found = entities("基金会在西部建成集中供水工程1200处。集中供水工程惠及群众十万人。")
    assert not [n for kind, n in found if kind == "Programme"]


def test_speaking_at_a_plenary_names_no_meeting():
    found = entities("李华曾在市政协全会作大会发言,建议增设托育点。")
    assert not [n for kind, n in found if kind == "Programme" and n.endswith("作大会")]


def test_a_quoted_name_with_a_programme_word_inside_keeps_its_conjunction():
    found = entities("李华现任湘潭大学“数字经济与数字金融实验班”首席教授。")
    assert ("Programme", "数字经济与数字金融实验班") in found


@pytest.mark.parametrize("text, name", [
    ("团市委联合市文明办开展“青春护航·平安同行”湘潭青年志愿者助力平安建设行动。",
     "青春护航·平安同行湘潭青年志愿者助力平安建设行动"),
    ("团湘潭市委举办湘潭市青年志愿服务重点项目发布会。", "湘潭市青年志愿服务重点项目发布会"),
])
def test_a_long_tail_or_a_launch_conference_ends_the_name(text, name):
    assert ("Programme", name) in entities(text)


def test_a_name_read_from_gongzuo_has_lost_its_matter():
    found = entities("湘潭市首届“湘潭工匠”选树工作新闻发布会于昨日举行。")
    assert not [n for kind, n in found if kind == "Programme" and n.startswith("工作")]


def test_a_quoted_activity_read_before_a_locative():
    assert ("Programme", "三优一满意") in entities("全市医务人员在“三优一满意”活动中发挥了作用。")
    assert not [n for kind, n in entities("市妇联“巾帼”活动中心揭牌。") if kind == "Programme"]


def test_a_year_makes_two_characters_before_a_meeting_word_a_name():
    assert ("Programme", "迎春座谈会") in entities("团县委召开2024年迎春座谈会。")
    assert not [n for kind, n in entities("团县委召开迎春座谈会。") if kind == "Programme"]


@pytest.mark.parametrize("text, programme", [
    ("2024年东海国际马拉松鸣枪开跑。", "东海国际马拉松"),
    ("第十届东亚经济合作峰会在京举行。", "东亚经济合作峰会"),
])
def test_fairs_summits_and_races_of_the_news(text, programme):
    assert any(t == "Programme" and programme in n for t, n in entities(text))


def test_the_verbs_before_a_contest_open_no_name():
    found = {n for kind, n in entities("全省开始湖南省青年技能大赛,经过网络知识竞赛,结果揭晓。")
             if kind == "Programme"}
    assert "湖南省青年技能大赛" in found and not [n for n in found if n.startswith(("开始", "经过"))]


def test_words_naming_no_event_joined_by_ji_are_part_of_the_name():
    found = entities("3月8日，湘潭市妇联在雨湖公园举办湘潭市家庭教育促进法宣传暨2024年“护苗”"
                     "行动启动仪式。")
    assert ("Programme", "湘潭市家庭教育促进法宣传暨2024年护苗行动启动仪式") in found


@pytest.mark.parametrize("text, event", [
    ("湘潭市妇女研究会第三次代表大会暨性别平等研讨会在湘潭举行。", "湘潭市妇女研究会第三次代表大会"),
    # an action before 暨 is no part of the event
    ("12月3日，湘潭县妇联换届暨湘潭县第五次妇女代表大会召开。", "湘潭县第五次妇女代表大会"),
])
def test_two_events_or_an_action_and_an_event_joined_by_ji_stay_two(text, event):
    found = entities(text)
    assert ("Programme", event) in found
    assert not [name for kind, name in found if "暨" in name]


def test_a_round_opens_the_name_before_a_short_programme_word():
    # 运动会 takes one word before it, unless a round of the series stands before that
    found = entities("湘潭市第五届职工趣味运动会在市体育中心开幕。")
    assert ("Programme", "职工趣味运动会") in found
