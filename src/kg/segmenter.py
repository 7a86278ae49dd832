"""jieba's segmenter with kg's own dictionary state: never jieba's shared cache file.

jieba keeps its prefix dictionary in ``$TMPDIR/jieba.cache`` and loads that file whenever it
exists, whoever wrote it: a planted file would change kg's output, an unreadable one print a
traceback. kg instead builds the prefix dictionary from jieba's packaged ``dict.txt`` and keeps
it in a private cache (``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``, mode 700), each file named
after the hash of the dictionary it was made from and holding the SHA-256 of its own content.
A cache file is used only when it belongs to this user, nobody else may write it, and its hash
matches; anything else is ignored and the dictionary built again (about 2 s).
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import stat
from functools import cache
from pathlib import Path

from .errors import OutputError
from .io import write_atomic

#: Bytes of the SHA-256 digest that opens a cache file.
_DIGEST = 32


def cache_folder() -> Path:
    """kg's private cache folder (``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@cache
def tokenizer():
    """``jieba.dt`` (the tokenizer ``jieba.posseg.dt`` uses too), initialised from kg's
    private, verified dictionary state; call before any jieba segmentation."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    shared = jieba.dt
    with shared.lock:
        if not shared.initialized:
            shared.FREQ, shared.total = _prefix_dictionary(shared)
            shared.initialized = True
    return shared


def _prefix_dictionary(tokenizer) -> tuple[dict[str, int], int]:
    with tokenizer.get_dict_file() as handle:
        source = handle.read()
    path = cache_folder() / f"jieba-{hashlib.sha256(source).hexdigest()[:24]}.marshal"
    loaded = _load(path)
    if loaded is not None:
        return loaded
    import io

    freq, total = tokenizer.gen_pfdict(io.BytesIO(source))
    _save(path, (freq, total))
    return freq, total


def _load(path: Path) -> tuple[dict[str, int], int] | None:
    """The verified content of a cache file, or None (missing, foreign, spoilt)."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            data = handle.read()
        digest, payload = data[:_DIGEST], data[_DIGEST:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        freq, total = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(freq, dict) or not isinstance(total, int):
        return None
    return freq, total


def _save(path: Path, state: tuple[dict[str, int], int]) -> None:
    """Write the cache file (best effort: without it the next run builds the state again)."""
    payload = marshal.dumps(state)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, hashlib.sha256(payload).digest() + payload)
    except (OSError, OutputError):
        pass
