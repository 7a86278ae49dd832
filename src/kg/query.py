"""SPARQL over exports and stores (pyoxigraph), guarded, with results in every standard format.

The project's prefixes (``kg:``, ``skos:``, ``prov:``, ``oa:`` ...) and the prefixes of the IRIs
kg mints (``person:``, ``organisation:``, ``place:`` ...: :func:`kg.vocab.id_prefixes`) are
predeclared, so a query may use them without ``PREFIX`` lines, and a table prints an entity as a
prefixed name that can be pasted back into a query (``person:王芳``), or as a full ``<IRI>``.

Results: ``SELECT`` and ``ASK`` as an aligned table (CJK characters take two terminal cells) or,
through pyoxigraph's writers, SPARQL CSV, TSV, JSON or XML; ``CONSTRUCT`` and ``DESCRIBE`` as
Turtle or N-Triples.

Safety: a query runs offline (``SERVICE`` is refused unless allowed), and
:func:`run_guarded` runs it in a child process with a time limit and a memory limit, so that a
runaway query is stopped, and Ctrl-C stops it at once.
"""
from __future__ import annotations

import codecs
import faulthandler
import os
import re
import resource
import signal
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Sequence

import pyoxigraph

from .controls import neutralise_bytes
from .errors import InputError, KgError, QueryError
from .graph import KnowledgeGraph
from .rdf import to_turtle
from .vocab import PREFIXES, id_prefixes

#: Result formats of SELECT and ASK, and graph formats of CONSTRUCT and DESCRIBE.
RESULT_FORMATS = {"table": None, "csv": pyoxigraph.QueryResultsFormat.CSV,
                  "tsv": pyoxigraph.QueryResultsFormat.TSV,
                  "json": pyoxigraph.QueryResultsFormat.JSON,
                  "xml": pyoxigraph.QueryResultsFormat.XML}
GRAPH_FORMATS = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES}
FORMATS = tuple(RESULT_FORMATS) + tuple(GRAPH_FORMATS)
#: How control characters are written in each format (kg.controls): ``\u001B`` in the others.
_CONTROL_STYLES = {"csv": "csv", "xml": "xml"}
DEFAULT_GRAPH = pyoxigraph.DefaultGraph()

#: Defaults of the guards: seconds, megabytes of address space, table rows, query file bytes.
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 4096
DEFAULT_LIMIT = 1000
MAX_QUERY_BYTES = 1 << 20

_XSD = str(PREFIXES["xsd"])
_NUMERIC = {_XSD + name for name in ("integer", "decimal", "double", "float", "long", "int")}
#: Every predeclared prefix of a query (vocabularies, then the IRIs kg mints).
QUERY_PREFIXES = {**{name: str(ns) for name, ns in PREFIXES.items()}, **id_prefixes()}
_TABLE_PREFIXES = sorted(((ns, name) for name, ns in QUERY_PREFIXES.items()),
                         key=lambda item: -len(item[0]))
# A SPARQL PN_LOCAL (prefixed name's local part) that needs no escapes: letters (CJK included),
# digits, "_", "-", "·", and "." or ":" inside.
_PN_START = "A-Za-z0-9_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff" \
            "\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd" \
            "\U00010000-\U000effff"
_PN_MORE = _PN_START + "\\-\u00b7\u0300-\u036f\u203f\u2040"


@cache
def _pn_local() -> re.Pattern:
    """The PN_LOCAL pattern, compiled when a table first shows an IRI (its character classes
    span most of Unicode: 15 ms to compile, which a run that queries nothing does not need)."""
    return re.compile(f"[{_PN_START}](?:[{_PN_MORE}.]*[{_PN_MORE}])?")


# SERVICE as a keyword: outside strings, IRIs and comments, not a variable or prefixed name.
_LEXICAL_NOISE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                            r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SELECT_ALL = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:\-])", re.IGNORECASE)

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


