"""Core types: small frozen dataclasses passed between the pipeline stages."""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

ENTITY_TYPES = ("Organisation", "Programme", "Person", "Place", "Honour")
PREDICATES = ("holdsPost", "awarded", "runs", "locatedIn", "partOf")
#: Characters of original text kept on each side of an evidence sentence.
CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Marks:
    """Spans of a document's normalised text that extraction found besides its mentions, so
    that relate reads them instead of finding them again. Each is ``(start, end)``, in text
    order.

    ``posts``: every post title of rules/posts.tsv (all of them, overlapping ones too: 副主席
    and 主席); ``bylines`` those of kind ``byline`` (记者); ``headers``: 【section】 headers
    and ``titles``: 《title》 marks, brackets included. ``sections``: where each section of a
    round-up page headed by a line that is only a city's or county's name starts, and that
    place (``places.section_places``), for resolve. ``list_headings``: the honours that head
    a list of their holders (…三八红旗手名单), and ``honour_lists`` each one's holders as
    extraction read them: ``((start, end), ((start, end), …))``. ``suffixes``: every
    organisation suffix of rules/org_suffixes.tsv (妇联, 委员会: a body's word).
    """

    posts: tuple[tuple[int, int], ...] = ()
    bylines: tuple[tuple[int, int], ...] = ()
    headers: tuple[tuple[int, int], ...] = ()
    titles: tuple[tuple[int, int], ...] = ()
    sections: tuple[tuple[int, str], ...] = ()
    list_headings: tuple[tuple[int, int], ...] = ()
    honour_lists: tuple[tuple[tuple[int, int], tuple[tuple[int, int], ...]], ...] = ()
    suffixes: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Document:
    """One input document after normalisation.

    ``text`` is the normalised text that extraction sees; ``offset_map[i]`` is the index in
    ``text_original`` of the character ``text[i]`` came from (with one extra final entry for
    the end), so any span of ``text`` maps back into the original file. The later stages add
    what they find in the document as a whole: ``marks`` (extract: spans other than
    mentions), ``region`` (resolve).
    """

    id: str
    path: str
    sha256: str
    text_original: str = field(repr=False)
    text: str = field(repr=False)
    offset_map: array = field(repr=False, compare=False)
    sentences: tuple[tuple[int, int], ...] = field(repr=False, default=())
    region: str | None = None
    encoding: str = "utf-8"
    marks: Marks = field(repr=False, default_factory=Marks)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of ``text`` to a span of ``text_original``."""
        if end <= start:
            pos = self.offset_map[start]
            return pos, pos
        return self.offset_map[start], self.offset_map[end - 1] + 1

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span of ``text`` that holds position ``pos``."""
        lo = bisect_right(self.sentences, pos, key=itemgetter(1))  # the first ending after pos
        if lo < len(self.sentences):
            return self.sentences[lo]
        return (0, len(self.text))


@dataclass(frozen=True)
class Mention:
    """A span of a document's normalised text that names an entity.

    ``key`` is the name the rule proposes (e.g. the full place name for a short form);
    resolution turns it into the canonical name. ``cue`` says how it was found, where later
    stages treat it apart: ``pattern`` (a regular expression of rules/patterns.tsv),
    ``organ`` (an organ of a body, 第五届主席团), ``after-place`` (a place read right after the
    place that holds it), ``post`` (a government named only by its head's post, 深圳市市长: the
    span is the post, no alias), ``gazetteer`` (a place by one of its gazetteer forms),
    ``elided`` (a title written in part, at the words that stand for it: 全国 of
    全国、省、市劳模, 奖章 of 五一劳动奖状、奖章; no alias); empty
    otherwise. ``implied_place``, which resolve gives an
    organisation or a programme, is the place its canonical name holds and its text does not
    write (自治区妇联 -> 内蒙古自治区妇女联合会: 内蒙古自治区).
    """

    doc_id: str
    start: int
    end: int
    surface: str
    type: str
    rule_id: str
    key: str = ""
    cue: str = ""
    implied_place: str = ""


@dataclass(frozen=True)
class Entity:
    """One real thing after resolution across all documents.

    ``mentions`` are the places it is named: ``(document id, start, end)``, offsets into the
    original file text, sorted.
    """

    iri: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    original_aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: document, sentence text and offsets into the original file.

    ``prefix`` and ``suffix`` are the original text just before and after the sentence (up to
    :data:`CONTEXT_CHARS` characters each), so a reader sees it in its place.
    """

    doc_id: str
    sentence: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Fact:
    """A direct link between two entities, with qualifiers and evidence."""

    subject: str
    predicate: str
    object: str
    role: str | None = None
    year: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class DocumentInfo:
    """What the graph keeps of a document: enough to cite it, not its text."""

    id: str
    path: str
    sha256: str
    region: str | None = None
    title: str | None = None  # the heading, when the text opens with one (docmeta)
    date: str | None = None  # ISO date of the dateline, when the text gives one
