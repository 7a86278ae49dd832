"""Command-line mistakes that used to lose data, bury the message or stop kg for nothing: an
output path that is an input file, standard input that cannot be read, rule tables saved by
an editor with a byte-order mark or in GBK, Ctrl-C while kg loads."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from conftest import seed_file
from kg import cli


@pytest.fixture
def graph(run_kg, tmp_path):
    """A small graph written by ``kg build`` (kg.ttl in ``tmp_path / "out"``)."""
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out", "--no-html", "--quiet")
    assert run.status == 0, run.err
    return tmp_path / "out" / "kg.ttl"


@pytest.mark.parametrize("command", [["export", "--format", "json", "-o"], ["view", "-o"]])
def test_writing_over_the_graph_read_is_refused(run_kg, graph, command):
    before = graph.read_bytes()
    target = graph.parent / "." / graph.name        # the same file, spelt otherwise
    run = run_kg(command[0], graph, *command[1:], target)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {graph}: is an input file; writing it would replace "
                             "it (give another output path)"]
    assert graph.read_bytes() == before


def test_a_page_named_like_an_output_is_not_replaced_by_the_build(run_kg, tmp_path):
    page = tmp_path / "site" / "kg.html"
    page.parent.mkdir()
    page.write_text("<html><body><p>全市妇联召开执委会议，部署今年的重点任务。</p></body></html>",
                    encoding="utf-8")
    before = page.read_bytes()
    run = run_kg("build", page, "-o", page.parent)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {page}: is an input file; writing it would replace "
                             "it (give another output path)"]
    assert page.read_bytes() == before and not (page.parent / "kg.ttl").exists()


@pytest.mark.parametrize("data, reason", [(b"", "empty file"),
                                          (b"\x89PNG\r\n\x1a\n" + bytes(4000), "binary file")])
def test_unreadable_standard_input_is_named_stdin_never_by_its_bytes(tmp_path, data, reason):
    run = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-o", tmp_path / "out"],
                         input=data, capture_output=True, timeout=120)
    err = run.stderr.decode()
    assert run.returncode == 2
    assert f"kg: warning: <stdin>: {reason}" in err
    assert err.endswith("kg: error: <stdin>: no document could be read\n")
    assert len(err) < 400 and not (tmp_path / "out").exists()


def test_a_rule_table_saved_with_a_byte_order_mark_is_read(run_kg, tmp_path):
    rules = tmp_path / "rules"
    assert run_kg("rules", "--copy", rules).status == 0
    posts = rules / "posts.tsv"
    posts.write_bytes(b"\xef\xbb\xbf" + posts.read_bytes())
    run = run_kg("rules", rules)
    assert run.status == 0, run.err
    assert f"{posts}" in run.out


def test_a_rule_table_saved_in_gbk_names_the_byte_offset(run_kg, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "posts.tsv").write_bytes("# 职务\n".encode("gbk"))
    run = run_kg("rules", rules)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {rules / 'posts.tsv'}: not UTF-8 (invalid continuation "
                             "byte at byte offset 4); save the table as UTF-8"]


@pytest.mark.parametrize("delay", [0.2, 0.6])
def test_ctrl_c_while_kg_loads_is_one_line_and_status_130(tmp_path, delay):
    run = subprocess.Popen([sys.executable, "-m", "kg", "build", seed_file("000"), "-o",
                            tmp_path / "out"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)       # within the imports (about 1 s of CPU on this machine)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    if run.returncode == 0:
        pytest.skip("the build finished before the signal")
    assert (run.returncode, err) == (130, b"kg: interrupted\n")
    assert not (tmp_path / "out").exists()


def test_an_error_raised_while_handling_ctrl_c_is_an_interruption(run_kg, monkeypatch):
    def interrupted_import(args):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise ImportError("a library's native module not found") from None

    monkeypatch.setitem(cli.COMMANDS, "validate", interrupted_import)
    run = run_kg("validate", "kg.ttl")
    assert (run.status, run.err_lines) == (130, ["kg: interrupted"])


@pytest.mark.parametrize("arguments", [["build", ""], ["build", "-o", ""],
                                       ["build", "--cache", ""], ["export", "", "--format", "json"],
                                       ["query", "--store", "", "-e", "ASK {}"], ["rules", ""]])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(run_kg, tmp_path,
                                                                 monkeypatch, arguments):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("全市妇联召开执委会议。", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        run_kg(*arguments)
    assert stopped.value.code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_cache_path_that_is_a_file_is_refused_before_the_build(run_kg, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"mine")
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out", "--cache", notes)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {notes}: output path exists and is not a folder"]
    assert notes.read_bytes() == b"mine" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("encode", [lambda q: b"\xef\xbb\xbf" + q.encode(),
                                    lambda q: q.encode("utf-16")], ids=["utf-8 BOM", "utf-16"])
def test_a_query_file_saved_with_a_byte_order_mark_runs(run_kg, graph, tmp_path, encode):
    query = tmp_path / "people.rq"
    query.write_bytes(encode("SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name }"))
    run = run_kg("query", graph, query, "--format", "csv")
    assert run.status == 0, run.err
    assert run.out.splitlines()[0] == "name" and len(run.out.splitlines()) > 1


def test_a_query_file_in_gbk_names_the_byte_offset(run_kg, graph, tmp_path):
    query = tmp_path / "people.rq"
    query.write_bytes('SELECT ?p WHERE { ?p skos:prefLabel "王芳"@zh-Hans }'.encode("gbk"))
    run = run_kg("query", graph, query)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {query}: not UTF-8 text (invalid continuation byte at "
                             "byte offset 37); save the query as UTF-8"]


def test_loading_into_a_folder_of_other_files_is_refused(run_kg, graph, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"mine")
    run = run_kg("load", graph, "--store", folder)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {folder}: holds other files, not a store (RocksDB's "
                             "CURRENT is missing): give a new or empty folder"]
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    store = tmp_path / "store"
    assert run_kg("load", graph, "--store", store).status == 0
    assert run_kg("load", graph, "--store", store, "--replace").status == 0


def test_an_output_folder_that_is_a_broken_link_is_refused_before_the_build(run_kg, tmp_path):
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    run = run_kg("build", seed_file("000"), "-o", link)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {link}: output path is a broken symbolic link (to "
                             f"{tmp_path / 'gone'})"]
    assert "documents read" not in run.out


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_a_port_out_of_range_is_an_argument_error(run_kg, tmp_path, capsys, port):
    with pytest.raises(SystemExit) as stopped:
        run_kg("serve", "--store", tmp_path, "--port", port)
    assert stopped.value.code == 2
    assert "argument --port: expected a port number from 0 to 65535" in capsys.readouterr().err
