"""The interactive graph viewer: one self-contained HTML page that works offline.

The page draws with vis-network, the copy pyvis bundles (pyvis is the project's viewer
package), inlined together with the viewer's own script and style (``src/kg/viewer/``).
Nothing is loaded from the network and no ``lib/`` folder is written; a
Content-Security-Policy that allows only the page's own scripts (by hash) backs this up.

The page carries the graph as compact JSON: one record per entity (ranked by degree, so the
record number is the node id and the most connected come first), one per edge (the facts
sharing subject, predicate and object), and, in a second block parsed on first use, every
fact's evidence with its document, offsets and surrounding text (original and normalised).

Positions are computed here, deterministically: the :data:`OPEN_LIMIT` most connected
entities get a force layout (stretched to a landscape canvas, isolated entities in a block of
their own beside it); every other entity sits around its best-ranked neighbour, so a page of
10,000 entities opens on the few hundred most connected and a node's neighbourhood is added
on demand. Labels are drawn by the viewer (level of detail: the most connected first, only
where they do not collide).

Graph text (names, aliases, sentences) reaches the page only as JSON inside
``<script type="application/json">`` blocks with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and the viewer sets it as text, never as HTML.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import marshal
import math
import re
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy

from .graph import KnowledgeGraph
from .io import write_atomic
from .model import Evidence, Fact
from .normalize import strip_pinyin_glosses, to_simplified
from .private_cache import cache_folder, installed_key, read_verified, write_verified


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

#: The most connected entities the page opens on (and lays out with forces); the others are
#: added with a node's neighbourhood on demand.
OPEN_LIMIT = 400
#: Node size (vis pixels) of an isolated node, growth per square root of degree, and cap.
BASE_NODE_SIZE = 6.0
NODE_SIZE_STEP = 2.5
MAX_NODE_SIZE = 22.0
#: Distance between neighbouring nodes, in vis pixels (roughly).
LAYOUT_SPACING = 60.0
#: The typical distance of a node to its nearest one, at least (dense graphs spread out).
NEAREST_SPACING = 40.0
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 120
#: Width over height of the layout (a landscape window beside the side panel).
LAYOUT_ASPECT = 1.4
#: The most a layout is stretched (or squeezed) along one axis to fill the canvas.
MAX_STRETCH = 1.6
#: Pull towards the centre that keeps small components near the large one.
LAYOUT_GRAVITY = 0.05
DEFAULT_TITLE = "知识图谱 Knowledge graph"
FONT_FACE = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
             'sans-serif')

_SCRIPT_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                        ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
#: Code points OpenCC converts one by one for the page's search (CJK and extension A).
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def node_size(degree: int) -> float:
    """The drawn size of a node with ``degree`` links: grows with the square root, capped.

    Examples
    --------
    >>> node_size(0), node_size(4), node_size(10_000)
    (6.0, 11.0, 22.0)
    """
    return min(MAX_NODE_SIZE, BASE_NODE_SIZE + NODE_SIZE_STEP * math.sqrt(degree))


def script_json(value) -> str:
    """``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes (so no ``</script>`` or ``<!--`` can end or
    change the element), as do U+2028 and U+2029. These characters only occur inside JSON
    strings, where the escapes decode to the same text.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_JSON_ESCAPES:  # str.replace: translate is slow on megabytes
        text = text.replace(char, escape)
    return text


@cache
def t2s_characters() -> dict[int, str]:
    """Traditional -> simplified character by character, as OpenCC converts each alone.

    The page normalises a search query with this table (after NFKC), as the pipeline
    normalises text; one OpenCC call converts every character on a line of its own. The table
    is kept in kg's private cache, named after OpenCC's files as installed (making it takes
    0.01 s of every page written).

    >>> t2s = t2s_characters()
    >>> "內蒙古自治區婦女聯合會".translate(t2s)
    '内蒙古自治区妇女联合会'
    """
    package = Path(importlib.util.find_spec("opencc").origin).parent
    files = sorted(package.glob("clib/*.so")) + sorted(package.glob("clib/share/opencc/*"))
    path = cache_folder() / f"opencc-t2s-{installed_key('t2s-1', files)}.marshal"
    payload = read_verified(path)
    try:
        table = None if payload is None else marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        table = None
    if isinstance(table, dict) and all(isinstance(c, int) and isinstance(s, str)
                                       for c, s in table.items()):
        return table
    chars = [chr(c) for start, stop in _HAN_RANGES for c in range(start, stop)]
    converted = to_simplified("\n".join(chars))[0].split("\n")
    table = {ord(c): s for c, s in zip(chars, converted) if s != c and len(s) == 1}
    write_verified(path, marshal.dumps(table))
    return table


@cache
def _traditional() -> frozenset[str]:
    """The characters that OpenCC would change alone (a set: a pattern of them takes longer
    to compile than the page to write)."""
    return frozenset(map(chr, t2s_characters()))


