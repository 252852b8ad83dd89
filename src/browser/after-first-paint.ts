/**
 * Runs `task` once the browser has painted the first frame (a frame callback, then a task after it).
 * The story page is complete without its script, so the script waits: on a slow network the engine's
 * download never competes with the document or delays the first screen. A hidden tab paints no frames,
 * so there it waits for the page to be shown.
 */
export function afterFirstPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}
