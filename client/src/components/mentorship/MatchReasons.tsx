import type { Fit } from '../../../../shared/api/mentorships';

/**
 * Why a mentor is suggested, factor by factor in words, plus the fit as a percentage — left
 * out (showFit false) when the asker gave no profile and the percentage would mean nothing.
 */
export function MatchReasons({
  match,
  id,
  showFit = true,
}: {
  match: Fit;
  id?: string;
  showFit?: boolean;
}) {
  return (
    <div className="match-reasons" id={id}>
      {showFit && (
        <p className="match-score">
          <span className="visually-hidden">Fit: </span>
          {Math.round(match.score * 100)}% fit
        </p>
      )}
      <ul>
        {match.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
