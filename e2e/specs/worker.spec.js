// The compute worker (issue 22): the page computes nothing itself. A first visit shows
// the example's results computed when the page was built, before the worker arrives;
// a worker that cannot be had is said, and nothing typed is lost.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const GROWTH = 'long.cluster.sales.growth';

test('a first visit shows the example results before the compute worker has arrived, then the worker takes over', async ({ page }) => {
  // Every message to the worker is held until the example's results are on screen.
  await page.addInitScript(() => {
    const Real = window.Worker;
    const held = [];
    window.Worker = function (url, options) {
      const worker = new Real(url, options);
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (...m) => (window.released ? post(...m) : held.push(() => post(...m)));
      return worker;
    };
    window.release = () => {
      window.released = true;
      held.splice(0).forEach((send) => send());
    };
  });
  const app = new Calculator(page);
  await app.open();
  const results = page.getByTestId('results');
  await expect(app.indicator(GROWTH)).toHaveAttribute('data-status', 'met');
  await expect(results).toHaveAttribute('data-calculated-in', 'build');
  const before = await app.indicatorState(GROWTH);
  await page.evaluate(() => window.release());
  await expect(results).toHaveAttribute('data-calculated-in', 'worker');
  const after = await app.indicatorState(GROWTH);
  expect(after.value).toBeCloseTo(before.value, 12);
  await expect(page.getByTestId('calculation-stopped')).toHaveCount(0);
});

test('without its compute worker the page says the calculation stopped and keeps every table typed', async ({ page }) => {
  // The worker starts, but its module cannot be had (a server without it).
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = function (url, options) {
      if (localStorage.getItem('test/worker-back')) return new Real(url, options);
      const broken = new URL(url, location.href);
      broken.searchParams.set('wasm', new URL('no-such-module.wasm', location.href).href);
      return new Real(broken, options);
    };
  });
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  const table = 'firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t120\n';
  await app.paste('firms', table);
  await expect(page.getByTestId('calculation-stopped')).toBeVisible();
  await expect(page.getByTestId('calculation-stopped')).toHaveAttribute('role', 'alert');
  // The paste is kept, and saved: a reload with the worker back computes it.
  await page.waitForTimeout(500);
  await page.evaluate(() => localStorage.setItem('test/worker-back', '1'));
  await page.reload();
  await app.showData();
  await expect(app.tableInput('firms')).toHaveValue(table);
  await expect(page.getByTestId('results')).toHaveAttribute('data-calculated-in', 'worker');
  await expect(page.getByTestId('calculation-stopped')).toHaveCount(0);
});
