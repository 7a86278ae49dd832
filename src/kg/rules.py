"""Rule files: loading the TSV tables under ``kg/rules/`` once, and the lexicon automaton.

A rule file is UTF-8 TSV. Lines starting with ``#`` are comments (the header documents the
columns); blank lines are skipped. A line with the wrong number of columns raises
``RuleError`` naming the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Iterable, Iterator

import ahocorasick

from .errors import RuleError
from .model import ENTITY_TYPES, PREDICATES


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


@dataclass(frozen=True)
class Schema:
    """What the cells of one rule table may hold: a cell's allowed values (``choices``), the
    allowed items of a comma-separated cell (``list_choices``), and cells that must be regular
    expressions (``regexes``; in ``programme_stop.tsv`` only where the kind is ``regex``)."""

    choices: dict[int, frozenset[str]] = field(default_factory=dict)
    list_choices: dict[int, frozenset[str]] = field(default_factory=dict)
    regexes: tuple[int, ...] = ()
    pattern: dict[int, str] = field(default_factory=dict)


def _values(*values: str) -> frozenset[str]:
    return frozenset(values)


#: The checked values of every rule table, by file name (column numbers from 0, as in ``Row``).
SCHEMAS: dict[str, Schema] = {
    "boundaries.tsv": Schema(choices={1: _values("any", "first", "never")}),
    "honours.tsv": Schema(choices={1: _values("title", "award", "list"),
                                   2: _values("yes", "no", "listed")}),
    "levels.tsv": Schema(choices={2: _values("", "省", "自治区", "市", "州", "盟", "县", "旗", "区")},
                         list_choices={1: _values("org", "honour", "local")}),
    "org_known.tsv": Schema(),
    "org_suffixes.tsv": Schema(choices={2: _values("body", "department", "party", "top", "organ"),
                                        3: _values("anchor", "any")}),
    "patterns.tsv": Schema(choices={0: frozenset(ENTITY_TYPES)}, regexes=(1,)),
    "person_cues.tsv": Schema(choices={1: _values("after", "before", "role")}),
    "places.tsv": Schema(choices={2: _values("province", "prefecture", "county")},
                         pattern={0: r"\d{6}", 3: r"(\d{6})?"}),
    "places_former.tsv": Schema(choices={2: _values("prefecture", "county")},
                                pattern={0: r"\d{6}", 3: r"\d{6}"}),
    "posts.tsv": Schema(choices={1: _values("", "byline")}),
    "programme_stop.tsv": Schema(choices={1: _values("regex", "word")}, regexes=(0,)),
    "programme_words.tsv": Schema(choices={1: _values("name", "short", "quote")}),
    "regions.tsv": Schema(choices={1: _values("country", "city", "continent", "region", "basin",
                                              "province_abbreviation")}),
    "relation_triggers.tsv": Schema(choices={0: frozenset(PREDICATES)},
                                    list_choices={2: _values("joins", "gives", "respectively",
                                                             "names")}),
    "sites.tsv": Schema(choices={1: _values("zone", "site")}),
    "surnames.tsv": Schema(),
    "transliteration.tsv": Schema(),
}


def check_row(row: Row, schema: Schema) -> None:
    """Raise ``RuleError`` (file and line) for a cell whose value the table does not allow.

    >>> check_row(Row(("和", "sometimes", ""), "rules/boundaries.tsv:7"),
    ...           SCHEMAS["boundaries.tsv"])
    Traceback (most recent call last):
    kg.errors.RuleError: rules/boundaries.tsv:7: column 2 must be one of any, first, never, not 'sometimes'
    """
    path, _, line = row.rule_id.rpartition(":")

    def fail(reason: str):
        raise RuleError(path, int(line), reason)

    for column, allowed in schema.choices.items():
        if row[column] not in allowed:
            fail(f"column {column + 1} must be one of {', '.join(sorted(allowed))}, "
                 f"not {row[column]!r}")
    for column, allowed in schema.list_choices.items():
        unknown = [item for item in split_list(row[column]) if item not in allowed]
        if unknown:
            fail(f"column {column + 1} may list only {', '.join(sorted(allowed))}, not "
                 f"{unknown[0]!r}")
    for column, pattern in schema.pattern.items():
        if not re.fullmatch(pattern, row[column]):
            fail(f"column {column + 1} is not in the form {pattern!r}: {row[column]!r}")
    for column in schema.regexes:
        if column == 0 and row[1] != "regex":
            continue  # programme_stop.tsv: a plain word
        try:
            re.compile(row[column])
        except re.error as exc:
            fail(f"column {column + 1} is not a valid regular expression ({exc})")


@cache
def table(name: str, columns: int, min_columns: int | None = None) -> tuple[Row, ...]:
    """The rows of the packaged rule file ``kg/rules/<name>`` (loaded and checked once).

    Raises
    ------
    RuleError
        The file is missing or not UTF-8, or a row has the wrong number of columns or a value
        that ``SCHEMAS`` does not allow (the message names file and line).
    """
    resource = resources.files("kg") / "rules" / name
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(name, 0, "rule file missing from the package") from None
    except UnicodeDecodeError as exc:
        raise RuleError(name, 0, f"not UTF-8 ({exc.reason})") from None
    rows = tuple(parse_table(text, f"rules/{name}", columns, min_columns))
    schema = SCHEMAS.get(name)
    if schema is None:
        raise RuleError(f"rules/{name}", 0, "no schema: add the table to rules.SCHEMAS")
    for row in rows:
        check_row(row, schema)
    return rows


@cache
def trigger_words(predicate: str, kind: str | None = None) -> tuple[str, ...]:
    """The trigger words of a relation in ``rules/relation_triggers.tsv``, longest first;
    only those of one kind (``joins``, ``gives``, ``respectively``, ``names``) when ``kind``
    is given."""
    words = {row[1] for row in table("relation_triggers.tsv", 4)
             if row[0] == predicate and (kind is None or kind in split_list(row[2]))}
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
