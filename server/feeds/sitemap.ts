import { xml, XML_HEAD } from './xml';

/** Sitemaps (sitemaps.org protocol 0.9): an index pointing at pages of at most 50,000 URLs. */
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
}

function entry(tag: 'url' | 'sitemap', u: SitemapUrl): string {
  const lastmod = u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : '';
  return `<${tag}><loc>${xml(u.loc)}</loc>${lastmod}</${tag}>\n`;
}

export const sitemapIndex = (maps: SitemapUrl[]) =>
  `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${maps.map((m) => entry('sitemap', m)).join('')}</sitemapindex>\n`;

export const urlSet = (urls: SitemapUrl[]) =>
  `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.map((u) => entry('url', u)).join('')}</urlset>\n`;
