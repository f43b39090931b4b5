import type { ComponentType } from 'preact';
import { logLoadError } from './load-error';
import type { ViewId } from '../state/types';
import type { PanelView, ViewProps } from './views';

/** Where a lazily loaded view stands: not asked for, downloading, ready, or failed (retry allowed). */
export type ViewStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Downloads views on demand, once each, and adopts their styles. */
export interface ViewLoader {
  status(id: ViewId): ViewStatus;
  component(id: ViewId): ComponentType<ViewProps> | undefined;
  /** Starts the download unless it is running or done; `onChange` tells when it settles. */
  load(id: ViewId): void;
}

/** A loader over the panel's view list; `onChange` redraws the panel. */
export function createViewLoader(views: readonly PanelView[], adoptStyles: (css: string) => void, onChange: () => void): ViewLoader {
  const status = new Map<ViewId, ViewStatus>();
  const loaded = new Map<ViewId, ComponentType<ViewProps>>();
  return {
    status: (id) => status.get(id) ?? 'idle',
    component: (id) => loaded.get(id),
    load(id) {
      const view = views.find((v) => v.id === id);
      const now = status.get(id);
      if (!view?.load || now === 'loading' || now === 'ready') return;
      status.set(id, 'loading');
      view.load().then(
        (m) => {
          adoptStyles(m.css);
          loaded.set(id, m.View);
          status.set(id, 'ready');
          onChange();
        },
        (err: unknown) => {
          // A failed download (offline, a deploy replaced the chunk) may work on the next try.
          status.set(id, 'failed');
          logLoadError(err);
          onChange();
        },
      );
      onChange();
    },
  };
}
