import express, { type Response, type Router } from 'express';
import * as v from 'valibot';
import { exportHtml } from '../domain/export-html';
import { agentActor, eraseContact, exportContact, listAudit } from '../domain/privacy';
import { winBackList } from '../domain/winback';
import { assignWinBack, settleWinBack, winBackCallback, winBackEmail } from '../domain/winback-actions';
import type { AgentActionDeps } from '../domain/agent-actions';
import type { AgentRow } from '../store/types';
import { parse } from '../validation';
import { requireAgent } from './auth-routes';

const me = (res: Response) => res.locals.agent as AgentRow;
const idOf = (s: unknown) => parse(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id')), s);

const caseChange = v.strictObject({
  assignTo: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))),
  status: v.optional(v.picklist(['open', 'won', 'lost'], 'must be open, won or lost')),
});
const emailBody = v.strictObject({
  subject: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(200, 'must be at most 200 characters'),
  ),
  text: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(10_000, 'must be at most 10000 characters'),
  ),
});
const waitQuery = v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'must be whole minutes'));

/** The number of open Win back cases the nav shows; counted from the same list. */
export const openWinBackCount = async (deps: Pick<AgentActionDeps, 'store'>) => (await winBackList(deps.store)).length;

/**
 * The console's export, erase and audit log (admins), and the Win back list and its actions
 * (every agent), over the session cookie.
 */
export function privacyRoutes(deps: AgentActionDeps): Router {
  const r = express.Router();
  const { store } = deps;
  r.use(requireAgent(store));
  r.get('/contacts/:id/export', async (req, res) => {
    const x = await exportContact(store, idOf(req.params.id), agentActor(me(res)), me(res));
    if (req.query.format === 'html') {
      res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.type('html').send(exportHtml(x));
      return;
    }
    res.set('Content-Disposition', `attachment; filename="contact-${x.contact.id as string}.json"`);
    res.json(x);
  });
  r.delete('/contacts/:id', async (req, res) => {
    const end = (ids: string[]) => deps.live.disconnectVisitors(ids);
    res.json({ ok: true, data: await eraseContact(store, idOf(req.params.id), agentActor(me(res)), end, me(res)) });
  });
  r.get('/audit', async (_req, res) => {
    res.json({ ok: true, data: await listAudit(store, me(res)) });
  });
  r.get('/winback', async (req, res) => {
    const wait = req.query.wait === undefined ? 5 : Number(parse(waitQuery, req.query.wait));
    const [items, agents] = await Promise.all([winBackList(store, { chatWaitMs: wait * 60_000 }), store.listAgents()]);
    res.json({ ok: true, data: { items, agents: agents.map((a) => ({ id: a.id, name: a.name })) } });
  });
  r.get('/winback/count', async (_req, res) => {
    res.json({ ok: true, data: await openWinBackCount(deps) });
  });
  r.post('/winback/:id', async (req, res) => {
    const id = idOf(req.params.id);
    const change = parse(caseChange, req.body ?? {});
    let c = change.assignTo !== undefined ? await assignWinBack(store, id, change.assignTo) : null;
    if (change.status) c = await settleWinBack(store, id, change.status);
    res.json({ ok: true, data: c ?? (await store.getWinBackCase(id)) });
  });
  r.post('/winback/:id/callback', async (req, res) => {
    const c = await winBackCallback(store, me(res), idOf(req.params.id), 'Win back');
    await deps.live.callback(c.id);
    res.json({ ok: true, data: c });
  });
  r.post('/winback/:id/email', async (req, res) => {
    res.json({ ok: true, data: await winBackEmail(store, deps.email, me(res), idOf(req.params.id), parse(emailBody, req.body)) });
  });
  return r;
}
