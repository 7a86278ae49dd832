"""Incremental builds: the per-document cache gives the graph of a clean build, byte for byte,
and reads only what is new or changed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import seed_file
from kg import cache, pipeline
from kg.rules import load_rules

ADDED = ("2024年5月，江西省妇联在南昌市举办“赣鄱巾帼创业行”培训班。省妇联副主席刘敏出席开班式"
         "并讲话。\n")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for prefix in ("000", "002", "004"):
        shutil.copy(seed_file(prefix), folder)
    return folder


@pytest.fixture
def reads(monkeypatch):
    """The names of the documents actually read and extracted (not taken from the cache)."""
    names: list[str] = []
    real = pipeline.process_bytes

    def counting(data, path, *args):
        names.append(path.name)
        return real(data, path, *args)

    monkeypatch.setattr(pipeline, "process_bytes", counting)
    return names


def test_adding_a_report_reads_only_it_and_gives_the_clean_builds_output(
        run_kg, corpus, tmp_path, reads):
    assert run_kg("build", corpus, "-o", tmp_path / "out", "--quiet").status == 0
    assert len(reads) == 3
    (corpus / "new.txt").write_text(ADDED, encoding="utf-8")
    reads.clear()
    assert run_kg("build", corpus, "-o", tmp_path / "out", "--quiet").status == 0
    assert reads == ["new.txt"]
    reads.clear()
    assert run_kg("build", corpus, "-o", tmp_path / "clean", "--no-cache", "--quiet").status == 0
    assert len(reads) == 4
    for name in ("kg.ttl", "kg.html"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()
    assert not (tmp_path / "clean" / cache.DEFAULT_NAME).exists()


def test_a_changed_file_is_read_again_and_a_spoilt_entry_rebuilt(corpus, tmp_path, reads):
    store = tmp_path / "store"
    pipeline.build([corpus], cache=store)
    (corpus / "000_ed4c681966dfcba4.txt").write_text(ADDED, encoding="utf-8")
    spoilt = corpus / "002_30ae77905b54ee2b.txt"
    key = cache.DocumentCache.key(spoilt.read_bytes(), spoilt.name, pipeline.DEFAULT_BASE,
                                 load_rules().digest)
    (cache.DocumentCache(store).folder / f"{key}.json").write_text('{"key": "cut sho',
                                                                   encoding="utf-8")
    reads.clear()
    cached = pipeline.build([corpus], cache=store)
    assert sorted(reads) == ["000_ed4c681966dfcba4.txt", spoilt.name]
    assert cached == pipeline.build([corpus])
    assert any(e.name == "刘敏" for e in cached.entities)


def test_repaired_problems_are_reported_again_from_the_cache(run_kg, tmp_path, reads):
    text = seed_file("001").read_bytes()
    corrupt = tmp_path / "in" / "corrupt.txt"
    corrupt.parent.mkdir()
    corrupt.write_bytes(text[:300] + b"\xff" + text[300:])
    first = run_kg("build", corrupt, "-o", tmp_path / "out")
    reads.clear()
    second = run_kg("build", corrupt, "-o", tmp_path / "out")
    assert reads == []
    assert first.status == second.status == 1
    assert first.err == second.err and "corrupt utf-8 byte sequence" in second.err
    strict = run_kg("build", corrupt, "-o", tmp_path / "out", "--strict")
    assert strict.status == 2 and "corrupt utf-8 byte sequence" in strict.err


def test_the_key_changes_with_bytes_name_base_and_rules():
    key = cache.DocumentCache.key
    keys = {key(b"a", "a.txt", "http://x/", "0"), key(b"b", "a.txt", "http://x/", "0"),
            key(b"a", "a.html", "http://x/", "0"), key(b"a", "a.txt", "http://y/", "0"),
            key(b"a", "a.txt", "http://x/", "1")}
    assert len(keys) == 5


def test_entries_of_other_kg_code_are_removed(tmp_path):
    stale = tmp_path / "store" / ("0" * 20)
    stale.mkdir(parents=True)
    (stale / "entry.json").write_text("{}", encoding="utf-8")
    kept = tmp_path / "store" / "notes"       # not a code folder: left alone
    kept.mkdir()
    opened = cache.DocumentCache(tmp_path / "store")
    assert stale.exists(), "opening changes nothing"
    opened.put_all([("k" * 64, pipeline.process_bytes(ADDED.encode(), Path("new.txt")), ())])
    assert not stale.exists() and kept.exists()
    assert [p.name for p in opened.folder.iterdir()] == ["k" * 64 + ".json"]
    assert opened.folder.name == cache.code_hash()[:20]


def test_the_code_hash_reads_the_modules_of_subpackages_and_the_rules():
    names = [name for name, _ in cache.hashed_files()]
    assert "relate/posts.py" in names and "cache.py" in names and "posts.tsv" in names
    assert "relate/__init__.py" in names and "__init__.py" in names
    assert not any(name.endswith(".pyc") for name in names)
