"""Safe file output: atomic replacement, and one writer at a time per output folder.

A reader of ``kg.ttl`` sees the previous complete file or the new complete file, never a
half-written one, whatever happens to the writing process (killed, disk full). Two runs
writing the same folder take turns (``output_lock``, a lock on the folder itself), so the folder
ends with one run's whole set of files rather than a mix.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import glob
import hashlib
import json
import os
import secrets
import sys
import tempfile
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .errors import OutputError

def check_folder(folder: str | Path) -> Path:
    """Refuse, before any work, an output path that exists and is not a folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "output path exists and is not a folder")
    if folder.is_symlink() and not folder.exists():
        raise OutputError(folder, f"output path is a broken symbolic link (to "
                                  f"{os.readlink(folder)})")
    return folder


def check_writable(folder: str | Path) -> Path:
    """Refuse, before any work, an output folder that could not be written: a path that is a
    file, or a folder (or, when it does not exist yet, the nearest existing folder above it)
    that this process may not write into."""
    folder = check_folder(folder)
    existing = folder.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(existing, "output path exists and is not a folder")
    try:    # an unnamed temporary file: the real test (root, read-only mounts), nothing left
        tempfile.TemporaryFile(dir=existing).close()
    except OSError as exc:
        raise OutputError(folder if existing == folder.absolute() else existing,
                          f"cannot write output: {exc.strerror or exc}") from None
    return folder


def check_not_inputs(targets: Iterable[str | Path], inputs: Iterable[str | Path]) -> None:
    """Refuse, before any work, an output file that is one of the input files (``kg export
    kg.ttl -o kg.ttl``): writing it would replace what was read.

    >>> import tempfile
    >>> graph = Path(tempfile.mkdtemp()) / "kg.ttl"
    >>> _ = graph.write_text("")
    >>> check_not_inputs([graph.parent / "kg.json"], [graph])
    >>> check_not_inputs([graph.parent / "." / "kg.ttl"], [graph])
    Traceback (most recent call last):
    kg.errors.OutputError: ...kg.ttl: is an input file; writing it would replace it (give another output path)
    """
    sources = [source for source in inputs if isinstance(source, (str, Path))]  # not stdin
    for target in map(Path, targets):
        for source in sources:
            try:
                same = os.path.samefile(target, source)
            except (OSError, ValueError):   # either is missing: not the same
                continue
            if same:
                raise OutputError(target, "is an input file; writing it would replace it "
                                          "(give another output path)")


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

    The data is written to an unnamed file (``O_TMPFILE``) that is given its temporary name
    only once complete, so a process killed while writing leaves nothing behind; where the
    system has no unnamed files, a named temporary file is written instead (removed by the next
    run if this one is killed). Text is written as UTF-8; a lone surrogate (from a file name
    that is not UTF-8) is spelled ``\\udcXX`` rather than making the output invalid.
    """
    payload = _bytes(data)
    if path.is_dir():
        raise OutputError(path, "cannot write output: is a folder")
    if not _unnamed_files_work():
        return _stage_named(path, payload)
    try:
        fd = os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, 0o644 & ~_umask())
    except OSError:                 # not on this file system (or an error mkstemp reports)
        return _stage_named(path, payload)
    with os.fdopen(fd, "wb") as handle:
        try:
            _write_synced(handle, payload)
        except OSError as exc:
            raise OutputError(path, f"cannot write output: {exc.strerror or exc}") from None
        for _ in range(100):
            tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
            try:
                _name_unnamed(handle.fileno(), tmp)
                return tmp
            except FileExistsError:
                continue
            except OSError:             # cannot be named here: write a named file instead
                break
    return _stage_named(path, payload)


@cache
def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _name_unnamed(fd: int, name: str) -> None:
    """Give the unnamed file open as ``fd`` the name ``name`` (``linkat`` with
    ``AT_EMPTY_PATH``, else through ``/proc/self/fd``)."""
    if _libc().linkat(fd, b"", _AT_FDCWD, os.fsencode(name), _AT_EMPTY_PATH) == 0:
        return
    error = ctypes.get_errno()
    if error == errno.EEXIST:
        raise FileExistsError(error, os.strerror(error), name)
    os.link(f"/proc/self/fd/{fd}", name)


_AT_FDCWD, _AT_EMPTY_PATH = -100, 0x1000


@cache
def _unnamed_files_work() -> bool:
    """Whether this system can write an unnamed file and name it afterwards (Linux, with the
    right to link it), tried once in the temporary folder."""
    if not hasattr(os, "O_TMPFILE"):
        return False
    try:
        fd = os.open(tempfile.gettempdir(), os.O_TMPFILE | os.O_WRONLY, 0o600)
    except OSError:
        return False
    try:
        name = os.path.join(tempfile.gettempdir(), f".kg-probe-{secrets.token_hex(8)}")
        _name_unnamed(fd, name)
        os.unlink(name)
        return True
    except (OSError, AttributeError):
        return False
    finally:
        os.close(fd)


def _write_synced(handle, payload: bytes) -> None:
    handle.write(payload)
    handle.flush()
    os.fsync(handle.fileno())


def _stage_named(path: Path, payload: bytes) -> str:
    """``_stage`` with a named temporary file from the start."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path.parent, f"cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_synced(handle, payload)
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


