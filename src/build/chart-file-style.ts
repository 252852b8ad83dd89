/**
 * The stylesheet a standalone chart SVG carries: the colour tokens of both themes (tokens.css) and the
 * chart mark rules (charts.css), so an <img> chart looks like the inline one, dark mode included.
 * Cascade layers are left out: a standalone file holds one layer's rules and nothing to order them against.
 */
import postcss, { type AtRule, type Rule } from 'postcss';
import { themeTokens } from './theme-tokens.ts';

const declarationsOf = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .map(([name, value]) => `--${name}:${value}`)
    .join(';');

const inMediaQuery = (rule: Rule) => {
  for (let p = rule.parent; p && p.type !== 'root'; p = p.parent) {
    if (p.type === 'atrule' && (p as AtRule).name !== 'layer') return true;
  }
  return false;
};

const squeeze = (css: string) =>
  css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .trim();

/** The rules of charts.css that style marks inside a .chart, flat (no layer, no media query). */
export function chartMarkRules(chartsCss: string): string[] {
  const marks: string[] = [];
  postcss.parse(chartsCss).walkRules((rule) => {
    const onlyChart = rule.selectors.every((selector) => /^\.chart(\s|$|\.)/.test(selector.trim()));
    if (!onlyChart || inMediaQuery(rule)) return;
    const body = rule.nodes.filter((n) => n.type === 'decl').map((d) => `${d.prop}:${d.value}`);
    marks.push(`${rule.selector}{${body.join(';')}}`);
  });
  return marks;
}

export function svgFileStyle(tokensCss: string, chartsCss: string): string {
  const { light, dark } = themeTokens(tokensCss);
  const darkOnly = Object.fromEntries(Object.entries(dark).filter(([name, value]) => light[name] !== value));
  const marks = chartMarkRules(chartsCss);
  return squeeze(
    [
      `:root{${declarationsOf(light)}}`,
      `@media (prefers-color-scheme:dark){:root{${declarationsOf(darkOnly)}}}`,
      ...marks,
    ].join(''),
  );
}
