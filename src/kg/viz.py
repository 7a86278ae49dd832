"""The interactive graph viewer: one self-contained HTML page that works offline.

The page is built with pyvis: a :class:`pyvis.network.Network` receives the nodes and edges
straight from the :class:`~kg.graph.KnowledgeGraph` (not through ``from_nx``, which mutates
its input and is slow), and the copy of vis-network that pyvis bundles is inlined into the
page together with the viewer's own script and style (``src/kg/viewer/``). Nothing is loaded
from the network and no ``lib/`` folder is written; a Content-Security-Policy that allows only
the page's own scripts (by hash) backs this up in the browser.

Graph text (names, aliases, sentences) reaches the page only as JSON inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and the viewer sets it as text, never as HTML.

Facts that share subject, predicate and object are drawn as one edge whose hover text lists
each fact's role, year and evidence. Up to :data:`PHYSICS_NODE_LIMIT` nodes the browser lays
the graph out with a bounded number of physics iterations and then stops; above it the
positions are computed here with networkx and physics is off.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import networkx
from pyvis.network import Network

from .graph import KnowledgeGraph
from .io import write_atomic
from .model import DocumentInfo, Entity, Fact


class TypeStyle(NamedTuple):
    """How the viewer draws an entity type: Chinese and English name, colour, vis shape."""

    zh: str
    en: str
    color: str
    shape: str


class PredicateLabel(NamedTuple):
    """How the viewer names and colours a predicate."""

    zh: str
    en: str
    color: str


#: Entity type -> style (Okabe–Ito colours, distinguishable with colour-blindness).
TYPE_STYLES = {
    "Organisation": TypeStyle("组织", "Organisation", "#0072B2", "square"),
    "Programme": TypeStyle("项目", "Programme", "#E69F00", "diamond"),
    "Person": TypeStyle("人物", "Person", "#D55E00", "dot"),
    "Place": TypeStyle("地点", "Place", "#009E73", "triangle"),
    "Honour": TypeStyle("荣誉", "Honour", "#CC79A7", "star"),
}

#: Predicate -> Chinese and English label and edge colour: the one place these are spelled.
PREDICATE_LABELS = {
    "holdsPost": PredicateLabel("任职", "holds post", "#4D7EA8"),
    "awarded": PredicateLabel("获得荣誉", "awarded", "#B5487D"),
    "runs": PredicateLabel("主办/实施", "runs", "#C98A1B"),
    "locatedIn": PredicateLabel("位于", "located in", "#3A9A78"),
    "partOf": PredicateLabel("隶属", "part of", "#7A7A7A"),
}

#: Above this many nodes, positions are computed in Python and physics is off.
PHYSICS_NODE_LIMIT = 500
#: The bound on the browser's physics iterations before the layout stops.
STABILIZATION_ITERATIONS = 400
#: Pieces of evidence listed per fact in an edge's hover text.
MAX_EVIDENCE_SHOWN = 3
#: Node size (vis pixels) of an isolated node, growth per square root of degree, and cap.
BASE_NODE_SIZE = 8.0
NODE_SIZE_STEP = 4.0
MAX_NODE_SIZE = 36.0
#: Label font size of an isolated node, and its growth per unit of node size (hubs get
#: larger labels, so their names stay readable when the whole graph is in view).
BASE_LABEL_SIZE = 14.0
LABEL_SIZE_STEP = 1.25
#: Distance between neighbouring nodes in precomputed layouts, in vis pixels (roughly).
LAYOUT_SPACING = 60.0
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 20
#: Components of this many nodes get a force layout; smaller and larger ones rings around a
#: hub (a force layout costs too much per call on tiny ones, and per node on huge ones).
FORCE_LAYOUT_MIN = 12
FORCE_LAYOUT_LIMIT = 300
DEFAULT_TITLE = "知识图谱 Knowledge graph"
FONT_FACE = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
             'sans-serif')

_SCRIPT_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                        0x2028: "\\u2028", 0x2029: "\\u2029"}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def node_size(degree: int) -> float:
    """The drawn size of a node with ``degree`` links: grows with the square root, capped.

    Examples
    --------
    >>> node_size(0), node_size(4), node_size(10_000)
    (8.0, 16.0, 36.0)
    """
    return min(MAX_NODE_SIZE, BASE_NODE_SIZE + NODE_SIZE_STEP * math.sqrt(degree))


def label_size(node_size_: float) -> float:
    """The label font size of a node drawn at ``node_size_``.

    >>> label_size(node_size(0)), label_size(MAX_NODE_SIZE)
    (14.0, 49.0)
    """
    return BASE_LABEL_SIZE + LABEL_SIZE_STEP * (node_size_ - BASE_NODE_SIZE)


def node_tooltip(entity: Entity, degree: int) -> str:
    """The plain-text hover text of an entity: canonical name, type, aliases, link count.

    Examples
    --------
    >>> print(node_tooltip(Entity("x", "Organisation", "内蒙古自治区妇女联合会", ("自治区妇联",)), 2))
    内蒙古自治区妇女联合会
    类型 Type: 组织 Organisation
    别名 Aliases: 自治区妇联
    关系 Links: 2
    """
    style = TYPE_STYLES[entity.type]
    aliases = "、".join(entity.aliases) or "无 none"
    return (f"{entity.name}\n类型 Type: {style.zh} {style.en}\n别名 Aliases: {aliases}\n"
            f"关系 Links: {degree}")


def edge_label(predicate: str) -> str:
    """The text drawn on an edge: the predicate in Chinese and English.

    >>> edge_label("holdsPost")
    '任职 holds post'
    """
    label = PREDICATE_LABELS[predicate]
    return f"{label.zh} {label.en}"


def edge_tooltip(facts: list[Fact], names: dict[str, str],
                 documents: dict[str, DocumentInfo]) -> str:
    """The plain-text hover text of the edge drawn for ``facts`` (one subject, predicate and
    object): the link, then each fact's role, year and evidence sentences with their document.

    Parameters
    ----------
    facts : list of Fact
        Facts sharing subject, predicate and object.
    names : dict
        Entity IRI -> canonical name.
    documents : dict
        Document id -> ``DocumentInfo``; evidence from documents not listed shows the id.

    Examples
    --------
    >>> from kg.model import Evidence
    >>> fact = Fact("p", "holdsPost", "o", role="主席", year="2023",
    ...             evidence=(Evidence("001", "主席王芳在基地调研。", 10, 20),))
    >>> print(edge_tooltip([fact], {"p": "王芳", "o": "妇联"}, {}))
    王芳 → 妇联
    任职 holds post (holdsPost)
    <BLANKLINE>
    职务 Role: 主席 · 年份 Year: 2023
    证据 Evidence [001]: 主席王芳在基地调研。
    """
    first = facts[0]
    label = PREDICATE_LABELS[first.predicate]
    lines = [f"{names[first.subject]} → {names[first.object]}",
             f"{label.zh} {label.en} ({first.predicate})"]
    for fact in facts:
        lines.append("")
        qualifiers = []
        if fact.role:
            qualifiers.append(f"职务 Role: {fact.role}")
        if fact.year:
            qualifiers.append(f"年份 Year: {fact.year}")
        if qualifiers:
            lines.append(" · ".join(qualifiers))
        for evidence in fact.evidence[:MAX_EVIDENCE_SHOWN]:
            info = documents.get(evidence.doc_id)
            source = Path(info.path).name if info else evidence.doc_id
            lines.append(f"证据 Evidence [{source}]: {evidence.sentence}")
        hidden = len(fact.evidence) - MAX_EVIDENCE_SHOWN
        if hidden > 0:
            lines.append(f"…另有 {hidden} 条证据 {hidden} more")
    return "\n".join(lines)


def script_json(value) -> str:
    """``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes (so no ``</script>`` or ``<!--`` can end or
    change the element), as do U+2028 and U+2029. These characters only occur inside JSON
    strings, where the escapes decode to the same text.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_JSON_ESCAPES)


