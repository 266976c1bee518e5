// Accessibility (axe-core, no serious or critical violation) and layout at desktop
// and phone widths (nothing overflows the viewport). Screenshots are kept in
// test-results/ for a look by eye.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Calculator } from '../pages/calculator.js';

// The narrowest phone in Portuguese, whose texts are the longest.
for (const [name, viewport, lang] of [
  ['desktop', { width: 1280, height: 900 }, 'en'],
  ['phone', { width: 375, height: 740 }, 'en'],
  ['narrow phone in Portuguese', { width: 360, height: 740 }, 'pt'],
]) {
  test(`no serious accessibility violation and no overflow on ${name}`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    const app = new Calculator(page);
    await app.open();
    if (lang !== 'en') await app.switchLanguage(lang);
    await expect(app.indicator('long.cluster.sales.growth')).toBeVisible();
    // Open every disclosure so their content is checked too.
    await page.locator('details').evaluateAll((els) => els.forEach((d) => (d.open = true)));
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
  });
}

test('everything can be reached and used with the keyboard', async ({ page }) => {
  const app = new Calculator(page);
  await app.open();
  await page.keyboard.press('Tab');
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    seen.add(await page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.tagName));
    await page.keyboard.press('Tab');
  }
  expect(seen.has('lang-switch')).toBe(true);
  expect(seen.has('new-project')).toBe(true);
  // The bar's Open input and its Export menu (a <details>: its items follow once open).
  expect(seen.has('open-file')).toBe(true);
  expect(seen.has('export-menu-button')).toBe(true);
  await app.newProject.focus();
  await page.keyboard.press('Enter');
  await expect(app.projectItems).toHaveCount(2);
  // A delete by keyboard leaves the focus on its Undo, and Enter brings it back.
  await page.locator('[data-testid="project-item"].current [data-testid="delete-project"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('undo-delete')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.projectItems).toHaveCount(2);
});
