"""The RDF export: ontology and vocabulary in step, Turtle that parses everywhere and is
byte-identical, hostile text escaped, and the export read back into the same graph."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from kg import cli, pipeline, query, rdf, vocab
from kg.errors import InputError, OutputError
from kg.graph import KnowledgeGraph
from kg.model import Entity, Fact
from kg.vocab import KG, entity_iri

from rdf_samples import original_text, seed_graph

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"

HOSTILE = ('say "hi" \\ back\\slash', "line\nbreak\r\nand\ttab", "</script><script>alert(1)",
           "emoji 👩‍🔬🇨🇳", "zero\u200bwidth\u200d joiner\ufeff", "rtl \u202eabc\u202c \u200f",
           "controls \x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b end", "trailing backslash \\",
           '"""triple quotes"""', "王芳’s post: 党组书记、主席")


def turtle_graph(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="turtle")


def oxigraph_triples(text: str) -> int:
    turtle = pyoxigraph.RdfFormat.TURTLE
    return sum(1 for _ in pyoxigraph.parse(text.encode("utf-8"), format=turtle))


def hostile_graph() -> KnowledgeGraph:
    people = [Entity(entity_iri("Person", text), "Person", text, (text + "别名",), (text + "舊",))
              for text in HOSTILE]
    people.sort(key=lambda e: e.iri)
    base = seed_graph()
    federation = base.entity(entity_iri("Organisation", "内蒙古自治区妇女联合会"))
    evidence = base.facts[0].evidence[0]
    facts = tuple(Fact(p.iri, "holdsPost", federation.iri, text, None,
                       (replace(evidence, sentence=text),))
                  for p, text in zip(people, HOSTILE))
    return KnowledgeGraph(base.documents, tuple(sorted((*people, federation),
                                                       key=lambda e: e.iri)),
                          tuple(sorted(facts, key=lambda f: (f.subject, f.role))))


# ------------------------------------------------------------------ ontology and vocabulary

def declared_kg_terms() -> set[str]:
    ontology = rdflib.Graph().parse(ONTOLOGY)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s) for kind in kinds for s in ontology.subjects(RDF.type, kind)
            if str(s).startswith(str(KG))}


def vocab_kg_terms() -> set[str]:
    terms = {*vocab.CLASS_IRI.values(), *vocab.PREDICATE_IRI.values(), *vocab.TERMS.values()}
    return {term for term in terms if term.startswith(str(KG))}


def test_the_vocabulary_s_rdflib_terms_are_its_iris():
    assert vocab.FACT == rdflib.URIRef(vocab.TERMS["FACT"]) and vocab.KG.Fact == vocab.FACT
    assert vocab.CLASS == {name: rdflib.URIRef(iri) for name, iri in vocab.CLASS_IRI.items()}
    assert vocab.SKOS is rdflib.namespace.SKOS
    assert {name: str(getattr(vocab, name.upper())) for name in vocab.PREFIXES} \
        == vocab.PREFIXES


def test_every_vocab_term_is_declared_in_the_ontology_and_vice_versa():
    assert vocab_kg_terms() == declared_kg_terms()


def test_packaged_ontology_is_a_copy_of_ontology_kg_ttl():
    assert vocab.ontology_path().read_bytes() == ONTOLOGY.read_bytes(), (
        "copy ontology/kg.ttl to src/kg/data/kg.ttl")


def test_ontology_labels_domains_and_alignments():
    ontology = rdflib.Graph().parse(ONTOLOGY)
    for term in (*vocab.CLASS.values(), *vocab.PREDICATE.values()):
        langs = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"en", "zh-Hans"} <= langs, term
    for term in vocab.PREDICATE.values():
        assert (term, RDFS.domain, None) in ontology and (term, RDFS.range, None) in ontology
    awarded_domain = ontology.value(vocab.PREDICATE["awarded"], RDFS.domain)
    members = rdflib.collection.Collection(ontology, ontology.value(awarded_domain, OWL.unionOf))
    assert set(members) == {vocab.CLASS["Person"], vocab.CLASS["Organisation"],
                            vocab.CLASS["Programme"]}
    assert (vocab.PREDICATE["awarded"], RDFS.subPropertyOf, vocab.SCHEMA.award) in ontology
    assert (vocab.CLASS["Place"], RDFS.subClassOf, vocab.SCHEMA.Place) in ontology
    wikidata = {p: {o for o in ontology.objects(vocab.PREDICATE[p], RDFS.seeAlso)
                    if o.startswith(vocab.WD)} for p in ("holdsPost", "awarded", "locatedIn",
                                                          "partOf")}
    assert wikidata == {"holdsPost": {vocab.WD.P39}, "awarded": {vocab.WD.P166},
                        "locatedIn": {vocab.WD.P131}, "partOf": {vocab.WD.P361}}


# ------------------------------------------------------------------ the Turtle export

def test_fast_writer_gives_the_same_triples_as_rdflib():
    graph = seed_graph()
    text = rdf.to_turtle(graph)
    assert isomorphic(turtle_graph(text), rdf.to_rdflib(graph))


def test_fast_writer_agrees_with_rdflib_on_every_optional_part():
    """No region, a year that is not a plain year, no role, no aliases, a link from an IRI
    that is not an entity of the graph, a fact without evidence."""
    graph = seed_graph()
    outsider = entity_iri("Organisation", "外部单位")
    bare = Entity(entity_iri("Honour", "最美家庭"), "Honour", "最美家庭")
    facts = (Fact(outsider, "awarded", bare.iri, None, "2022年度", graph.facts[0].evidence),
             Fact(outsider, "runs", entity_iri("Programme", "巾帼护航计划")))
    odd = replace(graph, documents=tuple(replace(d, region=None) for d in graph.documents),
                  entities=tuple(sorted((*graph.entities, bare), key=lambda e: e.iri)),
                  facts=graph.facts + facts)
    text = rdf.to_turtle(odd)
    assert isomorphic(turtle_graph(text), rdf.to_rdflib(odd))
    assert '"2022年度"' in text and "kg:region" not in text


def test_export_parses_in_pyoxigraph_with_the_same_triple_count():
    text = rdf.to_turtle(seed_graph())
    assert oxigraph_triples(text) == len(turtle_graph(text)) > 200


def test_direct_triples_and_fact_nodes_stand_side_by_side():
    g = turtle_graph(rdf.to_turtle(seed_graph()))
    chair, federation = (rdflib.URIRef(entity_iri("Person", "王芳")),
                         rdflib.URIRef(entity_iri("Organisation", "内蒙古自治区妇女联合会")))
    assert (chair, vocab.PREDICATE["holdsPost"], federation) in g
    fact = g.value(predicate=vocab.FACT_SUBJECT, object=chair)
    assert g.value(fact, vocab.FACT_OBJECT) == federation
    assert str(g.value(fact, vocab.ROLE)) == "党组书记、主席"
    sentences = {str(g.value(ev, vocab.OA.exact)) for ev in g.objects(fact, vocab.HAS_EVIDENCE)}
    assert len(sentences) == 2 and all("王芳" in s for s in sentences)
    assert not any(isinstance(term, rdflib.BNode) for triple in g for term in triple)


def test_labels_carry_script_language_tags():
    g = turtle_graph(rdf.to_turtle(seed_graph()))
    deputy = rdflib.URIRef(entity_iri("Person", "赵红军"))
    labels = {(str(label), label.language) for label in g.objects(deputy, vocab.SKOS.altLabel)}
    assert labels == {("趙紅軍", "zh-Hant")}
    assert g.value(deputy, vocab.SKOS.prefLabel) == rdflib.Literal("赵红军", lang="zh-Hans")


def test_two_runs_in_separate_processes_give_identical_bytes(tmp_path):
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from rdf_samples import seed_graph;"
              "from kg import rdf; rdf.write_turtle(seed_graph(), sys.argv[2])")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(out)],
                       check=True, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == rdf.to_turtle(seed_graph()).encode("utf-8")


def test_hostile_text_is_escaped_and_read_back_unchanged(tmp_path):
    graph = hostile_graph()
    text = rdf.to_turtle(graph)
    assert isomorphic(turtle_graph(text), rdf.to_rdflib(graph))
    assert oxigraph_triples(text) == len(turtle_graph(text))
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)   # controls but line ends
    assert rdf.load(rdf.write_turtle(graph, tmp_path / "hostile.ttl")) == graph


def test_lone_surrogates_become_replacement_characters():
    assert rdf.escape_literal("a\ud800b") == "a\ufffdb"


def test_iris_with_forbidden_characters_are_percent_encoded():
    odd = "https://example.org/id/a b<c>\"d\"{e}|f^g`h\\i%zz"
    token = rdf.valid_iri(odd)
    assert token == "https://example.org/id/a%20b%3Cc%3E%22d%22%7Be%7D%7Cf%5Eg%60h%5Ci%25zz"
    under_base = vocab.DEFAULT_BASE + "place/100%zz"
    places = (Entity(odd, "Place", "某地"), Entity(under_base, "Place", "百分"))
    graph = KnowledgeGraph((), tuple(sorted(places, key=lambda e: e.iri)), ())
    text = rdf.to_turtle(graph)
    assert oxigraph_triples(text) == len(turtle_graph(text)) == 6
    assert "<https://w3id.org/kg-cn/id/place/100%25zz>" in text


def test_entity_iris_are_readable_and_stay_one_safe_segment(tmp_path):
    assert entity_iri("Person", "王芳") == vocab.DEFAULT_BASE + "person/王芳"
    assert vocab.iri_segment("中心/分部 #1?x%") == "中心%2F分部%20%231%3Fx%25"
    assert vocab.iri_segment("..") == "%2E%2E"  # no dot segment for resolution to remove
    assert vocab.iri_segment("零\u200b宽\ue000") == "零%E2%80%8B宽%EE%80%80"  # invisible ones
    names = ("王芳", "中心/分部 #1?x%", "..", "a:b", "零\u200b宽", "《报》(刊)")
    people = sorted((Entity(entity_iri("Person", n), "Person", n) for n in names),
                    key=lambda e: e.iri)
    graph = KnowledgeGraph((), tuple(people), ())
    text = rdf.to_turtle(graph)
    assert "\n<person/王芳> a kg:Person" in text and "<person/《报》(刊)>" in text
    assert oxigraph_triples(text) == len(turtle_graph(text)) == 3 * len(names)
    assert {str(s) for s in turtle_graph(text).subjects()} == {e.iri for e in people}
    assert rdf.load(rdf.write_turtle(graph, tmp_path / "odd.ttl")) == graph


@pytest.mark.parametrize("base", ["graph/", "https://example.org/kg", "https://ex.org/a b/",
                                  "urn:kg:", ""])
def test_a_base_that_cannot_prefix_iris_is_refused_in_one_line(base, tmp_path, capsys):
    text = tmp_path / "report.txt"
    text.write_text("自治区妇联主席王芳在赤峰市调研。", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["build", str(text), "-o", str(out), "--base", base, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: --base {base!r}: not a base IRI") and err.count("\n") == 1
    assert not out.exists()
    assert vocab.check_base("https://example.org/kg#") == "https://example.org/kg#"


def test_a_relative_base_is_refused():
    with pytest.raises(OutputError, match="not an absolute IRI"):
        rdf.to_turtle(seed_graph(), base="graph/")


def test_a_non_hierarchical_base_is_written_in_full_iris(tmp_path):
    base = "urn:kg:"
    graph = seed_graph()
    graph = replace(graph, entities=tuple(sorted(
        (replace(e, iri=entity_iri(e.type, e.name, base)) for e in graph.entities),
        key=lambda e: e.iri)), facts=())
    text = rdf.to_turtle(graph, base=base)
    assert "@base" not in text and "<urn:kg:place/" in text
    assert rdf.load(rdf.write_turtle(graph, tmp_path / "urn.ttl")) == graph


# ------------------------------------------------------------------ reading back

def test_export_loads_back_into_an_equal_graph(tmp_path):
    graph = seed_graph()
    assert rdf.load(rdf.write_turtle(graph, tmp_path / "kg.ttl")) == graph
    assert rdf.from_rdflib(rdf.to_rdflib(graph)) == graph


def test_evidence_offsets_slice_the_original_files(tmp_path):
    loaded = rdf.load(rdf.write_turtle(seed_graph(), tmp_path / "kg.ttl"))
    names = {d.id: d.path[:3] for d in loaded.documents}
    checked = 0
    for fact in loaded.facts:
        for ev in fact.evidence:
            assert original_text(names[ev.doc_id])[ev.start:ev.end] == ev.sentence
            checked += 1
    assert checked >= len(loaded.facts)


def test_direct_triples_without_fact_nodes_load_as_facts_without_evidence(tmp_path):
    place, region = entity_iri("Place", "兴安盟"), entity_iri("Place", "内蒙古自治区")
    path = tmp_path / "hand.ttl"
    path.write_text(f"""@prefix kg: <{KG}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{place}> a kg:Place ; skos:prefLabel "兴安盟"@zh-Hans ; kg:partOf <{region}> .
