import { rmSync } from 'node:fs';
import path from 'node:path';
import type { InputOf, MethodName } from '../../../src-shared/api/index.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';
import type { ServiceContext } from '../../../src-main/core/context.js';
import { withDeferredCheckpoint } from '../../../src-main/db/deferred-checkpoint.js';
import type { BenchSection, Measurement } from '../harness.js';
import { measureWriteFigure, type WriteFigure } from '../write-figure.js';

/**
 * The order list on the shared large database (1,000,000 orders, ~100,000 in 新規): tabs,
 * sorted tabs at any depth, every F5 condition (count + first page, then deep pages) on a
 * warm copy, and select-all + bulk sub-status change of the 新規 tab, cold and warm. Calls go
 * through dispatch (validation included) and the answers through JSON, as in browser mode;
 * the browser side is timed by the e2e suite.
 */
export const listSearch: BenchSection = {
  name: 'list-search',
  async run(env) {
    const out: Measurement[] = [];
    const app = env.openLargeCopy();
    const { ctx } = app;
    const call = <M extends MethodName>(method: M, input: InputOf<M>) => dispatched(ctx, method, input);
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

    // A header click: a tab sorted by amount or number, read from the index holding the tab in that order.
    for (const [tab, column, offset] of [
      ['shipped', 'total', 0],
      ['new', 'total', 0],
      ['new', 'orderNo', 0],
      ['out_of_stock', 'total', 0],
      ['new', 'total', 20_000],
    ] as const) {
      const page = () => call('orders:list', { tab, offset, limit: 100, sort: { column, direction: 'desc' } });
      // A deep page's first request is timed too: nothing is sorted and kept for it.
      const start = performance.now();
      if (offset > 0) await page();
      out.push({
        name: `tab ${tab} sorted by ${column}, rows ${offset.toLocaleString()}–${(offset + 100).toLocaleString()}${offset > 0 ? ' (first request)' : ''}`,
        value: offset > 0 ? performance.now() - start : await timed(page),
        unit: 'ms',
        target: { op: '<', value: 100 },
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
      target: { op: '<', value: 100 },
    });
    out.push({
      name: 'F5「森」page at row 20,000 again (cached)',
      value: await timed(() => call('orders:list', deep)),
      unit: 'ms',
    });

    const dir = path.dirname(ctx.database.file);
    app.close();
    rmSync(dir, { recursive: true, force: true });
    out.push(...(await measureWriteFigure(env, selectAllAndSubStatus)));
    return out;
  },
};

async function dispatched<M extends MethodName>(ctx: ServiceContext, method: M, input: InputOf<M>): Promise<unknown> {
  const result = await dispatch(handlers, ctx, method, input);
  if (!result.ok) throw new Error(result.error.message);
  // The wire: what browser mode sends and the renderer parses.
  return JSON.parse(JSON.stringify(result.value)) as unknown;
}

/**
 * F2 select-all of the 新規 tab as ids, then E10: one bulk sub-status change of all of them
 * (history + outbox, one transaction), through dispatch as the screen calls them. Its floor:
 * the same rows written by plain prepared statements, in id order.
 */
const selectAllAndSubStatus: WriteFigure<{ subStatusId: number; ids: number[]; payload: string }> = {
  name: 'F2 select-all of 新規 + E10 sub-status change of every order',
  unit: 'ms',
  target: 2000,
  afterStartupRead: true,
  ratioTarget: 1.5,
  prepare: ({ ctx }) => {
    const { sqlite } = ctx.database;
    const subStatusId = sqlite
      .prepare(
        "SELECT id FROM sub_statuses WHERE main_status = 'new' AND retired_at IS NULL ORDER BY sort_order LIMIT 1",
      )
      .pluck()
      .get() as number;
    const ids = sqlite.prepare("SELECT id FROM orders WHERE status = 'new' ORDER BY id").pluck().all() as number[];
    const payload = JSON.stringify({
      orderNo: 'x'.repeat(20),
      from: null,
      subStatusId,
      to: String(subStatusId),
      reason: 'E10 サブステータス一括変更',
      at: new Date().toISOString(),
      actor: ctx.actor(),
    });
    return { subStatusId, ids, payload };
  },
  run: async ({ ctx }, { subStatusId }) => {
    const ids = (await dispatched(ctx, 'orders:ids', { tab: 'new' })) as number[];
    const result = (await dispatched(ctx, 'bulk:setSubStatus', { orderIds: ids, subStatusId })) as {
      applied: number;
    };
    return `${result.applied.toLocaleString()} orders`;
  },
  floor: ({ ctx }, { subStatusId, ids, payload }) => {
    const { sqlite } = ctx.database;
    const actor = ctx.actor();
    const update = sqlite.prepare(
      'UPDATE orders SET sub_status_id = ?, updated_at = ?, version = version + 1 WHERE id = ?',
    );
    const history = sqlite.prepare(
      `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
       VALUES (?, ?, ?, ?, ?, 'sub_status', NULL, ?, 'E10 サブステータス一括変更')`,
    );
    const outbox = sqlite.prepare(
      `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at) VALUES (?, 'order', ?, 'sub_status', ?, ?)`,
    );
    withDeferredCheckpoint(sqlite, ids.length, () =>
      sqlite.transaction(() => {
        const at = new Date().toISOString();
        for (const id of ids) {
          update.run(subStatusId, at, id);
          history.run(id, at, actor.operator, actor.storeId, actor.pcId, String(subStatusId));
          outbox.run(`floor-${String(id).padStart(26, '0')}`, String(id), payload, at);
        }
      })(),
    );
  },
};
