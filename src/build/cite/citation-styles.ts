/**
 * Ready citations of the story in APA 7, MLA 9 and Chicago (17th ed., bibliography), built from the
 * story's own title, credit, dates and URL. Each is a list of parts so the page can italicise titles
 * while the copy button copies plain text.
 */

import type { Article } from '../content/schemas.ts';
import { formatMonthName } from '../format/dates.ts';
import { quoted } from '../format/typography.ts';
import { isAbsolute } from '../site-url.ts';

export interface CitedWork {
  /** The headline, as written (sentence case). */
  title: string;
  /** Who stands behind it: a team or organisation, never a made-up person. */
  author: string;
  /** The site or publication it appears in. */
  publication: string;
  /** ISO dates, YYYY-MM-DD. */
  published: string;
  updated: string;
  /** Absolute, or root-relative in a preview build without SITE (see src/build/site-url.ts). */
  url: string;
}

export interface CitationPart {
  text: string;
  italic?: boolean;
  /**
   * The part that carries the story's URL. When the build knows no origin, `text` is empty and the
   * page fills it in from its own address: `before` + the URL (without its scheme if asked) + `after`.
   */
  link?: { path: string; before: string; after: string; dropScheme: boolean };
}

export interface Citation {
  style: 'APA 7' | 'MLA 9' | 'Chicago';
  parts: CitationPart[];
}

/** MLA abbreviates months of more than four letters. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** The parts of an ISO date; month names in English, the language of these citation styles. */
function dateParts(iso: string): { year: number; month: number; day: number; monthName: string } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month: month - 1, day, monthName: formatMonthName(iso, 'en-US') };
}

const MINOR_WORDS = new Set('a an and as at but by for in nor of on or so the to up yet vs via'.split(' '));

/** Title case for MLA and Chicago: every word capitalised except minor words inside the title. */
export function titleCase(title: string): string {
  const list = title.split(' ');
  return list
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && i < list.length - 1 && MINOR_WORDS.has(lower)) return lower;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}

/** A sentence ends with one full stop, even when the text already ends with punctuation. */
const withStop = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/** The URL part of a citation: written out when the URL is absolute, left for the page to fill in when not. */
function urlPart(url: string, before: string, after: string, dropScheme = false): CitationPart {
  const link = { path: url, before, after, dropScheme };
  if (!isAbsolute(url)) return { text: '', link };
  return { text: before + (dropScheme ? url.replace(/^https?:\/\//, '') : url) + after, link };
}

/** APA 7, webpage on a news site: Author. (Year, Month Day). *Title*. Site. URL */
export function citeApa(work: CitedWork): Citation {
  // APA dates a webpage by its latest update.
  const d = dateParts(work.updated);
  return {
    style: 'APA 7',
    parts: [
      { text: `${withStop(work.author)} (${d.year}, ${d.monthName} ${d.day}). ` },
      { text: withStop(work.title), italic: true },
      { text: ` ${withStop(work.publication)}` },
      urlPart(work.url, ' ', ''),
    ],
  };
}

/** MLA 9: Author. "Title." *Container*, Day Mon. Year, URL (without the scheme). */
export function citeMla(work: CitedWork): Citation {
  const d = dateParts(work.published);
  return {
    style: 'MLA 9',
    parts: [
      { text: `${withStop(work.author)} ${quoted(withStop(titleCase(work.title)))} ` },
      { text: work.publication, italic: true },
      { text: `, ${d.day} ${MLA_MONTHS[d.month]} ${d.year}` },
      urlPart(work.url, ', ', '', true),
      { text: '.' },
    ],
  };
}

/** Chicago, bibliography: Author. "Title." *Site*, Month Day, Year. (Last modified ...) URL. */
export function citeChicago(work: CitedWork): Citation {
  const p = dateParts(work.published);
  const u = dateParts(work.updated);
  const modified = work.updated !== work.published ? ` Last modified ${u.monthName} ${u.day}, ${u.year}.` : '';
  return {
    style: 'Chicago',
    parts: [
      { text: `${withStop(work.author)} ${quoted(withStop(titleCase(work.title)))} ` },
      { text: work.publication, italic: true },
      { text: `, ${p.monthName} ${p.day}, ${p.year}.${modified}` },
      urlPart(work.url, ' ', '.'),
    ],
  };
}

/** The story as a work to cite: its headline, credit, publication and dates, at its URL. */
export function citedWork(article: Article & { updated: string }, url: string): CitedWork {
  return {
    title: article.headline,
    author: article.credit,
    publication: article.publication,
    published: article.published,
    updated: article.updated,
    url,
  };
}

export function citations(work: CitedWork): Citation[] {
  return [citeApa(work), citeMla(work), citeChicago(work)];
}

/** The citation as plain text, for copying. */
export function citationText(c: Citation): string {
  return c.parts.map((p) => p.text).join('');
}
