/**
 * The checked content with its markdown rendered to HTML, the way Astro renders markdown (satteri,
 * with the project's markdown settings). What may be in that markdown was checked first
 * (src/build/content/markdown-safety.ts), so its HTML can go into the page as it is.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Content, Section, Step } from './check-content.ts';
import { loadContent } from './read-content.ts';

export interface RenderedSection extends Section {
  introHtml: string;
  steps: (Step & { html: string })[];
}

export interface RenderedContent extends Omit<Content, 'sections' | 'teach'> {
  sections: RenderedSection[];
  teach?: (NonNullable<Content['teach']> & { activityHtml: string }) | undefined;
}

let processor: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;

/** Markdown to HTML, with astro.config.mjs's markdown settings (no syntax highlighting). */
async function renderMarkdown(markdown: string): Promise<string> {
  processor ??= createSatteriMarkdownProcessor({ syntaxHighlight: false });
  return (await (await processor).render(markdown)).code;
}

export async function loadRenderedContent(): Promise<RenderedContent> {
  const content = loadContent();
  const sections = await Promise.all(
    content.sections.map(async (s) => ({
      ...s,
      introHtml: await renderMarkdown(s.intro),
      steps: await Promise.all(s.steps.map(async (step) => ({ ...step, html: await renderMarkdown(step.markdown) }))),
    })),
  );
  if (!content.teach) return { ...content, sections, teach: undefined };
  const activityHtml = await renderMarkdown(content.teach.activityMarkdown);
  return { ...content, sections, teach: { ...content.teach, activityHtml } };
}
