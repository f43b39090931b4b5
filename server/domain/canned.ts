import { nanoid } from 'nanoid';
import type { CannedReply } from '../../protocol/types';
import { AppError } from '../errors';
import type { AgentRow, Store } from '../store/types';
import { requireAdmin } from './roles';

/** A reply this agent may change: their own, or (admins only) a shared one; anyone else's looks missing. */
async function ownReply(store: Store, agent: AgentRow, id: string): Promise<CannedReply> {
  const r = await store.getCannedReply(id);
  if (!r || (r.agentId !== null && r.agentId !== agent.id)) throw new AppError('not_found', 'No such canned reply.');
  if (r.agentId === null) requireAdmin(agent, 'change shared canned replies');
  return r;
}

/**
 * Adds a canned reply (`id` absent), shared with the team (admins only) or the agent's own, or changes one.
 * A shortcut another reply of the same owner has is refused with `shortcut_taken`.
 */
export async function saveCanned(
  store: Store,
  agent: AgentRow,
  p: { id?: string; shortcut: string; text: string; shared?: boolean },
): Promise<CannedReply> {
  const now = new Date().toISOString();
  const before = p.id ? await ownReply(store, agent, p.id) : null;
  if (!before && p.shared) requireAdmin(agent, 'add shared canned replies');
  const saved = await store.saveCannedReply({
    id: before?.id ?? nanoid(),
    agentId: before ? before.agentId : p.shared ? null : agent.id,
    shortcut: p.shortcut,
    text: p.text,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  });
  if (saved === 'shortcut_taken') {
    const whose = (before ? before.agentId === null : p.shared) ? 'Another shared reply' : 'Another of your replies';
    throw new AppError('shortcut_taken', `${whose} already has the shortcut /${p.shortcut}.`, 'shortcut');
  }
  return saved;
}

/** Deletes a canned reply the agent may change. */
export async function deleteCanned(store: Store, agent: AgentRow, id: string): Promise<null> {
  await ownReply(store, agent, id);
  await store.deleteCannedReply(id);
  return null;
}
