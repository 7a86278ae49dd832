"""holdsPost rules (relate/posts.py) on mentions made by hand."""
from kg.relate.congresses import elected_bodies
from kg.relate.posts import posts_held, profile_posts

from .relating import by_sentence_rule, document_of, mention


def test_a_unit_and_a_post_before_a_name():
    doc = document_of("县妇联主席李秋实出席会议。")
    unit, person = mention(doc, "县妇联", "Organisation"), mention(doc, "李秋实", "Person")
    assert by_sentence_rule(posts_held, doc, [unit, person]) == {
        ("Person/李秋实", "holdsPost", "Organisation/县妇联", "主席", None)}
    # the rule reads the unit: without it the post is in no body
    assert by_sentence_rule(posts_held, doc, [person]) == set()


def test_a_government_post_after_a_party_post_is_not_the_party_committee_s():
    doc = document_of("县委副书记、县长林知夏出席会议。")
    committee, person = mention(doc, "县委", "Organisation"), mention(doc, "林知夏", "Person")
    government = mention(doc, "县长", "Organisation", key="县人民政府", cue="post")
    assert by_sentence_rule(posts_held, doc, [committee, government, person]) == {
        ("Person/林知夏", "holdsPost", "Organisation/县委", "副书记", None),
        ("Person/林知夏", "holdsPost", "Organisation/县人民政府", "县长", None)}
    # without the government's mention the whole chain is read as the committee's
    assert by_sentence_rule(posts_held, doc, [committee, person]) == {
        ("Person/林知夏", "holdsPost", "Organisation/县委", "副书记、县长", None)}


def test_the_party_group_a_list_line_names_holds_the_line_s_first_post():
    doc = document_of("青禾县妇联发布通知。青禾县妇联。\n党组书记、主席：林知夏\n")
    body = [mention(doc, "青禾县妇联", "Organisation"),
            mention(doc, "青禾县妇联", "Organisation", after="通知")]
    person = mention(doc, "林知夏", "Person")
    group = mention(doc, "党组", "Organisation", key="青禾县妇联党组", cue="organ")
    assert by_sentence_rule(posts_held, doc, [*body, group, person]) == {
        ("Person/林知夏", "holdsPost", "Organisation/青禾县妇联", "党组书记、主席", None),
        ("Person/林知夏", "holdsPost", "Organisation/青禾县妇联党组", "书记", None)}
    assert by_sentence_rule(posts_held, doc, [*body, person]) == {
        ("Person/林知夏", "holdsPost", "Organisation/青禾县妇联", "党组书记、主席", None)}


def test_a_department_named_in_a_committee_s_chain_holds_its_own_post():
    doc = document_of("县委常委、组织部长林知夏出席会议。")
    committee, person = mention(doc, "县委", "Organisation"), mention(doc, "林知夏", "Person")
    department = mention(doc, "组织部", "Organisation", key="县委组织部")
    facts = by_sentence_rule(posts_held, doc, [committee, department, person])
    assert {role for _, _, unit, role, _ in facts if unit == "Organisation/县委"} == {"常委"}


def test_every_name_of_a_list_holds_the_post_before_the_first():
    doc = document_of("青禾公司总经理林知夏、周望舒参加活动。")
    unit = mention(doc, "青禾公司", "Organisation")
    people = [mention(doc, "林知夏", "Person"), mention(doc, "周望舒", "Person")]
    assert by_sentence_rule(posts_held, doc, [unit, *people]) == {
        (f"Person/{name}", "holdsPost", "Organisation/青禾公司", "总经理", None)
        for name in ("林知夏", "周望舒")}


def test_a_profile_gives_party_membership_and_the_posts_after_xianren():
    doc = document_of("林知夏，女，汉族，中共党员，现任青禾公司总经理。")
    mentions = [mention(doc, "林知夏", "Person"),
                mention(doc, "中共", "Organisation", key="中国共产党"),
                mention(doc, "青禾公司", "Organisation")]
    assert by_sentence_rule(profile_posts, doc, mentions) == {
        ("Person/林知夏", "holdsPost", "Organisation/中国共产党", "党员", None),
        ("Person/林知夏", "holdsPost", "Organisation/青禾公司", "总经理", None)}


