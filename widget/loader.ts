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
import { pickLanguage } from './i18n/languages';
import { createTranslate } from './i18n/t';

function boot(win: Window & EarshotWindow): void {
  // currentScript is only set while this script first runs.
  const config = readConfig(findScript(win.document));
  if (!config) return;
  // Calls made before <body> exists queue up like calls made before the script came.
  installStub(win);
  const lang = pickLanguage([config.locale, ...win.navigator.languages]);
  // English until the status answer brings the launcher's words in `lang` (see `createWidget`).
  const strings: Record<string, string> = { ...launcherEn };
  const start = () => {
    if (win.Earshot?.real) return;
    const widget = createWidget({
      host: createHost(win.document, config.position, config.color),
      config,
      lang,
      strings,
      t: createTranslate(lang, strings),
      async loadPanel() {
        // The panel chunk lists the dictionaries, so the loader carries no chunk names for them;
        // the dictionary (about 1 KB) follows the panel on first open. Into the same table, not a
        // copy: a returning visitor's panel loads at once, often before the status answer brings
        // the launcher's words in `lang` (such as the unread count), which must reach it too.
        const { mountPanel, loadDictionary } = await import('./panel/mount');
        return { mount: mountPanel, t: createTranslate(lang, Object.assign(strings, await loadDictionary(lang))) };
      },
    });
    installApi(win, widget.command);
  };
  if (win.document.body) start();
  else win.document.addEventListener('DOMContentLoaded', start);
}

boot(window);
