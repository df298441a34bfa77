"use strict";
// The policygraph explorer. It talks only to /graphql (the public API), so
// it works offline and shows exactly what the API answers. Every view is a
// URL hash; navigation sets the hash and route() draws what it says, so
// back, forward, reload and edited hashes all go through the same path.

const LABELS = ["Document", "Pillar", "MeasureGroup", "Measure", "Target", "Law", "Fund", "PolicyDirection",
  "Amount", "Organisation"];
const COLORS = {Document: "#455a64", Pillar: "#d81b60", MeasureGroup: "#8e24aa", Measure: "#1e88e5",
  Target: "#43a047", Law: "#f4511e", Fund: "#fb8c00", PolicyDirection: "#6d4c41", Amount: "#c0ca33",
  Organisation: "#00897b"};
const SHAPES = {Document: "rectangle", Pillar: "round-rectangle", MeasureGroup: "tag", Measure: "ellipse",
  Target: "triangle", Law: "diamond", Fund: "hexagon", PolicyDirection: "barrel", Amount: "star",
  Organisation: "octagon"};
// DEPENDS_ON is drawn by the dependency view (a pillar relies on a law or
// fund through its mentions); the others are the API's relationship types.
const RELS = ["HAS_PILLAR", "HAS_DIRECTION", "HAS_GROUP", "IN_GROUP", "HAS_MEASURE", "HAS_TARGET", "CITES_LAW",
  "USES_FUND", "RELISTS", "REFERS_TO", "CONTINUES", "EVOLVES_FROM", "HAS_AMOUNT", "MENTIONS_ORG", "DEPENDS_ON"];
// Statuses as the documents write them.
const STATUS = {PAST: "●", FUTURE: "○", PROGRESS: "進捗", TODO: "今後", UNKNOWN: "？"};
const STATUS_LONG = {PAST: "● これまでの施策", FUTURE: "○ 今後の施策", PROGRESS: "進捗（第３次以降の進捗）",
  TODO: "今後（今後検討が必要となる施策）", UNKNOWN: "（本文に記載なし）"};
const EDITION = {2023: "第2次中間整理 (2023)", 2025: "第4次中間整理 (2025)"};

const $ = (s) => document.querySelector(s);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));
const badge = (l) => `<span class="label" style="background:${COLORS[l] || "#999"}">${esc(l)}</span>`;
const short = (s, n) => (s.length > n ? s.slice(0, n) + "…" : s);
const yearOfId = (id) => { const m = /^[a-z]+:(\d{4})(:|$)/.exec(id); return m ? Number(m[1]) : null; };

async function gql(query, variables) {
  const r = await fetch("/graphql", {method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
    body: JSON.stringify({query, variables})});
  const body = await r.json();
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    throw new Error(`${e.extensions?.code || "ERROR"}: ${e.message}`);
  }
  return body.data;
}

function status(msg, isErr) { const s = $("#status"); s.textContent = msg || ""; s.className = isErr ? "err" : ""; }

// ---------------------------------------------------------------- queries

const GN = `fragment GN on GraphNode { id label caption node {
  ... on Measure { status startYear endYear relist document { year } }
  ... on Pillar { document { year } }
  ... on Target { targetYear: year document { year } }
  ... on MeasureGroup { document { year } }
  ... on PolicyDirection { document { year } }
  ... on Amount { document { year } }
  ... on Document { docYear: year } } }`;
const REL = `id type source target properties`;

const Q_HOME = `query Home { documents { id title edition year file lines
    pillars { id key name kind continues { id } measures { totalCount } } }
  stats { totalNodes totalRelationships documents { document { id } nodes { label count } } }
  laws { id name aliases mentions { line } pillars { pillar { id } } }
  funds { id name aliases mentions { line } pillars { pillar { id } } } }`;

const Q_HOOD = `query Hood($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) {
  truncated nodes { ...GN } edges { ${REL} } } } ${GN}`;

const Q_SEARCH = `query Search($q: String!) { search(query: $q, first: 30) {
  node { id __typename } field marked(open: "\\u0001", close: "\\u0002") } }`;

const Q_PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $avoid: [NodeType!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: 20, avoid: $avoid) {
    length nodes { ...GN } edges { ${REL} } } } ${GN}`;

const Q_DEPS = `query Deps($id: ID!) { node(id: $id) { id __typename
  ... on Law { name aliases pillars { ...PU } }
  ... on Fund { name aliases pillars { ...PU } } } }
fragment PU on PillarUse { pillar { id key name document { year } continues { id } }
  mentions { surface line node { id __typename } } }`;

const Q_CMP = `query Compare($id: ID!) { pillar(id: $id) { ...CP continues { ...CP } continuedBy { ...CP } } }
fragment CP on Pillar { id key name document { year edition } measures(first: 500) { nodes { id title status relist
  evolvesFrom { score measure { id title pillar { id key document { year } } } }
  evolvedInto { score measure { id title pillar { id key document { year } } } } } } }`;

const Q_DETAIL = `query Detail($id: ID!) { node(id: $id) { id __typename
  ... on Document { title edition docYear: year publisher file lines sourceUrl }
  ... on Pillar { key pillarKind: kind name aliases longTermGoal source { ...S } document { ...D }
    continues { ...P } continuedBy { ...P } measures { totalCount }
    laws { law { id name } mentions { surface line } } funds { fund { id name } mentions { surface line } } }
  ... on MeasureGroup { name source { ...S } document { ...D } pillar { ...P } }
  ... on Measure { title status horizon startYear endYear relist source { ...S } document { ...D } pillar { ...P }
    group { id name } relistOf { ...M } relistedAs { ...M }
    evolvesFrom { score measure { ...M } } evolvedInto { score measure { ...M } }
    lawMentions { law { id name } surface line } fundMentions { fund { id name } surface line }
    directions { id ordinal title } }
  ... on Target { targetKind: kind text targetYear: year value unit source { ...S } document { ...D } pillar { ...P }
    lawMentions { law { id name } surface line } fundMentions { fund { id name } surface line } }
  ... on Law { name aliases foreign mentions { ...MN } pillars { pillar { ...P } } }
  ... on Fund { name aliases mentions { ...MN } pillars { pillar { ...P } } }
  ... on PolicyDirection { ordinal title source { ...S } document { ...D } }
  ... on Amount { surface qualifier yen amountYear: year startYear endYear source { ...S } document { ...D }
    heldBy { id __typename } }
  ... on Organisation { name aliases orgKind: kind mentions { ...MN } pillars { pillar { ...P } } } } }
