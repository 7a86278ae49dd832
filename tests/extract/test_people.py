"""People (extract/people.py, extract/names.py): names from their context, and words that are
no names."""
import pytest

from kg.extract import honours, people

from extraction import entities, sentence_of


@pytest.mark.parametrize("text, person", [
    ("自治区妇联党组书记、主席王芳专题听取汇报。", "王芳"),
    ("揭晓“十大感动人物”:侯维霞、赵青秀、何红。", "赵青秀"),
    ("女带头人齐晓景、赵丽杰、杨颖被评为典型。", "齐晓景"),
    ("有获得中华环境奖的殷玉珍;", "殷玉珍"),
    ("(武峰 吕洪凯 赵瑞荣)", "吕洪凯"),
    ("以习近平同志为核心的党中央。", "习近平"),
    # the holder of a title at the end of a clause, after a short description
    ("获得全国三八红旗手称号的次仁卓玛,", "次仁卓玛"),
    ("被授予自治区劳动模范称号的护林员王桂兰。", "王桂兰"),
])
def test_people_from_context(text, person):
    assert ("Person", person) in entities(text)


@pytest.mark.parametrize("text, not_person", [
    ("深入巴彦淖尔、呼伦贝尔、鄂尔多斯等12个盟市。", "呼伦贝尔"),
    ("(自治区妇联办公室 供图)", "供图"),
])
def test_places_and_captions_are_not_people(text, not_person):
    assert all(key != not_person for t, key in entities(text) if t == "Person")


