/**
 * URLs for canonical links, share cards, citations and the sitemap.
 *
 * A build for publication sets SITE (the origin) and gets absolute URLs. A preview build without SITE
 * does not know where it will be read, so it never invents an origin (no "http://localhost:4321" for
 * a teacher to print): it gets root-relative paths, and whatever needs an absolute URL either leaves it
 * out (share tags, the sitemap) or lets the browser fill it in from the page's own address (citations,
 * embed codes; see src/browser/copy-button.ts).
 */

/** The base path with exactly one slash at each end: "/" or "/my-story/". */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * `path` (relative to the site's base, no leading slash) as an absolute URL on `site`; without a site
 * (a preview build), as a root-relative path.
 */
export function absoluteUrl(site: string | URL | undefined, base: string, path = ''): string {
  const rooted = normaliseBase(base) + path.replace(/^\/+/, '');
  return site ? new URL(rooted, site).href : rooted;
}

/** True for a URL with an origin (http or https), false for the root-relative paths of a preview build. */
export function isAbsolute(url: string): boolean {
  return /^https?:\/\//.test(url);
}
