import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { tagPath, tagsQuery } from './forum-api';
import { toTagSlug } from './TagPicker';

/** "Filter by tag": popular tags as links, plus a field with suggestions for the rest. */
export function TagFilter({ current }: { current?: string }) {
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState('');
  const q = toTagSlug(text);
  const popular = useQuery(tagsQuery(''));
  const typed = useQuery({ ...tagsQuery(q), enabled: q.length > 0 });
  const keep = params.toString() ? `?${params}` : '';

  return (
    <div className="tag-filter">
      <form
        role="search"
        aria-label="Filter by tag"
        onSubmit={(e) => {
          e.preventDefault();
          if (q) navigate(tagPath(q) + keep);
        }}
      >
        <label htmlFor={id} className="field-label-inline">
          Filter by tag
        </label>
        <input
          id={id}
          type="text"
          list={`${id}-options`}
          value={text}
          placeholder="e.g. pm-interviews"
          onChange={(e) => setText(e.target.value)}
        />
        <datalist id={`${id}-options`}>
          {(typed.data ?? []).map((t) => (
            <option key={t.slug} value={t.slug} />
          ))}
        </datalist>
        <button type="submit" className="button-secondary">
          Filter
        </button>
        {current && (
          <Link className="clear-filter" to={'/' + keep}>
            Clear tag filter
          </Link>
        )}
      </form>
      {popular.data && popular.data.length > 0 && (
        <ul className="tags popular-tags" aria-label="Popular tags">
          {popular.data.slice(0, 10).map((t) => (
            <li key={t.slug}>
              <Link
                className="tag"
                to={tagPath(t.slug) + keep}
                aria-current={t.slug === current ? 'page' : undefined}
              >
                {t.slug}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
