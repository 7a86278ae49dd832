"""Honours (extract/honours.py): titles with their level and qualifier, titles named by the
verb that confers them."""
import pytest

from extraction import entities


@pytest.mark.parametrize("text, expected", [
    ("于洋获2022年度自治区三八红旗手标兵荣誉称号。", ("Honour", "内蒙古自治区三八红旗手标兵")),
    ("西藏自治区评选出2023年度全区三八红旗手次仁卓玛、格桑梅朵。",
     ("Honour", "西藏自治区三八红旗手")),
    ("荣获“人民楷模”国家荣誉称号的草原母亲。", ("Honour", "人民楷模")),
    ("带头呵护好“全国文明城市”崇高荣誉。", ("Honour", "全国文明城市")),
    ("她获得全国三八红旗手标兵称号。", ("Honour", "全国三八红旗手标兵")),
])
def test_honours_keep_their_level(text, expected):
    # a document naming 内蒙古 resolves 自治区 to it
    assert expected in entities("内蒙古自治区" + text if "西藏" not in text else text)


def test_national_and_regional_honours_are_two():
    found = entities("内蒙古自治区表彰全国三八红旗手和自治区三八红旗手。")
    assert {("Honour", "全国三八红旗手"), ("Honour", "内蒙古自治区三八红旗手")} <= found


@pytest.mark.parametrize("text, honour, not_honour", [
    ("项目获得自治区财政厅政府购买示范项目奖补资金。内蒙古自治区。", "政府购买示范项目",
     "内蒙古自治区财政厅政府购买示范项目"),
    ("在建设文明家庭、培育良好家风中采取更大举措。", None, "建设文明家庭"),
    ("于洋获2022年度自治区三八红旗手标兵称号。内蒙古自治区。", "内蒙古自治区三八红旗手标兵",
     "内蒙古自治区三八红旗手"),
    # a quoted prize; the place of a level word belongs to the honour
    ("第十九届“中国青年女科学家奖”颁奖。", "中国青年女科学家奖", "中国青年女科学家"),
    ("沈佳慧被授予2023年度浙江省三八红旗手标兵称号。", "浙江省三八红旗手标兵", "省三八红旗手标兵"),
    # the round of a prize is not part of its name
    ("作家聂晓芸获得第十一届茅盾文学奖。", "茅盾文学奖", "第十一届茅盾文学奖"),
    # prizes beyond the federation's titles
    ("作家聂晓芸获得茅盾文学奖。", "茅盾文学奖", "文学奖"),
    ("他获得诺贝尔和平奖。", "诺贝尔和平奖", "和平奖"),
    # a head that is a title only among other titles
    ("有中国石化技能带头人、石化大工匠、全国三八红旗手标兵李娜;", "中国石化技能带头人", "有中国石化技能带头人"),
    ("培养农村致富带头人500名。", None, "农村致富带头人"),
    # a title that qualifies a programme's name is not an honour there
    ("【巾帼脱贫示范基地建设】 湖南省妇联创建省级巾帼脱贫示范基地10个。", "湖南省巾帼脱贫示范基地",
     "巾帼脱贫示范基地"),
    ("开展湖南、江西最美家庭手拉手活动。", None, "江西最美家庭"),
    ("开展最美家庭评选活动。", "最美家庭", "最美家庭评选"),
])
def test_honour_names(text, honour, not_honour):
    found = entities(text)
    if honour:
        assert ("Honour", honour) in found
    assert ("Honour", not_honour) not in found


@pytest.mark.parametrize("text, honour, not_honour", [
    # the round of a prize is dropped, and what stands before the round is no part of it
    ("团中央授予赵小梅等8名同志第30届中国青年五四奖章。", "中国青年五四奖章", "同志中国青年五四奖章"),
    ("授予桥梁设计组等4个青年集体第19届中国青年五四奖章集体。", "中国青年五四奖章集体",
     "青年集体中国青年五四奖章集体"),
    # two titles joined by a middle dot are one
    ("关于表彰滨江好人·最美巾帼的决定", "滨江好人·最美巾帼", "滨江好人"),
    # a quoted title keeps the sector and level written before its marks
    ("授予陈梅等8名同志湖南省交通系统“优秀女职工”荣誉称号。", "湖南省交通系统优秀女职工", "优秀女职工"),
    ("全力建设好“文明示范区”。", None, "好文明示范区"),
    # a quantity is no qualifier
    ("全县涌现出一大批先进集体。", None, "出一大批先进集体"),
    # a title named short where the document names it in full is that title
    ("授予刘芳等3人浙江省教育系统“巾帼建功标兵”称号。希望受表彰的“巾帼建功标兵”珍惜荣誉。",
     "浙江省教育系统巾帼建功标兵", "巾帼建功标兵"),
    # a title that heads a list of its holders, with the rest of its name
    ("附件\n宁远好人·孝老模范名单\n周大成 宁远县某公司 经理\n", "宁远好人·孝老模范", "宁远好人"),
])
def test_titles_of_real_reports(text, honour, not_honour):
    found = entities(text)
    if honour:
        assert ("Honour", honour) in found
    assert ("Honour", not_honour) not in found


