import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

/** The kiosk pages, built into dist/kiosk and served by the server on its one origin. */
export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: resolve(here, '../dist/kiosk'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        player: resolve(here, 'player/index.html'),
        take: resolve(here, 'take/index.html'),
        counter: resolve(here, 'counter/index.html'),
        board: resolve(here, 'board/index.html'),
        ticket: resolve(here, 'ticket/index.html'),
        sw: resolve(here, 'src/sw.ts'),
      },
      // The service worker must keep a stable name at the root of its scope.
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
