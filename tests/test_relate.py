"""Relations on seed sentences, and evidence that slices the original file exactly."""
from pathlib import Path

import pytest

from kg import pipeline
from kg.extract import extract_document
from kg.normalize import make_document
from kg.resolve import resolve_document


@pytest.fixture(scope="module")
def seed_graph():
    return pipeline.build()


def graph_of(tmp_path: Path, text: str):
    """The graph of one document with the given text."""
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    return pipeline.build([tmp_path])


def facts_of(graph, predicate):
    name = {e.iri: e.name for e in graph.entities}
    return {(name[f.subject], name[f.object]) for f in graph.facts if f.predicate == predicate}


def test_every_fact_points_to_its_exact_sentence(seed_graph):
    originals = {p.stem: p.read_text(encoding="utf-8") for p in pipeline.default_corpus()}
    assert seed_graph.facts
    for fact in seed_graph.facts:
        assert fact.evidence
        for evidence in fact.evidence:
            assert originals[evidence.doc_id][evidence.start:evidence.end] == evidence.sentence


@pytest.mark.parametrize("predicate, subject, obj", [
    ("holdsPost", "王芳", "内蒙古自治区妇女联合会"),
    ("holdsPost", "于洋", "兴安盟人民医院妇二科"),
    ("awarded", "于洋", "内蒙古自治区三八红旗手标兵"),
    ("runs", "内蒙古自治区妇女联合会", "北疆巾帼铸魂工程"),
    ("locatedIn", "兴安盟人民医院", "兴安盟"),
    ("partOf", "内蒙古自治区妇女联合会权益部", "内蒙古自治区妇女联合会"),
    ("partOf", "中国共产党内蒙古自治区委员会宣传部", "中国共产党内蒙古自治区委员会"),
])
def test_seed_relations(seed_graph, predicate, subject, obj):
    assert (subject, obj) in facts_of(seed_graph, predicate)


def test_award_year_is_recorded(seed_graph):
    name = {e.iri: e.name for e in seed_graph.entities}
    years = {f.year for f in seed_graph.facts if f.predicate == "awarded"
             and name[f.subject] == "于洋"}
    assert "2022" in years


def test_relations_in_another_region(tmp_path: Path):
    graph = graph_of(tmp_path, "广西壮族自治区妇联党组书记、主席李梅出席会议。2023年,南宁市妇联实施“邕城巾帼护航计划”。")
    assert ("李梅", "广西壮族自治区妇女联合会") in facts_of(graph, "holdsPost")
    assert ("南宁市妇女联合会", "邕城巾帼护航计划") in facts_of(graph, "runs")
    assert ("南宁市妇女联合会", "南宁市") in facts_of(graph, "locatedIn")


def test_honour_in_a_document_title_is_not_conferred(tmp_path: Path):
    graph = graph_of(tmp_path, "广西壮族自治区妇联副主席李红梅宣读了《关于表彰2022年度广西三八红旗手的决定》。")
    assert not facts_of(graph, "awarded")


def test_co_organisers_after_lianhe(tmp_path: Path):
    runs = facts_of(graph_of(tmp_path, "湖南省妇联联合湖南省教育厅、湖南省民政厅印发《湖南省家庭教育促进行动计划》。"), "runs")
    assert {("湖南省妇女联合会", "湖南省家庭教育促进行动计划"),
            ("湖南省民政厅", "湖南省家庭教育促进行动计划")} <= runs


def test_section_parts_but_not_its_honoured_projects(tmp_path: Path):
    graph = graph_of(tmp_path, "【八桂巾帼志愿服务】 2022年,举办首届八桂巾帼志愿服务典型揭晓仪式,"
        "现场揭晓“十大优秀项目”:南宁市青秀区阳光助老项目、柳州市护苗计划项目等。\n"
        "【机构改革】 2022年,广西壮族自治区妇联完成机构改革。")
    parts = facts_of(graph, "partOf")
    assert ("八桂巾帼志愿服务典型揭晓仪式", "八桂巾帼志愿服务") in parts
    assert not {(s, o) for s, o in parts if "项目" in s}


def test_title_holder_after_a_description(tmp_path: Path):
    graph = graph_of(tmp_path, "西藏自治区召开大会。荣获“时代楷模”荣誉称号的护边员卓嘎。")
    assert ("卓嘎", "时代楷模") in facts_of(graph, "awarded")


def test_section_programme_is_run_by_the_chapters_own_body(tmp_path: Path):
    runs = facts_of(graph_of(tmp_path, "【巾帼家政服务站建设】 2021年,广东省妇联新建巾帼家政服务站30个。\n"
        "【机构改革】 2021年,广东省妇联完成改革。\n"
        "【平安家庭创建】 2021年,广东省公安厅开展平安家庭创建活动。"), "runs")
    assert ("广东省妇女联合会", "巾帼家政服务站建设") in runs


def test_partner_with_yu_runs_it_with_the_writer(tmp_path: Path):
    runs = facts_of(graph_of(tmp_path, "湖南省妇联召开会议。湖南省妇联部署工作。"
        "协调各方,与湖南省委组织部联合举办女领导干部培训班。"), "runs")
    assert {("湖南省妇女联合会", "女领导干部培训班"),
            ("中国共产党湖南省委员会组织部", "女领导干部培训班")} <= runs


def test_event_held_in_a_place_after_its_theme(tmp_path: Path):
    located = facts_of(graph_of(tmp_path, "2022年9月,在长沙市举办“巾帼建新功”——湖南省“湘妹子”家政职业技能大赛。"), "locatedIn")
    assert ("湘妹子家政职业技能大赛", "长沙市") in located
    assert ("湘妹子", "长沙市") not in located


def test_places_of_a_prize_go_to_the_teams_in_order(tmp_path: Path):
    graph = graph_of(tmp_path, "湖南省妇联举办家政技能大赛。长沙市代表队、株洲市代表队分别获得团体奖第一、二名。")
    assert {("长沙市代表队", "团体奖第一名"), ("株洲市代表队", "团体奖第二名")} \
        == {(s, o) for s, o in facts_of(graph, "awarded")}
    second = next(e for e in graph.entities if e.name == "团体奖第二名")
    assert second.aliases == ()  # the lone numeral 二 is no label


@pytest.mark.parametrize("text, person, honour", [
    ("2022年,刘丽被评为全国三八红旗手。", "刘丽", "全国三八红旗手"),
    ("中国科学院院士赵明获得国家最高科学技术奖。", "赵明", "国家最高科学技术奖"),
    ("湖南省长沙市第一中学教师王芳荣获2023年度全国五一劳动奖章。", "王芳", "全国五一劳动奖章"),
])
def test_awards_in_news_text(tmp_path: Path, text, person, honour):
    assert (person, honour) in facts_of(graph_of(tmp_path, text), "awarded")


