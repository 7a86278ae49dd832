"""The bodies a list of officers names by its lines' posts alone (extract/officers.py)."""
from extraction import entities


def test_a_list_of_leaders_names_the_party_group_of_the_page_s_body():
    text = "醴陵市妇女联合会\n【领导成员】\n党组书记、主席：林知夏\n党组成员、副主席 周望舒\n"
    assert ("Organisation", "醴陵市妇女联合会党组") in entities(text)
    # the same post in running text, with no body before it, names no party group
    assert not any(name.endswith("党组") for _, name in entities(
        "醴陵市妇女联合会\n会上，党组书记林知夏作了讲话。\n"))
