"""The viewer page as text: the data it carries (ranked entities with their sources, edges,
every piece of evidence with offsets and normalised text), the layout, escaping, offline
references, and the ``kg build`` / ``kg view`` commands that write it (the browser tests load
it for real)."""
from __future__ import annotations

import json
import marshal
import math
import re
from dataclasses import replace
from pathlib import Path

import numpy
import pytest

from graph_samples import CHAIR, FEDERATION, sample_graph
from kg import pipeline, rdf, viz
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES, PREDICATES, DocumentInfo, Entity, Evidence, Fact
from kg.normalize import to_simplified
from kg.private_cache import read_verified, write_verified

HOSTILE_NAME = '</script><script>window.pwned=1</script>\n"<img src=x onerror=alert(1)>\'\u2028'
BLOCK = r'<script type="application/json" id="kg-{}">(.*?)</script>'
NAME, TYPE, X, Y, DEGREE, ALIASES, TRADITIONAL, MENTIONS, IRI = range(9)


def page_data(page: str, block: str = "data") -> dict:
    """The data a page carries in one of its JSON blocks (``data`` or ``evidence``)."""
    return json.loads(re.search(BLOCK.format(block), page, re.S).group(1))


def by_name(graph: KnowledgeGraph, name: str) -> Entity:
    return next(e for e in graph.entities if e.name == name)


@pytest.fixture(scope="module")
def seed_graph():
    return pipeline.build([])


def test_every_type_and_predicate_has_its_own_look():
    assert list(viz.TYPE_STYLES) == list(ENTITY_TYPES)
    assert len({s.color for s in viz.TYPE_STYLES.values()}) == len(ENTITY_TYPES)
    assert len({s.shape for s in viz.TYPE_STYLES.values()}) == len(ENTITY_TYPES)
    assert list(viz.PREDICATE_LABELS) == list(PREDICATES)
    assert len({p.color for p in viz.PREDICATE_LABELS.values()}) == len(PREDICATES)
    assert all(re.fullmatch(r"[\u4e00-\u9fff/]+", p.zh) for p in viz.PREDICATE_LABELS.values())


def test_node_size_grows_with_degree_up_to_a_cap():
    sizes = [viz.node_size(degree) for degree in range(200)]
    assert sizes == sorted(sizes) and sizes[0] == viz.BASE_NODE_SIZE
    assert sizes[1] > sizes[0] and sizes[-1] == viz.MAX_NODE_SIZE


def test_entities_are_ranked_by_degree_with_names_aliases_and_documents(seed_graph):
    data, _ = viz.page_data(seed_graph)
    records = data["nodes"]
    assert len(records) == len(seed_graph.entities)
    degrees = [r[DEGREE] for r in records]
    assert degrees == sorted(degrees, reverse=True)
    hub = records[0]
    assert hub[NAME] == FEDERATION and hub[TYPE] == list(viz.TYPE_STYLES).index("Organisation")
    entity = by_name(seed_graph, FEDERATION)
    assert (hub[ALIASES], hub[TRADITIONAL], hub[IRI]) == (
        list(entity.aliases), list(entity.original_aliases), entity.iri)
    assert any("婦" in alias for alias in hub[TRADITIONAL])
    # documents with the number of mentions in each
    names = [d["name"] for d in data["documents"]]
    expected = {}
    for doc_id, _, _ in entity.mentions:
        name = next(d.path for d in seed_graph.documents if d.id == doc_id)
        expected[name] = expected.get(name, 0) + 1
    assert {names[doc]: count for doc, count in hub[MENTIONS]} == expected
    assert len(expected) >= 2


def test_one_edge_per_subject_predicate_object_with_every_piece_of_evidence():
    graph = sample_graph()
    data, evidence = viz.page_data(graph)
    ids = {r[IRI]: n for n, r in enumerate(data["nodes"])}
    assert len(data["edges"]) == len({(f.subject, f.predicate, f.object) for f in graph.facts})
    chair, federation = by_name(graph, CHAIR), by_name(graph, FEDERATION)
    number, edge = next((n, e) for n, e in enumerate(data["edges"])
                        if (e[0], e[2]) == (ids[chair.iri], ids[federation.iri]))
    assert data["predicates"][edge[1]]["key"] == "holdsPost" and edge[5] == 2
    facts = evidence["facts"][number]
    assert sorted(role for role, _, _ in facts) == ["主席", "党组书记"]
    strings = evidence["strings"]
    chair_facts = [f for f in graph.facts if (f.subject, f.object) == (chair.iri, federation.iri)]
    for (role, year, records), fact in zip(facts, chair_facts):
        assert (role, year) == (fact.role, fact.year)
        assert len(records) == len(fact.evidence)
        for record, ev in zip(records, fact.evidence):
            doc, start, end, sentence, before, after, *simple = record
            assert data["documents"][doc]["id"] == ev.doc_id
            assert (start, end, strings[sentence]) == (ev.start, ev.end, ev.sentence)
            assert (strings[before], strings[after]) == (ev.prefix, ev.suffix)
            shown = strings[simple[0]] if simple[0] >= 0 else ev.sentence
            assert "(" not in shown and "區" not in shown and "主席王芳" in shown
    # the traditional sentence of 004 is shown simplified, glosses gone; the original is kept
    traditional = next(r for f in facts for r in f[2] if "區(qū)" in strings[r[3]])
    assert strings[traditional[6]].startswith("自治区妇联党组书记、主席王芳专题听取")