def test_a_year_dating_one_honour_does_not_date_the_next(tmp_path: Path):
    graph = graph_of(tmp_path, "沈佳慧被授予2023年度浙江省三八红旗手标兵称号,嘉兴市妇联副主席陈晓红获评全国巾帼建功标兵。"
        "2022年,刘丽被评为全国三八红旗手。")
    name = {e.iri: e.name for e in graph.entities}
    years = {(name[f.subject], f.year) for f in graph.facts if f.predicate == "awarded"}
    assert years == {("沈佳慧", "2023"), ("陈晓红", None), ("刘丽", "2022")}


def test_national_body_implies_no_country(tmp_path: Path):
    graph = graph_of(tmp_path, "国家卫生健康委员会印发通知。")
    assert not facts_of(graph, "locatedIn")
    assert not [e for e in graph.entities if e.type == "Place"]


def test_programme_in_the_clause_of_a_place_after_zai(tmp_path: Path):
    located = facts_of(graph_of(tmp_path, "四川省妇联在凉山彝族自治州昭觉县实施“母亲健康快车”项目,在成都市召开总结会。"), "locatedIn")
    assert {("母亲健康快车项目", "凉山彝族自治州"), ("母亲健康快车项目", "昭觉县")} <= located
    assert ("母亲健康快车项目", "成都市") not in located


def test_titles_listed_before_a_name_are_all_hers(tmp_path: Path):
    awarded = facts_of(graph_of(tmp_path, "湖北省妇联表彰先进。有中国石化技能带头人、石化大工匠、全国三八红旗手标兵李娜;"), "awarded")
    assert {("李娜", "中国石化技能带头人"), ("李娜", "石化大工匠"), ("李娜", "全国三八红旗手标兵")} \
        <= awarded


def test_conferred_on_a_person_not_on_her_unit(tmp_path: Path):
    awarded = facts_of(graph_of(tmp_path, "江西省妇联授予萍乡市芦溪县宣风镇妇联主席黄小英等40名同志“江西省三八红旗手”称号。"
        "全年共有吴桂兰等3人荣获全国三八红旗手称号。"), "awarded")
    assert awarded == {("黄小英", "江西省三八红旗手"), ("吴桂兰", "全国三八红旗手")}


def test_presented_certificate_and_the_giver_of_one(tmp_path: Path):
    graph = graph_of(tmp_path, "河南省妇联召开大会,为新乡市裴寨村党支部书记秦红霞颁发“河南省最美巾帼奋斗者”证书。"
        "李娜获得中国妇女发展基金会颁发的“母亲邮包”公益项目爱心证书。")
    awarded = facts_of(graph, "awarded")
    assert ("秦红霞", "河南省最美巾帼奋斗者") in awarded
    assert not [a for a in awarded if a[0] == "中国妇女发展基金会"]
    assert facts_of(graph, "holdsPost") == {("秦红霞", "新乡市裴寨村党支部")}


def test_presented_at_a_ceremony_to_those_after_wei(tmp_path: Path):
    graph = graph_of(tmp_path, "贵州省妇联召开表彰大会,为杨春花、潘阿妹等30名“贵州省巾帼建功标兵”颁奖。")
    assert facts_of(graph, "awarded") == {("杨春花", "贵州省巾帼建功标兵"),
                                          ("潘阿妹", "贵州省巾帼建功标兵")}


def test_a_department_named_with_he_is_the_recipient(tmp_path: Path):
    graph = graph_of(tmp_path, "福建省妇联召开会议。"
                               "漳州市妇联家庭和儿童工作部被全国妇联授予“全国巾帼文明岗”称号。")
    assert facts_of(graph, "awarded") == {("漳州市妇女联合会家庭和儿童工作部", "全国巾帼文明岗")}
    assert ("漳州市妇女联合会家庭和儿童工作部", "漳州市妇女联合会") in facts_of(graph, "partOf")


def test_co_organiser_before_jiang_lianhe(tmp_path: Path):
    runs = facts_of(graph_of(tmp_path, "河南省妇联召开会议。省妇联将联合河南日报社启动“豫见她力量”项目。"), "runs")
    assert {s for s, _ in runs} >= {"河南省妇女联合会", "河南日报社"}


def test_co_organiser_after_a_scraped_space(tmp_path: Path):
    runs = facts_of(graph_of(tmp_path, "绵阳市妇联 联合绵阳职业技术学院开展 川妹子 巾帼家政培训行动。"), "runs")
    assert {s for s, _ in runs} >= {"绵阳市妇女联合会", "绵阳职业技术学院"}


def test_a_reporter_is_not_the_reported_bodys(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "本报北京3月8日电(记者王立新)国务院任命李雪梅为中国人民大学副校长。"
        "中国人民大学召开会议。"), "holdsPost")
    assert ("李雪梅", "中国人民大学") in posts
    assert not [p for p in posts if p[0] == "王立新"]


def test_a_post_in_a_local_branch_is_not_one_in_the_national_body(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "中共宁波市委书记贺立群到象山县调研。"), "holdsPost")
    assert posts == {("贺立群", "中国共产党宁波市委员会")}


def test_a_foreign_leader_holds_no_post_in_the_bodies_of_the_text(tmp_path: Path):
    graph = graph_of(tmp_path, "联合国秘书长马丁内斯在纽约发表讲话。俄罗斯总统普罗科菲耶夫抵达北京。联合国召开会议。"
        "国务院副总理曹振林会见了来访的法国外交部长让·杜邦。")
    posts = facts_of(graph, "holdsPost")
    assert ("马丁内斯", "联合国") in posts
    # a foreign minister holds the post in his country's ministry only
    assert [p for p in posts if p[0] in ("普罗科菲耶夫", "让·杜邦")] == [("让·杜邦", "法国外交部")]
    assert "中华人民共和国外交部" not in {e.name for e in graph.entities}


def test_programme_in_every_place_of_a_list_after_zai(tmp_path: Path):
    graph = graph_of(tmp_path, "贵州省妇联在毕节市威宁县、铜仁市松桃县开展“黔绣巾帼”行动。")
    located = {o for s, o in facts_of(graph, "locatedIn")
               if s == "黔绣巾帼行动"}
    assert {"毕节市", "威宁彝族回族苗族自治县", "铜仁市", "松桃苗族自治县"} <= located


def test_a_village_is_part_of_its_township(tmp_path: Path):
    parts = facts_of(graph_of(tmp_path, "洱源县牛街乡福和村党支部书记杨春发介绍。"), "partOf")
    assert {("福和村", "牛街乡"), ("牛街乡", "洱源县")} <= parts


def test_a_body_sited_in_a_place(tmp_path: Path):
    located = facts_of(graph_of(tmp_path, "华丰集团总部位于深圳市南山区,员工超过一万人。"), "locatedIn")
    assert {("华丰集团", "深圳市"), ("华丰集团", "南山区")} <= located


