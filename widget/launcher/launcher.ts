import type { SiteStatus } from '../../protocol/types';
import { html } from '../embed/host';
import type { Translate } from '../i18n/t';

/** The round button that opens and closes the chat. */
export interface Launcher {
  el: HTMLButtonElement;
  setOpen(open: boolean): void;
  /** Who is there: "We're online" or "Leave us a message"; nothing while unknown. */
  setStatus(status: SiteStatus | null | undefined | void): void;
  /** More of the description, after availability: the panel's unread count (`unread-badge.ts`); '' for none. */
  describe(text: string): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const BUBBLE = 'M4 5h16v11H8l-4 4z';

/**
 * Draws the launcher with plain DOM (no Preact in the loader). Built node by node, not
 * with innerHTML, so it also works where a CSP demands Trusted Types. Its name stays
 * "Open chat" / "Close chat"; availability (and, from the panel, the unread count) is its
 * description, and availability its tooltip, so the button is announced the same way whatever they are.
 */
/** Its styles (launcher.css) come with the host's (`createHost`). */
export function createLauncher(root: ShadowRoot, t: Translate, onClick: () => void): Launcher {
  const el = html('button', { className: 'launcher', onclick: onClick });
  el.setAttribute('aria-describedby', 'earshot-note');
  // No aria-hidden: a button's content is presentational, and its name is the aria-label.
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  const path = document.createElementNS(SVG, 'path');
  svg.append(path);
  // `aria-describedby` reads hidden text too, so the note needs no visually hidden styles.
  const note = html('span', { id: 'earshot-note', hidden: true });
  el.append(svg, note);
  root.append(el);

  let open = false;
  let state = '';
  let more = '';
  // The icon says it too: a chat bubble while someone is there, an envelope when it is a message.
  let icon = BUBBLE;
  const draw = () => {
    el.setAttribute('aria-label', t(open ? 'close_chat' : 'open_chat'));
    el.setAttribute('aria-expanded', `${open}`);
    path.setAttribute('d', open ? 'M6 6l12 12M18 6L6 18' : icon);
    el.title = state;
    note.textContent = state && more ? `${state}. ${more}` : state || more;
  };
  draw();
  return {
    el,
    setOpen(value) {
      open = value;
      draw();
    },
    setStatus(status) {
      state = status ? t(status.available ? 'online' : 'away') : '';
      icon = status && !status.available ? 'M3 6h18v12H3zl9 7 9-7' : BUBBLE;
      draw();
    },
    describe(text) {
      more = text;
      draw();
    },
  };
}
