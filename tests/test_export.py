"""``kg export``: GraphML, node-link JSON and CSV tables of a graph."""
from __future__ import annotations

import csv
import io
import json
import re

import networkx
import pytest

import kg
from kg import Entity, Evidence, Fact, KnowledgeGraph, OutputError, cli, export, rdf
from kg import io as kg_io
from kg.vocab import entity_iri

from graph_samples import CHAIR, FEDERATION, sample_graph



def test_graphml_reads_back_in_networkx_with_chinese_text(tmp_path):
    graph = sample_graph()
    [path] = export.export(graph, "graphml", tmp_path / "kg.graphml")
    read = networkx.read_graphml(path, force_multigraph=True)
    original = graph.to_networkx()
    assert sorted(read.nodes) == sorted(original.nodes)
    for iri, data in original.nodes(data=True):
        assert read.nodes[iri]["label"] == data["label"]
        assert read.nodes[iri]["type"] == data["type"]
        assert json.loads(read.nodes[iri]["aliases"]) == data["aliases"]
    assert read.number_of_edges() == original.number_of_edges() == 9
    for source, target, key, data in original.edges(keys=True, data=True):
        edge = read.edges[source, target, key]
        assert edge["predicate"] == data["predicate"]
        assert edge.get("role") == data["role"] and edge.get("year") == data["year"]
        assert json.loads(edge["evidence"]) == data["evidence"]
    assert "主席王芳" in path.read_text(encoding="utf-8")


def test_graphml_edge_ids_are_unique(tmp_path):
    [path] = export.export(sample_graph(), "graphml", tmp_path / "kg.graphml")
    ids = [line.split('id="')[1].split('"')[0] for line in path.read_text().splitlines()
           if line.lstrip().startswith("<edge ")]
    assert len(ids) == len(set(ids)) == 9


