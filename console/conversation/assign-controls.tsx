import { useEffect, useState } from 'preact/hooks';
import type { AgentPresence, ConversationSummary } from '../../protocol/types';

/** What an assignment asked of the server answered: ok, or the server's message (such as who has the chat). */
export type AssignAnswer = { ok: true } | { ok: false; message: string };

export interface AssignControlsProps {
  conversation: ConversationSummary;
  /** The signed-in agent's id. */
  me: string;
  /** Every agent, from presence; null until known. */
  agents: AgentPresence[] | null;
  onAssign(agentId: string | null, from: string | null, note?: string): Promise<AssignAnswer>;
}

const state = (a: AgentPresence) => (!a.online ? ' (offline)' : a.away ? ' (away)' : '');

/**
 * Who has the chat, "Assign to me" (or take over), and a transfer to another agent with a note the
 * new agent reads here. A refusal (someone was faster) says who has it.
 */
export function AssignControls({ conversation, me, agents, onAssign }: AssignControlsProps) {
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [conversation.id]);
  const holder = conversation.assignee;
  const others = (agents ?? []).filter((a) => a.id !== holder?.id);
  const run = async (agentId: string | null, text?: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await onAssign(agentId, holder?.id ?? null, text);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setNote('');
    setTo('');
  };
  return (
    <section class="assign" aria-label="Assignment">
      <p class="assign-who" aria-live="polite">
        {holder ? (holder.id === me ? 'Assigned to you' : `Assigned to ${holder.name}`) : 'Unassigned'}
      </p>
      {holder?.id !== me && (
        // Keyed apart: a click landing as another agent's claim arrives must not become a take-over.
        <button key={holder ? 'take-over' : 'claim'} type="button" class="btn" aria-disabled={busy} onClick={() => void run(me)}>
          {holder ? `Take over from ${holder.name}` : 'Assign to me'}
        </button>
      )}
      <form
        class="assign-transfer"
        onSubmit={(e) => {
          e.preventDefault();
          if (to) void run(to, note.trim() || undefined);
        }}
      >
        <label>
          Transfer to{' '}
          <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">Choose an agent</option>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name + state(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note for them <input type="text" value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn" aria-disabled={busy || !to}>
          Transfer
        </button>
      </form>
      {error && (
        <p class="assign-error" role="alert">
          {error}
        </p>
      )}
      {conversation.handoff && holder && (
        <p class="assign-note">
          <strong>Note from {conversation.handoff.byName}:</strong> {conversation.handoff.note}
        </p>
      )}
    </section>
  );
}
