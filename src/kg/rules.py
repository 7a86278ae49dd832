"""Rule sets: the TSV tables under ``kg/rules/`` (or a user's folder of them), each read and
checked once, and the lexicon automaton.

A rule file is UTF-8 TSV. Lines starting with ``#`` are comments (the header documents the
columns); blank lines are skipped. A line with the wrong number of columns or a value its
table does not allow (``SCHEMAS``) raises ``RuleError`` naming the file and line.
"""
from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache, wraps
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

import ahocorasick_rs

from .errors import RuleError
from .model import ENTITY_TYPES, PREDICATES


@dataclass(frozen=True, init=False)
class Row:
    """One rule line: its cells, named by the table's columns, and where it came from
    (``file:line``, the rule id).

    >>> row = Row(("主席", "", "chair"), "rules/posts.tsv:9", ("post", "kind", "comment"))
    >>> row.post, row[0], row.kind == ""
    ('主席', '主席', True)
    """

    cells: tuple[str, ...]
    rule_id: str
    columns: tuple[str, ...]

    def __init__(self, cells: tuple[str, ...], rule_id: str, columns: tuple[str, ...]):
        # each cell also an attribute named by its column: compiling the rules reads tens of
        # thousands of cells, and __getattr__ (after a failed lookup) takes a microsecond; all
        # set in __dict__ at once (a frozen dataclass's own __init__ takes twice as long, and
        # every run makes 5,600 rows)
        attributes = self.__dict__
        if _ROW_FIELDS.isdisjoint(columns):
            attributes.update(zip(columns, cells))
        else:  # a column named like a field: the field
            attributes.update((column, cell) for column, cell in zip(columns, cells)
                              if column not in _ROW_FIELDS)
        attributes.update(cells=cells, rule_id=rule_id, columns=columns)

    def __getitem__(self, index: int) -> str:
        return self.cells[index]

    def __getattr__(self, name: str) -> str:
        # only names that are no column come here (read from __dict__: while a copy is being
        # made, rule_id may not be set yet)
        raise AttributeError(f"{self.__dict__.get('rule_id', 'a rule row')}: no column {name!r}")


_ROW_FIELDS = frozenset(("cells", "rule_id", "columns"))


def parse_table(text: str, name: str, columns: tuple[str, ...],
                min_columns: int | None = None) -> list[Row]:
    """Parse TSV text into rows with a cell for each of ``columns`` (their names); trailing
    cells may be left out down to ``min_columns`` (missing ones are empty)."""
    count = len(columns)
    rows = []
    low = count if min_columns is None else min_columns
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if not low <= len(cells) <= count:
            raise RuleError(name, number, f"expected {low}-{count} tab-separated columns, "
                                          f"found {len(cells)}")
        cells = [c.strip() for c in cells] + [""] * (count - len(cells))
        if not cells[0]:
            raise RuleError(name, number, "first column is empty")
        rows.append(Row(tuple(cells), f"{name}:{number}", columns))
    return rows


@dataclass(frozen=True)
class Schema:
    """The columns of one rule table and what their cells may hold: the columns' names
    (``columns``; the last ``optional`` of them may be left out of a row), a cell's allowed
    values (``choices``), the allowed items of a comma-separated cell (``list_choices``),
    cells that must match a regular expression (``pattern``) and cells that must be regular
    expressions (``regexes``; in ``programme_stop.tsv`` only where the kind is ``regex``)."""

    columns: tuple[str, ...]
    optional: int = 0
    choices: dict[int, frozenset[str]] = field(default_factory=dict)
    list_choices: dict[int, frozenset[str]] = field(default_factory=dict)
    regexes: tuple[int, ...] = ()
    pattern: dict[int, str] = field(default_factory=dict)

    @property
    def required(self) -> int:
        """How many columns a row must have."""
        return len(self.columns) - self.optional


def _values(*values: str) -> frozenset[str]:
    return frozenset(values)


def _columns(header: str) -> tuple[str, ...]:
    return tuple(header.split())


