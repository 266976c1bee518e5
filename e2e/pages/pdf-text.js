// The text of a PDF that Chromium printed (page.pdf()), without a PDF library: the
// content streams (FlateDecode, node's zlib) are read for their text operators (Tj,
// TJ), and each font's glyph codes are turned into characters by its ToUnicode map.
// Enough for Chromium's own output, which is all the tests need. Line and word breaks
// are approximate (a positioning operator is read as a space) and ligatures come out
// as one character (ﬁ), so callers compare after normalize('NFKC'), without whitespace.
import { inflateSync } from 'node:zlib';

function objects(pdf) {
  const text = pdf.toString('latin1');
  const found = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    found.set(m[1], m[2]);
  }
  return found;
}

function streamOf(body) {
  const start = body.search(/stream\r?\n/);
  if (start < 0) return null;
  const dataStart = body.indexOf('\n', start) + 1;
  const length = /\/Length (\d+)(?! 0 R)/.exec(body.slice(0, start));
  const end = length ? dataStart + Number(length[1]) : body.lastIndexOf('endstream');
  let data = Buffer.from(body.slice(dataStart, end), 'latin1');
  if (/\/FlateDecode/.test(body.slice(0, start))) {
    try {
      data = inflateSync(data);
    } catch {
      return null;
    }
  }
  return data.toString('latin1');
}

function hexToCodes(hex, width) {
  const clean = hex.replace(/\s+/g, '');
  const codes = [];
  for (let i = 0; i + width <= clean.length; i += width) codes.push(parseInt(clean.slice(i, i + width), 16));
  return codes;
}

function utf16(hex) {
  const units = hexToCodes(hex, 4);
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap: glyph code → text, and the code width in hex digits. */
function parseCMap(text) {
  const map = new Map();
  let width = 4;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      width = m[1].length;
      map.set(parseInt(m[1], 16), utf16(m[2]));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      width = m[1].length;
      const [lo, hi] = [parseInt(m[1], 16), parseInt(m[2], 16)];
      if (m[3].startsWith('[')) {
        const targets = [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => utf16(t[1]));
        for (let c = lo; c <= hi; c++) map.set(c, targets[c - lo] ?? '');
      } else {
        const first = hexToCodes(m[3].slice(1, -1), 4);
        for (let c = lo; c <= hi; c++) {
          const units = [...first];
          units[units.length - 1] += c - lo;
          map.set(c, String.fromCharCode(...units));
        }
      }
    }
  }
  return { map, width };
}

function decodeString(token, font) {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1);
    if (!font) return '';
    return hexToCodes(hex, font.width).map((c) => font.map.get(c) ?? '').join('');
  }
  // A literal string (a simple font): its bytes, with escapes.
  const body = token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '', f: '' }[e] ?? e));
  if (!font) return body;
  return [...body].map((ch) => font.map.get(ch.charCodeAt(0)) ?? ch).join('');
}

/** The text of every page of the PDF, in stream order. */
export function pdfText(pdf) {
  const objs = objects(pdf);
  const cmaps = new Map();
  const fontOf = (ref) => {
    if (cmaps.has(ref)) return cmaps.get(ref);
    const body = objs.get(ref) || '';
    const tu = /\/ToUnicode (\d+) 0 R/.exec(body);
    const stream = tu ? streamOf(objs.get(tu[1]) || '') : null;
    const font = stream ? parseCMap(stream) : null;
    cmaps.set(ref, font);
    return font;
  };
  // Font names (/F3) to font objects, over every resource dictionary.
  const names = new Map();
  for (const body of objs.values()) {
    for (const dict of body.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const m of dict[1].matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) names.set(m[1], m[2]);
    }
  }
  let out = '';
  for (const body of objs.values()) {
    if (/\/Type\s*\/(Font|FontDescriptor|XObject)|\/Subtype\s*\/Image|beginbfchar|beginbfrange/.test(body)) continue;
    const content = streamOf(body);
    if (!content || !/\b(Tj|TJ)\b/.test(content)) continue;
    let font = null;
    const tokens = content.matchAll(/\/[^\s/\[\]<>()]+|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|-?\d*\.?\d+|[A-Za-z*']+/g);
    let array = null;
    const stack = [];
    for (const [tok] of tokens) {
      if (tok === '[') {
        array = [];
      } else if (tok === ']') {
        stack.push(array);
        array = null;
      } else if (array) {
        if (tok.startsWith('<') || tok.startsWith('(')) array.push(decodeString(tok, font));
        else if (Number(tok) < -200) array.push(' ');
      } else if (tok === 'Tf') {
        const name = stack[stack.length - 2];
        font = typeof name === 'string' && name.startsWith('/') ? fontOf(names.get(name.slice(1))) : null;
        stack.length = 0;
      } else if (tok === 'Tj' || tok === "'") {
        const s = stack.pop();
        if (typeof s === 'string') out += decodeString(s, font);
        stack.length = 0;
      } else if (tok === 'TJ') {
        const parts = stack.pop();
        if (Array.isArray(parts)) out += parts.join('');
        stack.length = 0;
      } else if (['Td', 'TD', 'Tm', 'T*', 'ET'].includes(tok)) {
        out += ' ';
        stack.length = 0;
      } else if (/^[A-Za-z*']+$/.test(tok)) {
        stack.length = 0;
      } else {
        stack.push(tok);
      }
    }
    out += '\n';
  }
  return out;
}
