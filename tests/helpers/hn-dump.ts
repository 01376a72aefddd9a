import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A generated Hacker News dump shaped like the real API (stories, comment trees, dead and
 * deleted items), shuffled so children often come before their parents. Deterministic for a
 * seed. Written as JSON Lines; returns what the import should produce.
 */
export interface GeneratedDump {
  /** comment HN id -> parent HN id, for comments the import must place. */
  parents: Map<number, number>;
  stories: number;
  /** Deleted items without replies: nothing to show, so skipped. */
  skippedDeleted: number;
}

export async function writeHnDump(file: string, n: number, seed = 1): Promise<GeneratedDump> {
  let s = seed >>> 0 || 1;
  const rand = () => {
    // xorshift32: fast, seedable, good enough to shuffle.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const base = 30_000_000;
  type Item = { id: number; type: string; parent?: number; kids: number[]; [k: string]: unknown };
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const id = base + i;
    const t = 1_600_000_000 + i * 7;
    const story = i === 0 || rand() < 0.05;
    const parent = story ? undefined : items[Math.floor(rand() * i)]!;
    const item: Item = story
      ? { id, type: 'story', by: `user${i % 997}`, time: t, score: 1 + (i % 50), kids: [] }
      : { id, type: 'comment', by: `user${i % 1009}`, time: t, parent: parent!.id, kids: [] };
    if (story) item.title = `Generated story ${i}: what worked &amp; what didn&#x27;t`;
    item.text = `Reply ${i} with <i>markup</i>, a <a href="https://example.com/${i}">link</a>.<p>Second paragraph &quot;quoted&quot;.`;
    const r = rand();
    if (r < 0.02) {
      item.deleted = true;
      delete item.by;
      delete item.text;
    } else if (r < 0.04) item.dead = true;
    parent?.kids.push(id);
    items.push(item);
  }
  const parents = new Map<number, number>();
  let stories = 0;
  let skippedDeleted = 0;
  // A deleted item without replies is skipped, and so is nothing else.
  for (const it of items) {
    if (it.deleted && it.kids.length === 0) skippedDeleted++;
    else if (it.type === 'story') stories++;
    else parents.set(it.id, it.parent!);
  }
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  const out = createWriteStream(file);
  for (const it of items) {
    const { kids, ...rest } = it;
    if (!out.write(JSON.stringify(kids.length ? { ...rest, kids } : rest) + '\n'))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { parents, stories, skippedDeleted };
}
