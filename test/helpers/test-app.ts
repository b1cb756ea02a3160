import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootApp, type App, type BootOptions } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import type { Clock } from '../../src-main/core/app-context.js';
import { dispatch } from '../../src-main/core/dispatch.js';
import { handlers } from '../../src-main/core/registry.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import type { InputOf, MethodName, OutputOf } from '../../src-shared/api/index.js';

export const MIGRATIONS = path.join(SOURCE_ROOT, 'drizzle');

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current: Date = new Date('2026-11-27T01:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/**
 * The app booted exactly as Electron and browser mode boot it (no option left to its default
 * changed: background work on, its settings untouched), on a test clock.
 */
export function bootAsShipped(dataDir: string, clock: Clock = new TestClock()): App {
  return bootApp({
    dataDir,
    migrationsFolder: MIGRATIONS,
    settings: createConfSettings(dataDir),
    mode: 'browser',
    version: 'test',
    clock,
  });
}

export interface TestApp {
  app: App;
  dir: string;
  clock: TestClock;
  /** Calls a contract method exactly as the renderer would (validation included). */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  close(): void;
}

export interface TestAppOptions {
  clock?: TestClock;
  dir?: string;
  backgroundTimers?: boolean;
  /** Folders of the app's ctx.paths (PDFs: the data folder's documents/ unless given). */
  boot?: Pick<BootOptions, 'assetsDir' | 'documentsDir'>;
}

/**
 * A real app on a real SQLite file in a fresh temporary folder. Its background timers
 * (daily backup, S3 purge) stay off unless `backgroundTimers` asks for them, and nothing it
 * prints lands in the user's own documents folder.
 */
export function createTestApp(options: TestAppOptions = {}): TestApp {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'chumon-test-'));
  const clock = options.clock ?? new TestClock();
  const settings = createConfSettings(dir);
  settings.set('operator', 'テスト担当');
  settings.set('pcId', 'TEST-PC');
  const app = bootApp({
    dataDir: dir,
    migrationsFolder: MIGRATIONS,
    settings,
    mode: 'browser',
    version: 'test',
    clock,
    backgroundTimers: options.backgroundTimers ?? false,
    ...options.boot,
  });
  return {
    app,
    dir,
    clock,
    async call(method, input) {
      const result = await dispatch(handlers, app.ctx, method, input, () => undefined);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as never;
    },
    close() {
      app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
