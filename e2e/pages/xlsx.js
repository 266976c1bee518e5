// Reads the cells of an .xlsx in the tests, with Node's own zlib: enough of the zip
// format (central directory, deflate) and of SpreadsheetML (shared strings, inline
// strings, numbers) to check what the page wrote, without an npm dependency.
import zlib from 'node:zlib';

function entries(buffer) {
  // End of central directory: the last "PK\x05\x06".
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    files[name] = method === 0 ? data : zlib.inflateRawSync(data);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const unescape = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The workbook's sheets by name, each a map "A1" → string or number. */
export function readXlsx(buffer) {
  const files = entries(buffer);
  const text = (name) => (files[name] ? files[name].toString('utf8') : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const rels = Object.fromEntries(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const sheets = {};
  for (const m of text('xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = rels[m[2]].replace(/^\/?(xl\/)?/, 'xl/');
    const cells = {};
    for (const c of text(target).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, ref, attrs, body = ''] = c;
      const type = (attrs.match(/t="([^"]+)"/) || [])[1];
      const v = (body.match(/<v>([\s\S]*?)<\/v>/) || [])[1];
      if (type === 's') cells[ref] = shared[Number(v)];
      else if (type === 'inlineStr') cells[ref] = unescape((body.match(/<t[^>]*>([\s\S]*?)<\/t>/) || [])[1] || '');
      else if (type === 'str' || type === 'e') cells[ref] = unescape(v || '');
      else if (type === 'b') cells[ref] = v === '1';
      else if (v !== undefined) cells[ref] = Number(v);
    }
    sheets[unescape(m[1])] = cells;
  }
  return sheets;
}

/** A sheet's cells as rows of values (row 1 first), for searching. */
export function rows(cells) {
  const out = [];
  for (const [ref, value] of Object.entries(cells)) {
    const [, letters, digits] = ref.match(/([A-Z]+)(\d+)/);
    const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(digits) - 1;
    (out[row] ||= [])[col] = value;
  }
  return out;
}
