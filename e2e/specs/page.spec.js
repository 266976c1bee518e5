// The calculator page: results of the example, pasting in three languages' dialects,
// mappings, row errors, targets, CSV, languages, reloads.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const close = (a, b) => Math.abs(a - b) < 1e-9;

test('the first visit shows the example with results', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const sales = await app.indicatorState('long.cluster.sales.growth');
  expect(sales.status).toBe('met');
  expect(sales.value).toBeGreaterThan(0);
  const returns = await app.indicatorState('long.return_per_dollar');
  expect(returns.value).toBe(7);
  const mif = await app.indicatorState('long.return_per_mif_dollar');
  expect(mif.value).toBe(14);
  await expect(app.indicator('pro_poor.checklist')).toHaveAttribute('data-status', 'reported');
  await expect(page.getByTestId('winners-losers').locator('tr[data-loses]')).toHaveCount(12);
  await expect(page.getByTestId('chart-index').locator('svg')).toBeVisible();
});

const dialects = {
  en: 'firm\tgroup\tyear\tsales\temployment\n007\tbeneficiary\t2019\t1,234.5\t10\n007\tbeneficiary\t2023\t2,000.0\t12\nK1\tcontrol\t2019\t1000\t5\nK1\tcontrol\t2023\t1100\t5\n',
  es: 'empresa;grupo;año;ventas;empleados\n007;beneficiaria;2019;1.234,5;10\n007;beneficiaria;2023;"2.000,0";12\nK1;control;2019;1000;5\nK1;control;2023;1100;5\n',
  pt: 'Empresa;Grupo;Ano;Faturamento;Empregados\n007;beneficiária;2019;R$ 1.234,50;10\n007;beneficiária;2023;R$ 2.000,00;12\nK1;controle;2019;1.000,00;5\nK1;controle;2023;1.100,00;5\n',
};

for (const [lang, text] of Object.entries(dialects)) {
  test(`a ${lang} spreadsheet paste is read and computed`, async ({ page }) => {
    const app = new Calculator(page);
    await app.open();
    await app.newProject.click();
    await app.paste('firms', text);
    await expect(page.getByTestId('table-counts-firms')).toContainText('4');
    await expect(app.rowErrors('firms')).toHaveCount(0);
    const growth = await app.indicatorState('long.beneficiaries.sales.growth');
    expect(close(growth.value, 2000 / 1234.5 - 1)).toBe(true);
    const vsControl = await app.indicatorState('long.beneficiaries.sales.vs_control');
    expect(close(vsControl.value, 2000 / 1234.5 - 1 - 0.1)).toBe(true);
    await expect(page.getByTestId('table-input-firms')).toHaveValue(text);
  });
}

test('a header mapped by hand is read and the choice is saved', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('firms', 'firm\tgroup\tyear\tFacturación neta\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t150\n');
  await expect(app.indicator('long.beneficiaries.sales.growth')).toHaveAttribute('data-status', 'insufficient_data');
  await page.locator('details.mapping').first().evaluate((d) => (d.open = true));
  await page.getByTestId('map-firms-Facturación neta').selectOption('sales');
  const growth = await app.indicatorState('long.beneficiaries.sales.growth');
  expect(close(growth.value, 0.5)).toBe(true);
  await page.reload();
  expect(close((await app.indicatorState('long.beneficiaries.sales.growth')).value, 0.5)).toBe(true);
  const doc = JSON.parse((await app.exportDocument()).text);
  expect(doc.columns.firms['Facturación neta']).toBe('sales');
});

test('a year-suffixed header mapped by hand maps every year of a wide table', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('firms', 'empresa\tgrupo\tFact 2019\tFact 2023\nA\tbeneficiaria\t100\t150\nB\tbeneficiaria\t50\t60\n');
  await page.locator('details.mapping').first().evaluate((d) => (d.open = true));
  await page.getByTestId('map-firms-Fact 2019').selectOption('sales');
  const growth = await app.indicatorState('long.beneficiaries.sales.growth');
  expect(close(growth.value, 210 / 150 - 1)).toBe(true);
  await expect(page.getByTestId('reshaped-firms')).toBeVisible();
  const doc = JSON.parse((await app.exportDocument()).text);
  expect(doc.columns.firms).toEqual({ Fact: 'sales' });
});

