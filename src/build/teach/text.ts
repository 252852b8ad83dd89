import { escapeXml } from '../charts/render-svg.ts';
import { smartQuotes } from '../format/typography.ts';

/** The teaching page's title: content/teach.md's `title` with `{headline}` filled from content/article.yaml. */
export function teachTitle(template: string, headline: string): string {
  return template.replaceAll('{headline}', headline);
}

/** Plain text from teach.md as HTML: curly quotes, and `backticks` as code (spreadsheet formulas), left as typed. */
export function inlineHtml(s: string): string {
  return s
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${escapeXml(part.slice(1, -1))}</code>`
        : escapeXml(smartQuotes(part)),
    )
    .join('');
}

/** "0–5", "5–20": where each step of a lesson starts and ends, in minutes from the bell. */
export function stepTimes(minutes: readonly number[]): string[] {
  let at = 0;
  return minutes.map((m) => `${at}–${(at += m)}`);
}
