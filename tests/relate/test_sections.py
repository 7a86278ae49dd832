"""Programmes under a 【section】 header (relate/sections.py) on mentions made by hand."""
from dataclasses import replace

from kg.model import Marks
from kg.relate.sections import programmes_under_headers

from .relating import by_document_rule, document_of, mention


def test_programmes_under_a_programme_header_are_its_parts_and_the_own_body_runs_it():
    doc = document_of("【春芽行动】\n市妇联举办护苗课堂。市妇联还走访了留守儿童家庭。\n"
                      "【其他工作】\n市妇联举办读书会。")
    mentions = [mention(doc, "春芽行动", "Programme"),
                mention(doc, "市妇联", "Organisation"),
                mention(doc, "护苗课堂", "Programme"),
                mention(doc, "市妇联", "Organisation", after="护苗课堂"),
                mention(doc, "读书会", "Programme")]
    assert by_document_rule(programmes_under_headers, doc, mentions) == {
        ("Programme/护苗课堂", "partOf", "Programme/春芽行动", None, None),
        ("Organisation/市妇联", "runs", "Programme/春芽行动", None, None)}
    # the rule reads the headers extract handed on: without them there are no sections
    assert by_document_rule(programmes_under_headers, replace(doc, marks=Marks()),
                            mentions) == set()
