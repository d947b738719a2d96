// The plan page's filters (PRODUCT.md §8, issue 10) on the demo, in headless
// Chromium. What each filter should leave is computed here from the plan's
// open data (output/data/NAME.json: statuses, organisations, years, levels,
// as-of dates and due dates), not from the page, so the page and the data
// must agree. Usage: node plan_filters.test.mjs --carnet BINARY --site DEMO
// [--screenshots DIR] (screenshots of a filtered page at 1280 and 390 px).
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setup, test, run, assertEqual, axeViolations, fail } from "./harness.mjs";

// The demo as it is, but for one date: its action plan's as-of date moves
// from 2022-09-30 to 2023-04-01, so that the actions due by March 2023 and
// not done are late and "late only" has something to find.
const site = await setup(process.argv, {
  edit(dir) {
    const file = join(dir, "content", "plans", "plan-action-2021-2023.plan.yaml");
    const yaml = readFileSync(file, "utf8");
    if (!/^updated: 2022-09-30$/m.test(yaml)) fail(`${file}: no "updated: 2022-09-30" to move`);
    writeFileSync(file, yaml.replace(/^updated: 2022-09-30$/m, "updated: 2023-04-01"));
  },
});
const shotsAt = process.argv.indexOf("--screenshots");
const shots = shotsAt > 0 ? process.argv[shotsAt + 1] : null;

