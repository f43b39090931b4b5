interface ImportMetaEnv {
  /** The panel chunk's file, relative to earshot.js; set by the widget build (vite.config.ts). */
  readonly EARSHOT_PANEL: string;
}
