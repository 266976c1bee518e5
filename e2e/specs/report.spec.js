// The results read like a report (issue 18): the summary first (status counts per
// horizon, key findings linking to their indicators), the data boxes folded away for a
// project with data, and the printed evaluation report (page.pdf(), print media): title
// block, summary, every indicator id, the method, and no button or input.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';
import { pdfText } from '../pages/pdf-text.js';

const flat = (text) => text.normalize('NFKC').replace(/\s+/g, '');

async function openExample(page) {
  const app = new Calculator(page);
  await app.open();
  await expect(app.indicator('long.beneficiaries.sales.vs_control')).toBeVisible();
  return app;
}

test('the results start with the summary: counts per horizon and findings linking to their indicators', async ({ page }) => {
  await openExample(page);
  const results = page.getByTestId('results');
  const first = await results.evaluate(
    (el) => [...el.children].find((c) => !c.matches('h2') && !c.hidden)?.dataset.testid,
  );
  expect(first).toBe('summary');
  const summary = page.getByTestId('summary');

  // The counts are those of the indicator rows, horizon by horizon (by the ids' first part).
  const rows = summary.locator('[data-testid^="summary-"]');
  const horizons = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.testid.slice('summary-'.length)));
  expect(horizons).toEqual(expect.arrayContaining(['long', 'medium', 'short', 'pro_poor']));
  const order = ['design', 'long', 'medium', 'short', 'pro_poor', 'screening'];
  const known = horizons.filter((h) => order.includes(h));
  expect(known).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  // The counts are those of the rows' verdicts (data-verdict), horizon by horizon.
  const byVerdict = await page.locator('tr[data-testid^="indicator-"]').evaluateAll((trs) => {
    const out = {};
    for (const tr of trs) {
      const horizon = tr.dataset.testid.slice('indicator-'.length).split('.')[0];
      const v = tr.dataset.verdict;
      const column = ['favourable', 'passed', 'target_met'].includes(v) ? 'positive'
        : ['unfavourable', 'failed', 'target_not_met'].includes(v) ? 'negative'
        : v === 'not_conclusive' ? 'not-conclusive'
        : tr.dataset.status === 'insufficient_data' ? 'insufficient' : 'no-verdict';
      out[horizon] ??= {};
      out[horizon][column] = (out[horizon][column] ?? 0) + 1;
    }
    return out;
  });
  for (const h of horizons) {
    const row = summary.getByTestId(`summary-${h}`);
    for (const column of ['positive', 'negative', 'not-conclusive', 'insufficient', 'no-verdict']) {
      await expect(row).toHaveAttribute(`data-${column}`, String(byVerdict[h]?.[column] ?? 0));
    }
  }
  // The example's informal workers fall behind the control firms.
  expect(Number(await summary.getByTestId('summary-pro_poor').getAttribute('data-negative'))).toBeGreaterThan(0);
  // No "Met" anywhere in the summary: comparisons are favourable or not.
  await expect(summary).not.toContainText(/\bMet\b/);

  // Five to twelve findings, each naming an indicator on the page and jumping to it.
  const findings = summary.getByTestId('finding');
  const count = await findings.count();
  expect(count).toBeGreaterThanOrEqual(5);
  expect(count).toBeLessThanOrEqual(12);
  // Design checks (when the results have them) come first, then the whole cluster,
  // then the beneficiaries.
  const design = (await findings.first().getAttribute('data-indicator')).startsWith('design.');
  expect(design).toBe(horizons.includes('design'));
  const ids = await findings.evaluateAll((lis) => lis.map((li) => li.dataset.indicator));
  expect(ids.indexOf('long.cluster.sales.vs_control')).toBeLessThan(ids.indexOf('long.beneficiaries.sales.vs_control'));
  const sales = summary.locator('[data-testid="finding"][data-indicator="long.beneficiaries.sales.vs_control"]');
  await expect(sales).toHaveText(
    /^Beneficiary firms' sales grew \d+\.\d\u00a0% from 2018 to 2023, \d+\.\d percentage points more than the control firms \(95% confidence interval \d+\.\d to \d+\.\d\)\. Favourable; evidence weak \(fewer than 10 firms on a side\)\.$/,
  );
  await expect(sales).toContainText('69.8\u00a0%');
  for (const id of ids) {
    await expect(page.getByTestId(`indicator-${id}`)).toHaveCount(1);
  }
  // A finding far down the page (who falls behind) jumps to its indicator's row.
  const losers = summary.getByTestId('finding').filter({ hasText: 'Falling behind the control firms' });
  const loserId = await losers.getAttribute('data-indicator');
  expect(loserId).toMatch(/^pro_poor\./);
  await losers.locator('a').click();
  await expect(page).toHaveURL(new RegExp(`#indicator-${loserId.replace(/\./g, '\\.')}$`));
  await expect(page.getByTestId(`indicator-${loserId}`)).toBeInViewport();

  // In Spanish, with the decimal comma.
  const app = new Calculator(page);
  await app.switchLanguage('es');
  await expect(sales).toContainText('Las ventas de las empresas beneficiarias crecieron 69,8');
  await expect(sales).toContainText('puntos porcentuales');
  await expect(sales).toContainText('intervalo de confianza');
});