def test_listed_people_with_their_posts_share_the_award(tmp_path: Path):
    graph = graph_of(tmp_path, "南宁市青秀区妇联主席陈美玲、百色市田阳区那坡镇妇联主席农小燕等10人获2022年度全国三八红旗手称号。")
    assert {("陈美玲", "全国三八红旗手"), ("农小燕", "全国三八红旗手")} <= facts_of(graph, "awarded")
    assert ("农小燕", "百色市田阳区那坡镇妇女联合会") in facts_of(graph, "holdsPost")


@pytest.mark.parametrize("text, subject, unit, role", [
    ("广东省委书记李希主持会议。", "李希", "中国共产党广东省委员会", "书记"),
    ("会议由王芳（湖南省妇联主席）主持。", "王芳", "湖南省妇女联合会", "主席"),
    ("张丽担任湖南省妇联副主席。", "张丽", "湖南省妇女联合会", "副主席"),
    ("浙江大学法学院教授王海燕认为,应当加强宣传。", "王海燕", "浙江大学法学院", "教授"),
    ("浙江大学法学院教授王海燕认为,应当加强宣传。", "王海燕", "浙江大学", "法学院教授"),
    ("杭州市公安局副局长周建国介绍了案情。", "周建国", "杭州市公安局", "副局长"),
    ("国务院任命张伟为教育部副部长。", "张伟", "中华人民共和国教育部", "副部长"),
    ("湖南省妇联召开会议。省妇联党组成员、副主席刘建红出席。", "刘建红", "湖南省妇女联合会",
     "党组成员、副主席"),
    ("湖南省妇联召开会议。会议选举李春华为省妇联副主席。", "李春华", "湖南省妇女联合会", "副主席"),
    ("经研究决定:张国强同志任中共长沙市委书记。", "张国强", "中国共产党长沙市委员会", "书记"),
    ("海南省妇联召开会议。会议增补赵丽娜为省妇联副主席。", "赵丽娜", "海南省妇女联合会", "副主席"),
    ("湖南省长沙市第一中学教师王芳荣获全国五一劳动奖章。", "王芳", "湖南省长沙市第一中学", "教师"),
    ("鞍山钢铁集团高级技师霍长顺荣获全国劳动模范称号。", "霍长顺", "鞍山钢铁集团", "高级技师"),
])
def test_post_patterns(tmp_path: Path, text, subject, unit, role):
    graph = graph_of(tmp_path, text)
    name = {e.iri: e.name for e in graph.entities}
    assert (subject, unit, role) in {(name[f.subject], name[f.object], f.role)
                                     for f in graph.facts if f.predicate == "holdsPost"}


@pytest.mark.parametrize("text, subject, unit", [
    # names listed after one chain of posts all hold it, in the body and in its party group
    ("湖南省科协党组成员、副主席周晓峰、吴丽娟出席会议。", "吴丽娟", "湖南省科学技术协会"),
    ("湖南省科协党组成员、副主席周晓峰、吴丽娟出席会议。", "吴丽娟", "湖南省科学技术协会党组"),
    # elected office-holders: the unit named once serves the later clauses of the sentence
    ("会议选举产生新一届领导班子，孟凡清当选广州市妇联主席，韩雪梅当选常务副主席，"
     "丁晓、钱蓉、宋佳等当选副主席。", "韩雪梅", "广州市妇女联合会"),
    ("会议选举产生新一届领导班子，孟凡清当选广州市妇联主席，韩雪梅当选常务副主席，"
     "丁晓、钱蓉、宋佳等当选副主席。", "钱蓉", "广州市妇女联合会"),
    # a council no rule names between the body and the post
    ("冯立新当选为湖北省妇女学会第三届理事会会长。", "冯立新", "湖北省妇女学会"),
    # each unit of a chain holds its own post
    ("贵阳市人民政府副市长、贵阳市妇女儿童工作委员会主任邵华出席。", "邵华", "贵阳市人民政府"),
    ("贵阳市人民政府副市长、贵阳市妇女儿童工作委员会主任邵华出席。", "邵华",
     "贵阳市妇女儿童工作委员会"),
    # a rank before the title, at every named level of the unit
    ("浙江省人民检察院第三检察部一级检察官卢婷介绍案例。", "卢婷", "浙江省人民检察院"),
    ("浙江省人民检察院第三检察部一级检察官卢婷介绍案例。", "卢婷", "浙江省人民检察院第三检察部"),
    # a unit and post in apposition after a name, closed by punctuation
    ("王芳，中南林业科技大学教授，长期从事森林生态研究。", "王芳", "中南林业科技大学"),
    # a title no list holds, read from its head between the unit and the name
    ("湘江集团项目总监罗凯介绍了进展。", "罗凯", "湘江集团"),
    ("湘江集团乡村振兴特派员龚海峰介绍了情况。", "龚海峰", "湘江集团"),
    ("湘潭供电公司配电运检班班长钟岚介绍经验。", "钟岚", "湘潭供电公司"),
    # a form of address and a part-time prefix between the name and the post
    ("中南林业科技大学聘任卢明同学为中南林业科技大学团委兼职副书记。", "卢明", "中南林业科技大学团委"),
    # a unit named without its body inside the chain is the body's
    ("全国总工会副主席、书记处书记、党组成员肖红出席。", "肖红", "中华全国总工会书记处"),
    ("全国总工会副主席、书记处书记、党组成员肖红出席。", "肖红", "中华全国总工会党组"),
])
def test_posts_of_lists_elections_and_chains(tmp_path: Path, text, subject, unit):
    assert (subject, unit) in facts_of(graph_of(tmp_path, text), "holdsPost")


def test_a_post_after_an_unknown_unit_is_not_given_to_another_body(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "湖南省妇联开通热线。值班主任赵强介绍情况。"), "holdsPost")
    assert not [p for p in posts if p[0] == "赵强"]


def test_a_head_of_government_holds_no_post_in_the_body_named_before(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "衡阳市人大常委会副主任甲乙丙，副市长郑志远出席。"), "holdsPost")
    assert not [p for p in posts if p[0] == "郑志远"]


def test_each_unit_of_a_chain_holds_only_its_own_posts(tmp_path: Path):
    graph = graph_of(tmp_path, "株洲市委书记、市人大常委会主任曹平出席。")
    name = {e.iri: e.name for e in graph.entities}
    roles = {(name[f.subject], name[f.object], f.role) for f in graph.facts
             if f.predicate == "holdsPost"}
    assert ("曹平", "中国共产党株洲市委员会", "书记") in roles


def test_a_post_after_wei_for_belongs_to_the_name_after_it(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "龚平为湘潭县花石镇人民政府副镇长、妇联主席孟静送上证书。"),
                     "holdsPost")
    assert not [p for p in posts if p[0] == "龚平"]


def test_a_post_in_apposition_belongs_to_the_name_after_it(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "王芳，中南林业科技大学党委书记陈刚出席。"), "holdsPost")
    assert not [p for p in posts if p[0] == "王芳"]


