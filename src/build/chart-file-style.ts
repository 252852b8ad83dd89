/**
 * The stylesheet a standalone chart SVG carries: the colour tokens of both themes from global.css and the
 * chart mark rules from charts.css, so an <img> chart looks like the inline one, dark mode included.
 */

/** Top-level rules of a stylesheet as [prelude, body], nested blocks (media queries) kept whole. */
function topLevelRules(css: string): [string, string][] {
  const rules: [string, string][] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && depth++ === 0) open = i;
    else if (text[i] === '}' && --depth === 0) {
      rules.push([text.slice(start, open).trim(), text.slice(open + 1, i)]);
      start = i + 1;
    }
  }
  return rules;
}

const squeeze = (css: string) =>
  css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .trim();

export function svgFileStyle(globalCss: string, chartsCss: string): string {
  const global = topLevelRules(globalCss);
  const tokens = global.find(([prelude]) => prelude === ':root');
  const dark = global.find(([prelude]) => /^@media\s*\(prefers-color-scheme:\s*dark\)$/.test(prelude));
  if (!tokens || !dark) throw new Error('src/styles/global.css: the :root tokens or their dark-mode block are missing');
  const marks = topLevelRules(chartsCss).filter(([prelude]) =>
    prelude.split(',').every((selector) => /^\.chart(\s|$|\.)/.test(selector.trim())),
  );
  return squeeze([`:root{${tokens[1]}}`, `${dark[0]}{${dark[1]}}`, ...marks.map(([p, b]) => `${p}{${b}}`)].join(''));
}
