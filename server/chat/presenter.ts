import type { ChatMessage, ChatPerson } from '../../shared/api/chat';
import type { MessageRow } from './queries';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One message as both participants see it (HTTP responses and socket events alike). */
export function presentMessage(r: MessageRow): ChatMessage {
  const deleted = !!r.deleted_at;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    senderId: r.sender_id,
    bodyMarkdown: deleted ? '' : r.body_md,
    bodyHtml: deleted ? '' : r.body_html,
    createdAt: r.created_at.toISOString(),
    editedAt: iso(r.edited_at),
    deletedAt: iso(r.deleted_at),
    pinned: r.pinned_at ? { at: r.pinned_at.toISOString(), byId: r.pinned_by } : null,
    done: r.done_at ? { at: r.done_at.toISOString(), byId: r.done_by } : null,
  };
}

export function presentPerson(u: { id: string; handle: string; display_name: string }): ChatPerson {
  return { id: u.id, handle: u.handle, displayName: u.display_name };
}

/** A plain-text line for the inbox and emails. */
export function snippet(markdown: string, max = 120): string {
  const text = markdown
    .replace(/[*_`#>[\]()~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