def normalised_text(text: str) -> str:
    """``text`` for reading: pinyin glosses removed and simplified script, as the pipeline
    reads it (its NFKC step is left out: it would turn Chinese punctuation into ASCII).

    >>> normalised_text("自治區(qū)婦聯(lián)，")
    '自治区妇联，'
    """
    text = strip_pinyin_glosses(text)[0]
    if not _traditional().isdisjoint(text):
        text = to_simplified(text)[0]
    return text


class _Strings:
    """A table of distinct strings; :meth:`index` gives a string's number in it."""

    def __init__(self):
        self.numbers: dict[str, int] = {}
        self.simple: dict[str, int] = {}

    def index(self, text: str) -> int:
        return self.numbers.setdefault(text, len(self.numbers))

    def normalised(self, text: str) -> int:
        """The number of ``text``'s normalised form, or -1 when that is ``text`` itself."""
        number = self.simple.get(text)
        if number is None:
            simple = normalised_text(text)
            number = self.simple[text] = -1 if simple == text else self.index(simple)
        return number

    def table(self) -> list[str]:
        return list(self.numbers)


def _fact_groups(facts) -> dict[tuple[str, str, str], list[Fact]]:
    """Facts by (subject, predicate, object), each group in a fixed order."""
    groups = defaultdict(list)
    for fact in sorted(facts, key=lambda f: (f.subject, f.predicate, f.object, f.role or "",
                                             f.year or "")):
        groups[fact.subject, fact.predicate, fact.object].append(fact)
    return groups


def _ranked(graph: KnowledgeGraph, groups) -> tuple[list, Counter]:
    """Entities by degree (links drawn), most connected first, then by name and IRI."""
    degree = Counter()
    for subject, _, obj in groups:
        degree[subject] += 1
        degree[obj] += 1
    ranked = sorted(graph.entities, key=lambda e: (-degree[e.iri], e.name, e.iri))
    return ranked, degree


def force_layout(count: int, links: numpy.ndarray, iterations: int = LAYOUT_ITERATIONS,
                 seed: int = LAYOUT_SEED) -> numpy.ndarray:
    """Fruchterman–Reingold positions of ``count`` nodes joined by ``links`` (pairs of node
    numbers), with a weak pull to the centre so that separate components stay close.

    Vectorised with numpy (networkx's sparse variant is several times slower at a few hundred
    nodes); the same input always gives the same positions.

    Returns
    -------
    numpy.ndarray
        ``(count, 2)`` positions, roughly in the unit square.

    Examples
    --------
    >>> path = force_layout(3, numpy.array([[0, 1], [1, 2]]))
    >>> bool(numpy.linalg.norm(path[0] - path[2]) > numpy.linalg.norm(path[0] - path[1]))
    True
    """
    positions = numpy.random.default_rng(seed).random((count, 2))
    if count < 2:
        return positions
    k = 1 / math.sqrt(count)
    step = 0.1
    cooling = step / (iterations + 1)
    ends = links.reshape(-1, 2)
    for _ in range(iterations):
        x, y = positions[:, 0], positions[:, 1]
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        push = k * k / numpy.maximum(dx * dx + dy * dy, 1e-4)
        moves = numpy.stack([(dx * push).sum(axis=1), (dy * push).sum(axis=1)], axis=1)
        pull = positions[ends[:, 0]] - positions[ends[:, 1]]
        pull *= numpy.hypot(pull[:, 0], pull[:, 1])[:, None] / k
        numpy.add.at(moves, ends[:, 0], -pull)
        numpy.add.at(moves, ends[:, 1], pull)
        moves -= LAYOUT_GRAVITY * count * k * (positions - positions.mean(axis=0))
        length = numpy.maximum(numpy.hypot(moves[:, 0], moves[:, 1]), 1e-9)
        positions += moves * (numpy.minimum(length, step) / length)[:, None]
        step -= cooling
    return positions


def _median(values: numpy.ndarray) -> float:
    """``numpy.median`` of finite values, the same number (the middle one, or the two middle
    ones' sum halved), without the import of ``numpy.ma`` its check for NaN makes (10 ms).

    >>> _median(numpy.array([3.0, 1.0, 2.0])), _median(numpy.array([4.0, 1.0, 2.0, 3.0]))
    (2.0, 2.5)
    """
    ordered, half = numpy.sort(values), len(values) // 2
    return float(ordered[half] if len(values) % 2 else (ordered[half - 1] + ordered[half]) / 2)


