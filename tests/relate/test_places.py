"""locatedIn and partOf rules (relate/places.py) on mentions made by hand."""
from dataclasses import replace

from kg.relate.places import (located, parts_by_name, parts_in_sentence, plans_of_programmes,
                              subdivisions_listed)

from .relating import by_document_rule, by_sentence_rule, document_of, mention


def test_a_body_is_in_the_most_specific_place_its_name_holds():
    doc = document_of("湖南省宁远县妇联召开会议。")
    mentions = [mention(doc, "湖南省", "Place"), mention(doc, "宁远县", "Place"),
                mention(doc, "湖南省宁远县妇联", "Organisation")]
    assert by_sentence_rule(located, doc, mentions) == {
        ("Organisation/湖南省宁远县妇联", "locatedIn", "Place/宁远县", None, None)}


def test_a_body_is_in_the_place_its_resolved_name_implies():
    doc = document_of("县妇联召开会议，县妇联第三届执委会议同日举行。")
    body = replace(mention(doc, "县妇联", "Organisation", key="宁远县妇女联合会"),
                   implied_place="宁远县")
    meeting = replace(mention(doc, "县妇联第三届执委会议", "Programme"), implied_place="宁远县")
    inner = replace(mention(doc, "县妇联", "Organisation", key="宁远县妇女联合会",
                            after="召开会议"), implied_place="宁远县")
    # the body is in its implied place, the meeting of the body named in its name is not
    # thereby held there (the place is the body's seat)
    assert by_sentence_rule(located, doc, [body, meeting, inner]) == {
        ("Organisation/宁远县妇女联合会", "locatedIn", "Place/宁远县", None, None)}
    # resolve gave no place: there is none to be in
    plain = [replace(m, implied_place="") for m in (body, meeting, inner)]
    assert by_sentence_rule(located, doc, plain) == set()


def test_a_unit_whose_name_extends_a_bodys_is_part_of_it():
    doc = document_of("宁远县妇联权益部与宁远县妇联共同值守。")
    unit = mention(doc, "宁远县妇联权益部", "Organisation")
    body = mention(doc, "宁远县妇联", "Organisation", after="与")
    assert by_document_rule(parts_by_name, doc, [unit, body]) == {
        ("Organisation/宁远县妇联权益部", "partOf", "Organisation/宁远县妇联", None, None)}


def test_a_programme_named_at_the_front_of_a_longer_one():
    doc = document_of("春芽行动推进会在县城召开。")
    inner, outer = mention(doc, "春芽行动", "Programme"), mention(doc, "春芽行动推进会", "Programme")
    assert by_sentence_rule(parts_in_sentence, doc, [inner, outer]) == {
        ("Programme/春芽行动推进会", "partOf", "Programme/春芽行动", None, None)}


def test_three_subdivisions_named_after_their_place_are_its_parts():
    doc = document_of("宜春市今年评出的示范户来自：奉新县的一户，万载县的两户，上高县的一户。")
    places = [mention(doc, name, "Place") for name in ("宜春市", "奉新县", "万载县", "上高县")]
    assert by_sentence_rule(subdivisions_listed, doc, places) == {
        (f"Place/{county}", "partOf", "Place/宜春市", None, None)
        for county in ("奉新县", "万载县", "上高县")}
    # two are no list of its parts
    assert by_sentence_rule(subdivisions_listed, doc, places[:3]) == set()


def test_places_inside_names_of_bodies_list_no_parts():
    doc = document_of("宜春市表彰了奉新县妇联、万载县妇联和上高县妇联。")
    places = [mention(doc, name, "Place") for name in ("宜春市", "奉新县", "万载县", "上高县")]
    bodies = [mention(doc, name + "妇联", "Organisation") for name in ("奉新县", "万载县", "上高县")]
    assert by_sentence_rule(subdivisions_listed, doc, places + bodies) == set()


def test_a_programme_carried_out_all_over_the_province_is_in_it():
    doc = replace(document_of("省妇联今年在全省城乡持续开展了“书香家庭”评选活动。"), region="湖南省")
    body = replace(mention(doc, "省妇联", "Organisation", key="湖南省妇女联合会"),
                   implied_place="湖南省")
    programme = mention(doc, "“书香家庭”评选活动", "Programme", key="书香家庭评选活动")
    assert ("Programme/书香家庭评选活动", "locatedIn", "Place/湖南省", None, None) \
        in by_sentence_rule(located, doc, [body, programme])
    # the whole province named in another clause says nothing of where the programme is
    doc = replace(document_of("在全省范围内，省妇联开展了“书香家庭”评选活动。"), region="湖南省")
    body = replace(mention(doc, "省妇联", "Organisation", key="湖南省妇女联合会"),
                   implied_place="湖南省")
    programme = mention(doc, "“书香家庭”评选活动", "Programme", key="书香家庭评选活动")
    assert not any(fact[0] == "Programme/书香家庭评选活动"
                   for fact in by_sentence_rule(located, doc, [body, programme]))


