import { Worker, type Transferable } from 'node:worker_threads';

/**
 * Starts a worker thread on a module next to the caller. Under tsx or vitest the module is
 * TypeScript too: the worker registers tsx's loader before importing it.
 */
export function startModuleWorker(
  base: string,
  name: string,
  workerData: unknown,
  transferList: readonly Transferable[] = [],
): Worker {
  const typescript = base.endsWith('.ts');
  const url = new URL(`./${name}${typescript ? '.ts' : '.js'}`, base);
  return typescript
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
        { eval: true, workerData, transferList: [...transferList] },
      )
    : new Worker(url, { workerData, transferList: [...transferList] });
}
