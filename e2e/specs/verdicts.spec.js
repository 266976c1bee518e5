// Verdicts an evaluator can sign (issue 25): each result is worded by its kind —
// comparisons favourable / unfavourable / not conclusive, design checks passed /
// failed, targets met / not met with the target printed, levels without a verdict,
// typed figures "as entered" — in three languages, and nothing says "Met".
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

const WORDS = {
  en: { favourable: 'Favourable', unfavourable: 'Unfavourable', not_conclusive: 'Not conclusive', passed: 'Passed', failed: 'Failed', level: 'Level (no verdict)', entered: 'As entered', but: 'Favourable, but the groups differed at baseline', target: 'Target not met (target: 80' },
  es: { favourable: 'Favorable', unfavourable: 'Desfavorable', not_conclusive: 'No concluyente', passed: 'Superada', failed: 'No superada', level: 'Nivel (sin valoración)', entered: 'Según lo ingresado', but: 'Favorable, pero los grupos diferían en la línea de base', target: 'Meta no alcanzada (meta: 80' },
  pt: { favourable: 'Favorável', unfavourable: 'Desfavorável', not_conclusive: 'Não conclusivo', passed: 'Aprovada', failed: 'Reprovada', level: 'Nível (sem apreciação)', entered: 'Conforme informado', but: 'Favorável, mas os grupos diferiam na linha de base', target: 'Meta não atingida (meta: 80' },
};

// id → [data-verdict, key of its words]
const CASES = [
  ['long.beneficiaries.sales.vs_control', 'favourable', 'favourable'],
  ['long.cluster.exports.vs_control', 'favourable', 'but'],
  ['long.beneficiaries.innovation.vs_control', 'not_conclusive', 'not_conclusive'],
  ['pro_poor.share.informal.vs_control', 'unfavourable', 'unfavourable'],
  ['design.balance.beneficiaries.exports', 'failed', 'failed'],
  ['design.attrition.differential', 'passed', 'passed'],
  ['short.participating_firms', 'none', 'level'],
  ['long.return_per_dollar', 'none', 'entered'],
];

for (const lang of ['en', 'es', 'pt']) {
  test(`each result is worded by its kind, never "met" (${lang})`, async ({ page }) => {
    const app = new Calculator(page);
    await app.open();
    if (lang !== 'en') await app.switchLanguage(lang);
    await app.settled();
    for (const [id, verdict, words] of CASES) {
      const row = app.indicator(id);
      await expect(row, id).toHaveAttribute('data-verdict', verdict);
      await expect(row.getByTestId('verdict'), id).toHaveText(WORDS[lang][words]);
    }
    // A target is printed with its verdict.
    await app.setTarget('short.participation_share', lang === 'en' ? '80' : '80');
    const share = app.indicator('short.participation_share');
    await expect(share).toHaveAttribute('data-verdict', 'target_not_met');
    await expect(share.getByTestId('verdict')).toContainText(WORDS[lang].target);
    // No row, and not the summary, says "Met" / "Cumplido" / "Cumprido".
    const results = page.getByTestId('results');
    await expect(results).not.toContainText(/\bMet\b|Cumplido|Cumprido/);
    const verdicts = await page.locator('tr[data-testid^="indicator-"]').evaluateAll((trs) =>
      [...new Set(trs.map((tr) => tr.dataset.verdict))].sort(),
    );
    for (const v of verdicts) {
      expect(['favourable', 'unfavourable', 'not_conclusive', 'passed', 'failed', 'target_met', 'target_not_met', 'none']).toContain(v);
    }
  });
}
