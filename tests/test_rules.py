"""Rule files: loaded and checked once; a bad line is reported with file and line."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.rules import SCHEMAS, Lexicon, check_row, parse_table, table

RULES = Path(__file__).parents[1] / "src" / "kg" / "rules"
EVAL = Path(__file__).parents[2] / "shared" / "eval"
GOLD_FOLDERS = [EVAL / "gold", EVAL / "dev2" / "gold"]


def test_bad_rule_line_names_file_and_line():
    with pytest.raises(RuleError) as caught:
        parse_table("# header\n主席\tchair\n书记\n", "rules/posts.tsv", 2)
    assert str(caught.value).startswith("rules/posts.tsv:3:")


#: The columns of each table (at most, and at least where trailing cells may be left out).
COLUMNS = {
    "org_suffixes.tsv": (5,), "org_known.tsv": (3,), "programme_words.tsv": (3,),
    "honours.tsv": (4,), "posts.tsv": (3,), "surnames.tsv": (2,), "boundaries.tsv": (3,),
    "relation_triggers.tsv": (4,), "patterns.tsv": (4,), "programme_stop.tsv": (3,),
    "person_cues.tsv": (3,), "levels.tsv": (4,), "transliteration.tsv": (2,), "sites.tsv": (3,),
    "places.tsv": (5, 3), "places_former.tsv": (5, 3), "regions.tsv": (5, 2),
}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_rule_file_loads(name):
    assert len(table(name, *COLUMNS[name])) > 0


#: One bad row per table, with the start of the message it must give.
BAD_ROWS = {
    "boundaries.tsv": ("和\tsometimes\t", "column 2 must be one of any, first, never"),
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
}


def test_every_rule_table_has_a_schema_and_a_bad_row_case():
    names = {path.name for path in RULES.glob("*.tsv")}
    assert names == set(SCHEMAS) == set(BAD_ROWS)


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_a_bad_value_names_file_and_line(name):
    line, message = BAD_ROWS[name]
    with pytest.raises(RuleError) as caught:
        for row in parse_table(f"# header\n{line}\n", f"rules/{name}", *COLUMNS[name]):
            check_row(row, SCHEMAS[name])
    assert str(caught.value).startswith(f"rules/{name}:2: {message}")


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


def test_lexicon_finds_overlapping_forms():
    lexicon = Lexicon([("赤峰", "a"), ("赤峰市", "b"), ("宁城县", "c")])
    assert [(s, e) for s, e, _ in lexicon.find("赤峰市宁城县")] == [(0, 2), (0, 3), (3, 6)]


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
