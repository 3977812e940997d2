/* graphmap map behaviour: labels placed without overlap, the community level, search, focus
   and fading with a depth control, filters, layers, guided views, PNG export, side panel.
   User text is only ever set with textContent, drawn on the canvas, or given to vis-network
   as plain text. */
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
  var communities = data.communities || [];
  var views = data.views || [];
  var FONT = getComputedStyle(container).fontFamily;
  // Zoomed out further than this on a map of more than GAPS_ALL_UP_TO nodes, only the most
  // serious gaps keep their red outline (a red ring on every tenth node says nothing).
  var GAPS_ALL_SCALE = 0.45, GAPS_ALL_UP_TO = 300;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function darker(hex) {
    var n = parseInt(hex.slice(1), 16);
    var r = Math.round(((n >> 16) & 255) * 0.7), g = Math.round(((n >> 8) & 255) * 0.7),
        b = Math.round((n & 255) * 0.7);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] !== undefined ? values[key] : all;
    });
  }

  var byId = new Map();
  var adjacency = new Map();
  data.nodes.forEach(function (n, i) {
    n.folded = fold(n.name + " " + n.id);
    n.base = n.color;
    n.index = i;
    if (n.imp === undefined) { n.imp = i; }
    if (data.labels.length) { n.details = n.details.map(function (r) { return [data.labels[r[0]], r[1]]; }); }
    byId.set(n.id, n);
    adjacency.set(n.id, []);
  });
  // Relations arrive as rows [index, from, to, type, width, bend, note] (see map_payload._edge_rows).
  data.edges = data.edges.map(function (r) {
    var type = data.types[r[3]], a = byId.get(r[1]), b = byId.get(r[2]);
    if (a && b && r[1] !== r[2]) { adjacency.get(r[1]).push(r[2]); adjacency.get(r[2]).push(r[1]); }
    return { id: (r[3] === "ties" ? "t" : "e") + r[0], from: r[1], to: r[2], type: r[3],
             width: r[4], smooth: r[5], color: type.color, arrows: type.arrows, dashes: type.dashes,
             title: (a ? a.name : r[1]) + " → " + (b ? b.name : r[2]) + "\n" + type.label + r[6],
             line: type.label + r[6].split("\n")[0] };
  });
  var edgeById = new Map();
  data.edges.forEach(function (e) { edgeById.set(e.id, e); });
  var isolated = data.mode === "aggregated" ? [] :
    data.nodes.filter(function (n) { return adjacency.get(n.id).length === 0; });
  var ISOLATED_LABELS_FIRST = 20;
  var lonely = isolated.slice().sort(function (a, b) { return a.imp - b.imp; })
    .slice(0, ISOLATED_LABELS_FIRST);

  // --- the community level: one node per community, opened in full by a click ----------------
  var groupNodes = [], groupEdges = [];
  if (communities.length) {
    var sums = communities.map(function () { return { x: 0, y: 0, k: 0 }; });
    data.nodes.forEach(function (n) { var s = sums[n.g]; s.x += n.x; s.y += n.y; s.k += 1; });
    communities.forEach(function (c, k) {
      var s = sums[k];
      c.members = [];
      groupNodes.push({ id: c.id, group: k, name: c.name, label: c.name,
                        caption: fill(T.community_members, { name: c.name, count: c.count }),
                        color: c.color, base: c.color, shape: "dot", kind: "c", imp: -1000 + k,
                        // Area grows with members; a third of the width they take drawn
                        // (layout.py gives each about 150 px), so neighbours overlap less.
                        size: Math.round(Math.max(50, 28 * Math.sqrt(c.count))),
                        x: s.k ? s.x / s.k : 0, y: s.k ? s.y / s.k : 0, gaps: [], gs: 0 });
    });
    data.nodes.forEach(function (n) { communities[n.g].members.push(n.id); });
    var ties = new Map();
    data.edges.forEach(function (e) {
      var a = byId.get(e.from).g, b = byId.get(e.to).g;
      if (a === b) { return; }
      var key = Math.min(a, b) + "_" + Math.max(a, b);
      ties.set(key, (ties.get(key) || 0) + 1);
    });
    var most = Math.max.apply(null, [1].concat(Array.from(ties.values())));
    ties.forEach(function (count, key) {
      var ab = key.split("_").map(Number);
      groupEdges.push({ id: "k" + key, from: communities[ab[0]].id, to: communities[ab[1]].id,
                        a: ab[0], b: ab[1], title: String(count),
                        width: Math.round(10 * (1 + 9 * Math.log1p(count) / Math.log1p(most))) / 10 });
    });
  }
  var groupById = new Map(groupNodes.map(function (g) { return [g.id, g]; }));

  var state = {
    gaps: data.layers.indexOf("gaps") >= 0,
    opps: data.layers.indexOf("opportunities") >= 0,
    selected: null,
    neighbours: null,
    depth: 1,
    hiddenNodes: new Set(),
    fadedNodes: new Set(),
    hiddenTypes: new Set(),
    fadeFilters: false,
    level: communities.length ? "communities" : "nodes",
    open: new Set(),
    colorBy: data.color_by || null,
    allGaps: true,
    view: -1
  };

  function gapsShown(n) {
    return state.gaps && n.gaps.length > 0 &&
      (state.allGaps || n.gs >= 3 || (state.neighbours !== null && state.neighbours.has(n.id)));
  }
  function nodeTitle(n) {
    var text = n.tip;
    if (state.gaps && n.gaps.length) { text += "\n\n" + T.panel_gaps + "\n• " + n.gaps.join("\n• "); }
    return text;
  }
  function nodeHidden(n) {
    return state.hiddenNodes.has(n.id) || (state.level === "communities" && !state.open.has(n.g));
  }
  function nodeDimmed(n) {
    return (state.selected !== null && !state.neighbours.has(n.id)) || state.fadedNodes.has(n.id);
  }
  function visNode(n) {
    var gap = gapsShown(n);
    var dim = nodeDimmed(n);
    var fillColor = dim ? DIM : n.color;
    var border = gap ? (dim ? "#EDB8B8" : GAP) : (dim ? DIM_BORDER : darker(n.color));
    return {
      id: n.id, label: n.label, shape: n.shape, size: n.size, x: n.x, y: n.y,
      title: nodeTitle(n), hidden: nodeHidden(n),
      borderWidth: gap ? 4 : 1.5, borderWidthSelected: gap ? 5 : 3,
      shapeProperties: { borderDashes: gap ? [6, 3] : false },
      color: { background: fillColor, border: border,
               highlight: { background: n.color, border: gap ? GAP : "#111111" },
               hover: { background: n.color, border: gap ? GAP : "#111111" } }
    };
  }
  function visGroup(g) {
    return { id: g.id, label: g.label, shape: "dot", size: g.size, x: g.x, y: g.y, title: g.caption,
             hidden: state.level !== "communities" || state.open.has(g.group), borderWidth: 1.5,
             color: { background: g.color, border: darker(g.color),
                      highlight: { background: g.color, border: "#111111" },
                      hover: { background: g.color, border: "#111111" } } };
  }
  function visGroupEdge(t) {
    return { id: t.id, from: t.from, to: t.to, width: t.width, title: t.title, smooth: false,
             hidden: state.level !== "communities" || state.open.has(t.a) || state.open.has(t.b),
             color: { color: "#8A8A8A", highlight: "#555555", hover: "#555555", opacity: 0.5 } };
  }
  function edgeHidden(from, to, type) {
    var a = byId.get(from), b = byId.get(to);
    return (a && nodeHidden(a)) || (b && nodeHidden(b)) || state.hiddenTypes.has(type);
  }
  function edgeSmooth(e) {
    if (e.smooth === null || e.smooth === undefined) {
      return fast ? false : { enabled: true, type: "continuous", roundness: 0.2 };
    }
    return { enabled: true, type: e.smooth > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.smooth) };
  }
  function edgeDimmed(e) {
    return (state.selected !== null && !(state.neighbours.has(e.from) && state.neighbours.has(e.to))) ||
      state.fadedNodes.has(e.from) || state.fadedNodes.has(e.to);
  }
  function visEdge(e) {
    return {
      id: e.id, from: e.from, to: e.to, width: e.width, title: e.title, dashes: e.dashes ? [2, 4] : false,
      hidden: edgeHidden(e.from, e.to, e.type), smooth: edgeSmooth(e),
      arrows: e.arrows ? { to: { enabled: true, scaleFactor: 0.45 } } : { to: { enabled: false } },
      color: { color: e.color, highlight: e.color, hover: e.color, opacity: edgeDimmed(e) ? 0.1 : 0.6 }
    };
  }
  function visOpportunity(o) {
    var mine = state.selected !== null && (o.from === state.selected || o.to === state.selected);
    return {
      id: o.id, from: o.from, to: o.to, width: 2, title: o.title, dashes: [7, 5],
      hidden: !state.opps || edgeHidden(o.from, o.to, "") || (state.selected === null ? !o.top : !mine),
      smooth: { enabled: true, type: "curvedCW", roundness: 0.25 },
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: OPP, highlight: OPP, hover: OPP, opacity: 0.9 }
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode).concat(groupNodes.map(visGroup)));
  var edges = new vis.DataSet(data.edges.map(visEdge).concat(data.opportunities.map(visOpportunity))
    .concat(groupEdges.map(visGroupEdge)));
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !fast, tooltipDelay: 120, hideEdgesOnDrag: fast, hideEdgesOnZoom: fast,
                   keyboard: false, multiselect: false, selectConnectedEdges: true },
    // vis-network draws no label at all (it has no collision avoidance): drawLabels does.
    nodes: { font: { size: 14, face: FONT }, scaling: { label: { drawThreshold: 1e9 } } },
    edges: { selectionWidth: 1.5, hoverWidth: 0.5, smooth: fast ? false : { type: "continuous" } }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  // Only what changed is sent to vis-network, with just those fields (a full update of every
  // node and edge took 0.8 s on a 5k-node map).
  var nodeSeen = new Map(), edgeSeen = new Map();
  // Hiding and restyling are sent apart: a `hidden` field makes vis-network re-index every
  // edge of the node, so it goes only to nodes whose visibility changed.
  function nodeKey(n) { return [nodeDimmed(n), gapsShown(n), n.color, state.gaps].join(); }
  function edgeKey(e) { return edgeDimmed(e); }
  var nodeHiddenSeen = new Map(), edgeHiddenSeen = new Map(), hiddenSeen = new Map();
  var titleGaps = state.gaps;
  groupNodes.forEach(function (g) { hiddenSeen.set(g.id, visGroup(g).hidden); });
  data.opportunities.forEach(function (o) { hiddenSeen.set(o.id, visOpportunity(o).hidden); });
  groupEdges.forEach(function (t) { hiddenSeen.set(t.id, visGroupEdge(t).hidden); });
  data.nodes.forEach(function (n) { nodeSeen.set(n.id, nodeKey(n)); nodeHiddenSeen.set(n.id, nodeHidden(n)); });
  data.edges.forEach(function (e) { edgeSeen.set(e.id, edgeKey(e)); edgeHiddenSeen.set(e.id, edgeHidden(e.from, e.to, e.type)); });
  function sync() {
    var nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (n) {
      var key = nodeKey(n), hidden = nodeHidden(n), change = null;
      if (nodeSeen.get(n.id) !== key) {
        nodeSeen.set(n.id, key);
        var v = visNode(n);
        change = { id: v.id, color: v.color, borderWidth: v.borderWidth,
                   borderWidthSelected: v.borderWidthSelected, shapeProperties: v.shapeProperties };
        // The tooltip only changes with the gaps layer.
        if (titleGaps !== state.gaps) { change.title = v.title; }
      }
      if (nodeHiddenSeen.get(n.id) !== hidden) {
        nodeHiddenSeen.set(n.id, hidden);
        change = change || { id: n.id };
        change.hidden = hidden;
      }
      if (change) { nodeChanges.push(change); }
    });
    data.edges.forEach(function (e) {
      var key = edgeKey(e), hidden = edgeHidden(e.from, e.to, e.type), change = null;
      if (edgeSeen.get(e.id) !== key) { edgeSeen.set(e.id, key); change = { id: e.id, color: visEdge(e).color }; }
      if (edgeHiddenSeen.get(e.id) !== hidden) {
        edgeHiddenSeen.set(e.id, hidden);
        change = change || { id: e.id };
        change.hidden = hidden;
      }
      if (change) { edgeChanges.push(change); }
    });
    // Suggested ties and the community level only ever change visibility (an edge update
    // costs vis-network about 1 ms: send only the ones that changed).
    function visibility(list, visit, into) {
      list.forEach(function (x) {
        var hidden = visit(x).hidden;
        if (hiddenSeen.get(x.id) !== hidden) { hiddenSeen.set(x.id, hidden); into.push({ id: x.id, hidden: hidden }); }
      });
    }
    visibility(groupNodes, visGroup, nodeChanges);
    visibility(data.opportunities, visOpportunity, edgeChanges);
    visibility(groupEdges, visGroupEdge, edgeChanges);
    titleGaps = state.gaps;
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    refreshStats();
  }
  function refreshStats() {
    // Counted from our own state: DataSet.get() deep-copies every item (0.5 s at 1k nodes).
    function shown(list, visit) { var k = 0; list.forEach(function (x) { if (!visit(x).hidden) { k += 1; } }); return k; }
    function flag(hidden) { return { hidden: hidden }; }
    var shownNodes = shown(data.nodes, function (n) { return flag(nodeHidden(n)); }) + shown(groupNodes, visGroup);
    var shownEdges = shown(data.edges, function (e) { return flag(edgeHidden(e.from, e.to, e.type)); }) +
      shown(data.opportunities, visOpportunity) + shown(groupEdges, visGroupEdge);
    var box = document.getElementById("gm-stats");
    if (box) { box.textContent = T.stats.replace("{nodes}", shownNodes).replace("{edges}", shownEdges); }
  }

  // --- labels: the most important that fit, never overlapping, never off the canvas ----------
  var canvas = container.querySelector("canvas");
  var widths = new Map();
  var drawn = [];
  function textWidth(ctx, font, text) {
    var key = font + "|" + text, w = widths.get(key);
    if (w === undefined) { ctx.font = font; w = ctx.measureText(text).width; widths.set(key, w); }
    return w;
  }
  function labelOrder() {
    var list = [];
    if (state.selected !== null) {
      list.push(byId.get(state.selected));
      Array.from(state.neighbours).map(function (id) { return byId.get(id); })
        .sort(function (a, b) { return a.imp - b.imp; })
        .forEach(function (n) { if (n.id !== state.selected) { list.push(n); } });
    }
    return list;
  }
  var byImportance = data.nodes.slice().sort(function (a, b) { return a.imp - b.imp; });
  function drawLabels(ctx) {
    var W = canvas.clientWidth, H = canvas.clientHeight;
    var ratio = canvas.width / (W || 1);
    var scale = network.getScale(), view = network.getViewPosition();
    var cell = 64, grid = new Map(), placed = [];
    function cells(b, add) {
      for (var gx = Math.floor(b.x / cell); gx <= Math.floor((b.x + b.w) / cell); gx++) {
        for (var gy = Math.floor(b.y / cell); gy <= Math.floor((b.y + b.h) / cell); gy++) {
          var key = gx + "," + gy, list = grid.get(key);
          if (add) { if (!list) { list = []; grid.set(key, list); } list.push(b); }
          else if (list) {
            for (var i = 0; i < list.length; i++) {
              var o = list[i];
              if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) { return false; }
            }
          }
        }
      }
      return true;
    }
    function place(item, lines, font, px, cx, cy, r, spots) {
      var w = 0;
      lines.forEach(function (line) { w = Math.max(w, textWidth(ctx, font, line)); });
      w = Math.ceil(w) + 6;
      var h = Math.ceil(lines.length * px * 1.2) + 2;
      if (w > W - 4 || h > H - 4) { return false; }
      var tries = [[cx - w / 2, cy + r + 2], [cx - w / 2, cy - r - 2 - h], [cx + r + 3, cy - h / 2],
                   [cx - r - 3 - w, cy - h / 2], [cx + r, cy + r], [cx - r - w, cy + r],
                   [cx + r, cy - r - h], [cx - r - w, cy - r - h]].slice(0, spots);
      for (var t = 0; t < tries.length; t++) {
        var b = { id: item.id, text: lines.join("\n"), font: font, px: px,
                  x: Math.round(Math.min(Math.max(tries[t][0], 2), W - 2 - w)),
                  y: Math.round(Math.min(Math.max(tries[t][1], 2), H - 2 - h)), w: w, h: h };
        if (cells(b, false)) { cells(b, true); placed.push(b); return true; }
      }
      return false;
    }
    function screen(item) {
      var body = network.body.nodes[item.id];
      var x = body ? body.x : item.x, y = body ? body.y : item.y;
      return [(x - view.x) * scale + W / 2, (y - view.y) * scale + H / 2];
    }
    // The views bar and the toolbar float over the canvas: no label goes under them.
    var origin = canvas.getBoundingClientRect();
    document.querySelectorAll(".gm-views:not([hidden]), .gm-toolbar > *:not([hidden])").forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.width && r.height) {
        cells({ x: r.left - origin.left - 2, y: r.top - origin.top - 2, w: r.width + 4, h: r.height + 4 }, true);
      }
    });
    var box = isolatedBox(scale, view, W, H);
    if (box) { cells(box, true); placed.push(box); }
    // No label covers an isolated actor (each is labelled beside its own disc, if at all):
    // their discs are obstacles, not drawn labels.
    isolated.forEach(function (n) {
      if (nodeHidden(n)) { return; }
      var p = screen(n), r = n.size * scale;
      cells({ x: p[0] - r, y: p[1] - r, w: 2 * r, h: 2 * r }, true);
    });
    var first = labelOrder(), seen = new Set();
    var rest = state.level === "communities" ? groupNodes.concat(byImportance) : byImportance;
    // The isolated actors come next (a few: each has only the spots around its own disc,
    // where the box's reader looks for them), then everyone by importance.
    rest = lonely.concat(rest);
    var attempts = 0, budget = 4000, most = 300;
    first.concat(rest).some(function (item, k) {
      if (seen.has(item.id)) { return false; }
      seen.add(item.id);
      var isGroup = item.kind === "c" && groupById.has(item.id);
      var visible = isGroup ? (state.level === "communities" && !state.open.has(item.group)) : !nodeHidden(item);
      if (!visible) { return false; }
      var priority = k < first.length;
      if (!priority && nodeDimmed(item)) { return false; }
      var p = screen(item);
      if (p[0] < 0 || p[0] > W || p[1] < 0 || p[1] > H) { return false; }
      attempts += 1;
      var important = priority && k === 0 || isGroup || item.imp < 10;
      var px = isGroup ? 13 : (important ? 13 : 12);
      var font = (important ? "600 " : "") + px + "px " + FONT;
      var lines = isGroup ? [item.name, item.caption.slice(item.name.length + 3)] : String(item.label).split("\n");
      place(item, lines, font, px, p[0], p[1], item.size * scale, priority ? 8 : 4);
      return placed.length >= most || attempts >= budget;
    });
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    placed.forEach(function (b) {
      ctx.font = b.font;
      if (b.frame) {
        ctx.strokeStyle = "#9AA3AD"; ctx.lineWidth = 1; ctx.setLineDash([5, 4]);
        ctx.strokeRect(b.frame.x, b.frame.y, b.frame.w, b.frame.h);
        ctx.setLineDash([]);
      }
      b.text.split("\n").forEach(function (line, i) {
        var y = b.y + 1 + i * b.px * 1.2;
        ctx.lineWidth = 4; ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.strokeText(line, b.x + 3, y);
        ctx.fillStyle = b.frame ? "#5B636B" : "#1F2328";
        ctx.fillText(line, b.x + 3, y);
      });
    });
    ctx.restore();
    drawn = placed.map(function (b) { return { id: b.id, text: b.text, x: b.x, y: b.y, w: b.w, h: b.h }; });
  }
  // The isolated actors sit in one grid (layout.py); a dashed, labelled box holds them.
  function isolatedBox(scale, view, W, H) {
    var shown = isolated.filter(function (n) { return !nodeHidden(n); });
    if (shown.length < 2) { return null; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (n) {
      x0 = Math.min(x0, n.x - n.size); y0 = Math.min(y0, n.y - n.size);
      x1 = Math.max(x1, n.x + n.size); y1 = Math.max(y1, n.y + n.size);
    });
    var pad = 10;
    var frame = { x: (x0 - view.x) * scale + W / 2 - pad, y: (y0 - view.y) * scale + H / 2 - pad,
                  w: (x1 - x0) * scale + 2 * pad, h: (y1 - y0) * scale + 2 * pad };
    var text = fill(T.isolated_box, { count: shown.length });
    var ctx = canvas.getContext("2d");
    var font = "600 12px " + FONT, w = Math.ceil(textWidth(ctx, font, text)) + 6, h = 17;
    if (frame.x > W || frame.y - h > H || frame.x + frame.w < 0 || frame.y + frame.h < 0 || w > W) { return null; }
    return { id: "isolated", text: text, font: font, px: 12, frame: frame,
             x: Math.round(Math.min(Math.max(frame.x, 2), W - 2 - w)),
             y: Math.round(Math.min(Math.max(frame.y - h - 2, 2), H - 2 - h)), w: w, h: h };
  }
  network.on("beforeDrawing", function (ctx) {
    // An opaque background, so the PNG of the view is not transparent.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  });
  network.on("afterDrawing", drawLabels);
  network.on("zoom", function () {
    var all = data.nodes.length <= GAPS_ALL_UP_TO || network.getScale() >= GAPS_ALL_SCALE;
    if (all !== state.allGaps) { state.allGaps = all; sync(); }
  });

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
    var links = data.edges.filter(function (e) { return e.from === n.id || e.to === n.id; });
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

  // --- focus: the selected node's neighbourhood within `depth` steps; the rest fades ----------
  function around(id, depth) {
    var seen = new Set([id]), frontier = [id];
    for (var step = 0; step < depth; step++) {
      var next = [];
      frontier.forEach(function (a) {
        adjacency.get(a).forEach(function (b) { if (!seen.has(b)) { seen.add(b); next.push(b); } });
      });
      frontier = next;
    }
    return seen;
  }
  function openFor(ids) {
    if (state.level !== "communities") { return; }
    ids.forEach(function (id) { var n = byId.get(id); if (n) { state.open.add(n.g); } });
  }
  function select(id) {
    var n = byId.get(id);
    if (!n) { return; }
    state.selected = id;
    state.neighbours = around(id, state.depth);
    openFor(state.neighbours);
    sync();
    network.selectNodes([id]);
    showPanel(n);
  }
  function clearSelection() {
    if (state.selected === null) { return; }
    state.selected = null;
    state.neighbours = null;
    sync();
    network.unselectAll();
    if (panel) { panel.replaceChildren(); }
    if (hint) { hint.hidden = false; }
  }
  function animation() {
    return data.nodes.length > 2000 || document.documentElement.hasAttribute("data-gm-still") ? false :
      { duration: 350, easingFunction: "easeInOutQuad" };
  }
  // vis-network fits hidden nodes too: frame only what is shown.
  function fitVisible() {
    network.fit({ nodes: nodes.getIds({ filter: function (n) { return !n.hidden; } }), animation: false });
  }
  // Frame the selected node with its whole neighbourhood, not just the node.
  function frame() {
    if (state.selected === null) { return; }
    var ids = Array.from(state.neighbours).filter(function (id) { return !nodeHidden(byId.get(id)); });
    network.fit({ nodes: ids, maxZoomLevel: 1.4, animation: animation() });
  }
  function choose(id) {
    if (!byId.has(id)) { return; }
    select(id);
    frame();
  }
  function openCommunity(k) {
    state.open.add(k);
    if (state.selected !== null) { clearSelection(); }
    sync();
    network.fit({ nodes: communities[k].members.filter(function (id) { return !nodeHidden(byId.get(id)); }),
                  animation: animation() });
  }
  function setLevel(level) {
    if (!communities.length) { return; }
    state.level = level;
    state.open = new Set();
    if (state.selected !== null && level === "communities") { openFor(state.neighbours); }
    sync();
    levelButtons();
    fitVisible();
  }
  network.on("click", function (params) {
    var id = params.nodes.length ? params.nodes[0] : null;
    if (id !== null && groupById.has(id)) { openCommunity(groupById.get(id).group); }
    else if (id !== null) { select(id); }
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

  // --- filters, fading, layers, depth, colours --------------------------------------------------
  function allowed(key) {
    var box = document.querySelector('.gm-filter[data-filter="' + key + '"]');
    if (!box) { return null; }
    var set = new Set();
    box.querySelectorAll("input[type=checkbox]").forEach(function (c) { if (c.checked) { set.add(c.value); } });
    return set;
  }
  var fadeBox = document.getElementById("gm-fade");
  function applyFilters() {
    var sectors = allowed("sector"), territories = allowed("territory"), stages = allowed("stage"),
        relations = allowed("relation");
    state.fadeFilters = !!(fadeBox && fadeBox.checked);
    var out = new Set();
    data.nodes.forEach(function (n) {
      var f = n.f;
      if ((f.sector !== undefined && sectors && !sectors.has(f.sector)) ||
          (f.stage !== undefined && stages && !stages.has(f.stage)) ||
          (f.territory !== undefined && territories && !territories.has(f.territory))) {
        out.add(n.id);
      }
    });
    state.hiddenNodes = state.fadeFilters ? new Set() : out;
    state.fadedNodes = state.fadeFilters ? out : new Set();
    state.hiddenTypes = new Set();
    if (relations) {
      data.edges.forEach(function (e) { if (!relations.has(e.type)) { state.hiddenTypes.add(e.type); } });
    }
    if (state.selected !== null && state.hiddenNodes.has(state.selected)) { clearSelection(); }
    sync();
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
  if (fadeBox) { fadeBox.addEventListener("change", applyFilters); }
  function setLayer(name, on) {
    var box = document.querySelector('input[data-layer="' + name + '"]');
    if (box) { box.checked = on; }
    if (name === "gaps") { state.gaps = on; }
    if (name === "opportunities") { state.opps = on; }
  }
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () { setLayer(box.dataset.layer, box.checked); sync(); });
  });
  var depthBox = document.getElementById("gm-depth");
  function setDepth(depth) {
    state.depth = Math.max(1, Math.min(3, depth | 0 || 1));
    if (depthBox) { depthBox.value = String(state.depth); }
  }
  if (depthBox) {
    depthBox.addEventListener("change", function () {
      setDepth(Number(depthBox.value));
      if (state.selected !== null) { choose(state.selected); }
    });
  }
  function setColors(mode) {
    var colors = (data.colors || {})[mode];
    state.colorBy = mode;
    data.nodes.forEach(function (n, i) { n.color = colors ? colors[i] : n.base; });
    document.querySelectorAll("[data-gm-legend]").forEach(function (box) {
      box.hidden = box.dataset.gmLegend !== (colors ? mode : data.color_by);
    });
  }
  var fit = document.getElementById("gm-fit");
  if (fit) { fit.addEventListener("click", function () { fitVisible(); }); }
  var levelBox = document.getElementById("gm-level");
  function levelButtons() {
    if (!levelBox) { return; }
    levelBox.hidden = !communities.length;
    levelBox.querySelectorAll("button[data-level]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.level === state.level));
    });
  }
  if (levelBox) {
    levelBox.querySelectorAll("button[data-level]").forEach(function (b) {
      b.addEventListener("click", function () { setLevel(b.dataset.level); });
    });
    levelButtons();
  }

  // --- guided views: previous / next, arrow keys, and a link per view (#view=2) ---------------
  var viewBar = document.getElementById("gm-views");
  function showView() {
    if (!viewBar) { return; }
    var v = views[state.view];
    viewBar.querySelector(".gm-view-count").textContent = v ?
      fill(T.view_counter, { n: state.view + 1, total: views.length }) : T.views + " · " + views.length;
    viewBar.querySelector(".gm-view-title").textContent = v ? v.title : "";
    viewBar.querySelector(".gm-view-caption").textContent = v ? v.caption : "";
    var link = viewBar.querySelector(".gm-view-link");
    if (link) { link.hidden = !v; link.href = "#view=" + (state.view + 1); }
  }
  function applyView(k) {
    var v = views[k];
    if (!v) { return false; }
    state.view = k;
    document.querySelectorAll(".gm-filter").forEach(function (box) {
      var keep = v.filters[box.dataset.filter];
      box.querySelectorAll("input[type=checkbox]").forEach(function (c) {
        c.checked = !keep || keep.indexOf(c.value) >= 0;
      });
    });
    if (fadeBox) { fadeBox.checked = !!v.fade; }
    if (v.layers !== null) {
      data.layers.forEach(function (name) { setLayer(name, v.layers.indexOf(name) >= 0); });
    }
    setColors(v.color || data.color_by);
    setDepth(v.depth);
    state.selected = null;
    state.neighbours = null;
    network.unselectAll();
    if (panel) { panel.replaceChildren(); }
    if (hint) { hint.hidden = false; }
    state.level = communities.length ? "communities" : "nodes";
    state.open = new Set();
    levelButtons();
    applyFilters();
    if (v.focus && byId.has(v.focus)) { choose(v.focus); } else { fitVisible(); }
    showView();
    if (location.hash !== "#view=" + (k + 1)) { history.replaceState(null, "", "#view=" + (k + 1)); }
    return true;
  }
  function step(delta) {
    if (!views.length) { return; }
    applyView(((state.view < 0 ? (delta > 0 ? -1 : 0) : state.view) + delta + views.length) % views.length);
  }
  if (viewBar && views.length) {
    viewBar.hidden = false;
    viewBar.querySelector("[data-step='-1']").addEventListener("click", function () { step(-1); });
    viewBar.querySelector("[data-step='1']").addEventListener("click", function () { step(1); });
    document.addEventListener("keydown", function (event) {
      var tag = event.target && event.target.tagName;
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.altKey || event.ctrlKey ||
          event.metaKey) { return; }
      if (event.key === "ArrowRight" || event.key === "PageDown") { event.preventDefault(); step(1); }
      if (event.key === "ArrowLeft" || event.key === "PageUp") { event.preventDefault(); step(-1); }
    });
    showView();
  }
  function viewFromHash() {
    var match = /(?:^#|&)view=(\d+)/.exec(location.hash);
    return match ? applyView(Number(match[1]) - 1) : false;
  }
  window.addEventListener("hashchange", viewFromHash);

  // --- PNG of this view, and print keeping it ----------------------------------------------------
  function png() { return canvas.toDataURL("image/png"); }
  var pngButton = document.getElementById("gm-png");
  if (pngButton) {
    pngButton.addEventListener("click", function () {
      var a = document.createElement("a");
      a.href = png();
      a.download = "graphmap" + (state.view >= 0 ? "-view-" + (state.view + 1) : "") + ".png";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }
  // Paper has another size than the screen: vis-network rescales on a resize, so the same
  // centre and scale are put back after every resize until the print is over.
  var kept = null, keptUntil = 0;
  function restoreView() {
    if (kept) { network.moveTo({ position: kept.position, scale: kept.scale, animation: false }); }
  }
  network.on("resize", function () {
    // vis-network sets its own camera after this event: restore once it is done.
    if (kept && (keptUntil === 0 || performance.now() < keptUntil)) { setTimeout(restoreView, 0); }
  });
  window.addEventListener("beforeprint", function () {
    kept = { position: network.getViewPosition(), scale: network.getScale() };
    keptUntil = 0;
    network.redraw();
    restoreView();
  });
  window.addEventListener("afterprint", function () {
    keptUntil = performance.now() + 1500;
    network.redraw();
    restoreView();
  });

  // Links elsewhere on the page (the report's tables) can point at a node of the map.
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-gm-node]") : null;
    if (!target || !byId.has(target.dataset.gmNode)) { return; }
    event.preventDefault();
    container.scrollIntoView({ behavior: "auto", block: "center" });
    choose(target.dataset.gmNode);
  });

  var api = { network: network, nodes: nodes, edges: edges, data: data, state: state,
              search: search, select: select, choose: choose, clearSelection: clearSelection,
              applyFilters: applyFilters, applyView: applyView, setLevel: setLevel,
              openCommunity: openCommunity, png: png, sync: sync, ready: false,
              // Read-only copies of the labels of the last frame, in CSS pixels of the canvas.
              drawnLabels: function () { return drawn.map(function (b) { return Object.assign({}, b); }); },
              canvasSize: function () { return [canvas.clientWidth, canvas.clientHeight]; } };
  window.graphmap = api;
  window.graphmapMap = api;
  network.once("afterDrawing", function () {
    api.ready = true;
    api.drawnAt = performance.now();
    document.documentElement.setAttribute("data-gm-ready", "1");
  });
  fitVisible();
  state.allGaps = data.nodes.length <= GAPS_ALL_UP_TO || network.getScale() >= GAPS_ALL_SCALE;
  sync();
  if (!viewFromHash() && data.focus) { setDepth(data.depth || 1); select(data.focus); }
}());
