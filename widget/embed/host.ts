import launcherCss from '../launcher/launcher.css?inline';
import css from './host.css?inline';

/** The widget's shadow root (its element on the page is `root.host`). */
export interface Host {
  root: ShadowRoot;
  adoptStyles(css: string): void;
}

/** A new element with the given properties. */
export const html = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), props);

/**
 * Adopts a stylesheet into the shadow root. Constructed sheets are not subject to CSP's
 * `style-src`, so they work on strict pages; `<style>` is the fallback for old browsers.
 */
function adopt(root: ShadowRoot, text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    root.prepend(html('style', { textContent: text }));
  }
}

/**
 * Appends the host element with an open shadow root, reset and themed, and keeps it on the
 * page: Turbo and pjax swap `<body>` (or its children) for the next page's. The same element
 * goes back, so the panel, its socket and the conversation carry on; an inert copy of it in
 * the new body (Turbo's snapshot of a page it restores) is replaced, so there is one widget.
 */
export function createHost(doc: Document, position?: string, color?: string): Host {
  const el = doc.createElement('earshot-widget');
  // The styles match only `left`; anything else keeps the default corner.
  if (position) el.dataset.position = position;
  const root = el.attachShadow({ mode: 'open' });
  // The launcher's styles too: one sheet for everything the loader draws.
  adopt(root, css + launcherCss);
  // A hex colour (`readConfig` checked it); the site's colour from the relay is the panel's (`mount.tsx`).
  if (color) el.style.setProperty('--earshot-color', color);
  const keep = () => {
    const body = doc.body;
    if (!el.isConnected) {
      const copy = body.querySelector('earshot-widget');
      if (copy && !copy.shadowRoot) copy.replaceWith(el);
      else body.append(el);
    }
    // A swapped body is a new element to watch; watching the same one again changes nothing.
    watch.observe(body, { childList: true });
  };
  const watch = new MutationObserver(keep);
  watch.observe(doc.documentElement, { childList: true });
  keep();
  return { root, adoptStyles: (text) => adopt(root, text) };
}
