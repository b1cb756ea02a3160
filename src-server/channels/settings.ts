import { z } from 'zod';
import type { ShipmentResult } from './connector.js';
import { DEFAULT_RETRY, type HttpAnswer } from './http.js';

/**
 * Settings every connector takes besides its endpoints. The defaults suit the channels as
 * documented; `rates` lets a seller whose usage plan is higher say so (Amazon also announces
 * it in each answer), and tests make the waits short.
 */
export const commonSettings = z.object({
  /** How far back the very first fetch looks. */
  firstFetchDays: z.number().int().min(1).max(60).default(7),
  retry: z
    .object({
      timeoutMs: z.number().int().min(100).max(300_000),
      backoffMs: z.number().int().min(1).max(600_000),
      attempts: z.number().int().min(1).max(20),
    })
    .default(DEFAULT_RETRY),
  rates: z
    .record(
      z.string(),
      z.object({ rate: z.number().positive().max(10_000), burst: z.number().int().min(1).max(10_000) }),
    )
    .default({}),
  /** Shipment notices in flight at once for this account (the pacer still keeps the rate). */
  noticeConcurrency: z.number().int().min(1).max(64).default(4),
});

/**
 * A write's answer as a shipment result: accepted; throttled (not taken: again once the pace
 * allows) or 503 (not taken: later);
 * another 5xx (maybe taken: checked before resending); anything else refused, in the
 * channel's own words.
 */
export function writeOutcome(answer: HttpAnswer, accepted: boolean, describe: () => string): ShipmentResult {
  if (accepted) return { kind: 'accepted' };
  // Throttled: due again at once, the pacer holding it back as long as the channel asked.
  if (answer.throttled) return { kind: 'retry', message: `HTTP ${answer.status}（リクエスト過多）`, afterMs: 0 };
  if (answer.status === 503) return { kind: 'retry', message: `HTTP ${answer.status}（混雑のため後で再送します）` };
  if (answer.status >= 500) return { kind: 'unknown', message: `HTTP ${answer.status}: ${describe()}` };
  return { kind: 'refused', message: describe() };
}
