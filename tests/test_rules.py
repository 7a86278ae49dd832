"""Rule files: loaded and checked once; a bad line is reported with file and line."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg import pipeline
from kg.cli import main
from kg.rules import SCHEMAS, Lexicon, load_rules, parse_table

RULES = Path(__file__).parents[1] / "src" / "kg" / "rules"
EVAL = Path(__file__).parents[2] / "shared" / "eval"
GOLD_FOLDERS = [EVAL / "gold", EVAL / "dev2" / "gold"]


def test_bad_rule_line_names_file_and_line():
    with pytest.raises(RuleError) as caught:
        parse_table("# header\n主席\tchair\n书记\n", "rules/posts.tsv", ("post", "comment"))
    assert str(caught.value).startswith("rules/posts.tsv:3:")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_rule_file_loads_with_the_columns_its_header_names(name):
    rows = load_rules().table(name)
    assert rows and all(len(row.cells) == len(SCHEMAS[name].columns) for row in rows)
    header = next(line for line in (RULES / name).read_text(encoding="utf-8").splitlines()
                  if line.startswith("# Columns"))
    named = [part.split()[0] for part in header.split(":", 1)[1].split("<TAB>") if part.strip()]
    assert tuple(named) == SCHEMAS[name].columns[:len(named)]


#: One bad row per table, with the start of the message it must give.
BAD_ROWS = {
    "boundaries.tsv": ("和\tsometimes\t", "column 2 must be one of any, first, never"),
    "congresses.tsv": ("妇女\t妇联\t\t", "column 2 is not in the form"),
    "honours.tsv": ("红旗手\tmedal\tyes\t", "column 2 must be one of award, list, title"),
    "levels.tsv": ("全国\torg,world\t\t", "column 2 may list only honour, local, org, not 'world'"),
    "org_known.tsv": ("\t国务院\t", "first column is empty"),
    "org_suffixes.tsv": ("妇联\t妇女联合会\tbody\tsometimes\t", "column 4 must be one of anchor, any"),
    "patterns.tsv": ("Company\t.+公司\t\t", "column 1 must be one of Honour, Organisation"),
    "person_cues.tsv": ("同志\tbehind\t", "column 2 must be one of after, before, role"),
    "places.tsv": ("15000\t内蒙古自治区\tprovince\t\t内蒙古", "column 1 is not in the form"),
    "places_former.tsv": ("350822\t永定县\tcounty\t\t永定", "column 4 is not in the form"),
    "posts.tsv": ("主席\tboss\t", "column 2 must be one of , byline"),
    "programme_stop.tsv": ("(未闭合\tregex\t", "column 1 is not a valid regular expression"),
    "programme_words.tsv": ("工程\tnamed\t", "column 2 must be one of name, quote, short"),
    "regions.tsv": ("火星\tplanet\t\t\t", "column 2 must be one of basin, city, continent"),
    "relation_triggers.tsv": ("hosts\t主办\t\t", "column 1 must be one of awarded, holdsPost"),
    "sites.tsv": ("广场\tsquare\t", "column 2 must be one of site, zone"),
    "surnames.tsv": ("王\t\textra\tcells", "expected 2-2 tab-separated columns"),
    "transliteration.tsv": ("\t注释", "first column is empty"),
    "words.tsv": ("series_heads\t行动||工程\t", "column 2 is not in the form"),
}


def test_every_rule_table_has_a_schema_and_a_bad_row_case():
    names = {path.name for path in RULES.glob("*.tsv")}
    assert names == set(SCHEMAS) == set(BAD_ROWS)


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_a_bad_value_names_file_and_line_and_exits_2(name, tmp_path, capsys):
    """kg build with a rule folder whose table holds the bad row: ``rules/FILE:LINE: …``, exit 2,
    nothing written (the table is checked when the rules load, before any document is read)."""
    line, message = BAD_ROWS[name]
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / name).write_text(f"# header\n{line}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("湖南省妇联召开会议。", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(out), "--rules", str(folder)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"kg: error: {folder}/{name}:2: {message}")
    assert error.count("\n") == 1 and "Traceback" not in error and not out.exists()


def test_a_bad_rule_row_is_a_user_error_with_exit_2(tmp_path):
    """kg build with a packaged table that holds a bad value: one line naming file and line,
    exit 2, no traceback (run in a fresh process, since loaded rules are cached)."""
    rules = tmp_path / "kg" / "rules"
    shutil.copytree(RULES, rules)
    with (rules / "boundaries.tsv").open("a", encoding="utf-8") as handle:
        handle.write("和\tsometimes\tbad\n")
    bad_line = len((rules / "boundaries.tsv").read_text(encoding="utf-8").splitlines())
    (tmp_path / "a.txt").write_text("湖南省妇联召开会议。", encoding="utf-8")
    script = ("import sys, importlib.resources as r, pathlib\n"
              "real = r.files\n"
              f"r.files = lambda p: pathlib.Path({str(tmp_path)!r}) / 'kg' if p == 'kg' else real(p)\n"
              "from kg.cli import main\n"
              f"sys.exit(main(['build', {str(tmp_path / 'a.txt')!r}, '-o', "
              f"{str(tmp_path / 'out')!r}]))\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 2
    assert f"rules/boundaries.tsv:{bad_line}: column 2 must be one of" in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "out" / "kg.ttl").exists()


#: A text of our own whose honour only a user's extra title head finds.
LOCAL_TITLE = "2025年5月，湖南省妇联召开表彰会，授予赵一鸣同志湖南省巧手达人称号。"


def _honours(graph) -> set[str]:
    return {entity.name for entity in graph.entities if entity.type == "Honour"}


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(LOCAL_TITLE, encoding="utf-8")
    return path


@pytest.fixture
def own_rules(tmp_path) -> Path:
    """A user's rule folder with one table of its own (the others fall back)."""
    folder = tmp_path / "my_rules"
    folder.mkdir()
    (folder / "honours.tsv").write_text("# Columns: head <TAB> kind <TAB> alone <TAB> comment\n"
                                        "达人\ttitle\tyes\ta local title\n", encoding="utf-8")
    return folder


