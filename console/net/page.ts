/** What the sync adapters need from the browser tab, so tests can fake it. */
export interface PageSignals {
  /** Whether the tab is visible now. */
  visible(): boolean;
  /** Calls back when the tab regains focus or becomes visible; returns an unsubscribe. */
  onWake(cb: () => void): () => void;
  /** Calls back when visibility changes either way; returns an unsubscribe. */
  onVisibility(cb: () => void): () => void;
}

/** Page signals of the real document and window. */
export function browserPage(doc: Document = document, win: Window = window): PageSignals {
  return {
    visible: () => doc.visibilityState === 'visible',
    onWake(cb) {
      const onVis = () => {
        if (doc.visibilityState === 'visible') cb();
      };
      win.addEventListener('focus', cb);
      doc.addEventListener('visibilitychange', onVis);
      return () => {
        win.removeEventListener('focus', cb);
        doc.removeEventListener('visibilitychange', onVis);
      };
    },
    onVisibility(cb) {
      doc.addEventListener('visibilitychange', cb);
      return () => doc.removeEventListener('visibilitychange', cb);
    },
  };
}