@pytest.mark.parametrize("text, expected, not_expected", [
    # one holder a line, under a heading with a count; a name spaced out is one name
    ("附件\n桃源好人·最美母亲名单\n（3名）\n黄春兰 某县某公司 经理\n罗 娟 某县某小学 教师\n"
     "欧阳春花 某县农场 技术员\n", {("黄春兰", "桃源好人·最美母亲"), ("罗娟", "桃源好人·最美母亲"),
                             ("欧阳春花", "桃源好人·最美母亲")}, set()),
    # families one a line, each with its community, under a numbered heading
    ("湖南省长沙市岳麓区妇联通报如下:\n一、市级“最美家庭”\n周红家庭 东塘社区\n李芳家庭 南湖社区\n",
     {("周红", "长沙市最美家庭"), ("李芳", "长沙市最美家庭")}, set()),
    # units one a line between rules, a department of a hospital included
    ("长沙市卫生系统“巾帼文明岗”名单\n长沙市第四医院产科\n|\n长沙市血站检验科\n", {
        ("长沙市第四医院产科", "长沙市卫生系统巾帼文明岗"),
        ("长沙市血站检验科", "长沙市卫生系统巾帼文明岗")},
     {("长沙市第四医院", "长沙市卫生系统巾帼文明岗")}),
    # holders on the heading's own line, each person followed by her unit and post
    ("湖南省获得全国巾帼建功先进集体名单 湖南省衡阳市妇女联合会 湖南省株洲市民政局 "
     "湖南省获得全国巾帼建功标兵名单 周 敏 衡阳市某医院护士长 刘小红 株洲市某厂工人",
     {("衡阳市妇女联合会", "全国巾帼建功先进集体"), ("株洲市民政局", "全国巾帼建功先进集体"),
      ("周敏", "全国巾帼建功标兵"), ("刘小红", "全国巾帼建功标兵")},
     {("株洲市民政局", "全国巾帼建功标兵"), ("刘小红", "全国巾帼建功先进集体")}),
    # a heading with a count and no 名单
    ("附件\n一、全国巾帼建功标兵（2名）\n周 敏 衡阳市某医院护士长\n刘小红 株洲市某厂工人\n",
     {("周敏", "全国巾帼建功标兵"), ("刘小红", "全国巾帼建功标兵")}, set()),
    # who got it, then a colon; a region label before each holder
    ("获得2021年全国五一劳动奖章的市总工会会员有:\n长沙:罗艳 长沙市某中学教师\n株洲:江源 株洲市某厂技师\n",
     {("罗艳", "全国五一劳动奖章"), ("江源", "全国五一劳动奖章")}, set()),
    # the title alone on its line heads two holders or more, and one line alone heads nothing
    ("公示名单\n全国五一劳动奖状\n长沙市第一医院\n株洲市民政局\n", {
        ("长沙市第一医院", "全国五一劳动奖状"), ("株洲市民政局", "全国五一劳动奖状")}, set()),
    ("全国五一劳动奖状\n长沙市第一医院召开大会。\n", set(),
     {("长沙市第一医院", "全国五一劳动奖状")}),
    # titles alone on their lines after a list is announced; a person's unit on the next line
    ("本市获奖者分别是\n全国三八红旗手\n周红\n长沙某公司经理\n李娜\n株洲某厂技术员\n全国巾帼文明岗\n"
     "长沙市第一医院产科\n", {("周红", "全国三八红旗手"), ("李娜", "全国三八红旗手"),
                             ("长沙市第一医院产科", "全国巾帼文明岗")},
     {("长沙市第一医院产科", "全国三八红旗手")}),
    # candidates proposed for a title do not hold it
    ("一、推荐全国三八红旗手候选人名单(2名)\n周红 某公司经理\n李娜 某厂技术员\n", set(),
     {("周红", "全国三八红旗手"), ("周红", "全国三八红旗手候选人")}),
    # a line that only refers to annexes heads nothing
    ("附件:1.湖南省三八红旗手名单\n2.湖南省三八红旗集体名单\n湖南省妇女联合会\n2024年3月1日\n", set(),
     {("湖南省妇女联合会", "湖南省三八红旗集体")}),
])
def test_holders_listed_under_an_honour_heading(tmp_path: Path, text, expected, not_expected):
    awarded = facts_of(graph_of(tmp_path, text), "awarded")
    found = {(s.removeprefix("湖南省"), o) for s, o in awarded}
    assert {(s.removeprefix("湖南省"), o) for s, o in expected} <= found
    assert not {(s.removeprefix("湖南省"), o) for s, o in not_expected} & found


@pytest.mark.parametrize("text, expected, not_expected", [
    # the count after 等 closes the list of those 授予 names
    ("团省委授予共青团长沙市委书记李明等20名共青团干部“湖南省优秀共青团干部”称号。",
     {("李明", "湖南省优秀共青团干部")}, {("中国共产主义青年团", "湖南省优秀共青团干部")}),
    # of two bodies read one after the other, the unit named below its parent is the one awarded
    ("授予湖南省边防检查总站株洲边境管理支队等5个集体全国青年文明号称号。",
     {("湖南省边防检查总站株洲边境管理支队", "全国青年文明号")}, {("湖南省边防检查总站", "全国青年文明号")}),
    # the unit named, not the hospital its name starts with
    ("授予长沙市第四医院产科等10个集体湖南省“巾帼文明岗”称号。",
     {("长沙市第四医院产科", "湖南省巾帼文明岗")}, {("长沙市第四医院", "湖南省巾帼文明岗")}),
    # who commends is not commended; the title of a decision confers nothing
    ("湖南省总工会关于表彰湖南省五一劳动奖章获得者的决定", set(),
     {("湖南省总工会", "湖南省五一劳动奖章")}),
])
def test_recipients_of_a_conferral(tmp_path: Path, text, expected, not_expected):
    awarded = facts_of(graph_of(tmp_path, text), "awarded")
    assert expected <= awarded
    assert not not_expected & awarded


@pytest.mark.parametrize("text, subject, unit", [
    # a table row: name, unit, post, separated by blanks
    ("参会人员\n林晓红 湘潭县人民政府 一级科员\n", "林晓红", "湘潭县人民政府"),
    ("参会人员\n鲁 娟 衡阳市实验中学 教师\n", "鲁娟", "衡阳市实验中学"),
    # a region may label the row; a closed title may follow words of the unit's own
    ("获奖者\n湖南:龚慧 湘潭县农业科学院果树栽培研究员\n", "龚慧", "湘潭县农业科学院"),
    # a profile: the party of 中共党员, and every unit (at every level) after 现任
    ("孟晓燕，女，汉族，1990年5月出生，中共党员，现任湖南农业大学园艺学院副院长、教授。",
     "孟晓燕", "中国共产党"),
    ("孟晓燕，女，汉族，1990年5月出生，中共党员，现任湖南农业大学园艺学院副院长、教授。",
     "孟晓燕", "湖南农业大学园艺学院"),
    ("孟晓燕，女，汉族，1990年5月出生，中共党员，现任湖南农业大学园艺学院副院长、教授。",
     "孟晓燕", "湖南农业大学"),
    # a sentence opened by a name (and its title) and 现任
    ("周敏教授现任中南林业科技大学林学院院长，中南林业科技大学生态研究中心主任。", "周敏",
     "中南林业科技大学生态研究中心"),
])
def test_posts_of_table_rows_and_profiles(tmp_path: Path, text, subject, unit):
    assert (subject, unit) in facts_of(graph_of(tmp_path, text), "holdsPost")


