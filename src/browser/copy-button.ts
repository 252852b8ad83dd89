/**
 * <copy-button for="some-id">: a button that copies the text of the element with that id.
 * Without JavaScript the button stays hidden and the text is there to select by hand.
 */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(this.getAttribute('for') ?? '');
      // Code keeps its line breaks; a citation is one line.
      const raw = target?.textContent ?? '';
      const text = target?.tagName === 'PRE' ? raw.trim() : raw.replace(/\s+/g, ' ').trim();
      const done = await copy(text, target);
      // The words come from the page (content/ui.yaml, written into data attributes at build).
      if (status) status.textContent = (done ? this.dataset['done'] : this.dataset['failed']) ?? '';
      setTimeout(() => status && (status.textContent = ''), 4000);
    });
  }
}

async function copy(text: string, target: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an old browser, an insecure origin): select the text for the reader instead.
    if (target) getSelection()?.selectAllChildren(target);
    return false;
  }
}

if (!customElements.get('copy-button')) customElements.define('copy-button', CopyButton);

/**
 * A preview build (no SITE) does not know its own origin, so it leaves the story's URL out of citations
 * and embed codes (never a localhost address). The page knows where it is being read: fill them in.
 */
function fillPageUrls(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-page-url]')) {
    const path = el.dataset['pageUrl'] ?? '';
    if (/^https?:\/\//.test(path)) continue;
    const url = new URL(path, location.href).href;
    const shown = el.hasAttribute('data-drop-scheme') ? url.replace(/^https?:\/\//, '') : url;
    el.textContent = (el.dataset['before'] ?? '') + shown + (el.dataset['after'] ?? '');
  }
}
fillPageUrls();
