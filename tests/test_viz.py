"""The viewer page as text: styles, sizes and hover texts, escaping, offline references, and the
``kg build`` / ``kg view`` commands that write it (the browser tests load it for real)."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from graph_samples import CHAIR, FEDERATION, sample_graph
from kg import rdf, viz
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES, PREDICATES, Entity, Evidence, Fact

HOSTILE_NAME = '</script><script>window.pwned=1</script>\n"<img src=x onerror=alert(1)>\'\u2028'
DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def page_data(page: str) -> dict:
    """The graph data a page carries (its JSON block)."""
    return json.loads(DATA_BLOCK.search(page).group(1))


def by_name(graph: KnowledgeGraph, name: str) -> Entity:
    return next(e for e in graph.entities if e.name == name)


def test_every_type_and_predicate_has_its_own_look():
    assert list(viz.TYPE_STYLES) == list(ENTITY_TYPES)
    assert len({s.color for s in viz.TYPE_STYLES.values()}) == len(ENTITY_TYPES)
    assert len({s.shape for s in viz.TYPE_STYLES.values()}) == len(ENTITY_TYPES)
    assert list(viz.PREDICATE_LABELS) == list(PREDICATES)
    assert len({p.color for p in viz.PREDICATE_LABELS.values()}) == len(PREDICATES)
    assert all(re.fullmatch(r"[\u4e00-\u9fff/]+", p.zh) for p in viz.PREDICATE_LABELS.values())
    assert viz.edge_label("runs") == "主办/实施 runs"


def test_node_and_label_size_grow_with_degree_up_to_a_cap():
    sizes = [viz.node_size(degree) for degree in range(200)]
    assert sizes == sorted(sizes) and sizes[0] == viz.BASE_NODE_SIZE
    assert sizes[1] > sizes[0] and sizes[-1] == viz.MAX_NODE_SIZE
    labels = [viz.label_size(size) for size in sizes]
    assert labels == sorted(labels) and labels[0] == viz.BASE_LABEL_SIZE < labels[1]


def test_nodes_carry_type_style_size_by_degree_and_hover_text():
    graph = sample_graph()
    nodes = {n["id"]: n for n in page_data(viz.render_html(graph))["nodes"]}
    federation = by_name(graph, FEDERATION)
    node = nodes[federation.iri]
    # Links of the federation: 王芳 (two posts, one edge), 赵红军, and the party group.
    assert node["size"] == viz.node_size(3)
    assert node["font"]["size"] == viz.label_size(viz.node_size(3)) > viz.BASE_LABEL_SIZE
    assert (node["shape"], node["color"]) == ("square", viz.TYPE_STYLES["Organisation"].color)
    assert node["title"].splitlines() == [FEDERATION, "类型 Type: 组织 Organisation",
                                          "别名 Aliases: 内蒙古自治区妇联、自治区妇联",
                                          "关系 Links: 3"]
    assert "别名 Aliases: 无 none" in nodes[by_name(graph, CHAIR).iri]["title"]


def test_facts_between_the_same_entities_share_one_edge_with_all_their_evidence():
    graph = sample_graph()
    edges = page_data(viz.render_html(graph))["edges"]
    assert len(edges) == len({(f.subject, f.predicate, f.object) for f in graph.facts})
    chair, federation = by_name(graph, CHAIR), by_name(graph, FEDERATION)
    posts, = (e for e in edges if (e["from"], e["to"]) == (chair.iri, federation.iri))
    assert posts["label"] == "任职 holds post"
    lines = posts["title"].splitlines()
    assert lines[:2] == [f"{CHAIR} → {FEDERATION}", "任职 holds post (holdsPost)"]
    assert "职务 Role: 主席" in lines and "职务 Role: 党组书记" in lines
    evidence = [line for line in lines if line.startswith("证据 Evidence")]
    assert len(evidence) == 3  # two sentences for 主席, one for 党组书记
    assert evidence[0].startswith("证据 Evidence [001_") and "主席王芳" in evidence[0]
    honour, = (e for e in edges if e["predicate"] == "awarded" and "2022" in e["title"])
    assert "年份 Year: 2022" in honour["title"]


def test_edge_hover_text_lists_at_most_a_few_sentences_per_fact():
    sentences = tuple(Evidence("d", f"第{i}句。", i, i + 3) for i in range(7))
    text = viz.edge_tooltip([Fact("a", "runs", "b", evidence=sentences)],
                            {"a": "某局", "b": "某项目"}, {})
    assert text.count("证据 Evidence [d]") == viz.MAX_EVIDENCE_SHOWN
    assert text.endswith(f"…另有 {7 - viz.MAX_EVIDENCE_SHOWN} 条证据 "
                         f"{7 - viz.MAX_EVIDENCE_SHOWN} more")


def test_page_references_nothing_outside_itself():
    page = viz.render_html(sample_graph())
    assert '<meta charset="utf-8">' in page
    assert re.findall(r"""(?:src|href)\s*=\s*["']?\s*https?:""", page, re.I) == []
    assert re.findall(r"<(?:link|iframe|img|object|embed)\b", page, re.I) == []
    assert re.findall(r"url\(\s*(?!['\"]?data:)", page) == []
    assert "default-src 'none'" in page
    # Three script elements (the data, vis-network, the viewer), none ended early, and no
    # "<!--" that would switch the parser into a script's escaped state.
    assert len(re.findall(r"</script", page, re.I)) == 3 and "<!--" not in page


