// The widget in hand (issue 17): keys go to whoever owns them (a lesson, a widget, a slide
// deck), every control and link is big enough for a thumb, a deck's `set` changes only the keys
// it names, and the smaller points (switchable times, the home page's claims, where "continue"
// leads).
const { test, expect } = require('../fixtures');
const { SimWidget } = require('../pages/widget');
const { HomePage, CoursePage, LessonPage, live } = require('../pages/site');
const { lessonTitle } = require('./lessons');

const COURSE = 'system-design';

test.describe('keys go to their owner', () => {
  test('in the example deck, → and Space change slides after a click in a widget', async ({ page }) => {
    await page.goto('deck/#/1');
    const busy = new SimWidget(page.frameLocator('#widget-busy'));
    await busy.visible();
    await expect(busy.readout('time')).toHaveText('0.00 s');

    // A presenter clicks the widget (its drawing), then presses → to go on.
    await busy.canvas.click();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/2$/);
    await expect(busy.readout('time'), '→ went to the deck, not to the simulation').toHaveText('0.00 s');

    // Back, a click on Play, then Space and PageDown: still the deck's.
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/#\/1$/);
    await busy.play.click();
    await expect(busy.play).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/#\/2$/);
    await expect(busy.play, 'Space did not press the focused Play button again').toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('PageUp');
    await expect(page).toHaveURL(/#\/1$/);
    await busy.pause();

    // The presenter gives the widget the keys, on screen: → steps the simulation, the slide stays.
    const keys = page.frameLocator('#widget-busy').getByTestId('embed-keys');
    await expect(keys).toHaveAttribute('aria-pressed', 'false');
    await expect(keys).toContainText('Keys move the slides');
    await keys.click();
    await expect(keys).toHaveAttribute('aria-pressed', 'true');
    await expect(keys).toContainText('Keys control the simulation');
    const before = await busy.readouts();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => busy.readouts(), '→ stepped the simulation').not.toEqual(before);
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/#\/1$/);

    // Esc gives the keys back to the slides.
    await page.keyboard.press('Escape');
    await expect(keys).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/2$/);
  });

  test('the example deck no longer tells presenters to click the widget', async ({ page }) => {
    await page.goto('deck/#/1');
    const busy = new SimWidget(page.frameLocator('#widget-busy'));
    await busy.visible();
    await expect(busy.root.locator('.caption')).not.toContainText(/click the widget/i);
  });

  test('on a lesson, → on the widget\'s Step button stays on the lesson', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, 'latency-throughput');
    const widget = await new SimWidget(page).visible();
    await widget.step.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/latency-throughput\/$/);
    await expect(lesson.title).toHaveText(lessonTitle(COURSE, 'latency-throughput'));

    // A slider keeps its arrows too; with focus back on the page, → moves on.
    await widget.param('rate').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/latency-throughput\/$/);
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('ArrowRight');
    await expect(page).not.toHaveURL(/latency-throughput\/$/);
  });
});

