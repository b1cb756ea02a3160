import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows, type ServerDb } from '../../../src-server/db/open.js';
import { describeNeeding, POSTGRES } from '../../helpers/requirements.js';
import { postgresServerDatabase } from '../../helpers/server-database.js';

describeNeeding(POSTGRES, 'statements on PostgreSQL, prepared once per connection', () => {
  const server = postgresServerDatabase();

  it('a statement sent again is the one prepared, its values still parameters, planned for them at each call', async () => {
    await server().db.transaction(async (tx) => {
      const db = tx as unknown as ServerDb;
      const count = async (n: number) =>
        (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM generate_series(1, ${n}::int)`))[0]!.n;
      expect([await count(3), await count(5), await count(0)]).toEqual([3, 5, 0]);
      const prepared = await rows<{ statement: string }>(
        db,
        sql`SELECT statement FROM pg_prepared_statements WHERE statement LIKE ${'%generate_series(1, $1::int)%'}`,
      );
      // One prepared statement for the three calls (the query above is one of its own).
      expect(prepared.map((p) => p.statement).filter((s) => s.startsWith('SELECT count'))).toHaveLength(1);
      // Planned for each call's values, as an unnamed statement is: a plan made for other values is never reused.
      expect(await rows(db, sql`SHOW plan_cache_mode`)).toEqual([{ plan_cache_mode: 'force_custom_plan' }]);
    });
  });
});
