// Starts the app over the prerendered page, which reads without it.
// The site module (its files named by the build's <script data-app="JS WASM">) brings every
// page's islands to life: progress, checks, the theme. The widget module (the simulation
// engine, widgets and charts: most of the code) loads only where a page has a simulation,
// after the site module, so it never delays the text, the checks or the progress.
const app = document.querySelector('script[data-app]');
const base = new URL('.', document.baseURI);
const start = (js, wasm) => import(js).then((module) => module.default({ module_or_path: wasm }));

const island = (name) => document.querySelector(`[data-island^='{"island":"${name}"']`);
const notFoundEmbed = island('not-found') && window.location.pathname.startsWith(`${base.pathname}embed/`);
const site = app && !island('embed') && !notFoundEmbed;
const widgets = island('sim') || island('embed') || notFoundEmbed;

const [js, wasm] = app ? app.dataset.app.split(' ') : [];
const first = site ? start(js, wasm) : Promise.resolve();
if (widgets) {
  first.then(() => start(new URL('headroom-widgets.js', base).href, new URL('headroom-widgets_bg.wasm', base).href));
}
