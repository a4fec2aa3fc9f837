const { chromium } = require('playwright-core');
const [base, out, ...paths] = process.argv.slice(2);
const sizes = { wide: { width: 1440, height: 1000 }, phone: { width: 390, height: 844 } };
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      page.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
      page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
      for (const path of paths) {
        await page.goto(base + path);
        await page.waitForTimeout(800);
        const tag = path.replace(/[/#?=&]/g, '_') || 'home';
        await page.screenshot({ path: `${out}/${tag}-${sizeName}-${scheme}-top.png` });
        const ph = page.locator('[data-testid="sim-static"]').first();
        if (await ph.count()) {
          await ph.scrollIntoViewIfNeeded();
          await page.waitForTimeout(1500);
          const play = page.getByTestId('play').first();
          if (await play.count()) { await play.click(); await page.waitForTimeout(3000); await play.click(); }
          await page.getByTestId('sim-widget').first().scrollIntoViewIfNeeded();
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${out}/${tag}-${sizeName}-${scheme}-widget.png` });
        }
      }
      await page.close();
    }
  }
  await browser.close();
})();
