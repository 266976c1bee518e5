// The compute worker: the one place in the browser where the engine runs
// (docs/architecture.md). A classic worker: wasm-bindgen's `no-modules` output is
// loaded with importScripts. The page (src/compute_link.rs) starts it as
//   new Worker('compute-loader.js?js=<glue>&wasm=<module>')
// with the hashed names of the build (scripts/worker-hash.sh writes them into the
// page's <meta name="compute-worker">), so an old cached module is never mixed with a
// new page.
//
// Messages in: [seq, json, texts]; out: [seq, json] or [seq, null, error] when the
// module could not load or trapped (the page then starts a new worker).
const params = new URL(self.location.href).searchParams;
importScripts(params.get('js'));
const ready = wasm_bindgen({ module_or_path: params.get('wasm') });

self.onmessage = async ({ data }) => {
  const [seq, json, texts] = data;
  try {
    await ready;
    self.postMessage([seq, wasm_bindgen.handle(json, texts)]);
  } catch (error) {
    self.postMessage([seq, null, String(error && error.message ? error.message : error)]);
  }
};
