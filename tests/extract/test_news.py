"""Ordinary news text (extract): people, places and organisations of politics, economy, sport
and society reports, written in the texts' own ways."""
import pytest

from extraction import entities, names_of


def _people(text: str) -> set[str]:
    return {key for kind, key in entities(text) if kind == "Person"}


def _organisations(text: str) -> set[str]:
    return {key for kind, key in entities(text) if kind == "Organisation"}


@pytest.mark.parametrize("text, person", [
    # a frequent word jieba tags as a name is a name after a post title, before a verb
    ("国务院总理李鹏上午在北京会见了外国客人。", "李鹏"),
    # before a post title that ends the phrase
    ("会上，李鹏总理说，改革要稳步推进。", "李鹏"),
    # among names of a list
    ("朱德、陈毅、贺龙等同志的事迹被写进教材。", "朱德"),
])
def test_famous_names_that_are_also_words(text, person):
    assert person in _people(text)


@pytest.mark.parametrize("text, word", [
    ("教育局局长安静地听完了大家的发言。", "安静"),
    ("协会荣誉主席王明远出席了开幕式。", "荣誉"),
    ("阳光、沙滩、温泉吸引了大批游客。", "阳光"),
])
def test_frequent_name_words_stay_words(text, word):
    assert word not in _people(text)


@pytest.mark.parametrize("text, person", [
    # 带队, 代表 follow a name as 表示 does
    ("公司党委书记、董事长陈志远带队赴外地考察。", "陈志远"),
    # one character between a name and the clause's end is the name's (…王大才。)
    ("慰问组看望了退休老教师王永才。", "王永才"),
])
def test_where_a_name_ends(text, person):
    assert person in _people(text)


def test_a_name_and_a_post_title_open_no_company_name():
    text = "会上，刘国栋代表集团公司与当地政府签订了合作协议。"
    assert "刘国栋" in _people(text)
    assert not any(name.startswith("刘国栋") for name in _organisations(text))


def _places(text: str) -> set[str]:
    return {key for kind, key in entities(text) if kind == "Place"}


@pytest.mark.parametrize("text, not_place, place", [
    # a person's name heading a body or street: 中山 of Sun Yat-sen, not 中山市
    ("她毕业于中山大学，后来在中山路开了一家书店。", "中山市", None),
    ("广东中山的家电企业参加了展会。", None, "中山市"),
    # a county's short form between a province and a team's word is the club's brand
    ("山东泰山队主场迎战对手。", "泰山区", "山东省"),
    # (a city's name there is where the team comes from)
    ("浙江绍兴队在客场打成平局。", None, "绍兴市"),
])
def test_short_forms_that_head_other_names(text, not_place, place):
    places = _places(text)
    assert not_place is None or not_place not in places
    assert place is None or place in places


@pytest.mark.parametrize("text", [
    "湖南省常德市西湖管理区召开农业工作会议。",
    "西湖管理区妇联组织志愿者走访农户。",
])
def test_a_management_zone_is_no_county_of_its_short_form(text):
    places = _places(text)
    assert "西湖管理区" in places and "西湖区" not in places


def _programmes(text: str) -> set[str]:
    return {key for kind, key in entities(text) if kind == "Programme"}


@pytest.mark.parametrize("text, programme", [
    # a conjunction joining two words of the name right before its programme word
    ("这一原则写进了联合国环境与发展大会的文件。", "联合国环境与发展大会"),
    ("她应邀出席城市交通与发展论坛。", "城市交通与发展论坛"),
])
def test_programme_names_holding_a_conjunction(text, programme):
    assert programme in _programmes(text)


def test_partners_joined_before_a_programme_are_not_its_name():
    programmes = _programmes("省文联和省作协举办文学创作研讨会。")
    assert "文学创作研讨会" in programmes
    assert not any("和" in name for name in programmes)


@pytest.mark.parametrize("text, body", [
    ("中美友好协会在会上介绍了交流项目。", "中美友好协会"),
    ("美中贸易全国委员会会长在会上发言。", "美中贸易全国委员会"),
])
def test_bilateral_bodies(text, body):
    assert body in _organisations(text)
    assert "中华人民共和国" not in _places(text)


@pytest.mark.parametrize("text, reporters", [
    ("新华社北京5月3日电（记者周明远 许若兰）会议今天开幕。", {"周明远", "许若兰"}),
    ("本报记者 陈思齐 魏书航\n代表团抵达北京。", {"陈思齐", "魏书航"}),
])
def test_reporters_of_a_byline_separated_by_blanks(text, reporters):
    assert reporters <= _people(text)


