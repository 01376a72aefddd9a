import type { DemoThread } from './demo-content';
import type { DemoReply } from './demo-forum-content';
import { bridgeConversations } from './community/bridges';
import { craftConversations } from './community/craft';
import { pathConversations } from './community/paths';
import { storyConversations } from './community/stories';
import type { Conversation } from './community/types';

/*
 * The wider demo community: the conversations in ./community/*.ts, written for this project,
 * turned into the same DemoThread/DemoReply rows as the hand-placed core threads. Add a
 * conversation file by appending it to `conversations`.
 */
const conversations: Conversation[] = [
  ...pathConversations,
  ...craftConversations,
  ...storyConversations,
  ...bridgeConversations,
];

/** Who votes: the demo members in a fixed order, so the seed is the same on every run. */
const voterPool = [
  'priya_pm',
  'tomas_r',
  'grace-h',
  'sam_founder',
  'mod_jo',
  'maya_builds',
  'devon-k',
  'lin_qa',
  'nadia_data',
  'ben_android',
  'seun_sre',
  'carla_support',
  'kenji_fs',
  'isabel_gov',
  'arjun_em',
  'marcus_w',
  'aiko_t',
  'hannah_l',
];

function votersFor(author: string, count: number, offset: number): string[] {
  const pool = voterPool.filter((h) => h !== author);
  return Array.from(
    { length: Math.min(count, pool.length) },
    (_, i) => pool[(offset + i) % pool.length]!,
  );
}

export const communityThreads: DemoThread[] = conversations.map(
  ({ key, author, title, body, tags, hoursAgo, points }) => ({
    key,
    author,
    title,
    body,
    tags,
    hoursAgo,
    points,
  }),
);

export const communityReplies: DemoReply[] = conversations.flatMap((c) => {
  // Replies arrive spread over the thread's life so far, in order, never in the future.
  const span = Math.max(c.hoursAgo - 0.2, 0.1);
  return c.replies.map(([author, body, o = {}], i) => ({
    key: `${c.key}#${i}`,
    thread: c.key,
    ...(o.to === undefined ? {} : { parent: `${c.key}#${o.to}` }),
    author,
    after: (span * (i + 1)) / (c.replies.length + 1),
    body,
    votes: votersFor(author, o.votes ?? 0, i * 3 + c.key.length),
    ...(o.helpful ? { helpful: true } : {}),
  }));
});
