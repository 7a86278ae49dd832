"""SPARQL over an export (pyoxigraph), with results as an aligned table, CSV or JSON.

The project's prefixes (``kg:``, ``skos:``, ``prov:``, ``oa:`` ...) are predeclared, so a query
may use them without ``PREFIX`` lines. ``SELECT`` gives its variables as columns, ``ASK`` one
``ask`` column, ``CONSTRUCT`` and ``DESCRIBE`` the columns subject, predicate and object.
The table aligns columns by display width: CJK characters take two terminal cells.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph

from .errors import InputError, QueryError
from .graph import KnowledgeGraph
from .rdf import to_turtle
from .vocab import DEFAULT_BASE, PREFIXES

FORMATS = ("table", "csv", "json")
_XSD = str(PREFIXES["xsd"])
_NUMERIC = {_XSD + name for name in ("integer", "decimal", "double", "float", "long", "int")}
#: Display-only prefix of entity, fact and document IRIs under the default base (tables only).
_TABLE_PREFIXES = sorted([(str(ns), f"{name}:") for name, ns in PREFIXES.items()]
                         + [(DEFAULT_BASE, "id:")], key=lambda item: -len(item[0]))

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


@dataclass(frozen=True)
class Result:
    """The answer of a query: column names and rows of RDF terms (``None`` when unbound);
    ``boolean`` holds the answer of an ``ASK`` query."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None


def open_store(source: KnowledgeGraph | str | Path) -> pyoxigraph.Store:
    """An in-memory store holding a graph, or the Turtle file at ``source``.

    Raises
    ------
    InputError
        When the file is missing or is not valid Turtle.
    """
    store = pyoxigraph.Store()
    if isinstance(source, KnowledgeGraph):
        store.load(to_turtle(source).encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        return store
    path = Path(source)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a file")
    try:
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    except SyntaxError as exc:
        raise InputError(path, f"not valid Turtle: {_one_line(exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read: {_one_line(exc)}") from None
    return store


def read_query(path: str | Path) -> str:
    """The text of a ``.rq`` file (``InputError`` when it cannot be read)."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the query: {_one_line(exc)}") from None


def run(store: pyoxigraph.Store, query: str, source: str = "query") -> Result:
    """Run a SPARQL query on a store.

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph (see :func:`open_store`).
    query : str
        SPARQL text; the project's prefixes are predeclared.
    source : str
        Names the query in errors (its file, or ``-e``).

    Raises
    ------
    QueryError
        When the query is not valid SPARQL or cannot be evaluated.
    """
    try:
        answer = store.query(query, prefixes={name: str(ns) for name, ns in PREFIXES.items()})
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return Result(("ask",), (), bool(answer))
        if isinstance(answer, pyoxigraph.QuerySolutions):
            columns = tuple(v.value for v in answer.variables)
            return Result(columns, tuple(tuple(solution[c] for c in columns)
                                         for solution in answer))
        return Result(("subject", "predicate", "object"),
                      tuple((t.subject, t.predicate, t.object) for t in answer))
    except SyntaxError as exc:
        raise QueryError(f"{source}: invalid SPARQL: {_one_line(exc)}") from None
    except (OSError, ValueError, TypeError) as exc:
        raise QueryError(f"{source}: cannot evaluate the query: {_one_line(exc)}") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


# ------------------------------------------------------------------ output formats

def format_result(result: Result, output_format: str = "table") -> str:
    """The result as ``table`` (aligned text), ``csv`` or ``json`` (SPARQL 1.1 JSON results)."""
    return {"table": as_table, "csv": as_csv, "json": as_json}[output_format](result)


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: two for wide and full-width characters, none for
    combining and format characters (zero-width space, direction marks)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def _table_cell(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.Literal):
        text = term.value
    elif isinstance(term, pyoxigraph.BlankNode):
        text = f"_:{term.value}"
    else:
        text = next((prefix + unquote(term.value[len(ns):]) for ns, prefix in _TABLE_PREFIXES
                     if term.value.startswith(ns)), f"<{unquote(term.value)}>")
    return "".join(c if c.isprintable() or c == " " else
                   c.encode("unicode_escape").decode("ascii") for c in text)


def _numeric(term: Term | None) -> bool:
    return isinstance(term, pyoxigraph.Literal) and term.datatype.value in _NUMERIC


def as_table(result: Result) -> str:
    """Columns aligned by display width, numbers right-aligned, and a row count."""
    if result.boolean is not None:
        return "true\n" if result.boolean else "false\n"
    cells = [[_table_cell(term) for term in row] for row in result.rows]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in cells])
              for i, c in enumerate(result.columns)]

    def line(texts, right):
        padded = [(" " * (w - display_width(t)) + t) if r else (t + " " * (w - display_width(t)))
                  for t, w, r in zip(texts, widths, right)]
        return "  ".join(padded).rstrip() + "\n"

    out = [line(result.columns, [False] * len(widths)),
           "  ".join("-" * w for w in widths) + "\n"]
    out += [line(texts, [_numeric(t) for t in row]) for texts, row in zip(cells, result.rows)]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})\n")
    return "".join(out)


def as_csv(result: Result) -> str:
    """SPARQL 1.1 CSV results: a header of the column names, then plain values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerows([["ask"], ["true" if result.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(result.columns)
    writer.writerows([["" if t is None else (f"_:{t.value}" if isinstance(t, pyoxigraph.BlankNode)
                                             else t.value) for t in row] for row in result.rows])
    return buffer.getvalue()


def _json_term(term: Term) -> dict:
    if isinstance(term, pyoxigraph.Literal):
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != _XSD + "string":
            value["datatype"] = term.datatype.value
        return value
    kind = "bnode" if isinstance(term, pyoxigraph.BlankNode) else "uri"
    return {"type": kind, "value": term.value}


def as_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON, UTF-8 text (not ``\\u`` escapes), indented."""
    if result.boolean is not None:
        document = {"head": {}, "boolean": result.boolean}
    else:
        document = {"head": {"vars": list(result.columns)},
                    "results": {"bindings": [
                        {c: _json_term(t) for c, t in zip(result.columns, row) if t is not None}
                        for row in result.rows]}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
