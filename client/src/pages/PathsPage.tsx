import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { pathHref, type PathSummary } from '../../../shared/api/paths';
import { plural } from '../components/profile/labels';
import { apiFetch } from '../lib/api';
import { pageNames, usePageTitle } from '../lib/title';

/** /paths — every career path into PM, with how many mentors took it and how long it took. */
export function PathsPage() {
  const paths = useQuery({
    queryKey: ['paths'],
    queryFn: () => apiFetch<PathSummary[]>('/api/paths'),
  });
  usePageTitle(pageNames.paths);

  return (
    <section className="paths-page" aria-labelledby="paths-title">
      <h1 id="paths-title">Paths into product management</h1>
      <p className="lead">
        How the PMs here actually made the switch: for each path, how many took it, how long it took
        and what they say helped.
      </p>
      {paths.isPending && (
        <p role="status" className="muted">
          Loading paths…
        </p>
      )}
      {paths.isError && (
        <div role="alert" className="error-box">
          <p>{paths.error.message}</p>
          <button type="button" onClick={() => void paths.refetch()}>
            Try again
          </button>
        </div>
      )}
      {paths.data && (
        <ul className="path-grid">
          {paths.data.map((p) => (
            <li key={p.id} className="path-card">
              <h2>
                <Link to={pathHref(p.id)}>{p.label}</Link>
              </h2>
              <p>
                {p.mentorCount === 0
                  ? 'No mentor has shared this path yet.'
                  : `${plural(p.mentorCount, 'mentor')} took it`}
                {p.medianMonths !== null && <> · typically {plural(p.medianMonths, 'month')}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
