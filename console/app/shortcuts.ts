import { useEffect, useRef } from 'preact/hooks';

export interface ShortcutHandlers {
  /** Next (1) or previous (-1) conversation; `fromReply` when the reply box had focus. */
  move(step: 1 | -1, fromReply: boolean): void;
  focusReply(): void;
}

function editable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard-first navigation: Alt+ArrowUp/Down anywhere, j/k and r when not typing.
 * Escape in the reply box is the reply box's own business.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current;
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        h.move(e.key === 'ArrowDown' ? 1 : -1, e.target instanceof HTMLElement && e.target.id === 'reply');
        return;
      }
      if (e.defaultPrevented || editable(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'j' || e.key === 'k') h.move(e.key === 'j' ? 1 : -1, false);
      else if (e.key === 'r') {
        e.preventDefault();
        h.focusReply();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
