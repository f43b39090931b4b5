import { siteStorage, type Saved } from '../../../widget/storage';

/** A Storage backed by a Map, so tests see exactly what was written. */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

/** The widget's site storage over a fresh in-memory Storage, optionally pre-filled. */
export function testStorage(saved?: Partial<Saved>) {
  const backend = memoryStorage(saved ? { 'earshot:demo': JSON.stringify(saved) } : {});
  return { backend, storage: siteStorage('earshot:demo', () => backend) };
}
