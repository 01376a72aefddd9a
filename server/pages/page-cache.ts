/**
 * Visitors' server-rendered pages live in the anonymous cache (server/http/anonymous-cache.ts)
 * beside the public JSON, under their own keys: the front door answers both before Express.
 */
export const pageCacheKey = (url: string) => `html:${url}`;

/** What a browser or crawler sends for a page: text/html, anything, or no Accept at all. */
export function wantsHtml(accept: string | undefined): boolean {
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
