import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The workbench: src/web → dist/web, served by `dyad serve`. JSX through esbuild's automatic runtime.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Nothing inline: the Content-Security-Policy allows only same-origin scripts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
