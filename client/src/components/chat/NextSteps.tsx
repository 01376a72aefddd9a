import type { ChatMessage } from '../../../../shared/api/chat';

/** The pinned next steps at the top of a conversation; either person ticks them done. */
export function NextSteps(p: {
  pinned: ChatMessage[];
  canTick: boolean;
  onDone: (messageId: string, done: boolean) => void;
}) {
  if (p.pinned.length === 0) return null;
  return (
    <section aria-labelledby="chat-next-steps" className="chat-pins">
      <h2 id="chat-next-steps">Next steps</h2>
      <ul>
        {p.pinned.map((m) => (
          <li key={m.id}>
            <label>
              <input
                type="checkbox"
                checked={!!m.done}
                disabled={!p.canTick}
                onChange={(e) => p.onDone(m.id, e.target.checked)}
              />
              <span dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
