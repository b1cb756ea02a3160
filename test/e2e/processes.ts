import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';

/** The central server and store PCs as separate processes, as in the field. */
export interface Proc {
  child: ChildProcess;
  lines: string[];
}

/** The programs the global set-up bundled (scripts/build-processes.mjs), by source. */
const BUNDLES: Record<string, string> = {
  'src-main/web/cli.ts': 'dist/browser-mode/cli.js',
  'src-server/cli.ts': 'dist/server/cli.js',
};

/** Node's arguments that run a program: its bundle where there is one, else its source under tsx. */
export function programArgs(script: string): string[] {
  const bundle = BUNDLES[script];
  return bundle ? [path.join(SOURCE_ROOT, bundle)] : ['--import', 'tsx', path.join(SOURCE_ROOT, script)];
}

export async function startProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  firstLine: RegExp,
): Promise<Proc & { match: RegExpExecArray }> {
  // Each run has its own server data: the PostgreSQL of the server suite is not for it.
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, [...programArgs(script), ...args], {
    cwd: SOURCE_ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    reader.on('line', (line) => {
      lines.push(line);
      if (lines.length === 1) {
        const m = firstLine.exec(line);
        if (m) resolve(m);
        else reject(new Error(`unexpected first line: ${line}`));
      }
    });
  });
  return { child, lines, match };
}

export async function stop(proc: Proc | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null) return;
  proc.child.kill('SIGTERM');
  await new Promise((r) => proc.child.once('exit', r));
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}
