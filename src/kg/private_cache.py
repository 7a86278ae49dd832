"""kg's private cache: files that only make a run faster (jieba's dictionary state, compiled
regular expressions, the viewer's traditional-to-simplified table), kept in
``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg`` (mode 700).

Each file opens with the SHA-256 of the rest and is used only when it belongs to this user,
nobody else may write it, and its digest matches; anything else reads as missing, and the
caller builds the content again. This module imports nothing of kg's at load time: it is read
before kg's modules compile their patterns (``kg.pattern_cache``).
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Iterable

#: Bytes of the SHA-256 digest that opens a cache file.
DIGEST = 32

#: How many files of a kind (one per install of what they are made from) the cache keeps.
INSTALLS_KEPT = 4


def cache_folder() -> Path:
    """kg's private cache folder (``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def installed_key(layout: str, files: Iterable[Path]) -> str:
    """A cache file's key (24 hex digits) made from the layout of its content and the files it
    is computed from as installed (paths, sizes, modification times): another version of them
    is another file."""
    stats = [(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files]
    return hashlib.sha256(repr([layout] + stats).encode()).hexdigest()[:24]


def read_verified(path: Path) -> bytes | None:
    """The content of a cache file after its digest, or None (missing, unreadable, another
    user's, writable by others, or spoilt)."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            data = handle.read()
    except OSError:
        return None
    digest, payload = data[:DIGEST], data[DIGEST:]
    return payload if hashlib.sha256(payload).digest() == digest else None


def write_verified(path: Path, payload: bytes, keep: int = INSTALLS_KEPT) -> None:
    """Write a cache file, its digest first, and remove all but the ``keep`` files of its kind
    written last (best effort: without the file the next run builds the content again).

    A file's kind is its name up to the last ``-`` (``jieba-dictionary-KEY.bin``): each install
    of kg, jieba or Python writes a file of its own, and the files of installs since removed
    would otherwise pile up (a dictionary is 8.6 MB).
    """
    from .errors import OutputError
    from .io import write_atomic  # (imported here: its patterns compile after the cache is read)

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, hashlib.sha256(payload).digest() + payload)
        kind = path.name.rsplit("-", 1)[0]
        older = sorted((p for p in path.parent.glob(f"{kind}-*{path.suffix}") if p != path),
                       key=lambda p: p.stat().st_mtime_ns)
    except (OSError, OutputError):
        return
    for stale in older[:max(0, len(older) - (keep - 1))]:
        remove(stale)


def remove(path: Path) -> None:
    """Remove a cache file if it is there."""
    try:
        path.unlink()
    except OSError:
        pass
