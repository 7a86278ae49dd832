"""What a congress's report says of bodies (relate/congresses.py), on mentions made by hand."""
from kg.relate.congresses import elected_bodies, reports_for_bodies

from .relating import by_sentence_rule, document_of, facts_for, mention


def test_the_body_a_congress_elects_is_remembered_for_the_elections_after_it():
    doc = document_of("年会选举产生了青禾县书法协会新一届理事会。")
    body = mention(doc, "青禾县书法协会", "Organisation")
    council = mention(doc, "青禾县书法协会新一届理事会", "Organisation")
    facts = facts_for(doc, [body, council])
    for sentence, ms in facts.by_sentence.items():
        elected_bodies(doc, sentence, ms, facts)
    assert facts.elected == body  # the shortest name at the start: the body, not its council
    other = document_of("青禾县书法协会召开年会。")
    facts = facts_for(other, [mention(other, "青禾县书法协会", "Organisation")])
    for sentence, ms in facts.by_sentence.items():
        elected_bodies(other, sentence, ms, facts)
    assert facts.elected is None  # no election before it


def test_who_reports_for_a_body_sits_on_it_without_a_title():
    doc = document_of("会上，孟秋禾代表青禾县书法协会第三届理事会作工作报告。")
    person = mention(doc, "孟秋禾", "Person")
    council = mention(doc, "青禾县书法协会第三届理事会", "Organisation")
    assert by_sentence_rule(reports_for_bodies, doc, [person, council]) == {
        ("Person/孟秋禾", "holdsPost", "Organisation/青禾县书法协会第三届理事会", None, None)}
    # the rule reads the body: without it, no seat
    assert by_sentence_rule(reports_for_bodies, doc, [person]) == set()
