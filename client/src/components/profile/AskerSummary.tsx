import type { AskerProfilePublic } from '../../../../shared/api/profiles';
import { companyTypeName, focusName, pathName, plural } from './labels';

/** The public part of an asker profile: where they are and what they are weighing. */
export function AskerSummary({ asker }: { asker: AskerProfilePublic }) {
  return (
    <section className="profile-section" aria-labelledby="asker-summary-title">
      <h2 id="asker-summary-title">Exploring a switch</h2>
      <p>
        <strong>{asker.currentRole}</strong>
        <span className="muted">
          {' '}
          · {plural(asker.yearsOfExperience, 'year')} of experience ·{' '}
          {companyTypeName(asker.companyType)}
        </span>
      </p>
      <h3>Paths being weighed</h3>
      <ul className="tags" aria-label="Paths being weighed">
        {asker.pathsWeighed.map((p) => (
          <li key={p} className="tag">
            {pathName(p)}
          </li>
        ))}
      </ul>
      {asker.focus.length > 0 && (
        <>
          <h3>Looking for help with</h3>
          <ul className="plain-list">
            {asker.focus.map((f) => (
              <li key={f}>{focusName(f)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
