// The engine's bounds as the learner meets them (issue 8): a seek reaches the time it was asked
// for, a frame at a time, showing that it is catching up; a failure injected at top speed keeps
// the moment; memory stays bounded however hostile the scenario; and a widget that goes away
// frees its animation-frame loop. Reads hooks and text, never pixels; the test hooks are
// `window.__headroom.frameLoops` and `window.__headroom.wasmMemory`.
const { test, expect } = require('../fixtures');
const { LessonPage } = require('../pages/site');
const { SimWidget, EmbedPage } = require('../pages/widget');

// The bound the memory test asserts, documented in docs/performance.md: a page with one widget
// and a run at its limits (sim::limits) stays under this many bytes of wasm memory.
const MEMORY_BOUND = 64 * 1024 * 1024;

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

test('widgets that go away free their animation-frame loops', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open('system-design', 'sync-vs-async');
  await new SimWidget(page).visible();
  const live = () => page.evaluate(() => ({
    loops: window.__headroom ? window.__headroom.frameLoops : undefined,
    widgets: document.querySelectorAll('[data-testid="sim-widget"]:not(.static)').length,
  }));
  // Each move mounts the next lesson's widgets and unmounts the last one's.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await expect(page).toHaveURL(i % 2 === 0 ? /learn\/system-design\/(?!sync-vs-async)/ : /sync-vs-async$/);
    await expect(lesson.body).toBeVisible();
  }
  await new SimWidget(page).visible();
  await expect.poll(async () => {
    const { loops, widgets } = await live();
    return loops - widgets;
  }, { message: 'frame loops alive beyond the widgets on the page' }).toBe(0);
});
