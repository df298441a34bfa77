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
// How kinds of edges look on the canvas, and what the legend says of them.
const EDGE_LOOKS = {
  cross: {legend: "┄ across editions", style: {"line-style": "dashed", "line-color": "#7b1fa2", "target-arrow-color": "#7b1fa2"}},
  repeat: {legend: "⋯ a repeat or digest", style: {"line-color": "#00897b", "target-arrow-color": "#00897b", "line-style": "dotted", "width": 2}},
  law: {style: {"line-color": "#f4511e", "target-arrow-color": "#f4511e"}},
  fund: {style: {"line-color": "#fb8c00", "target-arrow-color": "#fb8c00"}},
};
// REL_TYPES is every relationship type the explorer draws, once: the
// relationship filter, the rels= of a link, the edge styles and the legend
// all read it, and the browser test checks it holds every type the API has.
// DEPENDS_ON is the dependency view's own (a pillar relies on a law, fund or
// organisation through its mentions); the others are the API's.
const REL_TYPES = {
  HAS_PILLAR: {desc: "Document → Pillar"},
  HAS_DIRECTION: {desc: "Document → 政策の方向性"},
  HAS_GROUP: {desc: "Pillar or 政策の方向性 → MeasureGroup"},
  IN_GROUP: {desc: "Measure → MeasureGroup"},
  HAS_MEASURE: {desc: "Pillar or 政策の方向性 → Measure"},
  HAS_TARGET: {desc: "Pillar, 政策の方向性, Document or Measure → Target"},
  CITES_LAW: {desc: "Measure, Target or Pillar → Law", look: "law"},
  USES_FUND: {desc: "Measure or Target → Fund", look: "fund"},
  RELISTS: {desc: "再掲 Measure → its original", look: "repeat"},
  SUMMARIZES: {desc: "2023 overview cell → the detail bullet it digests", look: "repeat"},
  RESTATES: {desc: "Target → the first statement of the same goal in its pillar and edition", look: "repeat"},
  REFERS_TO: {desc: "Measure → the group or pillar it points at (後掲・前掲・参照)"},
  CONTINUES: {desc: "2025 Pillar → the 2023 Pillar it continues", look: "cross"},
  EVOLVES_FROM: {desc: "2025 Measure → the 2023 Measure it continues (score)", look: "cross"},
  REVISES: {desc: "Target → the earlier edition's goal it gives a new value", look: "cross"},
  KEEPS: {desc: "Target → the earlier edition's goal it keeps with the same value", look: "cross"},
  HAS_AMOUNT: {desc: "Measure, Target, Fund, Pillar or Document → Amount"},
  MENTIONS_ORG: {desc: "Measure, Target, Pillar or Document → Organisation"},
  DEPENDS_ON: {desc: "Pillar → a law, fund or organisation it relies on (dependency view)", look: "fund"},
};
const RELS = Object.keys(REL_TYPES);
const relsLooking = (look) => RELS.filter((t) => REL_TYPES[t].look === look);
// Statuses as the documents write them.
const STATUS = {PAST: "●", FUTURE: "○", PROGRESS: "進捗", TODO: "今後", UNKNOWN: "？"};
const STATUS_LONG = {PAST: "● これまでの施策", FUTURE: "○ 今後の施策", PROGRESS: "進捗（第３次以降の進捗）",
  TODO: "今後（今後検討が必要となる施策）", UNKNOWN: "（本文に記載なし）"};
const EDITION = {2023: "第2次中間整理 (2023)", 2025: "第4次中間整理 (2025)"};

const $ = (s) => document.querySelector(s);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));
const badge = (l) => `<span class="label" style="background:${COLORS[l] || "#999"}">${esc(l)}</span>`;
const short = (s, n) => (s.length > n ? s.slice(0, n) + "…" : s);
const plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
const yearOfId = (id) => { const m = /^[a-z]+:(\d{4})(:|$)/.exec(id); return m ? Number(m[1]) : null; };

// gqlRetries is how often a request the server refused as busy (503 with
// Retry-After: it sheds load beyond its slots and queue) is asked again,
// after the wait it names.
const gqlRetries = 3;

async function gql(query, variables) {
  let r;
  for (let attempt = 0; ; attempt++) {
    r = await fetch("/graphql", {method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify({query, variables})});
    if (r.status !== 503 || attempt >= gqlRetries) break;
    const wait = Math.min(Number(r.headers.get("Retry-After")) || 1, 5);
    await new Promise((done) => setTimeout(done, wait * 1000));
  }
  const body = await r.json();
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const err = new Error(`${e.extensions?.code || "ERROR"}: ${e.message}`);
    err.code = e.extensions?.code;
    throw err;
  }
  return body.data;
}
// userError is a failure the panel explains in words (a bad link, not a bug).
function userError(msg) { const e = new Error(msg); e.userMessage = msg; return e; }

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
    pillars { id key name kind continues { id } measures { totalCount } distinct: measures(filter: {distinct: true}) { totalCount } } }
  stats { totalNodes totalRelationships documents { document { id } nodes { label count } } }
  laws { id name aliases mentions { line } pillars { pillar { id } } }
  funds { id name aliases mentions { line } pillars { pillar { id } } } }`;

const Q_DOC_MEASURES = `query DocMeasures($id: ID!) { measures(filter: {document: $id, distinct: true}) { totalCount } }`;

const Q_HOOD = `query Hood($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) {
  truncated nodes { ...GN } edges { ${REL} } } } ${GN}`;

// The API gives at most 100 hits and no total: 100 reads as "100 or more".
const Q_SEARCH = `query Search($q: String!) { search(query: $q, first: 100) {
  node { id __typename ... on Measure { document { year } pillar { key } directions { ordinal title } } ... on Target { document { year } pillar { key } }
    ... on MeasureGroup { document { year } pillar { key } direction { ordinal title } } ... on Pillar { key document { year } }
    ... on PolicyDirection { document { year } ordinal title } ... on Document { year } }
  field marked(open: "\\u0001", close: "\\u0002") } }`;

const Q_PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $avoid: [NodeType!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: 20, avoid: $avoid) {
    length nodes { ...GN } edges { ${REL} } } } ${GN}`;

const Q_DEPS = `query Deps($id: ID!) { node(id: $id) { id __typename
  ... on Law { name aliases pillars { ...PU } mentions { ...MU } }
  ... on Fund { name aliases pillars { ...PU } mentions { ...MU } }
  ... on Organisation { name aliases pillars { ...PU } mentions { ...MU } } } }
fragment MU on Mention { surface line node { id __typename ... on Measure { title document { year } }
  ... on Document { title year } ... on Target { text document { year } } ... on Pillar { name document { year } } } }
fragment PU on PillarUse { pillar { id key name document { year } continues { id } }
  mentions { surface line node { id __typename ... on Measure { overview summarizes { source { lineStart } } } } } }`;

// The edition view asks editionDiff for the group of r.id: the pillars
// CONTINUES joins (a merge brings two earlier pillars), or the policy
// directions of both editions. Its lists are the API's (planned with their
// outcomes, new, revised, kept); the columns hold the group's measures,
// each counted once (an overview cell restating a bullet of its pillar is
// left out, as measures(filter: {distinct: true}) does).
const Q_CMP_WHAT = `query CompareWhat($id: ID!) { node(id: $id) { id __typename
  ... on Pillar { document { id year } } ... on PolicyDirection { document { id year } } } documents { id year } }`;
const Q_CMP = `query Compare($from: ID!, $to: ID!, $id: ID!) { editionDiff(from: $from, to: $to, pillar: $id) { groups {
  earlier { ...CP } later { ...CP } earlierDirections { ...CD } laterDirections { ...CD }
  planned { outcome measure { ...CX } evidence { score earlier { id } later { ...CX } } }
  totals { planned progress todo continued notMentioned new revised kept } } } }
fragment CP on Pillar { id key name continues { id } }
fragment CD on PolicyDirection { id ordinal title }
fragment CX on Measure { id title status relist overview pillar { id key } }`;
// The rest of the group (in one query with the above it exceeds the API's
// complexity limit).
const Q_CMP_MORE = `query CompareMore($from: ID!, $to: ID!, $id: ID!) { editionDiff(from: $from, to: $to, pillar: $id) { groups {
  new { id title status relist overview pillar { id key } }
  revised { fromValue toValue unit score earlier { ...CT } later { ...CT } }
  kept { value unit score earlier { ...CT } later { ...CT } } } } }
fragment CT on Target { id text year value unit document { year } }`;
// The measures of one side's pillar or direction (asked apart: in one
// query with the diff they exceed the API's complexity limit).
const Q_CMP_PILLAR = `query ComparePillar($id: ID!) { pillar(id: $id) { all: measures { totalCount }
  measures(filter: {distinct: true}, first: 500) { nodes { ...CM } } } }
fragment CX on Measure { id title status relist overview pillar { id key } }
fragment CM on Measure { ...CX evolvesFrom { score measure { ...CX } } }`;
const Q_CMP_DIRECTION = `query CompareDirection($id: ID!) { node(id: $id) { ... on PolicyDirection { measures { ...CM } } } }
fragment CX on Measure { id title status relist overview pillar { id key } }
fragment CM on Measure { ...CX evolvesFrom { score measure { ...CX } } }`;

