// The bytes a first query downloads, Carnet's search against Pagefind's, in
// headless Chromium (Debian's, through playwright-core): each output folder
// is served by node's http module, which counts what it sends. Carnet: the
// home page's search box is given the query and the results are awaited
// (script, manifest, shards, result chunks). Pagefind: its API (pagefind.js,
// the WebAssembly, metadata, index chunks) searches the same query and loads
// the data of as many results (10). Prints JSON; bytes are raw and gzipped
// (what a host such as GitHub Pages sends for text; Pagefind's index files
// are already compressed).
//
//   node first_query.mjs --carnet-site OUT --pagefind-site OUT --query "words"
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
const RESULTS = 10;

function serve(root) {
  const log = [];
  const server = createServer((req, res) => {
    let file = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    try {
      if (!(file + sep).startsWith(root + sep)) throw new Error("outside");
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const bytes = readFileSync(file);
      log.push({ path: req.url, bytes: bytes.length, gz: Math.min(bytes.length, gzipSync(bytes).length) });
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(bytes);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () =>
    r({ server, log, url: `http://127.0.0.1:${server.address().port}/` })));
}

const sum = (entries) => ({
  requests: entries.length,
  bytes: entries.reduce((a, e) => a + e.bytes, 0),
  gzip: entries.reduce((a, e) => a + e.gz, 0),
  files: entries.map((e) => e.path),
});

const work = mkdtempSync(join(tmpdir(), "carnet-first-query-"));
const browser = await chromium.launchPersistentContext(join(work, "profile"), {
  executablePath: process.env.CARNET_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const query = arg("--query");
const out = { query };
try {
  {
    const s = await serve(arg("--carnet-site"));
    const page = await browser.newPage();
    await page.goto(s.url, { waitUntil: "networkidle" });
    await page.locator("form[role=search] input[type=search]").fill(query);
    await page.waitForSelector("[data-search-results] a", { timeout: 30000 });
    await page.waitForLoadState("networkidle");
    const results = await page.locator("[data-search-results] a").count();
    out.carnet = { ...sum(s.log.filter((e) => /^\/(search|js)\//.test(e.path))), results };
    s.server.close();
  }
  {
    const s = await serve(arg("--pagefind-site"));
    const page = await browser.newPage();
    await page.goto(s.url, { waitUntil: "networkidle" });
    const results = await page.evaluate(async ([q, n]) => {
      const pagefind = await import("/pagefind/pagefind.js");
      await pagefind.options({});
      const r = await pagefind.search(q);
      await Promise.all(r.results.slice(0, n).map((x) => x.data()));
      return Math.min(n, r.results.length);
    }, [query, RESULTS]);
    await page.waitForLoadState("networkidle");
    out.pagefind = { ...sum(s.log.filter((e) => e.path.startsWith("/pagefind/"))), results };
    s.server.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(out, null, 1));
