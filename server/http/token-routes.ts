import express, { type Response, type Router } from 'express';
import * as v from 'valibot';
import { createApiToken, listApiTokens, revokeApiToken } from '../domain/api/tokens';
import { requireAgent } from './auth-routes';
import type { AgentRow, Store } from '../store/types';
import { parse } from '../validation';

/** What an admin gives a new token. */
export const tokenCreate = v.strictObject({
  name: v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(80, 'must be at most 80 characters')),
  scopes: v.pipe(v.array(v.picklist(['read', 'write'], 'must be read or write')), v.minLength(1, 'needs read, write or both')),
});

const me = (res: Response) => res.locals.agent as AgentRow;

/** The console's Settings → API calls (signed-in admins; the domain checks the role): create, list, revoke. */
export function tokenRoutes(store: Store): Router {
  const r = express.Router();
  r.use(requireAgent(store));
  r.get('/', async (_req, res) => {
    res.json({ ok: true, data: await listApiTokens(store, me(res)) });
  });
  r.post('/', async (req, res) => {
    res.json({ ok: true, data: await createApiToken(store, me(res), parse(tokenCreate, req.body)) });
  });
  r.delete('/:id', async (req, res) => {
    res.json({ ok: true, data: await revokeApiToken(store, me(res), String(req.params.id)) });
  });
  return r;
}
