import type { MentorProfilePublic } from '../../../../shared/api/profiles';
import { useHydrated } from '../../lib/hydration';
import {
  capacityText,
  companySizeName,
  companyTypeName,
  focusName,
  languageList,
  localTime,
  monthsText,
  pathName,
} from './labels';
import { StoryText } from './StoryText';

/** A mentor's switch story as everyone sees it: the facts first, then their words. */
export function MentorStory({ mentor }: { mentor: MentorProfilePublic }) {
  // The clock in the mentor's zone: the reader's now, so not before hydration (lib/hydration.ts).
  const time = useHydrated() ? localTime(mentor.timeZone) : null;
  return (
    <section className="profile-section" aria-labelledby="story-title">
      <h2 id="story-title">Switch story</h2>
      <p className="story-headline">
        {mentor.headline || `${mentor.roleBefore} → ${mentor.roleNow}`}
      </p>
      <ol className="switch-timeline" aria-label="The switch">
        <li>
          <span className="timeline-label">Before</span>
          <strong>{mentor.roleBefore}</strong>
          <span className="muted">
            {companyTypeName(mentor.companyTypeBefore)}, {companySizeName(mentor.companySizeBefore)}
            {mentor.yearsBeforeSwitch !== null &&
              ` · ${mentor.yearsBeforeSwitch} years in engineering`}
          </span>
        </li>
        <li>
          <span className="timeline-label">Path</span>
          <strong>{pathName(mentor.pathTaken)}</strong>
          <span className="muted">
            Switched in {mentor.switchYear}; it took {monthsText(mentor.monthsToSwitch)}
          </span>
        </li>
        <li>
          <span className="timeline-label">Now</span>
          <strong>{mentor.roleNow}</strong>
          <span className="muted">
            {companyTypeName(mentor.companyTypeAfter)}, {companySizeName(mentor.companySizeAfter)}
          </span>
        </li>
      </ol>

      <StoryText text={mentor.story} />

      {mentor.whatHelped && (
        <div className="what-helped">
          <h3>What helped</h3>
          <StoryText text={mentor.whatHelped} />
        </div>
      )}

      <dl className="facts">
        <div>
          <dt>Mentoring</dt>
          <dd>{capacityText(mentor.capacity)}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>
            {mentor.timeZone.replace(/_/g, ' ')}
            {time && <span className="muted"> · {time} there now</span>}
          </dd>
        </div>
        <div>
          <dt>Languages</dt>
          <dd>{languageList(mentor.languages)}</dd>
        </div>
        {mentor.industries.length > 0 && (
          <div>
            <dt>Industries</dt>
            <dd>{mentor.industries.join(', ')}</dd>
          </div>
        )}
      </dl>

      {mentor.focus.length > 0 && (
        <>
          <h3>Happy to help with</h3>
          <ul className="tags" aria-label="Happy to help with">
            {mentor.focus.map((f) => (
              <li key={f} className="tag">
                {focusName(f)}
              </li>
            ))}
          </ul>
        </>
      )}
      {mentor.skills.length > 0 && (
        <>
          <h3>Skills</h3>
          <ul className="tags" aria-label="Skills">
            {mentor.skills.map((s) => (
              <li key={s} className="tag tag-plain">
                {s}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