// measureCount says how many measures a pillar has, each item once, and how
// many 2023 overview-table cells restate some of them (SUMMARIZES).
function measureCount(all, distinct) {
  const cells = all - distinct;
  return {text: plural(distinct, "measure") + (cells ? ` (+${plural(cells, "overview cell")})` : ""),
    title: cells ? `${distinct} measures, each counted once; ${plural(cells, "cell")} of the 2023 overview table (各分野の主要施策) restate some of them (SUMMARIZES) and are not counted again` : `${distinct} measures`};
}

// compareGroup returns the edition view of r.id: the editionDiff group and
// its two sides, each {label, year, heads: [{id, key, name, count}], measures}.
async function compareGroup(r) {
  const notOne = () => userError(`“${r.id}” is not a pillar or policy direction: the edition view sets one beside the other edition's.`);
  const w = await gql(Q_CMP_WHAT, {id: r.id});
  if (!w.node || !["Pillar", "PolicyDirection"].includes(w.node.__typename)) throw notOne();
  const docs = [...w.documents].sort((a, b) => a.year - b.year);
  const at = docs.findIndex((d) => d.id === w.node.document.id);
  if (docs.length < 2) throw userError("The edition view needs two editions; the graph holds one.");
  // The edition before this one, or for the first, the one after.
  const [from, to] = at > 0 ? [docs[at - 1], docs[at]] : [docs[0], docs[1]];
  const vars = {from: from.id, to: to.id, id: r.id};
  const [a, b] = await Promise.all([gql(Q_CMP, vars), gql(Q_CMP_MORE, vars)]);
  const g = {...a.editionDiff.groups[0], ...b.editionDiff.groups[0]};
  const dirs = g.earlierDirections.length + g.laterDirections.length > 0;
  // Each head's measures, in document order.
  const fill = (xs) => Promise.all(xs.map(async (x) => {
    if (dirs) { x.measures = (await gql(Q_CMP_DIRECTION, {id: x.id})).node.measures; x.all = x.measures.length; } else {
      const p = (await gql(Q_CMP_PILLAR, {id: x.id})).pillar;
      x.measures = p.measures.nodes; x.all = p.all.totalCount;
    }
  }));
  await Promise.all([g.earlier, g.later, g.earlierDirections, g.laterDirections].map(fill));
  const pside = (ps, year) => ({label: "Pillar", year, measures: ps.flatMap((p) => p.measures),
    heads: ps.map((p) => ({id: p.id, key: p.key, name: p.name, measures: p.measures, continues: p.continues.map((c) => c.id), count: measureCount(p.all, p.measures.length)}))});
  const dside = (ds, year) => ({label: "PolicyDirection", year, measures: ds.flatMap((d) => d.measures),
    heads: ds.map((d) => ({id: d.id, key: `方向性${d.ordinal}`, name: d.title, measures: d.measures, continues: [], count: measureCount(d.all, d.measures.length)}))});
  return {g, from, to,
    older: dirs ? dside(g.earlierDirections, from.year) : pside(g.earlier, from.year),
    newer: dirs ? dside(g.laterDirections, to.year) : pside(g.later, to.year)};
}

