// The engine's bounds as the learner meets them (issue 8): a seek reaches the time it was asked
// for, a frame at a time, showing that it is catching up; a failure injected at top speed keeps
// the moment; memory stays bounded however hostile the scenario; and a widget that goes away
// frees its animation-frame loop. Reads hooks and text, never pixels; the test hooks are
// `window.__headroom.frameLoops`, `window.__headroom.wasmMemory` and
// `window.__headroom.remountWidgets(n)`.
const { test, expect } = require('../fixtures');
const { LessonPage } = require('../pages/site');
const { SimWidget, EmbedPage } = require('../pages/widget');

const seconds = (text) => parseFloat(text);

// Events one frame may spend catching up (playback::SEEK_BUDGET).
const SEEK_BUDGET = 100000;

// The bound the memory test asserts, documented in docs/performance.md: a page with one widget
// and a run at its limits (sim::limits) stays under this many bytes of wasm memory.
const MEMORY_BOUND = 64 * 1024 * 1024;

test('a share link with t= replays all the way there, showing it is catching up', async ({ page }) => {
  // About six million events to reach t = 3000 s: three times what one frame was once allowed.
  const widget = await new EmbedPage(page).open('queue', 'rate=1000&service_time=0.0009&requests=0&t=3000');
  await expect(widget.root.getByTestId('catching-up')).toBeVisible();
  await expect(widget.root.getByTestId('catching-up')).toContainText('3000.0 s');
  await expect(widget.readout('time')).toHaveText('3000.00 s', { timeout: 25_000 });
  await expect(widget.root.getByTestId('catching-up')).toHaveCount(0);
  await expect(widget.play).toHaveAttribute('aria-pressed', 'false');
});

test('a failure injected after a while at top speed keeps the moment', async ({ page }) => {
  test.setTimeout(60_000);
  // ρ = 0.9 at 50 requests a second: about 100 events per simulated second.
  const widget = await new EmbedPage(page).open('queue', 'rate=50&service_time=0.018&requests=0&seed=3');
  await widget.setSpeed('max');
  await widget.start();
  // Well past the two million events a replay was once cut at.
  await expect.poll(async () => seconds(await widget.time()), { timeout: 30_000 }).toBeGreaterThan(30_000);
  await widget.pause();
  const before = await widget.time();
  await widget.root.getByTestId('kill-server').click();
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('[data-testid="sim-widget"]');
    const samples = [];
    const sample = () => {
      samples.push(Number(el.dataset.frameEvents));
      if (document.querySelector('[data-testid="catching-up"]')) requestAnimationFrame(sample);
      else resolve(samples);
    };
    requestAnimationFrame(sample);
  }));
  expect(frames.filter((events) => !(events <= SEEK_BUDGET)), 'frames over the seek budget').toEqual([]);
  await expect(widget.root.getByTestId('catching-up')).toHaveCount(0, { timeout: 30_000 });
  await expect(widget.readout('time')).toHaveText(before);
  await expect(widget.root.getByTestId('kill-server')).toHaveText('Revive server 1');
});

test('a hostile scenario played at top speed for 30 s keeps wasm memory bounded', async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await new EmbedPage(page).open('queue', 'rate=1000000&service_time=10000&requests=0');
  await widget.setSpeed('max');
  await widget.start();
  const samples = [];
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(1000);
    samples.push(await page.evaluate(() => window.__headroom && window.__headroom.wasmMemory));
  }
  expect(samples.every((bytes) => typeof bytes === 'number' && bytes > 0), `samples ${samples}`).toBe(true);
  expect(Math.max(...samples), `wasm memory over 30 s: ${samples}`).toBeLessThan(MEMORY_BOUND);
  await expect(widget.root.getByTestId('shed-notice')).toContainText('turned away unrun');
  expect(await widget.play.getAttribute('aria-pressed')).toBe('true');
});

// Pages are separate documents, so nothing in a page unmounts a widget; the test hook
// `window.__headroom.remountWidgets(n)` (src/widgets/test_hooks.rs) unmounts every widget of the
// page and mounts it again in place, n times. Each mount starts a frame loop; each unmount must
// free it (its closure used to keep itself alive: one leaked loop per mount).
test('widgets that go away free their animation-frame loops', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open('system-design', 'sync-vs-async');
  await new SimWidget(page).visible();
  const live = () => page.evaluate(() => ({
    loops: window.__headroom ? window.__headroom.frameLoops : undefined,
    widgets: document.querySelectorAll('[data-testid="sim-widget"]:not(.static)').length,
  }));
  await expect.poll(async () => (await live()).loops, { message: 'frame loops counted' }).toBeGreaterThan(0);
  const before = await live();
  expect(before.loops, 'one frame loop per live widget before remounting').toBe(before.widgets);
  await page.evaluate(() => window.__headroom.remountWidgets(20));
  await new SimWidget(page).visible();
  // A widget can be played after its remount: the new loop runs.
  const widget = new SimWidget(page);
  await widget.start();
  await expect.poll(async () => seconds(await widget.time())).toBeGreaterThan(0);
  await widget.pause();
  // The old loops' callbacks are freed a task after their cleanup.
  await expect.poll(async () => {
    const { loops, widgets } = await live();
    return { loops, widgets };
  }, { message: 'frame loops alive after 20 remounts' }).toEqual(before);
});
