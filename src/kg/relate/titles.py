"""Post titles as extraction found them (``Marks.posts``), read as chains: 党组书记、主席,
副县长兼秘书长. Relate reads the spans extract handed on; it looks up no title itself.
"""
from __future__ import annotations

import re

from ..model import Document
from ..rules import per_rule_set, word_pattern, words

#: The longest chain of post titles read before or after a unit or a name.
LONGEST_CHAIN = 12
#: What joins two posts of a chain (主席、党组书记; 副县长兼秘书长).
_JOINS = frozenset("、兼")
#: The longest rank or deputy prefix (兼职常务副).
_LONGEST_PREFIX = 5
#: Words of a unit no rule names, before a post's head (政工科|科员, 某矿综采一队|采支工): at
#: most this many.
_OPEN_WORDS = 10
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Conjunctions and particles, never among the words of a unit before a post's head.
_NOT_UNIT_WORDS = frozenset("和与及的在为、")


@per_rule_set
def _prefix() -> re.Pattern:
    """A rank or deputy prefix before a post title, or none: 副县长, 代省长, 常务副市长,
    一级检察官, 兼职副书记, 名誉会长."""
    modes = word_pattern("post_modes")
    return re.compile(rf"(?:{modes}?{word_pattern('post_deputies')}|{modes}"
                      rf"|{word_pattern('post_ranks')}|{word_pattern('post_honorary')})?")


class PostTitles:
    """The post titles of a document's text (``Document.marks``), read as chains.

    >>> from kg.extract import extract_document
    >>> from kg.normalize import make_document
    >>> doc, _ = extract_document(make_document("省妇联党组书记、副主席甲出席。".encode(), "t.txt"))
    >>> titles = PostTitles.of(doc)
    >>> titles.before(0, doc.text.index("甲")), titles.end(3) == doc.text.index("甲")
    ('党组书记、副主席', True)
    """

    def __init__(self, text: str, posts, bylines=()):
        self.text = text
        self._ends: dict[int, list[int]] = {}  # the ends of the titles starting at each place
        for start, end in posts:
            self._ends.setdefault(start, []).append(end)
        self._bylines = frozenset(bylines)

    @classmethod
    def of(cls, document: Document) -> PostTitles:
        """The post titles extraction found in ``document``."""
        return cls(document.text, document.marks.posts, document.marks.bylines)

    def _posts_from(self, start: int, limit: int, open_ended: bool) -> set[int]:
        """Where one post starting at ``start`` may end, at ``limit`` at most: a title with a
        rank or deputy prefix; ``open_ended``, also a few words and a title or a title's head
        (政工科科员, 项目总监)."""
        text, found = self.text, set()
        for at in range(start, min(start + _LONGEST_PREFIX, limit) + 1):
            if at in self._ends and _prefix().fullmatch(text, start, at):
                found.update(end for end in self._ends[at] if end <= limit)
        if open_ended:
            for at in range(start, min(start + _OPEN_WORDS, limit) + 1):
                if at > start and (not _HAN.match(text, at - 1)
                                   or text[at - 1] in _NOT_UNIT_WORDS):
                    break  # (a unit's words hold no conjunction: 书记甲|和|省委副书记乙)
                found.update(end for end in self._ends.get(at, ()) if end <= limit)
                found.update(at + len(head) for head in words("post_heads")
                             if text.startswith(head, at) and at + len(head) <= limit)
        return found

    def _chain_ends(self, start: int, limit: int, open_ended: bool = False) -> set[int]:
        """Where a chain of posts starting at ``start`` may end, at ``limit`` at most."""
        ends, todo, seen = set(), [start], {start}
        while todo:
            for end in self._posts_from(todo.pop(), limit, open_ended):
                ends.add(end)
                if end + 1 < limit and self.text[end] in _JOINS and end + 1 not in seen:
                    seen.add(end + 1)
                    todo.append(end + 1)
        return ends

    def chain(self, start: int, end: int, open_ended: bool = False) -> bool:
        """Whether ``[start, end)`` is a chain of post titles (with ``open_ended``, of posts
        with words of a unit no rule names before their head: 政工科科员)."""
        return start < end and end in self._chain_ends(start, end, open_ended)

    def end(self, start: int) -> int:
        """The end of the chain of post titles that starts at ``start`` (``start`` if none)."""
        limit = min(start + LONGEST_CHAIN, len(self.text))
        return max((end for end in self._chain_ends(start, limit) if end - start >= 2),
                   default=start)

    def before(self, start: int, pos: int) -> str | None:
        """The chain of post titles that ends right before ``pos`` (党组书记、主席), not
        before ``start``, if any."""
        for length in range(min(LONGEST_CHAIN, pos - start), 1, -1):
            if self.chain(pos - length, pos):
                return self.text[pos - length:pos]
        return None

    def within(self, start: int, end: int) -> bool:
        """Whether a post title lies inside ``[start, end)``."""
        return any(at in self._ends and any(e <= end for e in self._ends[at])
                   for at in range(start, end))

    def byline(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a reporter's title (记者: posts.tsv kind byline)."""
        return (start, end) in self._bylines