def _layout(ranked, neighbours: list[list[int]], open_count: int) -> list[tuple[int, int]]:
    """Positions of the ranked entities (see the module docstring)."""
    linked = [i for i in range(open_count) if neighbours[i]]
    number = {node: n for n, node in enumerate(linked)}
    links = numpy.array([(number[a], number[b]) for a in linked for b in neighbours[a]
                         if b in number and a < b], dtype=numpy.int64)
    placed = force_layout(len(linked), links)
    if len(links):
        # links about LAYOUT_SPACING long, and nodes not much closer to their nearest one
        lengths = numpy.hypot(*(placed[links[:, 0]] - placed[links[:, 1]]).T)
        apart = numpy.hypot(*(placed[:, None, :] - placed[None, :, :]).transpose(2, 0, 1))
        numpy.fill_diagonal(apart, numpy.inf)
        placed *= max(LAYOUT_SPACING / max(_median(lengths), 1e-9),
                      NEAREST_SPACING / max(_median(apart.min(axis=1)), 1e-9))
    if len(linked):
        placed -= placed.mean(axis=0)
        placed *= _stretch(*(numpy.ptp(placed, axis=0) + LAYOUT_SPACING),
                           sum(1 for n in range(open_count) if not neighbours[n]))
    positions: dict[int, tuple[float, float]] = {node: (float(x), float(y))
                                                 for node, (x, y) in zip(linked, placed)}
    # everything else around its best-ranked neighbour, in sunflower order; nodes without one
    # (isolated, or the top of a component outside the open part) in a block to the right
    anchors: dict[int, int] = {}
    roots = []
    placed = set(positions)
    for node in range(len(ranked)):
        if node not in placed:
            anchor = min((n for n in neighbours[node] if n in placed), default=None)
            if anchor is None:
                roots.append(node)
            else:
                anchors[node] = anchor
            placed.add(node)
    right = max((x for x, _ in positions.values()), default=0.0) + 2 * LAYOUT_SPACING
    top = min((y for _, y in positions.values()), default=0.0)
    height = max((y for _, y in positions.values()), default=0.0) - top
    rows = max(1, int(height / LAYOUT_SPACING) + 1)
    columns = max(1, math.ceil(len(roots) / rows))
    for i, node in enumerate(roots):
        positions[node] = (right + LAYOUT_SPACING * (i % columns),
                           top + LAYOUT_SPACING * (i // columns))
    children = Counter()
    for node, anchor in anchors.items():  # in rank order: an anchor is placed before
        ax, ay = positions[anchor]
        turn = math.atan2(ay, ax) + _GOLDEN_ANGLE * children[anchor]
        radius = LAYOUT_SPACING * (1 + 0.6 * math.sqrt(children[anchor]))
        children[anchor] += 1
        positions[node] = (ax + radius * math.cos(turn), ay + radius * math.sin(turn))
    return [(round(x), round(y)) for x, y in (positions[n] for n in range(len(ranked)))]


def _stretch(width: float, height: float, isolated: int) -> numpy.ndarray:
    """How much to stretch x and y (area kept) so that a layout of ``width`` by ``height``,
    with a block of ``isolated`` nodes as high as it beside it, is LAYOUT_ASPECT wide."""
    area = width * height
    block = isolated * LAYOUT_SPACING ** 2

    def mismatch(aspect: float) -> float:
        wide, high = math.sqrt(area * aspect), math.sqrt(area / aspect)
        return abs((wide + 2 * LAYOUT_SPACING + block / high) / high - LAYOUT_ASPECT)

    aspect = min((a / 20 for a in range(4, 61)), key=mismatch)
    # within bounds: a small layout stays recognisable rather than filling the canvas
    return numpy.clip([math.sqrt(aspect * height / width), math.sqrt(width / (aspect * height))],
                      1 / MAX_STRETCH, MAX_STRETCH)


def _evidence_record(ev: Evidence, documents: dict[str, int], strings: _Strings) -> list:
    """An evidence as the page keeps it: document number, offsets, then the numbers of the
    sentence, the text before and after it, and their normalised forms (-1: the same)."""
    texts = (ev.sentence, ev.prefix, ev.suffix)
    return [documents.get(ev.doc_id, -1), ev.start, ev.end,
            *(strings.index(t) for t in texts), *(strings.normalised(t) for t in texts)]


def page_data(graph: KnowledgeGraph, open_limit: int = OPEN_LIMIT) -> tuple[dict, dict]:
    """The graph as the page carries it: the data drawn at once, and the evidence.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw.
    open_limit : int
        How many of the most connected entities the page opens on.

    Returns
    -------
    tuple of dict
        ``(data, evidence)``: ``data`` has the types, predicates, documents, years, entity
        records ``[name, type, x, y, degree, aliases, traditional aliases, [[document,
        mentions], …], IRI]`` (ranked, the record number is the node id), edge records
        ``[subject, predicate, object, years, documents, facts]`` and the search table;
        ``evidence`` has per edge the facts ``[role, year, [evidence record, …]]`` and the
        string table the evidence records point into.
    """
    groups = _fact_groups(graph.facts)
    ranked, degree = _ranked(graph, groups)
    node = {e.iri: n for n, e in enumerate(ranked)}
    documents = {d.id: n for n, d in enumerate(graph.documents)}
    type_number = {key: n for n, key in enumerate(TYPE_STYLES)}
    predicate_number = {key: n for n, key in enumerate(PREDICATE_LABELS)}
    neighbours: list[list[int]] = [[] for _ in ranked]
    for subject, _, obj in groups:
        neighbours[node[subject]].append(node[obj])
        neighbours[node[obj]].append(node[subject])
    open_count = min(open_limit, len(ranked))
    positions = _layout(ranked, neighbours, open_count)
    nodes = []
    for entity, (x, y) in zip(ranked, positions):
        mentions = Counter(documents[doc] for doc, _, _ in entity.mentions if doc in documents)
        nodes.append([entity.name, type_number[entity.type], x, y, degree[entity.iri],
                      list(entity.aliases), list(entity.original_aliases),
                      sorted(mentions.items()), entity.iri])
    strings = _Strings()
    edges, facts = [], []
    for (subject, predicate, obj), group in groups.items():
        evidence = [ev for fact in group for ev in fact.evidence]
        edges.append([node[subject], predicate_number[predicate], node[obj],
                      sorted({f.year for f in group if f.year}),
                      sorted({documents[ev.doc_id] for ev in evidence if ev.doc_id in documents}),
                      len(group)])
        facts.append([[f.role, f.year, [_evidence_record(ev, documents, strings)
                                        for ev in f.evidence]] for f in group])
    data = {"types": [{"key": key, "zh": s.zh, "en": s.en, "color": s.color, "shape": s.shape}
                      for key, s in TYPE_STYLES.items()],
            "predicates": [{"key": key, "zh": p.zh, "en": p.en, "color": p.color}
                           for key, p in PREDICATE_LABELS.items()],
            "documents": [{"id": d.id, "name": Path(d.path).name} for d in graph.documents],
            "nodes": nodes, "edges": edges, "open": open_count,
            "sizes": [node_size(degree[e.iri]) for e in ranked],
            "t2s": "".join(chr(c) + s for c, s in t2s_characters().items()),
            "font": FONT_FACE}
    return data, {"facts": facts, "strings": strings.table()}


def _vis_options() -> dict:
    """vis-network options: fixed positions (no physics), labels drawn by the viewer."""
    return {
        "nodes": {"borderWidth": 1, "font": {"size": 0}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "smooth": False,
                  "width": 1, "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": False},
        "physics": {"enabled": False, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 60},
                    "stabilization": {"enabled": False}},
    }


def _vis_folder():
    """pyvis's bundled vis-network folder (the newest if it ships several), found without
    importing pyvis (0.3-0.8 s of imports: jinja2, networkx, IPython's display)."""
    package = Path(importlib.util.find_spec("pyvis").submodule_search_locations[0])
    bundled = [d for d in (package / "templates" / "lib").iterdir()
               if d.name.startswith("vis-")]
    return max(bundled, key=lambda d: tuple(int(p) for p in d.name[4:].split(".")))


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_html(graph: KnowledgeGraph, *, title: str = DEFAULT_TITLE,
                open_limit: int = OPEN_LIMIT) -> str:
    """The viewer page of ``graph``: one self-contained HTML document.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (not modified).
    title : str
        The page title and heading (escaped).
    open_limit : int
        How many of the most connected entities the page opens on; the rest are added with
        a neighbourhood on demand.

    Returns
    -------
    str
        The page; the same graph always gives the same text.
    """
    data, evidence = page_data(graph, open_limit)
    data["options"] = _vis_options()
    data["summary"] = {"entities": len(graph.entities), "edges": len(data["edges"]),
                       "facts": len(graph.facts), "documents": len(graph.documents)}
    vis = _vis_folder()
    viewer = resources.files("kg") / "viewer"
    scripts = {"vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
               "viewer_js": (viewer / "viewer.js").read_text(encoding="utf-8")}
    csp = ("default-src 'none'; script-src " + " ".join(map(_script_hash, scripts.values()))
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
           "form-action 'none'")
    parts = {"csp": csp, "title": html.escape(title), "data": script_json(data),
             "evidence": script_json(evidence),
             "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
             "viewer_css": (viewer / "viewer.css").read_text(encoding="utf-8"), **scripts}
    page = (viewer / "page.html").read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], page)


def write_html(graph: KnowledgeGraph, path: str | Path, **options) -> Path:
    """Write the viewer page of ``graph`` to ``path`` atomically, as UTF-8.

    ``options`` are passed to :func:`render_html`. Returns the path written.
    """
    return write_atomic(path, render_html(graph, **options))