def test_a_caption_s_credit_after_a_reporter_is_no_name():
    assert _people("（记者 周明远 摄）") == {"周明远"}


def test_sustainable_is_no_verb_inside_a_name():
    assert "联合国可持续发展大会" in _programmes("各国代表出席联合国可持续发展大会。")


def test_two_events_joined_are_not_one_name():
    programmes = _programmes("组织“春晖大讲堂”和家长恳谈会。")
    assert not any("和" in name for name in programmes)


def test_a_title_running_into_a_longer_word_opens_no_name():
    assert not _people("该公司的法定代表人出庭作证。")


def test_towns_of_a_list_are_no_people():
    people = _people("他先后走访了城关镇、李家庄镇、高蓬镇、东风街道。")
    assert not any(name.endswith("镇") for name in people)


@pytest.mark.parametrize("text, person", [
    # the parts of a foreign name a middle dot joins are one name
    ("俱乐部宣布与米哈伊尔·斯坦科维奇正式签约。", "米哈伊尔·斯坦科维奇"),
    # a married woman's two surnames and her name, after a post
    ("律政司司长梁陈美玲9月3日出席典礼。", "梁陈美玲"),
    # a speech verb after a name the tagger reads is no part of it
    ("陈志坚说，双方合作前景广阔。", "陈志坚"),
    ("谭明说,两国交往十分频繁。", "谭明"),
])
def test_names_of_news_reports(text, person):
    assert person in _people(text)


@pytest.mark.parametrize("text, not_person", [
    ("新任主教练于来年1月与球队会合。", "于来年"),
    ("希望大家牢记总书记殷殷嘱托。", "殷殷嘱托"),
])
def test_time_words_and_adverbs_are_no_names(text, not_person):
    assert not_person not in _people(text)


def test_a_leader_s_verb_ends_a_delegation_s_name():
    assert "国会代表团" in _organisations("议长上月率国会代表团来访。")


def test_cadres_are_no_department():
    organisations = _organisations("南宁市委机关干部黄志明对记者说。")
    assert not any(name.endswith("干部") for name in organisations)


def test_a_caption_s_position_is_no_byline():
    assert _people("行政长官李家明(前排左二)9月26日出席酒会。") == {"李家明"}


def test_an_ambassador_and_his_name_open_no_government():
    organisations = _organisations("英国驻华大使怀特洛代表英国政府递交信件。")
    # the embassy his post names is the only body of 大使 (missions.missions_of_posts)
    assert {name for name in organisations if "大使" in name} == {"英国驻华大使馆"}


def test_a_name_before_a_time_adverb():
    assert "鲁正" in _people("省委副书记、省长鲁正在长沙会见了代表团。")


@pytest.mark.parametrize("text, programme", [
    ("两国总理将举行第十次定期会晤。", "第十次定期会晤"),
    ("她出席了上海合作组织成员国元首理事会会晤。", "上海合作组织成员国元首理事会会晤"),
])
def test_named_meetings_of_leaders(text, programme):
    assert programme in _programmes(text)


def test_a_meeting_of_leaders_unnamed_is_no_programme():
    assert not _programmes("双方元首在会晤中表示，将加强合作。")


@pytest.mark.parametrize("text, bureau", [
    ("环境及生态局局长高志文出席了开幕式。", "环境及生态局"),
    ("代表团拜会了发展局局长宋伟明。", "发展局"),
])
def test_a_bureau_named_bare_before_its_head_s_title(text, bureau):
    assert bureau in _organisations(text)


def test_a_bureau_referred_to_is_none_named():
    assert not _organisations("该局局长郑志刚出庭应诉。")


@pytest.mark.parametrize("text, bureau", [
    ("随行官员包括文化体育及旅游局局长杨思远。", "文化体育及旅游局"),
    ("——访国家林业总局局长许振东", "国家林业总局"),
    ("他拜会发展局局长宋伟明。", "发展局"),
])
def test_where_a_bare_bureau_s_name_starts(text, bureau):
    assert _organisations(text) == {bureau}


def test_an_event_referred_to_is_no_programme():
    assert not _programmes("本届运动会共产生金牌三百余枚，此次会议也随之闭幕。")


def test_medals_a_contest_counts_are_no_honour():
    text = "第九届全国运动会共决出金牌三百余枚。"
    assert not any(kind == "Honour" for kind, _ in entities(text))


