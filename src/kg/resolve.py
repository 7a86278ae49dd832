"""The ``resolve`` stage: mentions to canonical names, and one entity per real thing."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable

from .model import Document, Entity, Mention
from .vocab import entity_iri


def resolve_document(document: Document, mentions: tuple[Mention, ...]):
    """Give each mention its canonical name (its ``key``) in the document's context."""
    resolved = tuple(m if m.key else replace(m, key=m.surface) for m in mentions)
    return document, resolved


def document_entities(mentions: Iterable[Mention], base: str) -> tuple[Entity, ...]:
    """The entities a document's mentions name, with the surface forms as aliases."""
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        aliases[(m.type, m.key)].add(m.surface)
    return tuple(Entity(entity_iri(t, name, base), t, name,
                        tuple(sorted(forms - {name})))
                 for (t, name), forms in sorted(aliases.items()))


def merge_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """One entity per IRI across documents, aliases united, sorted by IRI."""
    merged: dict[str, Entity] = {}
    for e in entities:
        seen = merged.get(e.iri)
        if seen is None:
            merged[e.iri] = e
        else:
            merged[e.iri] = replace(
                seen,
                aliases=tuple(sorted(set(seen.aliases) | set(e.aliases))),
                original_aliases=tuple(sorted(set(seen.original_aliases)
                                              | set(e.original_aliases))))
    return tuple(merged[iri] for iri in sorted(merged))
