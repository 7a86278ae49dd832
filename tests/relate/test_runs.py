"""runs rules (relate/runs.py) on mentions made by hand."""
import pytest

from kg.relate.runs import hosts_of_held_events, named_runners, runners_before_trigger

from .relating import by_sentence_rule, document_of, mention


def test_the_body_before_a_trigger_runs_the_programme_after_it():
    doc = document_of("市妇联开展“春芽行动”。")
    body, programme = mention(doc, "市妇联", "Organisation"), mention(doc, "春芽行动", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [body, programme]) == {
        ("Organisation/市妇联", "runs", "Programme/春芽行动", None, None)}


def test_a_programme_found_by_a_pattern_is_given_no_runner():
    doc = document_of("市妇联开展“春芽行动”。")
    body = mention(doc, "市妇联", "Organisation")
    programme = mention(doc, "春芽行动", "Programme", cue="pattern")
    assert by_sentence_rule(runners_before_trigger, doc, [body, programme]) == set()


def test_a_programme_named_after_a_body_is_the_bodys():
    doc = document_of("青禾公司创业营今天开营。")
    body = mention(doc, "青禾公司", "Organisation")
    programme = mention(doc, "青禾公司创业营", "Programme")
    assert by_sentence_rule(named_runners, doc, [body, programme]) == {
        ("Organisation/青禾公司", "runs", "Programme/青禾公司创业营", None, None)}


@pytest.mark.parametrize("verb", ["召开", "开幕", "启动"])
def test_an_event_said_to_be_held_is_the_document_s_own_body_s(verb):
    doc = document_of(f"青禾县妇联发布通知。青禾县妇联。护苗读书月活动在县图书馆{verb}。")
    own = mention(doc, "青禾县妇联", "Organisation")
    mentions = [own, mention(doc, "青禾县妇联", "Organisation", after="通知"),
                mention(doc, "护苗读书月活动", "Programme")]
    assert by_sentence_rule(hosts_of_held_events, doc, mentions) == {
        ("Organisation/青禾县妇联", "runs", "Programme/护苗读书月活动", None, None)}
    # an event only announced is not said to be held
    doc = document_of("青禾县妇联发布通知。青禾县妇联。护苗读书月活动即将报名。")
    mentions = [mention(doc, "青禾县妇联", "Organisation"),
                mention(doc, "青禾县妇联", "Organisation", after="通知"),
                mention(doc, "护苗读书月活动", "Programme")]
    assert by_sentence_rule(hosts_of_held_events, doc, mentions) == set()


def test_an_event_a_body_s_word_names_is_not_the_document_s_own_body_s():
    from dataclasses import replace

    doc = document_of("青禾县妇联发布通知。青禾县妇联。上级妇联“护苗读书月活动”在县图书馆召开。")
    mentions = [mention(doc, "青禾县妇联", "Organisation"),
                mention(doc, "青禾县妇联", "Organisation", after="通知"),
                mention(doc, "护苗读书月活动", "Programme")]
    # 上级妇联 before its marks says whose it is (a body the text does not name)
    assert by_sentence_rule(hosts_of_held_events, doc, mentions) == set()
    # the rule reads the bodies' words extract handed on (Marks.suffixes)
    bare = replace(doc, marks=replace(doc.marks, suffixes=()))
    assert by_sentence_rule(hosts_of_held_events, bare, mentions) == {
        ("Organisation/青禾县妇联", "runs", "Programme/护苗读书月活动", None, None)}


def test_holding_makes_run_only_the_body_written_as_its_subject():
    doc = document_of("青禾县妇联发布通知。青禾县妇联举行纪念大会。")
    own, body = (mention(doc, "青禾县妇联", "Organisation"),
                 mention(doc, "青禾县妇联", "Organisation", after="通知"))
    programme = mention(doc, "纪念大会", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [own, body, programme]) == {
        ("Organisation/青禾县妇联", "runs", "Programme/纪念大会", None, None)}
    # 举行 with no body before it says nothing of who holds the event
    doc = document_of("青禾县妇联发布通知。当天还举行了纪念大会。")
    own = mention(doc, "青禾县妇联", "Organisation")
    programme = mention(doc, "纪念大会", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [own, programme]) == set()


def test_the_body_that_issues_a_call_runs_the_action_it_calls_for():
    doc = document_of("县女企业家协会向全县发出“爱心助学行动”倡议。")
    body = mention(doc, "县女企业家协会", "Organisation")
    programme = mention(doc, "爱心助学行动", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [body, programme]) == {
        ("Organisation/县女企业家协会", "runs", "Programme/爱心助学行动", None, None)}


def test_a_body_after_a_word_of_going_to_is_the_venue_not_the_runner():
    doc = document_of("6月3日，青禾县团委组织志愿者到晨光养老中心开展敬老服务活动。")
    league, venue = (mention(doc, "青禾县团委", "Organisation"),
                     mention(doc, "晨光养老中心", "Organisation"))
    programme = mention(doc, "敬老服务活动", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [league, venue, programme]) == {
        ("Organisation/青禾县团委", "runs", "Programme/敬老服务活动", None, None)}


def test_who_holds_a_meeting_that_advances_a_programme_runs_the_programme():
    doc = document_of("青禾县妇联发布通知。青禾县妇联。“巾帼护苗行动”现场推进会在县城召开。")
    own = mention(doc, "青禾县妇联", "Organisation")
    mentions = [own, mention(doc, "青禾县妇联", "Organisation", after="通知"),
                mention(doc, "巾帼护苗行动", "Programme"),
                mention(doc, "“巾帼护苗行动”现场推进会", "Programme", key="巾帼护苗行动现场推进会")]
    assert by_sentence_rule(hosts_of_held_events, doc, mentions) == {
        ("Organisation/青禾县妇联", "runs", "Programme/巾帼护苗行动现场推进会", None, None),
        ("Organisation/青禾县妇联", "runs", "Programme/巾帼护苗行动", None, None)}


def test_holding_is_done_by_the_body_opening_an_earlier_clause_not_by_a_dateline_s_outlet():
    doc = document_of("青禾县侨联以“侨乡行”为主题，举行归侨迎春活动。")
    body = mention(doc, "青禾县侨联", "Organisation")
    programme = mention(doc, "归侨迎春活动", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [body, programme]) == {
        ("Organisation/青禾县侨联", "runs", "Programme/归侨迎春活动", None, None)}
    doc = document_of("晨光社青禾5月3日电 青禾县长到达后，举行归侨迎春活动。")
    outlet = mention(doc, "晨光社", "Organisation")
    programme = mention(doc, "归侨迎春活动", "Programme")
    assert by_sentence_rule(runners_before_trigger, doc, [outlet, programme]) == set()
