import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';

const require = createRequire(import.meta.url);

/**
 * Loads the native module with a message a person can act on: in a packaged Electron app a
 * better-sqlite3 built for Node's ABI fails here, not somewhere deep in a query.
 */
export function loadSqliteDriver(nativeBinding?: string): typeof BetterSqlite3 {
  try {
    const Base = require('better-sqlite3') as typeof BetterSqlite3;
    // Under `npm start` Electron loads its own build of the addon (scripts/electron-native.mjs),
    // so Node keeps the one built for Node's ABI.
    const Driver = nativeBinding
      ? Object.assign(
          function Bound(file: string, options: BetterSqlite3.Options = {}) {
            return new Base(file, { ...options, nativeBinding });
          } as unknown as typeof BetterSqlite3,
          { nativeBinding },
        )
      : Base;
    new Driver(':memory:').close();
    return Driver;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new UserError(
      `データベース部品（better-sqlite3）を読み込めません。インストールをやり直すか、開発環境では「npm run rebuild:electron」を実行してください。詳細: ${detail}`,
      'native_module',
    );
  }
}

/** The driver each open connection was made with (Node's or Electron's build of the addon). */
const drivers = new WeakMap<BetterSqlite3.Database, typeof BetterSqlite3>();

/** Opens a connection with the driver, remembering which driver made it. */
export function connect(
  Driver: typeof BetterSqlite3,
  file: string,
  options?: BetterSqlite3.Options,
): BetterSqlite3.Database {
  const sqlite = new Driver(file, options);
  drivers.set(sqlite, Driver);
  return sqlite;
}

/** The addon build a connection was made with, for a worker thread's own connection (undefined: Node's). */
export function nativeBindingOf(sqlite: BetterSqlite3.Database): string | undefined {
  return (drivers.get(sqlite) as { nativeBinding?: string } | undefined)?.nativeBinding;
}

/**
 * A second connection to the same database file, made with the same build of the addon,
 * for work that wants other connection settings than the app's (bulk-load.ts builds
 * indexes on one). The caller closes it.
 */
export function openSibling(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const Driver = drivers.get(sqlite) ?? (require('better-sqlite3') as typeof BetterSqlite3);
  return connect(Driver, sqlite.name, { timeout: 5000 });
}
