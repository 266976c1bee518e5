// Design checks (issue 13): the built-in example (pre-programme years 2016–2017, two
// beneficiary firms and one control firm that closed, a control cluster that exported
// less at baseline) opens its results with the design checks — one plain sentence per
// check, the balance table, the firms gone and their jobs, the trends before the
// programme — in English, Spanish and Portuguese; every comparison with the control
// group shows its evidence level, the cluster caveat and an event study opened on
// demand; the winners table compares with the control firms; axe-core finds nothing
// serious in the section. Screenshots of the section are kept in test-results/.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Calculator } from '../pages/calculator.js';

async function openExample(page) {
  const app = new Calculator(page);
  await app.open();
  await expect(app.indicator('long.beneficiaries.sales.vs_control')).toBeVisible();
  return app;
}

const SENTENCES = {
  en: 'The control firms were similar to the beneficiaries at baseline on 3 of 4 measures; they differed in exports.',
  es: 'Las empresas de control eran parecidas a las beneficiarias en la línea de base en 3 de 4 medidas; diferían en exportaciones.',
  pt: 'As empresas de controle eram semelhantes às beneficiárias na linha de base em 3 de 4 medidas; diferiam em exportações.',
};

test('the example opens its results with the design checks: sentences, balance, firms gone, trends before', async ({ page }) => {
  const app = await openExample(page);
  const section = page.getByTestId('design-checks');
  await expect(section).toBeVisible();
  // Before the details of every horizon, right after the summary.
  const order = await page.evaluate(() => {
    const design = document.querySelector('[data-testid="design-checks"]');
    const details = document.getElementById('details');
    const summary = document.querySelector('[data-testid="summary"]');
    return [
      summary ? summary.compareDocumentPosition(design) & Node.DOCUMENT_POSITION_FOLLOWING : 4,
      design.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING,
    ];
  });
  expect(order).toEqual([4, 4]);

  const sentences = section.getByTestId('design-sentence');
  await expect(sentences).toHaveCount(6);
  await expect(sentences.nth(0)).toContainText(SENTENCES.en);
  await expect(sentences.nth(0)).toHaveAttribute('data-status', 'not_met');
  await expect(section.locator('[data-check="pretrend"]').first()).toContainText('the trends were parallel');
  await expect(section.locator('[data-check="attrition"]')).toContainText('2 of 14 beneficiary firms and 1 of 9 control firms were gone by 2023');
  await expect(section.locator('[data-check="exited"]')).toContainText('employed 20 people in 2018');

  // The balance table: beneficiaries, the whole cluster and the control firms for
  // each measure, the difference marked where it passes 0.25 SD.
  const balance = section.getByTestId('balance-table');
  await expect(balance.locator('tr[data-testid^="balance-"]')).toHaveCount(12);
  const exports = balance.getByTestId('balance-exports-beneficiaries');
  await expect(exports).toHaveAttribute('data-differs', 'true');
  await expect(exports).toContainText('⚠');
  await expect(exports).toContainText('0.48\u00a0SD');
  await expect(exports.locator('td').first()).toHaveText('14');
  await expect(balance.getByTestId('balance-exports-cluster')).toHaveAttribute('data-differs', 'true');
  await expect(balance.getByTestId('balance-exports-control').locator('td').first()).toHaveText('9');
  await expect(balance.getByTestId('balance-sales-beneficiaries')).toHaveAttribute('data-differs', 'false');
  await expect(balance.getByTestId('balance-sales-beneficiaries')).not.toContainText('⚠');

  // Firms gone by group, with the jobs they held at baseline.
  const gone = section.getByTestId('attrition-beneficiary');
  await expect(gone).toHaveAttribute('data-jobs-gone', '20');
  await expect(gone.locator('td')).toHaveText(['14', '2', '14.3\u00a0%', '20']);
  await expect(section.getByTestId('attrition-control').locator('td')).toHaveText(['9', '1', '11.1\u00a0%', '5']);
  await expect(section.getByTestId('pretrend-sales')).toHaveAttribute('data-status', 'met');
  await expect(section.getByTestId('pretrend-employment')).toHaveAttribute('data-status', 'met');

  // Every design id is an indicator row like the others.
  await expect(page.locator('tr[data-testid^="indicator-design."]')).toHaveCount(13);
  await expect(app.indicator('design.balance.beneficiaries.exports')).toHaveAttribute('data-status', 'not_met');
  await expect(app.indicator('design.balance.beneficiaries.exports')).toHaveAttribute('data-value', /^0\.48/);
  await expect(app.indicator('design.balance.beneficiaries.sales')).toHaveAttribute('data-status', 'met');
  await expect(app.indicator('design.attrition.differential')).toHaveAttribute('data-status', 'met');
  await expect(app.indicator('design.pretrend.sales')).toHaveAttribute('data-status', 'met');
  await expect(app.indicator('pro_poor.exited_firms_jobs')).toHaveAttribute('data-value', /^20(\.0)?$/);
  await expect(app.indicator('pro_poor.exited_firms_jobs')).toHaveAttribute('data-status', 'reported');
  // The existing expectations on the example still hold.
  await expect(app.indicator('long.cluster.sales.growth')).toHaveAttribute('data-status', 'met');
});

