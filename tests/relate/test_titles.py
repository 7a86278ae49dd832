"""Post titles as relate reads them (relate/titles.py): the spans extract handed on
(``Document.marks.posts``), read as chains with rank and deputy prefixes."""
from dataclasses import replace

from kg.model import Marks
from kg.relate.posts import posts_held
from kg.relate.titles import PostTitles

from .relating import by_sentence_rule, document_of, mention


def test_a_chain_joins_titles_with_their_prefixes():
    doc = document_of("县妇联党组书记、常务副主席兼秘书长苏晚晴出席。")
    titles, text = PostTitles.of(doc), doc.text
    start, name = text.index("常务"), text.index("苏晚晴")
    assert titles.end(start) == name
    # read up to twelve characters back: 党组|书记、常务副主席兼秘书长
    assert titles.before(0, name) == "书记、常务副主席兼秘书长"
    assert titles.chain(text.index("党组"), text.index("兼"))
    # a joiner needs a title after it, and a unit's name is no title
    assert not titles.chain(start, text.index("秘书长"))
    assert not titles.chain(0, name)


def test_an_open_chain_allows_words_of_an_unnamed_unit_before_a_title_head():
    doc = document_of("青禾公司政工科科员林知夏出席。")
    titles, text = PostTitles.of(doc), doc.text
    start, name = text.index("政工科"), text.index("林知夏")
    assert titles.chain(start, name, open_ended=True)
    assert not titles.chain(start, name)


def test_titles_inside_a_span_and_reporters_titles():
    doc = document_of("晨光日报记者 周望舒 报道。她曾任主任。")
    titles, text = PostTitles.of(doc), doc.text
    reporter = text.index("记者")
    assert titles.byline(reporter, reporter + 2)
    assert titles.within(text.index("曾任"), len(text))
    assert not titles.within(0, reporter)
    assert not titles.byline(text.index("主任"), text.index("主任") + 2)


def test_relate_reads_the_post_titles_extract_handed_on():
    doc = document_of("青禾公司执行董事李秋实出席会议。")
    unit, person = mention(doc, "青禾公司", "Organisation"), mention(doc, "李秋实", "Person")
    assert by_sentence_rule(posts_held, doc, [unit, person]) == {
        ("Person/李秋实", "holdsPost", "Organisation/青禾公司", "执行董事", None)}
    # without the spans of its titles, 执行董事 is no post: relate looks up no title itself
    bare = replace(doc, marks=Marks())
    assert by_sentence_rule(posts_held, bare, [unit, person]) == set()
