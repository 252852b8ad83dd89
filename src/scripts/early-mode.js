// Runs in <head>, before first paint: picks the layout the reader will get, so nothing shifts later.
// If the story script has not started by the load event (blocked, failed), fall back to the article layout.
// Inline on purpose; its SHA-256 is added to the CSP in astro.config.mjs.
(function () {
  const d = document.documentElement;
  d.classList.add('js');
  try {
    const m = localStorage.getItem('quiet-exit:mode');
    if (m === 'steps' || m === 'article') d.dataset.mode = m;
  } catch {
    // No storage: the default mode stands.
  }
  addEventListener('load', function () {
    if (!d.classList.contains('story-ready')) d.dataset.mode = 'article';
  });
})();
