import path from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * engine.io-client bundles a WebTransport transport the relay never offers; swapping its
 * transport table for one with WebSocket and XHR long-polling keeps ~0.4 KB gzip out of every
 * first chat. The polling fallback stays for networks that block WebSockets.
 */
function withoutWebTransport(): Plugin {
  const id = '\0earshot-engine-transports';
  const dir = path.resolve('node_modules/engine.io-client/build/esm/transports');
  return {
    name: 'earshot-engine-transports',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './transports/index.js' && importer?.includes(`engine.io-client${path.sep}build${path.sep}esm`)) return id;
      return null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return `import { XHR } from ${JSON.stringify(path.join(dir, 'polling-xhr.js'))};
import { WS } from ${JSON.stringify(path.join(dir, 'websocket.js'))};
export const transports = { websocket: WS, polling: XHR };`;
    },
  };
}

const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

/**
 * `vite build` builds the visitor widget: the loader `earshot.js` (no Preact, no
 * Socket.IO) and the lazily imported panel chunks under `earshot/`.
 * `vite build --mode console` builds the agent console page.
 */
const widget: UserConfig = {
  ...jsx,
  plugins: [withoutWebTransport()],
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    manifest: true,
    // Library mode keeps the loader a plain script: no module preload helper, no import.meta.
    lib: { entry: { earshot: 'widget/loader.ts' }, formats: ['es'] },
    rollupOptions: {
      output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'earshot/[name]-[hash].js' },
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
