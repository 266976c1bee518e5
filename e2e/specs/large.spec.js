// Census-size pastes: calculated off the main thread, same figures as small ones,
// errors still located by line, edits still fast, and a project too large for the
// browser's storage stays in the tab and says so.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

/** `firms` beneficiaries whose sales grow 10% and as many control firms growing 5%,
 *  2019 → 2023, with one bad cell on line `badLine`; `note` pads every row with a
 *  column the reader ignores. */
function census(firms, badLine, note = '') {
  const lines = [`firm\tgroup\tyear\tsales\temployment${note ? '\tnote' : ''}`];
  for (let i = 0; i < firms; i++) {
    lines.push(`B${i}\tbeneficiary\t2019\t${100 + (i % 7)}\t${5 + (i % 3)}`);
    lines.push(`B${i}\tbeneficiary\t2023\t${(100 + (i % 7)) * 1.1}\t${5 + (i % 3)}`);
    lines.push(`C${i}\tcontrol\t2019\t${200 + (i % 5)}\t9`);
    lines.push(`C${i}\tcontrol\t2023\t${(200 + (i % 5)) * 1.05}\t9`);
  }
  lines.splice(badLine - 1, 0, 'X1\tbeneficiary\t2019\tabc\t3');
  return lines.map((l, i) => (note && i > 0 ? `${l}\t${note}` : l)).join('\n') + '\n';
}

test('a census-size paste is calculated in the background, with the figures of a small one', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  const growth = 'long.beneficiaries.sales.growth';
  const versus = 'long.beneficiaries.sales.vs_control';
  const results = page.getByTestId('results');

  const text = census(3000, 5001);
  expect(text.length).toBeGreaterThan(256 * 1024);
  await app.pasteLarge('firms', text);
  await expect(page.getByTestId('table-large-firms')).toBeVisible();
  await expect(results).toHaveAttribute('data-calculated-in', 'worker');
  await expect(app.indicator(growth)).toHaveAttribute('data-status', 'met');
  expect((await app.indicatorState(growth)).value).toBeCloseTo(0.1, 12);
  expect((await app.indicatorState(versus)).value).toBeCloseTo(0.05, 12);
  await expect(app.rowErrors('firms')).toHaveCount(1);
  await expect(app.rowErrors('firms').first()).toHaveAttribute('data-line', '5001');
  await expect(page.getByTestId('table-counts-firms')).toContainText('12000');
  await expect(page.getByTestId('computing')).toBeHidden();

  // An edit of a large project goes through the worker too.
  await app.setTarget(growth, '50');
  await expect(app.indicator(growth)).toHaveAttribute('data-status', 'not_met');

  // Back to a small table: calculated in the same worker (the page computes nothing
  // itself since issue 22), the same figures.
  await page.getByTestId('table-clear-firms').click();
  await app.paste('firms', census(20, 41));
  await expect(results).toHaveAttribute('data-calculated-in', 'worker');
  await expect(app.rowErrors('firms').first()).toHaveAttribute('data-line', '41');
  await expect(app.indicator(growth)).toHaveAttribute('data-status', 'not_met');
  expect((await app.indicatorState(growth)).value).toBeCloseTo(0.1, 12);
  expect((await app.indicatorState(versus)).value).toBeCloseTo(0.05, 12);
});

test('a project too large for the browser to keep stays in the tab and says so', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  const text = census(12000, 10, 'n'.repeat(80));
  expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
  await app.pasteLarge('firms', text);
  const notice = page.getByTestId('notice-too-large');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button').first()).toBeVisible();
  await expect(app.indicator('long.beneficiaries.sales.growth')).toHaveAttribute('data-status', 'met', { timeout: 20000 });
});

test('without workers (a locked-down browser) a large paste is calculated on the page', async ({ page }) => {
  await page.addInitScript(() => {
    window.Worker = function () {
      throw new DOMException('Workers are disabled', 'SecurityError');
    };
  });
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.pasteLarge('firms', census(3000, 7));
  await expect(page.getByTestId('results')).toHaveAttribute('data-calculated-in', 'page');
  expect((await app.indicatorState('long.beneficiaries.sales.growth')).value).toBeCloseTo(0.1, 12);
  await expect(app.rowErrors('firms').first()).toHaveAttribute('data-line', '7');
});
