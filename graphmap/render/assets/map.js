/* graphmap map behaviour: search, filters, layers, neighbourhood highlight, side panel.
   User text is only ever set with textContent or given to vis-network as plain text. */
(function () {
  "use strict";
  document.querySelectorAll("[data-gm-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  var holder = document.getElementById("graphmap-data");
  var container = document.getElementById("gm-network");
  if (!holder || !container || typeof vis === "undefined") { return; }
  var data = JSON.parse(holder.textContent);
  var T = data.i18n;
  var GAP = "#D62728", OPP = "#0FA3B1", DIM = "#E4E7EA", DIM_BORDER = "#D2D6DA";
  var fast = !!data.fast;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function darker(hex) {
    var n = parseInt(hex.slice(1), 16);
    var r = Math.round(((n >> 16) & 255) * 0.7), g = Math.round(((n >> 8) & 255) * 0.7),
        b = Math.round((n & 255) * 0.7);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  var byId = new Map();
  data.nodes.forEach(function (n) {
    n.folded = fold(n.name + " " + n.id);
    if (data.labels.length) { n.details = n.details.map(function (r) { return [data.labels[r[0]], r[1]]; }); }
    byId.set(n.id, n);
  });
  // Relations arrive as rows [index, from, to, type, width, bend, note] (see html_map._edges).
  data.edges = data.edges.map(function (r) {
    var type = data.types[r[3]], a = byId.get(r[1]), b = byId.get(r[2]);
    return { id: (r[3] === "ties" ? "t" : "e") + r[0], from: r[1], to: r[2], type: r[3],
             width: r[4], smooth: r[5], color: type.color, arrows: type.arrows, dashes: type.dashes,
             title: (a ? a.name : r[1]) + " → " + (b ? b.name : r[2]) + "\n" + type.label + r[6],
             line: type.label + r[6].split("\n")[0] };
  });
  var edgeById = new Map();
  data.edges.forEach(function (e) { edgeById.set(e.id, e); });

  var state = {
    gaps: data.layers.indexOf("gaps") >= 0,
    opps: data.layers.indexOf("opportunities") >= 0,
    selected: null,
    neighbours: null,
    hiddenNodes: new Set(),
    hiddenTypes: new Set()
  };

  function nodeTitle(n) {
    var text = n.tip;
    if (state.gaps && n.gaps.length) { text += "\n\n" + T.panel_gaps + "\n• " + n.gaps.join("\n• "); }
    return text;
  }
  function visNode(n) {
    var gap = state.gaps && n.gaps.length > 0;
    var dim = state.selected !== null && !state.neighbours.has(n.id);
    var fill = dim ? DIM : n.color;
    var border = gap ? (dim ? "#EDB8B8" : GAP) : (dim ? DIM_BORDER : darker(n.color));
    return {
      id: n.id, label: n.label, shape: n.shape, size: n.size, x: n.x, y: n.y,
      title: nodeTitle(n), hidden: state.hiddenNodes.has(n.id),
      borderWidth: gap ? 4 : 1.5, borderWidthSelected: gap ? 5 : 3,
      shapeProperties: { borderDashes: gap ? [6, 3] : false },
      color: { background: fill, border: border,
               highlight: { background: n.color, border: gap ? GAP : "#111111" },
               hover: { background: n.color, border: gap ? GAP : "#111111" } },
      // Dimmed nodes lose their label, so the highlighted neighbourhood reads clearly.
      font: dim ? { color: "rgba(0,0,0,0)", strokeWidth: 0, size: n.font }
                : { color: "#1F2328", strokeWidth: 4, size: n.font }
    };
  }
  function edgeHidden(from, to, type) {
    return state.hiddenNodes.has(from) || state.hiddenNodes.has(to) || state.hiddenTypes.has(type);
  }
  function edgeSmooth(e) {
    if (e.smooth === null || e.smooth === undefined) {
      return fast ? false : { enabled: true, type: "continuous", roundness: 0.2 };
    }
    return { enabled: true, type: e.smooth > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.smooth) };
  }
  function visEdge(e) {
    var dim = state.selected !== null && e.from !== state.selected && e.to !== state.selected;
    return {
      id: e.id, from: e.from, to: e.to, width: e.width, title: e.title, dashes: e.dashes ? [2, 4] : false,
      hidden: edgeHidden(e.from, e.to, e.type), smooth: edgeSmooth(e),
      arrows: e.arrows ? { to: { enabled: true, scaleFactor: 0.45 } } : { to: { enabled: false } },
      color: { color: e.color, highlight: e.color, hover: e.color, opacity: dim ? 0.1 : 0.6 }
    };
  }
  function visOpportunity(o) {
    var dim = state.selected !== null && o.from !== state.selected && o.to !== state.selected;
    return {
      id: o.id, from: o.from, to: o.to, width: 2, title: o.title, dashes: [7, 5],
      hidden: !state.opps || edgeHidden(o.from, o.to, "") ||
        (state.selected === null ? !o.top : (o.from !== state.selected && o.to !== state.selected)),
      smooth: { enabled: true, type: "curvedCW", roundness: 0.25 },
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: OPP, highlight: OPP, hover: OPP, opacity: 0.9 }
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge).concat(data.opportunities.map(visOpportunity)));
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !fast, tooltipDelay: 120, hideEdgesOnDrag: fast, hideEdgesOnZoom: fast,
                   keyboard: false, multiselect: false, selectConnectedEdges: true },
    nodes: {
      font: { size: 14, face: getComputedStyle(container).fontFamily, strokeWidth: 4,
              strokeColor: "#ffffff", color: "#1F2328" },
      scaling: { label: { drawThreshold: 8, maxVisible: 40 } }
    },
    edges: { selectionWidth: 1.5, hoverWidth: 0.5, smooth: fast ? false : { type: "continuous" } }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  function nodeDimmed(n) { return state.selected !== null && !state.neighbours.has(n.id); }
  function edgeDimmed(e) {
    return state.selected !== null && e.from !== state.selected && e.to !== state.selected;
  }
  var dimNodes = new Set(), dimEdges = new Set();
  function refreshNodes() {
    dimNodes = new Set(data.nodes.filter(nodeDimmed).map(function (n) { return n.id; }));
    nodes.update(data.nodes.map(visNode));
  }
  function refreshEdges() {
    dimEdges = new Set(data.edges.filter(edgeDimmed).map(function (e) { return e.id; }));
    edges.update(data.edges.map(visEdge).concat(data.opportunities.map(visOpportunity)));
  }
  // Selection only changes colours: update just what changed, with just those fields
  // (a full update of every node and edge took 0.8 s on a 5k-node map).
  function restyle() {
    var nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (n) {
      var dim = nodeDimmed(n);
      if (dim === dimNodes.has(n.id)) { return; }
      if (dim) { dimNodes.add(n.id); } else { dimNodes.delete(n.id); }
      var v = visNode(n);
      nodeChanges.push({ id: v.id, color: v.color, font: v.font, borderWidth: v.borderWidth,
                         shapeProperties: v.shapeProperties });
    });
    data.edges.forEach(function (e) {
      var dim = edgeDimmed(e);
      if (dim === dimEdges.has(e.id)) { return; }
      if (dim) { dimEdges.add(e.id); } else { dimEdges.delete(e.id); }
      edgeChanges.push({ id: e.id, color: visEdge(e).color });
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    edges.update(edgeChanges.concat(data.opportunities.map(visOpportunity)));
  }
  function refreshStats() {
    var shownNodes = data.nodes.length - state.hiddenNodes.size;
    var shownEdges = edges.get({ filter: function (e) { return !e.hidden; } }).length;
    var el = document.getElementById("gm-stats");
    if (el) { el.textContent = T.stats.replace("{nodes}", shownNodes).replace("{edges}", shownEdges); }
  }

  // --- side panel -----------------------------------------------------------------------------
  var panel = document.getElementById("gm-panel-body");
  var hint = document.getElementById("gm-hint");
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function definitionList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) { dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", row[1])); });
    return dl;
  }
  function bulletList(items, cls) {
    var ul = el("ul", null, cls);
    items.forEach(function (text) { ul.appendChild(el("li", text)); });
    return ul;
  }
  function showPanel(n) {
    if (!panel) { return; }
    panel.replaceChildren();
    if (hint) { hint.hidden = true; }
    var close = el("button", T.panel_close, "gm-close");
    close.type = "button";
    close.addEventListener("click", clearSelection);
    panel.appendChild(close);
    panel.appendChild(el("h2", n.name));
    panel.appendChild(definitionList(n.details));
    if (n.extra.length) { panel.appendChild(el("h3", T.panel_extra)); panel.appendChild(definitionList(n.extra)); }
    if (n.gaps.length) { panel.appendChild(el("h3", T.panel_gaps)); panel.appendChild(bulletList(n.gaps, "gm-gaps")); }
    if (n.opps.length) { panel.appendChild(el("h3", T.panel_opportunities)); panel.appendChild(bulletList(n.opps)); }
    var links = network.getConnectedEdges(n.id).map(function (id) { return edgeById.get(id); })
      .filter(function (e) { return e; });
    if (links.length) {
      panel.appendChild(el("h3", T.panel_neighbours + " (" + links.length + ")"));
      var ul = el("ul");
      links.slice(0, 60).forEach(function (e) {
        var other = byId.get(e.from === n.id ? e.to : e.from);
        if (!other) { return; }
        var li = el("li");
        var go = el("button", other.name, "gm-link");
        go.type = "button";
        go.addEventListener("click", function () { choose(other.id); });
        li.appendChild(go);
        li.appendChild(document.createTextNode(" — " + e.line));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  // --- selection and neighbourhood highlight ---------------------------------------------------
  function select(id) {
    var n = byId.get(id);
    if (!n) { return; }
    state.selected = id;
    state.neighbours = new Set([id].concat(network.getConnectedNodes(id)));
    restyle();
    network.selectNodes([id]);
    showPanel(n);
  }
  function clearSelection() {
    if (state.selected === null) { return; }
    state.selected = null;
    state.neighbours = null;
    restyle();
    network.unselectAll();
    if (panel) { panel.replaceChildren(); }
    if (hint) { hint.hidden = false; }
  }
  function choose(id) {
    if (!byId.has(id)) { return; }
    select(id);
    network.focus(id, { scale: Math.min(Math.max(network.getScale(), 0.7), 1.2),
                        animation: data.nodes.length > 2000 ? false : { duration: 350, easingFunction: "easeInOutQuad" } });
  }
  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); }
    else if (!params.edges.length) { clearSelection(); }
  });

  // --- search ---------------------------------------------------------------------------------
  var input = document.getElementById("gm-search-input");
  var results = document.getElementById("gm-search-results");
  function search(query) {
    var q = fold(query).trim();
    if (!q) { return []; }
    var words = q.split(/\s+/);
    var hits = data.nodes.filter(function (n) {
      return words.every(function (w) { return n.folded.indexOf(w) >= 0; });
    });
    hits.sort(function (a, b) {
      var pa = fold(a.name).indexOf(words[0]) === 0 ? 0 : 1, pb = fold(b.name).indexOf(words[0]) === 0 ? 0 : 1;
      return pa - pb || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    return hits;
  }
  function showResults() {
    results.replaceChildren();
    var query = input.value;
    if (!query.trim()) { return; }
    var hits = search(query);
    if (!hits.length) { results.appendChild(el("li", T.search_none, "gm-none")); return; }
    hits.slice(0, 12).forEach(function (n, i) {
      var li = el("li", n.name, i === 0 ? "gm-active" : "");
      li.setAttribute("role", "option");
      li.dataset.id = n.id;
      li.appendChild(el("span", n.tip.split("\n")[1] || "", "gm-sub"));
      li.addEventListener("click", function () { choose(n.id); results.replaceChildren(); });
      results.appendChild(li);
    });
  }
  if (input && results) {
    input.addEventListener("input", showResults);
    input.addEventListener("keydown", function (event) {
      var items = Array.prototype.slice.call(results.querySelectorAll("li[data-id]"));
      var current = items.findIndex(function (li) { return li.classList.contains("gm-active"); });
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!items.length) { return; }
        var next = (current + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        items.forEach(function (li, i) { li.classList.toggle("gm-active", i === next); });
        items[next].scrollIntoView({ block: "nearest" });
      } else if (event.key === "Enter") {
        var chosen = current >= 0 ? items[current].dataset.id : null;
        if (chosen === null) {
          var hits = search(input.value);
          chosen = hits.length ? hits[0].id : null;
        }
        if (chosen !== null) { choose(chosen); results.replaceChildren(); }
      } else if (event.key === "Escape") {
        input.value = ""; results.replaceChildren();
      }
    });
  }

  // --- filters and layers ---------------------------------------------------------------------
  function allowed(key) {
    var box = document.querySelector('.gm-filter[data-filter="' + key + '"]');
    if (!box) { return null; }
    var set = new Set();
    box.querySelectorAll("input[type=checkbox]").forEach(function (c) { if (c.checked) { set.add(c.value); } });
    return set;
  }
  function applyFilters() {
    var sectors = allowed("sector"), territories = allowed("territory"), stages = allowed("stage"),
        relations = allowed("relation");
    state.hiddenNodes = new Set();
    data.nodes.forEach(function (n) {
      var f = n.f;
      if ((f.sector !== undefined && sectors && !sectors.has(f.sector)) ||
          (f.stage !== undefined && stages && !stages.has(f.stage)) ||
          (f.territory !== undefined && territories && !territories.has(f.territory))) {
        state.hiddenNodes.add(n.id);
      }
    });
    state.hiddenTypes = new Set();
    if (relations) {
      data.edges.forEach(function (e) { if (!relations.has(e.type)) { state.hiddenTypes.add(e.type); } });
    }
    if (state.selected !== null && state.hiddenNodes.has(state.selected)) { clearSelection(); }
    refreshNodes();
    refreshEdges();
    refreshStats();
  }
  document.querySelectorAll(".gm-filter").forEach(function (box) {
    box.addEventListener("change", applyFilters);
    box.querySelectorAll("button[data-set]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var on = button.dataset.set === "all";
        box.querySelectorAll("input[type=checkbox]").forEach(function (c) { c.checked = on; });
        applyFilters();
      });
    });
  });
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.dataset.layer === "gaps") { state.gaps = box.checked; refreshNodes(); }
      if (box.dataset.layer === "opportunities") { state.opps = box.checked; refreshEdges(); }
      refreshStats();
    });
  });
  var fit = document.getElementById("gm-fit");
  if (fit) { fit.addEventListener("click", function () { network.fit({ animation: false }); }); }

  // Links elsewhere on the page (the report's tables) can point at a node of the map.
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-gm-node]") : null;
    if (!target || !byId.has(target.dataset.gmNode)) { return; }
    event.preventDefault();
    container.scrollIntoView({ behavior: "auto", block: "center" });
    choose(target.dataset.gmNode);
  });

  window.graphmap = { network: network, nodes: nodes, edges: edges, data: data, state: state,
                      search: search, select: select, choose: choose, clearSelection: clearSelection,
                      applyFilters: applyFilters, ready: false };
  network.once("afterDrawing", function () {
    window.graphmap.ready = true;
    window.graphmap.drawnAt = performance.now();
    document.documentElement.setAttribute("data-gm-ready", "1");
  });
  // Paper has another size than the screen: redraw to fit it, and back afterwards.
  ["beforeprint", "afterprint"].forEach(function (name) {
    window.addEventListener(name, function () { network.redraw(); network.fit({ animation: false }); });
  });
  network.fit({ animation: false });
  refreshStats();
  if (data.focus) { select(data.focus); }
}());
