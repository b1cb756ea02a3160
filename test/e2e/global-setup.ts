import { execFileSync } from 'node:child_process';

/** Builds the renderer once for the whole run; browser mode serves dist/renderer. */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
