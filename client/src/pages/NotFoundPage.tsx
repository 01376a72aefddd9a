import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        That page does not exist or was moved. <Link to="/">Go back to the questions</Link>.
      </p>
    </section>
  );
}
