/**
 * sitemap.xml: the story, its timeline and its teaching page, if it has one (embeds are not pages of their own for search).
 * Its addresses must be absolute: a build without SITE writes an empty sitemap, which is valid and lists nothing.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../build/site-url.ts';
import { loadContent } from '../build/content/read-content.ts';

export const GET: APIRoute = ({ site }) => {
  const content = loadContent();
  const { updated } = content.article;
  const base = import.meta.env.BASE_URL;
  const urls = (site ? ['', 'timeline/', ...(content.teach ? ['teach/'] : [])] : []).map(
    (path) => `  <url><loc>${absoluteUrl(site, base, path)}</loc><lastmod>${updated}</lastmod></url>\n`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
};
