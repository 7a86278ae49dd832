"""The compiled rule tables (extract/lexicon.py): the automaton's hits less function words
inside names, level words, organisation suffixes, post and byline titles."""
from kg.extract.lexicon import (byline_titles, compiled_rules, ends_with_org_suffix, level_words,
                                post_titles, transliteration, uncovered)


def test_a_function_word_inside_a_longer_name_is_no_hit():
    text = "呼和浩特市妇女联合会"
    hits = list(compiled_rules()[0].find(text))
    found = [text[s:e] for s, e, _ in hits]
    kept = [text[s:e] for s, e, _ in uncovered(hits, text)]
    assert "和" in found and "联合" in found  # the automaton finds every form
    assert "和" not in kept and "联合" not in kept and "呼和浩特市" in kept and "妇女联合会" in kept


def test_level_words_of_one_use_longest_first():
    local = level_words("local")
    assert {"市", "县"} <= set(local)
    assert [len(word) for word in local] == sorted((len(word) for word in local), reverse=True)


def test_a_name_ending_in_a_body_suffix():
    assert ends_with_org_suffix("湖南省妇女联合会") and not ends_with_org_suffix("湖南省")


def test_post_and_byline_titles_and_the_characters_of_foreign_names():
    assert "主席" in post_titles() and "记者" in byline_titles() and "主席" not in byline_titles()
    assert "普" in transliteration() and "的" not in transliteration()
