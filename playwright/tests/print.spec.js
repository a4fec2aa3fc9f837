// A printed lesson: no control, the check's answers at the end, the widget as a still with its
// share link.
const { test, expect, scrollToFirstSim } = require('../fixtures');

test('print media shows no control and the answers to the check', async ({ page }) => {
  await page.goto('learn/system-design/caching/');
  await expect(page.locator('html[data-app~="site"]')).toBeAttached();
  // The widget module loads once a simulation nears the viewport.
  await scrollToFirstSim(page);
  const widget = page.getByTestId('sim-widget').first();
  await expect(widget.getByTestId('play')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  for (const control of ['button', 'input', 'select', 'textarea', 'summary', 'nav']) {
    const shown = await page.locator(control).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
    expect(shown, `${control} elements shown in print`).toBe(0);
  }
  const answers = page.getByTestId('print-answers');
  await expect(answers).toBeVisible();
  await expect(answers.getByRole('heading', { name: 'Answers' })).toBeVisible();
  await expect(answers).toContainText('Answer:');
  await expect(page.getByTestId('lesson-body').locator('h1, h2').first()).toBeVisible();
  await expect(widget.getByTestId('sim-canvas')).toBeVisible();
  await expect(widget.locator('.print-link')).toContainText('This run: http');
  await page.emulateMedia({ media: 'screen' });
  await expect(answers).toBeHidden();
});
