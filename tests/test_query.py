"""SPARQL: the example queries answer their questions on seed facts; tables, CSV, JSON; the
``kg query`` command and its one-line errors."""
from __future__ import annotations

import csv
import http.server
import io
import json
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from xml.etree import ElementTree

import pyoxigraph
import pytest
import rdflib

from kg import cli, pipeline, query, rdf, vocab
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


def test_evidence_sentence_of_every_post_held_slices_its_file(store):
    rows = answer(store, "fact_evidence")
    assert len(rows) == sum(len(f.evidence) for f in seed_graph().facts
                            if f.predicate == "holdsPost")
    for person, post, organisation, file, start, end, sentence in rows:
        assert original_text(file[:3])[int(start):int(end)] == sentence
    chair = [row for row in rows if row[:3] == ("王芳", "党组书记、主席", FEDERATION)]
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


def render(store, text, output_format):
    return query.render(store, text, "-e", output_format).decode("utf-8")


def test_csv_tsv_json_and_xml_carry_full_values(store):
    rows = list(csv.reader(io.StringIO(render(store, PEOPLE, "csv"))))
    assert rows[0] == ["name"] and ["王芳"] in rows and len(rows) == 6
    tsv = render(store, PEOPLE, "tsv").splitlines()
    assert tsv[0] == "?name" and '"王芳"@zh-hans' in tsv
    document = json.loads(render(store, PEOPLE, "json"))
    assert document["head"]["vars"] == ["name"]
    assert {"type": "literal", "value": "王芳", "xml:lang": "zh-hans"} in [
        b["name"] for b in document["results"]["bindings"]]
    root = ElementTree.fromstring(render(store, PEOPLE, "xml"))
    literals = root.iter("{http://www.w3.org/2005/sparql-results#}literal")
    assert "王芳" in [node.text for node in literals]


#: A name holding terminal escape codes: colour (ESC [), a window title (ESC ] … BEL), and
#: the one-character C1 control sequence introducer (U+009B).
HOSTILE_NAME = "王\x1b[31m芳\x1b]0;t\x07\x9b2J"


@pytest.mark.parametrize("output_format", ["table", "csv", "tsv", "json", "xml", "ttl", "nt"])
def test_terminal_escape_codes_in_names_come_out_inert(store, output_format):
    escaped = "".join(f"\\u{ord(c):04X}" if c in "\x1b\x07\x9b" else c for c in HOSTILE_NAME)
    triple = f'<https://example.org/a> skos:prefLabel "{escaped}"'
    text = (f"CONSTRUCT {{ {triple} }} WHERE {{}}" if output_format in ("ttl", "nt") else
            f'SELECT ?name WHERE {{ VALUES ?name {{ "{escaped}" }} }}')
    out = render(store, text, output_format)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", out)
    if output_format == "table":
        assert out.splitlines()[2] == r"王\x1b[31m芳\x1b]0;t\x07\x9b2J"
    elif output_format == "csv":            # CSV cannot escape: replaced
        assert list(csv.reader(io.StringIO(out)))[1] == ["王\ufffd[31m芳\ufffd]0;t\ufffd\ufffd2J"]
    elif output_format == "xml":            # XML 1.0 holds C1 as a reference, C0 not at all
        literal = next(ElementTree.fromstring(out).iter(
            "{http://www.w3.org/2005/sparql-results#}literal"))
        assert literal.text == "王\ufffd[31m芳\ufffd]0;t\ufffd\x9b2J"
    elif output_format in ("ttl", "nt"):    # the format's escapes: the same value read back
        graph = rdflib.Graph().parse(data=out, format="turtle")
        assert {str(o) for o in graph.objects()} == {HOSTILE_NAME}
    else:
        results = pyoxigraph.parse_query_results(
            out.encode("utf-8"), format=query.RESULT_FORMATS[output_format])
        assert [row[0].value for row in results] == [HOSTILE_NAME]


