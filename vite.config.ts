import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer: built into dist/renderer. index.html is the store app (Electron and browser
 * mode); console.html is the head-office console the central server serves at /console/.
 */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { index: 'src-renderer/index.html', console: 'src-renderer/console.html' } },
  },
});