const Q_DETAIL = `query Detail($id: ID!) { node(id: $id) { id __typename
  ... on Document { title edition docYear: year publisher file lines sourceUrl }
  ... on Pillar { key pillarKind: kind name aliases longTermGoal source { ...S } document { ...D }
    continues { ...P } continuedBy { ...P } measures { totalCount } distinct: measures(filter: {distinct: true}) { totalCount }
    laws { law { id name } mentions { surface line } } funds { fund { id name } mentions { surface line } } }
  ... on MeasureGroup { name source { ...S } document { ...D } pillar { ...P } }
  ... on Measure { title status horizon startYear endYear relist overview source { ...S } document { ...D } pillar { ...P }
    group { id name } relistOf { ...M } relistedAs { ...M } summarizes { ...M } summarizedBy { ...M }
    evolvesFrom { score measure { ...M } } evolvedInto { score measure { ...M } }
    lawMentions { law { id name } surface line } fundMentions { fund { id name } surface line }
    directions { id ordinal title } }
  ... on Target { targetKind: kind text targetYear: year value unit qualifier source { ...S } document { ...D } pillar { ...P }
    revises { ...TR } revisedBy { ...TR } keeps { ...KT } keptBy { ...KT }
    lawMentions { law { id name } surface line } fundMentions { fund { id name } surface line } }
  ... on Law { name aliases foreign mentions { ...MN } pillars { pillar { ...P } } }
  ... on Fund { name aliases mentions { ...MN } pillars { pillar { ...P } } }
  ... on PolicyDirection { ordinal title source { ...S } document { ...D } }
  ... on Amount { surface qualifier yen amountYear: year startYear endYear source { ...S } document { ...D }
    heldBy { id __typename } }
  ... on Organisation { name aliases orgKind: kind mentions { ...MN } pillars { pillar { ...P } } } } }
fragment S on Source { file lineStart lineEnd quote page citation }
fragment TR on TargetRevision { fromValue toValue unit score target { id text year document { year } } }
fragment KT on Target { id text year value unit document { year } }
fragment D on Document { id title edition year }
fragment P on Pillar { id key name document { year } }
fragment M on Measure { id title status pillar { ...P } }
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

// parseHash reads the hash; values it cannot use are dropped and noted in
// r.notices, so a mistyped link says what it ignored instead of filtering
// silently (route() then rewrites the hash to what is applied).
function parseHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  const notices = [];
  const list = (k, known) => {
    const xs = (h.get(k) || "").split(",").filter(Boolean);
    const bad = xs.filter((x) => !known.includes(x));
    if (bad.length) notices.push(`${k}=${bad.join(",")} is not one of ${known.join(", ")}`);
    return xs.filter((x) => known.includes(x));
  };
  const year = (k) => {
    const raw = h.get(k);
    if (raw == null || raw === "") return null;
    const y = Number(raw);
    if (Number.isInteger(y) && y >= 1990 && y <= 2100) return y;
    notices.push(`${k}=${raw} is not a year (1990–2100)`);
    return null;
  };
  let ed = h.get("ed") || "";
  if (ed && !EDITION[ed]) { notices.push(`ed=${ed} is not an edition (2023 or 2025)`); ed = ""; }
  let hops = 8;
  if (h.get("hops")) {
    hops = Number(h.get("hops"));
    if (!Number.isInteger(hops) || hops < 1 || hops > 8) { notices.push(`hops=${h.get("hops")} is not 1–8`); hops = 8; }
  }
  const views = ["home", "graph", "path", "deps", "cmp"];
  let v = h.get("v") || "home";
  if (!views.includes(v)) { notices.push(`v=${v} is not a view`); v = "home"; }
  const r = {
    v, n: h.getAll("n"), sel: h.get("sel") || "",
    from: h.get("from") || "", to: h.get("to") || "", avoid: h.get("avoid") === "1", hops,
    id: h.get("id") || "", q: h.get("q") || "",
    hide: list("hide", LABELS), rels: list("rels", RELS), st: list("st", Object.keys(STATUS)), ed,
    y0: year("y0"), y1: year("y1"), notices,
  };
  // Old deep links: #id=X opened the neighbourhood of X.
  if (!h.get("v") && r.id) { r.v = "graph"; r.n = [r.id]; r.sel = r.id; }
  if (r.v === "graph" && !r.n.length) r.v = "home";
  if (r.v !== "path") r.to = ""; // a pending start (from) may wait in any view; to only means something in a path
  return r;
}

function toHash(r) {
  const h = new URLSearchParams();
  if (r.v !== "home") h.set("v", r.v);
  if (r.v === "graph") r.n.forEach((id) => h.append("n", id));
  if (r.v === "path") { if (r.from) h.set("from", r.from); if (r.to) h.set("to", r.to); if (r.avoid) h.set("avoid", "1"); if (r.hops !== 8) h.set("hops", r.hops); }
  // The start chosen with "Path from here" waits in other views until a path is shown.
  else if (r.from && !r.to) h.set("from", r.from);
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
// searchTimer is a search typed but not yet run (250 ms after the last
// key): a navigation by go before it fires takes the typed text along (a
// link drops it: see the hashchange listener), so the search cannot land
// later and redraw the view the user moved to (a path form being filled
// in, say).
let searchTimer;
function go(changes, replace) {
  if (searchTimer !== undefined) {
    clearTimeout(searchTimer);
    searchTimer = undefined;
    if (!("q" in changes)) changes = {...changes, q: $("#search").value};
  }
  // On the location's route, not S.route: that one is the route last
  // drawn, and lags a navigation whose hashchange is not handled yet (a
  // change made then would drop it).
  const cur = parseHash();
  const r = {...cur, ...changes};
  // Leaving a drawn path forgets its ends; a start without an end is kept.
  if (r.v !== "path" && cur.v === "path" && cur.to && !("from" in changes)) r.from = "";
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
  // Show what the hash asked for that could not be applied, and drop it from the URL.
  S.notices = r.notices;
  $("#notice").hidden = !r.notices.length;
  $("#notice").textContent = r.notices.length ? "Ignored in the link: " + r.notices.join("; ") + "." : "";
  if (r.notices.length && toHash(r) !== location.hash.slice(1)) history.replaceState(null, "", "#" + toHash(r));
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
      if (S.scrollToDetail && seq === routeSeq) { S.scrollToDetail = false; $("#detail").scrollIntoView({block: "start"}); }
    } else if (!S.detail || (prev && prev.sel)) showIntro();
  } catch (e) {
    if (seq !== routeSeq) return;
    // What is drawn is not this view's: forget its key, so the next view
    // (even the one drawn before) is drawn again, and say what went wrong.
    S.viewKey = "";
    cy.elements().remove();
    S.error = e.message;
    S.panel = {view: "error", message: e.userMessage || e.message};
    $("#panel").innerHTML = `<h2>Nothing to show</h2><p class="err" id="view-error">${esc(e.userMessage || e.message)}</p>
      <p><a class="nav" id="to-overview" href="#">Go to the overview</a> or search above.</p>`;
    status(e.message, true);
  }
  if (seq === routeSeq) S.ready = true;
}

// ------------------------------------------------------------------ canvas

cytoscape.use(cytoscapeFcose);
cytoscape.warnings(false);
// Labels of these stay readable at any zoom (labelScale); measures,
// targets and groups show theirs once zoomed in enough to read them.
const KEY_LABELS = new Set(["Document", "Pillar", "Law", "Fund", "PolicyDirection"]);
const cy = cytoscape({
  container: $("#cy"),
  minZoom: 0.05, maxZoom: 4,
  // The default turns one notch of a mouse wheel into a 2.5× zoom (cytoscape
  // warns about any other value; the warning is silenced below).
  wheelSensitivity: 0.3,
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
    {selector: "node.key, node.scaled", style: {"min-zoomed-font-size": 0, "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1}},
    {selector: "node.dim", style: {"opacity": 0.3}},
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
    ...Object.entries(EDGE_LOOKS).map(([look, x]) => ({selector: relsLooking(look).map((t) => `edge[type = "${t}"]`).join(", "), style: x.style})),
    {selector: "edge.path", style: {"width": 3, "line-color": "#1e88e5", "target-arrow-color": "#1e88e5"}},
    {selector: "node.left", style: {"text-halign": "left", "text-valign": "center", "text-margin-x": -4, "text-margin-y": 0}},
    {selector: "node.right", style: {"text-halign": "right", "text-valign": "center", "text-margin-x": 4, "text-margin-y": 0}},
    {selector: "node.above", style: {"text-valign": "top", "text-margin-y": -4}},
    {selector: ".hidden", style: {"display": "none"}},
  ],
});
cytoscape.warnings(true);

// labelScale keeps the labels of KEY_LABELS nodes (and of .scaled ones,
// the edition view's measures) about 10 px on screen
// whatever the zoom (a fitted 200-node graph is drawn at a quarter size).
let labelFrame = 0;
function labelScale(zoom) {
  labelFrame = 0;
  const z = zoom || cy.zoom(), k = Math.max(1, Math.min(4, 1 / z));
  cy.batch(() => cy.nodes(".key, .scaled").forEach((n) => {
    const base = {Document: 12, Pillar: 11, Measure: 10}[n.data("label")] || 11;
    n.style({"font-size": base * k, "text-max-width": 150 * k});
  }));
}
cy.on("zoom", () => { if (!labelFrame) labelFrame = requestAnimationFrame(() => labelScale()); });

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
    cy.nodes().forEach((n) => { if (S.pins.has(n.id())) n.lock().addClass("pinned"); n.toggleClass("key", KEY_LABELS.has(n.data("label"))); });
  });
  labelScale();
}

// preset is set by views that place nodes themselves (overview, edition
// and dependency views): the layout menu applies only when asked.
let preset = false;
// fit shows every visible element, but does not blow a handful of nodes up.
function fit() {
  const vis = shown();
  if (!vis.length) return;
  // Fit the labels at their own size: labelScale grows them as the zoom
  // shrinks, so fitting the grown ones would zoom out further each time.
  labelScale(1);
  const bb = vis.boundingBox(), pad = 20;
  const z = Math.max(cy.minZoom(), Math.min(1.5, (cy.width() - 2 * pad) / Math.max(bb.w, 1), (cy.height() - 2 * pad) / Math.max(bb.h, 1)));
  cy.viewport({zoom: z, pan: {x: cy.width() / 2 - z * (bb.x1 + bb.w / 2), y: cy.height() / 2 - z * (bb.y1 + bb.h / 2)}});
  labelScale();
}
// shown is what the filters leave on the canvas; counts and exports use it
// rather than :visible, which lags until cytoscape restyles.
const shown = () => cy.elements().not(".hidden");

function runLayout(r, force) {
  const vis = shown();
  if (!vis.length) return;
  const name = $("#layout").value;
  if (preset && !force) { fit(); return; }
  const opts = {name, animate: false, fit: false, nodeDimensionsIncludeLabels: true, stop: fit};
  labelScale(1); // the layout spaces nodes for their labels at their own size
  if (name === "fcose") Object.assign(opts, {quality: "default", randomize: !S.incremental, nodeRepulsion: 9000, idealEdgeLength: 90, numIter: 1500});
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
  const dimmed = [];
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      // A hidden label hides expanded nodes too (hide hubs means every
      // Document); only a path's ends stay, dimmed, or the path would break.
      const labelOk = !hide.has(d.label);
      const dim = !labelOk && n.hasClass("endpoint");
      if (dim) dimmed.push(d.caption || d.id);
      // The other filters leave what was asked for (expanded nodes, path ends) in place.
      const keep = dim || (labelOk && (n.hasClass("seed") || n.hasClass("endpoint") || (
        (!r.ed || d.year == null || String(d.year) === r.ed) &&
        (!st.size || d.label !== "Measure" || st.has(d.status)) &&
        yearOk(d))));
      n.toggleClass("hidden", !keep);
      n.toggleClass("dim", dim);
    });
    cy.edges().forEach((e) => e.toggleClass("hidden", rels.has(e.data("type")) || e.source().hasClass("hidden") || e.target().hasClass("hidden")));
    const edges = cy.edges().not(".hidden");
    // Labels only while they stay readable; HAS_PILLAR says nothing a layout does not.
    edges.forEach((e) => e.toggleClass("labelled", (edges.length <= 80 || preset) && e.data("type") !== "HAS_PILLAR"));
  });
  // Counted from the classes just set: :visible would still give the
  // previous filter's answer until cytoscape restyles.
  const nv = cy.nodes().not(".hidden").length, ne = cy.edges().not(".hidden").length;
  const hidden = cy.nodes().length - nv;
  status(`${nv} nodes, ${ne} edges` + (hidden ? ` (${hidden} filtered out)` : "") + (S.truncated ? " — neighbourhood truncated" : "") +
    (dimmed.length ? ` — path end ${dimmed.join(", ")} is a hidden label: dimmed, not hidden` : ""));
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
      nodes.push({data: {id: p.id, label: "Pillar", caption: `${p.key} ${p.name}`, display: `${p.key} ${short(p.name, 16)}（${p.distinct.totalCount}）`, year: doc.year},
        position: {x: x + (col ? 60 : -60), y: i * 46}});
      edges.push({data: {id: `home:${doc.id}>${p.id}`, source: doc.id, target: p.id, type: "HAS_PILLAR", lbl: "HAS_PILLAR"}});
      for (const c of p.continues) edges.push({data: {id: `home:${p.id}>${c.id}`, source: p.id, target: c.id, type: "CONTINUES", lbl: "CONTINUES"}});
    });
  });
  cy.elements().remove();
  setElements(nodes, edges);
  const counts = new Map(d.stats.documents.map((s) => [s.document.id, s.nodes]));
  // Measures count each item once, here as in the pillar lists: the Measure
  // nodes of a 2023 overview table restate detail bullets (SUMMARIZES).
  const distinct = new Map(await Promise.all(d.documents.map(async (doc) => [doc.id, (await gql(Q_DOC_MEASURES, {id: doc.id})).measures.totalCount])));
  const count = (c) => `<span class="muted measure-count" title="${esc(c.title)}">${esc(c.text)}</span>`;
  const nodeCount = (doc, c) => c.label === "Measure" ? `${count(measureCount(c.count, distinct.get(doc.id)))}` : `${esc(c.label)} ${c.count}`;
  const top = (xs) => [...xs].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  S.panel = {view: "home", documents: d.documents.map((x) => x.id), laws: top(d.laws).slice(0, 8).map((x) => x.id), funds: top(d.funds).map((x) => x.id)};
  const item = (x) => `<li><a class="nav" href="#${esc(toHash({...S.route, v: "deps", id: x.id, sel: x.id}))}">${esc(x.name)}</a>
    <span class="muted">${plural(x.mentions.length, "mention")}, ${plural(new Set(x.pillars.map((p) => p.pillar.id)).size, "pillar")}</span></li>`;
  $("#panel").innerHTML = `<h2>Two editions</h2>` + d.documents.map((doc) => `<div class="edition-card">
      <a class="nav" href="#${esc(toHash({...S.route, v: "graph", n: [doc.id], sel: doc.id}))}"><b>${esc(doc.edition)}</b> (${doc.year})</a>
      <div class="muted">${esc(doc.title)}</div>
      <div class="counts">${(counts.get(doc.id) || []).filter((c) => c.count && c.label !== "Document").map((c) => nodeCount(doc, c)).join(" · ")}</div>
      <ul class="plain">${doc.pillars.map((p) => `<li><a class="nav" href="#${esc(toHash({...S.route, v: "graph", n: [p.id], sel: p.id}))}">${esc(p.key)} ${esc(p.name)}</a>
        ${count(measureCount(p.measures.totalCount, p.distinct.totalCount))}</li>`).join("")}</ul></div>`).join("") +
    `<h2>Most-cited laws</h2><ul class="plain" id="top-laws">${top(d.laws).slice(0, 8).map(item).join("")}</ul>
     <h2>Funds</h2><ul class="plain" id="top-funds">${top(d.funds).map(item).join("")}</ul>
     <p class="muted">${d.stats.totalNodes} nodes, ${d.stats.totalRelationships} relationships. Double-click (double-tap) a node, or use Expand in its details, to add its neighbours.</p>`;
}

async function hood(id) {
  if (!hoodCache.has(id)) hoodCache.set(id, gql(Q_HOOD, {id}).then((d) => d.neighbourhood).catch((e) => { hoodCache.delete(id); throw e; }));
  return hoodCache.get(id);
}

async function drawGraph(r, prev) {
  const wasGraph = prev && prev.v === "graph" && S.viewKey && JSON.parse(S.viewKey)[0] === "graph";
  if (!wasGraph) { preset = false; cy.elements().remove(); }
  const hoods = await Promise.all(r.n.map((id) => hood(id).catch((e) => {
    throw e.code === "NOT_FOUND" ? userError(`There is no node with id “${id}”.`) : e;
  })));
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
    <p class="muted">Double-click (double-tap) a node, press +, or use Expand in its details to add its neighbours; collapse removes them. Drag to move, p pins.</p>`;
}