// The organisations an action names, by their pages' slugs (PRODUCT.md §8:
// `org=SLUG` is the organisation page's slug, aliases merged by
// content/organisations.yaml): every organisation page links each action it
// lists (lead or partner), so an action's organisations are the pages that
// link to it. The organisations e2e test checks those pages against the
// plans' data and the registry. Key: "/URL-PATH#ACTION-ID".
const orgsOfAction = new Map();
{
  const root = new URL(site.baseUrl, "http://x");
  const visit = (rel) => {
    for (const e of readdirSync(join(site.output, rel), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const dir = rel ? `${rel}/${e.name}` : e.name;
      if (e.name !== "organisations") {
        if (!dir.includes("/") && !["data", "css", "js", "search", "static"].includes(e.name)) visit(dir);
        continue;
      }
      for (const o of readdirSync(join(site.output, dir), { withFileTypes: true })) {
        if (!o.isDirectory()) continue;
        const pageUrl = new URL(`${dir}/${o.name}/`, root);
        const html = readFileSync(join(site.output, dir, o.name, "index.html"), "utf8");
        for (const [, href] of html.matchAll(/href="([^"]*#[^"]+)"/g)) {
          const u = new URL(href.replace(/&amp;/g, "&"), pageUrl);
          const key = u.pathname + u.hash;
          if (!orgsOfAction.has(key)) orgsOfAction.set(key, new Set());
          orgsOfAction.get(key).add(o.name);
        }
      }
    }
  };
  visit("");
  if (orgsOfAction.size === 0) fail("no organisation page links an action");
}

// The tracking rule (PRODUCT.md §6): late when the plan has an as-of date,
// the action is planned or in progress, and its due date's last day comes
// before the as-of date's first day.
function lastDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  if (d) return [y, m, d];
  if (m) return [y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()];
  return [y, 12, 31];
}
function firstDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m || 1, d || 1];
}
function before(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
function lateByRule(a) {
  if (!a.as_of || !["planned", "in_progress"].includes(a.status)) return false;
  const due = a.fields.due;
  if (!due || due.kind !== "date") return false;
  return before(lastDay(due.date), firstDay(a.as_of));
}

// Every plan page of the demo, each with its actions as the data says.
const plans = [];
const dataDir = join(site.output, "data");
for (const f of readdirSync(dataDir).sort()) {
  if (!f.endsWith(".json") || f === "plan.schema.json") continue;
  const plan = JSON.parse(readFileSync(join(dataDir, f), "utf8"));
  for (const lang of plan.languages) {
    if (!plan.pages[lang]) continue;
    const say = (t) => (t && (t[lang] ?? t[plan.languages[0]])) || "";
    const actions = [];
    const walk = (s, top, path) => {
      const levels = [...path, s.id];
      for (const a of s.actions) {
        const named = [...(a.fields.leads || []), ...(a.fields.partners || [])].filter((t) => say(t));
        const key = new URL(plan.pages[lang], "http://x").pathname + "#" + a.id;
        const orgs = [...(orgsOfAction.get(key) || [])].sort();
        if (named.length && !orgs.length) fail(`${key} names ${named.map(say)} but no organisation page lists it`);
        actions.push({
          id: a.id, status: a.status, orgs, years: a.fields.years || [], top, levels,
          late: a.late, rule: lateByRule(a),
        });
      }
      for (const sub of s.sections) walk(sub, top, levels);
    };
    for (const s of plan.sections) walk(s, s.id, []);
    plans.push({ name: plan.name, lang, url: site.local(plan.pages[lang]), years: plan.years, actions });
  }
}
if (plans.length === 0) fail("no plan in the demo's open data");
if (!plans.some((p) => p.actions.some((a) => a.rule))) fail("no late action: the late filter would go untested");

async function page0(plan) {
  const page = await site.newPage();
  await page.goto(plan.url);
  const offered = await page.isVisible("#filter-late");
  await page.context().close();
  return offered;
}

const ids = (list) => list.map((a) => a.id).sort();
const uniq = (list) => [...new Set(list)].sort();

// What the page shows now: the visible actions, the hidden levels, the
// count's words, and the filter bar's values.
async function shown(page) {
  return page.evaluate(() => ({
    actions: [...document.querySelectorAll("tr[data-status]")]
      .filter((r) => r.checkVisibility())
      .map((r) => r.id)
      .sort(),
    hiddenLevels: [...document.querySelectorAll("section.plan-level")]
      .filter((s) => !s.checkVisibility())
      .map((s) => s.id)
      .sort(),
    count: document.querySelector(".filter-count").textContent,
    options: Object.fromEntries(
      [...document.querySelectorAll(".plan-filters select")].map((s) => [
        s.name,
        [...s.options].map((o) => o.value).filter(Boolean),
      ]),
    ),
  }));
}

function countWords(lang, n, total) {
  if (lang === "fr") return `${n} action${n === 1 ? "" : "s"} sur ${total}`;
  return `${n} of ${total} actions`;
}

// Levels that hold no matching action, directly or below, are hidden.
function expectedHiddenLevels(plan, matching) {
  const all = new Set(plan.actions.flatMap((a) => a.levels));
  const open = new Set(matching.flatMap((a) => a.levels));
  return [...all].filter((id) => !open.has(id)).sort();
}

async function expectFilter(page, plan, query, matching, what) {
  const s = await shown(page);
  assertEqual(s.actions, ids(matching), `${plan.name} (${plan.lang}) ${what}: visible actions`);
  assertEqual(s.count, countWords(plan.lang, matching.length, plan.actions.length), `${what}: count`);
  if (query) {
    assertEqual(s.hiddenLevels, expectedHiddenLevels(plan, matching), `${what}: hidden levels`);
    assertEqual(new URL(page.url()).search, query, `${what}: URL query`);
  }
}

const filters = [
  { key: "status", values: (p) => uniq(p.actions.map((a) => a.status)), match: (a, v) => a.status === v },
  { key: "org", values: (p) => uniq(p.actions.flatMap((a) => a.orgs)), match: (a, v) => a.orgs.includes(v) },
  { key: "year", values: (p) => p.years, match: (a, v) => a.years.includes(v) },
  { key: "top", values: (p) => uniq(p.actions.map((a) => a.top)), match: (a, v) => a.top === v },
];

for (const plan of plans) {
  const label = `${plan.name} (${plan.lang})`;

  test(`${label}: the filter bar offers what the plan's data holds`, async () => {
    const page = await site.newPage();
    await page.goto(plan.url);
    if (!(await page.isVisible("form.plan-filters"))) fail("the filter bar is not shown");
    const s = await shown(page);
    assertEqual(s.actions, ids(plan.actions), "every action is shown before filtering");
    assertEqual(s.hiddenLevels, [], "no level is hidden before filtering");
    for (const f of filters) {
      const expected = f.values(plan);
      if (f.key === "top" && expected.length < 2) continue;
      assertEqual([...(s.options[f.key] || [])].sort(), [...expected].sort(), `${f.key} options`);
    }
    const hasLate = plan.actions.some((a) => a.late);
    assertEqual(await page.isVisible("#filter-late"), hasLate, "late only offered when something is late");
    await page.context().close();
  });

  test(`${label}: each filter narrows to exactly the expected actions`, async () => {
    const page = await site.newPage();
    await page.goto(plan.url);
    for (const f of filters) {
      for (const v of f.values(plan)) {
        if (f.key === "top" && f.values(plan).length < 2) continue;
        await page.selectOption(`#filter-${f.key}`, v);
        const query = `?${f.key}=${encodeURIComponent(v).replace(/%20/g, "+")}`;
        await expectFilter(page, plan, query, plan.actions.filter((a) => f.match(a, v)), `${f.key}=${v}`);
      }
      await page.selectOption(`#filter-${f.key}`, "").catch(() => {});
    }
    await page.context().close();
  });

  test(`${label}: "late only" follows the tracking rule`, async () => {
    for (const a of plan.actions)
      if (a.late !== a.rule) fail(`${a.id}: the open data says late=${a.late}, the rule says ${a.rule}`);
    const late = plan.actions.filter((a) => a.rule);
    if (late.length === 0) {
      assertEqual(await page0(plan), false, "late only offered with nothing late");
      return;
    }
    const page = await site.newPage();
    await page.goto(plan.url);
    await page.check("#filter-late");
    await expectFilter(page, plan, "?late=1", late, "late=1");
    await page.context().close();
  });

  test(`${label}: the URL query restores the state, and back returns to the previous one`, async () => {
    // The combination that keeps the most actions while using every filter it can.
    const a = plan.actions.find((x) => x.orgs.length && (plan.years.length === 0 || x.years.length)) || plan.actions[0];
    const state = { status: a.status };
    if (a.orgs.length) state.org = a.orgs[0];
    if (plan.years.length && a.years.length) state.year = a.years[0];
    const tops = uniq(plan.actions.map((x) => x.top));
    if (tops.length > 1) state.top = a.top;
    const query = "?" + new URLSearchParams(state).toString();
    const matching = plan.actions.filter((x) => filters.every((f) => !state[f.key] || f.match(x, state[f.key])));
    const page = await site.newPage();
    await page.goto(plan.url + query);
    await expectFilter(page, plan, query, matching, `restored from ${query}`);
    for (const [k, v] of Object.entries(state))
      assertEqual(await page.inputValue(`#filter-${k}`), v, `${k} field restored`);
    // A change is a new history entry; back restores the state before it.
    await page.selectOption("#filter-status", "");
    const wider = plan.actions.filter((x) => filters.every((f) => f.key === "status" || !state[f.key] || f.match(x, state[f.key])));
    const { status, ...rest } = state;
    await expectFilter(page, plan, "?" + new URLSearchParams(rest).toString(), wider, "status cleared");
    await page.goBack();
    await expectFilter(page, plan, query, matching, "after back");
    assertEqual(await page.inputValue("#filter-status"), state.status, "status field after back");
    // An unknown value shows everything rather than nothing.
    await page.goto(plan.url + "?status=nonsense&org=nobody");
    await expectFilter(page, plan, "", plan.actions, "unknown values");
    await page.context().close();
  });

  test(`${label}: a bar of the status chart shows that status's actions`, async () => {
    const page = await site.newPage();
    await page.goto(plan.url);
    const key = plan.actions[0].status;
    await page.click(`.status-chart a[href="?status=${key}"]`);
    await expectFilter(page, plan, `?status=${key}`, plan.actions.filter((a) => a.status === key), "chart link");
    await page.context().close();
  });

  test(`${label}: the bar and the actions work from the keyboard`, async () => {
    const page = await site.newPage();
    await page.goto(plan.url);
    await page.focus("#filter-status");
    const second = (await shown(page)).options.status[1] ?? (await shown(page)).options.status[0];
    // A select changes with the arrow keys; the change event follows.
    await page.keyboard.press("ArrowDown");
    if (second !== undefined && (await page.inputValue("#filter-status")) === "") fail("ArrowDown did not change the status");
    const v = await page.inputValue("#filter-status");
    await expectFilter(page, plan, `?status=${v}`, plan.actions.filter((a) => a.status === v), "keyboard");
    await page.focus("button[type=reset]");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search === "");
    await expectFilter(page, plan, "", plan.actions, "reset");
    await page.context().close();
  });
}

