"""The viewer page in a real browser: headless Chromium (Debian's package) driven by Playwright.

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

from graph_samples import CHAIR, FEDERATION, sample_graph
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
VIEWPORT = {"width": 1400, "height": 900}
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

    def node_point(self, iri: str) -> tuple[float, float]:
        """The page coordinates of a node's centre."""
        return tuple(self.js("""(iri) => {
            const net = kgViewer.network;
            const dom = net.canvasToDOM(net.getPositions([iri])[iri]);
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""", iri))

    def edge_point(self, subject: str, obj: str) -> tuple[float, float]:
        """The page coordinates of the middle of the edge from ``subject`` to ``obj``."""
        return tuple(self.js("""([subject, obj]) => {
            const net = kgViewer.network;
            const edge = Object.values(net.body.edges)
                .find((e) => e.fromId === subject && e.toId === obj);
            const dom = net.canvasToDOM(edge.edgeType.getPoint(0.5));
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""", [subject, obj]))

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


def _image_colours(png: bytes) -> int:
    from PIL import Image
    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ())


def _dark_pixels(png: bytes) -> int:
    from PIL import Image
    with Image.open(io.BytesIO(png)) as image:
        return sum(image.convert("L").histogram()[:DARK])


def test_seed_graph_page_draws_every_entity(open_page):
    graph = pipeline.build([])
    viewer = open_page(graph)
    assert viewer.js("Object.keys(kgViewer.network.getPositions()).length") \
        == len(graph.entities)
    assert viewer.js("kgViewer.edges.length") == len({(f.subject, f.predicate, f.object)
                                                      for f in graph.facts})
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = viewer.page.screenshot(path=ARTIFACTS / "viewer_seeds.png")
    assert _image_colours(screenshot) > 200
    # Close up on the most connected entity: its neighbourhood, labels and links legible.
    hub = Counter(end for f in graph.facts for end in (f.subject, f.object)).most_common(1)[0][0]
    name = next(e.name for e in graph.entities if e.iri == hub)
    assert name in viewer.search(name)
    viewer.page.wait_for_timeout(800)  # the focus animation takes 400 ms
    viewer.page.screenshot(path=ARTIFACTS / "viewer_seeds_focus.png")
    viewer.assert_offline_and_clean()