// Every visible control and link under 44 × 44 px on the page, as "what (w×h)". Links inside a
// sentence of prose are exempt (WCAG 2.5.8's inline exception: the target is constrained by the
// line height of the text around it). A link stretched over its card or row (an absolutely
// placed ::after) is measured as the card or row. A box or button inside a label is measured as
// the label, which is what a tap hits.
async function smallTargets(page) {
  return page.evaluate(() => {
    const MIN = 44 - 0.5; // sub-pixel rounding
    const selector = 'a[href], button, input, select, textarea, summary, .button, [role="button"], [tabindex]:not([tabindex="-1"])';
    const prose = '.prose, .quiz, .explanation, .site-footer, .caption, .sim-problems, .theory, .lead';
    const inSentence = (el) => {
      if (el.tagName !== 'A') return false;
      const block = el.closest('p, li, td, dd, blockquote, figcaption');
      if (!block || !block.closest(prose)) return false;
      return block.textContent.replace(el.textContent, '').trim().length > 0;
    };
    const target = (el) => {
      const after = getComputedStyle(el, '::after');
      if (after.content !== 'none' && after.position === 'absolute') {
        let holder = el.parentElement;
        while (holder && getComputedStyle(holder).position === 'static') holder = holder.parentElement;
        if (holder) return holder;
      }
      const label = el.closest('label');
      if (label && (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file')) return label;
      return el;
    };
    const small = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const own = el.getBoundingClientRect();
      if (own.width < 2 || own.height < 2) continue; // visually hidden (a file input inside its label)
      if (own.right <= 0 || own.left >= document.documentElement.clientWidth) continue; // off screen: the skip link
      if (inSentence(el)) continue;
      const box = target(el).getBoundingClientRect();
      if (box.width < MIN || box.height < MIN) {
        const name = (el.dataset.testid || el.getAttribute('aria-label') || el.textContent || el.type || '').trim().slice(0, 40);
        small.push(`${el.tagName.toLowerCase()} "${name}" (${Math.round(box.width)}×${Math.round(box.height)})`);
      }
    }
    return small;
  });
}

test.describe('touch targets of 44 px on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a lesson with a live widget, its settings and share panel open', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, 'latency-throughput');
    const widget = await new SimWidget(page).visible();
    await expect(widget.play).toBeVisible();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    expect(await smallTargets(page)).toEqual([]);
    // The tip about the arrow keys is for keyboards: not shown on a phone.
    await expect(page.locator('.keys')).toBeHidden();
  });

  test('the home page and a course page, whose cards and rows are one target each', async ({ page }) => {
    const home = new HomePage(page);
    await home.open();
    expect(await smallTargets(page)).toEqual([]);
    // A tap on the card's summary, away from its title, opens the course (the title's link
    // covers the card, so the tap lands on it).
    const card = home.course(COURSE);
    const summary = await card.locator('p').first().boundingBox();
    const cardBox = await card.boundingBox();
    await card.click({ position: { x: cardBox.width / 2, y: summary.y - cardBox.y + summary.height / 2 } });
    await expect(page).toHaveURL(new RegExp(`learn/${COURSE}/$`));
    await live(page);
    expect(await smallTargets(page)).toEqual([]);
    // A tap on a lesson's summary line opens the lesson.
    const row = page.locator('.lesson-row', { hasText: lessonTitle(COURSE, 'caching') });
    const rowBox = await row.boundingBox();
    const line = await row.locator('p.muted').boundingBox();
    await row.click({ position: { x: rowBox.width / 2, y: line.y - rowBox.y + line.height / 2 } });
    await expect(page).toHaveURL(/caching\/$/);
  });
});

