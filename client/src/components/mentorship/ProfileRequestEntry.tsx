import type { PublicProfile } from '../../../../shared/api/profiles';
import { RequestMentorshipButton } from './RequestMentorshipButton';

/** "Request mentorship" on a mentor's profile (/u/:handle); nothing on one's own or an asker's. */
export function ProfileRequestEntry({ profile }: { profile: PublicProfile }) {
  if (!profile.mentor || profile.isSelf) return null;
  return (
    <div className="profile-request">
      <RequestMentorshipButton
        mentor={{
          handle: profile.user.handle,
          displayName: profile.user.displayName,
          capacity: profile.mentor.capacity,
        }}
      />
    </div>
  );
}
