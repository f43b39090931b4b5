import type { SiteStatus } from '../../protocol/types';
import { launcherEn } from '../i18n/launcher-strings';
import type { Translate } from '../i18n/t';
import { createLauncher } from '../launcher/launcher';
import { showLoadFailure } from '../launcher/load-failure';
import type { Identity } from '../net/client';
import type { PanelController, PanelStart } from '../panel/contract';
import { createEvents } from './api';
import type { Host } from './host';
import { hasSavedChat } from './saved-chat';
import type { EmbedConfig } from './script-config';

/** What the panel chunk (`panel/mount.tsx`) gives the loader. */
export interface PanelModule {
  startPanel(host: PanelStart): Promise<PanelController>;
}

/**
 * The loader's controller: launcher, open state, the public commands, and when to load the panel
 * (`importPanel`, on first open, or at once for a visitor who already has a conversation).
 */
export function createWidget(host: Host, config: EmbedConfig, importPanel: () => Promise<PanelModule>) {
  // Where the panel keeps this site's token and outbox in localStorage.
  const key = `earshot:${config.siteId}`;
  // The panel and the relay each pick the first they speak (`pickLanguage`), so the loader
  // carries no list of languages.
  const languages = [config.locale, ...navigator.languages];
  // English until the status answer brings the launcher's words.
  const strings: Record<string, string> = { ...launcherEn };
  // Plain look-ups: the launcher's words have no plurals or placeholders (the panel's unread
  // count has, and the panel says it). The panel's dictionary joins this table, in the same language.
  const t: Translate = (name) => strings[name] || name;
  const events = createEvents();
  let open = false;
  let focusOnLoad = false;
  let identity: Identity | undefined;
  let panel: PanelController | undefined;
  /** The panel's download; `false` after one failed, so the next open or Retry tries again. */
  let loading: Promise<void> | false | undefined;
  let failure: HTMLElement | undefined;

  const launcher = createLauncher(host.root, t, () => setOpen(!open, true));
  // The one request before the visitor does anything: who is there, for the launcher to say.
  // Cookieless from any other origin (fetch sends credentials only to its own) and cacheable,
  // it tells the relay nothing it could keep.
  // An error answer has no `data`: unknown, like a failed request. The languages go comma-separated.
  const status = fetch(`${config.relay}/api/sites/${config.siteId}/status?lang=${languages.join()}`)
    .then((r) => r.json())
    .then((r: { data?: SiteStatus & { strings?: Record<string, string> } }) => (Object.assign(strings, r.data?.strings), r.data))
    .catch(() => {});
  void status.then(launcher.setStatus);
  // Not English: until the answer comes (a few ms), the launcher's name and tooltip are English;
  // it is an icon, so nothing visible changes.

  function loadPanel(): Promise<void> {
    loading ||= importPanel()
      .then((p) =>
        p.startPanel({
          // The host's root and adoptStyles, the config's relay, siteId and color; the panel ignores the rest.
          ...host,
          ...config,
          storageKey: key,
          languages,
          strings,
          launcher,
          emit: events.emit,
          onClose: () => setOpen(false, true),
          status,
        }),
      )
      .then(
        (started) => {
          panel = started;
          // Kept from before the panel ran (the latest, as each call replaces the one before; later ones go straight to the panel).
          if (identity) panel.identify(identity);
          panel.setOpen(open, open && focusOnLoad);
        },
        (err: unknown) => {
          // A failed download may work on the next try: Retry, or the next open.
          loading = false;
          // In production too: else a site owner sees a launcher that opens nothing, and no reason.
          console.error('Earshot: could not load the chat panel.', err);
          // Retry takes its own button away: focus waits on the launcher, not on the page.
          if (open) {
            failure = showLoadFailure(host.root, t, () => {
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
    // Closed already, `setOpen` changes nothing.
    if ((e as KeyboardEvent).key === 'Escape') setOpen(false, true);
  });

  // A visitor who already chatted here gets their unread badge at once, without opening anything.
  if (hasSavedChat(key)) void loadPanel();
  // A resume link from an email was opened: the visitor asked for their conversation.
  if (/[#&]earshot-resume=/.test(location.hash)) setOpen(true, false);

  return {
    /** Runs one public API call. */
    command(name: string, args: unknown[]) {
      if (name === 'open') setOpen(true, false);
      else if (name === 'close') setOpen(false, false);
      else if (name === 'toggle') setOpen(!open, false);
      // A name that is not a string matches no event.
      else if (name === 'on') events.on(args[0] as string, args[1]);
      else if (name === 'off') events.off(args[0] as string, args[1]);
      else if (name === 'identify') {
        // Checked by the panel; before it runs, kept, as identifying alone opens no socket.
        // (Assigned first: `?.` would skip evaluating its argument.)
        identity = args[0] as Identity;
        panel?.identify(identity);
      } else if (import.meta.env.DEV) console.warn(`Earshot: unknown command "${name}"`);
    },
  };
}
