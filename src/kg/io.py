"""Atomic file output: write to a temporary file in the target folder, then rename."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def ensure_folder(folder: str | Path) -> Path:
    """Create the output folder if needed; refuse a path that is a file."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "output path exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, f"cannot create output folder: {exc.strerror or exc}") from None
    return folder


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically (readers see the old file or the new one)."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path.parent, f"cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(path, f"cannot write output: {exc.strerror or exc}") from None
    return path
