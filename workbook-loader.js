// The workbook module's Web Worker (a classic worker: wasm-bindgen's `no-modules`
// output is loaded with importScripts). The module's main-thread instance starts it as
//   new Worker('workbook-loader.js?js=<glue>&wasm=<module>')
// with the hashed names listed in workbook.json (scripts/workbook-hash.sh), so a new
// build is never mixed with an old cached one.
//
// Messages in: {id, op: 'open', bytes} | {id, op: 'template', lang} |
// {id, op: 'results', doc, lang}. Messages out: {id, ok} or {id, error}; bytes are
// transferred, not copied.
const params = new URL(self.location.href).searchParams;
importScripts(params.get('js'));
const ready = wasm_bindgen({ module_or_path: params.get('wasm') });
const languages = {};

// The page's texts of a language (indicator and table names in the workbooks
// written here). English is built in; a language file the service worker has kept
// also works offline. Without it, the workbook is written in English.
async function language(code) {
  if (!code || code === 'en' || languages[code]) return;
  try {
    const response = await fetch(`lang/${code}.json`);
    if (response.ok && wasm_bindgen.install_language(code, await response.text())) languages[code] = true;
  } catch (_) {
    // Offline and never fetched: English names.
  }
}

self.onmessage = async (event) => {
  const m = event.data;
  try {
    await ready;
    await language(m.lang);
    if (m.op === 'open') {
      self.postMessage({ id: m.id, ok: wasm_bindgen.open_workbook(new Uint8Array(m.bytes)) });
    } else if (m.op === 'template' || m.op === 'results') {
      const bytes = m.op === 'template' ? wasm_bindgen.template(m.lang) : wasm_bindgen.results_workbook(m.doc, m.lang);
      self.postMessage({ id: m.id, ok: bytes.buffer }, [bytes.buffer]);
    } else {
      self.postMessage({ id: m.id, error: `unknown request ${m.op}` });
    }
  } catch (error) {
    self.postMessage({ id: m.id, error: String(error && error.message ? error.message : error) });
  }
};
