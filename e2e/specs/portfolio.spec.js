// The portfolio page (issue 15): a page of its own (portfolio/), several documents
// opened at once, each computed as when opened alone; the table's cells, the pooled
// estimate, and the CSV and JSON exports, which reopen to the same figures.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const ID = 'long.beneficiaries.sales.vs_control';

/** A firms table of 6 beneficiary and 6 control firms over 2018 → 2023. */
function firmsTable(seed, effect) {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const lines = ['firm\tgroup\tyear\tsales\temployment'];
  for (let i = 0; i < 12; i++) {
    const group = i < 6 ? 'beneficiary' : 'control';
    const base = 100 + Math.round(rnd() * 100);
    const growth = 1.1 + (group === 'beneficiary' ? effect : 0) + (rnd() - 0.5) * 0.2;
    lines.push(`F${i}\t${group}\t2018\t${base}\t${10 + i}`);
    lines.push(`F${i}\t${group}\t2023\t${Math.round(base * growth)}\t${11 + i}`);
  }
  return lines.join('\n') + '\n';
}

/** Five projects with a control group, so every vs_control has an interval. */
function documents() {
  const countries = ['Nicaragua', 'Nicaragua', 'Argentina', 'Brazil', 'Peru'];
  return [0, 1, 2, 3, 4].map((n) => ({
    name: `d${n}.json`,
    text: JSON.stringify({
      format: 'cluster-eval',
      version: 1,
      project: {
        name: `Project ${n + 1}`,
        currency: 'USD',
        country: countries[n],
        sector: n % 2 ? 'Dairy' : 'Textiles',
        executing_agency: n < 3 ? 'MIF' : 'UNIDO',
      },
      tables: { firms: firmsTable(7 + n * 13, [0.1, 0.2, 0.05, 0.3, 0.15][n]) },
    }),
  }));
}

// What `cluster-eval portfolio --json --id ID d0.json … d4.json` prints for these
// five documents (the engine is deterministic: a fixed bootstrap seed).
const POOLED = { value: 0.1764453267116539, low: 0.10176896449225095, high: 0.2511216889310568, i2: 0.870035220149413 };
const PROJECT_1 = 0.1642416225749559;

const asFiles = (docs) =>
  docs.map((d) => ({ name: d.name, mimeType: 'application/json', buffer: Buffer.from(d.text, 'utf8') }));

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const stream = await d.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: d.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function cells(page) {
  const out = {};
  for (const cell of await page.locator('[data-testid^="portfolio-cell-"]').all()) {
    out[await cell.getAttribute('data-testid')] = [
      await cell.getAttribute('data-value'),
      await cell.getAttribute('data-status'),
    ];
  }
  return out;
}

async function pooled(page) {
  const p = page.getByTestId(`pooled-${ID}`);
  await expect(p).toBeVisible();
  const read = async (a) => Number(await p.getAttribute(a));
  return { value: await read('data-value'), low: await read('data-low'), high: await read('data-high'), i2: await read('data-i2') };
}

const close = (a, b) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

