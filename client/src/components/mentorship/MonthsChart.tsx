import { useId } from 'react';
import type { MonthsBucket } from '../../../../shared/api/paths';

/**
 * How long the switch took, as horizontal bars. It is a real table (screen readers read the
 * numbers); the bars are CSS widths. No chart library needed.
 */
export function MonthsChart({ buckets, label }: { buckets: MonthsBucket[]; label: string }) {
  const id = useId();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const total = buckets.reduce((s, b) => s + b.count, 0);
  return (
    <figure className="months-chart" aria-labelledby={id}>
      <figcaption id={id}>{label}</figcaption>
      <table>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Time to switch</th>
            <th scope="col">Mentors</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${(b.count / max) * 100}%` }} />
                </span>
                <span className="bar-value">
                  {b.count}
                  <span className="visually-hidden">
                    {' '}
                    of {total} {total === 1 ? 'mentor' : 'mentors'}
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
