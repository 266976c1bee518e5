// A workbook's sheet-to-table step belongs to the project it was opened in (issue 24):
// opening another project, or deleting this one, closes the step (or drops the reading
// under way), so the tables never land in a project the step was not worked out for.
// A reading can be cancelled, and a language that cannot be fetched is not switched to.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Calculator } from '../pages/calculator.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const workbook = path.join(here, '..', 'fixtures', 'workbooks', 'ejemplo-es.xlsx');

async function exampleTables(page) {
  return page.evaluate(() => {
    const id = sessionStorage.getItem('cluster-eval/v1/last');
    return JSON.parse(localStorage.getItem(`cluster-eval/v1/doc/${id}`)).tables;
  });
}

test('switching to the example while the step is open leaves the example untouched', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const before = await exampleTables(page);
  await app.newProject.click();
  await page.getByTestId('open-file').setInputFiles(workbook);
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
  await app.projectItems.filter({ hasText: 'Example' }).locator('.project-open').click();
  await expect(page.getByTestId('workbook-dialog')).toBeHidden();
  await expect(page.getByTestId('workbook-confirm')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await exampleTables(page)).toEqual(before);
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'met');
});

test('a reading under way is dropped when the project is switched, and can be cancelled', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const before = await exampleTables(page);
  // The workbook module is held back: the step says "Reading…" for as long as we like.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/workbook.json', async (route) => { await held; await route.continue(); });
  await app.newProject.click();
  await page.getByTestId('open-file').setInputFiles(workbook);
  await expect(page.getByTestId('workbook-busy')).toBeVisible();
  await app.projectItems.filter({ hasText: 'Example' }).locator('.project-open').click();
  await expect(page.getByTestId('workbook-busy')).toBeHidden();
  release();
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('workbook-dialog')).toHaveCount(0);
  expect(await exampleTables(page)).toEqual(before);

  // Cancelled by its button; the next workbook opens at once.
  await page.unroute('**/workbook.json');
  let again;
  const heldAgain = new Promise((resolve) => { again = resolve; });
  await page.route('**/workbook.json', async (route) => { await heldAgain; await route.continue(); });
  await page.getByTestId('open-file').setInputFiles(workbook);
  await page.getByTestId('workbook-cancel-reading').click();
  await expect(page.getByTestId('workbook-busy')).toBeHidden();
  again();
  await page.unroute('**/workbook.json');
  await page.getByTestId('open-file').setInputFiles(workbook);
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
});

test('deleting the project while its step is open closes the step', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await page.getByTestId('open-file').setInputFiles(workbook);
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
  page.once('dialog', (d) => d.accept());
  await app.deleteCurrentProject();
  await expect(page.getByTestId('workbook-dialog')).toBeHidden();
});

test.describe(() => {
// The service worker would answer from its cache: the file is fetched by the page.
test.use({ serviceWorkers: 'block' });
test('a language that cannot be fetched offline is not switched to, and the page says so', async ({ page, context }) => {
  const app = new Calculator(page);
  await app.open();
  await page.route('**/lang/pt.json', (route) => route.abort('internetdisconnected'));
  await page.getByTestId('lang-switch').selectOption('pt');
  await expect(page.getByTestId('notices')).toContainText('Português');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lang-switch')).toHaveValue('en');
  await expect(page.getByTestId('new-project')).toContainText('New');
  expect(await page.evaluate(() => localStorage.getItem('cluster-eval/v1/lang'))).toBeNull();
});
});
