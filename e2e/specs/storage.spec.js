// Storage failures: a full quota, unreadable stored data, no storage at all, and
// hostile documents. Nothing the user typed is lost, and the page says what happened.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

test('a full quota keeps the change in memory, says so and offers an export', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.simulateFullQuota();
  const text = 'firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t1\nA\tbeneficiary\t2023\t2\n';
  await app.paste('firms', text);
  await expect(page.getByTestId('notice-quota-full')).toBeVisible();
  await expect(app.tableInput('firms')).toHaveValue(text);
  const exported = await app.download('export-json');
  expect(JSON.parse(exported.text).tables.firms).toBe(text);
});

test('unreadable stored data are kept aside and reported, never deleted', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await page.evaluate(() => localStorage.setItem('cluster-eval/v1/index', '{"broken'));
  await page.reload();
  await expect(page.getByTestId('notice-recovered')).toBeVisible();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('cluster-eval/v1/backup/')).map((k) => localStorage.getItem(k)),
  );
  expect(backups).toContain('{"broken');
  // The project whose index line was lost is found again from its document.
  await expect(app.projectItems).toHaveCount(1);
});

test('an unreadable project document is kept aside and reported', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cluster-eval/v1/doc/'));
    localStorage.setItem(key, 'not a document');
  });
  await page.reload();
  await expect(page.getByTestId('notice-recovered')).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('cluster-eval/v1/backup/')).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toContain('not a document');
});

test('without storage the page works in memory and says so', async ({ page }) => {
  const app = new Calculator(page);
  await app.withoutStorage();
  await app.open();
  await expect(page.getByTestId('notice-storage-unavailable')).toBeVisible();
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'met');
  // (The example's baseline and follow-up years are 2018 and 2023.)
  await app.paste('firms', 'firm\tyear\tsales\nA\t2018\t10\nA\t2023\t30\n');
  await expect(app.indicator('long.beneficiaries.sales.growth')).toHaveAttribute('data-value', /^2(\.0)?$/);
});

test('a hostile document is shown as text and nothing crashes', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new Calculator(page);
  await app.open();
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const doc = {
    format: 'cluster-eval',
    version: 1,
    project: { name: evil, currency: evil, cost_total: 1e-308, cost_mif: 0, social_benefits: 1.7e308, cluster_firms: 1e300 },
    tables: {
      firms: `firm\tgroup\tyear\tsales\n${evil}\tbeneficiary\t2019\t1e308\n${evil}\tbeneficiary\t2023\t99999999999999999999999999999999999999\n`,
      territory: `year\tlocal_gdp\tnational_gdp\n2019\t${evil}\t1\n`,
      activities: '',
      actors: `actor\ttype\tyear\n${evil}\t${evil}\t2019\n`,
      subsidies: '',
    },
    columns: { firms: { [evil]: 'sales' } },
    targets: { [evil]: 1 },
  };
  await app.importDocument('evil.json', JSON.stringify(doc));
  await expect(app.projectName).toHaveValue(evil);
  await expect(app.projectItems.filter({ hasText: '<img' })).toHaveCount(1);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(app.indicator('long.return_per_dollar')).toBeVisible();
  const values = await page.locator('[data-testid^="indicator-"]').evaluateAll((els) => els.map((e) => e.dataset.value));
  expect(values.filter((v) => !(v === '' || Number.isFinite(Number(v))))).toEqual([]);
  expect(errors).toEqual([]);
});

test('without storage, switching projects keeps every project in memory', async ({ page }) => {
  const app = new Calculator(page);
  await app.withoutStorage();
  await app.open();
  const example = await app.tableInput('firms').inputValue();
  await app.newProject.click();
  const text = 'firm\tyear\tsales\nA\t2018\t10\nA\t2023\t30\n';
  await app.paste('firms', text);
  await app.projectItems.filter({ hasText: 'Example' }).locator('.project-open').click();
  await expect(app.tableInput('firms')).toHaveValue(example);
  await app.projectItems.filter({ hasNotText: 'Example' }).locator('.project-open').click();
  await expect(app.tableInput('firms')).toHaveValue(text);
});

test('with a full quota, an unsaved project survives switching away and back', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.simulateFullQuota();
  const text = 'firm\tgroup\tyear\tsales\nQ\tbeneficiary\t2018\t5\nQ\tbeneficiary\t2023\t6\n';
  await app.paste('firms', text);
  await app.newProject.click();
  await expect(page.getByTestId('notice-quota-full')).toBeVisible();
  await app.projectItems.filter({ hasText: 'Example' }).locator('.project-open').click();
  await expect(app.tableInput('firms')).toHaveValue(text);
});

test('a project whose calculation stopped the page is not reopened by itself, and nothing is lost', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const table = 'year\tamount\n2019\t100\n';
  await app.paste('subsidies', table);
  // What a calculation that never returned leaves behind (a panic stops the page).
  await page.evaluate(() => sessionStorage.setItem('cluster-eval/v1/calculating', localStorage.getItem('cluster-eval/v1/last')));
  await page.reload();
  await expect(page.getByTestId('notice-stopped-last-time')).toBeVisible();
  await expect(app.tableInput('subsidies')).toHaveValue('');
  await expect(app.projectItems).toHaveCount(1);
  // Its stored file can be downloaded as it is, and it can be opened anyway.
  const stored = await app.download('download-stored');
  expect(JSON.parse(stored.text).tables.subsidies).toBe(table);
  await page.getByTestId('open-anyway').click();
  await expect(app.tableInput('subsidies')).toHaveValue(table);
  // A normal calculation leaves no mark: the next reload opens the project.
  await page.reload();
  await expect(app.tableInput('subsidies')).toHaveValue(table);
  await expect(page.getByTestId('notice-stopped-last-time')).toHaveCount(0);
});

// Issue 14, item 12: a right-to-left override in a project name reversed the
// punctuation of the notice that names it. Names in notices are isolated (<bdi>).
test('a project name with a right-to-left override is isolated in the notice that names it', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const name = 'Masaya \u202Eevil';
  await app.projectName.fill(name);
  await expect(app.projectItems.first()).toContainText('Masaya');
  await app.deleteCurrentProject();
  const notice = page.getByTestId('notice-deleted');
  await expect(notice).toBeVisible();
  await expect(notice.locator('bdi')).toHaveText(name);
  // The words and punctuation around it are outside the isolate.
  const outside = await notice.locator('span').first().evaluate((span) =>
    [...span.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
  expect(outside).toBe('Deleted “”.');
});
