// Two tabs of the page share one local storage. Neither may write its stale copy over
// what the other saved: a project added in one tab stays listed when the other saves,
// an edit made in one tab shows in the other, and a project deleted in one tab stays
// open (in memory) in the other.
import { test, expect } from '@playwright/test';
import { Calculator } from '../pages/calculator.js';

/** Two tabs of the page, opened one after the other on the same storage. */
async function twoTabs(context) {
  const tabs = [];
  for (let i = 0; i < 2; i++) {
    const tab = new Calculator(await context.newPage());
    await tab.open();
    tabs.push(tab);
  }
  return tabs;
}

/** The project list as stored. */
async function storedNames(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('cluster-eval/v1/index')).map((m) => m.name));
}

test('a project added in one tab survives a save in the other', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await expect(second.projectItems).toHaveCount(1);

  await first.newProject.click();
  await expect(first.projectItems).toHaveCount(2);
  // The second tab, still on the example, saves an edit of its own.
  await second.paste('subsidies', 'year\tamount\n2019\t100\n');
  await expect(second.projectItems).toHaveCount(2);
  await expect.poll(() => storedNames(second.page)).toHaveLength(2);

  await first.page.reload();
  await expect(first.projectItems).toHaveCount(2);
});

test('an edit saved in one tab shows in the other', async ({ context }) => {
  const [first, second] = await twoTabs(context);

  const table = 'year\tamount\n2019\t250\n';
  await first.paste('subsidies', table);
  await expect(second.tableInput('subsidies')).toHaveValue(table);
  await expect(second.page.getByTestId('notice-other-tab')).toBeVisible();

  // And the other way round, on a project fact.
  const cost = second.page.getByTestId('fact-cost_total');
  await cost.fill('1800000');
  await cost.blur();
  await expect(first.page.getByTestId('fact-cost_total')).toHaveValue(/1.?800.?000/);
});

test('a project deleted in one tab stays open in the other and is saved again on a change', async ({ context }) => {
  const [first, second] = await twoTabs(context);

  await first.deleteCurrentProject();
  await expect(first.projectItems).toHaveCount(0);
  await expect(second.page.getByTestId('notice-deleted-in-other-tab')).toBeVisible();
  await expect(second.projectItems).toHaveCount(1);
  await expect(second.tableInput('firms')).toHaveValue(/^firm\tgroup\tyear/);

  // A change in the second tab saves the project again, and the first tab lists it.
  await second.paste('subsidies', 'year\tamount\n2019\t100\n');
  await expect.poll(() => storedNames(second.page)).toHaveLength(1);
  await expect(first.projectItems).toHaveCount(1);
});

test('a version this tab could not store is kept when another tab saves the project', async ({ context }) => {
  const [first, second] = await twoTabs(context);

  await first.simulateFullQuota();
  const mine = 'year\tamount\n2019\t111\n';
  await first.paste('subsidies', mine);
  await expect(first.page.getByTestId('notice-quota-full')).toBeVisible();
  await second.paste('subsidies', 'year\tamount\n2019\t222\n');
  await expect(first.page.getByTestId('notice-other-tab-unsaved')).toBeVisible();
  await expect(first.tableInput('subsidies')).toHaveValue(mine);
});

test('after a delete and an undo in one tab, the other tab follows again and loses nothing', async ({ context }) => {
  const [first, second] = await twoTabs(context);

  await first.deleteCurrentProject();
  await expect(second.page.getByTestId('notice-deleted-in-other-tab')).toBeVisible();
  await first.page.getByTestId('undo-delete').click();
  await expect(second.page.getByTestId('notice-deleted-in-other-tab')).toHaveCount(0);
  const pasted = 'year\tamount\n2019\t999\n';
  await first.paste('subsidies', pasted);
  await expect(second.tableInput('subsidies')).toHaveValue(pasted);
  await expect(second.page.getByTestId('notice-other-tab-unsaved')).toHaveCount(0);
  // An edit in the second tab now builds on the first tab's paste.
  const cost = second.page.getByTestId('fact-cost_total');
  await cost.fill('1800000');
  await cost.blur();
  await expect(first.page.getByTestId('fact-cost_total')).toHaveValue(/1.?800.?000/);
  await expect(first.tableInput('subsidies')).toHaveValue(pasted);
});

