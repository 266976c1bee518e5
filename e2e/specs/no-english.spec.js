// Languages (issue 25): no English left on the Spanish or Portuguese page. The page's
// visible text (ids in <code> and people's own data in <bdi> aside) is searched for
// English words that exist in neither language.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const ENGLISH = ['the', 'and', 'with', 'firms', 'growth', 'sales', 'workers', 'share', 'interval',
  'between', 'which', 'against', 'Export', 'Download', 'Open', 'Print', 'Results', 'Summary',
  'Level', 'Favourable', 'Unfavourable', 'Passed', 'Failed', 'Met', 'Reported', 'beneficiary',
  'beneficiaries', 'employment', 'year', 'years', 'baseline', 'points', 'from', 'than'];

for (const lang of ['es', 'pt']) {
  test(`no English word is left on the ${lang} page`, async ({ page }) => {
    const app = new Calculator(page);
    await app.open();
    await app.switchLanguage(lang);
    await app.settled();
    await page.getByTestId('data-fold').evaluate((d) => { d.open = true; });
    const text = await page.evaluate(() => {
      const skip = (el) => el.closest('code, bdi, textarea, script, style, [hidden], .indicator-id, svg title');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const out = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || skip(el) || el.getClientRects().length === 0) continue;
        out.push(n.textContent);
      }
      return out.join(' ');
    });
    // Codes with an underscore (`workers_women`, the canonical column beside its
    // translation) are names, not English prose.
    const words = new Set(text.split(/[^A-Za-zÀ-ÿ_]+/).filter(Boolean));
    const left = ENGLISH.filter((w) => words.has(w));
    expect(left, text.slice(0, 400)).toEqual([]);
  });
}
