"""kg's private cache (``kg.private_cache``): a file reads back only as written, and the files
of installs since replaced do not pile up."""
from __future__ import annotations

import os

import pytest

from kg.private_cache import INSTALLS_KEPT, read_verified, write_verified


def _older_files(folder, name: str, count: int) -> list:
    """``count`` files named ``name`` with a number for ``{}``, the first written earliest."""
    files = [folder / name.format(f"{number:024d}") for number in range(count)]
    for number, path in enumerate(files):
        path.write_bytes(b"")
        os.utime(path, ns=(number * 10**9, number * 10**9))
    return files


@pytest.mark.parametrize("keep", [1, INSTALLS_KEPT, 10])
def test_writing_a_file_keeps_the_newest_of_its_kind_and_leaves_other_kinds(tmp_path, keep):
    dictionaries = _older_files(tmp_path, "jieba-dictionary-{}.bin", 7)
    tables = _older_files(tmp_path, "opencc-t2s-{}.marshal", 7)
    written = tmp_path / "jieba-dictionary-ffffffffffffffffffffffff.bin"
    write_verified(written, b"state", keep)
    kept = sorted(tmp_path.glob("jieba-dictionary-*.bin"))
    assert len(kept) == min(keep, len(dictionaries) + 1) and written in kept
    assert set(kept) - {written} == set(dictionaries[len(dictionaries) - (len(kept) - 1):])
    assert sorted(tmp_path.glob("opencc-t2s-*.marshal")) == tables


def test_a_file_reads_back_as_written_and_a_spoilt_one_as_missing(tmp_path):
    path = tmp_path / "kg" / "patterns-000000000000000000000001.marshal"
    write_verified(path, "内蒙古自治区妇女联合会".encode())
    assert read_verified(path).decode() == "内蒙古自治区妇女联合会"
    path.write_bytes(path.read_bytes()[:-1] + b"!")
    assert read_verified(path) is None
    assert read_verified(tmp_path / "kg" / "missing.bin") is None
