// Offline reading: after one visit the whole site is kept by the service worker; a different
// lesson then opens offline with its widget. A new build is offered as "a new version is
// ready" and applied on the learner's word, and until then the page keeps the old build whole.
const fs = require('fs');
const path = require('path');
const { test, expect, scrollToFirstSim } = require('../fixtures');

const DIST = path.join(__dirname, '..', '..', 'dist');
const LESSON = 'learn/system-design/cdns/';

test.setTimeout(120_000);
test.use({ serviceWorkers: 'allow' });

test('a lesson opens offline after one visit, and a new build is offered and applied', async ({ page, context }) => {
  await page.goto('learn/system-design/caching/');
  // The worker takes the page once it has kept every file of the build.
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 90_000 });

  await context.setOffline(true);
  await page.goto(LESSON);
  await expect(page.locator('h1')).toHaveText('Content delivery networks');
  // The widget module loads once a simulation nears the viewport.
  await scrollToFirstSim(page);
  const widget = page.getByTestId('sim-widget').first();
  await expect(widget.getByTestId('sim-canvas')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('data-app', /widgets/);
  await page.getByTestId('search-open').click();
  await page.getByTestId('search-input').fill('bestsellers');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await context.setOffline(false);

  // A new build: one lesson changed, so the worker's version changed.
  const pageFile = path.join(DIST, LESSON, 'index.html');
  const workerFile = path.join(DIST, 'sw.js');
  const [oldPage, oldWorker] = [fs.readFileSync(pageFile, 'utf8'), fs.readFileSync(workerFile, 'utf8')];
  try {
    fs.writeFileSync(pageFile, oldPage.replace('</main>', '<p data-testid="new-build">Changed.</p></main>'));
    fs.writeFileSync(workerFile, oldWorker.replace(/const VERSION = '([0-9a-f]+)';/, "const VERSION = '$1-next';"));
    await page.reload();
    const notice = page.getByTestId('update-ready');
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await expect(notice).toContainText('A new version of Headroom is ready.');
    await expect(page.getByTestId('new-build'), 'the page keeps its own build until the learner updates').toHaveCount(0);
    await notice.getByRole('button', { name: 'Update now' }).click();
    await expect(page.getByTestId('new-build')).toHaveText('Changed.', { timeout: 20_000 });
    await expect(page.getByTestId('update-ready')).toBeHidden();
    const progress = await page.evaluate(() => localStorage.getItem('headroom.progress'));
    expect(progress, 'the last visit survives the update').toContain('system-design/cdns');
  } finally {
    fs.writeFileSync(pageFile, oldPage);
    fs.writeFileSync(workerFile, oldWorker);
  }
});