def _fact_groups(facts) -> dict[tuple[str, str, str], list[Fact]]:
    """Facts by (subject, predicate, object), each group in a fixed order."""
    groups = defaultdict(list)
    for fact in sorted(facts, key=lambda f: (f.subject, f.predicate, f.object, f.role or "",
                                             f.year or "")):
        groups[fact.subject, fact.predicate, fact.object].append(fact)
    return groups


def _layout(iris: list[str], links) -> dict[str, tuple[int, int]]:
    """Positions of the nodes, spread so that neighbours sit about LAYOUT_SPACING apart.

    Each connected component is laid out on its own (a force layout for mid-sized ones,
    rings around the best-connected node for the others, so the cost stays near linear in
    the graph), and the components are packed in rows, largest first.
    """
    undirected = networkx.Graph()
    undirected.add_nodes_from(iris)
    undirected.add_edges_from(links)
    components = sorted((sorted(c) for c in networkx.connected_components(undirected)),
                        key=lambda c: (-len(c), c[0]))
    tiles = [_component_layout(undirected.subgraph(nodes)) for nodes in components]
    positions: dict[str, tuple[int, int]] = {}
    row_width = LAYOUT_SPACING * 2 * math.sqrt(len(iris)) + 1
    x = y = row_height = 0.0
    for tile in tiles:
        xs = [p[0] for p in tile.values()]
        ys = [p[1] for p in tile.values()]
        width = max(xs) - min(xs) + LAYOUT_SPACING
        height = max(ys) - min(ys) + LAYOUT_SPACING
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in tile.items():
            positions[node] = (round(x + px - min(xs)), round(y + py - min(ys)))
        x += width
        row_height = max(row_height, height)
    return positions


