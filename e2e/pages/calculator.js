// Page object of the calculator: every locator goes through a data-testid.
import { expect } from '@playwright/test';

export class Calculator {
  constructor(page) {
    this.page = page;
    this.newProject = page.getByTestId('new-project');
    this.projectList = page.getByTestId('project-list');
    this.projectItems = page.getByTestId('project-item');
    this.exportJson = page.getByTestId('export-json');
    this.importJson = page.getByTestId('open-file');
    this.projectName = page.getByTestId('project-name');
    this.notices = page.getByTestId('notices');
  }

  /** From now on every storage write fails as a full quota does. */
  async simulateFullQuota() {
    await this.page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
  }

  /** Before the page loads: the browser refuses local storage (locked-down machines). */
  async withoutStorage() {
    await this.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied', 'SecurityError');
        },
      });
    });
  }

  /** Opens the page on a fresh storage and waits for the app to be mounted. */
  async open() {
    await this.page.goto('./');
    await expect(this.newProject).toBeVisible();
  }

  tableInput(table) {
    return this.page.getByTestId(`table-input-${table}`);
  }

  tableErrors(table) {
    return this.page.getByTestId(`table-errors-${table}`);
  }

  indicator(id) {
    return this.page.getByTestId(`indicator-${id}`);
  }

  /** Unfolds the data boxes (folded away when the open project has data). */
  async showData() {
    const fold = this.page.getByTestId('data-fold');
    if (!(await fold.evaluate((d) => d.open))) await fold.locator('summary').first().click();
    await expect(fold).toHaveJSProperty('open', true);
  }

  /** Pastes text into a table's box as a person would (one input event). */
  async paste(table, text) {
    await this.showData();
    await this.tableInput(table).fill(text);
  }

  /** Pastes a large text the way the clipboard brings it (a paste event): above 256 KB
   *  the box keeps it out of the text area. */
  async pasteLarge(table, text) {
    await this.tableInput(table).evaluate((box, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.focus();
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Clicks export and returns the downloaded file's text and name. */
  /** Opens the project bar's Export menu (when closed). */
  async openExportMenu() {
    const menu = this.page.getByTestId('export-menu');
    if (!(await menu.evaluate((d) => d.open))) await this.page.getByTestId('export-menu-button').click();
  }

  async exportDocument() {
    await this.openExportMenu();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportJson.click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async importDocument(name, text) {
    await this.importJson.setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  /** The raw value and status of an indicator, once it is on the page. */
  /** Waits until the results on screen answer the document as it is now (or the
   *  calculation said it stopped). */
  async settled() {
    await expect(this.page.locator(
      '[data-testid="results"][data-current="true"], [data-testid="calculation-stopped"]',
    ).first()).toBeAttached();
  }

  async indicatorState(id) {
    const row = this.indicator(id);
    await expect(row).toBeVisible();
    await this.settled();
    const value = await row.getAttribute('data-value');
    return { value: value === '' ? null : Number(value), status: await row.getAttribute('data-status') };
  }

  async setTarget(id, text) {
    const input = this.page.getByTestId(`target-${id}`);
    await input.fill(text);
    await input.press('Enter');
    await input.blur();
  }

  /** Chooses a language and waits until the page speaks it: Spanish and Portuguese
   *  are fetched the first time they are chosen (lang/<code>.json). */
  async switchLanguage(code) {
    await this.page.getByTestId('lang-switch').selectOption(code);
    await expect(this.page.locator('html')).toHaveAttribute('lang', code);
  }

  rowErrors(table) {
    return this.tableErrors(table).getByTestId('row-error');
  }

  /** Clicks a button that downloads and returns the file's text and name. */
  async download(testid) {
    if (['export-json', 'export-csv', 'export-xlsx', 'download-template'].includes(testid)) await this.openExportMenu();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(testid).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunk && chunks.push(chunk);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** The screening table of proposals (Section V). */
  screening() {
    return this.page.getByTestId('screening');
  }

  proposalRows() {
    return this.screening().getByTestId('proposal-row');
  }

  async deleteCurrentProject() {
    await this.page.locator('[data-testid="project-item"].current [data-testid="delete-project"]').click();
  }
}
