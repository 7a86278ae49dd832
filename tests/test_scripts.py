"""The analysis scripts (``scripts/*.py``) and the functions of ``kg.analysis`` behind them."""
from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg import InputError, analysis, rdf
from kg.vocab import entity_iri

from graph_samples import CHAIR, FEDERATION, PARTY_GROUP, sample_graph

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def script_main(name: str):
    """The ``main(argv)`` of ``scripts/<name>.py``."""
    return runpy.run_path(str(SCRIPTS / f"{name}.py"), run_name=f"script_{name}")["main"]


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPTS / args[0]), *args[1:]], capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


@pytest.fixture(scope="module")
def seeds_ttl(tmp_path_factory) -> str:
    """The seeds' graph as Turtle, built once (the scripts' default builds it on each run)."""
    path = tmp_path_factory.mktemp("seeds") / "kg.ttl"
    path.write_text(rdf.to_turtle(kg.build()), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "kg.ttl"
    path.write_text(rdf.to_turtle(sample_graph()), encoding="utf-8")
    return path


def column_starts(line: str, cells: list[str]) -> list[int]:
    """Display columns where each of ``cells`` starts in a rendered table line."""
    starts, position = [], 0
    for cell in cells:
        index = line.index(cell, position)
        starts.append(analysis.display_width(line[:index]))
        position = index + len(cell)
    return starts


# --- tables -------------------------------------------------------------------------------

def test_table_columns_line_up_by_display_width():
    table = analysis.format_table(["organisation", "person", "posts"],
                                  [[FEDERATION, CHAIR, "主席"], ["兴安盟人民医院", "于洋", "妇二科主任"],
                                   ["Hospital", "Yu", None]])
    header, rule, *rows = table.splitlines()
    assert column_starts(rows[0], [FEDERATION, CHAIR, "主席"]) == \
        column_starts(rows[1], ["兴安盟人民医院", "于洋", "妇二科主任"]) == \
        column_starts(header, ["organisation", "person", "posts"]) == [0, 24, 32]
    assert rows[2].endswith(analysis.MISSING)
    assert rule.split() == ["-" * 22, "-" * 6, "-" * 10]


# --- analyses on the sample graph ---------------------------------------------------------

def test_leadership_lists_posts_per_organisation_and_people_in_several():
    rows = analysis.posts(sample_graph())
    assert analysis.Post(FEDERATION, CHAIR, ("主席", "党组书记")) in rows
    assert analysis.Post(FEDERATION, "赵红军", ("副主席",)) in rows
    report = analysis.leadership_report(rows)
    several = report.split("People with posts in more than one organisation")[1]
    assert CHAIR in several and PARTY_GROUP in several and "于洋" not in several
    assert report.startswith("3 people hold posts in 3 organisations")


def test_honours_per_year_level_and_recipients():
    rows = analysis.awards(sample_graph())
    assert [(a.honour, a.level, a.year, a.recipient) for a in rows] == [
        ("自治区三八红旗手标兵", "provincial", "2022", "于洋"),
        ("人民楷模", "unspecified", None, "都贵玛")]
    per_year, per_honour = analysis.honours_report(rows).split("Recipients per honour")
    assert [line.split() for line in per_year.splitlines()[-3:-1]] == [
        ["2022", "provincial", "1", "1"], [analysis.MISSING, "unspecified", "1", "1"]]
    assert "于洋" in per_honour and "都贵玛" in per_honour


def test_centrality_of_organisations_and_people():
    rows = analysis.centrality(sample_graph())
    by_name = {row.label: row for row in rows}
    assert [r.label for r in rows if r.type == "Organisation"][0] == FEDERATION
    assert by_name[FEDERATION].degree == 4 and by_name[CHAIR].degree == 3
    assert by_name["于洋"].betweenness > 0 == by_name[CHAIR].betweenness  # 于洋 is a bridge
    people = [r.pagerank for r in rows if r.type == "Person"]
    assert people == sorted(people, reverse=True) and len(people) == 4
    assert {r.type for r in rows} == {"Organisation", "Person"}
    report = analysis.centrality_report(rows, top=1)
    assert len(report.splitlines()) == 2 + 2 and FEDERATION in report and "赵红军" not in report


def test_communities_cover_every_entity_and_are_reproducible():
    graph = sample_graph()
    found = analysis.communities(graph, seed=3)
    assert sorted(iri for group in found for iri in group) == sorted(e.iri for e in graph.entities)
    assert analysis.communities(graph, seed=3) == found
    chair, federation = entity_iri("Person", CHAIR), entity_iri("Organisation", FEDERATION)
    assert any(chair in group and federation in group for group in found)
    report = analysis.communities_report(graph, found)
    assert "Size distribution" in report and FEDERATION in report


def test_ego_graph_grows_with_the_radius():
    graph = sample_graph()
    centre = analysis.find_entity(graph, "王芳")
    near, distance = analysis.ego_graph(graph, centre, 1)
    assert sorted(e.name for e in near.entities) == sorted([CHAIR, FEDERATION, PARTY_GROUP])
    assert len(near.facts) == 4 and list(distance.values()) == [0, 1, 1]
    wider, _ = analysis.ego_graph(graph, centre, 2)
    assert "赵红军" in {e.name for e in wider.entities}
    assert "于洋" not in {e.name for e in wider.entities}
    assert {d.path[:3] for d in wider.documents} == {"001", "004"}


def test_find_entity_by_alias_part_and_its_errors():
    graph = sample_graph()
    assert analysis.find_entity(graph, "自治区妇联") == entity_iri("Organisation", FEDERATION)
    assert analysis.find_entity(graph, "人民医院") == entity_iri("Organisation", "兴安盟人民医院")
    with pytest.raises(InputError, match="no entity"):
        analysis.find_entity(graph, "李四")
    assert analysis.find_entity(graph, "兴安盟") == entity_iri("Place", "兴安盟")  # exact wins
    with pytest.raises(InputError, match="names 2 entities"):
        analysis.find_entity(graph, "妇女联合会")


# --- the scripts --------------------------------------------------------------------------

@pytest.mark.parametrize("script, expected", [
    ("centrality.py", "pagerank"), ("communities.py", "Size distribution"),
    ("honours_by_year.py", "Awards per year and level"),
    ("leadership.py", "People with posts in more than one organisation")])
def test_scripts_run_on_the_seeds(script, expected, seeds_ttl):
    done = run_script(script, seeds_ttl)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_output_cut_short_by_the_reader_is_no_traceback(seeds_ttl):
    reader_gone = subprocess.Popen([sys.executable, str(SCRIPTS / "communities.py"), seeds_ttl],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader_gone.stdout.close()
    _, err = reader_gone.communicate(timeout=600)
    assert (reader_gone.returncode, err) == (1, b"")


def test_negative_radius_is_a_usage_error(seeds_ttl):
    done = run_script("ego.py", CHAIR, seeds_ttl, "-k", "-1")
    assert done.returncode == 2 and "0 or more, not '-1'" in done.stderr


def test_ego_script_reports_an_unknown_name_in_one_line(seeds_ttl):
    done = run_script("ego.py", "不存在的名字", seeds_ttl)
    assert done.returncode == 2
    assert done.stderr.startswith("ego.py: error: 不存在的名字: no entity")
    assert done.stderr.count("\n") == 1


def test_leadership_script_on_a_graph_file(sample_ttl, capsys):
    assert script_main("leadership")([str(sample_ttl)]) == 0
    out = capsys.readouterr().out
    assert any(FEDERATION in line and CHAIR in line and "主席、党组书记" in line
               for line in out.splitlines())


def test_ego_script_prints_the_neighbourhood(sample_ttl, tmp_path, capsys):
    page = tmp_path / "ego.html"
    assert script_main("ego")(["自治区妇联", str(sample_ttl), "-k", "1", "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 entities, 5 facts")
    assert "赵红军" in out and "于洋" not in out
    assert out.endswith(f"wrote {page}\n")
    viewer = page.read_text(encoding="utf-8")
    assert "赵红军" in viewer and "于洋" not in viewer


@pytest.mark.parametrize("script", ["centrality", "communities", "honours_by_year"])
def test_plots_are_written_reproducibly(script, sample_ttl, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    if analysis.find_cjk_font() is None:
        pytest.skip("no CJK font installed")
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    assert script_main(script)([str(sample_ttl), "--plot", str(first)]) == 0
    assert script_main(script)([str(sample_ttl), "--plot", str(second)]) == 0
    assert first.read_bytes().startswith(b"\x89PNG") and first.stat().st_size > 5000
    assert first.read_bytes() == second.read_bytes()
    assert f"wrote {first}" in capsys.readouterr().out


def test_plot_without_a_cjk_font_says_so(sample_ttl, tmp_path, monkeypatch, capsys):
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(analysis.plots, "find_cjk_font", lambda: None)
    png = tmp_path / "plot.png"
    assert analysis.run_script(script_main("honours_by_year"), [str(sample_ttl), "--plot",
                                                                str(png)]) == 2
    captured = capsys.readouterr()
    assert "Recipients per honour" in captured.out
    assert "fonts-noto-cjk" in captured.err and not png.exists()


def test_centrality_without_scipy_names_the_extra_that_brings_it(sample_ttl, monkeypatch, capsys):
    for name in [m for m in sys.modules if m == "scipy" or m.startswith("scipy.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "scipy", None)     # import scipy fails, as without it
    assert analysis.run_script(script_main("centrality"), [str(sample_ttl)]) == 2
    err = capsys.readouterr().err
    assert err.endswith(": error: PageRank needs scipy: pip install 'kg[analysis]'\n")
    assert err.count("\n") == 1


# --- real content of the seeds' graph -----------------------------------------------------

def table_rows(block: str) -> list[list[str]]:
    """The cells of a rendered table's rows (cells hold no spaces in these tables)."""
    lines = block.strip().splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) <= {"-", " "})
    return [line.split() for line in lines[rule + 1:]]


def test_leadership_on_the_seeds_names_the_federation_chair():
    done = run_script("leadership.py")  # no graph given: builds the embedded seeds
    assert done.returncode == 0, done.stderr
    _, per_org, several = done.stdout.split("\n\n")
    posts, organisation = {}, None
    for line in per_org.splitlines()[2:]:
        if not line.startswith(" "):
            organisation = line.split()[0]
        person, held = line.split()[-2:]
        posts[(organisation, person)] = held.split("、")
    assert "主席" in posts[(FEDERATION, CHAIR)]
    assert any("副主席" in post for post in posts[(FEDERATION, "赵红军")])
    chair_row = next(row for row in table_rows(several) if row[0] == CHAIR)
    assert int(chair_row[1]) >= 2 and FEDERATION in chair_row[2]


def test_honours_on_the_seeds_have_the_2022_provincial_list(seeds_ttl):
    done = run_script("honours_by_year.py", seeds_ttl)
    assert done.returncode == 0, done.stderr
    per_year, per_honour = done.stdout.split("Recipients per honour")
    assert ["2022", "provincial"] in [row[:2] for row in table_rows(per_year)]
    honours = {row[0]: row for row in table_rows(per_honour)}
    regional = next(row for name, row in honours.items() if name.endswith("自治区三八红旗手标兵"))
    assert regional[1:3] == ["provincial", "2022"] and "于洋" in regional[-1].split("、")
    national = honours["全国三八红旗手标兵"]
    assert national[1] == "national" and "赵晶" in national[-1].split("、")


def test_centrality_on_the_seeds_puts_the_federation_first(seeds_ttl):
    done = run_script("centrality.py", seeds_ttl, "--top", "3")
    assert done.returncode == 0, done.stderr
    rows = table_rows(done.stdout)
    assert rows[0][:3] == ["Organisation", "1", FEDERATION]
    assert [row[0] for row in rows].count("Person") == 3


def test_communities_on_the_seeds_group_the_federation_with_others(seeds_ttl):
    done = run_script("communities.py", seeds_ttl)
    assert done.returncode == 0, done.stderr
    listing = done.stdout.split("\n\n")[1]
    [size] = [int(line.split()[1]) for line in listing.splitlines() if f"{FEDERATION}、" in line]
    assert size > 2


def test_ego_on_the_seeds_links_the_chair_to_the_federation(seeds_ttl, tmp_path):
    page = tmp_path / "ego.html"
    done = run_script("ego.py", CHAIR, seeds_ttl, "--html", str(page))
    assert done.returncode == 0, done.stderr
    entities = table_rows(done.stdout.split("\n\n")[1])
    assert ["0", "Person", CHAIR] == entities[0][:3]
    assert ["1", "Organisation", FEDERATION] in [row[:3] for row in entities]
    assert f"wrote {page}" in done.stdout and CHAIR in page.read_text(encoding="utf-8")
