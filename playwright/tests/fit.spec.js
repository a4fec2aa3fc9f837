// A widget that fits: every kind's embed inside a real reveal.js deck at the sizes a 16:9 deck
// gives an iframe, the widget on a phone, and the lesson's widget beside its text on a wide
// window. Sizes are read from the layout (getBoundingClientRect, scrollHeight), never pixels.
const { test, expect } = require('../fixtures');
const { SimWidget } = require('../pages/widget');

const KINDS = ['queue', 'balancer', 'cache', 'limiter', 'breaker', 'retries', 'autoscale', 'pipeline',
  'replication', 'estimate', 'hashing', 'calls', 'contention', 'delivery', 'team'];
const COMPUTED = ['estimate', 'hashing', 'team'];

// A deck like docs/deck/ (served as dist/deck/, with reveal.js beside it), one slide per kind,
// each an iframe of the given size; generated here so that it holds every kind.
function deck(width, height) {
  const slides = KINDS.map((kind) => `
      <section>
        <iframe id="frame-${kind}" class="widget" title="${kind}" data-src="../embed/${kind}/?seed=3"></iframe>
      </section>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>fit</title>
<link rel="stylesheet" href="reveal/reveal.css"><link rel="stylesheet" href="reveal/theme/serif.css">
<style>.reveal iframe.widget { width: ${width}px; height: ${height}px; border: 0; margin: 0; max-width: none; max-height: none; }
.reveal .slides section { padding: 0; }</style></head>
<body><div class="reveal"><div class="slides">${slides}
</div></div>
<script src="reveal/reveal.js"></script>
<script>Reveal.initialize({ hash: true, width: ${width}, height: ${height}, margin: 0, center: false, viewDistance: 1 });</script>
</body></html>`;
}

// What overflows inside a document: the document itself scrolling, any element that scrolls
// (its content taller or wider than its box), text wider than its box, any visible element
// reaching past the frame; and how much of the frame the canvas covers.
function measure() {
  const [w, h] = [window.innerWidth, window.innerHeight];
  const problems = [];
  const doc = document.scrollingElement;
  if (doc.scrollHeight > doc.clientHeight + 1) problems.push(`the document scrolls: ${doc.scrollHeight} > ${doc.clientHeight}`);
  if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`the document scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
    const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}`;
    if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      problems.push(`${name} scrolls: ${el.scrollHeight} > ${el.clientHeight}`);
    }
    // Text wider than its own box spills over its neighbour or is cut at the frame's edge.
    if (style.overflowX === 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name} is wider than its box: ${el.scrollWidth} > ${el.clientWidth} ("${el.textContent.trim().slice(0, 40)}")`);
    }
    if (r.bottom > h + 1 || r.right > w + 1 || r.top < -1 || r.left < -1) {
      problems.push(`${name} reaches outside the frame: ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
  }
  const canvas = document.querySelector('[data-testid="sim-canvas"]');
  const c = canvas ? canvas.getBoundingClientRect() : { width: 0, height: 0 };
  return { problems: problems.slice(0, 8), canvasShare: (c.width * c.height) / (w * h), width: w, height: h };
}

for (const [width, height] of [[960, 540], [1280, 720]]) {
  test(`every kind's embed fits a ${width}x${height} frame in a reveal.js deck`, async ({ page }) => {
    test.setTimeout(180_000); // eleven embeds, each loading the widget module, on a shared machine
    await page.setViewportSize({ width: width + 80, height: height + 80 });
    await page.route('**/deck/fit.html', (route) => route.fulfill({ contentType: 'text/html', body: deck(width, height) }));
    await page.goto('deck/fit.html');
    await expect(page.locator('.reveal .slides')).toBeVisible();
    for (const [i, kind] of KINDS.entries()) {
      await page.evaluate((index) => window.Reveal.slide(index), i);
      const frame = page.frameLocator(`#frame-${kind}`);
      const widget = new SimWidget(frame);
      await expect(widget.root, kind).toBeVisible();
      if (!COMPUTED.includes(kind)) {
        await expect(widget.root, kind).toHaveAttribute('data-layout', 'compact');
        await expect(widget.play, kind).toBeVisible();
      }
      const handle = await page.locator(`#frame-${kind}`).elementHandle();
      const inner = await handle.contentFrame();
      await inner.waitForFunction(() => document.fonts.status === 'loaded');
      const m = await inner.evaluate(measure);
      expect([m.width, m.height], `${kind}: the frame's own size`).toEqual([width, height]);
      expect(m.problems, `${kind} at ${width}x${height}`).toEqual([]);
      if (!COMPUTED.includes(kind)) {
        expect(m.canvasShare, `${kind}: the canvas's share of the frame`).toBeGreaterThanOrEqual(0.5);
        // What the compact layout keeps one click away is still there.
        await widget.root.getByTestId('tab-charts').click();
        await expect(widget.root.locator('.chart-canvas').first(), kind).toBeVisible();
      }
    }
  });
}