async function drawPath(r) {
  preset = false;
  cy.elements().remove();
  const form = `<h2>Path</h2><form class="path" id="path-form">
    <label>from <input type="text" name="from" value="${esc(r.from)}" placeholder="an id or a name: 経済安全保障推進法" required></label>
    <label>to <input type="text" name="to" value="${esc(r.to)}" placeholder="pillar:2025:OS-2, or DX" required></label>
    <label><input type="checkbox" name="avoid" ${r.avoid ? "checked" : ""}> avoid hub nodes (Document)</label>
    <label>max hops <input type="number" name="hops" min="1" max="8" value="${r.hops}"></label>
    <button type="submit">Find paths</button></form><div id="path-out"></div>`;
  $("#panel").innerHTML = form + (S.resolved ? `<p class="muted" id="path-resolved">${esc(S.resolved)}</p>` : "");
  S.panel = {view: "path", paths: [], resolved: S.resolved || ""};
  S.resolved = "";
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
      // Each step shows the relationship's own direction: A —TYPE→ B, or A ←TYPE— B
      // when B points at A (a path may walk an edge against it).
      d.paths.map((p) => `<li>${p.nodes.map((n, i) => (i ? ` <span class="rel">${esc(p.edges[i - 1].source === p.nodes[i - 1].id
        ? `—${p.edges[i - 1].type}→` : `←${p.edges[i - 1].type}—`)}</span> ` : "") +
        `<a class="nav" href="#${esc(toHash({...S.route, sel: n.id}))}">${esc(short(n.caption, 24))}</a>`).join("")}</li>`).join("") + "</ol>"
    : `<p>No path within ${r.hops} hops.</p>`;
}

async function drawDeps(r) {
  preset = true;
  cy.elements().remove();
  const n = r.id ? (await gql(Q_DEPS, {id: r.id})).node : null;
  if (!n) throw userError(r.id ? `There is no node with id “${r.id}”.` : "The dependency view needs a law, fund or organisation (id=…).");
  if (!n.pillars) throw userError(`“${r.id}” is a ${n.__typename}, not a law, fund or organisation: the dependency view lists the pillars relying on one.`);
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
    // The mentions the panel lists go with the edge, so exports keep them.
    edges.push({data: {id: `dep:${p.id}>${n.id}`, source: p.id, target: n.id, type: "DEPENDS_ON", lbl: `${u.mentions.length} mention${u.mentions.length > 1 ? "s" : ""}`,
      props: {mentions: u.mentions.map((m) => ({surface: m.surface, line: m.line, node: m.node.id}))}}});
  }));
  const shown = new Set(n.pillars.map((u) => u.pillar.id));
  for (const u of n.pillars) for (const c of u.pillar.continues) if (shown.has(c.id))
    edges.push({data: {id: `dep:${u.pillar.id}>${c.id}`, source: u.pillar.id, target: c.id, type: "CONTINUES", lbl: "CONTINUES"}});
  setElements(nodes, edges);
  // Mentions in text that belongs to no pillar (a Document's key messages,
  // measures under a 政策の方向性 or the 2023 macro framework) count on the
  // overview too: list them apart.
  const mkey = (m) => `${m.node.id}|${m.line}|${m.surface}`;
  const inPillars = new Set(n.pillars.flatMap((u) => u.mentions.map(mkey)));
  const outside = n.mentions.filter((m) => !inPillars.has(mkey(m)));
  // A 2023 overview cell restates detail bullets (SUMMARIZES): its mention
  // says so, with the bullets' lines, so one item is not read as two.
  const cell = (m) => !m.node.overview ? "" : ` <span class="muted cell">overview cell${m.node.summarizes.length
    ? `, restating l.${m.node.summarizes.map((b) => b.source.lineStart).join(", l.")}` : ""}</span>`;
  S.panel = {view: "deps", id: n.id, pillars: n.pillars.map((u) => u.pillar.id), mentions: n.mentions.length, outside: outside.map(mkey),
    cells: n.pillars.reduce((k, u) => k + u.mentions.filter((m) => m.node.overview).length, 0)};
  const link = (id, text, cls) => `<a class="nav${cls ? " " + cls : ""}" href="#${esc(toHash({...S.route, sel: id}))}">${esc(text)}</a>`;
  const what = (x) => x.__typename === "Document" ? `${x.title} (${x.year}): outside any measure` : `${x.__typename} ${short(x.title || x.name || x.text || x.id, 36)} (${x.document?.year ?? ""})`;
  $("#panel").innerHTML = `<h2>${badge(label)}${esc(n.name)}: pillars relying on it</h2>
    <p class="muted">${esc(n.aliases.join("、"))}</p>
    <p id="deps-summary">${plural(n.mentions.length, "mention")}: ${n.mentions.length - outside.length} in ${plural(n.pillars.length, "pillar")}` +
    `${outside.length ? `, ${outside.length} in text under no pillar (listed last)` : ""}.</p>` +
    years.map((y) => `<h3>${esc(EDITION[y] || y)}</h3><table class="deps"><tr><th>pillar</th><th>mentions (surface, line)</th></tr>` +
      byYear[y].map((u) => `<tr><td>${link(u.pillar.id, `${u.pillar.key} ${u.pillar.name}`)}</td><td>${u.mentions.map((m) =>
        `${link(m.node.id, m.surface, "mention")} <span class="muted">l.${m.line}</span>${cell(m)}`).join("<br>")}</td></tr>`).join("") + "</table>").join("") +
    (years.length ? "" : "<p>No pillar relies on it.</p>") +
    (outside.length ? `<h3>Under no pillar</h3><table class="deps-outside"><tr><th>where</th><th>mention (surface, line)</th></tr>` +
      outside.map((m) => `<tr><td>${esc(what(m.node))}</td><td>${link(m.node.id, m.surface, "mention")} <span class="muted">l.${m.line}</span></td></tr>`).join("") + "</table>" : "");
}

