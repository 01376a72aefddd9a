import { NavLink } from 'react-router';
import { MessagesNavItem } from '../chat/MessagesNavItem';

/** The site's main sections, as list items: the desktop nav row and the mobile menu share them. */
export function MainLinks() {
  return (
    <>
      <li>
        <NavLink to="/" end>
          Questions
        </NavLink>
      </li>
      <li>
        <NavLink to="/ask">Ask</NavLink>
      </li>
      <li>
        <NavLink to="/search">Search</NavLink>
      </li>
      <li>
        <NavLink to="/mentors">Mentors</NavLink>
      </li>
      <li>
        <NavLink to="/paths">Paths</NavLink>
      </li>
      <li>
        <NavLink to="/mentorships">Mentorships</NavLink>
      </li>
      <MessagesNavItem />
    </>
  );
}
