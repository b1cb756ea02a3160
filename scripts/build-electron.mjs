// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads
// cannot be modules) into dist-electron/. npm packages stay external: electron-builder
// packs node_modules, and better-sqlite3 is a native addon.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist-electron/main.js',
  format: 'esm',
});
await build({
  ...common,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
});
// The service host (a utilityProcess), its two lanes, the demo seeder, a first sync's search
// index and a large import's F5 words (worker threads, each found beside the module that starts it: src-main/core/module-worker.ts).
await build({
  ...common,
  entryPoints: {
    'service-host': 'src-main/electron/service-host-entry.ts',
    'service-lane': 'src-main/host/service-lane.ts',
    'seed-worker': 'src-main/demo/seed-worker.ts',
    'search-index-worker': 'src-main/search/search-index-worker.ts',
    'search-words-worker': 'src-main/search/search-words-worker.ts',
  },
  outdir: 'dist-electron',
  format: 'esm',
});
console.log(
  'dist-electron/main.js, preload.cjs, service-host.js, service-lane.js, seed-worker.js, search-index-worker.js and search-words-worker.js built',
);