def test_chinese_label_is_drawn_with_cjk_glyphs(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    assert "已定位" in viewer.search(CHAIR)
    viewer.page.wait_for_timeout(800)  # the focus animation takes 400 ms
    x, y = viewer.node_point(next(e.iri for e in graph.entities if e.name == CHAIR))
    # The label sits under the node; at the focus scale its two characters span ~40 px.
    label = viewer.page.screenshot(clip={"x": x - 40, "y": y + 12, "width": 80, "height": 40})
    (ARTIFACTS / "viewer_label.png").write_bytes(label)
    assert _dark_pixels(label) > 40
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


def test_hover_shows_name_aliases_type_and_evidence(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    federation = next(e for e in graph.entities if e.name == FEDERATION)
    viewer.page.mouse.move(*viewer.node_point(federation.iri))
    tooltip = viewer.page.wait_for_selector("div.vis-tooltip", state="visible")
    text = tooltip.inner_text()
    assert FEDERATION in text and "组织 Organisation" in text
    assert all(alias in text for alias in federation.aliases)
    chair = next(e for e in graph.entities if e.name == CHAIR)
    viewer.page.mouse.move(*viewer.edge_point(chair.iri, federation.iri))
    tooltip = viewer.page.wait_for_selector("div.vis-tooltip:has-text('证据 Evidence')",
                                            state="visible")
    text = tooltip.inner_text()
    posts = [f for f in graph.facts if (f.subject, f.object) == (chair.iri, federation.iri)]
    assert all(f"职务 Role: {fact.role}" in text for fact in posts)
    assert all(evidence.sentence in text for fact in posts for evidence in fact.evidence)
    document = next(d for d in graph.documents if d.id == posts[0].evidence[0].doc_id)
    assert f"[{document.path}]" in text
    viewer.assert_offline_and_clean()


def test_filters_hide_types_and_predicates(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    people = sum(1 for e in graph.entities if e.type == "Person")
    viewer.page.uncheck("#kg-type-filter input[value=Person]")
    assert viewer.js("Object.keys(kgViewer.network.getPositions()).length") \
        == len(graph.entities) - people
    viewer.page.check("#kg-type-filter input[value=Person]")
    viewer.page.uncheck("#kg-predicate-filter input[value=holdsPost]")
    drawn = viewer.js("kgViewer.network.body.edgeIndices.length")
    posts = len({(f.subject, f.object) for f in graph.facts if f.predicate == "holdsPost"})
    assert drawn == viewer.js("kgViewer.edges.length") - posts
    viewer.assert_offline_and_clean()


def _neighbourhood(graph: KnowledgeGraph, name: str) -> tuple[str, set[str]]:
    iri = next(e.iri for e in graph.entities if e.name == name)
    return iri, {iri} | {f.object for f in graph.facts if f.subject == iri} \
        | {f.subject for f in graph.facts if f.object == iri}


def test_click_highlights_the_neighbourhood(open_page):
    graph = sample_graph()
    viewer = open_page(graph)
    # The opacity each node and edge is drawn with (the network's merged options).
    drawn = """() => Object.fromEntries(["nodes", "edges"].map((kind) => [kind,
        Object.values(kgViewer.network.body[kind]).map((item) => [
            kind === "nodes" ? item.id : [item.fromId, item.toId],
            kind === "nodes" ? item.options.opacity : item.options.color.opacity])]))"""
    for name in (CHAIR, "于洋"):  # the second click must dim the first neighbourhood again
        iri, neighbours = _neighbourhood(graph, name)
        viewer.page.mouse.click(*viewer.node_point(iri))
        opacity = viewer.js(drawn)
        assert {node for node, value in opacity["nodes"] if value == 1} == neighbours
        assert all(value < 0.5 for node, value in opacity["nodes"] if node not in neighbours)
        assert all((value == 1) == (iri in ends) for ends, value in opacity["edges"])
    viewer.page.mouse.click(VIEWPORT["width"] - 5, VIEWPORT["height"] - 5)  # background
    opacity = viewer.js(drawn)
    assert {value for _, value in opacity["nodes"] + opacity["edges"]} == {1}


def test_physics_stops_after_stabilising(open_page):
    viewer = open_page(sample_graph())
    before = viewer.js("kgViewer.network.getPositions()")
    viewer.page.wait_for_timeout(1000)
    assert viewer.js("kgViewer.network.getPositions()") == before


def test_precomputed_layout_draws_without_physics(open_page):
    graph = sample_graph()
    viewer = open_page(graph, physics_limit=0)
    page_positions = viewer.js("kgViewer.network.getPositions()")
    given = viewer.js("Object.fromEntries(kgViewer.nodes.get().map((n) => [n.id, [n.x, n.y]]))")
    assert {iri: [p["x"], p["y"]] for iri, p in page_positions.items()} == given
    assert len(given) == len(graph.entities)
    viewer.assert_offline_and_clean()


def test_empty_graph_gives_a_working_page(open_page):
    viewer = open_page(KnowledgeGraph((), (), ()))
    assert viewer.js("Object.keys(kgViewer.network.getPositions()).length") == 0
    assert viewer.search("王芳").startswith("未找到 Not found")
    viewer.assert_offline_and_clean()


def _hostile_graph() -> KnowledgeGraph:
    people = [Entity(f"id/person/{number}", "Person", name, (name + "别名",))
              for number, name in enumerate(HOSTILE)]
    org = Entity("id/org/x", "Organisation", HOSTILE[1] + "委员会", (HOSTILE[0],))
    facts = tuple(Fact(p.iri, "holdsPost", org.iri, role=HOSTILE[2], year="2023",
                       evidence=(Evidence(HOSTILE[3], f"{p.name}担任{HOSTILE[0]}主席。", 0, 9),))
                  for p in people)
    return KnowledgeGraph((DocumentInfo(HOSTILE[3], HOSTILE[1], "0" * 64),),
                          tuple(people) + (org,), facts)


def test_hostile_names_and_sentences_run_no_script(open_page):
    graph = _hostile_graph()
    # Without the page's policy, so that escaping alone is what is tested.
    viewer = open_page(graph, bypass_csp=True)
    assert viewer.js("window.pwned") is None
    assert viewer.js("document.querySelectorAll('img').length") == 0
    assert viewer.js("document.scripts.length") == 3
    org = graph.entities[-1]
    viewer.page.mouse.move(*viewer.node_point(org.iri))
    tooltip = viewer.page.wait_for_selector("div.vis-tooltip", state="visible")
    # Text only: the tooltip's only elements are the line breaks innerText makes.
    assert set(tooltip.evaluate("(el) => [...el.querySelectorAll('*')].map((c) => c.tagName)")) \
        == {"BR"}
    assert org.name in tooltip.text_content() and HOSTILE[0] in tooltip.text_content()
    assert HOSTILE[0] in viewer.search(HOSTILE[0])
    assert viewer.js("window.pwned") is None
    assert viewer.dialogs == []
    # The same page under its policy: nothing is blocked either.
    guarded = open_page(graph)
    guarded.search(HOSTILE[1])
    guarded.assert_offline_and_clean()
    assert guarded.js("window.pwned") is None
