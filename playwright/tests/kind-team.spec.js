// The `team` kind: computed at once, drawn as it unfolds. Its embed plays, steps and resets the
// weeks; its figures are the whole run's; the model's assumptions stay on screen; hostile
// settings are clamped and named. Read from test ids, visible text and the canvas's test hook.
const { test, expect } = require('../fixtures');
const { EmbedPage } = require('../pages/widget');

// The canvas's placed labels, as its paint hook records them.
async function labels(canvas) {
  return canvas.evaluate((el) => JSON.parse(el.dataset.labels || '[]').map((l) => l.text));
}

test('the weeks play, step and reset, and the run ends at its finish week', async ({ page }) => {
  const widget = await new EmbedPage(page).open('team', 'people=6&hires=4&work=20');
  const week = widget.root.getByTestId('team-week');
  await expect(widget.readout('finish_week')).toHaveText('4.5');
  await expect(week).toHaveText('Week 0 of 5.');
  await expect(widget.canvas).toHaveAttribute('data-labels', /week 0: 6 people|wk 0: 6/);

  await widget.step.click();
  await expect(week).toHaveText('Week 1 of 5.');
  await expect(widget.canvas).toHaveAttribute('data-labels', /week 1: 10 people|wk 1: 10/);
  await widget.stepTimes(2);
  await expect(week).toHaveText('Week 3 of 5.');

  await widget.reset.click();
  await expect(week).toHaveText('Week 0 of 5.');

  await widget.start();
  await expect(week).toHaveText('Week 5 of 5: the work is done in week 4.5.', { timeout: 10_000 });
  await expect(widget.play).toHaveAttribute('aria-pressed', 'false');
  const texts = await labels(widget.canvas);
  expect(texts.some((t) => /^done(: | in week )4\.5$/.test(t)), texts.join(' | ')).toBe(true);
  expect(texts.some((t) => /without/.test(t)), texts.join(' | ')).toBe(true);

  // Play again from the end starts over.
  await widget.start();
  await widget.pause();
  const shown = Number((await week.textContent()).match(/Week (\d+)/)[1]);
  expect(shown).toBeLessThan(5);
});

test('the model says what it assumes, in view', async ({ page }) => {
  const widget = await new EmbedPage(page).open('team');
  const assumptions = widget.root.getByTestId('team-assumptions');
  await expect(assumptions).toBeVisible();
  await expect(assumptions).toContainText('A model, not a law');
  await expect(assumptions).toContainText('communication path');
});

test('four more people: later with 20 person-weeks left, sooner with 60', async ({ page }) => {
  const widget = await new EmbedPage(page).open('team', 'people=6&hires=4&work=20');
  await expect(widget.readout('finish_week')).toHaveText('4.5');
  await widget.param('hires').fill('0');
  await widget.param('hires').press('Enter');
  await expect(widget.readout('finish_week')).toHaveText('3.6');
  await widget.param('work').fill('60');
  await widget.param('work').press('Enter');
  await expect(widget.readout('finish_week')).toHaveText('10.7');
  await widget.param('hires').fill('4');
  await widget.param('hires').press('Enter');
  await expect(widget.readout('finish_week')).toHaveText('9.5');
});

test('hostile settings are clamped, named, and the weeks capped', async ({ page }) => {
  const widget = await new EmbedPage(page).open('team', 'people=1e9&hires=1e9&weeks=1e12&work=1e300');
  await expect(widget.problems).toContainText('people');
  await expect(widget.problems).toContainText('weeks');
  await expect(widget.readout('weeks_computed')).toHaveText('1,040');
  // Never done: no finish week, rather than "week 0".
  await expect(widget.readout('finish_week')).toHaveText('—');
  await expect(widget.root.getByTestId('team-week')).toHaveText('Week 0 of 1040.');
  await widget.step.click();
  await expect(widget.root.getByTestId('team-week')).toHaveText('Week 1 of 1040.');
  const texts = await labels(widget.canvas);
  expect(texts.some((t) => /too many to draw/.test(t)), texts.join(' | ')).toBe(true);
});
