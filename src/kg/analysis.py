"""Analyses of a knowledge graph, shared by the scripts in ``scripts/``.

Each analysis is a function of a ``KnowledgeGraph`` that returns plain rows, and a ``*_report``
function that renders them as aligned text tables (Chinese text aligned by display width).
The scripts only parse arguments, load the graph and print; see ``scripts/*.py``.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import networkx

from . import pipeline, rdf
from .errors import InputError, KgError, OutputError
from .graph import KnowledgeGraph
from .io import write_atomic

#: Entity types ranked by ``centrality`` (the ones a reader asks "who matters?" about).
CENTRAL_TYPES = ("Organisation", "Person", "Programme")
#: Honour levels, from the markers their names carry; first marker in the name wins.
HONOUR_LEVELS = (("national", ("全国", "国家", "中国", "中华")),
                 ("provincial", ("自治区", "全区", "省")),
                 ("prefecture", ("盟", "市")),
                 ("county", ("旗", "县")))
UNSPECIFIED = "unspecified"
#: Shown in a table cell for a missing value.
MISSING = "—"
#: Parts of font file names likely to cover Chinese, tried first when looking for a CJK font.
CJK_FONT_HINTS = ("cjk", "sourcehan", "wqy", "hei", "song", "ming", "kai", "droidsansfallback",
                  "uming", "ukai")


# --- tables -------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two, combining zero.

    Examples
    --------
    >>> display_width("王芳"), display_width("kg"), display_width("主席 2022")
    (4, 2, 9)
    """
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value) -> str:
    if value is None:
        return MISSING
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def format_table(headers: Sequence[str], rows: Iterable[Sequence]) -> str:
    """Render rows as a text table aligned by display width; numbers are right-aligned.

    Parameters
    ----------
    headers : sequence of str
        Column titles.
    rows : iterable of sequences
        Cell values; ``None`` shows as a dash, floats with four decimals.

    Returns
    -------
    str
        The table, one line per row after a header and a rule, without a final newline.

    Examples
    --------
    >>> print(format_table(["person", "post", "facts"], [["王芳", "主席", 2], ["Li", None, 10]]))
    person  post  facts
    ------  ----  -----
    王芳    主席      2
    Li      —        10
    """
    rows = [list(row) for row in rows]
    numeric = [bool(rows) and all(isinstance(row[i], (int, float)) for row in rows)
               for i in range(len(headers))]
    cells = [list(headers)] + [[_cell(v) for v in row] for row in rows]
    widths = [max(display_width(line[i]) for line in cells) for i in range(len(headers))]

    def render(line: list[str], align_numbers: bool) -> str:
        parts = []
        for i, text in enumerate(line):
            pad = " " * (widths[i] - display_width(text))
            parts.append(pad + text if align_numbers and numeric[i] else text + pad)
        return "  ".join(parts).rstrip()

    lines = [render(cells[0], False), "  ".join("-" * w for w in widths)]
    lines.extend(render(line, True) for line in cells[1:])
    return "\n".join(lines)


# --- loading and script plumbing ----------------------------------------------------------

def load_graph(path: str | Path | None = None) -> KnowledgeGraph:
    """The graph of a Turtle file written by ``kg build``, or of the embedded seeds.

    Parameters
    ----------
    path : str or Path, optional
        A Turtle file; when omitted the seed texts are built in-process.

    Examples
    --------
    >>> load_graph().documents[0].path.endswith(".txt")
    True
    """
    return pipeline.build() if path is None else rdf.load(path)


def add_graph_argument(parser: argparse.ArgumentParser) -> None:
    """Add the optional ``GRAPH.ttl`` positional argument every script takes."""
    parser.add_argument("graph", nargs="?", metavar="GRAPH.ttl",
                        help="a graph written by `kg build` (default: build the embedded seeds)")


def non_negative(text: str) -> int:
    """``argparse`` type of counts and radii: an integer, 0 or more.

    Examples
    --------
    >>> non_negative("2")
    2
    """
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, not {text!r}")
    return value


def add_plot_argument(parser: argparse.ArgumentParser) -> None:
    """Add the ``--plot PNG`` option (needs matplotlib and a CJK font)."""
    parser.add_argument("--plot", metavar="PNG",
                        help="also write a PNG chart (needs the `plot` extra and a CJK font)")


