/**
 * The colour tokens of src/styles/tokens.css, read with PostCSS: the one source of colour that the page,
 * the standalone chart files, the share card and the contrast tests all use.
 */
import postcss, { type AtRule, type Root, type Rule } from 'postcss';

export interface ThemeTokens {
  /** Every custom property of :root, as written. */
  light: Record<string, string>;
  /** The light tokens with the dark theme's (prefers-color-scheme: dark) values over them. */
  dark: Record<string, string>;
}

const isDarkQuery = (rule: Rule) =>
  rule.parent?.type === 'atrule' &&
  (rule.parent as AtRule).name === 'media' &&
  /prefers-color-scheme:\s*dark/.test((rule.parent as AtRule).params);

const isTopRoot = (rule: Rule) =>
  rule.selector === ':root' && (rule.parent?.type !== 'atrule' || (rule.parent as AtRule).name === 'layer');

function declarations(rule: Rule): Record<string, string> {
  const out: Record<string, string> = {};
  rule.walkDecls(/^--/, (d) => {
    out[d.prop.slice(2)] = d.value.trim();
  });
  return out;
}

export function themeTokens(tokensCss: string, file = 'src/styles/tokens.css'): ThemeTokens {
  const root: Root = postcss.parse(tokensCss, { from: file });
  let light: Record<string, string> | undefined;
  let darkOnly: Record<string, string> | undefined;
  root.walkRules((rule) => {
    if (rule.selector !== ':root') return;
    if (isDarkQuery(rule)) darkOnly = { ...darkOnly, ...declarations(rule) };
    else if (isTopRoot(rule)) light = { ...light, ...declarations(rule) };
  });
  if (!light || !darkOnly) throw new Error(`${file}: the :root tokens or their dark-mode block are missing`);
  return { light, dark: { ...light, ...darkOnly } };
}

/** CSS with every var(--token) replaced by its value: SVG renderers (resvg) know no custom properties. */
export function resolveTokens(css: string, tokens: Record<string, string>): string {
  return css.replace(/var\(--([\w-]+)\)/g, (whole, name: string) => tokens[name] ?? whole);
}
