"""Relate's rules run on documents written here and mentions made by hand, so that a test
says which mentions a rule reads (an entity's IRI is ``Type/name``); the spans extract hands
on besides mentions (``Document.marks``: post titles, headers, titles) are extract's."""
from __future__ import annotations

from kg.extract import extract_document
from kg.model import Mention
from kg.normalize import make_document
from kg.relate import SENTENCE_NEEDS
from kg.relate.facts import Facts, document_organisation


def document_of(text: str):
    return extract_document(make_document(text.encode("utf-8"), "hand.txt"))[0]


def mention(document, surface: str, kind: str, key: str | None = None, cue: str = "",
            after: str = "") -> Mention:
    """The first ``surface`` in the document's text after ``after``, as a mention."""
    start = document.text.index(surface, document.text.index(after) + len(after) if after
                                else 0)
    return Mention(document.id, start, start + len(surface), surface, kind, "test",
                   key or surface, cue)


def facts_for(document, mentions: list[Mention]) -> Facts:
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        by_sentence.setdefault(document.sentence_at(m.start), []).append(m)
    iris = {(m.type, m.key): f"{m.type}/{m.key}" for m in mentions}
    iris.update({("Place", m.implied_place): f"Place/{m.implied_place}"
                 for m in mentions if m.implied_place})
    return Facts(document, iris, document_organisation(mentions), by_sentence)


def found(facts: Facts) -> set[tuple]:
    return {(f.subject, f.predicate, f.object, f.role, f.year) for f in facts.result()}


def by_sentence_rule(rule, document, mentions: list[Mention]) -> set[tuple]:
    """The facts one sentence rule (or a tuple of rules, in turn) finds in every sentence of
    the document that holds what the rule needs (``SENTENCE_NEEDS``), as ``relate`` runs it."""
    facts = facts_for(document, mentions)
    rules = rule if isinstance(rule, tuple) else (rule,)
    for sentence, ms in sorted(facts.by_sentence.items()):
        present = {m.type for m in ms}
        for each in rules:
            if SENTENCE_NEEDS[each].met(present, document.text, sentence):
                each(document, sentence, ms, facts)
    return found(facts)


def by_document_rule(rule, document, mentions: list[Mention]) -> set[tuple]:
    """The facts one document rule finds."""
    facts = facts_for(document, mentions)
    rule(document, tuple(mentions), facts)
    return found(facts)
