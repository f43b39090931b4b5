import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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
};
export type LimitSettings = typeof DEFAULT_LIMITS;

/** The rate limits Earshot applies, one limiter each. */
export function createLimiters(settings: LimitSettings = DEFAULT_LIMITS) {
  return {
    visitorMessages: new RateLimiterMemory({ keyPrefix: 'vmsg', ...settings.visitorMessages }),
    newVisitors: new RateLimiterMemory({ keyPrefix: 'newv', ...settings.newVisitors }),
    logins: new RateLimiterMemory({ keyPrefix: 'login', ...settings.logins }),
    linkUses: new RateLimiterMemory({ keyPrefix: 'link', ...settings.linkUses }),
    resetRequests: new RateLimiterMemory({ keyPrefix: 'rstm', ...settings.resetRequests }),
    resetRequestsPerIp: new RateLimiterMemory({ keyPrefix: 'rsti', ...settings.resetRequestsPerIp }),
    feedback: new RateLimiterMemory({ keyPrefix: 'fb', ...settings.feedback }),
    visitorUpdates: new RateLimiterMemory({ keyPrefix: 'vupd', ...settings.visitorUpdates }),
    callbacksPerIp: new RateLimiterMemory({ keyPrefix: 'cbip', ...settings.callbacksPerIp }),
    callbacksPerPhone: new RateLimiterMemory({ keyPrefix: 'cbph', ...settings.callbacksPerPhone }),
    visitorEmailsPerIp: new RateLimiterMemory({ keyPrefix: 'veip', ...settings.visitorEmailsPerIp }),
    visitorEmailsPerAddress: new RateLimiterMemory({ keyPrefix: 'veto', ...settings.visitorEmailsPerAddress }),
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
