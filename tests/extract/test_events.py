"""Events named by their occasion (extract/events.py): the event that celebrates a quoted
day, an activity named after its year."""
import pytest

from extraction import entities


def programmes(text: str) -> set[str]:
    return {name for kind, name in entities(text) if kind == "Programme"}


@pytest.mark.parametrize("text, name", [
    ("镇妇联和学校一起迎“六一”游园活动。", "迎六一游园活动"),
    ("市总工会举办庆祝“五一”国际劳动节暨职工联欢会。", "庆祝五一国际劳动节暨职工联欢会"),
    ("州妇联举行了纪念“三八”国际妇女节 110周年妇女座谈会。", "纪念三八国际妇女节110周年妇女座谈会"),
    # a place right before the verb is part of the name
    ("4月29日，株洲市庆祝“五一”国际劳动节职工联欢会召开。", "株洲市庆祝五一国际劳动节职工联欢会"),
])
def test_the_event_that_celebrates_a_quoted_day_is_a_programme(text, name):
    assert name in programmes(text)


def test_a_celebrated_day_with_no_event_word_is_no_programme():
    assert programmes("在“三八”国际妇女节到来之际,县妇联走访了贫困母亲。") == set()


@pytest.mark.parametrize("text, name", [
    ("1月20日，县侨联举行2024年青禾县归侨迎春活动。", "青禾县归侨迎春活动"),
    ("2023年醴陵市敬老月系列活动在市文化馆开幕。", "醴陵市敬老月系列活动"),
])
def test_an_activity_named_after_its_year_is_a_programme(text, name):
    assert name in programmes(text)


@pytest.mark.parametrize("text", [
    "2024年县妇联开展了多项活动。",          # a body opens the clause
    "2016年9月26日至10月2日政府主要活动。",  # a date, not a year
])
def test_a_year_before_a_clause_or_a_date_names_no_activity(text):
    assert not [n for n in programmes(text) if n.endswith("活动")]
