// Search in the browser (PRODUCT.md §8), on the demo built by the real
// binary and served under the site's base path (a GitHub Pages sub-path) by
// the shared harness, in Debian's headless Chromium: a stemmed French word
// and an unaccented spelling find a plan action on a French page, a plan's
// level is found by a word of its strategy, an English word on an English page, results link to PLAN-URL#ACTION-ID with the match
// in <mark>, the keyboard reaches them, and axe-core finds nothing wrong with
// an open search.
//
//   node search.test.mjs --carnet BINARY --site FOLDER
import { setup, test, run, axeViolations, fail } from "./harness.mjs";

const site = await setup(process.argv);
const base = site.base;

async function open(path) {
  const page = await site.newPage();
  await page.goto(base + path);
  return page;
}

// Types `query` into the page's search box; the result links once shown.
async function search(page, query) {
  const input = page.locator("form[role=search] input[type=search]");
  await input.fill(query);
  await page.waitForSelector("[data-search-results] a", { timeout: 5000 });
  return page.$$eval("[data-search-results] a", (as) => as.map((a) => ({
    href: a.getAttribute("href"), text: a.textContent,
    marks: [...a.querySelectorAll("mark")].map((m) => m.textContent) })));
}
const findAction = (results, id) =>
  results.find((r) => r.href.endsWith("#" + id)) ||
  fail(`no result links to #${id}: ${JSON.stringify(results.map((r) => r.href))}`);

test("a stemmed French word finds the action (financer → financement)", async () => {
  const page = await open("");
  if (await page.locator("form[role=search]").isHidden()) fail("the search form is hidden");
  const r = findAction(await search(page, "financer"), "financement-bipe");
  if (!r.href.startsWith(base + "plans/plan-action-2021-2023/")) fail(`href ${r.href}`);
  if (!r.marks.some((m) => m.toLowerCase().startsWith("financ"))) fail(`marks ${r.marks}`);
});
test("an unaccented French spelling finds the accented word (repertoire → répertoire)", async () => {
  const page = await open("a-propos/");
  const r = findAction(await search(page, "repertoire bailleurs"), "financement-bipe");
  if (!r.marks.includes("répertoire")) fail(`marks ${r.marks}`);
  // The link opens the plan at the action.
  await page.goto(r.href);
  if (!(await page.locator("#financement-bipe").count())) fail("no #financement-bipe");
});
test("a plan's level is a result too (ecoles → École-famille-communauté, in a strategy)", async () => {
  const page = await open("");
  const r = findAction(await search(page, "ecoles"), "transitions-harmonieuses");
  if (!r.href.startsWith(base + "plans/continuum-0-24/")) fail(`href ${r.href}`);
});
test("an English word on an English page finds the English action", async () => {
  const page = await open("en/");
  const results = await search(page, "funders");
  const r = findAction(results, "financement-bipe");
  if (!r.href.startsWith(base + "en/")) fail(`not an English page: ${r.href}`);
  if (!/funders/i.test(r.text)) fail(`text ${r.text}`);
});
test("the keyboard reaches the results and Escape closes them", async () => {
  const page = await open("");
  await search(page, "relocalisation");
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.activeElement.closest("[data-search-results]") !== null);
  if (!focused) fail("ArrowDown did not move into the results");
  await page.keyboard.press("Escape");
  if (await page.locator("[data-search-results] a").count()) fail("results stay after Escape");
});
test("axe-core: no violation with the search open", async () => {
  const page = await open("");
  await search(page, "quartier");
  const v = await axeViolations(page);
  if (v.length) fail(v.join("\n"));
});

test("no script error on any page opened", async () => {
  if (site.errors.length) fail(site.errors.join("\n"));
});

await run();
