/**
 * Runs `task` once the browser has shown the first contentful paint, then a task later.
 * The story page is complete without its script, so the script waits: on a slow network the engine's
 * download never competes with the document or delays the first screen. A frame callback alone is not
 * enough: the frame it starts is shown some milliseconds later (raster and compositing run on other
 * threads, slowly on a busy two-core phone), and a request sent in between is one the first paint seems
 * to wait for (Lighthouse then counts the engine's download in first paint and LCP: +170 / +350 ms).
 * A hidden tab paints nothing, so there it waits for the page to be shown. Without paint timing, or if
 * no paint entry comes (a page first painted while hidden may report none), a frame and a delay stand in.
 */
export function afterFirstPaint(task: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(task, 0);
  };
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    requestAnimationFrame(start);
    return;
  }
  if (painted()) return start();
  const observer = new PerformanceObserver(() => {
    if (!painted()) return;
    observer.disconnect();
    start();
  });
  observer.observe({ type: 'paint', buffered: true });
  requestAnimationFrame(() => setTimeout(start, 3000));
}
