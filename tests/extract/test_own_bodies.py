"""A page's own body (extract/own_bodies.py): 我校 and 本院 are the school or the institute,
hospital or court the page names most."""
from test_resolve import build_texts, organisations


def facts(graph, predicate):
    name = {e.iri: e.name for e in graph.entities}
    return {(name[f.subject], name[f.object], f.role) for f in graph.facts
            if f.predicate == predicate}


def test_our_school_is_the_school_the_page_names(tmp_path):
    graph = build_texts(tmp_path, {"news.txt": (
        "南屿师范大学校园新闻 近日，省科协召开学术年会。"
        "我校副校长林海涛当选省科协常委，我校外国语学院教授吴静作报告。"
        "南屿师范大学将继续支持教师参与学术交流。")})
    assert ("林海涛", "南屿师范大学", "副校长") in facts(graph, "holdsPost")
    assert "南屿师范大学外国语学院" in organisations(graph)
    assert "我校" not in organisations(graph)


def test_our_institute_is_the_hospital_or_court_the_page_names(tmp_path):
    graph = build_texts(tmp_path, {
        "hospital.txt": "东湖市第二人民医院举办护士节活动，我院院长郑红出席并讲话。",
        "court.txt": "浏阳市人民法院召开审判委员会会议。本院审判员刘畅宣读了决定。",
    })
    bodies = organisations(graph)
    assert "我院" in bodies["东湖市第二人民医院"].aliases
    assert "本院" in bodies["浏阳市人民法院"].aliases


def test_our_school_on_a_page_naming_no_school_is_no_body(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": "我校教师在市级比赛中获得一等奖。我校区占地五百亩。"})
    assert organisations(graph) == {}


def test_a_meeting_named_after_our_school_is_that_school_s(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": (
        "南屿师范大学新闻网讯 我校第三届教职工代表大会第二次会议在学术报告厅召开。")})
    assert ("南屿师范大学", "南屿师范大学第三届教职工代表大会第二次会议", None) in facts(graph, "runs")


def test_our_hospital_on_a_page_naming_other_hospitals_once_each_is_no_body(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": (
        "区卫健委与区一医院、区中医医院组成检查组，指导我院创建工作。"
        "检查组与我院党委书记魏明交流。")})
    assert not any("我院" in e.name or "党委" in e.name for e in graph.entities)
    assert not facts(graph, "holdsPost") & {("魏明", "区一医院党委", "书记")}
