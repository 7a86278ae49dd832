"""Hardening matrix: encodings, hostile names, huge and many inputs, determinism.

The 100 MB file, the 5 MB line through the whole pipeline and the 10,000 files carry the
``slow`` marker (CI runs them too).
"""
from __future__ import annotations

import codecs
import os
import pickle
import re
import shutil
import warnings
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED_FILES, seed_file, seed_text
from kg import pipeline, rdf
from kg.errors import InputError, InputWarning, RuleError
from kg.normalize import MAX_SENTENCE_CHARS, make_document, read_document
from kg.validate import validate


def _facts_and_entities(graph):
    """What a graph says, leaving out where in the file it was read.

    Offsets, and the line breaks inside names quoted from the original file, depend on the
    file's line endings.
    """
    entities = {(e.iri, e.type, e.name, e.aliases,
                 tuple("".join(alias.split()) for alias in e.original_aliases))
                for e in graph.entities}
    facts = {(f.subject, f.predicate, f.object, f.role, f.year,
              tuple(sorted(e.sentence for e in f.evidence))) for f in graph.facts}
    return entities, facts


def _place(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ encodings
def _mixed_line_endings(text: str) -> bytes:
    lines = text.split("\n")
    endings = ["\r\n", "\n", "\r"]   # never a lone "\r" before a "\n"
    return "".join(line + endings[i % 3] for i, line in enumerate(lines[:-1])).encode() + \
        lines[-1].encode()


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16-le BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16-le no BOM": lambda t: t.encode("utf-16-le"),
    "utf-32 BOM": lambda t: t.encode("utf-32"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
}


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_encoding_gives_the_same_text_and_graph_as_utf8(tmp_path, encoding, prefix):
    text = seed_text(prefix)
    name = seed_file(prefix).name
    reference = _place(tmp_path / "utf8", name, text.encode())
    encoded = _place(tmp_path / "encoded", name, ENCODINGS[encoding](text))
    assert read_document(encoded).text_original == text
    assert read_document(encoded).text == read_document(reference).text
    assert pipeline.build([encoded]).facts == pipeline.build([reference]).facts


def test_big5_traditional_seed_gives_the_same_graph(tmp_path):
    big5 = seed_text("004").encode("big5", errors="replace")   # pinyin letters are not Big5
    name = seed_file("004").name
    encoded = _place(tmp_path / "big5", name, big5)
    reference = _place(tmp_path / "utf8", name, big5.decode("big5").encode())
    document = read_document(encoded)
    assert document.encoding == "big5"
    assert document.text == read_document(reference).text
    assert "妇联" in document.text and "婦" not in document.text
    assert pipeline.build([encoded]).facts == pipeline.build([reference]).facts


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_mixed_line_endings_give_the_same_text_and_graph(tmp_path, prefix):
    text = seed_text(prefix)
    name = seed_file(prefix).name
    mixed = _place(tmp_path / "mixed", name, _mixed_line_endings(text))
    reference = _place(tmp_path / "utf8", name, text.encode())
    assert read_document(mixed).text == read_document(reference).text
    assert (_facts_and_entities(pipeline.build([mixed]))
            == _facts_and_entities(pipeline.build([reference])))


def test_encodings_are_reported():
    text = seed_text("000")
    reported = {name: make_document(encode(text), "x.txt").encoding
                for name, encode in ENCODINGS.items()}
    assert reported == {"utf-8": "utf-8", "utf-8 BOM": "utf-8-sig", "utf-16-le BOM": "utf-16",
                        "utf-16-be BOM": "utf-16", "utf-16-le no BOM": "utf-16",
                        "utf-32 BOM": "utf-32", "gb18030": "gb18030", "gbk": "gb18030"}


_BOMS = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                         codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE])


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300) | st.builds(bytes.__add__, _BOMS, st.binary(max_size=300))
       | st.text(max_size=100).map(lambda t: t.encode("gb18030")[:-1]))
def test_any_bytes_give_a_document_or_an_input_error(data):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            document = make_document(data, "any.txt")
        except InputError as error:
            assert error.path == "any.txt" and "\n" not in str(error)
        else:
            assert document.text.strip()
    assert all(isinstance(w.message, InputWarning) for w in caught)


