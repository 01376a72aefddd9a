import { Parser } from 'htmlparser2';
import { escapeUTF8 } from 'entities';
import type { ReplyNode, ThreadDetail, UserRef } from '../../shared/api/threads';
import { threadPath, userPath } from '../../client/src/components/forum/forum-api';
import { pageNames, pageTitle, SITE_NAME } from '../../client/src/lib/title';
import type { PageData } from './load';

const SITE_DESCRIPTION =
  'Switchboard: engineers moving into product management ask, answer and find mentors who made the switch.';

/** The text of an HTML fragment (a rendered post), whitespace collapsed, entities decoded. */
export function plainText(html: string, max = Infinity): string {
  let text = '';
  const parser = new Parser({ ontext: (t) => void (text += t) }, { decodeEntities: true });
  // Block ends become spaces, so "<p>a</p><p>b</p>" reads "a b".
  parser.write(html.replace(/<\/(p|li|h\d|pre|blockquote|div)>|<br\s*\/?>/gi, '$& '));
  parser.end();
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

interface Head {
  title: string;
  description: string;
  /** Path (and query) of the page's canonical address. */
  canonical: string;
  type: 'website' | 'article' | 'profile';
  jsonLd?: unknown;
}

/** What each public page is called and says about itself; titles as the pages set them. */
function headOf(data: PageData, url: URL, absolute: (path: string) => string): Head {
  const sortQuery = (sort: string) => (sort === 'hot' ? '' : `?sort=${sort}`);
  switch (data.kind) {
    case 'home':
      return {
        title: pageTitle(null),
        description: SITE_DESCRIPTION,
        canonical: `/${sortQuery(data.sort)}`,
        type: 'website',
      };
    case 'tag':
      return {
        title: pageTitle(pageNames.tag(data.tag)),
        description: `Questions tagged ${data.tag} on ${SITE_NAME}, where engineers moving into product management ask and answer.`,
        canonical: `/t/${encodeURIComponent(data.tag)}${sortQuery(data.sort)}`,
        type: 'website',
      };
    case 'thread': {
      const { thread } = data.detail;
      return {
        title: pageTitle(thread.title),
        description: thread.excerpt || plainText(thread.bodyHtml, 220) || SITE_DESCRIPTION,
        canonical: threadPath(thread.id, thread.title),
        type: 'article',
        jsonLd: qaPage(data.detail, absolute),
      };
    }
    case 'profile': {
      const { user, mentor } = data.profile;
      const tab = url.searchParams.get('tab');
      const who = pageNames.profile(user);
      const named =
        tab === 'questions' ? `Questions · ${who}` : tab === 'replies' ? `Replies · ${who}` : who;
      return {
        title: pageTitle(named),
        description:
          user.bio ||
          (mentor
            ? `${mentor.roleBefore} → ${mentor.roleNow}`
            : `${user.displayName} on ${SITE_NAME}`),
        canonical: userPath(user.handle),
        type: 'profile',
      };
    }
    case 'paths':
      return {
        title: pageTitle(pageNames.paths),
        description: `How engineers moved into product management, path by path, told by the mentors on ${SITE_NAME}.`,
        canonical: '/paths',
        type: 'website',
      };
    case 'path':
      return {
        title: pageTitle(data.path.label),
        description: `${data.path.label}: how ${data.path.mentorCount} mentors on ${SITE_NAME} made the switch into product management.`,
        canonical: `/paths/${data.path.id}`,
        type: 'website',
      };
  }
}

/** schema.org QAPage: the question, the asker's "helped" reply as accepted, the others. */
function qaPage(detail: ThreadDetail, absolute: (path: string) => string): unknown {
  const { thread } = detail;
  const person = (u: UserRef) => ({
    '@type': 'Person',
    name: u.displayName,
    ...(u.id ? { url: absolute(userPath(u.handle)) } : {}),
  });
  const answer = (r: ReplyNode) => ({
    '@type': 'Answer',
    text: plainText(r.bodyHtml),
    dateCreated: r.createdAt,
    upvoteCount: r.points,
    url: absolute(r.permalink),
    author: person(r.author),
  });
  const accepted = detail.helpfulReplies.find((r) => r.state === 'visible');
  const others = detail.replies
    .filter((r) => r.state === 'visible' && r.id !== accepted?.id)
    .slice(0, 50);
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: thread.title,
      text: plainText(thread.bodyHtml) || thread.title,
      answerCount: thread.replyCount,
      upvoteCount: thread.points,
      dateCreated: thread.createdAt,
      ...(thread.editedAt ? { dateModified: thread.editedAt } : {}),
      author: person(thread.author),
      ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
      ...(others.length ? { suggestedAnswer: others.map(answer) } : {}),
    },
  };
}

/**
 * JSON for a <script> data block: every `<` escaped, so no text in it (a title reading
 * "</script>") can end the element early; U+2028/9 too, for anyone who evals it.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The <head> tags of a public page: title, description, canonical, Open Graph, Twitter. */
export function headTags(data: PageData, url: URL, publicBase: string): string {
  const absolute = (p: string) => new URL(p, publicBase).toString();
  const head = headOf(data, url, absolute);
  const e = escapeUTF8;
  const canonical = absolute(head.canonical);
  const description =
    head.description.length > 300 ? `${head.description.slice(0, 299)}…` : head.description;
  const tags = [
    `<title>${e(head.title)}</title>`,
    `<meta name="description" content="${e(description)}" />`,
    `<link rel="canonical" href="${e(canonical)}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:type" content="${head.type}" />`,
    `<meta property="og:title" content="${e(head.title)}" />`,
    `<meta property="og:description" content="${e(description)}" />`,
    `<meta property="og:url" content="${e(canonical)}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${e(head.title)}" />`,
    `<meta name="twitter:description" content="${e(description)}" />`,
  ];
  if (head.jsonLd)
    tags.push(`<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>`);
  return tags.join('\n    ');
}
