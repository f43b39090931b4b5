/** Delay before retry number `attempt` (0-based): doubling from 1 s to 30 s, with jitter so tabs spread out. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}