def test_the_search_table_converts_traditional_characters_as_opencc_does():
    table = viz.t2s_characters()
    assert "婦女聯合會".translate(table) == "妇女联合会"
    sample = "".join(chr(c) for c in list(table)[::97])
    assert sample.translate(table) == to_simplified(sample)[0]
    data, _ = viz.page_data(sample_graph())
    pairs = dict(zip(data["t2s"][::2], data["t2s"][1::2]))
    assert pairs["婦"] == "妇" and pairs["聯"] == "联" and "妇" not in pairs


def test_the_search_table_is_kept_in_the_private_cache(monkeypatch, tmp_path):
    """The table made once is read back from kg's private cache; a file holding anything else
    is made again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    viz.t2s_characters.cache_clear()
    made = viz.t2s_characters()
    (path,) = (tmp_path / "kg").glob("opencc-t2s-*.marshal")
    viz.t2s_characters.cache_clear()
    assert viz.t2s_characters() == made
    write_verified(path, marshal.dumps(["婦", "妇"]))
    viz.t2s_characters.cache_clear()
    assert viz.t2s_characters() == made and marshal.loads(read_verified(path)) == made
    viz.t2s_characters.cache_clear()


def test_force_layout_puts_neighbours_closer_than_strangers():
    ring = numpy.array([(i, (i + 1) % 30) for i in range(30)])
    placed = viz.force_layout(30, ring)
    near = numpy.mean([numpy.linalg.norm(placed[a] - placed[b]) for a, b in ring])
    far = numpy.mean([numpy.linalg.norm(placed[i] - placed[(i + 15) % 30]) for i in range(30)])
    assert far > 3 * near
    assert (viz.force_layout(30, ring) == placed).all()


def test_layout_fills_a_landscape_canvas_and_sets_isolated_entities_apart(seed_graph):
    records = viz.page_data(seed_graph)[0]["nodes"]
    linked = [(r[X], r[Y]) for r in records if r[DEGREE] > 0]
    isolated = [(r[X], r[Y]) for r in records if r[DEGREE] == 0]
    assert isolated and min(x for x, _ in isolated) > max(x for x, _ in linked)
    xs, ys = zip(*(linked + isolated))
    aspect = (max(xs) - min(xs)) / (max(ys) - min(ys))
    assert 1.2 < aspect < 1.8
    assert len(set(zip(xs, ys))) == len(records)


def test_entities_beyond_the_open_part_sit_next_to_a_neighbour():
    # a star of 40 leaves around a hub, and a chain hanging from one leaf
    hub = Entity("id/hub", "Organisation", "中心")
    leaves = [Entity(f"id/leaf{i:02d}", "Programme", f"项目{i}") for i in range(40)]
    chain = [Entity(f"id/chain{i}", "Person", f"人员{i}") for i in range(3)]
    facts = [Fact(hub.iri, "runs", leaf.iri) for leaf in leaves]
    facts += [Fact(a.iri, "partOf", b.iri) for a, b in zip([leaves[0]] + chain, chain)]
    graph = KnowledgeGraph((), tuple([hub] + leaves + chain), tuple(facts))
    data, _ = viz.page_data(graph, open_limit=5)
    records = data["nodes"]
    assert data["open"] == 5 and records[0][NAME] == "中心"
    neighbours = {n: set() for n in range(len(records))}
    for a, _, b, *_ in data["edges"]:
        neighbours[a].add(b)
        neighbours[b].add(a)
    for n in range(5, len(records)):
        closest = min(math.dist(records[n][X:Y + 1], records[m][X:Y + 1]) for m in neighbours[n])
        assert closest < 6 * viz.LAYOUT_SPACING


def test_page_references_nothing_outside_itself():
    page = viz.render_html(sample_graph())
    assert '<meta charset="utf-8">' in page
    assert re.findall(r"""(?:src|href)\s*=\s*["']?\s*https?:""", page, re.I) == []
    assert re.findall(r"<(?:link|iframe|img|object|embed)\b", page, re.I) == []
    assert re.findall(r"url\(\s*(?!['\"]?data:)", page) == []
    assert "default-src 'none'" in page
    # Four script elements (the data, the evidence, vis-network, the viewer), none ended
    # early, and no "<!--" that would switch the parser into a script's escaped state.
    assert len(re.findall(r"</script", page, re.I)) == 4 and "<!--" not in page


