// Trust: progress shared by two tabs, persistence asked for only after a learner's action, the
// import's choice between merge and replace, the postMessage API's replies and origin check,
// honest clipboard messages, and a Content Security Policy no page violates.
// (The figures, 1,000 embed addresses and 100 damaged progress values, are in trust-figures.)
const { execFileSync } = require('child_process');
const path = require('path');
const { test, expect } = require('../fixtures');
const { HomePage, LessonPage, live } = require('../pages/site');
const { SimWidget, watchForErrors } = require('../pages/widget');

const COURSE = 'system-design';
const LESSON = 'latency-throughput';
const OTHER = 'caching';
const KEY = 'headroom.progress';

const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), KEY);

async function answerFirstQuestion(lesson) {
  const question = lesson.question(0);
  const numeric = question.getByTestId('numeric-answer');
  if (await numeric.count()) await numeric.fill('1');
  else await question.locator('input').first().check();
  await question.getByTestId('check-answer').click();
  await expect(question.getByTestId('verdict')).toBeVisible();
}

test.describe('two tabs', () => {
  test('work done in either is kept by both, live and after a reload', async ({ page }) => {
    const other = await page.context().newPage();
    const otherErrors = watchForErrors(other);
    const a = new LessonPage(page);
    const b = new LessonPage(other);
    await a.open(COURSE, LESSON);
    await b.open(COURSE, OTHER);

    await page.bringToFront();
    await a.markComplete.click();
    await expect(a.markComplete).toHaveAttribute('aria-pressed', 'true');

    // The older tab scrolls (kept per tab) and answers a check: the completion stays.
    await other.bringToFront();
    await other.mouse.wheel(0, 1500);
    await other.waitForTimeout(600);
    await answerFirstQuestion(b);
    await b.markComplete.click();
    await expect(b.markComplete).toHaveAttribute('aria-pressed', 'true');

    await page.bringToFront();
    await page.reload();
    await live(page);
    await expect(a.markComplete).toHaveAttribute('aria-pressed', 'true');
    await other.reload();
    await live(other);
    await expect(b.markComplete).toHaveAttribute('aria-pressed', 'true');
    await expect(b.question(0).getByTestId('verdict')).toBeVisible();

    const saved = await stored(page);
    expect(saved.lessons[`${COURSE}/${LESSON}`].done).toBeGreaterThan(0);
    expect(saved.lessons[`${COURSE}/${OTHER}`].done).toBeGreaterThan(0);
    expect(Object.keys(saved.quizzes).some((id) => id.startsWith(`${COURSE}/${OTHER}#`))).toBe(true);
    expect(otherErrors).toEqual([]);
  });

  test('a completion in one shows in the other without a reload', async ({ page }) => {
    const other = await page.context().newPage();
    const otherErrors = watchForErrors(other);
    const a = new LessonPage(page);
    const b = new LessonPage(other);
    await a.open(COURSE, LESSON);
    await b.open(COURSE, LESSON);
    await a.markComplete.click();
    await expect(b.markComplete, 'the other tab follows at once').toHaveAttribute('aria-pressed', 'true');
    await b.markComplete.click(); // undo, in the other tab
    await expect(a.markComplete).toHaveAttribute('aria-pressed', 'false');
    expect(otherErrors).toEqual([]);
  });

  test('a reset in one is not undone by the other', async ({ page }) => {
    const other = await page.context().newPage();
    const otherErrors = watchForErrors(other);
    const lesson = new LessonPage(other);
    await lesson.open(COURSE, LESSON);
    await lesson.markComplete.click();
    await answerFirstQuestion(lesson);

    const home = new HomePage(page);
    await home.open();
    await expect(home.course(COURSE)).toContainText('1 of');
    await home.resetProgress();
    await expect(home.message).toHaveText('Progress reset.');

    // The lesson tab, opened before the reset, keeps working: scrolling, visiting, answering.
    await other.bringToFront();
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'false');
    await other.mouse.wheel(0, 1200);
    await lesson.markComplete.click(); // a new completion, after the reset: kept
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
    await lesson.markComplete.click();
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'false');

    await page.bringToFront();
    await page.reload();
    await live(page);
    await expect(home.course(COURSE)).toContainText('0 of');
    await other.reload();
    await live(other);
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'false');
    await expect(lesson.question(0).getByTestId('verdict')).toHaveCount(0);
    const saved = await stored(page);
    expect(saved.reset).toBeGreaterThan(0);
    expect(Object.values(saved.quizzes || {}).every((q) => Object.keys(q.answers).length === 0)).toBe(true);
    expect(otherErrors).toEqual([]);
  });

  test('a tab stops saving, and says so, once a newer Headroom has saved', async ({ page }) => {
    const other = await page.context().newPage();
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, LESSON);
    await lesson.markComplete.click();
    const newer = JSON.stringify({ version: 99, lessons: {}, future: true });
    // Another tab (already on a newer build) writes the newer format.
    await other.goto('robots.txt');
    await other.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
    await expect(page.getByTestId('notice')).toContainText('no longer saved');
    await lesson.markComplete.click();
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'false');
    await answerFirstQuestion(lesson);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
  });
});

