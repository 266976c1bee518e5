// Proposal screening (Section V): a Spanish proposals table pasted into the sixth box
// gives the screening table, one row per proposal with its verdict, eligible
// innovative proposals first, and the count on `indicator-screening.eligible`.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const SPANISH = [
  'Propuesta;Entidad;Tipo de entidad;Innovadora;Ambiental;Año;Monto',
  'Queso con denominación;Cooperativa La Esperanza;Cooperativa;no;sí;2024;150.000,50',
  'Queso con denominación;Universidad Nacional Agraria;Universidad;;;;',
  'Queso con denominación;Alcaldía de Camoapa;Municipio;;;;',
  'Biodigestores;Lácteos del Norte SA;Empresa;sí;sí;2024;80.000',
  'Biodigestores;lácteos del norte sa;Empresa;;;;',
  'Biodigestores;Centro Tecnológico Lácteo;Centro tecnológico;;;;',
  'Biodigestores;Fundación Agua Viva;ONG ambiental;;;;',
  'Camiones;Lácteos del Norte SA;Empresa;no;sí;2025;60.000',
  'Camiones;Cámara de Comercio;Cámara;;;;',
  'Camiones;Banco de Fomento;Banca;;;;',
  'Marca regional;Cooperativa La Esperanza;Cooperativa;sí;;2025;20.000',
  'Marca regional;INATEC;Capacitación;;;;',
  'Marca regional;Alcaldía de Camoapa;Municipio;;;;',
  'Pasto mejorado;Lácteos del Norte SA;Empresa;no;no;2025;10.000',
  'Pasto mejorado;Universidad Nacional Agraria;Universidad;;;;',
  'Pasto mejorado;Cámara de Comercio;Cámara;;;;',
].join('\n') + '\n';

test('a Spanish proposals table shows the screening table and the count', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.switchLanguage('es');
  await app.newProject.click();
  await app.paste('proposals', SPANISH);
  await expect(app.rowErrors('proposals')).toHaveCount(0);

  const rows = app.proposalRows();
  await expect(app.screening()).toBeVisible();
  await expect(rows).toHaveCount(5);
  // Eligible innovative first, then eligible, then the rest in table order.
  const order = await rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.proposal, tr.dataset.eligible]),
  );
  expect(order).toEqual([
    ['Biodigestores', 'true'],
    ['Queso con denominación', 'true'],
    ['Camiones', 'false'],
    ['Marca regional', 'false'],
    ['Pasto mejorado', 'false'],
  ]);
  // The entity listed twice counts once: three distinct entities.
  const biogas = rows.filter({ has: page.locator('th', { hasText: 'Biodigestores' }) });
  await expect(biogas.locator('[data-criterion="entities"]')).toContainText('3');
  await expect(biogas).toContainText('otro: ONG ambiental');
  // The reasons in words.
  await expect(rows.nth(2)).toContainText('ninguna institución de conocimiento');
  await expect(rows.nth(3)).toContainText('no consta en ninguna fila');
  await expect(rows.nth(4)).toContainText('no es ambientalmente sostenible');

  const count = await app.indicatorState('screening.eligible');
  expect(count).toEqual({ value: 2, status: 'reported' });
  const share = await app.indicatorState('screening.eligible_share');
  expect(share.value).toBeCloseTo(0.4, 12);

  // Only the ineligible ones.
  await page.getByTestId('screening-only-ineligible').check();
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-testid="proposal-row"][data-eligible="true"]')).toHaveCount(0);

  // The CSV: `;` and the Spanish words, every proposal.
  const csv = await app.download('screening-csv');
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines).toHaveLength(6);
  expect(lines[1]).toMatch(/^"Biodigestores";5;3;1;1;"sí";"sí";"elegible"/);
});

test('a contradicting flag is a row error with its line', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('proposals', 'propuesta\tentidad\ttipo\tambiental\nP\tA\tempresa\tsí\nP\tB\tuniversidad\tno\n');
  await expect(app.rowErrors('proposals')).toHaveCount(1);
  await expect(app.rowErrors('proposals').first()).toHaveAttribute('data-line', '3');
  await expect(app.proposalRows()).toHaveCount(1);
});

test('without proposals the count is insufficient and no table is drawn', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  const count = await app.indicatorState('screening.eligible');
  expect(count.status).toBe('insufficient_data');
  await expect(app.screening()).toBeHidden();
  await expect(app.proposalRows()).toHaveCount(0);
});
