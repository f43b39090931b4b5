import type { PageSignals } from '../../console/net/page';

/** Page signals a test drives: visibility and focus. */
export function fakePage(visible = true) {
  let shown = visible;
  const wake = new Set<() => void>();
  const vis = new Set<() => void>();
  const page: PageSignals & { setVisible(v: boolean): void; focus(): void } = {
    visible: () => shown,
    onWake(cb) {
      wake.add(cb);
      return () => wake.delete(cb);
    },
    onVisibility(cb) {
      vis.add(cb);
      return () => vis.delete(cb);
    },
    setVisible(v) {
      shown = v;
      for (const cb of [...vis]) cb();
      if (v) for (const cb of [...wake]) cb();
    },
    focus() {
      for (const cb of [...wake]) cb();
    },
  };
  return page;
}