def run_script(main: Callable[[list[str] | None], int], argv: list[str] | None = None) -> int:
    """Call a script's ``main``; report a ``KgError`` as one line on stderr with status 2.

    Output cut short by the reader (``python scripts/centrality.py | head``) ends the script
    quietly with status 1.

    Examples
    --------
    >>> def main(argv):
    ...     raise InputError("missing.ttl", "no such file")
    >>> run_script(main, [])
    2
    """
    try:
        status = main(argv)
        sys.stdout.flush()
        return status
    except KgError as exc:
        print(f"{Path(sys.argv[0]).name}: error: {exc}", file=sys.stderr)
        return exc.exit_status
    except BrokenPipeError:  # the reader stopped early (`| head`): end quietly, as shell tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


# --- centrality ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Centrality:
    """Centrality of one entity in the undirected view of the graph.

    ``degree`` counts facts (parallel facts count each), ``pagerank`` is computed with parallel
    facts as weights, ``betweenness`` is normalised, on the simple graph.
    """

    iri: str
    label: str
    type: str
    degree: int
    pagerank: float
    betweenness: float


def centrality(graph: KnowledgeGraph, types: Sequence[str] = CENTRAL_TYPES) -> list[Centrality]:
    """Degree, PageRank and betweenness of the entities of the given types.

    Parameters
    ----------
    graph : KnowledgeGraph
    types : sequence of str
        Entity types to rank (default organisations, people, programmes).

    Returns
    -------
    list of Centrality
        Grouped by type in the order of ``types``; in a group, by PageRank, highest first.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> org = Entity("o", "Organisation", "自治区妇联")
    >>> people = [Entity(f"p{i}", "Person", name) for i, name in enumerate(["王芳", "赵红军"])]
    >>> facts = tuple(Fact(p.iri, "holdsPost", org.iri) for p in people)
    >>> [(c.label, c.degree) for c in centrality(KnowledgeGraph((), (org, *people), facts))]
    [('自治区妇联', 2), ('王芳', 1), ('赵红军', 1)]
    """
    multigraph = graph.to_networkx().to_undirected()
    pagerank = networkx.pagerank(multigraph) if multigraph.number_of_edges() else {}
    betweenness = networkx.betweenness_centrality(networkx.Graph(multigraph))
    rows = [Centrality(iri, data["label"], data["type"], multigraph.degree(iri),
                       pagerank.get(iri, 0.0), betweenness.get(iri, 0.0))
            for iri, data in multigraph.nodes(data=True) if data["type"] in types]
    return sorted(rows, key=lambda c: (types.index(c.type), -c.pagerank, -c.degree, c.label))


def centrality_report(rows: Sequence[Centrality], top: int = 10) -> str:
    """The ``top`` entities of each type as one aligned table."""
    rank: Counter = Counter()
    shown = []
    for c in rows:
        rank[c.type] += 1
        if rank[c.type] <= top:
            shown.append([c.type, rank[c.type], c.label, c.degree, c.pagerank, c.betweenness])
    return format_table(["type", "rank", "name", "degree", "pagerank", "betweenness"], shown)


# --- communities --------------------------------------------------------------------------

def weighted_simple_graph(graph: KnowledgeGraph) -> networkx.Graph:
    """Undirected simple graph of the entities; edge ``weight`` = number of facts linking them.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> a, b = Entity("a", "Person", "王芳"), Entity("b", "Organisation", "自治区妇联")
    >>> g = weighted_simple_graph(KnowledgeGraph((), (a, b), (
    ...     Fact("a", "holdsPost", "b", role="主席"), Fact("a", "holdsPost", "b", role="党组书记"))))
    >>> g["a"]["b"]["weight"]
    2
    """
    multigraph = graph.to_networkx()
    simple = networkx.Graph()
    simple.add_nodes_from(multigraph.nodes(data=True))
    for u, v in multigraph.edges():
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


def communities(graph: KnowledgeGraph, seed: int = 0) -> list[list[str]]:
    """Louvain communities (networkx, fixed seed) of the entity graph.

    Parameters
    ----------
    graph : KnowledgeGraph
    seed : int
        Random seed of the Louvain method: the same graph and seed give the same communities.

    Returns
    -------
    list of list of str
        Entity IRIs; each community ordered by weighted degree (highest first, then label),
        communities by size (largest first, then their first member's label). Entities without
        facts are communities of one.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> e = [Entity(c, "Person", c) for c in "abcd"]
    >>> found = communities(KnowledgeGraph((), tuple(e), (Fact("a", "holdsPost", "b"),)))
    >>> found
    [['a', 'b'], ['c'], ['d']]
    """
    simple = weighted_simple_graph(graph)
    groups = networkx.community.louvain_communities(simple, weight="weight", seed=seed)
    degree = dict(simple.degree(weight="weight"))

    def member_order(iri: str) -> tuple:
        return -degree[iri], simple.nodes[iri]["label"], iri

    ordered = [sorted(group, key=member_order) for group in groups]
    return sorted(ordered, key=lambda group: (-len(group), member_order(group[0])))


