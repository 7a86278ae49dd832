"""The viewer page in a real browser: headless Chromium (Debian's package) driven by Playwright.

What a user does and sees: the first view of the seed graph (labels that do not overlap), the
details panel with every piece of evidence of a fact, search in either script, filters that
give every node back its place, the highlight, pages that open on part of a big graph, and
hostile names that stay text.

The page is loaded from a local file. Every test checks that no request left the machine and
that the page's Content-Security-Policy blocked nothing (a blocked load or script would be a
reference or an injection the page should not hold). When the browser is missing the tests
skip, except under ``CI=true``, where a missing browser is a set-up failure.
"""
from __future__ import annotations

import contextlib
import io
import os
from collections import Counter
from pathlib import Path

import pytest

from graph_samples import CHAIR, FEDERATION, PARTY_GROUP, sample_graph
from kg import pipeline, viz
from kg.graph import KnowledgeGraph
from kg.model import DocumentInfo, Entity, Evidence, Fact

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
#: Start flags that work as root on a closed network (see the README's test set-up).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
VIEWPORT = {"width": 1600, "height": 1000}
DARK = 115  # grey levels below this count as ink (label text is near-black on white)
HOSTILE = ['</script><script>window.pwned=1</script>', '<img src=x onerror="window.pwned=1">',
           "\"quoted' name\nsecond line\u2028", "<!--<script>window.pwned=1</script>-->"]

# Records, in the page, every Content-Security-Policy violation and every dialog attempt.
_WATCH = """
window.__kgViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__kgViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@contextlib.contextmanager
def chromium_browser():
    """Launch Debian's headless Chromium through Playwright (skip, or fail under CI=true, when
    the browser or Playwright is missing)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def _missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


class LoadedPage:
    """A viewer page open in the browser, with the requests and dialogs it caused."""

    def __init__(self, browser, html_path: Path, bypass_csp: bool = False):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport=VIEWPORT, bypass_csp=bypass_csp)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.add_init_script(_WATCH)
        self.page.on("dialog", self._dialog)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(message.text))
        self.page.goto(html_path.as_uri())
        # Waiting on a selector (not wait_for_function, which evaluates strings and is
        # refused by the page's policy).
        self.page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=60_000)

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        """Evaluate ``expression`` (a function of ``arg``) in the page."""
        return self.page.evaluate(expression, arg)

    def node_id(self, name: str) -> int:
        """The page's node id of the entity named ``name``."""
        return self.js("(name) => kgViewer.data.nodes.findIndex((r) => r[0] === name)", name)

    def node_point(self, name: str) -> tuple[float, float]:
        """The page coordinates of the centre of the node of the entity named ``name``."""
        return tuple(self.js("""(id) => {
            const net = kgViewer.network;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""", self.node_id(name)))

    def edge_point(self, subject: str, obj: str) -> tuple[float, float]:
        """The page coordinates of the middle of the edge from ``subject`` to ``obj`` (names)."""
        return tuple(self.js("""([subject, obj]) => {
            const net = kgViewer.network;
            const edge = Object.values(net.body.edges)
                .find((e) => e.fromId === subject && e.toId === obj);
            const dom = net.canvasToDOM(edge.edgeType.getPoint(0.5));
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""", [self.node_id(subject), self.node_id(obj)]))

    def positions(self) -> dict:
        """Node id -> drawn position."""
        return self.js("kgViewer.network.getPositions()")

    def search(self, text: str) -> str:
        """Type ``text`` into the search box, submit, and return the status line."""
        self.page.fill("#kg-search", text)
        self.page.click("#kg-search-form button")
        return self.page.text_content("#kg-search-status")

    def assert_offline_and_clean(self):
        """No request left the machine, the policy blocked nothing, no dialog opened, and no
        script error or warning of vis-network about its options was logged."""
        outside = [url for url in self.requests if not url.startswith(("file:", "data:"))]
        assert outside == []
        assert self.js("window.__kgViolations") == []
        assert self.dialogs == []
        assert self.errors == []

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


@pytest.fixture
def open_page(browser, tmp_path):
    """Open the viewer page of a graph: ``open_page(graph, **render_options)``."""
    pages = []

    def opener(graph: KnowledgeGraph, bypass_csp: bool = False, **options) -> LoadedPage:
        path = viz.write_html(graph, tmp_path / f"page{len(pages)}.html", **options)
        pages.append(LoadedPage(browser, path, bypass_csp))
        return pages[-1]

    yield opener
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def seed_graph():
    return pipeline.build([])


def _image_colours(png: bytes) -> int:
    from PIL import Image
    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ())


def _dark_pixels(png: bytes) -> int:
    from PIL import Image
    with Image.open(io.BytesIO(png)) as image:
        return sum(image.convert("L").histogram()[:DARK])


def _overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


