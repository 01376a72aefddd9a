import { useState } from 'react';
import { Field } from './form';
import { StoryText } from './StoryText';

const MAX = 8000;
const MIN = 40;

interface Props {
  id: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}

/**
 * The switch story: a plain-text editor with prompts, a character count and a preview
 * that renders exactly as the public profile does (blank line = new paragraph).
 */
export function StoryEditor({ id, value, error, onChange }: Props) {
  const [previewWanted, setPreview] = useState(false);
  // An error sends the person back to the text, where the message and the field are.
  const preview = previewWanted && !error;
  const length = value.trim().length;
  return (
    <div className="story-editor">
      <div className="story-editor-bar">
        <button
          type="button"
          className="button-secondary"
          aria-pressed={preview}
          aria-controls={`${id}-panel`}
          onClick={() => setPreview((p) => !p)}
        >
          {preview ? 'Back to editing' : 'Preview'}
        </button>
        <span id={`${id}-count`} className={`char-count ${length > MAX ? 'over' : ''}`}>
          {length.toLocaleString()} / {MAX.toLocaleString()} characters
          {length < MIN && ` (at least ${MIN})`}
        </span>
      </div>
      <div id={`${id}-panel`}>
        {preview ? (
          <div className="story-preview" aria-label="Story preview">
            {value.trim() ? (
              <StoryText text={value} />
            ) : (
              <p className="muted">Nothing to preview yet.</p>
            )}
          </div>
        ) : (
          <Field
            id={id}
            label="Your switch story"
            error={error}
            hint="What did you do before, what made you switch, what did the move look like and how long did it take? Leave a blank line between paragraphs."
          >
            {(aria) => (
              <textarea
                {...aria}
                aria-describedby={[aria['aria-describedby'], `${id}-count`]
                  .filter(Boolean)
                  .join(' ')}
                rows={12}
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            )}
          </Field>
        )}
      </div>
    </div>
  );
}
