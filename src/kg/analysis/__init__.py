"""Analyses of a knowledge graph, shared by the scripts in ``scripts/``.

Each analysis is a function of a ``KnowledgeGraph`` that returns plain rows, and a ``*_report``
function that renders them as aligned text tables (Chinese text aligned by display width,
``tables``). The scripts only parse arguments, load the graph and print (``scripts`` holds what
they share, ``plots`` the bar charts); see ``scripts/*.py``.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

import networkx

from ..errors import InputError, KgError
from ..graph import KnowledgeGraph, graph_argument
from .plots import bar_chart, find_cjk_font
from .scripts import add_graph_argument, add_plot_argument, load_graph, non_negative, run_script
from .tables import MISSING, display_width, format_table

__all__ = ["CENTRAL_TYPES", "HONOUR_LEVELS", "MISSING", "UNSPECIFIED", "Award", "Centrality",
           "Post", "add_graph_argument", "add_plot_argument", "awards", "bar_chart", "centrality",
           "centrality_report", "communities", "communities_report", "display_width",
           "ego_graph", "ego_report", "find_cjk_font", "find_entity", "format_table",
           "honour_level", "honours_report", "leadership_report", "load_graph", "non_negative",
           "posts", "run_script", "weighted_simple_graph"]

#: Entity types ranked by ``centrality`` (the ones a reader asks "who matters?" about).
CENTRAL_TYPES = ("Organisation", "Person", "Programme")
#: Honour levels, from the markers their names carry; first marker in the name wins.
HONOUR_LEVELS = (("national", ("全国", "国家", "中国", "中华")),
                 ("provincial", ("自治区", "全区", "省")),
                 ("prefecture", ("盟", "市")),
                 ("county", ("旗", "县")))
UNSPECIFIED = "unspecified"


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

    Raises
    ------
    KgError
        When scipy, which networkx's PageRank needs, is not installed (the ``analysis`` extra).

    Examples
    --------
    >>> from kg.model import Entity, Fact
    >>> org = Entity("o", "Organisation", "自治区妇联")
    >>> people = [Entity(f"p{i}", "Person", name) for i, name in enumerate(["王芳", "赵红军"])]
    >>> facts = tuple(Fact(p.iri, "holdsPost", org.iri) for p in people)
    >>> [(c.label, c.degree) for c in centrality(KnowledgeGraph((), (org, *people), facts))]
    [('自治区妇联', 2), ('王芳', 1), ('赵红军', 1)]
    """
    graph_argument(graph)
    multigraph = graph.to_networkx().to_undirected()
    try:
        pagerank = networkx.pagerank(multigraph) if multigraph.number_of_edges() else {}
    except ImportError:     # networkx computes PageRank with scipy, an extra (140 MB)
        raise KgError("PageRank needs scipy: pip install 'kg[analysis]'") from None
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
    graph_argument(graph)
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
    graph_argument(graph)
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
    graph_argument(graph)
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
    graph_argument(graph)
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
    graph_argument(graph)
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
    graph_argument(graph)
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
