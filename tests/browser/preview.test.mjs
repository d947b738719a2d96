// The preview in the browser (`carnet serve`, docs/authoring.md): on a copy
// of the demo, two tabs open in Debian's headless Chromium — a report and a
// plan page — then the report is saved twice, once with a new line of text
// (the body-only path) and once with a new title (a full build that shows
// the saved page first). Each time the report's tab reloads by itself and
// shows the change; the plan's tab, which shows neither, is never reloaded.
// No time is asserted: the benchmark in bench/serve measures it.
//
//   node preview.test.mjs --carnet BINARY --site FOLDER [--screenshots DIR]
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setup, test, run, fail } from "./harness.mjs";

let copy;
const site = await setup(process.argv, { edit: (folder) => (copy = folder) });
const carnet = process.argv[process.argv.indexOf("--carnet") + 1];
const shotsAt = process.argv.indexOf("--screenshots");
const shots = shotsAt > 0 ? process.argv[shotsAt + 1] : null;

// `carnet serve` on the copy; resolves with its address once it serves, and
// hands every later line of its terminal to `lines`.
const lines = [];
const server = spawn(carnet, ["serve", copy, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
let stderr = "";
server.stderr.on("data", (d) => (stderr += d));
const address = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    let nl;
    while ((nl = out.indexOf("\n")) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const m = line.match(/at (http:\/\/127\.0\.0\.1:\d+\/\S*) \(built in/);
      if (m) resolve(m[1]);
      else lines.push(line);
    }
  });
  server.on("exit", (code) => reject(new Error(`carnet serve exited (${code}):\n${stderr}`)));
  setTimeout(() => reject(new Error(`carnet serve did not start:\n${stderr}`)), 120000);
});
process.on("exit", () => server.kill("SIGINT"));

// Waits until the terminal says the update after a save is done.
async function updated(count) {
  for (let i = 0; i < 600 && lines.length < count; ++i) await new Promise((r) => setTimeout(r, 100));
  if (lines.length < count) fail(`no terminal line for save ${count}: ${JSON.stringify(lines)}`);
  return lines[count - 1];
}

// A tab, marked so that a reload shows (the mark goes with the old document).
async function tab(path) {
  const page = await site.newPage();
  await page.goto(address + path);
  await page.evaluate(() => (window.__carnetMark = "kept"));
  return page;
}
const reloaded = async (page) => (await page.evaluate(() => window.__carnetMark)) !== "kept";

const report = "content/rapports/2019-rapport-pic-parc-extension.fr.md";
const reportPath = "rapports/2019-rapport-pic-parc-extension/";
const original = readFileSync(join(copy, report), "utf8");
const reportTab = await tab(reportPath);
const planTab = await tab("plans/plan-action-2021-2023/");

test("a line of text saved: the report's tab shows it, the plan's tab stays", async () => {
  writeFileSync(join(copy, report), original + "\nUne phrase ajoutée dans l'aperçu.\n");
  await reportTab.waitForFunction(
    () => document.body && document.body.innerText.includes("Une phrase ajoutée dans l'aperçu."),
    null, { timeout: 30000 });
  const line = await updated(1);
  if (!/1 page updated/.test(line)) fail(`a body-only save rebuilt: ${line}`);
  if (!(await reloaded(reportTab))) fail("the report's tab did not reload");
  if (await reloaded(planTab)) fail("the plan's tab reloaded for a change it does not show");
});

test("a new title saved: the report's tab shows it, then the site is rebuilt", async () => {
  await reportTab.evaluate(() => (window.__carnetMark = "kept"));
  const retitled = original.replace(/^title: .*$/m, 'title: "Rapport d\'étape, titre changé dans l\'aperçu"');
  if (retitled === original) fail("no title line in the report");
  writeFileSync(join(copy, report), retitled);
  await reportTab.waitForFunction(
    () => document.querySelector("h1") && document.querySelector("h1").textContent.includes("titre changé"),
    null, { timeout: 30000 });
  const line = await updated(2);
  if (!/site rebuilt/.test(line)) fail(`a title save did not rebuild the site: ${line}`);
  // The section's list shows the new title too, once the build is done.
  const list = await site.newPage();
  await list.goto(address + "rapports/");
  if (!(await list.content()).includes("titre changé")) fail("the section's list has the old title");
  if (await reloaded(planTab)) fail("the plan's tab reloaded for a title it does not show");
  if (shots) {
    mkdirSync(shots, { recursive: true });
    for (const width of [1280, 390]) {
      await reportTab.setViewportSize({ width, height: 900 });
      await reportTab.screenshot({ path: join(shots, `preview-title-${width}.png`) });
    }
  }
});

await run();