test('an embed\'s layout and scale keys are read, and bad values named', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  const widget = new SimWidget(page);
  await page.goto('embed/queue/?layout=full');
  await expect(widget.root).toHaveAttribute('data-layout', 'full');
  await expect(widget.root.getByTestId('sim-tabs')).toBeHidden();
  await expect(widget.root.getByTestId('chart-latency')).toBeVisible();

  await page.goto('embed/queue/?layout=compact&scale=1.5');
  await expect(widget.root).toHaveAttribute('data-layout', 'compact');
  await expect(widget.root.getByTestId('chart-latency')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');

  await page.goto('embed/queue/?layout=tiny&scale=huge');
  await expect(widget.problems).toContainText('layout');
  await expect(widget.problems).toContainText('scale');
  await expect(widget.root).toHaveAttribute('data-layout', 'compact'); // auto, in a 540 px frame
});

async function openLesson(page, path) {
  await page.goto(path);
  await page.evaluate(() => document.querySelector('[data-testid="sim-static"]').scrollIntoView({ block: 'center' }));
  const widget = new SimWidget(page);
  await expect(widget.root).toBeVisible();
  await expect(widget.play).toBeVisible();
  return widget;
}

for (const lesson of ['latency-throughput', 'load-balancing']) {
  test(`on a phone the ${lesson} widget fits about one screen, charts behind a button`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const widget = await openLesson(page, `learn/system-design/${lesson}/`);
    await expect(widget.root).toHaveAttribute('data-layout', 'compact');
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
    expect(shift, 'layout shift as the widget replaces its placeholder').toBeLessThanOrEqual(0.02);
    const box = await widget.root.boundingBox();
    // A lesson's challenge (load-balancing has one) sits in the widget's column; it is the
    // lesson's text, kept short, and does not count against the widget's screen.
    const goal = widget.root.getByTestId('goal');
    const goalHeight = (await goal.count())
      ? await goal.evaluate((el) => el.getBoundingClientRect().height + parseFloat(getComputedStyle(el).marginBottom)) : 0;
    expect(goalHeight, 'the challenge\'s height at 390 px').toBeLessThanOrEqual(170);
    expect(box.height - goalHeight, 'the widget\'s height at 390 px').toBeLessThanOrEqual(844);
    expect(box.width).toBeLessThanOrEqual(390);
    await expect(widget.root.locator('.chart-canvas').first()).toBeHidden();
    await widget.root.getByTestId('tab-charts').click();
    await expect(widget.root.locator('.chart-canvas').first()).toBeVisible();
    await widget.root.getByTestId('tab-charts').click();
    await expect(widget.root.locator('.chart-canvas').first()).toBeHidden();
  });
}

test('on a wide window the widget stays beside the text down to the last "Try this" step', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const widget = await openLesson(page, 'learn/system-design/load-balancing/');
  await expect(widget.root).toHaveAttribute('data-layout', 'compact');
  // The last step of "Try this": the last item of the last list before the widget's block.
  const step = page.locator('h2:text("Try this") ~ ol > li').last();
  await step.scrollIntoViewIfNeeded();
  await step.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(100);
  const [w, s] = [await widget.root.boundingBox(), await step.boundingBox()];
  expect(w.y, 'the widget\'s top is on screen').toBeGreaterThanOrEqual(0);
  expect(w.y + w.height, 'the widget\'s bottom is on screen').toBeLessThanOrEqual(900);
  expect(w.x, 'beside the step, not below it').toBeGreaterThan(s.x + s.width - 1);
  // And still there, stuck, at a section further up.
  await page.locator('h2:text("Health checks")').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(100);
  const up = await widget.root.boundingBox();
  expect(up.y).toBeGreaterThanOrEqual(0);
  expect(up.y + up.height).toBeLessThanOrEqual(900);
});

test('on a wide window the widget arriving moves no text (CLS ≤ 0.02)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('learn/system-design/load-balancing/');
  const widget = new SimWidget(page);
  await expect(widget.root).toBeVisible(); // beside the text, the widget is on screen from the start
  await expect(page.locator('html')).toHaveAttribute('data-app', 'site widgets');
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  expect(shift).toBeLessThanOrEqual(0.02);
});