@pytest.mark.parametrize("text, person", [
    ("国务院总理李克强表示,要加快发展。", "李克强"),
    ("张伟教授指出,乡村振兴要靠人才。", "张伟"),
    ("欧阳丽华女士出席了仪式。", "欧阳丽华"),
    # after a post title, a word boundary of jieba ends the name
    ("湖南省妇联党组书记、主席王秀英带队赴湘西州调研。", "王秀英"),
    ("与中国外交部长王毅举行会谈。", "王毅"),
    ("美国国务卿布林肯周二抵达北京。", "布林肯"),
    ("据报道,央行行长潘功胜表示,将保持流动性合理充裕。", "潘功胜"),
    ("法官张明介绍了案情。", "张明"),
    ("李强会见了来访的法国总统马克龙。", "李强"),
    # a foreign name spelled by sound may have four characters after a surname-like one
    ("联合国秘书长古特雷斯在纽约总部发表讲话。", "古特雷斯"),
    # names joined by a middle dot are one name
    ("自治区妇联党组书记、副主席古丽娜尔·买买提带领工作组调研。", "古丽娜尔·买买提"),
    ("护士长帕提古丽·艾力被授予“全国三八红旗手标兵”称号。", "帕提古丽·艾力"),
    # a three-character name unless its last character starts a word
    ("主席韦丽萍带队赴百色市田阳区调研。", "韦丽萍"),
    # the recipient of 授予, the elected of 选举, the winner before 获得
    ("云南省人民政府授予刘梅“云南省三八红旗手”称号。", "刘梅"),
    ("全国妇联授予张秀英等20名同志“全国三八红旗手”称号。", "张秀英"),
    ("会议选举李春华为省妇联副主席。", "李春华"),
    ("王立新获得“全国五一劳动奖章”。", "王立新"),
    ("全国人大常委会副委员长沈跃跃出席。", "沈跃跃"),
    # the occasion of a speech between the name and the verb; an age before a name
    ("张建国在调研时强调,要做好防汛工作。", "张建国"),
    ("今年65岁的李桂兰是村里的致富能手。", "李桂兰"),
    # a date, a time word or a preposition after a name ends it (wire copy)
    ("教育部部长邵明远近日主持召开部党组会议。", "邵明远"),
    ("美国总统理查德·布朗1日在白宫发表讲话。", "理查德·布朗"),
    ("北京国安队主教练谢晖明赛后表示。", "谢晖明"),
    ("欧阳春晓、司马长风、诸葛文、上官婉清四人分别当选市人大代表。", "上官婉清"),
    # foreign names of two characters; a country before a post stays a place
    ("英国首相琼斯访问巴黎。", "琼斯"),
    ("俄罗斯总统普罗科菲耶夫抵达北京。", "普罗科菲耶夫"),
    # an occupation before a name; a proper name's start after a post title (柯文 of 柯文涛)
    ("作家聂晓芸凭借长篇小说获得茅盾文学奖。", "聂晓芸"),
    ("村民次仁多吉说:“好。”", "次仁多吉"),
    ("浙江省省长柯文涛在杭州主持会议。", "柯文涛"),
    ("中国工商银行湖南省分行行长戴晓峰出席。", "戴晓峰"),
    # a word across the name's edge (跃出) does not matter where a cue starts (出席)
    ("全国人大常委会副委员长、全国妇联主席沈跃跃出席会议并讲话。", "沈跃跃"),
    # names listed after a post; an uncommon surname between two names of a list; 等 closes a
    # list and is no part of the last name
    ("湖南省科协党组成员、副主席周晓峰、吴丽娟出席会议。", "吴丽娟"),
    ("刘红、陈静、郗敏、黄丽当选理事。", "郗敏"),
    ("王强、周苇等当选副会长。", "周苇"),
    # a leader framed by 以 … 为 <post> (以甲为主席…的新一届领导班子)
    ("大会产生了以孟秋禾为会长的新一届理事会。", "孟秋禾"),
    ("以齐远山为主任、以及林知夏为秘书长的筹备组成立。", "林知夏"),
    # a word linking a post to the names listed after it
    ("大会选出的副主席还有孟秋禾、林知夏。", "孟秋禾"),
    # the manner of an election between the names and 当选
    ("孟秋禾顺利当选镇妇联主席。", "孟秋禾"),
    ("齐远山、白若溪全票当选副会长。", "白若溪"),
    # a note in brackets after a listed name (女, 兼职) does not break the list
    ("会议推选龚平、全海燕(女,挂职)、骆斌(兼职)3名同志为副秘书长。", "全海燕"),
    ("会议推选龚平、全海燕(女,挂职)、骆斌(兼职)3名同志为副秘书长。", "骆斌"),
    # names listed after a post and a colon, a word at a name's start notwithstanding (周长)
    ("副主席:周长顺、易兰(女)、石敏(兼)", "周长顺"),
    # jieba's tagger reads the name (its HMM finds unknown ones) after a role word, before a verb
    ("大学生鲁晓萌在村里担任副书记。", "鲁晓萌"),
    ("返乡青年邬春燕带领村民种茶。", "邬春燕"),
    ("外卖骑手龚小川表示，收入稳定了。", "龚小川"),
    # the tagger ends a name of two characters before a verb (郑军|到会)
    ("省科协副主席郑军到会讲话。", "郑军"),
    ("会上，邢凯向获奖代表颁发证书。", "邢凯"),
    # a family named after a person; labelled bylines, spaced names among them
    ("西湖区的苗凤英家庭、拱墅区的柯立强家庭获评最美家庭。", "柯立强"),
    ("本报讯 党员们开展学习。来源:晨报 作者:记者 伍 岚 点击:", "伍岚"),
    ("本文完。(作者:阎蕾)", "阎蕾"),
    ("本文完。责任编辑:鲍一鸣", "鲍一鸣"),
    # a full name jieba's dictionary knows as a well-known person (tag nrfg)
    ("党员们认真研读习近平总书记的回信。", "习近平"),
])
def test_people_from_cues_in_news_text(text, person):
    assert ("Person", person) in entities(text)


