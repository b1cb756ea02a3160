import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: built into dist/renderer, loaded by Electron (file://) and browser mode alike. */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
