// Every test gets a page that fails the test on any console error, uncaught exception, or
// request to a host other than 127.0.0.1. A test may list console errors it expects.
const base = require('@playwright/test');

const test = base.test.extend({
  expectedConsoleErrors: [[], { option: true }],

  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (!expectedConsoleErrors.some((pattern) => pattern.test(text))) {
        problems.push(`console error: ${text}`);
      }
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    await page.context().route('**/*', (route) => {
      const url = new URL(route.request().url());
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') {
        problems.push(`request left 127.0.0.1: ${url.href}`);
        return route.abort();
      }
      return route.continue();
    });
    await use(page);
    base.expect(problems, 'console errors, uncaught exceptions or outside requests').toEqual([]);
  },
});

// Scrolls the first simulation on the page into view. The page swaps a lesson's static picture
// for the live widget as it mounts, so the element is found and scrolled in one step in the page
// rather than through a locator that the swap can detach between the two.
async function scrollToFirstSim(page) {
  await page.waitForSelector('[data-testid="sim-static"], [data-testid="sim-widget"]');
  await page.evaluate(() => {
    const sim = document.querySelector('[data-testid="sim-static"], [data-testid="sim-widget"]');
    if (sim) sim.scrollIntoView({ block: 'center' });
  });
}

module.exports = { test, expect: base.expect, scrollToFirstSim };
