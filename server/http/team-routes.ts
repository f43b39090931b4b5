import express, { type Request, type Response, type Router } from 'express';
import { toAgent } from '../domain/agents';
import { MIN_PASSWORD } from '../domain/links';
import { adminResetLink, changePassword, requestReset, resetInfo, useResetLink } from '../domain/passwords';
import { requireAdmin } from '../domain/roles';
import { acceptInvite, changeMember, invite, inviteInfo, listTeam, rename, renewInvite, revokeInvite, toMember } from '../domain/team';
import type { EmailService } from '../email/email-service';
import { AppError, found } from '../errors';
import { consume, type Limiters } from '../limits';
import type { AgentRow, Store } from '../store/types';
import { parse, schemas } from '../validation';
import { requireAgent, sessionToken } from './auth-routes';
import { hashToken } from '../domain/secrets';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

/** What the team routes need beside the store: mail, limits, and how to reach open consoles. */
export interface TeamDeps {
  store: Store;
  email: EmailService;
  limiters: Limiters;
  publicUrl: string | null;
  /** Closes the console sockets of these sign-ins. */
  endSessions(tokenHashes: string[]): void;
  /** Closes every console socket of an agent. */
  endAgent(agentId: string): void;
  /** Names or availability changed: presence lists go out again. */
  presenceChanged(): void;
}

/** Links point at PUBLIC_URL when it is set, otherwise at the origin the console was opened on. */
const linkBase = (deps: TeamDeps, req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function tokenParam(req: Request, kind: 'invite' | 'reset'): string {
  const token = String(req.params.token ?? '');
  if (!TOKEN.test(token))
    throw new AppError(
      'not_found',
      `This ${kind === 'invite' ? 'invitation' : 'reset'} link is not valid. Check that it was copied whole.`,
    );
  return token;
}

const me = (res: Response) => res.locals.agent as AgentRow;

function admin(store: Store) {
  const signedIn = requireAgent(store);
  return [
    signedIn,
    (_req: Request, res: Response, next: () => void) => {
      requireAdmin(me(res), 'manage the team');
      next();
    },
  ];
}

/** The Team page's data and actions; admins only, checked on every route. */
export function teamRoutes(deps: TeamDeps): Router {
  const r = express.Router();
  const { store } = deps;
  r.use(admin(store));
  r.get('/', async (_req, res) => {
    res.json({ ok: true, data: { ...(await listTeam(store)), emailEnabled: deps.email.enabled } });
  });
  r.post('/invites', async (req, res) => {
    const input = parse(schemas.invite, req.body);
    res.json({ ok: true, data: await invite(deps, me(res), input, linkBase(deps, req)) });
  });
  r.post('/invites/:id/renew', async (req, res) => {
    res.json({ ok: true, data: await renewInvite(deps, me(res), String(req.params.id), linkBase(deps, req)) });
  });
  r.delete('/invites/:id', async (req, res) => {
    await revokeInvite(store, String(req.params.id));
    res.json({ ok: true, data: null });
  });
  r.patch('/agents/:id', async (req, res) => {
    const patch = parse(schemas.memberPatch, req.body);
    const { before, after } = await changeMember(store, String(req.params.id), patch);
    if (!before.deactivatedAt && after.deactivatedAt) deps.endAgent(after.id);
    if (Boolean(before.deactivatedAt) !== Boolean(after.deactivatedAt)) deps.presenceChanged();
    res.json({ ok: true, data: toMember(after) });
  });
  r.post('/agents/:id/reset-link', async (req, res) => {
    const agent = found(await store.getAgent(String(req.params.id)), 'No such agent.');
    res.json({ ok: true, data: await adminResetLink(deps, me(res), agent, linkBase(deps, req)) });
  });
  return r;
}

/** Every agent's own account: display name and password. */
export function accountRoutes(deps: TeamDeps): Router {
  const r = express.Router();
  r.use(requireAgent(deps.store));
  r.patch('/', async (req, res) => {
    const { name } = parse(schemas.profile, req.body);
    const agent = await rename(deps.store, me(res), name);
    deps.presenceChanged();
    res.json({ ok: true, data: toAgent(agent) });
  });
  r.post('/password', async (req, res) => {
    const { current, password } = parse(schemas.passwordChange, req.body);
    await consume(deps.limiters.logins, `${req.ip}|${me(res).email.toLowerCase()}`);
    const token = sessionToken(req);
    const ended = await changePassword(deps.store, me(res), current, password, token ? hashToken(token) : null);
    deps.endSessions(ended);
    res.json({ ok: true, data: { endedSessions: ended.length } });
  });
  return r;
}

/** The one-time link pages' calls, without a session: invitations, forgot password, reset. */
export function linkRoutes(deps: TeamDeps): Router {
  const r = express.Router();
  const signIn = (req: Request, res: Response, s: { agent: unknown; token: string }) => {
    res.cookie(SESSION_COOKIE, s.token, sessionCookieOptions(req.secure));
    res.json({ ok: true, data: s.agent });
  };
  r.get('/invite/:token', async (req, res) => {
    res.json({ ok: true, data: { ...(await inviteInfo(deps.store, tokenParam(req, 'invite'))), minPassword: MIN_PASSWORD } });
  });
  r.post('/invite/:token', async (req, res) => {
    await consume(deps.limiters.linkUses, req.ip ?? '');
    const token = tokenParam(req, 'invite');
    const input = parse(schemas.inviteAccept, req.body);
    signIn(req, res, await acceptInvite(deps.store, token, input));
  });
  r.get('/forgot', (_req, res) => {
    res.json({ ok: true, data: { emailEnabled: deps.email.enabled && deps.publicUrl !== null } });
  });
  r.post('/forgot', async (req, res) => {
    const { email } = parse(schemas.forgot, req.body);
    await consume(deps.limiters.resetRequestsPerIp, req.ip ?? '');
    // Per address, from wherever: nobody floods one inbox by changing their IP.
    await consume(deps.limiters.resetRequests, email.toLowerCase());
    // A signed-out request's Host header is the requester's to choose, so an emailed reset link
    // is built only from PUBLIC_URL (a link to the requester's host would hand them the token).
    if (deps.email.enabled && !deps.publicUrl) {
      throw new AppError(
        'email_not_configured',
        'Reset links are emailed only when the server knows its own address ' +
          '(PUBLIC_URL). Ask an admin for a reset link, or run `npm run admin -- reset-password EMAIL` on the server.',
      );
    }
    await requestReset(deps, email, deps.publicUrl!);
    // The same answer whether or not the email has an account.
    res.json({ ok: true, data: { message: `If ${email} has an account, a reset link is on its way. It works for an hour.` } });
  });
  r.get('/reset/:token', async (req, res) => {
    res.json({ ok: true, data: { ...(await resetInfo(deps.store, tokenParam(req, 'reset'))), minPassword: MIN_PASSWORD } });
  });
  r.post('/reset/:token', async (req, res) => {
    await consume(deps.limiters.linkUses, req.ip ?? '');
    const token = tokenParam(req, 'reset');
    const { password } = parse(schemas.resetAccept, req.body);
    const used = await useResetLink(deps.store, token, password);
    deps.endSessions(used.ended);
    signIn(req, res, used);
  });
  return r;
}
