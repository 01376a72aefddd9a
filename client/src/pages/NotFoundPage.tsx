import { Link } from 'react-router';
import { usePageTitle } from '../lib/title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        That page does not exist or was moved. <Link to="/">Go back to the questions</Link>.
      </p>
    </section>
  );
}
