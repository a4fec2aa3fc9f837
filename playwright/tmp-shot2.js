const { chromium } = require('playwright-core');
const [base, out, path, width] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 } });
  page.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(base + path);
  await page.locator('#try-this').scrollIntoViewIfNeeded();
  await page.waitForTimeout(2000);
  const w = page.getByTestId('sim-widget').first();
  await w.scrollIntoViewIfNeeded();
  await w.getByTestId('speed').selectOption({ index: 3 }).catch(() => {});
  await w.getByTestId('play').click();
  await page.waitForTimeout(5000);
  await page.screenshot({ path: out });
  await browser.close();
})();
