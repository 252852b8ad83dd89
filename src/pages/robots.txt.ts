/** robots.txt: everything may be crawled; the sitemap lists the pages (embeds carry noindex). */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/site-url.ts';

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site ?? '', base, 'sitemap.xml')}`, ''];
  return new Response(body.join('\n'), { headers: { 'Content-Type': 'text/plain' } });
};
