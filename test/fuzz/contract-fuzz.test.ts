import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch.js';
import { handlers } from '../../src-main/core/registry.js';
import { seedDemo } from '../../src-main/demo/seed.js';
import { purgeLocalPii } from '../../src-main/privacy/purge.js';
import { startWebServer, type WebServer } from '../../src-main/web/server.js';
import { contract, type MethodName } from '../../src-shared/api/index.js';
import { databaseChecksum, folderListing } from '../helpers/db-checksum.js';
import { createRng, testSeed } from '../helpers/prng.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutate } from './junk.js';

/** Inputs tried per method and path (CHUMON_FUZZ_ITERATIONS=400 for a long run). */
const PER_METHOD = Number(process.env.CHUMON_FUZZ_ITERATIONS ?? 40);
const PER_METHOD_HTTP = Number(process.env.CHUMON_FUZZ_ITERATIONS ?? 20);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** What a leaked stack trace or internal detail looks like. */
const LEAK =
  /\n\s+at |\bat [\w.<>]+ \(|\.tsx?:\d+|node_modules|SqliteError|ZodError|TypeError|RangeError|Maximum call stack/;

let t: TestApp;
let server: WebServer;
let staticRoot: string;
let before: { db: Record<string, string>; files: string[] };
const methods = Object.keys(contract) as MethodName[];
const internalLogs: string[] = [];

const snapshot = () => ({ db: databaseChecksum(t.app.ctx.database.sqlite), files: folderListing(t.dir) });

beforeAll(async () => {
  t = createTestApp();
  // No daily backup file may appear mid-run: the run checks that nothing changed.
  t.app.ctx.settings.set('backup', { keep: 10, daily: false });
  seedDemo(t.app.ctx.database.sqlite, { orders: 300, now: t.clock.now() });
  // The S3 purge runs by itself 3 s after start; run it now so it has nothing left to change.
  purgeLocalPii(t.app.ctx.database.sqlite, t.clock.now(), t.app.ctx.actor());
  staticRoot = mkdtempSync(path.join(os.tmpdir(), 'chumon-fuzz-static-'));
  server = await startWebServer({ app: t.app, staticRoot, port: 0, token: 'fuzz-token-0123456789' });
  before = snapshot();
});
afterAll(async () => {
  await server?.close();
  t?.close();
  rmSync(staticRoot, { recursive: true, force: true });
});

/** Whether zod accepts the input (such inputs are not sent: they may legitimately change data). */
function accepted(schema: z.ZodType, input: unknown): boolean {
  try {
    // dispatch reads a missing input (undefined / null) as {}.
    return schema.safeParse(input ?? {}).success;
  } catch {
    return false; // dispatch must survive what crashes the parser; send it
  }
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input) ?? String(input);
    return text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
  } catch {
    return '<cyclic>';
  }
}

function judge(
  where: string,
  method: string,
  input: unknown,
  result: { ok: boolean; error?: { code: string; message: string } },
): string | null {
  if (result.ok) return `${where} ${method}: accepted an input zod rejects: ${describeInput(input)}`;
  const { code, message } = result.error!;
  if (code !== 'invalid_input')
    return `${where} ${method}: code ${code} (${message.slice(0, 200)}) for ${describeInput(input)}`;
  if (!JAPANESE.test(message)) return `${where} ${method}: message not Japanese: ${message.slice(0, 200)}`;
  if (LEAK.test(message)) return `${where} ${method}: internal detail in message: ${message.slice(0, 300)}`;
  return null;
}

