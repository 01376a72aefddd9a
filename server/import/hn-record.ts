/**
 * The record format common Hacker News client libraries print:
 *   Item(by='duhi88', descendants=0, kids=None, score=1, time=1607356429, title='Ask HN: …',
 *        item_type='story', url=None, parent=None, text='I&#x27;m looking…')
 * That is Python literal syntax: a call with keyword arguments whose values are strings
 * (single or double quoted, with backslash escapes), None, True/False, ints, floats and
 * lists. A small tokenizer and recursive-descent parser, so quotes inside strings, commas
 * and parentheses in text are never mistaken for structure.
 */

export class RecordSyntaxError extends Error {
  constructor(
    message: string,
    /** True when the text simply stopped: more input may complete the record. */
    readonly incomplete = false,
  ) {
    super(message);
  }
}

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

/**
 * Parses one record starting at `start` (whitespace before it is skipped). Returns the
 * keyword arguments as an object and the offset just past the closing parenthesis.
 */
export function parseRecord(
  text: string,
  start = 0,
): { value: Record<string, Value>; end: number } {
  let i = start;
  const fail = (what: string): never => {
    if (i >= text.length) throw new RecordSyntaxError(`${what}: the record ends early`, true);
    throw new RecordSyntaxError(`${what} at column ${i + 1}, found ${JSON.stringify(text[i])}`);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const name = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const expect = (ch: string) => {
    space();
    if (text[i] !== ch) fail(`expected "${ch}"`);
    i++;
  };

  const string = (): string => {
    const quote = text[i]!;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i]!;
      if (c === quote) {
        i++;
        return out;
      }
      if (c === '\n') fail('newline inside a string');
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === undefined) return fail('unterminated string');
      if (e in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[e];
        i += 2;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) fail(`bad \\${e} escape`);
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + len;
      } else {
        // Python keeps unknown escapes as written.
        out += '\\' + e;
        i += 2;
      }
    }
  };

  const value = (): Value => {
    space();
    const c = text[i];
    if (c === "'" || c === '"') {
      // Adjacent literals concatenate, as in Python ('a' 'b' == 'ab').
      let s = string();
      for (;;) {
        space();
        if (text[i] !== "'" && text[i] !== '"') return s;
        s += string();
      }
    }
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const list: Value[] = [];
      for (;;) {
        space();
        if (text[i] === close) {
          i++;
          return list;
        }
        list.push(value());
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail(`expected "," or "${close}"`);
      }
    }
    if (c === '{') {
      i++;
      const obj: Record<string, Value> = {};
      for (;;) {
        space();
        if (text[i] === '}') {
          i++;
          return obj;
        }
        const k = value();
        expect(':');
        obj[String(k)] = value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('expected "," or "}"');
      }
    }
    const num = /^[-+]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
    if (num) {
      i += num[0].length;
      const n = Number(num[0].replace(/_/g, ''));
      if (!Number.isFinite(n)) fail('bad number');
      return n;
    }
    if (c !== undefined && /[A-Za-z_]/.test(c)) {
      const at = i;
      const word = name();
      if (word === 'None') return null;
      if (word === 'True') return true;
      if (word === 'False') return false;
      i = at;
      fail(`unknown name ${word}`);
    }
    return fail('expected a value');
  };

  space();
  name();
  expect('(');
  const args: Record<string, Value> = {};
  for (;;) {
    space();
    if (text[i] === ')') {
      i++;
      break;
    }
    const key = name();
    expect('=');
    args[key] = value();
    space();
    if (text[i] === ',') i++;
    else if (text[i] !== ')') fail('expected "," or ")"');
  }
  return { value: args, end: i };
}
