import { rmSync } from 'node:fs';
import path from 'node:path';
import type { InputOf, MethodName } from '../../../src-shared/api/index.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';
import type { BenchSection, Measurement } from '../harness.js';

/**
 * The list and search targets on the shared large database (1,000,000 orders, ~100,000 in 新規): the
 * first rows of a tab, F5 by a buyer-name fragment, and select-all + bulk sub-status change
 * of the 新規 tab. Calls go through dispatch (validation included) and the answers through
 * JSON, as in browser mode; the browser side is timed by the e2e suite.
 */
export const listSearch: BenchSection = {
  name: 'list-search',
  async run(env) {
    const out: Measurement[] = [];
    const app = env.openLargeCopy();
    const { ctx } = app;
    const call = async <M extends MethodName>(method: M, input: InputOf<M>) => {
      const result = await dispatch(handlers, ctx, method, input);
      if (!result.ok) throw new Error(result.error.message);
      // The wire: what browser mode sends and the renderer parses.
      return JSON.parse(JSON.stringify(result.value)) as unknown;
    };
    const timed = async (fn: () => Promise<unknown>, runs = 5) => {
      await fn();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    };
    const counts = (await call('orders:counts', {})) as Record<string, number>;

    for (const tab of ['new', 'shipped', 'mail_unsent', 'reminder'] as const) {
      out.push({
        name: `tab ${tab} (${counts[tab]!.toLocaleString()} orders): counts + first 100 rows`,
        value: await timed(async () => {
          await call('orders:counts', {});
          await call('orders:list', { tab, offset: 0, limit: 100 });
        }),
        unit: 'ms',
        target: { op: '<', value: 200 },
      });
    }

    // A header click: a tab sorted by amount or number (not a target; no status-keyed index).
    for (const [tab, column, offset] of [
      ['shipped', 'total', 0],
      ['new', 'total', 0],
      ['new', 'orderNo', 0],
      ['out_of_stock', 'total', 0],
      ['new', 'total', 20_000],
    ] as const) {
      const page = () => call('orders:list', { tab, offset, limit: 100, sort: { column, direction: 'desc' } });
      // A deep page sorts the tab once (then pages from the kept ids): the first request is timed.
      const start = performance.now();
      if (offset > 0) await page();
      out.push({
        name: `tab ${tab} sorted by ${column}, rows ${offset.toLocaleString()}–${(offset + 100).toLocaleString()}${offset > 0 ? ' (first request)' : ''}`,
        value: offset > 0 ? performance.now() - start : await timed(page),
        unit: 'ms',
      });
    }

    for (const buyer of ['山田', 'やまだ', 'ﾔﾏﾀﾞ', '森', '山田太郎', 'たろう', 'ｻﾄｳ ﾊﾅｺ']) {
      const page = (await call('orders:list', { criteria: { buyer }, limit: 100 })) as { total: number };
      out.push({
        name: `F5 buyer「${buyer}」: count + first 100 rows`,
        value: await timed(() => call('orders:list', { criteria: { buyer }, limit: 100 })),
        unit: 'ms',
        target: { op: '<', value: 100 },
        note: `${page.total.toLocaleString()} matches`,
      });
    }

    const other: [string, InputOf<'orders:list'>][] = [
      ['buyer + status 新規', { criteria: { buyer: '山田', statuses: ['new'] } }],
      ['buyer in the 新規 tab', { tab: 'new', criteria: { buyer: '山田' } }],
      ['e-mail prefix', { criteria: { email: '3ab' } }],
      ['phone prefix', { criteria: { phone: '090-12' } }],
      ['address fragment', { criteria: { address: '梅田1丁目' } }],
      ['order number fragment', { criteria: { orderNo: '0012345' } }],
      ['SKU or title', { criteria: { item: '急須' } }],
      ['one order day', { criteria: { orderedFrom: '2026-11-20', orderedTo: '2026-11-20' } }],
      ['E2 extraction of 新規', { tab: 'new', criteria: { orderComment: true } }],
      ['E4 extraction of 新規', { tab: 'new', criteria: { mailInquiry: true } }],
    ];
    for (const [name, input] of other) {
      const page = (await call('orders:list', input)) as { total: number };
      out.push({
        name: `F5 ${name}`,
        value: await timed(() => call('orders:list', input), 3),
        unit: 'ms',
        note: `${page.total.toLocaleString()} matches`,
      });
    }

    const deep = { criteria: { buyer: '森' }, offset: 20_000, limit: 100 } as const;
    out.push({
      name: 'F5「森」page at row 20,000 (sorts the whole result once)',
      value: env.time(() => void call('orders:list', deep)),
      unit: 'ms',
    });
    out.push({
      name: 'F5「森」page at row 20,000 again (cached)',
      value: await timed(() => call('orders:list', deep)),
      unit: 'ms',
    });

    // Select-all of the 新規 tab as ids, then one bulk sub-status change of all of them.
    const subStatusId = ctx.database.sqlite
      .prepare(
        "SELECT id FROM sub_statuses WHERE main_status = 'new' AND retired_at IS NULL ORDER BY sort_order LIMIT 1",
      )
      .pluck()
      .get() as number;
    const startAll = performance.now();
    const ids = (await call('orders:ids', { tab: 'new' })) as number[];
    const selectAll = performance.now() - startAll;
    const startBulk = performance.now();
    const result = (await call('bulk:setSubStatus', { orderIds: ids, subStatusId })) as { applied: number };
    const bulk = performance.now() - startBulk;
    out.push({ name: `F2 select-all of 新規 (${ids.length.toLocaleString()} ids)`, value: selectAll, unit: 'ms' });
    out.push({
      name: `E10 bulk sub-status change of ${result.applied.toLocaleString()} orders (history + outbox, one transaction)`,
      value: bulk,
      unit: 'ms',
    });
    out.push({
      name: 'select-all + bulk sub-status change',
      value: selectAll + bulk,
      unit: 'ms',
      target: { op: '<', value: 2000 },
    });
    // The service leaves copying the changed pages into the database file until after its answer.
    out.push({
      name: 'then the WAL checkpoint, after the answer',
      value: env.time(() => ctx.database.sqlite.pragma('wal_checkpoint(PASSIVE)')),
      unit: 'ms',
    });

    const dir = path.dirname(ctx.database.file);
    app.close();
    rmSync(dir, { recursive: true, force: true });
    return out;
  },
};
