import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Permissions } from '../../../../shared/api/threads';
import { errorMessage } from './errors';
import { sendJson } from './forum-api';
import { useThreadUi } from './thread-ui';

function Action({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="action" onClick={onClick}>
      {children}
    </button>
  );
}

/** Edit, delete and flag: the same buttons under the question and under each reply. */
export function PostActions({
  kind,
  id,
  permissions: p,
  live,
  onEdit,
}: {
  kind: 'thread' | 'reply';
  id: string;
  permissions: Permissions;
  /** A deleted post keeps its place in the thread but takes no more actions. */
  live: boolean;
  /** Left out while the post's editor is already open. */
  onEdit?: () => void;
}) {
  const ui = useThreadUi();
  if (!live) return null;
  return (
    <>
      {p.edit && onEdit && <Action onClick={onEdit}>Edit</Action>}
      {p.delete && (
        <Action onClick={() => ui.openDialog({ type: 'delete', kind, id })}>Delete</Action>
      )}
      {p.flag && (
        <Action onClick={() => ui.openDialog({ type: 'flag', targetType: kind, targetId: id })}>
          Flag
        </Action>
      )}
    </>
  );
}

/** Why a toggle in the row (follow, helpful) failed, read out as soon as it shows. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <span role="alert" className="field-error-inline">
      {errorMessage(error)}
    </span>
  );
}

/** A switch kept on the server (follow, helpful): PUT turns it on, DELETE turns it off. */
export function useToggle<Result>(path: string, onSaved: (result: Result) => void) {
  return useMutation({
    mutationFn: (on: boolean) => sendJson<Result>(on ? 'PUT' : 'DELETE', path),
    onSuccess: onSaved,
  });
}

/** The button for such a switch; the server's answer, not the click, decides `on`. */
export function ToggleAction({
  toggle,
  on,
  className = 'action',
  children,
}: {
  toggle: { isPending: boolean; mutate: (on: boolean) => void };
  on: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      aria-pressed={on}
      disabled={toggle.isPending}
      onClick={() => toggle.mutate(!on)}
    >
      {children}
    </button>
  );
}