def test_hostile_text_stays_inside_the_data_blocks():
    graph = sample_graph()
    chair = by_name(graph, CHAIR)
    hostile = replace(chair, name=HOSTILE_NAME, aliases=(HOSTILE_NAME,))
    facts = tuple(replace(f, evidence=(Evidence("001", HOSTILE_NAME, 0, 1, HOSTILE_NAME),))
                  for f in graph.facts)
    graph = KnowledgeGraph(graph.documents, tuple(hostile if e is chair else e
                                                  for e in graph.entities), facts)
    page = viz.render_html(graph, title=HOSTILE_NAME)
    assert "<img" not in page and "<script><" not in page
    assert "\u2028" not in re.search(BLOCK.format("data"), page, re.S).group(1)
    record = next(r for r in page_data(page)["nodes"] if r[IRI] == chair.iri)
    assert (record[NAME], record[ALIASES]) == (HOSTILE_NAME, [HOSTILE_NAME])
    assert HOSTILE_NAME in page_data(page, "evidence")["strings"]


def test_page_is_the_same_on_every_run():
    graph = sample_graph()
    assert viz.render_html(graph) == viz.render_html(graph)
    assert viz.render_html(graph, open_limit=2) == viz.render_html(graph, open_limit=2)


def test_evidence_from_an_unknown_document_is_kept_without_a_name():
    graph = sample_graph()
    strays = tuple(replace(f, evidence=(Evidence("elsewhere", "某句。", 3, 6),))
                   for f in graph.facts)
    data, evidence = viz.page_data(KnowledgeGraph((DocumentInfo("x", "x.txt", "0" * 64),),
                                                  graph.entities, strays))
    assert all(r[0] == -1 and r[1:3] == [3, 6] for facts in evidence["facts"]
               for _, _, records in facts for r in records)
    assert all(edge[4] == [] for edge in data["edges"])


def test_write_html_writes_one_utf8_file_and_no_lib_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = viz.write_html(sample_graph(), "kg.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.html"]
    records = page_data(written.read_bytes().decode("utf-8"))["nodes"]
    assert any(r[NAME] == FEDERATION for r in records)


def test_kg_build_writes_the_viewer_page(tmp_path, capsys):
    seed = Path(__file__).resolve().parents[1] / "seeds"
    status = main(["build", str(min(seed.glob("001_*.txt"))), "-o", str(tmp_path)])
    assert status == 0
    assert f"wrote {tmp_path / 'kg.html'}" in capsys.readouterr().out
    graph = rdf.load(tmp_path / "kg.ttl")
    records = page_data((tmp_path / "kg.html").read_text(encoding="utf-8"))["nodes"]
    assert sorted(r[NAME] for r in records) == sorted(e.name for e in graph.entities)
    assert all(r[MENTIONS] for r in records if r[DEGREE] > 0)


def test_kg_view_draws_a_turtle_graph(tmp_path, capsys, monkeypatch):
    ttl = rdf.write_turtle(sample_graph(), tmp_path / "sample.ttl")
    opened = []

    class Browser:
        def open(self, uri):
            opened.append(uri)
            return True

    monkeypatch.setattr("webbrowser.get", lambda: Browser())
    assert main(["view", str(ttl), "--open"]) == 0
    page = tmp_path / "sample.html"
    assert capsys.readouterr().out == f"wrote {page}\n"
    assert opened == [page.resolve().as_uri()]
    text = page.read_text(encoding="utf-8")
    assert "<title>sample · 知识图谱 Knowledge graph</title>" in text
    assert page_data(text) == page_data(viz.render_html(sample_graph()))
    assert main(["view", str(ttl), "-o", str(tmp_path / "other.html")]) == 0
    assert (tmp_path / "other.html").exists()


@pytest.mark.parametrize("problem", ["missing", "folder"])
def test_kg_view_reports_bad_input_in_one_line(tmp_path, capsys, problem):
    path = tmp_path / "missing.ttl" if problem == "missing" else tmp_path
    assert main(["view", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: {path}") and err.count("\n") == 1
