// Workbooks in and out (issue 16): a workbook written by LibreOffice is opened through
// the sheet-to-table step and gives the indicators of the same data pasted as text;
// the template downloaded reopens without errors; the results workbook holds every
// indicator with the value the page shows; bad files are refused by name and change
// nothing. Fixtures: e2e/fixtures/workbooks (README there).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Calculator } from '../pages/calculator.js';
import { readXlsx, rows } from '../pages/xlsx.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, '..', 'fixtures', 'workbooks', name);
const TABLES = ['firms', 'territory', 'activities', 'actors', 'subsidies'];

/** Every indicator on the page: id → raw value (data-value) and status. */
async function indicators(page) {
  await expect(page.locator('[data-testid^="indicator-long."]').first()).toBeVisible();
  return page.$$eval('tr[data-testid^="indicator-"]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.testid.slice('indicator-'.length), [r.dataset.value, r.dataset.status]])),
  );
}

/** Opens a workbook file through the button and waits for the sheet-to-table step. */
async function openWorkbook(page, file) {
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
}

/** The same data pasted as text in a new project, and its indicators. */
async function pastedIndicators(calc, tablesJson) {
  const tables = JSON.parse(fs.readFileSync(tablesJson, 'utf8'));
  await calc.newProject.click();
  for (const table of TABLES) await calc.paste(table, tables[table]);
  await expect(calc.indicator('long.cluster.sales.growth')).not.toHaveAttribute('data-value', '');
  return indicators(calc.page);
}

for (const [lang, file, sheets] of [
  ['es', 'ejemplo-es.xlsx', ['Empresas', 'Territorio', 'Actividades', 'Actores', 'Subsidios']],
  ['pt', 'exemplo-pt.ods', ['Empresas', 'Território', 'Atividades', 'Atores', 'Subsídios']],
]) {
  test(`a ${file} written by LibreOffice gives the indicators of the same data pasted (${lang})`, async ({ page }) => {
    const calc = new Calculator(page);
    await calc.open();
    await calc.switchLanguage(lang);
    const pasted = await pastedIndicators(calc, fixture(file.replace(/\.\w+$/, '.tables.json')));

    await calc.newProject.click();
    await openWorkbook(page, fixture(file));
    const dialog = page.getByTestId('workbook-dialog');
    // Each named sheet is proposed for its table; the notes sheet is ignored.
    for (const [i, name] of sheets.entries()) {
      await expect(page.getByTestId(`workbook-sheet-${i}`)).toContainText(name);
      await expect(page.getByTestId(`workbook-table-${i}`)).toHaveValue(TABLES[i]);
    }
    await expect(page.getByTestId('workbook-table-5')).toHaveValue('');
    await expect(dialog).toContainText('Notas');
    await page.getByTestId('workbook-confirm').click();
    await expect(dialog).toBeHidden();
    await calc.showData();
    await expect(page.getByTestId('table-source-firms')).toContainText(file);
    await expect(page.getByTestId('table-source-firms')).toContainText('Empresas');
    for (const table of TABLES) await expect(calc.rowErrors(table)).toHaveCount(0);
    await expect(calc.indicator('long.cluster.sales.growth')).not.toHaveAttribute('data-value', '');
    const opened = await indicators(page);
    expect(Object.keys(opened).length).toBeGreaterThan(40);
    expect(opened).toEqual(pasted);
  });
}