@pytest.mark.parametrize("text, wrong", [
    ("全国妇联在北京召开纪念“三八”国际劳动妇女节大会。", ("Programme", "三八国际劳动妇女节大会")),
    ("国务院总理李强作政府工作报告。", ("Organisation", "国务院总理李强作政府")),
    ("据报道,央行行长潘功胜表示,将保持流动性合理充裕。", ("Person", "潘功")),
    ("大会主席团成员在主席台就座。", ("Person", "团成员")),
    ("俄罗斯总统普京在莫斯科会见了到访的印度总理莫迪。", ("Person", "普京在")),
    ("新春伊始,万象更新!", ("Place", "万象")),
    ("寿光市孙家集街道三元朱村是蔬菜之乡。", ("Place", "是蔬菜之乡")),
    ("在车田乡清泉村开展活动。", ("Place", "在车田乡")),
    ("宁夏闽宁镇妇联开展活动。", ("Place", "福建省")),
    ("六盘山巾帼行动启动。", ("Place", "盘山县")),
    ("会议在北京召开时强调团结。", ("Person", "会议")),
    ("加强北京妇联干部队伍建设。", ("Organisation", "北京妇联干部队")),
    ("【组织建设】 2021年,全区新建妇联组织300个。", ("Programme", "组织建设")),
    ("为农村妇女提供免费筛查。", ("Programme", "免费筛查")),
    ("3次在全国妇联会议上作典型发言。", ("Programme", "全国妇联会议")),
    ("全国人大常委会副委员长沈跃跃出席。", ("Person", "长沈跃跃")),
    ("首次组织女科学家女企业家走北疆助力发展大会。", ("Person", "走北疆")),
    ("护士长帕提古丽·艾力被授予称号。", ("Person", "长帕提古丽·艾力")),
    ("浙江省省长在杭州主持会议。", ("Programme", "杭州主持会议")),
    ("教育部部长邵明远主持召开部党组会议。", ("Programme", "部党组会议")),
    ("全国妇联授予张秀英等20名同志“全国三八红旗手”称号。", ("Place", "秀英区")),
    ("阿里巴巴集团签署协议。", ("Place", "阿里地区")),
    ("发挥妇联大纽带、大家庭作用。", ("Organisation", "联合国大会")),
    ("王强、周苇等当选副会长。", ("Person", "周苇等")),
    ("省科协副主席郑军到会讲话。", ("Person", "郑军到")),
    # a level word opens a body's name after 代表; a unit's short name before a post title
    ("主任孔莉代表县妇联作工作报告。", ("Person", "县妇联")),
    ("市委统战部副部长、侨务办主任白露出席。", ("Person", "侨务办")),
    # a brand in quotation marks (or the spaces a scraper left for them) is no name
    ("实施 蒲公英 关爱项目。", ("Person", "蒲公英")),
    # a post title is no name (常委 after a body); a doubled character is an adverb; a
    # preposition does not open a name (向|获奖|代表)
    ("作为市政协常委，她多次提交提案。", ("Person", "常委")),
    ("大家牢记总书记殷殷嘱托。", ("Person", "殷殷")),
    # frequent words jieba tags as names (荣誉); a word the tagger reads whole (官网) or a
    # one-character verb or classifier (曾|任, 作业|班) before a post or a cue
    ("他曾任荣誉主席。会议推举其为荣誉委员。", ("Person", "荣誉")),
    ("他曾任荣誉主席。会议推举其为荣誉委员。", ("Person", "任荣誉")),
    ("官网介绍，该会成立于1990年。", ("Person", "官网")),
    ("作业班工作负责人孟静等人参加。", ("Person", "班工作")),
    # a photo caption's position; literary words jieba's dictionary tags as names
    ("图为龚明(左一)在园区查看菜苗长势。", ("Person", "左一")),
    ("侨胞们情系桑梓，积极投身家乡建设。", ("Person", "桑梓")),
    ("节目《共筑时代华章》深情致敬奋斗的女性。", ("Person", "华章")),
    ("会上，邢凯向获奖代表颁发证书。", ("Person", "向获奖")),
    ("会上，邢凯向获奖代表颁发证书。", ("Person", "邢凯向")),
])
def test_no_false_names_in_news_text(text, wrong):
    assert wrong not in entities(text)


