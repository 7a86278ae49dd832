"""The per-document cache of incremental builds: what one document contributes to the graph,
stored under a key of everything that decides it, so a rebuild reads only new or changed files.

The key is a hash of the file's bytes, its name (the document id and whether it is HTML), the
base IRI, kg's version, a hash of kg's own code and rule files and the versions of the libraries
that read documents (``code_hash``), so an edited rule, a new kg or a new jieba never reuses an
old result. Entries are plain JSON (loading one runs
no code); an entry that cannot be read or does not match its key counts as missing and is
rebuilt. Each code hash has its own subfolder and the subfolders of other hashes are removed when
new results are stored, so old entries do not pile up across versions. Only a build that
succeeds stores its new results (a failed one leaves no folder behind).
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import astuple
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import OutputError
from .io import ensure_folder, write_atomic
from .model import DocumentInfo, Entity, Evidence, Fact

#: The default cache folder inside the output folder (hidden: never read as input).
DEFAULT_NAME = ".kg-cache"


#: Libraries whose version changes what kg reads in a document (dictionaries, conversion
#: tables, HTML extraction).
_LIBRARIES = ("jieba", "opencc", "ahocorasick-rs", "readability-lxml", "lxml")


@cache
def code_hash() -> str:
    """A hash of kg's version, its Python modules and rule files, and the versions of the
    libraries that read documents (what decides a document's result besides the document)."""
    from . import __version__

    versions = [__version__] + [_version(name) for name in _LIBRARIES]
    digest = hashlib.sha256(" ".join(versions).encode())
    for name, path in hashed_files():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def hashed_files() -> list[tuple[str, Path]]:
    """The files ``code_hash`` reads, each with its name inside the package: every Python
    module, those of subpackages too (relate/posts.py), and the rule files."""
    package = Path(str(resources.files("kg")))
    files = []
    for folder, pattern in ((package, "**/*.py"), (package / "rules", "*")):
        files += [(path.relative_to(folder).as_posix(), path)
                  for path in sorted(folder.glob(pattern)) if path.is_file()]
    return files


def _version(distribution: str) -> str:
    from importlib import metadata

    try:
        return f"{distribution}={metadata.version(distribution)}"
    except metadata.PackageNotFoundError:
        return f"{distribution}=none"


class DocumentCache:
    """Per-document results in a folder (see the module's description).

    Parameters
    ----------
    folder : str or Path
        The cache folder, created when the first results are stored.
    """

    def __init__(self, folder: str | Path):
        self.root = Path(folder)
        self.folder = self.root / code_hash()[:20]

    @staticmethod
    def key(data: bytes, name: str, base: str, rules_digest: str) -> str:
        """The key of a document: its bytes, file name, base IRI and the digest of the rule
        set that reads it (plus the code hash)."""
        digest = hashlib.sha256(code_hash().encode())
        for part in (name.encode("utf-8", "surrogateescape"), base.encode("utf-8"),
                     rules_digest.encode("ascii"), data):
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()

    def get(self, key: str):
        """The stored ``(DocumentResult, problems)`` of ``key``, or None when there is none
        or it cannot be read back."""
        from .pipeline import DocumentResult

        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            if entry["key"] != key:
                return None
            info = DocumentInfo(*_tuples(entry["info"]))
            entities = tuple(Entity(*_tuples(row)) for row in entry["entities"])
            facts = tuple(Fact(*_tuples(fields), tuple(Evidence(*_tuples(e)) for e in evidence))
                          for *fields, evidence in entry["facts"])
            problems = tuple(entry["problems"])
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return DocumentResult(info, entities, facts), problems

    def put_all(self, entries) -> None:
        """Store new results: ``(key, DocumentResult, problems)`` each, the problems being the
        ``InputWarning`` repaired in it. Creates the folder, and removes the entries of other
        kg code or rules (never valid again). Best effort: a cache that cannot be written only
        makes the next build slower.
        """
        try:
            ensure_folder(self.folder)
        except OutputError:
            return
        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder and len(other.name) == 20:
                shutil.rmtree(other, ignore_errors=True)
        for key, result, problems in entries:
            entry = {"key": key, "info": astuple(result.info),
                     "entities": [astuple(e) for e in result.entities],
                     "facts": [astuple(f) for f in result.facts],
                     "problems": [p.reason for p in problems]}
            try:
                write_atomic(self.folder / f"{key}.json",
                             json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
            except OutputError:
                return


def _tuples(value):
    """A value read from JSON with its lists, at any depth, as the tuples the dataclasses
    hold."""
    return tuple(map(_tuples, value)) if isinstance(value, list) else value
