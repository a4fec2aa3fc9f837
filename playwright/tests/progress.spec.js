// Progress that is never lost: completion, quiz answers, export/import, and storage that is
// corrupt, from a newer version, or switched off.
const fs = require('fs');
const { test, expect } = require('../fixtures');
const { HomePage, CoursePage, LessonPage, live } = require('../pages/site');
const { lessonTitle } = require('./lessons');

const COURSE = 'system-design';
const LESSON = 'latency-throughput';
const KEY = 'headroom.progress';

async function answerFirstQuestion(lesson) {
  const question = lesson.question(0);
  const numeric = question.getByTestId('numeric-answer');
  if (await numeric.count()) {
    await numeric.fill('1');
  } else {
    await question.locator('input').first().check();
  }
  await question.getByTestId('check-answer').click();
  await expect(question.getByTestId('verdict')).toBeVisible();
}

test('marking a lesson complete survives a reload and shows everywhere', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'false');
  await lesson.markComplete.click();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');

  const course = new CoursePage(page);
  await course.open(COURSE);
  await expect(course.check(LESSON)).toHaveText('✓');
  await expect(course.progress).toContainText('1 of');

  const home = new HomePage(page);
  await home.open();
  await expect(home.course(COURSE)).toContainText('1 of');
  await expect(home.continueLink).toContainText(lessonTitle(COURSE, LESSON));
});

test('a quiz answer is explained and kept', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  await answerFirstQuestion(lesson);
  await expect(lesson.quiz.getByTestId('quiz-score')).toContainText('Answered 1 of');
  await page.reload();
  await expect(lesson.question(0).getByTestId('verdict')).toBeVisible();
  await expect(lesson.quiz.getByTestId('quiz-score')).toContainText('Answered 1 of');
});

test('export, reset, then import restores progress', async ({ page }, testInfo) => {
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  await lesson.markComplete.click();
  await answerFirstQuestion(lesson);

  const home = new HomePage(page);
  await home.open();
  const download = await home.exportProgress();
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.version).toBe(3);
  expect(exported.lessons[`${COURSE}/${LESSON}`].done).toBeGreaterThan(0);

  await home.resetProgress();
  await expect(home.message).toHaveText('Progress reset.');
  await expect(home.course(COURSE)).toContainText('0 of');

  await home.importProgress(file);
  await expect(page.getByTestId('import-merge-changes')).toContainText('1 lesson marked done');
  await page.getByTestId('import-merge').click();
  await expect(home.message).toContainText('Progress imported (merged): 1 lesson marked done');
  await expect(home.course(COURSE)).toContainText('1 of');
  await lesson.open(COURSE, LESSON);
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
  await expect(lesson.question(0).getByTestId('verdict')).toBeVisible();
});

test('a bad import file is refused with a reason and changes nothing', async ({ page }, testInfo) => {
  const home = new HomePage(page);
  await home.open();
  const file = testInfo.outputPath('not-progress.json');
  fs.writeFileSync(file, '{"hello": "world"}');
  await home.importProgress(file);
  await expect(home.message).toContainText('not imported');
  await expect(home.message).toContainText('no format version');
});

test('a corrupted saved value keeps the page working and is kept aside', async ({ page }) => {
  await page.addInitScript(([key]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version": 1, "completed": [garbage');
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY]);
  const home = new HomePage(page);
  await home.open();
  await expect(home.notice).toContainText('could not be read');
  await expect(home.course(COURSE)).toContainText('0 of');
  const kept = await page.evaluate(() => localStorage.getItem('headroom.progress.unreadable'));
  expect(kept).toBe('{"version": 1, "completed": [garbage');

  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  await lesson.markComplete.click();
  await page.reload();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
});

test('progress from a newer version is never overwritten', async ({ page }) => {
  const newer = JSON.stringify({ version: 99, completed: ['x/y'], something: 'new' });
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  await expect(page.getByTestId('notice')).toContainText('newer Headroom');
  await lesson.markComplete.click();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
});

test('storage that throws leaves the site usable, with a notice', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const home = new HomePage(page);
  await home.open();
  await expect(home.notice).toContainText('cannot be saved here');
  const lesson = new LessonPage(page);
  await home.course(COURSE).getByRole('link').click();
  await new CoursePage(page).lessonLink(lessonTitle(COURSE, LESSON)).click();
  await expect(lesson.body).toBeVisible();
  await lesson.markComplete.click();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
  await answerFirstQuestion(lesson);
});

test('a section review falls due once most of its section is complete, and is done once taken', async ({ page }) => {
  const course = new CoursePage(page);
  await course.open(COURSE);
  const foundations = page.getByTestId('review-state').first();
  await expect(foundations).toHaveText('Section review: due after 4 more lessons');
  await expect(foundations.getByRole('link')).toHaveCount(0);

  const lesson = new LessonPage(page);
  for (const slug of ['scalability-performance-reliability', 'latency-throughput', 'cap-theorem', 'back-of-the-envelope']) {
    await lesson.open(COURSE, slug);
    await lesson.markComplete.click();
    await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');
  }
  await course.open(COURSE);
  const due = foundations.getByRole('link', { name: /Section review due/ });
  await expect(due).toBeVisible();
  await due.click();
  await expect(page).toHaveURL(/learn\/system-design\/foundations-review\/$/);
  await live(page);
  await lesson.markComplete.click();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');

  await course.open(COURSE);
  await expect(foundations).toHaveText('Section reviewed ✓');
  // The next section has not started: its review is not due.
  await expect(page.getByTestId('review-state').nth(1)).toContainText('due after');
});