def communities_report(graph: KnowledgeGraph, found: Sequence[Sequence[str]],
                       members: int = 5) -> str:
    """Communities of two or more entities with their main members, and the size distribution."""
    labels = {e.iri: e.name for e in graph.entities}
    types = {e.iri: e.type for e in graph.entities}
    shared = [group for group in found if len(group) > 1]
    alone = len(found) - len(shared)
    table = format_table(
        ["#", "size", "types", "main members"],
        [[n, len(group),
          ", ".join(f"{t} {c}" for t, c in sorted(Counter(types[i] for i in group).items())),
          "、".join(labels[i] for i in group[:members]) + ("…" if len(group) > members else "")]
         for n, group in enumerate(shared, 1)])
    sizes = sorted(Counter(len(group) for group in found).items(), reverse=True)
    distribution = format_table(["size", "communities"], sizes)
    return (f"{len(found)} communities: {len(shared)} of two or more entities, "
            f"{alone} of a single entity\n\n{table}\n\nSize distribution\n{distribution}")


# --- honours ------------------------------------------------------------------------------

def honour_level(name: str) -> str:
    """The level of an honour from the markers its name carries (first marker wins).

    Examples
    --------
    >>> honour_level("全国三八红旗手标兵"), honour_level("自治区三八红旗手"), honour_level("人民楷模")
    ('national', 'provincial', 'unspecified')
    """
    found = [(name.find(marker), order, level)
             for order, (level, markers) in enumerate(HONOUR_LEVELS)
             for marker in markers if marker in name]
    return min(found)[2] if found else UNSPECIFIED


@dataclass(frozen=True)
class Award:
    """One ``awarded`` fact, with names instead of IRIs."""

    honour: str
    level: str
    year: str | None
    recipient: str
    recipient_type: str


def awards(graph: KnowledgeGraph) -> list[Award]:
    """All ``awarded`` facts, sorted by year (unknown last), honour and recipient.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> e = (Entity("h", "Honour", "自治区三八红旗手标兵"), Entity("p", "Person", "于洋"))
    >>> awards(KnowledgeGraph((), e, (Fact("p", "awarded", "h", year="2022"),)))
    [Award(honour='自治区三八红旗手标兵', level='provincial', year='2022', recipient='于洋', recipient_type='Person')]
    """
    rows = []
    for fact in graph.facts:
        if fact.predicate != "awarded":
            continue
        honour, recipient = graph.entity(fact.object), graph.entity(fact.subject)
        rows.append(Award(honour.name, honour_level(honour.name), fact.year, recipient.name,
                          recipient.type))
    return sorted(rows, key=lambda a: (a.year is None, a.year or "", a.honour, a.recipient))


def honours_report(rows: Sequence[Award], names: int = 6) -> str:
    """Awards per year and level, then the recipients of each honour."""
    per_year: dict[tuple, list[Award]] = defaultdict(list)
    per_honour: dict[str, list[Award]] = defaultdict(list)
    for award in rows:
        per_year[(award.year, award.level)].append(award)
        per_honour[award.honour].append(award)
    level_order = [level for level, _ in HONOUR_LEVELS] + [UNSPECIFIED]
    by_year = format_table(
        ["year", "level", "awards", "honours"],
        [[year, level, len(group), len({a.honour for a in group})]
         for (year, level), group in sorted(
             per_year.items(),
             key=lambda item: (item[0][0] is None, item[0][0] or "",
                               level_order.index(item[0][1])))])
    by_honour = format_table(
        ["honour", "level", "years", "recipients", "names"],
        [[honour, group[0].level,
          ", ".join(sorted({a.year for a in group if a.year})) or None,
          len({a.recipient for a in group}), _name_list({a.recipient for a in group}, names)]
         for honour, group in sorted(per_honour.items(), key=lambda i: (-len(i[1]), i[0]))])
    return (f"{len(rows)} awards of {len(per_honour)} honours\n\nAwards per year and level\n"
            f"{by_year}\n\nRecipients per honour\n{by_honour}")


def _name_list(names: Iterable[str], limit: int) -> str:
    names = sorted(names)
    shown = "、".join(names[:limit])
    return shown + (f" 等{len(names)}个" if len(names) > limit else "")


