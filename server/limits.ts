import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors';

/** The rate limits Earshot applies, one limiter each. */
export function createLimiters() {
  return {
    visitorMessages: new RateLimiterMemory({ keyPrefix: 'vmsg', points: 30, duration: 10 }),
    newVisitors: new RateLimiterMemory({ keyPrefix: 'newv', points: 60, duration: 60 }),
    logins: new RateLimiterMemory({ keyPrefix: 'login', points: 10, duration: 300 }),
  };
}
export type Limiters = ReturnType<typeof createLimiters>;

/** Spends one point for `key`, or throws `rate_limited` saying when to try again. */
export async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      const seconds = Math.ceil(err.msBeforeNext / 1000);
      throw new AppError('rate_limited', `Too many requests. Try again in ${seconds} s.`);
    }
    throw err;
  }
}
