// axe-core in the page: the serious and critical violations, as "rule: target" lines.
const path = require('path');

async function analyze(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js', { paths: [path.join(__dirname, '..')] }) });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

module.exports = { analyze };
