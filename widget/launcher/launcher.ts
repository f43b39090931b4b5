import type { Translate } from '../i18n/t';
import css from './launcher.css?inline';

/** The round button that opens and closes the chat. */
export interface Launcher {
  el: HTMLButtonElement;
  setOpen(open: boolean): void;
  setUnread(count: number): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const CHAT = 'M4 5h16v11H8l-4 4z';
const CLOSE = 'M6 6l12 12M18 6L6 18';

const span = (className = '') => Object.assign(document.createElement('span'), { className });

/**
 * Draws the launcher with plain DOM (no Preact in the loader). Built node by node, not
 * with innerHTML, so it also works where a CSP demands Trusted Types.
 */
export function createLauncher(root: ShadowRoot, adoptStyles: (css: string) => void, t: Translate, onClick: () => void): Launcher {
  adoptStyles(css);
  const el = document.createElement('button');
  el.className = 'launcher';
  el.setAttribute('aria-controls', 'earshot-panel');
  // The count is shown; the sentence is what assistive technology reads, as the button's description.
  el.setAttribute('aria-describedby', 'earshot-unread');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  svg.append(path);
  const number = span();
  number.setAttribute('aria-hidden', 'true');
  const sentence = span('vh');
  sentence.id = 'earshot-unread';
  const badge = span('badge');
  badge.append(number, sentence);
  el.append(svg, badge);
  el.addEventListener('click', onClick);
  root.append(el);

  let open = false;
  let unread = 0;
  const draw = () => {
    const show = !open && unread > 0;
    el.setAttribute('aria-label', t(open ? 'close_chat' : 'open_chat'));
    el.setAttribute('aria-expanded', String(open));
    path.setAttribute('d', open ? CLOSE : CHAT);
    badge.hidden = !show;
    number.textContent = unread > 99 ? '99+' : String(unread);
    sentence.textContent = show ? t('unread', { count: unread }) : '';
  };
  draw();
  return {
    el,
    setOpen(value) {
      open = value;
      draw();
    },
    setUnread(count) {
      unread = count;
      draw();
    },
  };
}
