import type { Permissions, ReplyNode, ThreadDetail } from '../../shared/api/threads';
import { DELETED, HIDDEN_NOTICE_HTML } from '../threads/presenter';

/**
 * Broadcasts go to everyone in a room, so they carry what the presenters give an anonymous
 * reader: no markdown source, a hidden post's notice instead of its body, no vote or
 * permissions of whoever caused the event. The client keeps its own `viewer` part when it
 * merges. These take the presenters' output for the acting viewer (what the HTTP response
 * holds) and apply the same rules; tests/unit/realtime-public.test.ts checks that the result
 * equals presenting the row for an anonymous reader.
 */
export const NO_PERMISSIONS: Permissions = {
  edit: false,
  delete: false,
  vote: false,
  reply: false,
  flag: false,
  markHelpful: false,
  moderate: false,
};

const publicBody = (state: ReplyNode['state'], html: string) =>
  state === 'visible' ? html : state === 'hidden' ? HIDDEN_NOTICE_HTML : '';

export function publicReply(node: ReplyNode): ReplyNode {
  const { bodyMarkdown: _markdown, ...rest } = node;
  return {
    ...rest,
    bodyHtml: publicBody(node.state, node.bodyHtml),
    viewer: { voted: false, permissions: NO_PERMISSIONS },
  };
}

export type PublicThread = Omit<ThreadDetail['thread'], 'viewer'>;

export function publicThread(thread: ThreadDetail['thread']): PublicThread {
  const { bodyMarkdown: _markdown, viewer: _viewer, ...rest } = thread;
  return {
    ...rest,
    title:
      thread.state === 'deleted' ? DELETED : thread.state === 'hidden' ? '[hidden]' : thread.title,
    excerpt: thread.state === 'visible' ? thread.excerpt : '',
    bodyHtml: publicBody(thread.state, thread.bodyHtml),
  };
}