def test_node_link_json_reads_back_into_the_same_graph(tmp_path):
    graph = sample_graph()
    [path] = export.export(graph, "json", tmp_path / "kg.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    read = networkx.node_link_graph(data, edges="edges")
    original = graph.to_networkx()
    assert list(read.nodes(data=True)) == list(original.nodes(data=True))
    assert list(read.edges(keys=True, data=True)) == list(original.edges(keys=True, data=True))
    assert CHAIR in path.read_text(encoding="utf-8")  # Chinese kept as is, not \\u escapes


def test_csv_tables_are_utf8_with_bom_and_complete(tmp_path):
    nodes_path, edges_path = export.export(sample_graph(), "csv", tmp_path / "tables", "seeds")
    assert (nodes_path.name, edges_path.name) == ("seeds.nodes.csv", "seeds.edges.csv")
    assert nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")
    with nodes_path.open(encoding="utf-8-sig", newline="") as handle:
        nodes = {row["iri"]: row for row in csv.DictReader(handle)}
    federation = nodes[entity_iri("Organisation", FEDERATION)]
    assert federation["label"] == FEDERATION and federation["type"] == "Organisation"
    assert json.loads(federation["aliases"]) == ["内蒙古自治区妇联", "自治区妇联"]
    assert len(nodes) == 10
    with edges_path.open(encoding="utf-8-sig", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert len(edges) == 9
    chair = [e for e in edges if e["source_label"] == CHAIR and e["target_label"] == FEDERATION]
    assert sorted(e["role"] for e in chair) == ["主席", "党组书记"]
    award = next(e for e in edges if e["predicate"] == "awarded" and e["year"])
    assert (award["source_label"], award["target_label"], award["year"]) == (
        "于洋", "自治区三八红旗手标兵", "2022")
    assert json.loads(award["evidence"])[0]["document"] == "004_8ff98812f4cf3943"


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_exports_are_byte_identical_across_runs(fmt, tmp_path):
    def written(folder):
        target = folder if fmt == "csv" else folder / f"kg.{fmt}"
        folder.mkdir()
        return [p.read_bytes() for p in export.export(sample_graph(), fmt, target)]

    assert written(tmp_path / "a") == written(tmp_path / "b")


def test_unwritable_outputs_are_output_errors(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        export.export(sample_graph(), "csv", blocker)
    with pytest.raises(OutputError, match="not a folder"):
        export.export(sample_graph(), "graphml", blocker / "kg.graphml")


def test_the_csv_pair_is_written_as_a_set_or_not_at_all(tmp_path, disk_full_at):
    [nodes, edges] = export.export(sample_graph(), "csv", tmp_path)
    assert kg_io.check_set(tmp_path, "kg.nodes.csv")          # a manifest describes the pair
    previous = nodes.read_bytes(), edges.read_bytes()
    disk_full_at(2)                                           # the second table
    bigger = KnowledgeGraph((), (*sample_graph().entities, Entity("x", "Person", "新人")),
                            sample_graph().facts)
    with pytest.raises(OutputError, match="kg.edges.csv: cannot write output: No space left"):
        export.export(bigger, "csv", tmp_path)
    assert (nodes.read_bytes(), edges.read_bytes()) == previous    # neither table replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.nodes.csv.set", "kg.edges.csv",
                                                          "kg.nodes.csv"]


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_export_into_a_new_folder_creates_it(fmt, tmp_path, run_kg):
    ttl = tmp_path / "kg.ttl"
    ttl.write_text(rdf.to_turtle(sample_graph()), encoding="utf-8")
    target = tmp_path / "new" / "dir" / f"graph.{fmt}"
    run = run_kg("export", ttl, "--format", fmt, "-o", target)
    assert run.status == 0 and run.out == f"wrote {target}\n"
    assert target.stat().st_size > 100


def _hostile_graph() -> KnowledgeGraph:
    """A person whose name holds characters XML forbids, an organisation named like a
    spreadsheet formula."""
    people = (Entity("p", "Person", "王\ufffe芳\uffff"), Entity("o", "Organisation", "=1+1"),
              Entity("q", "Organisation", "@SUM(A1)"))
    return KnowledgeGraph((), people, (Fact("p", "holdsPost", "o", role="-主席"),))


def test_graphml_stays_well_formed_whatever_the_names_hold():
    g = networkx.read_graphml(io.BytesIO(export.to_graphml(_hostile_graph())))
    assert g.nodes["p"]["label"] == "王\ufffd芳\ufffd"


def test_csv_cells_that_start_a_formula_are_quoted_as_text():
    nodes, edges = export.to_csv_tables(_hostile_graph())
    labels = {row["iri"]: row["label"] for row in csv.DictReader(io.StringIO(nodes))}
    assert labels == {"p": "王\ufffe芳\uffff", "o": "'=1+1", "q": "'@SUM(A1)"}
    (edge,) = csv.DictReader(io.StringIO(edges))
    assert edge["role"] == "'-主席" and edge["target_label"] == "'=1+1"


#: A name holding terminal escape codes (colour, window title, C1 introducer, DEL).
ESCAPING = "王\x1b[31m芳\x1b]0;t\x07\x9b2J\x7f"


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_terminal_escape_codes_in_names_are_written_inert(fmt, tmp_path):
    sentence = Evidence("d", f"{ESCAPING}任主席。", 0, 15)
    people = (Entity("p", "Person", ESCAPING, (f"{ESCAPING}x",), mentions=(("d", 0, 12),)),
              Entity("o", "Organisation", "妇联"))
    graph = KnowledgeGraph((), people, (Fact("p", "holdsPost", "o", "主席", None, (sentence,)),))
    paths = export.export(graph, fmt, tmp_path / ("out" if fmt == "csv" else f"kg.{fmt}"))
    texts = [path.read_bytes().decode("utf-8-sig") for path in paths]
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", t) for t in texts)
    if fmt == "csv":                    # no escapes in CSV: replaced, JSON cells kept whole
        nodes = {row["iri"]: row for row in csv.DictReader(io.StringIO(texts[0]))}
        assert nodes["p"]["label"] == "王\ufffd[31m芳\ufffd]0;t\ufffd\ufffd2J\ufffd"
        assert json.loads(nodes["p"]["aliases"]) == [f"{ESCAPING}x"]
    elif fmt in ("graphml", "gexf"):    # XML 1.0 keeps DEL and C1 as references, C0 not at all
        read = getattr(networkx, f"read_{fmt}")(paths[0])
        assert read.nodes["p"]["label"] == "王\ufffd[31m芳\ufffd]0;t\ufffd\x9b2J\x7f"
    elif fmt == "json":                 # JSON's escapes: the same graph read back
        data = json.loads(texts[0])
        assert networkx.utils.graphs_equal(networkx.node_link_graph(data, edges="edges"),
                                           graph.to_networkx())
    else:
        assert json.loads(texts[0])["text"] == sentence.sentence


@pytest.mark.parametrize("fmt, written", [("graphml", ["kg.graphml"]), ("json", ["kg.json"]),
                                          ("csv", ["kg.edges.csv", "kg.nodes.csv"])])
def test_cli_export_writes_next_to_the_graph(fmt, written, tmp_path, capsys):
    ttl = tmp_path / "kg.ttl"
    ttl.write_text(rdf.to_turtle(sample_graph()), encoding="utf-8")
    assert cli.main(["export", str(ttl), "--format", fmt]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()
                  if p.name != "kg.ttl" and not p.name.endswith(".set")) == written
    assert capsys.readouterr().out.count("wrote ") == len(written)


def test_cli_export_to_a_chosen_file_matches_the_library(tmp_path):
    ttl = tmp_path / "kg.ttl"
    ttl.write_text(rdf.to_turtle(sample_graph()), encoding="utf-8")
    out = tmp_path / "elsewhere" / "graph.graphml"
    out.parent.mkdir()
    assert cli.main(["export", str(ttl), "--format", "graphml", "-o", str(out)]) == 0
    assert out.read_bytes() == export.to_graphml(sample_graph())


def test_cli_export_of_a_missing_graph_is_one_line_and_status_2(tmp_path, capsys):
    assert cli.main(["export", str(tmp_path / "none.ttl"), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "none.ttl" in err and err.count("\n") == 1


def test_cli_export_rejects_an_unknown_format(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", str(tmp_path / "kg.ttl"), "--format", "xlsx"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_seed_graph_exports_read_back_complete(tmp_path, capsys):
    graph = kg.build()
    ttl = tmp_path / "seeds.ttl"
    ttl.write_text(rdf.to_turtle(graph), encoding="utf-8")
    for fmt in export.FORMATS:
        assert cli.main(["export", str(ttl), "--format", fmt]) == 0
    read = networkx.read_graphml(tmp_path / "seeds.graphml", force_multigraph=True)
    assert sorted(label for _, label in read.nodes(data="label")) == sorted(
        e.name for e in graph.entities)
    assert read.number_of_edges() == len(graph.facts) > 0
    data = json.loads((tmp_path / "seeds.json").read_text(encoding="utf-8"))
    assert networkx.utils.graphs_equal(networkx.node_link_graph(data, edges="edges"),
                                       graph.to_networkx())
    with (tmp_path / "seeds.edges.csv").open(encoding="utf-8-sig", newline="") as handle:
        predicates = {row["predicate"] for row in csv.DictReader(handle)}
    assert predicates == set(graph.fact_counts())


def test_gexf_reads_back_in_networkx_with_the_graphml_attributes(tmp_path):
    graph = sample_graph()
    [path] = export.export(graph, "gexf", tmp_path / "kg.gexf")
    read = networkx.read_gexf(path)
    original = graph.to_networkx()
    assert sorted(read.nodes) == sorted(original.nodes)
    assert read.number_of_edges() == original.number_of_edges()
    for iri, data in original.nodes(data=True):
        assert read.nodes[iri]["type"] == data["type"]
    assert f"主席{CHAIR}" in path.read_text(encoding="utf-8")


def test_mention_jsonl_gives_each_evidence_sentence_with_its_spans(tmp_path):
    """Seeds: one line per evidence sentence, spans inside it, and the chair named where the
    sentence names her (doccano's label and Prodigy's spans agree)."""
    graph = kg.build()
    [path] = export.export(graph, "jsonl", tmp_path / "kg.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len({ev for fact in graph.facts for ev in fact.evidence})
    for line in lines:
        assert [[s["start"], s["end"], s["label"]] for s in line["spans"]] == line["label"]
        for start, end, label in line["label"]:
            assert 0 <= start < end <= len(line["text"])
            assert label in ("Organisation", "Programme", "Person", "Place", "Honour")
    chair = [line for line in lines if line["text"].startswith("自治区妇联党组书记、主席王芳")]
    assert chair and all([[12, 14, "Person"]] == [s for s in line["label"] if s[2] == "Person"]
                         for line in chair)
