// The trust figures (docs/trust.md), measured here:
// - 1,000 generated embed addresses (random keys, values at and just past every bound, hostile
//   strings) over every kind: 0 panics or console errors, 0 blank widgets, and every problem
//   named in the widget's list;
// - 100 damaged or hostile progress values in localStorage: 0 panics, nothing lost (a value
//   the page cannot read is kept aside verbatim, a newer one is left in place, a readable one
//   keeps every lesson it had done);
// - 20 hostile import files: 0 panics, each refused with a reason or offered for a merge that
//   loses nothing.
// Each test logs its counts ("figure: ...") for the report.
const { execFileSync, spawnSync } = require('child_process');
const path = require('path');
const { test, expect } = require('../fixtures');
const { HomePage, LessonPage, live } = require('../pages/site');
const { SimWidget } = require('../pages/widget');

const ROOT = path.join(__dirname, '..', '..');
const KEY = 'headroom.progress';
const COURSE = 'system-design';
const LESSON = 'latency-throughput';

// mulberry32: the same addresses every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every scenario key with the kinds it applies to and its bounds, from the command line's
// `headroom keys` (the same table the widget checks against).
const KEYS = execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--bin', 'headroom', '--', 'keys'],
  { cwd: ROOT, encoding: 'utf8' }).split('\n').map((line) => line.match(/^(\w+)\s+\(([^)]*)\)\s+(?:(\S+) to (\S+))?/))
  .filter(Boolean).map(([, key, kinds, lo, hi]) => ({
    key, kinds: kinds.split(',').map((k) => k.trim()), lo: lo === undefined ? null : Number(lo), hi: hi === undefined ? null : Number(hi),
  })).filter((k) => k.key !== 'kind');
const KINDS = ['queue', 'balancer', 'cache', 'limiter', 'retries', 'breaker', 'hashing', 'replication',
  'autoscale', 'pipeline', 'estimate', 'calls', 'contention', 'delivery', 'team'];
const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror="window.__pwned=1">', 'javascript:alert(1)',
  'NaN', 'Infinity', '-Infinity', '1e999', '9'.repeat(400), '0x10', '1,5', '日本', '\u202e', '--1', '%ZZ', '%',
  '__proto__', '{"a":1}', 'a'.repeat(3000), '%E0%A4%A', ' ', '+'];

// A comma list is a valid value of a per-level key (`hop_time=1,5` for calls: one per level):
// the keys of each kind that accept `1,5`, asked of the command line's `check`.
const LIST_OK = new Set(KINDS.flatMap((kind) => {
  const own = KEYS.filter((k) => k.kinds.includes(kind)).map((k) => k.key);
  const scenario = [`kind=${kind}`, ...own.map((key) => `${key}=1,5`)].join(' ');
  const { stderr } = spawnSync('cargo', ['run', '--quiet', '--no-default-features', '--bin', 'headroom', '--', 'check', scenario],
    { cwd: ROOT, encoding: 'utf8' });
  const named = new Set([...stderr.matchAll(/^problem: `(\w+)`/gm)].map((m) => m[1]));
  return own.filter((key) => !named.has(key)).map((key) => `${kind}:${key}`);
}));

function address(random, kind) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const own = KEYS.filter((k) => k.kinds.includes(kind));
  const bounded = own.filter((k) => k.lo !== null);
  const pieces = []; // [key, piece, whether the widget must name the key]
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.3 && bounded.length) { // at a bound: fine
      const k = pick(bounded);
      pieces.push([k.key, `${k.key}=${random() < 0.5 ? k.lo : k.hi}`, false]);
    } else if (r < 0.55 && bounded.length) { // just past a bound: named
      const k = pick(bounded);
      const past = random() < 0.5 && k.lo > 0 ? k.lo / 2 : k.hi * 2 + 1;
      pieces.push([k.key, `${k.key}=${past}`, true]);
    } else if (r < 0.7 && own.length) { // a hostile value for a real key: named (but a list for a per-level key)
      const k = pick(own);
      const value = pick(HOSTILE);
      pieces.push([k.key, `${k.key}=${encodeURIComponent(value)}`, !(value === '1,5' && LIST_OK.has(`${kind}:${k.key}`))]);
    } else if (r < 0.8) { // a random key: named
      const key = `k${Math.floor(random() * 1e6).toString(36)}`;
      pieces.push([key, `${key}=${encodeURIComponent(pick(HOSTILE))}`, true]);
    } else if (r < 0.9) { // the embed's own keys, hostile: named, but for caption and controls
      const key = pick(['t', 'theme', 'caption', 'controls', 'origin']);
      const value = pick(HOSTILE);
      // A blank value is the default, and an address loses trailing spaces: not a problem.
      pieces.push([key, `${key}=${random() < 0.5 ? encodeURIComponent(value) : value.replace(/[&#]/g, encodeURIComponent)}`,
        ['t', 'theme', 'origin'].includes(key) && value.trim() !== '' && value !== '+']);
    } else { // a raw hostile piece
      pieces.push(['', pick(['<script>alert(1)</script>', '=5', '&&', '%ZZ=1', 'rate', '__proto__=1', `${'x'.repeat(2000)}=1`]), false]);
    }
  }
  // A repeated key takes its last value: only the last piece of each key counts.
  const lastOf = new Map(pieces.map(([key], i) => [key, i]));
  const named = [...new Set(pieces.filter(([key, , must], i) => must && lastOf.get(key) === i).map(([key]) => key))];
  return { url: `embed/${kind}/?${pieces.map(([, piece]) => piece).join('&')}`, named };
}

