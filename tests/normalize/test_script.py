"""Unicode folding, pinyin glosses and traditional script (normalize/script.py), on the damage
found in the seed texts."""
from __future__ import annotations

import re

import pytest

from conftest import seed_file, seed_text
from kg.normalize import normalize_unicode, read_document, strip_pinyin_glosses, to_simplified


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
