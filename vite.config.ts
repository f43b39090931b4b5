import { defineConfig, type UserConfig } from 'vite';

const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

/**
 * `vite build` builds the visitor widget: the loader `earshot.js` (no Preact, no
 * Socket.IO) and the lazily imported panel chunks under `earshot/`.
 * `vite build --mode console` builds the agent console page.
 */
const widget: UserConfig = {
  ...jsx,
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
