import { useEffect } from 'react';

/** The site name every <title> ends with, after one separator style: "Page · Switchboard". */
export const SITE_NAME = 'Switchboard';
export const pageTitle = (title?: string | null) => (title ? `${title} · ${SITE_NAME}` : SITE_NAME);

/** Sets this page's <title>; pages call it once with what names them (or nothing yet). */
export function usePageTitle(title?: string | null): void {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}

/**
 * What names the public pages, shared with the server's <title> and Open Graph tags
 * (server/pages/head.ts), so the server-rendered title is the one the page then sets.
 */
export const pageNames = {
  tag: (tag: string) => `Questions tagged ${tag}`,
  profile: (user: { displayName: string; handle: string }) =>
    `${user.displayName} (@${user.handle})`,
  paths: 'Paths into product management',
};
