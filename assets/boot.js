// Starts the app over the prerendered page, which reads without it.
// - The site module (its files named by the build's <script data-app="JS WASM">) brings every
//   page's islands to life: progress, checks, the theme. It is fetched once the page has been
//   painted, so it never competes with the page's own files on a slow connection.
// - The widget module (the simulation engine, widgets and charts: most of the code) is fetched
//   only where a page has a simulation, after the site module, once a simulation comes within
//   a few screens of the viewport; an embed page starts it at once, the embed builder right
//   after the site module.
// - Once the page has loaded, assets/offline.js registers the service worker (offline reading).
const app = document.querySelector('script[data-app]');
const base = new URL('.', document.baseURI);
const start = (js, wasm) => import(js).then((module) => module.default({ module_or_path: new URL(wasm, base).href }));
const island = (name) => document.querySelector(`[data-island^='{"island":"${name}"']`);

const notFoundEmbed = island('not-found') && window.location.pathname.startsWith(`${base.pathname}embed/`);
const embed = island('embed') || notFoundEmbed;
const builder = island('embed-builder');
const sims = [...document.querySelectorAll('[data-testid="sim-static"]')];
// A "Try this" step's Set up links drive the widget, so the widget module comes when they near
// the viewport too (before, a click opens the step's embed instead).
const setups = [...document.querySelectorAll('a[data-setup]')];

function afterFirstPaint(run) {
  const go = () => requestAnimationFrame(() => setTimeout(run, 0));
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}

function whenNear(elements, run) {
  if (!('IntersectionObserver' in window)) return run();
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      run();
    }
  }, { rootMargin: '1500px 0px' });
  elements.forEach((element) => observer.observe(element));
  return undefined;
}

const widgets = () => start(new URL('headroom-widgets.js', base).href, 'headroom-widgets_bg.wasm');

if (embed) {
  widgets();
} else if (app) {
  const [js, wasm] = app.dataset.app.split(' ');
  afterFirstPaint(() => start(js, wasm).then(() => {
    if (builder) widgets();
    else if (sims.length) whenNear([...sims, ...setups], widgets);
  }));
}

window.addEventListener('load', () => import('./offline.js').then((m) => m.keepOffline(base)), { once: true });
