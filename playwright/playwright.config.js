// Browser tests in Debian's Chromium against the release build, served under /headroom/ the
// way GitHub Pages serves it (scripts/pages_server.py). Playwright never downloads a browser.
const { defineConfig } = require('@playwright/test');

// PORT lets two checkouts on one machine run their browser tests side by side.
const PORT = Number(process.env.PORT) || 8090;

module.exports = defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/headroom/`,
    headless: true,
    // The site registers a service worker that keeps the whole build; each test's fresh context
    // would download it in the background. Only the offline tests let it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 ../scripts/pages_server.py ../dist /headroom/ ${PORT}`,
    url: `http://127.0.0.1:${PORT}/headroom/`,
    reuseExistingServer: !process.env.CI,
  },
});
