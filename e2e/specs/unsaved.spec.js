// Nothing typed is lost (issue 14, items 1 and 3): a project the browser could not
// store stays unsaved, listed and exportable by its own notice while the person goes
// on with another project; a number typed into a field is saved without leaving it.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

/** Storage almost full: any write longer than `chars` characters fails. */
async function nearlyFull(page, chars) {
  await page.evaluate((chars) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(value).length > chars) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  }, chars);
}

test('with storage nearly full, an unsaved project survives a new project and exports by its own notice', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await nearlyFull(page, 40000);
  const rows = Array.from({ length: 2000 }, (_, i) => `F${i}\tbeneficiary\t2019\t${i + 1}`).join('\n');
  const text = `firm\tgroup\tyear\tsales\n${rows}\n`;
  // One input event with the whole text (Playwright's fill types a long multi-line
  // text slowly).
  await app.tableInput('firms').evaluate((box, text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await expect(page.getByTestId('notice-quota-full')).toBeVisible();

  await app.newProject.click();
  await expect(app.projectItems).toHaveCount(2);
  // The new, small project is stored; the first one still is not, and says so.
  await expect(page.getByTestId('notice-quota-full')).toBeVisible();
  const unsaved = app.projectItems.filter({ hasText: 'Valle Verde' });
  await expect(unsaved.getByTestId('project-unsaved')).toBeVisible();
  // The notice exports that project, not the open one.
  const exported = await app.download('notice-export');
  expect(JSON.parse(exported.text).tables.firms).toBe(text);

  await unsaved.locator('.project-open').click();
  await expect(app.tableInput('firms')).toHaveValue(text);
});

test('a number typed into a field is kept by a reload without leaving the field', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  const cost = page.getByTestId('fact-cost_total');
  await cost.fill('');
  await cost.pressSequentially('12345.');
  // Saved on input, and not rewritten under the fingers.
  await expect(cost).toHaveValue('12345.');
  const target = page.getByTestId('target-long.cluster.sales.growth');
  await target.fill('');
  await target.pressSequentially('42');
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('fact-cost_total')).toHaveValue('12345');
  await expect(page.getByTestId('target-long.cluster.sales.growth')).toHaveValue('42');
});
