// What every browser test of Carnet shares: the demo built by the real
// binary into a fresh folder, served over localhost by node's http module
// under the site's base path (as GitHub Pages serves it), Debian's headless
// Chromium driven by playwright-core, axe-core's check, and a small runner
// that prints one line per test and exits 1 when any fails.
//
// A test file: `import {setup, test, run} from "./harness.mjs"`, then
// `const site = await setup(process.argv)` (--carnet BINARY --site FOLDER),
// `test("name", async () => {...})` for each case, and `await run()`.
import { spawnSync } from "node:child_process";
import { cpSync, createReadStream, mkdtempSync, rmSync, statSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, extname, join, normalize, sep } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let chromium, axeSource;
try {
  ({ chromium } = require("playwright-core"));
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
} catch (e) {
  console.error(
    "browser tests: playwright-core or axe-core is missing; run `npm ci` in tests/browser " +
      "(scripts/install-deps.sh test does): " + e.message,
  );
  process.exit(1);
}

export const CHROMIUM = process.env.CARNET_CHROMIUM || "/usr/bin/chromium";
const cleanups = [];
const tests = [];

export function fail(message) {
  throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) fail(`${what}:\n    expected ${e}\n    got      ${a}`);
}

function arg(argv, name) {
  const i = argv.indexOf(name);
  if (i < 0 || i + 1 >= argv.length) fail(`usage: node TEST --carnet BINARY --site FOLDER (missing ${name})`);
  return argv[i + 1];
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
  ".xml": "application/xml", ".csv": "text/csv", ".pdf": "application/pdf", ".txt": "text/plain",
};

// Serves `root` at http://127.0.0.1:PORT/PREFIX as a static host does: a
// folder's index.html, 404.html for what is missing, nothing outside root.
function serve(root, prefix) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) path = "/\0";
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!(file + sep).startsWith(root + sep)) file = join(root, "\0");
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      statSync(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": types[".html"] });
      try {
        res.end(readFileSync(join(root, "404.html")));
      } catch {
        res.end("not found");
      }
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      cleanups.push(() => new Promise((r) => server.close(r)));
      resolve(`http://127.0.0.1:${server.address().port}${prefix}`);
    }),
  );
}

// Builds the site, serves it and starts Chromium. With `edit`, a copy of the
// site's sources (no output, build or .git) is built instead, after
// edit(copyFolder) has changed it. Returns
// {output, base, baseUrl, browser, newPage(width)}: `output` is the built
// folder, `base` the URL it is served at, `baseUrl` carnet.yaml's base_url.
export async function setup(argv, { edit } = {}) {
  const carnet = arg(argv, "--carnet");
  let siteDir = arg(argv, "--site");
  const work = mkdtempSync(join(tmpdir(), "carnet-browser-"));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  process.on("exit", () => rmSync(work, { recursive: true, force: true }));
  if (edit) {
    const copy = join(work, "site");
    const skip = new Set(["output", "node_modules", ".git", "bench", "tests"]);
    cpSync(siteDir, copy, {
      recursive: true,
      filter: (src) => src === siteDir || !(skip.has(basename(src)) || basename(src).startsWith("build")),
    });
    edit(copy);
    siteDir = copy;
  }
  const output = join(work, "output");
  const built = spawnSync(carnet, ["build", siteDir, "-o", output, "-q"], { encoding: "utf8" });
  if (built.status !== 0) fail(`carnet build failed (${built.status}):\n${built.stderr}`);
  const yaml = readFileSync(join(siteDir, "carnet.yaml"), "utf8");
  const m = yaml.match(/^base_url:\s*"?([^"\s]+)"?/m);
  const baseUrl = m ? m[1] : "/";
  const prefix = new URL(baseUrl, "http://x").pathname;
  const base = await serve(output, prefix);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Debian's chromium, quiet and alone: no network of its own, no sandbox
    // (tests run as root in containers). The profile is fresh each run:
    // playwright-core passes its own new --user-data-dir (a temporary folder
    // it deletes) and refuses one given here.
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  cleanups.unshift(() => browser.close());
  const errors = [];
  return {
    output, base, baseUrl, browser, errors,
    // A page in a fresh context, `width` CSS pixels wide; script errors fail the test.
    async newPage(width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      return page;
    },
    // The URL a published page (carnet.yaml's base_url + path) has here.
    local(published) {
      return base + published.slice(baseUrl.length);
    },
  };
}

// axe-core's violations on the page as it is now (WCAG 2.0/2.1 A and AA,
// and axe's best practices).
export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

export function test(name, fn) {
  tests.push({ name, fn });
}

export async function run() {
  let failed = 0;
  for (const t of tests) {
    try {
      await t.fn();
      console.log(`ok   ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}\n  ${(e && e.stack) || e}`);
    }
  }
  for (const c of cleanups) await c();
  console.log(`${tests.length - failed} of ${tests.length} browser tests passed`);
  process.exit(failed ? 1 : 0);
}
