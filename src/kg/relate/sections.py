"""【section】 headers: the programmes under a header that names a programme."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from ..model import Mention


def programmes_under_headers(document, mentions, facts):
    """Programmes under a 【section】 header that names a programme are parts of it, except
    those the section lists as awarded (a project honoured is not thereby a part); the
    programme of the header is run by the first organisation its section names, when that is
    the document's own (the yearbook chapter of a federation)."""
    text, own = document.text, facts.own
    awarded = facts.subjects("awarded")
    headers = document.marks.headers  # (as extract found them)
    programmes = _MentionsByStart(m for m in mentions if m.type == "Programme"
                           and m.cue != "pattern")
    orgs = _MentionsByStart(m for m in mentions if m.type == "Organisation")
    for i, (a, b) in enumerate(headers):
        header = [p for p in programmes.within(a + 1, b) if p.end < b]
        if not header:
            continue
        end = headers[i + 1][0] if i + 1 < len(headers) else len(text)
        first = next(iter(orgs.within(b, end)), None)
        if own is not None and first is not None and first.key == own.key:
            facts.add(first, "runs", header[0], document.sentence_at(first.start))
        for p in programmes.within(b, end):
            if p.key != header[0].key and facts.iri(p) not in awarded:
                facts.add(p, "partOf", header[0], document.sentence_at(p.start))


class _MentionsByStart:
    """Mentions indexed by where they start, so that those starting in a span are found
    without looking at the others (a long document has many sections)."""

    def __init__(self, mentions: Iterable[Mention]):
        self.mentions = list(mentions)
        self.order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        self.starts = [self.mentions[i].start for i in self.order]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in ``[start, end)``, in their original order."""
        found = self.order[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return [self.mentions[i] for i in sorted(found)]
