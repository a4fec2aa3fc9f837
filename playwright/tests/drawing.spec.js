// The drawing you can read: every kind's canvas, at phone, tablet and desktop widths, with
// its queues overflowing, places its labels inside the canvas and clear of each other; its
// outlines stand out from the background at 3:1 or more in both themes; and it repaints when
// the theme changes, also while paused. The labels' boxes come from the canvas's test hook
// (data-labels: what the layout placed, measured with the canvas's own font), not from pixels.
const { test, expect } = require('../fixtures');
const { SimWidget, EmbedPage } = require('../pages/widget');
const { LessonPage } = require('../pages/site');

// One scenario per kind that is drawn, each pushed past what it can hold: queues overflow,
// servers go down, the database falls behind, replicas lag behind a partition.
const DRAWN = {
  queue: 'rate=6&servers=2&service_time=1&seed=3&t=30',
  balancer: 'servers=8&rate=40&service_time=1&outage_at=5&outage_len=100&outage_server=3&health_interval=1&seed=4&t=30',
  cache: 'rate=2000&keys=100000&capacity=100000&db_servers=2&db_time=0.05&seed=5&t=5',
  limiter: 'rate=80&limit=20&burst=10&servers=1&service_time=0.2&seed=6&t=20',
  retries: 'rate=8&servers=1&service_time=0.5&fail_prob=0.4&timeout=2&max_retries=5&seed=7&t=20',
  breaker: 'rate=8&servers=2&service_time=0.5&fail_prob=0.7&seed=8&t=20',
  replication: 'replicas=16&lag=30&rate=400&write_ratio=0.9&partition_at=2&partition_len=100&seed=9&t=10',
  autoscale: 'rate=40&service_time=1&min_servers=1&max_servers=64&provision_time=5&seed=10&t=20',
  pipeline: 'servers=16&rate=300&limiter=on&limit=250&capacity=1000&db_servers=2&db_time=0.2&seed=11&t=10',
  calls: 'depth=4&fanout=2&hop_fail=0.05&hop_retries=2&hop_timeout=0.3&async=4&rate=40&outage_at=2&outage_len=100&seed=12&t=10',
  contention: 'keys=50&zipf=1.2&rate=200&gap=0.5&strategy=lock&dup_prob=0.1&seed=12&t=10',
  delivery: 'developers=6&change_rate=0.5&batch=10&defect_prob=0.05&seed=13&t=20',
  team: 'people=6&hires=4&work=60&debt=20',
};
// Kinds with nothing animated: a table instead of a canvas.
const TABLES = ['hashing', 'estimate'];
const WIDTHS = [390, 768, 1440];

// The canvas's last paint, as its hook records it, with the canvas's size in CSS pixels.
async function painted(canvas) {
  return canvas.evaluate((el) => ({
    labels: JSON.parse(el.dataset.labels || '[]'),
    leftOut: Number(el.dataset.leftOut),
    theme: el.dataset.paintedTheme,
    structure: el.dataset.structure,
    background: el.dataset.background,
    width: el.clientWidth,
    height: el.clientHeight,
  }));
}

// Overlapping or escaping label boxes, described for the failure message.
function problems({ labels, width, height }) {
  const found = [];
  labels.forEach((a, i) => {
    if (a.x < 0 || a.y < 0 || a.x + a.w > width || a.y + a.h > height) {
      found.push(`"${a.text}" leaves the ${width}x${height} canvas at ${JSON.stringify(a)}`);
    }
    labels.slice(i + 1).forEach((b) => {
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      if (!apart) found.push(`"${a.text}" overlaps "${b.text}"`);
    });
  });
  return found;
}

// Plays a little, then pauses, waiting for at least one more paint.
async function playALittle(page, widget) {
  await widget.start();
  await page.waitForTimeout(700);
  await widget.pause();
}

