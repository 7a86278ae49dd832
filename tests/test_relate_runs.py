"""Who runs a programme: the body the sentence names, a body written right before the
programme's name, the organ of a sitting, and the document's own body only when the sentence
leaves the subject out and names no other."""
import pytest

from test_relate import facts_of, graph_of


def test_a_trigger_word_inside_a_name_is_no_verb(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湘潭县妇联召开会议。湘潭县妇联今年的公益创投大赛确定了"
                                       "妇联基层组织“暖心”行动、关爱儿童行动等方向。"), "runs")
    assert not {obj for _, obj in runs} & {"关爱儿童行动", "妇联基层组织暖心行动"}


def test_a_programme_named_inside_a_title_is_not_run(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湖南省妇联召开会议。为持续推进妇女事业,湖南省妇联授予10个单位"
                                       "“全省落实儿童发展纲要先进单位”称号。"), "runs")
    assert not [obj for _, obj in runs if "纲要" in obj]


def test_a_body_before_a_programme_runs_it_not_the_writer(tmp_path):
    graph = graph_of(tmp_path, "武汉大学召开会议。武汉大学表彰教师。李华现任武汉大学“数字经济实验班”"
                               "联合负责人,教育部拔尖人才培养计划项目首席专家。")
    assert facts_of(graph, "runs") == {("中华人民共和国教育部", "拔尖人才培养计划项目"),
                                       ("武汉大学", "数字经济实验班")}


def test_a_speech_at_a_meeting_does_not_make_the_listener_run_it(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湖南省妇联召开会议。为贯彻落实在全国妇女工作座谈会上的讲话,"
                                       "湖南省妇联部署工作。"), "runs")
    assert not [obj for _, obj in runs if "座谈会" in obj]


def test_a_sitting_of_an_organ_is_the_organs(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湖南省女企业家协会召开会员大会,选举产生了湖南省女企业家协会第三届理事会。"
                                       "随后召开湖南省女企业家协会第三届理事会第一次会议。"), "runs")
    sitting = "湖南省女企业家协会第三届理事会第一次会议"
    assert ("湖南省女企业家协会第三届理事会", sitting) in runs
    assert ("湖南省女企业家协会", sitting) not in runs


def test_the_body_opening_an_earlier_clause_runs_it(tmp_path):
    runs = facts_of(graph_of(tmp_path, "中国儿童少年基金会到访。中国儿童少年基金会捐赠图书。"
                                       "王某表示,湖南省妇联始终关注妇女发展,深入推进巾帼创业行动。"), "runs")
    assert runs == {("湖南省妇女联合会", "巾帼创业行动")}


def test_plural_bodies_as_subject_are_not_the_writer_of_another_kind(tmp_path):
    runs = facts_of(graph_of(tmp_path, "凤冈县委召开会议。凤冈县委部署工作。去年,市县妇联指导实施"
                                       "“洁家、兴业、育儿”计划。"), "runs")
    assert not runs


def test_a_kind_of_body_as_subject_is_not_the_writer_of_another_kind(tmp_path):
    runs = facts_of(graph_of(tmp_path, "长沙市政协召开会议。长沙市政协主席讲话。会议要求,各级工会组织要"
                                       "组织职工,努力把基层工会建成职工信赖的“职工之家”。"), "runs")
    assert not runs


def test_a_meeting_a_ministry_convenes_keeps_its_name(tmp_path):
    graph = graph_of(tmp_path, "湖南省妇联党组传达学习了公安部打击电信诈骗专项行动电视电话会议精神。")
    assert ("中华人民共和国公安部", "公安部打击电信诈骗专项行动电视电话会议") in facts_of(graph, "runs")


def test_a_body_that_funds_and_builds_a_venue_runs_it(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湘潭县妇联召开会议。湘潭县妇联部署工作。湘潭县女企业家协会出资,"
                                       "为一所村小捐建了“儿童之家”。"), "runs")
    assert runs == {("湘潭县女企业家协会", "儿童之家")}


def test_the_venues_a_body_works_through_are_its(tmp_path):
    runs = facts_of(graph_of(tmp_path, "长沙市妇联召开会议。长沙市妇联将以此为契机,依托“妇女之家”"
                                       "“巾帼讲堂”等阵地开展宣讲。"), "runs")
    assert runs == {("长沙市妇女联合会", "妇女之家"), ("长沙市妇女联合会", "巾帼讲堂")}


