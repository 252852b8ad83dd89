// Runs in <head>, before first paint: picks the layout the reader will get, so nothing shifts later.
// If the story script never ran by the load event (blocked), fall back to the article layout. (Once it
// runs, it fetches the engine after the first paint and handles its own failure.)
// Inline on purpose; its SHA-256 is added to the CSP in astro.config.mjs.
(function () {
  const d = document.documentElement;
  d.classList.add('js');
  try {
    const m = localStorage.getItem('explainer:reading-mode');
    if (m === 'steps' || m === 'article') d.dataset.mode = m;
  } catch {
    // No storage: the default mode stands.
  }
  addEventListener('load', function () {
    if (!d.classList.contains('story-ready') && !d.classList.contains('story-loading')) d.dataset.mode = 'article';
  });
})();
