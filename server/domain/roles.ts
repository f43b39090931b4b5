import type { AgentRow } from '../store/types';
import { AppError } from '../errors';

/**
 * The one check for admin-only actions (sites, team, settings), for REST and sockets alike:
 * throws `forbidden` saying what only admins may do.
 */
export function requireAdmin(agent: Pick<AgentRow, 'role'>, what = 'do this'): void {
  if (agent.role !== 'admin') throw new AppError('forbidden', `Only admins can ${what}.`);
}
