// The kg graph viewer: reads the graph from the JSON block #kg-data (and, on first use, the
// evidence from #kg-evidence) and draws it with vis-network. Every text from the graph is set
// as text (textContent, canvas fillText, vis string titles, which vis shows with innerText),
// never parsed as HTML.
(function () {
  "use strict";

  const DIMMED = 0.2; // the share of its colour a node or link outside the highlight keeps
  const DIMMED_LABEL = 0.3;
  const EXPAND_LIMIT = 400; // neighbours opened by one double-click, most connected first
  const RESULTS_SHOWN = 50;
  // Record fields (see kg.viz.page_data).
  const NAME = 0, TYPE = 1, X = 2, Y = 3, DEGREE = 4, ALIASES = 5, TRADITIONAL = 6,
    MENTIONS = 7, IRI = 8;
  const FROM = 0, PREDICATE = 1, TO = 2, YEARS = 3, DOCUMENTS = 4, FACTS = 5;

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const records = data.nodes;
  const links = data.edges;
  let evidenceData = null;
  function evidence() {
    if (evidenceData === null) {
      evidenceData = JSON.parse(document.getElementById("kg-evidence").textContent);
    }
    return evidenceData;
  }

  const incident = records.map(() => []);
  links.forEach((link, id) => {
    incident[link[FROM]].push(id);
    incident[link[TO]].push(id);
  });
  const other = (edgeId, node) =>
    (links[edgeId][FROM] === node ? links[edgeId][TO] : links[edgeId][FROM]);

  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) {
      el.textContent = text;
    }
    if (className) {
      el.className = className;
    }
    return el;
  }
  const byId = (id) => document.getElementById(id);
  const typeName = (t) => data.types[t].zh + " " + data.types[t].en;
  const predicateName = (p) => data.predicates[p].zh + " " + data.predicates[p].en;

  // ---------------------------------------------------------------- the open part, drawn
  const opened = new Uint8Array(records.length);
  const edgeOpened = new Uint8Array(links.length);
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();

  function visNode(id) {
    const record = records[id];
    const type = data.types[record[TYPE]];
    return {id: id, x: record[X], y: record[Y], shape: type.shape, size: data.sizes[id],
      color: {background: type.color, border: "#ffffff",
        highlight: {background: type.color, border: "#111111"},
        hover: {background: type.color, border: "#333333"}},
      title: record[NAME] + "\n" + typeName(record[TYPE]) + " · " + record[DEGREE] +
        " 条关系 links"};
  }

  function visEdge(id) {
    const link = links[id];
    const color = data.predicates[link[PREDICATE]].color;
    return {id: id, from: link[FROM], to: link[TO],
      width: 1 + Math.min(2, (link[FACTS] - 1) * 0.5),
      color: {color: color, highlight: color, hover: color},
      title: records[link[FROM]][NAME] + " → " + records[link[TO]][NAME] + "\n" +
        predicateName(link[PREDICATE])};
  }

  function open(ids) {
    const newNodes = [];
    const newEdges = [];
    for (const id of ids) {
      if (!opened[id]) {
        opened[id] = 1;
        newNodes.push(visNode(id));
      }
    }
    for (const node of newNodes) {
      for (const edgeId of incident[node.id]) {
        if (!edgeOpened[edgeId] && opened[other(edgeId, node.id)]) {
          edgeOpened[edgeId] = 1;
          newEdges.push(visEdge(edgeId));
        }
      }
    }
    nodes.add(newNodes);
    edges.add(newEdges);
    return newNodes.length;
  }

  // ---------------------------------------------------------------- filters
  const shownTypes = new Set(data.types.map((_, t) => t));
  const shownPredicates = new Set(data.predicates.map((_, p) => p));
  const filters = {year: "", document: -1, isolated: true, relayout: false};
  const nodePasses = new Uint8Array(records.length);
  const edgePasses = new Uint8Array(links.length);

  function edgeMatches(link) {
    return (filters.year === "" || link[YEARS].includes(filters.year)) &&
      (filters.document < 0 || link[DOCUMENTS].includes(filters.document));
  }

  function mentionedIn(record, documentNumber) {
    return record[MENTIONS].some((pair) => pair[0] === documentNumber);
  }

  // Which nodes and edges pass the filters, and the live counts of the filter entries (each
  // entry counts what it would show: the other filters applied, not its own box).
  function recompute() {
    const narrowed = filters.year !== "" || filters.document >= 0;
    const linked = new Uint8Array(records.length);
    const predicateCounts = data.predicates.map(() => 0);
    links.forEach((link, id) => {
      const typesShown = shownTypes.has(records[link[FROM]][TYPE]) &&
        shownTypes.has(records[link[TO]][TYPE]);
      const matches = edgeMatches(link);
      if (typesShown && matches) {
        predicateCounts[link[PREDICATE]] += 1;
      }
      edgePasses[id] = typesShown && matches && shownPredicates.has(link[PREDICATE]) ? 1 : 0;
      if (matches && shownPredicates.has(link[PREDICATE])) {
        linked[link[FROM]] = 1;
        linked[link[TO]] = 1;
      }
    });
    const typeCounts = data.types.map(() => 0);
    let isolated = 0;
    records.forEach((record, id) => {
      const isolatedHere = record[DEGREE] === 0;
      isolated += isolatedHere ? 1 : 0;
      const passes = (filters.isolated || !isolatedHere) &&
        (!narrowed || linked[id] === 1 ||
          (filters.year === "" && mentionedIn(record, filters.document)));
      if (passes) {
        typeCounts[record[TYPE]] += 1;
      }
      nodePasses[id] = passes && shownTypes.has(record[TYPE]) ? 1 : 0;
    });
    counts.types.forEach((el, t) => { el.textContent = String(typeCounts[t]); });
    counts.predicates.forEach((el, p) => { el.textContent = String(predicateCounts[p]); });
    byId("kg-isolated-count").textContent = String(isolated);
  }

  const nodeView = new vis.DataView(nodes, {filter: (n) => nodePasses[n.id] === 1});
  const edgeView = new vis.DataView(edges, {
    filter: (e) => edgePasses[e.id] === 1 && nodePasses[e.from] === 1 && nodePasses[e.to] === 1,
  });

  const container = byId("kg-network");
  const network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.options);
  const viewer = {network: network, nodes: nodes, edges: edges, data: data, ready: false,
    readyMs: null, drawnLabels: [], timings: {}};
  window.kgViewer = viewer;
  // Click → highlight timing: from the pointer going down until the frame showing the
  // highlight and the details has been painted (the task after the next animation frame).
  let pendingClick = null;
  container.addEventListener("pointerdown", () => { pendingClick = performance.now(); }, true);
  function timeClick() {
    const started = pendingClick;
    pendingClick = null;
    if (started !== null) {
      requestAnimationFrame(() => setTimeout(() => {
        viewer.timings.clickToHighlight = performance.now() - started;
      }, 0));
    }
  }

  const counts = {types: [], predicates: []};

  function applyFilters() {
    recompute();
    nodeView.refresh();
    edgeView.refresh();
    relayout();
    summary();
  }

  // Re-layout: a short run of forces over what is shown, then still again; without it (or
  // once every filter is off) each node is back at its computed place.
  function anyFilter() {
    return shownTypes.size < data.types.length || shownPredicates.size < data.predicates.length ||
      filters.year !== "" || filters.document >= 0 || !filters.isolated;
  }
  function relayout() {
    if (filters.relayout && anyFilter()) {
      network.setOptions({physics: {enabled: true}});
      network.stabilize(150);
      network.once("stabilizationIterationsDone", () => {
        network.setOptions({physics: {enabled: false}});
      });
    } else {
      network.setOptions({physics: {enabled: false}});
      for (const id of network.body.nodeIndices) {
        const record = records[id];
        const node = network.body.nodes[id];
        if (node.x !== record[X] || node.y !== record[Y]) {
          network.moveNode(id, record[X], record[Y]);
        }
      }
    }
  }

  function addFilter(fieldsetId, entries, shown, swatchClass, countList) {
    const fieldset = byId(fieldsetId);
    entries.forEach((entry, number) => {
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = entry.key;
      box.addEventListener("change", () => {
        if (box.checked) {
          shown.add(number);
        } else {
          shown.delete(number);
        }
        applyFilters();
      });
      const swatch = element("span", undefined, "kg-swatch " + swatchClass(entry));
      swatch.style.backgroundColor = entry.color;
      const count = element("span", "", "kg-count");
      countList.push(count);
      label.append(box, swatch, element("span", entry.zh + " " + entry.en), count);
      fieldset.appendChild(label);
    });
  }
  addFilter("kg-type-filter", data.types, shownTypes, (t) => "kg-shape-" + t.shape,
    counts.types);
  addFilter("kg-predicate-filter", data.predicates, shownPredicates, () => "kg-shape-line",
    counts.predicates);

  function fillSelect(id, entries) {
    const select = byId(id);
    for (const [value, text] of entries) {
      const option = element("option", text);
      option.value = value;
      select.appendChild(option);
    }
    return select;
  }
  const yearFacts = new Map();
  for (const link of links) {
    for (const year of link[YEARS]) {
      yearFacts.set(year, (yearFacts.get(year) || 0) + 1);
    }
  }
  const years = Array.from(yearFacts.keys()).sort();
  fillSelect("kg-year", [["", "全部 all"]].concat(
    years.map((y) => [y, y + " (" + yearFacts.get(y) + ")"])))
    .addEventListener("change", (event) => {
      filters.year = event.target.value;
      applyFilters();
    });
  const documentEntities = data.documents.map(() => 0);
  for (const record of records) {
    for (const [documentNumber] of record[MENTIONS]) {
      documentEntities[documentNumber] += 1;
    }
  }
  fillSelect("kg-document", [["-1", "全部 all"]].concat(data.documents.map((d, n) =>
    [String(n), d.name + " (" + documentEntities[n] + ")"])))
    .addEventListener("change", (event) => {
      filters.document = Number(event.target.value);
      applyFilters();
    });
  byId("kg-isolated").addEventListener("change", (event) => {
    filters.isolated = event.target.checked;
    applyFilters();
  });
  byId("kg-relayout").addEventListener("change", (event) => {
    filters.relayout = event.target.checked;
    relayout();
  });

  function summary() {
    const shown = network.body.nodeIndices.length;
    byId("kg-summary").textContent =
      data.summary.entities + " 个实体 entities · " + data.summary.edges + " 条连线 links (" +
      data.summary.facts + " 条事实 facts) · " + data.summary.documents + " 篇文档 documents · " +
      "显示 shown " + shown + (records.length > data.open ?
        "；其余双击节点或查找后展开 the rest opens with a double-click or a search" : "");
  }

  // ---------------------------------------------------------------- highlight and labels
  // The highlight: everything drawn is washed out with a veil, then the focused nodes and
  // links are drawn again on top (work in proportion to the neighbourhood, not the graph).
  let focusNodes = new Set();
  let focusEdges = new Set();

  function focusOn(keepNodes, keepEdges) {
    focusNodes = keepNodes;
    focusEdges = keepEdges;
    network.redraw();
  }

  function drawFocus(ctx) {
    if (focusNodes.size === 0) {
      return;
    }
    const ratio = network.canvas.pixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.globalAlpha = 1 - DIMMED;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, container.clientWidth, container.clientHeight);
    ctx.restore();
    for (const id of focusEdges) {
      const edge = network.body.edges[id];
      if (edge !== undefined && edge.from && edge.to) {
        edge.draw(ctx);
      }
    }
    for (const id of focusNodes) {
      const node = network.body.nodes[id];
      if (node !== undefined) {
        node.draw(ctx);
      }
    }
  }

  function highlightNode(id) {
    const around = incident[id].filter((e) => edgeOpened[e]);
    focusOn(new Set([id].concat(around.map((e) => other(e, id)))), new Set(around));
  }

  function clearHighlight() {
    focusOn(new Set(), new Set());
  }

  // Labels: drawn here, in screen pixels (capped sizes), the focused neighbourhood first, then
  // the most connected; a label that would overlap one already drawn is left out.
  const CELL = 64;
  const widths = new Map();
  let drawOrder = null;
  nodeView.on("*", () => { drawOrder = null; });

  function labelSize(id) {
    return focusNodes.has(id) ? 14 : 12 + Math.min(3, Math.log2(1 + records[id][DEGREE]) / 2);
  }

  function textWidth(ctx, id, text, size) {
    const key = id * 64 + Math.round(size * 2);
    let width = widths.get(key);
    if (width === undefined) {
      width = ctx.measureText(text).width;
      widths.set(key, width);
    }
    return width;
  }

  function drawLabels(ctx) {
    const started = performance.now();
    const scale = network.getScale();
    const shift = network.body.view.translation;
    const ratio = network.canvas.pixelRatio || 1;
    const width = container.clientWidth;
    const height = container.clientHeight;
    if (drawOrder === null) {
      drawOrder = network.body.nodeIndices.slice().sort((a, b) => a - b);
    }
    const grid = new Map();
    const overlaps = (box) => {
      for (let cx = Math.floor(box[0] / CELL); cx <= Math.floor(box[2] / CELL); cx++) {
        for (let cy = Math.floor(box[1] / CELL); cy <= Math.floor(box[3] / CELL); cy++) {
          for (const other of grid.get(cx * 100003 + cy) || []) {
            if (box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3]) {
              return true;
            }
          }
        }
      }
      return false;
    };
    const keep = (box) => {
      for (let cx = Math.floor(box[0] / CELL); cx <= Math.floor(box[2] / CELL); cx++) {
        for (let cy = Math.floor(box[1] / CELL); cy <= Math.floor(box[3] / CELL); cy++) {
          const key = cx * 100003 + cy;
          if (!grid.has(key)) {
            grid.set(key, []);
          }
          grid.get(key).push(box);
        }
      }
    };
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 3;
    const drawn = [];
    const focused = focusNodes.size > 0;
    const order = Array.from(focusNodes).sort((a, b) => a - b).concat(drawOrder);
    const done = new Set();
    for (const id of order) {
      const node = network.body.nodes[id];
      if (done.has(id) || node === undefined) {
        continue;
      }
      done.add(id);
      const x = node.x * scale + shift.x;
      const y = node.y * scale + shift.y;
      if (x < -150 || x > width + 150 || y < -40 || y > height + 20) {
        continue;
      }
      const inFocus = focusNodes.has(id);
      const size = labelSize(id);
      const text = records[id][NAME];
      ctx.font = size + "px " + data.font;
      const half = textWidth(ctx, id, text, size) / 2 + 2;
      // under the node, else (focused labels, which are always drawn) above it or lower down
      const below = y + node.options.size * scale + 2;
      const places = inFocus ? [below, y - node.options.size * scale - size - 5,
        below + size + 3, below + 2 * (size + 3)] : [below];
      const boxAt = (top) => [x - half, top, x + half, top + size + 3];
      const fits = (box) => inFocus || (box[0] >= 0 && box[2] <= width && box[3] <= height);
      const top = places.find((place) => fits(boxAt(place)) && !overlaps(boxAt(place)));
      if (top === undefined && !inFocus) {
        continue;
      }
      const box = boxAt(top === undefined ? below : top);
      keep(box);
      ctx.globalAlpha = focused && !inFocus ? DIMMED_LABEL : 1;
      ctx.strokeText(text, x, box[1]);
      ctx.fillStyle = "#1a1a1a";
      ctx.fillText(text, x, box[1]);
      drawn.push({id: id, text: text, box: box, alpha: ctx.globalAlpha, size: size});
    }
    // Relation names on the focused links, where they fit.
    ctx.font = "11px " + data.font;
    for (const edgeId of focusEdges) {
      const edge = network.body.edges[edgeId];
      if (edge === undefined || !edge.from || !edge.to) {
        continue;
      }
      const text = data.predicates[links[edgeId][PREDICATE]].zh;
      const x = (edge.from.x + edge.to.x) / 2 * scale + shift.x;
      const y = (edge.from.y + edge.to.y) / 2 * scale + shift.y;
      const half = ctx.measureText(text).width / 2 + 2;
      const box = [x - half, y - 7, x + half, y + 7];
      if (overlaps(box)) {
        continue;
      }
      keep(box);
      ctx.globalAlpha = 1;
      ctx.strokeText(text, x, y - 6);
      ctx.fillStyle = data.predicates[links[edgeId][PREDICATE]].color;
      ctx.fillText(text, x, y - 6);
      drawn.push({edge: edgeId, text: text, box: box, alpha: 1, size: 11});
    }
    ctx.restore();
    viewer.drawnLabels = drawn;
    viewer.timings.labels = performance.now() - started;
  }

  network.on("afterDrawing", (ctx) => {
    drawFocus(ctx);
    drawLabels(ctx);
  });

  // ---------------------------------------------------------------- details panel
  const details = byId("kg-details");
  const detailsBody = byId("kg-details-body");

  function nodeButton(id) {
    const button = element("button", records[id][NAME], "kg-link");
    button.type = "button";
    button.addEventListener("click", () => selectNode(id, true));
    return button;
  }

  function definitions(list, pairs) {
    for (const [term, value] of pairs) {
      list.append(element("dt", term));
      const dd = element("dd");
      dd.append(value instanceof Node ? value : document.createTextNode(value));
      list.append(dd);
    }
  }

  function showNode(id) {
    const record = records[id];
    detailsBody.replaceChildren();
    detailsBody.append(element("h2", record[NAME]));
    const type = data.types[record[TYPE]];
    const typeLine = element("p");
    const swatch = element("span", undefined, "kg-swatch kg-shape-" + type.shape);
    swatch.style.backgroundColor = type.color;
    typeLine.append(swatch, document.createTextNode(" " + typeName(record[TYPE])));
    detailsBody.append(typeLine, element("p", record[IRI], "kg-iri"));
    const list = element("dl");
    definitions(list, [
      ["规范名 Canonical name", record[NAME]],
      ["别名 Aliases", record[ALIASES].join("、") || "无 none"],
      ["繁体 Traditional", record[TRADITIONAL].join("、") || "无 none"],
      ["关系 Links", String(record[DEGREE])]]);
    detailsBody.append(list);
    detailsBody.append(element("h3", "文档 Documents (" + record[MENTIONS].length + ")"));
    const documents = element("ul");
    for (const [documentNumber, mentions] of record[MENTIONS]) {
      documents.append(element("li", data.documents[documentNumber].name + " — " + mentions +
        " 次提及 mentions"));
    }
    if (record[MENTIONS].length === 0) {
      documents.append(element("li", "无记录 none recorded", "kg-muted"));
    }
    detailsBody.append(documents);
    const hidden = incident[id].filter((e) => !opened[other(e, id)]).length;
    if (hidden > 0) {
      const more = element("button", "展开 " + hidden + " 个未显示的邻居 Open " + hidden +
        " more neighbours", "kg-link");
      more.type = "button";
      more.addEventListener("click", () => expand(id));
      detailsBody.append(more);
    }
    const byPredicate = data.predicates.map(() => []);
    for (const edgeId of incident[id]) {
      byPredicate[links[edgeId][PREDICATE]].push(edgeId);
    }
    byPredicate.forEach((edgeIds, p) => {
      if (edgeIds.length === 0) {
        return;
      }
      detailsBody.append(element("h3", predicateName(p) + " (" + edgeIds.length + ")"));
      const items = element("ul");
      edgeIds.sort((a, b) => other(a, id) - other(b, id));
      for (const edgeId of edgeIds) {
        const link = links[edgeId];
        const outgoing = link[FROM] === id;
        const text = (outgoing ? "→ " : "← ") + records[other(edgeId, id)][NAME] +
          (link[YEARS].length ? " · " + link[YEARS].join(", ") : "") +
          " (" + link[FACTS] + " 条事实 facts)";
        const item = element("li");
        const button = element("button", text, "kg-link kg-fact-link");
        button.type = "button";
        button.dataset.edge = String(edgeId);
        button.addEventListener("click", () => selectEdge(edgeId, true));
        item.append(button);
        items.append(item);
      }
      detailsBody.append(items);
    });
    details.hidden = false;
  }

  function textOf(table, number) {
    return number < 0 ? null : table[number];
  }

  function evidenceBlock(record, strings) {
    const [documentNumber, start, end, sentence, before, after,
      simpleSentence, simpleBefore, simpleAfter] = record;
    const block = element("div", undefined, "kg-evidence");
    const documentName = documentNumber >= 0 ? data.documents[documentNumber].name : "?";
    block.append(element("p", "文档 Document: " + documentName + " · 字符 Characters " +
      start + "–" + end, "kg-source"));
    const context = (pre, text, post) => {
      const p = element("p", undefined, "kg-context");
      p.append(element("span", (pre ? "…" + pre : ""), "kg-around"), element("mark", text),
        element("span", (post ? post + "…" : ""), "kg-around"));
      return p;
    };
    const simple = (n, original) => textOf(strings, n) ?? strings[original];
    block.append(context(simple(simpleBefore, before), simple(simpleSentence, sentence),
      simple(simpleAfter, after)));
    const original = element("details");
    original.append(element("summary", "原文 Original text"),
      context(strings[before], strings[sentence], strings[after]));
    block.append(original);
    return block;
  }

  function showEdge(edgeId) {
    const link = links[edgeId];
    const facts = evidence().facts[edgeId];
    const strings = evidence().strings;
    detailsBody.replaceChildren();
    detailsBody.append(element("h2", records[link[FROM]][NAME] + " → " +
      records[link[TO]][NAME]));
    const list = element("dl");
    definitions(list, [["主体 Subject", nodeButton(link[FROM])],
      ["关系 Predicate", predicateName(link[PREDICATE])],
      ["客体 Object", nodeButton(link[TO])]]);
    detailsBody.append(list);
    for (const [role, year, records_] of facts) {
      const fact = element("section", undefined, "kg-fact");
      const facts_ = element("dl");
      definitions(facts_, [["职务 Role", role || "—"], ["年份 Year", year || "—"],
        ["证据 Evidence", records_.length + " 句 sentences"]]);
      fact.append(facts_);
      for (const record of records_) {
        fact.append(evidenceBlock(record, strings));
      }
      detailsBody.append(fact);
    }
    details.hidden = false;
  }

  byId("kg-details-close").addEventListener("click", clearSelection);

  // ---------------------------------------------------------------- selection

  function expand(id) {
    const around = incident[id].map((e) => other(e, id)).filter((n) => !opened[n])
      .sort((a, b) => a - b).slice(0, EXPAND_LIMIT);
    open(around);
    recompute();
    nodeView.refresh();
    edgeView.refresh();
    summary();
    selectNode(id, false);
  }

  function reveal(x, y) {
    const dom = network.canvasToDOM({x: x, y: y});
    const right = container.clientWidth - (details.hidden ? 0 : details.offsetWidth);
    if (dom.x < 0 || dom.y < 0 || dom.x > right || dom.y > container.clientHeight) {
      network.moveTo({position: {x: x, y: y}, animation: false});
    }
  }

  function selectNode(id, focus) {
    open([id]);
    network.selectNodes(nodePasses[id] ? [id] : []);
    highlightNode(id);
    showNode(id);
    if (focus) {
      const scale = Math.max(network.getScale(), 1);
      network.moveTo({position: {x: records[id][X], y: records[id][Y]}, scale: scale,
        animation: false});
    }
  }

  function selectEdge(edgeId, focus) {
    const link = links[edgeId];
    open([link[FROM], link[TO]]);
    network.selectEdges(edgePasses[edgeId] ? [edgeId] : []);
    focusOn(new Set([link[FROM], link[TO]]), new Set([edgeId]));
    showEdge(edgeId);
    if (focus) {
      reveal((records[link[FROM]][X] + records[link[TO]][X]) / 2,
        (records[link[FROM]][Y] + records[link[TO]][Y]) / 2);
    }
  }

  function clearSelection() {
    network.unselectAll();
    clearHighlight();
    details.hidden = true;
  }

  network.on("click", (params) => {
    if (params.nodes.length > 0) {
      selectNode(params.nodes[0], false);
    } else if (params.edges.length > 0) {
      selectEdge(params.edges[0], false);
    } else {
      clearSelection();
    }
    timeClick();
  });
  network.on("doubleClick", (params) => {
    if (params.nodes.length > 0) {
      expand(params.nodes[0]);
    }
  });

  // ---------------------------------------------------------------- search
  // The query is normalised as the pipeline normalises text: NFKC, then traditional to
  // simplified character by character (OpenCC's table), spaces dropped.
  const t2s = new Map();
  const pairs = Array.from(data.t2s); // by code point: some simplified forms are astral
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    t2s.set(pairs[i], pairs[i + 1]);
  }
  function normalise(text) {
    return Array.from(text.normalize("NFKC"), (c) => t2s.get(c) || c).join("")
      .replace(/\s+/g, "");
  }
  let searchKeys = null;
  function keys() {
    if (searchKeys === null) {
      searchKeys = records.map((record) => Array.from(new Set(
        [record[NAME]].concat(record[ALIASES], record[TRADITIONAL]).map(normalise))));
    }
    return searchKeys;
  }

  // Matches, best first: a name or alias equal to the query, then those containing it; among
  // equals, the most connected first. A year (2022 or 2022年) lists who has facts of it.
  function search(query) {
    const year = /^(\d{4})\s*年?度?$/.exec(query.trim());
    if (year) {
      const hits = new Map();
      links.forEach((link) => {
        if (link[YEARS].includes(year[1])) {
          for (const end of [link[FROM], link[TO]]) {
            hits.set(end, (hits.get(end) || 0) + 1);
          }
        }
      });
      return Array.from(hits, ([id, n]) => ({id: id, rank: -n, note: n + " 条 " + year[1] +
        " 年的关系 links of " + year[1]}))
        .sort((a, b) => a.rank - b.rank || a.id - b.id);
    }
    const wanted = normalise(query);
    if (!wanted) {
      return [];
    }
    const found = [];
    keys().forEach((forms, id) => {
      if (forms.includes(wanted)) {
        found.push({id: id, rank: 0});
      } else if (forms.some((form) => form.includes(wanted))) {
        found.push({id: id, rank: 1});
      }
    });
    // record numbers are ranked by degree, so the id orders by connectedness
    return found.sort((a, b) => a.rank - b.rank || a.id - b.id);
  }
  viewer.search = (query) => search(query).map((hit) => hit.id);
  viewer.selectNode = selectNode;
  viewer.focus = () => ({nodes: Array.from(focusNodes), edges: Array.from(focusEdges)});
  viewer.selectEdge = selectEdge;

  const status = byId("kg-search-status");
  const results = byId("kg-results");

  function choose(id) {
    selectNode(id, true);
    status.textContent = (nodePasses[id] ? "已定位 Focused: " :
      "已被筛选隐藏 Hidden by the filters: ") + records[id][NAME];
  }

  function listResults(query) {
    results.replaceChildren();
    const hits = search(query);
    for (const hit of hits.slice(0, RESULTS_SHOWN)) {
      const record = records[hit.id];
      const button = element("button", record[NAME]);
      button.type = "button";
      button.dataset.node = String(hit.id);
      button.append(element("span", typeName(record[TYPE]) + " · " + record[DEGREE] +
        " 条关系 links" + (hit.note ? " · " + hit.note : ""), "kg-result-meta"));
      button.addEventListener("click", () => choose(hit.id));
      const item = element("li");
      item.append(button);
      results.append(item);
    }
    return hits;
  }

  byId("kg-search").addEventListener("input", (event) => {
    const query = event.target.value.trim();
    const hits = query ? listResults(query) : [];
    status.textContent = query ? (hits.length ? "找到 " + hits.length + " 个 matches" :
      "未找到 Not found: " + query) : "";
    if (!query) {
      results.replaceChildren();
    }
  });
  byId("kg-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = byId("kg-search").value.trim();
    if (!query) {
      status.textContent = "";
      results.replaceChildren();
      return;
    }
    const hits = listResults(query);
    if (hits.length === 0) {
      status.textContent = "未找到 Not found: " + query;
    } else {
      choose(hits[0].id);
    }
  });

  // ---------------------------------------------------------------- start
  open(Array.from({length: data.open}, (_, i) => i));
  recompute();
  nodeView.refresh();
  edgeView.refresh();
  summary();
  network.fit({animation: false});
  network.once("afterDrawing", () => {
    viewer.ready = true;
    viewer.readyMs = performance.now();
    document.body.dataset.kgReady = "true";
  });
  network.redraw();
}());
