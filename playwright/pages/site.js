// Page objects: one per page, reading data-testid hooks and visible text only. Every page is
// prerendered; `open` also waits for the site module to make it live (<html data-app> names
// each started module: "site", "widgets").
const { expect } = require('@playwright/test');

async function live(page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', /\bsite\b/);
}

class HomePage {
  constructor(page) { this.page = page; }
  async open() { await this.page.goto('./'); await expect(this.heading).toBeVisible(); await live(this.page); }
  get heading() { return this.page.getByRole('heading', { level: 1 }); }
  course(slug) { return this.page.getByTestId(`course-${slug}`); }
  get continueLink() { return this.page.getByTestId('continue'); }
  get notice() { return this.page.getByTestId('notice'); }
  get message() { return this.page.getByTestId('progress-message'); }
  async exportProgress() {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export').click();
    return download;
  }
  async importProgress(file) { await this.page.getByTestId('import').setInputFiles(file); }
  async resetProgress() {
    this.page.once('dialog', (dialog) => dialog.accept());
    await this.page.getByTestId('reset').click();
  }
}

class CoursePage {
  constructor(page) { this.page = page; }
  async open(course) { await this.page.goto(`learn/${course}/`); await live(this.page); }
  lessonLink(title) { return this.page.getByRole('link', { name: title, exact: true }); }
  check(slug) { return this.page.getByTestId(`done-${slug}`); }
  get progress() { return this.page.getByTestId('course-progress'); }
}

class LessonPage {
  constructor(page) { this.page = page; }
  async open(course, lesson) {
    await this.page.goto(`learn/${course}/${lesson}/`);
    await expect(this.body).toBeVisible();
    await live(this.page);
  }
  get title() { return this.page.getByRole('heading', { level: 1 }); }
  get body() { return this.page.getByTestId('lesson-body'); }
  get markComplete() { return this.page.getByTestId('mark-complete'); }
  get next() { return this.page.getByTestId('next'); }
  get quiz() { return this.page.getByTestId('quiz').first(); }
  question(n) { return this.quiz.getByTestId('question').nth(n); }
}

module.exports = { HomePage, CoursePage, LessonPage, live };
