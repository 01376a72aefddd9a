/**
 * THE markdown renderer, used by the server when storing body_html and by the browser for
 * the live preview, so what people preview is exactly what gets stored.
 *
 * Two layers, on purpose: markdown-it with `html: false` never emits raw HTML from the
 * input (and already refuses javascript:/vbscript:/file: links), and sanitize-html then
 * enforces an allowlist on whatever markdown-it produced — tags, attributes, URL schemes —
 * so a bug or a plugin in the first layer cannot open a hole.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Handles as the product spells them: 2–30 letters, digits, _ or -. */
export const MENTION_RE = /(^|[^A-Za-z0-9_@/.-])@([A-Za-z0-9_-]{2,30})(?![A-Za-z0-9_@-])/g;

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.linkify.set({ fuzzyEmail: false });

// @handle -> link to /u/<handle>, except inside links and code (their text is literal).
md.core.ruler.after('linkify', 'mentions', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let insideLink = 0;
    for (const tok of block.children) {
      if (tok.type === 'link_open') insideLink++;
      if (tok.type === 'link_close') insideLink--;
      if (tok.type !== 'text' || insideLink > 0 || !tok.content.includes('@')) {
        out.push(tok);
        continue;
      }
      let last = 0;
      for (const m of tok.content.matchAll(MENTION_RE)) {
        const start = m.index + m[1]!.length;
        if (start > last) out.push(textToken(state.Token, tok.content.slice(last, start)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['href', `/u/${m[2]!.toLowerCase()}`],
          ['class', 'mention'],
        ];
        out.push(open, textToken(state.Token, '@' + m[2]!), new state.Token('link_close', 'a', -1));
        last = start + 1 + m[2]!.length;
      }
      if (last === 0) out.push(tok);
      else if (last < tok.content.length) out.push(textToken(state.Token, tok.content.slice(last)));
    }
    block.children = out;
  }
});

function textToken(TokenClass: typeof Token, content: string): Token {
  const t = new TokenClass('text', '', 0);
  t.content = content;
  return t;
}

const LINK_REL = 'nofollow ugc noopener noreferrer';

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title', 'loading', 'referrerpolicy'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { a: ['mention'], code: [/^language-[a-z0-9+#-]{1,30}$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // Headings inside a post must not compete with the page's own h1/h2.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(attribs.class === 'mention' && attribs.href?.startsWith('/u/')
          ? {}
          : { rel: LINK_REL }),
      },
    }),
    img: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, loading: 'lazy', referrerpolicy: 'no-referrer' },
    }),
  },
  exclusiveFilter: (frame) =>
    // Images only from absolute https URLs: a relative src would load from our own origin
    // with the reader's cookies (a GET to an API path), so drop those images.
    frame.tag === 'img' && !/^https:\/\/[^/\s]/i.test(frame.attribs.src ?? ''),
};

/** Markdown in, safe HTML out. Pure and synchronous; same result in Node and the browser. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), sanitizeOptions);
}

/** Re-sanitizes HTML that did not come from renderMarkdown (defence in depth for old rows). */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** Lowercased handles mentioned in a body (outside code), for notifications. */
export function extractMentions(markdown: string): string[] {
  const found = new Set<string>();
  const html = renderMarkdown(markdown);
  for (const m of html.matchAll(/<a href="\/u\/([a-z0-9_-]+)" class="mention">/g)) found.add(m[1]!);
  return [...found];
}
