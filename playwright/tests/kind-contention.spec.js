// The contention widget (kind = contention): it plays, pauses, steps one event at a time and
// resets; the lessons' runs give their figures on the page (a counter incremented 1,000 times
// ends near 800 without coordination and at 1,000 with a lock, whose wait shows); its drawing
// names the records; and it is looked at, as screenshots, at phone and desktop widths, light
// and dark, and in a 960x540 frame. Reads test ids, text and the canvas's label hook, never
// pixels; the screenshots are attachments for a person to look at.
const { test, expect } = require('../fixtures');
const { EmbedPage } = require('../pages/widget');

const count = (text) => Number(text.replace(/[^\d]/g, ''));

// The lesson's counter: λ·gap = 0.25 on one record, 1,000 increments (about 200 s).
const COUNTER = 'keys=1&rate=5&gap=0.05&requests=1000';

test('play moves the run, pause holds it, step is one event, reset goes back to 0', async ({ page }) => {
  const widget = await new EmbedPage(page).open('contention', 'keys=3&rate=20&gap=0.2&requests=0');
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await expect(widget.readout('arrivals')).toHaveText('0');

  await widget.start();
  await expect(widget.readout('arrivals')).not.toHaveText('0');
  const first = await widget.time();
  await expect(widget.readout('time')).not.toHaveText(first);

  await widget.pause();
  const paused = await widget.readouts();
  await page.waitForTimeout(300);
  expect(await widget.readouts(), 'nothing changes while paused').toEqual(paused);

  // Without repeats or late messages every event is a message arriving or a write done.
  for (let i = 0; i < 4; i++) {
    const before = await widget.readouts();
    await widget.step.click();
    await expect(widget.root).toHaveAttribute('data-frame-events', '1');
    await expect.poll(async () => {
      const after = await widget.readouts();
      return count(after.arrivals) + count(after.completed);
    }).toBe(count(before.arrivals) + count(before.completed) + 1);
  }

  await widget.reset.click();
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await expect(widget.readout('arrivals')).toHaveText('0');
  await expect(widget.readout('final_value')).toHaveText('0');
});

test('a counter incremented 1,000 times ends near 800 without coordination, at 1,000 with a lock', async ({ page }) => {
  let widget = await new EmbedPage(page).open('contention', `${COUNTER}&t=300`);
  await expect(widget.readout('expected_value')).toHaveText('1,000', { timeout: 20_000 });
  const final = count(await widget.text('final_value'));
  expect(final).toBeGreaterThan(760);
  expect(final).toBeLessThan(840);
  await expect(widget.readout('lost_updates')).toHaveText(String(1000 - final));
  // The drawing names the record with its value against the expected one.
  await expect(widget.canvas).toHaveAttribute('data-labels', new RegExp(`record 1: ${final} of 1,000`));

  widget = await new EmbedPage(page).open('contention', `${COUNTER}&strategy=lock&t=300`);
  await expect(widget.readout('final_value')).toHaveText('1,000', { timeout: 20_000 });
  await expect(widget.readout('lost_updates')).toHaveText('0');
  expect(await widget.text('lock_wait_p99')).not.toBe('0.0 ms');
});

test('changing the strategy control reruns with it', async ({ page }) => {
  const widget = await new EmbedPage(page).open('contention', `${COUNTER}&t=300`);
  await expect(widget.readout('expected_value')).toHaveText('1,000', { timeout: 20_000 });
  await widget.param('strategy').selectOption('atomic');
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await expect(widget.readout('final_value')).toHaveText('0');
  await widget.setSpeed('max');
  await widget.start();
  await expect(widget.readout('expected_value')).toHaveText('1,000', { timeout: 20_000 });
  await expect(widget.readout('final_value')).toHaveText('1,000');
});

test('repeated deliveries double effects without idempotency and none with it', async ({ page }) => {
  const jobs = 'strategy=atomic&requests=20000&rate=1000&gap=0.01&dup_prob=0.01';
  let widget = await new EmbedPage(page).open('contention', `${jobs}&t=30`);
  await expect(widget.readout('expected_value')).toHaveText('20,000', { timeout: 20_000 });
  expect(count(await widget.text('double_effects'))).toBeGreaterThan(120);
  widget = await new EmbedPage(page).open('contention', `${jobs}&idempotency=on&t=30`);
  await expect(widget.readout('expected_value')).toHaveText('20,000', { timeout: 20_000 });
  await expect(widget.readout('double_effects')).toHaveText('0');
  expect(count(await widget.text('deduplicated'))).toBeGreaterThan(120);
});

// Screenshots for a person: mid-run, writers in their gaps on hot records.
const LOOK = 'keys=20&zipf=1.2&rate=40&gap=0.3&requests=0&seed=2&t=12';
for (const [width, height] of [[1440, 1000], [390, 900]]) {
  for (const theme of ['light', 'dark']) {
    test(`looks right at ${width} px, ${theme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      const widget = await new EmbedPage(page).open('contention', `${LOOK}&theme=${theme}`);
      await expect(widget.canvas).toHaveAttribute('data-labels', /record 1/);
      await expect(widget.canvas).toHaveAttribute('data-painted-theme', theme);
      await page.screenshot({ path: testInfo.outputPath(`contention-${width}-${theme}.png`), fullPage: true });
    });
  }
}

test('looks right in a 960x540 frame', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1040, height: 620 });
  await page.route('**/deck/contention-frame.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head>
<body style="margin:0"><iframe title="contention" src="../embed/contention/?${LOOK}&strategy=lock" style="width:960px;height:540px;border:0"></iframe></body></html>`,
  }));
  await page.goto('deck/contention-frame.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('sim-canvas')).toHaveAttribute('data-labels', /record 1/, { timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('contention-frame-960x540.png') });
});
