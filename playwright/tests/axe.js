// axe-core in the page: the serious and critical violations, as "rule: target" lines. The
// script is served as a file of the page's own origin (the pages' Content Security Policy
// allows scripts from the site only, so an inline copy would be blocked, as it should be).
const fs = require('fs');
const path = require('path');

const AXE = require.resolve('axe-core/axe.min.js', { paths: [path.join(__dirname, '..')] });

async function analyze(page) {
  const url = new URL('/__axe.min.js', page.url()).href;
  await page.route(url, (route) => route.fulfill({ contentType: 'application/javascript', body: fs.readFileSync(AXE) }));
  await page.addScriptTag({ url });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

module.exports = { analyze };