def _component_layout(component: networkx.Graph) -> dict[str, tuple[float, float]]:
    """Positions of one connected component, about LAYOUT_SPACING between neighbours."""
    size = component.number_of_nodes()
    if size == 1:
        return {next(iter(component)): (0.0, 0.0)}
    if FORCE_LAYOUT_MIN <= size <= FORCE_LAYOUT_LIMIT:
        scale = LAYOUT_SPACING * math.sqrt(size)
        placed = networkx.spring_layout(component, seed=LAYOUT_SEED, method="energy",
                                        iterations=LAYOUT_ITERATIONS)
        return {n: (float(px) * scale, float(py) * scale) for n, (px, py) in placed.items()}
    # rings around the best-connected node: ring k holds the nodes k links away, in the
    # order of their parents' angles, so neighbourhoods stay together
    hub = min(component, key=lambda n: (-component.degree(n), n))
    parent = dict(networkx.bfs_predecessors(component, hub, sort_neighbors=sorted))
    angle = {hub: 0.0}
    positions = {hub: (0.0, 0.0)}
    for depth, ring in enumerate(networkx.bfs_layers(component, hub)):
        if depth == 0:
            continue
        ring = sorted(ring, key=lambda n: (angle[parent[n]], n))
        radius = LAYOUT_SPACING * max(depth, len(ring) / (2 * math.pi))
        for i, node in enumerate(ring):
            angle[node] = 2 * math.pi * i / len(ring)
            positions[node] = (radius * math.cos(angle[node]), radius * math.sin(angle[node]))
    return positions


def _network(graph: KnowledgeGraph, groups, precompute: bool) -> Network:
    """A pyvis network of the graph: one node per entity, one edge per fact group."""
    degree = defaultdict(int)
    for subject, _, obj in groups:
        degree[subject] += 1
        degree[obj] += 1
    entities = sorted(graph.entities, key=lambda e: e.iri)
    positions = (_layout([e.iri for e in entities], [(s, o) for s, _, o in groups])
                 if precompute else {})
    network = Network(directed=True, cdn_resources="in_line")
    for entity in entities:
        style = TYPE_STYLES[entity.type]
        size = node_size(degree[entity.iri])
        place = dict(zip(("x", "y"), positions[entity.iri])) if precompute else {}
        network.add_node(entity.iri, label=entity.name, shape=style.shape, color=style.color,
                         size=size, font={"size": label_size(size)},
                         title=node_tooltip(entity, degree[entity.iri]),
                         kgType=entity.type, aliases=list(entity.aliases), **place)
    names = {e.iri: e.name for e in entities}
    documents = {d.id: d for d in graph.documents}
    for number, ((subject, predicate, obj), facts) in enumerate(groups.items()):
        color = PREDICATE_LABELS[predicate].color
        network.add_edge(subject, obj, id=f"e{number}", label=edge_label(predicate),
                         title=edge_tooltip(facts, names, documents), predicate=predicate,
                         baseColor=color,
                         color={"color": color, "highlight": color, "hover": color})
    return network


