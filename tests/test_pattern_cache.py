"""Compiled patterns kept between runs (``kg.pattern_cache``) are the patterns ``re`` compiles,
and a spoilt or foreign file is not read."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from re import _compiler

import pytest

from conftest import seed_file
from kg import pattern_cache

#: Patterns of the kinds kg compiles: CJK ranges, named groups, look-arounds, a back-reference,
#: a case-insensitive one.
PATTERNS = [
    (r"(?<=[\u4e00-\u9fff])“[\u4e00-\u9fff\d]{1,4}”(?=[\u4e00-\u9fff])", 0),
    (r"(?P<name>[\u4e00-\u9fff]{2,4})(?:同志)?任(?P<post>[^，。]{1,8}?(?:主席|书记))", 0),
    (r"(?P<q>[“\"])([^”\"]{2,12})(?P=q)|[^\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]+", 0),
    (r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL),
]
TEXT = "区妇联“巾帼”志愿队由陈晓岚同志任副主席，<SCRIPT>x</script>队员“12”人"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty ``re`` cache and private cache folder, as at the start of a new process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(pattern_cache, "_entries", {})
    return tmp_path


def _new_process(monkeypatch) -> None:
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(pattern_cache, "_entries", {})


def test_patterns_read_back_are_those_re_compiles(fresh, monkeypatch):
    for text, flags in PATTERNS:
        re.compile(text, flags)
    pattern_cache.save()
    assert pattern_cache.cache_file().parent == fresh / "kg"
    _new_process(monkeypatch)
    pattern_cache.preload()
    for text, flags in PATTERNS:
        restored = re.compile(text, flags)
        assert restored is re._cache[str, text, flags]  # taken from the file, not compiled
        compiled = _compiler.compile(text, flags)
        assert restored == compiled and restored.groupindex == compiled.groupindex
        assert ([m.groups() + (m.span(),) for m in restored.finditer(TEXT)]
                == [m.groups() + (m.span(),) for m in compiled.finditer(TEXT)])


def test_a_run_that_compiles_nothing_new_leaves_the_file(fresh, monkeypatch):
    re.compile(*PATTERNS[0])
    pattern_cache.save()
    written = pattern_cache.cache_file().stat().st_mtime_ns
    _new_process(monkeypatch)
    pattern_cache.preload()
    re.compile(*PATTERNS[0])
    pattern_cache.save()
    assert pattern_cache.cache_file().stat().st_mtime_ns == written
    re.compile(*PATTERNS[1])
    pattern_cache.save()
    _new_process(monkeypatch)
    pattern_cache.preload()
    assert {PATTERNS[0][0], PATTERNS[1][0]} <= {key[1] for key in re._cache}


@pytest.mark.parametrize("spoil", ["writable by others", "a byte changed", "not marshal"])
def test_a_spoilt_or_foreign_file_is_not_read(fresh, monkeypatch, spoil):
    re.compile(*PATTERNS[1])
    pattern_cache.save()
    path = pattern_cache.cache_file()
    if spoil == "writable by others":
        path.chmod(0o666)
    elif spoil == "a byte changed":
        data = bytearray(path.read_bytes())
        data[-10] ^= 0xFF
        path.write_bytes(bytes(data))
    else:
        from kg.private_cache import write_verified

        write_verified(path, b"\xff not a marshalled list")
    _new_process(monkeypatch)
    pattern_cache.preload()
    assert re._cache == {}


def test_only_the_files_written_last_are_kept(fresh, monkeypatch):
    folder = fresh / "kg"
    folder.mkdir()
    others = [folder / f"patterns-{number:024d}.marshal" for number in range(20)]
    for number, path in enumerate(others):
        path.write_bytes(b"")
        os.utime(path, ns=(number * 10**9, number * 10**9))
    re.compile(*PATTERNS[0])
    pattern_cache.save()
    kept = sorted(folder.glob("patterns-*.marshal"))
    assert len(kept) == pattern_cache.KEEP and pattern_cache.cache_file() in kept
    assert others[-1] in kept and others[0] not in kept


@pytest.mark.slow
def test_a_second_build_reads_every_pattern_from_the_file(tmp_path):
    """The first build writes the file; the same build in a new process (another hash seed)
    compiles no pattern the file lacks, so leaves it as it was, and writes the same Turtle."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}

    def build(name: str) -> bytes:
        done = subprocess.run([sys.executable, "-m", "kg", "build", seed_file("000"), "-o",
                               tmp_path / name, "--no-cache", "--quiet"],
                              capture_output=True, text=True, env=env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        return (tmp_path / name / "kg.ttl").read_bytes()

    first = build("first")
    (path,) = (tmp_path / "xdg" / "kg").glob("patterns-*.marshal")
    written = path.stat().st_mtime_ns
    assert build("second") == first
    assert path.stat().st_mtime_ns == written


def test_without_a_home_folder_nothing_is_cached(fresh, monkeypatch):
    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(pattern_cache, "cache_folder", no_home)
    re.compile(*PATTERNS[0])
    pattern_cache.save()
    pattern_cache.preload()
    assert not (fresh / "kg").exists()
