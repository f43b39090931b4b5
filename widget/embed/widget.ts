import type { Message, SiteStatus } from '../../protocol/types';
import type { Translate } from '../i18n/t';
import { createLauncher } from '../launcher/launcher';
import { showLoadFailure } from '../launcher/load-failure';
import type { Identity } from '../net/client';
import type { MountPanel, PanelController } from '../panel/contract';
import { createEvents } from './api';
import type { Host } from './host';
import { hasSavedChat, storageKey } from './saved-chat';
import type { EmbedConfig } from './script-config';

export interface WidgetOptions {
  host: Host;
  config: EmbedConfig;
  /** The launcher's strings. */
  t: Translate;
  /** The visitor's languages, first choice first: the status answer brings the launcher's words in the first the relay speaks. */
  languages: readonly (string | undefined)[];
  /** The table behind `t`, which the status answer's `strings` fill in. */
  strings: Record<string, string>;
  /** Imports the panel chunk and the full dictionary. */
  loadPanel: () => Promise<{ mount: MountPanel; t: Translate }>;
}

/** The loader's controller: launcher, open state, the public commands, and when to load the panel. */
export function createWidget(o: WidgetOptions) {
  const { host, config } = o;
  const key = storageKey(config.siteId);
  const events = createEvents();
  let open = false;
  let focusOnLoad = false;
  let identity: Identity | null = null;
  let panel: PanelController | null = null;
  let loading: Promise<void> | null = null;
  let failure: HTMLElement | undefined;

  const launcher = createLauncher(host.root, host.adoptStyles, o.t, () => setOpen(!open, true));
  // The one request before the visitor does anything: who is there, for the launcher to say.
  // Cookieless from any other origin (fetch sends credentials only to its own) and cacheable,
  // it tells the relay nothing it could keep.
  // An error answer has no `data`: unknown, like a failed request.
  const status = fetch(`${config.relay}/api/sites/${config.siteId}/status?lang=${o.languages.join(',')}`)
    .then((r) => r.json())
    .then((r: { data?: SiteStatus & { strings?: Record<string, string> } }) => (Object.assign(o.strings, r.data?.strings), r.data))
    .catch(() => {});
  void status.then(launcher.setStatus);
  // Not English: until the answer comes (a few ms), the launcher's name and tooltip are English;
  // it is an icon, so nothing visible changes.

  function loadPanel(): Promise<void> {
    loading ??= o.loadPanel().then(
      ({ mount, t }) => {
        panel = mount({
          // The host's root and adoptStyles, the config's relay, siteId and color; the panel ignores the rest.
          ...host,
          ...config,
          storageKey: key,
          t,
          identity,
          launcher,
          onUnread: (count) => events.emit('unread', count),
          onMessage: (m: Message) => events.emit('message', m),
          onClose: () => setOpen(false, true),
          status,
          onStatus: launcher.setStatus,
        });
        identity = null;
        panel.setOpen(open, open && focusOnLoad);
      },
      (err: unknown) => {
        // A failed download may work on the next try: Retry, or the next open.
        loading = null;
        // In production too: else a site owner sees a launcher that opens nothing, and no reason.
        console.error('Earshot: could not load the chat panel.', err);
        // Retry takes its own button away: focus waits on the launcher, not on the page.
        if (open) {
          failure = showLoadFailure(host.root, o.t, () => {
            launcher.el.focus();
            void loadPanel();
          });
        }
      },
    );
    return loading;
  }

  /** `byVisitor`: a click or key press, which may move focus; page calls never do. */
  function setOpen(next: boolean, byVisitor: boolean) {
    if (next === open) return;
    open = next;
    launcher.setOpen(open);
    if (open) {
      focusOnLoad = byVisitor;
      if (panel) panel.setOpen(true, byVisitor);
      else void loadPanel();
    } else {
      // Hiding the element that has focus would drop focus to the page; keep it on the launcher.
      if (byVisitor || host.root.activeElement) launcher.el.focus();
      panel?.setOpen(false, false);
      failure?.remove();
    }
    events.emit(open ? 'open' : 'close');
  }

  host.root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && open) setOpen(false, true);
  });

  // A visitor who already chatted here gets their unread badge at once, without opening anything.
  if (hasSavedChat(key)) void loadPanel();

  return {
    /** Runs one public API call. */
    command(name: string, args: unknown[]) {
      if (name === 'open') setOpen(true, false);
      else if (name === 'close') setOpen(false, false);
      else if (name === 'toggle') setOpen(!open, false);
      else if (name === 'on') events.on(String(args[0]), args[1]);
      else if (name === 'off') events.off(String(args[0]), args[1]);
      else if (name === 'identify') {
        // Checked by the panel; before it runs, kept, as identifying alone opens no socket.
        if (panel) panel.identify(args[0] as Identity);
        else identity = args[0] as Identity;
      } else if (import.meta.env.DEV) console.warn(`Earshot: unknown command "${name}"`);
    },
  };
}