def _vis_options(precompute: bool) -> dict:
    """vis-network options: bounded stabilisation, or fixed positions without physics."""
    return {
        "nodes": {"font": {"face": FONT_FACE, "size": BASE_LABEL_SIZE, "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"font": {"face": FONT_FACE, "size": 10, "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": False if precompute else {"type": "continuous"},
                  "width": 1.2},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": precompute,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": False},
        "physics": {"enabled": not precompute, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
                    "stabilization": {"enabled": True, "iterations": STABILIZATION_ITERATIONS,
                                      "updateInterval": 50, "fit": True}},
    }


def _legend(graph: KnowledgeGraph, groups) -> tuple[list[dict], list[dict]]:
    """The legend and filter entries: every entity type and predicate, with its count."""
    types = graph.entity_counts()
    links = defaultdict(int)
    for _, predicate, _ in groups:
        links[predicate] += 1
    return ([{"key": key, "zh": s.zh, "en": s.en, "color": s.color, "shape": s.shape,
              "count": types[key]} for key, s in TYPE_STYLES.items()],
            [{"key": key, "zh": p.zh, "en": p.en, "color": p.color, "count": links[key]}
             for key, p in PREDICATE_LABELS.items()])


def _vis_folder():
    """pyvis's bundled vis-network folder (the newest if it ships several)."""
    bundled = [d for d in (resources.files("pyvis") / "templates" / "lib").iterdir()
               if d.name.startswith("vis-")]
    return max(bundled, key=lambda d: tuple(int(p) for p in d.name[4:].split(".")))


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_html(graph: KnowledgeGraph, *, title: str = DEFAULT_TITLE,
                physics_limit: int = PHYSICS_NODE_LIMIT) -> str:
    """The viewer page of ``graph``: one self-contained HTML document.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (not modified).
    title : str
        The page title and heading (escaped).
    physics_limit : int
        Above this many entities, positions are computed in Python and physics is off.

    Returns
    -------
    str
        The page; the same graph always gives the same text.
    """
    groups = _fact_groups(graph.facts)
    precompute = len(graph.entities) > physics_limit
    network = _network(graph, groups, precompute)
    types, predicates = _legend(graph, groups)
    data = {"summary": {"entities": len(graph.entities), "edges": len(groups),
                        "documents": len(graph.documents)},
            "types": types, "predicates": predicates,
            "nodes": network.nodes, "edges": network.edges,
            "options": _vis_options(precompute), "physics": not precompute}
    vis = _vis_folder()
    viewer = resources.files("kg") / "viewer"
    scripts = {"vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
               "viewer_js": (viewer / "viewer.js").read_text(encoding="utf-8")}
    csp = ("default-src 'none'; script-src " + " ".join(map(_script_hash, scripts.values()))
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
           "form-action 'none'")
    parts = {"csp": csp, "title": html.escape(title), "data": script_json(data),
             "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
             "viewer_css": (viewer / "viewer.css").read_text(encoding="utf-8"), **scripts}
    page = (viewer / "page.html").read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], page)


def write_html(graph: KnowledgeGraph, path: str | Path, **options) -> Path:
    """Write the viewer page of ``graph`` to ``path`` atomically, as UTF-8.

    ``options`` are passed to :func:`render_html`. Returns the path written.
    """
    return write_atomic(path, render_html(graph, **options))
