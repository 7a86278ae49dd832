"""The overlap policy (extract/overlaps.py) on candidates made by hand."""
from dataclasses import replace

from kg.extract import settle_overlaps
from kg.extract.sentence import ANCHOR_ONLY, CLOSED, STRONG, TAGGED, Candidate


def candidate(start: int, end: int, kind: str, family: str, key: str = "",
              rule_id: str = "test", traits: frozenset = frozenset()) -> Candidate:
    return Candidate(start, end, kind, rule_id, key, family, traits=traits)


def test_of_two_crossing_candidates_the_stronger_family_wins():
    body = candidate(0, 6, "Organisation", "org")
    programme = candidate(4, 12, "Programme", "programme")
    assert settle_overlaps([programme, body]) == [body]


def test_of_two_crossing_candidates_of_one_family_the_longer_then_the_earlier_wins():
    short = candidate(0, 4, "Programme", "programme")
    long = candidate(2, 9, "Programme", "programme")
    assert settle_overlaps([short, long]) == [long]
    first, second = candidate(0, 4, "Honour", "honour"), candidate(2, 6, "Honour", "honour")
    assert settle_overlaps([second, first]) == [first]


def test_nested_candidates_of_other_types_are_all_kept():
    place, body = candidate(0, 3, "Place", "place", "嘉禾县"), candidate(0, 5, "Organisation", "org")
    assert settle_overlaps([body, place]) == [place, body]


def test_of_two_names_of_one_type_ending_together_the_longer_wins():
    outer = candidate(0, 10, "Programme", "programme")
    inner = candidate(4, 10, "Programme", "programme")
    assert settle_overlaps([inner, outer]) == [outer]


def test_a_person_overlapping_a_body_or_an_ordinary_word_is_dropped():
    body = candidate(0, 5, "Organisation", "org")
    across = candidate(3, 6, "Person", "person", "周若兰")
    word = candidate(8, 10, "Person", "person", "工作")
    name = candidate(12, 15, "Person", "person", "唐雨桐")
    assert settle_overlaps([body, across, word, name]) == [body, name]


def test_of_one_span_the_first_rule_of_the_strongest_family_wins_whatever_its_id():
    for first_id, second_id in (("a", "z"), ("z", "a")):
        first = candidate(0, 4, "Programme", "programme", "甲计划", first_id)
        second = candidate(0, 4, "Programme", "programme", "乙计划", second_id)
        assert settle_overlaps([first, second]) == [first]
    weaker = candidate(0, 4, "Organisation", "org", "甲会", "a")
    stronger = candidate(0, 4, "Organisation", "pattern", "乙会", "z")
    assert settle_overlaps([weaker, stronger]) == [stronger]


def test_a_name_with_two_surnames_needs_a_strong_context_and_a_word_start_the_tagger():
    # 张王秀兰: a surname and a second one; 周长林 opens with the word 周长
    for key, trait in (("张王秀兰", STRONG), ("周长林", TAGGED)):
        assert settle_overlaps([candidate(0, len(key), "Person", "person", key)]) == []
        named = candidate(0, len(key), "Person", "person", key, traits=frozenset((trait,)))
        assert settle_overlaps([named]) == [named]


def test_a_closed_title_holds_no_name_of_its_type_inside():
    title = candidate(0, 10, "Programme", "quoted", "行动方案", traits=frozenset((CLOSED,)))
    inner = candidate(2, 6, "Programme", "quoted")
    assert settle_overlaps([title, inner]) == [title]
    open_title = replace(title, traits=frozenset())
    assert settle_overlaps([open_title, inner]) == [open_title, inner]


def test_a_name_read_after_a_post_is_the_name_where_a_place_was_read_inside_it():
    from extraction import entities
    found = entities("保安局副局长黄永兴出席仪式。黄永兴和两名官员随后会见记者。")
    assert ("Person", "黄永兴") in found
    assert not [name for kind, name in found if kind == "Place"]


def test_a_short_form_that_only_anchors_a_name_is_dropped():
    anchor = Candidate(0, 3, "Organisation", "r", "", "lexicon", traits=frozenset((ANCHOR_ONLY,)))
    body = Candidate(0, 8, "Organisation", "r", "", "org")
    assert settle_overlaps([anchor, body]) == [body]
