import { z } from 'zod';

export const threadListQuery = z.object({
  cursor: z.string().max(200, { message: 'is not a cursor this server gave out' }).optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be between 1 and 100' })
    .max(100, { message: 'must be between 1 and 100' })
    .default(30),
  tag: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, { message: 'must be a lowercase tag like career-switch' })
    .optional(),
});
export type ThreadListQuery = z.infer<typeof threadListQuery>;

export interface UserRef {
  id: string | null;
  handle: string;
  displayName: string;
}

export interface ThreadSummary {
  id: string;
  title: string;
  excerpt: string;
  tags: string[];
  author: UserRef;
  points: number;
  replyCount: number;
  createdAt: string;
  lastActivityAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
