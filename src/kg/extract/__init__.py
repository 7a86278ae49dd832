"""The ``extract`` stage: the rule files applied to a document's normalised text.

One Aho–Corasick automaton (``lexicon``) finds every lexicon form (places, organisation suffixes,
programme words, honour heads, post titles, boundary words) in one pass; each sentence
(``sentence.Sentence``) gets its hits and the places where a name may start; the rules of the
entity families (one module each: ``places``, ``organisations``, ``media``, ``programmes``,
``honours``, ``lists``, ``people``) run in the order of ``RULES``, each reading the candidates found before
it; ``overlaps.settle_overlaps`` is the one place where conflicting candidates are decided (its
docstring holds the overlap policy). Last, over the whole document, the holders listed under
honour headings (``lists``), the congresses named short (``congresses``), the page's own body it
calls 我校 (``own_bodies``) and the aliases the text states (``aliases``).
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Document, Marks, Mention
from ..places import section_places
from . import (congresses, events, honours, lists, media, missions, officers, organisations,
               own_bodies, people, places, programmes)
from .aliases import abbreviations_before_posts, stated_aliases
from .lexicon import byline_titles
from .lists import listed_holders
from .officers import LIST_LINE_LEAD
from .overlaps import names_read_again, settle_overlaps
from .programmes import named_as
from .sentence import Candidate, Sentence, document_sentences

__all__ = ["extract_mentions", "extract_document", "settle_overlaps", "named_as", "Candidate",
           "RULES", "LIST_LINE_LEAD"]

#: The rules of every family in the order they run on a sentence; each is called as
#: ``rule(sentence, found)`` with the candidates the rules before it found, and returns its own.
RULES = (
    places.gazetteer_places,
    organisations.known_organisations,
    own_bodies.own_bodies,
    organisations.pattern_names,
    organisations.suffixed_organisations,
    organisations.departments,
    organisations.organs,
    officers.party_groups_of_lists,
    officers.bodies_of_titles,
    organisations.units_in_post_chains,
    organisations.governments_of_posts,
    missions.mission_names,
    missions.missions_of_posts,
    organisations.brands_before_posts,
    media.book_titles,
    media.byline_outlets,
    congresses.congress_short_forms,
    programmes.quoted_names,
    events.festival_events,
    events.dated_activities,
    programmes.programme_names,
    programmes.listed_programmes,
    programmes.section_headers,
    honours.honour_titles,
    honours.conferred_titles,
    honours.ranked_prizes,
    honours.won_prizes,
    lists.listed_recipients,
    people.person_names,
)


def extract_mentions(document: Document) -> tuple[Mention, ...]:
    """All entity mentions of a document, overlaps settled.

    Parameters
    ----------
    document : Document
        A normalised document (``kg.normalize.make_document``), with its sentences.

    Returns
    -------
    tuple of Mention
        The mentions in text order; ``key`` is the name the rule proposes (resolve makes it
        canonical), ``rule_id`` the rule that found it.

    Examples
    --------
    >>> from kg.normalize import make_document
    >>> doc = make_document("嘉禾县人民医院儿科主任周若兰获评先进个人。".encode(), "t.txt")
    >>> for m in extract_mentions(doc):
    ...     print(m.type, m.surface)
    Place 嘉禾县
    Organisation 嘉禾县人民医院
    Organisation 嘉禾县人民医院儿科
    Person 周若兰
    Honour 先进个人
    """
    return extract_document(document)[1]


def extract_document(document: Document) -> tuple[Document, tuple[Mention, ...]]:
    """The document with the spans extraction found besides its mentions (``Document.marks``:
    post titles, 【】 headers, 《》 titles, which relate reads), and its mentions
    (``extract_mentions``).

    Examples
    --------
    >>> from kg.normalize import make_document
    >>> doc = make_document("【春苗行动】市妇联副主席甲宣读《实施方案》。".encode(), "t.txt")
    >>> doc, mentions = extract_document(doc)
    >>> [doc.text[a:b] for a, b in doc.marks.posts + doc.marks.headers + doc.marks.titles]
    ['副主席', '主席', '【春苗行动】', '《实施方案》']
    """
    text = document.text
    candidates: list[Candidate] = []
    posts, suffixes, headers, titles = [], [], [], []
    for sentence in document_sentences(document):
        found = _sentence_candidates(sentence)
        candidates.extend(settle_overlaps(found))  # names never cross sentences
        posts += sentence.posts
        suffixes += sentence.suffixes
        headers += sentence.headers
        titles += sentence.titles
    candidates = programmes.counted_kinds(text, programmes.named_again(text, candidates))
    candidates = names_read_again(text, candidates)
    holders, headings, lists = listed_holders(text, candidates)
    # a unit listed under an honour heading is no person's name (隆基绿|能科技…公司)
    units = [(h.start, h.end) for h in holders if h.type == "Organisation"]
    candidates = [c for c in candidates if c.type != "Person"
                  or not any(a < c.end and c.start < b for a, b in units)]
    settled = abbreviations_before_posts(text, stated_aliases(text, own_bodies.named_own_bodies(
        text, congresses.congresses_named_in_full(text, candidates + holders))))
    bylines = byline_titles()
    marks = Marks(tuple(posts), tuple((s, e) for s, e in posts if text[s:e] in bylines),
                  tuple(headers), tuple(titles), tuple(section_places(text)),
                  tuple(sorted(headings)),
                  tuple((span, tuple(items)) for span, items in lists), tuple(suffixes))
    return replace(document, marks=marks), tuple(
        Mention(document.id, c.start, c.end, text[c.start:c.end], c.type, c.rule_id, c.key,
                c.cue) for c in settled)


def _sentence_candidates(sent: Sentence) -> list[Candidate]:
    found: list[Candidate] = []
    for rule in RULES:
        found += rule(sent, found)
    # an organ named only inside its meeting's name (…执行委员会第一次会议) is not a mention
    meetings = [c for c in found if c.type == "Programme"]
    return [c for c in found if c.cue != "organ"
            or not any(m.start <= c.start and c.end < m.end for m in meetings)]