def test_meetings_are_run_by_their_body_and_organs_are_parts(tmp_path: Path):
    graph = graph_of(tmp_path, "甘肃省妇联十二届三次执委会议在兰州召开。"
                               "甘肃省妇联十二届执委会副主席出席。")
    assert ("甘肃省妇女联合会", "甘肃省妇联十二届三次执委会议") in facts_of(graph, "runs")
    assert ("甘肃省妇女联合会第十二届执行委员会", "甘肃省妇女联合会") in facts_of(graph, "partOf")


@pytest.mark.parametrize("text, expected, not_expected", [
    # a sentence that leaves the subject out continues the person the last one opened with
    ("张丽教授现任长沙理工大学研究所所长。被评为湖南省教学名师,并荣获全国优秀教师称号。",
     {("张丽", "湖南省教学名师"), ("张丽", "全国优秀教师")}, set()),
    # a family's title goes to the person the family is named after
    ("长沙市获得“最美家庭”称号的2户家庭分别是:岳麓区的周红家庭,天心区的李明家庭。",
     {("周红", "最美家庭"), ("李明", "最美家庭")}, set()),
    # handed over: those between 为/向 and the verb, the person rather than her unit
    ("县长为村党支部书记张红梅送上“全国三八红旗手”荣誉证书。", {("张红梅", "全国三八红旗手")}, set()),
    # the holder named after 获得者
    ("全国五一劳动奖章获得者、长沙某公司总经理罗艳宣读倡议书。", {("罗艳", "全国五一劳动奖章")}, set()),
    # 命名…为: the units named in between
    ("省妇联命名长沙学院等10个单位为第三批湖南省妇女研究基地。", {("长沙学院", "湖南省妇女研究基地")},
     {("湖南省妇女联合会", "湖南省妇女研究基地")}),
    # A向获得X的B: B holds it, not A
    ("市长刘强向获得“全国三八红旗集体”的长沙市园林局表达慰问。",
     {("长沙市园林局", "全国三八红旗集体")}, {("刘强", "全国三八红旗集体")}),
    # A是…命名的“X”
    ("长沙市第一中学是2016年团省委命名的“湖南省青少年书院”。",
     {("长沙市第一中学", "湖南省青少年书院")}, set()),
    # holders who speak for the holders of a title
    ("会上，李红作为全国三八红旗手代表发言。王芳、刘强两位全国劳动模范代表作了发言。",
     {("李红", "全国三八红旗手"), ("王芳", "全国劳动模范"), ("刘强", "全国劳动模范")}, set()),
    ("周强、李娜两位劳模代表作了发言。", {("周强", "劳动模范"), ("李娜", "劳动模范")}, set()),
    # holders after 的是 / 的为: the people with their units, or the units when no one is named
    ("获得全国三八红旗手称号的是长沙市第一中学校长刘敏,株洲市某公司董事长陈静。",
     {("刘敏", "全国三八红旗手"), ("陈静", "全国三八红旗手")}, {("长沙市第一中学", "全国三八红旗手")}),
    ("上榜全国三八红旗集体的为:长沙市第一医院护理部,株洲市民政局。",
     {("长沙市第一医院护理部", "全国三八红旗集体"), ("株洲市民政局", "全国三八红旗集体")},
     {("长沙市第一医院", "全国三八红旗集体")}),
    # an alias in brackets does not break a list of recipients
    ("长沙市第一医院、湖南省花鼓戏研究院(湖南省花鼓戏剧院)、株洲市民政局等获得全国三八红旗集体称号。",
     {("长沙市第一医院", "全国三八红旗集体"), ("株洲市民政局", "全国三八红旗集体")}, set()),
    # everyone listed after 荣获X的
    ("市长为荣获“全国归侨侨眷先进个人”称号的周华清、曹美玲、萧明等三名同志颁发奖牌。",
     {("周华清", "全国归侨侨眷先进个人"), ("曹美玲", "全国归侨侨眷先进个人"),
      ("萧明", "全国归侨侨眷先进个人")}, {("市长", "全国归侨侨眷先进个人")}),
    # 向荣获X的A及荣获Y的B: each title goes to the holder named after it, the addressed unit
    # holds no title that comes later, and the words of the first title stop at its quote
    ("县长向荣获“全国巾帼文明岗”的株洲市中心医院产科及荣获“全国巾帼建功标兵”称号的教师周红表示祝贺。",
     {("株洲市中心医院产科", "全国巾帼文明岗")},
     {("株洲市中心医院产科", "全国巾帼建功标兵"), ("县长", "全国巾帼文明岗")}),
    # families listed before 当选 a quoted title, each with its community before it
    ("城关镇东街社区周红家庭、南街社区李芳家庭当选“最美书香家庭”;西街社区刘敏家庭当选“最美绿色家庭”。",
     {("周红", "最美书香家庭"), ("李芳", "最美书香家庭"), ("刘敏", "最美绿色家庭")}, set()),
    # the address in brackets after a family is not a recipient
    ("我县张强、王丽家庭(城关镇东街社区)荣获全国五好家庭称号。",
     {("张强", "全国五好家庭"), ("王丽", "全国五好家庭")}, {("东街社区", "全国五好家庭")}),
    # people counted after 授予: the unit and job named before the first of them are hers
    ("湖南省株洲市妇联授予株洲市中心医院产科职工周红等30名同志“市巾帼建功标兵”荣誉称号。", {("周红", "株洲市巾帼建功标兵")},
     {("株洲市中心医院产科", "株洲市巾帼建功标兵"), ("株洲市中心医院", "株洲市巾帼建功标兵")}),
    # several titles after one 授予, each to those named between it and the title before
    ("湖南省妇联授予长沙市妇联等3个单位宣传工作优秀奖、株洲市妇联等5个单位宣传工作进步奖。",
     {("长沙市妇女联合会", "宣传工作优秀奖"), ("株洲市妇女联合会", "宣传工作进步奖")},
     {("长沙市妇女联合会", "宣传工作进步奖"), ("株洲市妇女联合会", "宣传工作优秀奖")}),
    # 追授: conferred after death, the recipients after the verb
    ("团省委追授周勇等3名同志“湖南青年五四奖章”。", {("周勇", "湖南青年五四奖章")}, set()),
    # a unit and a post before the verb: the title is the person's, even when no rule reads
    # her name, never the unit's
    ("长沙华丰食品有限公司董事长俞晓岚获评全国三八红旗手。", set(),
     {("长沙华丰食品有限公司", "全国三八红旗手")}),
    # the holders listed after 有
    ("县府表示,荣获今年本县模范母亲有城关镇罗红、李芳。", {("罗红", "本县模范母亲"), ("李芳", "本县模范母亲")},
     set()),
    # 对受表彰的X和Y…同时授予Z: the holders of X and Y named anywhere in the text hold Z too
    ("授予周红等5名同志湖南省交通系统“巾帼建功标兵”称号;授予李娜等5名同志湖南省交通系统“优秀女职工”称号。"
     "对此次受表彰的“巾帼建功标兵”和“优秀女职工”,省妇联同时授予省“三八”红旗手称号。",
     {("周红", "湖南省三八红旗手"), ("李娜", "湖南省三八红旗手"), ("李娜", "湖南省交通系统优秀女职工")},
     set()),
    # a family's name is its holder's, not a longer name read across it
    ("李梅家庭荣获2022年度全国最美家庭称号。", {("李梅", "全国最美家庭")}, {("梅家庭", "全国最美家庭")}),
    # 评选出A、B等N名“X”: the quoted title after the count; a round before a prize is dropped
    ("市妇联评选出赵静、孙悦等20名“十佳母亲”。陈红荣获第十届全国道德模范提名奖。",
     {("赵静", "十佳母亲"), ("孙悦", "十佳母亲"), ("陈红", "全国道德模范提名奖")},
     {("陈红", "全国道德模范")}),
    # 获得者 is a noun, not the verb: who commends the holders is none of them
    ("今年湖南省总工会推荐的全国五一劳动奖章获得者共120名，全国工人先锋号集体共80个。", set(),
     {("湖南省总工会", "全国工人先锋号")}),
    # who announces a list of titles does not receive them
    ("县妇联主席刘芳揭晓了10户“最美家庭”。", set(), {("刘芳", "最美家庭")}),
])
def test_recipients_around_the_title(tmp_path: Path, text, expected, not_expected):
    awarded = facts_of(graph_of(tmp_path, text), "awarded")
    assert expected <= awarded
    assert not not_expected & awarded