fragment S on Source { file lineStart lineEnd quote }
fragment D on Document { id title edition year }
fragment P on Pillar { id key name document { year } }
fragment M on Measure { id title pillar { ...P } }
fragment MN on Mention { surface line node { id __typename
  ... on Measure { title document { year } } ... on Pillar { name document { year } } ... on Target { text document { year } } } }`;

// ---------------------------------------------------------------- state

const S = {
  route: null,     // the parsed hash last drawn
  viewKey: "",     // what is on the canvas (route without selection, filters, search)
  ready: false,    // false while a route is being drawn
  error: "",
  hits: [],
  detail: null,    // the node the detail panel shows
  panel: {},       // what the side panel of the current view holds (tests read it)
  pins: new Set(),
  exports: [],     // kinds exported, for tests
};
const hoodCache = new Map();

// ------------------------------------------------------------- hash routes

function parseHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  const list = (k) => (h.get(k) || "").split(",").filter(Boolean);
  const r = {
    v: h.get("v") || "home",
    n: h.getAll("n"), sel: h.get("sel") || "",
    from: h.get("from") || "", to: h.get("to") || "", avoid: h.get("avoid") === "1", hops: Number(h.get("hops")) || 8,
    id: h.get("id") || "", q: h.get("q") || "",
    hide: list("hide"), rels: list("rels"), st: list("st"), ed: h.get("ed") || "",
    y0: Number(h.get("y0")) || null, y1: Number(h.get("y1")) || null,
  };
  // Old deep links: #id=X opened the neighbourhood of X.
  if (!h.get("v") && r.id) { r.v = "graph"; r.n = [r.id]; r.sel = r.id; }
  if (r.v === "graph" && !r.n.length) r.v = "home";
  return r;
}

function toHash(r) {
  const h = new URLSearchParams();
  if (r.v !== "home") h.set("v", r.v);
  if (r.v === "graph") r.n.forEach((id) => h.append("n", id));
  if (r.v === "path") { if (r.from) h.set("from", r.from); if (r.to) h.set("to", r.to); if (r.avoid) h.set("avoid", "1"); if (r.hops !== 8) h.set("hops", r.hops); }
  if ((r.v === "deps" || r.v === "cmp") && r.id) h.set("id", r.id);
  if (r.sel) h.set("sel", r.sel);
  if (r.q) h.set("q", r.q);
  for (const k of ["hide", "rels", "st"]) if (r[k].length) h.set(k, r[k].join(","));
  if (r.ed) h.set("ed", r.ed);
  if (r.y0) h.set("y0", r.y0);
  if (r.y1) h.set("y1", r.y1);
  return h.toString();
}

const viewKey = (r) => JSON.stringify([r.v, r.n, r.from, r.to, r.avoid, r.hops, r.id]);

// go navigates: a new history entry, or with replace the current one is
// rewritten (selection, filters and search do not fill the history).
function go(changes, replace) {
  const r = {...(S.route || parseHash()), ...changes};
  const h = toHash(r);
  if (h === location.hash.slice(1)) return;
  if (replace) { history.replaceState(null, "", "#" + h); route(); } else location.hash = h;
}
const open = (id) => go({v: "graph", n: [id], sel: id});

let routeSeq = 0;
async function route() {
  const seq = ++routeSeq;
  const r = parseHash();
  const prev = S.route;
  S.route = r;
  S.ready = false;
  S.error = "";
  try {
    if (!prev || prev.q !== r.q) { $("#search").value = r.q; await runSearch(r.q); }
    syncControls(r);
    const key = viewKey(r);
    if (key !== S.viewKey) {
      const views = {home: drawHome, graph: drawGraph, path: drawPath, deps: drawDeps, cmp: drawCompare};
      await (views[r.v] || drawHome)(r, prev);
      if (seq !== routeSeq) return;
      S.viewKey = key;
      applyFilters(r);
      runLayout(r);
    } else applyFilters(r);
    if (seq !== routeSeq) return;
    cy.$(":selected").unselect();
    if (r.sel) {
      cy.getElementById(r.sel).select();
      await showDetail(r.sel);
    } else if (!S.detail || (prev && prev.sel)) showIntro();
  } catch (e) {
    S.error = e.message;
    status(e.message, true);
  }
  if (seq === routeSeq) S.ready = true;
}

// ------------------------------------------------------------------ canvas

cytoscape.use(cytoscapeFcose);
const cy = cytoscape({
  container: $("#cy"),
  minZoom: 0.05, maxZoom: 4,
  style: [
    {selector: "node", style: {
      "background-color": (n) => COLORS[n.data("label")] || "#999",
      "shape": (n) => SHAPES[n.data("label")] || "ellipse",
      "label": "data(display)", "font-size": 10, "font-family": "\"Noto Sans CJK JP\", system-ui, sans-serif",
      "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 150,
      "width": 18, "height": 18, "border-width": 1, "border-color": "#fff",
      "min-zoomed-font-size": 7}},
    {selector: "node[label = \"Document\"]", style: {"width": 34, "height": 26, "font-size": 12, "font-weight": "bold"}},
    {selector: "node[label = \"Pillar\"]", style: {"width": 30, "height": 22, "font-size": 11}},
    {selector: "node[label = \"Law\"], node[label = \"Fund\"]", style: {"width": 24, "height": 24}},
    // Status: filled (●, 進捗) for what was done, hollow (○, 今後) for what is planned.
    {selector: "node[status = \"FUTURE\"], node[status = \"TODO\"]", style: {"background-color": "#fff", "border-width": 3, "border-color": "#1e88e5"}},
    {selector: "node[status = \"TODO\"]", style: {"border-style": "dashed"}},
    {selector: "node[status = \"PROGRESS\"]", style: {"background-color": "#0d47a1"}},
    {selector: "node.seed", style: {"border-width": 3, "border-color": "#222"}},
    {selector: "node.pinned", style: {"border-width": 3, "border-color": "#ff6f00", "border-style": "double"}},
    {selector: "node:selected", style: {"overlay-color": "#1e88e5", "overlay-opacity": 0.25, "overlay-padding": 6}},
    {selector: "node.kbd", style: {"underlay-color": "#ffb300", "underlay-opacity": 0.5, "underlay-padding": 6}},
    {selector: "edge", style: {
      "width": 1.2, "line-color": "#b0b0b0", "target-arrow-color": "#b0b0b0", "target-arrow-shape": "triangle",
      "arrow-scale": 0.8, "curve-style": "bezier", "font-size": 8, "color": "#555", "text-rotation": "autorotate",
      "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1}},
    {selector: "edge.labelled, edge:selected", style: {"label": "data(lbl)"}},
    {selector: "edge[type = \"CONTINUES\"], edge[type = \"EVOLVES_FROM\"]", style: {"line-style": "dashed", "line-color": "#7b1fa2", "target-arrow-color": "#7b1fa2"}},
    {selector: "edge[type = \"RELISTS\"]", style: {"line-color": "#00897b", "target-arrow-color": "#00897b", "line-style": "dotted", "width": 2}},
    {selector: "edge[type = \"CITES_LAW\"]", style: {"line-color": "#f4511e", "target-arrow-color": "#f4511e"}},
    {selector: "edge[type = \"USES_FUND\"], edge[type = \"DEPENDS_ON\"]", style: {"line-color": "#fb8c00", "target-arrow-color": "#fb8c00"}},
    {selector: "edge.path", style: {"width": 3, "line-color": "#1e88e5", "target-arrow-color": "#1e88e5"}},
    {selector: "node.left", style: {"text-halign": "left", "text-valign": "center", "text-margin-x": -4, "text-margin-y": 0}},
    {selector: "node.right", style: {"text-halign": "right", "text-valign": "center", "text-margin-x": 4, "text-margin-y": 0}},
    {selector: ".hidden", style: {"display": "none"}},
  ],
});

// nodeData turns a GraphNode of the API into cytoscape data.
function nodeData(g) {
  const n = g.node || {};
  const year = n.docYear ?? n.document?.year ?? yearOfId(g.id);
  const d = {id: g.id, label: g.label, caption: g.caption, year, status: n.status || null,
    y0: n.startYear ?? n.targetYear ?? null, y1: n.endYear ?? n.targetYear ?? null, relist: !!n.relist};
  d.display = (d.status ? STATUS[d.status] + " " : "") + (d.relist ? "（再掲）" : "") + short(g.caption, 28);
  return d;
}
function edgeData(e) {
  const score = e.properties && e.properties.score;
  return {id: e.id, source: e.source, target: e.target, type: e.type, props: e.properties || null,
    lbl: e.type + (typeof score === "number" ? ` ${score.toFixed(2)}` : "")};
}

// setElements makes the canvas hold exactly these nodes and edges, keeping
// the positions of nodes already there; new nodes start beside `near`.
function setElements(nodes, edges, near) {
  const want = new Set([...nodes.map((n) => n.data.id), ...edges.map((e) => e.data.id)]);
  cy.batch(() => {
    cy.elements().filter((el) => !want.has(el.id())).remove();
    const at = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : {x: 0, y: 0};
    for (const n of nodes) {
      const el = cy.getElementById(n.data.id);
      if (el.nonempty()) { el.data(n.data); if (n.position) el.position(n.position); continue; }
      cy.add({group: "nodes", data: n.data, classes: n.classes || "",
        position: n.position || {x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80}});
    }
    for (const e of edges) {
      if (!cy.getElementById(e.data.id).nonempty() && cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty())
        cy.add({group: "edges", data: e.data, classes: e.classes || ""});
    }
    cy.nodes().forEach((n) => { if (S.pins.has(n.id())) n.lock().addClass("pinned"); });
  });
}

// preset is set by views that place nodes themselves (overview, edition
// and dependency views): the layout menu applies only when asked.
let preset = false;
// fit shows every visible element, but does not blow a handful of nodes up.
function fit() {
  const vis = cy.elements(":visible");
  cy.fit(vis, 30);
  if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(vis); }
}

function runLayout(r, force) {
  const vis = cy.elements(":visible");
  if (!vis.length) return;
  const name = $("#layout").value;
  if (preset && !force) { fit(); return; }
  const opts = {name, animate: false, fit: false, nodeDimensionsIncludeLabels: true, stop: fit};
  if (name === "fcose") Object.assign(opts, {quality: "default", randomize: !S.incremental, nodeRepulsion: 9000, idealEdgeLength: 90, numIter: 1500});
  if (name === "breadthfirst") Object.assign(opts, {directed: false, spacingFactor: 1.1, roots: r && r.v === "path" && r.from ? [r.from] : (r && r.n ? r.n.slice(0, 1) : undefined)});
  if (name === "concentric") Object.assign(opts, {concentric: (n) => (n.hasClass("seed") ? 10 : n.degree()), levelWidth: () => 2, minNodeSpacing: 12});
  vis.layout(opts).run();
  S.incremental = false;
}

function applyFilters(r) {
  const hide = new Set(r.hide), rels = new Set(r.rels), st = new Set(r.st);
  const yearOk = (d) => {
    if (!r.y0 && !r.y1) return true;
    if (d.label !== "Measure" && d.label !== "Target") return true;
    if (d.y0 == null && d.y1 == null) return false; // like the API's year filter
    const a = d.y0 ?? d.y1, b = d.y1 ?? d.y0;
    return (!r.y0 || b >= r.y0) && (!r.y1 || a <= r.y1);
  };
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const keep = n.hasClass("seed") || n.hasClass("endpoint") || (
        !hide.has(d.label) &&
        (!r.ed || d.year == null || String(d.year) === r.ed) &&
        (!st.size || d.label !== "Measure" || st.has(d.status)) &&
        yearOk(d));
      n.toggleClass("hidden", !keep);
    });
    cy.edges().forEach((e) => e.toggleClass("hidden", rels.has(e.data("type")) || e.source().hasClass("hidden") || e.target().hasClass("hidden")));
    const shown = cy.edges(":visible");
    // Labels only while they stay readable; HAS_PILLAR says nothing a layout does not.
    shown.forEach((e) => e.toggleClass("labelled", (shown.length <= 80 || preset) && e.data("type") !== "HAS_PILLAR"));
  });
  const nv = cy.nodes(":visible").length, ne = cy.edges(":visible").length;
  const hidden = cy.nodes().length - nv;
  status(`${nv} nodes, ${ne} edges` + (hidden ? ` (${hidden} filtered out)` : "") + (S.truncated ? " — neighbourhood truncated" : ""));
}

// ------------------------------------------------------------------ views

async function drawHome() {
  preset = true;
  const d = await gql(Q_HOME);
  const nodes = [], edges = [];
  d.documents.forEach((doc, col) => {
    const x = col * 520;
    nodes.push({data: {id: doc.id, label: "Document", caption: doc.edition, display: `${doc.edition} (${doc.year})`, year: doc.year},
      position: {x, y: -80}});
    doc.pillars.forEach((p, i) => {
      nodes.push({data: {id: p.id, label: "Pillar", caption: `${p.key} ${p.name}`, display: `${p.key} ${short(p.name, 16)}（${p.measures.totalCount}）`, year: doc.year},
        position: {x: x + (col ? 60 : -60), y: i * 46}});
      edges.push({data: {id: `home:${doc.id}>${p.id}`, source: doc.id, target: p.id, type: "HAS_PILLAR", lbl: "HAS_PILLAR"}});
      for (const c of p.continues) edges.push({data: {id: `home:${p.id}>${c.id}`, source: p.id, target: c.id, type: "CONTINUES", lbl: "CONTINUES"}});
    });
  });
  cy.elements().remove();
  setElements(nodes, edges);
  const counts = new Map(d.stats.documents.map((s) => [s.document.id, s.nodes]));
  const top = (xs) => [...xs].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  S.panel = {view: "home", documents: d.documents.map((x) => x.id), laws: top(d.laws).slice(0, 8).map((x) => x.id), funds: top(d.funds).map((x) => x.id)};
  const item = (x) => `<li><a class="nav" href="#${esc(toHash({...S.route, v: "deps", id: x.id, sel: x.id}))}">${esc(x.name)}</a>
    <span class="muted">${x.mentions.length} mentions, ${new Set(x.pillars.map((p) => p.pillar.id)).size} pillars</span></li>`;
  $("#panel").innerHTML = `<h2>Two editions</h2>` + d.documents.map((doc) => `<div class="edition-card">
      <a class="nav" href="#${esc(toHash({...S.route, v: "graph", n: [doc.id], sel: doc.id}))}"><b>${esc(doc.edition)}</b> (${doc.year})</a>
      <div class="muted">${esc(doc.title)}</div>
      <div class="counts">${(counts.get(doc.id) || []).filter((c) => c.count && c.label !== "Document").map((c) => `${esc(c.label)} ${c.count}`).join(" · ")}</div>
      <ul class="plain">${doc.pillars.map((p) => `<li><a class="nav" href="#${esc(toHash({...S.route, v: "graph", n: [p.id], sel: p.id}))}">${esc(p.key)} ${esc(p.name)}</a>
        <span class="muted">${p.measures.totalCount} measures</span></li>`).join("")}</ul></div>`).join("") +
    `<h2>Most-cited laws</h2><ul class="plain" id="top-laws">${top(d.laws).slice(0, 8).map(item).join("")}</ul>
     <h2>Funds</h2><ul class="plain" id="top-funds">${top(d.funds).map(item).join("")}</ul>
     <p class="muted">${d.stats.totalNodes} nodes, ${d.stats.totalRelationships} relationships. Double-click a node to expand it.</p>`;
}

async function hood(id) {
  if (!hoodCache.has(id)) hoodCache.set(id, gql(Q_HOOD, {id}).then((d) => d.neighbourhood).catch((e) => { hoodCache.delete(id); throw e; }));
  return hoodCache.get(id);
}

async function drawGraph(r, prev) {
  const wasGraph = prev && prev.v === "graph" && S.viewKey && JSON.parse(S.viewKey)[0] === "graph";
  if (!wasGraph) { preset = false; cy.elements().remove(); }
  const hoods = await Promise.all(r.n.map(hood));
  const nodes = new Map(), edges = new Map();
  hoods.forEach((h) => { h.nodes.forEach((n) => nodes.set(n.id, {data: nodeData(n)})); h.edges.forEach((e) => edges.set(e.id, {data: edgeData(e)})); });
  for (const id of r.n) if (nodes.has(id)) nodes.get(id).classes = "seed";
  S.truncated = hoods.some((h) => h.truncated);
  const added = r.n.find((id) => !prev || !prev.n.includes(id));
  setElements([...nodes.values()], [...edges.values()], added);
  cy.nodes().forEach((n) => n.toggleClass("seed", r.n.includes(n.id())));
  S.incremental = wasGraph;
  S.panel = {view: "graph", seeds: r.n};
  $("#panel").innerHTML = `<h2>Neighbourhoods</h2><ul class="plain">${r.n.map((id) => `<li>${esc(cy.getElementById(id).data("caption") || id)}
    ${r.n.length > 1 ? `<button class="link" data-collapse="${esc(id)}">collapse</button>` : ""}</li>`).join("")}</ul>
    <p class="muted">Double-click a node (or press +) to add its neighbours; collapse removes them. Drag to move, p pins.</p>`;
}

async function drawPath(r) {
  preset = false;
  cy.elements().remove();
  const form = `<h2>Path</h2><form class="path" id="path-form">
    <label>from <input type="text" name="from" value="${esc(r.from)}" placeholder="law:経済安全保障推進法" required></label>
    <label>to <input type="text" name="to" value="${esc(r.to)}" placeholder="pillar:2025:OS-2" required></label>
    <label><input type="checkbox" name="avoid" ${r.avoid ? "checked" : ""}> avoid hub nodes (Document)</label>
    <label>max hops <input type="number" name="hops" min="1" max="8" value="${r.hops}"></label>
    <button type="submit">Find paths</button></form><div id="path-out"></div>`;
  $("#panel").innerHTML = form;
  S.panel = {view: "path", paths: []};
  if (!r.from || !r.to) return;
  const d = await gql(Q_PATHS, {from: r.from, to: r.to, maxHops: r.hops, avoid: r.avoid ? ["DOCUMENT"] : []});
  const nodes = new Map(), edges = new Map();
  for (const p of d.paths) {
    p.nodes.forEach((n) => nodes.set(n.id, {data: nodeData(n)}));
    p.edges.forEach((e) => edges.set(e.id, {data: edgeData(e), classes: "path"}));
  }
  for (const id of [r.from, r.to]) if (nodes.has(id)) nodes.get(id).classes = "endpoint seed";
  setElements([...nodes.values()], [...edges.values()]);
  S.panel.paths = d.paths.map((p) => p.nodes.map((n) => n.id));
  $("#path-out").innerHTML = d.paths.length
    ? `<p>${d.paths.length} shortest path${d.paths.length > 1 ? "s" : ""} of ${d.paths[0].length} hops${r.avoid ? ", avoiding Document hubs" : ""}:</p><ol>` +
      d.paths.map((p) => `<li>${p.nodes.map((n, i) => (i ? ` <span class="muted">${esc(p.edges[i - 1].type)}</span> ` : "") +
        `<a class="nav" href="#${esc(toHash({...S.route, sel: n.id}))}">${esc(short(n.caption, 24))}</a>`).join("")}</li>`).join("") + "</ol>"
    : `<p>No path within ${r.hops} hops.</p>`;
}

async function drawDeps(r) {
  preset = true;
  cy.elements().remove();
  const n = (await gql(Q_DEPS, {id: r.id})).node;
  if (!n || !n.pillars) throw new Error(`${r.id} is not a law or fund`);
  const label = n.__typename;
  const nodes = [{data: {id: n.id, label, caption: n.name, display: n.name}, position: {x: 0, y: 0}, classes: "seed"}];
  const edges = [];
  const byYear = {};
  for (const u of n.pillars) (byYear[u.pillar.document.year] ||= []).push(u);
  const years = Object.keys(byYear).sort();
  years.forEach((y, col) => byYear[y].forEach((u, i) => {
    const p = u.pillar;
    const x = years.length === 1 ? 320 : (col ? 320 : -320), y0 = (i - (byYear[y].length - 1) / 2) * 70;
    nodes.push({data: {id: p.id, label: "Pillar", caption: `${p.key} ${p.name}`, display: `${p.key} ${short(p.name, 14)}`, year: p.document.year}, position: {x, y: y0}});
    edges.push({data: {id: `dep:${p.id}>${n.id}`, source: p.id, target: n.id, type: "DEPENDS_ON", lbl: `${u.mentions.length} mention${u.mentions.length > 1 ? "s" : ""}`}});
  }));
  const shown = new Set(n.pillars.map((u) => u.pillar.id));
  for (const u of n.pillars) for (const c of u.pillar.continues) if (shown.has(c.id))
    edges.push({data: {id: `dep:${u.pillar.id}>${c.id}`, source: u.pillar.id, target: c.id, type: "CONTINUES", lbl: "CONTINUES"}});
  setElements(nodes, edges);
  S.panel = {view: "deps", id: n.id, pillars: n.pillars.map((u) => u.pillar.id)};
  const link = (id, text) => `<a class="nav" href="#${esc(toHash({...S.route, sel: id}))}">${esc(text)}</a>`;
  $("#panel").innerHTML = `<h2>${badge(label)}${esc(n.name)}: pillars relying on it</h2>
    <p class="muted">${esc(n.aliases.join("、"))}</p>` + years.map((y) => `<h3>${esc(EDITION[y] || y)}</h3><table class="deps"><tr><th>pillar</th><th>mentions (surface, line)</th></tr>` +
      byYear[y].map((u) => `<tr><td>${link(u.pillar.id, `${u.pillar.key} ${u.pillar.name}`)}</td><td>${u.mentions.map((m) =>
        `${link(m.node.id, m.surface)} <span class="muted">l.${m.line}</span>`).join("<br>")}</td></tr>`).join("") + "</table>").join("") +
    (years.length ? "" : "<p>No pillar relies on it.</p>");
}

async function drawCompare(r) {
  preset = true;
  cy.elements().remove();
  const p = (await gql(Q_CMP, {id: r.id})).pillar;
  const [older, newer] = p.document.year === 2025 ? [p.continues[0], p] : [p, p.continuedBy[0]];
  const cols = [older, newer].filter(Boolean);
  const nodes = [], edges = [], pairs = [];
  cols.forEach((c) => nodes.push({data: {id: c.id, label: "Pillar", caption: `${c.key} ${c.name}`, display: `${c.document.edition}: ${c.key} ${c.name}`, year: c.document.year},
    position: {x: c === newer ? 420 : 0, y: -70}, classes: "seed"}));
  const oldIdx = new Map((older ? older.measures.nodes : []).map((m, i) => [m.id, i]));
  // Labels face outwards, so the lines between the columns stay clear.
  const mnode = (m, year, x, y) => ({data: nodeData({id: m.id, label: "Measure", caption: m.title, node: {...m, document: {year}}}), position: {x, y},
    classes: x ? "right" : "left"});
  if (older) older.measures.nodes.forEach((m, i) => nodes.push(mnode(m, older.document.year, 0, i * 26)));
  if (newer) {
    // Successors sit level with their best predecessor so the lines stay short.
    const rank = (m) => { const e = m.evolvesFrom.find((x) => oldIdx.has(x.measure.id)); return e ? oldIdx.get(e.measure.id) : 1e6; };
    const sorted = newer.measures.nodes.map((m, i) => ({m, i, k: rank(m)})).sort((a, b) => a.k - b.k || a.i - b.i);
    sorted.forEach(({m}, i) => nodes.push(mnode(m, newer.document.year, 420, i * 26 * Math.max(1, (older ? older.measures.nodes.length : 1) / Math.max(1, sorted.length)))));
    for (const m of newer.measures.nodes) for (const e of m.evolvesFrom) if (oldIdx.has(e.measure.id)) {
      pairs.push({from: m.id, to: e.measure.id, score: e.score});
      edges.push({data: {id: `cmp:${m.id}>${e.measure.id}`, source: m.id, target: e.measure.id, type: "EVOLVES_FROM", props: {score: e.score}, lbl: `EVOLVES_FROM ${e.score.toFixed(2)}`}});
    }
  }
  if (older && newer) edges.push({data: {id: `cmp:${newer.id}>${older.id}`, source: newer.id, target: older.id, type: "CONTINUES", lbl: "CONTINUES"}});
  setElements(nodes, edges);
  const continued = newer ? newer.measures.nodes.filter((m) => m.evolvesFrom.length) : [];
  const fresh = newer ? newer.measures.nodes.filter((m) => !m.evolvesFrom.length) : [];
  const dropped = older ? older.measures.nodes.filter((m) => !m.evolvedInto.length) : [];
  S.panel = {view: "cmp", older: older?.id || null, newer: newer?.id || null, pairs,
    continued: continued.map((m) => m.id), new: fresh.map((m) => m.id), dropped: dropped.map((m) => m.id)};
  const link = (m) => `<a class="nav" href="#${esc(toHash({...S.route, sel: m.id}))}">${m.status ? esc(STATUS[m.status]) + " " : ""}${esc(short(m.title, 40))}</a>`;
  const other = (e) => (older && e.measure.pillar && e.measure.pillar.id !== older.id ? ` <span class="muted">(${esc(e.measure.pillar.key)})</span>` : "");
  $("#panel").innerHTML = `<h2>Editions side by side</h2>
    <p>${older ? `<b>2023</b> ${esc(older.key)} ${esc(older.name)} (${older.measures.nodes.length})` : "no 2023 pillar"} →
       ${newer ? `<b>2025</b> ${esc(newer.key)} ${esc(newer.name)} (${newer.measures.nodes.length})` : "no 2025 successor"}</p>
    <h3>Continued (${continued.length})</h3><ul class="plain cmp-list" id="cmp-continued">${continued.map((m) => `<li>${link(m)}<br><span class="muted">from</span> ${m.evolvesFrom.map((e) =>
      `${link(e.measure)}${other(e)} <span class="muted">score ${e.score.toFixed(2)}</span>`).join("; ")}</li>`).join("")}</ul>
    <h3>New in 2025 (${fresh.length})</h3><ul class="plain cmp-list" id="cmp-new">${fresh.map((m) => `<li>${link(m)}</li>`).join("")}</ul>
    <h3>No longer mentioned (${dropped.length})</h3><ul class="plain cmp-list" id="cmp-dropped">${dropped.map((m) => `<li>${link(m)}</li>`).join("")}</ul>`;
}

// ------------------------------------------------------------ detail panel

function showIntro() {
  S.detail = null;
  $("#detail").innerHTML = `<h2>Explore the two reports</h2><p>Search, or pick an edition, pillar, law or fund on the left.
    Click a node for its details and source text; double-click to expand it.</p>
    <p class="muted">Keys: in the search box ↓/↑ and Enter; on the canvas ←/→ move between nodes, Enter opens, + expands, − collapses, p pins, f fits.</p>`;
}

function citation(n) {
  const s = n.source, doc = n.document;
  // The title names the edition; the seed file and its lines locate the text.
  return `${doc.title}（${doc.year}）, ${s.file}, lines ${s.lineStart}–${s.lineEnd}`;
}

let detailSeq = 0;
async function showDetail(id) {
  const seq = ++detailSeq;
  const n = (await gql(Q_DETAIL, {id})).node;
  if (seq !== detailSeq) return;
  if (!n) { S.detail = {id, missing: true}; $("#detail").innerHTML = `<p class="err">not found: ${esc(id)}</p>`; return; }
  const here = (x) => `<a class="nav" href="#${esc(toHash({...S.route, v: "graph", n: [x], sel: x}))}">`;
  const nav = (x, text) => `${here(x)}${esc(text)}</a>`;
  const pil = (p) => p ? nav(p.id, `${p.document.year} ${p.key} ${p.name}`) : "—";
  const meas = (m) => `${nav(m.id, short(m.title, 50))} <span class="muted">${m.pillar ? `${m.pillar.document.year} ${esc(m.pillar.key)}` : ""}</span>`;
  const rows = [];
  const row = (k, v) => { if (v !== "" && v != null) rows.push(`<dt>${esc(k)}</dt><dd>${v}</dd>`); };
  const title = n.title || n.name || n.text || n.surface || n.id;
  const year = n.docYear || n.document?.year;
  row("id", `<code>${esc(n.id)}</code>`);
  if (year) row("edition", esc(n.document ? `${n.document.edition} (${n.document.year})` : `${n.edition} (${year})`));
  if (n.pillar !== undefined) row("pillar", pil(n.pillar));
  if (n.status) row("status", `<span class="st">${esc(STATUS_LONG[n.status])}</span>`);
  if (n.horizon) row("horizon", esc(n.horizon));
  if (n.startYear || n.endYear) row("years", esc([n.startYear, n.endYear].filter(Boolean).join("–")));
  if (n.group) row("group", nav(n.group.id, n.group.name));
  if (n.relist) row("再掲", n.relistOf ? `repeats the original: <span id="relist-of">${meas(n.relistOf)}</span>` : "marked 再掲; the original was not found");
  if (n.relistedAs?.length) row("relisted as (再掲)", n.relistedAs.map(meas).join("<br>"));
  if (n.evolvesFrom?.length) row("evolves from (2023)", n.evolvesFrom.map((e) => `${meas(e.measure)} <span class="muted">score ${e.score.toFixed(2)}</span>`).join("<br>"));
  if (n.evolvedInto?.length) row("evolved into (2025)", n.evolvedInto.map((e) => `${meas(e.measure)} <span class="muted">score ${e.score.toFixed(2)}</span>`).join("<br>"));
  const ment = (xs, k) => xs.map((m) => `${nav(m[k].id, m[k].name)}: 「${esc(m.surface)}」 <span class="muted">line ${m.line}</span>`).join("<br>");
  if (n.lawMentions?.length) row("laws mentioned", ment(n.lawMentions, "law"));
  if (n.fundMentions?.length) row("funds mentioned", ment(n.fundMentions, "fund"));
  if (n.directions?.length) row("政策の方向性", n.directions.map((d) => nav(d.id, `${d.ordinal}. ${d.title}`)).join("<br>"));
  if (n.__typename === "Pillar") {
    row("aliases", esc(n.aliases.join("、")));
    row("measures", String(n.measures.totalCount));
    if (n.longTermGoal) row("long-term goal", esc(n.longTermGoal));
    if (n.continues.length) row("continues (2023)", n.continues.map(pil).join("<br>"));
    if (n.continuedBy.length) row("continued by (2025)", n.continuedBy.map(pil).join("<br>"));
    if (n.laws.length) row("laws it relies on", n.laws.map((u) => `${nav(u.law.id, u.law.name)} <span class="muted">×${u.mentions.length}</span>`).join("<br>"));
    if (n.funds.length) row("funds it relies on", n.funds.map((u) => `${nav(u.fund.id, u.fund.name)} <span class="muted">×${u.mentions.length}</span>`).join("<br>"));
  }
  if (n.__typename === "Law" || n.__typename === "Fund") {
    row("aliases", esc(n.aliases.join("、")));
    if (n.foreign) row("foreign", "yes");
    row("pillars relying on it", n.pillars.map((u) => pil(u.pillar)).join("<br>"));
    row("mentions", n.mentions.map((m) => `${nav(m.node.id, short(m.node.title || m.node.name || m.node.text || m.node.id, 36))}
      <span class="muted">${m.node.document?.year || ""} 「${esc(m.surface)}」 line ${m.line}</span>`).join("<br>"));
  }
  if (n.__typename === "Amount") {
    row("yen", `${esc(Number(n.yen).toLocaleString("ja-JP"))} 円`);
    if (n.qualifier) row("qualifier", esc(n.qualifier));
    if (n.amountYear) row("year", String(n.amountYear));
    row("stated by", n.heldBy.map((h) => nav(h.id, `${h.__typename} ${h.id}`)).join("<br>"));
  }
  if (n.__typename === "Organisation") {
    row("kind", esc(n.orgKind));
    row("aliases", esc(n.aliases.join("、")));
    row("pillars relying on it", n.pillars.map((u) => pil(u.pillar)).join("<br>"));
    row("mentions", n.mentions.map((m) => `${nav(m.node.id, short(m.node.title || m.node.name || m.node.text || m.node.id, 36))}
      <span class="muted">${m.node.document?.year || ""} 「${esc(m.surface)}」 line ${m.line}</span>`).join("<br>"));
  }
  if (n.__typename === "Document") { row("title", esc(n.title)); row("publisher", esc(n.publisher)); row("file", `${esc(n.file)} (${n.lines} lines)`); }
  if (n.__typename === "Target") { row("kind", esc(n.targetKind)); if (n.targetYear) row("year", String(n.targetYear)); if (n.value != null) row("value", esc(`${n.value} ${n.unit || ""}`)); }
  const acts = [`<button data-act="expand">Expand</button>`, `<button data-act="path-from">Path from here</button>`, `<button data-act="path-to">Path to here</button>`];
  if (n.__typename === "Pillar") acts.push(`<button data-act="cmp">Compare editions</button>`);
  if (n.__typename === "Law" || n.__typename === "Fund") acts.push(`<button data-act="deps">Pillars relying on it</button>`);
  acts.push(`<button data-act="pin">${S.pins.has(n.id) ? "Unpin" : "Pin"}</button>`);
  let src = "";
  if (n.source) {
    const cite = citation(n);
    src = `<h3>Source</h3><div class="cite"><code id="citation">${esc(cite)}</code><button data-act="copy">Copy citation</button></div>
      <blockquote id="quote">${esc(n.source.quote)}</blockquote>`;
  }
  $("#detail").innerHTML = `<h2>${badge(n.__typename)}${esc(n.status ? STATUS[n.status] + " " : "")}${esc(title)}</h2>
    <div class="actions" data-id="${esc(n.id)}">${acts.join("")}</div><dl>${rows.join("")}</dl>${src}`;
  S.detail = {id: n.id, type: n.__typename, title, edition: year || null, status: n.status || null,
    relistOf: n.relistOf?.id || null, citation: n.source ? citation(n) : null, quote: n.source?.quote || null};
}

async function copyText(text) {
  try { await navigator.clipboard.writeText(text); return true; } catch {
    const t = document.createElement("textarea");
    t.value = text; document.body.appendChild(t); t.select();
    const ok = document.execCommand("copy"); t.remove(); return ok;
  }
}

$("#detail").addEventListener("click", async (e) => {
  const b = e.target.closest("button[data-act]");
  if (!b) return;
  const id = S.detail?.id;
  if (!id) return;
  const r = S.route;
  switch (b.dataset.act) {
    case "expand": expand(id); break;
    case "path-from": go({v: "path", from: id, to: r.v === "path" ? r.to : "", sel: id}); break;
    case "path-to": go({v: "path", to: id, from: r.v === "path" ? r.from : "", sel: id}); break;
    case "cmp": go({v: "cmp", id, sel: id}); break;
    case "deps": go({v: "deps", id, sel: id}); break;
    case "pin": togglePin(id); b.textContent = S.pins.has(id) ? "Unpin" : "Pin"; break;
    case "copy": b.textContent = (await copyText(S.detail.citation)) ? "Copied" : "Copy failed"; break;
  }
});

// ---------------------------------------------------------------- actions

function expand(id) {
  const r = S.route;
  if (r.v === "graph") { if (!r.n.includes(id)) go({n: [...r.n, id], sel: id}); }
  // From another view, expanding keeps what is drawn as the seeds.
  else go({v: "graph", n: [...new Set([...cy.nodes(".seed").map((n) => n.id()), id])], sel: id});
}
function collapse(id) {
  const r = S.route;
  if (r.v === "graph" && r.n.length > 1 && r.n.includes(id)) go({n: r.n.filter((x) => x !== id), sel: r.sel === id ? "" : r.sel});
}
function togglePin(id) {
  const n = cy.getElementById(id);
  if (S.pins.has(id)) { S.pins.delete(id); n.unlock().removeClass("pinned"); } else { S.pins.add(id); n.lock().addClass("pinned"); }
}

cy.on("tap", "node", (e) => go({sel: e.target.id()}, true));
cy.on("tap", "edge", (e) => { const d = e.target.data(); status(`${d.type} ${d.source} → ${d.target}` + (d.props ? " " + JSON.stringify(d.props) : "")); });
cy.on("dbltap", "node", (e) => expand(e.target.id()));
cy.on("mouseover", "edge", (e) => e.target.addClass("labelled"));

$("#panel").addEventListener("click", (e) => { const b = e.target.closest("[data-collapse]"); if (b) collapse(b.dataset.collapse); });
$("#panel").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  go({v: "path", from: String(f.get("from")).trim(), to: String(f.get("to")).trim(), avoid: f.get("avoid") === "on", hops: Number(f.get("hops")) || 8});
});

// Keyboard on the canvas: ←/→ (or ↑/↓) walk the visible nodes in reading
// order, Enter opens the node, + expands, - collapses, p pins, f fits.
let kbd = -1;
$("#cy").addEventListener("keydown", (e) => {
  const vis = cy.nodes(":visible").sort((a, b) => a.position("y") - b.position("y") || a.position("x") - b.position("x"));
  if (!vis.length) return;
  const cur = () => vis[Math.max(0, Math.min(kbd, vis.length - 1))];
  const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
  if (step) {
    kbd = (kbd + step + vis.length) % vis.length;
    cy.nodes(".kbd").removeClass("kbd");
    cur().addClass("kbd");
    cy.center(cur());
    go({sel: cur().id()}, true);
  } else if (e.key === "Enter" && kbd >= 0) open(cur().id());
  else if (e.key === "+" && kbd >= 0) expand(cur().id());
  else if (e.key === "-" && kbd >= 0) collapse(cur().id());
  else if (e.key === "p" && kbd >= 0) togglePin(cur().id());
  else if (e.key === "f") fit();
  else return;
  e.preventDefault();
});

// ----------------------------------------------------------------- search

let searchSeq = 0;
async function runSearch(q) {
  const seq = ++searchSeq;
  if (!q.trim()) { $("#hits").innerHTML = ""; S.hits = []; return; }
  const d = await gql(Q_SEARCH, {q});
  if (seq !== searchSeq) return;
  S.hits = d.search.map((h) => ({id: h.node.id, type: h.node.__typename, field: h.field}));
  $("#hits").innerHTML = d.search.map((h) =>
    `<li role="option" tabindex="-1" data-id="${esc(h.node.id)}">${badge(h.node.__typename)}<small>${esc(h.field)}</small><br>` +
    esc(h.marked).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>") + "</li>").join("") ||
    "<li>no match</li>";
}
let timer;
$("#search").addEventListener("input", (e) => { clearTimeout(timer); timer = setTimeout(() => go({q: e.target.value}, true), 250); });
$("#search").addEventListener("keydown", (e) => {
  const first = $("#hits li[data-id]");
  if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
  if (e.key === "Enter") { clearTimeout(timer); go({q: e.target.value}, true); }
});
$("#hits").addEventListener("click", (e) => { const li = e.target.closest("li[data-id]"); if (li) open(li.dataset.id); });
$("#hits").addEventListener("focusin", (e) => {
  $("#hits").querySelectorAll("li").forEach((li) => li.setAttribute("aria-selected", String(li === e.target)));
});
$("#hits").addEventListener("keydown", (e) => {
  const li = e.target.closest("li[data-id]");
  if (!li) return;
  if (e.key === "ArrowDown" && li.nextElementSibling) { e.preventDefault(); li.nextElementSibling.focus(); }
  if (e.key === "ArrowUp") { e.preventDefault(); (li.previousElementSibling || $("#search")).focus(); }
  if (e.key === "Enter") { e.preventDefault(); open(li.dataset.id); }
  if (e.key === "Escape") $("#search").focus();
});

// ---------------------------------------------------------------- filters

function buildFilters() {
  const boxes = (sel, name, values, text, title) => { $(sel).insertAdjacentHTML("beforeend", values.map((v) =>
    `<label title="${esc(title ? title(v) : v)}"><input type="checkbox" name="${name}" value="${esc(v)}" checked> ${esc(text ? text(v) : v)}</label>`).join("")); };
  boxes("#f-labels", "label", LABELS);
  boxes("#f-rels", "rel", RELS);
  boxes("#f-status", "st", Object.keys(STATUS), (s) => STATUS[s], (s) => STATUS_LONG[s]);
  $("#filters").addEventListener("change", () => {
    const unchecked = (name) => [...document.querySelectorAll(`#filters input[name=${name}]:not(:checked)`)].map((i) => i.value);
    const checked = (name) => [...document.querySelectorAll(`#filters input[name=${name}]:checked`)].map((i) => i.value);
    const st = unchecked("st").length ? checked("st") : [];
    go({hide: unchecked("label"), rels: unchecked("rel"), st, ed: document.querySelector("#filters input[name=ed]:checked").value,
      y0: Number($("#y0").value) || null, y1: Number($("#y1").value) || null}, true);
  });
}

