"""Shared fixtures: the seed texts and an in-process runner of the command line."""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg import cli, io
from kg.pipeline import default_corpus

SEED_FILES = default_corpus()


def seed_file(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. ``"004"``)."""
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return path


def seed_text(prefix: str) -> str:
    """The UTF-8 text of the seed whose name starts with ``prefix``."""
    return seed_file(prefix).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Run:
    """What one ``kg`` command gave: exit status and the two output streams."""

    status: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        """Standard error, line by line."""
        return self.err.splitlines()


@pytest.fixture
def run_kg(capsys):
    """Run ``kg ARGS...`` in this process (``cli.main``) and capture what it printed."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        status = cli.main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


@pytest.fixture
def disk_full_at(monkeypatch):
    """``disk_full_at(n)``: from now on, the ``n``-th file kg flushes to disk meets a full
    disk (``ENOSPC``); the others are written."""

    def arrange(failing: int) -> None:
        real_fsync, calls = io.os.fsync, []

        def fsync(fd):
            calls.append(fd)
            if len(calls) == failing:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_fsync(fd)

        monkeypatch.setattr(io.os, "fsync", fsync)

    return arrange
