import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';

export interface ServerProcess {
  url: string;
  /** The admin token, when this process was the one that made it (first start). */
  adminToken: string | null;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run server` as its own process on the PostgreSQL at `databaseUrl`. */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(SOURCE_ROOT, 'src-server/cli.ts'), '--port', '0'], {
    cwd: SOURCE_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (lines.length === 2) resolve();
    });
  });
  // The admin token line, when there is one, is written right after the database line.
  await new Promise((r) => setTimeout(r, 300));
  const url = /^Chumon server listening on (\S+)$/.exec(lines[0]!)?.[1];
  if (!url) throw new Error(`unexpected first line: ${lines[0]}`);
  return {
    url,
    adminToken: lines.map((l) => /(chm_\S+)/.exec(l)?.[1]).find(Boolean) ?? null,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
