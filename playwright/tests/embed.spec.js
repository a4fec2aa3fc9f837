// Embeds: /embed/<kind>?<scenario> alone and inside an instructor's page. Determinism of an
// address, the postMessage API, fitting a small frame, blocked storage, hostile addresses,
// and the example reveal.js deck (dist/deck/).
const { test, expect } = require('../fixtures');
const { SimWidget, EmbedPage, watchForErrors } = require('../pages/widget');

const SCENARIO = 'rate=0.8&servers=2&service_time=1.5&seed=11';
const seconds = (text) => parseFloat(text);

test.describe('an embed address is a deterministic run', () => {
  test('opened in two pages and stepped alike, it shows the same numbers', async ({ page }) => {
    const other = await page.context().newPage();
    const otherErrors = watchForErrors(other);
    const [a, b] = [new EmbedPage(page), new EmbedPage(other)];
    await a.open('queue', SCENARIO);
    await b.open('queue', SCENARIO);
    await page.bringToFront(); // only the front page gets animation frames, which clicks wait for
    await a.widget.stepTimes(20);
    await other.bringToFront();
    await b.widget.stepTimes(20);
    const stepped = await a.widget.readouts();
    expect(seconds(stepped.time)).toBeGreaterThan(0);
    expect(await b.widget.readouts()).toEqual(stepped);

    // A different seed is a different run.
    await b.widget.setSeed(12);
    await b.widget.stepTimes(20);
    expect(await b.widget.readouts()).not.toEqual(stepped);
    expect(otherErrors).toEqual([]);
  });

  test('opened at t= in two pages, it shows the same numbers at that time', async ({ page }) => {
    const other = await page.context().newPage();
    const otherErrors = watchForErrors(other);
    const a = await new EmbedPage(page).open('queue', `${SCENARIO}&t=40`);
    const b = await new EmbedPage(other).open('queue', `${SCENARIO}&t=40`);
    await expect(a.readout('time')).toHaveText('40.00 s');
    const at40 = await a.readouts();
    expect(Number(at40.arrivals)).toBeGreaterThan(10);
    expect(await b.readouts()).toEqual(at40);

    const c = await new EmbedPage(other).open('queue', `${SCENARIO.replace('seed=11', 'seed=99')}&t=40`);
    await expect(c.readout('time')).toHaveText('40.00 s');
    expect(await c.readouts()).not.toEqual(at40);
    expect(otherErrors).toEqual([]);
  });
});