test('an undo does not bring an older copy back over a project another tab saved again', async ({ context }) => {
  const first = new Calculator(await context.newPage());
  await first.open();
  await first.newProject.click();
  await expect(first.projectItems).toHaveCount(2);
  const second = new Calculator(await context.newPage());
  await second.open(); // opens the project opened last: the new one

  await first.deleteCurrentProject();
  await expect(first.page.getByTestId('notice-deleted')).toBeVisible();
  const pasted = 'year\tamount\n2019\t555\n';
  await second.paste('subsidies', pasted); // saves it again
  await expect(first.projectItems).toHaveCount(2);
  // The undo offer is withdrawn: the project is back, newer than the deleted copy.
  await expect(first.page.getByTestId('notice-deleted')).toHaveCount(0);
  await expect(second.tableInput('subsidies')).toHaveValue(pasted);
});

test('a project deleted in another tab and left here can be opened again with its data', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.newProject.click();
  await expect(second.projectItems).toHaveCount(2);
  // Both tabs: the example and a new project; the second tab has the example open.
  await first.page.locator('[data-testid="project-item"]', { hasText: 'Valle Verde' }).getByRole('button').first().click();
  await first.deleteCurrentProject();
  await expect(second.page.getByTestId('notice-deleted-in-other-tab')).toBeVisible();
  const example = second.page.locator('[data-testid="project-item"]', { hasText: 'Valle Verde' });
  await second.page.locator('[data-testid="project-item"]:not(.current) .project-open').click();
  await example.locator('.project-open').click();
  await expect(second.tableInput('firms')).toHaveValue(/^firm\tgroup\tyear/);
});

test('a reload reopens the project this tab had open, not the one another tab opened', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.newProject.click();
  await expect(second.projectItems).toHaveCount(2);
  await second.page.reload();
  await expect(second.tableInput('firms')).toHaveValue(/^firm\tgroup\tyear/);
  await expect(second.page.locator('[data-testid="project-item"].current')).toContainText('Valle Verde');
});

// Issue 14, item 4: two tabs editing one project within the save delay (300 ms). The
// later whole document won: the first tab's paste vanished.
test('a paste in one tab and a rename in the other within the save delay both survive', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.showData();
  const firms = 'firm\tgroup\tyear\tsales\nA1\tbeneficiary\t2019\t100\nA1\tbeneficiary\t2022\t150\n';
  // Both edits well within 300 ms of each other: both tabs have a change waiting.
  await first.tableInput('firms').fill(firms);
  await second.projectName.fill('Renamed in the second tab');
  for (const tab of [first, second]) {
    await expect(tab.projectName).toHaveValue('Renamed in the second tab');
    await expect(tab.tableInput('firms')).toHaveValue(firms);
  }
  await expect.poll(() => storedNames(first.page)).toEqual(['Renamed in the second tab']);
  const stored = await first.page.evaluate(() => {
    const id = JSON.parse(localStorage.getItem('cluster-eval/v1/index'))[0].id;
    return JSON.parse(localStorage.getItem(`cluster-eval/v1/doc/${id}`));
  });
  expect(stored.tables.firms).toBe(firms);
  expect(stored.project.name).toBe('Renamed in the second tab');
});

test('the same table changed in both tabs keeps one version and offers the other for download', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.showData();
  await second.showData();
  const mine = 'year\tamount\n2019\t111\n';
  const theirs = 'year\tamount\n2019\t222\n';
  await first.tableInput('subsidies').fill(mine);
  await second.tableInput('subsidies').fill(theirs);
  // Whichever tab merges second finds the same table changed on both sides.
  const both = async () =>
    (await first.page.getByTestId('notice-edited-in-both-tabs').count()) +
    (await second.page.getByTestId('notice-edited-in-both-tabs').count());
  await expect.poll(both).toBe(1);
  const told = (await first.page.getByTestId('notice-edited-in-both-tabs').count()) ? first : second;
  const kept = told === first ? mine : theirs;
  const other = told === first ? theirs : mine;
  await expect(told.tableInput('subsidies')).toHaveValue(kept);
  const file = await told.download('download-other-version');
  expect(JSON.parse(file.text).tables.subsidies).toBe(other);
  expect(file.name).toMatch(/\.json$/);
});
