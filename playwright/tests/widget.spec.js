// A live widget beside a lesson: playback controls, determinism of the share link, the
// reduced-motion table, and the per-frame work budget. Reads hooks and text, never pixels.
const { test, expect } = require('../fixtures');
const { LessonPage } = require('../pages/site');
const { SimWidget, EmbedPage } = require('../pages/widget');

const COURSE = 'system-design';
const LESSON = 'sync-vs-async'; // one queue widget: servers = 1, rate = 0.9

const seconds = (text) => parseFloat(text);
const count = (text) => Number(text.replace(/,/g, ''));

async function openLessonWidget(page) {
  await new LessonPage(page).open(COURSE, LESSON);
  return new SimWidget(page).visible();
}

test('play moves the run, pause holds it, step is one event, reset goes back to 0', async ({ page }) => {
  const widget = await openLessonWidget(page);
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await expect(widget.readout('arrivals')).toHaveText('0');

  await widget.start();
  await expect(widget.readout('time')).not.toHaveText('0.00 s');
  await expect(widget.readout('arrivals')).not.toHaveText('0');
  const first = await widget.time();
  await expect(widget.readout('time')).not.toHaveText(first); // still moving

  await widget.pause();
  const paused = await widget.readouts();
  await page.waitForTimeout(300);
  expect(await widget.readouts(), 'nothing changes while paused').toEqual(paused);

  // In a queue every event is one arrival or one completion.
  for (let i = 0; i < 3; i++) {
    const before = await widget.readouts();
    await widget.step.click();
    await expect(widget.root).toHaveAttribute('data-frame-events', '1');
    await expect.poll(async () => {
      const after = await widget.readouts();
      return count(after.arrivals) + count(after.completed);
    }).toBe(count(before.arrivals) + count(before.completed) + 1);
    expect(seconds(await widget.time())).toBeGreaterThanOrEqual(seconds(before.time));
  }
  await expect(widget.play).toHaveAttribute('aria-pressed', 'false');

  await widget.reset.click();
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await expect(widget.readout('arrivals')).toHaveText('0');
  await expect(widget.readout('completed')).toHaveText('0');
});

test('the seed changes the run, and the same seed gives it again', async ({ page }) => {
  const widget = await openLessonWidget(page);
  const lessonSeed = await widget.seed.inputValue();
  await widget.stepTimes(12);
  const lessonRun = await widget.readouts();
  await widget.setSeed(Number(lessonSeed) + 1);
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await widget.stepTimes(12);
  const otherRun = await widget.readouts();
  expect(otherRun).not.toEqual(lessonRun);
  await widget.setSeed(Number(lessonSeed));
  await widget.stepTimes(12);
  expect(await widget.readouts()).toEqual(lessonRun);
});

