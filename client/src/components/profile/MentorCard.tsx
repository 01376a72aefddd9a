import { Link } from 'react-router';
import type { MentorSummary } from '../../../../shared/api/profiles';
import { capacityText, languageList, monthsText, pathName } from './labels';

/** One mentor in a list (GET /api/mentors); links to the full story. */
export function MentorCard({ mentor }: { mentor: MentorSummary }) {
  return (
    <li className="mentor-card">
      <h3 className="mentor-card-name">
        <Link to={`/u/${encodeURIComponent(mentor.handle)}`}>{mentor.displayName}</Link>
      </h3>
      <p className="mentor-card-headline">
        {mentor.headline || `${mentor.roleBefore} → ${mentor.roleNow}`}
      </p>
      <p className="muted">
        {pathName(mentor.pathTaken)} · {mentor.switchYear} · took{' '}
        {monthsText(mentor.monthsToSwitch)}
      </p>
      <p className="muted">
        {mentor.timeZone.replace(/_/g, ' ')} · {languageList(mentor.languages)}
      </p>
      <p className={mentor.capacity === 0 ? 'muted' : ''}>{capacityText(mentor.capacity)}</p>
    </li>
  );
}