test.describe('1,000 embed addresses', () => {
  test.use({ expectedConsoleErrors: [] });
  const BATCHES = 4;
  const PER_BATCH = 250;
  for (let batch = 0; batch < BATCHES; batch++) {
    test(`batch ${batch + 1} of ${BATCHES}: every widget runs and names every problem`, async ({ page }) => {
      test.setTimeout(900_000);
      const random = rng(20261202 + batch);
      const widget = new SimWidget(page);
      let errors = [];
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      let problems = 0;
      const started = Date.now();
      for (let i = 0; i < PER_BATCH; i++) {
        const kind = KINDS[(batch * PER_BATCH + i) % KINDS.length];
        const { url, named } = address(random, kind);
        errors = [];
        await page.goto(url, { waitUntil: 'commit' });
        await expect(widget.root, url).toBeVisible();
        await expect(page.locator('html'), url).toHaveAttribute('data-app', /widgets/);
        const box = await widget.root.boundingBox();
        expect(box && box.height > 100 && box.width > 100, `${url} is not blank`).toBe(true);
        expect((await widget.root.innerText()).trim().length, `${url} shows something`).toBeGreaterThan(20);
        if (named.length) {
          await expect(widget.problems, url).toBeVisible();
          const text = await widget.problems.textContent();
          for (const key of named) expect(text, `${url}: ${key} named`).toContain(key);
          problems += named.length;
        }
        expect(await page.evaluate(() => window.__pwned), `${url} ran injected code`).toBeUndefined();
        expect(errors, url).toEqual([]);
      }
      console.log(`figure: embed batch ${batch + 1}: ${PER_BATCH} addresses, 0 errors, 0 blank, ${problems} problems named, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    });
  }
});

// ---- damaged progress -----------------------------------------------------------------------

const NOW = Date.now();
function states() {
  const random = rng(7);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const good = (lessons) => ({ version: 2, lessons: Object.fromEntries(lessons.map((id) => [id, { done: 1000 }])) });
  const id = `${COURSE}/${LESSON}`;
  const out = [
    '', ' ', 'null', 'true', '0', '[]', '{}', '"text"', '{', '{"version":', '\u0000\u0001', '\ud800',
    '{"version": 1, "completed": [garbage', '{"version":2}', '{"version":"2"}', '{"version":0}', '{"version":-1}',
    '{"version":1e999}', '{"version":4294967297}', '{"version":99,"lessons":{}}', '{"version":4}',
    JSON.stringify({ version: 1, completed: [id], quizzes: { [`${id}#0`]: { answers: [[0]], correct: 4294967295 } } }),
    JSON.stringify({ version: 1, completed: [id, 'no/such', '<script>'] }),
    JSON.stringify({ version: 2, lessons: { [id]: { done: 8.64e15 + 1 } } }),
    JSON.stringify({ version: 2, lessons: { [id]: { done: -5 } } }),
    JSON.stringify({ version: 2, lessons: { [id]: { done: 1e300 } } }),
    JSON.stringify({ version: 2, lessons: { [id]: { done: NOW + 1e12 } } }),
    JSON.stringify({ version: 2, reset: NOW + 1e9, lessons: { [id]: { done: 1000 } } }),
    JSON.stringify({ version: 2, lessons: { [id]: { done: 1000, extra: 1 } } }),
    JSON.stringify({ version: 2, quizzes: { [`${id}#0`]: { answers: { 0: { at: 1, answer: { number: 1e308 } } } } } }),
    JSON.stringify({ version: 2, quizzes: { [`${id}#0`]: { answers: { 4294967295: { at: 1, answer: { choices: [1e20] } } } } } }),
    JSON.stringify({ version: 2, goals: { x: { at: 1, query: 'a'.repeat(100000) } } }),
    JSON.stringify({ version: 2, theme: { value: 'neon', at: 1 } }),
    JSON.stringify({ version: 2, last: { lesson: '<img src=x onerror=alert(1)>', at: 1 } }),
    `{"version":2,"lessons":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    JSON.stringify(good([id, 'no/such-lesson', '../../etc'])),
    JSON.stringify({ ...good([id]), __proto__: { polluted: 1 } }),
    '\ufeff' + JSON.stringify(good([id])),
    JSON.stringify(good([id])).slice(0, 25),
    JSON.stringify(good([id])) + 'trailing',
  ];
  while (out.length < 100) {
    const base = JSON.stringify(good([id, `${COURSE}/caching`]));
    const r = random();
    if (r < 0.35) { // flip, drop or insert a byte
      const at = Math.floor(random() * base.length);
      const ch = pick(['"', '{', '}', ',', ':', '\\', '0', 'x', '\u0000', '€', ']']);
      out.push(random() < 0.5 ? base.slice(0, at) + ch + base.slice(at + 1) : base.slice(0, at) + ch + base.slice(at));
    } else if (r < 0.5) { // cut short
      out.push(base.slice(0, Math.floor(random() * base.length)));
    } else if (r < 0.7) { // a hostile value in a field
      const field = pick(['version', 'reset', 'lessons', 'quizzes', 'goals', 'last', 'theme']);
      const value = pick([null, -1, 1e999 > 0 ? '1e999' : 0, 'x', [], {}, true, 2 ** 64, -(2 ** 63), { done: 'yes' }]);
      out.push(JSON.stringify({ ...good([id]), [field]: value }));
    } else if (r < 0.85) { // a readable value with many lessons
      const lessons = Array.from({ length: 1 + Math.floor(random() * 500) }, (_, i) => `c${i}/l${i}`);
      out.push(JSON.stringify(good([id, ...lessons])));
    } else { // random bytes
      out.push(Array.from({ length: 1 + Math.floor(random() * 200) }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join(''));
    }
  }
  return out.slice(0, 100);
}

test('100 damaged progress values: 0 panics, nothing lost, the unreadable kept aside', async ({ page }) => {
  test.setTimeout(600_000);
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  const counts = { readable: 0, keptAside: 0, newer: 0, empty: 0 };
  for (const [n, given] of states().entries()) {
    const label = `state ${n}: ${JSON.stringify(given.slice(0, 80))}`;
    // What the browser keeps (it replaces a lone surrogate, say) is what must not be lost.
    const value = await page.evaluate(([key, v]) => {
      localStorage.clear();
      localStorage.setItem(key, v);
      return localStorage.getItem(key);
    }, [KEY, given]);
    await page.reload();
    await live(page);
    // An edit: the page saves (or, over a newer format, refuses to).
    await lesson.markComplete.click();
    await expect(lesson.markComplete, label).toHaveAttribute('aria-pressed', /true|false/);
    await page.waitForTimeout(50);
    const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    const kept = Object.entries(after).filter(([k]) => k.startsWith(`${KEY}.unreadable`)).map(([, v]) => v);
    const notices = (await page.getByTestId('notice').allTextContents()).join(' ');
    if (value.trim() === '' || value.replace(/^\ufeff/, '').trim() === '') {
      counts.empty++;
    } else if (/newer Headroom/.test(notices)) {
      counts.newer++;
      expect(after[KEY], `${label}: a newer value is left as it was`).toBe(value);
    } else if (/could not be read/.test(notices)) {
      counts.keptAside++;
      // Verbatim, but for a lone UTF-16 surrogate, which a Rust string cannot hold: it is kept
      // as U+FFFD (docs/trust.md).
      expect(kept, `${label}: kept aside verbatim`).toContain(value.toWellFormed());
    } else {
      counts.readable++;
      const before = JSON.parse(value.replace(/^\ufeff/, ''));
      const now = JSON.parse(after[KEY]);
      const done = before.version === 1 ? before.completed : Object.keys(before.lessons || {}).filter((id) => before.lessons[id].done);
      for (const id of done.filter((id) => id !== `${COURSE}/${LESSON}`)) {
        // Format 1 kept no times: its lessons are done "at 0".
        expect(now.lessons[id]?.done, `${label}: ${id} still done`).toBeGreaterThanOrEqual(0);
      }
    }
  }
  console.log(`figure: 100 progress values: ${counts.readable} readable (every lesson kept), ${counts.keptAside} kept aside, ${counts.newer} newer left in place, ${counts.empty} empty; 0 errors`);
  expect(counts.keptAside).toBeGreaterThan(30);
});

test('20 hostile import files: 0 panics, each refused with a reason or merged losing nothing', async ({ page }) => {
  test.setTimeout(300_000);
  const lesson = new LessonPage(page);
  await lesson.open(COURSE, LESSON);
  await lesson.markComplete.click();
  const id = `${COURSE}/${LESSON}`;
  const files = [
    ['huge.json', Buffer.alloc(2 * 1024 * 1024, 32)],
    ['empty.json', Buffer.alloc(0)],
    ['binary.json', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['garbage.json', Buffer.from('{"version": 2, "lessons": {')],
    ['other-site.json', Buffer.from(JSON.stringify({ hello: 'world' }))],
    ['newer.json', Buffer.from(JSON.stringify({ version: 99, lessons: {} }))],
    ['wrap.json', Buffer.from(JSON.stringify({ version: 1, completed: [id], quizzes: { [`${id}#0`]: { answers: [[0]], correct: 4294967295 } } }))],
    ['unknown-ids.json', Buffer.from(JSON.stringify({ version: 2, lessons: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}/y`, { done: 1 }])) }))],
    ['future.json', Buffer.from(JSON.stringify({ version: 2, reset: 8.64e15, lessons: { [`${COURSE}/caching`]: { done: 8.64e15 } } }))],
    ['past-max-time.json', Buffer.from(JSON.stringify({ version: 2, lessons: { [id]: { done: 9e15 } } }))],
    ['deep.json', Buffer.from(`{"version":2,"goals":${'['.repeat(100000)}`)],
    ['proto.json', Buffer.from('{"version":2,"__proto__":{"x":1},"lessons":{"__proto__":{"done":1}}}')],
    ['script.json', Buffer.from(JSON.stringify({ version: 2, lessons: { '<img src=x onerror=window.__pwned=1>': { done: 1 } } }))],
    ['many-answers.json', Buffer.from(JSON.stringify({ version: 2, quizzes: { [`${id}#0`]: { answers: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [i, { at: 1, answer: { choices: [i] } }])) } } }))],
    ['choices.json', Buffer.from(JSON.stringify({ version: 2, quizzes: { [`${id}#0`]: { answers: { 0: { at: 1, answer: { choices: Array.from({ length: 10000 }, (_, i) => i) } } } } } }))],
    ['long-query.json', Buffer.from(JSON.stringify({ version: 2, goals: { [`${id}#goal-x`]: { at: 1, query: 'a'.repeat(500000) } } }))],
    ['bom.json', Buffer.from('\ufeff' + JSON.stringify({ version: 2, lessons: { [`${COURSE}/caching`]: { done: 5 } } }))],
    ['utf16.json', Buffer.from(JSON.stringify({ version: 2 }), 'utf16le')],
    ['nan.json', Buffer.from('{"version":2,"quizzes":{"a#0":{"answers":{"0":{"at":1,"answer":{"number":NaN}}}}}}')],
    ['replace-nothing.json', Buffer.from(JSON.stringify({ version: 2, reset: 1 }))],
  ];
  expect(files).toHaveLength(20);
  const home = new HomePage(page);
  await home.open();
  let refused = 0;
  let merged = 0;
  for (const [name, buffer] of files) {
    await page.getByTestId('import').setInputFiles({ name, mimeType: 'application/json', buffer });
    const choice = page.getByTestId('import-choice');
    await expect(home.message.or(choice).first(), name).toBeVisible();
    if (await choice.isVisible()) {
      await page.getByTestId('import-merge').click();
      await expect(home.message, name).toContainText('Progress imported');
      merged++;
    } else {
      await expect(home.message, name).toContainText('not imported');
      refused++;
    }
    const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
    expect(saved.lessons[id]?.done, `${name}: the lesson done before is still done`).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__pwned), name).toBeUndefined();
    await page.reload();
    await live(page);
  }
  console.log(`figure: 20 import files: ${refused} refused with a reason, ${merged} merged, 0 errors, nothing lost`);
});
