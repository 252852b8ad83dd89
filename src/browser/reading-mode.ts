/** The reader's chosen way of reading, remembered across visits. */
export const MODES = ['scroll', 'steps', 'article'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_KEY = 'explainer:reading-mode';

// What each view is called on screen, and its hint: content/ui.yaml (modes.*), written into the page at build.

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}

/** The stored mode, or scroll when nothing valid is stored or storage is unavailable. */
export function storedMode(): Mode {
  try {
    const value = localStorage.getItem(MODE_KEY);
    return isMode(value) ? value : 'scroll';
  } catch {
    return 'scroll';
  }
}

export function rememberMode(mode: Mode): void {
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Private browsing or storage full: the mode still applies for this visit.
  }
}

export function applyMode(mode: Mode): void {
  document.documentElement.dataset['mode'] = mode;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-mode]')) {
    button.setAttribute('aria-pressed', String(button.dataset['setMode'] === mode));
  }
}