def test_a_command_headquarters_is_a_body_that_hosts(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湖南省援疆工作前方指挥部、湖南省妇联主办“湘新一家亲”联欢会。"), "runs")
    assert ("湖南省援疆工作前方指挥部", "湘新一家亲联欢会") in runs


def test_a_quoted_day_and_words_before_an_activity_word_name_it(tmp_path):
    runs = facts_of(graph_of(tmp_path, "6月1日,湘潭县妇联、湘潭县教育局等单位在县体育馆联合开展"
                                       "“六一”儿童安全知识进校园活动。"), "runs")
    activity = "六一儿童安全知识进校园活动"
    assert {("湘潭县妇女联合会", activity), ("湘潭县教育局", activity)} <= runs


def test_an_event_held_without_its_host_is_the_writers(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湖南省妇联召开会议。湖南省妇联部署工作。2021年湖南省“湘绣巾帼”"
                                       "现场推进会在湘潭市召开。湖南省第十二次妇女代表大会隆重开幕。"), "runs")
    assert ("湖南省妇女联合会", "湘绣巾帼现场推进会") in runs


def test_a_congress_held_is_its_bodys_not_the_writers(tmp_path):
    runs = facts_of(graph_of(tmp_path, "南昌大学召开会议。南昌大学表彰教师。"
                                       "江西省第十四次妇女代表大会在南昌开幕。"), "runs")
    assert not runs


def test_a_series_name_with_its_anniversary_ends_before_the_day(tmp_path):
    runs = facts_of(graph_of(tmp_path, "中国妇女发展基金会“母亲邮包”10周年座谈会今日在上海举行。"), "runs")
    assert ("中国妇女发展基金会", "母亲邮包10周年座谈会") in runs


@pytest.mark.parametrize("text, body, congress", [
    ("湘潭市归侨侨眷联合会。湘潭市侨联主席讲话。湘潭市第五次归侨侨眷代表大会今日开幕。",
     "湘潭市归国华侨联合会", "湘潭市第五次归侨侨眷代表大会"),
    ("中国文联主席讲话。中国文学艺术工作者第十一次代表大会隆重开幕。",
     "中国文学艺术界联合会", "中国文学艺术工作者第十一次代表大会"),
])
def test_a_groups_congress_is_run_by_the_groups_body(tmp_path, text, body, congress):
    assert (body, congress) in facts_of(graph_of(tmp_path, text), "runs")


def test_a_programme_of_a_body_named_by_its_kind_is_not_the_writers(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湘潭大学召开会议。湘潭大学开展培训。这是落实上级妇联"
                                       "《家庭美德工程实施方案》要求的举措。"), "runs")
    assert not runs


def test_who_holds_a_programmes_launch_launches_the_programme(tmp_path):
    runs = facts_of(graph_of(tmp_path, "3月1日,湘潭市妇联、湘潭市司法局在市民广场举办“法治护苗”活动启动仪式。"),
                    "runs")
    assert {("湘潭市妇女联合会", "法治护苗"), ("湘潭市司法局", "法治护苗")} <= runs


def test_bodies_after_role_labels_run_the_event_named_before(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湘潭市“巾帼建功”技能大赛圆满落幕。主办单位:湘潭市妇联、"
                                       "湘潭市人力资源和社会保障局。承办单位:湘潭市总工会。"), "runs")
    contest = "巾帼建功技能大赛"
    assert {("湘潭市妇女联合会", contest), ("湘潭市人力资源和社会保障局", contest),
            ("湘潭市总工会", contest)} == runs


def test_every_body_of_a_chain_of_parts_after_you_runs_it(tmp_path):
    runs = facts_of(graph_of(tmp_path, "“巾帼建功”技能大赛由湘潭市妇联主办,湘潭市总工会承办,"
                                       "湘潭市教育局协办。"), "runs")
    assert {body for body, _ in runs} == {"湘潭市妇女联合会", "湘潭市总工会", "湘潭市教育局"}


