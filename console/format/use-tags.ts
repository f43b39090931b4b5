import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { TaggedKind } from '../../protocol/types';
import type { TagCommands } from '../net/tag-commands';

export interface ItemTags {
  /** Each item's tags; an item with none is absent. */
  tags: Record<string, string[]>;
  /** Tags in use anywhere, for suggestions and the filter. */
  known: string[];
  /** Replaces an item's tags; the answer (or the refusal) for the editor. */
  set(id: string, tags: string[]): Promise<string | null>;
}

/** The tags of the items on screen (asked for when the ids change, then kept live by pushes) and every tag in use. */
export function useItemTags(api: TagCommands, kind: TaggedKind, ids: string[]): ItemTags {
  const [tags, setTags] = useState<Record<string, string[]>>({});
  const [known, setKnown] = useState<string[]>([]);
  // Sorted: the inbox reorders on every message, which must not ask again.
  const key = [...ids].sort().join(' ');
  const refreshKnown = useCallback(() => void api.site().then((r) => r.ok && setKnown(r.data)), [api]);
  useEffect(() => {
    refreshKnown();
    return api.onUpdated((u) => {
      if (u.kind !== kind) return;
      setTags((now) => ({ ...now, [u.id]: u.tags }));
      if (u.tags.length > 0) refreshKnown();
    });
  }, [api, kind, refreshKnown]);
  useEffect(() => {
    if (ids.length === 0) return;
    let live = true;
    void api.of(kind, ids.slice(0, 500)).then((r) => live && r.ok && setTags((now) => ({ ...now, ...r.data })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the ids as a set: asked again only when it changes
  }, [key, api, kind]);
  return useMemo(
    () => ({
      tags,
      known,
      async set(id, next) {
        const r = await api.set(kind, id, next);
        if (!r.ok) return r.message;
        setTags((now) => ({ ...now, [id]: r.data }));
        if (r.data.some((t) => !known.includes(t))) refreshKnown();
        return null;
      },
    }),
    [tags, known, api, kind, refreshKnown],
  );
}