#: Every rule table by file name: its columns and their checked values (column numbers from 0,
#: as in ``Row``). The names are those of each file's ``# Columns:`` header.
SCHEMAS: dict[str, Schema] = {
    "congresses.tsv": Schema(_columns("delegates body short comment"),
                             pattern={1: r".+会", 2: r"[\u4e00-\u9fff]?"}),
    "boundaries.tsv": Schema(_columns("word where comment"),
                             choices={1: _values("any", "first", "never")}),
    "honours.tsv": Schema(_columns("head kind alone comment"),
                          choices={1: _values("title", "award", "list"),
                                   2: _values("yes", "no", "listed")}),
    "levels.tsv": Schema(_columns("word uses stands_for comment"),
                         choices={2: _values("", "省", "自治区", "市", "州", "盟", "县", "旗", "区")},
                         list_choices={1: _values("org", "honour", "local")}),
    "org_known.tsv": Schema(_columns("canonical aliases comment")),
    "org_suffixes.tsv": Schema(_columns("suffix full_form kind needs comment"),
                               choices={2: _values("body", "department", "party", "top", "organ"),
                                        3: _values("anchor", "any", "country")}),
    "patterns.tsv": Schema(_columns("type regex canonical comment"),
                           choices={0: frozenset(ENTITY_TYPES)}, regexes=(1,)),
    "person_cues.tsv": Schema(_columns("cue side comment"),
                              choices={1: _values("after", "before", "role")}),
    "places.tsv": Schema(_columns("code name level parent_code short_forms"), optional=2,
                         choices={2: _values("province", "prefecture", "county")},
                         pattern={0: r"\d{6}", 3: r"(\d{6})?"}),
    "places_former.tsv": Schema(_columns("code name level parent_code short_forms"), optional=2,
                                choices={2: _values("prefecture", "county")},
                                pattern={0: r"\d{6}", 3: r"\d{6}"}),
    "posts.tsv": Schema(_columns("post kind comment"), choices={1: _values("", "byline")}),
    "programme_stop.tsv": Schema(_columns("pattern kind comment"),
                                 choices={1: _values("regex", "word")}, regexes=(0,)),
    "programme_words.tsv": Schema(_columns("word needs comment"),
                                  choices={1: _values("name", "short", "quote")}),
    "regions.tsv": Schema(_columns("name kind short_forms abbreviations comment"), optional=3,
                          choices={1: _values("country", "city", "continent", "region", "basin",
                                              "province_abbreviation")}),
    "relation_triggers.tsv": Schema(_columns("predicate trigger kind comment"),
                                    choices={0: frozenset(PREDICATES)},
                                    list_choices={2: _values("joins", "gives", "respectively",
                                                             "names", "named")}),
    "sites.tsv": Schema(_columns("suffix kind comment"), choices={1: _values("zone", "site")}),
    "surnames.tsv": Schema(_columns("surname comment")),
    "words.tsv": Schema(_columns("list words comment"), pattern={0: r"[a-z_]+",
                                                                 1: r"[^|\s]+(\|[^|\s]+)*"}),
    "transliteration.tsv": Schema(_columns("characters comment")),
}


def check_row(row: Row, schema: Schema) -> None:
    """Raise ``RuleError`` (file and line) for a cell whose value the table does not allow.

    >>> schema = SCHEMAS["boundaries.tsv"]
    >>> check_row(Row(("和", "sometimes", ""), "rules/boundaries.tsv:7", schema.columns), schema)
    Traceback (most recent call last):
    kg.errors.RuleError: rules/boundaries.tsv:7: column 2 must be one of any, first, never, not 'sometimes'
    """
    cells = row.cells
    for column, allowed in schema.choices.items():
        if cells[column] not in allowed:
            _fail(row, f"column {column + 1} must be one of {', '.join(sorted(allowed))}, "
                       f"not {cells[column]!r}")
    for column, allowed in schema.list_choices.items():
        unknown = [item for item in split_list(cells[column]) if item not in allowed]
        if unknown:
            _fail(row, f"column {column + 1} may list only {', '.join(sorted(allowed))}, not "
                       f"{unknown[0]!r}")
    for column, pattern in schema.pattern.items():
        if not _form(pattern).fullmatch(cells[column]):
            _fail(row, f"column {column + 1} is not in the form {pattern!r}: {cells[column]!r}")
    for column in schema.regexes:
        if column == 0 and cells[1] != "regex":
            continue  # programme_stop.tsv: a plain word
        try:
            re.compile(cells[column])
        except re.error as exc:
            _fail(row, f"column {column + 1} is not a valid regular expression ({exc})")


