import { Parser } from 'htmlparser2';

/**
 * Hacker News item HTML -> markdown. HN's `text` is a small HTML dialect: paragraphs are
 * separated by a bare <p>, <i> for emphasis, <a href> links, <pre><code> blocks, entities
 * such as &#x27; and &quot;, and the odd literal newline inside a paragraph. Anything else
 * keeps its text and loses its tag. The result goes through the normal markdown renderer,
 * so nothing here has to be trusted.
 */
export function hnHtmlToMarkdown(html: string): string {
  // Without a tag or an entity there is nothing to parse: the text is the whole of it.
  if (!html.includes('<') && !html.includes('&')) return tidy(escapeMarkdown(html));
  let out = '';
  let italic = 0;
  let bold = 0;
  let inPre = false;
  let pre = '';
  const links: { href: string; text: string }[] = [];

  const write = (s: string) => {
    if (links.length) links.at(-1)!.text += s;
    else out += s;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'p') write('\n\n');
        else if (name === 'br') write('  \n');
        else if (name === 'i' || name === 'em') {
          if (italic++ === 0) write('*');
        } else if (name === 'b' || name === 'strong') {
          if (bold++ === 0) write('**');
        } else if (name === 'pre') {
          inPre = true;
          pre = '';
        } else if (name === 'a' && !inPre) links.push({ href: attrs.href ?? '', text: '' });
      },
      ontext(text) {
        if (inPre) pre += text;
        else write(escapeMarkdown(text));
      },
      onclosetag(name) {
        if (name === 'i' || name === 'em') {
          if (--italic === 0) write('*');
        } else if (name === 'b' || name === 'strong') {
          if (--bold === 0) write('**');
        } else if (name === 'pre') {
          inPre = false;
          const fence = pre.includes('```') ? '~~~' : '```';
          write(`\n\n${fence}\n${pre.replace(/^\n+|\s+$/g, '')}\n${fence}\n\n`);
        } else if (name === 'a' && !inPre) {
          const link = links.pop();
          if (!link) return;
          const text = link.text.trim() || link.href;
          write(
            /^https?:\/\//i.test(link.href)
              ? `[${text}](<${link.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
              : text,
          );
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out);
}

function tidy(out: string): string {
  return out
    .replace(/[ \t]+\n/g, (m) => (m.startsWith('  ') ? '  \n' : '\n'))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Characters that would start markdown syntax HN never meant. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1').replace(/^(\s*)(#{1,6}\s|>)/gm, '$1\\$2');
}
