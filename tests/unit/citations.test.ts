import { describe, expect, it } from 'vitest';
import {
  citationText,
  citations,
  citeApa,
  citeChicago,
  citeMla,
  titleCase,
} from '../../src/build/cite/citation-styles.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const work = {
  title: 'The quiet exit',
  author: 'The Quiet Exit team',
  publication: 'Quiet Exit',
  published: '2026-11-25',
  updated: '2026-11-25',
  url: 'https://news.example.org/quiet-exit/',
};

describe('citeApa(work)', () => {
  it('writes APA 7: author, (year, month day), italic title in sentence case, site, URL', () => {
    const c = citeApa(work);
    expect(citationText(c)).toBe(
      'The Quiet Exit team. (2026, November 25). The quiet exit. Quiet Exit. https://news.example.org/quiet-exit/',
    );
    expect(c.parts.find((p) => p.italic)?.text).toBe('The quiet exit.');
  });
  it('dates the page by its latest update', () => {
    expect(citationText(citeApa({ ...work, updated: '2027-01-03' }))).toContain('(2027, January 3)');
  });
});

describe('citeMla(work)', () => {
  it('writes MLA 9: quoted title in title case, italic container, day month-abbreviation year, URL without scheme', () => {
    const c = citeMla(work);
    expect(citationText(c)).toBe(
      'The Quiet Exit team. “The Quiet Exit.” Quiet Exit, 25 Nov. 2026, news.example.org/quiet-exit/.',
    );
    expect(c.parts.find((p) => p.italic)?.text).toBe('Quiet Exit');
  });
  it('spells out short months (May, June, July) and abbreviates September as Sept.', () => {
    expect(citationText(citeMla({ ...work, published: '2026-06-01' }))).toContain('1 June 2026');
    expect(citationText(citeMla({ ...work, published: '2026-09-01' }))).toContain('1 Sept. 2026');
  });
});

describe('citeChicago(work)', () => {
  it('writes a Chicago bibliography entry', () => {
    expect(citationText(citeChicago(work))).toBe(
      'The Quiet Exit team. “The Quiet Exit.” Quiet Exit, November 25, 2026. https://news.example.org/quiet-exit/.',
    );
  });
  it('adds the last-modified date when the story has been updated', () => {
    expect(citationText(citeChicago({ ...work, updated: '2026-12-02' }))).toContain(
      'November 25, 2026. Last modified December 2, 2026. https://',
    );
  });
});

describe('titleCase(title)', () => {
  it('capitalises words but not minor words inside the title', () => {
    expect(titleCase('the quiet exit of a firm in the east')).toBe('The Quiet Exit of a Firm in the East');
  });
});

describe('citations(work) for the story itself', () => {
  it('uses the story’s real title, credit, publication and dates', () => {
    const { article } = loadContent();
    const text = citations({ ...work, ...article, title: article.headline, author: article.credit })
      .map(citationText)
      .join('\n');
    expect(text).toContain(article.headline);
    expect(text).toContain(article.credit);
    expect(text).toContain(article.publication);
    expect(text).toContain(article.published.slice(0, 4));
    expect(text).not.toMatch(/undefined|NaN/);
  });
});

describe('citations of a preview build (no SITE: the story URL is root-relative)', () => {
  const preview = { ...work, url: '/quiet-exit/' };
  it('write no URL, and no invented origin, into the text', () => {
    expect(citationText(citeApa(preview))).toBe(
      'The Quiet Exit team. (2026, November 25). The quiet exit. Quiet Exit.',
    );
    expect(citationText(citeMla(preview))).toBe('The Quiet Exit team. “The Quiet Exit.” Quiet Exit, 25 Nov. 2026.');
    expect(citationText(citeChicago(preview))).toBe(
      'The Quiet Exit team. “The Quiet Exit.” Quiet Exit, November 25, 2026.',
    );
  });
  it('mark where the page fills in its own address, with the punctuation around it', () => {
    const link = citeMla(preview).parts.find((p) => p.link)?.link;
    expect(link).toEqual({ path: '/quiet-exit/', before: ', ', after: '', dropScheme: true });
  });
});

describe('citations of a work whose title has quotes in it', () => {
  it('MLA and Chicago set its quotes as single quotes inside the double quotes around the title', () => {
    const titled = { ...work, title: 'Raimondo says "absolutely"' };
    for (const c of [citeMla(titled), citeChicago(titled)]) {
      const text = citationText(c);
      expect(text.toLowerCase()).toContain('‘absolutely’');
      expect(text).not.toMatch(/“[^”]*“/);
    }
  });
});
