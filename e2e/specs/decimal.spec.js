// Issue 14, item 5: a thousands point read as a decimal point, silently. A column whose
// decimal mark was guessed while some of its values read either way is said above the
// results, with the reading chosen and the other one a click away.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const FIRMS =
  'firm\tgroup\tyear\tsales\n' +
  'A\tbeneficiary\t2019\t987\n' +
  'A\tbeneficiary\t2022\t1.234\n' +
  'B\tbeneficiary\t2019\t850\n' +
  'B\tbeneficiary\t2022\t1.050\n';

/** The open project's document as stored. */
async function storedDoc(page) {
  return page.evaluate(() => {
    const id = sessionStorage.getItem('cluster-eval/v1/last');
    return JSON.parse(localStorage.getItem(`cluster-eval/v1/doc/${id}`));
  });
}

test('a guessed decimal mark is said above the results, and the other reading is one click away', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('firms', FIRMS);
  const results = page.getByTestId('results');
  const check = results.getByTestId('decimal-check');
  await expect(check).toHaveCount(1);
  await expect(check).toHaveAttribute('data-table', 'firms');
  await expect(check).toHaveAttribute('data-column', 'sales');
  // Read by the values' sizes: 1.234 among 987 and 850 is a thousand and some.
  await expect(check).toContainText('“1.234” is 1234');
  await expect(check.getByTestId('decimal-check-switch')).toHaveText('Read “.” as the decimal mark instead (1.234 = 1.234)');

  await check.getByTestId('decimal-check-switch').click();
  await expect(check).toHaveCount(0);
  await expect.poll(async () => (await storedDoc(page)).settings?.tables?.firms?.decimal?.sales).toBe('.');
  await expect(page.getByTestId('decimal-firms-sales')).toHaveValue('.');
});

test('keeping the guessed reading ends the check too', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await app.newProject.click();
  await app.paste('firms', FIRMS);
  const check = page.getByTestId('decimal-check');
  await expect(check).toHaveCount(1);
  await check.getByTestId('decimal-check-keep').click();
  await expect(check).toHaveCount(0);
  await expect.poll(async () => (await storedDoc(page)).settings?.tables?.firms?.decimal?.sales).toBe(',');
});
