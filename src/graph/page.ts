/**
 * The style and script of the HTML graph page (html.ts inlines them). The script reads the graph
 * from the page's JSON element, lays out what is visible with dagre, and draws it as SVG; every
 * piece of text from the manifests goes through textContent or a text node, never through markup.
 * Filters by namespace and kind, a "broken links only" switch, clusters (namespace, then
 * application) that open on a click beyond the page's threshold, pan and zoom, and a panel with
 * the findings of the clicked node or link at their file:line.
 */

export const PAGE_STYLE = String.raw`
:root { --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --soft: #f6f8fa; --err: #cf222e; --errbg: #ffebe9; --warn: #9a6700; --warnbg: #fff8c5; --info: #0969da; --sel: #0969da; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
body { display: flex; flex-direction: column; }
#bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid var(--line); background: var(--soft); }
#summary { color: var(--muted); }
#filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-left: auto; }
#filters details { position: relative; }
#filters summary { cursor: pointer; padding: 2px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); list-style: none; }
#filters details[open] > div { position: absolute; right: 0; z-index: 10; max-height: 60vh; overflow: auto; min-width: 220px; padding: 6px 10px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.12); }
#filters label { display: block; white-space: nowrap; }
#filters > label { display: inline; }
button { font: inherit; padding: 2px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); cursor: pointer; }
#main { flex: 1; display: flex; min-height: 0; }
#canvas { flex: 1; min-width: 0; position: relative; }
#graph { width: 100%; height: 100%; display: block; cursor: grab; user-select: none; }
#details { width: 340px; overflow: auto; border-left: 1px solid var(--line); padding: 10px 12px; }
#details h2 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
#details h3 { font-size: 13px; margin: 14px 0 4px; }
#details ul { list-style: none; margin: 0; padding: 0; }
#details li { padding: 4px 0; border-bottom: 1px solid var(--soft); word-break: break-word; }
.where { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; color: var(--muted); }
.sev { font-weight: 600; text-transform: uppercase; font-size: 10px; margin-right: 4px; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-info { color: var(--info); }
.hint, .rule { color: var(--muted); font-size: 12px; }
.pick { color: var(--sel); cursor: pointer; text-decoration: underline; }
.ns-box rect { fill: #f6f8fa; stroke: var(--line); }
.ns-box text { fill: var(--muted); font-size: 12px; font-weight: 600; }
.node rect { fill: #ffffff; stroke: #8c959f; stroke-width: 1; }
.node.has-error rect { fill: var(--errbg); stroke: var(--err); }
.node.has-warning rect { fill: var(--warnbg); stroke: var(--warn); }
.node.external rect { fill: #f6f8fa; stroke-dasharray: 4 3; }
.node.cluster rect { stroke-width: 2; stroke: #6e7781; }
.node.selected rect { stroke: var(--sel); stroke-width: 3; }
.node { cursor: pointer; }
.node .kind { fill: var(--muted); font-size: 11px; }
.node .name { fill: var(--fg); font-size: 14px; font-weight: 600; }
.node .meta { fill: var(--muted); font-size: 11px; }
.node .meta.has-error { fill: var(--err); }
.node .meta.has-warning { fill: var(--warn); }
.edge path { fill: none; stroke: #8c959f; stroke-width: 1.2; }
.edge.broken path { stroke: var(--err); stroke-width: 2; stroke-dasharray: 6 4; }
.edge.broken.warning path { stroke: var(--warn); }
.edge.selected path { stroke: var(--sel); stroke-width: 3; }
.edge .hit { stroke: transparent; stroke-width: 10; stroke-dasharray: none; }
.edge { cursor: pointer; }
.edge text { font-size: 11px; fill: var(--muted); }
.edge.broken text { fill: var(--err); font-weight: 600; stroke: #ffffff; stroke-width: 3px; paint-order: stroke; }
.edge.broken.warning text { fill: var(--warn); }
`;