def test_the_words_that_stand_for_an_event_take_its_hosts(tmp_path):
    runs = facts_of(graph_of(tmp_path, "湖南省女性创业大赛报名开始,湖南省女性创业大赛培训班今日开班。"
                                       "据悉,该赛由湖南省妇联、湖南省人力资源和社会保障厅共同主办,"
                                       "长沙市妇联承办。"), "runs")
    assert {("湖南省妇女联合会", "湖南省女性创业大赛"), ("长沙市妇女联合会", "湖南省女性创业大赛")} <= runs


def test_a_body_that_initiates_a_plan_is_not_part_of_its_name(tmp_path):
    runs = facts_of(graph_of(tmp_path, "2022年,湘潭市妇联发起“春蕾助学”计划。"), "runs")
    assert runs == {("湘潭市妇女联合会", "春蕾助学计划")}


def test_a_body_that_built_a_programme_runs_it(tmp_path):
    runs = facts_of(graph_of(tmp_path, "会议期间,参会人员观摩了湘潭市某某生物有限公司建立的“巾帼技能实训基地”。"),
                    "runs")
    assert runs == {("湘潭市某某生物有限公司", "巾帼技能实训基地")}


def test_partners_named_with_together_run_it_with_the_writer(tmp_path):
    runs = facts_of(graph_of(tmp_path, "全国妇联召开会议。全国妇联部署工作。同时,将和商务部一起,"
                                       "结合开展扶贫工作,在西部建立一批巾帼电商培训基地。"), "runs")
    assert runs == {("中华人民共和国商务部", "巾帼电商培训基地"),
                    ("中华全国妇女联合会", "巾帼电商培训基地")}


def test_the_body_a_clause_says_initiated_it_runs_it_too(tmp_path):
    runs = facts_of(graph_of(tmp_path, "在湘潭市妇联倡导下,湘潭市女企业家互助会募集善款,为一所村小捐建"
                                       "“儿童之家”。"), "runs")
    assert runs == {("湘潭市妇女联合会", "儿童之家"), ("湘潭市女企业家互助会", "儿童之家")}


def test_a_governments_working_committee_listed_with_a_federation_runs_the_event_too(tmp_path):
    graph = graph_of(tmp_path, "6月1日，湘潭市人民政府妇女儿童工作委员会、湘潭市妇联在雨湖公园"
                               "举办“童心向党”主题活动。")
    runs, parts = facts_of(graph, "runs"), facts_of(graph, "partOf")
    assert ("湘潭市人民政府妇女儿童工作委员会", "童心向党") in runs
    assert ("湘潭市妇女联合会", "童心向党") in runs
    assert ("湘潭市人民政府妇女儿童工作委员会", "湘潭市人民政府") in parts


def test_a_long_list_of_organisers_of_the_event_named_before_all_run_it(tmp_path):
    # 联合 inside 妇女联合会 is no trigger; the list runs long before 联合主办
    graph = graph_of(tmp_path, "5月20日，雨湖区在区文化馆举办“家和万事兴”家庭才艺比赛。此次活动由区妇女"
                               "联合会、区文化和旅游体育局和区总工会联合主办，共有三百人参加。")
    runs = facts_of(graph, "runs")
    assert ("雨湖区妇女联合会", "家和万事兴家庭才艺比赛") in runs
    assert ("雨湖区文化和旅游体育局", "家和万事兴家庭才艺比赛") in runs
    assert ("雨湖区总工会", "家和万事兴家庭才艺比赛") in runs


@pytest.mark.parametrize("after, bodies", [
    # 本次选拔赛 / 此项赛事 / the kind alone opening a clause stand for the contest named before
    ("本次选拔赛由市总工会、市人力资源和社会保障局联合主办，共有80名选手参赛。",
     ("湘潭市总工会", "湘潭市人力资源和社会保障局")),
    ("此项赛事是由市总工会主办，市科技局协办。", ("湘潭市总工会", "湘潭市科技局")),
    ("活动由市总工会、市科技局共同主办。", ("湘潭市总工会", "湘潭市科技局")),
])
def test_the_organisers_after_words_that_stand_for_a_contest_run_it(tmp_path, after, bodies):
    graph = graph_of(tmp_path, "6月2日，湘潭市第九届职工职业技能大赛开赛。" + after)
    runs = facts_of(graph, "runs")
    assert {(body, "湘潭市第九届职工职业技能大赛") for body in bodies} <= runs
