import type { WinBackApi } from '../net/winback-api';
import { useEffect, useState } from 'preact/hooks';
import { ForgotForm } from '../auth/forgot-form';
import { LinkPage } from '../auth/link-page';
import { SignInForm } from '../auth/sign-in-form';
import { createAgentClient, type AgentClient } from '../net/agent-client';
import type { AgentSocket } from '../net/agent-socket';
import { browserDesktopAlerts, type DesktopAlerts } from '../net/desktop-alerts';
import type { PageSignals } from '../net/page';
import type { AuthApi } from '../net/rest';
import { createTeamApi, type TeamApi } from '../net/team-api';
import type { ConsoleStore } from '../state/store';
import { BASE, linkFromPath } from './route';
import { Shell } from './shell';
import { useConsoleState } from './use-store';

export interface AppProps {
  store: ConsoleStore;
  api: AuthApi;
  /** Opens a not yet connected agent socket. */
  connect(): AgentSocket;
  page: PageSignals;
  /** Desktop notifications; the browser's by default. */
  desktopAlerts?: DesktopAlerts;
  /** Team, account and one-time link calls; over fetch by default. */
  teamApi?: TeamApi;
  /** Win back, export and erase calls; over fetch by default. */
  winBackApi?: WinBackApi;
}

const defaultTeamApi = createTeamApi();

/** Root connector: asks who is signed in, then shows sign-in or the workspace. */
export function App({ store, api, connect, page, desktopAlerts: givenAlerts, teamApi = defaultTeamApi, winBackApi }: AppProps) {
  // Made once: the shell binds notifications to it for as long as it is mounted.
  const [desktopAlerts] = useState(() => givenAlerts ?? browserDesktopAlerts());
  const state = useConsoleState(store);
  const [signIn, setSignIn] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [client, setClient] = useState<AgentClient | null>(null);
  // Invitation and reset links open their own page, signed in or not.
  const [link, setLink] = useState(() => linkFromPath(location.pathname));
  const [forgot, setForgot] = useState(false);

  useEffect(() => {
    void api.me().then((r) => {
      store.dispatch({ type: 'auth/checked', agent: r.ok ? r.data : null });
      if (!r.ok && r.code !== 'unauthorized') setSignIn({ busy: false, error: r.message });
    });
  }, [api, store]);

  const agentId = state.agent?.id;
  useEffect(() => {
    if (!agentId) return;
    const c = createAgentClient(connect(), store, {
      page,
      onUnauthorized: (message) => store.dispatch({ type: 'auth/signed-out', notice: message }),
    });
    setClient(c);
    return () => {
      c.close();
      setClient(null);
    };
  }, [agentId, connect, page, store]);

  const submit = async (email: string, password: string) => {
    setSignIn({ busy: true, error: null });
    const r = await api.login(email, password);
    setSignIn({ busy: false, error: r.ok ? null : r.message });
    if (r.ok) store.dispatch({ type: 'auth/signed-in', agent: r.data });
  };

  const signOut = async () => {
    await api.logout();
    store.dispatch({ type: 'auth/signed-out' });
    history.replaceState(null, '', BASE);
  };

  const leaveLink = () => {
    setLink(null);
    history.replaceState(null, '', BASE);
  };
  if (link) {
    return (
      <LinkPage
        kind={link.kind}
        token={link.token}
        api={teamApi}
        onSignedIn={(agent) => (leaveLink(), store.dispatch({ type: 'auth/signed-in', agent }))}
        onSignIn={leaveLink}
      />
    );
  }
  if (state.auth === 'checking')
    return (
      <p class="splash" role="status">
        Loading…
      </p>
    );
  if (state.auth === 'signed-out' || !client) {
    if (state.auth === 'signed-in')
      return (
        <p class="splash" role="status">
          Connecting…
        </p>
      );
    if (forgot) return <ForgotForm api={teamApi} onBack={() => setForgot(false)} />;
    return (
      <SignInForm
        busy={signIn.busy}
        error={signIn.error}
        notice={state.notice}
        onSubmit={(e, p) => void submit(e, p)}
        onForgot={() => setForgot(true)}
      />
    );
  }
  return <Shell {...{ store, client, desktopAlerts, teamApi, winBackApi }} onSignOut={() => void signOut()} />;
}
