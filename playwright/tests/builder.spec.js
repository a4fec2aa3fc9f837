// A lesson's "Set up" links, the embed builder (embed/), and the example deck's presenter
// fragments. Runs are compared through the state the embed posts to its parent (time, event
// count, report), which is the run itself, number for number.
const { test, expect } = require('../fixtures');
const { SimWidget } = require('../pages/widget');
const { LessonPage } = require('../pages/site');

// Keeps every state message a page receives, with whether it came from the frame `id`.
function recordStates(page) {
  return page.addInitScript(() => {
    window.states = [];
    addEventListener('message', (e) => {
      if (!e.data || e.data.headroom !== 'state') return;
      const frames = [...document.querySelectorAll('iframe')];
      const frame = frames.find((f) => f.contentWindow === e.source);
      window.states.push({ from: frame ? frame.id || frame.dataset.testid || '' : '', ...e.data });
    });
  });
}
const statesFrom = (page, from) => page.evaluate((f) => window.states.filter((s) => s.from === f), from);
const lastFrom = async (page, from) => (await statesFrom(page, from)).pop();

test.describe('a lesson step sets up the widget', () => {
  async function openLesson(page) {
    const lesson = new LessonPage(page);
    await lesson.open('system-design', 'load-balancing');
    const widget = new SimWidget(page);
    await widget.visible();
    await expect(page.locator('html')).toHaveAttribute('data-app', /\bwidgets\b/);
    return widget;
  }
  const setupLink = (page, settings) =>
    page.locator('p.setup', { has: page.getByText(settings, { exact: true }) }).getByTestId('setup');

  test('"Set up" on step 2 changes the widget to the step\'s settings, paused at 0, seed kept', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const widget = await openLesson(page);
    await expect(widget.root.getByTestId('value-policy')).toHaveText('round_robin');
    await widget.start();
    await expect(widget.readout('time')).not.toHaveText('0.00 s');

    const link = setupLink(page, 'policy = weighted');
    // Without JavaScript the link opens the lesson's widget as an embed with the step's settings.
    await expect(link).toHaveAttribute('href', /^embed\/balancer\/\?kind=balancer&.*policy=weighted.*&controls=policy,outage_at,health_interval$/);
    const before = page.url();
    await link.click();
    expect(page.url(), 'the link did not navigate').toBe(before);
    await expect(widget.root.getByTestId('value-policy')).toHaveText('weighted');
    await expect(widget.shareUrl).toHaveValue(/policy=weighted/);
    await expect(widget.shareUrl).toHaveValue(/seed=7/);
    await expect(widget.play, 'the learner predicts before the run').toHaveAttribute('aria-pressed', 'false');
    await expect(widget.readout('time')).toHaveText('0.00 s');

    // A step's settings merge: step 3's second line sets three keys.
    await setupLink(page, 'policy = least_conn, outage_at = 5.5, health_interval = 1').click();
    await expect(widget.root.getByTestId('value-policy')).toHaveText('least_conn');
    await expect(widget.shareUrl).toHaveValue(/outage_at=5\.5/);
    await expect(widget.shareUrl).toHaveValue(/health_interval=1/);
  });

  test('on a phone, "Set up" brings the widget into view', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const widget = await openLesson(page);
    const link = setupLink(page, 'policy = least_conn');
    await link.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(widget.canvas).not.toBeInViewport();
    await link.click();
    await expect(widget.root.getByTestId('value-policy')).toHaveText('least_conn');
    await expect(widget.root).toBeInViewport();
  });
});