def test_a_bare_title_stays_apart_from_the_same_title_at_a_level():
    found = entities("她曾获得全国三八红旗手称号。妇联表彰了三八红旗手。")
    assert {("Honour", "全国三八红旗手"), ("Honour", "三八红旗手")} <= found


@pytest.mark.parametrize("text, honours, not_honours", [
    # the verb that confers a title names it, whatever its head word; each item of a list
    ("李华曾获评湖南省首届“最美科技人”、长沙理工大学优秀教学奖等荣誉。",
     {"湖南省最美科技人", "长沙理工大学优秀教学奖"}, set()),
    ("她被授予全国有突出贡献的青年科学家称号。", {"全国有突出贡献的青年科学家"}, set()),
    ("省妇联命名长沙学院等10个单位为第三批湖南省妇女研究基地。", {"湖南省妇女研究基地"}, set()),
    ("荣获“人民楷模”国家荣誉称号。", {"人民楷模"}, {"人民楷模国家"}),
    # a post is no title
    ("王五被评为副教授。", set(), {"副教授"}),
    # a quoted theme before a programme word, a word that runs across a head
    ("开展“守好家风·创最美家庭”主题活动。", set(), {"守好家风·创最美家庭"}),
    ("帮孩子扣好人生第一粒扣子。", set(), {"扣好人"}),
    # a festival in quotation marks inside a title
    ("湖南省妇联授予省“三八”红旗手称号,他获得全国“五一”劳动奖章。",
     {"湖南省三八红旗手", "全国五一劳动奖章"}, set()),
    # a bare title listed after a qualified one shares its level
    ("关于表彰湖南省三八红旗手、三八红旗集体的决定", {"湖南省三八红旗手", "湖南省三八红旗集体"},
     {"三八红旗集体"}),
    # without 称号 or 等荣誉 only the first item is a title, a quoted one ends at its mark
    ("市长为荣获“湖南省侨联系统先进集体”的长沙市侨联、岳麓区侨联等3个单位颁发奖牌。",
     {"湖南省侨联系统先进集体"}, {"岳麓区侨联"}),
    ("她荣获科技进步一等奖、教学成果特等奖等荣誉。", {"科技进步一等奖", "教学成果特等奖"}, set()),
    # the work of a body is part of the title, a spaced 年度 is not
    ("团省委授予共青团长沙市委 2021 年度共青团工作创新奖。", {"共青团工作创新奖"}, {"年度共青团工作创新奖"}),
    # the system of a body is part of the title it names
    ("授予湖南省科协系统先进集体称号。", {"湖南省科协系统先进集体"}, {"系统先进集体"}),
    # the kind of recipients counted before a title is not part of it
    ("授予长沙市第一中学团委等10个团委长沙“五四”红旗团委称号。", {"长沙五四红旗团委"},
     {"团委长沙五四红旗团委"}),
    # an office is no title; a long phrase after the verb, with no word that calls it a title,
    # is none either; nor is a word that runs on into the list heading
    ("周明被授予湖南省科协名誉主席职务。", set(), {"湖南省科协名誉主席职务"}),
    ("县府表示,荣获今年本县模范母亲有城关镇罗红、李芳。", {"本县模范母亲"}, {"本县模范母亲有城关镇罗红"}),
    ("公布了全国工人先锋号表彰名单。", {"全国工人先锋号"}, {"全国工人先锋号表彰"}),
    # a meeting named after its verb, and a caption's 图为, name no title
    ("西藏自治区召开五一劳动节表彰大会图为会议现场。", set(), {"会议现场"}),
    # all past rounds are no part of a title
    ("历届三八红旗手代表出席。", {"三八红旗手"}, {"历届三八红旗手"}),
    # a quoted title after the verb that conferred it
    ("该校是团省委命名的“湖南省青少年书院”。", {"湖南省青少年书院"}, set()),
])
def test_titles_named_by_the_verb_that_confers_them(text, honours, not_honours):
    found = {name for kind, name in entities(text) if kind == "Honour"}
    assert honours <= found
    assert not not_honours & found


@pytest.mark.parametrize("text, honour", [
    ("美国科学家马丁获得了图灵奖。", "图灵奖"),
    ("作家周文海凭借长篇小说获得茅盾文学奖。", "茅盾文学奖"),
    ("国家主席签署主席令，授予张建华“共和国勋章”。", "共和国勋章"),
])
def test_prizes_and_medals_of_the_news(text, honour):
    found = entities(text)
    assert ("Honour", honour) in found
    # a recipient named before the quotation is no part of the medal's name
    assert not [n for t, n in found if t == "Honour" and n != honour]


