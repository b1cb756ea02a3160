import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pcReportInput } from '../../src-shared/console/fleet.js';
import { APP_VERSION_HEADER, PROTOCOL_HEADER } from '../../src-shared/sync/versions.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ClientIdentity } from '../auth.js';
import type { PcVersion } from './fleet.js';
import { LOG_LIMITS, type IncomingLogFile } from './log-store.js';
import type { ConsoleServices } from './services.js';

/** What the central app's middleware puts on a request: the caller, and for a PC its versions. */
export type CentralEnv = {
  Variables: { client: ClientIdentity; pcVersion: PcVersion; updateRequired: string | null };
};

/** The versions a PC names in its headers; none means the first protocol. */
function pcVersion(c: Context): PcVersion {
  const protocol = Number(c.req.header(PROTOCOL_HEADER) ?? '1');
  return {
    appVersion: (c.req.header(APP_VERSION_HEADER) ?? '').slice(0, 40),
    protocol: Number.isSafeInteger(protocol) && protocol > 0 ? protocol : 1,
  };
}

/**
 * What store PCs tell head office: the version handshake on every /sync call (a PC too old
 * for the server hears why at hello and is refused everything else with 426), the report a
 * PC sends about itself after each round, and its log uploads (docs/console.md).
 */
export function addPcRoutes(
  app: Hono<CentralEnv>,
  services: ConsoleServices,
  clock: { now(): Date },
  address: (c: Context) => string,
): void {
  app.use('/sync/*', async (c, next) => {
    const version = pcVersion(c);
    const message = await services.fleet.updateMessage(version);
    // A PC too old to sync may still say hello and send its logs to head office.
    if (message && c.req.path !== '/sync/hello' && c.req.path !== '/sync/logs') return c.json({ error: message }, 426);
    c.set('pcVersion', version);
    c.set('updateRequired', message);
    return next();
  });

  app.post('/sync/report', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: '送信内容を JSON として読み取れませんでした。' }, 400);
    }
    const report = pcReportInput.safeParse(body);
    if (!report.success) return c.json({ error: '端末の報告の形式が正しくありません。' }, 400);
    await services.fleet.saveReport(c.get('client'), c.get('pcVersion'), report.data, clock.now());
    return c.json({ ok: true });
  });

  app.post(
    '/sync/logs',
    bodyLimit({
      maxSize: LOG_LIMITS.requestBytes + 64 * 1024,
      onError: (c) => c.json({ error: 'ログが大きすぎます（1ファイル20MB、合計50MBまで）。' }, 413),
    }),
    async (c) => {
      let form: Record<string, string | File | (string | File)[]>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch {
        return c.json({ error: 'ログを multipart/form-data として読み取れませんでした。' }, 400);
      }
      const parts = ([] as (string | File)[]).concat(form.file ?? []);
      const files: IncomingLogFile[] = [];
      for (const part of parts)
        if (typeof part !== 'string') files.push({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
      const note = typeof form.note === 'string' ? form.note : '';
      try {
        const client = c.get('client');
        const saved = await services.logs.save(client.id, files, note, clock.now());
        await services.audit.recordPc(client, address(c), clock.now(), 'ログの受信', {
          uploadId: saved.id,
          files: saved.files,
          bytes: files.reduce((n, f) => n + f.bytes.length, 0),
        });
        return c.json(saved);
      } catch (err) {
        if (err instanceof UserError) return c.json({ error: err.message }, err.code === 'too_large' ? 413 : 400);
        throw err;
      }
    },
  );
}