test.describe('every label is inside the canvas and clear of the others', () => {
  for (const width of WIDTHS) {
    for (const [kind, scenario] of Object.entries(DRAWN)) {
      test(`${kind} at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        const widget = await new EmbedPage(page).open(kind, scenario);
        await expect(widget.canvas).toHaveAttribute('data-labels', /\[\{/);
        let paint = await painted(widget.canvas);
        expect(problems(paint), `${kind} at ${width} px, as opened`).toEqual([]);
        await playALittle(page, widget);
        paint = await painted(widget.canvas);
        expect(paint.labels.length).toBeGreaterThan(2);
        expect(problems(paint), `${kind} at ${width} px, after playing`).toEqual([]);
        // Labels that fitted nowhere are left out; at desktop width every one fits.
        if (width === 1440) expect(paint.leftOut, JSON.stringify(paint.labels.map((l) => l.text))).toBe(0);
      });
    }
  }

  test('the queue and the servers are named, and an overflowing queue shows its count in its box', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const widget = await new EmbedPage(page).open('balancer', DRAWN.balancer);
    await expect(widget.canvas).toHaveAttribute('data-labels', /\[\{/);
    const texts = (await painted(widget.canvas)).labels.map((l) => l.text);
    expect(texts).toContain('queues');
    expect(texts.some((t) => /^(server |s)1$/.test(t)), texts.join(' | ')).toBe(true);
    expect(texts.some((t) => /^\d[\d.]*k?( waiting)?$/.test(t)), texts.join(' | ')).toBe(true);
  });

  for (const kind of TABLES) {
    test(`${kind} is a table, with no canvas to label`, async ({ page }) => {
      await new EmbedPage(page).open(kind);
      await expect(new SimWidget(page).canvas).toHaveCount(0);
    });
  }
});

// WCAG contrast of two CSS colours (`#rrggbb` or `rgb(...)`).
function contrast(a, b) {
  const rgb = (css) => {
    const hex = css.trim().match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
    if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
    const fn = css.match(/rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/);
    if (fn) return fn.slice(1).map(Number);
    throw new Error(`unreadable colour ${css}`);
  };
  const lum = (css) => {
    const [r, g, b] = rgb(css).map((c) => {
      const v = c / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

test.describe('the drawing stands out in both themes', () => {
  for (const theme of ['light', 'dark']) {
    test(`outlines are at least 3:1 against the background in the ${theme} theme`, async ({ page }) => {
      const widget = await new EmbedPage(page).open('pipeline', `${DRAWN.pipeline}&theme=${theme}`);
      await expect(widget.canvas).toHaveAttribute('data-painted-theme', theme);
      const paint = await painted(widget.canvas);
      // The background the hook reports is the one the canvas sits on.
      const shown = await widget.canvas.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(contrast(shown, paint.background)).toBeCloseTo(1, 5);
      expect(contrast(paint.structure, paint.background)).toBeGreaterThanOrEqual(3);
      // Parts are filled with --surface-2: the outlines stand out from it too.
      const surface = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--surface-2'));
      expect(contrast(paint.structure, surface)).toBeGreaterThanOrEqual(3);
    });
  }
});

// The colour of the canvas pixel at (x, y) CSS pixels, as `rgb(r, g, b)`.
async function pixel(canvas, x, y) {
  return canvas.evaluate((el, [px, py]) => {
    const dpr = el.width / el.clientWidth;
    const [r, g, b] = el.getContext('2d').getImageData(Math.round(px * dpr), Math.round(py * dpr), 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }, [x, y]);
}

// The clients' circle: filled with --surface-2, at the left, halfway down.
async function clientsFill(canvas) {
  const { width, height } = await painted(canvas);
  return pixel(canvas, Math.max(width * 0.05, 16), height / 2);
}

const cssVar = (page, name) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

test.describe('the canvas repaints when the theme changes', () => {
  test('paused, in an embed, when data-theme changes and when the system preference does', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const widget = await new EmbedPage(page).open('queue', DRAWN.queue);
    await widget.stepTimes(3);
    await expect(widget.play).toHaveAttribute('aria-pressed', 'false');
    await expect(widget.canvas).toHaveAttribute('data-painted-theme', 'light');
    const time = await widget.time();

    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await expect(widget.canvas).toHaveAttribute('data-painted-theme', 'dark');
    expect(contrast(await clientsFill(widget.canvas), await cssVar(page, '--surface-2'))).toBeCloseTo(1, 1);

    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await expect(widget.canvas).toHaveAttribute('data-painted-theme', 'light');
    expect(contrast(await clientsFill(widget.canvas), await cssVar(page, '--surface-2'))).toBeCloseTo(1, 1);

    // No data-theme: the system's preference decides.
    await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(widget.canvas).toHaveAttribute('data-painted-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(widget.canvas).toHaveAttribute('data-painted-theme', 'light');
    // Repainting is not playing: the run stayed where it was.
    expect(await widget.time()).toBe(time);
  });

  test('paused, on a lesson, when the reader presses the theme toggle', async ({ page }) => {
    await new LessonPage(page).open('system-design', 'sync-vs-async');
    const widget = await new SimWidget(page).visible();
    await widget.stepTimes(2);
    const before = await widget.canvas.getAttribute('data-painted-theme');
    const toggle = page.getByTestId('theme-toggle');
    for (let i = 0; i < 2; i++) {
      await toggle.click();
      const now = await page.locator('html').getAttribute('data-theme');
      if (now !== before) break;
    }
    const after = await page.locator('html').getAttribute('data-theme');
    expect(after).not.toBe(before);
    await expect(widget.canvas).toHaveAttribute('data-painted-theme', after);
    expect(contrast(await clientsFill(widget.canvas), await cssVar(page, '--surface-2'))).toBeCloseTo(1, 1);
  });
});

test('each chart line differs from the others by dash or marker, as its legend shows', async ({ page }) => {
  const widget = await new EmbedPage(page).open('queue', 'service=lognormal&rate=0.8&t=30');
  const legend = widget.root.getByTestId('chart-latency').locator('xpath=..').locator('.chart-legend svg');
  await expect(legend).toHaveCount(3);
  const styles = await legend.evaluateAll((svgs) => svgs.map((svg) =>
    `${svg.querySelector('line').getAttribute('stroke-dasharray')} ${svg.querySelectorAll('circle').length}`));
  expect(new Set(styles).size).toBe(3);
});

test('the heading over the servers counts what it names, in the right number', async ({ page }) => {
  // Regression: one worker was "1 workers"; several servers are counted as servers.
  const texts = async (kind, query) => {
    const widget = await new EmbedPage(page).open(kind, query);
    await expect(widget.canvas).toHaveAttribute('data-labels', /\[\{/);
    return widget.canvas.evaluate((el) => JSON.parse(el.dataset.labels).map((l) => l.text));
  };
  expect(await texts('queue', 'servers=1')).toContain('1 worker');
  expect(await texts('queue', 'servers=3')).toContain('3 workers');
  expect(await texts('balancer', 'servers=4')).toContain('4 servers');
});
