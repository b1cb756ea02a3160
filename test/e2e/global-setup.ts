import { execFileSync } from 'node:child_process';

/**
 * Builds the renderer once for the whole run; browser mode serves dist/renderer.
 * CHUMON_RENDERER_BUILT=1 says a run just before built it (npm test's timings run).
 */
export default function globalSetup(): void {
  if (process.env.CHUMON_RENDERER_BUILT === '1') return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