@dataclass(frozen=True)
class Result:
    """The answer of a query: column names and rows of RDF terms (``None`` when unbound);
    ``boolean`` holds the answer of an ``ASK`` query; ``truncated`` is set when a row limit
    left rows out."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None
    truncated: bool = False


# ------------------------------------------------------------------ stores

def open_store(source: KnowledgeGraph | str | Path | Sequence[str | Path]) -> pyoxigraph.Store:
    """An in-memory store holding a graph, or the RDF files at ``source``.

    Files are read by their extension: ``.ttl``, ``.nt``, ``.jsonld``, ``.trig``, ``.nq``,
    ``.rdf`` (all of them into the default graph).

    Raises
    ------
    InputError
        When a file is missing, of an unknown kind or not valid in its format.
    """
    store = pyoxigraph.Store()
    if isinstance(source, KnowledgeGraph):
        store.load(to_turtle(source).encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        return store
    for path in [source] if isinstance(source, (str, Path)) else source:
        load_file(store, Path(path))
    return store


def load_file(store: pyoxigraph.Store, path: Path) -> None:
    """Add the RDF file at ``path`` to ``store``'s default graph (``InputError`` when it
    cannot be)."""
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a file")
    rdf_format = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".").lower() or "-")
    if rdf_format is None:
        raise InputError(path, "unknown RDF format (expected .ttl, .nt, .jsonld, .trig, .nq or"
                               " .rdf)")
    try:
        store.bulk_load(path=str(path), format=rdf_format,
                        to_graph=None if rdf_format.supports_datasets else DEFAULT_GRAPH)
    except SyntaxError as exc:
        raise InputError(path, f"not valid {rdf_format.name}: {_one_line(exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read: {_one_line(exc)}") from None


def open_store_folder(folder: str | Path) -> pyoxigraph.Store:
    """The persistent store in ``folder`` (written by ``kg load``), opened read-only."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "no such store folder" if not folder.exists()
                         else "not a folder")
    try:
        return pyoxigraph.Store.read_only(str(folder))
    except OSError as exc:
        raise InputError(folder, f"not a kg store: {_one_line(exc)}") from None


