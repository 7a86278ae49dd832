"""kg eval: scoring against a small hand-made gold (not the seeds' gold)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import pipeline
from kg.cli import main
from kg.evaluate import evaluate, load_gold


def write_case(tmp_path):
    docs = tmp_path / "docs"
    gold = tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "a.txt").write_text("湖南省妇联主席李梅出席会议。湖南省。", encoding="utf-8")
    (gold / "a.json").write_text(json.dumps({
        "doc": "a.txt",
        "entities": [
            {"type": "Organisation", "name": "湖南省妇女联合会", "aliases": ["省妇联"]},
            {"type": "Person", "name": "李梅"},
            {"type": "Place", "name": "湖南省"},
            {"type": "Honour", "name": "三八红旗手"},
        ],
        "relations": [{"subject": "李梅", "predicate": "holdsPost",
                       "object": "湖南省妇女联合会", "role": "主席"}],
    }, ensure_ascii=False), encoding="utf-8")
    return docs, gold


def test_scores_and_misses(tmp_path):
    docs, gold = write_case(tmp_path)
    report, misses = evaluate(pipeline.build([docs]), load_gold(gold))
    assert report["entities"]["Person"]["f1"] == 1.0
    assert report["entities"]["Honour"]["recall"] == 0.0
    assert "Honour\t三八红旗手" in misses["missed_entities"]
    assert report["relations"]["holdsPost"]["tp"] == 1


def test_cli_eval(tmp_path, capsys):
    docs, gold = write_case(tmp_path)
    assert main(["eval", str(docs), "--gold", str(gold), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "holdsPost" in out and "## missed_entities (1)" in out


def test_cli_eval_without_gold_files(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


@pytest.mark.parametrize("content, problem", [
    (b"{entities", "gold file is not valid JSON: Expecting property name enclosed in double "
                   "quotes (line 1, column 2)"),
    (b"\xff\xfe{}", "gold file is not UTF-8 (byte offset 0)"),
    (b"[]", 'not a gold annotation file: expected an object with "entities" and '
            '"relations", found list'),
    (b'{"entities": []}', 'not a gold annotation file: "relations" must be a list'),
    (b'{"entities": [{"name": 5, "type": "Person"}], "relations": []}',
     'not a gold annotation file: entity 1 needs a "name" and a "type" (strings)'),
    ('{"entities": [{"name": "李梅", "type": "Person", "aliases": "梅"}], "relations": []}'
     .encode(), 'not a gold annotation file: entity 1 (李梅): "aliases" must be a list of strings'),
    ('{"entities": [{"name": "李梅", "type": "Person"}], "relations": [{"subject": "李梅", '
     '"predicate": "holdsPost", "object": "湖南省妇联"}]}'.encode(),
     "not a gold annotation file: relation 1: object '湖南省妇联' is no entity of the file"),
])
def test_malformed_gold_file_is_named_with_what_is_wrong(tmp_path, capsys, content, problem):
    docs, gold = write_case(tmp_path)
    (gold / "a.json").write_bytes(content)
    assert main(["eval", str(docs), "--gold", str(gold)]) == 2
    assert capsys.readouterr().err == f"kg: error: {gold / 'a.json'}: {problem}\n"


def test_gold_file_with_a_byte_order_mark_is_read(tmp_path, capsys):
    docs, gold = write_case(tmp_path)
    (gold / "a.json").write_bytes(b"\xef\xbb\xbf" + (gold / "a.json").read_bytes())
    assert main(["eval", str(docs), "--gold", str(gold)]) == 0


@pytest.mark.parametrize("per_document", [[], ["--per-document"]])
def test_an_unreadable_document_is_skipped_and_listed_the_others_scored(tmp_path, capsys,
                                                                        per_document):
    docs, gold = write_case(tmp_path)
    (docs / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (gold / "b.json").write_text('{"entities": [], "relations": []}', encoding="utf-8")
    assert main(["eval", str(docs), "--gold", str(gold), *per_document]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "kg: warning: 1 file(s) skipped, 0 problem(s) repaired:",
        f"kg: warning: {docs / 'b.txt'}: binary file, not text (NUL bytes or a known binary "
        "signature) (skipped)"]
    assert out.splitlines()[1].startswith("Organisation")


SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.mark.skipif(not (SHARED / "score.py").is_file(), reason="the dev gold lives outside the project")
def test_kg_eval_agrees_with_the_shared_scorer(tmp_path):
    from kg import rdf

    graph = pipeline.build()
    ttl = tmp_path / "kg.ttl"
    ttl.write_text(rdf.to_turtle(graph), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), str(ttl), "--gold",
                          str(SHARED / "gold"), "--json", str(tmp_path / "s.json")],
                         capture_output=True, text=True, check=True)
    assert out.returncode == 0
    theirs = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["report"]
    ours, _ = evaluate(graph, load_gold(SHARED / "gold"))
    for part in ("entities", "relations"):
        for key, row in theirs[part].items():
            assert abs(row["f1"] - ours[part][key]["f1"]) <= 0.01, (part, key)


def write_two_regions(tmp_path):
    """Two reports whose 省妇联 is a different body: merged gold would be wrong for both."""
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    for stem, province, person in (("hn", "湖南省", "李梅"), ("zj", "浙江省", "张华")):
        (docs / f"{stem}.txt").write_text(f"{province}妇联召开会议。省妇联主席{person}讲话。",
                                          encoding="utf-8")
        (gold / f"{stem}.json").write_text(json.dumps({
            "doc": f"{stem}.txt",
            "entities": [
                {"type": "Organisation", "name": f"{province}妇女联合会", "aliases": ["省妇联"]},
                {"type": "Person", "name": person},
                {"type": "Place", "name": province},
            ],
            "relations": [{"subject": person, "predicate": "holdsPost",
                           "object": f"{province}妇女联合会", "role": "主席"}],
        }, ensure_ascii=False), encoding="utf-8")
    (docs / "unscored.txt").write_text("广西壮族自治区妇联。", encoding="utf-8")
    return docs, gold


def test_per_document_scores_each_document_against_its_own_gold(tmp_path, capsys):
    docs, gold = write_two_regions(tmp_path)
    assert main(["eval", str(docs), "--gold", str(gold), "--per-document", "--misses"]) == 0
    captured = capsys.readouterr()
    assert "unscored.txt: no gold file unscored.json, not scored" in captured.err
    holds_post = next(line for line in captured.out.splitlines() if line.startswith("holdsPost"))
    assert holds_post.split()[1:] == ["1.000", "1.000", "1.000", "2", "2"]
    assert [line.split()[0] for line in captured.out.splitlines()
            if "entities" in line and "relations" in line] == ["hn", "zj"]
    assert "## missed_entities (0)" in captured.out


def test_per_document_without_any_matching_gold_is_a_user_error(tmp_path, capsys):
    docs, gold = write_two_regions(tmp_path)
    for path in gold.glob("*.json"):
        path.rename(path.with_name("other_" + path.name))
    assert main(["eval", str(docs), "--gold", str(gold), "--per-document"]) == 2
    assert "no gold file matches any of the 3 input documents" in capsys.readouterr().err


DEV2 = SHARED / "dev2"


@pytest.mark.slow
@pytest.mark.skipif(not (DEV2 / "gold").is_dir(), reason="dev2 lives outside the project")
def test_per_document_agrees_with_the_shared_per_document_scorer(tmp_path, capsys):
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([sys.executable, str(SHARED / "evaldocs.py"), "--docs", str(DEV2 / "docs"),
                    "--gold", str(DEV2 / "gold"), "--cmd", f"{kg} build {{inputs}} -o {{out}} --quiet",
                    "--json", str(tmp_path / "s.json")], capture_output=True, check=True)
    theirs = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["report"]
    assert main(["eval", str(DEV2 / "docs"), "--gold", str(DEV2 / "gold"), "--per-document"]) == 0
    blocks = capsys.readouterr().out.split("\n\n")[:2]
    for part, block in zip(("entities", "relations"), blocks):
        rows = {line.split()[0]: line.split()[1:] for line in block.splitlines()[-6:]}
        for key, row in theirs[part].items():
            assert rows[key][3:] == [str(row["system"]), str(row["gold"])], (part, key)
            assert abs(float(rows[key][2]) - row["f1"]) <= 0.01, (part, key)


def test_cli_eval_of_a_written_graph_gives_the_same_report(tmp_path, capsys):
    docs, gold = write_case(tmp_path)
    assert main(["eval", str(docs), "--gold", str(gold)]) == 0
    built = capsys.readouterr().out
    assert main(["build", str(docs), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    assert main(["eval", "--graph", str(tmp_path / "out" / "kg.ttl"), "--gold", str(gold)]) == 0
    assert capsys.readouterr().out == built
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.json").write_text((gold / "a.json").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    assert main(["eval", "--graph", str(tmp_path / "out" / "kg.ttl"), "--gold", str(other)]) == 2
    assert "no gold file matches any of the 1 documents" in capsys.readouterr().err