@pytest.mark.parametrize("text, expected", [
    # a Tibetan honour list: names without Han surnames, closed by a head count
    ("授予次仁卓玛、格桑梅朵、达瓦央宗等30名同志“西藏自治区三八红旗手”称号。",
     {("Person", "次仁卓玛"), ("Person", "达瓦央宗"), ("Honour", "西藏自治区三八红旗手")}),
    ("自治区妇联主席尼玛拉姆表示,要深入开展活动。西藏自治区。", {("Person", "尼玛拉姆")}),
    ("（记者 韦晓明）", {("Person", "韦晓明")}),
    ("由湖南省妇联、湖南省人力资源和社会保障厅联合主办。",
     {("Organisation", "湖南省人力资源和社会保障厅")}),
    ("百色市田阳区那坡镇妇联主席农小燕获奖。",
     {("Place", "那坡镇"), ("Organisation", "百色市田阳区那坡镇妇女联合会"), ("Person", "农小燕")}),
])
def test_other_regions(text, expected):
    assert expected <= entities(text)


@pytest.mark.parametrize("text, wrong", [
    ("百色市田阳区那坡镇妇联主席农小燕获奖。", ("Place", "那坡县")),
    ("自治区妇联主席关于做好工作的讲话。", ("Person", "关于")),
    ("书记讲收获谈体会。", ("Person", "讲收获")),
    ("中青年妇女参加培训。", ("Place", "青海省")),
    ("新建吉祥社区服务站。", ("Place", "吉林省")),
    ("新招录优秀大学毕业生300名。", ("Organisation", "新招录优秀大学")),
    # a unit jieba's dictionary tags as a name (宣传部, 宣传科) in a yearbook's list of parts
    ("该局下辖综合科、宣传科、执法大队。", ("Person", "宣传科")),
    ("区文联设秘书处、组织部、宣传部。", ("Person", "宣传部")),
])
def test_no_false_names(text, wrong):
    assert wrong not in entities(text)


def test_a_recipient_after_an_honour_needs_the_honour_found_before():
    text = "她被评为全国巾帼建功标兵林晓岚获奖。"
    sentence = sentence_of(text)
    rules = {c.rule_id for c in people.person_names(sentence, [])}
    assert "extract:award-recipient" not in rules
    titles = honours.honour_titles(sentence, [])
    assert [text[c.start:c.end] for c in titles] == ["全国巾帼建功标兵"]
    recipients = [c for c in people.person_names(sentence, titles)
                  if c.rule_id == "extract:award-recipient"]
    assert [c.key for c in recipients] == ["林晓岚"]


def test_a_name_after_a_post_title_is_read_by_the_post_rule():
    found = people.person_names(sentence_of("区妇联副主席周若兰出席活动。"), [])
    assert {(c.key, c.rule_id.split(":")[0]) for c in found} >= {("周若兰", "rules/posts.tsv")}


@pytest.mark.parametrize("text, person, not_person", [
    # an athlete after 选手 or 运动员, whose surname is also the word "whole" (全)
    ("省队选手全晓婷获得女子跳水冠军。", "全晓婷", None),
    ("运动员全志成在赛后表示很满意。", "全志成", None),
    # 全 as an adjective before a noun opens no name (全|媒体|记者)
    ("本报讯 (全媒体记者周海明)市里举办了招聘会。", "周海明", "全媒体"),
])
def test_an_athlete_after_a_role_word(text, person, not_person):
    people_found = {key for t, key in entities(text) if t == "Person"}
    assert person in people_found and not_person not in people_found


