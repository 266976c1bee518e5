// Service worker: the calculator works offline after the first visit.
//
// - The page (index.html) is served stale-while-revalidate: from the cache at once,
//   while a fresh copy is fetched and stored, so an update is picked up on the next
//   visit and a slow connection never delays the page.
// - The hashed assets (wasm, js, css: their names change with their content) are
//   served cache-first, and precached at install from the links of index.html and
//   its <meta name="compute-worker"> (the compute worker, started after first paint).
// - Assets that the current index.html no longer links are pruned after an update.
// - The workbook module is fetched in the background a few seconds after this
//   worker is activated, and kept (docs/workbooks.md).
// - The Spanish and Portuguese texts (lang/<code>.json, fetched when a reader needs
//   them) and workbook.json are kept once fetched, served from the cache and
//   refreshed behind it, so a language used once also works offline.
const CACHE = 'cluster-eval-shell-v1';
const INDEX = new URL('./', self.location).href;
// The portfolio page (portfolio/, a page and a WebAssembly of its own): nothing of it
// is precached; once visited, its page is kept (network first) and its hashed assets
// (cache-first, below), so it also works offline.
const PORTFOLIO = new URL('./portfolio/', self.location).href;

function assetsOf(html) {
  const urls = new Set();
  const re = /(?:href|src)="([^"]+\.(?:wasm|js|css))"/g;
  let m;
  while ((m = re.exec(html)) !== null) urls.add(new URL(m[1], INDEX).href);
  // The compute worker, which the page starts after its first paint
  // (src/compute_link.rs builds the same loader URL).
  const worker = /<meta name="compute-worker" content="([^"]+)"/.exec(html);
  if (worker) {
    const js = new URL(`${worker[1]}.js`, INDEX).href;
    const wasm = new URL(`${worker[1]}_bg.wasm`, INDEX).href;
    urls.add(js);
    urls.add(wasm);
    urls.add(new URL(`compute-loader.js?js=${encodeURIComponent(js)}&wasm=${encodeURIComponent(wasm)}`, INDEX).href);
  }
  return [...urls];
}

async function refreshIndex() {
  const response = await fetch(INDEX, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`index: ${response.status}`);
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  const assets = assetsOf(html);
  await Promise.all(
    assets.map(async (url) => {
      if (!(await cache.match(url))) {
        // The page has just downloaded these (their names change with their content):
        // take them from the HTTP cache instead of downloading the app a second time
        // on a first visit over a slow connection.
        const asset = await fetch(url, { cache: 'force-cache' });
        if (asset.ok) await cache.put(url, asset);
      }
    }),
  );
  await cache.put(INDEX, response);
  const keep = new Set([INDEX, ...assets]);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url) && !isLanguageFile(request.url) && !isWorkbookFile(request.url) && !request.url.startsWith(PORTFOLIO)) {
      await cache.delete(request);
    }
  }
  return html;
}

const WORKBOOK = new URL('./workbook.json', self.location).href;

function isWorkbookFile(url) {
  return /\/(workbook\.json|workbook-loader\.js|workbook-worker-[0-9a-f]+(_bg\.wasm|\.js))$/.test(new URL(url).pathname);
}

async function prefetchWorkbook() {
  const cache = await caches.open(CACHE);
  const response = await fetch(WORKBOOK, { cache: 'no-cache' });
  if (!response.ok) return;
  const manifest = await response.clone().json();
  const at = (path) => new URL(path, self.location).href;
  const files = [
    at(manifest.js),
    at(manifest.wasm),
    at(`./workbook-loader.js?js=${encodeURIComponent(manifest.js)}&wasm=${encodeURIComponent(manifest.wasm)}`),
  ];
  for (const url of files) {
    if (!(await cache.match(url))) {
      const file = await fetch(url);
      if (file.ok) await cache.put(url, file);
    }
  }
  await cache.put(WORKBOOK, response);
  for (const request of await cache.keys()) {
    if (isWorkbookFile(request.url) && request.url !== WORKBOOK && !files.includes(request.url)) {
      await cache.delete(request);
    }
  }
}


function isLanguageFile(url) {
  return /\/lang\/[a-z]+\.json$/.test(new URL(url).pathname);
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshIndex().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
  setTimeout(() => prefetchWorkbook().catch(() => {}), 4000);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate' && request.url.startsWith(PORTFOLIO)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        })
        .catch(() => caches.match(request).then((cached) => cached || Response.error())),
    );
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.match(INDEX).then((cached) => {
        const fresh = refreshIndex()
          .then(() => caches.match(INDEX))
          .catch(() => undefined);
        if (cached) {
          event.waitUntil(fresh);
          return cached;
        }
        return fresh.then((r) => r || fetch(request));
      }),
    );
    return;
  }
  if (isLanguageFile(request.url) || request.url === WORKBOOK) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        const fresh = fetch(request)
          .then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          })
          .catch(() => undefined);
        if (cached) {
          event.waitUntil(fresh);
          return cached;
        }
        return (await fresh) || Response.error();
      }),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok && /\.(wasm|js|css)$/.test(new URL(request.url).pathname)) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
