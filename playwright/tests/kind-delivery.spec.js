// The delivery kind's widget: it plays, steps and resets; it speaks of changes and hours, never
// of requests or milliseconds; its drawing's labels stay inside the canvas and clear of each
// other at phone and desktop widths; and its embed fits a 960x540 frame. Reads hooks and
// text, never pixels.
const { test, expect } = require('../fixtures');
const { EmbedPage } = require('../pages/widget');

// Busy enough that every stage holds changes: long branches, a queue for review, flaky CI,
// big batches that fail.
const BUSY = 'developers=8&change_rate=0.4&reviewers=2&review_time=0.55&tests=120&flake=0.01'
  + '&batch=10&defect_prob=0.05&review_catch=0&test_catch=0&branch_days=0.5&overlap=0.1&seed=4';

// The canvas's last paint, as its hook records it.
async function painted(canvas) {
  return canvas.evaluate((el) => ({
    labels: JSON.parse(el.dataset.labels || '[]'),
    leftOut: Number(el.dataset.leftOut),
    width: el.clientWidth,
    height: el.clientHeight,
  }));
}

// Labels that leave the canvas or overlap another.
function problems({ labels, width, height }) {
  const found = [];
  labels.forEach((a, i) => {
    if (a.x < 0 || a.y < 0 || a.x + a.w > width || a.y + a.h > height) found.push(`"${a.text}" leaves the canvas`);
    labels.slice(i + 1).forEach((b) => {
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      if (!apart) found.push(`"${a.text}" overlaps "${b.text}"`);
    });
  });
  return found;
}

test('it plays, steps and resets, in changes and hours', async ({ page }) => {
  const widget = await new EmbedPage(page).open('delivery', 'seed=2&changes=0');
  for (const name of ['lead_time', 'deployment_frequency', 'change_failure_rate', 'time_to_restore']) {
    await expect(widget.readout(name)).toBeVisible();
  }
  await expect(widget.time()).resolves.toMatch(/^0(\.0+)? h$/);

  // Step: each press is one event; a few presses start changes.
  await widget.stepTimes(5);
  const stepped = await widget.time();
  expect(parseFloat(stepped)).toBeGreaterThan(0);
  await expect(widget.readout('arrivals')).not.toHaveText('0');

  // Play at top speed until changes reach production.
  await widget.setSpeed('max');
  await widget.start();
  await expect.poll(async () => Number((await widget.text('completed')).replace(/,/g, '')), { timeout: 30_000 })
    .toBeGreaterThan(20);
  await widget.pause();
  const shown = await widget.readouts();
  expect(shown.lead_time).toMatch(/^\d+(\.\d)? h$/);
  expect(shown.deployment_frequency).toMatch(/^\d+(\.\d)?$/);
  expect(shown.change_failure_rate).toMatch(/%$/);
  const text = await widget.root.innerText();
  expect(text).not.toMatch(/\brequests?\b/i);
  expect(text).not.toMatch(/\d ms\b/);
  await expect(widget.canvas).toHaveAttribute('aria-label', /changes in flight/);
  // The sentence a screen reader hears on pause tells the run in the same words.
  await expect(widget.liveSummary).toHaveText(/^At [\d.]+ simulated hours: [\d,]+ changes arrived, [\d,]+ finished, [\d,]+ in flight; 95 % of finished changes took at most [\d.]+ h\.$/);

  // Reset: back to the start.
  await widget.reset.click();
  await expect(widget.readout('time')).toHaveText(/^0(\.0+)? h$/);
  await expect(widget.readout('arrivals')).toHaveText('0');
});

for (const width of [390, 1440]) {
  test(`its labels are inside the canvas and clear of each other at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const widget = await new EmbedPage(page).open('delivery', `${BUSY}&t=60`);
    await expect(widget.canvas).toHaveAttribute('data-labels', /\[\{/);
    let paint = await painted(widget.canvas);
    expect(problems(paint), 'as opened').toEqual([]);
    await widget.start();
    await page.waitForTimeout(700);
    await widget.pause();
    paint = await painted(widget.canvas);
    const texts = paint.labels.map((l) => l.text);
    expect(problems(paint), 'after playing').toEqual([]);
    expect(texts.some((t) => /review|rev\./.test(t)), texts.join(' | ')).toBe(true);
    expect(texts.some((t) => /prod/.test(t)), texts.join(' | ')).toBe(true);
    if (width === 1440) expect(paint.leftOut, texts.join(' | ')).toBe(0);
  });
}

test('its embed fits a 960x540 frame', async ({ page }) => {
  await page.setViewportSize({ width: 1040, height: 620 });
  await page.route('**/deck/delivery-fit.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fit</title></head><body style="margin:0">'
      + '<iframe title="delivery" src="../embed/delivery/?seed=3" style="width:960px;height:540px;border:0"></iframe></body></html>',
  }));
  await page.goto('deck/delivery-fit.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('sim-widget').first()).toBeVisible();
  await expect(frame.getByTestId('sim-canvas')).toBeVisible();
  const inner = page.frames().find((f) => f.url().includes('embed/delivery'));
  const found = await inner.evaluate(() => {
    const [w, h] = [window.innerWidth, window.innerHeight];
    const out = [];
    const doc = document.scrollingElement;
    if (doc.scrollHeight > doc.clientHeight + 1) out.push(`the document scrolls: ${doc.scrollHeight} > ${doc.clientHeight}`);
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`the document scrolls sideways: ${doc.scrollWidth}`);
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;
      if (r.bottom > h + 1 || r.right > w + 1) out.push(`${el.tagName} ${el.dataset.testid || el.className} reaches outside`);
    }
    return out.slice(0, 8);
  });
  expect(found).toEqual([]);
});