def test_hostile_text_stays_inside_the_data_block():
    graph = sample_graph()
    chair = by_name(graph, CHAIR)
    hostile = replace(chair, name=HOSTILE_NAME, aliases=(HOSTILE_NAME,))
    facts = tuple(replace(f, evidence=(Evidence("001", HOSTILE_NAME, 0, 1),))
                  for f in graph.facts)
    graph = KnowledgeGraph(graph.documents, tuple(hostile if e is chair else e
                                                  for e in graph.entities), facts)
    page = viz.render_html(graph, title=HOSTILE_NAME)
    assert "<img" not in page and "<script><" not in page
    assert "\u2028" not in DATA_BLOCK.search(page).group(1)
    data = page_data(page)
    node = next(n for n in data["nodes"] if n["id"] == chair.iri)
    assert (node["label"], node["aliases"]) == (HOSTILE_NAME, [HOSTILE_NAME])
    assert all(HOSTILE_NAME in e["title"] for e in data["edges"])


def test_small_graphs_use_physics_large_ones_precomputed_positions():
    graph = sample_graph()
    physics = page_data(viz.render_html(graph))
    assert physics["physics"] and physics["options"]["physics"]["enabled"]
    assert physics["options"]["physics"]["stabilization"]["iterations"] \
        == viz.STABILIZATION_ITERATIONS
    assert all("x" not in n for n in physics["nodes"])
    fixed = page_data(viz.render_html(graph, physics_limit=len(graph.entities) - 1))
    assert not fixed["physics"] and not fixed["options"]["physics"]["enabled"]
    positions = {(n["x"], n["y"]) for n in fixed["nodes"]}
    assert len(positions) == len(graph.entities)


def test_page_is_the_same_on_every_run():
    graph = sample_graph()
    assert viz.render_html(graph) == viz.render_html(graph)
    assert viz.render_html(graph, physics_limit=0) == viz.render_html(graph, physics_limit=0)


def test_write_html_writes_one_utf8_file_and_no_lib_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = viz.write_html(sample_graph(), "kg.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.html"]
    nodes = page_data(written.read_bytes().decode("utf-8"))["nodes"]
    assert any(n["label"] == FEDERATION for n in nodes)


def test_kg_build_writes_the_viewer_page(tmp_path, capsys):
    seed = Path(__file__).resolve().parents[1] / "seeds"
    status = main(["build", str(min(seed.glob("001_*.txt"))), "-o", str(tmp_path)])
    assert status == 0
    assert f"wrote {tmp_path / 'kg.html'}" in capsys.readouterr().out
    graph = rdf.load(tmp_path / "kg.ttl")
    nodes = page_data((tmp_path / "kg.html").read_text(encoding="utf-8"))["nodes"]
    assert sorted(n["label"] for n in nodes) == sorted(e.name for e in graph.entities)


def test_kg_view_draws_a_turtle_graph(tmp_path, capsys, monkeypatch):
    ttl = rdf.write_turtle(sample_graph(), tmp_path / "sample.ttl")
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
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