test.describe('persistent storage', () => {
  const countPersist = () => {
    window.__persistCalls = 0;
    if (navigator.storage) {
      navigator.storage.persist = () => { window.__persistCalls += 1; return Promise.resolve(true); };
    }
  };

  test('is asked for only after a lesson is marked complete', async ({ page }) => {
    await page.addInitScript(countPersist);
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, LESSON);
    await answerFirstQuestion(lesson);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__persistCalls), 'before any completion').toBe(0);
    await lesson.markComplete.click();
    await expect.poll(() => page.evaluate(() => window.__persistCalls)).toBe(1);
    await lesson.markComplete.click();
    await lesson.markComplete.click();
    expect(await page.evaluate(() => window.__persistCalls), 'once per page').toBe(1);
    await new HomePage(page).open();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__persistCalls), 'not on start').toBe(0);
  });

  test('is never asked for by an embed, alone or in a frame', async ({ page }) => {
    await page.addInitScript(countPersist);
    await page.goto('embed/queue/?seed=3');
    const widget = await new SimWidget(page).visible();
    await widget.stepTimes(3);
    expect(await page.evaluate(() => window.__persistCalls)).toBe(0);
  });
});

test.describe('import', () => {
  test('a file over the cap is refused before it is read', async ({ page }) => {
    const home = new HomePage(page);
    await home.open();
    await page.evaluate(() => {
      // Reading the file would be a bug: make it fail loudly.
      File.prototype.text = () => { window.__read = true; return Promise.reject(new Error('read')); };
    });
    await page.getByTestId('import').setInputFiles({
      name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, 32),
    });
    await expect(home.message).toContainText('not imported');
    await expect(home.message).toContainText('at most 1024 KiB');
    expect(await page.evaluate(() => window.__read)).toBeUndefined();
  });

  test('shows what merging and replacing would change, and applies only the choice', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, LESSON);
    await lesson.markComplete.click();
    const home = new HomePage(page);
    await home.open();
    const file = {
      version: 2,
      lessons: { [`${COURSE}/${OTHER}`]: { done: 1000 }, 'no-such/course': { done: 1000 } },
    };
    const choose = async () => {
      await page.getByTestId('import').setInputFiles({
        name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
      });
      await expect(page.getByTestId('import-choice')).toBeVisible();
    };
    await choose();
    await expect(page.getByTestId('import-left-out')).toContainText('no-such/course');
    await expect(page.getByTestId('import-merge-changes')).toHaveText('1 lesson marked done.');
    await expect(page.getByTestId('import-replace-changes')).toHaveText('1 lesson marked done, 1 lesson no longer done.');
    expect((await stored(page)).lessons[`${COURSE}/${OTHER}`], 'nothing applied yet').toBeUndefined();
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-choice')).toHaveCount(0);
    await expect(home.course(COURSE)).toContainText('1 of');

    await choose();
    await page.getByTestId('import-merge').click();
    await expect(home.message).toContainText('Progress imported (merged): 1 lesson marked done');
    await expect(home.course(COURSE)).toContainText('2 of');

    await choose();
    await expect(page.getByTestId('import-merge-changes')).toHaveText('Nothing would change.');
    await page.getByTestId('import-replace').click();
    await expect(home.message).toContainText('replaced your progress');
    await expect(home.course(COURSE)).toContainText('1 of');
    const saved = await stored(page);
    expect(saved.lessons[`${COURSE}/${LESSON}`]?.done).toBeUndefined();
    expect(saved.lessons[`${COURSE}/${OTHER}`].done).toBe(1000);
  });
});

