"""The bodies a list of officers names by its lines' posts alone (extract/officers.py)."""
from extraction import entities


def test_a_list_of_leaders_names_the_party_group_of_the_page_s_body():
    text = "醴陵市妇女联合会\n【领导成员】\n党组书记、主席：林知夏\n党组成员、副主席 周望舒\n"
    assert ("Organisation", "醴陵市妇女联合会党组") in entities(text)
    # the same post in running text, with no body before it, names no party group
    assert not any(name.endswith("党组") for _, name in entities(
        "醴陵市妇女联合会\n会上，党组书记林知夏作了讲话。\n"))


def test_a_post_of_one_body_only_names_it_and_its_holder_holds_it_there(tmp_path):
    from kg.pipeline import process_document
    path = tmp_path / "council.txt"
    path.write_text("会见时，国务委员兼外交部长林知夏等陪同。", encoding="utf-8")
    result = process_document(path)
    names = {e.iri: e.name for e in result.entities}
    facts = {(names[f.subject], names[f.object], f.role) for f in result.facts
             if f.predicate == "holdsPost"}
    assert ("林知夏", "中华人民共和国国务院", "国务委员") in facts