@cache
def _form(pattern: str) -> re.Pattern:
    """A schema's pattern, compiled (checked on each of 3,600 places: ``re.fullmatch`` would
    look it up in re's cache each time)."""
    return re.compile(pattern)


def _fail(row: Row, reason: str):
    path, _, line = row.rule_id.rpartition(":")
    raise RuleError(path, int(line), reason)


class RuleSet:
    """The rule tables of a build, each read and checked once: the packaged tables, or a
    user's folder of tables with the packaged ones standing in for the tables it lacks.

    A rule set is immutable; what the stages derive from it (automata, compiled patterns) is
    memoized per rule set (see ``per_rule_set``). ``load_rules`` gives one instance per folder
    and process; it is what the pipeline hands to every stage (``using``).

    Parameters
    ----------
    folder : str or Path, optional
        A folder of ``*.tsv`` rule tables named as the packaged ones (``posts.tsv`` …); each
        replaces the packaged table of that name.

    Raises
    ------
    RuleError
        A table is missing, not UTF-8, not a known table, or holds a row with the wrong
        number of columns or a value ``SCHEMAS`` does not allow (file and line named).

    >>> rules = load_rules()
    >>> "主席" in {row.post for row in rules.table("posts.tsv")}
    True
    >>> len(rules.digest)
    64
    """

    def __init__(self, folder: str | Path | None = None):
        self.folder = None if folder is None else Path(folder).resolve()
        texts = dict(_packaged_texts())
        own = _folder_texts(self.folder) if self.folder is not None else {}
        texts.update(own)
        self._own = frozenset(own)
        digest = hashlib.sha256()
        tables = {}
        for name in sorted(texts):
            label, text = texts[name]
            digest.update(f"{name}\0{text}\0".encode())
            tables[name] = _checked_rows(text, label, SCHEMAS[name])
        self._sources = MappingProxyType({name: label for name, (label, _) in texts.items()})
        self._tables = MappingProxyType(tables)
        self.digest = digest.hexdigest()
        self.memo: dict = {}

    def table(self, name: str) -> tuple[Row, ...]:
        """The rows of the table ``name`` (``posts.tsv`` …)."""
        return self._tables[name]

    def source(self, name: str) -> str:
        """Where the table ``name`` was read: ``rules/NAME`` or the path in the user's folder."""
        return self._sources[name]

    def names(self) -> list[str]:
        """The names of the tables, sorted."""
        return sorted(self._tables)

    def own_tables(self) -> list[str]:
        """The tables read from the rule set's folder (the others are the packaged ones)."""
        return sorted(self._own)

    def __reduce__(self):
        # a worker process loads the same folder again instead of unpickling every table
        return load_rules, (self.folder,)

    def __repr__(self) -> str:
        return f"RuleSet({str(self.folder) if self.folder else 'packaged'!r})"


