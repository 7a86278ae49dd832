"""Lines: a body repeated, boilerplate, words broken across lines (normalize/cleanup.py)."""
from __future__ import annotations

import pytest

from conftest import seed_file
from kg.normalize import (drop_boilerplate, drop_repeated_paragraphs, join_broken_lines,
                          normalize_unicode, read_document)


# ------------------------------------------------------------------ repeated body
def test_body_repeated_twice_is_read_once():
    document = read_document(seed_file("004"))
    for sentence in ("发挥出妇联组织桥梁纽带作用。", "(自治区妇联办公室 供图)", "【概况】",
                     "共计227人分别在线上线下参加了培训。"):
        assert document.text.count(sentence) == 1, sentence
    assert len(document.text) < 0.45 * len(document.text_original)


def test_repeated_short_lines_alone_are_kept():
    text = "工作动态\n自治区妇联召开全体干部大会部署下半年重点工作任务。\n工作动态\n另一条消息的正文内容也足够长了吧。"
    assert drop_repeated_paragraphs(text) == (text, [])


def test_repeat_run_takes_its_short_lines_along():
    body = "第一段正文内容足够长，超过二十个字符的段落。\n图1 说明\n第二段正文内容足够长，同样超过二十个字。"
    assert drop_repeated_paragraphs(body + "\n" + body)[0] == body + "\n"


# ------------------------------------------------------------------ boilerplate
@pytest.mark.parametrize("line", [
    "版权所有:中共内蒙古自治区委党史和地方志研究室",      # seed 004 footer
    "技术支持: 内蒙古传星科技有限公司",
    "分享让更多人看到",                                     # seed 003 footer
    "第一时间为您推送权威资讯",
    "关注人民网,传播正能量",
    "责任编辑:张三",
    "(责任编辑:李四)",
    "分享到:微信 微博",
    "Copyright © 2023 某某网 All Rights Reserved",
    "蒙ICP备05002783号",
    "(责编:王五、赵六)",
    "来源:北疆日报 | 作者:张三 | 责编:李四",              # a source line with editors' credits
    "原标题:自治区妇联召开全委会",
    "【打印】 【关闭】",
    "当前位置: 首页 > 工作动态 > 基层妇联",                # breadcrumbs name bodies and places
    "您现在的位置:首页 >> 新闻中心 >> 正文",
    "首页>侨联工作>侨界风采",
    "您所在的位置:首页 -> 群团动态",
])
def test_boilerplate_lines_give_no_text(line):
    text = f"自治区妇联召开会议。\n{line}\n"
    assert drop_boilerplate(text)[0] == "自治区妇联召开会议。\n"


@pytest.mark.parametrize("line", [
    "成人视频一区二区_国产精品在线_无码高清",
    "日韩AV免费观看|久久精品视频|av网址大全",
    "ＡＶ无码｜一区二区三区",                              # full-width, folded first
])
def test_keyword_spam_titles_give_no_text(line):
    text = f"{line}\n县总工会召开代表大会。\n"
    assert drop_boilerplate(normalize_unicode(text)[0])[0] == "县总工会召开代表大会。\n"


@pytest.mark.parametrize("line", [
    "产品远销欧美、日韩等国家和地区。",                     # place words alone are news
    "网站曝光一批黑料,警方介入调查。",                       # one spam word is not enough
])
def test_news_mentioning_one_spam_word_is_kept(line):
    assert drop_boilerplate(line) == (line, [])


@pytest.mark.parametrize("line", [
    "举办“书香飘万家 阅启新征程”读书分享会。",              # seed 000: 分享 inside prose
    "自治区妇联组织医疗队伍为妇女提供健康义诊。",
    "首页推荐的栏目由团市委维护。",                          # 首页 in prose
    "当前位置优越,交通便利。",
])
def test_prose_is_not_boilerplate(line):
    assert drop_boilerplate(line) == (line, [])


def test_seed_footers_are_gone():
    for prefix in ("003", "004"):
        text = read_document(seed_file(prefix)).text
        for word in ("版权所有", "技术支持", "人民网", "分享让", "推送权威"):
            assert word not in text, (prefix, word)


# ------------------------------------------------------------------ broken lines
@pytest.mark.parametrize("prefix, joined", [
    ("002", "时代风采成为时代主题"),
    ("000", "持续创建自治区级巾帼现代农业科技示范基地"),
    ("001", "法规政策不断完善。强化法治意识,健全完善妇女儿童地方政策法规体系"),   # short line
    ("001", "服务妇女儿童2700余万人次"),                                         # before a number
])
def test_word_broken_across_lines_is_joined(prefix, joined):
    assert joined in read_document(seed_file(prefix)).text


def test_numbers_on_both_sides_of_a_break_stay_apart():
    text = "自治区妇联全年共举办培训班。累计培训基层妇联干部3\n2023年工作要点"
    assert join_broken_lines(text) == (text, [])
    assert join_broken_lines(text.replace("\n2023", "\n二〇二三"))[0].endswith("3二〇二三年工作要点")


def test_headings_are_not_joined_to_the_next_paragraph():
    text = read_document(seed_file("001")).text
    assert "\n这十年,自治区党委重视、各界支持,妇女儿童发展环境日益优化\n" in text
    short = "北疆巾帼勇担当 务实创新谱新篇\n\n党的十八大以来,全区各级妇联认真学习"
    assert join_broken_lines(short) == (short, [])


def test_a_source_line_is_kept_for_the_outlet_it_names():
    # 来源:X names the outlet the page comes from, an organisation the extractor reads (a
    # line that also credits editors is dropped, above)
    text = "自治区妇联召开会议。\n来源:[北疆日报]\n"
    assert drop_boilerplate(text) == (text, [])