test('the data boxes fold away for a project with data, open for a new one, and still take a paste', async ({ page }) => {
  const app = await openExample(page);
  const fold = page.getByTestId('data-fold');
  await expect(fold).toHaveJSProperty('open', false);
  await expect(app.tableInput('firms')).toBeHidden();
  // The table of contents' "Data" unfolds them.
  await page.locator('nav.sections a[href="#data"]').click();
  await expect(fold).toHaveJSProperty('open', true);
  await expect(app.tableInput('firms')).toBeVisible();
  await page.getByTestId('new-project').click();
  await expect(fold).toHaveJSProperty('open', true);
  await app.paste('firms', 'firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t125\n');
  await expect(app.indicator('long.beneficiaries.sales.growth')).toHaveAttribute('data-status', 'met');
  // The first paste does not fold the boxes under the reader's hands.
  await expect(fold).toHaveJSProperty('open', true);
  // Without cluster or control firms, the beneficiaries' growth alone.
  await expect(page.getByTestId('summary').getByTestId('finding').first()).toHaveAttribute(
    'data-indicator',
    'long.beneficiaries.sales.growth',
  );
});

/** Prints the page as the reader would (print media, A4) and returns the PDF, its
 *  page count and its text without whitespace. */
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
  return { pdf, pages, text: flat(pdfText(pdf)) };
}

