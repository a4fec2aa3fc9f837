// Screenshots of the main pages at desktop and phone widths, light and dark, for looking at
// the site as a learner would. Usage: node tools/screenshots.js BASE_URL OUT_DIR [path ...]
const { chromium } = require('playwright-core');

const [base, out, ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['', 'learn/system-design/', 'learn/system-design/latency-throughput/'];
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      page.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
      for (const path of pages) {
        await page.goto(base + path);
        await page.waitForTimeout(700);
        const name = `${out}/${(path || 'home').replace(/[/#?=&]/g, '_')}-${sizeName}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: false });
        console.log(name);
      }
      await page.close();
    }
  }
  await browser.close();
})();
