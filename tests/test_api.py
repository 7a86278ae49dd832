"""The Python API: ``kg.build``, ``kg.load``, ``KnowledgeGraph.to_networkx`` and ``to_rdflib``."""
from __future__ import annotations

import doctest
import pkgutil
import importlib
import subprocess
import sys
from dataclasses import replace

import networkx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

import kg
from kg import cli, rdf
from kg.vocab import entity_iri

from graph_samples import CHAIR, FEDERATION, sample_graph, seed_file



@pytest.fixture(scope="module")
def seed_graph() -> kg.KnowledgeGraph:
    return kg.build()


def assert_same_networkx(left: networkx.MultiDiGraph, right: networkx.MultiDiGraph) -> None:
    assert list(left.nodes(data=True)) == list(right.nodes(data=True))
    assert list(left.edges(keys=True, data=True)) == list(right.edges(keys=True, data=True))
    assert networkx.utils.graphs_equal(left, right)


def test_public_names_are_exported():
    assert set(kg.__all__) >= {"build", "load", "KnowledgeGraph", "Entity", "Fact", "Evidence"}
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
    assert kg.KnowledgeGraph is importlib.import_module("kg.graph").KnowledgeGraph


def test_nodes_are_entities_keyed_by_iri_with_label_type_aliases():
    g = sample_graph().to_networkx()
    federation = g.nodes[entity_iri("Organisation", FEDERATION)]
    assert federation == {"label": FEDERATION, "type": "Organisation",
                          "aliases": ["内蒙古自治区妇联", "自治区妇联"]}
    assert g.nodes[entity_iri("Person", CHAIR)] == {"label": CHAIR, "type": "Person",
                                                   "aliases": []}
    assert g.number_of_nodes() == 10


def test_parallel_facts_stay_separate_edges_with_role_and_evidence():
    graph = sample_graph()
    g = graph.to_networkx()
    assert g.number_of_edges() == len(graph.facts) == 9
    chair, federation = entity_iri("Person", CHAIR), entity_iri("Organisation", FEDERATION)
    posts = sorted(data["role"] for data in g.get_edge_data(chair, federation).values())
    assert posts == ["主席", "党组书记"]
    chair_edge = next(d for d in g.get_edge_data(chair, federation).values() if d["role"] == "主席")
    assert chair_edge["predicate"] == "holdsPost" and chair_edge["year"] is None
    assert [e["document"] for e in chair_edge["evidence"]] == ["001_ef86c31f1373810c",
                                                              "004_8ff98812f4cf3943"]
    first = chair_edge["evidence"][0]
    text = seed_file("001").read_text(encoding="utf-8")
    assert text[first["start"]:first["end"]] == first["sentence"]
    assert "主席王芳" in first["sentence"]


def test_award_edge_carries_its_year():
    g = sample_graph().to_networkx()
    award = g.get_edge_data(entity_iri("Person", "于洋"), entity_iri("Honour", "自治区三八红旗手标兵"))
    assert [(d["predicate"], d["year"]) for d in award.values()] == [("awarded", "2022")]


def test_edge_keys_do_not_depend_on_fact_order():
    graph = sample_graph()
    shuffled = replace(graph, facts=tuple(reversed(graph.facts)))
    assert_same_networkx(shuffled.to_networkx(), graph.to_networkx())
    keys = [key for _, _, key in graph.to_networkx().edges(keys=True)]
    assert sorted(keys) == list(range(len(graph.facts)))


def test_to_rdflib_holds_the_triples_of_the_turtle_export():
    graph = sample_graph()
    g = graph.to_rdflib()
    chair = URIRef(entity_iri("Person", CHAIR))
    assert Literal(CHAIR, lang="zh-Hans") in set(g.objects(chair, SKOS.prefLabel))
    assert isomorphic(g, Graph().parse(data=rdf.to_turtle(graph), format="turtle"))
    other_base = "https://example.org/kg/"
    assert isomorphic(graph.to_rdflib(other_base),
                      Graph().parse(data=rdf.to_turtle(graph, other_base), format="turtle"))
    assert not isomorphic(graph.to_rdflib(other_base), g)


def test_seed_build_converts_to_networkx(seed_graph):
    g = seed_graph.to_networkx()
    assert g.number_of_nodes() == len(seed_graph.entities) > 0
    assert g.number_of_edges() == len(seed_graph.facts)
    assert {data["type"] for _, data in g.nodes(data=True)} <= set(kg.ENTITY_TYPES)
    assert {data["predicate"] for _, _, data in g.edges(data=True)} <= set(kg.PREDICATES)


@pytest.mark.parametrize("which", ["sample", "seeds"])
def test_turtle_read_back_gives_the_same_networkx_graph(which, seed_graph, tmp_path):
    graph = sample_graph() if which == "sample" else seed_graph
    ttl = tmp_path / "kg.ttl"
    ttl.write_text(rdf.to_turtle(graph), encoding="utf-8")
    assert_same_networkx(kg.load(ttl).to_networkx(), graph.to_networkx())


def test_load_of_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(kg.InputError, match="missing.ttl"):
        kg.load(tmp_path / "missing.ttl")


def test_use_it_from_python(tmp_path, monkeypatch, capsys):
    """The README's "Use it from Python" section, verbatim between the two rules."""
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build", "--quiet"]) == 0               # `kg build` wrote output/kg.ttl
    capsys.readouterr()
    # ------------------------------------------------------------------------------------
    import kg
    from kg import analysis

    graph = kg.build()                  # the embedded seeds; kg.build(["texts/"]) for yours
    g = graph.to_networkx()             # networkx.MultiDiGraph, nodes keyed by entity IRI
    federation = next(n for n, d in g.nodes(data=True) if "自治区妇联" in d["aliases"])
    for person, _, fact in g.in_edges(federation, data=True):
        if fact["predicate"] == "holdsPost":
            print(g.nodes[person]["label"], fact["role"], fact["evidence"][0]["document"])

    again = kg.load("output/kg.ttl")    # a graph written by `kg build`, read back
    print(again.to_networkx().number_of_edges() == g.number_of_edges())

    print(analysis.leadership_report(analysis.posts(graph)).splitlines()[0])
    # ------------------------------------------------------------------------------------
    *posts, same, summary = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{CHAIR} ") and "主席" in line for line in posts)
    assert same == "True"
    assert summary.endswith("organisations") and " people hold posts in " in summary


def _every_module() -> list[str]:
    package = importlib.import_module("kg")
    names = ["kg"] + [info.name for info in pkgutil.walk_packages(package.__path__, "kg.")]
    return sorted(name for name in names if name != "kg.__main__")  # (importing it runs kg)


@pytest.mark.parametrize("module", _every_module())
def test_docstring_examples_run(module):
    """The doctest runner over every module: each example in a docstring must hold."""
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("module", ["kg", "kg.graph", "kg.nx", "kg.export", "kg.analysis",
                                    "kg.outputs", "kg.evaluate"])
def test_public_modules_have_examples(module):
    tests = doctest.DocTestFinder().find(importlib.import_module(module))
    assert any(test.examples for test in tests)


def test_importing_kg_leaves_a_library_users_garbage_collector_as_it_was():
    """Only kg's command line freezes what is loaded out of the collector's passes: a script
    that imports kg keeps its own objects collectable."""
    script = ("import gc; before = [[] for _ in range(100)]; import kg; "
              "print(gc.get_freeze_count(), gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0", "True"]