async function drawCompare(r) {
  preset = true;
  cy.elements().remove();
  const {g, from, to, older, newer} = await compareGroup(r);
  const nodes = [], edges = [], pairs = new Map(), ys = new Map();
  const X = {old: 0, new: 420};
  const mnode = (m, year, x, y, caption) => ({data: nodeData({id: m.id, label: "Measure", caption: caption || m.title, node: {...m, document: {year}}}), position: {x, y},
    // Labels face outwards, so the lines between the columns stay clear;
    // the columns leave room beside them: titles stay readable at the fitted zoom.
    classes: (x ? "right" : "left") + " scaled"});
  const head = (h, c, x, y) => nodes.push({data: {id: h.id, label: c.label, caption: `${h.key} ${h.name}`, display: `${c.year} ${h.key} ${short(h.name, 12)}`, year: c.year},
    position: {x, y}, classes: "seed above"});
  // The earlier side: each pillar (or direction) over its measures.
  let y = -70;
  for (const h of older.heads) {
    const ms = h.measures;
    head(h, older, X.old, y);
    y += 70;
    for (const m of ms) { nodes.push(mnode(m, older.year, X.old, y)); ys.set(m.id, y); y += 26; }
    y += 30;
  }
  const leftEnd = y, leftCount = older.measures.length || 1;
  // The later side: successors level with their best predecessor, so the lines stay short.
  y = -70;
  const step = 26 * Math.max(1, leftCount / Math.max(1, newer.measures.length));
  for (const h of newer.heads) {
    const ms = h.measures;
    head(h, newer, X.new, y);
    y += 70;
    const rank = (m) => { const e = m.evolvesFrom.find((x) => ys.has(x.measure.id)); return e ? ys.get(e.measure.id) : 1e9; };
    const sorted = ms.map((m, i) => ({m, i, k: rank(m)})).sort((a, b) => a.k - b.k || a.i - b.i);
    for (const {m} of sorted) { nodes.push(mnode(m, newer.year, X.new, y)); ys.set(m.id, y); y += step; }
    y += 30;
  }
  // Every pair the lists name is drawn: a pair's end outside the group (a
  // measure of another pillar, a direction's item, an overview cell) joins
  // the foot of its column, named with its pillar.
  const foot = {old: leftEnd + 40, new: Math.max(y, leftEnd) + 40};
  const ensure = (m, side) => {
    if (ys.has(m.id)) return;
    const where = m.pillar ? m.pillar.key : "no pillar";
    nodes.push(mnode(m, side === "old" ? from.year : to.year, X[side], foot[side], `[${where}${m.overview ? ", overview cell" : ""}] ${m.title}`));
    ys.set(m.id, foot[side]);
    foot[side] += 26;
  };
  const pair = (later, earlier, score) => {
    ensure(earlier, "old"); ensure(later, "new");
    const k = `${later.id}>${earlier.id}`;
    if (pairs.has(k)) return;
    pairs.set(k, {from: later.id, to: earlier.id, score});
    edges.push({data: {id: `cmp:${k}`, source: later.id, target: earlier.id, type: "EVOLVES_FROM", props: {score}, lbl: `EVOLVES_FROM ${score.toFixed(2)}`}});
  };
  for (const m of newer.measures) for (const e of m.evolvesFrom) pair(m, e.measure, e.score);
  // The evidence's earlier end is the planned measure (asked for by id only).
  for (const p of g.planned) for (const e of p.evidence) pair(e.later, e.earlier.id === p.measure.id ? p.measure : {id: e.earlier.id, title: e.earlier.id}, e.score);
  for (const p of g.planned) ensure(p.measure, "old");
  for (const m of g.new) ensure(m, "new");
  // CONTINUES between the group's pillars.
  const olderIds = new Set(older.heads.map((h) => h.id));
  for (const h of newer.heads) for (const c of h.continues) if (olderIds.has(c))
    edges.push({data: {id: `cmp:${h.id}>${c}`, source: h.id, target: c, type: "CONTINUES", lbl: "CONTINUES"}});
  // The goals the later side revises or keeps, under the measures.
  const tnode = (t, x, y) => ({data: {id: t.id, label: "Target", caption: t.text, display: short(t.text, 28), year: t.document.year, y0: t.year, y1: t.year},
    position: {x, y}, classes: (x ? "right" : "left") + " scaled"});
  let ty = Math.max(foot.old, foot.new) + 40;
  for (const [type, list] of [["REVISES", g.revised], ["KEEPS", g.kept]]) for (const t of list) {
    for (const [x, tt] of [[X.old, t.earlier], [X.new, t.later]]) if (!nodes.some((n) => n.data.id === tt.id)) nodes.push(tnode(tt, x, ty));
    ty += 30;
    const props = type === "REVISES" ? {fromValue: t.fromValue, toValue: t.toValue, unit: t.unit, score: t.score} : {value: t.value, unit: t.unit, score: t.score};
    edges.push({data: {id: `cmp:${type}:${t.later.id}>${t.earlier.id}`, source: t.later.id, target: t.earlier.id, type, props, lbl: `${type} ${t.score.toFixed(2)}`}});
  }
  setElements(nodes, edges);

  const continued = newer.measures.filter((m) => m.evolvesFrom.length);
  const carried = g.planned.filter((p) => p.outcome !== "NOT_MENTIONED");
  const dropped = g.planned.filter((p) => p.outcome === "NOT_MENTIONED");
  S.panel = {view: "cmp", from: from.id, to: to.id,
    older: older.heads.some((h) => h.id === r.id) ? r.id : older.heads[0]?.id || null,
    newer: newer.heads.some((h) => h.id === r.id) ? r.id : newer.heads[0]?.id || null,
    olders: older.heads.map((h) => h.id), newers: newer.heads.map((h) => h.id), pairs: [...pairs.values()],
    continued: continued.map((m) => m.id), new: g.new.map((m) => m.id), dropped: dropped.map((p) => p.measure.id),
    planned: g.planned.map((p) => ({id: p.measure.id, outcome: p.outcome})), totals: g.totals,
    revised: g.revised.map((t) => [t.later.id, t.earlier.id]), kept: g.kept.map((t) => [t.later.id, t.earlier.id])};
  const link = (m) => `<a class="nav" href="#${esc(toHash({...S.route, sel: m.id}))}">${m.status ? esc(STATUS[m.status]) + " " : ""}${esc(short(m.title || m.text, 40))}</a>`;
  const other = (m) => (m.pillar && !olderIds.has(m.pillar.id) ? ` <span class="muted">(${esc(m.pillar.key)})</span>` : !m.pillar && older.label === "Pillar" ? ` <span class="muted">(no pillar)</span>` : "");
  const side = (c, year) => c.heads.length ? `<b>${year}</b> ` + c.heads.map((h) =>
    `<a class="nav" href="#${esc(toHash({...S.route, sel: h.id}))}">${esc(h.key)} ${esc(h.name)}</a> <span class="muted cmp-count" title="${esc(h.count.title)}">— ${esc(h.count.text)}</span>`).join(" + ")
    : `nothing in ${year}`;
  const t = g.totals;
  const OUTCOME = {PROGRESS: "進捗: progress", TODO: "今後: still to be considered", CONTINUED: "continued, status not stated"};
  const score = (x) => `<span class="muted">score ${x.score.toFixed(2)}</span>`;
  $("#panel").innerHTML = `<h2>Editions side by side</h2>
    <p id="cmp-head">${side(older, from.year)} → ${side(newer, to.year)}</p>
    <p id="cmp-totals" class="muted">${from.year}'s planned (○) measures: ${t.planned} — ${t.progress} progress, ${t.todo} still to be considered,
      ${t.continued} continued, ${t.notMentioned} no longer mentioned; ${t.new} new in ${to.year}; ${plural(t.revised, "goal")} revised, ${t.kept} kept (editionDiff).</p>
    <h3>Continued in ${to.year} (${continued.length})</h3><ul class="plain cmp-list" id="cmp-continued">${continued.map((m) => `<li>${link(m)}<br><span class="muted">from</span> ${m.evolvesFrom.map((e) =>
      `${link(e.measure)}${other(e.measure)} ${score(e)}`).join("; ")}</li>`).join("")}</ul>
    <h3>${from.year}'s plans carried on (${carried.length})</h3><ul class="plain cmp-list" id="cmp-planned">${carried.map((p) => `<li>${link(p.measure)} <span class="muted">${esc(OUTCOME[p.outcome] || p.outcome)}</span><br><span class="muted">in</span> ${p.evidence.map((e) =>
      `${link(e.later)}${e.later.pillar && newer.heads.some((h) => h.id === e.later.pillar.id) ? "" : ` <span class="muted">(${esc(e.later.pillar?.key || "no pillar")})</span>`} ${score(e)}`).join("; ")}</li>`).join("")}</ul>
    <h3>New in ${to.year} (${g.new.length})</h3><ul class="plain cmp-list" id="cmp-new">${g.new.map((m) => `<li>${link(m)}</li>`).join("")}</ul>
    <h3>Planned in ${from.year}, no longer mentioned (${dropped.length})</h3><ul class="plain cmp-list" id="cmp-dropped">${dropped.map((p) => `<li>${link(p.measure)}${other(p.measure)}</li>`).join("")}</ul>` +
    (g.revised.length + g.kept.length ? `<h3>Goals revised (${g.revised.length}) and kept (${g.kept.length})</h3><ul class="plain cmp-list" id="cmp-targets">` +
      g.revised.map((x) => `<li>${link(x.later)} <b>${esc(`${x.fromValue} → ${x.toValue} ${x.unit}`)}</b><br><span class="muted">revises</span> ${link(x.earlier)}</li>`).join("") +
      g.kept.map((x) => `<li>${link(x.later)} <b>${esc(`${x.value} ${x.unit}`)}</b><br><span class="muted">keeps</span> ${link(x.earlier)}</li>`).join("") + "</ul>" : "");
}

