"""Media (extract/media.py): titles in 《》 and the news outlets a byline names, each rule called
on one sentence with and without the candidates it reads."""
import pytest

from kg.extract import media
from kg.extract.sentence import CLOSED, Candidate

from extraction import entities, sentence_of


@pytest.mark.parametrize("text, kind", [
    ("她每天都读《江城晚报》。", "Organisation"),         # a newspaper
    ("节目在《城市频道》播出。", "Organisation"),         # a channel
    ("会上印发了《乡村振兴巾帼行动方案》。", "Programme"),  # a plan
    ("她读完了《远方的河》。", None),                     # a book: neither
    ("会议印发了《关于表扬先进集体的通报》。", None),      # ends in 报, but a document
    ("局里编印《工作简报》第三期。", None),
])
def test_a_title_is_named_by_its_last_word(text, kind):
    sent = sentence_of(text)
    found = media.book_titles(sent, [])
    assert [c.type for c in found] == ([kind] if kind else [])
    for c in found:
        assert text[c.start] == "《" and text[c.end - 1] == "》" and CLOSED in c.traits


def test_a_title_too_long_to_be_a_name_is_none():
    plan = "关于进一步做好基层妇女儿童工作的若干意见和具体实施细则及其配套管理办法的补充规划"
    assert len(media.book_titles(sentence_of(f"《{plan}》印发。"), [])) == 1
    longer = f"《{plan}和工作计划》印发。"
    assert media.book_titles(sentence_of(longer), []) == []


@pytest.mark.parametrize("text, outlet", [
    ("大桥通车了 来源:江城日报 ", "江城日报"),          # a source's label
    ("大桥通车了 来源:[江城日报]", "江城日报"),          # … with the outlet in brackets
    ("大桥通车了 来源:【江城新闻网】 2021-03-02", "江城新闻网"),
    ("江城网·掌上江城5月6日讯 大桥通车了。", "江城网"),      # its app and the date before 讯
    ("江城晚报消息（记者 周明）大桥通车了。", "江城晚报"),  # a wire before the reporter
    ("据江城晚报报道，大桥已经通车。", "江城晚报"),       # cited
    ("江城晚报记者 周明 摄", "江城晚报"),                # the reporter's outlet
])
def test_the_outlet_a_byline_names(text, outlet):
    found = media.byline_outlets(sentence_of(text), [])
    assert [(c.type, c.key) for c in found] == [("Organisation", outlet)]


def test_an_outlet_another_rule_found_is_not_found_again():
    text = "大桥通车了 来源:江城日报 "
    start = text.index("江城日报")
    known = Candidate(start, start + 4, "Organisation", "test", "江城日报", "org")
    assert media.byline_outlets(sentence_of(text), [known]) == []


def test_a_sentence_without_a_label_or_a_reporter_names_no_outlet():
    assert media.byline_outlets(sentence_of("江城日报发行量很大。"), []) == []


@pytest.mark.parametrize("text, outlet", [
    # an outlet opening a line, then 讯 and a date or the reporter in brackets
    ("江城网讯 3月2日上午,市长到开发区调研。", "江城网"),
    ("滨海晨报讯(记者 周明)昨天,新馆开放。", "滨海晨报"),
])
def test_an_outlet_opening_its_dispatch_with_xun(text, outlet):
    assert ("Organisation", outlet) in entities(text)


def test_xun_inside_a_sentence_names_no_outlet():
    assert not [n for t, n in entities("他在通讯网讯息中说,工作很忙。") if t == "Organisation"]
