import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fieldIssues } from '../../shared/validation';

/** One item in the Hacker News API format (https://github.com/HackerNews/API#items). */
export const hnItem = z.object({
  id: z.number({ message: 'must be a number' }).int().positive(),
  by: z.string().max(100).optional(),
  time: z.number({ message: 'must be a unix time in seconds' }).int().nonnegative().optional(),
  type: z.enum(['story', 'comment', 'job', 'poll', 'pollopt'], {
    message: 'must be story, comment, job, poll or pollopt',
  }),
  title: z.string().optional(),
  text: z.string().optional(),
  url: z.string().optional(),
  parent: z.number().int().positive().optional(),
  kids: z.array(z.number().int()).optional(),
  score: z.number().int().optional(),
  descendants: z.number().int().optional(),
  dead: z.boolean().optional(),
  deleted: z.boolean().optional(),
});
export type HnItem = z.infer<typeof hnItem>;

export interface ParsedItem {
  item: HnItem;
  /** Where the record is in the file: "line 4" (JSON Lines, records) or "item 12" (array). */
  where: string;
  /** Markdown and HTML, rendered ahead (see renderItem). */
  rendered?: { md: string; html: string };
  /**
   * Read back from hn_pending: 'rendered' when its markdown and HTML are there (the replies'
   * INSERT takes them from the row), 'raw' for a row without them (rendered on attaching).
   */
  pending?: 'rendered' | 'raw';
}

/**
 * An id for a record without one (the record format prints none): derived from author,
 * time and title, so importing the same record again recognises it. Real HN ids are below
 * 10^9; derived ones live in [10^15, 10^15 + 2^48) so the two never meet.
 */
export function derivedHnId(v: { by?: unknown; time?: unknown; title?: unknown; text?: unknown }) {
  const key = JSON.stringify([v.by ?? null, v.time ?? null, v.title ?? v.text ?? null]);
  const hash = createHash('sha256').update(key).digest();
  return 1e15 + hash.readUIntBE(0, 6);
}

/**
 * A raw record (JSON object or `Item(…)` keyword arguments) -> a validated HN item, or the
 * first problem as "field: message". `item_type` is the record format's name for `type`;
 * None/null means absent.
 */
export function toHnItem(value: unknown): { item: HnItem } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'expected an object (an item)' };
  const v: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) if (x !== null) v[k] = x;
  if (v.type === undefined && v.item_type !== undefined) v.type = v.item_type;
  delete v.item_type;
  if (v.id === undefined) v.id = derivedHnId(v);
  const r = hnItem.safeParse(v);
  if (r.success) return { item: r.data };
  const first = fieldIssues(r.error)[0]!;
  return { problem: `${first.field}: ${first.message}` };
}
