// Headroom's service worker: the whole site, kept for reading offline.
// This file is a template: the build (headroom-site, src/site/offline.rs) writes sw.js at the
// site's root with the two lines below filled in: this build's version (a hash of every file)
// and every file to keep (each page as its route, the wasm, the scripts, the styles, the search
// index). Addresses are relative to the worker's scope, so it works under any base path.
//
// - Install: every file of this build goes into one cache named after the version, fetched
//   past the HTTP cache. The worker then waits: a page already open keeps the files it started
//   with, and is told "a new version is ready" (assets/offline.js).
// - Activate (on the learner's word, or when no page of the old version is open): the caches of
//   other versions are deleted, and every page reloads onto the new one.
// - Fetch: a GET under the scope is answered from this version's cache, else the network; a
//   page that is neither answers with the cached not-found page. So a page never mixes files of
//   two builds. The worker never reads or writes localStorage: progress is the page's.
const VERSION = 'dev';
const FILES = [];

const CACHE = `headroom-${VERSION}`;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(
    FILES.map((file) => new Request(new URL(file, scope), { cache: 'reload' })),
  )));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((key) => key.startsWith('headroom-') && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(scope.href)) return;
  const navigate = request.mode === 'navigate';
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    // A page's address may carry a query (an embed's scenario) or lack its final slash.
    const hit = await cache.match(request, { ignoreSearch: navigate })
      || (navigate && !url.pathname.endsWith('/') && await cache.match(`${url.origin}${url.pathname}/`));
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (offline) {
      const missing = navigate && await cache.match(new URL('404.html', scope).href);
      if (missing) return missing;
      throw offline;
    }
  }));
});