@pytest.mark.parametrize("data, warning", [
    ("妇联".encode("utf-16") + b"\x00", "incomplete utf-16-le character at the end (byte "
                                        "offset 6) dropped"),
    ("妇联".encode("utf-8")[:-1], "incomplete utf-8 character at the end (byte offset 3) "
                                 "dropped"),
    (codecs.BOM_UTF8 + "妇联".encode() + b"\xff" + "主席".encode(),
     "1 corrupt utf-8 byte sequence(s) replaced by U+FFFD at byte offset(s) 9"),
])
def test_repairs_are_reported_with_byte_offsets(data, warning):
    with pytest.warns(InputWarning) as caught:
        make_document(data, "cut.txt")
    assert [str(w.message) for w in caught] == [f"cut.txt: {warning}"]


# ------------------------------------------------------------------ hostile names
HOSTILE = ['"', "\\", ">", "<", "\n", "\t", "</script>", "😀", "\u200b", "\u202e", "\u200f",
           "\x07", "\x1b[31m", "'''", '"""', "@prefix x: <y> .", "\u2028", "\ufffd"]


def test_hostile_names_reach_turtle_that_parses(tmp_path):
    text = "".join(f"自治区妇联主席{h}王芳{h}在呼和浩特市调研{h}。内蒙古自治区{h}妇女联合会授予"
                   f"{h}赵晶{h}全国三八红旗手称号。\n" for h in HOSTILE)
    path = _place(tmp_path / 'a"b<c>d\\e', "f'g 报告\t😀.txt", text.encode())
    graph = pipeline.build([path])
    assert graph.facts and graph.entities
    for entity in graph.entities:
        assert entity.name.isprintable() and not set(entity.name) & set("\u200b\u202e\u200f")
    parsed = rdflib.Graph().parse(data=rdf.to_turtle(graph), format="turtle")
    sentences = {str(o) for o in parsed.objects() if isinstance(o, rdflib.Literal)}
    assert any("</script>" in s for s in sentences)
    conforms, report = validate(parsed)
    assert conforms, report


def test_file_name_that_is_not_utf8_gives_valid_outputs(tmp_path, run_kg):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"\xff\xfe-\xb1\xa8\xb8\xe6.txt")      # 报告 in GBK, read as UTF-8
    (folder / name).write_bytes(seed_file("000").read_bytes())
    run = run_kg("build", folder, "-o", tmp_path / "out")
    assert run.status == 0, run.err
    turtle = (tmp_path / "out" / "kg.ttl").read_bytes().decode("utf-8")
    parsed = rdflib.Graph().parse(data=turtle, format="turtle")
    assert rdflib.Literal("\\xff\\xfe-\\xb1\\xa8\\xb8\\xe6") in set(parsed.objects())
    (tmp_path / "out" / "kg.html").read_bytes().decode("utf-8")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
               min_size=1, max_size=200)
       .map(lambda t: "自治区妇联主席王芳在呼和浩特市调研。" + t))       # NUL: a binary file
def test_any_text_gives_turtle_that_parses_and_conforms(tmp_path, text):
    path = _place(tmp_path, "doc.txt", text.encode())
    graph = pipeline.build([path], on_warning=lambda warning: None)
    parsed = rdflib.Graph().parse(data=rdf.to_turtle(graph), format="turtle")
    conforms, report = validate(parsed)
    assert conforms, report


#: Characters of the reports' kind and the hostile ones: controls, line separators, lone
#: surrogates (written to the file as UTF-8 would if it could: repaired as corrupt bytes).
_REPORT_CHARACTERS = st.sampled_from(list("自治区妇联主席王芳在呼和浩特市调研。、，“”《》（）"
                                          "全国三八红旗手授予称号第届委员会12 \n\t")
                                     + ["\x00", "\x1b", "\x7f", "\u2028", "\ufeff", "\ud800",
                                        "\udfff", "\U0002a6a5", "&amp;", "<p>", "<!--"])


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_REPORT_CHARACTERS, min_size=1, max_size=120).map("".join))
def test_any_text_gives_the_same_turtle_twice(tmp_path, text):
    data = ("内蒙古自治区妇联主席王芳在呼和浩特市调研。" + text).encode("utf-8", "surrogatepass")
    path = _place(tmp_path, "doc.txt", data)
    turtles = []
    for _ in range(2):
        try:
            graph = pipeline.build([path], on_warning=lambda warning: None)
        except InputError as error:     # too many corrupt bytes, NUL early: refused, named
            assert error.path == str(path) and "\n" not in str(error)
            return
        turtles.append(rdf.to_turtle(graph))
    assert turtles[0] == turtles[1]
    rdflib.Graph().parse(data=turtles[0], format="turtle")


