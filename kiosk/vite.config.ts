import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const outDir = resolve(here, '../dist/kiosk');

/** Shoelace's icons, copied beside the pages: sl-icon fetches them from `/shoelace/assets`. */
const shoelaceIcons = (): Plugin => ({
  name: 'deskcast-shoelace-icons',
  apply: 'build',
  closeBundle() {
    const from = resolve(here, '../node_modules/@shoelace-style/shoelace/dist/assets/icons');
    cpSync(from, resolve(outDir, 'shoelace/assets/icons'), { recursive: true });
  },
});

/** The kiosk pages, built into dist/kiosk and served by the server on its one origin. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [shoelaceIcons()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        player: resolve(here, 'player/index.html'),
        take: resolve(here, 'take/index.html'),
        counter: resolve(here, 'counter/index.html'),
        board: resolve(here, 'board/index.html'),
        ticket: resolve(here, 'ticket/index.html'),
        console: resolve(here, 'console/index.html'),
        guide: resolve(here, 'guide/index.html'),
        sw: resolve(here, 'src/sw.ts'),
      },
      // The service worker must keep a stable name at the root of its scope.
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
