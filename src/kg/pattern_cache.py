"""kg's regular expressions compiled once per machine instead of once per run.

Python's ``re`` compiles a pattern in Python and walks a character class's ranges one character
at a time (``[\\u4e00-\\u9fff]`` alone is 21,000 steps, about 0.7 ms): kg's 340 patterns took
0.15-0.2 s of CPU at the start of every run, a quarter of ``kg build`` of one small file. ``re``
keeps each pattern it compiles in its own cache, keyed by the pattern's text and flags, for the
life of the process; ``preload`` fills that cache, before kg's modules compile their patterns,
from a file of kg's private cache (``kg.private_cache``), and ``save`` writes the file when a
run compiled patterns the file lacks. The file holds what ``re``'s compiler hands to the
``_sre`` engine (the compiled code of each pattern, its flags and groups), so a pattern read
back is the very one ``re.compile`` gives (a ``re.Pattern`` compares equal only with the same
code: ``save`` keeps only those that do). It is named after the interpreter (another Python
version compiles differently) and kg's folder (two installs do not mix their patterns).

The file holds the patterns in ``re``'s cache when the run ends (``re`` keeps the last 512 it
compiled, so patterns made from documents do not pile up: a pattern they pushed out is
compiled again, and saved again, by the next run that needs it).
"""
from __future__ import annotations

import hashlib
import marshal
import re
import sys
from pathlib import Path

import _sre
from re import _compiler, _parser

from .private_cache import cache_folder, read_verified, write_verified

#: How many files of patterns (one per interpreter and install of kg) the cache keeps.
KEEP = 16

#: The file's entry of each pattern read from it or written to it, by its key in ``re``'s cache.
_entries: dict = {}


def cache_file() -> Path:
    """The file of the patterns this interpreter compiled for this install of kg."""
    key = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{Path(__file__).parent}".encode())
    return cache_folder() / f"patterns-{key.hexdigest()[:24]}.marshal"


def preload() -> None:
    """Put the patterns of the cache file in ``re``'s cache (nothing if the file is missing,
    spoilt or not of this layout, or if this Python's ``re`` keeps no such cache)."""
    cache = getattr(re, "_cache", None)
    try:
        payload = read_verified(cache_file())
    except RuntimeError:  # no home folder (Path.home): no cache
        return
    if not isinstance(cache, dict) or payload is None:
        return
    try:
        entries = {(str, text, flags): (text, flags, compiled)
                   for text, flags, compiled in marshal.loads(payload)}
        patterns = {key: _sre.compile(text, *compiled)
                    for key, (text, _, compiled) in entries.items()}
    except (ValueError, EOFError, TypeError, RuntimeError):  # RuntimeError: invalid code
        return
    for key, pattern in patterns.items():
        cache.setdefault(key, pattern)
    _entries.update(entries)


def save() -> None:
    """Write the cache file if this run compiled patterns it lacks (best effort)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    compiled = [(key, pattern) for key, pattern in list(cache.items())
                if key[0] is str and key not in _entries]
    if not compiled:
        return
    try:
        path = cache_file()
    except RuntimeError:  # no home folder (Path.home): no cache
        return
    for key, pattern in compiled:
        _entries[key] = _entry(key[1], key[2], pattern)
    write_verified(path, marshal.dumps([_entries[key] for key in list(cache)
                                        if _entries.get(key) is not None]), KEEP)


def _entry(text: str, flags: int, pattern: re.Pattern) -> tuple | None:
    """What ``_sre.compile`` is given to make ``pattern`` (as ``re._compiler.compile`` does),
    or None if that does not give the same pattern back."""
    try:
        tree = _parser.parse(text, flags)
        code = [int(op) for op in _compiler._code(tree, flags)]
        groups = tree.state.groupdict
        names = [None] * tree.state.groups
        for name, number in groups.items():
            names[number] = name
        compiled = (int(flags | tree.state.flags), code, tree.state.groups - 1, dict(groups),
                    tuple(names))
        same = _sre.compile(text, *compiled) == pattern
    except (AttributeError, TypeError, ValueError, RuntimeError, re.error):
        return None  # a change in re's internals: each run compiles that pattern
    return (text, int(flags), compiled) if same else None