def test_a_users_rule_folder_replaces_its_tables_and_falls_back_for_the_others(report,
                                                                             own_rules):
    packaged = pipeline.build([report])
    own = pipeline.build([report], rules=own_rules)
    assert "湖南省巧手达人" in _honours(own) - _honours(packaged)
    # the other tables are the packaged ones: the federation and the person are still read
    assert {e.name for e in packaged.entities} - _honours(packaged) \
        <= {e.name for e in own.entities}
    assert _honours(pipeline.build([report])) == _honours(packaged)  # nothing left behind
    rules = load_rules(own_rules)
    assert rules.own_tables() == ["honours.tsv"] and rules.digest != load_rules().digest


def test_the_document_cache_is_not_shared_between_rule_sets(report, own_rules, tmp_path):
    cache = tmp_path / "cache"
    first = pipeline.build([report], cache=cache)
    second = pipeline.build([report], cache=cache, rules=own_rules)
    assert _honours(second) != _honours(first)


def test_kg_build_with_rules_in_worker_processes(report, own_rules, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("市妇联主席李秀梅出席会议。", encoding="utf-8")
    one = pipeline.build([report, other], rules=own_rules)
    two = pipeline.build([report, other], rules=own_rules, jobs=2)
    assert _honours(two) == _honours(one) and "湖南省巧手达人" in _honours(two)


@pytest.mark.parametrize("content, message", [
    ("达人\tprize\tyes\t\n", "honours.tsv:1: column 2 must be one of award, list, title"),
    ("达人\n", "honours.tsv:1: expected 4-4 tab-separated columns, found 1"),
])
def test_a_bad_row_in_a_users_rules_names_their_file_and_line(report, own_rules, tmp_path,
                                                              capsys, content, message):
    (own_rules / "honours.tsv").write_text(content, encoding="utf-8")
    assert main(["build", str(report), "-o", str(tmp_path / "out"), "--rules",
                 str(own_rules)]) == 2
    assert f"{own_rules}/{message}" in capsys.readouterr().err
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_an_unknown_table_or_folder_is_a_user_error(report, own_rules, tmp_path, capsys):
    (own_rules / "honors.tsv").write_text("达人\ttitle\tyes\t\n", encoding="utf-8")
    assert main(["eval", str(report), "--gold", str(tmp_path), "--rules", str(own_rules)]) == 2
    assert "honors.tsv: not a kg rule table" in capsys.readouterr().err
    assert main(["rules", str(tmp_path / "missing")]) == 2
    assert "not a folder of rule tables" in capsys.readouterr().err


def test_a_word_list_missing_from_a_users_table_is_named(report, own_rules, tmp_path, capsys):
    (own_rules / "words.tsv").write_text("series_heads\t行动|工程\t\n", encoding="utf-8")
    assert main(["build", str(report), "-o", str(tmp_path / "out"), "--rules",
                 str(own_rules)]) == 2
    assert f"{own_rules}/words.tsv: no word list " in capsys.readouterr().err


def test_kg_rules_copies_the_packaged_tables_and_checks_a_folder(tmp_path, capsys):
    folder = tmp_path / "copy"
    assert main(["rules", "--copy", str(folder)]) == 0
    assert sorted(p.name for p in folder.glob("*.tsv")) == sorted(SCHEMAS)
    capsys.readouterr()
    assert main(["rules", str(folder)]) == 0
    listing = capsys.readouterr().out
    assert f"{folder.resolve() / 'posts.tsv'}" in listing
    assert load_rules(folder).digest == load_rules().digest  # a copy reads the same
    assert main(["rules", "--copy", str(folder)]) == 2       # never over a user's tables


def test_lexicon_finds_overlapping_forms():
    lexicon = Lexicon([("赤峰", "a"), ("赤峰市", "b"), ("宁城县", "c")])
    assert [(s, e) for s, e, _ in lexicon.find("赤峰市宁城县")] == [(0, 2), (0, 3), (3, 6)]


def test_lexicon_positions_are_characters_of_the_text():
    # (a character outside the basic plane before a form, a span given: positions stay the
    # text's, as str indexes)
    lexicon = Lexicon([("赤峰", "a"), ("𠀋城", "b")])
    text = "😀甲𠀋城赤峰。赤峰"
    assert [(text[s:e], p) for s, e, p in lexicon.find(text, 2)] == \
        [("𠀋城", ("b",)), ("赤峰", ("a",)), ("赤峰", ("a",))]
    assert [(s, e) for s, e, _ in lexicon.find(text, 5, 9)] == [(7, 9)]  # 赤|峰 crosses 5


def _rule_terms_and_notes() -> tuple[set[str], str]:
    """The first column of every rule row, and all other text (headers, notes, examples)."""
    terms, notes = set(), []
    for path in RULES.glob("*.tsv"):
        if path.name in ("places.tsv", "places_former.tsv"):  # generated division data
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            term, _, rest = line.partition("\t")
            if line.startswith("#"):
                notes.append(line)
            else:
                terms.add(term)
                notes.append(rest)
    return terms, "\n".join(notes)


@pytest.mark.parametrize("gold", GOLD_FOLDERS, ids=["seeds", "dev2"])
def test_no_person_or_programme_name_of_the_gold_is_in_the_rules(gold):
    """A gold name may sit inside a longer general term (巾帼建功 in the national title
    巾帼建功标兵) but is never a rule term itself nor quoted in a note or example."""
    if not gold.is_dir():
        pytest.skip("the development gold lives outside the project")
    terms, notes = _rule_terms_and_notes()
    names = set()
    for path in gold.glob("*.json"):
        for entity in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            if entity["type"] in ("Person", "Programme") and len(entity["name"]) >= 3:
                names.add(entity["name"])
    assert not [n for n in names if n in terms or n in notes]
