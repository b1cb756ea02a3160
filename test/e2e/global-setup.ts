import { execFileSync } from 'node:child_process';

/**
 * Builds the renderer (dist/renderer) and the programs the tests start as processes
 * (dist/browser-mode, dist/server) once for the whole run. CHUMON_RENDERER_BUILT=1 says a run just before built
 * them (npm test's timings run).
 */
export default function globalSetup(): void {
  if (process.env.CHUMON_RENDERER_BUILT === '1') return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['scripts/build-processes.mjs'], { stdio: 'inherit' });
}
