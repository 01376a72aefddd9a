import { xml, XML_HEAD } from './xml';

/**
 * Atom 1.0 (RFC 4287) and RSS 2.0 from one description of a feed. Titles and summaries are
 * plain text (`type="text"`); content is the question's stored HTML — markdown-it without raw
 * HTML, then sanitize-html's allowlist (shared/markdown.ts) — escaped as `type="html"`.
 */
export interface FeedEntry {
  /** Stable for ever: `urn:uuid:<thread id>` survives a change of domain. */
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  author: { name: string; uri?: string };
  tags: string[];
  summary: string;
  html: string;
}

export interface FeedDoc {
  title: string;
  /** The page the feed mirrors (the list in the app). */
  alternate: string;
  atomUrl: string;
  rssUrl: string;
  entries: FeedEntry[];
}

const ATOM = 'http://www.w3.org/2005/Atom';

function feedUpdated(doc: FeedDoc): Date {
  const times = doc.entries.map((e) => e.updated.getTime());
  return new Date(times.length ? Math.max(...times) : 0);
}

const tagged = (name: string, value: string, attrs = '') =>
  `<${name}${attrs}>${xml(value)}</${name}>`;

export function atom(doc: FeedDoc): string {
  const entries = doc.entries.map((e) =>
    [
      '<entry>',
      tagged('id', e.id),
      tagged('title', e.title, ' type="text"'),
      `<link rel="alternate" type="text/html" href="${xml(e.link)}"/>`,
      tagged('published', e.published.toISOString()),
      tagged('updated', e.updated.toISOString()),
      `<author>${tagged('name', e.author.name)}${e.author.uri ? tagged('uri', e.author.uri) : ''}</author>`,
      ...e.tags.map((t) => `<category term="${xml(t)}"/>`),
      tagged('summary', e.summary, ' type="text"'),
      tagged('content', e.html, ' type="html"'),
      '</entry>',
    ].join('\n'),
  );
  return [
    `${XML_HEAD}<feed xmlns="${ATOM}" xml:lang="en">`,
    tagged('id', doc.atomUrl),
    tagged('title', doc.title, ' type="text"'),
    tagged('updated', feedUpdated(doc).toISOString()),
    `<link rel="self" type="application/atom+xml" href="${xml(doc.atomUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(doc.alternate)}"/>`,
    '<generator>Switchboard</generator>',
    ...entries,
    '</feed>\n',
  ].join('\n');
}

export function rss(doc: FeedDoc): string {
  const items = doc.entries.map((e) =>
    [
      '<item>',
      tagged('title', e.title),
      tagged('link', e.link),
      tagged('guid', e.link, ' isPermaLink="true"'),
      tagged('pubDate', e.published.toUTCString()),
      // RSS's own <author> must be an email address, which is never shown: Dublin Core's creator.
      tagged('dc:creator', e.author.name),
      ...e.tags.map((t) => tagged('category', t)),
      tagged('description', e.html),
      '</item>',
    ].join('\n'),
  );
  return [
    `${XML_HEAD}<rss version="2.0" xmlns:atom="${ATOM}" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    '<channel>',
    tagged('title', doc.title),
    tagged('link', doc.alternate),
    tagged('description', doc.title),
    '<language>en</language>',
    tagged('lastBuildDate', feedUpdated(doc).toUTCString()),
    `<atom:link rel="self" type="application/rss+xml" href="${xml(doc.rssUrl)}"/>`,
    ...items,
    '</channel>',
    '</rss>\n',
  ].join('\n');
}
