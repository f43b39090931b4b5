import fs from 'node:fs';
import path from 'node:path';
import { build, defineConfig, type InlineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * engine.io-client bundles a WebTransport transport the relay never offers, and long-polls
 * with XMLHttpRequest (with fallbacks for old IE: XDomainRequest, ActiveX, unload handlers).
 * Its transport table here has WebSocket and its own fetch() long-polling, which every browser
 * the widget runs in has: ~1.2 KB gzip less in every first chat. The polling fallback stays for
 * networks that block WebSockets (test/e2e/transports.test.ts). Fetch polling sends no cookies
 * (`credentials: 'omit'`), like cross-origin XHR without `withCredentials`: the visitor socket
 * authenticates with its token, never a cookie.
 */
function fewerTransports(): Plugin {
  const id = '\0earshot-engine-transports';
  const none = '\0earshot-no-webtransport';
  const dir = path.resolve('node_modules/engine.io-client/build/esm/transports');
  return {
    name: 'earshot-engine-transports',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.includes(`engine.io-client${path.sep}build${path.sep}esm`)) return null;
      if (source === './transports/index.js') return id;
      // The package's index re-exports them; their modules' top level (unload handlers, engine.io-parser) would still run.
      if (/^\.\/transports\/(webtransport|polling-xhr(\.node)?)\.js$/.test(source)) return none;
      return null;
    },
    load(loaded) {
      if (loaded === none) return 'export const WT = undefined, XHR = undefined;';
      if (loaded !== id) return null;
      return `import { Fetch } from ${JSON.stringify(path.join(dir, 'polling-fetch.js'))};
import { WS } from ${JSON.stringify(path.join(dir, 'websocket.js'))};
export const transports = { websocket: WS, polling: Fetch };`;
    },
  };
}

/**
 * The visitor protocol is JSON, never binary: socket.io-client and engine.io-client get
 * text-only parsers (widget/net/wire/), same wire format, ~2.5 KB gzip less in every first
 * chat.
 */
function textOnlyParsers(): Plugin {
  const parsers: Record<string, string> = {
    'socket.io-parser': path.resolve('widget/net/wire/socketio-parser.ts'),
    'engine.io-parser': path.resolve('widget/net/wire/engineio-parser.ts'),
  };
  return {
    name: 'earshot-text-only-parsers',
    enforce: 'pre',
    resolveId(source, importer) {
      // engine.io-client's URL regex, for the same reason: the browser parses URLs.
      if (source === './contrib/parseuri.js' && importer?.includes(`engine.io-client${path.sep}build${path.sep}esm`)) {
        return path.resolve('widget/net/wire/parse-uri.ts');
      }
      return parsers[source] ?? null;
    },
  };
}

/**
 * socket.io-client explains at length, with a link, that a Socket.IO v2 server cannot be
 * reached; the widget only ever talks to the relay of its own release. A short message keeps
 * ~120 B gzip out of every first chat.
 */
function shortV2Message(): Plugin {
  const long = /"It seems you are trying to reach a Socket\.IO server in v2\.x[^"]*"/;
  return {
    name: 'earshot-short-v2-message',
    transform(code, id) {
      if (!id.includes(`socket.io-client${path.sep}build${path.sep}esm${path.sep}socket.js`)) return null;
      if (!long.test(code)) throw new Error('socket.io-client changed: update shortV2Message in vite.config.ts');
      return { code: code.replace(long, '"not a Socket.IO v3+ server"'), map: null };
    },
  };
}

const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

const widgetDir = 'dist/widget';
const PANEL_ENTRY = 'widget/panel/mount.tsx';
const LOADER_ENTRY = 'widget/loader.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  [key: string]: unknown;
}

/** The part of the widget build both halves share. */
const widgetShared = {
  ...jsx,
  publicDir: false as const,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

/**
 * The loader: one classic script, wrapped in a function so its minified names stay out of
 * the host page's globals. It imports the panel by an absolute URL made from its own `src`:
 * a relative `import()` in a classic script loaded from another origin without `crossorigin`
 * resolves against about:blank (HTML's "muted errors" scripts) and fails.
 */
function loaderConfig(panelFile: string): InlineConfig {
  return {
    ...widgetShared,
    configFile: false,
    define: { ...widgetShared.define, 'import.meta.env.EARSHOT_PANEL': JSON.stringify(panelFile) },
    build: {
      outDir: widgetDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: LOADER_ENTRY, formats: ['iife'], name: 'earshot', fileName: () => 'earshot.js' },
      rollupOptions: { output: { minify: true } },
    },
  };
}

/**
 * Builds the loader once the panel is written, with the panel's hashed file name, and adds
 * it to the manifest as the entry whose dynamic import is the panel: the manifest keeps
 * describing what a page loads (`scripts/size.ts` reads it so).
 */
function thenLoader(): Plugin {
  let logLevel: UserConfig['logLevel'];
  return {
    name: 'earshot-loader',

    apply: 'build',
    configResolved(c) {
      logLevel = c.logLevel;
    },
    async closeBundle() {
      const file = path.join(widgetDir, '.vite/manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
      const panel = manifest[PANEL_ENTRY];
      if (!panel) throw new Error(`the widget manifest has no ${PANEL_ENTRY}`);
      await build({ ...loaderConfig(panel.file), logLevel });
      manifest[PANEL_ENTRY] = { ...panel, isEntry: undefined, isDynamicEntry: true };
      manifest[LOADER_ENTRY] = { file: 'earshot.js', name: 'earshot', src: LOADER_ENTRY, isEntry: true, dynamicImports: [PANEL_ENTRY] };
      fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}

/**
 * `vite build` builds the visitor widget in two steps: the Preact panel, an ES module with
 * its chunks, all hashed under `earshot/` (modules resolve their imports against their own
 * URL, so the panel's own chunk imports work from any page); then the loader `earshot.js`
 * (no Preact, no Socket.IO). `vite build --mode console` builds the agent console page.
 */
const widget: UserConfig = {
  ...widgetShared,
  plugins: [fewerTransports(), textOnlyParsers(), shortV2Message(), thenLoader()],
  build: {
    outDir: widgetDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    manifest: true,
    // Library mode: no module preload helper, no import.meta in the chunks.
    lib: { entry: { mount: PANEL_ENTRY }, formats: ['es'] },
    rollupOptions: {
      // Lets the views' shared code (Preact) live in the panel chunk, as when it was a dynamic
      // import: one request fewer on first open. Nothing but the loader uses its exports.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        // Library mode keeps `@__PURE__` marks for a bundler downstream; these files are final.
        comments: { annotation: false },
        entryFileNames: 'earshot/[name]-[hash].js',
        chunkFileNames: 'earshot/[name]-[hash].js',
      },
    },
  },
};

const agentConsole: UserConfig = {
  ...jsx,
  root: 'console',
  base: '/console/',
  publicDir: false,
  build: { outDir: '../dist/console', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
};

export default defineConfig(({ mode }) => (mode === 'console' ? agentConsole : widget));
