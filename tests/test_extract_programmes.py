"""Programme names: what a name is not (a determiner's meeting, a numbered sitting), central
plenary sessions by their official name, a series of N parts named by the programme."""
import pytest

from test_extract import entities


def programmes(text: str) -> set[str]:
    return {name for kind, name in entities(text) if kind == "Programme"}


@pytest.mark.parametrize("text, name", [
    ("会议传达了党的十九届五中全会精神。", "中国共产党第十九届中央委员会第五次全体会议"),
    ("各地认真学习二十届三中全会精神。", "中国共产党第二十届中央委员会第三次全体会议"),
    ("全面推进巾帼绿色家园三大行动。", "巾帼绿色家园"),
])
def test_official_and_series_names(text, name):
    assert name in programmes(text)


@pytest.mark.parametrize("text", [
    "本次执委会议审议通过了工作报告。",
    "区人大常委会举行第八次会议。",
])
def test_no_programme_without_a_name(text):
    assert programmes(text) == set()


@pytest.mark.parametrize("text, name", [
    ("市妇联启动最美家庭家风家训巡讲。", "最美家庭家风家训巡讲"),
    ("县妇联建成巾帼手工扶贫车间。", "巾帼手工扶贫车间"),
    ("省妇联举办2024年三八红旗手颁奖典礼。", "三八红旗手颁奖典礼"),
    ("依托巾帼电商实训基地开展培训。", "巾帼电商实训基地"),
])
def test_events_and_bases_named_by_their_kind(text, name):
    assert name in programmes(text)
