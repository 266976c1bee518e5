// Measures a large paste: 100,000 firm-year rows pasted into the firms box; time
// until the results are on screen and the longest main-thread block (long tasks).
// Usage: node large-paste.mjs URL FILE
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [url, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(url);
await page.getByTestId('new-project').click();
await page.waitForSelector('[data-testid="indicator-long.cluster.sales.growth"]');
const result = await page.evaluate(async (text) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const box = document.querySelector('[data-testid="table-input-firms"]');
  const row = () => document.querySelector('[data-testid="indicator-long.cluster.sales.growth"]');
  const t0 = performance.now();
  // A real paste: the clipboard's text in a paste event, as a spreadsheet gives it.
  const data = new DataTransfer();
  data.setData('text/plain', text);
  box.focus();
  box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  await new Promise((resolve) => {
    const check = () => {
      const r = row();
      if (r && r.dataset.value !== '' && r.dataset.status !== 'insufficient_data') resolve();
      else setTimeout(check, 10);
    };
    check();
  });
  const elapsed = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  observer.disconnect();
  return { elapsed, longest: Math.max(0, ...longTasks), tasks: longTasks.length };
}, text);
console.log(`large paste (${(text.length / 1e6).toFixed(1)} MB): results on screen in ${result.elapsed.toFixed(0)} ms; longest block ${result.longest.toFixed(0)} ms (${result.tasks} long tasks)`);
await browser.close();
