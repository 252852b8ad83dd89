/**
 * robots.txt: everything may be crawled; the sitemap lists the pages (embeds carry noindex). A build
 * without SITE names no sitemap: its address must be absolute, and the build does not know its origin.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../build/site-url.ts';

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const sitemap = site ? ['', `Sitemap: ${absoluteUrl(site, base, 'sitemap.xml')}`] : [];
  const body = ['User-agent: *', 'Allow: /', ...sitemap, ''];
  return new Response(body.join('\n'), { headers: { 'Content-Type': 'text/plain' } });
};