export const PAGE_SCRIPT = String.raw`(function () {
"use strict";
var DATA = JSON.parse(document.getElementById("graph-data").textContent);
var graph = DATA.graph;
var LIMIT = DATA.collapseAbove;
var SVG = "http://www.w3.org/2000/svg";
var NODE_W = 220, NODE_H = 60;
var svg = document.getElementById("graph");
var details = document.getElementById("details");
var nodeById = new Map();
graph.nodes.forEach(function (n) { nodeById.set(n.id, n); });
var hiddenNs = new Set(), hiddenKinds = new Set();
var brokenOnly = false;
var expanded = new Set();
var selected = null;
var view = { x: 0, y: 0, w: 100, h: 100 };
var unitOfNode = new Map();

function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function sv(tag, attrs, text) {
  var e = document.createElementNS(SVG, tag);
  for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, String(attrs[k]));
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function clip(s, n) { s = String(s); return s.length <= n ? s : s.slice(0, n - 1) + "\u2026"; }
function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
function nsTitle(ns) { return ns ? "namespace " + ns : "cluster-scoped"; }
function nsKey(n) { return "ns:" + n.namespace; }
function appKey(n) { return "app:" + n.namespace + "\u0000" + (n.app !== undefined ? "app " + n.app : n.kind); }
function appTitle(key) { return key.slice(key.indexOf("\u0000") + 1); }
function group(list, keyOf) {
  var m = new Map();
  list.forEach(function (x) { var k = keyOf(x); var l = m.get(k); if (l) l.push(x); else m.set(k, [x]); });
  return m;
}
function where(file, line, column) { return file + ":" + line + (column ? ":" + column : ""); }
function nodeTitle(n) { return n.kind + " " + (n.namespace ? n.namespace + "/" : "") + n.name; }
function counts(members) {
  var c = { error: 0, warning: 0, info: 0 };
  members.forEach(function (m) { c.error += m.findings.error; c.warning += m.findings.warning; c.info += m.findings.info; });
  return c;
}
function countText(c) {
  var parts = [];
  if (c.error) parts.push(plural(c.error, "error"));
  if (c.warning) parts.push(plural(c.warning, "warning"));
  if (c.info) parts.push(c.info + " info");
  return parts.join(", ");
}

var brokenEnds = new Set();
graph.edges.forEach(function (e) { if (e.broken) { brokenEnds.add(e.from); brokenEnds.add(e.to); } });

function visibleNodes() {
  return graph.nodes.filter(function (n) {
    if (hiddenNs.has(n.namespace) || hiddenKinds.has(n.kind)) return false;
    if (brokenOnly && !brokenEnds.has(n.id) && !n.findings.error && !n.findings.warning) return false;
    return true;
  });
}

/** Opens as much as fits under LIMIT: namespaces with the fewest applications first, then the smallest applications. */
function autoExpand(visible) {
  expanded.clear();
  var byNs = group(visible, nsKey), byApp = group(visible, appKey);
  if (visible.length <= LIMIT) {
    byNs.forEach(function (_, k) { expanded.add(k); });
    byApp.forEach(function (_, k) { expanded.add(k); });
    return;
  }
  var total = byNs.size;
  var appsOf = group(Array.from(byApp.keys()), function (k) { return "ns:" + k.slice(4, k.indexOf("\u0000")); });
  Array.from(byNs.keys()).sort(function (a, b) { return (appsOf.get(a) || []).length - (appsOf.get(b) || []).length; }).forEach(function (k) {
    var cost = (appsOf.get(k) || []).length - 1;
    if (total + cost <= LIMIT) { expanded.add(k); total += cost; }
  });
  Array.from(byApp.entries()).filter(function (e) { return expanded.has("ns:" + e[0].slice(4, e[0].indexOf("\u0000"))); })
    .sort(function (a, b) { return a[1].length - b[1].length; }).forEach(function (e) {
      var cost = e[1].length - 1;
      if (cost > 0 && total + cost <= LIMIT) { expanded.add(e[0]); total += cost; }
    });
}

function unitsOf(visible) {
  var byNs = group(visible, nsKey), byApp = group(visible, appKey);
  var units = new Map();
  unitOfNode = new Map();
  visible.forEach(function (n) {
    var k1 = nsKey(n), k2 = appKey(n), id;
    if (!expanded.has(k1) && byNs.get(k1).length > 1) id = k1;
    else if (!expanded.has(k2) && byApp.get(k2).length > 1) id = k2;
    else id = n.id;
    unitOfNode.set(n.id, id);
    var u = units.get(id);
    if (!u) units.set(id, u = { id: id, namespace: n.namespace, node: id === n.id ? n : null, members: [] });
    u.members.push(n);
  });
  return units;
}

/** How bad a broken link is: "error" when a finding about it is an error, else "warning" (drawn in that colour). */
function brokenSeverity(e) {
  return e.findings.some(function (i) { return graph.findings[i].severity === "error"; }) ? "error" : "warning";
}

function unitEdges(units) {
  var out = new Map();
  graph.edges.forEach(function (e) {
    var a = unitOfNode.get(e.from), b = unitOfNode.get(e.to);
    if (a === undefined || b === undefined || a === b) return;
    var k = a + "\u0000" + b;
    var u = out.get(k);
    if (!u) out.set(k, u = { id: k, from: a, to: b, edges: [], broken: false, severity: undefined });
    u.edges.push(e);
    if (e.broken) { u.broken = true; if (u.severity !== "error") u.severity = brokenSeverity(e); }
  });
  return out;
}

function render() {
  var started = performance.now();
  var visible = visibleNodes();
  var units = unitsOf(visible);
  var edges = unitEdges(units);
  var g = new dagre.graphlib.Graph({ compound: true });
  g.setGraph({ rankdir: "LR", nodesep: 16, ranksep: 40, edgesep: 8, marginx: 16, marginy: 28 });
  g.setDefaultEdgeLabel(function () { return {}; });
  var namespaces = new Set();
  units.forEach(function (u) {
    g.setNode(u.id, { width: NODE_W, height: NODE_H });
    namespaces.add(u.namespace);
    g.setParent(u.id, "box:" + u.namespace);
  });
  namespaces.forEach(function (ns) { g.setNode("box:" + ns, {}); });
  edges.forEach(function (e) { g.setEdge(e.from, e.to, e.broken ? { minlen: 1, width: 96, height: 16, labelpos: "c" } : { minlen: 1 }); });
  dagre.layout(g);
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  var defs = sv("defs");
  [["arrow", "#8c959f"], ["arrow-error", "#cf222e"], ["arrow-warning", "#9a6700"]].forEach(function (m) {
    var marker = sv("marker", { id: m[0], viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    marker.appendChild(sv("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: m[1] }));
    defs.appendChild(marker);
  });
  svg.appendChild(defs);
  var layer = sv("g", { id: "layer" });
  svg.appendChild(layer);
  namespaces.forEach(function (ns) {
    var box = g.node("box:" + ns);
    if (!box || box.width === undefined) return;
    var gb = sv("g", { "class": "ns-box", "data-namespace": ns });
    gb.appendChild(sv("rect", { x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height, rx: 8 }));
    gb.appendChild(sv("text", { x: box.x - box.width / 2 + 4, y: box.y - box.height / 2 - 5 }, nsTitle(ns)));
    layer.appendChild(gb);
  });
  edges.forEach(function (e) {
    var laid = g.edge(e.from, e.to);
    var pts = laid.points;
    var d = "M " + pts.map(function (p) { return p.x.toFixed(1) + " " + p.y.toFixed(1); }).join(" L ");
    var ge = sv("g", { "class": "edge" + (e.broken ? " broken " + e.severity : ""), "data-edge": e.edges.length === 1 ? e.edges[0].id : e.edges.map(function (x) { return x.id; }).join(" ") });
    ge.appendChild(sv("title", {}, edgeTitle(e)));
    ge.appendChild(sv("path", { d: d, "class": "hit" }));
    ge.appendChild(sv("path", { d: d, "marker-end": e.broken ? "url(#arrow-" + e.severity + ")" : "url(#arrow)" }));
    if (e.broken) {
      ge.appendChild(sv("text", { x: laid.x, y: laid.y + 4, "text-anchor": "middle" }, "\u2716 " + clip(e.edges.filter(function (x) { return x.broken; })[0].relation, 16)));
    }
    ge.addEventListener("click", function (ev) { ev.stopPropagation(); selectEdge(e); });
    layer.appendChild(ge);
  });
  units.forEach(function (u) {
    var p = g.node(u.id);
    var gn = sv("g", { transform: "translate(" + (p.x - NODE_W / 2) + "," + (p.y - NODE_H / 2) + ")" });
    var c = counts(u.members);
    var cls = "node" + (c.error ? " has-error" : c.warning ? " has-warning" : "");
    if (u.node) {
      var n = u.node;
      if (n.external) cls += " external";
      gn.setAttribute("data-id", n.id);
      gn.appendChild(sv("title", {}, nodeTitle(n) + (n.file ? "\n" + where(n.file, n.line) : "\n" + (n.external === "generated" ? "made by a kustomization generator" : "not defined in the input"))));
      gn.appendChild(sv("rect", { width: NODE_W, height: NODE_H, rx: 6 }));
      gn.appendChild(sv("text", { x: 9, y: 17, "class": "kind" }, n.kind + (n.external === "missing" ? " (not defined)" : n.external === "generated" ? " (generated)" : "") + (n.context ? " (context)" : "")));
      gn.appendChild(sv("text", { x: 9, y: 36, "class": "name" }, clip(n.name, 26)));
      var meta = [countText(n.findings), n.qosClass ? "QoS " + n.qosClass : ""].filter(Boolean).join(" \u00b7 ");
      gn.appendChild(sv("text", { x: 9, y: 52, "class": "meta" + (n.findings.error ? " has-error" : n.findings.warning ? " has-warning" : "") }, meta));
    } else {
      cls += " cluster";
      gn.setAttribute("data-cluster", u.id);
      var label = u.id.indexOf("ns:") === 0 ? nsTitle(u.namespace) : appTitle(u.id);
      gn.appendChild(sv("title", {}, label + ": " + plural(u.members.length, "resource") + " (click to open)"));
      gn.appendChild(sv("rect", { width: NODE_W, height: NODE_H, rx: 10 }));
      gn.appendChild(sv("text", { x: 9, y: 17, "class": "kind" }, u.id.indexOf("ns:") === 0 ? "namespace" : "group"));
      gn.appendChild(sv("text", { x: 9, y: 36, "class": "name" }, clip(label, 26)));
      gn.appendChild(sv("text", { x: 9, y: 52, "class": "meta" + (c.error ? " has-error" : c.warning ? " has-warning" : "") }, [plural(u.members.length, "resource"), countText(c)].filter(Boolean).join(" \u00b7 ")));
    }
    gn.setAttribute("class", cls + (selected && selected.type === "node" && selected.id === u.id ? " selected" : ""));
    gn.addEventListener("click", function (ev) {
      ev.stopPropagation();
      if (u.node) selectNode(u.node);
      else { expanded.add(u.id); render(); showCluster(u); }
    });
    layer.appendChild(gn);
  });
  var info = g.graph();
  // dagre gives -Infinity for a graph with nothing in it (no resource, or all filtered out).
  fit(info.width > 0 && isFinite(info.width) ? info.width : 100, info.height > 0 && isFinite(info.height) ? info.height : 100);
  var took = performance.now() - started;
  document.body.setAttribute("data-rendered", String(units.size));
  document.body.setAttribute("data-render-ms", took.toFixed(0));
}

function edgeTitle(e) {
  var lines = [];
  e.edges.forEach(function (x) {
    var a = nodeById.get(x.from), b = nodeById.get(x.to);
    lines.push(nodeTitle(a) + " \u2192 " + x.relation + (x.label ? " " + x.label : "") + " \u2192 " + nodeTitle(b));
    x.findings.forEach(function (i) { lines.push("  " + graph.findings[i].severity + ": " + graph.findings[i].message); });
  });
  return lines.join("\n");
}

function fit(w, h) {
  var r = svg.getBoundingClientRect();
  var aspect = (r.width || 800) / (r.height || 600);
  var vw = Math.max(w, h * aspect), vh = vw / aspect;
  view = { x: (w - vw) / 2, y: (h - vh) / 2, w: vw, h: vh };
  applyView();
}
function applyView() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); }
svg.addEventListener("wheel", function (ev) {
  ev.preventDefault();
  var r = svg.getBoundingClientRect();
  var k = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
  var px = view.x + (ev.clientX - r.left) / r.width * view.w, py = view.y + (ev.clientY - r.top) / r.height * view.h;
  view = { x: px - (px - view.x) * k, y: py - (py - view.y) * k, w: view.w * k, h: view.h * k };
  applyView();
}, { passive: false });
var drag = null;
svg.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; });
window.addEventListener("mousemove", function (ev) {
  if (!drag) return;
  var r = svg.getBoundingClientRect();
  view.x = drag.vx - (ev.clientX - drag.x) / r.width * view.w;
  view.y = drag.vy - (ev.clientY - drag.y) / r.height * view.h;
  applyView();
});
window.addEventListener("mouseup", function () { drag = null; });
svg.addEventListener("click", function () { selected = null; markSelected(); showOverview(); });

function markSelected() {
  Array.prototype.forEach.call(svg.querySelectorAll(".selected"), function (x) { x.classList.remove("selected"); });
  if (!selected) return;
  var list = selected.type === "node" ? svg.querySelectorAll("[data-id]") : svg.querySelectorAll("[data-edge]");
  Array.prototype.forEach.call(list, function (x) {
    var key = selected.type === "node" ? x.getAttribute("data-id") : x.getAttribute("data-edge");
    if (key === selected.id) x.classList.add("selected");
  });
}

function clear() { while (details.firstChild) details.removeChild(details.firstChild); }

function findingItem(f) {
  var li = el("li");
  li.appendChild(el("span", "sev sev-" + f.severity, f.severity));
  li.appendChild(el("span", "where", where(f.file, f.line, f.column)));
  li.appendChild(el("div", "message", f.message));
  if (f.hint) li.appendChild(el("div", "hint", "hint: " + f.hint));
  if (f.related) {
    var rel = el("div", "hint", "related: ");
    var target = f.related.node ? nodeById.get(f.related.node) : null;
    var link = el("span", target ? "pick" : "where", (target ? nodeTitle(target) + " at " : "") + where(f.related.file, f.related.line) + (f.related.message ? " (" + f.related.message + ")" : ""));
    if (target) link.addEventListener("click", function () { selectNode(target); });
    rel.appendChild(link);
    li.appendChild(rel);
  }
  li.appendChild(el("div", "rule", f.ruleId));
  return li;
}

function nodeLink(n) {
  var s = el("span", "pick", nodeTitle(n));
  s.addEventListener("click", function () { selectNode(n); });
  return s;
}

function edgeItem(e, from) {
  var li = el("li");
  var other = nodeById.get(from ? e.to : e.from);
  li.appendChild(el("span", e.broken ? "sev sev-" + brokenSeverity(e) : "rule", e.broken ? "broken" : ""));
  li.appendChild(document.createTextNode((from ? e.relation + (e.label ? " " + e.label : "") + " \u2192 " : "\u2190 " + e.relation + (e.label ? " " + e.label : "") + " from ")));
  li.appendChild(nodeLink(other));
  e.findings.forEach(function (i) { li.appendChild(el("div", "message sev-" + graph.findings[i].severity, graph.findings[i].message)); });
  return li;
}

function selectNode(n) {
  if (unitOfNode.get(n.id) !== n.id) { expanded.add(nsKey(n)); expanded.add(appKey(n)); hiddenNs.delete(n.namespace); hiddenKinds.delete(n.kind); render(); }
  selected = { type: "node", id: n.id };
  markSelected();
  clear();
  details.appendChild(el("div", "rule", n.kind + (n.external === "missing" ? " (not defined in the input)" : n.external === "generated" ? " (made by a kustomization generator)" : "")));
  details.appendChild(el("h2", null, n.name));
  details.appendChild(el("div", "where", nsTitle(n.namespace)));
  if (n.file) details.appendChild(el("div", "where", "defined at " + where(n.file, n.line)));
  if (n.qosClass) details.appendChild(el("div", null, "QoS class: " + n.qosClass));
  if (n.app !== undefined) details.appendChild(el("div", "rule", "app: " + n.app));
  var own = graph.findings.filter(function (f) { return f.node === n.id; });
  details.appendChild(el("h3", null, own.length ? "Findings (" + own.length + ")" : "No findings"));
  var ul = el("ul", "findings");
  own.forEach(function (f) { ul.appendChild(findingItem(f)); });
  details.appendChild(ul);
  var out = graph.edges.filter(function (e) { return e.from === n.id; }), inc = graph.edges.filter(function (e) { return e.to === n.id; });
  if (out.length || inc.length) {
    details.appendChild(el("h3", null, "Links"));
    var links = el("ul", "links");
    out.forEach(function (e) { links.appendChild(edgeItem(e, true)); });
    inc.forEach(function (e) { links.appendChild(edgeItem(e, false)); });
    details.appendChild(links);
  }
  var k = appKey(n);
  if (expanded.has(k) && graph.nodes.filter(function (m) { return appKey(m) === k; }).length > 1 && graph.nodes.length > LIMIT) {
    var b = el("button", null, "collapse " + appTitle(k));
    b.addEventListener("click", function () { expanded.delete(k); render(); showOverview(); });
    details.appendChild(b);
  }
}

function selectEdge(u) {
  selected = { type: "edge", id: u.edges.length === 1 ? u.edges[0].id : u.edges.map(function (x) { return x.id; }).join(" ") };
  markSelected();
  clear();
  details.appendChild(el("h2", null, u.broken ? "Broken link" : plural(u.edges.length, "link")));
  var ul = el("ul", "links");
  u.edges.forEach(function (e) {
    var li = el("li");
    li.appendChild(nodeLink(nodeById.get(e.from)));
    li.appendChild(document.createTextNode(" " + e.relation + (e.label ? " " + e.label : "") + " "));
    li.appendChild(nodeLink(nodeById.get(e.to)));
    if (e.paths.length) li.appendChild(el("div", "where", e.paths.join(", ")));
    var fl = el("ul", "findings");
    e.findings.forEach(function (i) { fl.appendChild(findingItem(graph.findings[i])); });
    li.appendChild(fl);
    ul.appendChild(li);
  });
  details.appendChild(ul);
}

function showCluster(u) {
  clear();
  details.appendChild(el("h2", null, u.id.indexOf("ns:") === 0 ? nsTitle(u.namespace) : appTitle(u.id)));
  details.appendChild(el("div", "rule", "opened: " + plural(u.members.length, "resource")));
  var ul = el("ul");
  u.members.forEach(function (m) { var li = el("li"); li.appendChild(nodeLink(m)); var c = countText(m.findings); if (c) li.appendChild(el("span", "hint", " " + c)); ul.appendChild(li); });
  details.appendChild(ul);
}

function showOverview() {
  clear();
  details.appendChild(el("h2", null, "Overview"));
  details.appendChild(el("div", "rule", "Click a resource to see its findings, a group to open it; scroll to zoom, drag to move."));
  var broken = graph.edges.filter(function (e) { return e.broken; });
  details.appendChild(el("h3", null, broken.length ? "Broken links (" + broken.length + ")" : "No broken links"));
  var ul = el("ul", "broken-links");
  broken.forEach(function (e) {
    var li = el("li");
    li.setAttribute("data-broken-edge", e.id);
    li.appendChild(nodeLink(nodeById.get(e.from)));
    li.appendChild(document.createTextNode(" " + e.relation + (e.label ? " " + e.label : "") + " "));
    li.appendChild(nodeLink(nodeById.get(e.to)));
    e.findings.forEach(function (i) { var f = graph.findings[i]; li.appendChild(el("div", "message sev-" + f.severity, f.message)); li.appendChild(el("div", "where", where(f.file, f.line, f.column))); });
    ul.appendChild(li);
  });
  details.appendChild(ul);
  var loose = graph.findings.filter(function (f) { return f.node === undefined; });
  if (loose.length) {
    details.appendChild(el("h3", null, "Findings on no resource (" + loose.length + ")"));
    var l = el("ul", "findings");
    loose.forEach(function (f) { l.appendChild(findingItem(f)); });
    details.appendChild(l);
  }
}

function checkboxes(title, values, hidden, label) {
  var d = el("details");
  d.appendChild(el("summary", null, title + " (" + values.length + ")"));
  var box = el("div");
  values.forEach(function (v) {
    var l = el("label");
    var c = document.createElement("input");
    c.type = "checkbox"; c.checked = true;
    c.setAttribute("data-filter", title.toLowerCase());
    c.value = v;
    c.addEventListener("change", function () { if (c.checked) hidden.delete(v); else hidden.add(v); autoExpand(visibleNodes()); render(); });
    l.appendChild(c);
    l.appendChild(document.createTextNode(" " + label(v)));
    box.appendChild(l);
  });
  d.appendChild(box);
  return d;
}

function setup() {
  document.getElementById("title").textContent = "k8s-lint graph" + (DATA.title ? ": " + DATA.title : "");
  var s = graph.summary;
  document.getElementById("summary").textContent = plural(s.resources, "resource") + " \u00b7 " + plural(s.edges, "link") + " \u00b7 " + s.brokenEdges + " broken \u00b7 " + plural(s.errors, "error") + ", " + plural(s.warnings, "warning");
  var filters = document.getElementById("filters");
  var nss = Array.from(new Set(graph.nodes.map(function (n) { return n.namespace; }))).sort();
  var kinds = Array.from(new Set(graph.nodes.map(function (n) { return n.kind; }))).sort();
  filters.appendChild(checkboxes("Namespaces", nss, hiddenNs, function (v) { return v || "(cluster-scoped)"; }));
  filters.appendChild(checkboxes("Kinds", kinds, hiddenKinds, function (v) { return v; }));
  var bl = el("label");
  var bc = document.createElement("input");
  bc.type = "checkbox"; bc.id = "broken-only";
  bc.addEventListener("change", function () { brokenOnly = bc.checked; autoExpand(visibleNodes()); render(); });
  bl.appendChild(bc);
  bl.appendChild(document.createTextNode(" broken only"));
  filters.appendChild(bl);
  var all = el("button", null, "open all");
  all.addEventListener("click", function () { visibleNodes().forEach(function (n) { expanded.add(nsKey(n)); expanded.add(appKey(n)); }); render(); });
  var fold = el("button", null, "fold");
  fold.addEventListener("click", function () { autoExpand(visibleNodes()); render(); });
  filters.appendChild(all);
  filters.appendChild(fold);
  autoExpand(visibleNodes());
  render();
  showOverview();
}
setup();
})();
`;
