import type { AgentPresence } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import { request, type AgentSocket, type Result } from './agent-socket';
import { listen } from './listen';

/** The agent's own availability and who else is there. */
export interface PresenceCommands {
  /** Away agents do not count as available, so the widget stops promising a quick answer. */
  setAway(away: boolean): Promise<Result<AgentPresence[]>>;
  /** Detaches the listeners. */
  close(): void;
}

/** Asks who is online at every (re)connect and follows the `presence` push. */
export function createPresence(socket: AgentSocket, store: ConsoleStore): PresenceCommands {
  const onPresence = (agents: AgentPresence[]) => store.dispatch({ type: 'presence', agents });
  const onConnect = async () => {
    const r = await request(socket, 'agent:presence', {});
    if (r.ok) onPresence(r.data);
  };
  const unlisten = listen(socket, { connect: () => void onConnect(), presence: onPresence });
  return {
    async setAway(away) {
      const r = await request(socket, 'agent:setAway', { away });
      if (r.ok) onPresence(r.data);
      return r;
    },
    close: unlisten,
  };
}
