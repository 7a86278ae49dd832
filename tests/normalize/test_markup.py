"""Line endings and HTML left in text (normalize/markup.py)."""
from __future__ import annotations

import pytest

from kg.normalize import normalize_newlines, normalize_text, strip_html


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
