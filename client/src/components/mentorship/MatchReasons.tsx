import type { Fit } from '../../../../shared/api/mentorships';

/** Why a mentor is suggested, factor by factor in words, plus the fit as a percentage. */
export function MatchReasons({ match, id }: { match: Fit; id?: string }) {
  return (
    <div className="match-reasons" id={id}>
      <p className="match-score">
        <span className="visually-hidden">Fit: </span>
        {Math.round(match.score * 100)}% fit
      </p>
      <ul>
        {match.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
