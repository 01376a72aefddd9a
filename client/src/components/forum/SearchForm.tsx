import { useId, useState } from 'react';
import type { SearchQuery } from '../../../../shared/api/search';
import { FieldError, fieldError } from './errors';

export type SearchParams = Pick<SearchQuery, 'q' | 'tag' | 'author' | 'from' | 'to'>;

const filterFields = [
  ['tag', 'Tag', 'text', 'e.g. internal-transfer'],
  ['author', 'Author', 'text', '@handle'],
  ['from', 'From', 'date', ''],
  ['to', 'To', 'date', ''],
] as const;

/** The query box with its syntax hint, and the tag/author/date filters. */
export function SearchForm({
  initial,
  error,
  onSearch,
}: {
  initial: SearchParams;
  error: unknown;
  onSearch: (p: SearchParams) => void;
}) {
  const id = useId();
  const [values, setValues] = useState<SearchParams>(initial);
  const [showFilters, setShowFilters] = useState(
    !!(initial.tag || initial.author || initial.from || initial.to),
  );
  const qError = fieldError(error, 'q');
  return (
    <form
      role="search"
      className="search-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(values);
      }}
    >
      <label className="field-label" htmlFor={`${id}-q`}>
        Search questions and replies
      </label>
      <div className="search-row">
        <input
          id={`${id}-q`}
          type="search"
          value={values.q ?? ''}
          onChange={(e) => setValues({ ...values, q: e.target.value })}
          aria-describedby={`${id}-hint${qError ? ` ${id}-q-error` : ''}`}
          aria-invalid={qError ? true : undefined}
        />
        <button type="submit">Search</button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        Use <code>"exact phrase"</code>, <code>-word</code> to leave a word out, and <code>or</code>{' '}
        for either word.
      </p>
      <FieldError id={`${id}-q-error`} message={qError} />
      <button
        type="button"
        className="button-quiet"
        aria-expanded={showFilters}
        aria-controls={`${id}-filters`}
        onClick={() => setShowFilters(!showFilters)}
      >
        {showFilters ? 'Hide filters' : 'Filters: tag, author, date'}
      </button>
      <div id={`${id}-filters`} className="search-filters" hidden={!showFilters}>
        {filterFields.map(([name, label, type, placeholder]) => {
          const err = fieldError(error, name);
          return (
            <div key={name} className="search-filter">
              <label className="field-label" htmlFor={`${id}-${name}`}>
                {label}
              </label>
              <input
                id={`${id}-${name}`}
                type={type}
                placeholder={placeholder || undefined}
                value={values[name] ?? ''}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${id}-${name}-error` : undefined}
              />
              <FieldError id={`${id}-${name}-error`} message={err} />
            </div>
          );
        })}
      </div>
    </form>
  );
}
