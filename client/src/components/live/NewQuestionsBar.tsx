import { useLiveFeed } from '../../lib/useLiveFeed';

/** "3 new questions — show": appears when questions arrive, never moves the list by itself. */
export function NewQuestionsBar({ tag }: { tag?: string }) {
  const { count, show, following } = useLiveFeed({ tag });
  return (
    <div className="live-feed-bar" role="status" aria-live="polite" data-following={following}>
      {count > 0 && (
        <button type="button" className="live-feed-button" onClick={show}>
          {count === 1 ? '1 new question' : `${count} new questions`} — show
        </button>
      )}
    </div>
  );
}
