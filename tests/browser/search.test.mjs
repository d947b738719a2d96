// Search in the browser (PRODUCT.md §8), on the demo built by the real
// binary and served by node's http module under the site's base path (a
// GitHub Pages sub-path), in Debian's headless Chromium (playwright-core):
// a stemmed French word and an unaccented spelling find a plan action on a
// French page, an English word on an English page, results link to
// PLAN-URL#ACTION-ID with the match in <mark>, the keyboard reaches them,
// and axe-core finds nothing wrong with an open search. Self-contained.
//
//   node search.test.mjs --carnet BINARY --site FOLDER
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
let axeSource = null;
try {
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
} catch {
  // axe-core absent: the accessibility case says so and fails.
}

const arg = (name) => {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) {
    console.error("usage: node search.test.mjs --carnet BINARY --site FOLDER");
    process.exit(2);
  }
  return process.argv[i + 1];
};
const carnet = arg("--carnet"), siteDir = arg("--site");
const work = mkdtempSync(join(tmpdir(), "carnet-search-browser-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const output = join(work, "output");
const built = spawnSync(carnet, ["build", siteDir, "-o", output, "-q"], { encoding: "utf8" });
if (built.status !== 0) {
  console.error(`carnet build failed (${built.status}):\n${built.stderr}`);
  process.exit(1);
}
const yaml = readFileSync(join(siteDir, "carnet.yaml"), "utf8");
const baseUrl = (yaml.match(/^base_url:\s*"?([^"\s]+)"?/m) || [, "/"])[1];
const prefix = new URL(baseUrl, "http://x").pathname;

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml" };
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = path.startsWith(prefix) ? normalize(join(output, path.slice(prefix.length))) : "";
  try {
    if (!(file + sep).startsWith(output + sep)) throw new Error("outside");
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    const bytes = readFileSync(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(bytes);
  } catch {
    res.writeHead(404);
    res.end("not found");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}${prefix}`;

// A fresh profile (playwright takes --user-data-dir as this argument).
const browser = await chromium.launchPersistentContext(join(work, "profile"), {
  executablePath: process.env.CARNET_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const errors = [];
async function open(path) {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
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
const fail = (m) => { throw new Error(m); };
const findAction = (results, id) =>
  results.find((r) => r.href.endsWith("#" + id)) ||
  fail(`no result links to #${id}: ${JSON.stringify(results.map((r) => r.href))}`);

const tests = [
  ["a stemmed French word finds the action (financer → financement)", async () => {
    const page = await open("");
    if (await page.locator("form[role=search]").isHidden()) fail("the search form is hidden");
    const r = findAction(await search(page, "financer"), "financement-bipe");
    if (!r.href.startsWith(base + "plans/plan-action-2021-2023/")) fail(`href ${r.href}`);
    if (!r.marks.some((m) => m.toLowerCase().startsWith("financ"))) fail(`marks ${r.marks}`);
  }],
  ["an unaccented French spelling finds the accented word (repertoire → répertoire)", async () => {
    const page = await open("a-propos/");
    const r = findAction(await search(page, "repertoire bailleurs"), "financement-bipe");
    if (!r.marks.includes("répertoire")) fail(`marks ${r.marks}`);
    // The link opens the plan at the action.
    await page.goto(r.href);
    if (!(await page.locator("#financement-bipe").count())) fail("no #financement-bipe");
  }],
  ["an English word on an English page finds the English action", async () => {
    const page = await open("en/");
    const results = await search(page, "funders");
    const r = findAction(results, "financement-bipe");
    if (!r.href.startsWith(base + "en/")) fail(`not an English page: ${r.href}`);
    if (!/funders/i.test(r.text)) fail(`text ${r.text}`);
  }],
  ["the keyboard reaches the results and Escape closes them", async () => {
    const page = await open("");
    await search(page, "relocalisation");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement.closest("[data-search-results]") !== null);
    if (!focused) fail("ArrowDown did not move into the results");
    await page.keyboard.press("Escape");
    if (await page.locator("[data-search-results] a").count()) fail("results stay after Escape");
  }],
  ["axe-core: no violation with the search open", async () => {
    if (!axeSource) fail("axe-core is not installed (npm ci in tests/browser)");
    const page = await open("");
    await search(page, "quartier");
    await page.addScriptTag({ content: axeSource });
    const v = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    })).violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    if (v.length) fail(v.join("\n"));
  }],
];

let failed = 0;
for (const [name, fn] of tests) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n  ${e.message}`);
  }
}
if (errors.length) {
  failed++;
  console.log(`FAIL script errors:\n  ${errors.join("\n  ")}`);
}
await browser.close();
server.close();
console.log(`${tests.length - (failed - (errors.length ? 1 : 0))} of ${tests.length} search browser tests passed`);
process.exit(failed ? 1 : 0);
