import { paragraphs } from './labels';

/** Plain text with blank-line paragraphs; React escapes it, so no HTML gets through. */
export function StoryText({ text }: { text: string }) {
  return (
    <div className="story-text">
      {paragraphs(text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