@pytest.mark.parametrize("text, person", [
    # a name of two parts joined by a dot ends before an ordinary word (…|致信)
    ("国际奥委会主席托马斯·巴赫致信祝贺。", "托马斯·巴赫"),
    # a post chained by 兼 is no part of the name after it
    ("路透社社长兼总编辑马克·威廉斯当天到访。", "马克·威廉斯"),
    # a foreign name spelled by sound whose first sound is a Han surname
    ("欧盟委员会主席冯德莱恩表示，双方将加强合作。", "冯德莱恩"),
    # a foreign name jieba's dictionary holds as a place word
    ("俄罗斯总统普京在莫斯科会见了来访的客人。", "普京"),
    # a woman's name of Slavic sound ends in 娃
    ("国际组织总裁格奥尔基耶娃说，经济保持韧性。", "格奥尔基耶娃"),
])
def test_foreign_names_in_news(text, person):
    people_found = {key for t, key in entities(text) if t == "Person"}
    assert person in people_found
    assert not [p for p in people_found if p != person and (person in p or p in person)]


@pytest.mark.parametrize("text, not_person", [
    ("队员们表示将代表江西南昌，代表中国去迎接挑战。", "江西南昌"),   # two places after 代表
    ("队员们表示将代表江西南昌，代表中国去迎接挑战。", "中国去"),     # a country and a verb
    ("巴西籍教练马里奥带队夺得冠军。", "巴西籍"),                     # a country and a word
])
def test_a_name_opens_with_no_province_or_country(text, not_person):
    assert ("Person", not_person) not in entities(text)


@pytest.mark.parametrize("text, person", [
    # a well-known person jieba's dictionary holds as a frequent name
    ("当年毛泽东在延安写下了这篇文章。", "毛泽东"),
    # a name joined by 和 to a name found
    ("今天上午，王立明和张秀英一起来到村里看望群众。", "张秀英"),
])
def test_names_of_the_news_without_a_cue_of_their_own(text, person):
    assert ("Person", person) in entities(text)


@pytest.mark.parametrize("text, not_person", [
    ("黄金周期间游客众多。", "黄金周"),    # a frequent name word ending in an ordinary word
    ("王立明和张家口市的干部座谈。", "张家口"),
])
def test_frequent_words_and_places_are_no_names(text, not_person):
    assert ("Person", not_person) not in entities(text)


@pytest.mark.parametrize("text, not_name", [
    # a list of posts: a post title opens no name (常委|及|主席)
    ("会议选举产生了新一届委员会委员、常委及主席、副主席。", "常委及"),
    ("全县以实际行动为目标。", "实际行动"),
])
def test_no_name_where_posts_are_listed_or_no_post_follows_the_frame(text, not_name):
    assert ("Person", not_name) not in entities(text)

@pytest.mark.parametrize("text, person", [
    ("据报道，特朗普在社交媒体上发文。", "特朗普"),
    ("普京和泽连斯基当天分别发表讲话。", "泽连斯基"),
])
def test_foreign_names_spelled_by_sound_open_a_phrase(text, person):
    assert ("Person", person) in entities(text)


@pytest.mark.parametrize("text", [
    "伊斯兰教历史悠久。",        # a word of sounds before a noun: no name
    "马达加斯加与中国建交多年。",  # a country
])
def test_words_and_places_of_sounds_are_no_names(text):
    assert not [n for t, n in entities(text) if t == "Person"]


def test_a_japanese_name_after_a_post():
    assert ("Person", "上川明美") in entities("日本外务大臣上川明美与来访客人举行会谈。")


def test_names_listed_with_commas_on_a_labelled_line():
    found = entities("历届得主如下:\n2015年:韩立东,宋佳音,许文博,钱乐安。\n")
    assert {("Person", n) for n in ("韩立东", "宋佳音", "许文博", "钱乐安")} <= found


def test_words_listed_with_commas_are_no_names():
    found = entities("研究范围:北京,上海,广州,深圳。")
    assert not [n for kind, n in found if kind == "Person"]
