import { useId } from 'react';
import { careerPaths, companyTypes, roleFamilies } from '../../../../shared/taxonomy';

const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The directory's filters, kept in the URL (shareable, back button works). Selects apply at
 * once; the two text filters apply on submit so typing does not fire a request per key.
 */
export function MentorFilters({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const id = useId();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'within') {
      if (value) next.set('tz', myZone);
      else next.delete('tz');
    }
    onChange(next);
  };
  const select = (
    key: string,
    label: string,
    options: readonly { id: string; label: string }[],
  ) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={params.get(key) ?? ''}
        onChange={(e) => set(key, e.target.value || null)}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="mentor-filters"
      aria-label="Filter mentors"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const next = new URLSearchParams(params);
        for (const key of ['industry', 'language']) {
          const v = String(form.get(key) ?? '').trim();
          if (v) next.set(key, v);
          else next.delete(key);
        }
        onChange(next);
      }}
    >
      {select('path', 'Path taken', careerPaths)}
      {select('roleFamily', 'Role before', roleFamilies)}
      {select('companyType', 'Company type before', companyTypes)}
      <div className="filter">
        <label htmlFor={`${id}-within`}>Time zone</label>
        <select
          id={`${id}-within`}
          value={params.get('within') ?? ''}
          onChange={(e) => set('within', e.target.value || null)}
          aria-describedby={`${id}-zone`}
        >
          <option value="">Anywhere</option>
          <option value="1">Within 1 hour of me</option>
          <option value="3">Within 3 hours of me</option>
          <option value="6">Within 6 hours of me</option>
        </select>
        <span id={`${id}-zone`} className="field-hint">
          Yours: {myZone.replace(/_/g, ' ')}
        </span>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-industry`}>Industry</label>
        <input
          id={`${id}-industry`}
          name="industry"
          defaultValue={params.get('industry') ?? ''}
          placeholder="e.g. fintech"
        />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-language`}>Language</label>
        <input
          id={`${id}-language`}
          name="language"
          defaultValue={params.get('language') ?? ''}
          placeholder="e.g. en, de, pt-BR"
        />
      </div>
      <div className="filter filter-check">
        <input
          id={`${id}-room`}
          type="checkbox"
          checked={params.get('hasRoom') === 'true'}
          onChange={(e) => set('hasRoom', e.target.checked ? 'true' : null)}
        />
        <label htmlFor={`${id}-room`}>Has room now</label>
      </div>
      <div className="filter filter-actions">
        <button type="submit">Apply</button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange(new URLSearchParams())}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
