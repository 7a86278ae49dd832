"""What several relation rules read in a sentence (relate/phrases.py): lists of mentions, spans
inside others, trigger words."""
from kg.relate.phrases import first_group, is_inside, last_group, triggers

from .relating import document_of, mention


def test_a_list_of_mentions_joined_by_commas_and_conjunctions():
    doc = document_of("青禾县妇联、晨光公司和青禾中学共同举办活动，晨光日报报道。")
    bodies = [mention(doc, name, "Organisation")
              for name in ("青禾县妇联", "晨光公司", "青禾中学", "晨光日报")]
    names = ["青禾县妇联", "晨光公司", "青禾中学"]
    assert [m.surface for m in first_group(doc.text, bodies)] == names
    assert [m.surface for m in last_group(doc.text, bodies[:3])] == names
    assert [m.surface for m in last_group(doc.text, bodies)] == ["晨光日报"]


def test_a_place_inside_a_bodys_name():
    doc = document_of("青禾县妇联召开会议。")
    body = mention(doc, "青禾县妇联", "Organisation")
    assert is_inside(mention(doc, "青禾县", "Place"), body)
    assert not is_inside(body, mention(doc, "青禾县", "Place"))


def test_the_trigger_words_of_runs_and_awarded():
    assert triggers()["runs"].search("共同举办活动") and triggers()["awarded"].search("荣获称号")
    assert triggers()["runs"].search("出席会议") is None
