import express, { type Request, type RequestHandler, type Router } from 'express';
import { agentForSession, signIn, signOut, toAgent } from '../domain/agents';
import { AppError } from '../errors';
import { consume, type Limiters } from '../limits';
import type { AgentRow, Store } from '../store/types';
import { parse, schemas } from '../validation';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

/** Session token from the cookie header, without a cookie-parser dependency. */
export function sessionToken(req: Request): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined; // Malformed escapes: no session, not a server error.
    }
  }
  return undefined;
}

/** Express middleware that requires a signed-in agent and puts it on `res.locals.agent`. */
export function requireAgent(store: Store): RequestHandler {
  return async (req, res, next) => {
    const agent = await agentForSession(store, sessionToken(req));
    if (!agent) throw new AppError('unauthorized', 'Sign in first.');
    res.locals.agent = agent;
    next();
  };
}

/** Sign in, sign out and "who am I" for the console. */
export function authRoutes(store: Store, limiters: Limiters, onSignOut: (tokenHash: string) => void): Router {
  const r = express.Router();
  r.post('/login', async (req, res) => {
    const { email, password } = parse(schemas.login, req.body);
    await consume(limiters.logins, `${req.ip}|${email.toLowerCase()}`);
    const { agent, token } = await signIn(store, email, password);
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req.secure));
    res.json({ ok: true, data: agent });
  });
  r.post('/logout', async (req, res) => {
    const ended = await signOut(store, sessionToken(req));
    // The console's open sockets end with the session, in every tab.
    if (ended) onSignOut(ended);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req.secure), maxAge: undefined });
    res.json({ ok: true, data: null });
  });
  r.get('/me', requireAgent(store), (_req, res) => {
    res.json({ ok: true, data: toAgent(res.locals.agent as AgentRow) });
  });
  return r;
}
