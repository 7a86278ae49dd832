"""``kg export``: the graph as GraphML, GEXF, networkx node-link JSON, node and edge CSV tables,
or the evidence sentences with their entity mentions as JSONL.

All three carry what :func:`kg.nx.to_networkx` gives: nodes keyed by entity IRI with ``label``,
``type``, ``aliases``; one edge per fact with ``predicate``, ``role``, ``year``, ``evidence``.

- **GraphML** (Gephi, Cytoscape, ``networkx.read_graphml``) holds only scalar attributes, so
  ``aliases`` and ``evidence`` are JSON text, and a missing ``role`` or ``year`` is left out.
- **GEXF** (Gephi's own format) holds the same attributes as GraphML.
- **JSONL** is one line per evidence sentence, ``{"text", "label", "spans", "meta"}``: the
  entity mentions inside it with offsets into the sentence, as doccano (``label``:
  ``[start, end, type]``) and Prodigy (``spans``) read them, for people who correct the
  extractor; ``meta`` names the document and the sentence's offsets into the original file.
- **JSON** is networkx's node-link format (``networkx.node_link_graph(data, edges="edges")``
  reads it back into the same graph as ``to_networkx``).
- **CSV** writes two tables, ``<name>.nodes.csv`` and ``<name>.edges.csv``, in UTF-8 with a byte
  order mark (``utf-8-sig``) so that Excel shows the Chinese text; Python reads them with
  ``open(path, encoding="utf-8-sig")``. List values (aliases, evidence) are JSON text, as in
  GraphML; edges also carry the labels of both ends, for reading the table on its own.

Every output is deterministic (same graph, same bytes) and written atomically. Control
characters in names (terminal escape codes) are escaped where the format can (JSON, XML's C1) and
replaced by U+FFFD where it cannot (CSV, XML's C0): see :mod:`kg.controls`.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .controls import neutralise, neutralise_bytes
from .graph import KnowledgeGraph
from .io import ensure_folder, write_atomic, write_outputs

if TYPE_CHECKING:
    import networkx

FORMATS = ("graphml", "gexf", "json", "csv", "jsonl")
NODE_COLUMNS = ("iri", "label", "type", "aliases")
EDGE_COLUMNS = ("source", "target", "predicate", "role", "year", "source_label", "target_label",
                "evidence")


def _json_text(value) -> str:
    # json escapes C0 controls; DEL and C1 too, so that no terminal acts on them (kg.controls)
    return neutralise(json.dumps(value, ensure_ascii=False, separators=(",", ":")), "json")


#: Characters XML 1.0 does not allow (controls, surrogates, U+FFFE, U+FFFF), spelled as the
#: few they are rather than as the complement of what XML allows (which takes 15 ms to compile).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value):
    """``value`` with characters XML cannot hold replaced by U+FFFD (other values as they
    are), so that the GraphML stays well-formed whatever the names hold."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


