// The app shell: example on first visit, paste survives reload, export → delete →
// import gives the same document back.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

test('first visit creates and opens the example project', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await expect(app.projectItems).toHaveCount(1);
  await expect(app.tableInput('firms')).toHaveValue(/^firm\tgroup\tyear/);
});

test('a pasted table is still there after a reload', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await expect(app.projectItems).toHaveCount(2);
  // (A textarea always reports its lines with LF; CRLF files are tested on import.)
  const table = 'empresa;grupo;año;ventas\n007;beneficiaria;2019;"1.234,5"\n007;beneficiaria;2023;"2.000,0"\n';
  await app.paste('firms', table);
  await page.reload();
  await expect(app.newProject).toBeVisible();
  await expect(app.projectItems).toHaveCount(2);
  await expect(app.tableInput('firms')).toHaveValue(table);
});

test('export, delete, import gives back the same tables byte for byte', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const pasted = 'firm\tgroup\tyear\tsales\n"A, Ltd."\tbeneficiary\t2019\t100\nA, Ltd.\tbeneficiary\t2023\t120\n\n';
  await app.paste('firms', pasted);
  const exported = await app.exportDocument();
  expect(exported.name).toMatch(/\.json$/);
  const doc = JSON.parse(exported.text);
  expect(doc.format).toBe('cluster-eval');
  expect(doc.tables.firms).toBe(pasted);
  expect(Array.isArray(doc.results.indicators)).toBe(true);

  await app.deleteCurrentProject();
  await expect(app.projectItems).toHaveCount(0);
  await app.importDocument(exported.name, exported.text);
  await expect(app.projectItems).toHaveCount(1);
  await expect(app.tableInput('firms')).toHaveValue(pasted);
  const again = JSON.parse((await app.exportDocument()).text);
  expect(again.tables).toEqual(doc.tables);
});

test('an imported file keeps its tables byte for byte, CRLF and all', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const tables = {
    firms: '\ufeffempresa;grupo;año;ventas\r\n007;beneficiaria;2019;"1.234,5"\r\n007;beneficiaria;2023;"2.000,0"\r\n',
    territory: 'year\tlocal_gdp\tnational_gdp\n2019\t1\t2\n',
    activities: '',
    actors: '',
    subsidies: 'year;amount\r\n2019;100\r\n\r\n',
  };
  const doc = { format: 'cluster-eval', version: 1, project: { name: 'Chontales CRLF' }, tables, unknown_extra: { kept: true } };
  await app.importDocument('crlf.json', JSON.stringify(doc));
  await expect(app.projectItems).toHaveCount(2);
  await expect(app.projectName).toHaveValue('Chontales CRLF');
  await page.reload();
  await expect(app.projectName).toHaveValue('Chontales CRLF');
  const exported = JSON.parse((await app.exportDocument()).text);
  expect(exported.tables).toEqual(tables);
  expect(exported.unknown_extra).toEqual({ kept: true });
});

test('a broken or newer file is refused and nothing changes', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const before = await app.tableInput('firms').inputValue();
  await app.importDocument('broken.json', '{ "format": "cluster-eval", ');
  await expect(page.getByTestId('notice-import-refused')).toContainText('broken.json');
  await app.importDocument('future.json', JSON.stringify({ format: 'cluster-eval', version: 99, project: {}, tables: {} }));
  await expect(page.getByTestId('notice-import-refused')).toContainText('future.json');
  await expect(app.projectItems).toHaveCount(1);
  await expect(app.tableInput('firms')).toHaveValue(before);
  // A good file, then a broken one: only the last outcome is shown.
  await app.importDocument('good.json', JSON.stringify({ format: 'cluster-eval', version: 1, project: { name: 'Good' }, tables: {} }));
  await expect(page.getByTestId('notice-imported')).toContainText('Good');
  await expect(page.getByTestId('notice-import-refused')).toHaveCount(0);
  await app.importDocument('broken.json', '[]');
  await expect(page.getByTestId('notice-import-refused')).toContainText('broken.json');
  await expect(page.getByTestId('notice-imported')).toHaveCount(0);
  // A field of the wrong type: where, and what it should be.
  await app.importDocument('quoted.json', JSON.stringify({ format: 'cluster-eval', version: 1, project: { start_year: '2003' }, tables: {} }));
  await expect(page.getByTestId('notice-import-refused')).toContainText('project.start_year');
  await expect(page.getByTestId('notice-import-refused')).toContainText('whole number');
});

test('typing after the last project was deleted makes a new project of it', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.deleteCurrentProject();
  await expect(app.projectItems).toHaveCount(0);
  const table = 'year\tamount\n2019\t100\n';
  await app.paste('subsidies', table);
  await expect(app.projectItems).toHaveCount(1);
  await page.reload();
  await expect(app.projectItems).toHaveCount(1);
  await expect(app.tableInput('subsidies')).toHaveValue(table);
});

test('a document saved in Windows-1252 keeps its accents and says how it was read', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const doc = {
    format: 'cluster-eval',
    version: 1,
    project: { name: 'Cañada Año café' },
    tables: { firms: 'empresa\tgrupo\taño\tventas\nCañada\tbeneficiaria\t2019\t100\n' },
  };
  // Latin-1 bytes are Windows-1252 for every character used here.
  await app.importJson.setInputFiles({
    name: 'cañada.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc), 'latin1'),
  });
  await expect(app.projectName).toHaveValue('Cañada Año café');
  await expect(page.getByTestId('notice-imported')).toContainText('Windows-1252');
  await expect(app.tableInput('firms')).toHaveValue(doc.tables.firms);
});
