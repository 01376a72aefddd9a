import { NavLink } from 'react-router';
import { useViewer } from '../../lib/session';

/** The "Email" link in the main nav (the admin email page), for admins only. */
export function AdminNavItem() {
  const viewer = useViewer();
  if (viewer?.role !== 'admin') return null;
  return (
    <li>
      <NavLink to="/admin/email">Email</NavLink>
    </li>
  );
}