def _packaged_texts() -> dict[str, tuple[str, str]]:
    texts = {}
    for name in SCHEMAS:
        resource = resources.files("kg") / "rules" / name
        try:
            texts[name] = (f"rules/{name}", resource.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise RuleError(f"rules/{name}", 0, "rule file missing from the package") from None
        except UnicodeDecodeError as exc:
            raise RuleError(f"rules/{name}", 0, f"not UTF-8 ({exc.reason})") from None
    return texts


def _folder_texts(folder: Path) -> dict[str, tuple[str, str]]:
    if not folder.is_dir():
        raise RuleError(folder, 0, "not a folder of rule tables")
    texts = {}
    for path in sorted(folder.glob("*.tsv")):
        if path.name not in SCHEMAS:
            raise RuleError(path, 0, f"not a kg rule table (the tables are "
                                     f"{', '.join(sorted(SCHEMAS))})")
        try:    # a byte-order mark, which Windows editors write, is no part of the table
            texts[path.name] = (str(path), path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise RuleError(path, 0, f"not UTF-8 ({exc.reason} at byte offset {exc.start}); "
                                     "save the table as UTF-8") from None
        except OSError as exc:
            raise RuleError(path, 0, f"cannot be read ({exc.strerror})") from None
    return texts


def _checked_rows(text: str, label: str, schema: Schema) -> tuple[Row, ...]:
    rows = tuple(parse_table(text, label, schema.columns, schema.required))
    for row in rows:
        check_row(row, schema)
    return rows


def load_rules(folder: str | Path | None = None) -> RuleSet:
    """The rule set of ``folder`` (None: the packaged rules), loaded once per process."""
    return _load(None if folder is None else Path(folder).resolve())


def copy_packaged_rules(folder: str | Path) -> list[Path]:
    """Write the packaged rule tables into ``folder`` (created; it must hold no ``*.tsv``
    yet), to be edited and read back with ``load_rules(folder)``; returns the files written."""
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.glob("*.tsv"))):
        raise RuleError(target, 0, "already holds rule tables or is not a folder; copy into a "
                                   "new or empty folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, (_, text) in sorted(_packaged_texts().items()):
            (target / name).write_text(text, encoding="utf-8")
            written.append(target / name)
    except OSError as exc:
        raise RuleError(target, 0, f"cannot be written ({exc.strerror})") from None
    return written


@cache
def _load(folder: Path | None) -> RuleSet:
    return RuleSet(folder)


_ACTIVE: ContextVar[RuleSet | None] = ContextVar("kg_rules", default=None)


def active_rules() -> RuleSet:
    """The rule set of the stage that is running (the packaged rules outside ``using``)."""
    return _ACTIVE.get() or load_rules()


@contextmanager
def using(rules: RuleSet | None):
    """Run the stages inside the block with ``rules`` (None: the packaged rules).

    >>> with using(load_rules()):
    ...     active_rules() is load_rules()
    True
    """
    token = _ACTIVE.set(rules or load_rules())  # set, not None: no look-up per rule call
    try:
        yield rules
    finally:
        _ACTIVE.reset(token)


def table(name: str) -> tuple[Row, ...]:
    """The rows of the rule table ``name`` of the running stage's rule set."""
    return active_rules().table(name)


def per_rule_set(function=None, *, maxsize: int | None = None):
    """Memoize ``function`` per rule set, as ``functools.lru_cache(maxsize)`` would: what it
    derives from the tables (a compiled pattern, an automaton, a canonical name) is computed
    once for each rule set and set of arguments."""
    def decorate(function):
        @wraps(function)
        def derived(*args, **kwargs):
            # active_rules() without its two calls: a rule function is called hundreds of
            # thousands of times per MB of text
            memo = (_ACTIVE.get() or _load(None)).memo
            cached = memo.get(function)
            if cached is None:
                cached = memo[function] = lru_cache(maxsize)(function)
            return cached(*args, **kwargs)
        return derived
    return decorate if function is None else decorate(function)


@per_rule_set
def trigger_words(predicate: str, kind: str | None = None) -> tuple[str, ...]:
    """The trigger words of a relation in ``rules/relation_triggers.tsv``, longest first;
    only those of one kind (``joins``, ``gives``, ``respectively``, ``names``, ``named``) when ``kind``
    is given."""
    return longest_first(row.trigger for row in table("relation_triggers.tsv")
                         if row.predicate == predicate
                         and (kind is None or kind in split_list(row.kind)))


@cache
def jieba_dictionary() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Two- to four-character words of jieba's dictionary with their part-of-speech tags, and
    those common enough (frequency >= 100) to decide a segmentation on their own (only looked
    up, never used to segment: a signal, not the decision). Both are views of the dictionary's
    trie (``segmenter.WordTags``), not copies."""
    from .segmenter import WordTags, dictionary

    return WordTags(dictionary(), 2, 4), WordTags(dictionary(), 2, 4, least=100)


@per_rule_set
def words(name: str) -> tuple[str, ...]:
    """The words of the list ``name`` in ``rules/words.tsv``, longest first.

    Raises
    ------
    RuleError
        The rule set's ``words.tsv`` has no list of that name, or has it twice.

    >>> words("enterprise_words")[:3]
    ('代表处', '俱乐部', '办事处')
    """
    rows = [row for row in table("words.tsv") if row.list == name]
    if not rows:
        raise RuleError(active_rules().source("words.tsv"), 0, f"no word list {name!r}")
    if len(rows) > 1:
        path, _, line = rows[1].rule_id.rpartition(":")
        raise RuleError(path, int(line), f"the word list {name!r} is given twice")
    return longest_first(rows[0].words.split("|"))


def longest_first(forms: Iterable[str]) -> tuple[str, ...]:
    """Distinct words, longest first and, of one length, in code-point order: an alternation
    of them tries the longest match first, and its text is the same in every process (a set's
    order changes with the hash seed, and a pattern of new text is compiled, not read from the
    pattern cache).

    >>> longest_first({"市", "全国", "省", "自治区"})
    ('自治区', '全国', '市', '省')
    """
    return tuple(sorted(set(forms), key=lambda word: (-len(word), word)))


@per_rule_set
def word_pattern(name: str) -> str:
    """The words of the list ``name`` as a regular-expression group, longest first.

    >>> re.fullmatch(word_pattern("series_heads"), "工程") is not None
    True
    """
    return "(?:" + "|".join(map(re.escape, words(name))) + ")"


def split_list(cell: str) -> list[str]:
    """A comma-separated cell as a list (empty cell -> empty list)."""
    if not cell:  # (most cells of most lists)
        return []
    return [part.strip() for part in cell.split(",") if part.strip()]


class Payloads(tuple):
    """The payloads of one lexicon form, with the set of their kinds computed once
    (a payload that is a tuple names its kind first)."""

    kinds: frozenset

    def __new__(cls, items):
        self = super().__new__(cls, items)
        kinds = tuple([p[0] for p in self if isinstance(p, tuple) and p])
        # one set per combination of kinds, shared (a rule set has 8,000 forms, and a few
        # dozen combinations)
        self.kinds = _KINDS.get(kinds) or _KINDS.setdefault(kinds, frozenset(kinds))
        return self


#: The set of each combination of kinds ``Payloads`` met, by the kinds in order.
_KINDS: dict[tuple, frozenset] = {}


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
        #: The payloads of each form, in the order of the automaton's forms.
        self.payloads = [Payloads(items) for items in payloads.values()]
        self.size = len(payloads)
        # (every occurrence, overlapping ones too: the standard kind of match)
        self.automaton = ahocorasick_rs.AhoCorasick(
            list(payloads), matchkind=ahocorasick_rs.MatchKind.Standard) if payloads else None

    def find(self, text: str, start: int = 0, end: int | None = None
             ) -> Iterator[tuple[int, int, tuple]]:
        """Every occurrence ``(start, end, payloads)`` inside ``text[start:end]``, sorted by
        start then end."""
        if not self.size:
            return iter(())
        # the automaton reads a slice (a large document's hits all at once would take hundreds
        # of bytes per character); it gives each form's index and its span in the slice
        payloads = self.payloads
        hits = [(start + a, start + b, payloads[form]) for form, a, b
                in self.automaton.find_matches_as_indexes(text[start:end], overlapping=True)]
        hits.sort()  # by start, then end: no two hits share both, so payloads are never compared
        return iter(hits)
