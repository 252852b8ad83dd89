import { innerQuotes } from '../format/typography.ts';

/**
 * The credit under an embedded chart: where it comes from, said once. The story's headline in quotes,
 * then who made it; the publication only where its name is not the headline's again.
 */
export function embedCredit(article: { headline: string; publication: string; credit: string }): {
  headline: string;
  byline: string;
} {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const byline = same(article.publication, article.headline)
    ? article.credit
    : [article.publication, article.credit].filter((s) => s.trim() !== '').join(', ');
  return { headline: innerQuotes(article.headline), byline };
}
