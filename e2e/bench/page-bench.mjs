// The page's performance budgets (issue 7), measured in headless Chromium against
// dist/ served on 127.0.0.1 with gzip:
// - first visit: every byte downloaded (as transferred, gzipped) until the example's
//   results are on screen, budget 400 KB; the compute worker (fetched after the first
//   paint) counted apart, budget 300 KB
//   (issue 18; was 300 KB);
// - on DevTools' "Slow 4G" profile (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s
//   up): the first paint (the light shell of index.html), budget 1.2 s, and the time
//   to interactive (navigation to the example's results on screen), budget 4.5 s;
// - a repeat visit, served by the service worker: results on screen, budget 1 s;
// - large paste: 100,000 firm-year rows pasted: results on screen (budget 1.5 s) and
//   the longest main-thread block (long-task observer, budget 200 ms);
// - editing: a project fact and a target changed on a 5,000-firm project: results
//   re-rendered (budget 50 ms each).
// Usage: node page-bench.mjs URL LARGE.tsv FIVE_THOUSAND_FIRMS.tsv
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [url, largeFile, editFile] = process.argv.slice(2);
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
const verdict = (value, budget) => (value <= budget ? 'within budget' : 'OVER BUDGET');
const figures = [];
const report = (name, value, unit, budget) => {
  figures.push({ name, value, budget });
  console.log(`${name}: ${value.toFixed(0)} ${unit} (budget ${budget} ${unit}, ${verdict(value, budget)})`);
};

/** A proxy in front of `target` that counts every byte it passes on (bodies as sent,
 *  so gzipped): it sees what the page *and* its service worker download, which the
 *  page's own DevTools session does not. */
async function countingProxy(target) {
  const upstream = new URL(target);
  const hits = [];
  const server = http.createServer((req, res) => {
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        const hit = { path: req.url, bytes: 0 };
        hits.push(hit);
        answer.on('data', (chunk) => (hit.bytes += chunk.length));
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, hits, close: () => server.close() };
}

async function firstVisit() {
  const proxy = await countingProxy(url);
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(proxy.url);
  await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"][data-status="met"]');
  // The service worker's precache is part of a first visit: wait until it is done.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(1500);
  // The workbook module (issue 16) is fetched by the service worker in the background
  // once the first visit is over: waited for, and counted apart.
  const workbook = (path) => /\/workbook[-.]/.test(path);
  // The compute worker (issue 22): started after the first paint, counted apart.
  const compute = (path) => /\/compute-(worker|loader)/.test(path);
  for (let i = 0; i < 40 && !proxy.hits.some((h) => /workbook-worker-.*_bg\.wasm/.test(h.path)); i++) {
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(1000);
  let total = 0;
  let background = 0;
  let worker = 0;
  for (const { path, bytes } of proxy.hits) {
    if (workbook(path)) background += bytes;
    else if (compute(path)) worker += bytes;
    else total += bytes;
    const note = workbook(path) ? ' (background, after the first visit)' : compute(path) ? ' (compute worker, after the first paint)' : '';
    console.log(`  ${path}: ${(bytes / 1024).toFixed(1)} KB${note}`);
  }
  report('first visit, everything downloaded by the page and its service worker (gzipped)', total / 1024, 'KB', 400);
  report('the compute worker, fetched after the first paint (gzipped)', worker / 1024, 'KB', 300);
  console.log(`then in the background, the workbook module fetched by the service worker: ${(background / 1024).toFixed(1)} KB gzipped`);
  await browser.close();
  proxy.close();
}

async function slow4g() {
  const browser = await launch();
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.44 * 1024 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"][data-status="met"]', { timeout: 60000 });
  report('time to interactive on Slow 4G (example results shown)', Date.now() - t0, 'ms', 3500);
  // The first paint, from the navigation's own clock: the light shell of index.html.
  const paint = await page.evaluate(
    () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? Infinity,
  );
  report('first paint on Slow 4G (the light shell)', paint, 'ms', 1200);
  await browser.close();
}

/** A second visit, once the service worker holds the app: results on screen. */
async function repeatVisit() {
  const browser = await launch();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"][data-status="met"]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(1500);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"][data-status="met"]');
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  report('repeat visit, served by the service worker: results shown (median of 3)', times[1], 'ms', 1000);
  await browser.close();
}

async function paste(page, text) {
  // The text is handed to the page first, in a task of its own: moving 10 MB from this
  // script into the page is the harness's cost, not the page's, and a real paste
  // brings the text with the event.
  await page.evaluate((text) => {
    window.__paste = new DataTransfer();
    window.__paste.setData('text/plain', text);
  }, text);
  await page.waitForTimeout(500);
  return page.evaluate(async () => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const box = document.querySelector('[data-testid="table-input-firms"]');
    const row = () => document.querySelector('[data-testid="indicator-long.cluster.sales.growth"]');
    const before = row()?.dataset.value;
    const t0 = performance.now();
    box.focus();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__paste, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const check = () => {
        const r = row();
        if (r && r.dataset.value !== '' && r.dataset.value !== before) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    const elapsed = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    observer.disconnect();
    return { elapsed, longest: Math.max(0, ...longTasks) };
  });
}

async function largePaste() {
  const text = readFileSync(largeFile, 'utf8');
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('new-project').click();
  await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"]');
  const r = await paste(page, text);
  report(`large paste (${(text.length / 1e6).toFixed(1)} MB, 100,000 rows): results on screen`, r.elapsed, 'ms', 1500);
  report('large paste: longest main-thread block', r.longest, 'ms', 200);
  await browser.close();
}

async function editLatency() {
  const text = readFileSync(editFile, 'utf8');
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('new-project').click();
  await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"]');
  await paste(page, text);
  const timeChange = (testid, value, watch, attribute) =>
    page.evaluate(
      async ({ testid, value, watch, attribute }) => {
        const input = document.querySelector(`[data-testid="${testid}"]`);
        const row = () => document.querySelector(`[data-testid="${watch}"]`);
        const before = row().getAttribute(attribute);
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const changed = await new Promise((resolve) => {
          const check = () => {
            if (row().getAttribute(attribute) !== before) resolve(true);
            else if (performance.now() - t0 > 10000) resolve(false);
            else requestAnimationFrame(check);
          };
          check();
        });
        return changed ? performance.now() - t0 : Infinity;
      },
      { testid, value, watch, attribute },
    );
  await page.getByTestId('fact-social_benefits').fill('700');
  await page.getByTestId('fact-social_benefits').blur();
  await page.getByTestId('fact-cost_total').fill('200');
  await page.getByTestId('fact-cost_total').blur();
  await page.waitForSelector('[data-testid="indicator-long.return_per_dollar"][data-value]:not([data-value=""])');
  const fact = await timeChange('fact-cost_total', '100', 'indicator-long.return_per_dollar', 'data-value');
  report('edit a project fact on a 5,000-firm project: results re-rendered', fact, 'ms', 50);
  const target = await timeChange('target-long.cluster.sales.growth', '1000', 'indicator-long.cluster.sales.growth', 'data-status');
  report('edit a target on a 5,000-firm project: results re-rendered', target, 'ms', 50);
  await browser.close();
}

await firstVisit();
await slow4g();
await repeatVisit();
await largePaste();
await editLatency();
const over = figures.filter((f) => f.value > f.budget);
console.log(over.length ? `${over.length} figure(s) over budget` : 'every figure within budget');
