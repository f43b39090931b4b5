import type { ComponentChildren } from 'preact';
import type { Agent } from '../../protocol/types';
import type { ConnectionStatus } from '../state/types';

export interface TopBarProps {
  agent: Agent | null;
  connection: ConnectionStatus;
  onSignOut(): void;
  /** The agent's availability and who else is online. */
  presence?: ComponentChildren;
  /** The section navigation. */
  children?: ComponentChildren;
}

const CONNECTION: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Connected',
  offline: 'Reconnecting… messages you send will wait or fail with Retry.',
};

/** Brand, sections, connection state, availability, who is signed in, and Sign out. */
export function TopBar({ agent, connection, onSignOut, presence, children }: TopBarProps) {
  return (
    <header class="topbar">
      <h1 class="brand">Earshot</h1>
      {children}
      <div class="status-strip">
        <p class={`connection is-${connection}`} role="status">{CONNECTION[connection]}</p>
        {presence}
      </div>
      <div class="me">
        {agent && <span class="me-name" title={agent.email}>{agent.name}</span>}
        <button type="button" class="btn btn-quiet" onClick={onSignOut}>Sign out</button>
      </div>
    </header>
  );
}
