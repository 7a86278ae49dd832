"""``kg build --jobs N``: documents read in worker processes, the same output as one process."""
from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import time
import random
import shutil
from pathlib import Path

import opencc
import pytest

from kg import cli, pipeline
from kg.errors import InputError
from kg.normalize import split_sentences

SEEDS = pipeline.default_corpus()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, their sentences shuffled into new documents, a traditional-script GB18030
    copy of one seed, and an empty file that every run skips with a warning."""
    folder = tmp_path_factory.mktemp("corpus")
    sentences = []
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
        text = seed.read_text(encoding="utf-8")
        sentences += [text[start:end] for start, end in split_sentences(text)]
    random.Random(8).shuffle(sentences)
    for number in range(4):
        part = sentences[number::4]
        paragraphs = ["".join(part[i:i + 4]) for i in range(0, len(part), 4)]
        (folder / f"mixed_{number}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(SEEDS[0].read_text(encoding="utf-8"))
    (folder / "traditional.txt").write_bytes(traditional.encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def build_outputs(corpus, output, jobs: int, capsys) -> tuple[dict[str, bytes], str]:
    """``kg build --jobs N``: the files written (name -> bytes) and standard error."""
    status = cli.main(["build", str(corpus), "-o", str(output), "--jobs", str(jobs), "--quiet"])
    assert status == 1  # the empty file is skipped
    written = {p.name: p.read_bytes() for p in output.iterdir() if not p.name.startswith(".")}
    return written, capsys.readouterr().err


def test_two_jobs_write_the_same_files_and_warnings_as_one(corpus, tmp_path, capsys):
    one, one_warnings = build_outputs(corpus, tmp_path / "one", 1, capsys)
    two, two_warnings = build_outputs(corpus, tmp_path / "two", 2, capsys)
    assert {"kg.ttl", "kg.html"} <= set(one)
    assert one == two
    assert "empty.txt: empty file (skipped)" in one_warnings
    assert one_warnings == two_warnings
    # standard error is not a terminal here: warnings only, no progress bar
    assert all(line.startswith("kg: warning: ") for line in two_warnings.splitlines())
    turtle = one["kg.ttl"].decode("utf-8")
    assert "traditional" in turtle and "mixed_3" in turtle


def test_more_jobs_than_files_give_the_seed_graph():
    assert pipeline.build(jobs=len(SEEDS) + 3) == pipeline.build()


def test_strict_error_in_a_worker_reaches_the_caller(corpus):
    with pytest.raises(InputError, match=r"empty\.txt: empty file"):
        pipeline.build([corpus], strict=True, jobs=2)


def test_warnings_from_workers_keep_path_and_reason(corpus):
    problems, workers = [], []

    def note(problem):
        problems.append(problem)
        workers.append(len(multiprocessing.active_children()))

    pipeline.build([corpus], jobs=2, on_warning=note)
    assert [(p.path, p.reason, p.skipped) for p in problems] == [
        (str(corpus / "empty.txt"), "empty file", True)]
    assert workers == [2]  # the warning was raised while two worker processes ran


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_below_one_are_refused(jobs, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["build", "-o", str(tmp_path), "--jobs", jobs])
    assert stop.value.code == 2
    assert (f"expected a whole number of at least 1 or 'auto', not '{jobs}'"
            in capsys.readouterr().err)


@pytest.fixture(scope="module")
def dask_cluster():
    """A local Dask cluster of two single-threaded worker processes."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster


def test_dask_engine_on_a_running_cluster_gives_the_same_files(corpus, dask_cluster, tmp_path,
                                                               capsys):
    local, local_warnings = build_outputs(corpus, tmp_path / "local", 1, capsys)
    status = cli.main(["build", str(corpus), "-o", str(tmp_path / "dask"), "--quiet",
                       "--engine", "dask", "--scheduler", dask_cluster.scheduler_address])
    assert status == 1
    # Dask may add its own log lines (a slow event loop on a busy machine); kg's are the same
    kg_lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("kg:")]
    assert kg_lines == local_warnings.splitlines()
    assert {p.name: p.read_bytes() for p in (tmp_path / "dask").iterdir()
            if not p.name.startswith(".")} == local


def test_dask_engine_strict_error_from_a_worker(corpus, dask_cluster):
    with pytest.raises(InputError, match=r"empty\.txt: empty file"):
        pipeline.build([corpus], strict=True, engine="dask",
                       scheduler=dask_cluster.scheduler_address)


def test_dask_engine_starts_its_own_local_cluster():
    pytest.importorskip("distributed")
    assert pipeline.build(SEEDS[:2], engine="dask", jobs=2) == pipeline.build(SEEDS[:2])


def test_scheduler_without_dask_engine_is_refused(tmp_path, capsys):
    assert cli.main(["build", "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert capsys.readouterr().err == "kg: error: --scheduler needs --engine dask\n"


def test_unreachable_scheduler_is_one_line_error(tmp_path, capsys):
    pytest.importorskip("distributed")
    assert cli.main(["build", "-o", str(tmp_path), "--engine", "dask",
                     "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert capsys.readouterr().err.startswith(
        "kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")


def _children(parent: int) -> set[int]:
    """Process ids whose parent is ``parent`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_with_a_killed_parent(corpus, tmp_path, how):
    parent = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o",
                               str(tmp_path / "out"), "--jobs", "2", "--no-cache", "--quiet"],
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.1)
        workers = _children(parent.pid)
    assert len(workers) >= 2, "the workers started"
    parent.send_signal(how)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_alive, workers))


def test_a_worker_whose_parent_died_before_it_started_ends_too():
    # the parent names itself: a worker reparented before its start-up still sees the change
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", "import time\nfrom kg import pipeline\n"
                           "pipeline._start_worker(2**22 + 7)\ntime.sleep(60)"], timeout=60)
    assert done.returncode == 1 and time.monotonic() - started < 30