// ------------------------------------------------------------ detail panel

function showIntro() {
  S.detail = null;
  // Wide screens have the side panel on the left; phones stack it above.
  $("#detail").innerHTML = `<h2>Explore the two reports</h2><p>Search, or pick an edition, pillar, law or fund
    <span class="wide-only">on the left</span><span class="narrow-only">above the graph</span>.
    <span class="wide-only">Click a node for its details and source text; double-click to expand it.</span>
    <span class="narrow-only">Tap a node for its details and source text (shown here); double-tap, or Expand in its details, adds its neighbours.</span></p>
    <p class="muted wide-only">Keys: in the search box ↓/↑ and Enter; on the canvas ←/→ move between nodes from the selected one, Enter opens its neighbourhood, + expands, − collapses, p pins, f fits.</p>`;
}

// The API's citation names the document, its year, the slide page (when
// known) and the seed file's lines.
const citation = (n) => n.source.citation;

let detailSeq = 0;
async function showDetail(id) {
  const seq = ++detailSeq;
  const n = (await gql(Q_DETAIL, {id})).node;
  if (seq !== detailSeq) return;
  if (!n) { S.detail = {id, missing: true}; $("#detail").innerHTML = `<p class="err">not found: ${esc(id)}</p>`; return; }
  const here = (x) => `<a class="nav" href="#${esc(toHash({...S.route, v: "graph", n: [x], sel: x}))}">`;
  const nav = (x, text) => `${here(x)}${esc(text)}</a>`;
  const pil = (p) => p ? nav(p.id, `${p.document.year} ${p.key} ${p.name}`) : "—";
  // A measure named in the details carries its status as the canvas shows it:
  // a successor's 進捗 or 今後 is what became of a 2023 plan.
  const meas = (m) => `${m.status ? `<span class="st">${esc(STATUS[m.status])}</span> ` : ""}${nav(m.id, short(m.title, 50))} <span class="muted">${m.pillar ? `${m.pillar.document.year} ${esc(m.pillar.key)}` : ""}</span>`;
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
  // A 2023 overview-table cell (各分野の主要施策) digests detail bullets (SUMMARIZES).
  if (n.overview) row("overview cell", "a cell of the 2023 overview table (各分野の主要施策), restating detail bullets");
  if (n.summarizes?.length) row("summarizes (SUMMARIZES → bullets)", `<span id="summarizes">${n.summarizes.map(meas).join("<br>")}</span>`);
  if (n.summarizedBy?.length) row("summarized by (overview cell)", `<span id="summarized-by">${n.summarizedBy.map(meas).join("<br>")}</span>`);
  if (n.evolvesFrom?.length) row("evolves from (2023)", `<span id="evolves-from">${n.evolvesFrom.map((e) => `${meas(e.measure)} <span class="muted">score ${e.score.toFixed(2)}</span>`).join("<br>")}</span>`);
  if (n.evolvedInto?.length) row("evolved into (2025)", `<span id="evolved-into">${n.evolvedInto.map((e) => `${meas(e.measure)} <span class="muted">score ${e.score.toFixed(2)}</span>`).join("<br>")}</span>`);
  const ment = (xs, k) => xs.map((m) => `${nav(m[k].id, m[k].name)}: 「${esc(m.surface)}」 <span class="muted">line ${m.line}</span>`).join("<br>");
  if (n.lawMentions?.length) row("laws mentioned", ment(n.lawMentions, "law"));
  if (n.fundMentions?.length) row("funds mentioned", ment(n.fundMentions, "fund"));
  if (n.directions?.length) row("directions", n.directions.map((d) => nav(d.id, `${d.ordinal}. ${d.title}`)).join("<br>"));
  if (n.__typename === "Pillar") {
    row("aliases", esc(n.aliases.join("、")));
    const mc = measureCount(n.measures.totalCount, n.distinct.totalCount);
    row("measures", `<span class="measure-count" title="${esc(mc.title)}">${esc(mc.text)}</span>`);
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
  if (n.__typename === "Target") {
    row("kind", esc(n.targetKind)); if (n.targetYear) row("year", String(n.targetYear));
    if (n.value != null) row("value", esc(`${n.value} ${n.unit || ""}${n.qualifier ? ` (${n.qualifier})` : ""}`));
    // REVISES points from the later target to the earlier one it restates with a new value.
    const rev = (x) => `${nav(x.target.id, short(x.target.text, 50))} <span class="muted">${x.target.document.year}${x.target.year ? `, for ${x.target.year}` : ""}</span><br>` +
      `<b>${esc(`${x.fromValue} → ${x.toValue} ${x.unit}`)}</b> <span class="muted">score ${x.score.toFixed(2)}</span>`;
    if (n.revises.length) row("revises (REVISES → earlier goal)", `<span id="revises">${n.revises.map(rev).join("<br>")}</span>`);
    if (n.revisedBy.length) row("revised by (REVISES ← later goal)", `<span id="revised-by">${n.revisedBy.map(rev).join("<br>")}</span>`);
    // KEEPS points from the later target to the earlier one it states again with the same value.
    const kept = (t) => `${nav(t.id, short(t.text, 50))} <span class="muted">${t.document.year}${t.year ? `, for ${t.year}` : ""}: ${esc(`${t.value} ${t.unit || ""}`)}</span>`;
    if (n.keeps) row("keeps (KEEPS → earlier goal, same value)", `<span id="keeps">${kept(n.keeps)}</span>`);
    if (n.keptBy.length) row("kept by (KEEPS ← later goal)", `<span id="kept-by">${n.keptBy.map(kept).join("<br>")}</span>`);
  }
  if (n.source) row("page", n.source.page ? `p. ${n.source.page}` : "unknown");
  const acts = [`<button data-act="expand">Expand</button>`, `<button data-act="path-from">Path from here</button>`, `<button data-act="path-to">Path to here</button>`];
  if (n.__typename === "Pillar" || n.__typename === "PolicyDirection") acts.push(`<button data-act="cmp">Compare editions</button>`);
  if (n.__typename === "Law" || n.__typename === "Fund" || n.__typename === "Organisation") acts.push(`<button data-act="deps">Pillars relying on it</button>`);
  acts.push(`<button data-act="pin">${S.pins.has(n.id) ? "Unpin" : "Pin"}</button>`);
  let src = "";
  if (n.source) {
    const cite = citation(n);
    src = `<h3>Source</h3><div class="cite"><code id="citation">${esc(cite)}</code><button data-act="copy">Copy citation</button></div>
      <blockquote id="quote">${esc(n.source.quote)}</blockquote>`;
  }
  const r = S.route;
  const pending = r.from && r.v !== "path" && r.from !== n.id
    ? `<p id="path-pending" class="muted">Path start: <code>${esc(r.from)}</code> — “Path to here” finds the way from it. <button class="link" data-act="clear-from">forget it</button></p>` : "";
  $("#detail").innerHTML = `<h2>${badge(n.__typename)}${esc(n.status ? STATUS[n.status] + " " : "")}${esc(title)}</h2>
    <div class="actions" data-id="${esc(n.id)}">${acts.join("")}</div>${pending}<dl>${rows.join("")}</dl>${src}`;
  S.detail = {id: n.id, type: n.__typename, title, edition: year || null, status: n.status || null,
    relistOf: n.relistOf?.id || null, citation: n.source ? citation(n) : null, page: n.source?.page ?? null, quote: n.source?.quote || null,
    revises: (n.revises || []).map((x) => x.target.id), revisedBy: (n.revisedBy || []).map((x) => x.target.id),
    keeps: n.keeps?.id || null, keptBy: (n.keptBy || []).map((t) => t.id),
    summarizes: (n.summarizes || []).map((m) => m.id), summarizedBy: (n.summarizedBy || []).map((m) => m.id),
    evolvedInto: (n.evolvedInto || []).map((e) => ({id: e.measure.id, status: e.measure.status}))};
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
    // The start chosen earlier waits in the route (and hash) as from.
    case "path-to": go({v: "path", to: id, from: r.from || "", sel: id}); break;
    case "clear-from": go({from: ""}, true); break;
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

// On a phone the detail panel is below the canvas: a tap brings it into view.
const narrow = matchMedia("(max-width: 800px)");
cy.on("tap", "node", (e) => {
  const id = e.target.id();
  if (S.route.sel === id) { if (narrow.matches) $("#detail").scrollIntoView({block: "start"}); return; }
  S.scrollToDetail = narrow.matches;
  go({sel: id}, true);
});
cy.on("tap", "edge", (e) => { const d = e.target.data(); status(`${d.type} ${d.source} → ${d.target}` + (d.props ? " " + JSON.stringify(d.props) : "")); });
cy.on("dbltap", "node", (e) => expand(e.target.id()));
cy.on("mouseover", "edge", (e) => e.target.addClass("labelled"));

$("#panel").addEventListener("click", (e) => { const b = e.target.closest("[data-collapse]"); if (b) collapse(b.dataset.collapse); });
// The path form takes ids or names: a name goes through search, and the
// best hit of a node a path usually starts from (a law, fund, pillar …)
// wins over the first hit, which is often a measure quoting the name.
const PATH_KINDS = ["Law", "Fund", "Pillar", "Document", "PolicyDirection"];
async function resolveNode(text) {
  if ((await gql(`query Exists($id: ID!) { node(id: $id) { id } }`, {id: text})).node) return {id: text};
  const hits = (await gql(Q_SEARCH, {q: text})).search;
  if (!hits.length) throw userError(`Nothing matches “${text}”: type an id (law:…, pillar:2025:OS-2) or another name.`);
  const best = hits.find((h) => PATH_KINDS.includes(h.node.__typename)) || hits[0];
  return {id: best.node.id, note: `“${text}” → ${best.node.id} (${best.node.__typename}, best of ${hits.length >= SEARCH_MAX ? SEARCH_MAX + "+" : hits.length} hits)`};
}
$("#panel").addEventListener("submit", async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const out = $("#path-out");
  try {
    const [a, b] = await Promise.all([resolveNode(String(f.get("from")).trim()), resolveNode(String(f.get("to")).trim())]);
    S.resolved = [a.note, b.note].filter(Boolean).join("; ");
    go({v: "path", from: a.id, to: b.id, avoid: f.get("avoid") === "on", hops: Number(f.get("hops")) || 8});
  } catch (err) {
    if (out) out.innerHTML = `<p class="err">${esc(err.userMessage || err.message)}</p>`;
  }
});

// Keyboard on the canvas: ←/→ (or ↑/↓) walk the visible nodes in reading
// order, Enter opens the node (its neighbourhood replaces the view, as
// opening a search hit does), + expands, - collapses, p pins, f fits.
// The cursor is the selected node (clicked, opened or walked to); when
// nothing is selected (a collapse unselects), the node the keys last
// reached. It is an id: expanding adds nodes and re-lays them out, so a
// position in the list would point at another node afterwards.
S.kbd = "";
$("#cy").addEventListener("keydown", (e) => {
  const vis = cy.nodes().not(".hidden").sort((a, b) => a.position("y") - b.position("y") || a.position("x") - b.position("x"));
  if (!vis.length) return;
  const index = (id) => (id ? vis.toArray().findIndex((n) => n.id() === id) : -1);
  let at = index(S.route.sel);
  if (at < 0) at = index(S.kbd);
  const cur = at >= 0 ? vis[at] : null;
  if (cur && cur.id() !== S.kbd) { S.kbd = cur.id(); cy.nodes(".kbd").removeClass("kbd"); cur.addClass("kbd"); }
  const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
  if (step) {
    const next = vis[at < 0 ? (step > 0 ? 0 : vis.length - 1) : (at + step + vis.length) % vis.length];
    S.kbd = next.id();
    cy.nodes(".kbd").removeClass("kbd");
    next.addClass("kbd");
    cy.center(next);
    go({sel: next.id()}, true);
  } else if (e.key === "Enter" && cur) open(cur.id());
  else if (e.key === "+" && cur) expand(cur.id());
  else if (e.key === "-" && cur) collapse(cur.id());
  else if (e.key === "p" && cur) togglePin(cur.id());
  else if (e.key === "f") fit();
  else return;
  e.preventDefault();
});

// ----------------------------------------------------------------- search

// Hits are listed 30 at a time; the count says how many there are (the
// API answers at most SEARCH_MAX, so that many reads "or more").
const SEARCH_PAGE = 30, SEARCH_MAX = 100;
let searchSeq = 0, searchAll = [];
async function runSearch(q) {
  const seq = ++searchSeq;
  if (!q.trim()) { $("#hits").innerHTML = ""; $("#hits-count").textContent = ""; S.hits = []; S.hitsTotal = 0; return; }
  const d = await gql(Q_SEARCH, {q});
  if (seq !== searchSeq) return;
  searchAll = d.search;
  showHits(SEARCH_PAGE);
}
function showHits(n) {
  const hs = searchAll.slice(0, n);
  S.hits = hs.map((h) => ({id: h.node.id, type: h.node.__typename, field: h.field}));
  S.hitsTotal = searchAll.length;
  // Where a hit is: its edition and pillar, or the 政策の方向性 (2023: the
  // macro framework) of what is under no pillar.
  const dirOf = (x) => (x.__typename === "PolicyDirection" ? x : x.direction || x.directions?.[0]);
  const where = (x) => { const d = !x.pillar && !x.key && dirOf(x); return [x.document?.year ?? x.year, x.pillar?.key ?? x.key ?? (d ? `方向性${d.ordinal} ${short(d.title, 12)}` : "")].filter(Boolean).join(" "); };
  const whereTitle = (x) => { const d = !x.pillar && !x.key && dirOf(x); return d ? ` title="政策の方向性 ${d.ordinal}. ${esc(d.title)}"` : ""; };
  $("#hits").innerHTML = hs.map((h) =>
    `<li role="option" tabindex="-1" data-id="${esc(h.node.id)}">${badge(h.node.__typename)}<span class="where"${whereTitle(h.node)}>${esc(where(h.node))}</span> <small>${esc(h.field)}</small><br>` +
    esc(h.marked).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>") + "</li>").join("") ||
    "<li>no match</li>";
  const total = searchAll.length >= SEARCH_MAX ? `${SEARCH_MAX}+` : String(searchAll.length);
  $("#hits-count").innerHTML = searchAll.length ? `${hs.length} of ${total} hits` +
    (hs.length < searchAll.length ? ` <button class="link" id="hits-more">show ${Math.min(SEARCH_PAGE, searchAll.length - hs.length)} more</button>` : "") +
    (searchAll.length >= SEARCH_MAX && hs.length === searchAll.length ? " — refine the search for the rest" : "") : "";
}
$("#hits-count").addEventListener("click", (e) => { if (e.target.id === "hits-more") showHits(S.hits.length + SEARCH_PAGE); });
$("#search").addEventListener("input", (e) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => { searchTimer = undefined; go({q: e.target.value}, true); }, 250);
});
$("#search").addEventListener("keydown", (e) => {
  const first = $("#hits li[data-id]");
  if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
  if (e.key === "Enter") go({q: e.target.value}, true); // go drops the search pending
});
// On a phone the details are below the canvas: opening a hit brings them into view.
const openHit = (id) => { S.scrollToDetail = narrow.matches; open(id); };
$("#hits").addEventListener("click", (e) => { const li = e.target.closest("li[data-id]"); if (li) openHit(li.dataset.id); });
$("#hits").addEventListener("focusin", (e) => {
  $("#hits").querySelectorAll("li").forEach((li) => li.setAttribute("aria-selected", String(li === e.target)));
});
$("#hits").addEventListener("keydown", (e) => {
  const li = e.target.closest("li[data-id]");
  if (!li) return;
  if (e.key === "ArrowDown" && li.nextElementSibling) { e.preventDefault(); li.nextElementSibling.focus(); }
  if (e.key === "ArrowUp") { e.preventDefault(); (li.previousElementSibling || $("#search")).focus(); }
  if (e.key === "Enter") { e.preventDefault(); openHit(li.dataset.id); }
  if (e.key === "Escape") $("#search").focus();
});

