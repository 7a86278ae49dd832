"""The holdsPost rule of bylines (relate/bylines.py) on mentions made by hand."""
from kg.relate.bylines import reporters

from .relating import by_sentence_rule, document_of, mention


def test_a_reporter_works_for_the_outlets_of_the_byline():
    doc = document_of("晨光日报·晨光网记者 周望舒 报道\n")
    mentions = [mention(doc, "晨光日报", "Organisation"), mention(doc, "晨光网", "Organisation"),
                mention(doc, "周望舒", "Person")]
    assert by_sentence_rule(reporters, doc, mentions) == {
        ("Person/周望舒", "holdsPost", f"Organisation/{outlet}", "记者", None)
        for outlet in ("晨光日报", "晨光网")}
    # the rule reads the outlets: without them the reporter works for no one
    assert by_sentence_rule(reporters, doc, mentions[2:]) == set()


def test_the_reporters_listed_after_the_first_share_its_label():
    doc = document_of("晨光日报记者 周望舒、林知夏 报道\n")
    mentions = [mention(doc, "晨光日报", "Organisation"), mention(doc, "周望舒", "Person"),
                mention(doc, "林知夏", "Person")]
    assert by_sentence_rule(reporters, doc, mentions) == {
        (f"Person/{name}", "holdsPost", "Organisation/晨光日报", "记者", None)
        for name in ("周望舒", "林知夏")}