<{region}> a kg:Place ; skos:prefLabel "内蒙古自治区"@zh-Hans .
""", encoding="utf-8")
    loaded = rdf.load(path)
    assert loaded.facts == (Fact(place, "partOf", region),)
    assert {e.name for e in loaded.entities} == {"兴安盟", "内蒙古自治区"}


@pytest.mark.parametrize("content, reason", [
    ("<a> <b> .", "not valid Turtle"),
    ("@prefix kg: <%s> .\n<http://x/a> a kg:Place, kg:Person ;"
     " <http://www.w3.org/2004/02/skos/core#prefLabel> \"甲\"@zh-Hans ." % KG,
     "two entity types"),
    ("@prefix kg: <%s> .\n<http://x/f> a kg:Fact ; kg:subject <http://x/a> ;"
     " kg:predicate kg:likes ; kg:object <http://x/b> ." % KG, "not one of the five relations"),
    ("@prefix kg: <%s> .\n<http://x/a> a kg:Place ." % KG, "exactly one skos:prefLabel"),
])
def test_bad_files_raise_input_errors_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "bad.ttl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason) as caught:
        rdf.load(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        rdf.load(tmp_path / "absent.ttl")


# ------------------------------------------------------------------ what the gazetteer knows

def test_places_carry_their_division_code_and_container_up_to_the_country(tmp_path):
    """A text that names a county but not its city: the city and province come from the
    gazetteer as named areas, the county is inside them, and a query on the city finds it."""
    text = tmp_path / "county.txt"
    text.write_text("固阳县妇联在固阳县举办乡村女性技能培训班，三十名学员结业。", encoding="utf-8")
    graph = pipeline.build([text])
    assert {e.name for e in graph.entities if e.type == "Place"} == {"固阳县"}
    turtle = rdf.to_turtle(graph)
    store = pyoxigraph.Store()
    store.load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    chain = ("SELECT ?name ?code WHERE { place:固阳县 schema:containedInPlace* ?area . "
             "?area schema:name|skos:prefLabel ?name . OPTIONAL { ?area kg:divisionCode ?code } }")
    rows = {(row[0].value, row[1].value if row[1] else "")
            for row in query.run(store, chain).rows}
    assert rows == {("固阳县", "150222"), ("包头市", "150200"), ("内蒙古自治区", "150000"),
                    ("中华人民共和国", "")}
    inside = query.run(store, "SELECT ?p WHERE { ?p a kg:Place ; "
                              "schema:containedInPlace+ place:包头市 }").rows
    assert [row[0].value for row in inside] == [vocab.DEFAULT_BASE + "place/固阳县"]
    # the gazetteer's areas are not entities: not kg:Place, no prefLabel, not read back
    assert not query.run(store, "ASK { place:包头市 a kg:Place }").boolean
    assert not query.run(store, "ASK { place:包头市 skos:prefLabel ?n }").boolean
    assert rdf.load(rdf.write_turtle(graph, tmp_path / "kg.ttl")) == graph


def test_the_document_region_links_the_place(tmp_path):
    graph = seed_graph()
    store = query.open_store(graph)
    regions = query.run(store, "SELECT DISTINCT ?region ?type WHERE { ?d a kg:Document ; "
                               "kg:region ?region . ?region a ?type }").rows
    assert {(row[0].value, row[1].value) for row in regions} == {
        (vocab.DEFAULT_BASE + "place/内蒙古自治区", str(vocab.CLASS["Place"]))}
    assert {d.region for d in rdf.load(rdf.write_turtle(graph, tmp_path / "kg.ttl")).documents} \
        == {"内蒙古自治区"}


# ------------------------------------------------------------------ other formats of a build

def test_build_writes_every_rdf_format_with_the_same_triples_byte_identical(tmp_path):
    runs = []
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-m", "kg", "build", "-o", str(tmp_path / run),
                        "--format", "ttl,nt,jsonld,trig", "--quiet"], check=True)
        runs.append({p.name: p.read_bytes() for p in (tmp_path / run).glob("kg.*")})
    assert runs[0] == runs[1] and set(runs[0]) == {"kg.ttl", "kg.nt", "kg.jsonld", "kg.trig"}
    formats = {"kg.ttl": pyoxigraph.RdfFormat.TURTLE, "kg.nt": pyoxigraph.RdfFormat.N_TRIPLES,
               "kg.jsonld": pyoxigraph.RdfFormat.JSON_LD, "kg.trig": pyoxigraph.RdfFormat.TRIG}
    triples = {name: {(q.subject, q.predicate, q.object)
                      for q in pyoxigraph.parse(data, format=formats[name])}
               for name, data in runs[0].items()}
    assert len(triples["kg.ttl"]) > 1000
    assert all(found == triples["kg.ttl"] for found in triples.values())


def test_documents_carry_the_title_and_date_their_text_opens_with(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("县妇联召开年度工作会议\n发布时间：2024-03-08\n会上，县妇联主席李梅总结了"
                      "去年的工作。会议定于2024年12月1日再次召开。\n", encoding="utf-8")
    body = tmp_path / "body.txt"
    body.write_text("会议于2024年12月1日召开，县妇联主席李梅出席。" + "工作总结。" * 80
                    + "\n", encoding="utf-8")
    graph = pipeline.build([report, body])
    info = {d.path: (d.title, d.date) for d in graph.documents}
    assert info == {"report.txt": ("县妇联召开年度工作会议", "2024-03-08"),
                    "body.txt": (None, None)}  # an event's date in the body is not the dateline
    rows = query.run(query.open_store(graph), "SELECT ?title WHERE { ?d schema:headline ?title ;"
                     ' schema:datePublished "2024-03-08"^^xsd:date }').rows
    assert [row[0].value for row in rows] == ["县妇联召开年度工作会议"]
    assert rdf.load(rdf.write_turtle(graph, tmp_path / "kg.ttl")) == graph
