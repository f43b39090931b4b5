import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CallbackScreen } from '../callbacks/callback-screen';
import { ContactsScreen } from '../contacts/contacts-screen';
import { FeedbackScreen } from '../feedback/feedback-screen';
import type { AgentClient } from '../net/agent-client';
import { closedSiteNotes } from '../format/site-hours';
import { bindDesktopAlerts, type DesktopAlerts } from '../net/desktop-alerts';
import { AccountScreen } from '../account/account-screen';
import type { TeamApi } from '../net/team-api';
import { SettingsScreen } from '../settings/settings-screen';
import { TeamScreen } from '../team/team-screen';
import { createWinBackApi, type WinBackApi } from '../net/winback-api';
import { WinBackScreen } from '../winback/winback-screen';
import { ContactPrivacy } from '../winback/privacy-actions';
import { callbackCounts } from '../state/callback-selectors';
import { newFeedbackCount } from '../state/feedback-selectors';
import type { ConsoleStore } from '../state/store';
import { liveAlerts, type LiveAlert } from './alert-entries';
import { LiveAlerts } from './live-alerts';
import { PresenceBar } from './presence-bar';
import { BASE, contactPath, routeFromPath } from './route';
import { SectionNav } from './section-nav';
import { TopBar } from './top-bar';
import { useConsoleState, useNow } from './use-store';
import { Workspace } from './workspace';

export interface ShellProps {
  store: ConsoleStore;
  client: AgentClient;
  desktopAlerts: DesktopAlerts;
  teamApi: TeamApi;
  winBackApi?: WinBackApi;
  onSignOut(): void;
}

const defaultWinBackApi = createWinBackApi();

const DISMISS = {
  callback: (id: string) => ({ type: 'callbacks/alert-dismissed', id }) as const,
  survey: (id: string) => ({ type: 'survey/alert-dismissed', conversationId: id }) as const,
  feedback: (id: string) => ({ type: 'feedback/alert-dismissed', id }) as const,
  mention: (messageId: string) => ({ type: 'mention/dismissed', messageId }) as const,
};

/** Connector of the signed-in frame: top bar, sections, alerts, and the section the URL names. */
export function Shell({ store, client, desktopAlerts, teamApi, winBackApi = defaultWinBackApi, onSignOut }: ShellProps) {
  const state = useConsoleState(store);
  const now = useNow(15_000);
  const [path, setPath] = useState(location.pathname);
  const [permission, setPermission] = useState(desktopAlerts.permission());
  const [away, setAway] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const lastConversations = useRef(BASE);
  const [winBack, setWinBack] = useState(0);
  const countWinBack = useCallback(() => void winBackApi.count().then((r) => r.ok && setWinBack(r.data)), [winBackApi]);
  const route = routeFromPath(path);
  // Alert lines carry phone numbers, so they are redrawn once the formatter is in.
  const { alerts: callbackAlerts, items: callbackItems } = state.callbacks;
  const { surveyAlerts, mentionAlerts } = state;
  const feedbackAlerts = state.feedback.alerts;
  const alerts = useMemo(
    () =>
      liveAlerts({
        callbacks: { alerts: callbackAlerts, items: callbackItems },
        surveyAlerts,
        feedback: { alerts: feedbackAlerts },
        mentionAlerts,
      }),
    [callbackAlerts, callbackItems, surveyAlerts, feedbackAlerts, mentionAlerts],
  );

  // Stable, so desktop notifications are bound once for the shell's life.
  const navigate = useCallback((href: string) => {
    // Coming back to Conversations lands on the conversation left open.
    if (routeFromPath(location.pathname).section === 'conversations') lastConversations.current = location.pathname;
    if (location.pathname !== href) history.pushState(null, '', href);
    setPath(href);
  }, []);
  const dismiss = useCallback((a: LiveAlert) => store.dispatch(DISMISS[a.kind](a.id)), [store]);
  const openAlert = useCallback(
    (a: LiveAlert) => {
      dismiss(a);
      navigate(a.href);
    },
    [dismiss, navigate],
  );
  const changeAway = async (next: boolean) => {
    setAway({ busy: true, error: null });
    const r = await client.presence.setAway(next);
    setAway({ busy: false, error: r.ok ? null : r.message });
  };

  useEffect(() => {
    const fromUrl = () => setPath(location.pathname);
    addEventListener('popstate', fromUrl);
    const unbind = bindDesktopAlerts(store, desktopAlerts, openAlert);
    return () => {
      removeEventListener('popstate', fromUrl);
      unbind();
    };
  }, [store, desktopAlerts, openAlert]);
  useEffect(() => {
    // The Win back count is read at start and every few minutes (it changes with time, not events alone).
    countWinBack();
    const recount = setInterval(countWinBack, 300_000);
    return () => clearInterval(recount);
  }, [countWinBack]);

  const presence = (
    <>
      <PresenceBar
        agents={state.presence}
        selfId={state.agent?.id ?? null}
        busy={away.busy}
        error={away.error}
        closedSites={closedSiteNotes(state.sites, state.siteHours)}
        onSetAway={(next) => void changeAway(next)}
      />
      {/* On the status row, so the sections keep the first row; the permission is asked from the click, as browsers require. */}
      {permission === 'default' && (
        <button type="button" class="btn btn-quiet btn-small" onClick={() => void desktopAlerts.request().then(setPermission)}>
          Enable desktop alerts
        </button>
      )}
    </>
  );
  return (
    <div class="app">
      <TopBar agent={state.agent} connection={state.connection} onSignOut={onSignOut} presence={presence} onNavigate={navigate}>
        <SectionNav
          section={route.section}
          conversationsHref={route.section === 'conversations' ? BASE : lastConversations.current}
          callbacks={callbackCounts(state.callbacks, now)}
          newFeedback={newFeedbackCount(state.feedback)}
          winBack={winBack}
          isAdmin={state.agent?.role === 'admin'}
          onNavigate={navigate}
        />
      </TopBar>
      <LiveAlerts alerts={alerts} onOpen={openAlert} onDismiss={dismiss} />
      {route.section === 'feedback' ? (
        <FeedbackScreen store={store} client={client} feedbackId={route.id} onNavigate={navigate} />
      ) : route.section === 'callbacks' ? (
        <CallbackScreen store={store} client={client} callbackId={route.id} onNavigate={navigate} />
      ) : route.section === 'contacts' ? (
        <ContactsScreen
          client={client}
          contactId={route.id}
          sites={state.sites}
          onNavigate={navigate}
          privacy={
            state.agent?.role === 'admin'
              ? (c) => (
                  <ContactPrivacy
                    api={winBackApi}
                    contactId={c.id}
                    who={c.name ?? c.email ?? 'this contact'}
                    onErased={() => {
                      countWinBack();
                      navigate(contactPath());
                    }}
                  />
                )
              : undefined
          }
        />
      ) : route.section === 'winback' ? (
        <WinBackScreen api={winBackApi} isAdmin={state.agent?.role === 'admin'} onChanged={countWinBack} />
      ) : route.section === 'team' ? (
        <TeamScreen api={teamApi} agent={state.agent} />
      ) : route.section === 'account' && state.agent ? (
        <AccountScreen
          api={teamApi}
          agent={state.agent}
          onAgentUpdated={(agent) => store.dispatch({ type: 'auth/agent-updated', agent })}
        />
      ) : route.section === 'settings' ? (
        <SettingsScreen store={store} client={client} />
      ) : (
        <Workspace store={store} client={client} conversationId={route.id} onNavigate={navigate} />
      )}
    </div>
  );
}
