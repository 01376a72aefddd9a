import { useState } from 'react';
import type { MentorshipItem, RequestItem } from '../../../../shared/api/mentorships';
import { useHistory } from './api';
import { MentorshipCard } from './MentorshipCard';
import { RequestCard } from './RequestCard';

/** Past requests or mentorships, one key-paged page at a time. */
export function HistoryList({ box }: { box: 'sent' | 'received' | 'ended' }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <>
      {cursors.map((c, i) => (
        <HistoryPage
          key={c ?? 'first'}
          box={box}
          cursor={c}
          last={i === cursors.length - 1}
          onMore={(next) => setCursors((list) => [...list, next])}
        />
      ))}
    </>
  );
}

function HistoryPage({
  box,
  cursor,
  last,
  onMore,
}: {
  box: 'sent' | 'received' | 'ended';
  cursor: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const page = useHistory(box, cursor);
  if (page.isPending) return <p className="muted">Loading…</p>;
  if (page.isError)
    return (
      <p role="alert" className="error-box">
        {page.error.message}
      </p>
    );
  const items =
    box === 'ended' ? [] : (page.data.items as RequestItem[]).filter((r) => r.status !== 'open');
  const ended = box === 'ended' ? (page.data.items as MentorshipItem[]) : [];
  return (
    <>
      {cursor === null && items.length === 0 && ended.length === 0 && !page.data.nextCursor && (
        <p className="muted">Nothing here yet.</p>
      )}
      {items.map((r) => (
        <RequestCard key={r.id} request={r} />
      ))}
      {ended.map((m) => (
        <MentorshipCard key={m.id} mentorship={m} />
      ))}
      {last && page.data.nextCursor && (
        <button type="button" className="load-more" onClick={() => onMore(page.data.nextCursor!)}>
          Show older
        </button>
      )}
    </>
  );
}
