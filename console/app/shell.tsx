import { useEffect, useRef, useState } from 'preact/hooks';
import { FeedbackAlerts } from '../feedback/feedback-alerts';
import { FeedbackScreen } from '../feedback/feedback-screen';
import type { AgentClient } from '../net/agent-client';
import { bindDesktopAlerts, type DesktopAlerts } from '../net/desktop-alerts';
import { newFeedbackCount } from '../state/feedback-selectors';
import type { ConsoleStore } from '../state/store';
import { BASE, feedbackPath, routeFromPath } from './route';
import { SectionNav } from './section-nav';
import { TopBar } from './top-bar';
import { useConsoleState } from './use-store';
import { Workspace } from './workspace';

export interface ShellProps {
  store: ConsoleStore;
  client: AgentClient;
  desktopAlerts: DesktopAlerts;
  onSignOut(): void;
}

/** Connector of the signed-in frame: top bar, sections, alerts, and the section the URL names. */
export function Shell({ store, client, desktopAlerts, onSignOut }: ShellProps) {
  const state = useConsoleState(store);
  const [path, setPath] = useState(location.pathname);
  const [permission, setPermission] = useState(desktopAlerts.permission());
  const lastConversations = useRef(BASE);
  const route = routeFromPath(path);

  const navigate = (href: string) => {
    // Coming back to Conversations lands on the conversation left open.
    if (routeFromPath(location.pathname).section === 'conversations') lastConversations.current = location.pathname;
    if (location.pathname !== href) history.pushState(null, '', href);
    setPath(href);
  };
  const openFeedback = (id: string) => {
    store.dispatch({ type: 'feedback/alert-dismissed', id });
    navigate(feedbackPath(id));
  };

  useEffect(() => {
    const fromUrl = () => setPath(location.pathname);
    addEventListener('popstate', fromUrl);
    const unbind = bindDesktopAlerts(store, desktopAlerts, openFeedback);
    return () => {
      removeEventListener('popstate', fromUrl);
      unbind();
    };
  }, []);

  return (
    <div class="app">
      <TopBar agent={state.agent} connection={state.connection} onSignOut={onSignOut}>
        <SectionNav
          section={route.section}
          conversationsHref={route.section === 'conversations' ? BASE : lastConversations.current}
          newFeedback={newFeedbackCount(state.feedback)}
          desktopAlerts={permission}
          onNavigate={navigate}
          onEnableDesktopAlerts={() => void desktopAlerts.request().then(setPermission)}
        />
      </TopBar>
      <FeedbackAlerts
        alerts={state.feedback.alerts}
        onOpen={openFeedback}
        onDismiss={(id) => store.dispatch({ type: 'feedback/alert-dismissed', id })}
      />
      {route.section === 'feedback' ? (
        <FeedbackScreen store={store} client={client} feedbackId={route.id} onNavigate={navigate} />
      ) : (
        <Workspace store={store} client={client} conversationId={route.id} onNavigate={navigate} />
      )}
    </div>
  );
}
