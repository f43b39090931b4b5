import type { ComponentChildren } from 'preact';
import type { Agent } from '../../protocol/types';
import type { ConnectionStatus } from '../state/types';
import { ACCOUNT_PATH } from './route';
import { inApp } from './in-app';

export interface TopBarProps {
  agent: Agent | null;
  connection: ConnectionStatus;
  onSignOut(): void;
  /** The agent's availability and who else is online. */
  presence?: ComponentChildren;
  /** The section navigation. */
  children?: ComponentChildren;
  /** Follows the agent's name to their account page. */
  onNavigate?(href: string): void;
}

const CONNECTION: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Connected',
  offline: 'Reconnecting… messages you send will wait or fail with Retry.',
};

/** Brand, sections, connection state, availability, who is signed in, and Sign out. */
export function TopBar({ agent, connection, onSignOut, presence, children, onNavigate }: TopBarProps) {
  return (
    <header class="topbar">
      <h1 class="brand">Earshot</h1>
      {children}
      <div class="status-strip">
        <p class={`connection is-${connection}`} role="status">
          {CONNECTION[connection]}
        </p>
        {presence}
      </div>
      <div class="me">
        {agent && (
          <a class="me-name" href={ACCOUNT_PATH} title={agent.email} onClick={onNavigate && inApp(() => onNavigate(ACCOUNT_PATH))}>
            {agent.name}
            <span class="sr-only"> (your account)</span>
          </a>
        )}
        <button type="button" class="btn btn-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
