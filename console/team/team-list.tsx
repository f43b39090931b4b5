import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamMember } from '../../protocol/types';
import type { Role } from '../net/team-api';

export interface TeamListProps {
  agents: TeamMember[];
  selfId: string | null;
  busy: boolean;
  onRole(agent: TeamMember, role: Role): void;
  onActive(agent: TeamMember, active: boolean): void;
  onResetLink(agent: TeamMember): void;
}

/** Everyone on the team: name, email, role, whether active; role changes, (de)activation with a confirmation, reset links. */
export function TeamList({ agents, selfId, busy, onRole, onActive, onResetLink }: TeamListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  // The question replaces the Deactivate button that had focus (and Cancel brings it back): focus
  // follows, or it would drop to the page.
  const last = useRef<string | null>(null);
  useEffect(() => {
    const id = confirming ?? last.current;
    last.current = confirming;
    if (!id) return;
    const target = confirming ? '[data-confirm-cancel]' : `[data-deactivate="${CSS.escape(id)}"]`;
    table.current?.querySelector<HTMLElement>(target)?.focus();
  }, [confirming]);
  return (
    <section class="team-section" aria-labelledby="team-members-title">
      <h3 id="team-members-title">Agents</h3>
      <table class="team-table" ref={table}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => {
            const self = a.id === selfId;
            return (
              <tr key={a.id} class={a.active ? undefined : 'is-inactive'}>
                <th scope="row">
                  {a.name}
                  {self && <span class="team-you"> (you)</span>}
                </th>
                <td class="team-email">{a.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${a.name}`}
                    value={a.role}
                    disabled={busy}
                    onChange={(e) => onRole(a, e.currentTarget.value as Role)}
                  >
                    <option value="agent">Agent</option>
                    <option value="admin">Admin</option>
                  </select>
                </td>
                <td>{a.active ? 'Active' : 'Deactivated'}</td>
                <td class="team-actions">
                  {confirming === a.id ? (
                    <span role="group" aria-label={`Confirm deactivating ${a.name}`} class="team-confirm">
                      <span>Deactivate {a.name}? Their open consoles sign out at once.</span>
                      <button
                        type="button"
                        class="btn btn-small btn-danger"
                        disabled={busy}
                        onClick={() => (setConfirming(null), onActive(a, false))}
                      >
                        Deactivate
                      </button>
                      <button type="button" class="btn btn-small" data-confirm-cancel onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <>
                      {a.active && (
                        <button
                          type="button"
                          class="btn btn-small"
                          disabled={busy}
                          aria-label={`Reset link for ${a.name}`}
                          onClick={() => onResetLink(a)}
                        >
                          Reset link
                        </button>
                      )}
                      {a.active && !self && (
                        <button
                          type="button"
                          class="btn btn-small"
                          disabled={busy}
                          aria-label={`Deactivate ${a.name}`}
                          data-deactivate={a.id}
                          onClick={() => setConfirming(a.id)}
                        >
                          Deactivate
                        </button>
                      )}
                      {!a.active && (
                        <button
                          type="button"
                          class="btn btn-small"
                          disabled={busy}
                          aria-label={`Reactivate ${a.name}`}
                          onClick={() => onActive(a, true)}
                        >
                          Reactivate
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
