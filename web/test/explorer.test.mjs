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
// settle waits until the page has drawn a route and pred(state) holds.
async function settle(pred, what) {
  let s;
  try {
    await until(async () => { s = await page.evaluate(() => window.explorerState && window.explorerState()); return !!(s && s.ready && pred(s)); }, what);
  } catch (e) {
    throw new Error(`${e.message}\nstate: ${JSON.stringify(s && {hash: s.hash, error: s.error, panel: s.panel, detail: s.detail, route: s.route}).slice(0, 2000)}`);
  }
  assert.equal(s.error, "", "the page shows an error");
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
const byId = (s) => new Map(s.nodes.map((n) => [n.id, n]));
const sorted = (xs) => [...xs].sort();

try {
  page = await newPage({width: 1400, height: 900});

  // 1. The first screen orients: both editions with their pillars and counts,
  // the most-cited laws and the funds.
  await page.goto(base + "/explorer");
  let s = await settle((s) => s.panel.view === "home", "the overview");
  const home = await api(`{ documents { id pillars { id } } stats { documents { document { id } nodes { label count } } } funds { id } }`);
  assert.deepEqual(s.panel.documents, home.documents.map((d) => d.id));
  const allPillars = home.documents.flatMap((d) => d.pillars.map((p) => p.id));
  assert.deepEqual(sorted(visible(s).filter((n) => n.label === "Pillar").map((n) => n.id)), sorted(allPillars));
  assert.equal(await page.locator(".edition-card").count(), 2);
  const measures23 = home.stats.documents[0].nodes.find((c) => c.label === "Measure").count;
  assert.match(await page.locator(".edition-card").first().innerText(), new RegExp(`Measure ${measures23}`));
  assert.ok(s.panel.laws.length > 0 && (await page.locator("#top-laws li").count()) === s.panel.laws.length);
  assert.equal(s.panel.funds.length, home.funds.length);
  await shot("overview");

  // 2. Search 半導体, walk the hits with the keyboard and open one.
  await page.fill("#search", "半導体");
  s = await settle((s) => s.hits.length > 0 && s.route.q === "半導体", "search hits");
  const hits = (await api(`{ search(query: "半導体", first: 30) { node { id } } }`)).search.map((h) => h.node.id);
  assert.deepEqual(s.hits.map((h) => h.id), hits);
  assert.equal(await page.locator("#hits li[data-id]").count(), hits.length);
  assert.ok((await page.locator("#hits mark").count()) >= hits.length, "every hit marks the match");
  await page.focus("#search");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), hits[1]);
  await page.keyboard.press("Enter");
  s = await settle((s) => s.route.v === "graph" && s.detail && s.detail.id === hits[1], "the second hit opened");
  const hood = (await api(`query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) { nodes { id } } }`, {id: hits[1]})).neighbourhood;
  assert.deepEqual(sorted(s.nodes.map((n) => n.id)), sorted(hood.nodes.map((n) => n.id)));
  assert.ok(byId(s).get(hits[1]).seed && byId(s).get(hits[1]).selected);
  assert.ok(s.nodes.length > 1, "the hit's neighbours are drawn");
  await shot("search-半導体-open-hit");

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
  await shot("GI基金-pillars-both-editions");

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

  // 8. Filters: hub nodes hidden, one edition, statuses shown as the documents write them.
  await page.evaluate((id) => { location.hash = `v=graph&n=${encodeURIComponent(id)}`; }, "pillar:2025:MISSION-2");
  s = await settle((s) => s.route.n[0] === "pillar:2025:MISSION-2" && s.nodes.some((n) => n.label === "Document"), "the DX pillar's neighbourhood");
  assert.ok(visible(s).some((n) => n.label === "Document"));
  await page.check("#hide-hubs");
  s = await settle((s) => s.route.hide.includes("Document"), "hubs hidden");
  assert.ok(s.nodes.some((n) => n.label === "Document") && !visible(s).some((n) => n.label === "Document"));
  assert.match(s.hash, /hide=Document/);
  assert.ok(s.nodes.some((n) => n.status === "PROGRESS") && s.nodes.some((n) => n.status === "TODO"));
  await page.evaluate(() => { document.querySelector("#filters").open = true; });
  await page.check("#f-status input[value=PROGRESS]");
  await page.uncheck("#f-status input[value=TODO]");
  s = await settle((s) => s.route.st.length > 0 && !s.route.st.includes("TODO"), "TODO hidden");
  assert.ok(!visible(s).some((n) => n.status === "TODO") && s.nodes.some((n) => n.status === "TODO"));
  await page.check("#f-status input[value=TODO]");
  // Years: measures and targets whose span reaches 2030; Tab commits the field.
  await page.fill("#y0", "2030");
  await page.press("#y0", "Tab");
  s = await settle((s) => s.route.y0 === 2030 && !s.route.st.length, "from 2030 on");
  const dated = s.nodes.filter((n) => n.label === "Measure" || n.label === "Target");
  assert.ok(dated.some((n) => n.visible) && dated.some((n) => !n.visible), "the year filter keeps some and drops some");
  for (const n of dated) assert.equal(n.visible, (n.y1 ?? n.y0 ?? -1) >= 2030, `${n.id} ${n.y0}-${n.y1} visible=${n.visible}`);
  await page.fill("#y0", "");
  await page.press("#y0", "Tab");
  await settle((s) => s.route.y0 === null, "no year filter");
  await page.check("#filters input[name=ed][value='2023']");
  s = await settle((s) => s.route.ed === "2023", "the 2023 edition only");
  assert.ok(visible(s).every((n) => n.seed || n.year == null || n.year === 2023));
  assert.ok(visible(s).some((n) => n.year === 2023), "the 2023 pillar it continues is still there");
  await shot("filters");
  await page.check("#filters input[name=ed][value='']");
  await page.uncheck("#hide-hubs");
  await settle((s) => s.route.ed === "" && !s.route.hide.length, "filters cleared");

  // 9. Compare 2023 DX with 2025 DX.
  await page.evaluate(() => { location.hash = "v=graph&n=pillar%3A2025%3AMISSION-2&sel=pillar%3A2025%3AMISSION-2"; });
  s = await settle((s) => s.detail && s.detail.id === "pillar:2025:MISSION-2", "the 2025 DX pillar");
  await page.click("button[data-act=cmp]");
  s = await settle((s) => s.panel.view === "cmp", "the edition view");
  const cmp = (await api(`{ a: pillar(id: "pillar:2023:MISSION-2") { measures(first: 500) { nodes { id evolvedInto { score } } } }
    b: pillar(id: "pillar:2025:MISSION-2") { measures(first: 500) { nodes { id evolvesFrom { score measure { id pillar { id } } } } } } }`));
  assert.equal(s.panel.older, "pillar:2023:MISSION-2");
  assert.equal(s.panel.newer, "pillar:2025:MISSION-2");
  const pairs = cmp.b.measures.nodes.flatMap((m) => m.evolvesFrom.filter((e) => e.measure.pillar.id === "pillar:2023:MISSION-2").map((e) => `${m.id}>${e.measure.id}:${e.score}`));
  assert.ok(pairs.length > 0);
  assert.deepEqual(sorted(s.edges.filter((e) => e.type === "EVOLVES_FROM" && e.visible).map((e) => `${e.source}>${e.target}:${e.score}`)), sorted(pairs));
  assert.deepEqual(sorted(s.panel.continued), sorted(cmp.b.measures.nodes.filter((m) => m.evolvesFrom.length).map((m) => m.id)));
  assert.deepEqual(sorted(s.panel.new), sorted(cmp.b.measures.nodes.filter((m) => !m.evolvesFrom.length).map((m) => m.id)));
  assert.deepEqual(sorted(s.panel.dropped), sorted(cmp.a.measures.nodes.filter((m) => !m.evolvedInto.length).map((m) => m.id)));
  assert.equal(await page.locator("#cmp-continued > li").count(), s.panel.continued.length);
  assert.equal(await page.locator("#cmp-new > li").count(), s.panel.new.length);
  assert.equal(await page.locator("#cmp-dropped > li").count(), s.panel.dropped.length);
  assert.equal(visible(s).filter((n) => n.label === "Measure").length, cmp.a.measures.nodes.length + cmp.b.measures.nodes.length);
  assert.deepEqual(sorted(new Set(s.nodes.map((n) => n.status).filter(Boolean))).filter((x) => x !== "UNKNOWN"), ["FUTURE", "PAST", "PROGRESS", "TODO"]);
  await shot("compare-DX-2023-2025");

  // 10. The path from 経済安全保障推進法 to pillar:2025:OS-2; then with hubs excluded.
  const from = "law:経済安全保障推進法", to = "pillar:2025:OS-2";
  const pathsQ = `query($to: ID!, $avoid: [NodeType!]) { paths(from: "${from}", to: $to, maxHops: 8, first: 20, avoid: $avoid) { nodes { id label } } }`;
  const apiPaths = async (to, avoid) => (await api(pathsQ, {to, avoid})).paths.map((p) => p.nodes.map((n) => n.id));
  const labels = new Map();
  await page.click("#nav-path");
  s = await settle((s) => s.panel.view === "path", "the path tool");
  await page.fill("#path-form input[name=from]", from);
  await page.fill("#path-form input[name=to]", to);
  await page.click("#path-form button[type=submit]");
  s = await settle((s) => s.panel.view === "path" && s.route.to === to && !s.route.avoid, "paths");
  assert.deepEqual(s.panel.paths, await apiPaths(to, []));
  assert.ok(s.panel.paths.length > 0);
  s.nodes.forEach((n) => labels.set(n.id, n.label));
  assert.ok(s.panel.paths.every((p) => p[0] === from && p.at(-1) === to && p.some((id) => labels.get(id) === "Document")),
    "every shortest path goes through an edition's Document node");
  assert.equal(s.edges.filter((e) => e.visible).length, new Set(s.panel.paths.flatMap((p) => p.slice(1).map((id, i) => `${p[i]}-${id}`))).size);
  await shot("path-law-to-2025-OS-2");
  // Without the hubs the two are further apart than the API's 8 hops.
  await page.check("#path-form input[name=avoid]");
  await page.click("#path-form button[type=submit]");
  s = await settle((s) => s.panel.view === "path" && s.route.avoid, "paths avoiding hubs");
  assert.deepEqual(await apiPaths(to, ["DOCUMENT"]), []);
  assert.deepEqual(s.panel.paths, []);
  assert.match(await page.locator("#path-out").innerText(), /No path within 8 hops/);
  // To a 2023 pillar there is a way round: longer, through no Document.
  const to2 = "pillar:2023:OS-4";
  await page.fill("#path-form input[name=to]", to2);
  await page.click("#path-form button[type=submit]");
  s = await settle((s) => s.panel.view === "path" && s.route.avoid && s.route.to === to2, "paths avoiding hubs to 2023 OS-4");
  const direct = await apiPaths(to2, []);
  assert.deepEqual(s.panel.paths, await apiPaths(to2, ["DOCUMENT"]));
  assert.ok(s.panel.paths.length > 0 && s.panel.paths[0].length > direct[0].length, "avoiding the hub takes a longer way");
  s.nodes.forEach((n) => labels.set(n.id, n.label));
  for (const p of s.panel.paths) {
    assert.equal(p[0], from);
    assert.equal(p.at(-1), to2);
    assert.ok(p.every((id) => labels.get(id) !== "Document"), p.join(" > "));
  }
  assert.equal(await page.locator("#path-out ol > li").count(), s.panel.paths.length);
  await shot("path-avoiding-hubs");

  // 11. Exports of the current view: PNG from the canvas, GraphML and JSON built from it.
  for (const [button, check] of [
    ["#export-png", (b) => assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG")],
    ["#export-graphml", (b) => { const x = b.toString(); assert.match(x, /<graphml /); for (const id of [from, to2]) assert.ok(x.includes(`<node id="${id}">`), id); }],
    ["#export-json", (b) => { const j = JSON.parse(b.toString()); assert.deepEqual(sorted(j.nodes.map((n) => n.id)), sorted(visible(s).map((n) => n.id))); }],
  ]) {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    const file = path.join(out, dl.suggestedFilename());
    await dl.saveAs(file);
    check(fs.readFileSync(file));
  }

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
  await shot("phone-390px");

  assert.deepEqual(problems, []);
} finally {
  await browser.close();
}