test('the main page links to the portfolio, which is a page of its own', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const link = page.getByTestId('portfolio-link');
  await expect(link).toHaveAttribute('href', 'portfolio/');
  // None of the portfolio page is fetched by the main page.
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await link.click();
  await expect(page.getByTestId('portfolio')).toBeVisible();
  expect(page.url()).toMatch(/\/portfolio\/$/);
  expect(fetched.some((u) => /\/portfolio\/portfolio-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  // The saved example project is offered, and nothing saved is written.
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const saved = page.locator('[data-testid^="portfolio-saved-"]');
  await expect(saved).toHaveCount(1);
  await saved.check();
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(1);
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test('five documents: cells, the pooled estimate, and exports that reopen the same', async ({ page }) => {
  const docs = documents();
  // Each document as computed when opened alone, on the main page.
  const app = new Calculator(page);
  await app.open();
  await app.importDocument(docs[0].name, docs[0].text);
  await expect(app.indicator(ID)).toHaveAttribute('data-value', /\d/);
  const alone = await app.indicatorState(ID);
  close(alone.value, PROJECT_1);

  await page.goto('./portfolio/');
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(docs));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);
  const cell = page.getByTestId(`portfolio-cell-0-${ID}`);
  await expect(cell).toHaveAttribute('data-status', /^(met|inconclusive|not_met)$/);
  close(Number(await cell.getAttribute('data-value')), alone.value);
  await expect(cell).toHaveAttribute('data-status', alone.status);
  for (let i = 0; i < 5; i++) {
    await expect(page.getByTestId(`portfolio-cell-${i}-${ID}`)).toHaveAttribute('data-value', /^-?\d/);
  }
  const p = await pooled(page);
  for (const k of Object.keys(POOLED)) close(p[k], POOLED[k]);
  await expect(page.getByTestId('pooled-sentence')).toContainText('Pooled over 5 projects: the beneficiary firms’ sales grew 18 percentage points more than in the control firms'.replace('’', "'"));
  await expect(page.getByTestId('pooled-diamond')).toBeVisible();
  const before = await cells(page);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(5);

  // CSV: one line per project, the figures as on the page, the pooled row.
  const csv = await download(page, 'portfolio-export-csv');
  expect(csv.name).toBe('portfolio.csv');
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  const header = lines[0].split(',');
  const col = header.indexOf(`"${ID}"`);
  expect(col).toBeGreaterThan(0);
  for (let i = 0; i < 5; i++) {
    const fields = lines[i + 1].split(',');
    close(Number(fields[col]), Number(before[`portfolio-cell-${i}-${ID}`][0]));
  }
  const pooledLine = lines.find((l) => l.startsWith(`"pooled","${ID}"`)).split(',');
  close(Number(pooledLine[2]), POOLED.value);

  // JSON: reopens through the same file input as the same view.
  const json = await download(page, 'portfolio-export-json');
  expect(JSON.parse(json.text).format).toBe('cluster-eval-portfolio');
  await page.getByTestId('portfolio-clear').click();
  await expect(page.getByTestId('portfolio-empty')).toBeVisible();
  await page.getByTestId('open-portfolio').setInputFiles(asFiles([{ name: json.name, text: json.text }]));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);
  await expect(page.getByTestId(`pooled-${ID}`)).toBeVisible();
  expect(await cells(page)).toEqual(before);
  const again = await pooled(page);
  for (const k of Object.keys(POOLED)) close(again[k], POOLED[k]);

  // Filters: the pooled estimate follows the projects shown.
  await page.getByTestId('filter-country').selectOption('Nicaragua');
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(2);
  await expect(page.getByTestId(`pooled-${ID}`)).toHaveAttribute('data-k', '2');
  await page.getByTestId('filter-country').selectOption('');
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);

  // Sorting by the indicator: the largest value first on the second click.
  const header2 = page.locator('thead th', { hasText: 'sales' }).first().locator('button');
  await header2.click();
  await header2.click();
  const first = page.locator('tbody tr').first();
  await expect(first).toHaveAttribute('data-testid', 'portfolio-row-3');
});

test('bad files are named with their reason; copies are counted once', async ({ page }) => {
  const docs = documents();
  await page.goto('./portfolio/');
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await page.getByTestId('open-portfolio').setInputFiles(
    asFiles([
      docs[0],
      { name: 'other.json', text: '{"format":"something-else","version":1}' },
      { name: 'newer.json', text: '{"format":"cluster-eval-portfolio","version":9,"documents":[]}' },
      { name: 'copy.json', text: docs[0].text.replace('Project 1', 'Project 1 again') },
    ]),
  );
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(2);
  const problems = page.getByTestId('portfolio-problems');
  await expect(problems).toContainText('“other.json” was not opened');
  await expect(problems).toContainText('“newer.json” was not opened');
  await expect(problems).toContainText('version 9');
  // Issue 24: the copies have the same project name; the notice names their files.
  await expect(page.getByTestId('portfolio-copy')).toContainText('“copy.json” is a copy of “d0.json”');
  await expect(page.getByTestId('not-pooled-1')).toContainText('a copy of another project');
});

test('pooling an amount of money across currencies is refused with a message', async ({ page }) => {
  const docs = documents().slice(0, 2).map((d, n) => {
    const doc = JSON.parse(d.text);
    doc.project.currency = n ? 'NIO' : 'USD';
    doc.project.cost_total = 100000;
    doc.project.social_benefits = n ? 300000 : 700000;
    return { name: d.name, text: JSON.stringify(doc) };
  });
  await page.goto('./portfolio/');
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(docs));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(2);
  // Issue 24: the median of a return per unit of money over NIO and USD projects is
  // not labelled with one currency.
  const median = page.getByTestId('portfolio-median-long.return_per_dollar');
  await expect(median).toHaveText(/^—\s*\(projects in several currencies: NIO, USD\)$/);
  await expect(page.getByTestId('portfolio-median-hint-long.return_per_dollar')).toHaveText(
    '(projects in several currencies: NIO, USD)',
  );
  await expect(median).toHaveAttribute('data-value', '');
  // The ratios are pooled whatever the currencies.
  await expect(page.getByTestId(`pooled-${ID}`)).toHaveAttribute('data-k', '2');
  await page.getByTestId('pool-id').selectOption('long.cost_per_beneficiary_firm');
  await expect(page.getByTestId('pool-refused')).toContainText('different currencies (NIO, USD)');
});

