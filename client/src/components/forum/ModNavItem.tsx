import { NavLink } from 'react-router';
import { useViewer } from '../../lib/session';

/** The "Moderation" link in the main nav, for moderators and admins only. */
export function ModNavItem() {
  const viewer = useViewer();
  if (viewer?.role !== 'moderator' && viewer?.role !== 'admin') return null;
  return (
    <li>
      <NavLink to="/mod">Moderation</NavLink>
    </li>
  );
}
