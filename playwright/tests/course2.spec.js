// Course 2, Systems Thinking: a learner walks the course from the home page to a module and
// back. The module is opened from the course page, its widget is played, its check answered,
// it is marked complete, and the course's progress moves on the course page and the home page.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('../fixtures');
const { HomePage, CoursePage, LessonPage } = require('../pages/site');
const { SimWidget } = require('../pages/widget');
const { lessonTitle } = require('./lessons');

const COURSE = 'systems-thinking';
// A module whose first widget is a timed simulation and whose check opens with a choice.
const MODULE = 'failure-and-concurrency';

// The modules the course index lists for this course, read from content/courses.toml.
function modules() {
  const toml = fs.readFileSync(path.join(__dirname, '..', '..', 'content', 'courses.toml'), 'utf8');
  const start = toml.indexOf(`slug = "${COURSE}"`);
  const end = toml.indexOf('[[course]]', start);
  const part = toml.slice(start, end === -1 ? undefined : end);
  return [...part.matchAll(/lessons = \[([^\]]*)\]/g)]
    .flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((l) => l[1]));
}

test('the course page lists all twelve modules and the home page shows progress, not "in preparation"', async ({ page }) => {
  const list = modules();
  expect(list).toHaveLength(12);
  const home = new HomePage(page);
  await home.open();
  await expect(home.course(COURSE)).toContainText('0 of 12 lessons complete');
  await expect(home.course(COURSE)).not.toContainText('in preparation');
  const course = new CoursePage(page);
  await course.open(COURSE);
  await expect(course.progress).toContainText('0 of 12 lessons complete');
  for (const slug of list) {
    await expect(course.lessonLink(lessonTitle(COURSE, slug))).toBeVisible();
  }
});

test('open a module from the course page, play it, answer its check, mark it complete: progress moves', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.course(COURSE).getByRole('link').click();
  await expect(page).toHaveURL(/\/headroom\/learn\/systems-thinking\/$/);
  const course = new CoursePage(page);
  await expect(course.progress).toContainText('0 of 12 lessons complete');
  await course.lessonLink(lessonTitle(COURSE, MODULE)).click();
  await expect(page).toHaveURL(new RegExp(`/headroom/learn/${COURSE}/${MODULE}/$`));

  const lesson = new LessonPage(page);
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, MODULE));

  // Play the widget: its clock and its completed count move, then it pauses where it is.
  const widget = await new SimWidget(page).visible();
  await expect(widget.readout('time')).toHaveText('0.00 s');
  await widget.start();
  await expect(widget.readout('time')).not.toHaveText('0.00 s');
  await expect.poll(async () => Number((await widget.text('completed')).replace(/,/g, ''))).toBeGreaterThan(0);
  await widget.pause();

  // The module's graded prediction comes before its check: the lost update, about 800.
  const quizzes = page.getByTestId('quiz');
  const predict = quizzes.first().getByTestId('question').first();
  await predict.getByTestId('numeric-answer').fill('800');
  await predict.getByTestId('check-answer').click();
  await expect(predict.getByTestId('verdict')).toHaveText('Right.');

  // The check is the last quiz on the page: answer its first question (which retry policy lets
  // an overloaded service recover) with the budget, and read the verdict and score.
  const check = quizzes.last();
  const question = check.getByTestId('question').first();
  await question.getByRole('radio', { name: /retry budget/ }).check();
  await question.getByTestId('check-answer').click();
  await expect(question.getByTestId('verdict')).toHaveText('Right.');
  await expect(check.getByTestId('quiz-score')).toContainText('Answered 1 of 4');

  await lesson.markComplete.click();
  await expect(lesson.markComplete).toHaveAttribute('aria-pressed', 'true');

  await course.open(COURSE);
  await expect(course.check(MODULE)).toHaveText('✓');
  await expect(course.progress).toContainText('1 of 12 lessons complete');
  await home.open();
  await expect(home.course(COURSE)).toContainText('1 of 12 lessons complete');
  await expect(home.continueLink).toContainText(lessonTitle(COURSE, MODULE));
});