def test_the_posts_of_elections_after_a_congress_are_in_the_body_it_elected():
    doc = document_of("年会选举产生了青禾县书法协会第三届理事会。孟秋禾当选会长，"
                      "齐远山、白若溪(增补)全票当选副会长。")
    body = mention(doc, "青禾县书法协会", "Organisation")
    council = mention(doc, "青禾县书法协会第三届理事会", "Organisation")
    people = [mention(doc, name, "Person") for name in ("孟秋禾", "齐远山", "白若溪")]
    expected = {("Person/孟秋禾", "holdsPost", "Organisation/青禾县书法协会", "会长", None)} | {
        (f"Person/{name}", "holdsPost", "Organisation/青禾县书法协会", "副会长", None)
        for name in ("齐远山", "白若溪")}
    elections = (elected_bodies, posts_held)
    assert by_sentence_rule(elections, doc, [body, council, *people]) == expected
    # the rule reads the body the congress elected: without it the posts are in none
    assert by_sentence_rule(posts_held, doc, [body, council, *people]) == set()
    assert by_sentence_rule(elections, doc, people) == set()


def test_a_note_on_the_last_name_of_a_list_stands_before_the_post():
    doc = document_of("青禾县书法协会选举齐远山、白若溪(女)为副会长。")
    body = mention(doc, "青禾县书法协会", "Organisation")
    people = [mention(doc, name, "Person") for name in ("齐远山", "白若溪")]
    assert by_sentence_rule(posts_held, doc, [body, *people]) == {
        (f"Person/{name}", "holdsPost", "Organisation/青禾县书法协会", "副会长", None)
        for name in ("齐远山", "白若溪")}


def test_a_new_term_or_a_bare_body_word_after_an_election_is_the_body_elected_before():
    doc = document_of("年会选举产生了青禾县书法协会新一届理事会。孟秋禾当选为新一届协会会长。"
                      "远山公司经理齐远山当选为新一届理事。")
    body = mention(doc, "青禾县书法协会", "Organisation")
    company = mention(doc, "远山公司", "Organisation")
    people = [mention(doc, "孟秋禾", "Person"), mention(doc, "齐远山", "Person")]
    assert by_sentence_rule((elected_bodies, posts_held), doc, [body, company, *people]) == {
        ("Person/孟秋禾", "holdsPost", "Organisation/青禾县书法协会", "会长", None),
        ("Person/齐远山", "holdsPost", "Organisation/远山公司", "经理", None),
        ("Person/齐远山", "holdsPost", "Organisation/青禾县书法协会", "理事", None)}


def test_the_leaders_framed_by_yi_and_wei_hold_their_posts_in_the_body_after_de():
    doc = document_of("会议产生了以孟秋禾为会长，齐远山、白若溪(女)为副会长以及林知夏为秘书长的"
                      "青禾县书法协会新一届理事会。")
    body = mention(doc, "青禾县书法协会", "Organisation")
    people = [mention(doc, name, "Person") for name in ("孟秋禾", "齐远山", "白若溪", "林知夏")]
    roles = {"孟秋禾": "会长", "齐远山": "副会长", "白若溪": "副会长", "林知夏": "秘书长"}
    assert by_sentence_rule(posts_held, doc, [body, *people]) == {
        (f"Person/{name}", "holdsPost", "Organisation/青禾县书法协会", role, None)
        for name, role in roles.items()}
    # the rule reads the body after 的: without it the frame gives no post
    assert by_sentence_rule(posts_held, doc, people) == set()


