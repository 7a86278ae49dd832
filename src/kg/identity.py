"""Person identity across documents: one name is one person only when the documents agree.

Resolution gives a person the IRI of their name, so every 王芳 of a corpus would be one node
holding every post. Before the per-document results are merged, :func:`separate_people` looks
at each name that several documents mention and at what each document says of that person:
the organisations where they hold a post, with the parents and parts of those organisations
the same document states (``kg:partOf``), and the places: where those organisations are
(``kg:locatedIn``) and the region the document is about. Two documents that share any of these
speak of one person; documents that share nothing, directly or through a third, speak of
different people. When a name splits so, each group gets its own IRI, the name plus the key of
its group (``person/王芳_湖南省妇女联合会``: its first organisation, else its first place, else
its first document), and the Turtle links the nodes of one name with ``skos:closeMatch``
("possibly the same"). A name every document agrees on keeps its plain IRI (``person/王芳``).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .model import Entity
from .vocab import iri_segment


def separate_people(results: Sequence) -> list:
    """The per-document results with the people of one name split where their documents
    share nothing (see the module docstring); others unchanged.

    Parameters
    ----------
    results : sequence of DocumentResult
        In merge order (the order decides nothing but the order of the work).

    Returns
    -------
    list of DocumentResult
        The same results, a person's IRI replaced in the entities and facts of the
        documents where it names a different person.
    """
    documents_of: dict[str, list[int]] = {}
    for position, result in enumerate(results):
        for entity in result.entities:
            if entity.type == "Person":
                documents_of.setdefault(entity.iri, []).append(position)
    renames: dict[int, dict[str, str]] = {}
    for iri, positions in documents_of.items():
        if len(positions) < 2:
            continue
        contexts = [_context(results[p], iri) for p in positions]
        groups = _groups(contexts)
        if len(groups) < 2:
            continue
        for group in groups:
            key = _key([contexts[i] for i in group], results[positions[group[0]]].info.id)
            for i in group:
                renames.setdefault(positions[i], {})[iri] = f"{iri}_{key}"
    return [_renamed(result, renames[p]) if p in renames else result
            for p, result in enumerate(results)]


def _context(result, person: str) -> tuple[list[str], list[str]]:
    """(organisation names, place names) a document links a person to, each sorted."""
    names = {e.iri: e.name for e in result.entities}
    organisations = {f.object for f in result.facts
                     if f.subject == person and f.predicate == "holdsPost"}
    related = set(organisations)
    places = set()
    for fact in result.facts:
        if fact.predicate == "partOf" and fact.subject in organisations:
            related.add(fact.object)
        elif fact.predicate == "partOf" and fact.object in organisations:
            related.add(fact.subject)
        elif fact.predicate == "locatedIn" and fact.subject in organisations:
            places.add(fact.object)
    place_names = {names[p] for p in places if p in names}
    if result.info.region:
        place_names.add(result.info.region)
    return sorted(names[o] for o in related if o in names), sorted(place_names)


def _groups(contexts: list[tuple[list[str], list[str]]]) -> list[list[int]]:
    """Positions of the contexts joined by a shared organisation or place, transitively;
    groups in the order of their first position."""
    parent = list(range(len(contexts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, str], int] = {}
    for i, (organisations, places) in enumerate(contexts):
        for anchor in [("org", o) for o in organisations] + [("place", p) for p in places]:
            if anchor in first_with:
                parent[root(i)] = root(first_with[anchor])
            else:
                first_with[anchor] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(contexts)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values())


def _key(contexts: list[tuple[list[str], list[str]]], first_document: str) -> str:
    """What tells a group apart: its first organisation, else its first place, else its
    first document (groups share neither, so the keys differ)."""
    organisations = sorted({o for c in contexts for o in c[0]})
    places = sorted({p for c in contexts for p in c[1]})
    return iri_segment((organisations or places or [first_document])[0])


def _renamed(result, renames: dict[str, str]):
    def iri(value: str) -> str:
        return renames.get(value, value)

    entities = tuple(replace(e, iri=iri(e.iri)) if e.iri in renames else e
                     for e in result.entities)
    facts = tuple(replace(f, subject=iri(f.subject), object=iri(f.object))
                  if f.subject in renames or f.object in renames else f for f in result.facts)
    return replace(result, entities=entities, facts=facts)


def close_matches(entities: Sequence[Entity]) -> dict[str, list[str]]:
    """Person IRI -> the IRIs of the other people of the same name ("possibly the same")."""
    by_name: dict[str, list[str]] = {}
    for entity in entities:
        if entity.type == "Person":
            by_name.setdefault(entity.name, []).append(entity.iri)
    return {iri: sorted(set(iris) - {iri}) for iris in by_name.values() if len(iris) > 1
            for iri in iris}
