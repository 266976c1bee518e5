// The workbook module's Web Worker (a classic worker: wasm-bindgen's `no-modules`
// output is loaded with importScripts), started by the page's src/workbook_link.rs as
//   new Worker('workbook-loader.js?js=<glue>&wasm=<module>')
// with the hashed names of workbook.json (scripts/worker-hash.sh), so a new build is
// never mixed with an old cached one. The module's start sets the worker's one
// `onmessage` (workbook/src/bin/workbook-worker/main.rs); messages that arrive while it
// is loading are kept here and handed to it then.
const params = new URL(self.location.href).searchParams;
importScripts(params.get('js'));
const early = [];
self.onmessage = (event) => early.push(event);
wasm_bindgen({ module_or_path: params.get('wasm') }).then(
  () => early.splice(0).forEach((event) => self.onmessage(event)),
  // The module failed to load: the page's onerror answers every request waiting.
  (error) => setTimeout(() => { throw error; }),
);