@pytest.mark.parametrize("text, subject, outlet", [
    # the outlets a byline names before the reporter, on the same line
    ("本报讯 党员们开展学习。来源:株洲日报 作者:记者 伍 岚 点击:", "伍岚", "株洲日报"),
    ("中国青年报·中青网记者 林晓 发自北京 近日，会议召开。", "林晓", "中国青年报"),
    ("中国青年报·中青网记者 林晓 发自北京 近日，会议召开。", "林晓", "中青网"),
    ("岳阳网消息 (记者 段 磊)近日,我市召开座谈会。", "段磊", "岳阳网"),
    ("红网讯 据株洲日报报道 (通讯员 伍 岚 记者 贺敏)近日,株洲市召开座谈会。", "贺敏", "株洲日报"),
])
def test_reporters_work_for_the_outlets_of_their_byline(tmp_path: Path, text, subject, outlet):
    assert (subject, outlet) in facts_of(graph_of(tmp_path, text), "holdsPost")


@pytest.mark.parametrize("text, runners", [
    # a list of bodies, 等单位 and a venue before a joint verb
    ("6月1日,醴陵市妇联、团市委、市总工会等单位在瓷城广场联合开展“平安家庭”宣传活动。醴陵市。",
     {"醴陵市妇女联合会", "共青团醴陵市委员会", "醴陵市总工会"}),
    # 由 … 主办，… 承办，… 协办的 …: every body after 由 has a part in it; the venue has none
    ("由甘肃省妇联、甘肃省总工会主办,兰州市妇联承办,兰州市青少年宫协办的“巾帼风采”技能大赛"
     "在甘肃省科技馆举行。",
     {"甘肃省妇女联合会", "甘肃省总工会", "兰州市妇女联合会", "兰州市青少年宫"}),
    # the organisers named after the programme: P 由 A、B 联合主办
    ("“巾帼科普月”活动由株洲市妇联、株洲市科协联合主办。",
     {"株洲市妇女联合会", "株洲市科学技术协会"}),
])
def test_organisers_of_a_programme(tmp_path: Path, text, runners):
    runs = facts_of(graph_of(tmp_path, text), "runs")
    assert {body for body, _ in runs} == runners


@pytest.mark.parametrize("text, part, whole", [
    ("王红,中共党员,现任红星村党支部书记。", "红星村党支部", "中国共产党"),
    ("我们要团结在党中央周围。", "中国共产党中央委员会", "中国共产党"),
    ("醴陵市开会。醴陵市。响应共青团的号召,团醴陵市委发出倡议。", "共青团醴陵市委员会",
     "中国共产主义青年团"),
])
def test_party_and_league_bodies_are_parts_of_them(tmp_path: Path, text, part, whole):
    assert (part, whole) in facts_of(graph_of(tmp_path, text), "partOf")


def test_a_league_member_does_not_name_the_league(tmp_path: Path):
    graph = graph_of(tmp_path, "她是一名优秀共青团员。")
    assert not [e for e in graph.entities if e.type == "Organisation"]


@pytest.mark.parametrize("text, subject, unit", [
    # the body of an election serves the later sentences too, and the organ it names holds
    # only the post given with it
    ("会议选举谷雨同志为湘潭市妇联第九届执行委员会主席。同时，选举鲁敏、任静同志为兼职副主席。",
     "任静", "湘潭市妇女联合会"),
    # passive election verbs, and the new term before the unit
    ("会上，谷峰被推选为新一届湘潭市科协主席。", "谷峰", "湘潭市科学技术协会"),
    # a head count in people (等4人) closes the list; 为 and a unit need no election verb
    ("聂红、鲁斌、何静等3人为湖南省科协第五届书记处书记。", "鲁斌", "湖南省科学技术协会"),
    ("会议决定蒋明为湖南省科协书记处第一书记。", "蒋明", "湖南省科学技术协会"),
    ("会议选举谷雨当选湘潭市妇联主席，易兰、鲁敏当选专职副主席。", "鲁敏", "湘潭市妇女联合会"),
])
def test_elections_across_sentences(tmp_path: Path, text, subject, unit):
    assert (subject, unit) in facts_of(graph_of(tmp_path, text), "holdsPost")


def test_an_organ_named_once_does_not_hold_the_later_posts(tmp_path: Path):
    posts = facts_of(graph_of(tmp_path, "会议选举谷雨同志为湘潭市妇联第九届执行委员会主席，"
                                        "选举鲁敏同志为副主席。"), "holdsPost")
    assert ("鲁敏", "湘潭市妇女联合会") in posts
    assert not [p for p in posts if p[0] == "鲁敏" and p[1] != "湘潭市妇女联合会"]