test('the page speaks the stored language', async ({ page }) => {
  await page.goto('./portfolio/');
  await page.evaluate(() => localStorage.setItem('cluster-eval/v1/lang', 'es'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cartera: varios proyectos lado a lado');
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(documents()));
  await expect(page.getByTestId('pooled-sentence')).toContainText('Combinando 5 proyectos: las ventas de las empresas beneficiarias crecieron 18 puntos porcentuales más que en las empresas de control (intervalo de confianza del 95 % por Hartung–Knapp: 9 a 26): favorable.');
});

// v3 (issues 23, 25). What `cluster-eval portfolio --json --id ID` prints for the same
// files: d0…d4 (five projects) and d0…d2 (three, "few projects").
const CLI_FIVE = {
  'data-hk-low': 0.08849873855274897, 'data-hk-high': 0.2643919148705588,
  'data-pi-low': -0.10234697317890748, 'data-pi-high': 0.45523762660221523,
};
const CLI_THREE = {
  'data-value': 0.14168966186229284,
  'data-hk-low': 0.012143928273327359, 'data-hk-high': 0.2712353954512583,
  'data-pi-low': -0.5902261612380479, 'data-pi-high': 0.8736054849626336,
};
// `cluster-eval portfolio --json --id ID --by sector_type` over the five documents
// with these sector types.
const SECTOR_TYPES = ['traditional', 'modern', 'traditional', 'modern', 'traditional'];
const CLI_BY = {
  levels: {
    modern: { k: 2, pooled: 0.23418688553517195, low: 0.13954432029098557, high: 0.3288294507793583 },
    traditional: { k: 3, pooled: 0.13139675974056492, low: 0.07575037832266389, high: 0.18704314115846593 },
  },
  q: 3.3673890965763578, df: 1, p: 0.06649906474807067,
  totals: { projects: 5, clusters: 5, countries: 4, beneficiary_firms: 30 },
};

function typedDocuments() {
  return documents().map((d, n) => {
    const doc = JSON.parse(d.text);
    doc.project.sector_type = SECTOR_TYPES[n];
    return { name: d.name, text: JSON.stringify(doc) };
  });
}

async function attrsClose(locator, expected) {
  for (const [attr, value] of Object.entries(expected)) {
    close(Number(await locator.getAttribute(attr)), value);
  }
}

test('v3: the pooled sentence by Hartung–Knapp, "few projects", the prediction interval drawn', async ({ page }) => {
  await page.goto('./portfolio/');
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(documents().slice(0, 3)));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(3);
  const p = page.getByTestId(`pooled-${ID}`);
  await expect(p).toHaveAttribute('data-k', '3');
  await attrsClose(p, CLI_THREE);
  await expect(p).toHaveAttribute('data-few-projects', 'true');
  await expect(p).toHaveAttribute('data-verdict', 'favourable');
  const sentence = page.getByTestId('pooled-sentence');
  await expect(sentence).toContainText(
    "Pooled over 3 projects (few projects): the beneficiary firms' sales grew 14 percentage points more than in the control firms (95% confidence interval by Hartung–Knapp 1 to 27): favourable.",
  );
  await expect(sentence).toContainText('95% prediction interval');
  expect(await sentence.textContent()).not.toMatch(/\bmet\b/);
  await expect(page.getByTestId('prediction-line')).toHaveCount(1);
  // The table words verdicts: never "met" for a comparison.
  await expect(page.getByTestId(`portfolio-cell-0-${ID}`)).toHaveAttribute('data-verdict', /^(favourable|unfavourable|not_conclusive)$/);
  expect(await page.getByTestId(`portfolio-counts-${ID}`).textContent()).not.toMatch(/\bmet\b/);
  await expect(page.getByTestId('forest-legend')).toContainText('prediction interval');
  // Every name in the plot carries its full text in a <title>.
  await expect(page.locator('[data-testid="forest-line-0"] title')).toHaveText('Project 1');

  // Five projects: no "few projects"; the figures are the command line's.
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(documents().slice(3)));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);
  await expect(p).toHaveAttribute('data-k', '5');
  await attrsClose(p, CLI_FIVE);
  await expect(p).toHaveAttribute('data-few-projects', 'false');
  await expect(sentence).toContainText('Pooled over 5 projects: ');
});