function syncControls(r) {
  document.querySelectorAll("#filters input[name=label]").forEach((i) => { i.checked = !r.hide.includes(i.value); });
  document.querySelectorAll("#filters input[name=rel]").forEach((i) => { i.checked = !r.rels.includes(i.value); });
  document.querySelectorAll("#filters input[name=st]").forEach((i) => { i.checked = !r.st.length || r.st.includes(i.value); });
  document.querySelectorAll("#filters input[name=ed]").forEach((i) => { i.checked = i.value === r.ed; });
  $("#y0").value = r.y0 || ""; $("#y1").value = r.y1 || "";
  $("#hide-hubs").checked = r.hide.includes("Document");
  if (r.hide.length || r.rels.length || r.st.length || r.ed || r.y0 || r.y1) $("#filters").open = true;
}

$("#hide-hubs").addEventListener("change", (e) => {
  const hide = S.route.hide.filter((l) => l !== "Document");
  go({hide: e.target.checked ? [...hide, "Document"] : hide}, true);
});

// ----------------------------------------------------------------- legend

function buildLegend() {
  $("#legend").innerHTML = LABELS.map((l) => `<span><span class="sw" style="background:${COLORS[l]}"></span>${l}</span>`).join("") +
    `<span>${["PAST", "FUTURE", "PROGRESS", "TODO"].map((k) => esc(STATUS_LONG[k])).join(" · ")}</span><span>—▸ relationship · ┄ CONTINUES/EVOLVES_FROM · ⋯ RELISTS (再掲)</span>` +
    `<span>bold border: expanded · orange: pinned</span>`;
  $("#legend-toggle").addEventListener("click", (e) => {
    const l = $("#legend"); l.hidden = !l.hidden; e.target.setAttribute("aria-expanded", String(!l.hidden));
  });
}

