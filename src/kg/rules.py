"""Rule files: loading the TSV tables under ``kg/rules/`` once, and the lexicon automaton.

A rule file is UTF-8 TSV. Lines starting with ``#`` are comments (the header documents the
columns); blank lines are skipped. A line with the wrong number of columns raises
``RuleError`` naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterable, Iterator

import ahocorasick

from .errors import RuleError


@dataclass(frozen=True)
class Row:
    """One rule line: its cells and where it came from (``file:line``, the rule id)."""

    cells: tuple[str, ...]
    rule_id: str

    def __getitem__(self, index: int) -> str:
        return self.cells[index]


def parse_table(text: str, name: str, columns: int, min_columns: int | None = None) -> list[Row]:
    """Parse TSV text into rows of ``columns`` cells (trailing cells may be left out down to
    ``min_columns``; missing ones are empty)."""
    rows = []
    low = columns if min_columns is None else min_columns
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if not low <= len(cells) <= columns:
            raise RuleError(name, number, f"expected {low}-{columns} tab-separated columns, "
                                          f"found {len(cells)}")
        cells = [c.strip() for c in cells] + [""] * (columns - len(cells))
        if not cells[0]:
            raise RuleError(name, number, "first column is empty")
        rows.append(Row(tuple(cells), f"{name}:{number}"))
    return rows


@cache
def table(name: str, columns: int, min_columns: int | None = None) -> tuple[Row, ...]:
    """The rows of the packaged rule file ``kg/rules/<name>`` (loaded and checked once)."""
    resource = resources.files("kg") / "rules" / name
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(name, 0, "rule file missing from the package") from None
    except UnicodeDecodeError as exc:
        raise RuleError(name, 0, f"not UTF-8 ({exc.reason})") from None
    return tuple(parse_table(text, f"rules/{name}", columns, min_columns))


@cache
def trigger_words(predicate: str, kind: str | None = None) -> tuple[str, ...]:
    """The trigger words of a relation in ``rules/relation_triggers.tsv``, longest first;
    only those of one kind (``joins``, ``gives``, ``respectively``) when ``kind`` is given."""
    words = {row[1] for row in table("relation_triggers.tsv", 4)
             if row[0] == predicate and (kind is None or row[2] == kind)}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


@cache
def jieba_dictionary() -> tuple[dict[str, str], frozenset[str]]:
    """Two- to four-character words of jieba's dictionary with their part-of-speech tags, and
    those common enough (frequency >= 100) to decide a segmentation on their own (only looked
    up, never used to segment: a signal, not the decision)."""
    tags, common = {}, set()
    with (resources.files("jieba") / "dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.rstrip("\n").split(" ")
            if 2 <= len(word) <= 4:
                tags[word] = tag
                if int(freq) >= 100:
                    common.add(word)
    return tags, frozenset(common)


def split_list(cell: str) -> list[str]:
    """A comma-separated cell as a list (empty cell -> empty list)."""
    return [part.strip() for part in cell.split(",") if part.strip()]


class Payloads(tuple):
    """The payloads of one lexicon form, with the set of their kinds computed once
    (a payload that is a tuple names its kind first)."""

    kinds: frozenset

    def __new__(cls, items):
        self = super().__new__(cls, items)
        self.kinds = frozenset(p[0] for p in self if isinstance(p, tuple) and p)
        return self


class Lexicon:
    """An Aho–Corasick automaton over surface forms, each with its payloads.

    >>> lex = Lexicon([("赤峰", "place:赤峰市"), ("赤峰市", "place:赤峰市")])
    >>> [(s, e, p) for s, e, p in lex.find("赤峰市宁城县")]
    [(0, 2, ('place:赤峰市',)), (0, 3, ('place:赤峰市',))]
    """

    def __init__(self, entries: Iterable[tuple[str, object]]):
        payloads: dict[str, list] = {}
        for form, payload in entries:
            if form:
                payloads.setdefault(form, []).append(payload)
        self.automaton = ahocorasick.Automaton()
        for form, items in payloads.items():
            self.automaton.add_word(form, (len(form), Payloads(items)))
        self.size = len(payloads)
        if payloads:
            self.automaton.make_automaton()

    def find(self, text: str) -> Iterator[tuple[int, int, tuple]]:
        """Every occurrence ``(start, end, payloads)``, sorted by start then end."""
        if not self.size:
            return iter(())
        hits = [(end + 1 - length, end + 1, items)
                for end, (length, items) in self.automaton.iter(text)]
        hits.sort(key=lambda h: (h[0], h[1]))
        return iter(hits)
