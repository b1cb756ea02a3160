import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';

/**
 * A fresh app for each test of the file, made before it (then `prepare` run on it) and
 * closed after it. The handle returned stands for the current test's app: use it inside
 * the tests (and hooks) only.
 */
export function useTestApp(prepare: (t: TestApp) => void = () => undefined, options?: TestAppOptions): TestApp {
  let current: TestApp | undefined;
  beforeEach(() => {
    current = createTestApp(options);
    prepare(current);
  });
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  const now = (): TestApp => {
    if (!current) throw new Error('the test app exists only while a test runs');
    return current;
  };
  return {
    get app() {
      return now().app;
    },
    get dir() {
      return now().dir;
    },
    get clock() {
      return now().clock;
    },
    call: (method, input) => now().call(method, input),
    close: () => now().close(),
  };
}

/** The two stores orders go between: 東京本店 (tokyo, first) and 大阪倉庫店 (osaka). */
export function addTokyoAndOsaka(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(`INSERT INTO stores (id, name, sort_order) VALUES ('tokyo', '東京本店', 0), ('osaka', '大阪倉庫店', 1)`);
}

/** useTestApp on a database that has the stores 東京本店 and 大阪倉庫店. */
export function useTwoStoreApp(prepare: (t: TestApp) => void = () => undefined): TestApp {
  return useTestApp((t) => {
    addTokyoAndOsaka(t.app.ctx.database.sqlite);
    prepare(t);
  });
}
