/* graphmap change map: both years on one drawing; tie statuses can be shown or hidden, a
   click on a node lists its ties. User text is only ever set with textContent or given to
   vis-network as plain text. */
(function () {
  "use strict";
  document.querySelectorAll("[data-gc-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  var holder = document.getElementById("compare-data");
  var container = document.getElementById("gc-network");
  if (!holder || !container || typeof vis === "undefined") { return; }
  var data = JSON.parse(holder.textContent);
  var T = data.i18n, C = data.colors;
  var NODE_FILL = { added: "#CFE6F5", removed: "#FBE0CF", kept: "#E4E8EC" };
  var NODE_BORDER = { added: C.added, removed: C.removed, kept: "#8C96A0" };

  var byId = new Map();
  data.nodes.forEach(function (r) {
    byId.set(r[0], { id: r[0], name: r[1], kind: r[2], status: r[3], detail: r[4], x: r[5], y: r[6] });
  });
  // Ties arrive as rows [source, target, type label, status, changed] (compare_html).
  var ties = data.ties.map(function (r, i) {
    var a = byId.get(r[0]), b = byId.get(r[1]);
    var label = { added: T.tie_added, removed: T.tie_removed, kept: T.tie_kept }[r[3]];
    return { id: "t" + i, from: r[0], to: r[1], type: r[2], status: r[3], changed: !!r[4],
             title: (a ? a.name : r[0]) + " → " + (b ? b.name : r[1]) + "\n" + r[2] + " · " + label +
                    (r[4] ? " (" + T.changed + ")" : "") };
  });
  var hidden = new Set();

  function visNode(n) {
    return {
      id: n.id, label: n.name.length > 40 ? n.name.slice(0, 39) + "…" : n.name,
      shape: n.kind === "a" ? "dot" : "diamond", size: n.kind === "a" ? 11 : 13, x: n.x, y: n.y,
      title: n.name + "\n" + n.detail, borderWidth: n.status === "kept" ? 1.5 : 3.5,
      shapeProperties: { borderDashes: n.status === "removed" ? [5, 3] : false },
      color: { background: NODE_FILL[n.status], border: NODE_BORDER[n.status],
               highlight: { background: NODE_FILL[n.status], border: "#111111" },
               hover: { background: NODE_FILL[n.status], border: "#111111" } },
      font: { color: "#1F2328", strokeWidth: 4, strokeColor: "#ffffff", size: 13 }
    };
  }
  function visTie(t) {
    return {
      id: t.id, from: t.from, to: t.to, title: t.title, hidden: hidden.has(t.status),
      width: t.status === "kept" ? 1 : 2.6, dashes: t.status === "removed" ? [6, 5] : false,
      arrows: { to: { enabled: false } }, smooth: { enabled: true, type: "continuous", roundness: 0.2 },
      color: { color: C[t.status], highlight: C[t.status], hover: C[t.status],
               opacity: t.status === "kept" ? 0.55 : 0.95 }
    };
  }
  var nodes = new vis.DataSet(Array.from(byId.values()).map(visNode));
  var edges = new vis.DataSet(ties.map(visTie));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: true, tooltipDelay: 120, keyboard: false, multiselect: false },
    nodes: { font: { face: getComputedStyle(container).fontFamily },
             scaling: { label: { drawThreshold: 8, maxVisible: 40 } } }
  });

  function shownCount(status) {
    return edges.get({ filter: function (e) { return !e.hidden && ties[+e.id.slice(1)].status === status; } }).length;
  }
  document.querySelectorAll("input[data-gc-status]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { hidden.delete(box.dataset.gcStatus); } else { hidden.add(box.dataset.gcStatus); }
      edges.update(ties.map(visTie));
    });
  });

  var panel = document.getElementById("gc-panel"), hint = document.getElementById("gc-hint");
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function show(id) {
    var n = byId.get(id);
    if (!n || !panel) { return; }
    panel.replaceChildren();
    if (hint) { hint.hidden = true; }
    var close = el("button", T.close, "gm-close");
    close.type = "button";
    close.addEventListener("click", clear);
    panel.appendChild(close);
    panel.appendChild(el("h2", n.name));
    panel.appendChild(el("p", n.detail, "gm-small"));
    panel.appendChild(el("p", { added: T.node_added, removed: T.node_removed, kept: T.node_kept }[n.status], "gm-small"));
    var own = ties.filter(function (t) { return t.from === id || t.to === id; });
    if (own.length) {
      panel.appendChild(el("h3", T.ties_of + " (" + own.length + ")"));
      var ul = el("ul");
      own.forEach(function (t) {
        var other = byId.get(t.from === id ? t.to : t.from);
        var label = { added: T.tie_added, removed: T.tie_removed, kept: T.tie_kept }[t.status];
        var li = el("li", (other ? other.name : "") + " — " + t.type + " · ");
        li.appendChild(el("span", label, "gc-tie-" + t.status));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }
  function clear() {
    network.unselectAll();
    if (panel) { panel.replaceChildren(); }
    if (hint) { hint.hidden = false; }
  }
  function choose(id) {
    if (!byId.has(id)) { return; }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.min(Math.max(network.getScale(), 0.7), 1.2), animation: false });
    show(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { show(params.nodes[0]); } else if (!params.edges.length) { clear(); }
  });
  var fit = document.getElementById("gc-fit");
  if (fit) { fit.addEventListener("click", function () { network.fit({ animation: false }); }); }
  // Names in the lists of the page point at their node on the map.
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-gc-node]") : null;
    if (!target || !byId.has(target.dataset.gcNode)) { return; }
    event.preventDefault();
    container.scrollIntoView({ behavior: "auto", block: "center" });
    choose(target.dataset.gcNode);
  });
  ["beforeprint", "afterprint"].forEach(function (name) {
    window.addEventListener(name, function () { network.redraw(); network.fit({ animation: false }); });
  });

  window.graphmapCompare = { network: network, nodes: nodes, edges: edges, ties: ties, data: data,
                             shownCount: shownCount, choose: choose, ready: false };
  network.once("afterDrawing", function () {
    window.graphmapCompare.ready = true;
    document.documentElement.setAttribute("data-gc-ready", "1");
  });
  network.fit({ animation: false });
}());