test('rows in error are listed by line, and the rest is read', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  const text = [
    'firm;group;year;sales',
    'A;beneficiary;2019;100',
    'A;beneficiary;2023;abc',
    'B;martian;2019;5',
    'A;beneficiary;2019;120',
    '"C, Ltd.";beneficiary;2019;-4',
    'D;beneficiary;2019',
  ].join('\n');
  await app.paste('firms', text);
  const errors = app.rowErrors('firms');
  await expect(errors).toHaveCount(5);
  const lines = await errors.evaluateAll((els) => els.map((e) => Number(e.dataset.line)));
  expect(lines.sort()).toEqual([3, 4, 5, 6, 7]);
  await expect(errors.filter({ hasText: 'abc' })).toContainText('3');
  await app.switchLanguage('es');
  await expect(errors.first()).toContainText('Línea');
  // The grid of what was read is built when opened, with the bad cells marked.
  await page.getByTestId('preview-open-firms').click();
  const grid = page.getByTestId('preview-firms');
  await expect(grid).toBeVisible();
  await expect(grid.locator('td.bad', { hasText: 'abc' })).toHaveCount(1);
});

test('"how it was computed" opens on the formula with the actual numbers', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const how = app.indicator('long.cluster.sales.growth').getByTestId('how-computed');
  await expect(how.getByTestId('formula')).toHaveCount(0);
  await how.locator('summary').click();
  await expect(how.getByTestId('formula')).toBeVisible();
  await expect(how.locator('dl.detail dt').first()).toBeVisible();
  // It stays open, with its content, when the results or the language change.
  await page.getByTestId('fact-baseline_year').fill('2019');
  await page.getByTestId('fact-baseline_year').blur();
  await app.switchLanguage('es');
  await expect(how.getByTestId('formula')).toBeVisible();
  // And closed once closed.
  await how.locator('summary').click();
  await app.switchLanguage('en');
  await expect(how.getByTestId('formula')).toBeHidden();
});

test('a target changes a status, and survives a reload', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  expect((await app.indicatorState('long.cluster.sales.growth')).status).toBe('met');
  await app.setTarget('long.cluster.sales.growth', '1000');
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'not_met');
  await page.reload();
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'not_met');
  await app.setTarget('long.cluster.sales.growth', '');
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'met');
});

test('project facts and checklist are saved at once and survive a reload', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const cost = page.getByTestId('fact-cost_total');
  await cost.fill('1.800.000');
  await cost.blur();
  await app.switchLanguage('en');
  await cost.fill('1,800,000');
  await cost.blur();
  await expect(app.indicator('long.return_per_dollar')).toHaveAttribute('data-value', '3.5');
  await page.getByTestId('fact-baseline_year').fill('twenty');
  await page.getByTestId('fact-baseline_year').blur();
  await expect(page.getByTestId('fact-baseline_year')).toHaveAttribute('aria-invalid', 'true');
  // A typing slip is not a year (it overflowed the engine's year arithmetic).
  await page.getByTestId('fact-end_year').fill('99999999999');
  await page.getByTestId('fact-end_year').blur();
  await expect(page.getByTestId('fact-end_year')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#fact-end_year-error')).toContainText('1900');
  // A negative cost is refused where it is typed; the last good value stays.
  await cost.fill('-5');
  await cost.blur();
  await expect(cost).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#fact-cost_total-error')).toContainText('negative');
  await expect(app.indicator('long.return_per_dollar')).toHaveAttribute('data-value', '3.5');
  await page.getByTestId('check-social_protection').selectOption('yes');
  await page.reload();
  await expect(app.indicator('long.return_per_dollar')).toHaveAttribute('data-value', '3.5');
  await expect(page.getByTestId('check-social_protection')).toHaveValue('yes');
});