#: How long ``output_lock`` waits for another kg writing the same folder before giving up.
LOCK_TIMEOUT = 120.0


@contextmanager
def output_lock(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file is left behind).

    When another process holds it, one line on standard error says which (its process id,
    from ``/proc/locks``) and the wait lasts at most ``timeout`` seconds.

    Raises
    ------
    OutputError
        The folder cannot be opened, or the lock was still held after ``timeout`` seconds.
    """
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(folder, f"cannot write output: {exc.strerror or exc}") from None
    try:
        _acquire(handle, folder, timeout)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _acquire(handle: int, folder: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _lock_holder(handle)
            if time.monotonic() >= deadline:
                raise OutputError(folder, f"another kg ({holder}) has been writing here for "
                                          f"{timeout:.0f} s; try again when it is done") from None
            if not told:
                print(f"kg: waiting for another kg ({holder}) writing to {folder}",
                      file=sys.stderr)
                told = True
            time.sleep(0.2)


def _lock_holder(handle: int) -> str:
    """Who holds the lock on the folder open as ``handle``: ``process N`` when
    ``/proc/locks`` tells, else ``another process``."""
    info = os.fstat(handle)
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            for line in locks:
                fields = line.split()
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == device:
                    return f"process {fields[4]}"
    except OSError:
        pass
    return "another process"


def write_outputs(folder: str | Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write every output file of one run into ``folder``, atomically and under its lock.

    All files are staged (written and flushed) before any is renamed into place, so a full
    disk or an interruption leaves the previous set of files as it was. Temporary files that
    a killed run left behind are removed. Render all outputs before calling this.

    The renames of several files cannot be one step, so a set of files is described by a
    manifest, ``.FIRST.set`` (``.kg.ttl.set`` for a build): JSON naming each file with its
    SHA-256, removed before the first rename and written after the last. A folder whose
    manifest is missing or does not match its files was interrupted between two renames
    (``check_set`` tells).

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
    payloads = {name: _bytes(data) for name, data in files.items()}
    targets = [folder / name for name in payloads]
    manifest = folder / manifest_name(targets[0].name)
    with output_lock(folder):
        for target in (*targets, manifest):  # no other kg writes here now: leftovers are stale
            for stale in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
                _discard(str(stale))
        staged: list[str] = []
        try:
            for target, data in zip(targets, payloads.values()):
                staged.append(_stage(target, data))
            staged.append(_stage(manifest, _manifest(payloads)))
        except BaseException:
            for tmp in staged:
                _discard(tmp)
            raise
        _discard(str(manifest))     # from here until the new one is in place: no valid set
        for position, (tmp, target) in enumerate(zip(staged, (*targets, manifest))):
            try:
                _replace(tmp, target)
            except BaseException:
                for left in staged[position + 1:]:
                    _discard(left)
                raise
    return targets


def manifest_name(first: str) -> str:
    """The name of the manifest of the set of output files whose first file is ``first``."""
    return f".{first}.set"


def kg_outputs(folder: str | Path, first: str = "kg.ttl") -> set[str]:
    """The names of the files a build wrote into ``folder`` (its manifest's), so that a folder
    read again as input passes over kg's own ``kg.html``; none when there is no manifest."""
    try:
        recorded = json.loads((Path(folder) / manifest_name(first)).read_text(encoding="utf-8"))
        return set(recorded["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _bytes(data: str | bytes) -> bytes:
    """Text as UTF-8 (a lone surrogate, from a file name that is not UTF-8, as ``\\udcXX``)."""
    return data.encode("utf-8", errors="backslashreplace") if isinstance(data, str) else data


def _manifest(payloads: Mapping[str, bytes]) -> str:
    return json.dumps({"files": {name: hashlib.sha256(data).hexdigest()
                                 for name, data in payloads.items()}}, indent=1) + "\n"


def check_set(folder: str | Path, first: str = "kg.ttl") -> bool:
    """Whether the set of output files whose first file is ``first`` is complete: its manifest
    is there and every file it names has the content it records.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = write_outputs(folder, {"kg.ttl": "a", "kg.html": "b"})
    >>> check_set(folder)
    True
    >>> _ = (folder / "kg.html").write_text("older")
    >>> check_set(folder)
    False
    """
    folder = Path(folder)
    try:
        recorded = json.loads((folder / manifest_name(first)).read_text(encoding="utf-8"))
        return all(hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
                   for name, digest in recorded["files"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
