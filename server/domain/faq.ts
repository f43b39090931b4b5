import type { Faq } from '../../protocol/types';

/** Lower case, without accents, so "Doprava" matches "doprava" and "dodání" matches "dodani". */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

// Keywords folded once per list of answers, not per message (the site cache hands out one list for seconds).
const foldedKeys = new WeakMap<Faq[], string[][]>();

function keysOf(faqs: Faq[]): string[][] {
  let keys = foldedKeys.get(faqs);
  if (!keys) foldedKeys.set(faqs, (keys = faqs.map((faq) => faq.keywords.map((k) => fold(k).trim()).filter(Boolean))));
  return keys;
}

/**
 * The scripted answer whose keywords a message mentions most (at least one), or null.
 * Keywords match whole words or word beginnings ("ship" matches "shipping").
 */
export function matchFaq(text: string, faqs: Faq[]): Faq | null {
  if (!faqs.length) return null;
  const folded = fold(text);
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const keys = keysOf(faqs);
  let best: { faq: Faq; hits: number } | null = null;
  for (const [i, faq] of faqs.entries()) {
    const hits = keys[i]!.filter((key) => (key.includes(' ') ? folded.includes(key) : words.some((w) => w.startsWith(key)))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { faq, hits };
  }
  return best?.faq ?? null;
}
