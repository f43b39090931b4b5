import type { AgentRow } from '../store/types';

/**
 * The agents a note mentions: `@` and an agent's display name (any case), not followed by a letter or
 * digit, so "@Ann" does not mention "Anna". The writer is never told of their own note.
 */
export function mentionedAgents(text: string, agents: AgentRow[], writerId: string): AgentRow[] {
  const lower = text.toLocaleLowerCase();
  return agents.filter((a) => {
    if (a.id === writerId || !a.name) return false;
    const needle = `@${a.name.toLocaleLowerCase()}`;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const next = lower.slice(at + needle.length, at + needle.length + 1);
      if (!/[\p{L}\p{N}]/u.test(next)) return true;
    }
    return false;
  });
}
