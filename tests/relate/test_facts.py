"""What every relation rule shares (relate/facts.py): the organisation a document is about,
outlets in datelines, facts merged with their evidence."""
from kg.model import Evidence, Fact
from kg.relate.facts import document_organisation, in_dateline, merge_facts

from .relating import document_of, mention


def test_the_document_organisation_is_the_body_named_most():
    doc = document_of("青禾县妇联召开会议。青禾县妇联主席讲话。晨光公司参加。")
    mentions = [mention(doc, "青禾县妇联", "Organisation"),
                mention(doc, "青禾县妇联", "Organisation", after="会议。"),
                mention(doc, "晨光公司", "Organisation")]
    assert document_organisation(mentions).key == "青禾县妇联"
    assert document_organisation(mentions[1:]) is None  # each named once: none


def test_a_body_inside_a_title_is_not_counted_a_whole_title_is():
    doc = document_of("会上学习了《青禾县妇联章程》和《晨光日报》。晨光日报刊发了文章。")
    mentions = [mention(doc, "青禾县妇联", "Organisation"),
                mention(doc, "晨光日报", "Organisation"),
                mention(doc, "晨光日报", "Organisation", after="》。")]
    assert document_organisation(mentions, doc.marks.titles, doc.text).key == "晨光日报"


def test_an_outlet_in_a_dateline_reports_and_takes_no_part():
    doc = document_of("新华社北京5月3日电 青禾县妇联召开会议。")
    assert in_dateline(doc.text, mention(doc, "新华社", "Organisation"))
    assert not in_dateline(doc.text, mention(doc, "青禾县妇联", "Organisation"))


def test_one_fact_stated_twice_is_one_with_both_pieces_of_evidence():
    first = Evidence("a", "甲。", 0, 2, "", "")
    second = Evidence("b", "乙。", 0, 2, "", "")
    facts = [Fact("Person/甲", "holdsPost", "Organisation/乙", "主席", None, (second,)),
             Fact("Person/甲", "holdsPost", "Organisation/乙", "主席", None, (first, second))]
    (merged,) = merge_facts(facts)
    assert merged.evidence == (first, second)
    other_role = Fact("Person/甲", "holdsPost", "Organisation/乙", "副主席", None, (first,))
    assert len(merge_facts(facts + [other_role])) == 2


def test_the_body_a_source_label_names_is_the_page_s_when_none_is_named_twice():
    doc = document_of("发布时间:2022-11-25  来源:青禾县妇联\n晨光公司和青山公司参加了活动。")
    mentions = [mention(doc, "青禾县妇联", "Organisation"), mention(doc, "晨光公司", "Organisation"),
                mention(doc, "青山公司", "Organisation")]
    assert document_organisation(mentions, doc.marks.titles, doc.text).key == "青禾县妇联"
    # a news outlet a source label names reports on others
    doc = document_of("发布时间:2022-11-25  来源:晨光日报\n晨光公司和青山公司参加了活动。")
    mentions = [mention(doc, "晨光日报", "Organisation"), mention(doc, "晨光公司", "Organisation")]
    assert document_organisation(mentions, doc.marks.titles, doc.text) is None


def test_a_league_committee_a_pattern_reads_may_be_the_page_s_body_the_party_may_not():
    doc = document_of("团县委召开会议。团县委开展活动。党的建设。党的工作。")
    league = [mention(doc, "团县委", "Organisation", key="共青团青禾县委员会", cue="pattern"),
              mention(doc, "团县委", "Organisation", key="共青团青禾县委员会", cue="pattern",
                      after="会议。")]
    assert document_organisation(league).key == "共青团青禾县委员会"
    party = [mention(doc, "党", "Organisation", key="中国共产党", cue="pattern"),
             mention(doc, "党", "Organisation", key="中国共产党", cue="pattern", after="建设。")]
    assert document_organisation(party) is None


def test_of_bodies_named_as_often_a_national_one_is_not_the_page_s():
    doc = document_of("团县委召开会议。共青团成立百年。团县委表彰先进。共青团员参加。")
    local = [mention(doc, "团县委", "Organisation", key="共青团青禾县委员会"),
             mention(doc, "团县委", "Organisation", key="共青团青禾县委员会", after="百年。")]
    national = [mention(doc, "共青团", "Organisation", key="中国共产主义青年团"),
                mention(doc, "共青团", "Organisation", key="中国共产主义青年团", after="先进。")]
    assert document_organisation(local + national).key == "共青团青禾县委员会"
