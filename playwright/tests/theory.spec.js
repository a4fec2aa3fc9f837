// The theory note beside a run: which footing the formula stands on (exact, an approximation
// with its typical error, or no closed form), what the scenario has that the model leaves out,
// and, with priority classes, each class's wait from the run beside Cobham's.
const { test, expect } = require('../fixtures');
const { EmbedPage } = require('../pages/widget');

const note = (page) => page.getByTestId('theory');
const basis = (page) => page.getByTestId('theory-basis');
// The run's figure and the formula's in the note's row labelled `label`.
async function row(page, label) {
  const cells = note(page).locator('tr', { has: page.locator('th', { hasText: label }) }).locator('td');
  await expect(cells).toHaveCount(2);
  return { run: (await cells.nth(0).textContent()).trim(), formula: (await cells.nth(1).textContent()).trim() };
}

test('priority classes: exact, each class\'s wait from the run beside Cobham\'s', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', 'rate=0.8&discipline=priority&high_share=0.3&seed=3&t=3000');
  await expect(widget.readout('time')).toHaveText('3000.00 s');
  await expect(basis(page)).toHaveAttribute('data-basis', 'exact');
  await expect(basis(page)).toContainText('Exact.');
  const high = await row(page, 'high class: mean wait');
  const low = await row(page, 'low class: mean wait');
  expect(high.formula).toBe('1.05 s');
  expect(low.formula).toBe('5.26 s');
  // The run's own figures, not the formula's echoed: short runs wander, but the high class
  // waits less than the low one.
  const seconds = (text) => (text.endsWith('ms') ? parseFloat(text) / 1000 : parseFloat(text));
  expect(seconds(high.run)).toBeGreaterThan(0);
  expect(seconds(high.run)).toBeLessThan(seconds(low.run));
  await expect(page.getByTestId('theory-differs')).toHaveCount(0);
});

test('evenly spaced arrivals: the exact D/M/1 wait, not M/M/1\'s', async ({ page }) => {
  await new EmbedPage(page).open('queue', 'rate=0.8&arrival=constant&seed=1');
  await expect(note(page).locator('summary')).toHaveText('Theory: D/M/1');
  await expect(basis(page)).toHaveAttribute('data-basis', 'exact');
  expect((await row(page, 'mean wait')).formula).toBe('1.69 s');
});

test('an approximation says so, with its typical error and what differs', async ({ page }) => {
  await new EmbedPage(page).open('queue', 'servers=2&rate=1.6&service=lognormal&seed=1');
  await expect(basis(page)).toHaveAttribute('data-basis', 'approximation');
  await expect(basis(page)).toContainText('Approximation: typically within 10 %');
  await expect(page.getByTestId('theory-differs')).toContainText('several servers with non-exponential work');
  expect((await row(page, 'mean wait')).formula).toMatch(/s$/);
});

test('bursty arrivals: no closed form, and no number from a model that does not apply', async ({ page }) => {
  await new EmbedPage(page).open('queue', 'servers=2&rate=1.5&arrival=bursty&seed=1');
  await expect(basis(page)).toHaveAttribute('data-basis', 'none');
  await expect(basis(page)).toHaveText('No closed form: use the sweep.');
  await expect(page.getByTestId('theory-differs')).toContainText('arrivals in bursts');
  await expect(note(page).locator('th', { hasText: 'mean latency' })).toHaveCount(0);
  await expect(note(page)).not.toContainText('No closed form: use the sweep.No closed form');
});
