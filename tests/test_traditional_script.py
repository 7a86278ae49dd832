"""Pages of Hong Kong, Macao, Taiwan and overseas Chinese media in traditional script: their
bodies, posts, honours and bylines, read as the simplified names the graph keeps."""
from pathlib import Path

import pytest

from extraction import entities
from kg import pipeline


def facts(tmp_path: Path, text: str) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, role or year) of the graph of a one-page text."""
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    graph = pipeline.build([tmp_path])
    names = {e.iri: e.name for e in graph.entities}
    return {(names[f.subject], f.predicate, names[f.object], f.role or f.year or "")
            for f in graph.facts}


@pytest.mark.parametrize("text, government, not_government", [
    # Taiwan's cities and counties have 市政府 and 縣政府, no people's governments
    ("花蓮縣政府昨日舉辦志工表揚大會。", "花莲县政府", "花莲县人民政府"),
    ("高雄市政府社會局辦理婦女講座。", "高雄市政府社会局", "高雄市人民政府社会局"),
    ("香港特區政府今日公布新措施。", "香港特别行政区政府", "香港特别行政区人民政府"),
    # a mainland city's short form is its people's government
    ("嘉興市政府召開會議。", "嘉兴市人民政府", "嘉兴市政府"),
])
def test_governments_beyond_the_mainland_are_no_people_s_governments(
        text, government, not_government):
    found = entities(text)
    assert ("Organisation", government) in found
    assert ("Organisation", not_government) not in found


@pytest.mark.parametrize("text, body", [
    ("新界婦女聯會舉辦親子旅行。", "新界妇女联会"),
    ("澳門江門婦女聯誼總會慶祝成立十週年。", "澳门江门妇女联谊总会"),
    ("南非華人婦女聯合總會舉行新春聯歡。", "南非华人妇女联合总会"),
    # the federation's short form is the general federation written in full
    ("澳門婦聯總會舉行會員大會。", "澳门妇女联合总会"),
    # a representative office named with 駐 and where it is stationed
    ("駐溫哥華台北經濟文化辦事處處長出席茶會。", "驻温哥华台北经济文化办事处"),
    ("駐新加坡代表處僑務組派員出席。", "驻新加坡代表处"),
])
def test_associations_and_offices(text, body):
    assert ("Organisation", body) in entities(text)


def test_a_secretary_of_a_hong_kong_department_holds_the_post_there(tmp_path):
    found = facts(tmp_path, "財政司司長方志明及副司長葉美琪今日會見商會代表。")
    assert ("方志明", "holdsPost", "香港特别行政区政府财政司", "司长") in found
    assert ("叶美琪", "holdsPost", "香港特别行政区政府财政司", "副司长") in found


def test_officers_of_an_association_by_their_titles(tmp_path):
    found = facts(tmp_path, "屯門婦女聯會就職典禮上，創會會長甘麗珠、監事長關淑儀、"
                            "代理事長湯碧霞與會員合照。")
    body = "屯门妇女联会"
    assert {("甘丽珠", "holdsPost", body, "创会会长"), ("关淑仪", "holdsPost", body, "监事长"),
            ("汤碧霞", "holdsPost", body, "代理事长")} <= found


@pytest.mark.parametrize("text, honours", [
    ("退休校長梁志堅獲頒銅紫荊星章。", {"铜紫荆星章"}),
    ("區議員馬家樂獲頒榮譽勳章，並獲委任為太平紳士。", {"荣誉勋章", "太平绅士"}),
    ("澳門商人何文軒獲頒金蓮花榮譽勳章。", {"金莲花荣誉勋章"}),
    ("鄉公所推薦的林阿嬌榮獲模範母親。", {"模范母亲"}),
])
def test_honours_of_hong_kong_macao_and_taiwan(text, honours):
    found = {name for kind, name in entities(text) if kind == "Honour"}
    assert honours <= found
    assert not any(name.startswith(("颁", "委任")) for name in found)


def test_a_medal_received_is_awarded_to_its_recipient(tmp_path):
    found = facts(tmp_path, "今年七月，鍾美玲獲頒銅紫荊星章。")
    assert ("钟美玲", "awarded", "铜紫荆星章", "") in found


def test_a_byline_ending_in_baodao_written_the_taiwanese_way(tmp_path):
    # 報導 becomes 报导 in simplified script, not 报道
    assert ("Person", "王明") in entities("本報記者王明報導：協會昨日成立。")


def test_the_association_a_page_calls_gai_hui_is_the_one_it_names_most(tmp_path):
    found = facts(tmp_path, "荃灣婦女聯會周年晚宴昨晚舉行。晚宴由荃灣婦女聯會主辦，"
                            "民政處處長與該會會長簡玉蓮、主席鄧美華一同祝酒。")
    assert ("简玉莲", "holdsPost", "荃湾妇女联会", "会长") in found
    assert ("邓美华", "holdsPost", "荃湾妇女联会", "主席") in found
    # its name opens with a place's short form that is no place of this page: no seat there
    assert not any(p == "locatedIn" and s == "荃湾妇女联会" and o != "荃湾区"
                   for s, p, o, _ in found)


@pytest.mark.parametrize("text, body, seat", [
    # an association of natives of one place living in another sits where they live
    ("澳門江門婦女聯誼總會舉行就職典禮。", "澳门江门妇女联谊总会", "澳门特别行政区"),
    ("澳洲廣東同鄉總會舉行春節聯歡。", "澳洲广东同乡总会", "澳大利亚联邦"),
    # an office abroad sits at its station, not in the city it is named after
    ("駐溫哥華台北經濟文化辦事處舉辦新春茶會。", "驻温哥华台北经济文化办事处", "温哥华"),
])
def test_where_associations_and_offices_abroad_sit(tmp_path, text, body, seat):
    found = {(s, o) for s, p, o, _ in facts(tmp_path, text) if p == "locatedIn"}
    assert found == {(body, seat)}


@pytest.mark.parametrize("text, country", [
    ("僑胞從紐西蘭返台參加國慶。", "新西兰"),
    ("協會組團前往肯亞訪問。", "肯尼亚共和国"),
    ("旅居寮國的華僑捐款助學。", "老挝人民民主共和国"),
])
def test_countries_as_hong_kong_and_taiwan_write_them(text, country):
    assert ("Place", country) in entities(text)


def test_a_name_written_with_a_variant_character_is_one_person(tmp_path):
    # Hong Kong writes 衞 where Taiwan writes 衛: both are 卫 in simplified script
    (tmp_path / "hk.txt").write_text("保安局局長霍志衞出席典禮。", encoding="utf-8")
    (tmp_path / "tw.txt").write_text("保安局局長霍志衛出席典禮。", encoding="utf-8")
    people = [e.name for e in pipeline.build([tmp_path]).entities if e.type == "Person"]
    assert people == ["霍志卫"]
    assert ("Organisation", "食物及卫生局") in entities("食物及衞生局局長羅文生今日公布數字。")


@pytest.mark.parametrize("text, fact", [
    ("運輸及物流局副局長蔡嘉欣視察碼頭。", ("蔡嘉欣", "holdsPost", "运输及物流局", "副局长")),
    ("環境及生態局助理局長彭志明介紹計劃。", ("彭志明", "holdsPost", "环境及生态局", "助理局长")),
])
def test_a_bureau_named_bare_before_its_deputy_head(tmp_path, text, fact):
    assert fact in facts(tmp_path, text)


@pytest.mark.parametrize("text, body, not_body", [
    # the city a representative office is named after stays as written
    ("台北經濟文化辦事處協助僑胞辦理證件。", "台北经济文化办事处", "台北市经济文化办事处"),
    # a verb before 駐 opens no name
    ("出席者包括駐日代表處組長。", "驻日代表处", "包括驻日代表处"),
])
def test_names_of_representative_offices(text, body, not_body):
    found = entities(text)
    assert ("Organisation", body) in found
    assert ("Organisation", not_body) not in found


@pytest.mark.parametrize("text, year", [
    # Taiwan counts the years of the Republic of China (its year 1 is 1912)
    ("陳秀蓮榮獲民國112年模範母親。", "2023"),
    ("陳秀蓮榮獲113年度模範母親。", "2024"),
    ("陳秀蓮榮獲2022年度模範母親。", "2022"),
])
def test_the_year_of_an_honour_in_taiwan_s_calendar(tmp_path, text, year):
    assert ("陈秀莲", "awarded", "模范母亲", year) in facts(tmp_path, text)


def test_married_women_s_names_with_two_surnames_in_a_list():
    # Hong Kong and Taiwan: the husband's surname, then her own, then her given name
    found = entities("本年度模範母親為:盧郭麗珠、吳陳秀鳳、馮月娥。")
    assert {("Person", "卢郭丽珠"), ("Person", "吴陈秀凤"), ("Person", "冯月娥")} <= found
    # a list's separator is no part of the name that follows it
    assert not any(name.startswith("、") for _, name in found)


def test_the_master_of_ceremonies_is_a_role_not_a_name():
    found = entities("成立大會由鄺家明擔任司儀，僑社代表到場祝賀。")
    assert ("Person", "邝家明") in found
    assert ("Person", "司仪") not in found


def test_a_venue_after_jia_is_no_part_of_the_body_before_it():
    # 假 (held at) and 昨 (yesterday) as Hong Kong and Macao news write them
    found = entities("澳門婦聯總會昨假某酒店宴會廳舉行春茗。")
    assert [name for kind, name in found if kind == "Organisation"] == ["澳门妇女联合总会"]
