// Frame times of a busy widget, in headless Chromium against a served build: an overloaded
// queue (one server, twice the arrivals it can serve, 500 waiting places, so ~500 requests in
// flight) playing at max speed. Records requestAnimationFrame deltas and the widget's
// data-frame-events for a few seconds, then prints p50/p95 frame times and the most events one
// frame processed (against data-frame-budget).
// Usage: node tools/frames.js [SITE_URL] [seconds]
//   e.g. node tools/frames.js http://127.0.0.1:8090/headroom/ 5     (a release build measures
//   what learners get; a debug build is many times slower)
const { chromium } = require('playwright-core');

const [siteArg, secondsArg] = process.argv.slice(2);
const site = siteArg || 'http://127.0.0.1:8090/headroom/';
const seconds = Number(secondsArg || 5);
const SCENARIO = 'servers=1&rate=2&service_time=1&queue_cap=500&requests=0&duration=0&seed=5';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  const url = new URL(`embed/queue?${SCENARIO}`, site).href;
  await page.goto(url);
  const widget = page.getByTestId('sim-widget');
  await widget.waitFor();
  await widget.getByTestId('speed').selectOption({ label: 'max' });
  await widget.getByTestId('play').click();
  // Let the queue fill before measuring.
  await page.waitForTimeout(500);
  const { deltas, events } = await page.evaluate((ms) => new Promise((resolve) => {
    const el = document.querySelector('[data-testid="sim-widget"]');
    const deltas = [];
    const events = [];
    let start = null;
    let last = null;
    const frame = (now) => {
      if (start === null) start = now;
      if (last !== null) deltas.push(now - last);
      last = now;
      events.push(Number(el.dataset.frameEvents));
      if (now - start < ms) requestAnimationFrame(frame); else resolve({ deltas, events });
    };
    requestAnimationFrame(frame);
  }), seconds * 1000);
  await widget.getByTestId('play').click();
  const budget = Number(await widget.getAttribute('data-frame-budget'));
  const summary = (await widget.getByTestId('live-summary').textContent()).trim();
  const inFlight = (summary.match(/([\d,]+) in flight/) || [])[1];
  const time = await widget.getByTestId('readout-time').textContent();
  const sorted = [...deltas].sort((a, b) => a - b);
  const total = events.reduce((a, b) => a + b, 0);
  console.log(`scenario: ${url}`);
  console.log(`frames: ${deltas.length} in ${seconds} s (${(deltas.length / seconds).toFixed(1)} per second)`);
  console.log(`frame time: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  console.log(`events per frame: max ${Math.max(...events)} (budget ${budget}), mean ${(total / events.length).toFixed(0)}, ${(total / seconds / 1e6).toFixed(2)} M events/s`);
  console.log(`in flight at the end: ${inFlight}; simulated time reached: ${time}`);
  if (errors.length) console.log(`console errors: ${errors.join(' | ')}`);
  await browser.close();
  process.exit(Math.max(...events) <= budget && !errors.length ? 0 : 1);
})();