test("without JavaScript, every action is shown and no filter bar", async () => {
  const plan = plans[0];
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(plan.url + "?status=done");
  const visible = await page.$$eval("tr[data-status]", (rows) => rows.filter((r) => r.checkVisibility()).length);
  assertEqual(visible, plan.actions.length, "visible actions");
  assertEqual(await page.isVisible("form.plan-filters"), false, "filter bar shown");
  await context.close();
});

test("axe-core: no violation on a filtered plan page, in each language", async () => {
  for (const plan of plans) {
    const page = await site.newPage();
    const withYear = plan.years.length ? `&year=${plan.years[0]}` : "";
    await page.goto(`${plan.url}?status=${plan.actions[0].status}${withYear}`);
    const violations = await axeViolations(page);
    if (violations.length) fail(`${plan.name} (${plan.lang}):\n    ${violations.join("\n    ")}`);
    await page.context().close();
  }
});

if (shots) {
  test("screenshots of a filtered plan page at 1280 and 390 px", async () => {
    mkdirSync(shots, { recursive: true });
    const plan = plans.find((p) => p.years.length) || plans[0];
    const org = plan.actions.find((a) => a.orgs.length)?.orgs[0];
    for (const width of [1280, 390]) {
      const page = await site.newPage(width);
      await page.goto(`${plan.url}?org=${org}`);
      await page.locator("#filters").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `plan-filters-${plan.lang}-${width}.png`) });
      await page.screenshot({ path: join(shots, `plan-filters-${plan.lang}-${width}-full.png`), fullPage: true });
      await page.context().close();
    }
  });
}

test("no script error on any page visited", async () => {
  assertEqual(site.errors, [], "page errors");
});

await run();
