"""Where a name stands in news text (extract/name_context.py): towns listed like names, the
recipient opening a clause before a verb of receiving, reporters after a byline's first."""
from kg.extract.lexicon import compiled_rules
from kg.extract.name_context import (in_list_of_places, name_word_ends, recipients_opening,
                                     spaced_reporters)
from kg.extract.sentence import Candidate

from extraction import sentence_of

SURNAMES = compiled_rules()[3]


def test_a_town_in_a_list_of_towns_is_no_name():
    assert in_list_of_places("李家镇、高坪镇、东湖街道参加。", 0, 3)
    assert not in_list_of_places("李家镇参加。", 0, 3)  # no list: it may be a name


def test_the_recipient_opens_the_clause_only_where_the_sentence_names_an_honour():
    text = "周若兰获得全国三八红旗手称号。"
    sent = sentence_of(text)
    honour = Candidate(text.index("全国"), text.index("称号"), "Honour", "test", "全国三八红旗手",
                       "honour")
    assert [c.key for c in recipients_opening(sent, SURNAMES, [honour])] == ["周若兰"]
    assert recipients_opening(sent, SURNAMES, []) == []


def test_the_reporters_after_the_first_separated_by_blanks():
    text = "（记者 周明远 唐雨桐）"
    found = spaced_reporters(sentence_of(text), text.index("远") + 1, SURNAMES, "test",
                             frozenset(("strong",)))
    assert [(c.key, c.traits) for c in found] == [("唐雨桐", frozenset(("strong",)))]


def test_a_name_that_is_a_frequent_word_ends_before_a_verb_of_speech():
    text = "主席周若兰说。"
    sent = sentence_of(text)
    assert name_word_ends(sent, text.index("说")) and not name_word_ends(sent, text.index("兰"))