def test_ask_and_construct(store):
    assert query.as_table(query.run(store, "ASK { ?p kg:holdsPost ?o }")) == "true\n"
    assert json.loads(render(store, "ASK { ?p kg:runs ?p }", "json"))["boolean"] is False
    construct = "CONSTRUCT { ?o kg:hasMember ?p } WHERE { ?p kg:holdsPost ?o }"
    triples = query.run(store, construct)
    assert triples.columns == ("subject", "predicate", "object") and len(triples.rows) == 4
    turtle = rdflib.Graph().parse(data=render(store, construct, "table"), format="turtle")
    nt = rdflib.Graph().parse(data=render(store, construct, "nt"), format="nt")
    assert len(turtle) == len(nt) == 4 and set(turtle) == set(nt)
    with pytest.raises(QueryError, match="give triples: use --format ttl, nt"):
        render(store, construct, "csv")
    with pytest.raises(QueryError, match="give a table: use --format table"):
        render(store, PEOPLE, "ttl")


def test_tables_print_iris_that_parse_back_in_a_query(store):
    """Every IRI cell, pasted into a query, finds the same node."""
    result = query.run(store, "SELECT ?p ?o ?fact WHERE { ?p kg:holdsPost ?o . "
                              "?fact kg:subject ?p ; kg:object ?o }")
    cells = {query.term_text(term) for row in result.rows for term in row}
    assert "person:王芳" in cells and f"organisation:{FEDERATION}" in cells
    for cell in cells:
        found = query.run(store, f"ASK {{ {{ {cell} ?p ?o }} UNION {{ ?s ?p {cell} }} }}")
        assert found.boolean, cell
    assert query.term_text(pyoxigraph.NamedNode("https://w3id.org/kg-cn/id/org/a(b)")) == \
        "<https://w3id.org/kg-cn/id/org/a(b)>"


def test_select_star_columns_come_in_the_order_of_the_query(store):
    result = query.run(store, "SELECT * WHERE { ?person kg:holdsPost ?org . "
                              "?person skos:prefLabel ?name }")
    assert result.columns == ("person", "org", "name")
    assert query.run(store, "SELECT ?org ?person WHERE { ?person kg:holdsPost ?org }"
                     ).columns == ("org", "person")


def test_the_typed_full_iri_finds_the_entity(store):
    iri = vocab.DEFAULT_BASE + "person/王芳"
    assert query.run(store, f"ASK {{ <{iri}> a kg:Person }}").boolean


def test_table_row_limit_says_rows_were_left_out(store):
    result = query.run(store, PEOPLE, limit=2)
    table = query.as_table(result)
    assert len(result.rows) == 2 and result.truncated
    assert table.splitlines()[-1].startswith("(first 2 rows; more were left out")
    assert not query.run(store, PEOPLE, limit=5).truncated


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
    select = re.sub(r"\((.*?) AS (\?\w+)\)", r"\2", select)  # (expression AS ?column)
    assert result.columns == tuple(re.findall(r"\?(\w+)", select))
    names = {e.name for e in seed_build.entities}
    for row in result.rows:
        assert any(term is not None and term.value in names for term in row), row


def test_evidence_query_on_the_seed_build_cites_exact_sentences(seed_build):
    rows = answer(query.open_store(seed_build), "fact_evidence")
    assert len(rows) == sum(len(f.evidence) for f in seed_build.facts
                            if f.predicate == "holdsPost") > 0
    for *_, file, start, end, sentence in rows:
        assert original_text(file[:3])[int(start):int(end)] == sentence


# ------------------------------------------------------------------ safety

PRODUCT = "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"