test('the printed report has the title block, the summary, the design once, the charts, the limitations, the method and the annex of ids, and no button or input', async ({ page }) => {
  await openExample(page);
  const ids = await page
    .locator('tr[data-testid^="indicator-"]')
    .evaluateAll((trs) => trs.map((tr) => tr.dataset.testid.slice('indicator-'.length)));
  expect(ids.length).toBeGreaterThan(40);
  const findings = await page.getByTestId('finding').allInnerTexts();
  // The texts of the buttons outside the results (those inside, such as the charts'
  // measure tabs, are words the report uses too: they are checked hidden below).
  const buttons = await page
    .locator('button')
    .evaluateAll((bs) => bs.filter((b) => !b.closest('.results')).map((b) => b.innerText));

  await page.emulateMedia({ media: 'print' });
  // Nothing to press or type in the printed page, no empty section, no internal id
  // outside the annex, the design checks once, and every chart's title kept with it.
  const shown = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const controls = [...document.querySelectorAll('button, input, textarea, select')].filter(visible);
    const empty = [...document.querySelectorAll('main section')]
      .filter(visible)
      .filter((s) => {
        const heading = s.querySelector('h2, h3, h4');
        return s.innerText.trim().length <= (heading ? heading.innerText.trim().length : 0);
      });
    const codes = [...document.querySelectorAll('code')].filter(visible).filter((c) => !c.closest('.report-annex'));
    const titles = [...document.querySelectorAll('.chart-title')].filter(visible);
    return {
      controls: controls.map((c) => c.outerHTML.slice(0, 80)),
      empty: empty.map((s) => s.outerHTML.slice(0, 80)),
      codes: codes.map((c) => c.textContent),
      designTables: [...document.querySelectorAll('#horizon-design, [data-testid="design-checks"]')].filter(visible).length,
      loose: titles.filter((t) => getComputedStyle(t.parentElement).breakInside !== 'avoid').map((t) => t.textContent),
      titles: titles.length,
      event: [...document.querySelectorAll('[data-testid="printed-event-study"]')].filter(visible).map((f) => ({
        title: f.querySelector('.chart-title').innerText,
        svg: !!f.querySelector('svg'),
      })),
    };
  });
  expect(shown.controls).toEqual([]);
  expect(shown.empty).toEqual([]);
  expect(shown.codes).toEqual([]);
  expect(shown.designTables, 'the design checks once').toBe(1);
  expect(shown.titles).toBeGreaterThanOrEqual(3);
  expect(shown.loose, 'a chart title never parts from its chart').toEqual([]);
  expect(shown.event).toHaveLength(1);
  expect(shown.event[0].svg).toBe(true);

  const { pages, text } = await printed(page);
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThanOrEqual(12);
  // The title block, with the reviewer's facts.
  for (const part of [
    'Evaluation report',
    'Example: Valle Verde dairy cluster',
    'Project period',
    '2018–2020',
    'Baseline and follow-up years',
    '2018 → 2023',
    'Control cluster and how it was chosen',
    'San Isidro dairy cluster, 80 km away',
    'Prices',
    'nominal (current prices of each year)',
    'Source of the data',
    "Yearly survey of the cluster's firms by the executing agency",
    'Date',
    'Data sources',
  ]) {
    expect(text, part).toContain(flat(part));
  }
  expect(text).toMatch(/Firms:\d+rowsread,\d+excluded/);
  // The summary, the tables, the charts' titles, the event study, the winners and
  // losers, the limitations, the method and the annex.
  for (const part of [
    'Summary',
    'Key findings',
    ...findings,
    'Design checks',
    'Balance at baseline',
    'Winners and losers',
    shown.event[0].title,
    'Limitations',
    'One treated cluster is compared with one control cluster',
    "two firms hold 65% of the beneficiaries' baseline sales: the growth is mostly theirs",
    'as entered',
    'Method',
    "this calculator's rules, not Annex II's",
    'Annex II sets no threshold except that local GDP grows more than national GDP',
    'Annex: every indicator',
  ]) {
    expect(text, part).toContain(flat(part));
  }
  expect(text).toContain(flat('index, baseline = 100'));
  // The annex holds every id shown on the page, each once (the body prints none).
  for (const id of ids) {
    await expect(page.getByTestId(`annex-${id}`), id).toHaveCount(1);
    expect(text, id).toContain(id);
  }
  // No button's or input's text; no pasted table; no target column.
  for (const label of [...buttons.filter((b) => b.trim().length > 8), 'Export (.json)', 'Import a .json file', 'Print report', 'Project name']) {
    expect(text, label).not.toContain(flat(label));
  }
  expect(text).not.toContain('VV-B01');
  expect(text).not.toContain(flat('Target for'));
});

test('the printed example is at most twelve A4 pages in every language, and speaks the reader language', async ({ page }) => {
  const app = await openExample(page);
  const counts = {};
  const words = {
    en: ['Evaluation report', 'Limitations', 'Annex: every indicator', '95% confidence interval'],
    es: ['Informe de evaluación', 'Resumen', 'Fuentes de datos', 'Limitaciones', 'Método', 'bootstrap estratificado', 'Anexo: todos los indicadores', 'intervalo de confianza', 'línea de base'],
    pt: ['Relatório de avaliação', 'Resumo', 'Principais constatações', 'Fontes de dados', 'Limitações', 'Método', 'bootstrap estratificado', 'Anexo: todos os indicadores', 'intervalo de confiança', 'linha de base'],
  };
  for (const lang of ['en', 'es', 'pt']) {
    if (lang !== 'en') {
      await page.emulateMedia({ media: 'screen' });
      await app.switchLanguage(lang);
    }
    const { pages, text } = await printed(page);
    counts[lang] = pages;
    for (const part of words[lang]) expect(text, `${lang}: ${part}`).toContain(flat(part));
    await expect(page.getByTestId('printed-event-study')).toHaveCount(1);
  }
  console.log(`printed pages: ${JSON.stringify(counts)}`);
  for (const lang of ['en', 'es', 'pt']) expect(counts[lang], `${lang}: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(12);
});
