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
import { launcherStrings } from './i18n/launcher-strings';
import { loadDictionary, pickLanguage } from './i18n/load';
import { createTranslate } from './i18n/t';

function boot(win: Window & EarshotWindow): void {
  // currentScript is only set while this script first runs.
  const config = readConfig(findScript(win.document));
  if (!config) return;
  // Calls made before <body> exists queue up like calls made before the script came.
  installStub(win);
  const lang = pickLanguage(config.locale ?? win.navigator.language);
  const launcher = launcherStrings[lang]!;
  const start = () => {
    if (win.Earshot?.real) return;
    const widget = createWidget({
      host: createHost(win.document, config.position, config.color),
      config,
      t: createTranslate(lang, launcher),
      async loadPanel() {
        const dict = loadDictionary(lang);
        // Awaited below; handled here too, so a failed panel download leaves no unhandled rejection on the page.
        dict.catch(() => {});
        // The panel chunk also serves the lazily loaded views; destructured here, the bundler reads
        // this one export directly instead of adding a namespace mapping to this file.
        const { mountPanel } = await import('./panel/mount');
        return { mount: mountPanel, t: createTranslate(lang, { ...launcher, ...(await dict) }) };
      },
    });
    installApi(win, widget.command);
  };
  if (win.document.body) start();
  else win.document.addEventListener('DOMContentLoaded', start, { once: true });
}

boot(window);