def test_seed_graph_first_view_draws_every_entity_with_labels_that_never_overlap(
        open_page, seed_graph):
    viewer = open_page(seed_graph)
    assert len(viewer.positions()) == len(seed_graph.entities)
    assert viewer.js("kgViewer.edges.length") == len({(f.subject, f.predicate, f.object)
                                                      for f in seed_graph.facts})
    labels = viewer.js("kgViewer.drawnLabels")
    assert _overlapping([label["box"] for label in labels]) == []
    # many labels, the most connected first, at readable but capped sizes, inside the canvas
    assert len(labels) >= 40
    assert labels[0]["text"] == FEDERATION
    assert all(11 <= label["size"] <= 16 and label["alpha"] == 1 for label in labels)
    width, height = viewer.js("""() => {
        const box = document.getElementById("kg-network").getBoundingClientRect();
        return [box.width, box.height];
    }""")
    assert sum(1 for label in labels if 0 <= label["box"][0] and label["box"][2] <= width
               and 0 <= label["box"][1] and label["box"][3] <= height) >= 0.9 * len(labels)
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = viewer.page.screenshot(path=ARTIFACTS / "viewer_seeds.png")
    assert _image_colours(screenshot) > 200
    viewer.assert_offline_and_clean()


def test_labels_are_drawn_with_cjk_glyphs(open_page):
    viewer = open_page(sample_graph())
    x, y = viewer.node_point(CHAIR)
    label = next(l for l in viewer.js("kgViewer.drawnLabels") if l["text"] == CHAIR)
    left, top, right, bottom = label["box"]
    box = viewer.js("""() => {
        const b = document.getElementById("kg-network").getBoundingClientRect();
        return [b.left, b.top];
    }""")
    clip = viewer.page.screenshot(clip={"x": box[0] + left, "y": box[1] + top,
                                        "width": right - left, "height": bottom - top})
    (ARTIFACTS / "viewer_label.png").write_bytes(clip)
    assert _dark_pixels(clip) > 20
    # Glyphs, not boxes: in the page's label font two different names must look different
    # (missing glyphs all draw as the same box).
    differs = viewer.js("""(face) => {
        const draw = (text) => {
            const canvas = document.createElement("canvas");
            canvas.width = 120; canvas.height = 40;
            const ctx = canvas.getContext("2d");
            ctx.font = "28px " + face;
            ctx.fillText(text, 2, 30);
            return canvas.toDataURL();
        };
        return draw("王芳") !== draw("于洋");
    }""", viz.FONT_FACE)
    assert differs
    viewer.assert_offline_and_clean()


