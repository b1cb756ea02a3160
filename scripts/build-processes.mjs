// Bundles the two programs the e2e suite starts as processes, as the Electron build bundles
// the service host: browser mode (src-main/web/cli.ts, with the demo seeder's and a large
// import's F5 words workers beside it) into dist/browser-mode/, the central server (src-server/cli.ts) into dist/server/.
// The suite starts one or more of them per test; a bundle starts in a fraction of the time
// tsx needs to compile the sources on every start. Both folders are two levels below the
// repository root, as their sources are, so they find drizzle/, drizzle-server/ and
// dist/renderer/ the same way (src-main/app/paths.ts, src-server/db/open.ts).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  format: 'esm',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: {
    cli: 'src-main/web/cli.ts',
    'seed-worker': 'src-main/demo/seed-worker.ts',
    'search-words-worker': 'src-main/search/search-words-worker.ts',
  },
  outdir: 'dist/browser-mode',
});
await build({ ...common, entryPoints: { cli: 'src-server/cli.ts' }, outdir: 'dist/server' });