def test_a_gala_named_after_its_prize():
    names = names_of("颁奖晚会“第十届华语诗歌奖之夜”在杭州举行。")
    assert ("Programme", "第十届华语诗歌奖之夜") in names or ("Programme", "华语诗歌奖之夜") in names


def test_a_person_and_a_verb_open_no_body_s_name():
    organisations = _organisations("会上，林静怡肯定台中医院的贡献。")
    assert not any(name.startswith("林静怡") for name in organisations)


def test_a_rarer_surname_after_a_post():
    assert "铁明华" in _people("中国音乐家协会主席铁明华到会祝贺。")


def test_a_name_jieba_holds_as_a_rare_entry_after_a_post():
    # (张可颐 is a three-character entry of jieba's dictionary, tagged v, frequency 3)
    assert "张可颐" in _people("副省长张可颐等陪同考察。")
    assert not _people("他张开着双臂。")


@pytest.mark.parametrize("text, person", [
    ("邝呦呦获得年度科学奖。", "邝呦呦"),
    # (a place's short form inside the name: 南山 of 南山区)
    ("钟南海被授予“人民英雄”国家荣誉称号。", "钟南海"),
])
def test_a_recipient_opening_the_sentence(text, person):
    assert person in _people(text)


def test_a_preposition_before_the_verb_of_receiving():
    people = _people("会上，王立向获得“优秀班组”称号的女工们致敬。")
    assert "王立向" not in people


def test_a_preposition_after_a_role_opens_no_name():
    assert not _people("号召广大团干部向受到表彰的集体学习。")


def test_a_pronoun_is_no_part_of_a_name():
    assert "到我镇" not in _people("上午，周书记到我镇调研。")


@pytest.mark.parametrize("text, person", [
    ("日本首相鸠山健太郎当天抵达北京。", "鸠山健太郎"),
    ("日本外相渡边信三表示欢迎。", "渡边信三"),
])
def test_japanese_names_after_a_post(text, person):
    assert person in _people(text)


@pytest.mark.parametrize("text, not_person, person", [
    ("外交部发言人谈巴印两国恢复对话。", "谈巴印", None),
    ("发言人谈中美经贸磋商进展。", "谈中美", None),
    ("主任张英德出席。", None, "张英德"),
])
def test_two_countries_are_no_given_name(text, not_person, person):
    people = _people(text)
    assert not_person is None or not_person not in people
    assert person is None or person in people


@pytest.mark.parametrize("text, person", [
    # a wife named after 夫人, her name transliterated or Chinese
    ("来访的加拿大总理和夫人索菲娅参观了博物馆。", "索菲娅"),
    ("省长夫人柳红同机抵达。", "柳红"),
])
def test_a_wife_named_after_the_word_for_her(text, person):
    assert person in _people(text)


@pytest.mark.parametrize("text, person", [
    # a name after a post whose first two characters make a noun (程志 of 程志明), before 到
    ("市委书记韩立文,市长程志远到开发区调研。", "程志远"),
    ("副市长李海峰深入企业察看生产。", "李海峰"),
])
def test_a_name_after_a_post_before_a_verb_of_going(text, person):
    assert person in _people(text)


def test_a_verb_after_a_post_title_is_no_name():
    assert not _people("在总书记关怀下成长。")


@pytest.mark.parametrize("text, person", [
    # athletes named after the words news calls them by
    ("上海小将刘雨萱和来自江苏的队友周子墨默契配合。", "刘雨萱"),
    ("上海小将刘雨萱和来自江苏的队友周子墨默契配合。", "周子墨"),
    ("湖北老将孙建业再次出战。", "孙建业"),
])
def test_athletes_after_the_words_for_them(text, person):
    assert person in _people(text)


def test_a_count_of_person_times_opens_no_title():
    honours = {key for kind, key in entities("本省健儿在4个项目5人次勇夺全国冠军。") if kind == "Honour"}
    assert honours == {"全国冠军"}


def test_a_national_team_named_without_national():
    assert _organisations("离不开中国乒乓球队和中国跳水队的培养。") == {"中国国家乒乓球队", "中国国家跳水队"}


def test_a_company_listed_under_an_honour_heading_holds_no_person():
    found = entities("全国五一劳动奖状\n长风绿能科技股份有限公司,公司创始人赵立新系我校校友。\n")
    assert ("Organisation", "长风绿能科技股份有限公司") in found
    assert {key for kind, key in found if kind == "Person"} == {"赵立新"}
