"""Safe file output: atomic replacement, and one writer at a time per output folder.

A reader of ``kg.ttl`` sees the previous complete file or the new complete file, never a
half-written one, whatever happens to the writing process (killed, disk full). Two runs
writing the same folder take turns (``output_lock``), so the folder ends with one run's whole
set of files rather than a mix.
"""
from __future__ import annotations

import fcntl
import glob
import os
import tempfile
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Iterator, Mapping

from .errors import OutputError

#: The lock file ``write_outputs`` holds in an output folder while it replaces files.
LOCK_NAME = ".kg.lock"


def check_folder(folder: str | Path) -> Path:
    """Refuse, before any work, an output path that exists and is not a folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "output path exists and is not a folder")
    return folder


def ensure_folder(folder: str | Path) -> Path:
    """Create the output folder if needed; refuse a path that is a file."""
    folder = check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, f"cannot create output folder: {exc.strerror or exc}") from None
    return folder


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically (readers see the old file or the new one).

    The data goes to a temporary file in the same folder, is flushed to disk, then renamed
    over ``path``. On any failure, an interruption included, the temporary file is removed
    and ``path`` is left as it was.

    Raises
    ------
    OutputError
        The folder is not writable, the disk is full, or the rename fails.
    """
    path = Path(path)
    _replace(_stage(path, data), path)
    return path


def _stage(path: Path, data: str | bytes) -> str:
    """Write ``data`` to a new temporary file next to ``path``; return its name.

    Text is written as UTF-8; a lone surrogate (from a file name that is not UTF-8) is spelled
    ``\\udcXX`` rather than making the output invalid.
    """
    payload = data.encode("utf-8", errors="backslashreplace") if isinstance(data, str) else data
    if path.is_dir():
        raise OutputError(path, "cannot write output: is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path.parent, f"cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise OutputError(path, f"cannot write output: {exc.strerror or exc}") from None
        raise
    return tmp


def _replace(tmp: str, path: Path) -> None:
    """Rename the staged ``tmp`` over ``path`` (removing ``tmp`` if that fails)."""
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise OutputError(path, f"cannot write output: {exc.strerror or exc}") from None
        raise


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


@cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (waits for another kg writing there)."""
    try:
        handle = open(folder / LOCK_NAME, "a")
    except OSError as exc:
        raise OutputError(folder, f"cannot write output: {exc.strerror or exc}") from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_outputs(folder: str | Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write every output file of one run into ``folder``, atomically and under its lock.

    All files are staged (written and flushed) before any is renamed into place, so a full
    disk or an interruption leaves the previous set of files as it was. Temporary files that
    a killed run left behind are removed. Render all outputs before calling this.

    Parameters
    ----------
    folder : str or Path
        The output folder (created if needed).
    files : mapping of str to str or bytes
        File name to content.

    Returns
    -------
    list of Path
        The paths written, in the order of ``files``.
    """
    folder = ensure_folder(folder)
    targets = [folder / name for name in files]
    with output_lock(folder):
        for target in targets:      # no other kg writes here now: leftovers are stale
            for stale in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
                _discard(str(stale))
        staged: list[str] = []
        try:
            for target, data in zip(targets, files.values()):
                staged.append(_stage(target, data))
        except BaseException:
            for tmp in staged:
                _discard(tmp)
            raise
        for position, (tmp, target) in enumerate(zip(staged, targets)):
            try:
                _replace(tmp, target)
            except BaseException:
                for left in staged[position + 1:]:
                    _discard(left)
                raise
    return targets
