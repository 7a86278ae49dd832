"""The entities of resolved mentions: one per (type, canonical name) in a document, with its
aliases and mentions, and one per IRI across documents (``pipeline.merge``)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from .model import Document, Entity, Mention


def document_entities(document: Document, mentions: Iterable[Mention],
                      written: dict[tuple[int, int], str]) -> tuple[Entity, ...]:
    """The entities a document's mentions name, one per (type, canonical name) in that order,
    with the surface forms as aliases and the forms of the original file (``written``, by
    span: ``normalize.original_forms``) that differ from them (e.g. traditional script).
    Their ``iri`` is empty: IRIs are minted in one place, ``pipeline.with_iris``."""
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    originals: dict[tuple[str, str], set[str]] = defaultdict(set)
    spans: dict[tuple[str, str], set[tuple[str, int, int]]] = defaultdict(set)
    for m in mentions:
        surface = _alias_form(m.surface)
        if m.implied_place:  # a place with no span: the text does not write it
            aliases.setdefault(("Place", m.implied_place), set())
        if m.cue == "post":
            aliases.setdefault((m.type, m.key), set())  # named by its head's post (市长) only
            continue
        if (len(surface) > 1 and m.cue != "elided") or m.type == "Place":
            # one character names only a place (晋); 二 of 团体奖第一、二名, 全国 of
            # 全国、省、市劳模 are no labels
            aliases[(m.type, m.key)].add(surface)
        else:
            aliases.setdefault((m.type, m.key), set())
        spans[(m.type, m.key)].add((document.id, *document.original_span(m.start, m.end)))
        form = written[(m.start, m.end)]
        original = _alias_form(form) if form != m.surface else surface  # (most are the same)
        if original and original != surface:
            originals[(m.type, m.key)].add(original)
    return tuple(Entity("", t, name,
                        tuple(sorted(forms - {name})),
                        tuple(sorted(originals[(t, name)])), tuple(sorted(spans[(t, name)])))
                 for (t, name), forms in sorted(aliases.items()))


#: Quotation marks, which set a name off in the text but are not part of it (“人民楷模”).
_QUOTATION_MARKS = re.compile("[“”‘’\"'「」『』]")
#: Spaces between two Chinese characters: a scraper's or a typesetter's (两癌 筛查, 孙 涛).
_SPACE_IN_CHINESE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


@lru_cache(maxsize=65536)  # a document names most of its entities more than once
def _alias_form(surface: str) -> str:
    """A surface form as an alias: without quotation marks, without spaces between Chinese
    characters or at either end (“两癌 筛查” -> 两癌筛查)."""
    return _SPACE_IN_CHINESE.sub("", _QUOTATION_MARKS.sub("", surface)).strip()


def merge_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """One entity per IRI across documents, aliases united, sorted by IRI."""
    first: dict[str, Entity] = {}
    # the united aliases, original aliases and mentions of an IRI met more than once, sorted
    # once at the end (sorting them again for each document grew with the square of the
    # documents that name a common entity)
    united: dict[str, tuple[set, set, set]] = {}
    for e in entities:
        seen = first.get(e.iri)
        if seen is None:
            first[e.iri] = e
            continue
        if e.iri not in united:
            united[e.iri] = (set(seen.aliases), set(seen.original_aliases), set(seen.mentions))
        aliases, originals, mentions = united[e.iri]
        aliases.update(e.aliases)
        originals.update(e.original_aliases)
        mentions.update(e.mentions)
    for iri, (aliases, originals, mentions) in united.items():
        first[iri] = replace(first[iri], aliases=tuple(sorted(aliases)),
                             original_aliases=tuple(sorted(originals)),
                             mentions=tuple(sorted(mentions)))
    return tuple(first[iri] for iri in sorted(first))
