"""Congresses named short (extract/congresses.py): 省十三次妇代会, 某市第十次侨代会, 省妇联十二大
and a bare 妇代会 read as the congress the page names, else named in full from the short form."""
import pytest

from extraction import names_of
from test_relate import facts_of, graph_of


def programmes(text: str) -> dict[str, set[str]]:
    return {key: forms for (kind, key), forms in names_of(text).items() if kind == "Programme"}


@pytest.mark.parametrize("text, congress, short", [
    ("江西省第十四次妇女代表大会在南昌开幕。省十四次妇代会的代表们分组讨论了报告。",
     "江西省第十四次妇女代表大会", "省十四次妇代会"),
    ("甘肃省妇女第九次代表大会昨天在兰州举行。与会代表表示，要把省妇联九大提出的任务落到实处。",
     "甘肃省妇女第九次代表大会", "省妇联九大"),
    ("宜昌市第八次归侨侨眷代表大会召开。侨代会期间，代表们参观了侨史馆。",
     "宜昌市第八次归侨侨眷代表大会", "侨代会"),
])
def test_a_short_form_is_the_congress_the_page_names_in_full(text, congress, short):
    assert short in programmes(text)[congress]


@pytest.mark.parametrize("text, congress", [
    ("柳州市第九次妇代会今天开幕，三百名代表出席。", "柳州市第九次妇女代表大会"),
    ("湖北省妇联主席出席了省十三次妇代会。湖北省各地妇女代表参加。", "湖北省第十三次妇女代表大会"),
    ("宁波市第七次残代会选举产生了新一届主席团。", "宁波市第七次残疾人代表大会"),
])
def test_a_short_form_the_page_names_nowhere_else_is_named_in_full(text, congress):
    assert congress in programmes(text)


@pytest.mark.parametrize("text", [
    "妇代会代表深入基层开展调研。",       # no number and no congress named
    "他考上了十三大学生村官。",
])
def test_no_congress_without_a_number_or_a_congress_named(text):
    assert programmes(text) == {}


def test_the_body_of_the_congress_runs_it_and_no_body_named_before(tmp_path):
    text = ("甘肃省妇女第九次代表大会在兰州落幕。甘肃省妇联负责人说，今后五年要在省委省政府领导下，"
            "完成省妇联九大部署的各项任务。")
    runs = facts_of(graph_of(tmp_path, text), "runs")
    assert ("甘肃省妇女联合会", "甘肃省妇女第九次代表大会") in runs
    assert not any(body.endswith("人民政府") for body, _ in runs)


def test_a_congress_written_in_full_with_a_level_word_is_the_city_s(tmp_path):
    text = "衢州市妇联发布消息。市第九次妇女代表大会隆重开幕，衢州市各界妇女代表出席。"
    runs = facts_of(graph_of(tmp_path, text), "runs")
    assert ("衢州市妇女联合会", "衢州市第九次妇女代表大会") in runs


@pytest.mark.parametrize("text", ["会议传达了全国妇女十三大的精神。", "代表们学习中国妇女十三大报告。"])
def test_the_national_women_s_congress_named_short(text):
    assert "中国妇女第十三次全国代表大会" in programmes(text)
