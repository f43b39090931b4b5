/**
 * earshot.js: the only script a site embeds. Reads its attributes, replays the stub's
 * queue, and draws the launcher. No Preact, no socket and no other download here: the
 * panel chunk and its dictionary load on first open, or at once for a visitor who
 * already has a conversation.
 */
import { installApi, installStub, type EarshotWindow } from './embed/api';
import { createHost } from './embed/host';
import { findScript, readConfig } from './embed/script-config';
import { createWidget } from './embed/widget';
import { launcherEn } from './i18n/launcher-strings';
import type { Translate } from './i18n/t';

function boot(win: Window & EarshotWindow): void {
  // currentScript is only set while this script first runs.
  const script = findScript(win.document);
  const config = readConfig(script);
  if (!config) return;
  // Calls made before <body> exists queue up like calls made before the script came.
  installStub(win);
  // The panel and the relay each pick the first they speak (`pickLanguage`), so the loader
  // carries no list of languages.
  const languages = [config.locale, ...win.navigator.languages];
  // English until the status answer brings the launcher's words (see `createWidget`).
  const strings: Record<string, string> = { ...launcherEn };
  // Plain look-ups until the panel brings the full `t` (plurals, placeholders): only the panel
  // ever gives the launcher a count to say.
  let full: Translate | undefined;
  const t: Translate = (key, vars) => (full ? full(key, vars) : strings[key] || key);
  const start = () => {
    if (win.Earshot?.real) return;
    const widget = createWidget({
      host: createHost(win.document, config.position, config.color),
      config,
      languages,
      strings,
      t,
      async loadPanel() {
        // By absolute URL: a classic script from another origin resolves a relative one against about:blank.
        const panel = (await import(
          /* @vite-ignore */ new URL(import.meta.env.EARSHOT_PANEL, script!.src).href
        )) as typeof import('./panel/mount');
        return { mount: panel.mountPanel, t: (full = await panel.loadTranslate(languages, strings)) };
      },
    });
    installApi(win, widget.command);
  };
  if (win.document.body) start();
  else win.document.addEventListener('DOMContentLoaded', start);
}

boot(window);
