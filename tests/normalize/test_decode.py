"""Bytes to text (normalize/decode.py): mixed encodings, corrupt bytes, NUL characters."""
from __future__ import annotations

from kg import normalize
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
