import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { TAGS_MAX } from '../../../../shared/api/threads';
import { FieldError } from './errors';
import { tagsQuery } from './forum-api';

/** Typed text → a tag slug, the way the server will read it. */
export function toTagSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Chips plus an ARIA combobox suggesting existing tags as you type (GET /api/tags?q=). */
export function TagPicker({
  value,
  onChange,
  error,
  label = 'Tags',
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
  label?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(toTagSlug(text), 150);
  const suggestions = useQuery({ ...tagsQuery(q), enabled: open });
  const options = (suggestions.data ?? []).filter((s) => !value.includes(s.slug)).slice(0, 8);
  const full = value.length >= TAGS_MAX;

  const add = (raw: string) => {
    const slug = toTagSlug(raw);
    if (!slug || value.includes(slug) || full) return;
    onChange([...value, slug]);
    setText('');
    setActive(-1);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === 'ArrowUp' && options.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Enter' || e.key === ',' || (e.key === 'Tab' && text.trim())) {
      if (!text.trim() && active < 0) return;
      e.preventDefault();
      add(active >= 0 && options[active] ? options[active].slug : text);
    } else if (e.key === 'Backspace' && !text && value.length) {
      onChange(value.slice(0, -1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const expanded = open && options.length > 0 && !full;

  return (
    <div className="tag-picker">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="tag-picker-box">
        <ul className="tags" aria-label="Chosen tags" hidden={value.length === 0}>
          {value.map((t) => (
            <li key={t} className="tag tag-chip">
              {t}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${t}`}
                onClick={() => onChange(value.filter((x) => x !== t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
          aria-invalid={error ? true : undefined}
          value={text}
          disabled={full}
          placeholder={full ? `${TAGS_MAX} tags chosen` : 'Type a tag…'}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Tag suggestions"
        className="tag-options"
        hidden={!expanded}
      >
        {options.map((s, i) => (
          <li
            key={s.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'tag-option active' : 'tag-option'}
            onMouseDown={(e) => {
              e.preventDefault();
              add(s.slug);
            }}
          >
            {s.slug} <span className="muted">{s.threadCount} questions</span>
          </li>
        ))}
      </ul>
      <p id={hintId} className="field-hint">
        Pick 1–{TAGS_MAX} tags. Enter or comma adds one; suggestions show as you type.
      </p>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
