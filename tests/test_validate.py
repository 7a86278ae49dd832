"""SHACL validation: the shapes accept a good export and catch each kind of broken one."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg import cli, pipeline, rdf, vocab
from kg.errors import InputError
from kg.normalize import normalize_text
from kg.model import Fact
from kg.validate import validate
from kg.vocab import entity_iri

from rdf_samples import original_text, seed_graph

ROOT = Path(__file__).resolve().parents[1]
CHAIR = URIRef(entity_iri("Person", "王芳"))
FEDERATION = entity_iri("Organisation", "内蒙古自治区妇女联合会")
LEAGUE = entity_iri("Place", "兴安盟")
HONOUR = entity_iri("Honour", "人民楷模")


def with_fact(fact: Fact):
    """The seed graph with one more fact, evidenced by the first fact's first sentence."""
    graph = seed_graph()
    fact = replace(fact, evidence=fact.evidence or graph.facts[0].evidence[:1])
    return replace(graph, facts=tuple(sorted((*graph.facts, fact),
                                             key=lambda f: (f.subject, f.predicate, f.object))))


def test_packaged_shapes_are_a_copy_of_ontology_shapes_ttl():
    assert vocab.shapes_path().read_bytes() == (ROOT / "ontology" / "shapes.ttl").read_bytes(), (
        "copy ontology/shapes.ttl to src/kg/data/shapes.ttl")


def test_a_good_export_conforms_as_graph_text_and_file(tmp_path):
    graph = seed_graph()
    assert validate(graph) == (True, "Validation Report\nConforms: True\n")
    assert validate(rdf.to_turtle(graph))[0]
    assert validate(rdf.write_turtle(graph, tmp_path / "kg.ttl"))[0]


def rdf_of_seed_graph():
    return rdf.to_rdflib(seed_graph())


def add_second_type(g):
    g.add((CHAIR, RDF.type, vocab.CLASS["Place"]))


def add_second_pref_label(g):
    g.add((CHAIR, SKOS.prefLabel, Literal("王芳芳", lang="zh-Hans")))


def untag_pref_label(g):
    g.remove((CHAIR, SKOS.prefLabel, None))
    g.add((CHAIR, SKOS.prefLabel, Literal("王芳")))


def drop_fact_nodes(g):
    for fact in list(g.subjects(vocab.FACT_SUBJECT, CHAIR)):
        g.remove((fact, None, None))


def drop_direct_triple(g):
    g.remove((CHAIR, vocab.PREDICATE["holdsPost"], None))


def drop_evidence_sentence(g):
    g.remove((None, vocab.OA.exact, None))


def corrupt_checksum(g):
    doc = next(g.subjects(RDF.type, vocab.DOCUMENT))
    g.set((doc, vocab.SHA256, Literal("not-a-checksum")))


@pytest.mark.parametrize("breakage, message", [
    (add_second_type, "Xone"),
    (add_second_pref_label, "skos:prefLabel"),
    (untag_pref_label, "langString"),
    (drop_fact_nodes, "direct triple without a kg:Fact node"),
    (drop_direct_triple, "kg:Fact node without its direct triple"),
    (drop_evidence_sentence, "oa:exact"),
    (corrupt_checksum, "kg:sha256"),
])
def test_broken_rdf_does_not_conform(breakage, message):
    g = rdf_of_seed_graph()
    breakage(g)
    conforms, report = validate(g)
    assert not conforms
    assert message in report


@pytest.mark.parametrize("fact, message", [
    (Fact(LEAGUE, "holdsPost", FEDERATION), "holdsPost links a kg:Person to a kg:Organisation"),
    (Fact(str(CHAIR), "runs", FEDERATION), "runs links a kg:Organisation to a kg:Programme"),
    (Fact(LEAGUE, "partOf", FEDERATION), "partOf links a kg:Place, kg:Organisation or kg:Prog"),
    (Fact(FEDERATION, "locatedIn", str(CHAIR)), "locatedIn links a kg:Organisation or kg:Prog"),
    (Fact(LEAGUE, "awarded", HONOUR), "awarded links a kg:Person, kg:Organisation or kg:Prog"),
    (Fact(str(CHAIR), "awarded", HONOUR, year="2022年度"), "gYear"),
])
def test_relations_between_the_wrong_types_do_not_conform(fact, message):
    conforms, report = validate(with_fact(fact))
    assert not conforms
    assert message in report


