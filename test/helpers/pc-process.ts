import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { InputOf, MethodName, OutputOf } from '../../src-shared/api/index.js';

export interface PcProcess {
  child: ChildProcess;
  /** Calls a contract method in the PC's process, as its renderer would; a refusal throws its message. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Reads the PC's own database. */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Ends the process (its database closed) and removes its folder. */
  close(): Promise<void>;
}

/** A store PC in a process of its own (pc-worker.ts) on a fresh folder. */
export async function startPcProcess(pcId: string): Promise<PcProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-pc-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'pc-worker.ts'), dir, pcId],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const waiting = new Map<number, (result: { ok: boolean; value?: unknown; error?: { message: string } }) => void>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`PC process exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') return resolve();
      const { id, result } = JSON.parse(line) as { id: number; result: { ok: boolean } };
      waiting.get(id)?.(result);
      waiting.delete(id);
    });
  });
  const send = async (request: Record<string, unknown>): Promise<unknown> => {
    const id = next++;
    const result = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
      waiting.set(id, resolve);
      child.stdin!.write(`${JSON.stringify({ id, ...request })}\n`);
    });
    if (!result.ok) throw new Error(result.error?.message ?? 'failed');
    return result.value;
  };
  return {
    child,
    call: async (method, input) => (await send({ method, input })) as never,
    query: async <T>(sql: string, ...params: unknown[]) => (await send({ query: sql, params })) as T[],
    close: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.stdin!.end();
      }),
  };
}
