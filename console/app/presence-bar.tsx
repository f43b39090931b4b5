import type { AgentPresence } from '../../protocol/types';

export interface PresenceBarProps {
  /** Every agent; null until the server said. */
  agents: AgentPresence[] | null;
  selfId: string | null;
  busy: boolean;
  /** The server's message when the last change was refused. */
  error: string | null;
  /** "Demo shop is closed by its opening hours (opens 08:00 Tue)", one per site closed now. */
  closedSites?: { siteId: string; text: string }[];
  onSetAway(away: boolean): void;
}

/** The agent's own availability with the switch, and who else is online. */
export function PresenceBar({ agents, selfId, busy, error, closedSites = [], onSetAway }: PresenceBarProps) {
  const self = agents?.find((a) => a.id === selfId);
  const away = self?.away ?? false;
  const others = (agents ?? []).filter((a) => a.id !== selfId && a.online);
  return (
    <div class="presence-bar">
      <span class={`presence ${away ? 'is-away' : 'is-online'}`}>{away ? 'You are away' : 'You are online'}</span>
      <button type="button" class="btn btn-small" disabled={busy || !agents} onClick={() => onSetAway(!away)}>
        {away ? 'Set online' : 'Set away'}
      </button>
      {error && (
        <span class="conv-error" role="alert">
          {error}
        </span>
      )}
      {/* Online, yet visitors see the site as away: say why, where the agent looks for it. */}
      <span class="site-closed" role="status">
        {closedSites.map((c) => (
          <span key={c.siteId} class="site-closed-note">
            {c.text}
          </span>
        ))}
      </span>
      {agents && (
        <span class="team" role="group" aria-label="Other agents">
          {others.length === 0 ? (
            <span class="muted">Nobody else online</span>
          ) : (
            <>
              <span class="muted">Also here:</span>{' '}
              {others.map((a, i) => (
                <span key={a.id} class={`team-member${a.away ? ' is-away' : ''}`}>
                  {a.name}
                  {a.away ? ' (away)' : ''}
                  {i < others.length - 1 ? ', ' : ''}
                </span>
              ))}
            </>
          )}
        </span>
      )}
    </div>
  );
}
