// Keyboard shortcuts: `?` lists them; each says what it did in a live region.
const { test, expect, scrollToFirstSim } = require('../fixtures');

test('? lists the shortcuts, and each one is announced', async ({ page }) => {
  await page.goto('learn/system-design/caching/');
  await expect(page.locator('html[data-app~="site"]')).toBeAttached();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  for (const what of ['Search every lesson', 'Previous or next lesson', 'Mark the lesson complete', 'Play or pause']) {
    await expect(dialog).toContainText(what);
  }
  await expect(page.getByTestId('announcer')).toHaveText('Keyboard shortcuts opened.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('c');
  await expect(page.getByTestId('mark-complete')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('announcer')).toHaveText('Lesson marked complete.');
  await page.keyboard.press('c');
  await expect(page.getByTestId('mark-complete')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('announcer')).toHaveText('Lesson marked not complete.');

  await page.keyboard.press('p');
  await expect(page.getByTestId('announcer')).toHaveText('There is no simulation in view.');
  // The widget module loads once a simulation nears the viewport.
  await scrollToFirstSim(page);
  const widget = page.getByTestId('sim-widget').first();
  const play = widget.getByTestId('play');
  await expect(play).toBeVisible({ timeout: 20_000 });
  const before = await play.getAttribute('aria-pressed');
  await page.keyboard.press('p');
  await expect(play).not.toHaveAttribute('aria-pressed', before);
  await expect(page.getByTestId('announcer')).toHaveText(before === 'true' ? 'Simulation paused.' : 'Simulation playing.');
  await page.keyboard.press('r');
  await expect(page.getByTestId('announcer')).toHaveText('Simulation reset to time zero.');
});