// An instructor's page on the same host with the embed in an iframe; every state the embed
// posts to its parent is kept in window.states.
const HOST = 'hand-host.html';
async function openHost(page, src) {
  await page.route(`**/headroom/${HOST}`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>slides</title>
      <link rel="icon" href="data:,"></head><body style="margin:0">
      <iframe id="sim" src="${src}" style="width:800px;height:700px;border:0"></iframe>
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
  await expect.poll(() => page.evaluate(() => window.states.length)).toBeGreaterThan(0);
  return widget;
}
async function command(page, message) {
  const before = await page.evaluate(() => window.states.length);
  await page.evaluate((m) => window.send(m), message);
  await expect.poll(() => page.evaluate(() => window.states.length), `an answer to ${JSON.stringify(message)}`)
    .toBeGreaterThan(before);
  return page.evaluate(() => window.states[window.states.length - 1]);
}
const pairs = (query) => Object.fromEntries(query.split('&').map((p) => p.split('=')));

test.describe('a deck\'s set merges', () => {
  const START = 'rate=40&servers=2&service=lognormal&sigma=1.5&service_time=0.02&seed=9';

  test('set with one key changes that key; every other key and the seed stay', async ({ page }) => {
    const widget = await openHost(page, `embed/queue?${START}&controls=rate,servers`);
    const before = pairs((await command(page, { headroom: 'state' })).scenario);
    expect(before).toMatchObject({ kind: 'queue', rate: '40', servers: '2', seed: '9', service: 'lognormal' });

    const set = await command(page, { headroom: 'set', scenario: 'rate=95' });
    expect(pairs(set.scenario)).toEqual({ ...before, rate: '95' });
    expect(set.problems).toEqual([]);
    await expect(widget.seed).toHaveValue('9');
    await expect(widget.root.getByTestId('value-rate')).toHaveText('95');

    // A bad value is corrected (the current value kept), shown, and reported back.
    const bad = await command(page, { headroom: 'set', scenario: 'servers=lots&sigma=99' });
    expect(pairs(bad.scenario).servers).toBe('2');
    expect(pairs(bad.scenario).seed).toBe('9');
    expect(bad.problems.join(' ')).toContain('`servers` = "lots" is not a number; kept 2');
    expect(bad.problems.join(' ')).toContain('`sigma` = 99 is above the maximum');
    await expect(widget.problems).toContainText('servers');

    // The slider's range is rebuilt around a new value, so 0.9 is not pinned at the left end
    // of a range built around 95.
    await command(page, { headroom: 'set', scenario: 'rate=0.9' });
    const position = Number(await widget.param('rate').inputValue());
    expect(position).toBeGreaterThan(100);
    expect(position).toBeLessThan(900);

    // replace is the whole scenario: keys not named (the seed too) take their defaults.
    const replaced = await command(page, { headroom: 'replace', scenario: 'rate=2' });
    expect(pairs(replaced.scenario)).toEqual({ kind: 'queue', rate: '2' });
    await expect(widget.seed).toHaveValue('1');
  });
});

test.describe('the smaller points', () => {
  test('outage at and health interval are a number and a switch, not a text box showing none', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, 'load-balancing');
    const widget = await new SimWidget(page).visible();
    for (const key of ['outage_at', 'health_interval']) {
      await expect(widget.param(key)).toHaveAttribute('type', 'number');
      await expect(widget.param(key)).toHaveValue('');
      await expect(widget.root.getByTestId(`param-${key}-none`)).toBeChecked();
    }
    await widget.param('outage_at').fill('5.5');
    await widget.param('outage_at').press('Enter');
    await expect(widget.root.getByTestId('value-outage_at')).toHaveText('5.5');
    await expect(widget.root.getByTestId('param-outage_at-none')).not.toBeChecked();
    // Switching it off and on again brings back the number.
    await widget.root.getByTestId('param-outage_at-none').check();
    await expect(widget.root.getByTestId('value-outage_at')).toHaveText('none');
    await expect(widget.param('outage_at')).toHaveValue('');
    await widget.root.getByTestId('param-outage_at-none').uncheck();
    await expect(widget.root.getByTestId('value-outage_at')).toHaveText('5.5');
    // The lesson names the server the widget kills.
    await expect(lesson.body).toContainText('server 1 dies');
    await expect(widget.root.getByTestId('kill-server')).toHaveText('Kill server 1');
  });

  test('"Advance 1 simulated second", in the singular', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('embed/queue?rate=10');
    const widget = await new SimWidget(page).visible();
    await expect(widget.advance).toHaveText('Advance 1 simulated second');
  });

  test('the home page counts the lessons with a live simulation', async ({ page }) => {
    await new HomePage(page).open();
    const claim = page.getByTestId('home-claim');
    await expect(claim).toContainText(/^\d+ of the \d+ lessons sit beside a live simulation/);
    await expect(claim).not.toContainText('Every lesson');
  });

  test('after completing a lesson, the home page leads on to the next one', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(COURSE, 'cap-theorem');
    await lesson.markComplete.click();
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
    const home = new HomePage(page);
    await home.open();
    await expect(home.continueLink).toContainText(`You completed “${lessonTitle(COURSE, 'cap-theorem')}”`);
    await expect(home.continueLink).toContainText(lessonTitle(COURSE, 'back-of-the-envelope'));
    await home.continueLink.click();
    await expect(page).toHaveURL(/back-of-the-envelope\/$/);
  });
});