# --- leadership ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Post:
    """The posts one person holds in one organisation (roles joined, sorted)."""

    organisation: str
    person: str
    roles: tuple[str, ...]


def posts(graph: KnowledgeGraph) -> list[Post]:
    """People and their posts per organisation, from the ``holdsPost`` facts.

    Returns
    -------
    list of Post
        Sorted by organisation, then person; a person's several roles in one organisation
        are one ``Post``.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> e = (Entity("o", "Organisation", "内蒙古自治区妇女联合会"), Entity("p", "Person", "王芳"))
    >>> facts = (Fact("p", "holdsPost", "o", role="党组书记"), Fact("p", "holdsPost", "o", role="主席"))
    >>> posts(KnowledgeGraph((), e, facts))
    [Post(organisation='内蒙古自治区妇女联合会', person='王芳', roles=('主席', '党组书记'))]
    """
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fact in graph.facts:
        if fact.predicate == "holdsPost":
            held = roles[(graph.entity(fact.object).name, graph.entity(fact.subject).name)]
            if fact.role:
                held.add(fact.role)
    return [Post(org, person, tuple(sorted(held))) for (org, person), held in sorted(roles.items())]


def leadership_report(rows: Sequence[Post]) -> str:
    """Posts per organisation, then the people who hold posts in more than one organisation."""
    per_person: dict[str, list[Post]] = defaultdict(list)
    for post in rows:
        per_person[post.person].append(post)
    lines, previous = [], None
    for post in rows:
        lines.append([post.organisation if post.organisation != previous else "", post.person,
                      "、".join(post.roles) or None])
        previous = post.organisation
    by_org = format_table(["organisation", "person", "posts"], lines)
    several = [[person, len(held), "；".join(
        f"{p.organisation}（{'、'.join(p.roles)}）" if p.roles else p.organisation for p in held)]
        for person, held in sorted(per_person.items()) if len(held) > 1]
    organisations = len({p.organisation for p in rows})
    text = (f"{len(per_person)} people hold posts in {organisations} organisations\n\n"
            f"{by_org}\n\nPeople with posts in more than one organisation\n")
    return text + (format_table(["person", "organisations", "posts"], several) if several
                   else "(none)")


# --- ego networks -------------------------------------------------------------------------

def find_entity(graph: KnowledgeGraph, name: str) -> str:
    """The IRI of the entity named ``name``: its name or an alias, else a unique partial match.

    Raises
    ------
    InputError
        When no entity, or more than one, matches.

    Examples
    --------
    >>> from kg.model import Entity
    >>> g = KnowledgeGraph((), (Entity("o", "Organisation", "内蒙古自治区妇女联合会", ("自治区妇联",)),), ())
    >>> find_entity(g, "自治区妇联"), find_entity(g, "妇女联合会")
    ('o', 'o')
    """
    normalised = unicodedata.normalize("NFKC", name).strip()
    for matches in ([e for e in graph.entities if e.name == normalised],
                    [e for e in graph.entities if normalised in e.aliases],
                    [e for e in graph.entities
                     if any(normalised in n for n in (e.name, *e.aliases))]):
        if len(matches) == 1:
            return matches[0].iri
        if matches:
            choices = ", ".join(f"{e.name} ({e.type})" for e in matches[:5])
            raise InputError(name, f"names {len(matches)} entities: {choices}")
    raise InputError(name, "no entity of the graph has this name or alias")


def ego_graph(graph: KnowledgeGraph, iri: str, radius: int = 1) -> tuple[KnowledgeGraph,
                                                                          dict[str, int]]:
    """The entities within ``radius`` links of ``iri`` (either direction) and the facts among them.

    Returns
    -------
    KnowledgeGraph
        The neighbourhood, with the documents its evidence cites.
    dict of str to int
        Distance of each entity of the neighbourhood from the centre.

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> e = tuple(Entity(c, "Person", c) for c in "abc")
    >>> g = KnowledgeGraph((), e, (Fact("a", "holdsPost", "b"), Fact("c", "holdsPost", "b")))
    >>> near, distance = ego_graph(g, "a", 1)
    >>> [x.iri for x in near.entities], distance
    (['a', 'b'], {'a': 0, 'b': 1})
    """
    undirected = graph.to_networkx().to_undirected(as_view=True)
    distance = dict(sorted(networkx.single_source_shortest_path_length(
        undirected, iri, cutoff=radius).items(), key=lambda item: (item[1], item[0])))
    facts = tuple(f for f in graph.facts if f.subject in distance and f.object in distance)
    cited = {e.doc_id for f in facts for e in f.evidence}
    return KnowledgeGraph(tuple(d for d in graph.documents if d.id in cited),
                          tuple(e for e in graph.entities if e.iri in distance), facts), distance


