import { sql } from 'drizzle-orm';
import type { OpResult, WireOp } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { rows, type ServerDb } from '../db/open.js';
import { applyOps } from './push.js';
import { namedStore, opProblem, readPushedOps, type ReadOp } from './validate-ops.js';

const UNPROCESSABLE =
  'この変更はサーバーで処理できなかったため受け付けませんでした。内容を確かめて、必要ならもう一度変更してください。';

/**
 * One `/sync/push`: the body read op by op (validate-ops), the checks that need no order,
 * then the ops applied in one transaction. Should that transaction fail, each op is tried
 * alone, so one op the database cannot take is refused by itself and the rest go in; only
 * when every op fails alone is the failure the server's (the PC keeps its queue and retries).
 */
export async function pushOps(
  db: ServerDb,
  client: ClientIdentity,
  body: unknown,
  now: Date,
  onCommit?: () => void,
): Promise<{ ok: true; results: OpResult[] } | { ok: false; message: string }> {
  const read = readPushedOps(body);
  if (!read.ok) return read;
  const stores = await registeredStores(db, read.ops);
  const ops: WireOp[] = [];
  const refusals = new Map<string, string>();
  const unreadable = new Map<string, string>();
  for (const entry of read.ops) {
    if (!entry.op) {
      unreadable.set(entry.opId, entry.reason);
      continue;
    }
    ops.push(entry.op);
    const problem = opProblem(entry.op, now, stores);
    if (problem) refusals.set(entry.op.opId, problem);
  }
  let applied: OpResult[];
  try {
    applied = await applyOps(db, client, ops, now, onCommit, refusals);
  } catch (batchError) {
    applied = await oneByOne(db, client, ops, now, onCommit, refusals, batchError);
  }
  const byId = new Map(applied.map((r) => [r.opId, r]));
  const results = read.ops.flatMap((entry): OpResult[] => {
    if (!entry.op) return [{ opId: entry.opId, accepted: false, reason: unreadable.get(entry.opId) }];
    const result = byId.get(entry.opId);
    return result ? [result] : [];
  });
  return { ok: true, results };
}

/** Which of the stores the ops name are registered (most pushes name none: no query). */
async function registeredStores(db: ServerDb, ops: readonly ReadOp[]): Promise<Set<string>> {
  const named = [...new Set(ops.flatMap((entry) => (entry.op ? [namedStore(entry.op)] : [])))].filter(
    (id): id is string => id !== null,
  );
  if (named.length === 0) return new Set();
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM stores WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(named)}::jsonb))`,
  );
  return new Set(found.map((r) => r.id));
}

async function oneByOne(
  db: ServerDb,
  client: ClientIdentity,
  ops: readonly WireOp[],
  now: Date,
  onCommit: (() => void) | undefined,
  refusals: ReadonlyMap<string, string>,
  batchError: unknown,
): Promise<OpResult[]> {
  const results: OpResult[] = [];
  let failed = 0;
  for (const op of ops) {
    try {
      results.push(...(await applyOps(db, client, [op], now, onCommit, refusals)));
    } catch (err) {
      failed += 1;
      console.error(`push: op ${op.opId.slice(0, 80)} of client ${client.id} could not be applied`, err);
      results.push({ opId: op.opId, accepted: false, reason: UNPROCESSABLE });
    }
  }
  if (failed === ops.length) throw batchError;
  return results;
}
