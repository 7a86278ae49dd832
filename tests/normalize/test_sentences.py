"""Sentences of the normalised text (normalize/sentences.py)."""
from __future__ import annotations

import pytest

from kg.normalize import MAX_SENTENCE_CHARS, split_sentences


# ------------------------------------------------------------------ sentences
@pytest.mark.parametrize("text, sentences", [
    ("自治区妇联召开会议。会议强调团结!", ["自治区妇联召开会议。", "会议强调团结!"]),
    ("他说:“要团结。”随后散会。", ["他说:“要团结。”", "随后散会。"]),
    ("标题\n\n  正文第一句;正文第二句?", ["标题", "正文第一句;", "正文第二句?"]),
    ("以学习贯彻《条例》为依托,3.5万人参加", ["以学习贯彻《条例》为依托,3.5万人参加"]),
    ("\n\n。。。\n \n", ["。。。"]),
    ("", []),
])
def test_split_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_overlong_sentence_is_cut_at_commas():
    clause = "自治区妇联深入推进北疆巾帼铸魂工程,"
    text = clause * 200 + "完。"
    spans = split_sentences(text)
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(text[s:e].endswith(",") for s, e in spans[:-1])
    assert "".join(text[s:e] for s, e in spans) == text


def test_line_without_any_punctuation_is_cut_hard():
    text = "内蒙古自治区妇女联合会" * 1000
    spans = split_sentences(text)
    assert [e - s for s, e in spans[:-1]] == [MAX_SENTENCE_CHARS] * (len(spans) - 1)
    assert spans[-1][1] == len(text)
