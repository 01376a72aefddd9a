import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import streamArray from 'stream-json/streamers/stream-array.js';
import { parseRecord, RecordSyntaxError } from './hn-record';

/**
 * Reads a Hacker News dump as a stream of raw records, never the whole file: a JSON array,
 * JSON Lines, or the `Item(by='…', …)` record format, each optionally gzip-compressed. The
 * format is told from the content (gzip magic bytes, then the first non-blank character),
 * not from the file name.
 */
export type SourceFormat = 'json-array' | 'json-lines' | 'record';

export type SourceEntry =
  /** `n` counts every record read so far, good or bad: the checkpoint position. */
  { n: number; where: string; value: unknown } | { n: number; where: string; problem: string };

export interface OpenedSource {
  format: SourceFormat;
  gzip: boolean;
  entries: AsyncIterable<SourceEntry>;
  /** Bytes of the (possibly compressed) file read so far, against `size`: for progress. */
  bytesRead: () => number;
  size: number;
}

const MAX_RECORD_CHARS = 4_000_000;

export async function openHnSource(file: string): Promise<OpenedSource> {
  const handle = await open(file);
  let gzip = false;
  let size = 0;
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    gzip = head[0] === 0x1f && head[1] === 0x8b;
    size = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const text: Readable = gzip ? pipeline(raw, createGunzip(), () => {}) : raw;
  text.setEncoding('utf8');
  const chunks = text[Symbol.asyncIterator]() as AsyncIterator<string>;

  // Peek until the first non-blank character decides the format, then replay what we read.
  const seen: string[] = [];
  let first = '';
  for (;;) {
    const r = await chunks.next();
    if (r.done) break;
    seen.push(r.value);
    const m = /[^\s\uFEFF]/.exec(r.value);
    if (m) {
      first = m[0];
      break;
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield* seen;
    for (;;) {
      const r = await chunks.next();
      if (r.done) return;
      yield r.value;
    }
  }
  const format: SourceFormat =
    first === '[' ? 'json-array' : first === '{' ? 'json-lines' : 'record';
  const entries =
    format === 'json-array'
      ? jsonArrayEntries(replay())
      : format === 'json-lines'
        ? jsonLineEntries(lines(replay()))
        : recordEntries(lines(replay()));
  return { format, gzip, entries, bytesRead: () => raw.bytesRead, size };
}

/** Lines of the text with their 1-based numbers; `\r\n` and `\n` both end a line. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<[string, number]> {
  let rest = '';
  let n = 0;
  for await (const chunk of chunks) {
    rest += chunk;
    let at: number;
    while ((at = rest.indexOf('\n')) >= 0) {
      yield [rest.slice(0, at).replace(/\r$/, ''), ++n];
      rest = rest.slice(at + 1);
    }
  }
  if (rest) yield [rest.replace(/\r$/, ''), ++n];
}

async function* jsonLineEntries(src: AsyncIterable<[string, number]>): AsyncGenerator<SourceEntry> {
  let n = 0;
  for await (const [line, no] of src) {
    if (!line.trim()) continue;
    n++;
    const where = `line ${no}`;
    try {
      yield { n, where, value: JSON.parse(line.replace(/^\uFEFF/, '')) as unknown };
    } catch (err) {
      yield { n, where, problem: `not valid JSON: ${(err as Error).message}` };
    }
  }
}

async function* jsonArrayEntries(chunks: AsyncIterable<string>): AsyncGenerator<SourceEntry> {
  const items = pipeline(Readable.from(chunks), streamArray.withParserAsStream(), () => {});
  let n = 0;
  try {
    for await (const { value } of items as AsyncIterable<{ key: number; value: unknown }>) {
      n++;
      yield { n, where: `item ${n}`, value };
    }
  } catch (err) {
    // Past a syntax error an array cannot be split into items safely; what came before stays.
    yield {
      n: n + 1,
      where: `item ${n + 1}`,
      problem: `not a valid JSON array from here on (${(err as Error).message}); the rest of the file is not read`,
    };
  }
}

/**
 * `Item(…)` records, one or more per line, and a record may continue on following lines
 * (a pretty-printed repr). A record that does not parse is reported at its first line and
 * reading goes on with the next line.
 */
async function* recordEntries(src: AsyncIterable<[string, number]>): AsyncGenerator<SourceEntry> {
  let n = 0;
  let buf = '';
  let startLine = 0;
  for await (const [line, no] of src) {
    if (!buf) {
      if (!line.trim()) continue;
      startLine = no;
      buf = line.replace(/^\uFEFF/, '');
    } else buf += '\n' + line;
    let pos = 0;
    for (;;) {
      if (!/\S/.test(buf.slice(pos))) {
        buf = '';
        break;
      }
      try {
        const { value, end } = parseRecord(buf, pos);
        n++;
        yield { n, where: `line ${startLine}`, value };
        pos = end;
        const tail = /^[\s,]*/.exec(buf.slice(pos))![0];
        pos += tail.length;
      } catch (err) {
        if (err instanceof RecordSyntaxError && err.incomplete && buf.length < MAX_RECORD_CHARS) {
          buf = buf.slice(pos);
          break; // read on: the record continues on the next line
        }
        n++;
        yield {
          n,
          where: `line ${startLine}`,
          problem: `not a valid record: ${(err as Error).message}`,
        };
        buf = '';
        break;
      }
    }
    if (!buf) startLine = 0;
  }
  if (buf.trim()) {
    n++;
    yield { n, where: `line ${startLine}`, problem: 'not a valid record: the file ends inside it' };
  }
}
