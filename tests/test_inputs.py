"""What ``kg build`` reads: folders recursively, any letter case, glob patterns, standard input
and HTML pages, with a count of what it passed over; and the everyday options around it."""
from __future__ import annotations

import json
import subprocess
import sys
import webbrowser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
from conftest import seed_file
from kg import pipeline
from kg.errors import InputError
from kg.normalize import html_main_text, looks_like_html, make_document

REPORT = ("2023年3月，浙江省妇联在杭州市召开全省妇联工作会议。省妇联主席陈晓华出席会议并讲话，"
          "要求各级妇联组织深入开展“美丽庭院”建设活动。\n")

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>工作动态 - 示例门户网</title>
<script>var banner = "今日头条滚动新闻";</script></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/about">关于我们</a></nav>
<div class="article"><h1>全省妇联工作会议召开</h1>
<p>{REPORT.strip()}</p>
<p>会议还表彰了一批先进集体和个人，部署了下一阶段家庭教育和妇女儿童权益保障工作。</p></div>
<footer>版权所有 示例门户网 网站地图 联系我们</footer></body></html>
"""


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_folders_are_read_recursively_in_any_case_with_a_count_of_what_was_passed_over(
        run_kg, tmp_path):
    corpus = tmp_path / "reports"
    _write(corpus / "2022" / "annual.TXT", seed_file("000").read_bytes())
    _write(corpus / "2023" / "work" / "meeting.txt", REPORT)
    _write(corpus / "2023" / "page.htm", PAGE)
    _write(corpus / "scan.pdf", b"%PDF-1.4")
    _write(corpus / "notes.md", "# notes")
    _write(corpus / ".drafts" / "draft.txt", REPORT)
    run = run_kg("build", corpus, "-o", corpus / "out")
    assert run.status == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "documents read: 3"
    assert lines[1] == ("files skipped: 3: 1 hidden (.drafts); "
                        "2 not .txt, .html or .htm (notes.md, scan.pdf)")
    # the second run does not read the first run's output folder (kg.html) inside the corpus
    again = run_kg("build", corpus, "-o", corpus / "out")
    assert again.status == 0, again.err
    assert again.out.splitlines()[1].startswith("files skipped: 4: 1 hidden (.drafts); ")
    assert "1 the output folder (out)" in again.out


def test_folder_order_does_not_depend_on_the_file_system(tmp_path):
    for name in ("b/x.txt", "a/y.txt", "c.txt", "a/z/w.txt"):
        _write(tmp_path / name, REPORT)
    files = pipeline.collect_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "c.txt", "a/z/w.txt", "b/x.txt", "a/y.txt"]    # sorted by file name, then path


def test_glob_patterns_are_expanded_recursively(run_kg, tmp_path):
    _write(tmp_path / "2022" / "a.txt", REPORT)
    _write(tmp_path / "2023" / "deep" / "b.txt", REPORT.replace("浙江", "江苏"))
    _write(tmp_path / "2023" / "c.md", REPORT)
    files = pipeline.collect_paths([str(tmp_path / "**" / "*.txt")])
    assert [p.name for p in files] == ["a.txt", "b.txt"]
    run = run_kg("build", tmp_path / "2022" / "*.txt", "-o", tmp_path / "out")
    assert run.status == 0 and run.out.startswith("documents read: 1\n")


def test_standard_input_is_one_document_named_stdin(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-o", tmp_path / "out"],
                          input=REPORT.encode("gb18030"), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    turtle = (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
    assert "陈晓华" in turtle and '"stdin"' in turtle


def test_an_html_page_gives_its_main_text_without_boilerplate():
    text = html_main_text(PAGE)
    assert "陈晓华出席会议并讲话" in text and "部署了下一阶段家庭教育" in text
    for boilerplate in ("首页", "新闻中心", "版权所有", "今日头条滚动新闻", "<p>"):
        assert boilerplate not in text


#: A short notice as many local sites publish it: lines apart by <br>, a table of names, links
#: inside sentences, and around it a menu, a list of other news and a footer.
NOTICE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head>
<body><div class="menu"><a href="/">首页</a><a href="/gk">概况</a><a href="/xw">新闻</a></div>
<div class="main"><h2>县妇联评选表彰一批最美家庭</h2><div class="text">
经<a href="/x">县妇联</a>推荐评审，决定授予下列家庭“最美家庭”称号。<br>
<table><tr><td>吴某某家庭</td><td>城关镇</td></tr><tr><td>郑某某家庭</td><td>河口乡</td></tr></table>
望受表彰家庭<b>珍惜</b>荣誉。</div></div>
<div class="side"><ul><li><a href="/1">某镇开展植树活动</a></li><li><a href="/2">某村召开议事会</a></li>
<li><a href="/3">某社区举办读书会</a></li></ul></div>
<div class="foot">版权所有 某县人民政府 备案号 某ICP备0000号</div></body></html>"""


