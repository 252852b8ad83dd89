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
