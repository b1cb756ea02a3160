import type { ServerDb } from '../db/open.js';
import { ChannelUnavailableError, CredentialError, type ChannelConnector, type ShipmentRequest } from './connector.js';
import { claimNotices, recordOutcomes, type ClaimedNotice, type NoticeOutcome } from './notices.js';

interface DrainOptions {
  /** Notices in flight at once (the connector's pacer still keeps the channel's rate). */
  concurrency: number;
  /** First wait before a notice the channel did not take is tried again; it doubles. */
  retryMs: number;
  actor: string;
  now(): Date;
  onCommit?: () => void;
  /** The run lost its lease or the server is stopping: hand the rest back. */
  stopped(): boolean;
}

export interface DrainResult {
  sent: number;
  refused: number;
  retried: number;
}

const MAX_WAIT_MS = 6 * 3_600_000;
/** Outcomes are written in groups: one transaction per hundred notices, not per notice. */
const FLUSH_EVERY = 100;

function later(notice: ClaimedNotice, options: DrainOptions, message: string, unsure: boolean, afterMs?: number) {
  const wait = afterMs ?? Math.min(options.retryMs * 2 ** Math.max(0, notice.attempts - 1), MAX_WAIT_MS);
  return {
    id: notice.id,
    orderId: notice.orderId,
    state: 'pending' as const,
    message,
    nextAttemptAt: new Date(options.now().getTime() + wait).toISOString(),
    unsure,
  };
}

/**
 * One notice: a notice whose last answer was lost is first asked of the channel (never sent
 * twice); then sent. A lost answer is asked of the channel at once; when the channel cannot
 * say, the notice waits, still unsure.
 */
async function sendOne(
  connector: ChannelConnector,
  notice: ClaimedNotice,
  options: DrainOptions,
): Promise<NoticeOutcome> {
  const request: ShipmentRequest = {
    orderNo: notice.orderNo,
    carrier: notice.carrier,
    trackingNo: notice.trackingNo,
    shippedAt: notice.shipDate,
    shipmentRef: notice.shipmentRef,
    paymentMethod: notice.paymentMethod,
  };
  const sent = { id: notice.id, orderId: notice.orderId, state: 'sent' as const };
  try {
    if (notice.unsure && (await connector.hasShipment(request))) return sent;
    const result = await connector.confirmShipment(request);
    switch (result.kind) {
      case 'accepted':
        return sent;
      case 'refused':
        return { id: notice.id, orderId: notice.orderId, state: 'refused', message: result.message };
      case 'retry':
        return later(notice, options, result.message, false, result.afterMs);
      case 'unknown': {
        const held = await connector.hasShipment(request).catch(() => false);
        return held ? sent : later(notice, options, result.message, true);
      }
    }
  } catch (err) {
    if (err instanceof ChannelUnavailableError) return later(notice, options, err.japanese, notice.unsure);
    throw err;
  }
}

/**
 * Sends an account's due shipment notices until none is due, `concurrency` at a time.
 * A credential error hands every notice not yet sent back as it was and is rethrown (the
 * account stops); the notices wait for new credentials.
 */
export async function drainNotices(
  db: ServerDb,
  accountId: number,
  connector: ChannelConnector,
  options: DrainOptions,
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, refused: 0, retried: 0 };
  let buffer: NoticeOutcome[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const outcomes = buffer;
    buffer = [];
    writing = writing.then(() => recordOutcomes(db, outcomes, options.actor, options.now(), options.onCommit));
    return writing;
  };
  const keep = (outcome: NoticeOutcome) => {
    buffer.push(outcome);
    if (outcome.state === 'sent') result.sent += 1;
    else if (outcome.state === 'refused') result.refused += 1;
    else result.retried += 1;
    if (buffer.length >= FLUSH_EVERY) void flush();
  };
  let refusedCredentials: CredentialError | null = null;
  while (!refusedCredentials && !options.stopped()) {
    const batch = await claimNotices(db, accountId, Math.max(options.concurrency * 8, 50), options.now());
    if (batch.length === 0) break;
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const notice = batch[next++]!;
        if (refusedCredentials || options.stopped()) {
          buffer.push(later(notice, options, '', notice.unsure, 0));
          continue;
        }
        try {
          keep(await sendOne(connector, notice, options));
        } catch (err) {
          if (!(err instanceof CredentialError)) throw err;
          refusedCredentials = err;
          buffer.push(later(notice, options, '', notice.unsure, 0));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, batch.length) }, worker));
    await flush();
  }
  await writing;
  if (refusedCredentials) throw refusedCredentials;
  return result;
}
