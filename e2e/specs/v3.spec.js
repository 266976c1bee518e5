// SPEC v3 on the page (issue 23): every new id of the example appears in its horizon
// with the value and status that `cluster-eval compute` gives for the same document
// (the built-in example, English edition; pinned below from the command line), and the
// execution table, the non-participants and the context facts are drawn.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

// [id, value, status] from `cluster-eval compute example-en.json`.
const CLI = [
  ["long.cluster.production.growth", 0.58021101992966, "met"],
  ["long.cluster.production.vs_control", 0.3734833488380245, "met"],
  ["long.beneficiaries.production.growth", 0.6983224733120754, "met"],
  ["long.beneficiaries.production.vs_control", 0.49159480222043994, "met"],
  ["long.beneficiaries.production.vs_sector", 0.5107748516728026, "met"],
  ["long.cluster.innovation", 0.6111111111111112, "reported"],
  ["long.cluster.innovation.vs_control", 0.36111111111111116, "inconclusive"],
  ["long.cluster.new_markets", 0.5, "reported"],
  ["long.cluster.new_markets.vs_control", 0.25, "inconclusive"],
  ["long.beneficiaries.innovation", 0.6666666666666666, "reported"],
  ["long.beneficiaries.innovation.vs_control", 0.41666666666666663, "inconclusive"],
  ["long.beneficiaries.new_markets", 0.5, "reported"],
  ["long.beneficiaries.new_markets.vs_control", 0.25, "inconclusive"],
  ["long.cluster.export_destinations.growth", 1.6315789473684212, "met"],
  ["long.cluster.export_destinations.vs_control", 0.43157894736842106, "inconclusive"],
  ["long.beneficiaries.export_destinations.growth", 1.2142857142857144, "met"],
  ["long.beneficiaries.export_destinations.vs_control", 0.014285714285714235, "inconclusive"],
  ["short.activities_executed", 0.8125, "reported"],
  ["short.disbursement_rate", 0.7916666666666666, "reported"],
  ["pro_poor.non_participants.sales.vs_control", 0.126253923108947, "met"],
  ["pro_poor.non_participants.employment.vs_control", 0.039805641275513004, "inconclusive"],
  ["medium.institutions", 3.0, "met"],
  ["long.beneficiaries.jobs_net", 155.0, "reported"],
  ["long.return_per_dollar", 7.0, "reported"],
  ["design.pretrend.sales", -0.0001601838666149824, "met"],
];

test("every v3 id of the example has the command line's value and status", async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.settled();
  for (const [id, value, status] of CLI) {
    const row = app.indicator(id);
    await expect(row, id).toHaveAttribute('data-status', status);
    expect(Number(await row.getAttribute('data-value')), id).toBeCloseTo(value, 12);
  }
});

test('execution by year, the non-participants and the context facts are on the page', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.settled();
  await expect(page.getByTestId('execution-table')).toBeVisible();
  await expect(page.getByTestId('execution-2018')).toContainText('120,000');
  await expect(page.getByTestId('winner-non_participants-sales')).toHaveAttribute('data-vs-control-status', 'met');
  // A context fact chosen in the form is saved in the document.
  await page.getByTestId('fact-sector_type').selectOption('traditional');
  await page.getByTestId('fact-control_description').fill('Boaco: same product, similar size, no programme');
  await page.getByTestId('fact-control_description').blur();
  const exported = JSON.parse((await app.exportDocument()).text);
  expect(exported.project.sector_type).toBe('traditional');
  expect(exported.project.control_description).toBe('Boaco: same product, similar size, no programme');
});