#: What a spreadsheet reads as the start of a formula in a cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    """One CSV cell; text a spreadsheet would run as a formula (``=1+1``) is quoted with a
    leading apostrophe, which Excel and LibreOffice show as plain text, and control characters
    (terminal escape codes) are U+FFFD (:mod:`kg.controls`)."""
    text = "" if value is None else neutralise(str(value), "csv")
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_graphml(graph: KnowledgeGraph) -> bytes:
    """GraphML of the graph, list attributes as JSON text.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> e = (Entity("p", "Person", "王芳"), Entity("o", "Organisation", "自治区妇联"))
    >>> data = to_graphml(KnowledgeGraph((), e, (Fact("p", "holdsPost", "o", role="主席"),)))
    >>> import networkx
    >>> g = networkx.read_graphml(io.BytesIO(data), force_multigraph=True)
    >>> g.nodes["p"]["label"], g.edges["p", "o", 0]["role"]
    ('王芳', '主席')
    """
    import networkx  # imported here: 0.1 s that the commands without an export need not pay

    buffer = io.BytesIO()
    networkx.write_graphml(_scalar_graph(graph), buffer, encoding="utf-8", prettyprint=True)
    return neutralise_bytes(buffer.getvalue(), "xml")


def _scalar_graph(graph: KnowledgeGraph) -> networkx.MultiDiGraph:
    """The networkx graph with scalar, XML-safe attributes only (lists as JSON text)."""
    import networkx

    full = graph.to_networkx()
    flat = networkx.MultiDiGraph()
    for iri, data in full.nodes(data=True):
        attributes = {**data, "aliases": _json_text(data["aliases"])}
        flat.add_node(iri, **{k: _xml_text(v) for k, v in attributes.items()})
    for source, target, key, data in full.edges(keys=True, data=True):
        scalars = {k: _xml_text(v) for k, v in data.items() if v is not None and k != "evidence"}
        flat.add_edge(source, target, key, **scalars,
                      evidence=_xml_text(_json_text(data["evidence"])))
    return flat


def to_gexf(graph: KnowledgeGraph) -> bytes:
    """GEXF 1.2 of the graph (Gephi), with the attributes of :func:`to_graphml`.

    Examples
    --------
    >>> from kg.model import Entity
    >>> data = to_gexf(KnowledgeGraph((), (Entity("p", "Person", "王芳"),), ()))
    >>> import networkx
    >>> networkx.read_gexf(io.BytesIO(data)).nodes["p"]["type"]
    'Person'
    """
    import networkx

    buffer = io.BytesIO()
    networkx.write_gexf(_scalar_graph(graph), buffer, encoding="utf-8", prettyprint=True)
    return neutralise_bytes(buffer.getvalue(), "xml")


def to_mention_jsonl(graph: KnowledgeGraph) -> str:
    """One JSON line per evidence sentence with the entity mentions inside it (see the module
    docstring), sorted by document and offset.

    Examples
    --------
    >>> from kg.model import Entity, Evidence, Fact
    >>> ev = Evidence("d1", "王芳任主席。", 10, 16)
    >>> e = (Entity("p", "Person", "王芳", mentions=(("d1", 10, 12),)),
    ...      Entity("o", "Organisation", "妇联"))
    >>> line = to_mention_jsonl(KnowledgeGraph((), e, (Fact("p", "holdsPost", "o", None, None,
    ...                                                      (ev,)),)))
    >>> json.loads(line)["label"]
    [[0, 2, 'Person']]
    """
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in graph.entities:
        for doc_id, start, end in entity.mentions:
            spans.setdefault(doc_id, []).append((start, end, entity.type))
    sentences = sorted({ev for fact in graph.facts for ev in fact.evidence},
                       key=lambda ev: (ev.doc_id, ev.start, ev.end, ev.sentence))
    lines = []
    for ev in sentences:
        inside = sorted({(s - ev.start, e - ev.start, t) for s, e, t in spans.get(ev.doc_id, ())
                         if ev.start <= s and e <= ev.end})
        lines.append(_json_text({
            "text": ev.sentence, "label": [list(span) for span in inside],
            "spans": [{"start": s, "end": e, "label": t} for s, e, t in inside],
            "meta": {"document": ev.doc_id, "start": ev.start, "end": ev.end}}))
    return "".join(line + "\n" for line in lines)


def to_node_link_json(graph: KnowledgeGraph) -> str:
    """networkx node-link JSON of the graph (edges under ``"edges"``), sorted keys, indented.

    Examples
    --------
    >>> from kg.model import Entity
    >>> text = to_node_link_json(KnowledgeGraph((), (Entity("p", "Person", "王芳"),), ()))
    >>> import networkx
    >>> networkx.node_link_graph(json.loads(text), edges="edges").nodes["p"]["label"]
    '王芳'
    """
    import networkx

    data = networkx.node_link_data(graph.to_networkx(), edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return neutralise(text, "json") + "\n"


def _csv_text(columns: tuple[str, ...], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def to_csv_tables(graph: KnowledgeGraph) -> tuple[str, str]:
    """The node table and the edge table of the graph, as CSV text.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> e = (Entity("p", "Person", "王芳"), Entity("o", "Organisation", "自治区妇联"))
    >>> nodes, edges = to_csv_tables(KnowledgeGraph((), e, (Fact("p", "holdsPost", "o", "主席"),)))
    >>> nodes.splitlines()[1], edges.splitlines()[1]
    ('o,自治区妇联,Organisation,[]', 'p,o,holdsPost,主席,,王芳,自治区妇联,[]')
    """
    g = graph.to_networkx()
    nodes = [[iri, data["label"], data["type"], _json_text(data["aliases"])]
             for iri, data in g.nodes(data=True)]
    edges = [[source, target, data["predicate"], data["role"], data["year"],
              g.nodes[source].get("label"), g.nodes[target].get("label"),
              _json_text(data["evidence"])]
             for source, target, data in g.edges(data=True)]
    return _csv_text(NODE_COLUMNS, nodes), _csv_text(EDGE_COLUMNS, edges)


def default_output(graph_path: str | Path, fmt: str) -> Path:
    """Where ``export`` writes by default: next to the Turtle file (a folder for CSV).

    Examples
    --------
    >>> default_output("output/kg.ttl", "graphml").as_posix()
    'output/kg.graphml'
    >>> default_output("output/kg.ttl", "csv").as_posix()
    'output'
    """
    graph_path = Path(graph_path)
    return graph_path.parent if fmt == "csv" else graph_path.with_suffix(f".{fmt}")


def export(graph: KnowledgeGraph, fmt: str, output: str | Path, name: str = "kg") -> list[Path]:
    """Write the graph in one of ``FORMATS``.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to write.
    fmt : {"graphml", "gexf", "json", "csv", "jsonl"}
        The output format.
    output : str or Path
        The file to write; for ``csv`` the folder receiving ``<name>.nodes.csv`` and
        ``<name>.edges.csv`` (created when missing).
    name : str
        File name stem of the CSV tables.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in export(KnowledgeGraph((), (), ()), "csv", folder)]
    ['kg.nodes.csv', 'kg.edges.csv']
    """
    output = Path(output)
    single = {"graphml": to_graphml, "gexf": to_gexf, "json": to_node_link_json,
              "jsonl": to_mention_jsonl}
    if fmt in single:
        return [write_atomic(ensure_folder(output.parent) / output.name, single[fmt](graph))]
    if fmt != "csv":
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    nodes, edges = to_csv_tables(graph)
    # the two tables are one set: both replaced, or neither (a full disk, an interruption)
    return write_outputs(output, {f"{name}.nodes.csv": nodes.encode("utf-8-sig"),
                                  f"{name}.edges.csv": edges.encode("utf-8-sig")})