// ---------------------------------------------------------------- filters

function buildFilters() {
  const boxes = (sel, name, values, text, title) => { $(sel).insertAdjacentHTML("beforeend", values.map((v) =>
    `<label title="${esc(title ? title(v) : v)}"><input type="checkbox" name="${name}" value="${esc(v)}" checked> ${esc(text ? text(v) : v)}</label>`).join("")); };
  boxes("#f-labels", "label", LABELS);
  boxes("#f-rels", "rel", RELS, null, (t) => `${t}: ${REL_TYPES[t].desc}`);
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
    `<span>${["PAST", "FUTURE", "PROGRESS", "TODO"].map((k) => esc(STATUS_LONG[k])).join(" · ")}</span><span>—▸ relationship · ${Object.entries(EDGE_LOOKS).filter(([, x]) => x.legend).map(([look, x]) => esc(`${x.legend}: ${relsLooking(look).join("/")}`)).join(" · ")}</span>` +
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
// Q_SOURCES asks for the provenance of the nodes from text (a Document,
// law, fund or organisation has none of its own).
const Q_SOURCES = `query Sources($ids: [ID!]!) { nodes(ids: $ids) { id
  ... on Pillar { source { ...C } } ... on Measure { source { ...C } } ... on Target { source { ...C } }
  ... on MeasureGroup { source { ...C } } ... on PolicyDirection { source { ...C } } ... on Amount { source { ...C } } } }
fragment C on Source { file lineStart lineEnd page citation }`;
// viewJSON is what is drawn, each node from text with its source (file,
// lines, page, citation) as the API gives it, so an export can be cited.
async function viewJSON() {
  const vis = shown();
  const ids = vis.nodes().map((n) => n.id());
  const src = new Map();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const n of (await gql(Q_SOURCES, {ids: ids.slice(i, i + 1000)})).nodes) if (n && n.source) src.set(n.id, n.source);
  }
  return {view: location.hash,
    nodes: vis.nodes().map((n) => ({id: n.id(), label: n.data("label"), caption: n.data("caption"), edition: n.data("year") ?? null, status: n.data("status"),
      ...(src.has(n.id()) ? {source: src.get(n.id())} : {})})),
    edges: vis.edges().map((e) => ({id: e.id(), type: e.data("type"), source: e.data("source"), target: e.data("target"), properties: e.data("props") || null}))};
}
const SOURCE_KEYS = [["file", "string"], ["lineStart", "int"], ["lineEnd", "int"], ["page", "int"], ["citation", "string"]];
async function viewGraphML() {
  const v = await viewJSON();
  const keys = [["label", "node"], ["caption", "node"], ["edition", "node"], ["status", "node"], ["type", "edge"], ["properties", "edge"]];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n` +
    keys.map(([k, f]) => `  <key id="${k}" for="${f}" attr.name="${k}" attr.type="string"/>\n`).join("") +
    SOURCE_KEYS.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>\n`).join("") +
    `  <graph id="policygraph" edgedefault="directed">\n` +
    v.nodes.map((n) => `    <node id="${xml(n.id)}">` + ["label", "caption", "edition", "status"].filter((k) => n[k] != null)
      .map((k) => `<data key="${k}">${xml(n[k])}</data>`).join("") +
      (n.source ? SOURCE_KEYS.filter(([k]) => n.source[k] != null).map(([k]) => `<data key="${k}">${xml(n.source[k])}</data>`).join("") : "") + "</node>\n").join("") +
    v.edges.map((e) => `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data>` +
      (e.properties ? `<data key="properties">${xml(JSON.stringify(e.properties))}</data>` : "") + "</edge>\n").join("") +
    "  </graph>\n</graphml>\n";
}
// Export names say what was drawn and when, and count up, so a second
// export of the same view does not overwrite the first.
let exportCount = 0;
function exportName(ext) {
  const r = S.route;
  const what = {graph: r.n.join("+"), path: `${r.from}_to_${r.to}`, deps: r.id, cmp: r.id}[r.v] || "";
  const slug = what.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 80);
  const t = new Date(), p2 = (x) => String(x).padStart(2, "0");
  const stamp = `${t.getFullYear()}${p2(t.getMonth() + 1)}${p2(t.getDate())}-${p2(t.getHours())}${p2(t.getMinutes())}${p2(t.getSeconds())}`;
  return `policygraph-${r.v}${slug ? "-" + slug : ""}-${stamp}-${++exportCount}.${ext}`;
}
$("#export-png").addEventListener("click", () => download(exportName("png"), cy.png({output: "blob", full: true, scale: 2, bg: "#ffffff"})));
// The name is taken at the click, so it says what was drawn then.
async function exportView(ext, make, type) {
  const name = exportName(ext);
  try { download(name, new Blob([await make()], {type})); } catch (e) { status(`export failed: ${e.message}`, true); }
}
$("#export-graphml").addEventListener("click", () => exportView("graphml", viewGraphML, "application/graphml+xml"));
$("#export-json").addEventListener("click", () => exportView("json", async () => JSON.stringify(await viewJSON(), null, 1), "application/json"));

