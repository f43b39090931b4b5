import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from './errors';

/** Points per window (seconds) for each limit. */
export const DEFAULT_LIMITS = {
  /** Messages per visitor: generous for a person typing, stops a script. */
  visitorMessages: { points: 30, duration: 10 },
  /** New visitors per IP: many people can share one address (offices, mobile carriers). */
  newVisitors: { points: 300, duration: 60 },
  /**
   * Everything else a visitor's widget sends that writes or tells every agent (page views,
   * identify, typing, survey, answers to automatic answers): a busy visitor stays far below.
   */
  visitorUpdates: { points: 60, duration: 10 },
  /** Feedback per visitor. */
  feedback: { points: 10, duration: 600 },
  /** Call back requests per IP and per phone number. */
  callbacksPerIp: { points: 20, duration: 3600 },
  callbacksPerPhone: { points: 5, duration: 3600 },
  /**
   * Emails a visitor asks for to an address they typed (chat transcripts), per IP and per
   * recipient: the text is the visitor's own, so without these the relay would mail anything anywhere.
   */
  visitorEmailsPerIp: { points: 20, duration: 3600 },
  visitorEmailsPerAddress: { points: 3, duration: 3600 },
  /** Sign-in attempts per IP and email. */
  logins: { points: 10, duration: 300 },
  /** Uses of invitation and password reset links per IP (accepting, setting the password). */
  linkUses: { points: 10, duration: 300 },
  /** "Forgot password" requests per IP and email, and per IP: each sends an email. */
  resetRequests: { points: 3, duration: 3600 },
  resetRequestsPerIp: { points: 20, duration: 3600 },
  /** REST API requests per token: an integration syncing steadily stays far below. */
  apiRequests: { points: 600, duration: 60 },
};
export type LimitSettings = typeof DEFAULT_LIMITS;

type Limit = { points: number; duration: number };

/**
 * One limiter: in this process alone; with Redis, counted in Redis for every node together,
 * with this process's own count standing in while Redis does not answer.
 */
function limiter(keyPrefix: string, limit: Limit, shared: { client: Redis; prefix: string } | null): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, ...limit });
  if (!shared) return memory;
  return new RateLimiterRedis({
    storeClient: shared.client,
    keyPrefix: `${shared.prefix}rl:${keyPrefix}`,
    ...limit,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/** The rate limits Earshot applies, one limiter each; shared by every node when `shared` is given. */
export function createLimiters(settings: LimitSettings = DEFAULT_LIMITS, shared: { client: Redis; prefix: string } | null = null) {
  const make = (keyPrefix: string, limit: Limit) => limiter(keyPrefix, limit, shared);
  return {
    visitorMessages: make('vmsg', settings.visitorMessages),
    newVisitors: make('newv', settings.newVisitors),
    logins: make('login', settings.logins),
    linkUses: make('link', settings.linkUses),
    resetRequests: make('rstm', settings.resetRequests),
    resetRequestsPerIp: make('rsti', settings.resetRequestsPerIp),
    feedback: make('fb', settings.feedback),
    visitorUpdates: make('vupd', settings.visitorUpdates),
    callbacksPerIp: make('cbip', settings.callbacksPerIp),
    callbacksPerPhone: make('cbph', settings.callbacksPerPhone),
    visitorEmailsPerIp: make('veip', settings.visitorEmailsPerIp),
    visitorEmailsPerAddress: make('veto', settings.visitorEmailsPerAddress),
    apiRequests: make('api', settings.apiRequests),
  };
}
export type Limiters = ReturnType<typeof createLimiters>;

/** Spends one point for `key`, or throws `rate_limited` saying when to try again. */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
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
