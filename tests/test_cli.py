"""``kg build`` end to end: the seeds, and every kind of bad input or output.

Policy under test (see ``kg --help``): a bad PATH on the command line or a bad output folder
is a user error (exit 2, one line naming it, nothing written); a file that cannot be read
among others is skipped with a warning listed at the end (exit 1), or is an error with
``--strict``; a run where no file can be read is an error.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from conftest import seed_file, seed_text
from kg import OutputError, cache, cli, io, normalize, pipeline


def test_build_on_the_seeds(run_kg, tmp_path):
    run = run_kg("build", "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert run.err == ""
    assert "documents read: 5" in run.out
    assert "entities: " in run.out and "relations: " in run.out and "elapsed: " in run.out
    assert f"wrote {tmp_path / 'out' / 'kg.ttl'}" in run.out
    graph = rdflib.Graph().parse(tmp_path / "out" / "kg.ttl", format="turtle")
    assert len(graph) > 100


def test_python_dash_m_kg_works_the_same(run_kg, tmp_path):
    in_process = run_kg("build", "-o", tmp_path / "a")
    module = subprocess.run([sys.executable, "-m", "kg", "build", "-o", tmp_path / "b"],
                            capture_output=True, text=True, timeout=300)
    assert module.returncode == in_process.status == 0, module.stderr
    assert module.stdout.splitlines()[:3] == in_process.out.splitlines()[:3]
    assert (tmp_path / "a" / "kg.ttl").read_bytes() == (tmp_path / "b" / "kg.ttl").read_bytes()


def test_output_folder_name_that_is_not_utf8_is_printed_escaped(tmp_path):
    folder = os.fsencode(tmp_path) + b"/out\xff"
    run = subprocess.run([sys.executable, "-m", "kg", "build", seed_file("000"), "-o", folder],
                         capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"wrote {tmp_path}/out\\udcff/kg.ttl".encode() in run.stdout
    assert os.path.isfile(folder + b"/kg.ttl")


def test_summary_into_a_closed_pipe_is_not_an_error_message(tmp_path):
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", seed_file("000"), "-o",
                                tmp_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()                   # like `kg build | head -0`
    assert process.wait(timeout=300) == 141
    assert process.stderr.read() == b""
    process.stderr.close()
    assert (tmp_path / "kg.ttl").is_file()


def test_quiet_prints_nothing(run_kg, tmp_path):
    run = run_kg("build", "-q", "-o", tmp_path)
    assert (run.status, run.out, run.err) == (0, "", "")
    assert (tmp_path / "kg.ttl").is_file()


def test_help_lists_the_exit_statuses(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    assert caught.value.code == 0
    listed = capsys.readouterr().out.split("exit status:\n", 1)[1]
    assert [line.split()[0] for line in listed.splitlines()] == ["0", "1", "2", "3", "130", "141"]


# ------------------------------------------------------------------ bad inputs
def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
#: Bytes that neither UTF-8 nor GB18030 nor Big5 can read (and no NUL: not "binary").
UNDECODABLE = b"\x80\xff\xfe\xfd\x81" * 40

#: Files that cannot be read as documents: kind -> (bytes, the reason kg gives).
BAD_FILES = {
    "empty": (b"", "empty file"),
    "whitespace": (b"  \n\n\t \r\n", "no text"),
    "punctuation": ("。,。!?……——“”\n".encode(), "no text"),
    "png": (PNG, "binary file"),
    "zip": (ZIP, "binary file"),
    "pdf": (PDF, "binary file"),
    "undecodable": (UNDECODABLE, "not UTF-8"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_among_good_ones_is_skipped_with_a_warning(run_kg, tmp_path, kind):
    data, reason = BAD_FILES[kind]
    bad = _write(tmp_path / "in" / f"{kind}.txt", data)
    shutil.copy(seed_file("000"), tmp_path / "in")
    run = run_kg("build", tmp_path / "in", "-o", tmp_path / "out")
    assert run.status == 1
    assert "documents read: 1" in run.out
    assert f"kg: warning: {bad}: {reason}" in run.err
    assert run.err_lines[-1].endswith("(skipped)")
    assert (tmp_path / "out" / "kg.ttl").is_file()


def test_bad_files_in_worker_processes_are_listed_in_order(run_kg, tmp_path):
    for kind, (data, _) in BAD_FILES.items():
        _write(tmp_path / "in" / f"{kind}.txt", data)
    shutil.copy(seed_file("000"), tmp_path / "in")
    run = run_kg("build", "--jobs", "2", tmp_path / "in", "-o", tmp_path / "out")
    assert run.status == 1
    assert "documents read: 1" in run.out
    assert run.err_lines[0] == (f"kg: warning: {len(BAD_FILES)} file(s) skipped, 0 problem(s) "
                                "repaired (--strict makes these errors):")
    listed = run.err_lines[1:]
    assert len(listed) == len(BAD_FILES)
    for line, kind in zip(listed, sorted(BAD_FILES)):
        assert line.startswith(f"kg: warning: {tmp_path / 'in' / kind}.txt: {BAD_FILES[kind][1]}")
        assert line.endswith("(skipped)")


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_with_strict_is_an_error_and_writes_nothing(run_kg, tmp_path, kind):
    data, reason = BAD_FILES[kind]
    bad = _write(tmp_path / "in" / f"{kind}.txt", data)
    run = run_kg("build", "--strict", bad, seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 2
    assert len(run.err_lines) == 1
    assert run.err.startswith(f"kg: error: {bad}: {reason}")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", BAD_FILES)
def test_only_bad_files_is_an_error(run_kg, tmp_path, kind):
    data, reason = BAD_FILES[kind]
    bad = _write(tmp_path / f"{kind}.txt", data)
    run = run_kg("build", bad, "-o", tmp_path / "out")
    assert run.status == 2
    assert f"{bad}: {reason}" in run.err
    assert run.err_lines[-1] == f"kg: error: {bad}: no document could be read"
    assert not (tmp_path / "out").exists()


def test_truncated_utf8_is_read_with_a_warning(run_kg, tmp_path):
    data = seed_file("000").read_bytes() + "妇".encode()[:2]
    path = _write(tmp_path / "cut.txt", data)
    run = run_kg("build", path, "-o", tmp_path / "out")
    assert run.status == 1
    assert (f"kg: warning: {path}: incomplete utf-8 character at the end (byte offset "
            f"{len(data) - 2}) dropped") in run.err
    assert "documents read: 1" in run.out
    strict = run_kg("build", "--strict", path, "-o", tmp_path / "strict")
    assert strict.status == 2 and len(strict.err_lines) == 1
    assert not (tmp_path / "strict").exists()


def test_a_few_corrupt_bytes_are_replaced_and_reported_with_offsets(run_kg, tmp_path):
    text = seed_text("000")
    first, second = len(text[:100].encode()), len(text[:200].encode())
    data = text[:100].encode() + b"\xff" + text[100:200].encode() + b"\x80" + text[200:].encode()
    path = _write(tmp_path / "corrupt.txt", data)
    run = run_kg("build", path, "-o", tmp_path / "out")
    assert run.status == 1
    assert (f"{path}: 2 corrupt utf-8 byte sequence(s) replaced by U+FFFD at byte offset(s) "
            f"{first}, {second + 1}") in run.err


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: tmp / "missing.txt", "no such file or folder"),
    (lambda tmp: (tmp / "empty_folder").mkdir() or tmp / "empty_folder",
     "folder holds no .txt, .html or .htm files"),
    (lambda tmp: _write(tmp / "docs" / "notes.md", b"# notes").parent,
     "folder holds no .txt, .html or .htm files"),
    (lambda tmp: _write(tmp / "docs" / "notes.md", b"# notes").parent / "*.txt",
     "no file matches this pattern"),
    (lambda tmp: os.symlink(tmp / "nowhere.txt", tmp / "broken.txt") or tmp / "broken.txt",
     "broken symbolic link"),
])
def test_bad_path_is_a_user_error(run_kg, tmp_path, make, reason):
    path = make(tmp_path)
    run = run_kg("build", seed_file("000"), path, "-o", tmp_path / "out")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {path}: {reason}"]
    assert run.out == ""
    assert not (tmp_path / "out").exists()


def test_unreadable_folder_is_a_user_error(run_kg, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    _write(locked / "a.txt", seed_file("000").read_bytes())
    real_listdir = os.listdir

    def guarded_listdir(path):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(pipeline.os, "listdir", guarded_listdir)
    run = run_kg("build", locked, "-o", tmp_path / "out")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {locked}: cannot read folder: Permission denied"]


def test_path_given_twice_is_read_once(run_kg, tmp_path):
    seed = seed_file("000")
    os.symlink(seed.resolve(), tmp_path / "link.txt")
    run = run_kg("build", seed, seed, seed.parent / ".." / seed.parent.name / seed.name,
                 tmp_path / "link.txt", "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert "documents read: 1" in run.out


def test_two_different_files_with_the_same_name_are_a_user_error(run_kg, tmp_path):
    first = _write(tmp_path / "a" / "report.txt", seed_file("000").read_bytes())
    second = _write(tmp_path / "b" / "report.txt", seed_file("001").read_bytes())
    run = run_kg("build", tmp_path / "b", tmp_path / "a", "-o", tmp_path / "out")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {second}: another input file, {first}, has the same "
                             "name; documents are identified by file name, so rename one of "
                             "them"]
    assert not (tmp_path / "out").exists()


def test_symlinks_to_files_and_folders_are_followed(run_kg, tmp_path):
    os.symlink(seed_file("001").resolve(), tmp_path / "link.txt")
    os.symlink(seed_file("000").parent.resolve(), tmp_path / "seeds_link")
    run = run_kg("build", tmp_path / "link.txt", tmp_path / "seeds_link", "-o", tmp_path / "o")
    assert run.status == 0, run.err
    assert "documents read: 5" in run.out


def test_broken_symlink_inside_a_folder_is_skipped(run_kg, tmp_path):
    shutil.copy(seed_file("000"), tmp_path)
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    run = run_kg("build", tmp_path, "-o", tmp_path / "out")
    assert run.status == 1
    assert f"kg: warning: {tmp_path / 'dangling.txt'}: broken symbolic link (skipped)" in run.err


def test_special_file_inside_a_folder_is_skipped_without_blocking(run_kg, tmp_path):
    shutil.copy(seed_file("000"), tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    run = run_kg("build", tmp_path, "-o", tmp_path / "out")
    assert run.status == 1
    assert f"{tmp_path / 'pipe.txt'}: not a regular file (skipped)" in run.err


def test_names_with_spaces_and_chinese_characters(run_kg, tmp_path):
    folder = tmp_path / "年鉴 资料"
    folder.mkdir()
    shutil.copy(seed_file("004"), folder / "内蒙古 妇联 2023.txt")
    run = run_kg("build", folder, "-o", tmp_path / "输出 目录")
    assert run.status == 0, run.err
    assert (tmp_path / "输出 目录" / "kg.ttl").is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the "
                    "simulated test below covers the same path")
def test_unreadable_file_is_skipped(run_kg, tmp_path):
    locked = _write(tmp_path / "locked.txt", seed_file("001").read_bytes())
    locked.chmod(0)
    run = run_kg("build", locked, seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 1
    assert f"kg: warning: {locked}: permission denied (skipped)" in run.err


def test_unreadable_file_is_skipped_simulated(run_kg, tmp_path, monkeypatch):
    locked = _write(tmp_path / "locked.txt", seed_file("001").read_bytes())
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(normalize.files, "open", guarded_open, raising=False)
    run = run_kg("build", locked, seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 1
    assert f"kg: warning: {locked}: permission denied (skipped)" in run.err
    assert "documents read: 1" in run.out


def test_document_above_the_size_limit_is_refused_before_reading(run_kg, tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:     # sparse: takes no disk space
        handle.truncate(normalize.MAX_DOCUMENT_BYTES + 1)
    run = run_kg("build", huge, seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 1
    assert (f"kg: warning: {huge}: document is {normalize.MAX_DOCUMENT_BYTES + 1} bytes, "
            f"above the {normalize.MAX_DOCUMENT_BYTES}-byte limit per document (skipped)"
            in run.err)


# ------------------------------------------------------------------ bad outputs
def test_output_folder_that_is_a_file(run_kg, tmp_path):
    target = _write(tmp_path / "out", b"not a folder")
    run = run_kg("build", seed_file("000"), "-o", target)
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {target}: output path exists and is not a folder"]
    assert target.read_bytes() == b"not a folder"


def _previous_output(folder: Path) -> bytes:
    folder.mkdir()
    (folder / "kg.ttl").write_bytes(b"# previous run\n")
    return b"# previous run\n"


@pytest.mark.parametrize("failing", ["replace", "write"])
def test_full_disk_keeps_the_previous_output(run_kg, tmp_path, monkeypatch, failing):
    previous = _previous_output(tmp_path / "out")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if failing == "replace":
        monkeypatch.setattr(io.os, "replace", no_space)
    else:
        monkeypatch.setattr(io.os, "fsync", no_space)
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {tmp_path / 'out' / 'kg.ttl'}: cannot write output: "
                             "No space left on device"]
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == previous
    assert sorted(p.name for p in (tmp_path / "out").iterdir()
                  if p.name != cache.DEFAULT_NAME) == ["kg.ttl"]   # no temporary file left


def test_a_held_output_lock_names_its_holder_and_times_out(tmp_path, capsys):
    folder = io.ensure_folder(tmp_path / "out")
    holder = os.open(folder, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        with pytest.raises(OutputError, match=f"another kg \\(process {os.getpid()}\\) has been "
                                              "writing here for 0 s"):
            with io.output_lock(folder, timeout=0.3):
                pass
    finally:
        os.close(holder)
    assert capsys.readouterr().err == (f"kg: waiting for another kg (process {os.getpid()}) "
                                       f"writing to {folder}\n")
    with io.output_lock(folder, timeout=0.3):     # released: taken at once, nothing left
        pass
    assert list(folder.iterdir()) == []


def test_failure_on_the_second_file_keeps_the_whole_previous_output(run_kg, tmp_path,
                                                                    disk_full_at):
    previous = _previous_output(tmp_path / "out")
    (tmp_path / "out" / "kg.html").write_bytes(b"<!-- previous run -->")
    disk_full_at(2)
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out", "--no-cache")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {tmp_path / 'out' / 'kg.html'}: cannot write "
                             "output: No space left on device"]
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == previous
    assert (tmp_path / "out" / "kg.html").read_bytes() == b"<!-- previous run -->"
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_output_file_that_is_a_folder(run_kg, tmp_path):
    previous = _previous_output(tmp_path / "out")
    (tmp_path / "out" / "kg.html").mkdir()
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {tmp_path / 'out' / 'kg.html'}: cannot write "
                             "output: is a folder"]
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == previous


def test_unwritable_output_folder_is_found_before_the_build(run_kg, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    real_open, built = os.open, []

    def denied(path, flags, *args, **kwargs):
        if tmp_path / "out" in (Path(path), Path(path).parent):   # read-only, even for root
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(io.os, "open", denied)
    monkeypatch.setattr(pipeline, "build", lambda *a, **k: built.append(a))
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {tmp_path / 'out'}: cannot write output: "
                             "Permission denied"]
    assert built == [] and run.out == ""
    assert list((tmp_path / "out").iterdir()) == []


def test_interrupted_write_keeps_the_previous_output(run_kg, tmp_path, monkeypatch):
    previous = _previous_output(tmp_path / "out")

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(io.os, "fsync", interrupt)
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 130
    assert run.err_lines == ["kg: interrupted"]
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == previous
    assert not list((tmp_path / "out").glob(".kg.ttl.*"))


_SLOW_FSYNC = """
import os, sys, time
from kg import cli, io
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(60)
io.os.fsync = slow_fsync
sys.exit(cli.main(sys.argv[1:]))
"""


def test_run_killed_half_way_keeps_the_previous_output(tmp_path):
    previous = _previous_output(tmp_path / "out")
    process = subprocess.Popen([sys.executable, "-c", _SLOW_FSYNC, "build", seed_file("000"),
                                "-o", tmp_path / "out", "--no-cache"], stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout.readline() == "writing\n"              # caught mid-write
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == previous
    assert not list((tmp_path / "out").glob("*.tmp"))     # the data was in an unnamed file
    rerun = subprocess.run([sys.executable, "-m", "kg", "build", seed_file("000"), "-o",
                            tmp_path / "out"], capture_output=True, timeout=300)
    assert rerun.returncode == 0
    rdflib.Graph().parse(tmp_path / "out" / "kg.ttl", format="turtle")
    assert not list((tmp_path / "out").glob("*.tmp"))     # the killed run's leftover


def test_two_concurrent_builds_leave_one_complete_result(tmp_path):
    command = [sys.executable, "-m", "kg", "build", "-q", "-o", tmp_path / "out"]
    runs = [subprocess.Popen(command + [seed], stderr=subprocess.PIPE)
            for seed in (seed_file("000"), seed_file("003"))]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    for run in runs:
        run.stderr.close()
    def outputs(folder: Path) -> tuple[bytes, bytes]:
        return (folder / "kg.ttl").read_bytes(), (folder / "kg.html").read_bytes()

    alone = []
    for seed in (seed_file("000"), seed_file("003")):
        subprocess.run(command[:-2] + ["-o", tmp_path / seed.name, seed], check=True,
                       timeout=300)
        alone.append(outputs(tmp_path / seed.name))
    assert alone[0] != alone[1]
    assert outputs(tmp_path / "out") in alone      # both files from the same run
    rdflib.Graph().parse(tmp_path / "out" / "kg.ttl", format="turtle")


# ------------------------------------------------------------------ internal errors
def test_internal_error_is_one_line_and_status_3(run_kg, tmp_path, monkeypatch):
    def broken(data, path, base, rules):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "process_bytes", broken)
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 3
    assert run.err_lines == ["kg: internal error: ZeroDivisionError: division by zero (a bug "
                             "in kg; set KG_DEBUG=1 to see the traceback)"]
    assert not (tmp_path / "out").exists()


def test_kg_debug_shows_the_traceback_of_an_internal_error(run_kg, tmp_path, monkeypatch):
    def broken(data, path, base, rules):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "process_bytes", broken)
    monkeypatch.setenv("KG_DEBUG", "1")
    run = run_kg("build", seed_file("000"), "-o", tmp_path / "out")
    assert run.status == 3
    assert "Traceback (most recent call last)" in run.err and "in broken" in run.err


def test_error_naming_a_file_with_a_newline_stays_one_line(run_kg, tmp_path):
    path = tmp_path / "two\nlines.txt"
    run = run_kg("build", path, "-o", tmp_path / "out")
    assert run.status == 2
    assert len(run.err_lines) == 1 and "two\\nlines.txt" in run.err


def test_standard_output_on_a_full_disk_is_a_user_error(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kg", "build", seed_file("000"), "-o",
                               tmp_path / "out", "--no-cache"], stdout=full,
                              stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == "kg: error: cannot write to standard output: No space left on device\n"
    assert (tmp_path / "out" / "kg.ttl").exists()      # the outputs were written first


@pytest.mark.parametrize("command", ["view", "export"])
def test_graph_whose_facts_name_undeclared_entities_is_a_user_error(run_kg, tmp_path, command):
    built = run_kg("build", seed_file("001"), "-o", tmp_path / "out", "--no-html")
    assert built.status == 0
    turtle = (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
    chair = turtle.index("<person/王芳> a kg:Person")
    end = turtle.index("\n\n", chair)
    broken = tmp_path / "broken.ttl"
    broken.write_text(turtle[:chair] + turtle[end + 2:], encoding="utf-8")
    extra = ["--format", "json"] if command == "export" else []
    run = run_kg(command, broken, *extra, "-o", tmp_path / "result")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {broken}: <https://w3id.org/kg-cn/id/person/王芳> is "
                             "the subject of a holdsPost fact but not an entity of the graph "
                             "(no type and name)"]


def test_a_literal_above_the_parsers_limit_is_a_user_error(run_kg, tmp_path):
    huge = tmp_path / "huge.ttl"
    huge.write_text('<https://w3id.org/kg-cn/id/person/A> <http://www.w3.org/2004/02/skos/core#'
                    'prefLabel> "' + "名" * (6 * 1024 * 1024) + '" .\n', encoding="utf-8")
    run = run_kg("view", huge, "-o", tmp_path / "page.html")
    assert run.status == 2
    assert run.err_lines == [f"kg: error: {huge}: cannot read: Reached the buffer maximal size "
                             "of 16777216"]


def test_a_set_of_outputs_cut_between_two_renames_is_told_by_its_manifest(run_kg, tmp_path,
                                                                           monkeypatch):
    assert run_kg("build", seed_file("000"), "-o", tmp_path / "out", "--no-cache").status == 0
    assert io.check_set(tmp_path / "out")
    real_replace, renamed = io.os.replace, []

    def killed_after_the_first(source, target):
        if renamed:
            raise KeyboardInterrupt       # as a kill between the two renames would
        renamed.append(target)
        real_replace(source, target)

    monkeypatch.setattr(io.os, "replace", killed_after_the_first)
    run = run_kg("build", seed_file("002"), "-o", tmp_path / "out", "--no-cache")
    assert run.status == 130
    assert [Path(p).name for p in renamed] == ["kg.ttl"]        # new kg.ttl, old kg.html
    assert not io.check_set(tmp_path / "out")
    monkeypatch.setattr(io.os, "replace", real_replace)
    assert run_kg("build", seed_file("002"), "-o", tmp_path / "out", "--no-cache").status == 0
    assert io.check_set(tmp_path / "out")
    assert not list((tmp_path / "out").glob("*.tmp"))
