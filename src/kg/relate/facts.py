"""The facts of one document as the rules find them, and the merge of all documents' facts."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping

from ..model import CONTEXT_CHARS, Document, Evidence, Fact, Mention
from ..rules import per_rule_set, table, word_pattern, words
from .bodywords import BodyWords
from .titles import PostTitles


class Facts:
    """Collects facts of one document with their evidence sentence, between the entities of
    ``iris`` (the IRI of each (type, canonical name), ``pipeline.with_iris``)."""

    def __init__(self, document: Document, iris: Mapping[tuple[str, str], str],
                 own: Mention | None = None,
                 by_sentence: dict[tuple[int, int], list[Mention]] | None = None):
        self.document, self.iris = document, iris
        self.titles = PostTitles.of(document)  # the post titles extract found
        self.body_words = BodyWords.of(document)  # and the organisation suffixes
        self.own = own  # the document's own organisation (document_organisation)
        self.by_sentence = by_sentence or {}  # the mentions of each sentence, in order
        self.facts: dict[tuple, list[Evidence]] = {}
        self.elected: Mention | None = None  # the body the last election named
        # the unit of the last list of officers, with the organisations and places of its line
        self.listing: tuple | None = None
        self._subjects: dict[str, set[str]] = {}
        self._evidence: dict[tuple[int, int], Evidence] = {}  # each sentence's, made once

    def add(self, subject: Mention, predicate: str, obj: Mention, sentence: tuple[int, int],
            role: str | None = None, year: str | None = None):
        """Record a fact with its sentence as evidence (none between an entity and itself)."""
        s_iri, o_iri = self.iri(subject), self.iri(obj)
        if s_iri == o_iri:
            return
        evidence = self._evidence.get(sentence)
        if evidence is None:
            evidence = self._evidence[sentence] = self._evidence_of(sentence)
        self.facts.setdefault((s_iri, predicate, o_iri, role, year), []).append(evidence)
        self._subjects.setdefault(predicate, set()).add(s_iri)

    def _evidence_of(self, sentence: tuple[int, int]) -> Evidence:
        start, end = self.document.original_span(*sentence)
        text = self.document.text_original
        return Evidence(self.document.id, text[start:end], start, end,
                        text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS])

    def iri(self, mention: Mention) -> str:
        """The IRI of the entity a mention names."""
        return self.iris[(mention.type, mention.key)]

    def subjects(self, predicate: str) -> set[str]:
        """IRIs of the subjects of the facts of one predicate collected so far (kept up to
        date as facts are added, so asking in every sentence costs nothing; do not change it)."""
        return self._subjects.get(predicate, set())

    def result(self) -> tuple[Fact, ...]:
        """The facts collected, one per (subject, predicate, object, role, year)."""
        return tuple(Fact(s, p, o, role, year, tuple(ev))
                     for (s, p, o, role, year), ev in self.facts.items())


def document_organisation(mentions: Iterable[Mention],
                          titles: tuple[tuple[int, int], ...] = (),
                          text: str = "") -> Mention | None:
    """The organisation a document names most (its author or subject), if any, not an organ
    of a body (its 执委会, its 党组: the body is the author); a body named
    inside a 《title》 (《中华全国妇女联合会章程》: ``titles``, brackets included) is not
    counted, one that is the whole title (《中国妇女报》) is; nor is a news outlet in a
    dateline or a byline of ``text`` (新华社北京5月3日电, 新华社记者): it reports, the page is
    about others. When no body is named twice, the one a source label names (来源：市妇联)
    is the page's own."""
    mentions = list(mentions)
    source = _source_body(text, mentions)
    reach = _title_reach(titles)
    counts = Counter(m.key for m in mentions if m.type == "Organisation"
                     and m.cue != "organ" and not (m.cue == "pattern" and m.key in _national())
                     and not in_dateline(text, m) and not (
                         reach.get(m.start, -1) >= m.end and any(
                             start <= m.start and m.end <= end
                             and (m.start, m.end) != (start + 1, end - 1)
                             for start, end in titles)))
    if not counts:
        return source
    # (of bodies named as often, a national one is named in passing: 共青团 in a county's page)
    key, count = min(counts.items(), key=lambda kv: (-kv[1], kv[0] in _national(), kv[0]))
    if count < 2 and source is not None:
        return source
    if count < 2:
        # a body named once, as the whole first line, is the page's title (a yearbook's chapter)
        first = text.lstrip()
        start = len(text) - len(first)
        end = start + len(first.split("\n", 1)[0].rstrip())
        return next((m for m in mentions if m.type == "Organisation"
                     and (m.start, m.end) == (start, end)), None)
    return next(m for m in mentions if m.type == "Organisation" and m.key == key)


@per_rule_set
def _national() -> frozenset[str]:
    """The national bodies (rules/org_known.tsv): the party a pattern reads in 党的… is no
    page's own body, a League committee of a place it reads in 团市委 may be."""
    return frozenset(row.canonical for row in table("org_known.tsv"))


def _source_body(text: str, mentions: list[Mention]) -> Mention | None:
    """The body a page's source label names (来源：市妇联), when it is no news outlet (来源：
    某日报 reports on others): the page's author."""
    labels = {m.end() for m in _source_label().finditer(text)}
    return next((m for m in mentions if m.type == "Organisation" and m.start in labels
                 and not m.key.endswith(words("outlet_endings"))), None)


@per_rule_set
def _source_label() -> re.Pattern:
    """A byline's label of the text's source and its colon (rules/words.tsv source_labels)."""
    return re.compile(rf"(?:{word_pattern('source_labels')})\s*[:：]\s*[\[【]?")


def _title_reach(titles: tuple[tuple[int, int], ...]) -> dict[int, int]:
    """For each position inside a 《title》, the furthest end of the titles that hold it (a
    mention ending later is in none of them)."""
    reach: dict[int, int] = {}
    for start, end in titles:
        for pos in range(start, end):
            reach[pos] = max(reach.get(pos, end), end)
    return reach


@per_rule_set
def _dateline() -> re.Pattern:
    """What follows a news outlet's name in a dateline or byline: a place and a date and 电 or
    讯, or a reporter's title (rules/words.tsv reporter_titles)."""
    return re.compile(r"[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日(?:电|讯)|(?:特约|驻[\u4e00-\u9fff]{1,4})?"
                      rf"{word_pattern('reporter_titles')}|讯")


def in_dateline(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is a news outlet in a dateline or byline (新华社北京5月3日电,
    新华社记者), which reports what the sentence says rather than takes part in it."""
    return _dateline().match(text, mention.end) is not None


def merge_facts(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """One fact per (subject, predicate, object, role, year); evidence united and sorted."""
    merged: dict[tuple, list] = {}
    for f in facts:
        merged.setdefault((f.subject, f.predicate, f.object, f.role or "", f.year or ""),
                          []).extend(f.evidence)
    return tuple(
        Fact(s, p, o, role or None, year or None,
             tuple(sorted(set(ev), key=lambda e: (e.doc_id, e.start, e.end, e.sentence))))
        for (s, p, o, role, year), ev in sorted(merged.items()))
