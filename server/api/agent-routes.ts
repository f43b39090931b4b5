import * as v from 'valibot';
import type { AgentRow } from '../store/types';
import { decodeCursor, limitOf, pageOf } from './pagination';
import { answers, op, route, type ApiRoute } from './route';
import { time } from '../resources/schemas';
import { listOf, page } from './schemas';

/** An agent as the API shows it: no password, no sign-ins. */
export const agentSchema = v.object({
  id: v.string(),
  name: v.string(),
  email: v.string(),
  role: v.picklist(['admin', 'agent']),
  active: v.boolean(),
  away: v.boolean(),
  created_at: time,
});

/** An agent as the API shows it. */
export function agentResource(a: AgentRow): v.InferOutput<typeof agentSchema> {
  return { id: a.id, name: a.name, email: a.email, role: a.role, active: !a.deactivatedAt, away: a.away ?? false, created_at: a.createdAt };
}

const isIndexKey = (k: unknown): k is { n: number } =>
  typeof k === 'object' && k !== null && Number.isInteger((k as { n?: unknown }).n) && (k as { n: number }).n >= 0;

/** The team, read only, of /api/v1. */
export const AGENT_ROUTES: ApiRoute[] = [
  route({
    ...op('get', '/agents', 'listAgents', 'Agents'),
    summary: 'List agents, deactivated ones too, oldest first',
    query: v.strictObject({ ...page }),
    ...answers(200, listOf(agentSchema)),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      // A team is small: read whole, in the store's order; the cursor is the place in it.
      const from = decodeCursor(query.cursor, isIndexKey)?.n ?? 0;
      const agents = (await deps.store.listAllAgents()).map((a, n) => ({ a, n })).slice(from, from + limit + 1);
      return pageOf(
        agents,
        limit,
        ({ n }) => ({ n: n + 1 }),
        ({ a }) => agentResource(a),
      );
    },
  }),
];
