"""The command line's argument types: each refuses a bad value with a reason, which argparse
prints with the usage (exit status 2)."""
from __future__ import annotations

import argparse
import os


def path(text: str) -> str:
    """A file or folder argument, never empty: ``-o "$OUT"`` with ``OUT`` unset would write
    into (or ``kg build ""`` read) the current folder."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path (an unset shell variable?)")
    return text


def whole(text: str) -> int:
    """An argument that must be a whole number of at least 0."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}")
    return int(text)


def seconds(text: str) -> float:
    """An argument that must be a number of seconds, at least 0."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}")
    return value


def jobs(text: str) -> int:
    """``--jobs``: a whole number of at least 1, or ``auto`` for the cores this process may
    use (argparse reports a bad one)."""
    if text == "auto":
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1 or 'auto', "
                                         f"not {text!r}")
    return value


def port(text: str) -> int:
    """``--port``: a TCP port number, 0 to 65535 (0: any free port)."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, not {text!r}")
    return int(text)