// An instructor's page on the site's host, with the embed in a frame and a second frame beside
// it; messages the embed posts are kept by whichever window receives them.
const HOST = 'trust-host.html';
async function openHost(page, src) {
  await page.route(`**/headroom/${HOST}`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>host</title>
      <link rel="icon" href="data:,"></head><body>
      <iframe id="sim" src="${src}" style="width:640px;height:480px;border:0"></iframe>
      <iframe id="side" srcdoc="<script>window.got=[];addEventListener('message',e=>{if(e.data&&e.data.headroom)got.push(e.data)});
        window.send=(m)=>parent.document.getElementById('sim').contentWindow.postMessage(m,'*');</script>"></iframe>
      <script>
        window.got = [];
        addEventListener('message', (e) => { if (e.data && e.data.headroom) window.got.push(e.data); });
        window.send = (m) => document.getElementById('sim').contentWindow.postMessage(m, '*');
      </script></body></html>`,
  }));
  await page.goto(HOST);
  const widget = new SimWidget(page.frameLocator('#sim'));
  await widget.visible();
  return widget;
}
async function side(page) {
  return (await page.locator('#side').elementHandle()).contentFrame();
}

test.describe('postMessage', () => {
  test('an answer goes to the window that asked, not to the page around', async ({ page }) => {
    await openHost(page, 'embed/queue/?seed=3');
    await expect.poll(() => page.evaluate(() => window.got.length), 'the ready report').toBeGreaterThan(0);
    const before = await page.evaluate(() => window.got.length);
    const frame = await side(page);
    await frame.evaluate(() => window.send({ headroom: 'step' }));
    await expect.poll(() => frame.evaluate(() => window.got.length)).toBeGreaterThan(0);
    // The answer, and the report of the changed run: both to the window that asked.
    expect(await frame.evaluate(() => window.got.at(-1))).toMatchObject({ headroom: 'state', events: 1 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.got.length), 'nothing sent to the parent').toBe(before);
  });

  test('origin= lets only that origin command the embed', async ({ page, baseURL }) => {
    const own = new URL(baseURL).origin;
    const widget = await openHost(page, `embed/queue/?seed=3&origin=${encodeURIComponent(own)}`);
    await expect(widget.problems).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.got.length), 'the ready report, sent to that origin').toBe(1);
    await page.evaluate(() => window.send({ headroom: 'step' }));
    await expect.poll(() => page.evaluate(() => window.got.filter((s) => s.events === 1).length)).toBeGreaterThan(0);

    const other = await openHost(page, 'embed/queue/?seed=3&origin=https://slides.example.org');
    await expect(other.problems).toHaveCount(0);
    await expect(page.frameLocator('#sim').locator('html')).toHaveAttribute('data-app', /widgets/);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.got.length), 'no report to another origin').toBe(0);
    await page.evaluate(() => window.send({ headroom: 'step' }));
    await page.waitForTimeout(500);
    await expect(other.readout('time')).toHaveText('0.00 s');
    expect(await page.evaluate(() => window.got.filter((s) => s.events > 0).length), 'ignored').toBe(0);
  });

  test('a bad origin= is named, and no command is obeyed', async ({ page }) => {
    for (const bad of ['slides.example.org', 'javascript:alert(1)', 'https://x.org/path', 'null', '*']) {
      const widget = await openHost(page, `embed/queue/?seed=3&origin=${encodeURIComponent(bad)}`);
      await expect(widget.problems, bad).toContainText('origin');
      await page.evaluate(() => window.send({ headroom: 'step' }));
      await page.waitForTimeout(200);
      await expect(widget.readout('time'), bad).toHaveText('0.00 s');
    }
  });
});

test.describe('clipboard', () => {
  const open = async (page) => {
    await page.goto(`learn/${COURSE}/${LESSON}/`);
    const widget = await new SimWidget(page).visible();
    await widget.root.locator('details.share summary').click();
    return widget;
  };

  test('a copy that works says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
    const widget = await open(page);
    await widget.root.getByTestId('copy-link').click();
    await expect(widget.root.getByTestId('copy-status')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('/embed/');
  });

  for (const [name, stub] of [
    ['refused', () => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); }],
    ['throwing', () => { navigator.clipboard.writeText = () => { throw new TypeError('boom'); }; }],
    ['missing (a plain-HTTP address)', () => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); }],
  ]) {
    test(`a ${name} clipboard is reported, and nothing throws`, async ({ page }) => {
      await page.addInitScript(stub);
      const widget = await open(page);
      await widget.root.getByTestId('copy-embed').click();
      await expect(widget.root.getByTestId('copy-status')).toContainText('Not copied');
      await expect(widget.root.getByTestId('copy-status')).toContainText('copy it');
    });
  }
});

// ---- Content Security Policy ----------------------------------------------------------------

const ROOT = path.join(__dirname, '..', '..');
const routes = execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--bin', 'site-routes'],
  { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((line) => line.trim() !== '');

// Every violation the page reports, and every request that leaves its origin.
async function watchPolicy(page, baseURL) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const origin = new URL(baseURL).origin;
  const outside = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) outside.push(url.href);
  });
  return outside;
}
const violations = (page) => page.evaluate(() => window.__violations);

test.describe('content security policy', () => {
  test('is strict', async ({ page, baseURL }) => {
    await watchPolicy(page, baseURL);
    await new HomePage(page).open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const directive of ["default-src 'none'", "'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'",
      "img-src 'self' data:", "base-uri 'self'", "form-action 'none'", "object-src 'none'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-inline');
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'same-origin');
    expect(await violations(page)).toEqual([]);
  });

  test('no route, embed or the example deck violates it, and no request leaves the origin', async ({ page, baseURL }) => {
    test.setTimeout(600_000);
    const outside = await watchPolicy(page, baseURL);
    for (const route of routes) {
      await page.goto(route);
      await expect(page.locator('html'), route).toHaveAttribute('data-app', route.startsWith('embed/') ? /widgets/ : /site/);
      // Bring a simulation near, so the widget module runs too.
      await page.evaluate(() => document.querySelector('[data-testid="sim-static"]')?.scrollIntoView());
      if (await page.getByTestId('sim-static').count()) {
        await expect(page.locator('html'), route).toHaveAttribute('data-app', /widgets/);
      }
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), route).toBe(1);
      expect(await violations(page), route).toEqual([]);
    }
    // An unknown embed (the not-found page turned into an embed), and the deck with its frames.
    await page.goto('deck/');
    await expect(page.locator('.reveal .slides')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await new SimWidget(page.frameLocator('#widget-busy')).visible();
    await page.keyboard.press('ArrowRight');
    await new SimWidget(page.frameLocator('#widget-overload')).visible();
    await expect(page.frameLocator('#widget-overload').locator('html')).toHaveAttribute('data-app', /widgets/);
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowRight'); // the fragment that tells the widget to play
    await expect(new SimWidget(page.frameLocator('#widget-overload')).play).toHaveAttribute('aria-pressed', 'true');
    expect(await violations(page), 'deck').toEqual([]);
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      expect(await frame.evaluate(() => window.__violations), frame.url()).toEqual([]);
    }
    expect(outside).toEqual([]);
  });
});

test.describe('content security policy, unknown embed', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });
  test('the not-found page turned into an embed violates nothing', async ({ page, baseURL }) => {
    await watchPolicy(page, baseURL);
    await page.goto('embed/nope/?seed=1');
    await new SimWidget(page).visible();
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('content security policy, blocking', () => {
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });
  test('an injected inline script is blocked and reported', async ({ page, baseURL }) => {
    await watchPolicy(page, baseURL);
    await new HomePage(page).open();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = 1';
      document.body.append(script);
    });
    await expect.poll(() => violations(page)).toHaveLength(1);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  });
});
