// The explore panel: two values of any key compared on identical arrivals, and a sweep of any
// numeric key, from the controls and from an address. Reads text and test ids, never pixels.
const { test, expect } = require('../fixtures');
const { EmbedPage } = require('../pages/widget');

// Two servers at 80 % load: a third server changes the waiting a lot.
const QUEUE = 'rate=1.6&service_time=1&servers=2&requests=400&seed=5&layout=full';

async function playToEnd(widget) {
  await widget.setSpeed('max');
  await widget.play.click();
  await expect(widget.readout('arrivals')).toHaveText('400', { timeout: 20_000 });
  await expect(widget.play).toHaveAttribute('aria-pressed', 'false', { timeout: 20_000 });
}

test('comparing servers (not a policy) shows two different figures on identical arrivals', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', QUEUE);
  const compare = widget.root.getByTestId('compare');
  await compare.getByTestId('compare-key').selectOption('servers');
  await expect(compare.getByTestId('compare-value')).toHaveValue('2');
  await compare.getByTestId('compare-value').fill('3');
  await compare.getByTestId('compare-start').click();
  const table = compare.getByTestId('compare-table');
  await expect(table).toContainText('servers = 2');
  await expect(table).toContainText('servers = 3');
  await playToEnd(widget);
  // The compared run follows in lockstep on the same 400 arrivals; with a third server it
  // serves its last request no later than the main run does.
  await expect(widget.readout('arrivals-b')).toHaveText('400');
  await expect(widget.readout('completed-b')).toHaveText(await widget.text('completed'));
  expect(parseFloat(await widget.text('time-b'))).toBeLessThanOrEqual(parseFloat(await widget.time()));
  const a = (await compare.getByTestId('compare-a-p99').textContent()).trim();
  const b = (await compare.getByTestId('compare-b-p99').textContent()).trim();
  expect(a, 'p99 differs between 2 and 3 servers').not.toBe(b);
  const toSeconds = (t) => parseFloat(t) / (t.endsWith(' ms') ? 1000 : 1);
  expect(toSeconds(b)).toBeLessThan(toSeconds(a));
  await expect(compare.getByTestId('compare-link')).toHaveAttribute('href', /compare=servers:2,3/);
});

test('an address compares any key, and a bad one is named, not thrown', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', `${QUEUE}&compare=servers:1,4`);
  const table = widget.root.getByTestId('compare-table');
  await expect(table).toContainText('servers = 1');
  await expect(table).toContainText('servers = 4');
  const bad = await new EmbedPage(page).open('queue', `${QUEUE}&compare=servers:two`);
  await expect(bad.problems).toContainText('compare');
  await expect(bad.problems).toContainText('"two"');
  await expect(bad.root.getByTestId('compare-table')).toHaveCount(0);
});

test('a sweep of a chosen key draws its runs, with theory beside it', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', QUEUE);
  const sweep = widget.root.getByTestId('sweep');
  await sweep.getByTestId('sweep-key').selectOption('servers');
  await sweep.getByTestId('sweep-from').fill('2');
  await sweep.getByTestId('sweep-to').fill('6');
  await sweep.getByTestId('sweep-figure').selectOption('mean_latency');
  await expect(sweep.getByTestId('sweep-status')).toContainText('5 values of servers from 2 to 6');
  await sweep.getByTestId('sweep-run').click();
  await expect(sweep.getByTestId('sweep-point')).toHaveCount(5, { timeout: 30_000 });
  await expect(sweep.getByTestId('sweep-status')).toContainText('5 runs');
  await expect(sweep.getByTestId('sweep-chart')).toHaveAttribute('aria-label', /mean latency against servers for 5 runs/);
  await expect(sweep.locator('.chart-legend')).toContainText('theory');
  await expect(sweep.getByTestId('sweep-link')).toHaveAttribute('href', /sweep=servers:2\.\.6:mean_latency/);
  // A point opens its run.
  await sweep.getByTestId('sweep-point').nth(2).click();
  await expect(widget.root.getByTestId('value-servers')).toHaveText('4');
});

test('a sweep address runs at once, log-spaced over a wide range', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', `${QUEUE}&sweep=rate:0.05..1.9:p99`);
  const sweep = widget.root.getByTestId('sweep');
  await expect(sweep.getByTestId('sweep-point')).toHaveCount(12, { timeout: 60_000 });
  await expect(sweep.getByTestId('sweep-point').first()).toHaveText('0.05');
  await expect(sweep.getByTestId('sweep-chart')).toHaveAttribute('aria-label', /p99 against rate/);
});
