import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { PathDetail } from '../../../shared/api/paths';
import { MonthsChart } from '../components/mentorship/MonthsChart';
import { plural } from '../components/profile/labels';
import { ApiError, apiFetch } from '../lib/api';
import { usePageTitle } from '../lib/title';

/** /paths/:pathId — one path, aggregated from the switch stories of the mentors who took it. */
export function PathPage() {
  const pathId = useParams().pathId ?? '';
  const path = useQuery({
    queryKey: ['paths', pathId],
    queryFn: () => apiFetch<PathDetail>(`/api/paths/${encodeURIComponent(pathId)}`),
    retry: (n, err) => n < 1 && !(err instanceof ApiError && err.status === 404),
  });
  usePageTitle(path.data?.label ?? 'Path');

  if (path.isPending)
    return (
      <p role="status" className="muted">
        Loading this path…
      </p>
    );
  if (path.isError)
    return (
      <section>
        <h1>
          {path.error instanceof ApiError && path.error.status === 404
            ? 'No such path'
            : 'Could not load this path'}
        </h1>
        <p role="alert" className="error-box">
          {path.error.message}
        </p>
        <p>
          <Link to="/paths">All paths</Link>
        </p>
      </section>
    );

  const p = path.data;
  return (
    <article className="path-page" aria-labelledby="path-title">
      <p className="breadcrumb">
        <Link to="/paths">Paths</Link> /
      </p>
      <h1 id="path-title">{p.label}</h1>
      {p.mentorCount === 0 ? (
        <p className="empty">
          No mentor has shared a switch through this path yet.{' '}
          <Link to="/paths">See the other paths</Link>.
        </p>
      ) : (
        <>
          <dl className="path-stats">
            <div>
              <dt>Mentors who took it</dt>
              <dd>{p.mentorCount}</dd>
            </div>
            {p.medianMonths !== null && (
              <div>
                <dt>Typical time to switch</dt>
                <dd>
                  {plural(p.medianMonths, 'month')}
                  {p.months.p25 !== null && p.months.p75 !== null && p.mentorCount > 2 && (
                    <span className="muted">
                      {' '}
                      (middle half: {p.months.p25}–{p.months.p75})
                    </span>
                  )}
                </dd>
              </div>
            )}
            {p.medianYearsBefore !== null && (
              <div>
                <dt>Engineering years before</dt>
                <dd>{plural(p.medianYearsBefore, 'year')} (median)</dd>
              </div>
            )}
          </dl>
          <MonthsChart buckets={p.months.buckets} label="How long the switch took" />
          <div className="path-columns">
            <section aria-labelledby="roles-before">
              <h2 id="roles-before">Common roles before</h2>
              <ul className="count-list">
                {p.rolesBefore.map((r) => (
                  <li key={r.id}>
                    {r.label} <span className="muted">({r.count})</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="companies-before">
              <h2 id="companies-before">Where they worked before</h2>
              <ul className="count-list">
                {p.companyTypesBefore.map((c) => (
                  <li key={c.id}>
                    {c.label} <span className="muted">({c.count})</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section aria-labelledby="what-helped">
            <h2 id="what-helped">What helped</h2>
            {p.whatHelped.length === 0 && <p className="muted">Nobody has said yet.</p>}
            <ul className="helped-list">
              {p.whatHelped.map((s) => (
                <li key={s.handle}>
                  <blockquote>{s.whatHelped}</blockquote>
                  <p className="muted">
                    — <Link to={`/u/${encodeURIComponent(s.handle)}`}>{s.displayName}</Link>,{' '}
                    {s.roleBefore} → {s.roleNow} in {s.switchYear} (
                    {plural(s.monthsToSwitch, 'month')})
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <p className="path-actions">
        <Link className="button-link" to={`/mentors?path=${p.id}`}>
          Find a mentor who took this path
        </Link>
        {p.tags.map((t) => (
          <Link key={t} to={`/t/${encodeURIComponent(t)}`} className="tag">
            {t}
          </Link>
        ))}
      </p>
    </article>
  );
}
