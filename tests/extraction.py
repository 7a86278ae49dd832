"""Helpers of the extraction tests: mentions of in-memory one-document texts."""
from __future__ import annotations

from kg.extract import extract_document, extract_mentions
from kg.extract.sentence import Sentence, document_sentences
from kg.normalize import make_document
from kg.resolve import resolve_document


def entities(text: str) -> set[tuple[str, str]]:
    """(type, canonical name) of every mention of a one-document text."""
    document = make_document(text.encode("utf-8"), "sample.txt")
    _, mentions = resolve_document(*extract_document(document))
    return {(m.type, m.key) for m in mentions}


def names_of(text: str) -> dict[tuple[str, str], set[str]]:
    """(type, canonical name) -> the surface forms that name it in a one-document text."""
    document = make_document(text.encode("utf-8"), "sample.txt")
    _, mentions = resolve_document(*extract_document(document))
    forms: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        forms.setdefault((m.type, m.key), set()).add(m.surface)
    return forms


def surfaces(text: str) -> set[tuple[str, str]]:
    """(type, surface) of the mentions extract finds in a one-document text, before resolve."""
    document = make_document(text.encode("utf-8"), "sample.txt")
    return {(m.type, m.surface) for m in extract_mentions(document)}


def sentence_of(text: str) -> Sentence:
    """The one sentence of an in-memory text, with its lexicon hits."""
    (sentence,) = document_sentences(make_document(text.encode("utf-8"), "sample.txt"))
    return sentence
