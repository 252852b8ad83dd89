/** The reader's chosen way of reading, remembered across visits. */
export const MODES = ['scroll', 'steps', 'article'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_KEY = 'explainer:reading-mode';

/** What each view is called on screen: named by what it does, for a reader who has never seen one. */
export const MODE_NAMES: Record<Mode, string> = {
  scroll: 'Animated',
  steps: 'Tap through',
  article: 'Plain article',
};
/** One line under the switch saying what the chosen view does (shown by CSS for the current view). */
export const MODE_HINTS: Record<Mode, string> = {
  scroll: 'The chart changes as you scroll.',
  steps: 'One step at a time, with Back and Next.',
  article: 'All the text, each chart in its place.',
};

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
