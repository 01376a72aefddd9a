import { Link } from 'react-router';
import { pathHref } from '../../../../shared/api/paths';
import type { MentorCard } from '../../../../shared/api/mentorships';
import { pathInText } from '../../../../shared/taxonomy';

/** A mentor's switch in one glance; the name links to the full story on /u/:handle. */
export function MentorSummaryCard({
  mentor,
  headingLevel = 3,
}: {
  mentor: MentorCard;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="mentor-summary">
      <Heading className="mentor-name">
        <Link to={`/u/${encodeURIComponent(mentor.handle)}`}>{mentor.displayName}</Link>{' '}
        <span className="muted mentor-handle">@{mentor.handle}</span>
      </Heading>
      {mentor.headline && <p className="mentor-headline">{mentor.headline}</p>}
      <p className="mentor-switch">
        {mentor.roleBefore} → {mentor.roleNow}, {mentor.switchYear}, via{' '}
        <Link to={pathHref(mentor.pathTaken)}>{pathInText(mentor.pathTaken)}</Link>
      </p>
      <p className="muted mentor-meta">
        {mentor.timeZone.replace(/_/g, ' ')} · {mentor.languages.join(', ')} ·{' '}
        {mentor.openSeats > 0
          ? `room for ${mentor.openSeats} more ${mentor.openSeats === 1 ? 'mentee' : 'mentees'}`
          : mentor.capacity === 0
            ? 'paused'
            : 'full right now'}
      </p>
    </div>
  );
}
