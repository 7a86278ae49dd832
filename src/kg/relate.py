"""The ``relate`` stage: sentence patterns give ``Fact``s with ``Evidence``."""
from __future__ import annotations

from typing import Iterable

from .model import Document, Fact, Mention


def relate(document: Document, mentions: tuple[Mention, ...], base: str) -> tuple[Fact, ...]:
    """The facts a document states between its resolved mentions."""
    return ()


def merge_facts(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """One fact per (subject, predicate, object, role, year); evidence united and sorted."""
    merged: dict[tuple, list] = {}
    for f in facts:
        merged.setdefault((f.subject, f.predicate, f.object, f.role or "", f.year or ""),
                          []).extend(f.evidence)
    return tuple(
        Fact(s, p, o, role or None, year or None,
             tuple(sorted(set(ev), key=lambda e: (e.doc_id, e.start, e.end))))
        for (s, p, o, role, year), ev in sorted(merged.items()))