def test_the_panel_shows_every_piece_of_evidence_of_a_link_with_offsets_as_text(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    viewer.page.mouse.click(*viewer.edge_point(CHAIR, FEDERATION))
    panel = viewer.page.wait_for_selector("#kg-details:not([hidden])")
    text = panel.inner_text()
    chair, federation = (next(e for e in graph.entities if e.name == n) for n in (CHAIR, FEDERATION))
    posts = [f for f in graph.facts if (f.subject, f.object) == (chair.iri, federation.iri)]
    assert f"{CHAIR} → {FEDERATION}" in text and "任职 holds post" in text
    assert all(fact.role in text for fact in posts)
    blocks = viewer.page.query_selector_all("#kg-details .kg-evidence")
    evidence = [ev for fact in posts for ev in fact.evidence]
    assert len(blocks) == len(evidence) == 3
    names = {d.id: d.path for d in graph.documents}
    for block, ev in zip(blocks, evidence):
        source = block.query_selector(".kg-source").inner_text()
        assert names[ev.doc_id] in source and f"{ev.start}–{ev.end}" in source
        # the original sentence, exactly, on request; the normalised one shown
        details = block.query_selector("details")
        details.click()
        assert details.query_selector("mark").inner_text() == ev.sentence
        shown = block.query_selector(".kg-context mark").inner_text()
        assert "主席王芳" in shown and "區" not in shown and "(" not in shown
        assert ev.prefix[-5:] in block.query_selector(".kg-context").inner_text() or not ev.prefix
    # the text can be selected and copied
    selected = viewer.js("""() => {
        const mark = document.querySelector("#kg-details .kg-context mark");
        const range = document.createRange();
        range.selectNodeContents(mark);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return [selection.toString(), getComputedStyle(mark).userSelect];
    }""")
    assert selected[0] == blocks[0].query_selector(".kg-context mark").inner_text()
    assert selected[1] != "none"
    viewer.assert_offline_and_clean()


def test_a_node_s_panel_lists_its_facts_and_clicking_one_selects_it(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    viewer.page.mouse.click(*viewer.node_point(FEDERATION))
    panel = viewer.page.wait_for_selector("#kg-details:not([hidden])")
    text = panel.inner_text()
    federation = next(e for e in graph.entities if e.name == FEDERATION)
    assert "组织 Organisation" in text and federation.iri in text
    assert all(alias in text for alias in federation.aliases)
    assert "任职 holds post (2)" in text and "隶属 part of (1)" in text
    viewer.page.click(f"#kg-details .kg-fact-link:has-text('{PARTY_GROUP}')")
    edge = viewer.js("kgViewer.network.getSelectedEdges()")
    assert len(edge) == 1
    ends = viewer.js("(id) => [kgViewer.data.edges[id][0], kgViewer.data.edges[id][2]]", edge[0])
    assert ends == [viewer.node_id(PARTY_GROUP), viewer.node_id(FEDERATION)]
    assert f"{PARTY_GROUP} → {FEDERATION}" in panel.inner_text()
    viewer.assert_offline_and_clean()


def test_search_in_traditional_script_ranks_the_hub_first(open_page, seed_graph):
    viewer = open_page(seed_graph)
    viewer.page.fill("#kg-search", "婦女聯合會")
    first = viewer.page.wait_for_selector("#kg-results li:first-child button")
    assert first.inner_text().startswith("内蒙古自治区妇女联合会")
    hits = viewer.js("kgViewer.search('婦女聯合會')")
    names = [viewer.js("(id) => kgViewer.data.nodes[id][0]", hit) for hit in hits]
    assert names[0] == "内蒙古自治区妇女联合会" and "中华全国妇女联合会" in names
    assert all("妇女联合会" in name or "妇联" in name for name in names)
    viewer.page.click("#kg-search-form button[type=submit]")
    assert "已定位" in viewer.page.text_content("#kg-search-status")
    assert viewer.js("kgViewer.network.getSelectedNodes()") == [viewer.node_id(names[0])]
    # by year: whoever has links of that year
    years = {f.year for f in seed_graph.facts if f.year}
    year = min(years)
    with_year = {e.name for f in seed_graph.facts if f.year == year
                 for e in seed_graph.entities if e.iri in (f.subject, f.object)}
    found = {viewer.js("(id) => kgViewer.data.nodes[id][0]", hit)
             for hit in viewer.js("(q) => kgViewer.search(q)", f"{year}年")}
    assert found == with_year
    viewer.assert_offline_and_clean()


def test_filter_round_trip_gives_every_node_its_place_back(open_page, seed_graph):
    viewer = open_page(seed_graph)
    before = viewer.positions()
    counts = lambda: viewer.js("""() => Object.fromEntries(
        [...document.querySelectorAll("#kg-panel fieldset label")]
        .filter((l) => l.querySelector("input[type=checkbox][value]"))
        .map((l) => [l.querySelector("input").value, Number(l.querySelector(".kg-count").textContent)]))""")
    assert counts()["runs"] > 0
    viewer.page.uncheck("#kg-type-filter input[value=Programme]")
    programmes = sum(1 for e in seed_graph.entities if e.type == "Programme")
    assert len(viewer.positions()) == len(seed_graph.entities) - programmes
    assert counts()["runs"] == 0  # live: runs links lead to programmes
    viewer.page.check("#kg-type-filter input[value=Programme]")
    assert viewer.positions() == before
    # with re-layout: what is shown moves, and all is back in place once the filter is off
    viewer.page.check("#kg-relayout")
    viewer.page.uncheck("#kg-predicate-filter input[value=runs]")
    viewer.page.wait_for_timeout(500)
    viewer.page.check("#kg-predicate-filter input[value=runs]")
    assert viewer.positions() == before
    # a year keeps only the links of that year and their ends
    year = min(f.year for f in seed_graph.facts if f.year)
    viewer.page.select_option("#kg-year", year)
    shown = viewer.js("kgViewer.network.body.edgeIndices.map((id) => kgViewer.data.edges[id][3])")
    assert shown and all(year in years for years in shown)
    viewer.page.select_option("#kg-year", "")
    viewer.page.uncheck("#kg-relayout")
    assert viewer.positions() == before
    viewer.assert_offline_and_clean()


def _pixel(png: bytes, x: float, y: float) -> tuple[int, int, int]:
    from PIL import Image
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB").getpixel((round(x), round(y)))


def test_click_highlights_the_neighbourhood_and_dims_the_rest_and_its_labels(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    hospital = "兴安盟人民医院"
    for name in (CHAIR, "于洋"):  # the second click must dim the first neighbourhood again
        iri = next(e.iri for e in graph.entities if e.name == name)
        neighbours = {e.name for e in graph.entities if e.iri == iri or any(
            {f.subject, f.object} == {iri, e.iri} for f in graph.facts)}
        viewer.page.mouse.click(*viewer.node_point(name))
        focus = viewer.js("kgViewer.focus()")
        assert set(focus["nodes"]) == {viewer.node_id(n) for n in neighbours}
        assert len(focus["edges"]) == len({frozenset((f.subject, f.object)) | {f.predicate}
                                           for f in graph.facts if iri in (f.subject, f.object)})
        labels = [label for label in viewer.js("kgViewer.drawnLabels") if "id" in label]
        assert {label["text"] for label in labels if label["alpha"] == 1} == neighbours
        assert all(label["alpha"] < 0.5 for label in labels if label["text"] not in neighbours)
        # drawn: the node clicked in full colour, one outside its neighbourhood washed out
        # away from the nodes, inside the canvas (which hides the hover text)
        viewer.page.mouse.move(VIEWPORT["width"] - 500, VIEWPORT["height"] - 5)
        shot = viewer.page.screenshot()
        inside = _pixel(shot, *viewer.node_point(name))
        outside = _pixel(shot, *viewer.node_point(hospital if name == CHAIR else FEDERATION))
        assert min(inside) < 150 and min(outside) > 180
    viewer.page.mouse.click(VIEWPORT["width"] - 500, VIEWPORT["height"] - 5)  # background
    assert viewer.js("kgViewer.focus()") == {"nodes": [], "edges": []}
    assert {label["alpha"] for label in viewer.js("kgViewer.drawnLabels")} == {1}
    assert viewer.js("document.getElementById('kg-details').hidden")


def test_a_big_graph_opens_on_its_most_connected_and_expands_on_demand(open_page):
    graph = sample_graph()
    viewer = open_page(graph, open_limit=2)
    assert len(viewer.positions()) == 2
    assert viewer.node_id(FEDERATION) in map(int, viewer.positions())
    viewer.page.mouse.dblclick(*viewer.node_point(FEDERATION))
    federation = next(e.iri for e in graph.entities if e.name == FEDERATION)
    around = {f.subject for f in graph.facts if f.object == federation}
    assert len(viewer.positions()) == len(around | {federation})
    # a search opens an entity that is not drawn yet
    assert "已定位" in viewer.search("都贵玛")
    assert viewer.node_id("都贵玛") in map(int, viewer.positions())
    viewer.assert_offline_and_clean()


def test_empty_graph_gives_a_working_page(open_page):
    viewer = open_page(KnowledgeGraph((), (), ()))
    assert viewer.positions() == {}
    assert viewer.search("王芳").startswith("未找到 Not found")
    viewer.assert_offline_and_clean()


def _hostile_graph() -> KnowledgeGraph:
    people = [Entity(f"id/person/{number}", "Person", name, (name + "别名",))
              for number, name in enumerate(HOSTILE)]
    org = Entity("id/org/x", "Organisation", HOSTILE[1] + "委员会", (HOSTILE[0],))
    facts = tuple(Fact(p.iri, "holdsPost", org.iri, role=HOSTILE[2], year="2023",
                       evidence=(Evidence(HOSTILE[3], f"{p.name}担任{HOSTILE[0]}主席。", 0, 9,
                                          HOSTILE[1], HOSTILE[0]),))
                  for p in people)
    return KnowledgeGraph((DocumentInfo(HOSTILE[3], HOSTILE[1], "0" * 64),),
                          tuple(people) + (org,), facts)


def test_hostile_names_and_sentences_run_no_script(open_page):
    graph = _hostile_graph()
    # Without the page's policy, so that escaping alone is what is tested.
    viewer = open_page(graph, bypass_csp=True)
    assert viewer.js("window.pwned") is None
    assert viewer.js("document.querySelectorAll('img').length") == 0
    assert viewer.js("document.scripts.length") == 4
    org = graph.entities[-1]
    viewer.page.mouse.move(*viewer.node_point(org.name))
    tooltip = viewer.page.wait_for_selector("div.vis-tooltip", state="visible")
    # Text only: the tooltip's only elements are the line breaks innerText makes.
    assert set(tooltip.evaluate("(el) => [...el.querySelectorAll('*')].map((c) => c.tagName)")) \
        <= {"BR"}
    assert org.name in tooltip.text_content()
    viewer.page.mouse.click(*viewer.node_point(org.name))
    viewer.page.click("#kg-details .kg-fact-link")
    panel = viewer.page.wait_for_selector("#kg-details:not([hidden])")
    assert HOSTILE[0] in panel.inner_text()
    assert viewer.js("document.querySelectorAll('#kg-details script, #kg-details img').length") \
        == 0
    assert org.name in viewer.search(HOSTILE[0])  # an alias of the organisation
    assert viewer.js("window.pwned") is None
    assert viewer.dialogs == []
    # The same page under its policy: nothing is blocked either.
    guarded = open_page(graph)
    guarded.search(HOSTILE[1])
    guarded.assert_offline_and_clean()
    assert guarded.js("window.pwned") is None
