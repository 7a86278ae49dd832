"""The persistent store (`kg load`, `kg query --store`), the read-only SPARQL endpoint (`kg serve`)
spoken to over HTTP on 127.0.0.1 by SPARQLWrapper, and `kg validate`."""
from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from kg import cli, rdf, store

from rdf_samples import FEDERATION, seed_graph

PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name } ORDER BY ?name"
SEED_PEOPLE = ["于洋", "云静", "王芳", "赵红军", "都贵玛"]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    return rdf.write_turtle(seed_graph(), tmp_path_factory.mktemp("graph") / "kg.ttl")


@pytest.fixture(scope="module")
def store_folder(graph_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("store") / "kg-store"
    assert cli.main(["load", str(graph_file), "--store", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def endpoint(store_folder):
    server = store.Endpoint(store_folder, port=0, timeout=30)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


def client(url: str, text: str, return_format=JSON, method=None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(text)
    sparql.setReturnFormat(return_format)
    if method:
        sparql.setMethod(method)
    return sparql


def test_load_then_query_the_store(store_folder, graph_file, capsys):
    assert cli.main(["query", "--store", str(store_folder), "-e", PEOPLE, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["name", *SEED_PEOPLE]
    # loading again adds nothing new; --replace starts from an empty store
    assert store.load([graph_file], store_folder) == store.load([graph_file], store_folder,
                                                                   replace=True)


def test_load_refuses_a_missing_graph_before_touching_the_store(tmp_path, capsys):
    folder = tmp_path / "store"
    assert cli.main(["load", str(tmp_path / "absent.ttl"), "--store", str(folder)]) == 2
    assert "absent.ttl: no such file" in capsys.readouterr().err
    assert not folder.exists()
    assert cli.main(["query", "--store", str(folder), "-e", PEOPLE]) == 2
    assert "no such store folder" in capsys.readouterr().err


def test_select_over_get_and_post_in_json_and_xml(endpoint):
    answer = client(endpoint, PEOPLE).query().convert()
    assert [b["name"]["value"] for b in answer["results"]["bindings"]] == SEED_PEOPLE
    document = client(endpoint, PEOPLE, XML, POST).query().convert()
    names = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert names == SEED_PEOPLE


def test_results_follow_the_accept_header(endpoint):
    csv_text = client(endpoint, PEOPLE, CSV).query().convert().decode("utf-8")
    assert csv_text.split() == ["name", *SEED_PEOPLE]
    request = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": PEOPLE}),
                                     headers={"Accept": "text/tab-separated-values"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/tab-separated-values")
        assert '"王芳"@zh-hans' in response.read().decode("utf-8").split("\n")


def test_construct_gives_turtle_and_ask_a_boolean(endpoint):
    construct = ("CONSTRUCT { ?o kg:hasMember ?p } WHERE { ?p kg:holdsPost ?o }")
    graph = client(endpoint, construct, TURTLE).query().convert()
    parsed = rdflib.Graph().parse(data=graph, format="turtle")
    assert len(parsed) == 4
    assert rdflib.URIRef(f"https://w3id.org/kg-cn/id/org/{FEDERATION}") in set(parsed.subjects())
    ask = client(endpoint, "ASK { person:王芳 kg:holdsPost ?o }").query().convert()
    assert ask["boolean"] is True


def test_updates_are_refused_with_403_and_change_nothing(endpoint):
    insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    with pytest.raises(Exception, match="403"):
        client(endpoint, insert, JSON, POST).query()
    for data, media in ((urllib.parse.urlencode({"update": insert}).encode(),
                         "application/x-www-form-urlencoded"),
                        (insert.encode(), "application/sparql-update")):
        request = urllib.request.Request(endpoint, data=data, headers={"Content-Type": media})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == 403
    ask = client(endpoint, "ASK { <urn:a> ?p ?o }").query().convert()
    assert ask["boolean"] is False


def test_a_bad_query_is_a_400_naming_the_problem(endpoint):
    request = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode(
        {"query": "SELEC ?x"}))
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 400
    assert "invalid SPARQL" in refused.value.read().decode("utf-8")


# ------------------------------------------------------------------ kg validate

def test_validate_accepts_an_export_and_reports_a_broken_one(graph_file, tmp_path, capsys):
    assert cli.main(["validate", str(graph_file)]) == 0
    assert "conforms" in capsys.readouterr().out
    broken = tmp_path / "broken.ttl"
    text = graph_file.read_text(encoding="utf-8")
    broken.write_text(text.replace('skos:prefLabel "王芳"@zh-Hans ;', ""), encoding="utf-8")
    assert cli.main(["validate", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "prefLabel" in err and err.rstrip().splitlines()[-1].startswith(
        "kg: error: ") and "does not conform" in err
