// Measures what a learner waits for, in headless Chromium against a served build:
// time from navigation to the first lesson text, and the bytes transferred.
// Usage: node tools/measure.js URL_OF_A_LESSON [runs]
const { chromium } = require('playwright-core');

const [url, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // cold cache every run
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.getByTestId('lesson-body').locator('p').first().waitFor();
    times.push(Date.now() - start);
    if (i === 0) {
      const bytes = await page.evaluate(() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
        .reduce((sum, e) => sum + (e.decodedBodySize || 0), 0));
      console.log(`bytes loaded for the first lesson (uncompressed): ${(bytes / 1024).toFixed(0)} KiB`);
    }
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`time to first lesson text over ${runs} cold loads: median ${times[Math.floor(runs / 2)]} ms, min ${times[0]} ms, max ${times[runs - 1]} ms`);
  await browser.close();
})();
