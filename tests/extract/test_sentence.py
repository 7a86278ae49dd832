"""A document's sentences and the signals every family reads (extract/sentence.py)."""
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
