import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n/t';
import { logLoadError } from '../panel/load-error';
import { ViewPending } from '../panel/panel-shell';

/** A part of the chat view in its own chunk, imported the first time it is shown. */
export interface Part<M> {
  /** The module, once loaded. */
  get(): M | undefined;
  /** Imports it once (again after a failure) and adopts its stylesheet. */
  load(adoptStyles: (css: string) => void): Promise<M>;
}

/** Wraps a dynamic import as a `Part`. A page has one panel, so the first adopter gets the styles. */
export function part<M extends { css: string }>(importer: () => Promise<M>): Part<M> {
  let mod: M | undefined;
  let pending: Promise<M> | undefined;
  return {
    get: () => mod,
    load(adoptStyles) {
      pending ??= importer().then(
        (m) => {
          adoptStyles(m.css);
          return (mod = m);
        },
        (err: unknown) => {
          // A failed download (offline, a deploy replaced the chunk) may work on the next try.
          pending = undefined;
          logLoadError(err);
          throw err;
        },
      );
      return pending;
    },
  };
}

export interface LazyProps<M> {
  t: Translate;
  part: Part<M>;
  adoptStyles(css: string): void;
  children(m: M): ComponentChildren;
}

/** Draws a part once its chunk is here; "Loading…" until then, or a retry after a failure. */
export function Lazy<M>({ t, part, adoptStyles, children }: LazyProps<M>) {
  const [failed, setFailed] = useState(false);
  const [, setReady] = useState(false);
  const m = part.get();
  useEffect(() => {
    if (m || failed) return;
    let live = true;
    part.load(adoptStyles).then(
      () => live && setReady(true),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [m, part, adoptStyles, failed]);
  if (m) return <>{children(m)}</>;
  return <ViewPending t={t} status={failed ? 'failed' : 'loading'} onRetry={() => setFailed(false)} />;
}
