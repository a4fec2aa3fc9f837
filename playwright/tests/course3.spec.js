// Course 3, Professional Software Engineering: a learner opens week 1 from the course page, runs
// its Orion widget, and follows the week's links to the case file and to the reading list.
// Then every week of the course opens from the course page, the way the index lists them.
const { test, expect } = require('../fixtures');
const { CoursePage, LessonPage } = require('../pages/site');
const { SimWidget } = require('../pages/widget');
const { lessonTitle } = require('./lessons');

const COURSE = 'professional-engineering';
const WEEK1 = 'programmer-to-engineer';

test('week 1 opens from the course page, runs its Orion widget, and links to the case file and the reading list', async ({ page }) => {
  const course = new CoursePage(page);
  await course.open(COURSE);
  await course.lessonLink(lessonTitle(COURSE, WEEK1)).click();
  await expect(page).toHaveURL(new RegExp(`/headroom/learn/${COURSE}/${WEEK1}/$`));
  const lesson = new LessonPage(page);
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, WEEK1));

  // The week's Orion widget: play it until reads are answered, then pause.
  const widget = await new SimWidget(page).visible();
  await widget.setSpeed('max');
  await widget.start();
  await expect.poll(async () => Number((await widget.text('completed')).replace(/,/g, '')), { timeout: 20_000 })
    .toBeGreaterThan(100);
  await widget.pause();
  expect(parseFloat(await widget.time())).toBeGreaterThan(0);

  // The link to the case file, in the week's opening paragraph.
  await lesson.body.getByRole('link', { name: 'Orion', exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/headroom/learn/${COURSE}/orion/$`));
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, 'orion'));
  await expect(page.getByRole('heading', { name: 'The Orion decision log' })).toBeVisible();

  // Back to week 1, and on to the reading list from its further reading.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/headroom/learn/${COURSE}/${WEEK1}/`));
  await expect(lesson.title).toHaveText(lessonTitle(COURSE, WEEK1));
  const reading = lesson.body.getByRole('link', { name: 'Software Engineering at Google' });
  await reading.scrollIntoViewIfNeeded();
  await reading.click();
  await expect(page).toHaveURL(new RegExp(`/headroom/learn/${COURSE}/reading-list/#software-engineering-at-google$`));
  await expect(page.locator('[id="software-engineering-at-google"]')).toBeInViewport();
});

const WEEKS = [
  'programmer-to-engineer', 'dev-environment', 'trunk-based-development', 'reading-codebases',
  'layered-architecture', 'testing-distributed-systems', 'ci-cd-release', 'distributed-fundamentals',
  'schema-evolution', 'observability-sre', 'performance-cost', 'security-threats',
  'ai-augmented-engineering', 'engineering-organization', 'architecture-defense',
];

test('the course page lists all fifteen weeks, in order, and each one opens', async ({ page }) => {
  const course = new CoursePage(page);
  await course.open(COURSE);
  const titles = WEEKS.map((week) => lessonTitle(COURSE, week));
  titles.forEach((title, i) => expect(title).toMatch(new RegExp(`^Week ${i + 1}: `)));
  for (const [i, week] of WEEKS.entries()) {
    await expect(course.lessonLink(titles[i])).toHaveAttribute('href', new RegExp(`(^|/)learn/${COURSE}/${week}/?$`));
  }
  const listed = await page.getByRole('link', { name: /^Week \d+: / }).allTextContents();
  expect([...new Set(listed.map((t) => t.trim()))]).toEqual(titles);
  // The new weeks open, each with its ticket and its ADR.
  for (const week of ['trunk-based-development', 'testing-distributed-systems', 'distributed-fundamentals', 'engineering-organization']) {
    await course.open(COURSE);
    await course.lessonLink(lessonTitle(COURSE, week)).click();
    const lesson = new LessonPage(page);
    await expect(lesson.title).toHaveText(lessonTitle(COURSE, week));
    await expect(lesson.body.getByRole('heading', { level: 2, name: /^Ticket ORN-\d+: / })).toBeVisible();
    await expect(lesson.body.getByRole('heading', { level: 2, name: /^ADR-\d\d: / })).toBeAttached();
  }
});