test('results export as CSV for a Spanish Excel', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.switchLanguage('es');
  const csv = await app.download('export-csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).trim().split('\r\n');
  expect(lines[0].split(';').length).toBe(11);
  const row = lines.find((l) => l.includes('"long.return_per_dollar"'));
  expect(row.split(';')[4]).toBe('7');
  const growth = lines.find((l) => l.includes('"long.cluster.sales.growth"'));
  expect(growth.split(';')[4]).toMatch(/^\d+,\d+$/);
});

test('the language is switched, remembered, and used for every text', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.switchLanguage('pt');
  await expect(page.locator('h1')).toHaveText('Calculadora de avaliação de clusters');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Calculadora de avaliação de clusters');
  await expect(app.indicator('long.cluster.sales.growth').locator('.status')).toHaveText('Favorável');
  await app.switchLanguage('es');
  await expect(app.indicator('long.cluster.sales.growth').locator('.status')).toHaveText('Favorable');
});

test('projects can be duplicated, deleted and brought back', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await page.getByTestId('duplicate-project').click();
  await expect(app.projectItems).toHaveCount(2);
  await expect(app.projectName).toHaveValue(/^Copy of Example/);
  await app.deleteCurrentProject();
  await expect(app.projectItems).toHaveCount(1);
  await page.getByTestId('undo-delete').click();
  await expect(app.projectItems).toHaveCount(2);
  await expect(app.projectName).toHaveValue(/^Copy of Example/);
  await page.getByTestId('restore-example').click();
  await expect(app.projectItems).toHaveCount(3);
});

test('calculation settings and cluster-type tags reach the results', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await expect(page.getByTestId('poverty-impact')).toContainText('Rural cluster');
  await page.getByTestId('tag-urban_informal').check();
  await expect(page.getByTestId('poverty-impact')).toContainText('Urban informal economy');
  const before = await app.indicatorState('long.cluster.sales.vs_control');
  await page.locator('details.settings').evaluate((d) => (d.open = true));
  const reps = page.getByTestId('setting-bootstrap_reps');
  await reps.fill('0');
  await reps.blur();
  const row = app.indicator('long.cluster.sales.vs_control');
  await expect(row.locator('td.value').nth(1)).toHaveText('—');
  expect((await app.indicatorState('long.cluster.sales.vs_control')).value).toBe(before.value);
});

test('a table pasted into the wrong box is named, in the reader language', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.switchLanguage('es');
  await app.paste('territory', 'empresa\tgrupo\taño\tventas\nA\tbeneficiaria\t2019\t10\n');
  await expect(page.getByTestId('looks-like-territory')).toContainText('Empresas');
  await app.paste('territory', 'año\tpib local\tpib nacional\n2019\t1\t2\n');
  await expect(page.getByTestId('looks-like-territory')).toHaveCount(0);
});

test('settings and targets say what is wrong with a typed value, and keep it', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await page.locator('details.settings').evaluate((d) => (d.open = true));
  const reps = page.getByTestId('setting-bootstrap_reps');
  await reps.fill('-5');
  await reps.blur();
  await expect(page.locator('#setting-bootstrap_reps-error')).toContainText('negative');
  await reps.fill('4000000000');
  await reps.blur();
  await expect(page.locator('#setting-bootstrap_reps-error')).toContainText('100,000');
  // An edit elsewhere keeps what was typed here, and its message.
  await page.getByTestId('fact-cost_total').fill('1,000,000');
  await page.getByTestId('fact-cost_total').blur();
  await expect(reps).toHaveValue('4000000000');
  await expect(page.locator('#setting-bootstrap_reps-error')).toContainText('100,000');
  const target = page.getByTestId('target-long.return_per_dollar');
  await target.fill('abc');
  await target.blur();
  await expect(page.locator('#target-long\\.return_per_dollar-error')).toContainText('Not a number');
});
