// Drives the explorer in headless Chromium as a researcher would, asserting
// after each step on what the page shows (window.explorerState(), a copy of
// the canvas and panels, and the DOM) against what the GraphQL API answers,
// and saving a screenshot per step. Run by go test ./web
// (TestExplorerInChromium), which starts the server and sets:
//
//   EXPLORER_BASE  the server's URL (http://127.0.0.1:PORT)
//   CHROMIUM       the browser to launch (playwright-core downloads none)
//   ARTIFACTS      where screenshots and exports go
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const base = process.env.EXPLORER_BASE;
const out = process.env.ARTIFACTS;
assert.ok(base && out && process.env.CHROMIUM, "EXPLORER_BASE, ARTIFACTS and CHROMIUM must be set");
fs.mkdirSync(out, {recursive: true});

async function api(query, variables) {
  const r = await fetch(base + "/graphql", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({query, variables})});
  const body = await r.json();
  assert.ok(!body.errors, JSON.stringify(body.errors));
  return body.data;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  // Every host but this one is unresolvable: the page must need nothing else.
  args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
});
const problems = [];
let step = 0;
let page;

async function newPage(viewport) {
  const ctx = await browser.newContext({viewport, acceptDownloads: true, permissions: ["clipboard-read", "clipboard-write"]});
  // Anything not served by the binary is a failure, not a wait.
  await ctx.route((url) => !url.href.startsWith(base), (r) => { problems.push("request outside the server: " + r.request().url()); return r.abort(); });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => problems.push("page error: " + e.message));
  p.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
  return p;
}

