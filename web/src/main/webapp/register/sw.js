// The register app's service worker: the app's own files come from the device's cache, so the
// register opens and keeps selling when the server cannot be reached. Each time the server can be
// reached, the cache is refreshed in the background (the next start uses the newer files). Calls
// to the API are never cached: they go to the server or fail, and the app works offline.

const CACHE = 'qm-register-v1';
const SHELL = ['./', 'index.html', 'app.css', 'app.js', 'store.js', 'api.js', 'cart.js', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('qm-register-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(scopePath())) {
    return; // the API and everything else: straight to the network
  }
  event.respondWith(caches.open(CACHE).then(async cache => {
    const cached = await cache.match(event.request, { ignoreSearch: true });
    const fresh = fetch(event.request).then(response => {
      if (response.ok) {
        cache.put(stripSearch(event.request), response.clone());
      }
      return response;
    });
    if (cached) {
      fresh.catch(() => undefined); // offline: the cached copy is what the register runs
      return cached;
    }
    return fresh;
  }));
});

function scopePath() {
  return new URL(self.registration.scope).pathname;
}

function stripSearch(request) {
  const url = new URL(request.url);
  url.search = '';
  return url.toString();
}
