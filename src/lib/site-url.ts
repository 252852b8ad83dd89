/** Absolute URLs for canonical links, share cards, citations and the sitemap. */

/** The base path with exactly one slash at each end: "/" or "/my-story/". */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** `path` (relative to the site's base, no leading slash) as an absolute URL on `site`. */
export function absoluteUrl(site: string | URL, base: string, path = ''): string {
  return new URL(normaliseBase(base) + path.replace(/^\/+/, ''), site).href;
}
