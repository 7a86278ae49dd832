// The kg graph viewer: reads the graph from the JSON block #kg-data and draws it with
// vis-network. Every text from the graph is set as text (textContent, option values, vis
// string titles, which vis shows with innerText), never parsed as HTML.
(function () {
  "use strict";

  const DIMMED = 0.12;
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const typeOf = new Map(data.nodes.map((n) => [n.id, n.kgType]));
  const shownTypes = new Set(data.types.map((t) => t.key));
  const shownPredicates = new Set(data.predicates.map((p) => p.key));

  const nodeView = new vis.DataView(nodes, {
    filter: (n) => shownTypes.has(n.kgType),
  });
  const edgeView = new vis.DataView(edges, {
    filter: (e) => shownPredicates.has(e.predicate) && shownTypes.has(typeOf.get(e.from)) &&
      shownTypes.has(typeOf.get(e.to)),
  });

  const container = document.getElementById("kg-network");
  const network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.options);
  const viewer = {network: network, nodes: nodes, edges: edges, ready: false, readyMs: null};
  window.kgViewer = viewer;

  function markReady() {
    if (!viewer.ready) {
      viewer.ready = true;
      viewer.readyMs = performance.now();
      document.body.dataset.kgReady = "true";
    }
  }

  if (data.physics && data.nodes.length > 0) {
    // Stabilise for a bounded number of iterations, then stop moving for good. (An empty
    // network never stabilises; it is ready once drawn.)
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.fit();
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined) {
      el.textContent = text;
    }
    if (className) {
      el.className = className;
    }
    return el;
  }

  document.getElementById("kg-summary").textContent =
    data.summary.entities + " 个实体 entities · " + data.summary.edges + " 条关系 links · " +
    data.summary.documents + " 篇文档 documents";

  // Legend and filters: one checkbox per entity type and per predicate.
  function addFilter(fieldsetId, entries, shown, swatchClass) {
    const fieldset = document.getElementById(fieldsetId);
    for (const entry of entries) {
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = entry.key;
      box.addEventListener("change", function () {
        if (box.checked) {
          shown.add(entry.key);
        } else {
          shown.delete(entry.key);
        }
        nodeView.refresh();
        edgeView.refresh();
      });
      const swatch = element("span", undefined, "kg-swatch " + swatchClass(entry));
      swatch.style.backgroundColor = entry.color;
      label.append(box, swatch, element("span", entry.zh + " " + entry.en),
        element("span", String(entry.count), "kg-count"));
      fieldset.appendChild(label);
    }
  }
  addFilter("kg-type-filter", data.types, shownTypes, (t) => "kg-shape-" + t.shape);
  addFilter("kg-predicate-filter", data.predicates, shownPredicates, () => "kg-shape-line");

  // Neighbourhood highlight. Dimming goes through the global options (one call, whatever the
  // size of the graph); only items ever highlighted carry their own opacity (vis cannot unset
  // it), so those are the only ones updated item by item.
  const baseColor = new Map(data.edges.map((e) => [e.id, e.baseColor]));
  const touchedNodes = new Set();
  const touchedEdges = new Set();

  function setOpacity(globalOpacity, keepNodes, keepEdges) {
    network.setOptions({nodes: {opacity: globalOpacity},
      edges: {color: {opacity: globalOpacity}}});
    keepNodes.forEach((n) => touchedNodes.add(n));
    keepEdges.forEach((e) => touchedEdges.add(e));
    const opacity = (keep, item) => (keep.has(item) ? 1 : globalOpacity);
    nodes.update(Array.from(touchedNodes, (n) => ({id: n, opacity: opacity(keepNodes, n)})));
    edges.update(Array.from(touchedEdges, (e) => {
      const color = baseColor.get(e);
      return {id: e, color: {color: color, highlight: color, hover: color,
        opacity: opacity(keepEdges, e)}};
    }));
  }

  function highlight(id) {
    setOpacity(DIMMED, new Set([id].concat(network.getConnectedNodes(id))),
      new Set(network.getConnectedEdges(id)));
  }

  function clearHighlight() {
    setOpacity(1, new Set(), new Set());
  }

  network.on("click", function (params) {
    if (params.nodes.length > 0) {
      highlight(params.nodes[0]);
    } else {
      clearHighlight();
    }
  });

  // Search: a canonical name, then an alias, equal to the query; else the first name or
  // alias containing it.
  const datalist = document.getElementById("kg-names");
  const names = data.nodes.map((n) => [n.label, n.id]);
  const aliases = data.nodes.flatMap((n) => n.aliases.map((alias) => [alias, n.id]));
  for (const [name] of names.concat(aliases)) {
    const option = element("option");
    option.value = name;
    datalist.appendChild(option);
  }

  function find(query) {
    const match = names.find(([name]) => name === query) ||
      aliases.find(([alias]) => alias === query) ||
      names.concat(aliases).find(([name]) => name.includes(query));
    return match ? match[1] : null;
  }

  function focus(id) {
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, {scale: 1.0, animation: {duration: 400}});
  }

  const status = document.getElementById("kg-search-status");
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const query = document.getElementById("kg-search").value.trim();
    if (!query) {
      status.textContent = "";
      return;
    }
    const id = find(query);
    if (id === null) {
      status.textContent = "未找到 Not found: " + query;
    } else if (!shownTypes.has(typeOf.get(id))) {
      status.textContent = "已被筛选隐藏 Hidden by the type filter: " + nodes.get(id).label;
    } else {
      status.textContent = "已定位 Focused: " + nodes.get(id).label;
      focus(id);
    }
  });
}());
