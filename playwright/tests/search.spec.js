// Search: `/` opens it, the index loads on first use, a heading match comes first, Enter lands
// on the section; axe finds nothing serious with the search and shortcut overlays open.
const { test, expect } = require('../fixtures');
const { analyze } = require('./axe');

const ready = async (page, path) => {
  await page.goto(path);
  await expect(page.locator('html[data-app~="site"]')).toBeAttached();
};

test('a word in one lesson\'s body lands on its section', async ({ page }) => {
  await ready(page, '');
  const loads = [];
  page.on('request', (r) => { if (r.url().endsWith('search-index.json')) loads.push(r.url()); });
  expect(loads, 'the index is not loaded before search opens').toEqual([]);
  await page.keyboard.press('/');
  const dialog = page.getByTestId('search-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.getByTestId('search-input').fill('bestsellers');
  const results = dialog.getByTestId('search-result');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Bulkheads');
  await expect(results.first().locator('mark')).toHaveText(/bestsellers/i);
  expect(loads.length).toBe(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/headroom\/learn\/system-design\/fault-tolerance\/#bulkheads-and-graceful-degradation$/);
  await expect(page.locator('#bulkheads-and-graceful-degradation')).toBeInViewport();
});

test('a heading comes first, and the arrows choose a result', async ({ page }) => {
  await ready(page, 'learn/system-design/caching/');
  await page.getByTestId('search-open').click();
  await page.getByTestId('search-input').fill('idempotency keys');
  const results = page.getByTestId('search-result');
  await expect(results.first().getByTestId('search-heading')).toHaveText('Idempotency keys');
  expect(await results.count()).toBeGreaterThan(1);
  await expect(results.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('search-input')).toHaveAttribute('aria-activedescendant', 'search-result-0');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-dialog')).toBeHidden();
});

test('closed, the search gives focus back at once, so the next shortcut is a shortcut', async ({ page }) => {
  // Regression: opened with `/` while nothing had focus, the closed dialog's hidden field kept
  // focus until the next rendering, and a `?` typed at once was taken as typing and ignored.
  await ready(page, 'learn/system-design/caching/');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement.dataset.testid || document.activeElement.tagName), `round ${i + 1}`)
      .not.toBe('search-input');
    await expect(page.getByTestId('search-dialog')).toBeHidden();
  }
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
});

test('no serious or critical accessibility problem with the search or the shortcuts open', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: theme });
    await ready(page, 'learn/system-design/caching/');
    await page.keyboard.press('/');
    await page.getByTestId('search-input').fill('cache');
    await expect(page.getByTestId('search-result').first()).toBeVisible();
    expect(await analyze(page), `search open, ${theme}`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-dialog')).toBeHidden();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    expect(await analyze(page), `shortcuts open, ${theme}`).toEqual([]);
  }
});
