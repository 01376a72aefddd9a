import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DirectoryItem, DirectoryPage } from '../../../shared/api/mentorships';
import { mentorshipKeys } from '../components/mentorship/api';
import { MatchReasons } from '../components/mentorship/MatchReasons';
import { MentorFilters } from '../components/mentorship/MentorFilters';
import { MentorSummaryCard } from '../components/mentorship/MentorSummaryCard';
import { RequestMentorshipButton } from '../components/mentorship/RequestMentorshipButton';
import { apiFetch } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

const FILTERS = [
  'path',
  'roleFamily',
  'industry',
  'companyType',
  'language',
  'tz',
  'within',
  'hasRoom',
  // Ranked for this question too (the question's mentor panel links here with it).
  'threadId',
];

/** /mentors — Find a mentor: filters, ranked by fit for a signed-in asker, by activity otherwise. */
export function MentorsPage() {
  const [params, setParams] = useSearchParams();
  const { viewer } = useSession();
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v) q.set(k, v);
    }
    return q.toString();
  }, [params]);

  const list = useInfiniteQuery({
    queryKey: mentorshipKeys.directory(query, viewer?.id ?? null),
    queryFn: ({ pageParam }) =>
      apiFetch<DirectoryPage>(
        `/api/mentor-directory?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  usePageTitle('Find a mentor');

  const threadId = params.get('threadId');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const ranked = list.data?.pages[0]?.ranked ?? false;
  const matchCount = list.data?.pages[0]?.matchCount ?? null;
  // A ranked list is matches first, then "other mentors" as their own section.
  const matchItems = ranked ? items.filter((m) => m.section === 'match') : items;
  const otherItems = ranked ? items.filter((m) => m.section !== 'match') : [];

  return (
    <section className="mentors-page" aria-labelledby="mentors-title">
      <h1 id="mentors-title">Find a mentor</h1>
      <MentorFilters params={params} onChange={(next) => setParams(next, { replace: true })} />
      <p className="muted ranking-note" aria-live="polite">
        {list.isFetching && !list.isFetchingNextPage
          ? 'Updating…'
          : ranked
            ? threadId
              ? 'Ranked for this question: how well each mentor fits your asker profile and what the question asks.'
              : 'Ranked by how well each mentor fits your asker profile.'
            : viewer
              ? 'Most recently active first. Add an asker profile to see mentors ranked by fit.'
              : 'Most recently active first. Sign in with an asker profile to see mentors ranked by fit.'}
        {!ranked && viewer && (
          <>
            {' '}
            <Link to="/settings/profile">Edit your profile</Link>
          </>
        )}
        {threadId && (
          <>
            {' '}
            <Link to={`/q/${encodeURIComponent(threadId)}`}>Back to the question</Link>
          </>
        )}
      </p>
      {list.isPending && (
        <p role="status" className="muted">
          Loading mentors…
        </p>
      )}
      {list.isError && (
        <div role="alert" className="error-box">
          <p>{list.error.message}</p>
          <button type="button" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      )}
      {list.isSuccess && items.length === 0 && (
        <p className="empty">No mentor matches these filters. Try removing one.</p>
      )}
      {ranked && matchCount !== null && list.isSuccess && (
        <p className="muted match-count">
          {matchCount === 0
            ? 'No mentor matches your switch yet; other mentors are listed below.'
            : matchCount < 20
              ? `${matchCount} ${matchCount === 1 ? 'mentor matches' : 'mentors match'} your switch; other mentors are listed apart below.`
              : null}
        </p>
      )}
      {matchItems.length > 0 && <MentorList items={matchItems} />}
      {otherItems.length > 0 && (
        <section aria-labelledby="other-mentors-title">
          <h2 id="other-mentors-title">Other mentors</h2>
          <p className="muted">
            Not matched to your switch (a different role or path), or not available right now.
          </p>
          <MentorList items={otherItems} />
        </section>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show more mentors'}
        </button>
      )}
    </section>
  );
}

function MentorList({ items }: { items: DirectoryItem[] }) {
  return (
    <ul className="mentor-list">
      {items.map((m) => (
        <li key={m.id} className="mentor-list-item">
          <MentorSummaryCard mentor={m} headingLevel={2} />
          {m.note && <p className="mentor-note">{capitalise(m.note)}</p>}
          {m.match && <MatchReasons match={m.match} />}
          <RequestMentorshipButton mentor={m} />
        </li>
      ))}
    </ul>
  );
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
