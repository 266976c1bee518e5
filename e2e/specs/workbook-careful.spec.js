// Workbooks as careful as pastes (issue 24): a workbook never misreads what a paste
// reads right, and a hostile file is refused by name before it is read. Fixtures made
// by `cargo run -p cluster-eval-workbook --example careful_fixtures`
// (e2e/fixtures/workbooks/README.md).
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Calculator } from '../pages/calculator.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, '..', 'fixtures', 'workbooks', name);

/** Opens a workbook in a new project and confirms its one sheet as the firms table. */
async function openFirms(app, page, name) {
  await app.newProject.click();
  await page.getByTestId('open-file').setInputFiles(fixture(name));
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('workbook-table-0')).toHaveValue('firms');
  await page.getByTestId('workbook-confirm').click();
  await expect(page.getByTestId('workbook-dialog')).toBeHidden();
}

test('an id kept as the number 8 formatted 000 and the text 008 is one firm', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await openFirms(app, page, 'id-con-formato.xlsx');
  await expect(app.rowErrors('firms')).toHaveCount(0);
  // Two firms (008 and 009), not three: 008 has both years, so the panel holds both.
  expect((await app.indicatorState('short.participating_firms')).value).toBe(2);
  const growth = await app.indicatorState('long.beneficiaries.sales.growth');
  expect(growth.value).toBeCloseTo((150 + 220) / (100 + 200) - 1, 12);
});

test('the text 36.232 beside numbers reads as 36,232, and the check above the results says so', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await openFirms(app, page, 'miles-como-texto.xlsx');
  const growth = await app.indicatorState('long.beneficiaries.sales.growth');
  expect(growth.value).toBeCloseTo((36232 + 38400) / (35120 + 41005) - 1, 12);
  await expect(page.getByTestId('decimal-check').first()).toBeVisible();
});

test('a formula without a cached value is a row error naming its cell', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await openFirms(app, page, 'formula-sin-valor.xlsx');
  await expect(app.rowErrors('firms')).toHaveCount(1);
  await expect(app.rowErrors('firms').first()).toContainText('Empresas!D3');
  await expect(app.rowErrors('firms').first()).toContainText('formula');
});

test('a 3 MB sheet of 39 million rows is refused by name within 10 s; renaming and export still work', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  const started = Date.now();
  await page.getByTestId('open-file').setInputFiles(fixture('millones-de-filas.xlsx'));
  const error = page.getByTestId('workbook-error');
  await expect(error).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(error).toContainText('millones-de-filas.xlsx');
  await expect(error).toContainText('Hoja1');
  await expect(page.getByTestId('workbook-dialog')).toHaveCount(0);
  // The page stays whole: a rename is saved, and the project exports.
  await app.projectName.fill('Después del archivo enorme');
  await app.projectName.blur();
  await expect(app.projectItems.filter({ hasText: 'Después del archivo enorme' })).toHaveCount(1);
  const exported = await app.exportDocument();
  expect(JSON.parse(exported.text).project.name).toBe('Después del archivo enorme');
});

test('a NUL pasted in an id is reported as an invisible character and does not split the firm', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('firms', 'firm\tgroup\tyear\tsales\nA1\tbeneficiary\t2019\t100\nA\u00001\tbeneficiary\t2023\t125\n');
  await expect(page.getByTestId('invisible-firms')).toBeVisible();
  await expect(page.getByTestId('invisible-firms').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('invisible-firms').locator('li').first()).toHaveAttribute('data-line', '3');
  const growth = await app.indicatorState('long.beneficiaries.sales.growth');
  expect(growth.value).toBeCloseTo(0.25, 12);
});
