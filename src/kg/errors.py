"""The error hierarchy: every user mistake is a ``KgError`` with a one-line message."""
from __future__ import annotations

import os
from pathlib import Path


def _rebuild(cls: type, args: tuple, state: dict) -> BaseException:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class _Picklable:
    """Pickling that keeps the attributes: the constructors take more than the message
    (``InputError(path, reason)``), so the default, which calls ``cls(*args)``, would fail when
    an error or warning travels back from a worker process."""

    def __reduce__(self):
        return _rebuild, (type(self), self.args, vars(self))


class KgError(_Picklable, Exception):
    """Base class of every error kg reports to a user (exit status 2)."""

    exit_status = 2


class ArgumentError(KgError, TypeError, ValueError):
    """An argument of kg's Python API of the wrong type or value (``kg.build(5)``); also a
    ``TypeError`` and a ``ValueError``, so code that catches those still does."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


def path_argument(name: str, value: object) -> Path:
    """``value`` as a ``Path`` when it names a file or folder (``str`` or ``os.PathLike``);
    else ``ArgumentError`` naming the argument.

    >>> path_argument("folder", 5)
    Traceback (most recent call last):
    kg.errors.ArgumentError: folder: expected a file or folder name (str or Path), not int
    """
    if isinstance(value, (str, os.PathLike)):
        return Path(value)
    raise ArgumentError(name, "expected a file or folder name (str or Path), "
                              f"not {type(value).__name__}")


class InputError(KgError):
    """An input file or folder that cannot be read as a document."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class InputWarning(_Picklable, UserWarning):
    """A problem with one input that kg worked around: the file was repaired or skipped.

    ``warnings.warn(InputWarning(path, reason))`` reports it; ``kg build`` lists every one at
    the end of a run and exits with status 1 (``--strict`` makes each an ``InputError``).
    """

    def __init__(self, path: str | Path, reason: str, skipped: bool = False):
        self.path = str(path)
        self.reason = reason
        self.skipped = skipped
        super().__init__(f"{self.path}: {reason}" + (" (skipped)" if skipped else ""))

    @classmethod
    def skipping(cls, error: InputError) -> InputWarning:
        """The warning that a file was skipped because of ``error``."""
        return cls(error.path, error.reason, skipped=True)

    def as_error(self) -> InputError:
        """The same problem as an error (for ``--strict``)."""
        return InputError(self.path, self.reason)


class RuleError(KgError):
    """A malformed line in a rule file."""

    def __init__(self, path: str | Path, line: int, reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        # line 0: the file as a whole
        super().__init__(f"{self.path}:{line}: {reason}" if line else f"{self.path}: {reason}")


class OutputError(KgError):
    """An output file or folder that cannot be written."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class QueryError(KgError):
    """A SPARQL query or graph file that cannot be used."""
