"""Rule files: loaded and checked once; a bad line is reported with file and line."""
import json
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.rules import Lexicon, parse_table, table

RULES = Path(__file__).parents[1] / "src" / "kg" / "rules"
GOLD = Path(__file__).parents[2] / "shared" / "eval" / "gold"


def test_bad_rule_line_names_file_and_line():
    with pytest.raises(RuleError) as caught:
        parse_table("# header\n主席\tchair\n书记\n", "rules/posts.tsv", 2)
    assert str(caught.value).startswith("rules/posts.tsv:3:")


@pytest.mark.parametrize("name, columns", [
    ("org_suffixes.tsv", 5), ("org_known.tsv", 3), ("programme_words.tsv", 3),
    ("honours.tsv", 4), ("posts.tsv", 3), ("surnames.tsv", 2), ("boundaries.tsv", 3),
    ("relation_triggers.tsv", 4), ("patterns.tsv", 4), ("programme_stop.tsv", 3),
    ("person_cues.tsv", 3), ("levels.tsv", 4), ("transliteration.tsv", 2),
])
def test_every_rule_file_loads(name, columns):
    assert len(table(name, columns)) > 0


def test_lexicon_finds_overlapping_forms():
    lexicon = Lexicon([("赤峰", "a"), ("赤峰市", "b"), ("宁城县", "c")])
    assert [(s, e) for s, e, _ in lexicon.find("赤峰市宁城县")] == [(0, 2), (0, 3), (3, 6)]


@pytest.mark.skipif(not GOLD.is_dir(), reason="the dev gold lives outside the project")
def test_no_person_or_programme_name_of_the_gold_is_in_the_rules():
    rules_text = "\n".join(p.read_text(encoding="utf-8") for p in RULES.glob("*.tsv")
                           if p.name != "places.tsv")
    names = set()
    for path in GOLD.glob("*.json"):
        for entity in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            if entity["type"] in ("Person", "Programme") and len(entity["name"]) >= 3:
                names.add(entity["name"])
    assert not [n for n in names if n in rules_text]
