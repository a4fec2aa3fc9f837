// Every page is written at build time: it reads before the wasm arrives and with JavaScript
// off, carries its own head for link previews, and the app takes it over without moving it.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('../fixtures');
const { LessonPage } = require('../pages/site');
const { lessonTitle } = require('./lessons');

const COURSE = 'system-design';
const LESSON = 'latency-throughput';

// The lesson's ## headings and the number of questions in its ```quiz blocks, from its source.
function lessonSource(course, lesson) {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'content', course, `${lesson}.md`), 'utf8');
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1].replace(/[*`]/g, '').trim());
  const quizzes = [...text.matchAll(/```quiz\n([\s\S]*?)```/g)].map((m) => m[1]);
  const questions = quizzes.join('\n').split('\n').filter((line) => line.startsWith('? ')).length;
  return { headings, questions };
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a lesson reads in full, with its check and its answers', async ({ page }) => {
    await page.goto(`learn/${COURSE}/${LESSON}/`);
    const lesson = new LessonPage(page);
    await expect(lesson.title).toHaveText(lessonTitle(COURSE, LESSON));
    await expect(page.getByRole('heading', { name: 'After this lesson you can' })).toBeVisible();
    const { headings, questions } = lessonSource(COURSE, LESSON);
    expect(headings.length).toBeGreaterThan(3);
    for (const heading of headings) {
      await expect(lesson.body.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
    }
    // The simulation, as its starting settings.
    await expect(lesson.body.getByTestId('sim-static').first()).toContainText('Its starting settings');
    // The check: every question, each answer behind a <details> that opens without a script.
    const quiz = lesson.quiz;
    await expect(quiz.getByTestId('question')).toHaveCount(questions);
    const first = quiz.getByTestId('question').first();
    const explanation = first.locator('.explanation').first();
    await expect(explanation).toBeHidden();
    await first.getByText('Show the answer').click();
    await expect(explanation).toBeVisible();
    await expect(first.locator('.explanation').first()).not.toBeEmpty();
    await expect(page.locator('html')).not.toHaveAttribute('data-app', /site/);
  });

  test('home and course pages read too', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId(`course-${COURSE}`)).toContainText('0 of');
    await page.goto(`learn/${COURSE}/`);
    await expect(page.getByRole('link', { name: lessonTitle(COURSE, LESSON), exact: true })).toBeVisible();
  });

  test.describe('an address that is not a page', () => {
    test.use({ expectedConsoleErrors: [/status of 404/] });
    test('shows the not-found page', async ({ page }) => {
      const response = await page.goto('learn/no-such-course/');
      expect(response.status()).toBe(404);
      await expect(page.getByTestId('not-found')).toBeVisible();
    });
  });
});

test('a lesson has its own head: title, description, canonical address, Open Graph', async ({ page }) => {
  await page.goto(`learn/${COURSE}/${LESSON}/`);
  const title = lessonTitle(COURSE, LESSON);
  await expect(page).toHaveTitle(`${title} · Headroom`);
  const meta = (selector) => page.locator(selector).getAttribute('content');
  expect(await meta('meta[name="description"]')).toBeTruthy();
  expect(await meta('meta[property="og:title"]')).toBe(title);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href'))
    .toMatch(new RegExp(`/headroom/learn/${COURSE}/${LESSON}/$`));
  expect(await meta('meta[property="og:url"]')).toMatch(new RegExp(`/learn/${COURSE}/${LESSON}/$`));
});

// Where an element sits on the page (not in the viewport), to compare before and after.
const offset = (locator) => locator.evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));

test('the lesson text is in the page before the app loads, and the app does not move it', async ({ page }) => {
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Hold the wasm back: the text must not wait for it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`learn/${COURSE}/${LESSON}/`);
  const lesson = new LessonPage(page);
  await expect(lesson.body.locator('p').first()).toBeVisible();
  await expect(lesson.quiz).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-app', /site/);
  const text = lesson.body.locator('p').first();
  const footer = page.locator('.lesson-footer');
  const before = [await offset(text), await offset(lesson.quiz)];
  release();
  await expect(page.locator('html')).toHaveAttribute('data-app', /site/);
  await expect(lesson.markComplete).toBeEnabled();
  expect([await offset(text), await offset(lesson.quiz)], 'the site module moved the text or the check').toEqual(before);
  const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  expect(shift, 'layout shift while the site module takes over').toBeLessThanOrEqual(0.02);
  // The widget takes the place its placeholder kept for it (beside the text on a wide window,
  // where it is on screen from the start and may have arrived already).
  await page.evaluate(() => document.querySelector('[data-testid="sim-static"]')?.scrollIntoView());
  await expect(page.getByTestId('sim-widget').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'site widgets');
  expect(await offset(text)).toEqual(before[0]);
  expect(await footer.count()).toBe(1);
});

test('the app never fetches the lesson text', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (/\.md($|\?)|content\//.test(r.url())) fetched.push(r.url()); });
  await new LessonPage(page).open(COURSE, LESSON);
  expect(fetched).toEqual([]);
});