def test_a_special_government_allowance_is_an_honour_not_a_government():
    found = entities("她长期从事医学研究，享受国务院政府特殊津贴。")
    assert ("Honour", "国务院政府特殊津贴") in found
    assert not [n for t, n in found if t == "Organisation" and n.endswith("人民政府")]


@pytest.mark.parametrize("text, prizes", [
    # the verb of winning names a prize whatever its head word
    ("物理学家韩立明获得晨星物理学大奖。", {"晨星物理学大奖"}),
    ("三位学者分别获得青松化学科学奖、远航技术科学奖和数学与统计科学奖。",
     {"青松化学科学奖", "远航技术科学奖", "数学与统计科学奖"}),
    # a prize of a prize: both
    ("两名青年学者获得晨星青年奖的生命科学奖。", {"晨星青年奖", "生命科学奖"}),
    # the words of its giving name it too, with the prizes listed before it
    ("2021远航科学大奖正式揭晓。", {"远航科学大奖"}),
    ("基金会公布了晨星科学奖和晨星青年科学奖获奖名单。", {"晨星科学奖", "晨星青年科学奖"}),
])
def test_prizes_named_by_winning_or_giving_them(text, prizes):
    found = {name for kind, name in entities(text) if kind == "Honour"}
    assert prizes <= found


@pytest.mark.parametrize("text", [
    "他多次获得奖励和奖金。",
    "去年该团队获得该奖。",
    "副县长为获奖家庭颁奖。",
    "作品获得一等奖。",
])
def test_words_of_prizes_that_name_none(text):
    assert not {name for kind, name in entities(text) if kind == "Honour"}


@pytest.mark.parametrize("text, expected", [
    # levels listed before one title: a title at each level, the relative ones the page's
    ("江苏省常州市总工会召开座谈会。常州市副市长出席。历届全国、省、市劳模代表参加。",
     {"全国劳动模范", "江苏省劳动模范", "常州市劳动模范"}),
    ("江苏省常州市妇联表彰先进。常州市妇联已命名市、县两级“最美家庭”500户。", {"常州市最美家庭"}),
    # a certificate and a medal of one award, the stem written once
    ("会上宣读了江苏省五一劳动奖状、奖章获得者名单。", {"江苏省五一劳动奖状", "江苏省五一劳动奖章"}),
])
def test_titles_written_once_for_several(text, expected):
    honours = {name for kind, name in entities(text) if kind == "Honour"}
    assert expected <= honours
    assert not any(name.startswith(("县两级", "省、")) for name in honours)


def test_a_short_head_is_a_title_only_after_a_level():
    found = {name for kind, name in entities("工会用鲜花和掌声迎接劳模回家。会上表彰了省劳模。") if kind == "Honour"}
    assert found == {"省劳动模范"}


def test_a_short_head_spoken_for_by_its_counted_holders():
    found = entities("会上，周强、李娜两位劳模代表作了发言。工会用鲜花迎接劳模回家。")
    assert {name for kind, name in found if kind == "Honour"} == {"劳动模范"}


@pytest.mark.parametrize("text, honours, not_honours", [
    # a title by itself right after another, no mark between: two titles
    ("省交通系统先进集体劳动模范若干名将受表彰。", {"劳动模范", "省交通系统先进集体"},
     {"省交通系统先进集体劳动模范"}),
    # a level shared by the next title of a list that opens with a shorter title's head
    ("授予刘敏等3名同志全国三八红旗手、三八红旗手标兵称号。", {"全国三八红旗手", "全国三八红旗手标兵"},
     {"三八红旗手标兵"}),
    # the verb that wins or gives a title and words of praise are no part of it, a place
    # whose name holds such a verb is (获嘉县)
    ("她们是本省三大球中唯一拿到世界冠军的队伍。", {"世界冠军"}, {"本省三大球中唯一拿到世界冠军"}),
    ("特区政府向他颁授最高荣誉大紫荆勋章。", {"大紫荆勋章"}, {"最高荣誉大紫荆勋章", "他颁授最高荣誉大紫荆勋章"}),
    ("河南省新乡市获嘉县妇联表彰获嘉县三八红旗手。", {"获嘉县三八红旗手"}, {"嘉县三八红旗手"}),
    # the round inside a title's name is no part of it
    ("授予长沙市妇联“湖南省第三届维护妇女权益工作先进集体”称号。", {"湖南省维护妇女权益工作先进集体"},
     {"湖南省第三届维护妇女权益工作先进集体"}),
])
def test_where_a_title_starts(text, honours, not_honours):
    found = {name for kind, name in entities(text) if kind == "Honour"}
    assert honours <= found and not found & not_honours
