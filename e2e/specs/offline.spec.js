// Offline: after one visit the page loads and works with the network off.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

test('load once, go offline, reload, paste: results appear', async ({ page, context }) => {
  const app = new Calculator(page);
  await app.open();
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'met');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    // Wait until the worker controls the page and has cached the shell.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.active?.state;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(app.newProject).toBeVisible();
  await app.newProject.click();
  await app.paste('firms', 'firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t125\n');
  await expect(app.indicator('long.beneficiaries.sales.growth')).toHaveAttribute('data-value', '0.25');
  // A large paste is calculated by the worker, which loads the page's module offline too.
  const rows = ['firm\tgroup\tyear\tsales'];
  for (let i = 0; i < 8000; i++) rows.push(`F${i}\tbeneficiary\t2019\t100`, `F${i}\tbeneficiary\t2023\t150`);
  await app.paste('firms', '');
  await app.pasteLarge('firms', rows.join('\n'));
  await expect(page.getByTestId('results')).toHaveAttribute('data-calculated-in', 'worker');
  await expect(app.indicator('long.beneficiaries.sales.growth')).toHaveAttribute('data-value', '0.5');
  await context.setOffline(false);
});

test('the workbook module, fetched in the background after the first visit, opens a workbook offline', async ({ page, context }) => {
  const app = new Calculator(page);
  await app.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    // The service worker fetches the module a few seconds after it is activated.
    const cached = async () => {
      for (const name of await caches.keys()) {
        const keys = await (await caches.open(name)).keys();
        if (keys.some((r) => /workbook-worker-[0-9a-f]+_bg\.wasm$/.test(r.url))) return true;
      }
      return false;
    };
    for (let i = 0; i < 60 && !(await cached()); i++) await new Promise((r) => setTimeout(r, 250));
  });
  // Nothing of the module was used by the page itself before going offline.
  await context.setOffline(true);
  await page.reload();
  await expect(app.newProject).toBeVisible();
  await page.getByTestId('open-file').setInputFiles('fixtures/workbooks/ejemplo-es.xlsx');
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('workbook-confirm').click();
  await expect(app.indicator('long.cluster.sales.growth')).not.toHaveAttribute('data-value', '');
  await context.setOffline(false);
});

// Issue 24: offline, the portfolio link led to the browser's offline error when the
// portfolio had never been visited (the service worker keeps it once visited).
test('offline, the portfolio link says a first visit needs a connection, and is followed once the page is kept', async ({ page, context }) => {
  const app = new Calculator(page);
  await app.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  const url = page.url();
  await context.setOffline(true);
  await page.getByTestId('portfolio-link').click();
  await expect(page.getByTestId('notice-portfolio-offline')).toContainText(
    'The portfolio needs a connection the first time it is opened',
  );
  expect(page.url()).toBe(url);
  await expect(app.newProject).toBeVisible();

  // Visited once online, it is kept: offline, the link is followed.
  await context.setOffline(false);
  await page.getByTestId('portfolio-link').click();
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await page.getByTestId('back').click();
  await expect(app.newProject).toBeVisible();
  await context.setOffline(true);
  await page.getByTestId('portfolio-link').click();
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await context.setOffline(false);
});
