/**
 * Curly quotes and apostrophes for text that does not go through the markdown renderer (YAML fields
 * such as the dek and event summaries), so it matches the story's prose, which does.
 */
export function smartQuotes(text: string): string {
  return text
    .replace(/(^|[\s([{—–-])"/g, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s([{—–-])'/g, '$1‘')
    .replace(/'/g, '’');
}

/**
 * A title or quotation set inside double quotes, English style: its own double quotes become single ones
 * (“Jake Sullivan says ‘absolutely’ consequences”), never doubled marks. Apostrophes stay as they are.
 */
export function quoted(text: string): string {
  return `“${innerQuotes(text)}”`;
}

/** Text that will sit inside double quotes: its double quotes become single ones. */
export function innerQuotes(text: string): string {
  return smartQuotes(text).replace(/“/g, '‘').replace(/”/g, '’');
}