// ----------------------------------------------------------------- export

function download(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  S.exports.push(name);
}
const xml = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]));
function viewJSON() {
  const vis = cy.elements(":visible");
  return {view: location.hash,
    nodes: vis.nodes().map((n) => ({id: n.id(), label: n.data("label"), caption: n.data("caption"), edition: n.data("year") ?? null, status: n.data("status")})),
    edges: vis.edges().map((e) => ({id: e.id(), type: e.data("type"), source: e.data("source"), target: e.data("target"), properties: e.data("props") || null}))};
}
function viewGraphML() {
  const v = viewJSON();
  const keys = [["label", "node"], ["caption", "node"], ["edition", "node"], ["status", "node"], ["type", "edge"], ["properties", "edge"]];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n` +
    keys.map(([k, f]) => `  <key id="${k}" for="${f}" attr.name="${k}" attr.type="string"/>\n`).join("") +
    `  <graph id="policygraph" edgedefault="directed">\n` +
    v.nodes.map((n) => `    <node id="${xml(n.id)}">` + ["label", "caption", "edition", "status"].filter((k) => n[k] != null)
      .map((k) => `<data key="${k}">${xml(n[k])}</data>`).join("") + "</node>\n").join("") +
    v.edges.map((e) => `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data>` +
      (e.properties ? `<data key="properties">${xml(JSON.stringify(e.properties))}</data>` : "") + "</edge>\n").join("") +
    "  </graph>\n</graphml>\n";
}
const exportName = (ext) => `policygraph-${S.route.v}.${ext}`;
$("#export-png").addEventListener("click", () => download(exportName("png"), cy.png({output: "blob", full: true, scale: 2, bg: "#ffffff"})));
$("#export-graphml").addEventListener("click", () => download(exportName("graphml"), new Blob([viewGraphML()], {type: "application/graphml+xml"})));
$("#export-json").addEventListener("click", () => download(exportName("json"), new Blob([JSON.stringify(viewJSON(), null, 1)], {type: "application/json"})));

$("#layout").addEventListener("change", () => runLayout(S.route, true));
$("#fit").addEventListener("click", fit);

// Tests (and the curious) read what the page shows from here; it is a copy.
window.explorerState = () => JSON.parse(JSON.stringify({
  ready: S.ready, error: S.error, hash: location.hash, route: S.route, hits: S.hits, detail: S.detail, panel: S.panel,
  exports: S.exports, pins: [...S.pins],
  zoom: cy.zoom(), canvas: {width: cy.width(), height: cy.height()},
  nodes: cy.nodes().map((n) => ({...n.data(), visible: n.visible(), selected: n.selected(), seed: n.hasClass("seed"), rendered: n.renderedPosition()})),
  edges: cy.edges().map((e) => ({id: e.id(), type: e.data("type"), source: e.data("source"), target: e.data("target"), score: e.data("props")?.score ?? null, visible: e.visible()})),
}));

buildFilters();
buildLegend();
// On a phone the legend would cover half the canvas: it starts folded.
if (matchMedia("(max-width: 800px)").matches) { $("#legend").hidden = true; $("#legend-toggle").setAttribute("aria-expanded", "false"); }
window.addEventListener("hashchange", route);
route();