@pytest.mark.parametrize("subject, unit", [
    ("谷雨", "湖南省残疾人联合会"),
    ("谷雨", "湖南省残疾人联合会第六届主席团"),
    # a line of the list naming only the post serves the unit of the line before, at its levels
    ("易兰", "湖南省残疾人联合会第六届主席团"),
    ("易兰", "湖南省残疾人联合会"),
    ("骆斌", "湖南省残疾人联合会第六届执行理事会"),
])
def test_officers_listed_after_a_post_and_a_colon(tmp_path: Path, subject, unit):
    text = ("一、湖南省残疾人联合会第六届主席团主席:谷雨\n副主席:周长顺、易兰(女)、石敏(兼)\n"
            "二、湖南省残疾人联合会第六届执行理事会理事长:周长顺\n副理事长:骆斌、任静(女)\n")
    assert (subject, unit) in facts_of(graph_of(tmp_path, text), "holdsPost")


@pytest.mark.parametrize("text, body, meeting", [
    # a women's congress of a place is held by that place's federation
    ("28日,湘潭市妇女第十次代表大会闭幕。湘潭市妇联新一届领导班子产生。",
     "湘潭市妇女联合会", "湘潭市妇女第十次代表大会"),
    # a meeting named after an organ is that organ's
    ("湘潭市残联选举产生第六届主席团。随后召开的第六届主席团第一次会议选举了主席。湘潭市残联。",
     "湘潭市残疾人联合会第六届主席团", "主席团第一次会议"),
])
def test_meetings_are_run_by_the_body_they_belong_to(tmp_path: Path, text, body, meeting):
    assert (body, meeting) in facts_of(graph_of(tmp_path, text), "runs")


def test_mentions_carry_the_cues_relate_reads():
    """Relate reads how a mention was found from its cue, not from the rule ids of extract
    and resolve (an organ of a body, a place by its gazetteer form), and the place a resolved
    name implies from the body's mention: resolve makes no mention of its own."""
    document = make_document("湖南省妇联召开会议。省妇联第五届执行委员会举办培训班。".encode(),
                             "cues.txt")
    document, extracted = extract_document(document)
    document, mentions = resolve_document(document, extracted)
    assert {(m.start, m.end, m.type) for m in mentions} \
        <= {(m.start, m.end, m.type) for m in extracted}
    cues = {(m.type, m.key, m.cue) for m in mentions if m.cue}
    assert cues == {("Organisation", "湖南省妇女联合会第五届执行委员会", "organ"),
                    ("Place", "湖南省", "gazetteer")}
    implied = {(m.surface, m.implied_place) for m in mentions if m.implied_place}
    assert implied == {("省妇联", "湖南省"), ("省妇联第五届执行委员会", "湖南省")}
    assert all(m.cue == "" and not m.implied_place for m in mentions
               if m.surface == "湖南省妇联")


@pytest.mark.parametrize("text, person, government, role", [
    ("杭州市市长方立新在会上作报告。", "方立新", "杭州市人民政府", "市长"),
    ("江西省副省长邹晓明出席开幕式。", "邹晓明", "江西省人民政府", "副省长"),
    ("上海市闵行区区长钱建华到场祝贺。", "钱建华", "上海市闵行区人民政府", "区长"),
    # the place opens the committee whose post comes first in the chain
    ("成都市委副书记、市长唐国强主持会议。", "唐国强", "成都市人民政府", "市长"),
    ("山西省委副书记、代省长罗志刚作报告。", "罗志刚", "山西省人民政府", "代省长"),
    # with no place named, after a post in the level's committee: the document's province
    ("湖南省妇联召开会议。省委副书记、省长郑立平出席。", "郑立平", "湖南省人民政府", "省长"),
    # the holder named before a verb of taking or leaving the post
    ("2016年，孙建华出任衡阳市长。", "孙建华", "衡阳市人民政府", "市长"),
    ("去年3月，刘海燕调任茶陵县副县长，分管教育。", "刘海燕", "茶陵县人民政府", "副县长"),
])
def test_a_government_head_holds_the_post_in_the_government(tmp_path, text, person,
                                                            government, role):
    graph = graph_of(tmp_path, text)
    name = {e.iri: e.name for e in graph.entities}
    posts = {(name[f.subject], name[f.object], f.role) for f in graph.facts
             if f.predicate == "holdsPost"}
    assert (person, government, role) in posts
    # the post names the government without being one of its names
    (body,) = [e for e in graph.entities if e.name == government]
    assert role not in body.aliases


@pytest.mark.parametrize("text", [
    "会议由副市长陈德明主持。",   # a bare post names no government
    "南京市长江大桥今天通车。",   # 市长 inside other words holds nothing
])
def test_no_government_without_its_place(tmp_path, text):
    graph = graph_of(tmp_path, text)
    assert not [e for e in graph.entities if e.name.endswith("人民政府")]


def test_a_village_branch_secretary_also_heads_the_village_committee(tmp_path):
    graph = graph_of(tmp_path, "攸县皇图岭镇石羊塘村党支部书记、村委会主任谭某某介绍了情况。")
    name = {e.iri: e.name for e in graph.entities}
    posts = {(name[f.subject], name[f.object], f.role) for f in graph.facts
             if f.predicate == "holdsPost"}
    assert ("谭某某", "攸县皇图岭镇石羊塘村党支部", "书记") in posts
    assert ("谭某某", "攸县皇图岭镇石羊塘村村民委员会", "主任") in posts
    assert ("攸县皇图岭镇石羊塘村村民委员会", "石羊塘村") in facts_of(graph, "locatedIn")


@pytest.mark.parametrize("text, person, body, role", [
    ("常委会同意陈立新辞去衡阳市人民政府市长职务。", "陈立新", "衡阳市人民政府", "市长"),
    ("吴秀英以湘潭市妇联党组书记身份列席会议。", "吴秀英", "湘潭市妇女联合会党组", "书记"),
])
def test_a_post_left_or_acted_in_is_held(tmp_path, text, person, body, role):
    graph = graph_of(tmp_path, text)
    name = {e.iri: e.name for e in graph.entities}
    assert (person, body, role) in {(name[f.subject], name[f.object], f.role)
                                    for f in graph.facts if f.predicate == "holdsPost"}


def test_a_post_after_an_alias_note_is_in_the_body_before_the_note(tmp_path):
    graph = graph_of(tmp_path, "中国人民银行行长周立新、中国证券监督管理委员会（以下简称“证监会”）"
                               "主席孙海峰出席论坛。")
    posts = facts_of(graph, "holdsPost")
    assert ("孙海峰", "中国证券监督管理委员会") in posts
    assert ("孙海峰", "中国人民银行") not in posts