test.describe('the embed builder', () => {
  test('its iframe code, pasted into a page, shows the preview\'s run at the chosen time', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await recordStates(page);
    await page.goto('embed/');
    await expect(page.getByTestId('embed-builder')).toBeVisible();
    await page.getByTestId('presets').getByRole('button', { name: 'A slow server under round robin' }).click();
    await expect(page.getByTestId('builder-kind')).toHaveValue('balancer');
    await page.getByTestId('param-policy').selectOption('p2c');
    await page.getByTestId('builder-theme').selectOption('dark');
    await page.getByTestId('show-seed').check();
    await page.getByTestId('builder-start').fill('6.25');
    await page.getByTestId('builder-start').press('Tab');

    const code = await page.getByTestId('builder-code').inputValue();
    const link = await page.getByTestId('builder-link').inputValue();
    expect(code).toContain('width="960" height="540"');
    expect(code).toContain(link.replace(/&/g, '&amp;'));
    expect(link).toMatch(/\/headroom\/embed\/balancer\/\?kind=balancer&.*policy=p2c/);
    expect(link).toMatch(/&controls=policy,outage_at,health_interval,seed&theme=dark&t=6\.25$/);
    await expect(page.getByTestId('builder-preview')).toHaveAttribute('src', link);

    // The preview is the embed at slide size, scaled to its column.
    const box = await page.getByTestId('builder-preview').boundingBox();
    expect(Math.round(box.width / box.height * 9)).toBe(16);

    // The preview settles at the chosen time.
    await expect.poll(async () => (await lastFrom(page, 'builder-preview'))?.time).toBe(6.25);
    const preview = await lastFrom(page, 'builder-preview');
    expect(preview.scenario).toBe(new URL(link).search.slice(1).split('&controls=')[0]);
    expect(preview.events).toBeGreaterThan(100);

    // Pasted into an instructor's page.
    await page.route('**/headroom/slides.html', (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>slides</title><link rel="icon" href="data:,"></head><body>${code.replace('<iframe ', '<iframe id="pasted" ')}</body></html>`,
    }));
    await page.goto('slides.html');
    const pasted = new SimWidget(page.frameLocator('#pasted'));
    await pasted.visible();
    await expect(pasted.readout('time')).toHaveText('6.25 s');
    await expect.poll(async () => (await lastFrom(page, 'pasted'))?.time).toBe(6.25);
    const shown = await lastFrom(page, 'pasted');
    const { from: _a, ...expected } = preview;
    const { from: _b, ...actual } = shown;
    expect(actual, 'the same run at the same time, number for number').toEqual(expected);
    await expect(page.frameLocator('#pasted').locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(pasted.param('seed')).toBeVisible();
  });

  test('is linked from the home page and from a widget\'s share panel', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('builder-link').click();
    await expect(page).toHaveURL(/\/headroom\/embed\/$/);
    await expect(page.getByTestId('embed-builder')).toBeVisible();

    await page.goto('learn/system-design/caching/');
    const widget = new SimWidget(page);
    await widget.visible();
    await widget.root.getByText('Share or embed this run').click();
    await widget.root.getByTestId('open-builder').click();
    await expect(page.getByTestId('builder-kind')).toHaveValue('cache');
    await expect(page.getByTestId('builder-link')).toHaveValue(/\/embed\/cache\/\?kind=cache&.*&controls=ttl_jitter,coalesce,capacity$/);
  });
});

test.describe('the example deck\'s presenter fragments', () => {
  test('step the widget, inject a failure and switch the policy', async ({ page }) => {
    await recordStates(page);
    await page.goto('deck/#/presenter');
    const frame = page.frameLocator('#widget-presenter');
    await new SimWidget(frame).visible();
    await expect.poll(async () => (await statesFrom(page, 'widget-presenter')).length).toBeGreaterThan(0);
    const start = await lastFrom(page, 'widget-presenter');
    expect(start.events).toBe(0);

    await page.keyboard.press('ArrowRight'); // step
    await expect.poll(async () => (await lastFrom(page, 'widget-presenter')).events).toBe(1);

    await page.keyboard.press('ArrowRight'); // play
    await expect.poll(async () => (await lastFrom(page, 'widget-presenter')).playing).toBe(true);
    await expect.poll(async () => (await lastFrom(page, 'widget-presenter')).time).toBeGreaterThan(0.5);

    await page.keyboard.press('ArrowRight'); // kill server 1, now
    await expect.poll(async () => (await lastFrom(page, 'widget-presenter')).scenario).toMatch(/outage_at=/);

    await page.keyboard.press('ArrowRight'); // least connections
    await expect.poll(async () => (await lastFrom(page, 'widget-presenter')).scenario).toMatch(/policy=least_conn/);
    const last = await lastFrom(page, 'widget-presenter');
    expect(last.scenario, 'the failure stays injected').toMatch(/outage_at=/);
    expect(last.playing).toBe(true);
  });
});