// An instructor's page on the same host, served from a route: the embed in an iframe, and
// every message the embed posts to its parent kept in window.states.
const HOST = 'test-host.html'; // beside index.html, so the frame's relative embed/ address works
async function openHost(page, src, { width = 640, height = 480 } = {}) {
  await page.route(`**/headroom/${HOST}`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>slides</title>
      <link rel="icon" href="data:,"></head><body style="margin:0">
      <iframe id="sim" src="${src}" style="width:${width}px;height:${height}px;border:0"></iframe>
      <script>
        window.states = [];
        const frame = document.getElementById('sim');
        addEventListener('message', (e) => {
          if (e.source === frame.contentWindow && e.data && e.data.headroom === 'state') window.states.push(e.data);
        });
        window.send = (message) => frame.contentWindow.postMessage(message, location.origin);
      </script></body></html>`,
  }));
  await page.goto(HOST);
  const widget = new SimWidget(page.frameLocator('#sim'));
  await widget.visible();
  // The widget reports once when it is ready; before that a command could be missed.
  await expect.poll(() => page.evaluate(() => window.states.length)).toBeGreaterThan(0);
  return widget;
}
const lastState = (page) => page.evaluate(() => window.states[window.states.length - 1]);
async function command(page, message) {
  const before = await page.evaluate(() => window.states.length);
  await page.evaluate((m) => window.send(m), message);
  await expect.poll(() => page.evaluate(() => window.states.length), `an answer to ${JSON.stringify(message)}`)
    .toBeGreaterThan(before);
  return lastState(page);
}

test.describe('inside an iframe', () => {
  test('it renders and fits without a horizontal scrollbar at 640×480 and 360 wide', async ({ page }) => {
    for (const size of [{ width: 640, height: 480 }, { width: 360, height: 640 }]) {
      const widget = await openHost(page, `embed/queue?${SCENARIO}&caption=A+queue`, size);
      await expect(widget.play).toBeVisible();
      await expect(widget.readout('time')).toBeVisible();
      const frame = page.frame({ url: /\/embed\/queue/ });
      const overflow = await frame.evaluate(() => {
        const root = document.documentElement;
        return { scroll: root.scrollWidth, client: root.clientWidth, inner: window.innerWidth };
      });
      expect(overflow.inner, `frame ${size.width} wide`).toBe(size.width);
      expect(overflow.scroll, `content width in a frame ${size.width} wide`).toBeLessThanOrEqual(overflow.client);
    }
  });

  test('it obeys postMessage commands and reports its state to the parent', async ({ page }) => {
    const widget = await openHost(page, `embed/queue?${SCENARIO}`);
    expect(await lastState(page)).toMatchObject({ headroom: 'state', playing: false, time: 0, events: 0 });

    expect(await command(page, { headroom: 'play' })).toMatchObject({ playing: true });
    await expect.poll(async () => (await lastState(page)).time, 'time reported while playing').toBeGreaterThan(0);
    await expect(widget.play).toHaveAttribute('aria-pressed', 'true');

    const paused = await command(page, { headroom: 'pause' });
    expect(paused.playing).toBe(false);
    await page.waitForTimeout(300);
    const later = await command(page, { headroom: 'state' });
    expect(later.time).toBe(paused.time);
    expect(later.events).toBe(paused.events);

    const stepped = await command(page, { headroom: 'step' });
    expect(stepped.events).toBe(paused.events + 1);
    expect(stepped.time).toBeGreaterThanOrEqual(paused.time);
    expect(stepped.report.arrivals + stepped.report.completed)
      .toBe(paused.report.arrivals + paused.report.completed + 1);

    const reset = await command(page, { headroom: 'reset' });
    expect(reset).toMatchObject({ playing: false, time: 0, events: 0 });
    await expect(widget.readout('time')).toHaveText('0.00 s');

    const set = await command(page, { headroom: 'set', scenario: 'kind=queue&rate=0.5&servers=3&seed=4' });
    expect(set.scenario).toContain('rate=0.5');
    expect(set.scenario).toContain('servers=3');
    expect(set.scenario).toContain('seed=4');
    expect(set.scenario).not.toContain('rate=0.8');
    await expect(widget.seed).toHaveValue('4');
    await expect(widget.problems).toHaveCount(0);

    // A bad scenario is corrected and named, never run as given.
    const bad = await command(page, { headroom: 'set', scenario: 'kind=queue&rate=<script>&servers=3' });
    expect(bad.scenario).not.toContain('script');
    await expect(widget.problems).toContainText('rate');

    // Anything that is not a command is ignored.
    const count = await page.evaluate(() => window.states.length);
    await page.evaluate(() => {
      window.send('play');
      window.send({ headroom: 'rm -rf' });
      window.send({ nothing: true });
      window.send(null);
    });
    await command(page, { headroom: 'state' });
    expect(await page.evaluate(() => window.states.length)).toBe(count + 1);
    expect((await lastState(page)).playing).toBe(false);
  });

  // Regression guard for a deck that sends only the keys it changes: the embed's own kind must
  // stay (today Scenario::from_query fills in the default kind, queue).
  test('set without a kind keeps the kind of the embed', async ({ page }) => {
    const widget = await openHost(page, 'embed/cache?seed=3');
    expect((await lastState(page)).scenario).toMatch(/^kind=cache/);
    const set = await command(page, { headroom: 'set', scenario: 'capacity=50&seed=8' });
    expect(set.scenario).toMatch(/^kind=cache/);
    expect(set.scenario).toContain('capacity=50');
    await expect(widget.problems).toHaveCount(0);
    await expect(widget.readout('hit_ratio')).toBeVisible();
  });

  test('it renders and runs when storage throws', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    const widget = await openHost(page, `embed/queue?${SCENARIO}&theme=dark`);
    const frame = page.frame({ url: /\/embed\/queue/ });
    expect(await frame.evaluate(() => { try { return !!window.localStorage; } catch (e) { return e.name; } }))
      .toBe('SecurityError');
    await expect(page.frameLocator('#sim').locator('html')).toHaveAttribute('data-theme', 'dark');
    await widget.start();
    await expect(widget.readout('time')).not.toHaveText('0.00 s');
    await expect(widget.readout('arrivals')).not.toHaveText('0');
    expect((await command(page, { headroom: 'pause' })).time).toBeGreaterThan(0);
  });
});

// A small seeded generator (mulberry32): the same 200 addresses every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['queue', 'balancer', 'cache', 'limiter', 'retries', 'breaker', 'hashing', 'replication',
  'autoscale', 'pipeline', 'estimate', 'contention', 'calls'];
const BAD_KINDS = ['nope', 'Queue', '%3Cscript%3E', 'q%00', '%E2%9C%93', 'x'.repeat(200), 'queue.html', '%ZZ'];
const STRANGE_TEXT = ['<script>alert(1)</script>', '"><img src=x onerror="window.__pwned=1">', 'ünïcødé ✓ 日本語 🚀',
  '%', '%ZZ', '%E0%A4%A', '\u202e\u0000', 'a'.repeat(5000), '', '+++', '=', '&amp;', 'javascript:alert(1)'];
const BAD_NUMBERS = ['-1', '-1e9', 'NaN', 'Infinity', '-Infinity', '1e999', '9'.repeat(400), 'abc', '0x10', '',
  '1,5', '%', '%ZZ', '<script>', '日本', '--1', '1e', '.', ' '];
const NUMERIC_KEYS = ['rate', 'servers', 'seed', 'requests', 'queue_cap', 'service_time', 'timeout', 'spike_factor', 'capacity'];
// Pairs that are right for a kind: they must raise no problem.
const GOOD = {
  timed: ['rate=0.5', 'seed=7', 'requests=500', 'duration=100'],
  hashing: ['seed=3', 'servers=5', 'vnodes=50'],
  estimate: ['daily_users=5000', 'requests_per_user=3'],
};

// One address: its kind, query, and whether it holds something the embed must name.
function hostileAddress(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const enc = (s) => (random() < 0.5 ? encodeURIComponent(s) : s.replace(/[#&]/g, encodeURIComponent));
  const badKind = random() < 0.1;
  const kind = badKind ? pick(BAD_KINDS) : pick(KINDS);
  const good = GOOD[kind] || GOOD.timed;
  let problem = badKind;
  let sure = true; // false: the pieces may or may not be corrected silently; only check it renders
  const pieces = [];
  const n = 1 + Math.floor(random() * 6);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.2) pieces.push(pick(good));
    else if (r < 0.3) pieces.push(`caption=${enc(pick(STRANGE_TEXT))}`);
    else if (r < 0.35) pieces.push(`controls=${enc(pick(STRANGE_TEXT))}`);
    else if (r < 0.4) pieces.push(`theme=${pick(['light', 'dark', 'system'])}`);
    else if (r < 0.45) pieces.push(`t=${pick(['0', '1.5', '20'])}`);
    else if (r < 0.55) { pieces.push(`${pick(NUMERIC_KEYS)}=${enc(pick(BAD_NUMBERS))}`); problem = true; } // wrong value, or key of another kind
    else if (r < 0.62) { pieces.push(`zz_${Math.floor(random() * 1000)}=${enc(pick(STRANGE_TEXT))}`); problem = true; }
    else if (r < 0.67) { pieces.push(`t=${pick(['-1', 'NaN', 'Infinity', 'abc', '-0.5', '1e999'])}`); problem = true; }
    else if (r < 0.72) { pieces.push(`theme=${enc(pick(['<script>', 'neon', 'DARK', '"><b>x']))}`); problem = true; }
    else if (r < 0.76) { pieces.push(`kind=${enc(pick(['bogus', '<script>', '']))}`); problem = true; }
    else if (r < 0.8) { pieces.push(pick(['<script>alert(1)</script>', '__proto__=1', 'constructor=1', '=5', 'rate'])); problem = true; }
    else if (r < 0.85) { pieces.push(`${pick(['%E0%A4%A', '%', '%ZZ', 'ra%20te'])}=1`); problem = true; }
    else if (r < 0.9) { const g = pick(good); pieces.push(g, g.replace(/=.*/, '=1')); sure = false; } // repeated key
    else if (r < 0.95) { pieces.push(pick(['', '&', '&&'])); } // empty segments
    else { pieces.push(`theme=${pick(['%ZZ', '%'])}`, `t=${pick(['1e9', '99999'])}`); sure = false; }
  }
  // An embed key whose value is not valid percent-encoding is named as a problem too.
  for (const piece of pieces) {
    const [key, value = ''] = piece.split(/=(.*)/s);
    if (['theme', 'controls', 'caption', 't'].includes(key)) {
      try { decodeURIComponent(value.replace(/\+/g, ' ')); } catch (_) { problem = true; }
    }
  }
  return { kind, query: pieces.join('&'), problem, sure };
}

test.describe('hostile addresses', () => {
  // A kind that is not a simulation has no page of its own: the static host answers 404.html
  // (the app, which shows a queue and names the problem) with status 404.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('200 random addresses always show a running widget and name what was wrong', async ({ page }) => {
    test.setTimeout(300_000); // 200 page loads, each redirected to the embed folder first, on a shared machine
    const random = rng(20261121);
    let errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    const widget = new SimWidget(page);
    let withProblems = 0;
    for (let i = 0; i < 200; i++) {
      const { kind, query, problem, sure } = hostileAddress(random);
      const address = `embed/${kind}?${query}`;
      errors = [];
      await page.goto(address, { waitUntil: 'commit' });
      await expect(widget.root, address).toBeVisible();
      if (problem) {
        withProblems++;
        await expect(widget.problems, address).toBeVisible();
      } else if (sure) {
        await expect(widget.problems, address).toHaveCount(0);
      }
      expect(await page.evaluate(() => window.__pwned), `${address} ran injected code`).toBeUndefined();
      const known = KINDS.includes(kind);
      expect(errors.filter((e) => known || !/status of 404/.test(e)), address).toEqual([]);
    }
    expect(withProblems).toBeGreaterThan(50);
  });
});

test.describe('the example deck', () => {
  test('shows both widgets, and its fragment starts the second one', async ({ page }) => {
    await page.goto('deck/');
    await expect(page.locator('.reveal .slides')).toBeVisible();
    await expect(page.locator('iframe.widget')).toHaveCount(2);
    const busy = new SimWidget(page.frameLocator('#widget-busy'));
    const overload = new SimWidget(page.frameLocator('#widget-overload'));

    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/1$/);
    await busy.visible();
    await expect(busy.readout('time')).toHaveText('0.00 s');

    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/2$/);
    await overload.visible();
    await expect(overload.readout('time')).toHaveText('0.00 s');
    await page.waitForTimeout(300);
    await expect(overload.readout('time'), 'nothing plays before the fragment').toHaveText('0.00 s');

    await page.keyboard.press('ArrowRight'); // shows the fragment, which sends {headroom: "play"}
    await expect(page.locator('.fragment[data-headroom="play"]')).toHaveClass(/visible/);
    await expect(overload.play).toHaveAttribute('aria-pressed', 'true');
    await expect(overload.readout('time')).not.toHaveText('0.00 s');
    const t = await overload.time();
    await expect(overload.readout('time')).not.toHaveText(t);
    await expect(busy.readout('time'), 'the first widget was not told to play').toHaveText('0.00 s');

    await page.keyboard.press('ArrowLeft'); // hides the fragment again: pause
    await expect(overload.play).toHaveAttribute('aria-pressed', 'false');
  });
});
