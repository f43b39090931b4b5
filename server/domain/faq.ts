import type { Faq } from '../../protocol/types';

/** Lower case, without accents, so "Doprava" matches "doprava" and "dodání" matches "dodani". */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The scripted answer whose keywords a message mentions most (at least one), or null.
 * Keywords match whole words or word beginnings ("ship" matches "shipping").
 */
export function matchFaq(text: string, faqs: Faq[]): Faq | null {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let best: { faq: Faq; hits: number } | null = null;
  for (const faq of faqs) {
    const hits = faq.keywords.filter((k) => {
      const key = fold(k).trim();
      return key.includes(' ') ? fold(text).includes(key) : words.some((w) => w.startsWith(key));
    }).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { faq, hits };
  }
  return best?.faq ?? null;
}
