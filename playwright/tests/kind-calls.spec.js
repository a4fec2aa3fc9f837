// The calls kind as a learner meets it: its embed plays, steps and resets; the figures the
// lessons quote are on screen (success ratio, amplification, backlog); "Stop consumer" stops
// the async level and its backlog grows, "Restart consumer" lets it drain; the canvas places
// its labels (levels, the slowest request's waterfall) inside it. Hooks and text only.
const { test, expect } = require('../fixtures');
const { EmbedPage } = require('../pages/widget');

const seconds = (text) => parseFloat(text);
const count = (text) => Number(String(text).replace(/[^\d.]/g, ''));

test('the calls embed plays, steps and resets', async ({ page }) => {
  const widget = await new EmbedPage(page).open('calls', 'layout=full&rate=20&requests=0');
  await expect(widget.canvas).toBeVisible();
  await widget.stepTimes(5);
  expect(seconds(await widget.time())).toBeGreaterThan(0);
  await widget.start();
  await expect.poll(async () => seconds(await widget.time()), { timeout: 15_000 }).toBeGreaterThan(2);
  await widget.pause();
  await expect.poll(async () => count(await widget.text('arrivals'))).toBeGreaterThan(0);
  await expect(widget.readout('success_ratio')).toContainText('%');
  await widget.reset.click();
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await expect(widget.readout('arrivals')).toHaveText('0');
});

test('retries multiply down the tree: 64 attempts at the bottom per request', async ({ page }) => {
  const widget = await new EmbedPage(page).open(
    'calls', 'layout=full&depth=3&fanout=1&hop_fail=0,0,1&hop_retries=3&rate=1&requests=20&t=200');
  await expect(widget.readout('amplification')).toHaveText('64.00', { timeout: 15_000 });
  await expect(widget.readout('success_ratio')).toHaveText('0.0 %');
});

test('a per-level list is edited as text, not squeezed into one slider', async ({ page }) => {
  // Regression: `replicas = 4,3` drew a slider resting at its minimum, showing neither value.
  const widget = await new EmbedPage(page).open('calls', 'depth=2&replicas=4,3&controls=replicas,hop_timeout&hop_timeout=none,0.5');
  await expect(widget.param('replicas')).toHaveAttribute('type', 'text');
  await expect(widget.param('replicas')).toHaveValue('4,3');
  await widget.param('replicas').fill('2,6');
  await widget.param('replicas').press('Enter');
  await expect(widget.root.getByTestId('value-replicas')).toHaveText('2,6');
  await expect(widget.canvas).toHaveAttribute('data-labels', /0\/2 busy/);
  await expect(widget.param('hop_timeout')).toHaveValue('none,0.5');
});

test('a stopped consumer builds a backlog, and drains it once restarted', async ({ page }) => {
  test.setTimeout(60_000);
  const widget = await new EmbedPage(page).open(
    'calls', 'layout=full&depth=2&fanout=1&async=2&hop_fail=0&hop_time=0.01,0.04&replicas=4,3&rate=50&requests=0&t=5');
  const stop = widget.root.getByTestId('stop-consumer');
  await expect(stop).toHaveText('Stop consumer');
  await stop.click();
  await expect(stop).toHaveText('Restart consumer');
  await widget.setSpeed('max');
  await widget.start();
  await expect.poll(async () => count(await widget.text('backlog')), { timeout: 20_000 }).toBeGreaterThan(200);
  await widget.pause();
  await stop.click();
  await expect(stop).toHaveText('Stop consumer');
  await widget.start();
  await expect.poll(async () => count(await widget.text('drain_time')), { timeout: 30_000 }).toBeGreaterThan(0);
  await widget.pause();
  expect(count(await widget.text('max_backlog'))).toBeGreaterThan(200);
});

test('the canvas names the levels and the slowest request inside its bounds', async ({ page }) => {
  const widget = await new EmbedPage(page).open(
    'calls', 'layout=full&depth=3&fanout=2&hop_fail=0.05&hop_retries=1&rate=10&requests=0&t=20');
  await expect.poll(async () => widget.canvas.evaluate((el) => (el.dataset.labels || '').includes('slowest')),
    { timeout: 15_000 }).toBe(true);
  const { labels, width, height } = await widget.canvas.evaluate((el) => ({
    labels: JSON.parse(el.dataset.labels || '[]'), width: el.clientWidth, height: el.clientHeight,
  }));
  const texts = labels.map((l) => l.text);
  expect(texts.some((t) => /^(level 1|L1)$/.test(t)), texts.join(' | ')).toBe(true);
  for (const l of labels) {
    expect(l.x).toBeGreaterThanOrEqual(0);
    expect(l.y).toBeGreaterThanOrEqual(0);
    expect(l.x + l.w).toBeLessThanOrEqual(width + 0.5);
    expect(l.y + l.h).toBeLessThanOrEqual(height + 0.5);
  }
});
