import { useEffect, useId, useState } from 'react';
import { BODY_MAX } from '../../../../shared/api/threads';
import { FieldError } from './errors';

type Render = (markdown: string) => string;
let renderer: Promise<Render> | undefined;

/**
 * The preview uses the very renderer the server stores with (shared/markdown.ts). It pulls
 * in sanitize-html, so it loads on first use instead of with every page.
 */
function loadRenderer(): Promise<Render> {
  renderer ??= import('../../../../shared/markdown').then((m) => m.renderMarkdown);
  return renderer;
}

function Preview({ markdown }: { markdown: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadRenderer().then(
      (render) => live && setHtml(render(markdown)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [markdown]);
  if (failed) return <p className="field-error">The preview could not load. Your text is safe.</p>;
  if (html === null) return <p className="muted">Rendering preview…</p>;
  if (!markdown.trim()) return <p className="muted">Nothing to preview yet.</p>;
  // Safe: renderMarkdown escapes raw HTML and sanitizes its output against an allowlist.
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

export interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
  autoFocus?: boolean;
  placeholder?: string;
  /** Visually hide the label (it is still announced). */
  hideLabel?: boolean;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
  onSubmitShortcut?: () => void;
}

export function MarkdownEditor(props: MarkdownEditorProps) {
  const id = useId();
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const tooLong = props.value.length > BODY_MAX;
  return (
    <div className="md-editor">
      <div className="md-editor-bar">
        <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : 'field-label'}>
          {props.label}
        </label>
        <div className="md-modes" role="group" aria-label="Write or preview">
          <button
            type="button"
            className="mode-button"
            aria-pressed={mode === 'write'}
            onClick={() => setMode('write')}
          >
            Write
          </button>
          <button
            type="button"
            className="mode-button"
            aria-pressed={mode === 'preview'}
            onClick={() => setMode('preview')}
          >
            Preview
          </button>
        </div>
      </div>
      {/* The textarea stays mounted (hidden) in preview, so focus and undo history survive. */}
      <textarea
        id={id}
        ref={props.textareaRef}
        className="md-textarea"
        hidden={mode !== 'write'}
        value={props.value}
        rows={props.rows ?? 6}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        aria-invalid={props.error || tooLong ? true : undefined}
        aria-describedby={`${hintId}${props.error ? ` ${errorId}` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && props.onSubmitShortcut) {
            e.preventDefault();
            props.onSubmitShortcut();
          }
        }}
      />
      {mode === 'preview' && (
        <div
          className="md-preview"
          role="region"
          aria-live="polite"
          aria-label={`${props.label} preview`}
        >
          <Preview markdown={props.value} />
        </div>
      )}
      <p id={hintId} className="field-hint">
        Markdown: **bold**, _italic_, `code`, [link](https://…), - lists, &gt; quotes. Ctrl+Enter
        sends.
        {props.value.length > BODY_MAX * 0.9 && (
          <span className={tooLong ? 'field-error-inline' : undefined}>
            {' '}
            {props.value.length.toLocaleString()} / {BODY_MAX.toLocaleString()} characters.
          </span>
        )}
      </p>
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}
