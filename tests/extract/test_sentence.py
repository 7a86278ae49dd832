"""A document's sentences and the signals every family reads (extract/sentence.py)."""
import re

from kg.extract.sentence import crosses_word, document_sentences
from kg.normalize import make_document

from extraction import sentence_of


def test_sentences_carry_their_own_hits_and_share_the_document_state():
    document = make_document("嘉禾县妇联召开会议；周若兰主持。她说：要抓落实！".encode(), "t.txt")
    sentences = document_sentences(document)
    first = next(sentences)
    assert document.text[first.start:first.end] == "嘉禾县妇联召开会议;"
    assert all(first.start <= s and e <= first.end for s, e, _ in first.hits)
    first.state["qualifier"] = "嘉禾县"
    second = next(sentences)  # after a semicolon the state goes on
    assert second.state == {"qualifier": "嘉禾县"}
    third = next(sentences)  # after a full stop it is cleared
    assert third.state == {}
    assert next(sentences, None) is None


def test_a_name_may_start_only_after_a_break():
    sentence = sentence_of("区妇联副主席周若兰出席活动。")
    assert sentence.is_name(6, 9) and not sentence.is_name(9, 14)
    assert sentence.limit(9) <= 6
    assert sentence.ends_word(9) and not sentence.ends_word(7)


def test_a_common_word_across_an_edge():
    assert crosses_word("党和政府", 1, 3)       # 政府 runs across the end of 和政
    assert not crosses_word("在嘉禾县开会", 1, 4)


def test_a_pattern_is_tried_only_on_sentences_holding_a_character_it_needs():
    document = make_document("青禾县召开第五次妇代会；会后座谈。柳溪镇妇联十二大闭幕。".encode(),
                             "t.txt")
    patterns = [re.compile(r"(?:第?[一二三四五六七八九十]{1,3}次)?[妇工]代会"),
                re.compile(r"[妇工][联会][一二三四五六七八九十]{1,3}大"),
                re.compile(r"[\u4e00-\u9fff]{2}(?=。)")]  # (needs no character named one by one)
    for sentence in document_sentences(document):
        for pattern in patterns:  # the same matches as the pattern over the sentence
            expected = [m.span() for m in pattern.finditer(sentence.text, sentence.start,
                                                           sentence.end)]
            assert [m.span() for m in sentence.finditer(pattern)] == expected
    first, second, third = document_sentences(document)
    assert [m.group() for m in first.finditer(patterns[0])] == ["第五次妇代会"]
    assert list(second.finditer(patterns[0])) == []  # (会 but no 代)
    assert [m.group() for m in third.finditer(patterns[1])] == ["妇联十二大"]
