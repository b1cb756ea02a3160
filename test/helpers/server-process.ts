import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { STARTED_LINE } from '../../src-server/server.js';

export interface ServerProcess {
  url: string;
  /** The admin token, when this process was the one that made it (first start). */
  adminToken: string | null;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `npm run server` as its own process, as deployed: on the PostgreSQL at `url`, or on an
 * embedded PGlite in `dataDir`. Ready once it has printed its last start-up line; the admin
 * token is among the lines before it when this process made it (a first start).
 */
export async function startServerProcess(database: { url: string } | { dataDir: string }): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if ('url' in database) env.DATABASE_URL = database.url;
  else {
    delete env.DATABASE_URL;
    env.CHUMON_SERVER_DATA_DIR = database.dataDir;
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(SOURCE_ROOT, 'src-server/cli.ts'), '--port', '0'],
    {
      cwd: SOURCE_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const tokenOf = (line: string) => /(chm_\S+)/.exec(line)?.[1];
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line === STARTED_LINE) resolve();
    });
  });
  const url = /^Chumon server listening on (\S+)$/.exec(lines[0]!)?.[1];
  if (!url) throw new Error(`unexpected first line: ${lines[0]}`);
  return {
    url,
    adminToken: lines.map(tokenOf).find(Boolean) ?? null,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
