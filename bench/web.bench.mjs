/* global performance, document */
// Web app benchmark (issue 7): public page ready time on loopback, the public page's JavaScript (gzipped),
// a full-year hourly chart's render time, and the in-browser what-if recomputation time.
// Needs `npm run build` (server dist and packages/web/dist) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// Prints progress, then ONE JSON object as the last stdout line.
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startBuiltServer } from "./support.mjs";

const TARGETS = { publicReadyMs: 1500, publicJsGzipKb: 400, hourlyChartMs: 300, whatIfMs: 200 };
const RUNS = Number(process.env.KERA_BENCH_RUNS ?? 5);
const log = (line) => process.stdout.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor((s.length - 1) / 2)];
};
const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

const partner = { email: "bench@example.org", password: "a-long-bench-password" };
// Workers as the caller's KERA_WORKERS says, else the server's default (not the helper's 1), as deployed.
const { base: url, stop } = await startBuiltServer({
  name: "web",
  user: { ...partner, role: "partner", organisation: "housing-tiili" },
  env: { KERA_WORKERS: process.env.KERA_WORKERS },
});
log(`server at ${url}, baseline computed`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  // 1. Public page: time from navigation start to the indicators being visible (fresh context: no cache).
  const readyMs = [];
  let js = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: "fi-FI" });
    const page = await context.newPage();
    const scripts = [];
    page.on("response", (r) => {
      if (/\.m?js(\?|$)/.test(r.url())) scripts.push(r);
    });
    await page.goto(url);
    await page.waitForSelector("[data-testid=kpis-positivity]", { timeout: 60_000 });
    readyMs.push(await page.evaluate(() => performance.now()));
    // Let the page finish what it loads (the build-out worker) before counting its JavaScript.
    await page.waitForSelector("[data-testid=buildout] canvas", { timeout: 120_000 });
    if (i === 0) {
      js = await Promise.all(
        scripts.map(async (r) => {
          const body = await r.body();
          return {
            file: r.url().replace(/^.*\/assets\//, ""),
            bytes: body.length,
            gzipBytes: gzipSync(body, { level: 9 }).length,
          };
        }),
      );
    }
    log(`public page ready in ${round(readyMs[i])} ms`);
    await context.close();
  }
  const jsGzipKb = js.reduce((s, f) => s + f.gzipBytes, 0) / 1024;
  const mainJsGzipKb =
    js.filter((f) => !f.file.includes("worker")).reduce((s, f) => s + f.gzipBytes, 0) / 1024;
  log(
    `public page JavaScript: ${round(jsGzipKb)} KB gzipped (${js.map((f) => `${f.file} ${round(f.gzipBytes / 1024)}`).join(", ")})`,
  );

  // 2. A full-year hourly chart (carpet plot of 8,760 hours) in the signed-in workspace.
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/scenarios`);
  await page.fill("#login-email", partner.email);
  await page.fill("#login-password", partner.password);
  await page.click("form.login button[type=submit]");
  const chartMs = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    if (i > 0) await page.reload();
    const el = await page.waitForSelector("[data-testid=carpet] .chart-canvas[data-render-ms]", {
      timeout: 120_000,
    });
    chartMs.push(Number(await el.getAttribute("data-render-ms")));
    log(`full-year hourly chart rendered in ${round(chartMs[i])} ms`);
  }

  // 3. What-if: move a slider a few times, read the worker's compute time of each answer.
  await page.goto(`${url}/what-if`);
  await page.waitForSelector("[data-testid=what-if-kpis-positivity]", { timeout: 120_000 });
  const whatIfMs = [];
  const roundTripMs = [];
  const slider = page.locator("[data-testid=lever-pvKwp]");
  await slider.focus();
  for (let i = 0; i < RUNS; i++) {
    const before = await page.getAttribute("[data-testid=what-if-ms]", "data-ms");
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press(i % 2 === 0 ? "PageUp" : "ArrowUp");
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector("[data-testid=what-if-ms]");
        return el !== null && el.getAttribute("data-ms") !== prev;
      },
      before,
      { timeout: 60_000 },
    );
    roundTripMs.push((await page.evaluate(() => performance.now())) - t0);
    whatIfMs.push(Number(await page.getAttribute("[data-testid=what-if-ms]", "data-ms")));
    log(
      `what-if recomputed in ${round(whatIfMs[i])} ms (slider to indicators on screen: ${round(roundTripMs[i])} ms)`,
    );
  }
  await context.close();

  const summary = {
    runs: RUNS,
    targets: TARGETS,
    publicReadyMsMedian: round(median(readyMs)),
    publicReadyMs: readyMs.map(round),
    publicJsGzipKb: round(jsGzipKb),
    publicJsGzipKbWithoutWorker: round(mainJsGzipKb),
    publicJsFiles: js,
    hourlyChartMsMedian: round(median(chartMs)),
    hourlyChartMs: chartMs.map(round),
    whatIfMsMedian: round(median(whatIfMs)),
    whatIfMs: whatIfMs.map(round),
    whatIfRoundTripMsMedian: round(median(roundTripMs)),
    meetsTarget:
      median(readyMs) < TARGETS.publicReadyMs &&
      jsGzipKb < TARGETS.publicJsGzipKb &&
      median(chartMs) < TARGETS.hourlyChartMs &&
      median(roundTripMs) < TARGETS.whatIfMs,
  };
  await browser.close();
  await stop();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} catch (error) {
  await browser.close();
  await stop();
  throw error;
}
