// Numbers by the reader's locale (issue 25): Spanish as written in Mexico uses the
// decimal point, as written in Spain the decimal comma.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

for (const [locale, growth, share] of [['es-MX', '69.8', '35.0'], ['es-ES', '69,8', '35,0']]) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`a reader in ${locale} sees numbers as written there`, async ({ page }) => {
      const app = new Calculator(page);
      await app.open();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await app.settled();
      const sales = page.locator('[data-testid="finding"][data-indicator="long.beneficiaries.sales.vs_control"]');
      await expect(sales).toContainText(`crecieron ${growth}`);
      await expect(app.indicator('short.participation_share').locator('td.value').first()).toContainText(share);
    });
  });
}
