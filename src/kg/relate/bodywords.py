"""Bodies' words as extraction found them (``Marks.suffixes``: 妇联, 委员会, 政府), written
bare before a post or a programme: relate reads the spans extract handed on, it looks for no
organisation suffix itself.
"""
from __future__ import annotations

import re

from ..model import Document
from ..rules import per_rule_set, table, word_pattern


class BodyWords:
    """The organisation suffixes of a document's text (``Document.marks``), by where they
    start and end.

    >>> from kg.extract import extract_document
    >>> from kg.normalize import make_document
    >>> doc, _ = extract_document(make_document("现任侨联主席甲出席。".encode(), "t.txt"))
    >>> words = BodyWords.of(doc)
    >>> words.ending_at(4, 0), words.starting_at(2)
    (['侨联'], ['侨联'])
    """

    def __init__(self, text: str, suffixes):
        self.text = text
        self._by_end: dict[int, list[int]] = {}
        self._by_start: dict[int, list[int]] = {}
        for start, end in suffixes:
            self._by_end.setdefault(end, []).append(start)
            self._by_start.setdefault(start, []).append(end)

    @classmethod
    def of(cls, document: Document) -> BodyWords:
        """The organisation suffixes extraction found in ``document``."""
        return cls(document.text, document.marks.suffixes)

    def ending_at(self, end: int, start: int) -> list[str]:
        """The bodies' words that end at ``end``, not before ``start``, longest first."""
        return [self.text[a:end] for a in sorted(self._by_end.get(end, ())) if a >= start]

    def starting_at(self, start: int) -> list[str]:
        """The bodies' words that start at ``start``, longest first."""
        return [self.text[start:b] for b in sorted(self._by_start.get(start, ()), reverse=True)]


@per_rule_set
def full_forms() -> dict[str, str]:
    """Each organisation suffix as texts write it (妇联) and its full form (妇女联合会; the
    suffix itself when it has none)."""
    forms: dict[str, str] = {}
    for row in table("org_suffixes.tsv"):
        forms[row.suffix] = row.full_form or row.suffix
    return forms


@per_rule_set
def acting_kinds() -> frozenset[str]:
    """The suffixes of two characters or more that name a body of its own (kinds top, body,
    party: 妇联, 党委, 政府), not a unit or an organ of one."""
    return frozenset(row.suffix for row in table("org_suffixes.tsv")
                     if row.kind in ("top", "body", "party") and len(row.suffix) >= 2)


@per_rule_set
def _party_words() -> tuple[str, ...]:
    return tuple(row.suffix for row in table("org_suffixes.tsv") if row.kind == "party")


def units_for_post(post: str, units: list, text: str) -> list:
    """The units named before a post that it may be in: not a news outlet cited as the source
    (据某某网报道,…总领事某某); for a company's post (总裁, 副总经理: words.tsv corporate_posts)
    not the party committees among them when another is named (某集团党委副书记、总裁甲，副总裁乙:
    乙 is the company's, not its committee's)."""
    units = [u for u in units if not (text[u.start - 1:u.start] == "据"
                                      and _CITING.match(text, u.end))]
    if not re.search(word_pattern("corporate_posts") + "$", post):
        return units
    return [u for u in units if not u.surface.endswith(_party_words())] or units


#: What follows a news outlet cited as a source after 据.
_CITING = re.compile(r"报道|消息|称")
