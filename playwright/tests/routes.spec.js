// Every route answers 200 from a host that serves folders the way GitHub Pages does: with its
// trailing slash directly, and without it through a redirect to the slash (the query kept).
const { execFileSync } = require('child_process');
const path = require('path');
const { test, expect } = require('../fixtures');

const ROOT = path.join(__dirname, '..', '..');
const routes = execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--bin', 'site-routes'],
  { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((line) => line.trim() !== '');

test('site-routes lists the pages', () => {
  expect(routes).toContain('./');
  expect(routes).toContain('learn/system-design/');
  expect(routes).toContain('learn/system-design/caching/');
  expect(routes).toContain('embed/queue/');
  expect(routes.every((r) => r.endsWith('/'))).toBe(true);
});

test('every route answers 200, with and without its trailing slash', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  for (const route of routes) {
    const withSlash = new URL(route, baseURL).href;
    const direct = await request.get(withSlash, { maxRedirects: 0 });
    expect(direct.status(), withSlash).toBe(200);
    expect(await direct.text(), withSlash).toContain('<title>');
    if (route === './') continue;
    const bare = withSlash.replace(/\/$/, '');
    const redirect = await request.get(`${bare}?seed=3`, { maxRedirects: 0 });
    expect(redirect.status(), bare).toBe(301);
    expect(redirect.headers().location, bare).toBe(`${new URL(withSlash).pathname}?seed=3`);
    expect((await request.get(bare)).status(), bare).toBe(200);
  }
});

test('sitemap.xml lists every page and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('sitemap.xml')).text();
  const pages = routes.filter((r) => !r.startsWith('embed/'));
  expect(sitemap.match(/<loc>/g)).toHaveLength(pages.length);
  for (const route of pages.filter((r) => r !== './')) expect(sitemap).toContain(`/headroom/${route}</loc>`);
  expect(await (await request.get('robots.txt')).text()).toMatch(/^Sitemap: .*\/headroom\/sitemap\.xml$/m);
});