test('the share link opens the same scenario at the same time with the same numbers', async ({ page }) => {
  const widget = await openLessonWidget(page);
  await widget.setSeed(7);
  await widget.param('servers').evaluate((el) => {
    el.value = '1000'; // the slider's far end: the most servers allowed
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(widget.root.getByTestId('value-servers')).not.toHaveText('1');
  await widget.stepTimes(15);
  const here = await widget.readouts();
  const url = await widget.shareUrl.inputValue();
  expect(url).toMatch(/\/headroom\/embed\/queue\?/);
  expect(url).toContain('seed=7');
  expect(url).toMatch(/[?&]t=\d/);
  const servers = await widget.root.getByTestId('value-servers').textContent();

  await page.goto(url);
  const shared = await new SimWidget(page).visible();
  await expect(shared.problems).toHaveCount(0);
  await expect(shared.seed).toHaveValue('7');
  await expect(shared.root.getByTestId('value-servers')).toHaveText(servers);
  expect(await shared.readouts()).toEqual(here);
});

test('the share link of a run that was played and paused replays it', async ({ page }) => {
  const widget = await openLessonWidget(page);
  await widget.start();
  await expect.poll(async () => count(await widget.text('completed'))).toBeGreaterThan(3);
  await widget.pause();
  const here = await widget.readouts();
  const url = await widget.shareUrl.inputValue();
  await page.goto(url);
  const shared = await new SimWidget(page).visible();
  expect(await shared.readouts()).toEqual(here);
});

test.describe('with reduced motion', () => {
  test('a stepped table replaces the animation, and advance adds a row', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const widget = await openLessonWidget(page);
    await expect(widget.steppedTable).toBeVisible();
    await expect(widget.canvas).toHaveCount(0);
    await expect(widget.play).toHaveCount(0);
    await expect(widget.rows).toHaveCount(0);
    await widget.advance.click();
    await expect(widget.rows).toHaveCount(1);
    await expect(widget.readout('time')).not.toHaveText('0.00 s');
    await widget.advance.click();
    await expect(widget.rows).toHaveCount(2);
    const [first, second] = [await widget.rows.nth(0).locator('td').first().textContent(),
      await widget.rows.nth(1).locator('td').first().textContent()];
    expect(seconds(second)).toBeGreaterThan(seconds(first));
  });
});

// Overloaded: two arrivals a second for one server that serves one, with 500 waiting places,
// so about 500 requests stay in flight and every frame at max speed has more than it may do.
const OVERLOAD = 'servers=1&rate=2&service_time=1&queue_cap=500&requests=0&duration=0&seed=5';

test('at max speed with ~500 in flight, no frame does more events than its budget', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', OVERLOAD);
  await expect(widget.problems).toHaveCount(0);
  const budget = Number(await widget.root.getAttribute('data-frame-budget'));
  expect(budget).toBeGreaterThan(0);
  await widget.setSpeed('max');
  await widget.start();
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('[data-testid="sim-widget"]');
    const samples = [];
    const start = performance.now();
    const sample = (now) => {
      samples.push(Number(el.dataset.frameEvents));
      if (now - start < 3000) requestAnimationFrame(sample); else resolve(samples);
    };
    requestAnimationFrame(sample);
  }));
  await widget.pause();
  expect(seen.length).toBeGreaterThan(10);
  expect(Math.max(...seen), 'the frames did work').toBeGreaterThan(0);
  expect(seen.filter((events) => !(events <= budget)), 'frames over budget').toEqual([]);
  expect(await widget.inFlight()).toBeGreaterThanOrEqual(450);
  expect(count(await widget.text('dropped'))).toBeGreaterThan(0);
});

test('a playing widget stops while it is scrolled out of view, and goes on when it is back', async ({ page }) => {
  // Narrower than the two-column layout, where the widget stays beside the text to its end.
  await page.setViewportSize({ width: 1000, height: 720 });
  const widget = await openLessonWidget(page);
  await widget.start();
  await expect(widget.readout('time')).not.toHaveText('0.00 s');
  // Scroll far below the widget: the lesson's check and reading list are further down.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(widget.root).not.toBeInViewport();
  await page.waitForTimeout(300); // let the observer report and the last frame finish
  const parked = await widget.text('time');
  await page.waitForTimeout(600);
  expect(await widget.text('time')).toBe(parked);
  await widget.root.scrollIntoViewIfNeeded();
  await expect(widget.readout('time')).not.toHaveText(parked);
});

test('flushing the cache keeps the moment, goes into the share link, and sends reads to the database', async ({ page }) => {
  await new LessonPage(page).open(COURSE, 'caching');
  const widget = await new SimWidget(page).visible();
  await widget.start();
  await expect.poll(async () => seconds(await widget.text('time'))).toBeGreaterThan(1);
  await widget.pause();
  const time = await widget.text('time');
  const readsBefore = count(await widget.text('db_reads'));
  await widget.root.getByTestId('clear-cache').click();
  await expect(widget.readout('time')).toHaveText(time);
  await page.getByText('Share or embed this run').click();
  await expect(widget.root.getByTestId('share-url')).toHaveValue(/clear_at=/);
  await widget.start();
  await expect.poll(async () => count(await widget.text('db_reads'))).toBeGreaterThan(readsBefore + 100);
});