# ------------------------------------------------------------------ sizes
def _five_megabyte_line() -> str:
    """The seeds' words without whitespace or punctuation, repeated to one 5 MB line."""
    words = re.sub(r"[\W_]", "", "".join(seed_text(p.name[:3]) for p in SEED_FILES))
    line = words * (5_000_000 // len(words.encode()) + 1)
    return line[:len(line.encode()[:5_000_000].decode("utf-8", errors="ignore"))]


def test_five_megabyte_line_without_punctuation_is_cut_into_sentences():
    line = _five_megabyte_line()
    document = make_document(line.encode(), "line.txt")
    assert len(line.encode()) > 4_999_990
    assert len(document.sentences) >= len(line) // MAX_SENTENCE_CHARS
    assert max(end - start for start, end in document.sentences) <= MAX_SENTENCE_CHARS
    assert "".join(document.text[s:e] for s, e in document.sentences) == document.text


@pytest.mark.slow
def test_five_megabyte_line_through_the_pipeline(tmp_path, run_kg):
    path = _place(tmp_path, "line.txt", _five_megabyte_line().encode())
    run = run_kg("build", path, "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert "documents read: 1" in run.out
    rdflib.Graph().parse(tmp_path / "out" / "kg.ttl", format="turtle")


@pytest.mark.slow
def test_hundred_megabyte_file_of_glued_copies_reads_as_one_copy(tmp_path, run_kg):
    corpus = "\n".join(seed_text(p.name[:3]) for p in SEED_FILES) + "\n"
    copies = 100_000_000 // len(corpus.encode()) + 1
    big = tmp_path / "big" / "corpus.txt"
    big.parent.mkdir()
    with open(big, "wb") as handle:
        for _ in range(copies):
            handle.write(corpus.encode())
    assert big.stat().st_size >= 100_000_000
    once = _place(tmp_path / "once", "corpus.txt", corpus.encode())
    run = run_kg("build", big, "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert "documents read: 1" in run.out
    assert pipeline.build([big]).facts == pipeline.build([once]).facts


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path, run_kg):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"第{i}号简报:自治区妇联主席王芳在呼和浩特市调研。\n",
                                             encoding="utf-8")
    run = run_kg("build", folder, "-o", tmp_path / "out")
    assert run.status == 0, run.err
    assert "documents read: 10000" in run.out
    parsed = rdflib.Graph().parse(tmp_path / "out" / "kg.ttl", format="turtle")
    assert len(set(parsed.subjects(rdflib.RDF.type, None))) > 10_000


# ------------------------------------------------------------------ determinism
ORDERS = {
    "sorted": [0, 1, 2, 3, 4],
    "reversed": [4, 3, 2, 1, 0],
    "shuffled": [2, 0, 4, 1, 3],
    "twice": [3, 1, 1, 4, 0, 2, 3],
}


def test_any_input_order_gives_byte_identical_turtle(tmp_path, run_kg):
    outputs = set()
    for label, order in ORDERS.items():
        run = run_kg("build", *[SEED_FILES[i] for i in order], "-o", tmp_path / label)
        assert run.status == 0, run.err
        outputs.add((tmp_path / label / "kg.ttl").read_bytes())
    run = run_kg("build", SEED_FILES[0].parent, "-o", tmp_path / "folder")
    outputs.add((tmp_path / "folder" / "kg.ttl").read_bytes())
    assert len(outputs) == 1


def test_file_list_does_not_depend_on_order_or_spelling(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEED_FILES[0].parent, copy)
    (tmp_path / "link.txt").symlink_to(copy / SEED_FILES[0].name)
    forward = pipeline.collect_paths([copy, tmp_path / "link.txt"])
    backward = pipeline.collect_paths([tmp_path / "link.txt", copy])
    assert forward == backward
    assert len(forward) == len(SEED_FILES)


@pytest.mark.parametrize("error", [
    InputError("a.txt", "not text"),
    InputWarning("b.txt", "repaired", skipped=True),
    RuleError("rules/posts.tsv", 3, "expected 2 columns"),
])
def test_errors_and_warnings_pickle_with_their_fields(error):
    # they travel back from worker processes of --jobs N
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), vars(copy)) == (type(error), str(error), vars(error))
