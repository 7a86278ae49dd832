"""Bytes to text (normalize/decode.py): mixed encodings, corrupt bytes, NUL characters."""
from __future__ import annotations

import pytest

from kg import normalize
from kg.errors import InputError
from kg.normalize import make_document


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


# Chinese text with no ASCII character: no NUL high bytes to tell UTF-16 by; 一 (U+4E00) and
# 不 (U+4E0D) give NUL low bytes on the other side, which made it look like a binary file.
CHINESE_ONLY = "全市妇联召开第一次执委会议。会议听取工作报告，部署今年不同领域的重点任务。"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [CHINESE_ONLY, CHINESE_ONLY.replace("一", "二").replace("不", "各")],
                         ids=["with NUL low bytes", "without NUL bytes"])
def test_utf16_without_a_mark_and_without_ascii_is_read(codec, text):
    assert normalize.decode_bytes(text.encode(codec), "report.txt") == (text, "utf-16")


@pytest.mark.parametrize("codec, text", [
    ("gbk", "全市妇联召开执委会议，听取工作报告，部署今年的重点任务。"),
    ("big5", "全市婦聯召開執委會議，聽取工作報告，部署今年的重點任務。"),
])
def test_legacy_text_of_even_length_is_not_taken_for_utf16(codec, text):
    data = text.encode(codec)
    assert len(data) % 2 == 0
    assert normalize.decode_bytes(data, "report.txt")[0] == text


def test_text_cut_between_two_encodings_on_one_line_is_refused_with_the_offset():
    report = "全市妇联召开执委会议，部署今年的重点任务。"
    data = report.encode("utf-8") + report.encode("gbk")
    refused = r"^half\.txt: not UTF-8, UTF-16, GB18030 or Big5 text \(undecodable byte at offset 6\d\)$"
    with pytest.raises(InputError, match=refused):
        normalize.decode_bytes(data, "half.txt")


def test_big5_as_windows_writes_it_is_read():
    # code page 950 adds the euro sign and the hyphenation point of Taiwan's pages to Big5
    text = "高雄市婦女會‧理事會捐款€500元。"
    document = make_document(text.encode("cp950"), "page.txt")
    assert document.encoding == "big5"
    assert document.text_original == text
    assert "高雄市妇女会" in document.text


def test_a_stray_byte_in_a_big5_page_is_replaced_and_reported(recwarn):
    data = bytearray("屏東縣婦女館舉辦親子講座，邀請縣民參加。".encode("big5"))
    data[9] = 0xFF  # the second byte of a character, damaged as a scraper might
    document = make_document(bytes(data), "page.txt")
    assert document.encoding == "big5"
    assert "\ufffd" in document.text_original and "屏东县" in document.text
    assert "byte offset" in str(recwarn.pop().message)