test('a comparison with the control group shows its evidence and caveat, and its event study when asked', async ({ page }) => {
  const app = await openExample(page);
  const row = app.indicator('long.beneficiaries.sales.vs_control');
  await expect(row.getByTestId('evidence')).toHaveAttribute('data-evidence', 'weak');
  await expect(row.getByTestId('evidence')).toHaveText('Evidence: weak (fewer than 10 firms on a side)');
  await expect(row.getByTestId('caveat')).toContainText('reflects the sampling of firms, not the differences between clusters');
  // Rows that are not comparisons with the control group carry neither.
  await expect(app.indicator('long.beneficiaries.sales.growth').getByTestId('evidence')).toHaveCount(0);
  // Every comparison with the control group: sales, productivity, employment, exports,
  // production, innovation, new markets, destinations, non-participants (SPEC v3).
  await expect(page.getByTestId('evidence')).toHaveCount(16);

  // No chart is laid out before its "how it was computed" is opened.
  await expect(page.getByTestId('event-study')).toHaveCount(0);
  await row.getByTestId('how-computed').locator('summary').click();
  const study = row.getByTestId('event-study');
  await expect(study).toBeVisible();
  const svg = study.locator('svg');
  await expect(svg).toHaveAttribute('role', 'img');
  await expect(svg).toHaveAttribute('aria-label', /^Event study: /);
  // One point per year but the baseline (2016, 2017, 2019…2023), and the hollow baseline.
  await expect(svg.locator('circle')).toHaveCount(8);
  await expect(svg.locator('rect')).toHaveCount(1);
  for (const year of ['2016', '2018', '2020', '2023']) await expect(svg).toContainText(year);
  await expect(study).toContainText('the shaded band marks the programme');
  await expect(row.getByTestId('formula')).toContainText('difference of growths');
  // Still open after a change of language, now in Spanish.
  await app.switchLanguage('es');
  await expect(row.getByTestId('event-study').locator('svg')).toHaveAttribute('aria-label', /^Estudio de eventos: /);
  await expect(row.getByTestId('evidence')).toHaveText('Evidencia: débil (menos de 10 empresas de un lado)');
});

test('the winners and losers table compares each group of workers with the control firms', async ({ page }) => {
  await openExample(page);
  const table = page.getByTestId('winners-losers');
  const informal = table.getByTestId('winner-workers-informal');
  await expect(informal).toHaveAttribute('data-vs-control-status', 'not_met');
  await expect(informal).toHaveAttribute('data-vs-control', /^-0\.15/);
  await expect(informal.locator('td').last()).toContainText('−15.1\u00a0pp');
  await expect(table.getByTestId('winner-workers-women')).toHaveAttribute('data-vs-control-status', 'met');
  await expect(table.getByTestId('winner-firms-micro').locator('td').last()).toHaveText('—');
  await expect(table.locator('thead th').last()).toHaveText('Against control firms');
});

test('the design checks in Spanish and Portuguese', async ({ page }) => {
  const app = await openExample(page);
  const section = page.getByTestId('design-checks');
  await app.switchLanguage('es');
  await expect(section.getByTestId('design-sentence').first()).toContainText(SENTENCES.es);
  await expect(section).toContainText('Equilibrio en la línea de base');
  await expect(section.getByTestId('balance-exports-beneficiaries')).toContainText('0,48\u00a0DE');
  await expect(section.locator('[data-check="exited"]')).toContainText('empleaban a 20 personas en 2018');
  await expect(section.getByTestId('attrition-beneficiary').locator('td').nth(2)).toHaveText('14,3\u00a0%');
  await app.switchLanguage('pt');
  await expect(section.getByTestId('design-sentence').first()).toContainText(SENTENCES.pt);
  await expect(section).toContainText('Empresas que saíram antes do acompanhamento');
  await expect(section.locator('[data-check="exited"]')).toContainText('empregavam 20 pessoas em 2018');
  await expect(page.getByTestId('winners-losers').locator('thead th').last()).toHaveText('Frente às empresas de controle');
});

for (const [name, width] of [['desktop', 1280], ['phone', 360]]) {
  test(`axe-core finds nothing serious in the design checks and an open event study (${name}, Spanish)`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 900 });
    const app = await openExample(page);
    await app.switchLanguage('es');
    const row = app.indicator('long.cluster.sales.vs_control');
    await row.getByTestId('how-computed').locator('summary').click();
    await expect(row.getByTestId('event-study')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="design-checks"]')
      .include('[data-testid="indicator-long.cluster.sales.vs_control"]')
      .include('[data-testid="winners-losers"]')
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.getByTestId('design-checks').screenshot({ path: info.outputPath(`design-${name}-es.png`) });
    await row.screenshot({ path: info.outputPath(`event-${name}-es.png`) });
    // Nothing of the section, the open comparison or the winners table passes the
    // viewport's right edge.
    const past = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="design-checks"] *, [data-testid="indicator-long.cluster.sales.vs_control"] *, [data-testid="winners-losers"] *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => `${el.tagName} ${el.textContent.slice(0, 30)}`),
    );
    expect(past).toEqual([]);
  });
}
