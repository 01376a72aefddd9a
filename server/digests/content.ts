/** What one digest says (stored with its delivery row; rendered by ./render.ts). */
export interface DigestContent {
  name: string;
  frequency: 'daily' | 'weekly';
  /** Replies on my questions and on threads I follow, grouped per thread, newest first. */
  threads: {
    threadId: string;
    title: string;
    mine: boolean;
    items: { by: string; excerpt: string; url: string; at: string; kind: string }[];
  }[];
  /** New questions that fit my switch (mentors), as the matching engine ranked them. */
  questions: { threadId: string; title: string; url: string; reasons: string[] }[];
  /** Mentorship requests waiting for my answer. */
  requests: { asker: string; url: string }[];
  /**
   * Conversations with messages I have not read, the most recent first (server/digests/sections.ts).
   * Optional: digests stored before this section existed have none.
   */
  chats?: { conversationId: string; with: string; unread: number; excerpt: string; url: string }[];
  /** Top threads of the period in the tags I follow, by the forum's TOP order (optional, as above). */
  tagThreads?: {
    threadId: string;
    title: string;
    url: string;
    tags: string[];
    points: number;
    replies: number;
  }[];
  /** Sections added by other features, already worded. */
  extra: { heading: string; items: { text: string; url: string }[] }[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function isEmpty(c: DigestContent): boolean {
  return (
    !c.threads.length &&
    !c.questions.length &&
    !c.requests.length &&
    !c.chats?.length &&
    !c.tagThreads?.length &&
    !c.extra.length
  );
}

/** The subject says what is inside: "3 replies to your question, 2 new questions that fit…". */
export function subjectOf(c: DigestContent): string {
  const parts: string[] = [];
  const mine = c.threads.filter((t) => t.mine);
  const replies = (ts: typeof c.threads) => ts.reduce((n, t) => n + t.items.length, 0);
  if (mine.length)
    parts.push(
      `${plural(replies(mine), 'reply', 'replies')} to your ${mine.length === 1 ? 'question' : 'questions'}`,
    );
  const followed = c.threads.filter((t) => !t.mine);
  if (followed.length)
    parts.push(`${plural(replies(followed), 'reply', 'replies')} in threads you follow`);
  if (c.questions.length)
    parts.push(`${plural(c.questions.length, 'new question')} that fit your switch`);
  if (c.requests.length) parts.push(`${plural(c.requests.length, 'mentorship request')} waiting`);
  const chats = c.chats ?? [];
  if (chats.length) {
    const n = chats.reduce((sum, x) => sum + x.unread, 0);
    parts.push(
      `${plural(n, 'unread message')} ${chats.length === 1 ? `from ${chats[0]!.with}` : `in ${chats.length} conversations`}`,
    );
  }
  if (c.tagThreads?.length)
    parts.push(`${plural(c.tagThreads.length, 'top thread')} in tags you follow`);
  for (const e of c.extra) parts.push(`${e.items.length} ${e.heading.toLowerCase()}`);
  return parts.join(', ') || 'Your Switchboard digest';
}
