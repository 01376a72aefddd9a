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
  /** 1-based line (JSON Lines) or position in the array (JSON array). */
  where: string;
}

export interface ParseProblem {
  where: string;
  message: string;
}

/**
 * A JSON array of items, or JSON Lines (one item per line; blank lines ignored). A line
 * that is not JSON or not an item is reported with its line number and skipped; the rest
 * still import.
 */
export function parseHnFile(content: string): { items: ParsedItem[]; problems: ParseProblem[] } {
  const items: ParsedItem[] = [];
  const problems: ParseProblem[] = [];
  const take = (value: unknown, where: string) => {
    const r = hnItem.safeParse(value);
    if (r.success) items.push({ item: r.data, where });
    else {
      const first = fieldIssues(r.error)[0]!;
      problems.push({ where, message: `${first.field}: ${first.message}` });
    }
  };
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      // One broken array cannot be split safely into items; JSON Lines can.
      return {
        items,
        problems: [{ where: 'file', message: `not a valid JSON array: ${(err as Error).message}` }],
      };
    }
    if (!Array.isArray(parsed))
      return { items, problems: [{ where: 'file', message: 'expected an array' }] };
    parsed.forEach((v, i) => take(v, `item ${i + 1}`));
    return { items, problems };
  }
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      problems.push({
        where: `line ${i + 1}`,
        message: `not valid JSON: ${(err as Error).message}`,
      });
      return;
    }
    take(value, `line ${i + 1}`);
  });
  return { items, problems };
}
