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

function boot(win: Window & EarshotWindow): void {
  // currentScript is only set while this script first runs.
  const script = findScript(win.document);
  const config = readConfig(script);
  if (!config) return;
  // Calls made before <body> exists queue up like calls made before the script came.
  installStub(win);
  const start = () => {
    if (win.Earshot?.real) return;
    const host = createHost(win.document, config.position, config.color);
    // By absolute URL: a classic script from another origin resolves a relative one against about:blank.
    const url = new URL(import.meta.env.EARSHOT_PANEL, script!.src).href;
    installApi(win, createWidget(host, config, () => import(/* @vite-ignore */ url) as Promise<typeof import('./panel/mount')>).command);
  };
  if (win.document.body) start();
  else win.document.addEventListener('DOMContentLoaded', start);
}

boot(window);
