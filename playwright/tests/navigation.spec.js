// Finding and reading lessons: home → course → lesson, deep links, keyboard, not found.
const { test, expect } = require('../fixtures');
const { HomePage, CoursePage, LessonPage } = require('../pages/site');
const { lessonTitle } = require('./lessons');

const COURSE = 'system-design';
const LESSON = 'latency-throughput';

test('home → course → lesson, all in the page', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.course(COURSE)).toContainText('of');
  for (const other of ['systems-thinking', 'professional-engineering']) {
    await expect(home.course(other)).toContainText(/\d+ of \d+ lessons complete/);
  }
  await home.course(COURSE).getByRole('link').click();
  await expect(page).toHaveURL(/\/headroom\/learn\/system-design\/$/);
  const course = new CoursePage(page);
  await course.lessonLink(lessonTitle(COURSE, LESSON)).click();
  await expect(page).toHaveURL(/\/headroom\/learn\/system-design\/latency-throughput\/$/);
  const lesson = new LessonPage(page);
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, LESSON));
  await expect(lesson.body.getByRole('heading', { level: 2 }).first()).toBeVisible();
});

test('a lesson loads directly from its address and again on reload', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, 'caching');
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, 'caching'));
  await page.reload();
  await expect(lesson.body).toBeVisible();
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, 'caching'));
});

test('a heading in the address is scrolled into view', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  const second = lesson.body.getByRole('heading', { level: 2 }).nth(1);
  const id = await second.getAttribute('id');
  await page.goto(`learn/${COURSE}/${LESSON}/#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('a lesson opened again from the home page returns to where the learner was', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, 'caching');
  const fraction = () => page.evaluate(() => window.scrollY / (document.documentElement.scrollHeight - window.innerHeight));
  await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2));
  await page.waitForTimeout(700); // the position is saved at most every 400 ms
  const home = new HomePage(page);
  await home.open();
  await expect(home.continueLink).toContainText(lessonTitle(COURSE, 'caching'));
  await home.continueLink.click();
  await expect(page.locator('html')).toHaveAttribute('data-app', /\bsite\b/);
  await expect.poll(fraction).toBeGreaterThan(0.35);
  expect(await fraction()).toBeLessThan(0.65);
});

test('the arrow keys move between lessons', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, 'scalability-performance-reliability');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/latency-throughput\/$/);
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, LESSON));
  await expect(page.locator('html')).toHaveAttribute('data-app', /\bsite\b/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/scalability-performance-reliability\/$/);
});

test.describe('an address that is not a page', () => {
  // The static host answers an unknown address with 404.html and status 404, which the
  // browser reports on the console.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('shows the not-found page with a way back', async ({ page }) => {
    await page.goto('learn/system-design/no-such-lesson');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await page.goto('nowhere/at/all');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('system design');
  });
});

test('the theme toggle switches and is remembered', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  const toggle = page.getByTestId('theme-toggle');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
