"""A persistent store and a read-only SPARQL endpoint over it.

``kg load`` puts graph files into a pyoxigraph store on disk (RocksDB); ``kg serve`` answers
SPARQL 1.1 Protocol requests on it: ``GET /sparql?query=…``, ``POST`` of a form or of an
``application/sparql-query`` body; results as the ``Accept`` header asks (SPARQL JSON, XML, CSV
or TSV; Turtle or N-Triples for CONSTRUCT and DESCRIBE). Updates are refused (403): the store is
opened read-only. Each query runs as ``kg query`` runs one (:func:`kg.query.run_guarded`):
offline, within a time and a memory limit, in a child process that opens the store itself.
"""
from __future__ import annotations

from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Sequence
from urllib.parse import parse_qs, urlsplit

import pyoxigraph

from . import query
from .errors import InputError, KgError, OutputError

#: Media types of each format, the first one is sent back.
MEDIA_TYPES = {"json": ("application/sparql-results+json", "application/json"),
               "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
               "csv": ("text/csv",), "tsv": ("text/tab-separated-values",),
               "ttl": ("text/turtle", "application/x-turtle"),
               "nt": ("application/n-triples", "text/plain")}
_BY_MEDIA_TYPE = {media: name for name, types in MEDIA_TYPES.items() for media in types}
PATH = "/sparql"
MAX_REQUEST_BYTES = query.MAX_QUERY_BYTES


def load(graphs: Sequence[str | Path], folder: str | Path, *, replace: bool = False) -> int:
    """Load graph files into the persistent store in ``folder``; return its triple count.

    Parameters
    ----------
    graphs : sequence of path
        Turtle, N-Triples, JSON-LD or TriG files (see :func:`kg.query.load_file`).
    folder : str or Path
        The store's folder, created when missing.
    replace : bool
        Empty the store first (otherwise the files are added to what it holds).

    Raises
    ------
    InputError
        A graph file that cannot be read.
    OutputError
        A folder that cannot hold a store (a file, not writable, or in use by ``kg serve``).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "is a file, not a store folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "CURRENT").is_file():
        raise OutputError(folder, "holds other files, not a store (RocksDB's CURRENT is "
                                  "missing): give a new or empty folder")
    for path in graphs:  # every file is checked before the store is touched
        if not Path(path).is_file():
            raise InputError(path, "no such file" if not Path(path).exists() else "not a file")
    try:
        store = pyoxigraph.Store(str(folder))
    except OSError as exc:
        raise OutputError(folder, f"cannot open the store: {' '.join(str(exc).split())}") \
            from None
    try:
        if replace:
            store.clear()
        for path in graphs:
            query.load_file(store, Path(path))
        store.flush()
        return len(store)
    finally:
        del store


def choose_formats(accept: str | None) -> tuple[str, str]:
    """The (result format, graph format) an ``Accept`` header asks for, by quality then order;
    SPARQL JSON and Turtle when it names none of ours.

    >>> choose_formats("text/csv;q=0.5, application/sparql-results+xml")
    ('xml', 'ttl')
    """
    ranked = []
    for position, item in enumerate((accept or "").split(",")):
        media, *parameters = [part.strip() for part in item.split(";")]
        quality = 1.0
        for parameter in parameters:
            if parameter.startswith("q="):
                try:
                    quality = float(parameter[2:])
                except ValueError:
                    quality = 0.0
        if media.lower() in _BY_MEDIA_TYPE and quality > 0:
            ranked.append((-quality, position, _BY_MEDIA_TYPE[media.lower()]))
    names = [name for *_, name in sorted(ranked)]
    result = next((n for n in names if n in query.RESULT_FORMATS), "json")
    graph = next((n for n in names if n in query.GRAPH_FORMATS), "ttl")
    return result, graph


class _Handler(BaseHTTPRequestHandler):
    """One SPARQL 1.1 Protocol request (the server holds ``store_folder`` and the limits)."""

    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path != PATH:
            return self._send(HTTPStatus.NOT_FOUND, f"the endpoint is {PATH}\n")
        self._answer(parse_qs(url.query, keep_blank_values=True))

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != PATH:
            return self._send(HTTPStatus.NOT_FOUND, f"the endpoint is {PATH}\n")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request over 1 MiB\n")
        body = self.rfile.read(length)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._refuse_update()
        if media == "application/sparql-query":
            params = parse_qs(url.query, keep_blank_values=True)
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif media == "application/x-www-form-urlencoded":
            params = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        else:
            return self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send a query as "
                              "application/sparql-query or application/x-www-form-urlencoded\n")
        self._answer(params)

    def do_PUT(self):
        self._refuse_update()

    do_DELETE = do_PATCH = do_PUT

    def _refuse_update(self):
        self._send(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused\n")

    def _answer(self, params: dict[str, list[str]]):
        if "update" in params:
            return self._refuse_update()
        texts = params.get("query", [])
        if len(texts) != 1 or not texts[0].strip():
            return self._send(HTTPStatus.BAD_REQUEST, "give exactly one query parameter\n")
        server = self.server
        try:
            data, chosen = query.run_guarded(
                partial(query.open_store_folder, server.store_folder), texts[0], "query",
                choose_formats(self.headers.get("Accept")), limit=None,
                timeout=server.timeout, memory_mb=server.memory_mb)
        except KgError as exc:
            return self._send(HTTPStatus.BAD_REQUEST, f"{exc}\n")
        self._send(HTTPStatus.OK, data, f"{MEDIA_TYPES[chosen][0]}; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes | str,
              media: str = "text/plain; charset=utf-8"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if self.server.verbose:
            super().log_message(format, *args)


class Endpoint(HTTPServer):
    """A read-only SPARQL endpoint over the store in ``store_folder`` (one request at a time:
    each query runs in its own child process, within the limits)."""

    def __init__(self, store_folder: str | Path, host: str = "127.0.0.1", port: int = 0, *,
                 timeout: float | None = query.DEFAULT_TIMEOUT,
                 memory_mb: int | None = query.DEFAULT_MEMORY_MB, verbose: bool = False):
        query.open_store_folder(store_folder)  # a bad folder fails now, not at the first query
        self.store_folder = str(store_folder)
        self.timeout, self.memory_mb, self.verbose = timeout, memory_mb, verbose
        try:
            super().__init__((host, port), _Handler)
        except OSError as exc:
            raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None

    @property
    def url(self) -> str:
        """The endpoint's URL."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{PATH}"