def test_facts_without_evidence_or_with_empty_spans_do_not_conform():
    graph = seed_graph()
    bare = replace(graph, facts=(replace(graph.facts[0], evidence=()), *graph.facts[1:]))
    conforms, report = validate(bare)
    assert not conforms and "kg:evidence" in report
    ev = graph.facts[0].evidence[0]
    empty = replace(graph, facts=(replace(graph.facts[0], evidence=(replace(ev, end=ev.start),)),
                                  *graph.facts[1:]))
    conforms, report = validate(empty)
    assert not conforms and "oa:start" in report


def test_bad_turtle_is_an_input_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl: not valid Turtle"):
        validate(path)


def test_build_validate_reports_conformance(tmp_path, capsys):
    seed = ROOT / "seeds" / "001_ef86c31f1373810c.txt"
    status = cli.main(["build", str(seed), "-o", str(tmp_path), "--validate"])
    out = capsys.readouterr().out
    assert status == 0 and "SHACL: conforms" in out


def test_build_validate_fails_with_exit_2_when_the_export_does_not_conform(
        tmp_path, capsys, monkeypatch):
    broken = with_fact(Fact(LEAGUE, "holdsPost", FEDERATION))
    monkeypatch.setattr(pipeline, "build", lambda *args, **kwargs: broken)
    status = cli.main(["build", "-o", str(tmp_path), "--validate"])
    err = capsys.readouterr().err
    assert status == 2
    assert "holdsPost links a kg:Person to a kg:Organisation" in err
    assert err.rstrip().splitlines()[-1] == (f"kg: error: {tmp_path / 'kg.ttl'}: does not conform "
                                             "to the SHACL shapes (report above)")


def test_seed_build_exports_conforming_rdf_with_exact_evidence(tmp_path):
    """The real pipeline on the seeds: whatever it finds must conform and cite exact text."""
    graph = pipeline.build([ROOT / "seeds"])
    assert validate(graph)[0]
    loaded = rdf.load(rdf.write_turtle(graph, tmp_path / "kg.ttl"))
    assert loaded == graph
    prefixes = {d.id: d.path[:3] for d in graph.documents}
    for fact in graph.facts:
        assert fact.evidence
        for ev in fact.evidence:
            assert original_text(prefixes[ev.doc_id])[ev.start:ev.end] == ev.sentence


def test_seed_build_keeps_each_entity_s_mentions_and_each_sentence_s_context(tmp_path):
    """Entities cite the spans that name them; evidence carries the text around it; both are
    in the Turtle (prov:wasDerivedFrom, kg:mention, oa:prefix/oa:suffix) and read back."""
    graph = pipeline.build([ROOT / "seeds"])
    path = rdf.write_turtle(graph, tmp_path / "kg.ttl")
    assert rdf.load(path) == graph
    texts = {d.id: original_text(d.path[:3]) for d in graph.documents}
    federation = next(e for e in graph.entities if e.name == "内蒙古自治区妇女联合会")
    assert len({doc for doc, _, _ in federation.mentions}) >= 2
    spans = [(texts[doc][start:end], entity) for entity in graph.entities
             for doc, start, end in entity.mentions]
    # normalised, a span is one of the entity's labels, but for one-character short forms
    # (党) and list items (三 of 第一、二、三名) that no label keeps
    labelled = [_spaceless(normalize_text(named)[0])
                in {_spaceless(label) for label in (entity.name, *entity.aliases)}
                for named, entity in spans]
    assert all(named for named, _ in spans) and sum(labelled) > 0.9 * len(spans)
    ev = next(ev for f in graph.facts for ev in f.evidence if ev.start > 0)
    assert texts[ev.doc_id][:ev.start].endswith(ev.prefix) and ev.prefix
    assert texts[ev.doc_id][ev.end:].startswith(ev.suffix)
    g = rdf.to_rdflib(graph)
    node = URIRef(federation.iri)
    documents = {str(o) for o in g.objects(node, vocab.PROV.wasDerivedFrom)}
    assert documents == {str(vocab.document_iri(doc)) for doc, _, _ in federation.mentions}
    assert len(set(g.objects(node, vocab.HAS_MENTION))) == len(federation.mentions)


def _spaceless(text: str) -> str:
    """The text without spaces or quotation marks (aliases keep neither: “人民楷模” is 人民楷模)."""
    return "".join(text.split()).translate(str.maketrans("", "", "“”‘’\"'「」『』"))
