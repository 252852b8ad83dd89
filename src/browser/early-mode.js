(function () {
  const d = document.documentElement;
  d.classList.add('js');
  let m;
  try {
    m = localStorage.getItem('explainer:reading-mode');
  } catch {
    m = null;
  }
  if (m === 'steps' || m === 'article') d.dataset.mode = m;
  addEventListener('load', function () {
    if (!d.classList.contains('story-ready') && !d.classList.contains('story-loading')) d.dataset.mode = 'article';
  });
})();
