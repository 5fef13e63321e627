// The workshop end to end in a real browser: Debian's chromium driven headless by
// playwright-core (pinned in sim/workshop/web/package-lock.json; no browser is downloaded).
// A facilitator's page at 1280 px and a phone at 420 px, against a real `partnersim workshop`.
// Every wait is on a condition (a selector, an attribute, a count), with a generous bound.
//   node --test tests/workshop/browser/
// Screenshots go to $WORKSHOP_SCREENSHOTS (default build/workshop-screenshots).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const require = createRequire(path.join(root, "sim/workshop/web/package.json"));
const { chromium } = require("playwright-core");

const executable = process.env.PARTNERSIM_EXECUTABLE || path.join(root, "build/sim/partnersim");
const shots = process.env.WORKSHOP_SCREENSHOTS || path.join(root, "build/workshop-screenshots");
const bound = 60_000;  // generous: a loaded CI machine with two cores

let server;
let address;
let context;
let facilitator;
let phone;
let profile;

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(executable, ["workshop", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    server.stdout.on("data", (chunk) => {
      output += chunk;
      const found = output.match(/open (http:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    server.on("exit", (code) => reject(new Error(`partnersim workshop exited with ${code}: ${output}`)));
  });
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  address = await startServer();
  profile = mkdtempSync(path.join(tmpdir(), "partnersim-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(bound);
  facilitator = context.pages()[0] || await context.newPage();
  // Nothing may be fetched from anywhere but the workshop server.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    if (route.request().url().startsWith("data:")) return route.continue();
    throw new Error(`fetched from outside: ${route.request().url()}`);
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill("SIGINT");
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function runAndWait(page) {
  const before = await page.locator("#status").textContent();
  await page.click("#run");
  await page.waitForFunction((old) => {
    const s = document.getElementById("status").textContent;
    const e = document.getElementById("error").textContent;
    return (s !== old && s.includes("runs in")) || e;
  }, before);
  // The whole answer is drawn (charts, sentences, story) once Run is pressed-able again.
  await page.waitForSelector("#run:not([disabled])");
  assert.equal(await page.locator("#error").textContent(), "");
  return page.evaluate(() => window.workshopState.current.run);
}

const medianFinal = (page, measure) =>
  page.getAttribute(`.chart[data-measure="${measure}"]`, "data-median-final");

test("the page loads from the binary with its scenarios and controls", async () => {
  await facilitator.goto(address);
  await facilitator.waitForSelector("body[data-ready=true]");
  assert.ok(await facilitator.locator("#scenario option").count() >= 10);
  assert.match(await facilitator.locator("#purpose").textContent(), /navigator/);
  const question = facilitator.locator('[data-parameter="facilitator.kind"] .question');
  assert.match(await question.textContent(), /Who facilitates\?/);
  assert.match(await facilitator.getAttribute('[data-parameter="facilitator.kind"] .help', "title"),
               /external voice/);
  await facilitator.click('[data-parameter="setup.participation"] .help');
  assert.match(await facilitator.locator("#help-text").textContent(), /grant agreements/);
  assert.match(await facilitator.locator("#join-address").textContent(), /\/j$/);
});

test("a bad value is explained in the page and nothing runs", async () => {
  await facilitator.fill('[data-parameter="partners.count"] input', "900");
  await facilitator.click("#run");
  await facilitator.waitForFunction(() => document.getElementById("error").textContent !== "");
  assert.match(await facilitator.locator("#error").textContent(), /Number of partners: 900 is outside 2 to 200/);
  assert.ok(await facilitator.locator('[data-parameter="partners.count"].invalid').count() === 1);
  await facilitator.fill('[data-parameter="partners.count"] input', "20");
});

test("run, change a control, run again: the charts change", async () => {
  await runAndWait(facilitator);
  assert.equal(await facilitator.locator(".chart canvas").count(), 4);
  assert.match(await facilitator.locator("#risk").textContent(), /% of 100 runs ended struggling or collapsed \(95% interval/);
  const first = await medianFinal(facilitator, "candour");
  await facilitator.screenshot({ path: path.join(shots, "facilitator-1280.png"), fullPage: true });
  await facilitator.selectOption('[data-parameter="facilitator.kind"] select', "internal");
  await runAndWait(facilitator);
  const second = await medianFinal(facilitator, "candour");
  assert.notEqual(second, first, "the candour chart did not change with who facilitates");
  // The time-bound contract's end is drawn (the default is time-bound, ending at month 36).
  assert.equal(await facilitator.evaluate(() => window.workshopState.current.charts.contract_end), 36);
  await facilitator.selectOption('[data-parameter="facilitator.kind"] select', "external");
});

test("A vs B: both fans on the same axes and one sentence per key measure", async () => {
  await runAndWait(facilitator);
  await facilitator.click("#pin");
  await facilitator.selectOption('[data-parameter="setup.duration"] select', "open_ended");
  assert.equal(await facilitator.isHidden('[data-parameter="setup.end_month"]'), true);
  const b = await runAndWait(facilitator);
  await facilitator.waitForFunction(() => document.querySelectorAll("#sentences li").length === 6);
  const trust = await facilitator.locator('#sentences li[data-measure="trust_partner_facilitator"]').textContent();
  assert.match(trust, /^Partners' trust in the facilitator at month 60: (B is (higher|lower) than A by|A and B cannot be told apart)/);
  assert.match(trust, /\(95% interval [+-]\d\.\d{3} to [+-]\d\.\d{3}\)/);
  assert.match(await facilitator.locator("#sentences .interval-kind").textContent(), /100 paired runs; Monte Carlo interval/);
  // Two medians per chart (A and B).
  assert.equal((await medianFinal(facilitator, "trust_partner_facilitator")).split(",").length, 2);
  assert.ok(b > 0);
  await facilitator.screenshot({ path: path.join(shots, "compare-1280.png"), fullPage: true });
});

test("one partnership's story plays month by month", async () => {
  await facilitator.waitForSelector("#story-canvas[data-month]");
  assert.equal(await facilitator.getAttribute("#story-canvas", "data-month"), "1");
  await facilitator.click("#story-play");
  await facilitator.waitForFunction(() => Number(document.getElementById("story-canvas").dataset.month) >= 12);
  await facilitator.click("#story-play");  // pause
  assert.match(await facilitator.locator(".event-list").textContent(), /It ended|This run ended/);
  await facilitator.locator("#story").screenshot({ path: path.join(shots, "story-1280.png") });
});

test("a phone joins, receives the facilitator's run, and its vote is counted", async () => {
  phone = await context.newPage();
  await phone.setViewportSize({ width: 420, height: 860 });
  await phone.goto(address + "j");
  await phone.waitForSelector("body[data-connected=true]");
  // A late joiner sees what the room is looking at: the last run.
  const last = await facilitator.evaluate(() => window.workshopState.current.run);
  await phone.waitForSelector(`body[data-run="${last}"]`);
  // The facilitator runs again (unpinned): the phone receives it.
  await facilitator.click("#unpin");
  const next = await runAndWait(facilitator);
  await phone.waitForSelector(`body[data-run="${next}"]`);
  assert.equal(await phone.locator(".chart canvas").count(), 4);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 420, `the phone view scrolls sideways (${width} px)`);
  await phone.screenshot({ path: path.join(shots, "phone-420.png"), fullPage: true });

  // Vote: A is pinned again and B run, the room votes, then the model's answer.
  await facilitator.click("#pin");
  await facilitator.selectOption('[data-parameter="setup.duration"] select', "time_bound");
  await runAndWait(facilitator);
  await facilitator.click("#vote-open");
  await phone.waitForSelector(".vote-option");
  await phone.click('.vote-option:has-text("B")');
  await facilitator.waitForSelector('#vote-result li[data-option="B"][data-count="1"]');
  assert.equal(await facilitator.getAttribute('#vote-result li[data-option="A"]', "data-count"), "0");
  await phone.screenshot({ path: path.join(shots, "phone-vote-420.png"), fullPage: true });
  await facilitator.click("#vote-close");
  await phone.waitForSelector("#vote-result .model-answer");
  assert.match(await phone.locator("#vote-result .model-answer").textContent(),
               /^The model: (A|B|cannot tell apart)\. Partners' trust in the facilitator at month/);
  await facilitator.screenshot({ path: path.join(shots, "vote-1280.png"), fullPage: true });
});

test("downloads: the design as TOML, the runs as HDF5 and CSV, a chart as PNG", async () => {
  const run = await facilitator.evaluate(() => window.workshopState.current.run);
  const toml = await facilitator.request.get(`${address}download/scenario.toml?run=${run}`);
  assert.match(await toml.text(), /\[setup\][\s\S]*duration = "time_bound"/);
  const h5 = await facilitator.request.get(`${address}download/results.h5?run=${run}`);
  assert.equal((await h5.body()).subarray(1, 4).toString(), "HDF");
  const csv = await facilitator.request.get(`${address}download/runs.csv?run=${run}`);
  assert.equal((await csv.text()).split("\n").filter((l) => l).length, 101);
  const [download] = await Promise.all([facilitator.waitForEvent("download"), facilitator.click("#download-png")]);
  assert.match(download.suggestedFilename(), /^workshop-.*\.png$/);
});