test('v3: totals, and the portfolio compared by sector type, in English and Spanish', async ({ page }) => {
  await page.goto('./portfolio/');
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(typedDocuments()));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);
  const totals = page.getByTestId('portfolio-totals');
  await expect(totals).toHaveAttribute('data-projects', String(CLI_BY.totals.projects));
  await expect(totals).toHaveAttribute('data-clusters', String(CLI_BY.totals.clusters));
  await expect(totals).toHaveAttribute('data-countries', String(CLI_BY.totals.countries));
  await expect(totals).toHaveAttribute('data-beneficiary-firms', String(CLI_BY.totals.beneficiary_firms));
  await expect(page.getByTestId('total-countries')).toContainText('4');

  const select = page.getByTestId('compare-by');
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(values).toEqual(['', 'country', 'sector', 'executing_agency', 'sector_type', 'area_type', 'agency_type', 'cost_band']);
  await select.selectOption('sector_type');
  const levels = page.locator('[data-testid^="portfolio-level-"]');
  await expect(levels).toHaveCount(2);
  for (const [name, want] of Object.entries(CLI_BY.levels)) {
    const block = page.getByTestId(`portfolio-level-${name}`);
    await expect(block).toHaveAttribute('data-k', String(want.k));
    await attrsClose(block, { 'data-pooled': want.pooled, 'data-low': want.low, 'data-high': want.high });
    await expect(block.getByTestId('pooled-diamond')).toHaveCount(1);
  }
  await expect(page.getByTestId('portfolio-level-modern').locator('h3')).toContainText('modern sector');
  const test_ = page.getByTestId('subgroup-test');
  await attrsClose(test_, { 'data-q': CLI_BY.q, 'data-p': CLI_BY.p });
  await expect(test_).toHaveAttribute('data-df', String(CLI_BY.df));
  await expect(page.getByTestId('subgroup-sentence')).toHaveText(
    'No difference between modern sector and traditional sector could be shown (p = 0.07).',
  );
  await page.screenshot({ path: '/tmp/portfolio-by-sector-type.png', fullPage: true });

  // The export carries the levels and the test.
  const csv = await download(page, 'portfolio-export-csv');
  expect(csv.text).toContain(`"level","${ID}","sector_type","modern","modern sector",2,`);
  expect(csv.text).toContain(`"subgroup_test","${ID}","sector_type",`);

  // A free-text fact: its levels as typed, in a <bdi>.
  await select.selectOption('country');
  await expect(levels).toHaveCount(4);
  await expect(page.getByTestId('portfolio-level-Nicaragua').locator('h3 bdi')).toHaveText('Nicaragua');
  // None: one pooled estimate again.
  await select.selectOption('');
  await expect(levels).toHaveCount(0);
  await expect(page.getByTestId(`pooled-${ID}`).getByTestId('pooled-diamond')).toHaveCount(1);

  // In Spanish.
  await page.evaluate(() => localStorage.setItem('cluster-eval/v1/lang', 'es'));
  await page.reload();
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(typedDocuments()));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);
  await expect(page.getByTestId('pooled-sentence')).toContainText('intervalo de confianza del 95 % por Hartung–Knapp');
  await expect(page.getByTestId('pooled-sentence')).toContainText('puntos porcentuales');
  await page.getByTestId('compare-by').selectOption('sector_type');
  await expect(levels).toHaveCount(2);
  await expect(page.getByTestId('portfolio-level-traditional').locator('h3')).toContainText('sector tradicional');
  await attrsClose(page.getByTestId('subgroup-test'), { 'data-q': CLI_BY.q, 'data-p': CLI_BY.p });
  await expect(page.getByTestId('subgroup-sentence')).toHaveText(
    'No se pudo mostrar una diferencia entre sector moderno y sector tradicional (p = 0,07).',
  );
  await expect(page.getByTestId('portfolio-totals')).toContainText('Empresas beneficiarias');
});

test('v3: the printout keeps every column with its header, on landscape pages', async ({ page }) => {
  await page.goto('./portfolio/');
  await page.getByTestId('open-portfolio').setInputFiles(asFiles(typedDocuments()));
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(5);
  await page.getByTestId('compare-by').selectOption('sector_type');
  await expect(page.locator('[data-testid^="portfolio-level-"]')).toHaveCount(2);
  // A4 landscape less 10 mm margins: 277 mm ≈ 1047 CSS px.
  await page.setViewportSize({ width: 1047, height: 740 });
  await page.emulateMedia({ media: 'print' });
  const heads = page.locator('.portfolio-table thead th');
  const n = await heads.count();
  expect(n).toBeGreaterThanOrEqual(12);
  for (let i = 0; i < n; i++) {
    const th = heads.nth(i);
    await expect(th).toBeVisible();
    expect((await th.innerText()).trim().length).toBeGreaterThan(0);
    const box = await th.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(1047 + 1);
  }
  // No control is printed.
  await expect(page.getByTestId('compare-by')).toBeHidden();
  await expect(page.getByTestId('open-portfolio')).toBeHidden();
  await page.pdf({ path: '/tmp/portfolio-print.pdf', preferCSSPageSize: true, printBackground: true });
});
