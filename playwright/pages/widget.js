// Page objects for live widgets: one widget (in a lesson, an embed, or an iframe), and the
// embed page. They read data-testid hooks and visible text only, never canvas pixels.
const { expect } = require('@playwright/test');

class SimWidget {
  // `scope` is a Page, a FrameLocator or a Locator; the widget is its first sim-widget.
  constructor(scope) {
    this.scope = scope;
    this.root = scope.getByTestId('sim-widget').first();
  }

  get play() { return this.root.getByTestId('play'); }
  get step() { return this.root.getByTestId('step'); }
  get reset() { return this.root.getByTestId('reset'); }
  get speed() { return this.root.getByTestId('speed'); }
  get seed() { return this.root.getByTestId('seed'); }
  get problems() { return this.root.getByTestId('scenario-problems'); }
  get shareUrl() { return this.root.getByTestId('share-url'); }
  get embedCode() { return this.root.getByTestId('embed-code'); }
  get liveSummary() { return this.root.getByTestId('live-summary'); }
  get steppedTable() { return this.root.getByTestId('stepped-table'); }
  get advance() { return this.root.getByTestId('advance'); }
  get rows() { return this.steppedTable.locator('tbody tr'); }
  get canvas() { return this.root.getByTestId('sim-canvas'); }
  readout(name) { return this.root.getByTestId(`readout-${name}`); }
  param(key) { return this.root.getByTestId(`param-${key}`); }

  // On a lesson the widget module loads when a simulation comes near the viewport: bring the
  // first one there (its prerendered placeholder), then wait for the live widget.
  async visible() {
    if (typeof this.scope.evaluate === 'function') {
      await this.scope.evaluate(() => {
        const placeholder = document.querySelector('[data-testid="sim-static"]');
        if (placeholder) placeholder.scrollIntoView({ block: 'center' });
      });
    }
    await expect(this.root).toBeVisible();
    return this;
  }
  async text(name) { return (await this.readout(name).textContent()).trim(); }
  async time() { return this.text('time'); }

  // Every readout of the widget, as { time: '12.34 s', arrivals: '17', ... }.
  async readouts() {
    return this.root.locator('[data-testid^="readout-"]').evaluateAll((els) =>
      Object.fromEntries(els.map((el) => [el.dataset.testid.slice('readout-'.length), el.textContent.trim()])));
  }

  async start() {
    await this.play.click();
    await expect(this.play).toHaveAttribute('aria-pressed', 'true');
  }

  async pause() {
    await this.play.click();
    await expect(this.play).toHaveAttribute('aria-pressed', 'false');
  }

  // Presses step n times; each press processes exactly one event.
  async stepTimes(n) {
    for (let i = 0; i < n; i++) await this.step.click();
  }

  async setSpeed(label) { await this.speed.selectOption({ label }); }

  async setSeed(seed) {
    await this.seed.fill(String(seed));
    await this.seed.press('Enter');
    await expect(this.seed).toHaveValue(String(seed));
  }

  // The number of requests in flight, from the live summary (spoken at once on pause).
  async inFlight() {
    const text = await this.liveSummary.textContent();
    const match = text.match(/([\d,]+) in flight/);
    if (!match) throw new Error(`no "in flight" count in the live summary: ${JSON.stringify(text)}`);
    return Number(match[1].replace(/,/g, ''));
  }
}

class EmbedPage {
  constructor(page) {
    this.page = page;
    this.widget = new SimWidget(page);
  }

  async open(kind, query = '') {
    await this.page.goto(`embed/${kind}${query ? `?${query}` : ''}`);
    await this.widget.visible();
    return this.widget;
  }
}

// Collects console errors and uncaught exceptions of a page the test opened itself (the
// fixture watches only its own `page`).
function watchForErrors(page) {
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return problems;
}

module.exports = { SimWidget, EmbedPage, watchForErrors };
