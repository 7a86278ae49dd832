"""Input files (normalize/files.py): their ids, their bytes, refused before reading when they are
not regular files, and HTML pages told by their opening."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.normalize.files import document_id, html_main_text, looks_like_html, read_bytes


def test_a_documents_id_is_its_file_name_without_the_extension():
    assert document_id(Path("reports/2024/县妇联工作总结.txt")) == "县妇联工作总结"
    # bytes of a name that are not UTF-8 are spelled out, so the id is text
    assert document_id(Path(os.fsdecode(b"report_\xb8\xbe.txt"))) == "report_\\xb8\\xbe"


def test_the_bytes_of_a_file_and_the_files_that_are_refused(tmp_path):
    (tmp_path / "a.txt").write_bytes("县妇联召开会议。".encode())
    assert read_bytes(tmp_path / "a.txt") == "县妇联召开会议。".encode()
    for path, reason in ((tmp_path / "missing.txt", "no such file"),
                         (tmp_path, "is a folder, not a file")):
        with pytest.raises(InputError, match=reason):
            read_bytes(path)


@pytest.mark.parametrize("data, page", [
    (b"<!DOCTYPE html><html><body>x</body></html>", True),
    (b"\xef\xbb\xbf  <!-- saved --> <HTML lang='zh'>", True),   # a BOM, blanks and a comment
    ("县妇联<p>召开会议</p>".encode(), False),                     # markup inside text
    (b"", False),
])
def test_a_page_is_told_by_its_opening(data, page):
    assert looks_like_html(data) is page


@pytest.mark.parametrize("control", ["\x1b[31m", "&#x1b;[31m", "&#27;[31m", "\ufffe", "&#xFFFF;",
                                     "\x08", "&#8;"])
def test_a_page_with_characters_xml_cannot_hold_gives_its_text(control):
    sentence = "全市妇联召开执委会议，部署今年的重点任务。"
    page = (f"<html><body><div>{control}开头的话<p>{sentence}{control}</p>"
            f"<p>{sentence}</p>{control}结尾<b>的话</b></div></body></html>")
    text = html_main_text(page, "controls.html")
    assert sentence + "[31m" * control.endswith("[31m") in text.splitlines()
    assert not any(c in text for c in "\x1b\x08\ufffe\uffff")


def test_a_form_feed_in_a_page_is_a_space():
    sentence = "全市妇联召开执委会议，部署今年的重点任务。"
    page = f"<html><body><p>{sentence}\x0c{sentence}&#12;{sentence}</p></body></html>"
    assert html_main_text(page, "feed.html") == f"{sentence} {sentence} {sentence}"