describe('contract fuzz: every method, invalid input', () => {
  it(`handler table: invalid_input in Japanese, no crash, no stack, no change (${PER_METHOD} inputs per method)`, async () => {
    const rng = createRng(testSeed('fuzz handler table'));
    const failures: string[] = [];
    let sent = 0;
    for (const method of methods) {
      const schema = contract[method].input as z.ZodType;
      for (let i = 0; i < PER_METHOD; i++) {
        const input = mutate(schema, rng);
        if (accepted(schema, input)) continue;
        sent += 1;
        try {
          const result = await dispatch(handlers, t.app.ctx, method, input, (m, e) =>
            internalLogs.push(`${m}: ${String(e)}`),
          );
          const problem = judge('dispatch', method, input, result);
          if (problem) failures.push(problem);
        } catch (err) {
          failures.push(`dispatch ${method} threw ${String(err).slice(0, 200)} for ${describeInput(input)}`);
        }
      }
    }
    console.log(`[fuzz handler table] seed ${rng.seed}: ${sent} invalid inputs over ${methods.length} methods`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(internalLogs).toEqual([]);
    expect(snapshot()).toEqual(before);
  }, 180_000);

  it(`browser-mode HTTP: the same over the wire (${PER_METHOD_HTTP} per method), plus broken bodies and unknown methods`, async () => {
    const rng = createRng(testSeed('fuzz http'));
    const base = server.url.replace(/\/\?token=.*$/, '');
    const post = async (method: string, body: string, contentType = 'application/json') => {
      const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': contentType },
        body,
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      return { status: res.status, text };
    };
    const failures: string[] = [];
    let sent = 0;
    for (const method of methods) {
      const schema = contract[method].input as z.ZodType;
      for (let i = 0; i < PER_METHOD_HTTP; i++) {
        const input = mutate(schema, rng, { json: true });
        const body = JSON.stringify(input) ?? 'null';
        if (accepted(schema, JSON.parse(body))) continue;
        sent += 1;
        const { status, text } = await post(method, body);
        if (LEAK.test(text)) failures.push(`http ${method}: leak in ${text.slice(0, 300)}`);
        let parsed: { ok: boolean; error?: { code: string; message: string } };
        try {
          parsed = JSON.parse(text) as typeof parsed;
        } catch {
          failures.push(`http ${method}: status ${status}, not JSON: ${text.slice(0, 200)}`);
          continue;
        }
        const problem = judge('http', method, input, parsed);
        if (problem) failures.push(problem);
      }
    }
    const broken = [
      '',
      '{',
      'nul',
      '[1,',
      '\u0000\u0001',
      'a'.repeat(1_000_000),
      '['.repeat(100_000),
      '{"a":1}garbage',
      '\ud800',
    ];
    for (const body of broken) {
      sent += 1;
      const method = rng.pick(methods);
      const { status, text } = await post(method, body);
      if (status !== 400 || !text.includes('invalid_json') || !JAPANESE.test(text) || LEAK.test(text)) {
        failures.push(
          `http ${method}: broken body ${JSON.stringify(body.slice(0, 20))} → ${status} ${text.slice(0, 200)}`,
        );
      }
      // Anything but JSON is turned away before it is read (a form or a no-cors post).
      const other = await post(method, body, rng.pick(['text/plain', 'application/x-www-form-urlencoded']));
      if (other.status !== 415 || !JAPANESE.test(other.text) || LEAK.test(other.text))
        failures.push(`http ${method}: non-JSON body → ${other.status} ${other.text.slice(0, 200)}`);
    }
    // Valid JSON nested 100,000 deep (to orders:get, whose required id is missing from the object).
    for (const body of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
    ]) {
      sent += 1;
      const { text } = await post('orders:get', body);
      if (!/"code":"invalid_(json|input)"/.test(text) || !JAPANESE.test(text) || LEAK.test(text)) {
        failures.push(`http orders:get: deep JSON → ${text.slice(0, 200)}`);
      }
    }
    for (const name of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'orders:list/../x',
      '../../etc/passwd',
      'x'.repeat(5000),
      '\u202e',
    ]) {
      sent += 1;
      const { text } = await post(name, '{}');
      if (!text.includes('unknown_method') || LEAK.test(text))
        failures.push(`http unknown method ${name.slice(0, 30)} → ${text.slice(0, 200)}`);
    }
    console.log(`[fuzz http] seed ${rng.seed}: ${sent} requests over ${methods.length} methods`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(internalLogs).toEqual([]);
    expect(snapshot()).toEqual(before);
  }, 180_000);

  it('leaves Object.prototype unpolluted after both runs (the server runs in this process)', () => {
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin]).toEqual([undefined, undefined]);
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });
});