@pytest.mark.parametrize("text, person, ministry", [
    ("双方代表团会谈后，佛得角外交部长卡洛斯·达席尔瓦举行记者会。", "卡洛斯·达席尔瓦",
     "佛得角外交部"),
    ("王立新会见了德国外交部长施密特。", "施密特", "德国外交部"),
])
def test_a_foreign_minister_holds_the_post_in_that_country_s_ministry(tmp_path, text, person,
                                                                      ministry):
    posts = facts_of(graph_of(tmp_path, text), "holdsPost")
    assert (person, ministry) in posts
    assert (person, "中华人民共和国外交部") not in posts


def test_a_post_after_another_country_and_its_body_s_words_is_not_china_s(tmp_path):
    graph = graph_of(tmp_path, "外交部发言人宣布，应法国欧洲和外交部长杜兰邀请，外交部长李明将访法。")
    posts = facts_of(graph, "holdsPost")
    assert ("李明", "中华人民共和国外交部") in posts
    assert ("杜兰", "中华人民共和国外交部") not in posts


def test_every_reporter_of_a_byline_list_works_for_its_outlet(tmp_path):
    graph = graph_of(tmp_path, "光明日报北京7月2日电（记者林海涛、邓宇晴）科技部日前发布通知。\n"
                               "人民日报记者 陈思远、黄静怡报道：长江沿线生态持续改善。")
    posts = facts_of(graph, "holdsPost")
    assert {("林海涛", "光明日报"), ("邓宇晴", "光明日报"), ("陈思远", "人民日报"),
            ("黄静怡", "人民日报")} <= posts


@pytest.mark.parametrize("text, person, body", [
    ("王立军曾任东方银行行长，现任南方投资有限责任公司董事长。", "王立军", "东方银行"),
    ("王立军曾任东方银行行长，现任南方投资有限责任公司董事长。", "王立军", "南方投资有限责任公司"),
    ("陈国栋于2019年当选中国工程院院士。", "陈国栋", "中国工程院"),
])
def test_past_posts_dated_elections_and_a_present_post_after_a_clause(tmp_path, text, person,
                                                                       body):
    assert (person, body) in facts_of(graph_of(tmp_path, text), "holdsPost")


def test_a_mission_sits_in_the_place_after_zhu(tmp_path):
    located = facts_of(graph_of(tmp_path, "中国驻法国大使馆与美国驻华大使馆分别发表声明。"),
                       "locatedIn")
    assert ("中华人民共和国驻法国大使馆", "法兰西共和国") in located
    assert not [p for p in located if p[0] == "美国驻华大使馆"]


def test_a_special_government_allowance_is_conferred(tmp_path):
    graph = graph_of(tmp_path, "周海燕享受国务院政府特殊津贴。")
    assert ("周海燕", "国务院政府特殊津贴") in facts_of(graph, "awarded")


def test_a_worker_named_after_a_long_chain_of_units_holds_the_job_in_the_company(tmp_path):
    graph = graph_of(tmp_path, "湘煤集团资兴矿业公司某矿掘进二队采煤工刘建军被评为优秀共青团员。")
    posts = facts_of(graph, "holdsPost")
    assert ("刘建军", "湘煤集团资兴矿业公司") in posts


def test_a_post_after_another_name_and_a_conjunction_is_not_in_the_first_unit(tmp_path):
    graph = graph_of(tmp_path, "会议学习了全国妇联书记处书记赵雪梅和省委副书记钱志刚的讲话。")
    posts = facts_of(graph, "holdsPost")
    assert ("钱志刚", "中华全国妇女联合会书记处") not in posts
    assert ("赵雪梅", "中华全国妇女联合会书记处") in posts


def test_a_post_written_after_the_name_that_follows_its_unit_is_the_role(tmp_path):
    graph = graph_of(tmp_path, "湘潭恒达建材有限公司周国平董事长捐款十万元，株洲新华书店刘敏参加。")
    name = {e.iri: e.name for e in graph.entities}
    posts = {(name[f.subject], name[f.object], f.role) for f in graph.facts
             if f.predicate == "holdsPost"}
    assert ("周国平", "湘潭恒达建材有限公司", "董事长") in posts


def test_who_reports_for_a_bodys_committee_sits_on_it(tmp_path):
    graph = graph_of(tmp_path, "会上，周某代表共青团攸县第十八届委员会作工作报告。")
    assert ("周某", "共青团攸县第十八届委员会") in facts_of(graph, "holdsPost")


def test_an_election_goes_on_in_the_next_clause_after_a_semicolon(tmp_path):
    graph = graph_of(tmp_path, "大会选举产生了攸县残联新一届领导班子，陈某当选主席；黄某、龙某2名同志"
                               "为副理事长。")
    posts = facts_of(graph, "holdsPost")
    assert ("黄某", "攸县残疾人联合会") in posts
    assert ("龙某", "攸县残疾人联合会") in posts


def test_a_name_after_a_verb_of_engaging_holds_the_post_after_wei(tmp_path):
    graph = graph_of(tmp_path, "攸县残联召开大会。会议聘请了易某华为攸县残联第六届主席团名誉主席。")
    assert ("易某华", "攸县残疾人联合会第六届主席团") in facts_of(graph, "holdsPost")


def test_a_title_at_the_city_level_is_the_city_the_page_is_about(tmp_path):
    # 市级 and a bare 市 before a title stand for the page's city, as 省级 does for its province;
    # with no county named, 县级 stays as written
    graph = graph_of(tmp_path, "湖南省株洲市妇联召开表彰大会，授予株洲市中心医院产科等20个岗位“市级巾帼文明岗”称号，"
                               "授予周红等30名同志“市巾帼建功标兵”称号。李芳家庭被评为县级文明家庭。")
    assert {("株洲市中心医院产科", "株洲市巾帼文明岗"), ("周红", "株洲市巾帼建功标兵"),
            ("李芳", "县级文明家庭")} <= facts_of(graph, "awarded")
    assert not {e.name for e in graph.entities if e.type == "Honour"} & {"市级巾帼文明岗", "市巾帼建功标兵"}



def test_a_title_read_at_its_level_word_takes_no_label_from_it(tmp_path: Path):
    graph = graph_of(tmp_path, "历届全国、省、市劳模代表参加。会上宣读了省五一劳动奖状、奖章获得者名单。")
    labels = {e.name: e.aliases for e in graph.entities if e.type == "Honour"}
    assert "全国" not in labels["全国劳动模范"] and "奖章" not in labels["省五一劳动奖章"]


def test_a_title_of_the_bodies_of_several_levels_is_no_one_place_s(tmp_path: Path):
    graph = graph_of(tmp_path, "河南省信阳市妇联决定表彰县区妇联宣传工作先进单位。")
    assert "县区妇联宣传工作先进单位" in {e.name for e in graph.entities if e.type == "Honour"}
