"""The Python API given arguments of the wrong type or value: kg's own ``ArgumentError``
naming the argument, raised before any work, never a ``TypeError`` from deep inside."""
from __future__ import annotations

import pickle

import pytest

import kg
from kg import analysis
from conftest import seed_file
from kg.errors import ArgumentError


@pytest.fixture(scope="module")
def small_graph():
    return kg.build([seed_file("000")])


@pytest.mark.parametrize("call, argument", [
    (lambda: kg.build(5), "paths"),
    (lambda: kg.build(b"texts"), "paths"),
    (lambda: kg.build([seed_file("000"), None]), "paths"),
    (lambda: kg.build(jobs="2"), "jobs"),
    (lambda: kg.build(jobs=0), "jobs"),
    (lambda: kg.build(jobs=True), "jobs"),
    (lambda: kg.build(engine="spark"), "engine"),
    (lambda: kg.build(rules=5), "rules"),
    (lambda: kg.build(cache=3.5), "cache"),
    (lambda: kg.load(5), "path"),
    (lambda: kg.load(None), "path"),
])
def test_wrong_argument_is_a_kg_error_naming_it(call, argument):
    with pytest.raises(ArgumentError) as raised:
        call()
    assert raised.value.name == argument
    assert str(raised.value).startswith(f"{argument}: expected ")
    assert isinstance(raised.value, kg.KgError)


@pytest.mark.parametrize("arguments, argument", [
    ((5, "out"), "graph"),
    (("kg.ttl", "out"), "graph"),
    ((None, 7), "folder"),
])
def test_write_build_checks_its_graph_and_folder(small_graph, tmp_path, arguments, argument):
    graph, folder = arguments
    with pytest.raises(ArgumentError, match=f"^{argument}: "):
        kg.write_build(small_graph if graph is None else graph,
                       tmp_path / folder if isinstance(folder, str) else folder)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("formats", ["ttl", ("ttl", 5), 5])
def test_write_build_wants_a_list_of_format_names(small_graph, tmp_path, formats):
    with pytest.raises(ArgumentError, match="^formats: expected a list of format names"):
        kg.write_build(small_graph, tmp_path / "out", formats=formats)
    assert not (tmp_path / "out").exists()


def test_a_base_that_is_no_iri_is_refused_before_the_build(tmp_path):
    with pytest.raises(kg.KgError, match="not a base IRI"):
        kg.build([seed_file("000")], base=5)


def test_one_name_is_one_path_not_a_sequence_of_letters():
    assert kg.build(str(seed_file("000"))) == kg.build([seed_file("000")])
    with pytest.raises(kg.InputError, match="^nowhere.txt: no such file or folder$"):
        kg.build("nowhere.txt")


def test_argument_error_is_still_a_type_and_value_error_and_pickles():
    error = ArgumentError("jobs", "expected a whole number of at least 1, not 0")
    assert isinstance(error, TypeError) and isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))
    assert (again.name, again.reason, str(again)) == (error.name, error.reason, str(error))


@pytest.mark.parametrize("function", [analysis.posts, analysis.awards, analysis.centrality,
                                      analysis.communities, analysis.weighted_simple_graph])
@pytest.mark.parametrize("graph", [None, "output/kg.ttl"])
def test_analysis_functions_want_a_graph(function, graph):
    with pytest.raises(ArgumentError, match="^graph: expected a KnowledgeGraph"):
        function(graph)