def test_a_short_notice_keeps_its_heading_lines_and_table_rows_without_the_page_around_it():
    assert html_main_text(NOTICE).splitlines() == [
        "县妇联评选表彰一批最美家庭",
        "经县妇联推荐评审，决定授予下列家庭“最美家庭”称号。",   # no space around the link
        "吴某某家庭 城关镇",
        "郑某某家庭 河口乡",
        "望受表彰家庭珍惜荣誉。"]


def test_lines_apart_by_br_keep_their_inline_words_and_text_after_a_block():
    page = ("<html><body><div>第一行通知内容<br>第二行<font>强调</font>的内容<br>"
            "<p>单独的一个段落</p>段落后面的<span>文字</span>也在</div></body></html>")
    assert html_main_text(page).splitlines() == [
        "第一行通知内容", "第二行强调的内容", "单独的一个段落", "段落后面的文字也在"]


@pytest.mark.parametrize("page", ["<!-- saved -->", "<html></html>", "<html><body></body></html>",
                                  "<frameset><frame src=a></frameset>",
                                  "<script>document.write('正文')</script>"])
def test_pages_without_text_are_input_errors(page):
    with pytest.raises(InputError, match="HTML page without main text"):
        html_main_text(page, "page.html")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<br>", "<table><tr><td>",
                                 "</td></tr></table>", "<b>", "</b>", "<!--", "-->", "&amp;",
                                 "妇联召开会议", "，", "。", " ", "\n", "<script>", "</script>"]))
       .map("".join))
def test_any_page_gives_lines_of_text_or_an_input_error(page):
    try:
        text = html_main_text(f"<html><body>{page}</body></html>")
    except InputError:
        return
    assert text and all(line.strip() == line and line for line in text.splitlines())


def test_html_evidence_offsets_point_into_the_extracted_text():
    document = make_document(PAGE.encode("utf-8"), "meeting.html")
    assert document.text_original == html_main_text(PAGE)
    page = pipeline.StandardInput(PAGE.encode("utf-8"), "meeting")
    graph = pipeline.merge([pipeline.process_document(page)])
    chair = [f for f in graph.facts if f.predicate == "holdsPost"]
    assert chair, "the chair's post is read from the page"
    for evidence in chair[0].evidence:
        assert document.text_original[evidence.start:evidence.end] == evidence.sentence


def test_html_is_recognised_on_standard_input_by_its_opening():
    assert looks_like_html(b"\xef\xbb\xbf  <!doctype html><html>")
    assert looks_like_html(b"<!-- saved page --><HTML lang=zh>")
    assert not looks_like_html(REPORT.encode("utf-8"))


def test_a_page_without_main_text_is_skipped_with_a_reason(run_kg, tmp_path):
    empty = _write(tmp_path / "shell.html", "<html><head><title>加载中</title><script>"
                                            "render('正文');</script></head><body><div id=app>"
                                            "</div></body></html>")
    good = _write(tmp_path / "a.txt", REPORT)
    run = run_kg("build", empty, good, "-o", tmp_path / "out")
    assert run.status == 1
    assert (f"kg: warning: {empty}: HTML page without main text (only navigation or "
            "boilerplate) (skipped)") in run.err_lines


@pytest.mark.parametrize("output", [".", "old"], ids=["the input folder", "a folder in it"])
def test_what_an_earlier_build_wrote_into_the_input_folder_is_not_read(run_kg, tmp_path,
                                                                        output):
    texts = tmp_path / "texts"
    _write(texts / "a.txt", REPORT)
    first = run_kg("build", texts, "-o", texts / output, "--quiet")
    assert first.status == 0, first.err
    again = run_kg("build", texts, "-o", tmp_path / "out")
    assert again.status == 0, again.err     # kg.html read as a page: a skipped file, status 1
    assert "documents read: 1" in again.out
    assert "2 written by kg build (kg.html, kg.ttl)" in again.out
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == (texts / output / "kg.ttl").read_bytes()