test('nothing changes until the sheet-to-table step is confirmed, and a sheet can be moved or ignored', async ({ page }) => {
  const calc = new Calculator(page);
  await calc.open();
  await calc.showData();
  const before = await calc.tableInput('firms').inputValue();
  const results = await indicators(page);
  await openWorkbook(page, fixture('ejemplo-es.xlsx'));
  // The example's tables would be replaced: the step says so.
  await expect(page.getByTestId('workbook-replaces')).not.toBeEmpty();
  // Two sheets for one table: confirming is refused until one is changed.
  await page.getByTestId('workbook-table-1').selectOption('firms');
  await expect(page.getByTestId('workbook-confirm')).toBeDisabled();
  await page.getByTestId('workbook-table-1').selectOption('');
  await expect(page.getByTestId('workbook-confirm')).toBeEnabled();
  await page.getByTestId('workbook-cancel').click();
  await expect(page.getByTestId('workbook-dialog')).toBeHidden();
  expect(await calc.tableInput('firms').inputValue()).toBe(before);
  expect(await indicators(page)).toEqual(results);

  // Only the firms sheet, confirmed: the territory stays the example's.
  const territory = await calc.tableInput('territory').inputValue();
  await openWorkbook(page, fixture('ejemplo-es.xlsx'));
  for (const i of [1, 2, 3, 4]) await page.getByTestId(`workbook-table-${i}`).selectOption('');
  await page.getByTestId('workbook-confirm').click();
  await expect(calc.tableInput('firms')).toHaveValue(/^empresa\tgrupo\taño/);
  expect(await calc.tableInput('territory').inputValue()).toBe(territory);
  await expect(page.getByTestId('table-source-territory')).toHaveCount(0);
  // A paste into the box makes it ordinary text again.
  await calc.tableInput('firms').evaluate((box) => {
    const data = new DataTransfer();
    data.setData('text/plain', '');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('table-source-firms')).toHaveCount(0);
});

test('the step follows a change of language, and a new header typed in a table ends its source', async ({ page }) => {
  const calc = new Calculator(page);
  await calc.open();
  await openWorkbook(page, fixture('ejemplo-es.xlsx'));
  await expect(page.getByTestId('workbook-sheet-0')).toContainText('231 rows');
  // The step has the focus, for a keyboard reader.
  await expect(page.locator('[data-testid="workbook-dialog"] h3')).toBeFocused();
  await calc.switchLanguage('pt');
  await expect(page.getByTestId('workbook-sheet-0')).toContainText('231 linhas');
  await expect(page.getByTestId('workbook-confirm')).toHaveText('Usar estas planilhas');
  await page.getByTestId('workbook-confirm').click();
  await expect(page.getByTestId('open-file')).toBeFocused();
  await calc.showData();
  await expect(page.getByTestId('table-source-territory')).toContainText('Territorio');
  // Typing within the sheet's rows keeps the source; a new header line does not.
  const text = await calc.tableInput('territory').inputValue();
  await calc.tableInput('territory').fill(text.replace(/\n[^\n]*$/, ''));
  await expect(page.getByTestId('table-source-territory')).toHaveCount(1);
  await calc.tableInput('territory').fill('municipio\tpoblación\nA\t10');
  await expect(page.getByTestId('table-source-territory')).toHaveCount(0);
});

test('a workbook dropped on the page opens the same step', async ({ page }) => {
  const calc = new Calculator(page);
  await calc.open();
  const bytes = fs.readFileSync(fixture('sin-nombres.xls')).toString('base64');
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'sin-nombres.xls', { type: 'application/vnd.ms-excel' }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
  // A sheet named Hoja1 is matched by its header row.
  await expect(page.getByTestId('workbook-table-0')).toHaveValue('firms');
  await expect(page.getByTestId('workbook-sheet-0')).toContainText('Hoja1');
});

for (const [file, lang, words] of [
  ['corrupto.xlsx', 'es', /corrupto\.xlsx.*(dañado|incompleto)/],
  ['texto.xlsx', 'es', /texto\.xlsx.*texto/],
  ['con-clave.xlsx', 'pt', /con-clave\.xlsx.*senha/],
  ['sin-tablas.xlsx', 'en', null],
]) {
  test(`${file} is answered by name in the reader's language, and nothing changes`, async ({ page }) => {
    const calc = new Calculator(page);
    await calc.open();
    if (lang !== 'en') await calc.switchLanguage(lang);
    await calc.showData();
    const before = await calc.tableInput('firms').inputValue();
    await page.getByTestId('open-file').setInputFiles(fixture(file));
    if (words) {
      await expect(page.getByTestId('workbook-error')).toHaveText(words, { timeout: 30_000 });
      await expect(page.getByTestId('workbook-dialog')).toBeHidden();
    } else {
      // No sheet looks like a table: the step says so, proposes nothing, and
      // confirming is impossible until the reader chooses a table.
      await expect(page.getByTestId('workbook-no-table')).toContainText('sin-tablas.xlsx', { timeout: 30_000 });
      await expect(page.getByTestId('workbook-confirm')).toBeDisabled();
      await page.getByTestId('workbook-cancel').click();
    }
    expect(await calc.tableInput('firms').inputValue()).toBe(before);
  });
}

test('a 50 MB file is refused by name before it is read', async ({ page }) => {
  const calc = new Calculator(page);
  await calc.open();
  const big = path.join(test.info().outputDir, 'censo-completo.xlsx');
  fs.mkdirSync(path.dirname(big), { recursive: true });
  fs.writeFileSync(big, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(50 * 1024 * 1024)]));
  // Refused from the file's size, before the module's worker is asked to read it.
  let asked = false;
  page.on('request', (r) => (asked ||= r.url().includes('workbook-loader')));
  await page.getByTestId('open-file').setInputFiles(big);
  await expect(page.getByTestId('workbook-error')).toContainText('censo-completo.xlsx', { timeout: 30_000 });
  await expect(page.getByTestId('workbook-error')).toContainText('50.0 MB');
  expect(asked).toBe(false);
  fs.rmSync(big);
});

test('the downloaded template reopens with its example rows read without errors (es)', async ({ page }) => {
  const calc = new Calculator(page);
  await calc.open();
  await calc.switchLanguage('es');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-menu-button').click().then(() => page.getByTestId('download-template').click())]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const book = readXlsx(fs.readFileSync(file));
  expect(Object.keys(book)).toEqual(expect.arrayContaining(['Empresas', 'Territorio', 'Actividades', 'Actores', 'Subsidios', 'Propuestas']));

  await calc.newProject.click();
  await page.getByTestId('open-file').setInputFiles({ name: 'plantilla.xlsx', mimeType: 'application/octet-stream', buffer: fs.readFileSync(file) });
  await expect(page.getByTestId('workbook-dialog')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('workbook-confirm').click();
  await calc.showData();
  for (const table of [...TABLES, 'proposals']) {
    await expect(calc.tableInput(table)).not.toHaveValue('');
    await expect(calc.rowErrors(table)).toHaveCount(0);
  }
});

test('the results workbook holds every indicator with the value the page shows', async ({ page }) => {
  const calc = new Calculator(page);
  await calc.open();
  const shown = await indicators(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-menu-button').click().then(() => page.getByTestId('export-xlsx').click())]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = readXlsx(fs.readFileSync(await download.path()));
  const table = rows(book.Indicators);
  const byId = Object.fromEntries(table.filter((r) => r && typeof r[0] === 'string').map((r) => [r[0], r[3]]));
  const ids = Object.keys(shown);
  expect(ids.length).toBeGreaterThan(40);
  for (const id of ids) {
    expect(byId, id).toHaveProperty([id]);
    const [value] = shown[id];
    if (value === '' || value === undefined) continue;
    expect(Math.abs(byId[id] - Number(value)), id).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(Number(value))));
  }
  for (const sheet of ['Design checks', 'Winners and losers', 'Row errors']) expect(Object.keys(book)).toContain(sheet);
});
