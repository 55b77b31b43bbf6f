import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The renderer is built to dist/renderer with relative paths, so it loads from the app's own
// scheme in Electron and from the loopback server in a browser.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: { '@contract': path.resolve(import.meta.dirname, 'electron/contract/index.ts') } },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { port: 5781, proxy: { '/api': 'http://127.0.0.1:5780' } },
});