$("#layout").addEventListener("change", () => runLayout(S.route, true));
$("#fit").addEventListener("click", fit);

// labelPx is the on-screen size of a node's label, 0 when cytoscape skips it
// (smaller than min-zoomed-font-size).
function labelPx(n) {
  if (!n.pstyle("label").strValue) return 0;
  const px = n.pstyle("font-size").pfValue * cy.zoom();
  return px < n.pstyle("min-zoomed-font-size").pfValue ? 0 : px;
}
// Tests (and the curious) read what the page shows from here; it is a copy.
// Styles apply lazily (when the next frame is drawn) and visible() answers
// from a cache until then: clean them first, so visible is what is drawn.
window.explorerState = () => (cy.elements().cleanStyle(), JSON.parse(JSON.stringify({
  ready: S.ready, error: S.error, hash: location.hash, route: S.route, hits: S.hits, detail: S.detail, panel: S.panel,
  exports: S.exports, pins: [...S.pins], kbd: S.kbd, status: $("#status").textContent, notices: S.notices,
  zoom: cy.zoom(), canvas: {width: cy.width(), height: cy.height()},
  nodes: cy.nodes().map((n) => ({...n.data(), visible: n.visible(), selected: n.selected(), seed: n.hasClass("seed"), dim: n.hasClass("dim"),
    rendered: n.renderedPosition(), labelPx: labelPx(n)})),
  edges: cy.edges().map((e) => ({id: e.id(), type: e.data("type"), source: e.data("source"), target: e.data("target"), score: e.data("props")?.score ?? null, visible: e.visible()})),
})));

buildFilters();
buildLegend();
// On a phone the legend would cover half the canvas: it starts folded.
if (matchMedia("(max-width: 800px)").matches) { $("#legend").hidden = true; $("#legend-toggle").setAttribute("aria-expanded", "false"); }
// A link or the browser's own navigation drops a search typed but not yet
// run: it would land later and redraw the view navigated to.
window.addEventListener("hashchange", () => {
  if (searchTimer !== undefined) { clearTimeout(searchTimer); searchTimer = undefined; }
  route();
});
route();
