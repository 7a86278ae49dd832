"""The overlap policy (extract/overlaps.py) on candidates made by hand."""
from kg.extract import settle_overlaps
from kg.extract.sentence import Candidate


def candidate(start: int, end: int, kind: str, family: str, key: str = "") -> Candidate:
    return Candidate(start, end, kind, "test", key, family)


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
