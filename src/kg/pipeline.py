"""The pipeline: files -> documents -> mentions -> entities -> facts -> ``KnowledgeGraph``.

Per-document work (``process_document``) is a pure function of one file and the loaded rules,
so it runs in parallel processes; only ``merge`` sees the whole corpus.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

from . import extract, relate, resolve
from .errors import InputError
from .graph import KnowledgeGraph
from .model import DocumentInfo, Entity, Fact
from .normalize import read_document
from .vocab import DEFAULT_BASE


@dataclass(frozen=True)
class DocumentResult:
    """What one document contributes: its info, its entities and its facts."""

    info: DocumentInfo
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


def default_corpus() -> list[Path]:
    """The embedded seed texts (the project's ``seeds/`` folder)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "seeds"
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return sorted(candidate.glob("*.txt"))
    packaged = resources.files("kg") / "seeds"
    return sorted(Path(str(packaged)).glob("*.txt"))


def collect_paths(paths: Iterable[str | Path] | None) -> list[Path]:
    """Expand files and folders (``*.txt`` inside, sorted) into a de-duplicated file list."""
    if not paths:
        return default_corpus()
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise InputError(path, "folder holds no .txt files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            raise InputError(path, "broken symbolic link")
        else:
            raise InputError(path, "no such file or folder")
    unique = {p.resolve(): p for p in files}
    return sorted(unique.values(), key=lambda p: (p.name, str(p)))


def process_document(path: Path, base: str = DEFAULT_BASE) -> DocumentResult:
    """Read one file and extract its entities and facts (pure: same file, same result)."""
    document = read_document(path)
    mentions = extract.extract_mentions(document)
    document, mentions = resolve.resolve_document(document, mentions)
    entities = resolve.document_entities(document, mentions, base)
    facts = relate.relate(document, mentions, base)
    info = DocumentInfo(document.id, Path(path).name, document.sha256, document.region)
    return DocumentResult(info, entities, facts)


def merge(results: Iterable[DocumentResult]) -> KnowledgeGraph:
    """Merge per-document results into one graph, in a deterministic order."""
    results = sorted(results, key=lambda r: (r.info.id, r.info.sha256))
    entities = resolve.merge_entities(e for r in results for e in r.entities)
    known = {e.iri for e in entities}
    facts = relate.merge_facts(f for r in results for f in r.facts
                               if f.subject in known and f.object in known)
    return KnowledgeGraph(tuple(r.info for r in results), entities, facts)


def build(paths: Iterable[str | Path] | None = None, *, base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Build the knowledge graph of the given files and folders (default: the seeds).

    >>> graph = build()
    >>> graph.entity_counts()["Organisation"] > 0
    True
    """
    files = collect_paths(paths)
    return merge(process_document(path, base) for path in files)
