// Measures what a learner waits for, in headless Chromium against a served build: the time
// from the start of navigation to the first frame with a paragraph of lesson text on screen
// (the page's own clock, checked every frame from the document's start), and the bytes the
// browser loaded once the network is idle (decoded sizes; the transfer is smaller when the
// server compresses).
// Usage: node tools/measure.js URL_OF_A_LESSON [runs]
const { chromium } = require('playwright-core');

const [url, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const bytes = (page) => page.evaluate(() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
  .reduce((sum, e) => sum + (e.decodedBodySize || 0), 0));

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // cold cache every run
    const page = await context.newPage();
    // From the document's start, check every frame for the text; keep the first frame's time.
    await page.addInitScript(() => {
      const check = () => {
        const p = document.querySelector('[data-testid="lesson-body"] p');
        if (p && p.getBoundingClientRect().height > 0 && p.textContent.trim() !== '') window.textShownAt = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(() => window.textShownAt, null, { timeout: 30_000 });
    times.push(Math.round(await shown.jsonValue()));
    if (i === 0) {
      await page.waitForLoadState('networkidle');
      console.log(`bytes loaded once the network was idle (decoded): ${(await bytes(page) / 1024).toFixed(0)} KiB`);
    }
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`time to first lesson text over ${runs} cold loads: median ${times[Math.floor(runs / 2)]} ms, min ${times[0]} ms, max ${times[runs - 1]} ms`);
  await browser.close();
})();
