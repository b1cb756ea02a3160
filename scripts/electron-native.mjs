// better-sqlite3 for Electron's ABI, kept apart from the copy in node_modules (built for
// Node, which the tests and browser mode use). Electron gets its path as
// CHUMON_SQLITE_BINDING and passes it to better-sqlite3's `nativeBinding` option.
// Needs the internet once (a prebuilt binary, or Electron's headers to compile).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronNativeBinding() {
  const electronVersion = require('electron/package.json').version;
  const target = path.resolve(
    'node_modules',
    '.cache',
    'chumon-electron',
    `${electronVersion}-${process.platform}-${process.arch}`,
  );
  const addon = path.join(target, 'better_sqlite3.node');
  if (existsSync(addon)) return addon;

  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'chumon-native-'));
  cpSync(source, work, {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`),
  });
  const run = (bin, args) => spawnSync(process.execPath, [bin, ...args], { cwd: work, stdio: 'inherit' }).status === 0;
  const electronArgs = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  console.log(`Electron ${electronVersion} 用の better-sqlite3 を準備しています…`);
  const ok =
    run(require.resolve('prebuild-install/bin.js'), [...electronArgs, `--platform=${process.platform}`]) ||
    run(require.resolve('node-gyp/bin/node-gyp.js'), [
      'rebuild',
      '--release',
      ...electronArgs,
      '--dist-url=https://electronjs.org/headers',
    ]);
  if (!ok) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(
      'Electron 用の better-sqlite3 を用意できませんでした（インターネット接続、または C++ ビルド環境が必要です）。',
    );
  }
  mkdirSync(target, { recursive: true });
  copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), addon);
  rmSync(work, { recursive: true, force: true });
  return addon;
}