class _Endpoint(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint on 127.0.0.1 that counts the requests it gets and answers nothing."""

    requests: list[str] = []

    def _answer(self):
        type(self).requests.append(self.path)
        body = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Endpoint.requests.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


def test_service_is_refused_unless_allowed_and_no_request_leaves(graph_file, endpoint, capsys):
    remote = f"SELECT ?x WHERE {{ SERVICE <{endpoint}> {{ ?x ?p ?o }} }}"
    assert cli.main(["query", str(graph_file), "-e", remote]) == 2
    assert "SERVICE calls another endpoint" in capsys.readouterr().err
    assert _Endpoint.requests == []
    # the word in a string, an IRI or a variable is no call
    harmless = 'SELECT ?service WHERE { ?service skos:prefLabel "SERVICE <x>" }'
    assert cli.main(["query", str(graph_file), "-e", harmless]) == 0
    assert cli.main(["query", str(graph_file), "-e", remote, "--allow-service"]) == 0
    assert len(_Endpoint.requests) == 1


def test_service_with_a_variable_is_a_user_error(graph_file, capsys):
    text = "SELECT * WHERE { SERVICE ?where { ?s ?p ?o } }"
    assert cli.main(["query", str(graph_file), "-e", text, "--allow-service"]) == 2
    assert capsys.readouterr().err.startswith("kg: error: -e: cannot evaluate the query")


def test_a_query_file_without_end_is_refused(graph_file, capsys):
    assert cli.main(["query", str(graph_file), "/dev/zero"]) == 2
    assert "/dev/zero: not a query: larger than 1 MiB" in capsys.readouterr().err


def test_a_runaway_query_stops_at_the_timeout(graph_file, capsys):
    started = time.monotonic()
    assert cli.main(["query", str(graph_file), "-e", PRODUCT, "--timeout", "1"]) == 2
    assert time.monotonic() - started < 10
    assert "stopped after 1 s (--timeout)" in capsys.readouterr().err


def test_a_query_beyond_its_memory_is_stopped_with_one_line(graph_file, capsys):
    assert cli.main(["query", str(graph_file), "-e", PRODUCT, "--memory", "400"]) == 2
    err = capsys.readouterr().err
    assert "ran out of memory (400 MiB, --memory)" in err and err.count("\n") == 1


def _kg(*arguments, **options):
    return subprocess.Popen([sys.executable, "-m", "kg", *arguments], stderr=subprocess.PIPE,
                            **options)


def test_ctrl_c_stops_a_running_query(graph_file):
    process = _kg("query", str(graph_file), "-e", PRODUCT)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    while not children.read_text().strip() and time.monotonic() < deadline:
        time.sleep(0.05)  # until the query runs in its child process
    stopped = time.monotonic()
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 130
    assert time.monotonic() - stopped < 5
    assert process.stderr.read().decode() == "kg: interrupted\n"


def test_a_reader_that_stops_early_gives_exit_141(graph_file):
    many = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 200000"  # far more than a pipe holds
    process = _kg("query", str(graph_file), "-e", many, "--limit", "0", "--timeout", "0",
                  stdout=subprocess.PIPE)
    process.stdout.read(100)
    process.stdout.close()
    assert process.wait(timeout=120) == 141, process.stderr.read()


# ------------------------------------------------------------------ the README's primer

PRIMER = re.findall(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                    re.S)


@pytest.fixture(scope="module")
def seed_store(seed_build):
    return query.open_store(seed_build)


@pytest.mark.parametrize("number", range(len(PRIMER)))
def test_every_primer_query_of_the_readme_answers_on_the_seeds(seed_store, number):
    result = query.run(seed_store, PRIMER[number], f"README query {number + 1}")
    assert result.rows and all(any(term is not None for term in row) for row in result.rows)


def test_the_primer_warnings_hold(seed_store):
    """What the primer says matches nothing does match nothing, and its fix finds the node."""
    assert len(PRIMER) >= 6
    assert not query.run(seed_store, 'ASK { ?p skos:prefLabel "王芳" }').boolean
    assert query.run(seed_store, 'ASK { ?p skos:prefLabel "王芳"@zh-Hans }').boolean
    assert not query.run(seed_store, 'ASK { ?f kg:year "2022" }').boolean
    assert query.run(seed_store, 'ASK { ?f kg:year "2022"^^xsd:gYear }').boolean
    assert not query.run(seed_store, "ASK { ?p kg:holdsPost ?o ; kg:role ?r }").boolean
