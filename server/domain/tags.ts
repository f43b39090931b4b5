import type { TaggedKind } from '../../protocol/types';
import { AppError } from '../errors';
import type { Store } from '../store/types';

/** The site of a taggable item; an unknown one is `not_found`. */
async function siteOfItem(store: Store, kind: TaggedKind, id: string): Promise<string> {
  const item =
    kind === 'conversation'
      ? await store.getConversation(id)
      : kind === 'callback'
        ? await store.getCallback(id)
        : await store.getFeedback(id);
  if (!item) throw new AppError('not_found', `No such ${kind === 'callback' ? 'call back request' : kind}.`);
  return item.siteId;
}

/** Replaces an item's tags (already normalised by the schema), each once; a tag not used before is made by naming it. */
export async function setItemTags(store: Store, kind: TaggedKind, id: string, tags: string[]): Promise<string[]> {
  const siteId = await siteOfItem(store, kind, id);
  return store.setTags(kind, id, siteId, [...new Set(tags)], new Date().toISOString());
}

/** Each row's tags: a function of the row's id (an item without tags has none). */
export async function tagLookup(store: Store, kind: TaggedKind, rows: { id: string }[]): Promise<(id: string) => string[]> {
  const map = rows.length
    ? await store.tagsOf(
        kind,
        rows.map((r) => r.id),
      )
    : {};
  return (id) => map[id] ?? [];
}

/** One item's tags. */
export async function tagsOfOne(store: Store, kind: TaggedKind, id: string): Promise<string[]> {
  return (await store.tagsOf(kind, [id]))[id] ?? [];
}
