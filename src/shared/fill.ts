/** Fills {name} placeholders; one unknown stays as written. Build code (ui.yaml, charts.yaml) and the browser share it. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([^}]*)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
