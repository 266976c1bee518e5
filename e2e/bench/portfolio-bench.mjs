// The portfolio page's budget (issue 15), in headless Chromium against dist/ served on
// 127.0.0.1: the documents of a directory (100 of 500 firm-years in `make bench`)
// opened at once into portfolio/, from the file input's change to the table and the
// pooled estimate on screen (budget 3 s), and the longest main-thread block meanwhile
// (long-task observer, budget 200 ms). Each document is computed on the page's main
// thread, one at a time with a turn of the event loop between two.
// Usage: node portfolio-bench.mjs URL DOCS_DIR
import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [url, dir] = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(dir, f));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(new URL('portfolio/', url).href);
await page.getByTestId('open-portfolio').waitFor({ state: 'attached' });
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({
    type: 'longtask',
  });
  window.__t0 = null;
  document.querySelector('[data-testid="open-portfolio"]').addEventListener('change', () => {
    window.__t0 = performance.now();
  }, { capture: true });
});
await page.getByTestId('open-portfolio').setInputFiles(files);
const id = 'long.beneficiaries.sales.vs_control';
await page.waitForFunction(
  ([n, id]) => document.querySelectorAll('[data-testid^="portfolio-row-"]').length === n &&
    document.querySelector(`[data-testid="pooled-${id}"]`),
  [files.length, id],
  { timeout: 120_000, polling: 'raf' },
);
const elapsed = await page.evaluate(() => performance.now() - window.__t0);
await page.waitForTimeout(1000);
const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
const pooled = await page.getByTestId(`pooled-${id}`).getAttribute('data-value');
const verdict = (value, budget) => (value <= budget ? 'within budget' : 'OVER BUDGET');
console.log(`portfolio page: ${files.length} documents opened: table and pooled estimate on screen: ${elapsed.toFixed(0)} ms (budget 3000 ms, ${verdict(elapsed, 3000)})`);
console.log(`portfolio page: longest main-thread block: ${longest.toFixed(0)} ms (budget 200 ms, ${verdict(longest, 200)})`);
console.log(`portfolio page: pooled ${id} = ${Number(pooled).toFixed(4)}`);
await browser.close();
