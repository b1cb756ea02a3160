// `npm start`: builds the app and opens the Electron window. Where Electron cannot run
// (no display, or its binary cannot be downloaded) it starts browser mode on the same
// services with the demo data instead, and says so plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronNativeBinding } from './electron-native.mjs';

const require = createRequire(import.meta.url);

function step(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron executable, downloading it on first use (Electron 45 fetches lazily). */
function electronBinary() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    console.log('Electron 本体を取得しています…');
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe' });
  }
  if (!installed())
    throw new Error('Electron 本体をダウンロードできませんでした（インターネットに接続されていない可能性があります）');
  return path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
}

function whyNotElectron() {
  if (process.env.CHUMON_BROWSER_MODE === '1') return 'CHUMON_BROWSER_MODE=1 が指定されています';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'この環境には画面（ディスプレイ）がありません';
  }
  return null;
}

function startBrowserMode(reason) {
  console.log(`\nElectron のウィンドウは開けません: ${reason}。`);
  console.log('同じ機能をブラウザモードで起動します（デモデータ入り）。表示された URL をブラウザで開いてください。\n');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/web/cli.ts', '--demo', '--port', process.env.PORT ?? '0'],
    {
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}

step(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
step(['scripts/build-electron.mjs']);

let reason = whyNotElectron();
let binary;
let binding;
if (!reason) {
  try {
    binary = electronBinary();
    binding = electronNativeBinding();
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
}
if (reason) {
  startBrowserMode(reason);
} else {
  const child = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, CHUMON_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
}