const state = () => page.evaluate(() => window.explorerState());
// until polls cond() until it holds (the page's CSP forbids the eval that
// page.waitForFunction polls with).
async function until(cond, what) {
  const deadline = Date.now() + 30000;
  let last;
  for (;;) {
    try { last = await cond(); } catch (e) { last = e; }
    if (last === true) return;
    if (Date.now() > deadline) throw new Error(`waiting for ${what}: ${last instanceof Error ? last.message : "condition false"}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
// settle waits until the page has drawn a route and pred(state) holds; the
// page must show no error unless failing is what is being tested.
async function settle(pred, what, {error = false} = {}) {
  let s;
  try {
    await until(async () => { s = await page.evaluate(() => window.explorerState && window.explorerState()); return !!(s && s.ready && pred(s)); }, what);
  } catch (e) {
    throw new Error(`${e.message}\nstate: ${JSON.stringify(s && {hash: s.hash, error: s.error, panel: s.panel, detail: s.detail, route: s.route}).slice(0, 2000)}`);
  }
  if (!error) assert.equal(s.error, "", "the page shows an error");
  // Statuses read as the documents write them, wherever a measure is drawn.
  for (const n of s.nodes) if (n.status && n.status !== "UNKNOWN") assert.ok(n.display.startsWith(glyphs[n.status] + " "), `${n.id} shows ${n.display}`);
  return s;
}
const glyphs = {PAST: "●", FUTURE: "○", PROGRESS: "進捗", TODO: "今後"};
async function shot(name) {
  step++;
  await page.screenshot({path: path.join(out, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true});
  console.log(`ok ${step} - ${name}`);
}
const visible = (s) => s.nodes.filter((n) => n.visible);
// The status line counts what is drawn once the filters' style applied.
async function statusCounts(what) {
  await until(async () => {
    const s = await state();
    const text = await page.locator("#status").innerText();
    const want = `${visible(s).length} nodes, ${s.edges.filter((e) => e.visible).length} edges`;
    return text.startsWith(want) || new Error(`status "${text}", drawn ${want}`);
  }, `the status line counting ${what}`);
}
// A bad link explains itself in the panel and links to the overview.
async function badLink(hash, message) {
  await page.goto(`${base}/explorer#${hash}`);
  const s = await settle((s) => s.panel.view === "error", `the error of #${hash}`, {error: true});
  assert.match(await page.locator("#view-error").innerText(), message);
  assert.ok(await page.locator("#to-overview").isVisible());
  return s;
}
const byId = (s) => new Map(s.nodes.map((n) => [n.id, n]));
const sorted = (xs) => [...xs].sort();

try {
  page = await newPage({width: 1400, height: 900});

  // 0. GraphiQL at / loads from the server alone, every request answered
  // and nothing logged as an error (its inline icon link keeps the browser
  // from asking for a /favicon.ico the server lacks: TestPagesDeclareIcon).
  {
    const failed = [];
    page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(base + "/");
    await until(async () => (await page.locator(".graphiql-container").count()) > 0, "GraphiQL rendered");
    await page.waitForLoadState("networkidle");
    assert.deepEqual(failed, [], "GraphiQL's requests all succeed");
    assert.deepEqual(problems, [], "GraphiQL logs no error");
    page.removeAllListeners("response");
  }

  // 1. The first screen orients: both editions with their pillars and counts,
  // the most-cited laws and the funds.
  await page.goto(base + "/explorer");
  let s = await settle((s) => s.panel.view === "home", "the overview");
  const home = await api(`{ documents { id pillars { id key measures { totalCount } distinct: measures(filter: {distinct: true}) { totalCount } } }
    stats { documents { document { id } nodes { label count } } } funds { id } d23: measures(filter: {document: "doc:2023", distinct: true}) { totalCount } }`);
  assert.deepEqual(s.panel.documents, home.documents.map((d) => d.id));
  const allPillars = home.documents.flatMap((d) => d.pillars.map((p) => p.id));
  assert.deepEqual(sorted(visible(s).filter((n) => n.label === "Pillar").map((n) => n.id)), sorted(allPillars));
  assert.equal(await page.locator(".edition-card").count(), 2);
  // Measures count each item once: a 2023 overview cell restating a detail
  // bullet (SUMMARIZES) is said apart, in the edition, the pillars and the canvas.
  const measures23 = home.stats.documents[0].nodes.find((c) => c.label === "Measure").count;
  assert.ok(home.d23.totalCount < measures23);
  assert.match(await page.locator(".edition-card").first().innerText(), new RegExp(`${home.d23.totalCount} measures \\(\\+${measures23 - home.d23.totalCount} overview cells\\)`));
  const countsShown = await page.locator(".edition-card li .measure-count").allInnerTexts();
  const countsWant = home.documents.flatMap((d) => d.pillars.map((p) => {
    const n = p.distinct.totalCount, cells = p.measures.totalCount - n;
    return `${n} measure${n === 1 ? "" : "s"}` + (cells ? ` (+${cells} overview cell${cells === 1 ? "" : "s"})` : "");
  }));
  assert.deepEqual(countsShown, countsWant);
  assert.ok(countsShown.includes("16 measures (+15 overview cells)"), "2023 MISSION-1 counts 16, not 31");
  assert.ok(await page.locator(".edition-card li .measure-count").first().getAttribute("title"), "the count says what it counts");
  for (const p of home.documents.flatMap((d) => d.pillars)) assert.ok(byId(s).get(p.id).display.endsWith(`（${p.distinct.totalCount}）`), byId(s).get(p.id).display);
  assert.ok(s.panel.laws.length > 0 && (await page.locator("#top-laws li").count()) === s.panel.laws.length);
  assert.equal(s.panel.funds.length, home.funds.length);
  // Counts read as English: "1 pillar", not "1 pillars".
  const lists = await page.locator("#top-laws").innerText() + await page.locator("#top-funds").innerText();
  assert.match(lists, /\b1 pillar\b/);
  assert.doesNotMatch(lists, /\b1 (pillars|mentions)\b/);
  await shot("overview");

  // 1b. A bad link: the panel says what is wrong and the way home redraws
  // the overview (a failed view used to leave its key, so home was skipped).
  await page.evaluate(() => { location.hash = "v=graph&n=nonsense"; });
  s = await settle((s) => s.panel.view === "error", "the bad link's message", {error: true});
  assert.match(await page.locator("#view-error").innerText(), /no node with id “nonsense”/);
  assert.equal(s.nodes.length, 0);
  await shot("bad-link");
  await page.click("#views a[href='#']");
  s = await settle((s) => s.panel.view === "home" && s.route.v === "home", "the overview again");
  assert.deepEqual(sorted(visible(s).filter((n) => n.label === "Pillar").map((n) => n.id)), sorted(allPillars), "the overview is drawn again");
  await statusCounts("the overview");
  await page.goBack();
  await settle((s) => s.panel.view === "error" && s.route.v === "graph", "back to the bad link", {error: true});
  await page.goBack();
  s = await settle((s) => s.panel.view === "home" && s.route.v === "home", "back to the overview");
  assert.equal(visible(s).filter((n) => n.label === "Pillar").length, allPillars.length);
  // Fresh bad links: a pillar where a law or fund belongs, a law where a pillar belongs.
  await badLink("v=deps&id=pillar%3A2025%3AOS-2", /“pillar:2025:OS-2” is a Pillar, not a law, fund or organisation/);
  await badLink("v=cmp&id=law%3A%E7%8B%AC%E5%8D%A0%E7%A6%81%E6%AD%A2%E6%B3%95", /“law:独占禁止法” is not a pillar/);
  await badLink("v=graph&n=nonsense", /no node with id “nonsense”/);
  await page.click("#to-overview");
  s = await settle((s) => s.panel.view === "home", "the overview from the error's link");
  assert.equal(visible(s).filter((n) => n.label === "Pillar").length, allPillars.length);

  // 1c. Values the page cannot use are dropped, with a notice, not applied silently.
  await page.goto(`${base}/explorer#v=graph&n=pillar%3A2025%3AMISSION-2&ed=2099&y0=abc&hide=Nonsense`);
  s = await settle((s) => s.route.v === "graph", "a link with bad filter values");
  assert.equal(s.route.ed, "");
  assert.equal(s.route.y0, null);
  assert.deepEqual(s.route.hide, []);
  assert.doesNotMatch(s.hash, /ed=|y0=|hide=/, "the hash holds what is applied");
  const notice = await page.locator("#notice").innerText();
  for (const bad of ["ed=2099", "y0=abc", "hide=Nonsense"]) assert.ok(notice.includes(bad), notice);
  assert.ok(visible(s).some((n) => n.year === 2023), "no edition filter applied");
  await shot("bad-filter-values");

  // 1d. A busy server refuses with 503 and Retry-After: the page waits as
  // told and asks again, so the search still answers and no error shows.
  let refused = 0;
  const problemsBefore = problems.length;
  await page.route(`${base}/graphql`, (r) => {
    if (refused++ > 0) return r.fallback();
    return r.fulfill({status: 503, headers: {"Retry-After": "1", "Content-Type": "application/json"},
      body: JSON.stringify({errors: [{message: "the server is busy; retry later", extensions: {code: "UNAVAILABLE"}}]})});
  });
  await page.fill("#search", "GI基金");
  s = await settle((s) => s.route.q === "GI基金" && s.hits.length > 0, "search hits after a refusal");
  assert.ok(refused >= 2, "the refused request was asked again");
  await page.unroute(`${base}/graphql`);
  // Chromium logs the refused request itself as a console error: the one
  // expected problem of this step.
  const logged = problems.splice(problemsBefore);
  assert.ok(logged.every((p) => /503/.test(p)), logged.join("\n"));

  // 2. Search 半導体, walk the hits with the keyboard and open one.
  await page.fill("#search", "半導体");
  s = await settle((s) => s.hits.length > 0 && s.route.q === "半導体", "search hits");
  const hits = (await api(`{ search(query: "半導体", first: 100) { node { id } } }`)).search.map((h) => h.node.id);
  assert.ok(hits.length < 100, "every hit fits the explorer's page of 100, so the counts below are whole");
  assert.deepEqual(s.hits.map((h) => h.id), hits);
  assert.equal(await page.locator("#hits li[data-id]").count(), hits.length);
  assert.equal(await page.locator("#hits-count").innerText(), `${hits.length} of ${hits.length} hits`);
  assert.ok((await page.locator("#hits mark").count()) >= hits.length, "every hit marks the match");
  await page.focus("#search");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), hits[1]);
  await page.keyboard.press("Enter");
  s = await settle((s) => s.route.v === "graph" && s.detail && s.detail.id === hits[1], "the second hit opened");
  await statusCounts("the hit's neighbourhood");
  const hood = (await api(`query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) { nodes { id } } }`, {id: hits[1]})).neighbourhood;
  assert.deepEqual(sorted(s.nodes.map((n) => n.id)), sorted(hood.nodes.map((n) => n.id)));
  assert.ok(byId(s).get(hits[1]).seed && byId(s).get(hits[1]).selected);
  assert.ok(s.nodes.length > 1, "the hit's neighbours are drawn");
  await shot("search-半導体-open-hit");

  // 2b. More hits than a page: the count says so, "more" shows the rest, and
  // every hit says its edition and pillar.
  const hitsWhere = async (q) => (await api(`query($q: String!) { search(query: $q, first: 100) { node { id __typename ... on Measure { document { year } pillar { key } directions { ordinal } } ... on Pillar { key document { year } }
    ... on Target { document { year } pillar { key } } ... on MeasureGroup { document { year } pillar { key } direction { ordinal } } ... on Document { year }
    ... on PolicyDirection { ordinal document { year } } } } }`, {q})).search;
  // Edition and pillar; under no pillar, the 政策の方向性 (then its title).
  const whereOf = (n) => { const d = n.__typename === "PolicyDirection" ? n : n.direction || n.directions?.[0];
    return [n.document?.year ?? n.year, n.pillar?.key ?? n.key ?? (d ? `方向性${d.ordinal}` : null)].filter(Boolean).join(" "); };
  const gx = await hitsWhere("GX");
  assert.ok(gx.length > 30 && gx.length < 100, `GX has ${gx.length} hits`);
  await page.fill("#search", "GX");
  s = await settle((s) => s.route.q === "GX" && s.hits.length === 30, "the first 30 GX hits");
  assert.equal(await page.locator("#hits-count").innerText(), `30 of ${gx.length} hits show ${Math.min(30, gx.length - 30)} more`);
  await page.click("#hits-more");
  await until(async () => (await page.locator("#hits li[data-id]").count()) === gx.length, "every GX hit listed");
  assert.match(await page.locator("#hits-count").innerText(), new RegExp(`^${gx.length} of ${gx.length} hits`));
  const where = await page.locator("#hits li[data-id] .where").allInnerTexts();
  assert.equal(where.length, gx.length);
  where.forEach((w, i) => assert.ok(w === whereOf(gx[i].node) || w.startsWith(whereOf(gx[i].node) + " ") && /方向性/.test(w), `${gx[i].node.id}: ${w}`));
  assert.ok(where.filter((w) => /^20\d\d [A-Z]+-\d+$/.test(w)).length > 30, "measures show edition and pillar");
  assert.ok(where.some((w) => /^2025 方向性3 /.test(w)), "a 政策の方向性 item shows its direction");
  // 2023's macro framework items and the directions themselves say where they are too.
  await page.fill("#search", "賃上げ");
  s = await settle((s) => s.route.q === "賃上げ" && s.hits.length > 0, "賃上げ hits");
  const wage = await hitsWhere("賃上げ");
  const wageWhere = await page.locator("#hits li[data-id] .where").allInnerTexts();
  assert.equal(wageWhere.length, Math.min(30, wage.length));
  wageWhere.forEach((w, i) => assert.ok(w === whereOf(wage[i].node) || w.startsWith(whereOf(wage[i].node) + " ") && /方向性/.test(w), `${wage[i].node.id}: ${w}`));
  const macro = wage.findIndex((h) => h.node.id.startsWith("measure:2023:DIR-"));
  assert.ok(macro >= 0 && macro < 30 && wageWhere[macro].startsWith("2023 方向性1 マクロ"), wageWhere[macro]);
  await shot("search-GX-all-hits");

  // 3. Open GI基金 (by its alias) and see every pillar relying on it, in both editions.
  await page.fill("#search", "GI基金");
  const gi = "fund:グリーンイノベーション基金";
  s = await settle((s) => s.route.q === "GI基金" && s.hits.some((h) => h.id === gi), "GI基金 among the hits");
  await page.click(`#hits li[data-id="${gi}"]`);
  s = await settle((s) => s.detail && s.detail.id === gi, "the fund's details");
  await page.click("button[data-act=deps]");
  s = await settle((s) => s.panel.view === "deps" && s.panel.id === gi, "the dependency view");
  const uses = (await api(`query($id: ID!) { fund(id: $id) { pillars { pillar { id document { year } } mentions { line } } } }`, {id: gi})).fund.pillars;
  const drawn = visible(s).filter((n) => n.label === "Pillar");
  assert.deepEqual(sorted(drawn.map((n) => n.id)), sorted(uses.map((u) => u.pillar.id)));
  assert.deepEqual(sorted(new Set(drawn.map((n) => n.year))), [2023, 2025], "pillars of both editions");
  assert.equal(s.edges.filter((e) => e.type === "DEPENDS_ON" && e.target === gi).length, uses.length);
  assert.equal(await page.locator("table.deps tr").count(), uses.length + 2, "one row per pillar, a header per edition");
  // In 2023 each use is stated twice, by an overview cell and the bullet it
  // SUMMARIZES: the cell's mention says so, with the bullet's line, so that
  // no one counts one item twice.
  {
    const cells = (await api(`query($id: ID!) { fund(id: $id) { pillars { mentions { line node { ... on Measure { overview summarizes { source { lineStart } } } } } } } }`, {id: gi}))
      .fund.pillars.flatMap((u) => u.mentions).filter((m) => m.node.overview);
    assert.ok(cells.length > 0, "overview cells among GI基金's mentions");
    const tags = await page.locator("table.deps .cell").allInnerTexts();
    assert.equal(tags.length, cells.length, tags.join(" | "));
    assert.equal(s.panel.cells, cells.length);
    for (const m of cells) assert.ok(tags.some((t) => m.node.summarizes.every((b) => t.includes(`l.${b.source.lineStart}`))), `the cell at l.${m.line}: ${tags.join(" | ")}`);
  }
  await shot("GI基金-pillars-both-editions");
  // The exports keep each DEPENDS_ON edge's mentions, as the panel lists them.
  {
    const withMentions = (await api(`query($id: ID!) { fund(id: $id) { pillars { pillar { id } mentions { surface line node { id } } } } }`, {id: gi})).fund.pillars;
    const want = sorted(withMentions.map((u) => JSON.stringify([u.pillar.id, u.mentions.map((m) => ({surface: m.surface, line: m.line, node: m.node.id}))])));
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    const j = JSON.parse(fs.readFileSync(await dl.path()).toString());
    assert.deepEqual(sorted(j.edges.filter((e) => e.type === "DEPENDS_ON").map((e) => JSON.stringify([e.source, e.properties?.mentions]))), want);
    const [dg] = await Promise.all([page.waitForEvent("download"), page.click("#export-graphml")]);
    const x = fs.readFileSync(await dg.path()).toString();
    const depEdges = x.split("\n").filter((l) => l.includes("<data key=\"type\">DEPENDS_ON</data>"));
    assert.equal(depEdges.length, uses.length);
    for (const l of depEdges) assert.match(l, /<data key="properties">\{&quot;mentions&quot;:\[\{&quot;surface&quot;/, l);
  }

  // 3b. Every mention of a law is listed, those under no pillar apart (the
  // overview counts them all).
  const shita = "law:下請代金支払遅延等防止法";
  const law = (await api(`query($id: ID!) { law(id: $id) { mentions { line } pillars { mentions { line } } } }`, {id: shita})).law;
  const inPillars = law.pillars.reduce((k, u) => k + u.mentions.length, 0);
  assert.ok(inPillars < law.mentions.length, "some mentions are under no pillar");
  await page.evaluate((id) => { location.hash = `v=deps&id=${encodeURIComponent(id)}`; }, shita);
  s = await settle((s) => s.panel.view === "deps" && s.panel.id === shita, "the 下請法 dependency view");
  assert.equal(await page.locator("#panel a.mention").count(), law.mentions.length);
  assert.equal(s.panel.outside.length, law.mentions.length - inPillars);
  assert.equal(await page.locator("#deps-summary").innerText(),
    `${law.mentions.length} mentions: ${inPillars} in ${law.pillars.length} pillars, ${law.mentions.length - inPillars} in text under no pillar (listed last).`);
  await shot("下請法-every-mention");

  // 3c. An organisation's dependency view: the pillars relying on NEXI, in
  // both editions, from its detail panel.
  const nexi = "org:NEXI";
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, nexi);
  s = await settle((s) => s.detail && s.detail.id === nexi, "NEXI's details");
  await page.click("button[data-act=deps]");
  s = await settle((s) => s.panel.view === "deps" && s.panel.id === nexi, "NEXI's dependency view");
  const orgUses = (await api(`query($id: ID!) { organisation(id: $id) { pillars { pillar { id } } } }`, {id: nexi})).organisation.pillars;
  assert.deepEqual(sorted(s.panel.pillars), sorted(orgUses.map((u) => u.pillar.id)));
  assert.deepEqual(sorted(new Set(visible(s).filter((n) => n.label === "Pillar").map((n) => n.year))), [2023, 2025], "pillars of both editions");
  await shot("NEXI-pillars");

  // 4. Follow a 再掲 to its original. The hash is edited after load, as a
  // researcher pasting a link would.
  const relist = (await api(`{ measures(filter: {relist: true}, first: 50) { nodes { id relistOf { id } } } }`)).measures.nodes.find((m) => m.relistOf);
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, relist.id);
  s = await settle((s) => s.detail && s.detail.id === relist.id, "the 再掲 measure");
  assert.equal(s.detail.relistOf, relist.relistOf.id);
  assert.ok(s.nodes.find((n) => n.id === relist.id).display.includes("（再掲）"));
  assert.ok(s.edges.some((e) => e.type === "RELISTS" && e.source === relist.id && e.target === relist.relistOf.id), "the RELISTS edge is drawn");
  await shot("relist");
  await page.click("#relist-of a");
  s = await settle((s) => s.detail && s.detail.id === relist.relistOf.id && s.route.n[0] === relist.relistOf.id, "the original");
  assert.ok(s.nodes.some((n) => n.id === relist.id), "the 再掲 item is among the original's neighbours");
  const src = (await api(`query($id: ID!) { measure(id: $id) { source { file lineStart lineEnd quote page citation } } }`, {id: relist.relistOf.id})).measure;
  assert.equal(s.detail.quote, src.source.quote);
  // The copyable citation is the API's, with the slide page.
  assert.ok(src.source.page > 0, "the original has a known page");
  assert.equal(s.detail.citation, src.source.citation);
  assert.ok(s.detail.citation.includes(`p. ${src.source.page}`) && s.detail.citation.includes(src.source.file), s.detail.citation);
  assert.equal(s.detail.page, src.source.page);
  assert.equal(await page.locator("#quote").innerText(), src.source.quote);
  await page.click("button[data-act=copy]");
  await until(async () => (await page.locator("button[data-act=copy]").innerText()) === "Copied", "the citation copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.detail.citation);
  await shot("relist-original-with-source");

  // 4b. A target that restates an earlier goal with a new value shows REVISES both ways.
  const revs = (await api(`{ targets(first: 500) { nodes { id revises { target { id } fromValue toValue unit } } } }`)).targets.nodes.filter((t) => t.revises.length);
  assert.ok(revs.length > 0);
  const rev = revs[0], r0 = rev.revises[0];
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, rev.id);
  s = await settle((s) => s.detail && s.detail.id === rev.id, "a revising target");
  assert.deepEqual(s.detail.revises, [r0.target.id]);
  assert.ok((await page.locator("#revises").innerText()).includes(`${r0.fromValue} → ${r0.toValue} ${r0.unit}`));
  await page.click("#revises a");
  s = await settle((s) => s.detail && s.detail.id === r0.target.id, "the revised target");
  assert.deepEqual(s.detail.revisedBy, [rev.id]);
  await shot("target-revises");
  await page.goBack();
  await settle((s) => s.detail && s.detail.id === rev.id, "back to the revising target");

  // 4c. A target that states an earlier goal with the same value shows KEEPS both ways.
  // One with a qualifier (150兆円超), to see it shown too.
  const kps = (await api(`{ targets(first: 500) { nodes { id qualifier keeps { id value unit } } } }`)).targets.nodes.filter((t) => t.keeps && t.qualifier);
  assert.ok(kps.length > 0);
  const kp = kps[0];
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, kp.id);
  s = await settle((s) => s.detail && s.detail.id === kp.id, "a keeping target");
  assert.equal(s.detail.keeps, kp.keeps.id);
  // Its value is shown with the qualifier the text writes next to it.
  const q = (await api(`{ node(id: "${kp.id}") { ... on Target { value unit qualifier } } }`)).node;
  assert.ok((await page.locator("#detail").innerText()).includes(`${q.value} ${q.unit} (${q.qualifier})`));
  assert.ok((await page.locator("#keeps").innerText()).includes(`${kp.keeps.value} ${kp.keeps.unit}`));
  await page.click("#keeps a");
  s = await settle((s) => s.detail && s.detail.id === kp.keeps.id, "the kept target");
  assert.ok(s.detail.keptBy.includes(kp.id), JSON.stringify(s.detail.keptBy));
  await page.goBack();
  await settle((s) => s.detail && s.detail.id === kp.id, "back to the keeping target");
  await page.goBack();
  await settle((s) => s.detail && s.detail.id === rev.id, "back to the revising target");
  await page.goBack();
  await settle((s) => s.detail && s.detail.id === relist.relistOf.id, "back to the original");

  // 4d. A 2023 detail bullet shows the overview cell that SUMMARIZES it, and
  // the cell the bullets it summarizes.
  {
    const bullet = (await api(`{ measures(filter: {document: "doc:2023", overview: false}, first: 500) { nodes { id summarizedBy { id summarizes { id } } } } }`))
      .measures.nodes.find((m) => m.summarizedBy.length);
    assert.ok(bullet, "a 2023 bullet an overview cell summarizes");
    await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, bullet.id);
    s = await settle((s) => s.detail && s.detail.id === bullet.id, "a summarized bullet");
    assert.deepEqual(s.detail.summarizedBy, bullet.summarizedBy.map((c) => c.id));
    assert.equal(await page.locator("#summarized-by a").count(), bullet.summarizedBy.length);
    await shot("bullet-summarized-by");
    const cell = bullet.summarizedBy[0];
    await page.click("#summarized-by a");
    s = await settle((s) => s.detail && s.detail.id === cell.id, "the overview cell");
    assert.deepEqual(s.detail.summarizes, cell.summarizes.map((m) => m.id));
    assert.ok(s.detail.summarizes.includes(bullet.id));
    assert.equal(await page.locator("#summarizes a").count(), cell.summarizes.length);
    assert.match(await page.locator("#detail").innerText(), /overview cell/);
    await page.goBack();
    await settle((s) => s.detail && s.detail.id === bullet.id, "back to the bullet");
    await page.goBack();
    await settle((s) => s.detail && s.detail.id === relist.relistOf.id, "back to the original again");
  }

  // 4e. What did a 2023 plan become? Its successors (EVOLVES_FROM) are listed
  // with their status as the 2025 text writes it (進捗 reported progress, 今後
  // still to be considered), which decides the plan's outcome in editionDiff.
  {
    const plan = (await api(`{ measures(filter: {document: "doc:2023", status: [FUTURE]}, first: 500) { nodes { id evolvedInto { score measure { id status } } } } }`))
      .measures.nodes.find((m) => new Set(m.evolvedInto.map((e) => e.measure.status)).size > 1);
    assert.ok(plan, "a 2023 plan whose successors differ in status");
    await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, plan.id);
    s = await settle((s) => s.detail && s.detail.id === plan.id, "a 2023 plan with successors");
    assert.deepEqual(s.detail.evolvedInto, plan.evolvedInto.map((e) => ({id: e.measure.id, status: e.measure.status})));
    const rows = (await page.locator("#evolved-into").innerText()).split("\n");
    assert.equal(rows.length, plan.evolvedInto.length, rows.join(" | "));
    plan.evolvedInto.forEach((e, i) => assert.ok(rows[i].startsWith(glyphs[e.measure.status] + " "), `successor ${i}: ${rows[i]}`));
    await shot("plan-successors-status");
    await page.goBack();
    await settle((s) => s.detail && s.detail.id === relist.relistOf.id, "back to the original once more");
  }

  // 5. Back returns to the 再掲 item, forward to the original.
  await page.goBack();
  s = await settle((s) => s.route.n[0] === relist.id && s.detail && s.detail.id === relist.id, "back to the 再掲 item");
  await page.goForward();
  s = await settle((s) => s.route.n[0] === relist.relistOf.id && s.detail && s.detail.id === relist.relistOf.id, "forward to the original");
  await shot("back-forward");

  // 6. Expand a neighbour by double-clicking it, then collapse it again.
  const before = s.nodes.length;
  const target = visible(s).find((n) => !n.seed && n.label === "Measure" && n.id !== relist.id) || visible(s).find((n) => !n.seed);
  const box = await page.locator("#cy").boundingBox();
  await page.mouse.dblclick(box.x + target.rendered.x, box.y + target.rendered.y);
  s = await settle((s) => s.route.n.length === 2 && s.route.n[1] === target.id, "the expanded node");
  const hood2 = (await api(`query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) { nodes { id } } }`, {id: target.id})).neighbourhood;
  const ids = new Set(s.nodes.map((n) => n.id));
  assert.ok(hood2.nodes.every((n) => ids.has(n.id)), "all its neighbours were added");
  assert.ok(s.nodes.length >= before);
  await shot("expanded");
  await page.click(`[data-collapse="${target.id}"]`);
  s = await settle((s) => s.route.n.length === 1, "collapsed");
  assert.equal(s.nodes.length, before);

  // 7. Keyboard on the canvas: arrows select nodes, p pins.
  await page.focus("#cy");
  await page.keyboard.press("ArrowRight");
  s = await settle((s) => !!s.route.sel && s.detail && s.detail.id === s.route.sel, "a node chosen with the keyboard");
  const chosen = s.route.sel;
  await page.keyboard.press("p");
  s = await state();
  assert.deepEqual(s.pins, [chosen]);
  // The cursor survives an expand: four steps on, + expands the node under
  // it, - collapses that same node, → goes on from it.
  let kbd = chosen;
  for (let i = 0; i < 3 || byId(s).get(kbd).seed; i++) {
    const prevSel = s.route.sel;
    await page.keyboard.press("ArrowRight");
    s = await settle((s) => s.route.sel && s.route.sel !== prevSel && s.detail && s.detail.id === s.route.sel, "the next node");
    kbd = s.route.sel;
    assert.equal(s.kbd, kbd);
  }
  const seeds = s.route.n;
  await page.keyboard.press("+");
  s = await settle((s) => s.route.n.length === seeds.length + 1 && s.route.n.includes(kbd), "the keyboard's node expanded");
  await page.keyboard.press("-");
  s = await settle((s) => s.route.n.length === seeds.length && !s.route.n.includes(kbd), "the same node collapsed");
  const order = visible(s).sort((a, b) => a.rendered.y - b.rendered.y || a.rendered.x - b.rendered.x).map((n) => n.id);
  await page.keyboard.press("ArrowRight");
  s = await settle((s) => s.route.sel !== kbd && s.detail && s.detail.id === s.route.sel, "the node after the cursor");
  assert.equal(s.route.sel, order[(order.indexOf(kbd) + 1) % order.length]);

  // 7b. With a node opened (sel= in the link), the keys start from it:
  // p pins it, → and ← walk from it, Enter opens its neighbourhood.
  {
    const pinsBefore = s.pins;
    const mid = order.find((id, i) => i > 2 && !byId(s).get(id).seed && !pinsBefore.includes(id));
    const at = order.indexOf(mid);
    await page.evaluate((h) => { location.hash = h; }, s.hash.replace(/&sel=[^&]*/, "") + `&sel=${encodeURIComponent(mid)}`);
    s = await settle((s) => s.route.sel === mid && s.detail && s.detail.id === mid, "a node opened by its link");
    assert.deepEqual(visible(s).sort((a, b) => a.rendered.y - b.rendered.y || a.rendered.x - b.rendered.x).map((n) => n.id), order, "nothing moved");
    await page.focus("#cy");
    await page.keyboard.press("p");
    assert.deepEqual(sorted((await state()).pins), sorted([...pinsBefore, mid]), "p pins the opened node");
    await page.keyboard.press("p");
    assert.deepEqual((await state()).pins, pinsBefore, "and p again unpins it");
    await page.keyboard.press("ArrowRight");
    s = await settle((s) => s.route.sel !== mid && s.detail && s.detail.id === s.route.sel, "the node after the opened one");
    assert.equal(s.route.sel, order[at + 1]);
    await page.keyboard.press("ArrowLeft");
    s = await settle((s) => s.route.sel === mid && s.detail && s.detail.id === mid, "back on the opened node");
    await page.keyboard.press("Enter");
    s = await settle((s) => s.route.n.length === 1 && s.route.n[0] === mid, "Enter opens its neighbourhood");
    assert.equal(s.route.sel, mid);
    assert.ok(byId(s).get(mid).seed);
    await page.goBack();
    s = await settle((s) => s.route.n[0] === relist.relistOf.id, "back to the original's neighbourhood");
  }

  // 8a. The relationship filter offers every type the API has, and the
  // dependency view's DEPENDS_ON; a link may hide any of them.
  const apiRels = (await api(`{ stats { relationships { type } } }`)).stats.relationships.map((r) => r.type);
  assert.ok(apiRels.includes("REVISES") && apiRels.includes("KEEPS"));
  assert.deepEqual(sorted(await page.locator("#f-rels input").evaluateAll((is) => is.map((i) => i.value))), sorted([...apiRels, "DEPENDS_ON"]));
  await page.evaluate(([a, b]) => { location.hash = `v=graph&n=${encodeURIComponent(a)}&n=${encodeURIComponent(b)}&rels=REVISES,KEEPS,RESTATES`; }, [rev.id, kp.id]);
  s = await settle((s) => s.route.n.length === 2 && s.route.n[1] === kp.id, "targets with REVISES, KEEPS and RESTATES hidden");
  assert.deepEqual(s.notices, []);
  assert.deepEqual(s.route.rels, ["REVISES", "KEEPS", "RESTATES"]);
  for (const t of ["REVISES", "KEEPS"]) assert.ok(s.edges.some((e) => e.type === t), `a ${t} edge is drawn`);
  assert.deepEqual(s.edges.filter((e) => e.visible && ["REVISES", "KEEPS", "RESTATES"].includes(e.type)), []);
  await statusCounts("REVISES, KEEPS and RESTATES hidden");
  assert.ok(!(await page.locator("#f-rels input[value=REVISES]").isChecked()));

  // 8. Filters: hub nodes hidden, one edition, statuses shown as the documents write them.
  // Hiding hubs hides every Document, an expanded one too, and the export follows.
  await page.evaluate(() => { location.hash = "v=graph&n=pillar%3A2025%3AMISSION-2&n=doc%3A2025"; });
  s = await settle((s) => s.route.n.includes("doc:2025") && byId(s).get("doc:2025")?.visible, "the 2025 Document expanded");
  await page.check("#hide-hubs");
  s = await settle((s) => s.route.hide.includes("Document"), "hubs hidden with a Document expanded");
  assert.deepEqual(visible(s).filter((n) => n.label === "Document").map((n) => n.id), []);
  await statusCounts("without the hubs");
  {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    const j = JSON.parse(fs.readFileSync(await dl.path()).toString());
    assert.ok(!j.nodes.some((n) => n.label === "Document"), "the export leaves the hidden hubs out");
    assert.deepEqual(sorted(j.nodes.map((n) => n.id)), sorted(visible(s).map((n) => n.id)));
  }
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}`; }, "pillar:2025:MISSION-2");
  s = await settle((s) => s.route.n[0] === "pillar:2025:MISSION-2" && s.nodes.some((n) => n.label === "Document"), "the DX pillar's neighbourhood");
  assert.ok(visible(s).some((n) => n.label === "Document"));
  await page.check("#hide-hubs");
  s = await settle((s) => s.route.hide.includes("Document"), "hubs hidden");
  assert.ok(s.nodes.some((n) => n.label === "Document") && !visible(s).some((n) => n.label === "Document"));
  await statusCounts("hubs hidden");
  assert.match(s.hash, /hide=Document/);
  assert.ok(s.nodes.some((n) => n.status === "PROGRESS") && s.nodes.some((n) => n.status === "TODO"));
  await page.evaluate(() => { document.querySelector("#filters").open = true; });
  await page.check("#f-status input[value=PROGRESS]");
  await page.uncheck("#f-status input[value=TODO]");
  s = await settle((s) => s.route.st.length > 0 && !s.route.st.includes("TODO"), "TODO hidden");
  assert.deepEqual(visible(s).filter((n) => n.status === "TODO").map((n) => n.id), []);
  assert.ok(s.nodes.some((n) => n.status === "TODO"));
  await statusCounts("TODO hidden");
  await page.check("#f-status input[value=TODO]");
  // Years: measures and targets whose span reaches 2030; Tab commits the field.
  await page.fill("#y0", "2030");
  await page.press("#y0", "Tab");
  s = await settle((s) => s.route.y0 === 2030 && !s.route.st.length, "from 2030 on");
  const dated = s.nodes.filter((n) => n.label === "Measure" || n.label === "Target");
  assert.ok(dated.some((n) => n.visible) && dated.some((n) => !n.visible), "the year filter keeps some and drops some: " + JSON.stringify([s.route, s.status, dated.map((n) => [n.id, n.y0, n.y1, n.visible])]).slice(0, 3000));
  for (const n of dated) assert.equal(n.visible, (n.y1 ?? n.y0 ?? -1) >= 2030, `${n.id} ${n.y0}-${n.y1} visible=${n.visible}`);
  await statusCounts("from 2030 on");
  await page.fill("#y0", "");
  await page.press("#y0", "Tab");
  await settle((s) => s.route.y0 === null, "no year filter");
  await page.check("#filters input[name=ed][value='2023']");
  s = await settle((s) => s.route.ed === "2023", "the 2023 edition only");
  assert.ok(visible(s).every((n) => n.seed || n.year == null || n.year === 2023));
  assert.ok(visible(s).some((n) => n.year === 2023), "the 2023 pillar it continues is still there");
  await statusCounts("the 2023 edition only");
  await shot("filters");
  await page.check("#filters input[name=ed][value='']");
  await page.uncheck("#hide-hubs");
  await settle((s) => s.route.ed === "" && !s.route.hide.length, "filters cleared");

  // 9. Compare 2023 DX with 2025 DX: the view shows what editionDiff says of
  // the pillars' group, and draws every pair it lists.
  const diffQ = `query($id: ID!) { editionDiff(from: "doc:2023", to: "doc:2025", pillar: $id) { groups {
    earlier { id key } later { id key } earlierDirections { id } laterDirections { id }
    planned { outcome measure { id } evidence { score earlier { id } later { id } } } new { id }
    revised { earlier { id } later { id } } kept { earlier { id } later { id } }
    totals { planned progress todo continued notMentioned new revised kept } } } }`;
  const sideQ = `query($id: ID!) { node(id: $id) { ... on Pillar { measures(filter: {distinct: true}, first: 500) { nodes { id evolvesFrom { score measure { id } } } } all: measures { totalCount } }
    ... on PolicyDirection { directionMeasures: measures { id evolvesFrom { score measure { id } } } } } }`;
  // checkCompare holds the drawn edition view of id to editionDiff's group.
  async function checkCompare(s, id) {
    const g = (await api(diffQ, {id})).editionDiff.groups[0];
    for (const x of [...g.earlier, ...g.later, ...g.earlierDirections, ...g.laterDirections]) {
      const n = (await api(sideQ, {id: x.id})).node;
      x.measures = n.measures || {nodes: n.directionMeasures};
      x.all = n.all;
    }
    g.earlierDirections.forEach((d) => { d.measures = d.measures.nodes; });
    g.laterDirections.forEach((d) => { d.measures = d.measures.nodes; });
    const dirs = g.earlierDirections.length > 0;
    const olders = (dirs ? g.earlierDirections : g.earlier).map((p) => p.id), newers = (dirs ? g.laterDirections : g.later).map((p) => p.id);
    assert.deepEqual(s.panel.olders, olders);
    assert.deepEqual(s.panel.newers, newers);
    assert.deepEqual(s.panel.totals, g.totals);
    assert.deepEqual(s.panel.planned, g.planned.map((p) => ({id: p.measure.id, outcome: p.outcome})));
    assert.deepEqual(s.panel.new, g.new.map((m) => m.id));
    const dropped = g.planned.filter((p) => p.outcome === "NOT_MENTIONED").map((p) => p.measure.id);
    assert.deepEqual(s.panel.dropped, dropped);
    assert.equal(new Set(s.panel.dropped).size, s.panel.dropped.length, "no measure listed twice");
    const laterMs = dirs ? g.laterDirections.flatMap((d) => d.measures) : g.later.flatMap((p) => p.measures.nodes);
    assert.deepEqual(s.panel.continued, laterMs.filter((m) => m.evolvesFrom.length).map((m) => m.id));
    // Every pair listed (a continued measure's predecessors, a plan's
    // successors) is drawn, once.
    const listed = new Set([...laterMs.flatMap((m) => m.evolvesFrom.map((e) => `${m.id}>${e.measure.id}:${e.score}`)),
      ...g.planned.flatMap((p) => p.evidence.map((e) => `${e.later.id}>${e.earlier.id}:${e.score}`))]);
    assert.ok(listed.size > 0);
    assert.deepEqual(sorted(s.edges.filter((e) => e.type === "EVOLVES_FROM" && e.visible).map((e) => `${e.source}>${e.target}:${e.score}`)), sorted(listed));
    for (const [type, list] of [["REVISES", g.revised], ["KEEPS", g.kept]])
      assert.deepEqual(sorted(s.edges.filter((e) => e.type === type && e.visible).map((e) => `${e.source}>${e.target}`)), sorted(list.map((t) => `${t.later.id}>${t.earlier.id}`)), type);
    // Every measure of both sides is drawn, each once (overview cells that restate a bullet of their pillar are not).
    const earlierMs = dirs ? g.earlierDirections.flatMap((d) => d.measures) : g.earlier.flatMap((p) => p.measures.nodes);
    const drawn = new Set(visible(s).filter((n) => n.label === "Measure").map((n) => n.id));
    for (const m of [...earlierMs, ...laterMs]) assert.ok(drawn.has(m.id), `${m.id} drawn`);
    assert.equal(await page.locator("#cmp-continued > li").count(), s.panel.continued.length);
    assert.equal(await page.locator("#cmp-new > li").count(), s.panel.new.length);
    assert.equal(await page.locator("#cmp-dropped > li").count(), s.panel.dropped.length);
    assert.equal(await page.locator("#cmp-planned > li").count(), g.planned.length - dropped.length);
    // The header names every pillar of the group with its distinct count.
    const headText = await page.locator("#cmp-head").innerText();
    if (!dirs) for (const p of [...g.earlier, ...g.later]) {
      const n = p.measures.nodes.length, cells = p.all.totalCount - n;
      assert.ok(headText.includes(`${p.key} `), `${p.key} in “${headText}”`);
      assert.ok(headText.includes(`— ${n} measure${n === 1 ? "" : "s"}${cells ? ` (+${cells} overview cell${cells === 1 ? "" : "s"})` : ""}`), `${p.key}'s count in “${headText}”`);
    }
    assert.ok(!s.edges.some((e) => e.type === "CONTINUES" && e.visible) === dirs, "pillars CONTINUE, directions do not");
    return g;
  }
  await page.evaluate(() => { location.hash = "v=graph&n=pillar%3A2025%3AMISSION-2&sel=pillar%3A2025%3AMISSION-2"; });
  s = await settle((s) => s.detail && s.detail.id === "pillar:2025:MISSION-2", "the 2025 DX pillar");
  await page.click("button[data-act=cmp]");
  s = await settle((s) => s.panel.view === "cmp", "the edition view");
  assert.equal(s.panel.older, "pillar:2023:MISSION-2");
  assert.equal(s.panel.newer, "pillar:2025:MISSION-2");
  await checkCompare(s, "pillar:2025:MISSION-2");
  assert.deepEqual(sorted(new Set(s.nodes.map((n) => n.status).filter(Boolean))).filter((x) => x !== "UNKNOWN"), ["FUTURE", "PAST", "PROGRESS", "TODO"]);
  // Readable: both pillars labelled at the fitted zoom, nothing under the legend.
  for (const id of ["pillar:2023:MISSION-2", "pillar:2025:MISSION-2"]) assert.ok(byId(s).get(id).labelPx >= 9, `${id} label ${byId(s).get(id).labelPx}px`);
  for (const n of visible(s).filter((n) => n.label === "Measure")) assert.ok(n.labelPx >= 9, `${n.id} label ${n.labelPx}px`);
  const cmpBox = await page.locator("#cy").boundingBox(), legBox = await page.locator("#legend").boundingBox();
  assert.ok(legBox.y >= cmpBox.y + cmpBox.height - 1, "the legend is below the canvas, not over it");
  assert.ok(visible(s).every((n) => n.rendered.x >= 0 && n.rendered.x <= s.canvas.width && n.rendered.y >= 0 && n.rendered.y <= s.canvas.height));
  await shot("compare-DX-2023-2025");

  // 9a. A merge: 2025 経済安全保障・対外経済 continues 2023 MISSION-3 and OS-4,
  // both shown, with every pair drawn (those from OS-4, and from MISSION-4
  // outside the group), the plans no longer mentioned each once, and the
  // goals it revises.
  await page.evaluate(() => { location.hash = "v=cmp&id=pillar%3A2025%3AMISSION-3"; });
  s = await settle((s) => s.panel.view === "cmp" && s.panel.newer === "pillar:2025:MISSION-3", "the merged pillar's edition view");
  const merged = await checkCompare(s, "pillar:2025:MISSION-3");
  assert.deepEqual(s.panel.olders, ["pillar:2023:MISSION-3", "pillar:2023:OS-4"]);
  assert.ok(merged.revised.length > 0 && s.panel.revised.length === merged.revised.length);
  assert.ok(s.edges.filter((e) => e.type === "CONTINUES" && e.visible).length === 2, "CONTINUES to both 2023 pillars");
  assert.ok(s.edges.some((e) => e.type === "EVOLVES_FROM" && e.target.startsWith("measure:2023:MISSION-4:")), "a pair from outside the group is drawn");
  await shot("compare-merge-MISSION-3");

  // 9b. A 2025 policy direction: the directions of both editions (2023's
  // macro framework, 2025's 政策の方向性), which pair no one to one.
  await page.evaluate(() => { location.hash = "v=graph&n=direction%3A2025%3A2&sel=direction%3A2025%3A2"; });
  s = await settle((s) => s.detail && s.detail.id === "direction:2025:2", "a 2025 direction");
  await page.click("button[data-act=cmp]");
  s = await settle((s) => s.panel.view === "cmp" && s.panel.newer === "direction:2025:2", "the directions' edition view");
  assert.equal(s.panel.older, "direction:2023:1");
  await checkCompare(s, "direction:2025:2");
  await shot("compare-directions");

  // 9c. 200 nodes: labels of pillars, laws, funds and documents stay readable
  // at the fitted zoom; the wheel zooms in small steps; only layouts that
  // stay readable are offered.
  await page.evaluate(() => { location.hash = "v=graph&n=doc%3A2023&n=doc%3A2025&n=pillar%3A2023%3AMISSION-2&n=pillar%3A2025%3AMISSION-2&n=pillar%3A2023%3AMISSION-3&n=pillar%3A2025%3AMISSION-3"; });
  s = await settle((s) => s.route.n.length === 6 && s.panel.view === "graph", "a big graph");
  assert.ok(s.nodes.length >= 150, `${s.nodes.length} nodes`);
  assert.ok(s.zoom < 0.7, `zoom ${s.zoom}`);
  const key = visible(s).filter((n) => ["Document", "Pillar", "Law", "Fund"].includes(n.label));
  assert.ok(key.length > 20);
  for (const n of key) assert.ok(n.labelPx >= 9, `${n.id}: label ${n.labelPx}px at zoom ${s.zoom}`);
  assert.deepEqual(await page.locator("#layout option").evaluateAll((os) => os.map((o) => o.value)), ["fcose", "grid", "circle"]);
  await shot("big-graph-labels");
  const z0 = s.zoom, cyBox0 = await page.locator("#cy").boundingBox();
  await page.mouse.move(cyBox0.x + cyBox0.width / 2, cyBox0.y + cyBox0.height / 2);
  await page.mouse.wheel(0, 100);
  await until(async () => (await state()).zoom !== z0, "the wheel zooms");
  const ratio = (await state()).zoom / z0;
  assert.ok(ratio > 0.6 && ratio < 1, `one wheel notch zooms by ${ratio}`);

  // 10. The path from 経済安全保障推進法 to pillar:2025:OS-2; then with hubs excluded.
  const from = "law:経済安全保障推進法", to = "pillar:2025:OS-2";
  const pathsQ = `query($to: ID!, $avoid: [NodeType!]) { paths(from: "${from}", to: $to, maxHops: 8, first: 20, avoid: $avoid) { nodes { id label } } }`;
  const apiPaths = async (to, avoid) => (await api(pathsQ, {to, avoid})).paths.map((p) => p.nodes.map((n) => n.id));
  const labels = new Map();
  // "Path from here" on the law, then find the pillar by search: its "Path
  // to here" keeps the start.
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`; }, from);
  await settle((s) => s.detail && s.detail.id === from, "the law");
  await page.click("button[data-act=path-from]");
  await settle((s) => s.panel.view === "path" && s.route.from === from && !s.route.to, "a path start");
  await page.fill("#search", "イノベーション・スタートアップ");
  await settle((s) => s.hits.some((h) => h.id === to), "the pillar among the hits");
  await page.click(`#hits li[data-id="${to}"]`);
  s = await settle((s) => s.route.v === "graph" && s.detail && s.detail.id === to, "the pillar opened");
  assert.equal(s.route.from, from, "the start waits in the route");
  assert.match(await page.locator("#path-pending").innerText(), /law:経済安全保障推進法/);
  await page.click("button[data-act=path-to]");
  s = await settle((s) => s.panel.view === "path" && s.route.to === to, "the path to here");
  assert.equal(s.route.from, from);
  assert.deepEqual(s.panel.paths, await apiPaths(to, []));
  await shot("path-from-here-to-here");
  // Once the path is shown, the start is not carried on to other views.
  await page.click("#detail dd a.nav");
  s = await settle((s) => s.route.v === "graph" && s.detail && s.detail.id === s.route.sel, "a node linked from the details");
  assert.equal(s.route.from, "");
  assert.doesNotMatch(s.hash, /from=/);
  assert.equal(await page.locator("#path-pending").count(), 0);
  // The form takes a name: it resolves through search to the law, not to a measure quoting it.
  // A search typed just before a link is followed (its run waits 250 ms
  // for more keys) must not land later and redraw the form being filled
  // in (it did, under load, in CI).
  await page.fill("#search", "半導体");
  await page.click("#nav-path");
  s = await settle((s) => s.panel.view === "path" && !s.route.to, "the path tool");
  await page.fill("#path-form input[name=from]", "経済安全保障推進法");
  await page.fill("#path-form input[name=to]", to);
  // The name's lookup is held 600 ms, so a search still pending would run
  // while the form waits for it (and the form's result was dropped as
  // stale): the paths must come all the same.
  const hold = async (r) => {
    if ((r.request().postData() || "").includes("query Exists")) await new Promise((ok) => setTimeout(ok, 600));
    await r.continue();
  };
  await page.route("**/graphql", hold);
  await page.click("#path-form button[type=submit]");
  s = await settle((s) => s.panel.view === "path" && s.route.to === to && !s.route.avoid, "paths");
  await page.unroute("**/graphql", hold);
  assert.equal(s.route.from, from);
  assert.match(s.panel.resolved, /“経済安全保障推進法” → law:経済安全保障推進法 \(Law/);
  assert.deepEqual(s.panel.paths, await apiPaths(to, []));
  // Each step shows its relationship's direction.
  const withEdges = (await api(`{ paths(from: "${from}", to: "${to}", maxHops: 8, first: 20) { nodes { id } edges { source type } } }`)).paths;
  const arrows = await page.locator("#path-out ol > li").evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll(".rel")].map((x) => x.textContent)));
  assert.deepEqual(arrows, withEdges.map((p) => p.edges.map((e, i) => (e.source === p.nodes[i].id ? `—${e.type}→` : `←${e.type}—`))));
  assert.ok(arrows[0][0].startsWith("←"), "the law is cited, so the first step points back at it");
  assert.ok(s.panel.paths.length > 0);
  s.nodes.forEach((n) => labels.set(n.id, n.label));
  assert.ok(s.panel.paths.every((p) => p[0] === from && p.at(-1) === to && p.some((id) => labels.get(id) === "Document")),
    "every shortest path goes through an edition's Document node");
  assert.equal(s.edges.filter((e) => e.visible).length, new Set(s.panel.paths.flatMap((p) => p.slice(1).map((id, i) => `${p[i]}-${id}`))).size);
  await shot("path-law-to-2025-OS-2");
  // Without the hubs the way is longer: through the organisations both
  // editions name (NEXI, ASEAN …), never through a Document.
  await page.check("#path-form input[name=avoid]");
  await page.click("#path-form button[type=submit]");
  s = await settle((s) => s.panel.view === "path" && s.route.avoid, "paths avoiding hubs");
  const roundabout = await apiPaths(to, ["DOCUMENT"]);
  assert.ok(roundabout.length > 0, "a hub-free path within 8 hops");
  assert.deepEqual(s.panel.paths, roundabout);
  s.nodes.forEach((n) => labels.set(n.id, n.label));
  assert.ok(s.panel.paths.every((p) => p.length > 4 && p.every((id) => labels.get(id) !== "Document")), "longer, and through no Document");
  // To a 2023 pillar: the law's own pillar (2023 ミッション③ cites it) and
  // the 2025 pillar that continues OS-4 give ways as short as the one
  // through the 2023 Document; avoiding hubs keeps those and drops it.
  const to2 = "pillar:2023:OS-4";
  await page.fill("#path-form input[name=to]", to2);
  await page.click("#path-form button[type=submit]");
  s = await settle((s) => s.panel.view === "path" && s.route.avoid && s.route.to === to2, "paths avoiding hubs to 2023 OS-4");
  const direct = await apiPaths(to2, []);
  assert.deepEqual(s.panel.paths, await apiPaths(to2, ["DOCUMENT"]));
  assert.ok(direct.some((p) => p.some((id) => id.startsWith("doc:"))), "a shortest way goes through a Document");
  assert.ok(s.panel.paths.length > 0 && s.panel.paths.every((p) => !p.some((id) => id.startsWith("doc:"))), "avoiding the hub drops it");
  assert.ok(s.panel.paths.length < direct.length, "and only it");
  s.nodes.forEach((n) => labels.set(n.id, n.label));
  for (const p of s.panel.paths) {
    assert.equal(p[0], from);
    assert.equal(p.at(-1), to2);
    assert.ok(p.every((id) => labels.get(id) !== "Document"), p.join(" > "));
  }
  assert.equal(await page.locator("#path-out ol > li").count(), s.panel.paths.length);
  await shot("path-avoiding-hubs");

  // 11. Exports of the current view: PNG from the canvas, GraphML and JSON built from it.
  // Every node from text carries its provenance, as the API cites it.
  const sourced = (await api(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Pillar { source { ...C } } ... on Measure { source { ...C } }
    ... on Target { source { ...C } } ... on MeasureGroup { source { ...C } } ... on PolicyDirection { source { ...C } } ... on Amount { source { ...C } } } }
    fragment C on Source { file lineStart lineEnd page citation }`, {ids: visible(s).map((n) => n.id)})).nodes.filter((n) => n.source);
  assert.ok(sourced.length > 0, "the path view draws nodes from text");
  for (const [button, check] of [
    ["#export-png", (b) => assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG")],
    ["#export-graphml", (b) => { const x = b.toString(); assert.match(x, /<graphml /); for (const id of [from, to2]) assert.ok(x.includes(`<node id="${id}">`), id); }],
    ["#export-json", (b) => { const j = JSON.parse(b.toString()); assert.deepEqual(sorted(j.nodes.map((n) => n.id)), sorted(visible(s).map((n) => n.id)));
      const src = new Map(j.nodes.map((n) => [n.id, n.source]));
      for (const n of sourced) assert.deepEqual(src.get(n.id), n.source, n.id); }],
    ["#export-graphml", (b) => { const x = b.toString();
      for (const n of sourced) assert.ok(x.includes(`<data key="citation">${n.source.citation}</data>`), `${n.id}: its citation`); }],
  ]) {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    const file = path.join(out, dl.suggestedFilename());
    // Named after the view and its ends, with a time and a counter.
    assert.match(dl.suggestedFilename(), /^policygraph-path-law_経済安全保障推進法_to_pillar_2023_OS-4-\d{8}-\d{6}-\d+\.(png|graphml|json)$/);
    assert.ok(!fs.existsSync(file), `${file} would be overwritten`);
    await dl.saveAs(file);
    check(fs.readFileSync(file));
  }
  const names = [];
  for (let i = 0; i < 2; i++) {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    names.push(dl.suggestedFilename());
  }
  assert.notEqual(names[0], names[1], "a second export gets its own name");

  // 11b. With hubs hidden a path ending at a Document keeps its end, dimmed, and says so.
  await page.evaluate(() => { location.hash = "v=path&from=doc%3A2023&to=pillar%3A2023%3AOS-4&hide=Document"; });
  s = await settle((s) => s.panel.view === "path" && s.route.from === "doc:2023" && s.panel.paths.length > 0, "a path from a hub");
  assert.ok(byId(s).get("doc:2023").visible && byId(s).get("doc:2023").dim, "the Document end is dimmed, not hidden");
  assert.ok(visible(s).filter((n) => n.label === "Document").every((n) => n.dim));
  assert.match(await page.locator("#status").innerText(), /dimmed, not hidden/);

  // 12. A phone, 390 px wide: the canvas keeps a real size and draws.
  await page.context().close();
  page = await newPage({width: 390, height: 844});
  await page.goto(`${base}/explorer#v=deps&id=${encodeURIComponent(gi)}`);
  s = await settle((s) => s.panel.view === "deps", "the dependency view on a phone");
  const cyBox = await page.locator("#cy").boundingBox();
  assert.ok(cyBox.width >= 300 && cyBox.height >= 250, `canvas ${cyBox.width}x${cyBox.height}`);
  assert.ok(s.canvas.width >= 300 && s.canvas.height >= 250);
  const inside = visible(s).filter((n) => n.rendered.x >= 0 && n.rendered.x <= s.canvas.width && n.rendered.y >= 0 && n.rendered.y <= s.canvas.height);
  assert.equal(inside.length, visible(s).length, "fit puts every node on the small canvas");
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, "no sideways scrolling");
  const intro = await page.locator("#detail").innerText();
  assert.doesNotMatch(intro, /on the left|double-click/, "the intro fits a phone");
  assert.match(intro, /Tap a node/);
  await shot("phone-390px");
  // Tapping a node brings its details (below the canvas) into view.
  // The canvas runs past the bottom of the screen: bring it up, then tap a pillar on screen.
  await page.locator("#cy").scrollIntoViewIfNeeded();
  // cytoscape learns of the scroll from the scroll event, fired with the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const tapBox = await page.locator("#cy").boundingBox();
  const tapped = visible(s).filter((n) => n.label === "Pillar").find((n) => tapBox.y + n.rendered.y > 0 && tapBox.y + n.rendered.y < 844);
  assert.ok(tapped, "a pillar on screen");
  await page.mouse.click(tapBox.x + tapped.rendered.x, tapBox.y + tapped.rendered.y);
  await settle((s) => s.detail && s.detail.id === tapped.id, "the tapped node's details");
  await until(async () => {
    const top = await page.locator("#detail").evaluate((d) => d.getBoundingClientRect().top);
    return (top >= 0 && top < 844 / 2) || new Error(`the detail panel is at ${top}px`);
  }, "the detail panel in view");
  await shot("phone-tap-detail");
  // Tapping a search hit (above the canvas) brings its details into view too.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.fill("#search", "GI基金");
  s = await settle((s) => s.route.q === "GI基金" && s.hits.some((h) => h.id === gi), "GI基金 hits on a phone");
  await page.click(`#hits li[data-id="${gi}"]`);
  await settle((s) => s.detail && s.detail.id === gi && s.route.v === "graph", "the hit's details on a phone");
  await until(async () => {
    const top = await page.locator("#detail").evaluate((d) => d.getBoundingClientRect().top);
    return (top >= 0 && top < 844 / 2) || new Error(`the detail panel is at ${top}px`);
  }, "the hit's detail panel in view");
  await shot("phone-hit-detail");

  assert.deepEqual(problems, []);
} finally {
  await browser.close();
}
