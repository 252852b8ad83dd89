/**
 * What story markdown may contain. Its HTML goes into the page as written, so raw HTML and links to
 * anything but the web are refused at build, naming the file and line: a pasted <script>, an event
 * handler, an <iframe>, a <meta> refresh or a `javascript:` link never reaches a reader.
 * The markdown is parsed by satteri, the parser Astro renders it with, so both see the same nodes.
 */
import { markdownToMdast } from 'satteri';
import { show, type ContentProblem } from './errors.ts';

/** The only HTML a story may write by hand, each with the attributes it may carry. */
const ALLOWED_ELEMENTS: Record<string, readonly string[]> = { abbr: ['title'], br: [], sub: [], sup: [] };
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

interface Node {
  type: string;
  value?: string;
  url?: string;
  position?: { start: { line: number } };
  children?: Node[];
}

/** A comment (the `<!-- step: id -->` markers), or one allowed tag with allowed attributes. */
function isAllowedHtml(html: string): boolean {
  const text = html.trim();
  if (/^<!--[\s\S]*?-->$/.test(text) && !text.slice(4, -3).includes('-->')) return true;
  const tag = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>$/i.exec(text);
  if (!tag) return false;
  const allowed = ALLOWED_ELEMENTS[(tag[2] ?? '').toLowerCase()];
  if (!allowed) return false;
  const attributes = [...(tag[3] ?? '').matchAll(/([a-z-]+)=/gi)].map((m) => (m[1] ?? '').toLowerCase());
  return tag[1] === '' ? attributes.every((a) => allowed.includes(a)) : attributes.length === 0;
}

/** A link to the web, a mail address or a place in the site; never `javascript:`, `data:` or the like. */
function isAllowedUrl(url: string): boolean {
  // Browsers ignore control characters and spaces in a scheme ("java\tscript:"): so does this check.
  const visible = [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(visible);
  return !scheme || ALLOWED_SCHEMES.has((scheme[1] ?? '').toLowerCase());
}

const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

/** Link text that reads as a web address (`www.bank.example`, `https://…`) but whose link goes to another host. */
function looksLikeAnotherAddress(text: string, url: string): boolean {
  const shown = /^(?:https?:\/\/|www\.)((?:[\w-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?$/i.exec(text.trim());
  if (!shown) return false;
  const host = (h: string) => h.toLowerCase().replace(/^www\./, '');
  try {
    return host(new URL(url).hostname) !== host(shown[1] ?? '');
  } catch {
    return true;
  }
}

/**
 * Problems with the markdown of a whole file (frontmatter included, so lines are the file's own).
 * @param entry names the entry in messages, e.g. the section id
 */
export function unsafeMarkdown(file: string, entry: string, source: string): ContentProblem[] {
  // The frontmatter is YAML, not markdown: blank it but keep its lines, so line numbers stay the file's.
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (fm) => fm.replace(/[^\n]/g, ''));
  const problems: ContentProblem[] = [];
  const visit = (node: Node) => {
    const field = `line ${node.position?.start.line ?? '?'}`;
    if (node.type === 'html' && !isAllowedHtml(node.value ?? '')) {
      problems.push({
        file,
        entry,
        field,
        expected: `markdown, not raw HTML (allowed: ${Object.keys(ALLOWED_ELEMENTS).join(', ')} and comments)`,
        got: show(node.value?.trim()),
      });
    }
    if (node.url !== undefined && !isAllowedUrl(node.url)) {
      problems.push({
        file,
        entry,
        field,
        expected: 'a link to an http(s) or mailto: address, or to a place in the site',
        got: show(node.url),
      });
    }
    if (node.type === 'link' && node.url !== undefined && looksLikeAnotherAddress(textOf(node), node.url)) {
      problems.push({
        file,
        entry,
        field,
        expected: 'link text that is not an address other than the one it links to',
        got: show(`[${textOf(node)}](${node.url})`),
      });
    }
    node.children?.forEach(visit);
  };
  visit(markdownToMdast(body, { features: { gfm: true }, position: true }) as Node);
  return problems;
}