def test_a_place_right_before_a_quoted_programme_is_where_it_is_carried_out():
    doc = document_of("2021年宜春市“春雨助学行动”总结会在樟树市举行。")
    place = mention(doc, "宜春市", "Place")
    programme = mention(doc, "“春雨助学行动”", "Programme", key="春雨助学行动")
    assert ("Programme/春雨助学行动", "locatedIn", "Place/宜春市", None, None) \
        in by_sentence_rule(located, doc, [place, programme])
    # before a brand's bare name, the place says nothing of where the brand is
    doc = document_of("2021年宜春市“春雨姐妹”家政技能大赛在樟树市举行。")
    place = mention(doc, "宜春市", "Place")
    brand = mention(doc, "“春雨姐妹”", "Programme", key="春雨姐妹")
    assert by_sentence_rule(located, doc, [place, brand]) == set()


def test_programmes_of_a_place_s_bodies_at_all_levels_are_in_the_place():
    text = "江西省各级工会组织围绕中心工作，打造了“春雨助学行动”、“职工书屋工程”等品牌。"
    doc = document_of(text)
    place = mention(doc, "江西省", "Place")
    first = mention(doc, "“春雨助学行动”", "Programme", key="春雨助学行动")
    second = mention(doc, "“职工书屋工程”", "Programme", key="职工书屋工程")
    facts = by_sentence_rule(located, doc, [place, first, second])
    assert {("Programme/春雨助学行动", "locatedIn", "Place/江西省", None, None),
            ("Programme/职工书屋工程", "locatedIn", "Place/江西省", None, None)} <= facts
    # 组织 of 工会组织 is the bodies, not a verb that carries the programme out
    doc = document_of("江西省各级工会组织要学习“春雨助学行动”的经验。")
    place = mention(doc, "江西省", "Place")
    first = mention(doc, "“春雨助学行动”", "Programme", key="春雨助学行动")
    assert by_sentence_rule(located, doc, [place, first]) == set()


def test_an_event_is_held_where_it_goes_or_where_its_body_goes_to_hold_it():
    doc = document_of("春风普法示范活动走进湘潭县花石镇。县妇联深入射埠镇启动护苗读书月活动。")
    county, town = mention(doc, "湘潭县", "Place"), mention(doc, "花石镇", "Place")
    first = mention(doc, "春风普法示范活动", "Programme")
    second_town = mention(doc, "射埠镇", "Place")
    second = mention(doc, "护苗读书月活动", "Programme")
    facts = by_sentence_rule(located, doc, [county, town, first, second_town, second])
    assert ("Programme/春风普法示范活动", "locatedIn", "Place/湘潭县", None, None) in facts
    assert ("Programme/春风普法示范活动", "locatedIn", "Place/花石镇", None, None) in facts
    assert ("Programme/护苗读书月活动", "locatedIn", "Place/射埠镇", None, None) in facts


def test_a_titled_plan_that_quotes_a_programme_the_page_names_is_part_of_it():
    doc = document_of("县妇联开展“护苗读书月”活动。会上宣读了《关于开展“护苗读书月”活动的实施方案》。")
    programme = mention(doc, "护苗读书月", "Programme")
    plan = mention(doc, "《关于开展“护苗读书月”活动的实施方案》", "Programme",
                   key="关于开展护苗读书月活动的实施方案")
    assert by_document_rule(plans_of_programmes, doc, [programme, plan]) == {
        ("Programme/关于开展护苗读书月活动的实施方案", "partOf", "Programme/护苗读书月", None, None)}
    # a titled report is no plan
    report = mention(doc, "《关于开展“护苗读书月”活动的实施方案》", "Programme",
                     key="关于开展护苗读书月活动的报告")
    assert by_document_rule(plans_of_programmes, doc, [programme, report]) == set()


def test_an_event_is_held_where_a_later_clause_of_its_sentence_says():
    doc = document_of("青禾县第五次妇女代表大会圆满完成各项任务，今天在湘潭胜利闭幕。")
    place = mention(doc, "湘潭", "Place", key="湘潭市")
    congress = mention(doc, "青禾县第五次妇女代表大会", "Programme")
    assert ("Programme/青禾县第五次妇女代表大会", "locatedIn", "Place/湘潭市", None, None) \
        in by_sentence_rule(located, doc, [congress, place])
    # not when the later clause names another event
    doc = document_of("青禾县妇女代表大会圆满完成各项任务，今天在湘潭举办护苗读书月活动。")
    place = mention(doc, "湘潭", "Place", key="湘潭市")
    congress = mention(doc, "青禾县妇女代表大会", "Programme")
    other = mention(doc, "护苗读书月活动", "Programme")
    assert ("Programme/青禾县妇女代表大会", "locatedIn", "Place/湘潭市", None, None) \
        not in by_sentence_rule(located, doc, [congress, place, other])
