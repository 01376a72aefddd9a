import { createContext, useContext } from 'react';
import type { ReplyNode, ThreadDetail } from '../../../../shared/api/threads';

export type ThreadDialog =
  | { type: 'flag'; targetType: 'thread' | 'reply'; targetId: string }
  | { type: 'history'; kind: 'thread' | 'reply'; id: string; currentHtml: string }
  | { type: 'delete'; kind: 'thread' | 'reply'; id: string };

/** What every reply on a thread page shares, so the tree does not pass it hand to hand. */
export interface ThreadUi {
  thread: ThreadDetail['thread'];
  collapsed: ReadonlySet<string>;
  toggleCollapsed: (id: string) => void;
  replyingTo: string | null;
  setReplyingTo: (id: string | null) => void;
  editing: string | null;
  setEditing: (id: string | null) => void;
  focusedId: string | null;
  setFocusedId: (id: string | null) => void;
  /** The reply a permalink points at: highlighted. */
  targetId: string | null;
  /** Replies that just arrived live (styles.css: .reply-live-new). */
  fresh: ReadonlySet<string>;
  /** Expand the branch holding a reply, scroll to it and focus it. */
  reveal: (id: string) => void;
  openDialog: (dialog: ThreadDialog) => void;
  /** Replies below each reply (loaded and held back), for "N replies hidden". */
  hiddenCounts: ReadonlyMap<string, number>;
  reply: (id: string) => ReplyNode | undefined;
}

export const ThreadUiContext = createContext<ThreadUi | null>(null);

export function useThreadUi(): ThreadUi {
  const ui = useContext(ThreadUiContext);
  if (!ui) throw new Error('useThreadUi outside a thread page');
  return ui;
}