def read_query(path: str | Path) -> str:
    """The text of a ``.rq`` file (``InputError`` when it cannot be read or is over 1 MiB)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_QUERY_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the query: {_one_line(exc)}") from None
    if len(data) > MAX_QUERY_BYTES:
        raise InputError(path, f"not a query: larger than {MAX_QUERY_BYTES >> 20} MiB")
    # a byte-order mark (Windows editors write one, UTF-16 with it) is no part of the query
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason} at byte offset {exc.start}); "
                               "save the query as UTF-8") from None


# ------------------------------------------------------------------ running

def check_offline(query: str, source: str = "query") -> None:
    """Refuse a query that calls a remote endpoint (``SERVICE``): ``QueryError``."""
    if _SERVICE.search(_LEXICAL_NOISE.sub(" ", query)):
        raise QueryError(f"{source}: SERVICE calls another endpoint over the network; kg "
                         "queries are offline unless --allow-service is given")


def execute(store: pyoxigraph.Store, query: str, source: str = "query", *,
            allow_service: bool = False):
    """Run a SPARQL query; return pyoxigraph's answer (solutions, boolean or triples).

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph (see :func:`open_store`).
    query : str
        SPARQL text; the prefixes of :data:`QUERY_PREFIXES` are predeclared.
    source : str
        Names the query in errors (its file, or ``-e``).
    allow_service : bool
        Let ``SERVICE`` call other endpoints (off by default: queries stay offline).

    Raises
    ------
    QueryError
        When the query is not valid SPARQL, calls a remote endpoint without leave, or cannot
        be evaluated.
    """
    if not allow_service:
        check_offline(query, source)
    try:
        return store.query(query, prefixes=QUERY_PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"{source}: invalid SPARQL: {_one_line(exc)}") from None
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise QueryError(f"{source}: cannot evaluate the query: {_one_line(exc)}") from None


def run(store: pyoxigraph.Store, query: str, source: str = "query", *,
        allow_service: bool = False, limit: int | None = None) -> Result:
    """Run a SPARQL query; return its answer as rows (at most ``limit`` when given).

    ``CONSTRUCT`` and ``DESCRIBE`` give the columns subject, predicate and object. Errors as
    :func:`execute`.
    """
    answer = execute(store, query, source, allow_service=allow_service)
    return _rows(answer, source, limit, query)


def column_order(query: str, variables: Sequence[str]) -> tuple[str, ...]:
    """The columns of a ``SELECT *`` in the order the query first names them (pyoxigraph
    sorts them); any other query's in its own order.

    >>> column_order("SELECT * WHERE { ?s ?p ?o }", ["o", "p", "s"])
    ('s', 'p', 'o')
    """
    text = _LEXICAL_NOISE.sub(" ", query)
    if not _SELECT_ALL.search(text):
        return tuple(variables)
    first = {}
    for match in _VARIABLE.finditer(text):
        first.setdefault(match.group(1), match.start())
    return tuple(sorted(variables, key=lambda v: first.get(v, len(text))))


def _rows(answer, source: str, limit: int | None, query: str = "") -> Result:
    try:
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return Result(("ask",), (), bool(answer))
        if isinstance(answer, pyoxigraph.QuerySolutions):
            columns = column_order(query, [v.value for v in answer.variables])
            rows = (tuple(solution[c] for c in columns) for solution in answer)
        else:
            columns = ("subject", "predicate", "object")
            rows = ((t.subject, t.predicate, t.object) for t in answer)
        kept = []
        for row in rows:
            if limit is not None and len(kept) == limit:
                return Result(columns, tuple(kept), truncated=True)
            kept.append(row)
        return Result(columns, tuple(kept))
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise QueryError(f"{source}: cannot evaluate the query: {_one_line(exc)}") from None


def render(store: pyoxigraph.Store, query: str, source: str = "query", output_format: str =
           "table", *, allow_service: bool = False, limit: int | None = DEFAULT_LIMIT) -> bytes:
    """The answer of a query written in ``output_format`` (UTF-8 bytes).

    ``table`` aligns at most ``limit`` rows (``None``: all) and says how many it left out;
    ``csv``, ``tsv``, ``json`` and ``xml`` are SPARQL results written by pyoxigraph;
    ``CONSTRUCT`` and ``DESCRIBE`` give Turtle (``table`` or ``ttl``) or N-Triples (``nt``).

    Raises
    ------
    QueryError
        As :func:`execute`, and when the format does not fit the kind of query.
    """
    return render_as(store, query, source, *formats_of(output_format),
                     allow_service=allow_service, limit=limit)[0]


def formats_of(output_format: str) -> tuple[str | None, str | None]:
    """The (result format, graph format) a command-line ``--format`` stands for: a table is
    Turtle for CONSTRUCT; a results format refuses triples and a graph format solutions."""
    if output_format in GRAPH_FORMATS:
        return None, output_format
    return output_format, "ttl" if output_format == "table" else None


def render_as(store: pyoxigraph.Store, query: str, source: str, result_format: str | None,
              graph_format: str | None, *, allow_service: bool = False,
              limit: int | None = DEFAULT_LIMIT) -> tuple[bytes, str]:
    """The answer of a query and the format it is in: ``result_format`` for SELECT and ASK,
    ``graph_format`` for CONSTRUCT and DESCRIBE (``QueryError`` when the one needed is None).
    Otherwise as :func:`render`."""
    answer = execute(store, query, source, allow_service=allow_service)
    is_graph = isinstance(answer, pyoxigraph.QueryTriples)
    chosen = graph_format if is_graph else result_format
    if chosen is None:
        kind = "CONSTRUCT and DESCRIBE give triples" if is_graph else \
            "SELECT and ASK give a table"
        wanted = ", ".join(GRAPH_FORMATS if is_graph else RESULT_FORMATS)
        raise QueryError(f"{source}: {kind}: use --format {wanted}")
    if is_graph:
        writer = GRAPH_FORMATS[chosen]
        prefixes = QUERY_PREFIXES if writer == pyoxigraph.RdfFormat.TURTLE else None
        data = _evaluate(source, lambda: pyoxigraph.serialize(answer, format=writer,
                                                              prefixes=prefixes))
    elif chosen == "table":
        return as_table(_rows(answer, source, limit, query)).encode("utf-8"), chosen
    else:
        data = _evaluate(source, lambda: answer.serialize(format=RESULT_FORMATS[chosen]))
    # terminal escape codes in names stay inert (kg.controls)
    return neutralise_bytes(data, _CONTROL_STYLES.get(chosen, "json")), chosen


def _evaluate(source: str, write) -> bytes:
    try:
        return write()
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise QueryError(f"{source}: cannot evaluate the query: {_one_line(exc)}") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


# ------------------------------------------------------------------ guarded run

def run_guarded(open_source, query: str, source: str = "query",
                formats: tuple[str | None, str | None] = ("table", "ttl"), *,
                allow_service: bool = False, limit: int | None = DEFAULT_LIMIT,
                timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB) -> tuple[bytes, str]:
    """:func:`render_as` in a child process that is stopped after ``timeout`` seconds, may use
    ``memory_mb`` megabytes of address space, and ends at once on Ctrl-C.

    Parameters
    ----------
    open_source : callable
        Called in the child, returns the store (loading files there keeps the parent small).
    query, source, allow_service, limit
        As :func:`render_as`.
    formats : tuple
        The result format and the graph format (see :func:`formats_of`).
    timeout : float or None
        Seconds for loading and answering; ``None`` for no limit.
    memory_mb : int or None
        Address space of the child in MiB; ``None`` for no limit.

    Raises
    ------
    KgError
        The error the child met (bad file, bad query), or a ``QueryError`` when it ran out of
        time or memory.
    KeyboardInterrupt
        On Ctrl-C, once the child is stopped.
    """
    if not allow_service:
        check_offline(query, source)  # before any work, and without a child
    context = _fork_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, open_source, query, source, formats,
                                                 allow_service, limit, memory_mb), daemon=True)
    # SIGINT is held while forking: a Ctrl-C then is not lost in fork handlers
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        child.start()
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(f"{source}: stopped after {timeout:g} s (--timeout); narrow the "
                             "query or give a larger --timeout")
        try:
            status, payload = receiver.recv()
        except EOFError:
            child.join()
            raise QueryError(f"{source}: the query ran out of memory ({memory_mb} MiB, "
                             "--memory); narrow it or add a LIMIT") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "error":
        raise payload
    return payload


def _fork_context():
    """multiprocessing's fork context (imported here: 0.04 s that a run querying nothing, such
    as ``kg build``, need not spend)."""
    import multiprocessing

    return multiprocessing.get_context("fork")


def _child(sender, open_source, query, source, formats, allow_service, limit, memory_mb):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops this process on Ctrl-C
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # an allocation failure in pyoxigraph prints a Rust backtrace: the parent says it in a line
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    faulthandler.disable()  # the abort is expected; a fault handler (pytest's) would report it
    if memory_mb:
        size = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    try:
        message = ("ok", render_as(open_source(), query, source, *formats,
                                   allow_service=allow_service, limit=limit))
    except KgError as exc:
        message = ("error", exc)
    except MemoryError:
        message = ("error", QueryError(f"{source}: the query ran out of memory ({memory_mb} "
                                       "MiB, --memory); narrow it or add a LIMIT"))
    except Exception as exc:  # pyoxigraph's errors on odd queries (SERVICE ?var …) are the user's
        message = ("error", QueryError(f"{source}: cannot evaluate the query: "
                                       f"{type(exc).__name__}: {_one_line(exc)}"))
    sender.send(message)
    sender.close()


# ------------------------------------------------------------------ the table

def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: two for wide and full-width characters, none for
    combining and format characters (zero-width space, direction marks)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def term_text(term: Term | None) -> str:
    """A term as a table shows it: a literal's value; an IRI as a prefixed name that parses
    back in a query (``person:王芳``) or as ``<IRI>``; a blank node as ``_:id``."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    for namespace, prefix in _TABLE_PREFIXES:
        if term.value.startswith(namespace) and _pn_local().fullmatch(term.value[len(namespace):]):
            return f"{prefix}:{term.value[len(namespace):]}"
    return f"<{term.value}>"


def _table_cell(term: Term | None) -> str:
    return "".join(c if c.isprintable() or c == " " else
                   c.encode("unicode_escape").decode("ascii") for c in term_text(term))


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
    count = len(result.rows)
    if result.truncated:
        out.append(f"(first {count} rows; more were left out: --limit N shows more, --limit 0 "
                   "all)\n")
    else:
        out.append(f"({count} row{'s' if count != 1 else ''})\n")
    return "".join(out)
