import { Link } from 'react-router';
import type { ReplyNode } from '../../../../shared/api/threads';
import { replyPath } from './forum-api';
import { useThreadUi } from './thread-ui';

/** Replies the asker marked "this helped me", first thing under the question. */
export function HelpfulReplies({ ids, nodes }: { ids: string[]; nodes: ReplyNode[] }) {
  const ui = useThreadUi();
  if (ids.length === 0) return null;
  return (
    <section className="helpful-list" aria-labelledby="helpful-title">
      <h2 id="helpful-title">Helped the asker</h2>
      <ol>
        {ids.map((id) => {
          const r = nodes.find((n) => n.id === id);
          const inTree = !!ui.reply(id);
          return (
            <li key={id} className="helpful-item">
              {r ? (
                <>
                  <p className="helpful-by">
                    <strong>{r.author.displayName}</strong>{' '}
                    <span className="muted">
                      · {r.points} {r.points === 1 ? 'point' : 'points'}
                    </span>
                  </p>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
                  {inTree ? (
                    <a
                      href={`#r-${id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        ui.reveal(id);
                      }}
                    >
                      See it in the conversation
                    </a>
                  ) : (
                    <Link to={replyPath(ui.thread.id, id)}>See it in the conversation</Link>
                  )}
                </>
              ) : (
                <Link to={replyPath(ui.thread.id, id)}>Open this helpful reply</Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
