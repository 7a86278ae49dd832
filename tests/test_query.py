"""SPARQL: the example queries answer their questions on seed facts; tables, CSV, JSON; the
``kg query`` command and its one-line errors."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kg import cli, pipeline, query, rdf
from kg.errors import InputError, QueryError

from rdf_samples import FEDERATION, original_text, seed_graph

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def store():
    return query.open_store(seed_graph())


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    return rdf.write_turtle(seed_graph(), tmp_path_factory.mktemp("graph") / "kg.ttl")


def answer(store, name: str) -> list[tuple[str, ...]]:
    """The rows of ``queries/<name>.rq``, each cell as its plain value ('' when unbound)."""
    result = query.run(store, query.read_query(QUERIES / f"{name}.rq"), name)
    return [tuple("" if t is None else t.value for t in row) for row in result.rows]


def test_federation_leaders_and_their_posts(store):
    assert answer(store, "federation_leaders") == [
        (FEDERATION, "王芳", "党组书记、主席"), (FEDERATION, "赵红军", "副主席")]


def test_honours_per_year_with_recipients(store):
    rows = answer(store, "honours_by_year")
    assert rows[:3] == [("2022", "自治区三八红旗手", "云静", "Person"),
                        ("2022", "自治区三八红旗手标兵", "于洋", "Person"),
                        ("2022", "自治区三八红旗集体", "呼和浩特市公安行政事项审批中心", "Organisation")]
    assert {row[0] for row in rows[3:]} == {""}
    assert ("", "人民楷模", "都贵玛", "Person") in rows


def test_programmes_run_by_organisations_with_the_places_they_reach(store):
    assert answer(store, "programmes_by_organisation") == [
        ("中华全国妇女联合会", "全国妇联宣传思想工作研讨会", "内蒙古自治区"),
        (FEDERATION, "北疆巾帼手工创新创业大赛", ""),
        (FEDERATION, "巾帼护航计划", "")]


def test_leagues_and_cities_with_their_organisations(store):
    assert answer(store, "organisations_by_place") == [
        ("兴安盟", "兴安盟人民医院"),
        ("呼和浩特市", "呼和浩特市公安行政事项审批中心"),
        ("呼和浩特市", "呼和浩特日报社")]


def test_evidence_sentence_of_every_fact_slices_its_file(store):
    rows = answer(store, "fact_evidence")
    assert len(rows) == sum(len(f.evidence) for f in seed_graph().facts)
    for subject, relation, obj, file, start, end, sentence in rows:
        assert original_text(file[:3])[int(start):int(end)] == sentence
    chair = [row for row in rows if row[:3] == ("王芳", "holdsPost", FEDERATION)]
    assert [row[3][:3] for row in chair] == ["001", "004"]
    assert chair[0][6] == "自治区妇联党组书记、主席王芳在北疆巾帼布丝绣创业创新孵化基地调研。"


def test_table_aligns_chinese_columns_by_display_width(store):
    table = query.as_table(query.run(store, query.read_query(QUERIES / "federation_leaders.rq")))
    lines = table.splitlines()
    assert lines[-1] == "(2 rows)"
    person_column = [query.display_width(line[:line.index(name)])
                     for line, name in zip(lines[2:4], ("王芳", "赵红军"))]
    assert person_column == [query.display_width(lines[0][:lines[0].index("person")])] * 2
    assert query.display_width("内蒙古ab\u200b") == 8


def test_table_right_aligns_numbers_and_escapes_newlines(store):
    values = 'VALUES (?n ?text) { (7 "a\\nb") (1234 "c") }'
    result = query.run(store, f"SELECT ?n ?text WHERE {{ {values} }}")
    lines = query.as_table(result).splitlines()
    assert lines[2:4] == ["   7  a\\nb", "1234  c"]


def test_csv_and_json_carry_full_values(store):
    result = query.run(store, PEOPLE)
    rows = list(csv.reader(io.StringIO(query.as_csv(result))))
    assert rows[0] == ["name"] and ["王芳"] in rows and len(rows) == 6
    document = json.loads(query.as_json(result))
    assert document["head"]["vars"] == ["name"]
    assert {"type": "literal", "value": "王芳", "xml:lang": "zh-hans"} in [
        b["name"] for b in document["results"]["bindings"]]


def test_ask_and_construct(store):
    assert query.as_table(query.run(store, "ASK { ?p kg:holdsPost ?o }")) == "true\n"
    assert json.loads(query.as_json(query.run(store, "ASK { ?p kg:runs ?p }"))) == {
        "head": {}, "boolean": False}
    triples = query.run(store, "CONSTRUCT { ?o kg:hasMember ?p } WHERE { ?p kg:holdsPost ?o }")
    assert triples.columns == ("subject", "predicate", "object") and len(triples.rows) == 4


def test_bad_query_is_a_query_error_naming_its_source(store):
    with pytest.raises(QueryError, match=r"^-e: invalid SPARQL: ") as caught:
        query.run(store, "SELECT ?x WHERE { ?x ", "-e")
    assert "\n" not in str(caught.value)


def test_bad_graph_file_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> <c> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: not valid Turtle"):
        query.open_store(bad)
    with pytest.raises(InputError, match="no such file"):
        query.open_store(tmp_path / "absent.ttl")


def test_cli_query_file_and_expression(graph_file, capsys):
    assert cli.main(["query", str(graph_file), str(QUERIES / "organisations_by_place.rq")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["place", "organisation"] and "(3 rows)" in out
    assert cli.main(["query", str(graph_file), "-e", PEOPLE, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["name", "于洋", "云静", "王芳", "赵红军", "都贵玛"]
    assert cli.main(["query", str(graph_file), "-e", PEOPLE, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["results"]["bindings"]) == 5


@pytest.mark.parametrize("arguments, message", [
    (["-e", "SELEC ?x"], "kg: error: -e: invalid SPARQL:"),
    (["missing.rq"], "kg: error: missing.rq: no such file"),
])
def test_cli_errors_are_one_line_with_exit_status_2(graph_file, capsys, arguments, message):
    assert cli.main(["query", str(graph_file), *arguments]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_cli_bad_graph_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle", encoding="utf-8")
    assert cli.main(["query", str(bad), "-e", PEOPLE]) == 2
    assert "bad.ttl: not valid Turtle" in capsys.readouterr().err


@pytest.fixture(scope="module")
def seed_build():
    return pipeline.build([ROOT / "seeds"])


@pytest.mark.parametrize("name", sorted(path.stem for path in QUERIES.glob("*.rq")))
def test_example_queries_run_on_the_seed_build(seed_build, name):
    """Whatever the extraction finds today: the answer has the query's columns and names
    entities of the graph by their canonical names."""
    text = query.read_query(QUERIES / f"{name}.rq")
    result = query.run(query.open_store(seed_build), text, name)
    select = re.search(r"SELECT\s+(.*?)\s+WHERE", text, re.S).group(1)
    assert result.columns == tuple(re.findall(r"\?(\w+)", select))
    names = {e.name for e in seed_build.entities}
    for row in result.rows:
        assert any(term is not None and term.value in names for term in row), row


def test_evidence_query_on_the_seed_build_cites_exact_sentences(seed_build):
    rows = answer(query.open_store(seed_build), "fact_evidence")
    assert len(rows) == sum(len(f.evidence) for f in seed_build.facts)
    for *_, file, start, end, sentence in rows:
        assert original_text(file[:3])[int(start):int(end)] == sentence
