"""Lists under an honour heading (extract/lists.py): the holders they name."""
from kg.extract.lists import honour_lists, list_heading_end, list_headings

from extraction import entities


def test_holders_listed_under_a_heading_are_people_and_units():
    found = entities("附件:\n2024年度巾帼文明岗名单\n长沙市第四医院产科\n|\n岳阳市税务局\n"
                     "2024年度三八红旗手名单\n罗 娟 湘潭市某小学 教师\n欧阳春花 株洲市某厂 技术员\n")
    assert {("Organisation", "长沙市第四医院产科"), ("Organisation", "岳阳市税务局"),
            ("Person", "罗娟"), ("Person", "欧阳春花")} <= found


HEADED = "附件\n嘉禾县巾帼建功标兵名单\n周若兰 嘉禾县某某公司 经理\n唐雨桐 嘉禾县某某学校 教师\n"


def test_a_heading_ends_after_its_list_word():
    start = HEADED.index("嘉禾县巾帼")
    end = start + len("嘉禾县巾帼建功标兵")
    assert HEADED[list_heading_end(HEADED, start, end) - 2:][:2] == "名单"
    # a line that refers to an annex heads no list
    assert list_heading_end("附件:1.嘉禾县巾帼建功标兵名单\n", 5, 14) is None


def test_holders_are_the_first_items_of_the_lines_below_a_heading():
    start = HEADED.index("嘉禾县巾帼")
    heading = (start, start + len("嘉禾县巾帼建功标兵"))
    def three_characters(a: int, b: int) -> str | None:
        return "Person" if b - a == 3 else None

    headings = list_headings(HEADED, [heading])
    assert headings == {heading: list_heading_end(HEADED, *heading)}
    [(honour, items)] = honour_lists(HEADED, [heading], headings, three_characters)
    assert honour == heading
    assert [HEADED[a:b] for a, b in items] == ["周若兰", "唐雨桐"]