def test_a_seat_on_an_organ_and_a_later_clause_without_a_name_are_the_same_person_s():
    doc = document_of("孟秋禾同志增补为书法协会三届理事，并全票当选为书法协会副会长。")
    body = mention(doc, "书法协会", "Organisation")
    council = mention(doc, "书法协会三届理事", "Organisation")
    later = mention(doc, "书法协会", "Organisation", after="当选为")
    person = mention(doc, "孟秋禾", "Person")
    assert by_sentence_rule(posts_held, doc, [person, council, body, later]) == {
        ("Person/孟秋禾", "holdsPost", "Organisation/书法协会", "理事", None),
        ("Person/孟秋禾", "holdsPost", "Organisation/书法协会", "副会长", None)}


def test_an_honorary_post_conferred_as_a_post_is_held_in_the_body():
    doc = document_of("孟秋禾被授予书法协会名誉会长职务，林知夏、白若溪等3人被授予书法协会荣誉委员职务。")
    bodies = [mention(doc, "书法协会", "Organisation"),
              mention(doc, "书法协会", "Organisation", after="等3人")]
    people = [mention(doc, name, "Person") for name in ("孟秋禾", "林知夏", "白若溪")]
    roles = {"孟秋禾": "名誉会长", "林知夏": "荣誉委员", "白若溪": "荣誉委员"}
    assert by_sentence_rule(posts_held, doc, [*bodies, *people]) == {
        (f"Person/{name}", "holdsPost", "Organisation/书法协会", role, None)
        for name, role in roles.items()}


def test_names_linked_to_a_post_by_haiyou_or_fenbieshi_hold_it():
    doc = document_of("书法协会年会选出的副会长还有孟秋禾、林知夏。")
    body = mention(doc, "书法协会", "Organisation")
    people = [mention(doc, name, "Person") for name in ("孟秋禾", "林知夏")]
    assert by_sentence_rule(posts_held, doc, [body, *people]) == {
        (f"Person/{name}", "holdsPost", "Organisation/书法协会", "副会长", None)
        for name in ("孟秋禾", "林知夏")}


def test_a_bare_body_word_before_a_post_is_the_document_s_own_body_of_that_kind():
    doc = document_of("青禾村妇联召开会议。会议由现任妇联主席孟秋禾主持。青禾村妇联成员参加。")
    own = [mention(doc, "青禾村妇联", "Organisation", key="青禾村妇女联合会"),
           mention(doc, "青禾村妇联", "Organisation", key="青禾村妇女联合会", after="主持")]
    person = mention(doc, "孟秋禾", "Person")
    assert by_sentence_rule(posts_held, doc, [*own, person]) == {
        ("Person/孟秋禾", "holdsPost", "Organisation/青禾村妇女联合会", "主席", None)}
    # a body of another kind (科协主席) is not the page's federation
    doc = document_of("青禾村妇联召开会议。会议由现任科协主席孟秋禾主持。青禾村妇联成员参加。")
    own = [mention(doc, "青禾村妇联", "Organisation", key="青禾村妇女联合会"),
           mention(doc, "青禾村妇联", "Organisation", key="青禾村妇女联合会", after="主持")]
    assert by_sentence_rule(posts_held, doc, [*own, mention(doc, "孟秋禾", "Person")]) == set()


def test_a_bare_body_word_before_a_post_is_the_document_s_own_body_of_that_kind():
    from dataclasses import replace

    doc = document_of("青禾村妇联召开会议。青禾村妇联组织活动。会议由现任妇联主席林知夏主持。")
    own = "青禾村妇女联合会"
    mentions = [mention(doc, "青禾村妇联", "Organisation", key=own),
                mention(doc, "青禾村妇联", "Organisation", key=own, after="会议"),
                mention(doc, "林知夏", "Person")]
    assert by_sentence_rule(posts_held, doc, mentions) == {
        ("Person/林知夏", "holdsPost", f"Organisation/{own}", "主席", None)}
    # the rule reads the bodies' words extract handed on (Marks.suffixes)
    bare = replace(doc, marks=replace(doc.marks, suffixes=()))
    assert by_sentence_rule(posts_held, bare, mentions) == set()
