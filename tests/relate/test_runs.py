"""runs rules (relate/runs.py) on mentions made by hand."""
from kg.relate.runs import named_runners, runners_before_trigger

from relating import by_sentence_rule, document_of, mention


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
