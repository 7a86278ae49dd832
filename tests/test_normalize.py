"""The normalize stage, step by step, on the damage found in the seed texts."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_FILES, seed_file, seed_text
from kg import normalize
from kg.errors import InputError
from kg.normalize import (MAX_SENTENCE_CHARS, drop_boilerplate, drop_repeated_paragraphs,
                          join_broken_lines, make_document, normalize_newlines, normalize_text,
                          normalize_unicode, read_document, split_sentences, strip_html,
                          strip_pinyin_glosses, to_simplified)


# ------------------------------------------------------------------ pinyin glosses
@pytest.mark.parametrize("damaged, clean", [
    ("發(fā)揮“引聯(lián)”優(yōu)勢", "發揮“引聯”優勢"),            # seed 003, title
    ("自治區(qū)婦聯(lián)", "自治區婦聯"),                       # seed 004, everywhere
    ("鄉(xiāng)村振興", "鄉村振興"),
    ("創(chuàng)業(yè)就業(yè)", "創業就業"),
    ("婦聯(lián)聯(lián)合自治區", "婦聯聯合自治區"),            # gloss right before the same char
    ("自治區（qū）婦聯（lián）", "自治區婦聯"),                 # full-width brackets
    ("自治區( qū )", "自治區"),                                  # spaces inside
    ("內(nèi měng)古", "內古"),                                      # two syllables
    ("自治區(qu1)", "自治區"),                                    # tone digit
    ("我們(men)", "我們"),                                       # neutral tone, no mark
])
def test_pinyin_glosses_are_removed(damaged, clean):
    assert strip_pinyin_glosses(damaged)[0] == clean


@pytest.mark.parametrize("kept", [
    "2022年度(2023)卷",                                # years
    "全国妇联(以下简称妇联)",                            # defined short forms
    "培训。 (武艳丽)",                                   # author credits (seed 004)
    "内蒙古自治区最美(五好)家庭",                        # seed 001
    "三八红旗手(集体)",                                 # seed 002
    "(本版文图均由内蒙古自治区妇联提供)",
    "选项(a)和(ii)",                                    # list labels are not syllables
    "手机应用(app)",                                    # English, not pinyin
    "人工智能(AI)",
    "巾帼(Women)行动",
])
def test_real_parentheses_are_kept(kept):
    assert strip_pinyin_glosses(kept) == (kept, [])


@pytest.mark.parametrize("damaged, clean", [
    ("全國(guo)(guo)總工會", "全國總工會"),                     # a converter repeats its gloss
    ("協會(hui)(hui)(hui)(hui)章程", "協會章程"),
    ("聯(lián)(lián)誼", "聯誼"),                                # with tone marks
    ("縣(xiàn)（xiàn）委", "縣委"),                                 # mixed brackets
])
def test_repeated_glosses_are_removed_together(damaged, clean):
    assert strip_pinyin_glosses(damaged)[0] == clean


@pytest.mark.parametrize("kept", [
    "應用(app)(de)版本",          # a gloss-like word after a real parenthesis stays
    "三八红旗手(集体)(2023)",
    "表(一)(an)",
])
def test_only_glosses_after_a_character_or_a_gloss_go(kept):
    assert strip_pinyin_glosses(kept) == (kept, [])


def test_seed_with_glosses_has_none_left():
    for prefix in ("003", "004"):
        text = read_document(seed_file(prefix)).text
        assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", text), prefix
        assert "(武艳丽)" in text or prefix == "003"


# ------------------------------------------------------------------ Unicode
@pytest.mark.parametrize("damaged, clean", [
    ("⻄部", "西部"),                                  # radical form NFKC keeps
    ("⻓城⻔口", "长城门口"),
    ("⼈⺠", "人民"),                                  # Kangxi radical (NFKC) and supplement
    ("（２０２３）年", "(2023)年"),                     # full-width forms
    ("自治区\u3000妇联", "自治区 妇联"),                 # ideographic space
    ("妇\u200b联\u200d主\ufeff席", "妇联主席"),          # zero-width characters
    ("主席\u202e王芳\u202c", "主席王芳"),               # bidi overrides
    ("a\x00b\x07c", "a b c"),                          # control characters
    ("cafe\u0301", "café"),                             # combining accent composed
    ("㈱公司", "(株)公司"),                             # one character becomes three
    ("……", "......"),
    ("\u0b47\u0b3e", "\u0b4b"),                        # letters that compose without a mark
])
def test_unicode_is_folded(damaged, clean):
    assert normalize_unicode(damaged)[0] == clean


def test_clean_text_is_unchanged_and_cheap():
    text = seed_text("000")
    assert normalize_unicode(text) == (text, [])


@pytest.mark.parametrize("damaged, clean", [
    ("一\r\n二", "一\n二"), ("一\r二", "一\n二"), ("一\u2028二\u2029三", "一\n二\n三"),
])
def test_line_endings(damaged, clean):
    assert normalize_newlines(damaged)[0] == clean


# ------------------------------------------------------------------ markup
@pytest.mark.parametrize("scraped, clean", [
    ("妇联&nbsp;主席", "妇联\xa0主席"),
    ("&#21628;&#x548C;浩特", "呼和浩特"),
    ("王芳<br>主席<br/>", "王芳\n主席\n"),
    ("<p class=\"txt\">自治区妇联</p>", "\n自治区妇联\n"),
    ("<span style='x'>妇</span><strong>联</strong>", "妇联"),
    ("前<script>var a = '<p>';</script>后<STYLE>p {}</style>", "前后"),
])
def test_html_left_by_scrapers_is_removed(scraped, clean):
    assert strip_html(scraped)[0] == clean


@pytest.mark.parametrize("scraped, clean", [
    ("<fieldset class=\"f\"><menu></menu></fieldset>市科协", "\n\n\n\n市科协"),
    ("团市委<strike>旧称</strike>换届", "团市委旧称换届"),
    ("妇联<!-- 栏目 <p> 结束 -->主席", "妇联主席"),
    ("<!DOCTYPE html><nav>首页</nav>", "\n首页\n"),
    ("侨联<o:p></o:p>主席<small>(兼)</small>", "侨联主席(兼)"),
    ("<abbr title=\"x\">残联</abbr><s>删</s>", "残联删"),
])
def test_rarer_html_elements_are_removed_too(scraped, clean):
    assert strip_html(scraped)[0] == clean


@pytest.mark.parametrize("kept", ["3<5 且 5>3", "A&B公司", "&bogus;", "《条例》<附件>",
                                  "<sample>文件", "<ab>组"])
def test_text_that_only_looks_like_markup_is_kept(kept):
    assert strip_html(kept) == (kept, [])


def test_offsets_skip_markup():
    text, index = normalize_text("<b>妇联</b>&amp;主席")
    assert text == "妇联&主席"
    assert [index[i] for i in range(len(text))] == [3, 4, 9, 14, 15]


# ------------------------------------------------------------------ script
@pytest.mark.parametrize("traditional, simplified", [
    ("內蒙古自治區婦女聯合會", "内蒙古自治区妇女联合会"),
    ("習近平總書記", "习近平总书记"),
    ("興安盟人民醫院", "兴安盟人民医院"),
    ("三八紅旗手標兵", "三八红旗手标兵"),
])
def test_traditional_to_simplified(traditional, simplified):
    assert to_simplified(traditional)[0] == simplified


def test_simplified_seed_is_untouched_by_script_conversion():
    text = read_document(seed_file("000")).text
    assert to_simplified(text) == (text, [])


def test_traditional_seed_reads_simplified():
    text = read_document(seed_file("003")).text
    assert text.startswith("发挥“引联”优势 凝聚巾帼力量")
    assert "妇联" in text and "婦聯" not in text


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
    "来源:内蒙古日报",
    "(责编:王五、赵六)",
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


# ------------------------------------------------------------------ sentences
@pytest.mark.parametrize("text, sentences", [
    ("自治区妇联召开会议。会议强调团结!", ["自治区妇联召开会议。", "会议强调团结!"]),
    ("他说:“要团结。”随后散会。", ["他说:“要团结。”", "随后散会。"]),
    ("标题\n\n  正文第一句;正文第二句?", ["标题", "正文第一句;", "正文第二句?"]),
    ("以学习贯彻《条例》为依托,3.5万人参加", ["以学习贯彻《条例》为依托,3.5万人参加"]),
    ("\n\n。。。\n \n", ["。。。"]),
    ("", []),
])
def test_split_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_overlong_sentence_is_cut_at_commas():
    clause = "自治区妇联深入推进北疆巾帼铸魂工程,"
    text = clause * 200 + "完。"
    spans = split_sentences(text)
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(text[s:e].endswith(",") for s, e in spans[:-1])
    assert "".join(text[s:e] for s, e in spans) == text


def test_line_without_any_punctuation_is_cut_hard():
    text = "内蒙古自治区妇女联合会" * 1000
    spans = split_sentences(text)
    assert [e - s for s, e in spans[:-1]] == [MAX_SENTENCE_CHARS] * (len(spans) - 1)
    assert spans[-1][1] == len(text)


# ------------------------------------------------------------------ offset map
def _normalise_alone(original: str) -> str:
    """A piece of original text normalised without its document around it.

    Only ``join_broken_lines`` looks at the lines around a break, so breaks that it joined
    inside a sentence are joined here too.
    """
    return re.sub(r"\n\s*", "", normalize_text(original)[0]).strip()


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_sentence_maps_back_to_its_original_text(path):
    document = read_document(path)
    assert document.sentences
    for start, end in document.sentences:
        first, last = document.original_span(start, end)
        assert _normalise_alone(document.text_original[first:last]) == document.text[start:end]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_unchanged_characters_map_to_themselves(path):
    document = read_document(path)
    text, original, index = document.text, document.text_original, document.offset_map
    assert len(index) == len(text) + 1 and index[-1] == len(original)
    same = sum(text[i] == original[index[i]] for i in range(len(text)))
    assert same >= (0.6 if path.name.startswith(("003", "004")) else 0.99) * len(text)


def test_offsets_skip_removed_glosses():
    text, index = normalize_text("自治區(qū)婦聯(lián)主席")
    assert text == "自治区妇联主席"
    assert list(index) == [0, 1, 2, 7, 8, 15, 16, 17]


_HOSTILE = st.sampled_from(list("聯區(（)）qūlián自治\n\r\t ，。.a\u0301\u200b\u202e⻄㈱…ｶﾞ\u1100\u1161"
                                "\x00\x85\u2028\ufeff\ud800😀\u0b47\u0b3e")
                           + ["<br>", "<p>", "&amp;", "&#0;", "&#xd800;", "<script>", "</script>"])
_HOSTILE_TEXT = st.lists(_HOSTILE, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text() | _HOSTILE_TEXT | st.lists(_HOSTILE_TEXT, max_size=5).map("\n".join))
def test_any_text_normalises_with_a_monotonic_map_inside_the_original(text):
    clean, index = normalize_text(text)
    assert len(index) == len(clean) + 1
    assert index[-1] == len(text)
    assert all(0 <= i <= len(text) for i in index)
    assert all(a <= b for a, b in zip(index, index[1:]))
    for start, end in split_sentences(clean):
        assert 0 <= start < end <= len(clean)


# ------------------------------------------------------------------ documents
@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t\r\n\xe3\x80\x80\n", "no text"),
    ("。。。，，，!!!……“”《》\n---".encode(), "no text"),
    ("版权所有:某网站\n分享让更多人看到\n".encode(), "no text"),
])
def test_documents_without_text_are_refused(data, reason):
    with pytest.raises(InputError, match=reason) as caught:
        make_document(data, "page.txt")
    assert caught.value.path == "page.txt"


def test_document_records_its_source():
    document = read_document(seed_file("003"))
    assert document.id == seed_file("003").stem
    assert document.encoding == "utf-8"
    assert len(document.sha256) == 64


def test_a_gbk_line_pasted_into_utf8_text_is_decoded_and_reported(recwarn):
    report = "赤峰市妇联召开全市妇联主席会议，部署今年的重点工作。\n"
    pasted = "会上，市妇联主席作了工作报告并提出具体要求。\n"
    data = (report * 3).encode("utf-8") + pasted.encode("gbk") + report.encode("utf-8")
    text, encoding = normalize.decode_bytes(data, "mixed.txt")
    assert (text, encoding) == (report * 3 + pasted + report, "utf-8")
    assert [str(w.message) for w in recwarn] == [
        "mixed.txt: 1 line(s) in GB18030 among UTF-8 text, decoded as GB18030: line(s) 4"]


def test_one_bad_byte_in_a_short_file_is_repaired_not_refused(recwarn):
    text, encoding = normalize.decode_bytes("妇联会议".encode() + b"\xff", "short.txt")
    assert (text, encoding) == ("妇联会议\ufffd", "utf-8")
    assert [str(w.message) for w in recwarn] == [
        "short.txt: 1 corrupt utf-8 byte sequence(s) replaced by U+FFFD at byte offset(s) 12"]


def test_nul_bytes_past_the_binary_check_are_removed_and_reported(recwarn):
    text = "赤峰市妇联召开会议。" * 1000                 # 30 kB: beyond the 8 kB sniffed
    document = make_document(text.encode() + b"\0\0" + "会议结束。".encode(), "nul.txt")
    assert "\0" not in document.text_original and document.text_original.endswith("会议结束。")
    assert [str(w.message) for w in recwarn] == ["nul.txt: 2 NUL character(s) removed"]
