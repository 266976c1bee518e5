// The small messages of issue 24, each worded for what happened, and a long name
// that never widens the page.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

test('a .csv given to the project import is answered as a table, not as "not a JSON file"', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.importDocument('empresas.csv', 'empresa;grupo;año\nA;beneficiaria;2019\n');
  const notice = page.getByTestId('notices');
  await expect(notice).toContainText('empresas.csv');
  await expect(notice).toContainText('is a table, not a project file');
  await expect(notice).not.toContainText('JSON');
  await expect(app.projectItems).toHaveCount(1);
});

test('an empty and a cut-short project file say so', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.importDocument('vacio.json', '');
  await expect(page.getByTestId('notices')).toContainText('the file is empty');
  await app.importDocument('cortado.json', '{"format": "cluster-eval", "version": 1, "project": {"name": "Mas');
  await expect(page.getByTestId('notices')).toContainText('cut short');
  await expect(page.getByTestId('notices')).not.toContainText('column 0');
});

test('a duplicate territory year is worded as a year, and 2018.0 is a year', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('territory', 'year\tlocal_gdp\tnational_gdp\n2018.0\t100\t1000\n2018\t101\t1001\n2023\t120\t1100\n');
  await expect(app.rowErrors('territory')).toHaveCount(1);
  await expect(app.rowErrors('territory').first()).toContainText('a second row for the same year');
  await expect(app.rowErrors('territory').first()).not.toContainText('firm');
});

for (const width of [1280, 360]) {
  test(`a 100,000-character project name never widens the page (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const app = new Calculator(page);
    await app.open();
    await app.projectName.fill('N'.repeat(100_000));
    await app.projectName.blur();
    await expect(app.projectItems.first()).toBeVisible();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(width + 1);
  });
}
