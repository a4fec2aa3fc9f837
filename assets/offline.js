// Keeps the site for reading offline and offers a new version when one is deployed.
// The worker is sw.js at the site's root (the build writes it from assets/sw.js), so its scope
// is the whole site, under any base path. The first visit fills its cache; from then on every
// page, the wasm and the styles come from the cache of one build, never a mix of two.
// When a new build is deployed, its worker installs beside the old one and waits; the page
// shows the prerendered notice "A new version is ready" (data-testid="update-ready"), and its
// button lets the new worker take over, upon which every open page reloads onto the new build.
export function keepOffline(base) {
  if (!('serviceWorker' in navigator)) return;
  const updating = Boolean(navigator.serviceWorker.controller);
  const notice = document.querySelector('[data-testid="update-ready"]');
  const offer = (worker) => {
    if (!notice || !navigator.serviceWorker.controller) return; // a first install: nothing to update
    notice.hidden = false;
    notice.querySelector('button')?.addEventListener('click', () => worker.postMessage('activate'), { once: true });
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });
  navigator.serviceWorker.register(new URL('sw.js', base).href, { scope: base.pathname }).then((registration) => {
    const watch = (worker) => worker?.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
    if (registration.waiting) offer(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    if (updating) registration.update().catch(() => {});
  }).catch(() => {}); // offline reading is a bonus: the site works without it
}