def ego_report(neighbourhood: KnowledgeGraph, distance: dict[str, int]) -> str:
    """The entities of a neighbourhood by distance, and its facts."""
    names = {e.iri: e for e in neighbourhood.entities}
    entities = format_table(["hops", "type", "name", "aliases"],
                            [[d, names[iri].type, names[iri].name,
                              "、".join(names[iri].aliases) or None]
                             for iri, d in distance.items()])
    facts = format_table(["subject", "predicate", "object", "role", "year", "evidence"],
                         [[names[f.subject].name, f.predicate, names[f.object].name, f.role,
                           f.year, len(f.evidence)] for f in neighbourhood.facts])
    return (f"{len(distance)} entities, {len(neighbourhood.facts)} facts\n\n{entities}\n\n"
            f"Facts\n{facts}")


# --- plots --------------------------------------------------------------------------------

def find_cjk_font() -> str | None:
    """Path of an installed font that has Chinese characters, or ``None``.

    The system's fonts are listed afresh (a font installed after matplotlib built its cache
    counts too); files whose name suggests CJK coverage are tried first, bold faces last, and
    a font counts when its character map holds 中 and 国.
    """
    from matplotlib import font_manager, ft2font

    def hinted_first(path: str) -> tuple:
        name = Path(path).name.lower()
        return not any(hint in name for hint in CJK_FONT_HINTS), "bold" in name, path

    for path in sorted(font_manager.findSystemFonts(), key=hinted_first):
        try:
            charmap = ft2font.FT2Font(path).get_charmap()
        except (OSError, RuntimeError):
            continue
        if ord("中") in charmap and ord("国") in charmap:
            return path
    return None


def bar_chart(path: str | Path, title: str, categories: Sequence[str],
              series: dict[str, Sequence[float]], value_label: str,
              horizontal: bool = False) -> Path:
    """Write a (stacked) bar chart as PNG with a CJK font, atomically and reproducibly.

    Parameters
    ----------
    path : str or Path
        The PNG file to write.
    title, value_label : str
        Chart title and label of the value axis (Chinese allowed).
    categories : sequence of str
        The bars, left to right (top to bottom when ``horizontal``); repeats allowed.
    series : dict of str to sequence of float
        One stacked segment per entry, values aligned with ``categories``.
    horizontal : bool
        Horizontal bars, for long category names.

    Raises
    ------
    OutputError
        When matplotlib is not installed or no font with Chinese characters is found.
    """
    path = Path(path)
    try:
        import matplotlib
    except ImportError:
        raise OutputError(path, "plots need matplotlib: pip install 'kg[plot]'") from None
    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    font = find_cjk_font()
    if font is None:
        raise OutputError(path, "no font with Chinese characters is installed (Debian: apt-get "
                          "install fonts-noto-cjk); plot not written")
    font_manager.fontManager.addfont(font)
    family = font_manager.FontProperties(fname=font).get_name()
    positions = list(range(len(categories)))
    size = ((8.0, 1.5 + 0.35 * len(categories)) if horizontal
            else (max(6.0, 0.6 * len(categories)), 4.5))
    with matplotlib.rc_context({"font.family": family}):
        figure = Figure(figsize=size)
        axes = figure.subplots()
        stacked = [0.0] * len(categories)
        for label, values in series.items():
            if horizontal:
                axes.barh(positions, values, left=stacked, label=label)
            else:
                axes.bar(positions, values, bottom=stacked, label=label)
            stacked = [b + v for b, v in zip(stacked, values)]
        value_axis, category_axis = ((axes.xaxis, axes.yaxis) if horizontal
                                     else (axes.yaxis, axes.xaxis))
        category_axis.set_ticks(positions, labels=list(categories))
        value_axis.set_label_text(value_label)
        if all(isinstance(v, int) for values in series.values() for v in values):
            value_axis.set_major_locator(MaxNLocator(integer=True))
        if horizontal:
            axes.invert_yaxis()
        elif len(categories) > 8 and max(map(display_width, categories)) > 4:
            axes.tick_params(axis="x", labelrotation=45)
        axes.set_title(title)
        if len(series) > 1:
            axes.legend()
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return write_atomic(path, buffer.getvalue())
