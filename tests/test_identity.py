"""Person identity: one name in several documents is one person only when the documents share
an organisation (or a parent or part of it) or a place; otherwise one node each, linked by
skos:closeMatch. The texts are invented for these tests."""
from __future__ import annotations

import kg
from kg import query, rdf
from kg.vocab import DEFAULT_BASE

HUNAN = "湖南省妇联主席王芳在长沙市出席妇女儿童工作推进会议。\n"
ZHEJIANG = "浙江省卫生健康委员会副主任王芳在杭州市调研基层医疗服务。\n"
HUNAN_AGAIN = "湖南省妇联主席王芳在株洲市看望困难妇女。\n"


def write(folder, texts: dict[str, str]) -> list:
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def people(graph, name: str) -> dict[str, set[str]]:
    """IRI -> organisations it holds posts in, for the people of that name."""
    iris = {e.iri for e in graph.entities if e.type == "Person" and e.name == name}
    names = {e.iri: e.name for e in graph.entities}
    return {iri: {names[f.object] for f in graph.facts
                  if f.subject == iri and f.predicate == "holdsPost"} for iri in iris}


def test_one_name_in_unrelated_documents_is_two_people_possibly_the_same(tmp_path):
    graph = kg.build(write(tmp_path, {"a.txt": HUNAN, "b.txt": ZHEJIANG, "c.txt": HUNAN_AGAIN}))
    person = DEFAULT_BASE + "person/王芳"
    assert people(graph, "王芳") == {
        person + "_湖南省妇女联合会": {"湖南省妇女联合会"},
        person + "_浙江省卫生健康委员会": {"浙江省卫生健康委员会"}}
    hunan = next(e for e in graph.entities if e.iri == person + "_湖南省妇女联合会")
    assert {doc for doc, _, _ in hunan.mentions} == {"a", "c"}  # a and c share the body
    store = query.open_store(graph)
    matches = query.run(store, "SELECT ?a ?b WHERE { ?a skos:closeMatch ?b }").rows
    assert {(a.value, b.value) for a, b in matches} == {
        (person + "_湖南省妇女联合会", person + "_浙江省卫生健康委员会"),
        (person + "_浙江省卫生健康委员会", person + "_湖南省妇女联合会")}


def test_a_shared_place_keeps_one_person_and_the_split_is_deterministic(tmp_path):
    texts = {"a.txt": HUNAN, "b.txt": "长沙市表彰了王芳等优秀志愿者。\n"}
    graph = kg.build(write(tmp_path, texts))
    assert list(people(graph, "王芳")) == [DEFAULT_BASE + "person/王芳"]
    again = tmp_path / "again"
    again.mkdir()
    split = {"b.txt": ZHEJIANG, "a.txt": HUNAN}
    assert rdf.to_turtle(kg.build(write(again, split))) == rdf.to_turtle(
        kg.build(write(again, dict(sorted(split.items())))))


def test_the_seeds_chair_is_one_person_across_two_reports():
    graph = kg.build()
    assert people(graph, "王芳") == {DEFAULT_BASE + "person/王芳": {
        "内蒙古自治区妇女联合会", "内蒙古自治区妇女联合会党组"}}
    chair = next(e for e in graph.entities if e.iri == DEFAULT_BASE + "person/王芳")
    assert len({doc for doc, _, _ in chair.mentions}) >= 2
    assert "skos:closeMatch" not in rdf.to_turtle(graph)