def test_a_folder_tree_deeper_than_pythons_recursion_limit_is_read(run_kg, tmp_path):
    levels = [tmp_path / "texts"]
    for _ in range(sys.getrecursionlimit() + 100):
        levels.append(levels[-1] / "a")
        levels[-2].mkdir()
    levels[-1].mkdir()
    report = _write(levels[-1] / "report.txt", REPORT)
    try:
        run = run_kg("build", levels[0], "-o", tmp_path / "out", "--quiet")
        assert run.status == 0, run.err
        assert "浙江省妇女联合会" in (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
    finally:    # shutil.rmtree recurses too
        report.unlink()
        for level in reversed(levels):
            level.rmdir()


def test_version_is_the_installed_packages(capsys):
    with pytest.raises(SystemExit) as stop:
        kg.cli.main(["--version"])
    assert stop.value.code == 0
    from importlib.metadata import version
    assert capsys.readouterr().out == f"kg {version('kg')}\n"


def test_jobs_auto_uses_the_available_cores_and_no_html_writes_turtle_only(run_kg, tmp_path):
    _write(tmp_path / "a.txt", REPORT)
    _write(tmp_path / "b.txt", REPORT.replace("浙江", "江苏").replace("杭州", "南京"))
    run = run_kg("build", tmp_path / "a.txt", tmp_path / "b.txt", "--jobs", "auto",
                 "--no-html", "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".kg-cache", ".kg.ttl.set",
                                                                  "kg.ttl"]
    assert f"wrote {tmp_path / 'out' / 'kg.html'}" not in run.out
    with pytest.raises(SystemExit) as stop:
        run_kg("build", "--jobs", "many")
    assert stop.value.code == 2


def test_text_without_entities_says_so(run_kg, tmp_path):
    english = _write(tmp_path / "english.txt", "The meeting was held on Monday and ended.\n")
    run = run_kg("build", english, "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert "no entities found (kg reads Chinese text)" in run.out.splitlines()
    assert "entities: \n" not in run.out and "relations: \n" not in run.out


def test_view_open_without_a_browser_is_a_clear_error(run_kg, tmp_path, monkeypatch):
    run_kg("build", _write(tmp_path / "a.txt", REPORT), "-o", tmp_path / "out")

    def no_browser(*args, **kwargs):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    run = run_kg("view", tmp_path / "out" / "kg.ttl", "-o", tmp_path / "page.html", "--open")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {tmp_path / 'page.html'}: no web browser found to "
                             "open it (set BROWSER, or open the file by hand)"]
    assert (tmp_path / "page.html").exists()


def test_eval_on_documents_none_of_which_has_gold_is_an_error(run_kg, tmp_path):
    _write(tmp_path / "docs" / "a.txt", REPORT)
    _write(tmp_path / "gold" / "other.json", json.dumps({"entities": [], "relations": []}))
    run = run_kg("eval", tmp_path / "docs", "--gold", tmp_path / "gold")
    assert run.status == 2
    assert run.err_lines[-1] == (f"kg: error: {tmp_path / 'gold'}: no gold file matches any of "
                                 "the 1 input documents (NAME.json is the gold of NAME.txt)")
    assert run.out == ""


def test_names_printed_by_build_and_eval_show_terminal_escape_codes_as_text(run_kg, tmp_path):
    _write(tmp_path / "docs" / "a.txt", REPORT)
    _write(tmp_path / "docs" / "scan\x1b[2J.pdf", b"%PDF-1.4")
    gold = {"entities": [{"type": "Person", "name": "某\x1b]0;t\x07人"}], "relations": []}
    _write(tmp_path / "gold" / "a.json", json.dumps(gold))
    build = run_kg("build", tmp_path / "docs", "-o", tmp_path / "out")
    assert "(scan\\x1b[2J.pdf)" in build.out.splitlines()[1]
    scored = run_kg("eval", tmp_path / "docs", "--gold", tmp_path / "gold", "--misses")
    assert "某\\x1b]0;t\\x07人" in scored.out
    assert "\x1b" not in build.out + scored.out


def test_validate_says_what_it_is_doing_before_the_long_wait(run_kg, tmp_path):
    run = run_kg("build", _write(tmp_path / "a.txt", REPORT), "--validate", "-o", tmp_path / "o")
    assert run.status == 0, run.err
    assert run.err_lines == ["kg: checking kg.ttl against the SHACL shapes (several times the "
                             "build's time on a large graph)…"]
    assert "SHACL: conforms" in run.out.splitlines()
    quiet = run_kg("build", tmp_path / "a.txt", "--validate", "--quiet", "-o", tmp_path / "o")
    assert quiet.status == 0 and quiet.err == "" and quiet.out == ""
